//! Human output. Every renderer is a pure function of the data, a `Term`
//! (color on or off, width) and returns a String, so views snapshot cleanly.

pub mod chain;
pub mod class;
pub mod compare;
pub mod detail;
pub mod grid;
pub mod grpc;
pub mod guide;
pub mod har;
pub mod header;
pub mod response;
pub mod search;
pub mod snippet;
pub mod sources;
pub mod stats;

#[cfg(test)]
use grid::Cell;
use grid::Grid;
use owo_colors::{OwoColorize, Style};

use crate::catalogue::Class;
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
        self.apply(text, class_style(class).bold())
    }

    /// The class colour without bold: for bars, which are not codes.
    pub fn tint(&self, text: &str, class: Class) -> String {
        if text.is_empty() {
            return String::new();
        }
        self.apply(text, class_style(class))
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

    /// Bold red: a value over its threshold.
    pub fn alert(&self, text: &str) -> String {
        self.apply(text, Style::new().red().bold())
    }

    /// Text in the style a grid cell asked for.
    pub fn style(&self, text: &str, style: grid::Style) -> String {
        match style {
            grid::Style::Plain => text.to_string(),
            grid::Style::Heading => self.heading(text),
            grid::Style::Code(class) => self.class(text, class),
            grid::Style::Highlight => self.highlight(text),
            grid::Style::Dim => self.dim(text),
            grid::Style::Alert => self.alert(text),
        }
    }
}

fn class_style(class: Class) -> Style {
    match class.0 {
        1 => Style::new().blue(),
        2 => Style::new().green(),
        3 => Style::new().cyan(),
        4 => Style::new().yellow(),
        5 => Style::new().red(),
        _ => Style::new().magenta(),
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

/// `text` cut to at most `max` characters, an ellipsis included, at the
/// last space that keeps some of it when `at_word`. Shorter text is kept.
pub fn cut(text: &str, max: usize, at_word: bool) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    let kept = match kept.rsplit_once(' ') {
        Some((head, _)) if at_word && !head.is_empty() => head.to_string(),
        _ => kept,
    };
    format!("{kept}…")
}

/// Greedy word wrap to `width` columns, as a hanging indent: the first line
/// is taken to start at column `indent.len()` already (the caller printed a
/// prefix of that width), and every later line starts with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let indent_len = indent.chars().count();
    let room = width.max(indent_len + 10) - indent_len;
    let mut out = String::with_capacity(text.len() + text.len() / 16 * (indent.len() + 1));
    for (i, line) in wrap_lines(text, room).into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        out.push_str(line);
    }
    out
}

/// The one word wrapper: each line of `text` wrapped to `width` columns;
/// words wider than a line are cut. `wrap` and the grid's cells use it.
/// Lines are slices of `text`, so wrapping allocates only the list.
pub fn wrap_lines(text: &str, width: usize) -> Vec<&str> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut start: Option<usize> = None; // byte offset where the line starts
        let mut end = 0; // byte offset after its last word
        let mut used = 0; // its width
        for (at, word) in words_with_offsets(paragraph) {
            let mut at = at;
            let mut word = word;
            // Cut words wider than a whole line.
            while grid::text_width(word) > width {
                if let Some(s) = start.take() {
                    lines.push(&paragraph[s..end]);
                }
                let cut = word
                    .char_indices()
                    .nth(width)
                    .map_or(word.len(), |(i, _)| i);
                lines.push(&word[..cut]);
                word = &word[cut..];
                at += cut;
            }
            if word.is_empty() {
                continue;
            }
            let len = grid::text_width(word);
            match start {
                Some(s) if used + 1 + len > width => {
                    lines.push(&paragraph[s..end]);
                    start = Some(at);
                    used = len;
                }
                Some(_) => used += 1 + len,
                None => {
                    start = Some(at);
                    used = len;
                }
            }
            end = at + word.len();
        }
        lines.push(start.map_or("", |s| &paragraph[s..end]));
    }
    if lines.is_empty() {
        lines.push("");
    }
    lines
}

/// Words of `text` with their byte offsets.
fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |offset, word| {
            let at = *offset;
            *offset += word.len() + 1;
            Some((at, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// Code (a constant, a header line of an example) wrapped like `wrap`, but
/// broken only where code reads well broken: at a space or after a `.` or
/// `::`, never inside a quoted string, and a `//` comment is kept whole
/// with what follows it. Only a piece with no such point that is wider
/// than a whole line is cut, as `wrap` cuts long words.
pub fn wrap_code(text: &str, width: usize, indent: &str) -> String {
    let indent_len = indent.chars().count();
    let room = width.saturating_sub(indent_len).max(10);
    let mut out = String::with_capacity(text.len() + 16);
    let mut line_len = 0;
    for (piece, spaced) in code_pieces(text) {
        let mut rest = piece;
        let mut spaced = spaced;
        while !rest.is_empty() {
            let cut = rest.char_indices().nth(room).map_or(rest.len(), |(i, _)| i);
            let (part, tail) = rest.split_at(cut);
            let len = part.chars().count() + usize::from(spaced && line_len > 0);
            if line_len > 0 && line_len + len > room {
                out.push('\n');
                out.push_str(indent);
                line_len = 0;
            }
            if spaced && line_len > 0 {
                out.push(' ');
            }
            out.push_str(part);
            line_len += part.chars().count() + usize::from(spaced && line_len > 0);
            rest = tail;
            spaced = false;
        }
    }
    out
}

/// `text` cut where a line of code may break, each piece with whether a
/// space came before it.
fn code_pieces(text: &str) -> Vec<(&str, bool)> {
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let (mut start, mut spaced, mut quote) = (0, false, None);
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, ' ') => {
                if start < i {
                    pieces.push((&text[start..i], spaced));
                }
                (start, spaced) = (i + 1, true);
            }
            (None, '.') | (None, ':') if c == '.' || (i > 0 && bytes[i - 1] == b':') => {
                pieces.push((&text[start..=i], spaced));
                (start, spaced) = (i + 1, false);
            }
            _ => {}
        }
    }
    if start < text.len() {
        pieces.push((&text[start..], spaced));
    }
    // A comment marker stays with the comment.
    let mut joined: Vec<(&str, bool)> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let (piece, spaced) = pieces[i];
        if piece == "//" && i + 1 < pieces.len() {
            let end =
                pieces[i + 1].0.as_ptr() as usize - text.as_ptr() as usize + pieces[i + 1].0.len();
            let from = piece.as_ptr() as usize - text.as_ptr() as usize;
            joined.push((&text[from..end], spaced));
            i += 2;
        } else {
            joined.push((piece, spaced));
            i += 1;
        }
    }
    joined
}

/// The table laid out at the terminal's width, then painted from the
/// styles its cells carry (see `grid::Style`). Painting after layout keeps
/// escape codes out of the width arithmetic.
pub fn paint_table(table: &Grid, term: Term) -> String {
    let p = Painter::new(term);
    let mut out = String::new();
    for line in table.layout(term.width).0 {
        if p.on {
            for (text, style) in line.spans() {
                out.push_str(&p.style(text, style));
            }
        } else {
            out.push_str(line.text());
        }
        out.push('\n');
    }
    out
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
            Cell::code("404", Class(4)),
            "Not Found".into(),
            "Nothing here at all, not even 120".into(),
        ]);
        let wide = paint_table(
            &grid,
            Term {
                color: true,
                width: 80,
            },
        );
        assert!(wide.starts_with(" \u{1b}[1mCode"), "{wide:?}");
        assert!(
            wide.contains(" not even 120\n"),
            "only codes are painted: {wide:?}"
        );
        let stacked = paint_table(
            &grid,
            Term {
                color: true,
                width: 20,
            },
        );
        assert!(stacked.starts_with(" \u{1b}[33;1m404"), "{stacked:?}");
    }

    #[test]
    fn code_breaks_where_code_may_break() {
        let node = "http.STATUS_CODES[404] // 'Not Found'";
        assert_eq!(wrap_code(node, 42, "    "), node);
        assert_eq!(
            wrap_code(node, 36, "    "),
            "http.STATUS_CODES[404]\n    // 'Not Found'"
        );
        assert_eq!(
            wrap_code("HttpStatusCode.NetworkAuthenticationRequired", 40, "      "),
            "HttpStatusCode.\n      NetworkAuthenticationRequired"
        );
        assert_eq!(
            wrap_code(
                "http::StatusCode::NETWORK_AUTHENTICATION_REQUIRED",
                40,
                "  "
            ),
            "http::StatusCode::\n  NETWORK_AUTHENTICATION_REQUIRED"
        );
        // A quoted string is not broken at its spaces while it fits a line.
        assert_eq!(
            wrap_code("X-A: \"one two three four\"", 24, "  "),
            "X-A:\n  \"one two three four\""
        );
        // With nowhere to break, a piece wider than a line is cut.
        assert_eq!(
            wrap_code("abcdefghijklmnop", 12, "  "),
            "abcdefghij\n  klmnop"
        );
    }

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(0, "entry", "entries"), "0 entries");
        assert_eq!(count(1, "entry", "entries"), "1 entry");
        assert_eq!(count(1234, "line", "lines"), "1,234 lines");
    }

    #[test]
    fn cut_keeps_short_text_and_marks_what_it_drops() {
        assert_eq!(cut("short", 10, false), "short");
        assert_eq!(cut("abcdefghij", 5, false), "abcd…");
        assert_eq!(cut("one two three", 10, true), "one two…");
        assert_eq!(cut("onetwothree", 6, true), "onetw…");
    }

    #[test]
    fn painter_off_leaves_text_alone() {
        let p = Painter { on: false };
        assert_eq!(p.class("404", Class(4)), "404");
        let p = Painter { on: true };
        assert!(p.class("404", Class(4)).contains("\u{1b}["));
    }
}
