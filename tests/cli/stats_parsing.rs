//! How `stats` reads each kind of line: which bytes are the status, and
//! (with `--by`) which are the time.

use predicates::prelude::*;

use crate::common::httpcode;

/// `stats --json` over `input` on stdin, with these extra arguments.
fn stats_json(args: &[&str], input: &str) -> serde_json::Value {
    let out = httpcode()
        .args(["stats", "--json"])
        .args(args)
        .write_stdin(input.as_bytes().to_vec())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The codes counted, as "code:count" in code order.
fn codes(v: &serde_json::Value) -> Vec<String> {
    v["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{}:{}", c["key"].as_str().unwrap(), c["count"]))
        .collect()
}

#[test]
fn json_lines_count_the_top_level_status() {
    let log = [
        r#"{"upstream":{"status":502},"status":200}"#,
        r#"{"msg":"status","status":500}"#,
        r#"{"status":"404"}"#,
        r#"{"status_code":201,"status":"503"}"#,
        r#"{"status":200.9}"#,
        r#"{"status":-200}"#,
        r#"{"status":1200}"#,
        r#"{"status":99999999999}"#,
        r#"{"nested":{"status":200}}"#,
        "{",
    ]
    .join("\n");
    let v = stats_json(&[], &log);
    assert_eq!(codes(&v), ["200:1", "404:1", "500:1", "503:1"]);
    assert_eq!(v["unparsed"], 6);
}

#[test]
fn ncsa_status_is_the_one_after_the_request() {
    let log = [
        r#"192.0.2.1 - - [23/Nov/2026:10:00:00 +0000] "GET /a\" 404 x HTTP/1.1" 200 5 "-" "-""#,
        r#"192.0.2.1 - - [23/Nov/2026:10:00:00 +0000] "GET /a\x22 404 x HTTP/1.1" 200 5 "-" "-""#,
        r#"192.0.2.1 - - [23/Nov/2026:10:00:00 +0000] "-" 400 0 "-" "-""#,
        r#"192.0.2.1 - - [23/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" - 0 "x" 503 1"#,
    ]
    .join("\n");
    let v = stats_json(&[], &log);
    assert_eq!(codes(&v), ["200:2", "400:1"]);
    assert_eq!(v["unparsed"], 1, "no fallback to a later quote");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let bom = "\u{feff}";
    let ncsa = format!(r#"{bom}h - - [23/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 301 0"#);
    assert_eq!(codes(&stats_json(&[], &ncsa)), ["301:1"]);
    let json = format!(r#"{bom}{{"status":201}}"#);
    assert_eq!(codes(&stats_json(&[], &json)), ["201:1"]);
    assert_eq!(codes(&stats_json(&[], &format!("{bom}302\n"))), ["302:1"]);
    let field = format!("{bom}302 GET /\n");
    assert_eq!(codes(&stats_json(&["--field", "1"], &field)), ["302:1"]);
    // A mark alone is an empty line, as in a file with no data.
    httpcode()
        .args(["stats", "--json", "-"])
        .write_stdin(format!("{bom}\n"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"unparsed\": 0"));
}

/// A combined-log line at this NCSA stamp.
fn ncsa(stamp: &str, status: u16) -> String {
    format!(r#"192.0.2.1 - - [{stamp}] "GET / HTTP/1.1" {status} 5 "-" "-""#)
}

/// (time, total) of each bucket, as listed.
fn buckets(v: &serde_json::Value) -> Vec<(String, u64)> {
    v["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["time"].as_str().unwrap().to_string(),
                b["total"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn one_hour_is_one_bucket_whatever_the_offset_or_format() {
    let log = [
        ncsa("23/Nov/2026:13:00:00 +0200", 200),
        ncsa("23/Nov/2026:11:00:00 +0000", 503),
        r#"{"time":"2026-11-23T11:30:00.5Z","status":200}"#.to_string(),
        r#"{"@timestamp":"2026-11-23 06:59:59-05:00","status":404}"#.to_string(),
    ]
    .join("\n");
    let v = stats_json(&["--by", "hour"], &log);
    assert_eq!(buckets(&v), [("2026-11-23T11:00:00Z".to_string(), 4)]);
    assert_eq!(v["unit"], "hour");
    assert_eq!(
        (v["untimed"].as_u64(), v["bad_time"].as_u64()),
        (Some(0), Some(0))
    );
    let v = stats_json(&["--by", "hour", "--tz", "+02:00"], &log);
    assert_eq!(buckets(&v), [("2026-11-23T13:00:00+02:00".to_string(), 4)]);
}

#[test]
fn buckets_are_listed_in_time_order() {
    let log = [
        ncsa("23/Nov/2026:12:10:00 +0000", 200),
        ncsa("23/Nov/2026:10:10:00 +0000", 200),
        ncsa("22/Nov/2026:23:10:00 +0000", 200),
        ncsa("23/Nov/2026:10:20:00 +0000", 500),
    ]
    .join("\n");
    let v = stats_json(&["--by", "hour"], &log);
    let times: Vec<String> = buckets(&v).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        times,
        [
            "2026-11-22T23:00:00Z",
            "2026-11-23T10:00:00Z",
            "2026-11-23T12:00:00Z"
        ]
    );
    let out = httpcode()
        .args([
            "stats", "--color", "never", "--by", "minute", "--tz", "-0530",
        ])
        .write_stdin(log)
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with(" Time"))
        .collect();
    assert!(table[0].starts_with(" Time (-05:30)"), "{out}");
    // The rows, not the legend under them.
    let labels: Vec<&str> = table[1..]
        .iter()
        .take_while(|l| l.starts_with(' '))
        .map(|l| &l[1..17])
        .collect();
    assert_eq!(
        labels,
        [
            "2026-11-22 17:40",
            "2026-11-23 04:40",
            "2026-11-23 04:50",
            "2026-11-23 06:40"
        ]
    );
}

#[test]
fn impossible_stamps_are_reported_not_bucketed() {
    let log = [
        ncsa("99/Foo/0000:77:00:00 +0000", 200),
        r#"{"time":"2026-02-30T10:00:00Z","status":200}"#.to_string(),
        r#"{"status":200}"#.to_string(),
        ncsa("23/Nov/2026:10:00:00 +0000", 200),
    ]
    .join("\n");
    let v = stats_json(&["--by", "hour"], &log);
    assert_eq!(buckets(&v), [("2026-11-23T10:00:00Z".to_string(), 1)]);
    assert_eq!(
        (v["untimed"].as_u64(), v["bad_time"].as_u64()),
        (Some(3), Some(2))
    );
    httpcode()
        .args(["stats", "--color", "never", "--by", "hour"])
        .write_stdin(log)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(3 requests without a readable timestamp, 2 with an impossible one)",
        ));
}

#[test]
fn a_bad_tz_is_a_usage_error() {
    for bad in ["CET", "+2", "+24:00", "02:00", ""] {
        httpcode()
            .args(["stats", "--by", "hour", "--tz", bad])
            .write_stdin("200\n")
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--tz"))
            .stderr(predicate::str::contains("+02:00"));
    }
    for good in ["UTC", "Z", "+02:00", "+0200", "-05:30"] {
        httpcode()
            .args(["stats", "--by", "hour", "--tz", good])
            .write_stdin("200\n")
            .assert()
            .success();
    }
}

#[test]
fn a_log_spanning_too_many_minutes_is_shown_by_hour() {
    // 10,001 distinct minutes: one more than the buckets kept.
    let log: String = (0..10_001)
        .map(|m| {
            let (day, hour, minute) = (1 + m / 1440, m / 60 % 24, m % 60);
            ncsa(
                &format!("{day:02}/Nov/2026:{hour:02}:{minute:02}:00 +0000"),
                200,
            ) + "\n"
        })
        .collect();
    let v = stats_json(&["--by", "minute"], &log);
    assert_eq!(v["unit"], "hour");
    let list = buckets(&v);
    assert_eq!(list.len(), 167);
    assert_eq!(list.iter().map(|(_, n)| n).sum::<u64>(), 10_001);
    assert_eq!(list[0], ("2026-11-01T00:00:00Z".to_string(), 60));
    httpcode()
        .args(["stats", "--color", "never", "--by", "minute"])
        .write_stdin(log)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(the log spans more than 10,000 minutes: shown by hour)",
        ));
}
