//! Color and width, decided once from the flags and the environment, then
//! passed to the renderers as plain values.

use std::ffi::OsStr;

use crate::cli::{ColorChoice, MAX_WIDTH, MIN_WIDTH};

/// Width used when standard output is not a terminal: stable output for pipes.
pub const DEFAULT_WIDTH: u16 = 80;

/// Paragraphs wrap at this many columns at most, however wide the terminal:
/// longer lines are hard to read. Tables may use the whole width.
pub const PROSE_WIDTH: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub color: bool,
    pub width: u16,
}

impl Term {
    /// `is_tty`: whether standard output is a terminal.
    pub fn detect(choice: ColorChoice, width: Option<u16>, is_tty: bool) -> Term {
        let refused = color_refused(
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("TERM").as_deref(),
        );
        Term {
            color: wants_color(choice, is_tty, refused),
            width: width.unwrap_or_else(|| {
                if is_tty {
                    terminal_width()
                } else {
                    DEFAULT_WIDTH
                }
            }),
        }
    }

    /// The width paragraphs and bullets wrap at: the terminal's, up to
    /// `PROSE_WIDTH`.
    pub fn prose_width(self) -> usize {
        usize::from(self.width.min(PROSE_WIDTH))
    }
}

/// `always` wins over NO_COLOR and `TERM=dumb`; `auto` needs a terminal,
/// and `refused` (NO_COLOR set and not empty, or `TERM=dumb`) turns it off.
pub fn wants_color(choice: ColorChoice, is_tty: bool, refused: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_tty && !refused,
    }
}

/// Whether the environment asks for no color: `NO_COLOR` set and not
/// empty, or a `TERM` of `dumb` (a terminal that cannot show escapes).
pub fn color_refused(no_color: Option<&OsStr>, term: Option<&OsStr>) -> bool {
    no_color.is_some_and(|v| !v.is_empty()) || term.is_some_and(|t| t == "dumb")
}

fn terminal_width() -> u16 {
    terminal_size::terminal_size()
        .map(|(terminal_size::Width(w), _)| w)
        // A narrower terminal gets the narrowest layout, which it wraps.
        .map(|w| w.clamp(MIN_WIDTH, MAX_WIDTH))
        .unwrap_or(DEFAULT_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_choice_rules() {
        assert!(wants_color(ColorChoice::Always, false, true));
        assert!(!wants_color(ColorChoice::Never, true, false));
        assert!(wants_color(ColorChoice::Auto, true, false));
        assert!(!wants_color(ColorChoice::Auto, true, true));
        assert!(!wants_color(ColorChoice::Auto, false, false));
    }

    #[test]
    fn a_dumb_terminal_gets_no_color_unless_asked() {
        let os = |s: &'static str| Some(OsStr::new(s));
        assert!(color_refused(None, os("dumb")));
        assert!(color_refused(os("1"), os("xterm-256color")));
        assert!(!color_refused(os(""), os("xterm-256color")));
        assert!(!color_refused(None, None));
        assert!(!color_refused(None, os("dumber")));
        let refused = color_refused(None, os("dumb"));
        assert!(!wants_color(ColorChoice::Auto, true, refused));
        assert!(wants_color(ColorChoice::Always, true, refused));
    }

    #[test]
    fn prose_stops_at_a_hundred_columns() {
        let at = |width| {
            Term {
                color: false,
                width,
            }
            .prose_width()
        };
        assert_eq!(at(40), 40);
        assert_eq!(at(100), 100);
        assert_eq!(at(200), 100);
    }
}
