//! `httpcode header`: headers by name, the codes they go with, and the
//! way back from a code's view.

use predicates::prelude::*;

use crate::common::{httpcode, json, stdout};

#[test]
fn a_header_names_its_codes_and_the_codes_name_it_back() {
    let view = stdout(&["header", "retry-after"]);
    assert!(view.starts_with("Retry-After · header"), "{view}");
    for code in ["429 Too Many Requests", "503 Service Unavailable"] {
        assert!(view.contains(code), "{code}: {view}");
    }
    assert!(view.contains("RFC 9110, Section 10.2.3"));
    let headers = json(&["429"])[0]["headers"].clone();
    let names: Vec<&str> = headers
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    for name in [
        "Retry-After",
        "RateLimit",
        "RateLimit-Policy",
        "X-RateLimit-Limit",
    ] {
        assert!(names.contains(&name), "429 lacks {name}: {names:?}");
    }
    assert!(stdout(&["429"]).contains("RateLimit-Policy"));
}

#[test]
fn names_match_case_aside_and_near_misses_with_a_note() {
    assert_eq!(json(&["header", "ETAG"])[0]["name"], "ETag");
    assert_eq!(
        json(&["header", "hsts"])[0]["name"],
        "Strict-Transport-Security"
    );
    let out = httpcode().args(["header", "Retry-Afer"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Retry-After"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("showing Retry-After"));
    httpcode()
        .args(["header", "X-Nonsense-Field"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no header 'X-Nonsense-Field'"));
}

#[test]
fn the_list_has_every_header_and_json_has_them_all() {
    let all = json(&["header"]);
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap())
        .collect();
    assert!(names.len() >= 30, "{} headers", names.len());
    let listing = stdout(&["header"]);
    for name in &names {
        assert!(listing.contains(name), "{name} not listed");
    }
}

/// Every header and every guide is reachable: searching its name finds it
/// in the first three results.
#[test]
fn every_header_and_guide_is_found_by_its_name() {
    let first_three = |query: &str| -> Vec<serde_json::Value> {
        let results = json(&["search", query, "--limit", "3"]);
        results.as_array().unwrap().clone()
    };
    for h in json(&["header"]).as_array().unwrap() {
        let name = h["name"].as_str().unwrap();
        let found = first_three(name)
            .iter()
            .any(|r| r["kind"] == "header" && r["name"] == name);
        assert!(found, "search {name} misses the header");
    }
    let guides = json(&["guide"]);
    assert!(guides.as_array().unwrap().len() >= 15);
    for g in guides.as_array().unwrap() {
        let title = g["title"].as_str().unwrap();
        let found = first_three(title)
            .iter()
            .any(|r| r["kind"] == "guide" && r["id"] == g["id"]);
        assert!(found, "search {title:?} misses the guide");
    }
}

/// The topic queries of the issue reach the topic, not a stray code.
#[test]
fn topic_words_alone_find_the_topic() {
    let first = |words: &[&str]| -> serde_json::Value {
        let mut args = words.to_vec();
        args.push("--json");
        let out = httpcode().args(&args).output().unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()[0].clone()
    };
    assert_eq!(first(&["caching"])["id"], "caching");
    assert_eq!(first(&["retry", "after"])["name"], "Retry-After");
    assert_eq!(first(&["soft", "404"])["id"], "seo");
    assert_eq!(first(&["enumeration"])["id"], "security");
    let out = httpcode().args(["search", "vary"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("header  Vary"));
}

#[test]
fn search_marks_each_result_with_its_kind_and_source_keeps_codes() {
    let view = stdout(&["search", "retry", "after"]);
    assert!(view.contains("header"), "{view}");
    let with_source = json(&["search", "retry", "after", "--source", "iana"]);
    for r in with_source.as_array().unwrap() {
        assert_eq!(r["kind"], "code", "{r}");
    }
}
