//! Text from outside (arguments, stdin, logs, server headers) made safe to
//! print: control characters are shown escaped, so a server or a log line
//! cannot move the cursor, retitle the window or clear the screen, and an
//! echoed value is cut at one bound so a message stays one short line.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The longest user value a message echoes, in characters.
pub const ECHO_MAX: usize = 60;

/// `text` with every control character visibly escaped: `\e` for ESC,
/// `\t`, `\r`, `\n`, `\xNN` for the other C0 controls and DEL, `\u{NN}` for
/// C1 controls and the bidirectional overrides that reorder what is shown.
/// Borrows when there is nothing to escape, which is nearly always.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// As `visible`, for bytes that may not be UTF-8: invalid bytes show as `\xNN`.
pub fn visible_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            push_visible(&mut out, c);
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// A user value inside a message: escaped, on one line, and cut at
/// `ECHO_MAX` characters with an ellipsis.
pub fn shown(input: &str) -> String {
    let mut out = String::new();
    for (i, c) in input.chars().enumerate() {
        if i == ECHO_MAX {
            out.push('…');
            break;
        }
        push_visible(&mut out, c);
    }
    out
}

/// One of our own messages on its way to stderr: line breaks we wrote are
/// kept, any other control character that slipped in is escaped.
pub fn message(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && needs_escape(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\n' {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\u{1b}' => out.push_str("\\e"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        '\n' => out.push_str("\\n"),
        c if (c as u32) < 0x80 && needs_escape(c) => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(visible("404 Not Found é"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_escaped() {
        assert_eq!(
            visible("\u{1b}]0;pwn\u{7}\u{1b}[2J"),
            "\\e]0;pwn\\x07\\e[2J"
        );
        assert_eq!(visible("a\tb\r\nc\u{7f}"), "a\\tb\\r\\nc\\x7f");
        assert_eq!(visible("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(visible("abc\u{202e}def"), "abc\\u{202e}def");
    }

    #[test]
    fn invalid_bytes_are_shown_as_hex() {
        assert_eq!(visible_bytes(b"ok\xff\x1b["), "ok\\xff\\e[");
    }

    #[test]
    fn shown_cuts_at_one_bound_on_one_line() {
        assert_eq!(shown("12\n34"), "12\\n34");
        let long = "x".repeat(1000);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), ECHO_MAX + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(shown(&"y".repeat(ECHO_MAX)), "y".repeat(ECHO_MAX));
    }

    #[test]
    fn messages_keep_their_own_line_breaks() {
        assert_eq!(message("one\n  two\u{1b}"), "one\n  two\\e");
    }
}
