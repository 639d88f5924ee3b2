//! `httpcode stats`: counts the status codes of an access log in one pass,
//! in constant memory. Lines are found with memchr and the status is picked
//! out of each line without splitting it into fields, which is what makes
//! this run at disk speed.
//!
//! What a line holds is read by `logline.rs`; `--field N` takes the Nth
//! whitespace-separated field instead (1-based, as awk counts).

/// Above this share of 4xx, a client is probably broken (or a crawler is lost).
pub const CLIENT_ERROR_THRESHOLD: f64 = 0.05;
/// Above this share of 5xx, something is probably on fire.
pub const SERVER_ERROR_THRESHOLD: f64 = 0.01;

/// The rule every threshold is applied with, here and in `--json`
/// (`client_error_high`): a share is high when strictly above it, so a share
/// of exactly the threshold is "ok (5% or less)".
pub fn above(share: f64, threshold: f64) -> bool {
    share > threshold
}

/// How many nines the availability has: 0.999 -> 3.0.
pub fn nines(availability: f64) -> Option<f64> {
    (availability < 1.0).then(|| -libm::log10(1.0 - availability))
}

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, BufRead, Read};
use std::sync::mpsc;

use crate::formats::{Detail, Format, Parsed, Reader, Record, Want};
use crate::lines::LineSplitter;
use crate::logline::{status_in_field, time_key, trim};

/// Bytes read at a time.
const CHUNK: usize = 1024 * 1024;
/// Of a longer line only this much is kept. The status comes after the
/// request path, which can be long, so the bound is generous; it is the
/// same for every line, wherever chunk boundaries fall.
pub const MAX_LINE: usize = 1024 * 1024;

/// Counts per code, and the lines that held none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    pub by_code: Box<[u64; 1000]>,
    pub total: u64,
    pub unparsed: u64,
    /// Per time bucket, when asked for (`--by`).
    pub buckets: Option<Buckets>,
    /// The formats recognised, in the order met.
    pub formats: Vec<Format>,
    /// What the hop behind answered, for formats that log it.
    pub second: Option<Box<Second>>,
    /// The formats' own breakdowns (IIS sub-statuses, Envoy flags, ...).
    pub details: BTreeMap<DetailKind, Tally>,
    /// The paths and hosts with the most errors (`--top`).
    pub top: Option<Box<Top>>,
    /// Requests outside `--since`/`--until`, or without a stamp to tell.
    pub filtered_out: u64,
    /// Only codes are wanted (no buckets, range or `--top`): NCSA lines
    /// may take the short way.
    lean: bool,
}

impl Default for Counts {
    fn default() -> Self {
        Counts {
            by_code: Box::new([0; 1000]),
            total: 0,
            unparsed: 0,
            buckets: None,
            formats: Vec::new(),
            second: None,
            details: BTreeMap::new(),
            top: None,
            filtered_out: 0,
            lean: false,
        }
    }
}

/// How to read the lines: what `stats` was asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// `--field N`: the status is the Nth whitespace-separated field.
    pub field: Option<usize>,
    /// `--format`: read every line as this format.
    pub format: Option<Format>,
    /// `--top N`: keep the paths and hosts with the most errors, to show N.
    pub top: Option<usize>,
    /// `--since`, `--until`: instants; a request counts when `since <= t < until`.
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// `--tz`: the zone of stamps written in local time with none
    /// (HAProxy's), as seconds east of UTC.
    pub local: i32,
}

/// The second status of formats that log two (balancer and target, edge
/// and origin), and which hop the errors came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Second {
    pub by_code: [u64; 1000],
    /// Lines where the hop behind gave no status (`-`, `0`): it was never
    /// reached or never answered.
    pub missing: u64,
    /// 4xx and 5xx the front hop produced itself: no answer from behind,
    /// or another status than the one behind gave.
    pub made_in_front: [u64; 2],
    /// 4xx and 5xx passed on unchanged from the hop behind.
    pub passed_on: [u64; 2],
}

impl Default for Second {
    fn default() -> Self {
        Second {
            by_code: [0; 1000],
            missing: 0,
            made_in_front: [0; 2],
            passed_on: [0; 2],
        }
    }
}

/// The breakdowns formats have, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DetailKind {
    /// IIS `404.3`: code and sub-status.
    Substatus,
    /// IIS `sc-win32-status`.
    Win32,
    /// ALB `error_reason`.
    Reason,
    /// CloudFront `x-edge-result-type`.
    EdgeResult,
    /// HAProxy termination state, first two characters.
    Termination,
    /// Envoy RESPONSE_FLAGS, one by one.
    Flag,
    /// Heroku H codes.
    HerokuCode,
}

impl DetailKind {
    /// The key in `--json`.
    pub fn name(self) -> &'static str {
        match self {
            DetailKind::Substatus => "substatus",
            DetailKind::Win32 => "win32_status",
            DetailKind::Reason => "error_reason",
            DetailKind::EdgeResult => "edge_result",
            DetailKind::Termination => "termination_state",
            DetailKind::Flag => "response_flags",
            DetailKind::HerokuCode => "heroku_code",
        }
    }
}

/// At most this many distinct values per breakdown; the rest are `other`.
pub const TALLY_KEYS: usize = 1000;
/// Values longer than this are cut before they are counted.
const KEY_BYTES: usize = 256;

/// Counts of short values (a flag, a reason), bounded in memory.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    counts: HashMap<Box<[u8]>, u64>,
    /// The latest value and how many times in a row it came, not yet in
    /// `counts`: most lines repeat the last line's sub-status or flag, and
    /// a comparison costs less than a hash.
    run: (Vec<u8>, u64),
    /// Values met after `TALLY_KEYS` distinct ones were already kept.
    other: u64,
}

impl Tally {
    fn add(&mut self, key: &[u8]) {
        let key = &key[..key.len().min(KEY_BYTES)];
        if self.run.1 > 0 && self.run.0 == key {
            self.run.1 += 1;
            return;
        }
        self.flush();
        self.run.0.clear();
        self.run.0.extend_from_slice(key);
        self.run.1 = 1;
    }

    fn flush(&mut self) {
        let (key, n) = (&self.run.0[..], std::mem::take(&mut self.run.1));
        if n == 0 {
            return;
        }
        if let Some(count) = self.counts.get_mut(key) {
            *count += n;
        } else if self.counts.len() < TALLY_KEYS {
            self.counts.insert(key.into(), n);
        } else {
            self.other += n;
        }
    }

    /// The values, most frequent first (ties by value).
    pub fn ranked(&self) -> Vec<(&[u8], u64)> {
        let (run, pending) = (&self.run.0[..], self.run.1);
        let mut list: Vec<(&[u8], u64)> = self
            .counts
            .iter()
            .map(|(k, &n)| (&**k, if **k == *run { n + pending } else { n }))
            .collect();
        if self.run_is_new() && self.counts.len() < TALLY_KEYS {
            list.push((run, pending));
        }
        list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        list
    }

    /// Values counted apart once `TALLY_KEYS` were kept, the pending run
    /// included.
    pub fn other(&self) -> u64 {
        let full = self.run_is_new() && self.counts.len() >= TALLY_KEYS;
        self.other + if full { self.run.1 } else { 0 }
    }

    /// The pending run holds a value `counts` has not met.
    fn run_is_new(&self) -> bool {
        self.run.1 > 0 && !self.counts.contains_key(&self.run.0[..])
    }
}

impl PartialEq for Tally {
    fn eq(&self, other: &Tally) -> bool {
        self.ranked() == other.ranked() && self.other() == other.other()
    }
}

impl Eq for Tally {}

/// How many keys each `--top` sketch keeps. Counts are exact while a
/// sketch has seen at most this many distinct keys.
pub const TOP_KEYS: usize = 10_000;

/// The most frequent keys of a stream in bounded memory (Misra-Gries):
/// at most `TOP_KEYS` counters; when a new key finds them all taken, every
/// counter drops by one and the zeros go. A reported count is at most the
/// true one and at least the true one minus `seen / (TOP_KEYS + 1)`, so
/// any key with more than that share of the stream is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sketch {
    counts: HashMap<Box<[u8]>, u64>,
    /// Keys added.
    pub seen: u64,
    /// Counters were dropped: the counts are lower bounds.
    pub approximate: bool,
}

impl Sketch {
    fn add(&mut self, key: &[u8]) {
        let key = &key[..key.len().min(KEY_BYTES)];
        self.seen += 1;
        if let Some(n) = self.counts.get_mut(key) {
            *n += 1;
            return;
        }
        if self.counts.len() < TOP_KEYS {
            self.counts.insert(key.into(), 1);
            return;
        }
        self.approximate = true;
        self.counts.retain(|_, n| {
            *n -= 1;
            *n > 0
        });
    }

    /// The `n` keys with the highest counts, highest first.
    pub fn best(&self, n: usize) -> Vec<(&[u8], u64)> {
        let mut list: Vec<(&[u8], u64)> = self.counts.iter().map(|(k, c)| (&**k, *c)).collect();
        list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        list.truncate(n);
        list
    }

    /// The most a reported count can be below the true one.
    pub fn error_bound(&self) -> u64 {
        if self.approximate {
            self.seen / (TOP_KEYS as u64 + 1)
        } else {
            0
        }
    }
}

/// `--top`: paths and hosts of the 4xx and of the 5xx.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Top {
    /// How many to show.
    pub limit: usize,
    /// [4xx, 5xx].
    pub paths: [Sketch; 2],
    pub hosts: [Sketch; 2],
}

/// How wide a time bucket is: what `--by` asks for, then the coarser
/// units a log falls back to when it spans too many buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

impl Granularity {
    /// `minute`, `hour`, ...
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Minute => "minute",
            Granularity::Hour => "hour",
            Granularity::Day => "day",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }

    /// The next unit up; none above a year (four-digit years make at most
    /// 10,000 of them, plus one either side when an offset moves the edge).
    fn coarser(self) -> Option<Granularity> {
        match self {
            Granularity::Minute => Some(Granularity::Hour),
            Granularity::Hour => Some(Granularity::Day),
            Granularity::Day => Some(Granularity::Month),
            Granularity::Month => Some(Granularity::Year),
            Granularity::Year => None,
        }
    }

    /// The bucket holding the instant `at`, cut on the wall clock at
    /// `offset` seconds east of UTC: its start and end, as instants.
    fn bounds(self, at: i64, offset: i32) -> (i64, i64) {
        let offset = i64::from(offset);
        let local = at + offset;
        let fixed = |width: i64| {
            let start = local.div_euclid(width) * width;
            (start, start + width)
        };
        let (start, end) = match self {
            Granularity::Minute => fixed(60),
            Granularity::Hour => fixed(3600),
            Granularity::Day => fixed(86_400),
            Granularity::Month | Granularity::Year => {
                let (year, month, _) = crate::timestamp::civil_from_days(local.div_euclid(86_400));
                let (first, next) = if self == Granularity::Month {
                    let next = if month == 12 {
                        (year + 1, 1)
                    } else {
                        (year, month + 1)
                    };
                    ((year, month), next)
                } else {
                    ((year, 1), (year + 1, 1))
                };
                let day = |(y, m)| crate::timestamp::days_from_civil(y, m, 1) * 86_400;
                (day(first), day(next))
            }
        };
        (start - offset, end - offset)
    }
}

/// At most this many buckets are kept; a log that spans more is counted
/// again by a coarser unit (minutes become hours, and so on).
pub const MAX_BUCKETS: usize = 10_000;

/// Requests per time bucket. Each request is filed under the instant its
/// stamp names, so `13:00 +0200` and `11:00 +0000` share a bucket; buckets
/// are cut at the `--tz` offset. Memory is bounded by `MAX_BUCKETS`
/// whatever the log holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buckets {
    /// What `--by` asked for.
    asked: Granularity,
    /// What the buckets are now: `asked` or coarser.
    unit: Granularity,
    /// Seconds east of UTC at which buckets are cut and labelled.
    offset: i32,
    /// Each bucket's start (an instant) and counts, in the order met.
    list: Vec<(i64, Bucket)>,
    /// Where each start is in `list`.
    index: HashMap<i64, usize, BuildHasherDefault<StartHasher>>,
    /// The bucket of the previous timed line, as (start, end, place in
    /// `list`); most lines fall in it, and then no hashing is needed.
    current: Option<(i64, i64, usize)>,
    /// Requests whose line had no readable timestamp: none at all, or an
    /// impossible one (those are also in `bad_time`).
    pub untimed: u64,
    /// Requests whose stamp names no real time (`30/Feb`, `77:00`).
    pub bad_time: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bucket {
    pub total: u64,
    pub client_errors: u64,
    pub server_errors: u64,
}

/// Hashes bucket starts (multiples of 60) with one multiplication: the
/// default SipHash is a good part of the cost when a log is not in time
/// order and nearly every line changes bucket. Nobody picks these keys to
/// collide: they come out of a checked calendar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct StartHasher(u64);

impl Hasher for StartHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_i64(&mut self, n: i64) {
        let h = (n as u64 ^ self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }
}

impl Bucket {
    fn count(&mut self, code: u16) {
        self.total += 1;
        self.client_errors += u64::from(code / 100 == 4);
        self.server_errors += u64::from(code / 100 == 5);
    }

    fn merge(&mut self, other: &Bucket) {
        self.total += other.total;
        self.client_errors += other.client_errors;
        self.server_errors += other.server_errors;
    }
}

impl Buckets {
    // Kept out of line so that counting without --by stays as lean as it was.
    #[inline(never)]
    fn add(&mut self, time: Option<Option<i64>>, code: u16) {
        let at = match time {
            Some(Some(at)) => at,
            Some(None) => {
                self.untimed += 1;
                self.bad_time += 1;
                return;
            }
            None => {
                self.untimed += 1;
                return;
            }
        };
        let at_index = match self.current {
            Some((start, end, i)) if (start..end).contains(&at) => i,
            _ => self.move_to(at),
        };
        self.list[at_index].1.count(code);
    }

    /// Makes the bucket of `at` the current one, coarsening first if it
    /// would be one bucket too many; returns its place in `list`.
    fn move_to(&mut self, at: i64) -> usize {
        let mut bounds = self.unit.bounds(at, self.offset);
        while self.list.len() >= MAX_BUCKETS && !self.index.contains_key(&bounds.0) {
            let Some(coarser) = self.unit.coarser() else {
                break;
            };
            self.unit = coarser;
            let old = std::mem::take(&mut self.list);
            self.index.clear();
            for (start, bucket) in old {
                let (start, _) = coarser.bounds(start, self.offset);
                let next = self.list.len();
                let i = *self.index.entry(start).or_insert(next);
                if i == next {
                    self.list.push((start, Bucket::default()));
                }
                self.list[i].1.merge(&bucket);
            }
            bounds = coarser.bounds(at, self.offset);
        }
        let next = self.list.len();
        let i = *self.index.entry(bounds.0).or_insert(next);
        if i == next {
            self.list.push((bounds.0, Bucket::default()));
        }
        self.current = Some((bounds.0, bounds.1, i));
        i
    }

    /// The unit `--by` asked for.
    pub fn asked(&self) -> Granularity {
        self.asked
    }

    /// The unit of the buckets: coarser than asked when the log spans more
    /// than `MAX_BUCKETS` of what was asked.
    pub fn unit(&self) -> Granularity {
        self.unit
    }

    /// Seconds east of UTC at which buckets are cut and labelled.
    pub fn offset(&self) -> i32 {
        self.offset
    }

    /// Every bucket as (start, counts), in time order.
    pub fn in_order(&self) -> Vec<(i64, Bucket)> {
        let mut list = self.list.clone();
        list.sort_unstable_by_key(|(start, _)| *start);
        list
    }
}

impl Counts {
    /// Counts that also split requests by time, in buckets cut at
    /// `offset` seconds east of UTC.
    pub fn with_buckets(granularity: Granularity, offset: i32) -> Counts {
        Counts {
            buckets: Some(Buckets {
                asked: granularity,
                unit: granularity,
                offset,
                list: Vec::new(),
                index: HashMap::default(),
                current: None,
                untimed: 0,
                bad_time: 0,
            }),
            ..Counts::default()
        }
    }

    /// Requests whose code is in the class with this first digit.
    pub fn class(&self, digit: usize) -> u64 {
        self.by_code[digit * 100..digit * 100 + 100].iter().sum()
    }

    /// Share of all counted requests, 0.0 when there are none.
    pub fn share(&self, count: u64) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            count as f64 / self.total as f64
        }
    }

    /// (total - 5xx) / total.
    pub fn availability(&self) -> f64 {
        1.0 - self.share(self.class(5))
    }

    fn add_line(&mut self, reader: &mut Reader, options: &Options, line: &[u8]) {
        if let Some(n) = options.field {
            match status_in_field(line, n) {
                Some(code) => {
                    let time = (self.buckets.is_some() || filtered(options))
                        .then(|| time_key(line))
                        .flatten();
                    if self.in_range(options, time) {
                        self.count(code, time);
                    }
                }
                None if trim(line).is_empty() => {}
                None => self.unparsed += 1,
            }
            return;
        }
        if self.lean {
            if let Some((status, second)) = reader.ncsa_codes(line) {
                self.count(status, None);
                self.count_second(status, second);
                return;
            }
        }
        match reader.read(line) {
            Parsed::Record(record) => self.add_record(&record, options),
            Parsed::Skip => {}
            Parsed::Unparsed => self.unparsed += 1,
        }
    }

    fn add_record(&mut self, r: &Record, options: &Options) {
        let time = if self.buckets.is_some() || filtered(options) {
            r.time(options.local)
        } else {
            None
        };
        if !self.in_range(options, time) {
            return;
        }
        self.count(r.status, time);
        self.count_second(r.status, r.second);
        if r.detail != Detail::None {
            self.add_detail(r);
        }
        if let (Some(top), Some(class)) = (&mut self.top, error_class(r.status)) {
            if !r.path.is_empty() {
                top.paths[class].add(r.path);
            }
            if !r.host.is_empty() {
                top.hosts[class].add(r.host);
            }
        }
    }

    fn count_second(&mut self, status: u16, second: Option<Option<u16>>) {
        let Some(second) = second else {
            return;
        };
        let s = self.second.get_or_insert_with(Box::default);
        match second {
            Some(code) => s.by_code[usize::from(code)] += 1,
            None => s.missing += 1,
        }
        if let Some(class) = error_class(status) {
            if second == Some(status) {
                s.passed_on[class] += 1;
            } else {
                s.made_in_front[class] += 1;
            }
        }
    }

    // Out of line: most lines have no detail, and the NCSA path stays lean.
    #[inline(never)]
    fn add_detail(&mut self, r: &Record) {
        let mut tally = |kind: DetailKind, key: &[u8]| {
            self.details.entry(kind).or_default().add(key);
        };
        match r.detail {
            Detail::None => {}
            Detail::Iis { substatus, win32 } => {
                let mut buf = [0u8; 12];
                let key = code_dot(&mut buf, r.status, substatus);
                tally(DetailKind::Substatus, key);
                tally(DetailKind::Win32, win32);
            }
            Detail::Reason(reason) => tally(DetailKind::Reason, reason),
            Detail::EdgeResult(result) => tally(DetailKind::EdgeResult, result),
            Detail::Termination(state) => tally(DetailKind::Termination, state),
            Detail::Flags(flags) => {
                for flag in flags.split(|&b| b == b',').filter(|f| !f.is_empty()) {
                    tally(DetailKind::Flag, flag);
                }
            }
            Detail::HerokuCode(code) => tally(DetailKind::HerokuCode, code),
        }
    }

    fn count(&mut self, code: u16, time: Option<Option<i64>>) {
        self.by_code[usize::from(code)] += 1;
        self.total += 1;
        if let Some(buckets) = &mut self.buckets {
            buckets.add(time, code);
        }
    }

    /// Whether a request at `time` is inside `--since`/`--until`; one that
    /// cannot be placed is left out when either is given.
    fn in_range(&mut self, options: &Options, time: Option<Option<i64>>) -> bool {
        if !filtered(options) {
            return true;
        }
        let inside = match time {
            Some(Some(t)) => {
                options.since.is_none_or(|since| t >= since)
                    && options.until.is_none_or(|until| t < until)
            }
            _ => false,
        };
        if !inside {
            self.filtered_out += 1;
        }
        inside
    }

    /// Counts set up for these options (`--top` keeps its sketches).
    pub fn prepare(&mut self, options: &Options) {
        self.lean = self.buckets.is_none() && !filtered(options) && options.top.is_none();
        if let (Some(limit), None) = (options.top, &self.top) {
            self.top = Some(Box::new(Top {
                limit,
                ..Top::default()
            }));
        }
    }

    /// Who writes the first status and who the second, for the first
    /// format met that logs both (`("ALB", "target")`).
    pub fn hops(&self) -> Option<(&'static str, &'static str)> {
        self.formats.iter().find_map(|f| f.hops())
    }

    fn note_format(&mut self, reader: &Reader) {
        for format in reader.formats() {
            if !self.formats.contains(&format) {
                self.formats.push(format);
            }
        }
    }
}

/// Where a status sits in the 4xx/5xx pairs of `Second` and `Top`.
fn error_class(status: u16) -> Option<usize> {
    match status / 100 {
        4 => Some(0),
        5 => Some(1),
        _ => None,
    }
}

fn filtered(options: &Options) -> bool {
    options.since.is_some() || options.until.is_some()
}

/// `404.3` written into `buf`, without the formatting machinery (this
/// runs for every IIS line).
fn code_dot(buf: &mut [u8; 12], code: u16, sub: u16) -> &[u8] {
    buf[..3].copy_from_slice(&[
        b'0' + (code / 100 % 10) as u8,
        b'0' + (code / 10 % 10) as u8,
        b'0' + (code % 10) as u8,
    ]);
    buf[3] = b'.';
    let mut digits = [0u8; 5];
    let mut n = sub;
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for i in 0..len {
        buf[4 + i] = digits[len - 1 - i];
    }
    &buf[..4 + len]
}

/// Buffers in flight between the reading thread and the counting one.
const BUFFERS: usize = 3;

/// Reads `input` to the end, counting each line's status. One thread reads
/// while this one counts, so the kernel's copy of the next chunk overlaps
/// the scan of this one; memory stays at a few chunks whatever the input.
pub fn count<R: Read + Send>(input: R, options: &Options, counts: &mut Counts) -> io::Result<()> {
    counts.prepare(options);
    let mut reader = Reader::new(
        options.format,
        Want {
            places: options.top.is_some(),
        },
    );
    let (full_tx, full_rx) = mpsc::sync_channel::<io::Result<(Vec<u8>, usize)>>(BUFFERS);
    let (empty_tx, empty_rx) = mpsc::sync_channel::<Vec<u8>>(BUFFERS);
    for _ in 0..BUFFERS {
        // Cannot fail: the channel has room for every buffer.
        let _ = empty_tx.send(vec![0u8; CHUNK]);
    }
    std::thread::scope(|scope| {
        scope.spawn(move || read_chunks(input, &empty_rx, &full_tx));
        let mut lines = LineSplitter::new(MAX_LINE);
        for chunk in &full_rx {
            let (buffer, len) = match chunk {
                Ok(chunk) => chunk,
                Err(e) => {
                    // What was read before the error still counts.
                    lines.finish(|line, _| counts.add_line(&mut reader, options, line));
                    counts.note_format(&reader);
                    return Err(e);
                }
            };
            lines.feed(&buffer[..len], |line, _| {
                counts.add_line(&mut reader, options, line)
            });
            // The reader may have stopped after an error; then nobody waits.
            let _ = empty_tx.send(buffer);
        }
        lines.finish(|line, _| counts.add_line(&mut reader, options, line));
        counts.note_format(&reader);
        Ok(())
    })
}

/// As `count`, decompressing first when the input starts like gzip (one or
/// several members, as logrotate and `cat a.gz b.gz` make).
pub fn count_maybe_gzip<R: Read + Send>(
    input: R,
    options: &Options,
    counts: &mut Counts,
) -> io::Result<()> {
    // Small: after the first bytes, reads of a whole chunk bypass it.
    let mut input = io::BufReader::with_capacity(64 * 1024, input);
    let gzip = input.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    if gzip {
        count(flate2::bufread::MultiGzDecoder::new(input), options, counts)
    } else {
        count(input, options, counts)
    }
}

/// Counts a stream handed over piece by piece (`--follow`): a line split
/// between two pieces, and the format found so far, carry over.
#[derive(Debug)]
pub struct Feeder {
    lines: LineSplitter,
    reader: Reader,
    options: Options,
}

impl Feeder {
    pub fn new(options: &Options, counts: &mut Counts) -> Feeder {
        counts.prepare(options);
        Feeder {
            lines: LineSplitter::new(MAX_LINE),
            reader: Reader::new(
                options.format,
                Want {
                    places: options.top.is_some(),
                },
            ),
            options: *options,
        }
    }

    pub fn feed(&mut self, data: &[u8], counts: &mut Counts) {
        let (reader, options) = (&mut self.reader, &self.options);
        self.lines
            .feed(data, |line, _| counts.add_line(reader, options, line));
        counts.note_format(&self.reader);
    }
}

/// Counts the lines of an in-memory log (what `count` does, in one thread).
pub fn count_slice(data: &[u8], options: &Options, counts: &mut Counts) {
    counts.prepare(options);
    let mut reader = Reader::new(
        options.format,
        Want {
            places: options.top.is_some(),
        },
    );
    let mut lines = LineSplitter::new(MAX_LINE);
    lines.feed(data, |line, _| counts.add_line(&mut reader, options, line));
    lines.finish(|line, _| counts.add_line(&mut reader, options, line));
    counts.note_format(&reader);
}

/// The reading side: fills empty buffers until end of input or an error.
fn read_chunks(
    mut input: impl Read,
    empty: &mpsc::Receiver<Vec<u8>>,
    full: &mpsc::SyncSender<io::Result<(Vec<u8>, usize)>>,
) {
    for mut buffer in empty {
        let read = loop {
            match input.read(&mut buffer) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        match read {
            Ok(0) => return,
            Ok(n) => {
                if full.send(Ok((buffer, n))).is_err() {
                    return;
                }
            }
            Err(e) => {
                let _ = full.send(Err(e));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::logline::tests::{COMBINED, COMMON};

    #[test]
    fn counting_a_stream_adds_up() {
        let mut log = Vec::new();
        for i in 0..5000 {
            log.extend_from_slice(if i % 5 == 0 { COMBINED } else { COMMON });
            log.push(b'\n');
        }
        log.extend_from_slice(b"garbage line\n\n");
        log.extend(vec![b'x'; 1_000_000]);
        log.extend_from_slice(b"\n503");
        let mut counts = Counts::default();
        count(&log[..], &Options::default(), &mut counts).unwrap();
        assert_eq!(counts.by_code[404], 1000);
        assert_eq!(counts.by_code[200], 4000);
        assert_eq!(counts.by_code[503], 1);
        assert_eq!(counts.total, 5001);
        assert_eq!(counts.unparsed, 2);
        assert_eq!(counts.by_code.iter().sum::<u64>(), counts.total);
        assert!((counts.availability() - 5000.0 / 5001.0).abs() < 1e-12);
    }

    #[test]
    fn threaded_and_in_memory_counts_agree() {
        let mut log = Vec::new();
        for i in 0..40_000 {
            log.extend_from_slice(if i % 3 == 0 { COMBINED } else { COMMON });
            log.extend_from_slice(if i % 7 == 0 { b"\r\n" } else { b"\n" });
        }
        let (mut threaded, mut in_memory) = (Counts::default(), Counts::default());
        count(&log[..], &Options::default(), &mut threaded).unwrap();
        count_slice(&log, &Options::default(), &mut in_memory);
        assert_eq!(threaded, in_memory);
        assert_eq!(threaded.total, 40_000);
    }

    #[test]
    fn code_dot_writes_code_and_substatus() {
        let mut buf = [0u8; 12];
        for (code, sub, want) in [
            (404, 3, "404.3"),
            (500, 19, "500.19"),
            (0, 0, "000.0"),
            (200, u16::MAX, "200.65535"),
        ] {
            assert_eq!(code_dot(&mut buf, code, sub), want.as_bytes());
        }
    }

    #[test]
    fn a_tally_counts_runs_and_caps_its_keys() {
        let mut t = Tally::default();
        for key in ["a", "a", "b", "a", "a", "c", "c"] {
            t.add(key.as_bytes());
        }
        let ranked = |t: &Tally| -> Vec<(String, u64)> {
            t.ranked()
                .into_iter()
                .map(|(k, n)| (String::from_utf8_lossy(k).into_owned(), n))
                .collect()
        };
        let want = [("a", 4), ("c", 2), ("b", 1)].map(|(k, n)| (k.to_string(), n));
        assert_eq!(ranked(&t), want);
        assert_eq!(t.other(), 0);
        let mut full = Tally::default();
        for i in 0..TALLY_KEYS {
            full.add(i.to_string().as_bytes());
        }
        for _ in 0..3 {
            full.add(b"late");
        }
        assert_eq!((full.ranked().len(), full.other()), (TALLY_KEYS, 3));
        full.add(b"0");
        assert_eq!((full.ranked()[0], full.other()), ((&b"0"[..], 2), 3));
    }

    #[test]
    fn the_short_ncsa_way_counts_what_the_full_read_counts() {
        let extended: &[u8] = br#"192.0.2.45 - - [01/May/2024:12:00:09 +0000] "GET /r HTTP/1.1" 502 812 "-" "curl/8.5.0" rt=1.2 us="502, 504""#;
        let mut log = Vec::new();
        for i in 0..1000 {
            // Plain lines first, then nginx's extended ones, then a mix.
            let line = match i {
                0..300 => COMBINED,
                300..600 => extended,
                _ if i % 2 == 0 => COMMON,
                _ => extended,
            };
            log.extend_from_slice(line);
            log.push(b'\n');
        }
        let lean = Options::default();
        let full = Options {
            top: Some(3),
            ..Options::default()
        };
        let (mut quick, mut read) = (Counts::default(), Counts::default());
        count_slice(&log, &lean, &mut quick);
        count_slice(&log, &full, &mut read);
        assert!(quick.lean && !read.lean);
        assert_eq!((&quick.by_code, quick.total), (&read.by_code, read.total));
        assert_eq!(quick.second, read.second);
        // The turn to extended lines is seen within 64 lines.
        let upstream = |c: &Counts| c.second.as_ref().map_or(0, |s| s.by_code[504]);
        assert!(upstream(&quick) > 500 - 64, "{}", upstream(&quick));
        // A file extended from its first line loses none.
        let plain_part = 300 * (COMBINED.len() + 1);
        let from_start = &log[plain_part..];
        let (mut quick, mut read) = (Counts::default(), Counts::default());
        count_slice(from_start, &lean, &mut quick);
        count_slice(from_start, &full, &mut read);
        assert_eq!(quick.second, read.second);
        assert_eq!(upstream(&quick), 500);
    }

    /// Buckets as ("RFC 3339 start", total), in time order.
    fn timeline(log: &[u8], unit: Granularity, offset: i32) -> (Vec<(String, u64)>, Buckets) {
        let mut counts = Counts::with_buckets(unit, offset);
        count_slice(log, &Options::default(), &mut counts);
        let buckets = counts.buckets.unwrap();
        let list = buckets
            .in_order()
            .into_iter()
            .map(|(start, b)| (crate::timestamp::rfc3339(start, offset), b.total))
            .collect();
        (list, buckets)
    }

    #[test]
    fn time_buckets_from_ncsa_and_json() {
        let log = b"h - - [23/Nov/2026:10:59:59 +0000] \"GET / HTTP/1.1\" 200 1\n\
h - - [23/Nov/2026:11:00:00 +0000] \"GET / HTTP/1.1\" 503 1\n\
h - - [23/Nov/2026:11:30:00 +0000] \"GET / HTTP/1.1\" 404 1\n\
{\"time\":\"2026-11-23T12:00:01Z\",\"status\":500}\n\
200\n";
        let (list, buckets) = timeline(log, Granularity::Hour, 0);
        assert_eq!(
            list,
            [
                ("2026-11-23T10:00:00Z".to_string(), 1),
                ("2026-11-23T11:00:00Z".to_string(), 2),
                ("2026-11-23T12:00:00Z".to_string(), 1),
            ]
        );
        let eleven = &buckets.in_order()[1].1;
        assert_eq!((eleven.client_errors, eleven.server_errors), (1, 1));
        assert_eq!((buckets.untimed, buckets.bad_time), (1, 0));
        let (list, _) = timeline(log, Granularity::Minute, 0);
        assert_eq!(list[1], ("2026-11-23T11:00:00Z".to_string(), 1));
    }

    #[test]
    fn buckets_hold_instants_whatever_the_offset_or_format() {
        let log = b"h - - [23/Nov/2026:13:00:00 +0200] \"GET / HTTP/1.1\" 200 1\n\
h - - [23/Nov/2026:11:59:00 +0000] \"GET / HTTP/1.1\" 200 1\n\
{\"time\":\"2026-11-23T11:30:00.25+00:00\",\"status\":200}\n\
{\"@timestamp\":\"2026-11-23 06:45:00-0500\",\"status\":200}\n\
{\"time\":0.5,\"timestamp\":\"2026-11-23T11:10:00\",\"status\":200}\n\
{\"upstream\":{\"time\":\"2020-01-01T00:00:00Z\"},\"timestamp\":\"2026-11-23T11:20:00Z\",\"status\":200}\n";
        let (list, buckets) = timeline(log, Granularity::Hour, 0);
        assert_eq!(list, [("2026-11-23T11:00:00Z".to_string(), 6)]);
        assert_eq!(buckets.untimed, 0);
        // At +05:30 hours start at :30 UTC.
        let (list, _) = timeline(log, Granularity::Hour, 19_800);
        assert_eq!(
            list,
            [
                ("2026-11-23T16:00:00+05:30".to_string(), 3),
                ("2026-11-23T17:00:00+05:30".to_string(), 3),
            ]
        );
    }

    #[test]
    fn impossible_stamps_are_untimed() {
        let log = b"h - - [99/Foo/0000:77:00:00 +0000] \"GET / HTTP/1.1\" 200 1\n\
{\"time\":\"2026-02-30T10:00:00Z\",\"status\":200}\n\
{\"time\":\"2026-02-28T10:00:00Z\",\"status\":200}\n\
{\"status\":200}\n";
        let (list, buckets) = timeline(log, Granularity::Hour, 0);
        assert_eq!(list, [("2026-02-28T10:00:00Z".to_string(), 1)]);
        assert_eq!((buckets.untimed, buckets.bad_time), (3, 2));
    }

    #[test]
    fn buckets_come_out_in_time_order() {
        let mut log = Vec::new();
        for hour in [5, 1, 3, 1, 0, 5, 2] {
            log.extend_from_slice(
                format!("h - - [02/Jan/2026:{hour:02}:10:00 +0000] \"GET / HTTP/1.1\" 200 1\n")
                    .as_bytes(),
            );
        }
        let (list, _) = timeline(&log, Granularity::Hour, 0);
        let hours: Vec<&str> = list.iter().map(|(t, _)| &t[11..13]).collect();
        assert_eq!(hours, ["00", "01", "02", "03", "05"]);
        assert_eq!(list[1].1, 2);
    }

    #[test]
    fn too_many_buckets_coarsen_and_keep_every_request() {
        // 50,000 distinct hours, one request each, twice over and out of order.
        let mut log = Vec::new();
        for round in 0..2 {
            for i in 0..50_000i64 {
                let hour = if round == 0 { i } else { 49_999 - i };
                let at = 1_700_000_000 + hour * 3600;
                let stamp = crate::timestamp::rfc3339(at, 0);
                log.extend_from_slice(
                    format!("{{\"time\":\"{stamp}\",\"status\":200}}\n").as_bytes(),
                );
            }
        }
        for unit in [Granularity::Minute, Granularity::Hour] {
            let mut counts = Counts::with_buckets(unit, 0);
            count_slice(&log, &Options::default(), &mut counts);
            let buckets = counts.buckets.unwrap();
            let list = buckets.in_order();
            assert!(list.len() <= MAX_BUCKETS, "{}", list.len());
            assert_eq!(buckets.unit(), Granularity::Day);
            assert_eq!(list.iter().map(|(_, b)| b.total).sum::<u64>(), 100_000);
            assert_eq!(counts.total, 100_000);
            assert!(list.windows(2).all(|w| w[0].0 < w[1].0));
        }
        // Years are the last step: even 10,000 of them stay bounded.
        let mut log = Vec::new();
        for year in (0..10_000).rev() {
            for month in ["01", "07"] {
                let line =
                    format!("{{\"time\":\"{year:04}-{month}-01T00:00:00Z\",\"status\":200}}\n");
                log.extend_from_slice(line.as_bytes());
            }
        }
        let (list, buckets) = timeline(&log, Granularity::Minute, 0);
        assert_eq!(buckets.unit(), Granularity::Year);
        assert_eq!(list.len(), 10_000);
        assert_eq!(list[0], ("0000-01-01T00:00:00Z".to_string(), 2));
    }

    #[test]
    fn odd_lines_never_panic_and_totals_add_up() {
        let pieces: [&[u8]; 24] = [
            b"{",
            b"}",
            b"[",
            b"]",
            b"\"",
            b"\\",
            b":",
            b",",
            b" ",
            b"status",
            b"status_code",
            b"time",
            b"@timestamp",
            b"200",
            b"99999999999",
            b"-",
            b".",
            b"e",
            b"\xef\xbb\xbf",
            b"[23/Nov/2026:13:00:00 +0200]",
            b"2026-11-23T11:00:00",
            b"+02:00",
            b"\xff",
            b"\x00",
        ];
        // A fixed xorshift sequence: the same lines on every run.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut log = Vec::new();
        for _ in 0..20_000 {
            for _ in 0..next() % 24 {
                log.extend_from_slice(pieces[(next() % 24) as usize]);
            }
            log.push(b'\n');
        }
        for (unit, offset) in [(Granularity::Minute, 0), (Granularity::Hour, -86_340)] {
            let mut counts = Counts::with_buckets(unit, offset);
            count_slice(&log, &Options::default(), &mut counts);
            count_slice(
                &log,
                &Options {
                    field: Some(2),
                    ..Options::default()
                },
                &mut counts,
            );
            let buckets = counts.buckets.as_ref().unwrap();
            let timed: u64 = buckets.in_order().iter().map(|(_, b)| b.total).sum();
            assert_eq!(timed + buckets.untimed, counts.total);
            assert_eq!(counts.by_code.iter().sum::<u64>(), counts.total);
        }
    }

    #[test]
    fn gzip_input_is_read_through() {
        use std::io::Write;
        let mut plain = Vec::new();
        for _ in 0..1000 {
            plain.extend_from_slice(COMBINED);
            plain.push(b'\n');
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&plain).unwrap();
        let mut twice = gz.finish().unwrap();
        twice.extend_from_within(..); // two members back to back
        let mut counts = Counts::default();
        count_maybe_gzip(&twice[..], &Options::default(), &mut counts).unwrap();
        assert_eq!((counts.total, counts.by_code[404]), (2000, 2000));
        let mut counts = Counts::default();
        count_maybe_gzip(&plain[..], &Options::default(), &mut counts).unwrap();
        assert_eq!(counts.total, 1000);
    }

    #[test]
    fn a_long_line_keeps_its_status() {
        let mut line = COMBINED.to_vec();
        line.extend(vec![b'a'; 2 * CHUNK]);
        line.push(b'\n');
        let mut counts = Counts::default();
        count(&line[..], &Options::default(), &mut counts).unwrap();
        assert_eq!((counts.total, counts.by_code[404]), (1, 1));
    }
}
