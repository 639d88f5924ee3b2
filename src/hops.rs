//! Status lines read from standard input: `curl -sIL URL | httpcode`, a
//! column of codes, or `curl -w '%{http_code}'` values. Pure parsing over
//! bytes; bad lines are counted, never fatal.

use std::io;

use crate::catalogue;
use crate::lines;
use crate::target::{self, Target};

/// Lines longer than this are not status lines or headers we use.
pub const MAX_LINE: usize = 8 * 1024;

/// One status seen on stdin, with the headers that followed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub code: u16,
    /// The status line or value as read, trimmed.
    pub line: String,
    pub location: Option<String>,
    pub retry_after: Option<String>,
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
        let trimmed = text.trim();
        if let Some(code) = status_of(trimmed) {
            let hop = Hop {
                code,
                line: trimmed.to_string(),
                location: None,
                retry_after: None,
            };
            return self.current.replace(hop);
        }
        let (name, value) = trimmed.split_once(':')?;
        let hop = self.current.as_mut()?;
        let value = value.trim().to_string();
        if name.eq_ignore_ascii_case("location") {
            hop.location = Some(value);
        } else if name.eq_ignore_ascii_case("retry-after") {
            hop.retry_after = Some(value);
        }
        None
    }
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
        assert_eq!(r.hops[0].location.as_deref(), Some("https://example.com/"));
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
        assert_eq!(r.hops[0].retry_after.as_deref(), Some("120"));
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
