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
