//! Status lines read from standard input: `curl -sIL URL | httpcode`, a
//! column of codes, or `curl -w '%{http_code}'` values. Pure parsing over
//! bytes; bad lines are counted, never fatal.

use std::io::{self, BufRead};

use crate::query::{self, Target};

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

/// Reads every line of `input`, keeping at most `MAX_LINE` bytes of each.
pub fn read(input: impl BufRead) -> io::Result<Read> {
    let mut result = Read::default();
    for_each_line(input, |bytes, too_long| {
        if too_long || bytes.contains(&0) {
            result.skipped += 1;
            return;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => take_line(&mut result.hops, text),
            Err(_) => result.skipped += 1,
        }
    })?;
    Ok(result)
}

/// Calls `f` with each line (without its line ending) and whether it was
/// cut at `MAX_LINE`; memory stays bounded whatever the input.
fn for_each_line(mut input: impl BufRead, mut f: impl FnMut(&[u8], bool)) -> io::Result<()> {
    let mut line = Vec::with_capacity(256);
    let mut too_long = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            if !line.is_empty() || too_long {
                f(trim_line_end(&line), too_long);
            }
            return Ok(());
        }
        let (chunk, ends_line) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (&buffer[..at], true),
            None => (buffer, false),
        };
        let room = MAX_LINE.saturating_sub(line.len());
        if chunk.len() > room {
            too_long = true;
        }
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len() + usize::from(ends_line);
        input.consume(used);
        if ends_line {
            f(trim_line_end(&line), too_long);
            line.clear();
            too_long = false;
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// A status line or bare code starts a hop; a header adds context to the
/// last hop; anything else is ignored.
fn take_line(hops: &mut Vec<Hop>, text: &str) {
    let trimmed = text.trim();
    if let Some(code) = status_of(trimmed) {
        hops.push(Hop {
            code,
            line: trimmed.to_string(),
            location: None,
            retry_after: None,
        });
        return;
    }
    let Some((name, value)) = trimmed.split_once(':') else {
        return;
    };
    let Some(hop) = hops.last_mut() else {
        return;
    };
    let value = value.trim().to_string();
    if name.eq_ignore_ascii_case("location") {
        hop.location = Some(value);
    } else if name.eq_ignore_ascii_case("retry-after") {
        hop.retry_after = Some(value);
    }
}

/// `HTTP/1.1 301 Moved Permanently`, `HTTP/2 200`, `404`, `000`.
fn status_of(text: &str) -> Option<u16> {
    if let Some(Target::Code { code, .. }) = query::parse_status_line(text) {
        return Some(code);
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
        let r = read_str(b"404\n000\n  503  \nnot a code\n12345\n");
        let codes: Vec<u16> = r.hops.iter().map(|h| h.code).collect();
        assert_eq!(codes, [404, 0, 503]);
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
