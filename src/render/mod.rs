//! Human output. Every renderer is a pure function of the data, a `Term`
//! (color on or off, width) and returns a String, so views snapshot cleanly.

pub mod class;
pub mod compare;
pub mod detail;
pub mod guide;
pub mod search;
pub mod sources;

use comfy_table::{presets, Cell, ContentArrangement, Table};
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

/// Greedy word wrap to `width` columns, as a hanging indent: the first line
/// is taken to start at column `indent.len()` already (the caller printed a
/// prefix of that width), and every later line starts with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let indent_len = indent.chars().count();
    let width = width.max(indent_len + 10);
    let mut line_len = indent_len;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let at_line_start = line_len == indent_len;
        if !at_line_start && line_len + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            line_len = indent.chars().count();
        } else if !at_line_start {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
    }
    out
}

/// A table that fits `term.width`, with a light border style.
pub fn new_table(term: Term, header: &[&str], painter: Painter) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_HORIZONTAL_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(term.width)
        .force_no_tty();
    if term.color {
        table.enforce_styling();
    }
    table.set_header(header.iter().map(|h| Cell::new(painter.heading(h))));
    table
}

/// `404 Not Found`, colored by class.
pub fn code_and_name(painter: Painter, code_label: &str, name: &str, class: Class) -> String {
    format!("{} {}", painter.class(code_label, class), painter.heading(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_on_spaces_and_indents_continuations() {
        assert_eq!(wrap("aaa bbb ccc", 14, "  "), "aaa bbb ccc");
        assert_eq!(
            wrap("one two three four five six", 16, "  "),
            "one two\n  three four\n  five six"
        );
        assert_eq!(wrap("one two three", 10, ""), "one two\nthree");
    }

    #[test]
    fn painter_off_leaves_text_alone() {
        let p = Painter { on: false };
        assert_eq!(p.class("404", Class(4)), "404");
        let p = Painter { on: true };
        assert!(p.class("404", Class(4)).contains("\u{1b}["));
    }
}
