//! Status lines read from standard input: `curl -sIL URL | httpcode`, a
//! column of codes, or `curl -w '%{http_code}'` values. Pure parsing over
//! bytes; bad lines are counted, never fatal.

use std::io;

use crate::catalogue;
use crate::lines;
use crate::target::{self, Target};

/// Lines longer than this are not status lines or headers we use.
pub const MAX_LINE: usize = 8 * 1024;

/// Headers kept per response; more are counted, not kept.
pub const MAX_HEADERS: usize = 100;
/// Bytes of a body kept: enough for an error page's title or a JSON error.
pub const BODY_KEPT: usize = 4096;

/// One status seen on stdin, with the headers that followed it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hop {
    pub code: u16,
    /// The status line or value as read, trimmed.
    pub line: String,
    /// Every header, in order, as `(name, value)`, up to `MAX_HEADERS`.
    pub headers: Vec<(String, String)>,
    /// The start of the body, lines joined by `\n`, up to `BODY_KEPT`.
    pub body: String,
    /// The request curl -v showed before this response: method and target.
    pub request: Option<(String, String)>,
}

impl Hop {
    /// The first value of header `name`, case aside.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of header `name` (`Set-Cookie` comes several times).
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    pub fn retry_after(&self) -> Option<&str> {
        self.header("retry-after")
    }

    /// A response with headers, not a bare code.
    pub fn is_response(&self) -> bool {
        !self.headers.is_empty()
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Read {
    pub hops: Vec<Hop>,
    /// Lines skipped because they were binary, invalid UTF-8 or too long.
    pub skipped: usize,
}

/// Reads every line of `input` and keeps the hops: for tests and the
/// fuzzer, whose inputs are small. The command streams with `for_each_hop`.
pub fn read(input: impl io::Read) -> io::Result<Read> {
    let mut hops = Vec::new();
    let skipped = for_each_hop(input, |hop| {
        hops.push(hop);
        Ok(())
    })?;
    Ok(Read { hops, skipped })
}

/// Hands each hop to `f` as soon as it is complete (when the next status
/// line starts, or the input ends), so memory stays bounded and an endless
/// stream shows its first hops at once. Returns how many lines were
/// skipped. An error from `f` (a closed output) stops the reading.
pub fn for_each_hop(
    input: impl io::Read,
    mut f: impl FnMut(Hop) -> io::Result<()>,
) -> io::Result<usize> {
    let mut hops = HopReader::default();
    lines::for_each_line(input, MAX_LINE, 64 * 1024, |bytes, cut| {
        match hops.line(bytes, cut) {
            Some(hop) => f(hop),
            None => Ok(()),
        }
    })?;
    if let Some(hop) = hops.current.take() {
        f(hop)?;
    }
    Ok(hops.skipped)
}

/// Lines in, hops out: a status line or bare code starts a hop, a header
/// adds context to it, anything else is ignored.
#[derive(Debug, Default)]
struct HopReader {
    current: Option<Hop>,
    skipped: usize,
    /// A blank line ended the current hop's headers: what follows is body.
    in_body: bool,
    /// The request line of curl -v (`> POST /x HTTP/1.1`) waiting for its
    /// response.
    request: Option<(String, String)>,
}

impl HopReader {
    /// Takes one line; returns the hop it completed, if any.
    fn line(&mut self, bytes: &[u8], cut: bool) -> Option<Hop> {
        if cut || bytes.contains(&0) {
            self.skipped += 1;
            return None;
        }
        let Ok(text) = std::str::from_utf8(trim_line_end(bytes)) else {
            self.skipped += 1;
            return None;
        };
        // curl -v marks what it sent with `> `, what it got with `< `, and
        // its own notes with `* `, `{ ` and `} `.
        let (text, verbose) = match text.as_bytes() {
            [b'<'] | [b'>'] => ("", true),
            [b'<', b' ', ..] => (&text[2..], true),
            [b'>', b' ', ..] => return self.sent(&text[2..]),
            [b'*' | b'{' | b'}', b' ', ..] => return None,
            _ => (text, false),
        };
        let trimmed = text.trim();
        // In a body, a status line or a bare code (curl -w '%{http_code}')
        // starts the next response; a line such as `404 Not Found` is text.
        let starts = !self.in_body
            || verbose
            || target::parse_status_line(trimmed).is_some()
            || (trimmed.len() == 3 && trimmed.bytes().all(|b| b.is_ascii_digit()));
        if let Some(code) = status_of(trimmed).filter(|_| starts) {
            let hop = Hop {
                code,
                line: trimmed.to_string(),
                request: self.request.take(),
                ..Hop::default()
            };
            self.in_body = false;
            return self.current.replace(hop);
        }
        let hop = self.current.as_mut()?;
        if trimmed.is_empty() {
            // Bare codes have no headers: a blank line between them is no body.
            self.in_body |= !hop.headers.is_empty();
            return None;
        }
        if self.in_body {
            if hop.body.len() < BODY_KEPT {
                if !hop.body.is_empty() {
                    hop.body.push('\n');
                }
                let room = BODY_KEPT - hop.body.len();
                hop.body.push_str(cut_at_char(trimmed, room));
            }
            return None;
        }
        let (name, value) = trimmed.split_once(':')?;
        if name.is_empty() || name.contains(char::is_whitespace) {
            return None;
        }
        if hop.headers.len() < MAX_HEADERS {
            hop.headers
                .push((name.to_string(), value.trim().to_string()));
        }
        None
    }

    /// A line curl -v sent: a request line is kept for the response to
    /// come; its headers are not needed.
    fn sent(&mut self, line: &str) -> Option<Hop> {
        let mut words = line.split(' ');
        if let (Some(method), Some(target), Some(version)) =
            (words.next(), words.next(), words.next())
        {
            let is_method = !method.is_empty() && method.bytes().all(|b| b.is_ascii_uppercase());
            if is_method && version.starts_with("HTTP/") {
                self.request = Some((method.to_string(), target.to_string()));
            }
        }
        None
    }
}

/// The longest start of `text` of at most `max` bytes that ends on a
/// character boundary.
fn cut_at_char(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `HTTP/1.1 301 Moved Permanently`, `HTTP/2 200`, `404`, `000`, and a
/// code with its own phrase, `404 Not Found` (but not a body's `404 page
/// not found`).
fn status_of(text: &str) -> Option<u16> {
    if let Some(Target::Code { code, .. }) = target::parse_status_line(text) {
        return Some(code);
    }
    if let Some(line) = target::status_line(text) {
        return catalogue::is_phrase_of(line.code, line.phrase).then_some(line.code);
    }
    (text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &[u8]) -> Read {
        read(text).unwrap()
    }

    #[test]
    fn a_redirect_chain_from_curl() {
        let input = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/\r\nContent-Length: 0\r\n\r\nHTTP/2 200\r\ncontent-type: text/html\r\n\r\n";
        let r = read_str(input);
        assert_eq!(r.hops.len(), 2);
        assert_eq!(r.hops[0].code, 301);
        assert_eq!(r.hops[0].location(), Some("https://example.com/"));
        assert_eq!(r.hops[1].code, 200);
        assert_eq!(r.skipped, 0);
    }

    #[test]
    fn bare_codes_and_curl_values() {
        let r = read_str(b"404\n000\n  503  \nnot a code\n12345\n410 Gone\n404 page not found\n");
        let codes: Vec<u16> = r.hops.iter().map(|h| h.code).collect();
        assert_eq!(codes, [404, 0, 503, 410]);
    }

    #[test]
    fn retry_after_is_kept() {
        let r = read_str(b"HTTP/1.1 503 Service Unavailable\nRetry-After: 120\n");
        assert_eq!(r.hops[0].retry_after(), Some("120"));
    }

    #[test]
    fn bad_lines_are_counted_not_fatal() {
        let mut input = b"\xff\xfe\n\x00\x01binary\n".to_vec();
        input.extend(vec![b'a'; MAX_LINE * 3]);
        input.extend(b"\n404\n");
        let r = read_str(&input);
        assert_eq!(r.skipped, 3);
        assert_eq!(r.hops.len(), 1);
    }

    #[test]
    fn a_last_line_without_newline_counts() {
        assert_eq!(read_str(b"200").hops.len(), 1);
    }
}
