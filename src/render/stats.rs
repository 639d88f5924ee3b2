//! `httpcode stats`: totals, ratios against the usual thresholds, and bars.

use std::fmt::Write as _;

use super::{wrap, Painter};
use crate::catalogue::{self, Class};
use crate::formats::Format;
use crate::stats::{above, nines, CLIENT_ERROR_THRESHOLD, SERVER_ERROR_THRESHOLD};
use crate::stats::{Bucket, Buckets, Counts, DetailKind, Granularity, MAX_BUCKETS};
use crate::term::Term;
use crate::timestamp;

/// Width of the summary's labels and the space after them.
const LABEL_WIDTH: usize = 14;

/// Groups digits by thousands: 1234567 -> 1,234,567.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn render(counts: &Counts, term: Term) -> String {
    let p = Painter::new(term);
    let width = usize::from(term.width);
    let mut out = String::new();
    summary(&mut out, counts, p, width);
    if counts.total == 0 {
        return out;
    }
    writeln!(out).unwrap();
    let classes: Vec<(String, u64, Class)> = (0..10)
        .map(|d| (format!("{d}xx"), counts.class(d), Class(d as u8)))
        .filter(|(_, n, _)| *n > 0)
        .collect();
    bars(&mut out, counts.total, p, width, "Class", &classes);
    writeln!(out).unwrap();
    let codes: Vec<(String, u64, Class)> = (0..1000u16)
        .filter(|&c| counts.by_code[usize::from(c)] > 0)
        .map(|c| {
            let name = catalogue::primary_name(c).unwrap_or("(unknown code)");
            (
                format!("{c:03} {name}"),
                counts.by_code[usize::from(c)],
                Class::of(c),
            )
        })
        .collect();
    bars(&mut out, counts.total, p, width, "Code", &codes);
    hops(&mut out, counts, p, width);
    details(&mut out, counts, p, width);
    top(&mut out, counts, p, width);
    if let Some(buckets) = &counts.buckets {
        writeln!(out).unwrap();
        time_table(&mut out, buckets, p, width);
    }
    out
}

/// One line per time bucket, in time order: requests, the 4xx and 5xx
/// rates, each marked `!` when above its threshold (bold in its class
/// colour), and a bar of the bucket's volume whose 4xx and 5xx parts are
/// drawn apart. Times are the start of each bucket on the wall clock of
/// the `--tz` offset, which the header names. Where the bar does not fit
/// it goes; where the rates do not fit beside the count they go on a line
/// of their own below it.
fn time_table(out: &mut String, buckets: &Buckets, p: Painter, width: usize) {
    let offset = buckets.offset();
    let unit = buckets.unit();
    let rows: Vec<(String, Bucket)> = buckets
        .in_order()
        .into_iter()
        .map(|(start, bucket)| (bucket_label(start, offset, unit), bucket))
        .collect();
    let zone = if offset == 0 {
        "UTC".to_string()
    } else {
        timestamp::offset_label(offset)
    };
    let title = format!("Time ({zone})");
    let time_width = rows
        .iter()
        .map(|(label, _)| label.len())
        .max()
        .unwrap_or(0)
        .max(title.len());
    let count_width = count_column(rows.iter().map(|(_, b)| b.total));
    let lead = 1 + time_width + 2 + count_width;
    let rates = 2 + RATE + 2 + RATE;
    let side_by_side = lead + rates <= width;
    let bar_room = width.saturating_sub(lead + rates + 2);
    let show_bar = side_by_side && bar_room >= MIN_BAR;
    let mut header = format!(" {title:<time_width$}  {:>count_width$}", "Requests");
    if side_by_side {
        // Right-aligned over the numbers, before the marks' column.
        header.push_str(&format!("  {:>w$}   {:>w$}", "4xx", "5xx", w = RATE - 1));
    }
    writeln!(out, "{}", p.heading(&header)).unwrap();
    let largest = rows.iter().map(|(_, b)| b.total).max().unwrap_or(0);
    for (label, b) in &rows {
        let line = format!(
            " {label:<time_width$}  {:>count_width$}",
            thousands(b.total)
        );
        let client = rate(p, b.client_errors, b.total, CLIENT_ERROR_THRESHOLD, 4);
        let server = rate(p, b.server_errors, b.total, SERVER_ERROR_THRESHOLD, 5);
        if side_by_side {
            let mut line = format!("{line}  {client}  {server}");
            if show_bar {
                line.push_str("  ");
                line.push_str(&split_bar(p, b, largest, bar_room));
            }
            writeln!(out, "{}", line.trim_end()).unwrap();
        } else {
            writeln!(out, "{line}").unwrap();
            writeln!(out, "     4xx {client}  5xx {}", server.trim_end()).unwrap();
        }
    }
    let mut legend = String::new();
    if show_bar {
        legend.push_str("Bars: requests (█), of which 4xx (▒) and 5xx (░). ");
    }
    write!(
        legend,
        "! marks a rate above its threshold ({:.0}% for 4xx, {:.0}% for 5xx).",
        CLIENT_ERROR_THRESHOLD * 100.0,
        SERVER_ERROR_THRESHOLD * 100.0
    )
    .unwrap();
    for line in wrap(&legend, width.min(100), "").lines() {
        writeln!(out, "{}", p.dim(line)).unwrap();
    }
    if unit != buckets.asked() {
        let text = format!(
            "(the log spans more than {} {}s: shown by {})",
            thousands(MAX_BUCKETS as u64),
            buckets.asked().name(),
            unit.name()
        );
        writeln!(out, "{}", wrap(&text, width, "")).unwrap();
    }
    if buckets.untimed > 0 {
        let mut text = format!(
            "({} {} without a readable timestamp",
            thousands(buckets.untimed),
            if buckets.untimed == 1 {
                "request"
            } else {
                "requests"
            }
        );
        if buckets.bad_time > 0 {
            write!(
                text,
                ", {} with an impossible one",
                thousands(buckets.bad_time)
            )
            .unwrap();
        }
        text.push(')');
        writeln!(out, "{}", wrap(&text, width, "")).unwrap();
    }
}

/// Width of a rate: `100.00%!`.
const RATE: usize = 8;
/// Narrower than this, a bar says little: it is left out.
const MIN_BAR: usize = 8;

/// The start of a bucket, as precise as its unit.
fn bucket_label(start: i64, offset: i32, unit: Granularity) -> String {
    let (year, month, day, hour, minute, _) = timestamp::local(start, offset);
    match unit {
        Granularity::Minute | Granularity::Hour => {
            format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}")
        }
        Granularity::Day => format!("{year:04}-{month:02}-{day:02}"),
        Granularity::Month => format!("{year:04}-{month:02}"),
        Granularity::Year => format!("{year:04}"),
    }
}

/// `  5.00% ` or ` 16.67%!`: `n` of `total` as a rate, marked and painted
/// bold in the class colour when above `threshold` (and only then).
fn rate(p: Painter, n: u64, total: u64, threshold: f64, class: u8) -> String {
    let share = n as f64 / total.max(1) as f64;
    let text = format!("{:>6.2}%", share * 100.0);
    if above(share, threshold) {
        let marked = format!("{text}!");
        if class == 5 {
            p.alert(&marked)
        } else {
            p.class(&marked, Class(class))
        }
    } else {
        format!("{text} ")
    }
}

/// The bucket's volume as a bar `room` wide for the largest bucket, its
/// 4xx (`▒`, yellow) and 5xx (`░`, red) parts at the end, each at least one
/// block when there are any.
fn split_bar(p: Painter, b: &Bucket, largest: u64, room: usize) -> String {
    let len = scaled(b.total, largest, room);
    let part = |n: u64| {
        let blocks = (n as f64 / b.total.max(1) as f64 * len as f64).round() as usize;
        blocks.max(usize::from(n > 0))
    };
    let server = part(b.server_errors).min(len);
    let client = part(b.client_errors).min(len - server);
    let rest = len - server - client;
    format!(
        "{}{}{}",
        "█".repeat(rest),
        p.tint(&"▒".repeat(client), Class(4)),
        p.tint(&"░".repeat(server), Class(5))
    )
}

/// Rows a breakdown shows at most; the rest are summed up under them.
const DETAIL_ROWS: usize = 10;

/// For formats that log a second status: which hop made the errors, then
/// what the hop behind answered.
fn hops(out: &mut String, counts: &Counts, p: Painter, width: usize) {
    let Some(second) = &counts.second else {
        return;
    };
    let (front, behind) = counts.hops().unwrap_or(("front", "backend"));
    writeln!(out).unwrap();
    let mut rows = Vec::new();
    for (i, class) in [(1, 5u8), (0, 4u8)] {
        let made = second.made_in_front[i];
        let passed = second.passed_on[i];
        if made + passed == 0 {
            continue;
        }
        if made > 0 {
            rows.push((format!("{class}xx made by {front}"), made, Class(class)));
        }
        if passed > 0 {
            rows.push((format!("{class}xx from the {behind}"), passed, Class(class)));
        }
    }
    if !rows.is_empty() {
        bars(out, counts.total, p, width, "Errors by hop", &rows);
        writeln!(out).unwrap();
    }
    let mut codes: Vec<(String, u64, Class)> = Vec::new();
    if second.missing > 0 {
        codes.push((format!("(no {behind} answer)"), second.missing, Class(0)));
    }
    let mut answered: Vec<(u16, u64)> = (0..1000u16)
        .map(|c| (c, second.by_code[usize::from(c)]))
        .filter(|(_, n)| *n > 0)
        .collect();
    answered.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (c, n) in answered.into_iter().take(DETAIL_ROWS) {
        let name = catalogue::primary_name(c).unwrap_or("(unknown code)");
        codes.push((format!("{c:03} {name}"), n, Class::of(c)));
    }
    let title = format!("{} status", capitalised(behind));
    bars(out, counts.total, p, width, &title, &codes);
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// The formats' own breakdowns, each with what its values mean.
fn details(out: &mut String, counts: &Counts, p: Painter, width: usize) {
    for (kind, tally) in &counts.details {
        let title = match kind {
            DetailKind::Substatus => "IIS sub-status",
            DetailKind::Win32 => "IIS Win32 status",
            DetailKind::Reason => "ALB error reason",
            DetailKind::EdgeResult => "CloudFront result",
            DetailKind::Termination => "HAProxy termination",
            DetailKind::Flag => "Envoy response flag",
            DetailKind::HerokuCode => "Heroku error",
        };
        let ranked = tally.ranked();
        let mut rows: Vec<(String, u64, Class)> = ranked
            .iter()
            .take(DETAIL_ROWS)
            .map(|(key, n)| {
                let key_text = crate::escape::shown(&String::from_utf8_lossy(key));
                let meaning = crate::json::detail_meaning(*kind, key);
                let class = match kind {
                    DetailKind::Substatus => key
                        .first()
                        .map_or(Class(0), |d| Class(d.wrapping_sub(b'0'))),
                    _ => Class(0),
                };
                let label = match meaning {
                    Some(m) => format!("{key_text} {m}"),
                    None => key_text,
                };
                (label, *n, class)
            })
            .collect();
        let rest: u64 =
            ranked.iter().skip(DETAIL_ROWS).map(|(_, n)| n).sum::<u64>() + tally.other();
        if rest > 0 {
            rows.push(("(the others)".to_string(), rest, Class(0)));
        }
        writeln!(out).unwrap();
        bars(out, counts.total, p, width, title, &rows);
    }
}

/// `--top`: the paths and hosts with the most 5xx, then the most 4xx.
fn top(out: &mut String, counts: &Counts, p: Painter, width: usize) {
    let Some(top) = &counts.top else {
        return;
    };
    let host_word = counts.hops().map_or("Host", |(_, behind)| behind);
    for (i, class) in [(1, 5u8), (0, 4u8)] {
        for (sketch, what) in [
            (&top.paths[i], "Path".to_string()),
            (&top.hosts[i], capitalised(host_word)),
        ] {
            if sketch.seen == 0 {
                continue;
            }
            let rows: Vec<(String, u64, Class)> = sketch
                .best(top.limit)
                .into_iter()
                .map(|(key, n)| {
                    (
                        crate::escape::shown(&String::from_utf8_lossy(key)),
                        n,
                        Class(class),
                    )
                })
                .collect();
            writeln!(out).unwrap();
            let title = format!("{what} ({class}xx)");
            // Shares of the class, not of all requests: which path holds
            // most of the 5xx.
            bars(out, sketch.seen, p, width, &title, &rows);
            if sketch.approximate {
                let note = format!(
                    "(counts may be low by up to {}: more than {} distinct values)",
                    thousands(sketch.error_bound()),
                    thousands(crate::stats::TOP_KEYS as u64)
                );
                writeln!(out, "{}", p.dim(&wrap(&note, width, ""))).unwrap();
            }
        }
    }
}

fn summary(out: &mut String, counts: &Counts, p: Painter, width: usize) {
    let requests = thousands(counts.total);
    writeln!(out, "{}  {requests}", p.heading("Requests    ")).unwrap();
    if counts.filtered_out > 0 {
        let note = format!(
            "({} outside --since/--until or without a stamp, not counted)",
            thousands(counts.filtered_out)
        );
        out.pop();
        writeln!(
            out,
            "\n{}{}",
            " ".repeat(LABEL_WIDTH),
            wrap(&note, width, &" ".repeat(LABEL_WIDTH))
        )
        .unwrap();
    }
    let shown: Vec<&str> = counts
        .formats
        .iter()
        .filter(|f| !matches!(f, Format::Ncsa | Format::Codes))
        .map(|f| f.title())
        .collect();
    if !shown.is_empty() {
        writeln!(out, "{}  {}", p.heading("Format      "), shown.join(", ")).unwrap();
    }
    if counts.unparsed > 0 {
        // After the count on its line if it fits, else on the next.
        let note = format!(
            "({} without a status)",
            super::count(counts.unparsed, "line", "lines")
        );
        let indent = " ".repeat(LABEL_WIDTH);
        let after = LABEL_WIDTH + requests.len() + 1;
        out.pop();
        if after + note.chars().count() <= width {
            writeln!(out, " {note}").unwrap();
        } else {
            writeln!(out, "\n{indent}{}", wrap(&note, width, &indent)).unwrap();
        }
    }
    if counts.total == 0 {
        return;
    }
    let availability = counts.availability();
    let nines_text = match nines(availability) {
        Some(n) => format!("{n:.1} nines"),
        None => "no 5xx at all".to_string(),
    };
    writeln!(
        out,
        "{}  {:.3}% ({nines_text})",
        p.heading("Availability"),
        availability * 100.0
    )
    .unwrap();
    let ratios = [
        (
            "4xx ratio   ",
            4,
            CLIENT_ERROR_THRESHOLD,
            "a broken client or a lost crawler",
        ),
        ("5xx ratio   ", 5, SERVER_ERROR_THRESHOLD, "an incident"),
    ];
    for (label, class, threshold, meaning) in ratios {
        let share = counts.share(counts.class(class));
        let high = above(share, threshold);
        let verdict = if high {
            format!("HIGH: above {:.0}%, suggests {meaning}", threshold * 100.0)
        } else {
            format!("ok ({:.0}% or less)", threshold * 100.0)
        };
        let indent = " ".repeat(label.len() + 2);
        let text = wrap(&format!("{:.2}% {verdict}", share * 100.0), width, &indent);
        let text = match (high, class) {
            (false, _) => text,
            (true, 5) => p.alert(&text),
            (true, _) => p.class(&text, Class(class as u8)),
        };
        writeln!(out, "{}  {text}", p.heading(label)).unwrap();
    }
}

/// Width of a column of counts: the widest, and at least "Requests".
fn count_column(counts: impl Iterator<Item = u64>) -> usize {
    counts.map(|n| thousands(n).len()).max().unwrap_or(1).max(8)
}

/// A bar `room` wide for the largest count, at least one block for any
/// count above zero.
fn bar(n: u64, largest: u64, room: usize) -> String {
    "█".repeat(scaled(n, largest, room))
}

/// `n`'s share of `largest` in blocks of `room`, at least one when `n > 0`.
fn scaled(n: u64, largest: u64, room: usize) -> usize {
    let len = (n as f64 / largest.max(1) as f64 * room as f64).round() as usize;
    len.max(usize::from(n > 0))
}

/// Label, count, share and a bar scaled to the largest row.
fn bars(
    out: &mut String,
    whole: u64,
    p: Painter,
    width: usize,
    title: &str,
    rows: &[(String, u64, Class)],
) {
    let share = |n: u64| {
        if whole == 0 {
            0.0
        } else {
            n as f64 / whole as f64
        }
    };
    let count_width = count_column(rows.iter().map(|(_, n, _)| *n));
    // The longest label and the title, within a third of the width; a
    // longer title is cut like a label.
    let label_width = rows
        .iter()
        .map(|(l, _, _)| l.chars().count())
        .chain([title.chars().count()])
        .max()
        .unwrap_or(0)
        .min((width / 3).max(8));
    let title = super::cut(title, label_width, false);
    let fixed = 1 + label_width + 2 + count_width + 2 + 7 + 2;
    let bar_room = width.saturating_sub(fixed).max(1);
    let largest = rows.iter().map(|(_, n, _)| *n).max().unwrap_or(0);
    writeln!(
        out,
        "{}",
        p.heading(&format!(
            " {title:<label_width$}  {:>count_width$}  {:>7}",
            "Requests", "Share"
        ))
    )
    .unwrap();
    for (label, n, class) in rows {
        let shown = super::cut(label, label_width, false);
        let pad = " ".repeat(label_width - shown.chars().count());
        let bar = bar(*n, largest, bar_room);
        // Labels and bars take their class's colour without bold: here
        // bold (red for 5xx) says a rate is over its threshold.
        let label = p.tint(&shown, *class);
        writeln!(
            out,
            " {label}{pad}  {:>count_width$}  {:>6.2}%  {}",
            thousands(*n),
            share(*n) * 100.0,
            p.tint(&bar, *class)
        )
        .unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(100), "100");
        assert!((nines(0.999).unwrap() - 3.0).abs() < 1e-9);
        assert_eq!(nines(1.0), None);
    }

    /// `n` requests, `client` of them 404 and `server` of them 500.
    fn counts(n: u64, client: u64, server: u64) -> Counts {
        let mut counts = Counts::default();
        counts.by_code[200] = n - client - server;
        counts.by_code[404] = client;
        counts.by_code[500] = server;
        counts.total = n;
        counts
    }

    fn plain(counts: &Counts) -> String {
        render(
            counts,
            Term {
                color: false,
                width: 80,
            },
        )
    }

    #[test]
    fn a_share_at_the_threshold_is_ok_and_said_so() {
        let at = plain(&counts(100, 5, 1));
        assert!(at.contains("4xx ratio     5.00% ok (5% or less)"), "{at}");
        assert!(at.contains("5xx ratio     1.00% ok (1% or less)"), "{at}");
        let over = plain(&counts(1000, 51, 11));
        assert!(over.contains("5.10% HIGH: above 5%"), "{over}");
        assert!(over.contains("1.10% HIGH: above 1%"), "{over}");
        assert!(!above(0.05, CLIENT_ERROR_THRESHOLD));
        assert!(above(0.0501, CLIENT_ERROR_THRESHOLD));
    }
}
