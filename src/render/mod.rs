//! Human output. Every renderer is a pure function of the data, a `Term`
//! (color on or off, width) and returns a String, so views snapshot cleanly.

pub mod chain;
pub mod class;
pub mod compare;
pub mod detail;
pub mod grid;
pub mod grpc;
pub mod guide;
pub mod search;
pub mod sources;
pub mod stats;

use grid::Grid;
use owo_colors::{OwoColorize, Style};

use crate::table::Class;
use crate::term::Term;

/// Applies styles only when color is on.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    pub on: bool,
}

impl Painter {
    pub fn new(term: Term) -> Painter {
        Painter { on: term.color }
    }

    fn apply(&self, text: &str, style: Style) -> String {
        if self.on {
            text.style(style).to_string()
        } else {
            text.to_string()
        }
    }

    /// 1xx blue, 2xx green, 3xx cyan, 4xx yellow, 5xx red, others magenta.
    pub fn class(&self, text: &str, class: Class) -> String {
        let style = match class.0 {
            1 => Style::new().blue(),
            2 => Style::new().green(),
            3 => Style::new().cyan(),
            4 => Style::new().yellow(),
            5 => Style::new().red(),
            _ => Style::new().magenta(),
        };
        self.apply(text, style.bold())
    }

    pub fn heading(&self, text: &str) -> String {
        self.apply(text, Style::new().bold())
    }

    pub fn dim(&self, text: &str) -> String {
        self.apply(text, Style::new().dimmed())
    }

    pub fn highlight(&self, text: &str) -> String {
        self.apply(text, Style::new().bold().underline())
    }
}

/// `1 entry`, `2 entries`: a count and its noun in agreement, digits
/// grouped by thousands.
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        stats::thousands(n),
        if n == 1 { one } else { many }
    )
}

/// Greedy word wrap to `width` columns, as a hanging indent: the first line
/// is taken to start at column `indent.len()` already (the caller printed a
/// prefix of that width), and every later line starts with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16 * (indent.len() + 1));
    let indent_len = indent.chars().count();
    let width = width.max(indent_len + 10);
    let room = width - indent_len;
    let mut line_len = indent_len;
    for word in text.split_whitespace() {
        // A word wider than a whole line (a long path or constant) is cut.
        let mut rest = word;
        while !rest.is_empty() {
            // Nearly all words are ASCII and shorter than a line.
            let cut = if rest.len() <= room {
                rest.len()
            } else {
                rest.char_indices().nth(room).map_or(rest.len(), |(i, _)| i)
            };
            let (piece, tail) = rest.split_at(cut);
            let len = if piece.is_ascii() {
                piece.len()
            } else {
                piece.chars().count()
            };
            let at_line_start = line_len == indent_len;
            if !at_line_start && line_len + 1 + len > width {
                out.push('\n');
                out.push_str(indent);
                line_len = indent_len;
            } else if !at_line_start {
                out.push(' ');
                line_len += 1;
            }
            out.push_str(piece);
            line_len += len;
            rest = tail;
            if !rest.is_empty() {
                out.push('\n');
                out.push_str(indent);
                line_len = indent_len;
            }
        }
    }
    out
}

/// The table laid out at the terminal's width, then painted when color is
/// on: the header bold, every code (`404`, `500.19`) in its class color, and
/// the words in `highlight` (search forms, see `tokenize`) underlined.
/// Painting after layout keeps escape codes out of the width arithmetic.
pub fn paint_table(table: &Grid, term: Term, highlight: &[&str]) -> String {
    let p = Painter::new(term);
    let mut out = String::new();
    let (lines, header) = table.layout(term.width);
    for (i, line) in lines.into_iter().enumerate() {
        let line = line.as_str();
        if !p.on {
            out.push_str(line);
        } else if i == 0 && header {
            out.push_str(&p.heading(line));
        } else {
            paint_words(&mut out, line, p, highlight);
        }
        out.push('\n');
    }
    out
}

fn paint_words(out: &mut String, line: &str, p: Painter, highlight: &[&str]) {
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if let Some(class) = code_class(word) {
            out.push_str(&p.class(word, class));
        } else if !highlight.is_empty()
            && crate::tokenize::words(word)
                .iter()
                .any(|w| highlight.contains(&w.as_str()))
        {
            out.push_str(&p.highlight(word));
        } else {
            out.push_str(word);
        }
    }
}

/// `404` or `500.19`: a code label, and its class.
fn code_class(word: &str) -> Option<Class> {
    let code = word.split_once('.').map_or(word, |(code, sub)| {
        if !sub.is_empty() && sub.bytes().all(|b| b.is_ascii_digit()) {
            code
        } else {
            ""
        }
    });
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Class(code.as_bytes()[0] - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_on_spaces_and_indents_continuations() {
        assert_eq!(wrap("aaa bbb ccc", 14, "  "), "aaa bbb ccc");
        assert_eq!(
            wrap("one two three four five six", 16, "  "),
            "one two three\n  four five six"
        );
        assert_eq!(wrap("one two three", 10, ""), "one two\nthree");
        assert_eq!(wrap("a abcdefghijklmnop", 10, ""), "a\nabcdefghij\nklmnop");
    }

    #[test]
    fn only_a_real_header_is_painted_as_one() {
        let mut grid = Grid::new(&["Code", "Name", "Summary"]);
        grid.add_row(vec![
            "404".into(),
            "Not Found".into(),
            "Nothing here at all".into(),
        ]);
        let wide = paint_table(
            &grid,
            Term {
                color: true,
                width: 80,
            },
            &[],
        );
        assert!(wide.starts_with("\u{1b}[1m Code"), "{wide:?}");
        let stacked = paint_table(
            &grid,
            Term {
                color: true,
                width: 20,
            },
            &[],
        );
        assert!(stacked.starts_with(" \u{1b}[33;1m404"), "{stacked:?}");
    }

    #[test]
    fn code_labels_are_recognised() {
        assert_eq!(code_class("404"), Some(Class(4)));
        assert_eq!(code_class("500.19"), Some(Class(5)));
        assert_eq!(code_class("4040"), None);
        assert_eq!(code_class("500."), None);
        assert_eq!(code_class("abc"), None);
    }

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(0, "entry", "entries"), "0 entries");
        assert_eq!(count(1, "entry", "entries"), "1 entry");
        assert_eq!(count(1234, "line", "lines"), "1,234 lines");
    }

    #[test]
    fn painter_off_leaves_text_alone() {
        let p = Painter { on: false };
        assert_eq!(p.class("404", Class(4)), "404");
        let p = Painter { on: true };
        assert!(p.class("404", Class(4)).contains("\u{1b}["));
    }
}
