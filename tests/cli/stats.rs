use predicates::prelude::*;

use crate::common::{httpcode, json};

fn log(name: &str) -> String {
    format!("tests/fixtures/logs/{name}")
}

fn count(value: &serde_json::Value, code: &str) -> u64 {
    value["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == code)
        .map_or(0, |c| c["count"].as_u64().unwrap())
}

#[test]
fn combined_log() {
    let v = json(&["stats", &log("combined.log")]);
    assert_eq!(v["total"], 6);
    assert_eq!(v["unparsed"], 0);
    assert_eq!(count(&v, "200"), 2);
    assert_eq!(count(&v, "502"), 1);
    assert_eq!(count(&v, "400"), 1);
}

#[test]
fn totals_add_up_across_formats_and_files() {
    let v = json(&[
        "stats",
        &log("common.log"),
        &log("requests.jsonl"),
        &log("codes.txt"),
    ]);
    assert_eq!(v["total"], 3 + 3 + 4);
    assert_eq!(v["unparsed"], 1, "the JSON line without a status");
    let by_code: u64 = v["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    let by_class: u64 = v["classes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(by_code, 10);
    assert_eq!(by_class, 10);
    assert_eq!(count(&v, "429"), 1);
    assert_eq!(count(&v, "000"), 1);
    let availability = v["availability"].as_f64().unwrap();
    assert!((availability - 8.0 / 10.0).abs() < 1e-9, "two 5xx of ten");
    assert_eq!(v["ratios"]["server_error_high"], true);
}

#[test]
fn explicit_field() {
    let v = json(&["stats", "--field", "3", &log("custom.log")]);
    assert_eq!((count(&v, "200"), count(&v, "404")), (1, 1));
}

#[test]
fn stdin_garbage_long_lines_and_invalid_utf8_are_counted_not_fatal() {
    let mut input = b"\xff\xfe\xfd\n\x00\x00binary\n".to_vec();
    input.extend(vec![b'z'; 1024 * 1024]);
    input.extend(b"\n200\n");
    httpcode()
        .args(["stats", "-", "--json"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"total\": 1"))
        .stdout(predicate::str::contains("\"unparsed\": 3"));
}

#[test]
fn empty_input_is_exit_1() {
    httpcode().args(["stats"]).write_stdin("").assert().code(1);
}

#[test]
fn a_missing_file_is_a_clear_error() {
    httpcode()
        .args(["stats", "no/such/file.log"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "httpcode: cannot read no/such/file.log",
        ));
}

#[test]
fn the_report_shows_ratios_availability_and_bars() {
    let out = crate::common::stdout(&["stats", &log("combined.log")]);
    for part in [
        "Requests",
        "Availability",
        "4xx ratio",
        "5xx ratio",
        "502 Bad Gateway",
        "█",
    ] {
        assert!(out.contains(part), "missing {part}");
    }
}

#[test]
fn time_buckets() {
    let v = json(&["stats", "--by", "minute", &log("combined.log")]);
    let buckets = v["buckets"].as_array().unwrap();
    assert_eq!(buckets.len(), 1);
    assert_eq!(buckets[0]["time"], "2026-11-23T09:00:00Z");
    assert_eq!(buckets[0]["total"], 6);
    assert_eq!(buckets[0]["server_errors"], 1);
    let v = json(&["stats", &log("combined.log")]);
    assert!(v.get("buckets").is_none(), "only with --by");
    let out = crate::common::stdout(&[
        "stats",
        "--by",
        "hour",
        "--width",
        "40",
        &log("combined.log"),
    ]);
    assert!(out.contains("2026-11-23 09:00"));
    assert!(out.lines().all(|l| l.chars().count() <= 40), "{out}");
}

#[test]
fn gzipped_logs_are_read_as_they_are() {
    let plain = json(&["stats", &log("combined.log")]);
    let gzipped = json(&["stats", &log("combined.log.gz")]);
    assert_eq!(plain, gzipped);
}

/// The same bytes read from a file, a pipe and a gzip count the same, for
/// lines of any length (chunk boundaries used to decide).
#[test]
fn counts_do_not_depend_on_the_road() {
    use std::io::Write;
    let mut log = Vec::new();
    for i in 0..100 {
        let path = "a".repeat(20_000 + i * 37);
        let code = if i % 3 == 0 { 503 } else { 200 };
        writeln!(
            log,
            "h - - [23/Nov/2026:10:00:00 +0000] \"GET /{path} HTTP/1.1\" {code} 5"
        )
        .unwrap();
    }
    // Past the 1 MiB bound a line is cut the same way on every road.
    writeln!(
        log,
        "h - - [d] \"GET /{} HTTP/1.1\" 404 5",
        "b".repeat(2 << 20)
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("httpcode-road-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plain = dir.join("long.log");
    std::fs::write(&plain, &log).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&log).unwrap();
    let zipped = dir.join("long.log.gz");
    std::fs::write(&zipped, gz.finish().unwrap()).unwrap();

    let from_file = json(&["stats", plain.to_str().unwrap()]);
    let from_gzip = json(&["stats", zipped.to_str().unwrap()]);
    let out = httpcode()
        .args(["stats", "--json"])
        .write_stdin(log)
        .output()
        .unwrap();
    let from_pipe: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(from_file["total"], 100);
    assert_eq!(count(&from_file, "503"), 34);
    assert_eq!(from_file["unparsed"], 1, "the line over 1 MiB");
    assert_eq!(from_file, from_pipe);
    assert_eq!(from_file, from_gzip);
}

#[test]
fn one_bad_file_does_not_discard_the_others() {
    let out = httpcode()
        .args([
            "stats",
            "--json",
            &log("combined.log"),
            "missing.log",
            &log("combined.log"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 12);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot read missing.log"), "{err}");
}

#[test]
fn a_truncated_gzip_counts_what_it_held_and_says_where_it_stopped() {
    use std::io::Write;
    let mut log = Vec::new();
    for _ in 0..20_000 {
        writeln!(log, "h - - [d] \"GET / HTTP/1.1\" 200 5").unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&log).unwrap();
    let mut bytes = gz.finish().unwrap();
    bytes.truncate(bytes.len() / 2);
    let out = httpcode()
        .args(["stats", "--json"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let total = v["total"].as_u64().unwrap();
    assert!(total > 0 && total < 20_000, "{total}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stopped after"), "{err}");
}
