//! The access-log formats `stats` reads beyond a bare status: for each, which
//! field holds the status the client got, the second status where there is
//! one (what the target, origin or upstream answered), the time, the path,
//! the host or target, and the detail the format is known for (an IIS
//! sub-status, HAProxy's termination state, Envoy's response flags...).
//! Field layouts follow each product's documentation; the README lists
//! them. A file's format is recognised from its first lines (directives,
//! the shape of a line), or forced with `--format`; JSON lines are told
//! apart line by line by their keys, so a file may mix them with text.

use memchr::{memchr, memmem};

use crate::logline::{json_code, string_end, three_digits, time_key, top_level_keys, trim};

/// A log format, as `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// NCSA common or combined (Apache, nginx, Traefik's CLF), with the
    /// nginx `us=` upstream status when the line has it.
    Ncsa,
    /// Microsoft IIS W3C Extended (`#Fields:`).
    Iis,
    /// AWS Application Load Balancer.
    Alb,
    /// AWS Classic Load Balancer.
    Elb,
    /// Amazon CloudFront standard logs (tab-separated, `#Fields:`).
    CloudFront,
    /// HAProxy `option httplog`, behind a syslog prefix.
    Haproxy,
    /// Envoy's default access log.
    Envoy,
    /// Caddy's JSON access log.
    Caddy,
    /// Traefik's JSON access log (its CLF lines read as NCSA).
    Traefik,
    /// Cloudflare Logpush `http_requests`.
    Cloudflare,
    /// Heroku router lines.
    Heroku,
    /// Other JSON lines with `status` or `status_code`.
    Json,
    /// One code per line.
    Codes,
}

/// Every format, in the order the README and `--help` list them.
pub const FORMATS: [Format; 13] = [
    Format::Ncsa,
    Format::Iis,
    Format::Alb,
    Format::Elb,
    Format::CloudFront,
    Format::Haproxy,
    Format::Envoy,
    Format::Caddy,
    Format::Traefik,
    Format::Cloudflare,
    Format::Heroku,
    Format::Json,
    Format::Codes,
];

impl Format {
    /// The name `--format` takes and `--json` prints.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ncsa => "ncsa",
            Format::Iis => "iis",
            Format::Alb => "alb",
            Format::Elb => "elb",
            Format::CloudFront => "cloudfront",
            Format::Haproxy => "haproxy",
            Format::Envoy => "envoy",
            Format::Caddy => "caddy",
            Format::Traefik => "traefik",
            Format::Cloudflare => "cloudflare",
            Format::Heroku => "heroku",
            Format::Json => "json",
            Format::Codes => "codes",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        FORMATS
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// What people call it.
    pub fn title(self) -> &'static str {
        match self {
            Format::Ncsa => "NCSA common/combined",
            Format::Iis => "IIS W3C",
            Format::Alb => "AWS ALB",
            Format::Elb => "AWS Classic ELB",
            Format::CloudFront => "CloudFront",
            Format::Haproxy => "HAProxy",
            Format::Envoy => "Envoy",
            Format::Caddy => "Caddy",
            Format::Traefik => "Traefik",
            Format::Cloudflare => "Cloudflare Logpush",
            Format::Heroku => "Heroku router",
            Format::Json => "JSON lines",
            Format::Codes => "codes",
        }
    }

    /// Who writes the first status, and who the second, for formats that
    /// log both: the hop a triage starts from.
    pub fn hops(self) -> Option<(&'static str, &'static str)> {
        match self {
            Format::Ncsa => Some(("nginx", "upstream")),
            Format::Alb => Some(("ALB", "target")),
            Format::Elb => Some(("ELB", "backend")),
            Format::Traefik => Some(("Traefik", "backend")),
            Format::Cloudflare => Some(("Cloudflare", "origin")),
            _ => None,
        }
    }
}

/// What a format logs besides the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail<'a> {
    None,
    /// IIS `sc-substatus` and `sc-win32-status`.
    Iis {
        substatus: u16,
        win32: &'a [u8],
    },
    /// ALB `error_reason`, when set.
    Reason(&'a [u8]),
    /// CloudFront `x-edge-result-type`.
    EdgeResult(&'a [u8]),
    /// HAProxy termination state (its first two characters matter).
    Termination(&'a [u8]),
    /// Envoy RESPONSE_FLAGS, comma-separated.
    Flags(&'a [u8]),
    /// Heroku `code=H12`.
    HerokuCode(&'a [u8]),
}

/// Where a line's time is, read only when asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stamp<'a> {
    None,
    /// The whole line, for NCSA and generic JSON (`logline::time_key`).
    Line(&'a [u8]),
    /// ISO 8601 / RFC 3339.
    Iso(&'a [u8]),
    /// W3C `date` and `time` fields, UTC.
    DateTime(&'a [u8], &'a [u8]),
    /// `dd/Mon/yyyy:HH:MM:SS[.mmm]`, with or without an offset.
    Clf(&'a [u8]),
    /// Seconds since the epoch, maybe fractional (Caddy `ts`).
    UnixSeconds(&'a [u8]),
    /// Nanoseconds since the epoch (Cloudflare's default).
    UnixNanos(&'a [u8]),
}

/// One request of a log, as its format tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record<'a> {
    /// What the client got; 0 when no response was sent.
    pub status: u16,
    /// What the hop behind answered: `None` when the format has no such
    /// field, `Some(None)` when this line has none (`-`, `0`).
    pub second: Option<Option<u16>>,
    /// The path, without the query; may be empty.
    pub path: &'a [u8],
    /// The target, upstream, backend or host, where the format names one.
    pub host: &'a [u8],
    pub detail: Detail<'a>,
    stamp: Stamp<'a>,
}

impl<'a> Record<'a> {
    fn new(status: u16) -> Record<'a> {
        Record {
            status,
            second: None,
            path: b"",
            host: b"",
            detail: Detail::None,
            stamp: Stamp::None,
        }
    }

    /// The instant the line's stamp names: `None` without a stamp,
    /// `Some(None)` for a stamp that names no real time. HAProxy writes
    /// local time with no zone: `local` says which (seconds east of UTC).
    pub fn time(&self, local: i32) -> Option<Option<i64>> {
        use crate::timestamp::{iso, ncsa};
        match self.stamp {
            Stamp::None => None,
            Stamp::Line(line) => time_key(line),
            Stamp::Iso(s) => Some(iso(s)),
            Stamp::DateTime(date, time) => {
                let mut buf = [0u8; 32];
                let len = date.len() + 1 + time.len();
                if len > buf.len() {
                    return Some(None);
                }
                buf[..date.len()].copy_from_slice(date);
                buf[date.len()] = b'T';
                buf[date.len() + 1..len].copy_from_slice(time);
                Some(iso(&buf[..len]))
            }
            Stamp::Clf(s) => {
                // HAProxy writes milliseconds and no zone: drop the former,
                // and read the time at `local`.
                let mut buf = [0u8; 40];
                let s = match s.get(20) {
                    Some(b'.') => {
                        let digits = s[21..].iter().take_while(|b| b.is_ascii_digit()).count();
                        let rest = &s[21 + digits..];
                        let len = 20 + rest.len().min(buf.len() - 20);
                        buf[..20].copy_from_slice(&s[..20]);
                        buf[20..len].copy_from_slice(&rest[..len - 20]);
                        &buf[..len]
                    }
                    _ => s,
                };
                let mut closed = [0u8; 41];
                let end = memchr(b']', s).unwrap_or(s.len());
                closed[..end].copy_from_slice(&s[..end]);
                closed[end] = b']';
                let zoneless = end == 20;
                let shift = if zoneless { i64::from(local) } else { 0 };
                Some(ncsa(&closed[..=end]).map(|t| t - shift))
            }
            Stamp::UnixSeconds(s) => {
                let whole = s.iter().take_while(|b| b.is_ascii_digit()).count();
                Some(digits(&s[..whole]).and_then(|n| i64::try_from(n).ok()))
            }
            Stamp::UnixNanos(s) => {
                Some(digits(s).and_then(|n| i64::try_from(n / 1_000_000_000).ok()))
            }
        }
    }
}

fn digits(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > 19 {
        return None;
    }
    bytes.iter().try_fold(0u64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed<'a> {
    Record(Record<'a>),
    /// A directive (`#Fields:`) or an empty line: nothing to count.
    Skip,
    /// A line that holds no status this format can find.
    Unparsed,
}

/// What the caller will use, so the rest is not looked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Want {
    /// Paths and hosts (`--top`).
    pub places: bool,
}

/// The W3C fields a line is read for, as indexes into what `w3c` keeps.
const STATUS: usize = 0;
const SUBSTATUS: usize = 1;
const WIN32: usize = 2;
const DATE: usize = 3;
const TIME: usize = 4;
const PATH: usize = 5;
const HOST: usize = 6;
const EDGE_RESULT: usize = 7;
/// Fields at a position past this are not read.
const MAX_FIELDS: usize = 64;

/// Field positions of a W3C file, from its latest `#Fields:` directive:
/// for each position, which of the fields above it holds, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fields {
    slots: [Option<u8>; MAX_FIELDS],
    /// The last position that holds one.
    last: usize,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            slots: [None; MAX_FIELDS],
            last: 0,
        }
    }
}

impl Fields {
    fn parse(names: &[u8]) -> Fields {
        let mut f = Fields::default();
        for (i, name) in names
            .split(|b| b.is_ascii_whitespace())
            .filter(|n| !n.is_empty())
            .enumerate()
            .take(MAX_FIELDS)
        {
            let slot = match name {
                b"sc-status" => STATUS,
                b"sc-substatus" => SUBSTATUS,
                b"sc-win32-status" => WIN32,
                b"date" => DATE,
                b"time" => TIME,
                b"cs-uri-stem" => PATH,
                b"cs-host" | b"x-host-header" => HOST,
                b"x-edge-result-type" => EDGE_RESULT,
                _ => continue,
            };
            f.slots[i] = Some(slot as u8);
            f.last = i;
        }
        f
    }

    fn has_status(&self) -> bool {
        self.slots.contains(&Some(STATUS as u8))
    }
}

/// Reads the lines of one file (or stream): remembers the format found,
/// and a W3C file's field list.
#[derive(Debug, Clone)]
pub struct Reader {
    forced: Option<Format>,
    /// The text format of this file, once a line has shown it.
    found: Option<Format>,
    fields: Fields,
    want: Want,
    /// A CloudFront directive was seen: data lines are tab-separated.
    tabs: bool,
    /// Every format a line was read in, in the order met.
    seen: Vec<Format>,
    ncsa: NcsaShape,
}

/// What the NCSA lines of a file have shown of their end. A line that ends
/// with the user agent's quote, in a file whose lines have had nothing
/// appended, is taken to have nothing appended either: that skips a walk
/// over its referer and user agent, a third of the time of `stats` on a
/// combined log. One line in 64 is walked anyway, so a stream that turns
/// into nginx's extended lines is noticed within 64 lines.
#[derive(Debug, Clone, Copy, Default)]
struct NcsaShape {
    plain: bool,
    /// Some line had fields appended: walk every line from now on.
    extended: bool,
    lines: u32,
}

impl NcsaShape {
    fn needs_walk(&mut self, line: &[u8]) -> bool {
        self.lines = self.lines.wrapping_add(1);
        !(self.plain && line.last() == Some(&b'"') && self.lines % 64 != 0)
    }

    fn learn(&mut self, line: &[u8], appended: bool) {
        self.extended |= appended;
        self.plain = !self.extended && line.last() == Some(&b'"');
    }
}

impl Reader {
    pub fn new(forced: Option<Format>, want: Want) -> Reader {
        Reader {
            forced,
            found: None,
            fields: Fields::default(),
            want,
            tabs: false,
            seen: Vec::new(),
            ncsa: NcsaShape::default(),
        }
    }

    /// The format the lines read so far were in, if one was recognised.
    pub fn format(&self) -> Option<Format> {
        self.formats().next()
    }

    /// The formats the lines read so far were in, in the order met (a
    /// Traefik file may mix CLF and JSON lines).
    pub fn formats(&self) -> impl Iterator<Item = Format> + '_ {
        self.forced.into_iter().chain(self.seen.iter().copied())
    }

    fn met(&mut self, format: Format) {
        if !self.seen.contains(&format) {
            self.seen.push(format);
        }
    }

    pub fn read<'a>(&mut self, line: &'a [u8]) -> Parsed<'a> {
        let line = trim(line);
        let Some(&first) = line.first() else {
            return Parsed::Skip;
        };
        if first == b'#' && is_directive(line) {
            self.directive(line);
            return Parsed::Skip;
        }
        if let Some(format) = self.forced {
            return self
                .read_as(format, line)
                .map_or(Parsed::Unparsed, Parsed::Record);
        }
        if line.len() == 3 {
            // A bare code reads the same whatever came before it.
            return match three_digits(line) {
                Some(code) => {
                    self.met(Format::Codes);
                    Parsed::Record(Record::new(code))
                }
                None => Parsed::Unparsed,
            };
        }
        if first == b'{' {
            return match json(line, self.want) {
                Some((record, format)) => {
                    self.met(format);
                    Parsed::Record(record)
                }
                None => Parsed::Unparsed,
            };
        }
        if let Some(format) = self.found {
            if let Some(record) = self.read_as(format, line) {
                return Parsed::Record(record);
            }
        }
        // A new file, or a line of another shape: look again.
        let format = detect(line, self.fields.has_status(), self.tabs);
        match self.read_as(format, line) {
            Some(record) => {
                self.found = Some(format);
                self.met(format);
                Parsed::Record(record)
            }
            None => Parsed::Unparsed,
        }
    }

    /// The status and upstream status of a line of a file already read
    /// as NCSA, for callers that want nothing else: the common case of
    /// `stats`, without a `Record`. `None`: give the line to `read`.
    pub fn ncsa_codes(&mut self, line: &[u8]) -> Option<(u16, Option<Option<u16>>)> {
        if self.found != Some(Format::Ncsa)
            || self.forced.is_some_and(|f| f != Format::Ncsa)
            || self.want.places
        {
            return None;
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match line.first() {
            None | Some(b'{' | b'#' | b' ' | b'\t') => return None,
            Some(_) => {}
        }
        ncsa(line, self.want, Some(&mut self.ncsa)).map(|r| (r.status, r.second))
    }

    fn directive(&mut self, line: &[u8]) {
        if let Some(names) = line.strip_prefix(b"#Fields:") {
            self.fields = Fields::parse(names);
            let cloudfront = memmem::find(names, b"x-edge-location").is_some();
            self.tabs = cloudfront;
            if self.forced.is_none() {
                let format = if cloudfront {
                    Format::CloudFront
                } else {
                    Format::Iis
                };
                self.found = Some(format);
                self.met(format);
            }
        }
    }

    fn read_as<'a>(&mut self, format: Format, line: &'a [u8]) -> Option<Record<'a>> {
        match format {
            Format::Ncsa => ncsa(line, self.want, Some(&mut self.ncsa)),
            Format::Iis => w3c(line, &self.fields, b' ', false),
            Format::CloudFront => w3c(line, &self.fields, b'\t', true),
            Format::Alb => aws(line, true),
            Format::Elb => aws(line, false),
            Format::Haproxy => haproxy(line, self.want),
            Format::Envoy => envoy(line),
            Format::Heroku => heroku(line),
            // Traefik writes CLF lines as well as JSON ones; what it
            // appends (a request count, router, URL) holds no status.
            Format::Traefik if !line.starts_with(b"{") => ncsa(line, self.want, None),
            Format::Caddy | Format::Traefik | Format::Cloudflare | Format::Json => {
                json(line, self.want).map(|(record, _)| record)
            }
            Format::Codes => {
                let line = trim(line);
                (line.len() == 3)
                    .then(|| three_digits(line))
                    .flatten()
                    .map(Record::new)
            }
        }
    }
}

/// A W3C directive: `#` then a word and a colon (`#Fields:`, `#Date:`).
pub fn is_directive(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"#") else {
        return false;
    };
    let word = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    word > 0 && rest.get(word) == Some(&b':')
}

/// The format a text line looks like.
fn detect(line: &[u8], has_fields: bool, tabs: bool) -> Format {
    if has_fields {
        return if tabs {
            Format::CloudFront
        } else {
            Format::Iis
        };
    }
    let word_end = memchr(b' ', line).unwrap_or(line.len());
    let word = &line[..word_end];
    let next_is_iso = line
        .get(word_end + 1..word_end + 5)
        .is_some_and(|y| y.iter().all(u8::is_ascii_digit));
    if matches!(word, b"http" | b"https" | b"h2" | b"grpcs" | b"ws" | b"wss") && next_is_iso {
        return Format::Alb;
    }
    if line.starts_with(b"[")
        && line
            .get(1..5)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
    {
        return Format::Envoy;
    }
    let starts_iso = line.len() > 19
        && line[..4].iter().all(u8::is_ascii_digit)
        && line[4] == b'-'
        && line[10] == b'T';
    if starts_iso {
        if syslog_tag(line, b"heroku")
            .is_some_and(|at| line[at..].starts_with(b" heroku[router]: "))
        {
            return Format::Heroku;
        }
        return Format::Elb;
    }
    if syslog_tag(line, b"haproxy").is_some() {
        return Format::Haproxy;
    }
    if line.len() == 3 {
        return Format::Codes;
    }
    Format::Ncsa
}

/// Splits a line into fields at `sep`, a field that opens with `"` (or
/// `[`, `{`) running to its close, as log writers quote a request or a
/// user agent. Quotes and brackets are dropped; in quotes a backslash
/// escapes the next byte.
struct Tokens<'a> {
    line: &'a [u8],
    at: usize,
    sep: u8,
}

impl<'a> Tokens<'a> {
    fn new(line: &'a [u8], sep: u8) -> Tokens<'a> {
        Tokens { line, at: 0, sep }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let line = self.line;
        // Runs of spaces separate one field (W3C writes single ones, syslog
        // pads a day with two); a tab always ends one.
        if self.sep == b' ' {
            while line.get(self.at) == Some(&b' ') {
                self.at += 1;
            }
        }
        if self.at > line.len() || (self.at == line.len() && self.sep == b' ') {
            return None;
        }
        let start = self.at;
        let close = match line.get(start) {
            Some(b'"') if self.sep == b' ' => Some(b'"'),
            Some(b'[') if self.sep == b' ' => Some(b']'),
            Some(b'{') if self.sep == b' ' => Some(b'}'),
            _ => None,
        };
        if let Some(close) = close {
            let end = if close == b'"' {
                string_end(line, start + 1)
            } else {
                memchr(close, &line[start + 1..]).map(|i| start + 1 + i)
            };
            if let Some(end) = end {
                self.at = end + 2;
                return Some(&line[start + 1..end]);
            }
        }
        let end = memchr(self.sep, &line[start..]).map_or(line.len(), |i| start + i);
        self.at = end + 1;
        Some(&line[start..end])
    }
}

/// A status field: three digits, or `-`/`0`/`000`/`-1` for none sent
/// (then 0). Anything else is not a status.
fn status_field(field: &[u8]) -> Option<u16> {
    match field {
        b"-1" | b"0" => Some(0),
        _ if field.len() == 3 => three_digits(field),
        _ => None,
    }
}

/// A second status: a code, or `None` for `-` and `0` (no answer).
fn second_field(field: &[u8]) -> Option<Option<u16>> {
    match field {
        b"-" | b"0" | b"000" | b"" => Some(None),
        _ if field.len() == 3 => three_digits(field).map(|c| (c != 0).then_some(c)),
        _ => None,
    }
}

/// `/path` of a request line `GET /path?q HTTP/1.1`, or of an absolute URL
/// `GET https://host:443/path HTTP/1.1`, without the query.
fn request_path(request: &[u8]) -> &[u8] {
    let mut parts = request.splitn(3, |&b| b == b' ');
    let _method = parts.next();
    let target = parts.next().unwrap_or(b"");
    url_path(target)
}

fn url_path(target: &[u8]) -> &[u8] {
    let scheme_end =
        memchr::memchr_iter(b':', target).find(|&i| target[i + 1..].starts_with(b"//"));
    let target = match scheme_end {
        Some(i) => {
            let rest = &target[i + 3..];
            memchr(b'/', rest).map_or(&b"/"[..], |j| &rest[j..])
        }
        None => target,
    };
    let end = memchr(b'?', target).unwrap_or(target.len());
    &target[..end]
}

/// How far from the end of an NCSA line nginx's `us=` is looked for.
/// NCSA: the status after the quoted request (`logline::ncsa_request`),
/// and, given the file's shape, nginx's upstream status when the line
/// carries one after the user agent.
fn ncsa<'a>(line: &'a [u8], want: Want, shape: Option<&mut NcsaShape>) -> Option<Record<'a>> {
    let (status, close) = crate::logline::ncsa_request(line)?;
    let mut record = Record::new(status);
    record.stamp = Stamp::Line(line);
    if let Some(shape) = shape {
        if shape.needs_walk(line) {
            let extra = extensions(line, close + 5);
            shape.learn(line, !extra.is_empty());
            if !extra.is_empty() {
                record.second = upstream_status(extra);
            }
        }
    }
    if want.places {
        let open = memchr(b'"', line).unwrap_or(0);
        record.path = request_path(&line[open + 1..close]);
    }
    Some(record)
}

/// What follows the standard fields of an NCSA line (bytes, then the
/// quoted referer and user agent of a combined line), from the byte after
/// the status: empty for a plain common or combined line. Walking the
/// fields costs less than searching the line's end for `us=`.
fn extensions(line: &[u8], after_status: usize) -> &[u8] {
    let Some(rest) = line.get(after_status..) else {
        return b"";
    };
    let Some(rest) = rest.strip_prefix(b" ") else {
        return b"";
    };
    let bytes = memchr(b' ', rest).unwrap_or(rest.len());
    let mut at = after_status + 1 + bytes;
    for _ in 0..2 {
        match line.get(at..at + 2) {
            Some(b" \"") => match string_end(line, at + 2) {
                Some(quote) => at = quote + 1,
                None => return b"",
            },
            _ => break,
        }
    }
    line.get(at..).unwrap_or(b"")
}

/// nginx's `$upstream_status` among the fields appended to a combined
/// line, which have no standard spelling: `us=502` or `us="502, 200"` as
/// key and value, else bare. A bare code is taken only where it cannot be
/// another number (a `$request_length` of 512): in a list of attempts
/// (`502, 200`, `404 : 200`) or followed by the upstream's address
/// (`0.031 502 "10.0.0.11:8080"`). The last upstream tried answered.
/// `None` when the line names none.
fn upstream_status(extra: &[u8]) -> Option<Option<u16>> {
    let mut fields: [&[u8]; 32] = [b""; 32];
    let mut n = 0;
    let mut at = 0;
    while at < extra.len() && n < fields.len() {
        if extra[at] == b' ' {
            at += 1;
            continue;
        }
        let end = token_end(extra, at);
        fields[n] = &extra[at..end];
        n += 1;
        at = end;
    }
    let tokens = &fields[..n];
    if let Some(value) = tokens.iter().find_map(|t| t.strip_prefix(b"us=")) {
        let value = value.strip_prefix(b"\"").unwrap_or(value);
        let value = value.strip_suffix(b"\"").unwrap_or(value);
        return Some(last_upstream(value));
    }
    let bare = |token: &[u8]| {
        let code = token.strip_suffix(b",").unwrap_or(token);
        (code.len() == 3)
            .then(|| three_digits(code))
            .flatten()
            .filter(|c| (100..600).contains(c))
    };
    let address = |token: &[u8]| {
        let token = token.strip_prefix(b"\"").unwrap_or(token);
        token.contains(&b':')
            && token
                .first()
                .is_some_and(|b| b.is_ascii_digit() || *b == b'[')
            || token.starts_with(b"unix:")
    };
    let mut found = None;
    let mut i = 0;
    while i < tokens.len() {
        let Some(mut code) = bare(tokens[i]) else {
            i += 1;
            continue;
        };
        // Follow a list of attempts to its last code.
        let mut list = false;
        while i + 1 < tokens.len() {
            let joined = tokens[i].ends_with(b",") || tokens[i + 1] == b":";
            let next = if tokens[i + 1] == b":" { i + 2 } else { i + 1 };
            match tokens.get(next).and_then(|t| bare(t)) {
                Some(c) if joined => {
                    (code, list, i) = (c, true, next);
                }
                _ => break,
            }
        }
        if list || tokens.get(i + 1).is_some_and(|t| address(t)) {
            found = Some(Some(code));
        }
        i += 1;
    }
    found
}

/// Where the appended field starting at `at` ends: a quoted string, or a
/// word whose value may be quoted (`uct="0.001, 0.000"`).
fn token_end(extra: &[u8], at: usize) -> usize {
    if extra[at] == b'"' {
        return string_end(extra, at + 1).map_or(extra.len(), |q| q + 1);
    }
    let word = memchr(b' ', &extra[at..]).map_or(extra.len(), |i| at + i);
    match memchr(b'=', &extra[at..word]) {
        Some(eq) if extra.get(at + eq + 1) == Some(&b'"') => {
            string_end(extra, at + eq + 2).map_or(extra.len(), |q| q + 1)
        }
        _ => word,
    }
}

/// The status of the upstream that answered last in `502, 200 : 404`.
fn last_upstream(value: &[u8]) -> Option<u16> {
    let last = value
        .rsplit(|&b| b == b',' || b == b':')
        .next()
        .map(trim)
        .unwrap_or(b"");
    second_field(last).flatten()
}

/// IIS W3C (space-separated) and CloudFront (tab-separated), mapped by the
/// file's `#Fields:` line.
fn w3c<'a>(line: &'a [u8], fields: &Fields, sep: u8, cloudfront: bool) -> Option<Record<'a>> {
    let mut kept: [Option<&[u8]>; 8] = [None; 8];
    let mut start = 0;
    // memchr per separator, and no further than the last field used.
    let ends = memchr::memchr_iter(sep, line).chain(std::iter::once(line.len()));
    for (at, end) in ends.enumerate().take(fields.last + 1) {
        if let Some(slot) = fields.slots[at] {
            kept[usize::from(slot)] = Some(&line[start..end]);
        }
        start = end + 1;
    }
    let get = |slot: usize| kept[slot];
    let status = status_field(get(STATUS)?)?;
    let mut record = Record::new(status);
    if let (Some(date), Some(time)) = (get(DATE), get(TIME)) {
        record.stamp = Stamp::DateTime(date, time);
    }
    record.path = get(PATH).unwrap_or(b"");
    record.host = get(HOST).filter(|h| *h != b"-").unwrap_or(b"");
    record.detail = if cloudfront {
        get(EDGE_RESULT).map_or(Detail::None, Detail::EdgeResult)
    } else {
        let substatus = get(SUBSTATUS)
            .and_then(digits)
            .and_then(|s| u16::try_from(s).ok());
        match substatus {
            Some(substatus) => Detail::Iis {
                substatus,
                win32: get(WIN32).unwrap_or(b"-"),
            },
            None => Detail::None,
        }
    };
    Some(record)
}

/// AWS load balancers. Classic ELB: `time elb client backend t1 t2 t3
/// elb_status backend_status rx tx "request" ...`; an ALB line starts with
/// the request type, then has the same fields, and later `error_reason`.
fn aws(line: &[u8], alb: bool) -> Option<Record<'_>> {
    let mut t = Tokens::new(line, b' ');
    if alb {
        let _kind = t.next()?;
    }
    let time = t.next()?;
    let _elb = t.next()?;
    let _client = t.next()?;
    let target = t.next()?;
    let (_, _, _) = (t.next()?, t.next()?, t.next()?);
    let status = status_field(t.next()?)?;
    let second = second_field(t.next()?)?;
    let _received = t.next();
    let _sent = t.next();
    let request = t.next().unwrap_or(b"");
    let mut record = Record::new(status);
    record.second = Some(second);
    record.stamp = Stamp::Iso(time);
    record.path = request_path(request);
    record.host = if target == b"-" { b"" } else { target };
    if alb {
        // Fields 14 to 24, then error_reason.
        let reason = t.nth(11).unwrap_or(b"-");
        if reason != b"-" && !reason.is_empty() {
            record.detail = Detail::Reason(reason);
        }
    }
    Some(record)
}

/// HAProxy httplog after the syslog prefix: `client [date] frontend
/// backend/server timers status bytes cookie cookie state ... "request"`.
/// Where ` NAME[` starts in a syslog line, found from its `[` (the first
/// one, or the few before it): a memmem search would build its searcher
/// for every line.
fn syslog_tag(line: &[u8], name: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'[', line).take(4).find_map(|open| {
        let start = open.checked_sub(name.len() + 1)?;
        (line[start] == b' ' && &line[start + 1..open] == name).then_some(start)
    })
}

fn haproxy(line: &[u8], want: Want) -> Option<Record<'_>> {
    let at = syslog_tag(line, b"haproxy")?;
    let rest = &line[at + 9..];
    let close = memchr(b']', rest)?;
    let body = rest.get(close..)?.strip_prefix(b"]: ")?;
    let mut t = Tokens::new(body, b' ');
    let _client = t.next()?;
    let date = t.next()?;
    let _frontend = t.next()?;
    let server = t.next()?;
    let _timers = t.next()?;
    let status = status_field(t.next()?)?;
    let _bytes = t.next();
    let _cookies = (t.next(), t.next());
    let state = t.next().unwrap_or(b"");
    let mut record = Record::new(status);
    record.stamp = Stamp::Clf(date);
    record.host = server;
    if state.len() >= 2 {
        record.detail = Detail::Termination(&state[..2]);
    }
    if want.places {
        // The request is the last field, after optional {captures}; HAProxy
        // writes a quote inside it as `#22`.
        let request = match line.strip_suffix(b"\"") {
            Some(body) => memchr::memrchr(b'"', body).map_or(&b""[..], |open| &body[open + 1..]),
            None => b"",
        };
        record.path = request_path(request);
    }
    Some(record)
}

/// Envoy's default format: `[time] "METHOD path PROTO" code flags ...
/// "authority" "upstream"`.
fn envoy(line: &[u8]) -> Option<Record<'_>> {
    let mut t = Tokens::new(line, b' ');
    let time = t.next()?;
    let request = t.next()?;
    let status = status_field(t.next()?)?;
    let flags = t.next()?;
    let mut record = Record::new(status);
    record.stamp = Stamp::Iso(time);
    record.path = request_path(request);
    if flags != b"-" {
        record.detail = Detail::Flags(flags);
    }
    // BYTES_RECEIVED BYTES_SENT DURATION UPSTREAM_TIME XFF UA ID AUTHORITY
    // then the upstream host.
    if let Some(upstream) = t.nth(8) {
        if upstream != b"-" {
            record.host = upstream;
        }
    }
    Some(record)
}

/// Heroku router: `time heroku[router]: at=... code=H12 ... path="/x"
/// dyno=web.1 ... status=503 ...`.
fn heroku(line: &[u8]) -> Option<Record<'_>> {
    let at =
        syslog_tag(line, b"heroku").filter(|&at| line[at..].starts_with(b" heroku[router]: "))?;
    let time = &line[..at];
    let body = &line[at + 17..];
    let mut record = Record::new(0);
    let mut status = None;
    for pair in Tokens::new(body, b' ') {
        let Some(eq) = memchr(b'=', pair) else {
            continue;
        };
        let (key, value) = (&pair[..eq], &pair[eq + 1..]);
        let value = value
            .strip_prefix(b"\"")
            .map_or(value, |v| v.strip_suffix(b"\"").unwrap_or(v));
        match key {
            b"status" => status = status_field(value).or(Some(0).filter(|_| value.is_empty())),
            b"code" => record.detail = Detail::HerokuCode(value),
            b"path" => record.path = url_path(value),
            b"dyno" => record.host = value,
            _ => {}
        }
    }
    record.status = status?;
    record.stamp = Stamp::Iso(time);
    Some(record)
}

/// Calls `f` for the first occurrence of each top-level key, with its
/// value: a string's contents without quotes, or the raw value.
fn json_fields<'a>(line: &'a [u8], mut f: impl FnMut(&'a [u8], &'a [u8], bool)) {
    top_level_keys(line, |key, value| {
        match value.first() {
            Some(b'"') => {
                let end = string_end(value, 1).unwrap_or(value.len());
                f(key, &value[1..end], true);
            }
            _ => f(key, value, false),
        }
        false
    });
}

/// JSON lines: Cloudflare (`EdgeResponseStatus`), Traefik
/// (`DownstreamStatus`), Caddy (`status` with `ts`), or any line with a
/// top-level `status` or `status_code`.
fn json(line: &[u8], want: Want) -> Option<(Record<'_>, Format)> {
    let mut edge = None;
    let mut origin = None;
    let mut downstream = None;
    let mut origin_status = None;
    let mut time: Stamp = Stamp::None;
    let mut path: &[u8] = b"";
    let mut host: &[u8] = b"";
    let mut request: &[u8] = b"";
    let mut ts: Option<&[u8]> = None;
    let mut plain = false;
    // As `logline::json_status`, in the same walk: the first `status` that
    // holds a code, else the first such `status_code`, else Caddy's 0.
    let (mut found, mut fallback, mut zero_status) = (None, None, false);
    json_fields(line, |key, value, string| {
        let code = || {
            if string {
                (value.len() == 3).then(|| three_digits(value)).flatten()
            } else {
                json_code(value).or_else(|| value.starts_with(b"0").then_some(0))
            }
        };
        match key {
            b"EdgeResponseStatus" => edge = code(),
            b"OriginResponseStatus" => origin = Some(code()),
            b"DownstreamStatus" => downstream = code(),
            b"OriginStatus" => origin_status = Some(code()),
            b"status" => {
                plain = true;
                if found.is_none() {
                    found = if string { code() } else { json_code(value) };
                    zero_status |= !string
                        && value.starts_with(b"0")
                        && !value[1..].first().is_some_and(u8::is_ascii_digit);
                }
            }
            b"status_code" => {
                plain = true;
                if fallback.is_none() {
                    fallback = if string { code() } else { json_code(value) };
                }
            }
            b"EdgeStartTimestamp" => {
                time = if string {
                    Stamp::Iso(value)
                } else {
                    Stamp::UnixNanos(
                        &value[..value.iter().take_while(|b| b.is_ascii_digit()).count()],
                    )
                }
            }
            b"StartUTC" if string => time = Stamp::Iso(value),
            b"ts" if !string => ts = Some(value),
            b"ClientRequestURI" | b"ClientRequestPath" | b"RequestPath"
                if string && path.is_empty() =>
            {
                path = url_path(value);
            }
            b"ClientRequestHost" | b"ServiceURL" | b"RequestHost"
                if string && host.is_empty() && value != b"-" =>
            {
                host = value;
            }
            b"request" if value.first() == Some(&b'{') => request = value,
            _ => {}
        }
    });
    let zero = |c: Option<Option<u16>>| c.map(|c| c.filter(|&c| c != 0));
    if let Some(status) = edge {
        let mut r = Record::new(status);
        r.second = Some(zero(origin).flatten());
        r.stamp = time;
        (r.path, r.host) = (path, host);
        return Some((r, Format::Cloudflare));
    }
    if let Some(status) = downstream {
        let mut r = Record::new(status);
        r.second = Some(zero(origin_status).flatten());
        r.stamp = time;
        (r.path, r.host) = (path, host);
        return Some((r, Format::Traefik));
    }
    if !plain {
        return None;
    }
    // Caddy writes 0 when nothing was written.
    let status = found.or(fallback).or(zero_status.then_some(0))?;
    let mut r = Record::new(status);
    let format = if ts.is_some() {
        Format::Caddy
    } else {
        Format::Json
    };
    r.stamp = match ts {
        Some(ts) => Stamp::UnixSeconds(ts),
        None => Stamp::Line(line),
    };
    if want.places && !request.is_empty() {
        json_fields(request, |key, value, string| match key {
            b"uri" if string => r.path = url_path(value),
            b"host" if string => r.host = value,
            _ => {}
        });
    }
    Some((r, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(reader: &mut Reader, line: &str) -> Record<'static> {
        let line: &'static [u8] = Box::leak(line.as_bytes().to_vec().into_boxed_slice());
        match reader.read(line) {
            Parsed::Record(r) => r,
            other => panic!("{other:?} for {line:?}"),
        }
    }

    fn auto() -> Reader {
        Reader::new(None, Want { places: true })
    }

    #[test]
    fn ncsa_with_the_nginx_upstream_status() {
        let mut r = auto();
        let rec = read(
            &mut r,
            r#"192.0.2.45 - - [01/May/2024:12:00:09 +0000] "GET /report?x=1 HTTP/1.1" 200 812 "-" "curl/8.5.0" rt=1.204 us="502, 200""#,
        );
        assert_eq!(
            (rec.status, rec.second, rec.path),
            (200, Some(Some(200)), &b"/report"[..])
        );
        assert_eq!(
            rec.time(0),
            Some(crate::timestamp::iso(b"2024-05-01T12:00:09Z"))
        );
        assert_eq!(r.format(), Some(Format::Ncsa));
    }

    #[test]
    fn ncsa_upstream_status_in_every_spelling() {
        let second = |line: &str| read(&mut auto(), line).second;
        let head = r#"192.0.2.44 - - [01/May/2024:12:00:07 +0000] "GET /a HTTP/1.1" 502 157"#;
        let combined = format!(r#"{head} "-" "curl/8.5.0""#);
        assert_eq!(second(head), None);
        assert_eq!(second(&combined), None);
        // A user agent holding `us=` or a code is not a field of its own.
        assert_eq!(second(&format!(r#"{head} "-" "bot us=404 x 503""#)), None);
        assert_eq!(second(&format!(r#"{head} "a" 404" "ua""#)), None);
        for (tail, want) in [
            (r#"0.031 502 "10.0.0.11:8080""#, Some(Some(502))),
            ("0.031 502, 200 -", Some(Some(200))),
            ("0.031 404 : 200", Some(Some(200))),
            ("0.031 502 unix:/run/app.sock", Some(Some(502))),
            // A request length, not a status: nothing says otherwise.
            ("512 0.031", None),
            ("0.031 502", None),
            (
                r#"rt=1.2 uct="0.001, 0.000" us="502, 200""#,
                Some(Some(200)),
            ),
            ("rt=0.003 us=-", Some(None)),
            ("us=504 rt=30.001", Some(Some(504))),
            (r#"us="-""#, Some(None)),
            ("0.031 -", None),
            ("0.031 999", None),
        ] {
            assert_eq!(second(&format!("{combined} {tail}")), want, "{tail}");
        }
        assert_eq!(second(&format!("{head} us=503")), Some(Some(503)));
    }

    #[test]
    fn iis_maps_fields_by_the_latest_directive() {
        let mut r = auto();
        assert_eq!(
            r.read(b"#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status"),
            Parsed::Skip
        );
        let rec = read(&mut r, "2024-05-01 00:00:09 /app_data/x.mdf 404 8 0");
        assert_eq!((rec.status, rec.path), (404, &b"/app_data/x.mdf"[..]));
        assert_eq!(
            rec.detail,
            Detail::Iis {
                substatus: 8,
                win32: b"0"
            }
        );
        r.read(b"#Fields: date time sc-status sc-substatus sc-win32-status cs-uri-stem");
        let rec = read(&mut r, "2024-05-01 00:00:12 500 0 64 /api/upload");
        assert_eq!(
            rec.detail,
            Detail::Iis {
                substatus: 0,
                win32: b"64"
            }
        );
        assert_eq!(
            rec.time(0),
            Some(crate::timestamp::iso(b"2024-05-01T00:00:12Z"))
        );
        assert_eq!(r.format(), Some(Format::Iis));
    }

    #[test]
    fn alb_reads_both_statuses_and_the_error_reason() {
        let mut r = auto();
        let rec = read(
            &mut r,
            r#"h2 2024-05-01T12:00:05.500012Z app/web-alb/0f1e 198.51.100.23:40112 10.0.1.16:8080 0.000 -1 -1 502 - 734 277 "POST https://api.example.com:443/v1/orders HTTP/2.0" "okhttp/4.12.0" TLS_AES_128_GCM_SHA256 TLSv1.3 arn:tg "Root=1-x" "api.example.com" "arn:cert" 5 2024-05-01T12:00:05.497000Z "forward" "-" "LambdaUnhandled" "10.0.1.16:8080" "-" "-" "-" TID_f"#,
        );
        assert_eq!(
            (rec.status, rec.second, rec.path),
            (502, Some(None), &b"/v1/orders"[..])
        );
        assert_eq!(rec.detail, Detail::Reason(b"LambdaUnhandled"));
        assert_eq!(rec.host, b"10.0.1.16:8080");
        assert_eq!(r.format(), Some(Format::Alb));
    }

    #[test]
    fn haproxy_envoy_and_heroku() {
        let mut r = auto();
        let rec = read(
            &mut r,
            r#"May  1 12:00:35 lb1 haproxy[2201]: 192.0.2.61:50413 [01/May/2024:12:00:04.998] www-https~ app/web1 0/0/0/-1/30002 504 194 - - sH-- 15/15/4/2/0 0/0 {h|ua b} "GET /reports/slow HTTP/1.1""#,
        );
        assert_eq!(
            (rec.status, rec.path, rec.host),
            (504, &b"/reports/slow"[..], &b"app/web1"[..])
        );
        assert_eq!(rec.detail, Detail::Termination(b"sH"));
        assert_eq!(
            rec.time(0),
            Some(crate::timestamp::iso(b"2024-05-01T12:00:04Z"))
        );
        // Local time at +02:00 (`--tz +02:00`) is two hours earlier in UTC.
        assert_eq!(
            rec.time(7200),
            Some(crate::timestamp::iso(b"2024-05-01T10:00:04Z"))
        );
        let mut r = auto();
        let rec = read(
            &mut r,
            r#"[2024-05-01T12:00:01.456Z] "POST /api/orders HTTP/2" 503 UF,URX 120 91 3005 - "192.0.2.71" "okhttp/4.12.0" "7b0e" "api.example.com" "10.0.3.16:8080""#,
        );
        assert_eq!((rec.status, rec.detail), (503, Detail::Flags(b"UF,URX")));
        assert_eq!(rec.host, b"10.0.3.16:8080");
        let mut r = auto();
        let rec = read(
            &mut r,
            r#"2024-05-01T12:01:00.000321+00:00 heroku[router]: at=error code=H10 desc="App crashed" method=GET path="/favicon.ico" host=www.example.com dyno= connect= service= status=503 bytes= protocol=https"#,
        );
        assert_eq!(
            (rec.status, rec.detail, rec.path),
            (503, Detail::HerokuCode(b"H10"), &b"/favicon.ico"[..])
        );
        assert_eq!(r.format(), Some(Format::Heroku));
    }

    #[test]
    fn json_formats_by_their_keys() {
        let mut r = auto();
        let cf = read(
            &mut r,
            r#"{"ClientRequestHost":"api.example.com","ClientRequestURI":"/v1/sync?a=1","EdgeStartTimestamp":1714564800100000000,"EdgeResponseStatus":522,"OriginResponseStatus":0}"#,
        );
        assert_eq!(
            (cf.status, cf.second, cf.path),
            (522, Some(None), &b"/v1/sync"[..])
        );
        assert_eq!(cf.time(0), Some(Some(1_714_564_800)));
        let tr = read(
            &mut r,
            r#"{"DownstreamStatus":502,"OriginStatus":0,"RequestPath":"/v1/slow","StartUTC":"2024-05-01T12:00:02.000000000Z"}"#,
        );
        assert_eq!((tr.status, tr.second), (502, Some(None)));
        let caddy = read(
            &mut r,
            r#"{"level":"error","ts":1714564803.5,"request":{"host":"api.example.com","uri":"/v1/jobs"},"status":502}"#,
        );
        assert_eq!(
            (caddy.status, caddy.path, caddy.time(0)),
            (502, &b"/v1/jobs"[..], Some(Some(1_714_564_803)))
        );
        let nothing = read(&mut r, r#"{"ts":1714564803.5,"status":0}"#);
        assert_eq!(nothing.status, 0);
    }

    #[test]
    fn cloudfront_is_tab_separated() {
        let mut r = auto();
        r.read(b"#Version: 1.0");
        r.read(b"#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type");
        let rec = read(&mut r, "2024-05-01\t12:00:04\tFRA56-P3\t915\t198.51.100.61\tPOST\td.cloudfront.net\t/api/orders\t502\t-\tMozilla/5.0\t-\t-\tError");
        assert_eq!(
            (rec.status, rec.detail),
            (502, Detail::EdgeResult(b"Error"))
        );
        assert_eq!(r.format(), Some(Format::CloudFront));
    }

    #[test]
    fn a_forced_format_reads_nothing_else() {
        let mut r = Reader::new(Some(Format::Envoy), Want::default());
        assert_eq!(
            r.read(br#"1.2.3.4 - - [01/May/2024:12:00:00 +0000] "GET / HTTP/1.1" 200 1"#),
            Parsed::Unparsed
        );
    }
}
