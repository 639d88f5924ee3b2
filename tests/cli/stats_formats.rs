//! `stats` over the formats it recognises, checked against counts the
//! fixture generator kept as it wrote each log (tests/fixtures/logs/formats,
//! made by scripts/gen-logs.py): an independent count, not a second parse.

use std::collections::BTreeMap;
use std::io::Write as _;

use serde_json::Value;

use crate::common::{httpcode, json};

const FORMATS: &[&str] = &[
    "ncsa",
    "iis",
    "alb",
    "elb",
    "cloudfront",
    "haproxy",
    "envoy",
    "caddy",
    "traefik",
    "cloudflare",
    "heroku",
];

fn fixture(format: &str) -> (String, Value) {
    let log = format!("tests/fixtures/logs/formats/{format}.log");
    let expected = std::fs::read_to_string(format!(
        "tests/fixtures/logs/formats/{format}.expected.json"
    ))
    .unwrap();
    (log, serde_json::from_str(&expected).unwrap())
}

/// `[{"key": "200", "count": 5}, ...]` as a map.
fn by_key(list: &Value) -> BTreeMap<String, u64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["key"].as_str().unwrap().to_string(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn expected_map(value: &Value) -> BTreeMap<String, u64> {
    value
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

/// A code key as `stats` writes it (`0` is `000`).
fn code_key(key: &str) -> String {
    format!("{:03}", key.parse::<u16>().unwrap())
}

#[test]
fn every_format_is_recognised_and_counted_exactly() {
    for format in FORMATS {
        let (log, want) = fixture(format);
        let got = json(&["stats", &log]);
        let formats = got["formats"].as_array().unwrap();
        assert!(
            formats.contains(&Value::from(*format)),
            "{format}: {formats:?}"
        );
        assert_eq!(got["total"], want["total"], "{format}: total");
        assert_eq!(got["unparsed"], want["unparsed"], "{format}: unparsed");
        let codes: BTreeMap<String, u64> = expected_map(&want["codes"])
            .into_iter()
            .map(|(k, n)| (code_key(&k), n))
            .collect();
        assert_eq!(by_key(&got["codes"]), codes, "{format}: codes");
        // Forcing the format reads the same.
        let forced = json(&["stats", "--format", format, &log]);
        assert_eq!(forced["total"], want["total"], "{format}: forced");
    }
}

#[test]
fn second_statuses_and_breakdowns_match() {
    for format in FORMATS {
        let (log, want) = fixture(format);
        let got = json(&["stats", &log]);
        if let Some(second) = want
            .get("second")
            .filter(|s| s.as_object().is_some_and(|o| !o.is_empty()))
        {
            let mut expected = expected_map(second);
            let missing = expected.remove("-").unwrap_or(0) + expected.remove("0").unwrap_or(0);
            assert_eq!(
                got["second"]["missing"], missing,
                "{format}: second missing"
            );
            let codes: BTreeMap<String, u64> = expected
                .into_iter()
                .map(|(k, n)| (code_key(&k), n))
                .collect();
            assert_eq!(
                by_key(&got["second"]["codes"]),
                codes,
                "{format}: second codes"
            );
        }
        let details = want["details"].as_object().cloned().unwrap_or_default();
        let names = [
            ("sub", "substatus"),
            ("win32", "win32_status"),
            ("error_reason", "error_reason"),
            ("edge_result", "edge_result"),
            ("termination", "termination_state"),
            ("flags", "response_flags"),
            ("h_codes", "heroku_code"),
        ];
        for (theirs, ours) in names {
            if let Some(expected) = details.get(theirs) {
                let mut expected = expected_map(expected);
                if ours == "substatus" {
                    expected = expected
                        .into_iter()
                        .map(|(k, n)| {
                            let (code, sub) = k.split_once('.').unwrap();
                            (format!("{}.{sub}", code_key(code)), n)
                        })
                        .collect();
                }
                assert_eq!(
                    by_key(&got["details"][ours]["values"]),
                    expected,
                    "{format}: {ours}"
                );
            }
        }
    }
}

#[test]
fn top_paths_are_exact_below_the_sketch_size() {
    for format in FORMATS {
        let (log, want) = fixture(format);
        let got = json(&["stats", "--top", "1000", &log]);
        for (class, theirs) in [("5xx", "paths_5xx"), ("4xx", "paths_4xx")] {
            let expected = expected_map(&want[theirs]);
            let list = &got["top"]["paths"][class];
            assert_eq!(list["max_error"], 0, "{format} {class}");
            assert_eq!(by_key(&list["values"]), expected, "{format}: {class} paths");
        }
    }
}

#[test]
fn since_and_until_keep_a_window_of_the_day() {
    // The fixtures span 2024-05-01; the morning and the rest make the whole.
    for format in ["ncsa", "iis", "alb", "envoy", "heroku", "cloudflare"] {
        let (log, want) = fixture(format);
        let morning = json(&["stats", "--until", "2024-05-01T12:00:00Z", &log]);
        let rest = json(&["stats", "--since", "2024-05-01T12:00:00Z", &log]);
        let total = want["total"].as_u64().unwrap();
        let (a, b) = (
            morning["total"].as_u64().unwrap(),
            rest["total"].as_u64().unwrap(),
        );
        assert_eq!(a + b, total, "{format}");
        assert!(a > 0 && b > 0, "{format}: {a} + {b}");
        assert_eq!(
            morning["filtered_out"].as_u64().unwrap(),
            total - a,
            "{format}"
        );
    }
    httpcode()
        .args(["stats", "--since", "tomorrow", "x.log"])
        .assert()
        .code(2);
    httpcode()
        .args([
            "stats",
            "--since",
            "2024-05-02",
            "--until",
            "2024-05-01",
            "x.log",
        ])
        .assert()
        .code(2);
}

#[test]
fn the_view_says_which_hop_made_the_errors() {
    let (log, _) = fixture("alb");
    let out = httpcode()
        .args(["stats", "--color", "never", "--width", "100", &log])
        .output()
        .unwrap();
    let view = String::from_utf8(out.stdout).unwrap();
    assert!(view.contains("Format        AWS ALB"), "{view}");
    assert!(view.contains("5xx made by ALB"), "{view}");
    assert!(view.contains("(no target answer)"), "{view}");
    let (log, _) = fixture("haproxy");
    let out = httpcode()
        .args(["stats", "--color", "never", &log])
        .output()
        .unwrap();
    let view = String::from_utf8(out.stdout).unwrap();
    assert!(view.contains("sH timeout server"), "{view}");
}

/// `--follow` prints one JSON object per second of new lines, and keeps
/// reading after the file is rotated, as `tail -F` does.
#[test]
fn follow_reads_growth_and_rotation() {
    let dir = std::env::temp_dir().join(format!("httpcode-follow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("access.log");
    let line = "192.0.2.1 - - [01/May/2024:12:00:00 +0000] \"GET / HTTP/1.1\" 200 5\n";
    std::fs::write(&path, line).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_httpcode"))
        .args(["stats", "--follow"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let wait = || std::thread::sleep(std::time::Duration::from_millis(1300));
    wait();
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(line.replace(" 200 ", " 503 ").as_bytes())
        .unwrap();
    wait();
    std::fs::rename(&path, dir.join("access.log.1")).unwrap();
    std::fs::write(&path, line).unwrap();
    wait();
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let totals: Vec<u64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["total"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(totals, [1, 2, 3]);
    std::fs::remove_dir_all(dir).unwrap();
    httpcode().args(["stats", "--follow"]).assert().code(2);
}

/// Every format's view fits the narrowest width, long breakdown titles
/// (HAProxy termination, Envoy response flag) included.
#[test]
fn every_format_renders_at_forty_columns() {
    for format in FORMATS {
        let (log, _) = fixture(format);
        let out = httpcode()
            .args([
                "stats", "--top", "3", "--width", "40", "--color", "always", &log,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
