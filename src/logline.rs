//! Reading one line of an access log: which bytes hold the status (and
//! the time), without splitting the line into fields. `stats` calls this
//! for every line, so it works on bytes with memchr and no allocation.
//!
//! Recognised per line, with no configuration:
//! - NCSA common and combined logs (Apache, nginx): the three digits after
//!   the quoted request, `"GET / HTTP/1.1" 200 ...`;
//! - JSON lines with a `status` or `status_code` field (number or string);
//! - a plain column of codes (`200`), as `curl -w '%{http_code}'` prints.

use memchr::memchr;

/// The status of one log line, whatever its format.
pub fn status_of_line(line: &[u8]) -> Option<u16> {
    let line = trim(line);
    match line.first()? {
        b'{' => json_status(line),
        _ if line.len() == 3 => three_digits(line),
        _ => ncsa_status(line),
    }
}

/// `... "GET /path HTTP/1.1" 404 1234 ...`: the three digits right after
/// the first quoted field (the request line). Inside the quotes a backslash
/// escapes the next byte, as Apache writes `\"` (nginx writes `\x22`, which
/// needs nothing special), so a client cannot end the field early and pick
/// the status its line is counted under. There is no second chance at a
/// later quote: a line whose request is not followed by ` ddd` is unparsed.
fn ncsa_status(line: &[u8]) -> Option<u16> {
    ncsa_request(line).map(|(status, _)| status)
}

/// The status of an NCSA line and where its request ends: the index of
/// the quote that closes it.
pub(crate) fn ncsa_request(line: &[u8]) -> Option<(u16, usize)> {
    let open = memchr(b'"', line)?;
    let close = string_end(line, open + 1)?;
    match line.get(close + 1..) {
        Some([b' ', a, b, c, rest @ ..]) if rest.first().is_none_or(|&next| next == b' ') => {
            three_digits(&[*a, *b, *c]).map(|status| (status, close))
        }
        _ => None,
    }
}

/// As `string_end` for a string of at most seven bytes without a
/// backslash (most JSON keys), found in one eight-byte word without a call;
/// `None` means "look further", not "unterminated".
fn short_string_end(line: &[u8], start: usize) -> Option<usize> {
    let word: [u8; 8] = line.get(start..start + 8)?.try_into().ok()?;
    let word = u64::from_le_bytes(word);
    let has = |byte: u8| {
        let x = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
        x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080
    };
    let quotes = has(b'"');
    if quotes == 0 {
        return None;
    }
    let first = quotes.trailing_zeros() as usize / 8;
    // A backslash before the quote: let string_end count the run.
    let backslashes = has(b'\\') & ((1u64 << (first * 8)) - 1);
    (backslashes == 0).then_some(start + first)
}

/// The index of the quote that ends a string whose first byte is at
/// `start`, where a backslash escapes the next byte. A quote is escaped
/// when an odd number of backslashes runs up to it, so one memchr per
/// quote is enough (escapes are rare; quotes are not).
pub(crate) fn string_end(line: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    loop {
        let quote = at + memchr(b'"', line.get(at..)?)?;
        if quote == start || line[quote - 1] != b'\\' {
            return Some(quote);
        }
        let backslashes = line[start..quote]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 0 {
            return Some(quote);
        }
        at = quote + 1;
    }
}

/// `{"status": 200, ...}` or `{"status_code":"404"}`, looked for among the
/// keys of the outer object only: `{"upstream":{"status":502},"status":200}`
/// is a 200. The first `status` that holds a code wins; without one, the
/// first `status_code` that does.
// Out of line: inlined, the scanner weighs on the NCSA path it sits beside.
#[inline(never)]
fn json_status(line: &[u8]) -> Option<u16> {
    let mut fallback = None;
    let mut found = None;
    top_level_keys(line, |key, value| {
        match key {
            b"status" => found = json_code(value),
            b"status_code" if fallback.is_none() => fallback = json_code(value),
            _ => {}
        }
        found.is_some()
    });
    found.or(fallback)
}

/// A JSON value that is a status: a number of exactly three digits (not
/// `200.5`, `2e2` or `2000`) or a string of exactly three digits.
pub(crate) fn json_code(value: &[u8]) -> Option<u16> {
    match value {
        [b'"', a, b, c, b'"', ..] => three_digits(&[*a, *b, *c]),
        [a, b, c, rest @ ..] if !matches!(rest.first(), Some(b'0'..=b'9' | b'.' | b'e' | b'E')) => {
            three_digits(&[*a, *b, *c])
        }
        _ => None,
    }
}

/// Calls `visit(key, value)` for each key of the outermost JSON object of
/// `line` (which starts with `{`), in order, until it returns true. `key`
/// is the raw text between the quotes; `value` is the rest of the line from
/// the first byte of the value. Strings (with backslash escapes) and the
/// nesting of `{}` and `[]` are tracked so that a word in a string value or
/// a key of an inner object is never taken for an outer key. Not a JSON
/// validator: it reads what is there and stops at the end of the line.
pub(crate) fn top_level_keys<'a>(
    line: &'a [u8],
    mut visit: impl FnMut(&'a [u8], &'a [u8]) -> bool,
) {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&byte) = line.get(at) {
        at += 1;
        match byte {
            b'"' => {
                let start = at;
                let Some(end) = short_string_end(line, start).or_else(|| string_end(line, start))
                else {
                    return;
                };
                at = end + 1;
                if depth == 1 {
                    let rest = skip(&line[at..], |b| b.is_ascii_whitespace());
                    if let Some(value) = rest.strip_prefix(b":") {
                        let value = skip(value, |b| b.is_ascii_whitespace());
                        if visit(&line[start..end], value) {
                            return;
                        }
                        at = line.len() - value.len();
                    }
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return;
                }
            }
            _ => {}
        }
    }
}

/// The `n`th (1-based) whitespace-separated field, if it is a code.
pub fn status_in_field(line: &[u8], n: usize) -> Option<u16> {
    trim(line)
        .split(|b| b.is_ascii_whitespace())
        .filter(|f| !f.is_empty())
        .nth(n.checked_sub(1)?)
        .and_then(|f| if f.len() == 3 { three_digits(f) } else { None })
}

pub(crate) fn three_digits(bytes: &[u8]) -> Option<u16> {
    match bytes {
        [a, b, c] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
            Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
        }
        _ => None,
    }
}

pub(crate) fn skip(bytes: &[u8], unwanted: impl Fn(u8) -> bool) -> &[u8] {
    let n = bytes.iter().take_while(|b| unwanted(**b)).count();
    &bytes[n..]
}

/// The line without surrounding whitespace and without the UTF-8 byte
/// order mark that files exported on Windows start with.
pub fn trim(line: &[u8]) -> &[u8] {
    // A slice pattern, not strip_prefix: that one may call memcmp per line.
    let line = match line {
        [0xef, 0xbb, 0xbf, rest @ ..] => rest,
        _ => line,
    };
    let line = skip(line, |b| b.is_ascii_whitespace());
    let end = line.len()
        - line
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    &line[..end]
}

/// The instant of the line's timestamp: NCSA `[23/Nov/2026:10:00:00 +0000]`,
/// or an ISO 8601 string under a top-level "time", "timestamp" or
/// "@timestamp" key of a JSON line (the first of those, in that order,
/// whose value is a string). `None` when the line has no stamp,
/// `Some(None)` when its stamp names no real time.
pub fn time_key(line: &[u8]) -> Option<Option<i64>> {
    let line = match line {
        [0xef, 0xbb, 0xbf, rest @ ..] => rest,
        _ => line,
    };
    let line = skip(line, |b| b.is_ascii_whitespace());
    if line.first() == Some(&b'{') {
        let mut found: [Option<&[u8]>; 3] = [None; 3];
        top_level_keys(line, |key, value| {
            let rank = match key {
                b"time" => 0,
                b"timestamp" => 1,
                b"@timestamp" => 2,
                _ => return false,
            };
            if found[rank].is_none() && value.first() == Some(&b'"') {
                found[rank] = Some(&value[1..]);
            }
            found[0].is_some()
        });
        let value = found.into_iter().flatten().next()?;
        // An ISO stamp holds no quote or backslash: the string ends at the
        // first quote, and a backslash makes it unreadable anyway.
        Some(memchr(b'"', value).and_then(|end| crate::timestamp::iso(&value[..end])))
    } else {
        let open = memchr(b'[', line)?;
        Some(crate::timestamp::ncsa(&line[open + 1..]))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const COMBINED: &[u8] = br#"203.0.113.9 - - [23/Nov/2026:10:00:00 +0000] "GET /index.html HTTP/1.1" 404 512 "https://example.com/" "Mozilla/5.0 (X11; Linux)""#;
    pub(crate) const COMMON: &[u8] =
        br#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326"#;

    #[test]
    fn ncsa_common_and_combined() {
        assert_eq!(status_of_line(COMBINED), Some(404));
        assert_eq!(status_of_line(COMMON), Some(200));
        // A quote inside the request does not fool it.
        let tricky = br#"h - - [d] "GET /a\"b HTTP/1.1" 301 0 "-" "-""#;
        assert_eq!(status_of_line(tricky), Some(301));
        assert_eq!(status_of_line(br#"h - - [d] "-" 400 0 "-" "-""#), Some(400));
    }

    #[test]
    fn json_lines_and_plain_codes() {
        assert_eq!(
            status_of_line(br#"{"ts":1,"status":503,"path":"/"}"#),
            Some(503)
        );
        assert_eq!(status_of_line(br#"{"status_code": "429"}"#), Some(429));
        assert_eq!(status_of_line(b"000"), Some(0));
        assert_eq!(status_of_line(b" 200\r"), Some(200));
        assert_eq!(status_of_line(br#"{"status":"ok"}"#), None);
    }

    #[test]
    fn garbage_is_not_a_status() {
        for line in [
            &b"hello world"[..],
            b"\xff\xfe\x00",
            b"12345",
            b"\"\"\"",
            b"{",
        ] {
            assert_eq!(status_of_line(line), None, "{line:?}");
        }
    }

    /// Each line's status is the one expected.
    fn assert_statuses(cases: &[(&[u8], Option<u16>)]) {
        for (line, want) in cases {
            assert_eq!(
                status_of_line(line),
                *want,
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn json_top_level_status_wins_over_nested_ones() {
        let cases: &[(&[u8], Option<u16>)] = &[
            (br#"{"upstream":{"status":502},"status":200}"#, Some(200)),
            (br#"{"a":[{"status":404}],"status_code":201}"#, Some(201)),
            (br#"{"upstream":{"status":502}}"#, None),
            (br#"{"status":"500"}"#, Some(500)),
            (br#"{"msg":"status","status":500}"#, Some(500)),
            (br#"{"msg":"say \"status\": 404","status":500}"#, Some(500)),
            (br#"{"note":"x\\","status":302}"#, Some(302)),
            (br#"{"status_code":404,"status":200}"#, Some(200)),
            (br#"{"status":200,"status_code":404}"#, Some(200)),
            (br#"{ "status" : 204 }"#, Some(204)),
            (br#"{"status":"ok","status_code":503}"#, Some(503)),
            // Escapes in short keys, where the eight-byte shortcut looks first.
            (br#"{"k\"":"status","status":204}"#, Some(204)),
            (br#"{"\\":1,"status":205}"#, Some(205)),
            (br#"{"status"  :  "207"  }"#, Some(207)),
        ];
        assert_statuses(cases);
    }

    #[test]
    fn json_status_is_exactly_three_digits() {
        for line in [
            &br#"{"status":200.9}"#[..],
            br#"{"status":-200}"#,
            br#"{"status":1200}"#,
            br#"{"status":99999999999}"#,
            br#"{"status":2e2}"#,
            br#"{"status":200E1}"#,
            br#"{"status":"2000"}"#,
            br#"{"status":"20"}"#,
            br#"{"status":" 200"}"#,
            br#"{"status":true}"#,
            br#"{"status""#,
            br#"{"status":"#,
            br#"{"\"#,
            br#"{"status":"\"#,
            b"{{{{[[[[",
            b"}}}]]]",
        ] {
            assert_eq!(
                status_of_line(line),
                None,
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn ncsa_status_follows_the_first_quoted_field() {
        let cases: &[(&[u8], Option<u16>)] = &[
            // The client wrote `" 404 x` into its request line.
            (br#"h - - [d] "GET /a\" 404 x HTTP/1.1" 200 5"#, Some(200)),
            (
                br#"h - - [d] "GET /a\x22 404 x HTTP/1.1" 200 5 "-" "-""#,
                Some(200),
            ),
            (br#"h - - [d] "GET /\\" 201 5"#, Some(201)),
            (br#"h - - [d] "GET / HTTP/1.1" 200"#, Some(200)),
            // No fallback to a later quote.
            (br#"h - - [d] "GET / HTTP/1.1" - "x" 200 1"#, None),
            (br#"h - - [d] "GET / HTTP/1.1" 2000 1"#, None),
            (br#"h - - [d] "GET / HTTP/1.1"200 1"#, None),
            (br#"h - - [d] "GET / HTTP/1.1\""#, None),
            (br#"h - - [d] "GET / HTTP/1.1\"#, None),
        ];
        assert_statuses(cases);
    }

    #[test]
    fn a_byte_order_mark_starts_a_line_of_any_format() {
        let bom = |line: &[u8]| [&b"\xef\xbb\xbf"[..], line].concat();
        assert_eq!(status_of_line(&bom(COMBINED)), Some(404));
        assert_eq!(status_of_line(&bom(br#"{"status":201}"#)), Some(201));
        assert_eq!(status_of_line(&bom(b"302")), Some(302));
        assert_eq!(status_in_field(&bom(b"302 a b"), 1), Some(302));
        assert_eq!(status_of_line(b"\xef\xbb\xbf"), None);
        assert_eq!(status_of_line(b"\xef\xbb"), None);
    }

    #[test]
    fn explicit_field() {
        assert_eq!(status_in_field(b"a b 302 d", 3), Some(302));
        assert_eq!(status_in_field(b"a b 302 d", 9), None);
        assert_eq!(status_in_field(b"a b 302 d", 0), None);
    }
}
