//! What the user typed, turned into what to look up: a code, a sub-status,
//! a pattern (`4xx`, `30x`), a range (`500-504`), a status line, or words.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One code, maybe with an IIS sub-status (`500.19`).
    Code { code: u16, substatus: Option<u16> },
    /// Three positions, each a digit or a wildcard (`4xx`, `5x3`).
    Pattern([Option<u8>; 3]),
    /// Inclusive range of codes (`500-504`).
    Range(u16, u16),
}

impl Target {
    pub fn matches(&self, code: u16) -> bool {
        match *self {
            Target::Code { code: c, .. } => c == code,
            Target::Pattern(digits) => {
                let actual = [code / 100, code / 10 % 10, code % 10];
                digits
                    .iter()
                    .zip(actual)
                    .all(|(want, got)| want.is_none_or(|d| u16::from(d) == got))
            }
            Target::Range(low, high) => (low..=high).contains(&code),
        }
    }

    /// A pattern that names one whole class, like `4xx`.
    pub fn whole_class(&self) -> Option<u8> {
        match *self {
            Target::Pattern([Some(d), None, None]) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Target::Code { code, substatus } => {
                f.write_str(&crate::label::code_label(code, substatus))
            }
            Target::Pattern(digits) => {
                for d in digits {
                    match d {
                        Some(d) => write!(f, "{d}")?,
                        None => f.write_str("x")?,
                    }
                }
                Ok(())
            }
            Target::Range(low, high) => write!(f, "{low:03}-{high:03}"),
        }
    }
}

/// Why an argument is not a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotACode(pub String);

impl fmt::Display for NotACode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The positional arguments, classified as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Targets(Vec<Target>),
    /// Free text for the search engine.
    Words(String),
}

/// Words go to search; anything that starts like a number must be a code.
pub fn classify(args: &[String]) -> Result<Request, NotACode> {
    let joined = args.join(" ");
    if let Some(code) = parse_status_line(&joined) {
        return Ok(Request::Targets(vec![code]));
    }
    if args.iter().any(|a| looks_like_words(a)) {
        if let Some(bad) = args
            .iter()
            .find(|a| !looks_like_words(a) && parse(a).is_err())
        {
            return Err(parse(bad).unwrap_err());
        }
        return Ok(Request::Words(joined.trim().to_string()));
    }
    args.iter()
        .map(|a| parse(a))
        .collect::<Result<_, _>>()
        .map(Request::Targets)
}

/// Starts with a letter (`teapot`, `gateway timeout`): a search, not a code.
fn looks_like_words(arg: &str) -> bool {
    let trimmed = arg.trim();
    let first = trimmed.chars().next();
    first.is_some_and(|c| c.is_alphabetic()) && !is_pattern_text(trimmed)
}

/// `xx4` starts with a letter but is a pattern.
fn is_pattern_text(arg: &str) -> bool {
    arg.len() == 3
        && arg
            .chars()
            .all(|c| c.is_ascii_digit() || c == 'x' || c == 'X')
        && arg.chars().any(|c| c.is_ascii_digit())
}

/// One argument that must be a code, sub-status, pattern, range or status line.
pub fn parse(arg: &str) -> Result<Target, NotACode> {
    let text = arg.trim();
    if text.is_empty() {
        return Err(NotACode(
            "empty argument: expected a status code such as 404".into(),
        ));
    }
    if let Some(target) = parse_status_line(text) {
        return Ok(target);
    }
    if let Some((low, high)) = text.split_once('-') {
        if let (Some(low), Some(high)) = (three_digits(low), three_digits(high)) {
            return if low <= high {
                Ok(Target::Range(low, high))
            } else {
                Err(NotACode(format!(
                    "range '{text}' runs backwards: write {high:03}-{low:03}"
                )))
            };
        }
    }
    if let Some((code, sub)) = text.split_once('.') {
        if let (Some(code), Some(sub)) = (three_digits(code), small_number(sub)) {
            return Ok(Target::Code {
                code,
                substatus: Some(sub),
            });
        }
    }
    if let Some(code) = three_digits(text) {
        return Ok(Target::Code {
            code,
            substatus: None,
        });
    }
    if let [digit] = text.as_bytes() {
        if digit.is_ascii_digit() {
            return Ok(Target::Pattern([Some(digit - b'0'), None, None]));
        }
    }
    if is_pattern_text(text) {
        let mut digits = [None; 3];
        for (slot, c) in digits.iter_mut().zip(text.bytes()) {
            *slot = c.is_ascii_digit().then(|| c - b'0');
        }
        return Ok(Target::Pattern(digits));
    }
    Err(NotACode(explain_bad(text)))
}

fn explain_bad(text: &str) -> String {
    let shown = crate::escape::shown(text);
    if text.bytes().all(|b| b.is_ascii_digit()) {
        let meant: Vec<String> = crate::suggest::codes_for_extra_digit(text)
            .into_iter()
            .map(crate::catalogue::code_and_name)
            .collect();
        let guess = if meant.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", meant.join(" or "))
        };
        format!("'{shown}' is not a status code: status codes have three digits (000-999){guess}")
    } else if text.starts_with('-') {
        format!("'{shown}' is not a status code: status codes are not negative")
    } else {
        format!("'{shown}' is not a status code, pattern (4xx, 50x) or range (500-504)")
    }
}

/// Exactly three ASCII digits.
fn three_digits(text: &str) -> Option<u16> {
    if text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// A sub-status: one to three digits.
fn small_number(text: &str) -> Option<u16> {
    if (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// A status pasted whole: `HTTP/1.1 404 Not Found`, `HTTP/2 404`, or a
/// code and its phrase without the version, `404 Not Found`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine<'a> {
    pub code: u16,
    /// The reason phrase as written, trimmed; may be empty after `HTTP/x`.
    pub phrase: &'a str,
    /// Starts with `HTTP/x`.
    pub versioned: bool,
}

/// Reads a status line. Without `HTTP/x`, the phrase must start with a
/// letter (`404 Not Found`), so `404 500` stays two codes.
pub fn status_line(line: &str) -> Option<StatusLine<'_>> {
    let line = line.trim();
    if let Some(Target::Code { code, .. }) = parse_status_line(line) {
        let after_version = line.split_once(char::is_whitespace)?.1.trim_start();
        let phrase = after_version.get(3..).unwrap_or("").trim();
        return Some(StatusLine {
            code,
            phrase,
            versioned: true,
        });
    }
    let (number, phrase) = line.split_once(char::is_whitespace)?;
    let code = three_digits(number)?;
    let phrase = phrase.trim();
    phrase
        .starts_with(|c: char| c.is_alphabetic())
        .then_some(StatusLine {
            code,
            phrase,
            versioned: false,
        })
}

/// `HTTP/1.1 503 Service Unavailable`, `HTTP/2 404`: the code in a status line.
pub fn parse_status_line(line: &str) -> Option<Target> {
    let line = line.trim();
    let prefix = line.get(..5)?;
    if !prefix.eq_ignore_ascii_case("HTTP/") {
        return None;
    }
    let mut parts = line.split_ascii_whitespace();
    let version = parts.next()?;
    let version_ok = version[5..]
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.')
        && version.len() > 5;
    let code = three_digits(parts.next()?)?;
    version_ok.then_some(Target::Code {
        code,
        substatus: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(code: u16) -> Target {
        Target::Code {
            code,
            substatus: None,
        }
    }

    fn words(args: &[&str]) -> Result<Request, NotACode> {
        classify(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn status_lines_keep_their_phrase() {
        let line = |code, phrase, versioned| {
            Some(StatusLine {
                code,
                phrase,
                versioned,
            })
        };
        assert_eq!(
            status_line("HTTP/1.1 404 Not Found"),
            line(404, "Not Found", true)
        );
        assert_eq!(status_line("  HTTP/2 404  "), line(404, "", true));
        assert_eq!(status_line("http/1.0 200 OK"), line(200, "OK", true));
        assert_eq!(status_line("404 Not Found"), line(404, "Not Found", false));
        assert_eq!(
            status_line("503\tService Unavailable"),
            line(503, "Service Unavailable", false)
        );
        assert_eq!(status_line("404"), None);
        assert_eq!(status_line("404 500"), None);
        assert_eq!(status_line("4044 Not Found"), None);
        assert_eq!(status_line("Not Found 404"), None);
        assert_eq!(status_line("HTTP/1.1 40 Not Found"), None);
    }

    #[test]
    fn codes_and_substatuses() {
        assert_eq!(parse("404"), Ok(code(404)));
        assert_eq!(parse("000"), Ok(code(0)));
        assert_eq!(
            parse("500.19"),
            Ok(Target::Code {
                code: 500,
                substatus: Some(19)
            })
        );
    }

    #[test]
    fn patterns_and_classes() {
        assert_eq!(parse("4xx"), Ok(Target::Pattern([Some(4), None, None])));
        assert_eq!(parse("4XX"), parse("4"));
        assert_eq!(parse("5x3"), Ok(Target::Pattern([Some(5), None, Some(3)])));
        let p = parse("30x").unwrap();
        assert!(p.matches(308) && !p.matches(310));
        assert_eq!(p.to_string(), "30x");
    }

    #[test]
    fn ranges() {
        let r = parse("500-504").unwrap();
        assert!(r.matches(502) && !r.matches(505));
        assert!(parse("504-500").is_err());
    }

    #[test]
    fn status_lines() {
        assert_eq!(parse("HTTP/1.1 503 Service Unavailable"), Ok(code(503)));
        assert_eq!(parse("HTTP/2 404"), Ok(code(404)));
        assert_eq!(parse("http/1.0 200 OK"), Ok(code(200)));
        assert_eq!(parse_status_line("HTTP/x 200"), None);
        assert_eq!(
            words(&["HTTP/1.1", "301", "Moved", "Permanently"]),
            Ok(Request::Targets(vec![code(301)]))
        );
    }

    #[test]
    fn not_codes() {
        for bad in ["12345", "-5", "", "4zz", "40", "4.5", "1e3", "५००"] {
            assert!(parse(bad).is_err(), "{bad} should not parse");
        }
        assert!(parse("12345").unwrap_err().0.contains("three digits"));
    }

    #[test]
    fn words_go_to_search_and_codes_stay_codes() {
        assert_eq!(words(&["teapot"]), Ok(Request::Words("teapot".into())));
        assert_eq!(
            words(&["gateway", "timeout"]),
            Ok(Request::Words("gateway timeout".into()))
        );
        assert_eq!(
            words(&["301", "308"]),
            Ok(Request::Targets(vec![code(301), code(308)]))
        );
        assert!(words(&["404", "4zz"]).is_err());
        assert_eq!(
            words(&["xx4"]),
            Ok(Request::Targets(vec![Target::Pattern([
                None,
                None,
                Some(4)
            ])]))
        );
    }
}
