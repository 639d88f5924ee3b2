//! Color and width, decided once from the flags and the environment, then
//! passed to the renderers as plain values.

use crate::cli::{ColorChoice, MAX_WIDTH, MIN_WIDTH};

/// Width used when standard output is not a terminal: stable output for pipes.
pub const DEFAULT_WIDTH: u16 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub color: bool,
    pub width: u16,
}

impl Term {
    /// `is_tty`: whether standard output is a terminal.
    pub fn detect(choice: ColorChoice, width: Option<u16>, is_tty: bool) -> Term {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Term {
            color: wants_color(choice, is_tty, no_color),
            width: width.unwrap_or_else(|| {
                if is_tty {
                    terminal_width()
                } else {
                    DEFAULT_WIDTH
                }
            }),
        }
    }
}

/// `always` wins over NO_COLOR; `auto` needs a terminal and no NO_COLOR.
pub fn wants_color(choice: ColorChoice, is_tty: bool, no_color: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_tty && !no_color,
    }
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
}
