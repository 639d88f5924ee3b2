//! Whole responses on stdin (`curl -si`, `-sIL`, `-sv`): the platform and
//! the findings of every fixture in tests/fixtures/responses/, against
//! expected.tsv (one line per response: file, hop, code, platform, warnings).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::httpcode;

const DIR: &str = "tests/fixtures/responses";

/// One response of a fixture: hop, code, platform, sorted warning ids.
type Expected = (u64, u64, String, Vec<String>);

/// Each fixture's responses, from expected.tsv.
fn expected() -> BTreeMap<String, Vec<Expected>> {
    let text = std::fs::read_to_string(format!("{DIR}/expected.tsv")).unwrap();
    let mut by_file: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "{line}");
        let mut warn: Vec<String> = match f[4] {
            "-" => Vec::new(),
            list => list.split(',').map(str::to_string).collect(),
        };
        warn.sort();
        by_file.entry(f[0].to_string()).or_default().push((
            f[1].parse().unwrap(),
            f[2].parse().unwrap(),
            f[3].to_string(),
            warn,
        ));
    }
    by_file
}

fn explained(file: &str) -> Vec<Value> {
    let out = httpcode()
        .arg("--json")
        .write_stdin(std::fs::read(format!("{DIR}/{file}")).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "{file}");
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_fixture_names_its_platform_and_findings() {
    let expected = expected();
    let files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    assert_eq!(
        files.len(),
        expected.len(),
        "a fixture without expectations"
    );
    for (file, hops) in &expected {
        let got = explained(file);
        assert_eq!(got.len(), hops.len(), "{file}: responses");
        for ((hop, code, platform, warn), value) in hops.iter().zip(&got) {
            let at = format!("{file} hop {hop}");
            assert_eq!(value["code"], *code, "{at}");
            let named = value["platform"].as_str().unwrap_or("unknown");
            assert_eq!(named, platform, "{at}");
            let mut warnings: Vec<String> = value["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["level"] == "warn")
                .map(|f| f["id"].as_str().unwrap().to_string())
                .collect();
            warnings.sort();
            assert_eq!(&warnings, warn, "{at}");
        }
    }
}

#[test]
fn every_platform_of_the_table_has_a_fixture() {
    let expected = expected();
    let named: Vec<&str> = expected
        .values()
        .flatten()
        .map(|(_, _, platform, _)| platform.as_str())
        .collect();
    for platform in httpcode::catalogue::platforms() {
        assert!(named.contains(&platform.id.get()), "{}", platform.id.get());
    }
}

#[test]
fn vendor_codes_and_cloudflare_errors_are_explained_there() {
    let cloudflare = &explained("cloudflare.txt")[0];
    assert_eq!(cloudflare["cloudflare_error"]["code"], 1020);
    assert_eq!(cloudflare["platform_evidence"][0]["header"], "server");
    let web_down = &explained("cloudflare-521.txt")[0];
    assert_eq!(web_down["entry"]["source"], "cloudflare");
    assert_eq!(web_down["entry"]["vendor"], true);
    let iis = &explained("iis-detailed.txt")[0];
    assert_eq!(iis["entry"]["substatus"], 3);
    assert_eq!(iis["entry"]["source"], "iis");
    let alb = &explained("aws-alb.txt")[0];
    assert!(alb["platform_note"].as_str().unwrap().contains("target"));
}

#[test]
fn every_fixture_renders_safely_at_80_and_40_columns() {
    for (file, hops) in expected() {
        for width in ["80", "40"] {
            let out = httpcode()
                .args(["--color", "always", "--width", width])
                .write_stdin(std::fs::read(format!("{DIR}/{file}")).unwrap())
                .output()
                .unwrap();
            assert!(out.status.success(), "{file} at {width}");
            let text = String::from_utf8(out.stdout).unwrap();
            let plain: String = strip_colour(&text);
            assert!(
                plain.chars().all(|c| !c.is_control() || c == '\n'),
                "{file}: a control character"
            );
            let limit: usize = width.parse().unwrap();
            for line in plain.lines() {
                assert!(line.chars().count() <= limit, "{file} at {width}: {line}");
            }
            assert_eq!(plain.matches("Sent by").count(), hops.len(), "{file}");
        }
    }
}

/// `text` without SGR colour sequences.
fn strip_colour(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_har_file_is_summarised_by_name_and_on_stdin() {
    let by_name = httpcode()
        .args(["har", "tests/fixtures/har/shop.har", "--json"])
        .output()
        .unwrap();
    assert!(by_name.status.success());
    let on_stdin = httpcode()
        .arg("--json")
        .write_stdin(std::fs::read("tests/fixtures/har/shop.har").unwrap())
        .output()
        .unwrap();
    assert_eq!(by_name.stdout, on_stdin.stdout);
    let s: Value = serde_json::from_slice(&by_name.stdout).unwrap();
    assert_eq!(s["entries"], 5);
    assert_eq!(s["classes"]["none"], 2);
    assert_eq!(s["failed_total"], 3);
    assert_eq!(s["failed"][0]["error"], "net::ERR_BLOCKED_BY_CLIENT");
    assert!(s["failed"][0]["why"]
        .as_str()
        .unwrap()
        .contains("extension"));
    assert_eq!(s["failed"][1]["platform"], "AWS Application Load Balancer");
    assert_eq!(s["chains"][0]["codes"], serde_json::json!([301, 200]));
    assert_eq!(s["slowest"][0]["time_ms"], 3020.0);
    assert_eq!(s["findings"][0]["id"], "retry_after");
    assert_eq!(s["platforms"]["cloudflare"], 2);
}

#[test]
fn a_broken_har_is_one_line_and_exit_2() {
    for input in [
        "{\"log\":",
        "{\"nolog\":1}",
        "{\"log\":{\"entries\":[{\"request\":1}]}}",
    ] {
        let out = httpcode().write_stdin(input).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{input}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("httpcode: error: not a HAR file"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let missing = httpcode().args(["har", "no/such.har"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn short_gives_a_line_per_response() {
    let out = httpcode()
        .args(["--short", "--color", "never"])
        .write_stdin(std::fs::read(format!("{DIR}/finding-scheme_downgrade.txt")).unwrap())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "301 Moved Permanently · Cloudflare\n302 Found · Cloudflare · warn scheme_downgrade\n200 OK · Apache HTTP Server\n"
    );
}

#[test]
fn the_har_view_fits_80_and_40_columns() {
    for width in [80, 40] {
        let out = httpcode()
            .args(["har", "tests/fixtures/har/shop.har", "--color", "never"])
            .args(["--width", &width.to_string()])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Failed: 3"), "{text}");
        for line in text.lines() {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
    }
}
