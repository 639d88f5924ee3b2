use predicates::prelude::*;

use crate::common::{httpcode, json, stdout};

#[test]
fn a_code_shows_its_detail_view() {
    let out = stdout(&["404"]);
    assert!(out.starts_with("404 Not Found"));
    for section in [
        "Common causes",
        "What to do",
        "Cacheable",
        "Safe to retry",
        "Confused with",
    ] {
        assert!(out.contains(section), "missing {section}");
    }
    assert!(out.contains("RFC 9110, Section 15.5.5"));
}

#[test]
fn several_codes_at_once() {
    let out = stdout(&["301", "308", "404"]);
    for head in [
        "301 Moved Permanently",
        "308 Permanent Redirect",
        "404 Not Found",
    ] {
        assert!(out.contains(head), "missing {head}");
    }
}

#[test]
fn classes_patterns_and_ranges() {
    for arg in ["4xx", "4XX", "4"] {
        let out = stdout(&[arg]);
        assert!(out.starts_with("4xx Client Error"), "{arg}");
        assert!(out.contains("Who is at fault: the client."));
        assert!(out.contains("418"));
    }
    let out = stdout(&["30x"]);
    assert!(out.contains("308") && !out.contains("404"));
    let out = stdout(&["500-504"]);
    assert!(out.contains("502") && !out.contains("505"));
    let out = stdout(&["5x3"]);
    assert!(out.contains("503") && out.contains("523"));
}

#[test]
fn status_lines_are_accepted() {
    assert!(stdout(&["HTTP/1.1 503 Service Unavailable"]).starts_with("503 Service Unavailable"));
    assert!(stdout(&["HTTP/2 404"]).starts_with("404 Not Found"));
}

/// A status line's phrase picks the meaning it names when a number has
/// several: Fastly's loop error is not the registry's 503.
#[test]
fn a_status_line_phrase_picks_its_meaning() {
    let fastly = stdout(&["HTTP/1.1 503 Loop detected"]);
    assert!(fastly.starts_with("503 Loop detected · Fastly"), "{fastly}");
    assert!(!fastly.contains("Service Unavailable · IANA"));
    let iana = stdout(&["HTTP/1.1 503 Service Unavailable"]);
    assert!(!iana.contains("Fastly"), "{iana}");
    let json = json(&["HTTP/1.1 503 Loop detected"]);
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["source_id"], "fastly");
    // A phrase no meaning has shows them all, as the bare number does.
    let all = stdout(&["HTTP/1.1 503 Busy"]);
    assert!(all.contains("IANA") && all.contains("Fastly"), "{all}");
}

#[test]
fn a_multi_source_code_shows_every_source_iana_first() {
    let out = stdout(&["451"]);
    let iana = out.find("451 Unavailable For Legal Reasons").unwrap();
    let iis = out.find("451 Redirect").unwrap();
    assert!(iana < iis);
    let out = stdout(&["499"]);
    assert!(out.contains("nginx") && out.contains("Esri"));
}

#[test]
fn source_narrows_to_one_vendor() {
    let out = stdout(&["499", "--source", "nginx"]);
    assert!(out.contains("nginx") && !out.contains("Esri"));
    httpcode()
        .args(["404", "--source", "nginx"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no entry from nginx"));
}

#[test]
fn substatus_codes_are_addressable_and_listed_under_their_parent() {
    let out = stdout(&["500.19"]);
    assert!(out.starts_with("500.19 Configuration data is invalid"));
    let out = stdout(&["404"]);
    assert!(out.contains("404.3"));
}

#[test]
fn vendor_codes_outside_the_standard_range_work() {
    assert!(stdout(&["000"]).starts_with("000: curl No Response · AWS"));
    assert!(stdout(&["999"]).contains("LinkedIn"));
    assert!(stdout(&["783"]).contains("Shopify"));
}

#[test]
fn unknown_well_formed_codes_explain_and_exit_1() {
    httpcode()
        .arg("298")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("not a known status code"))
        .stderr(predicate::str::contains("2xx Success"))
        .stderr(predicate::str::contains("Nearest known codes: 299"));
    httpcode()
        .arg("601")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("No class covers it"));
}

#[test]
fn list_filters() {
    let all = stdout(&["list"]);
    let cloudflare = stdout(&["list", "--source", "cloudflare"]);
    assert!(cloudflare.contains("521") && !cloudflare.contains("Not Found"));
    assert!(all.lines().count() > cloudflare.lines().count());
    let official = stdout(&["list", "--official", "--class", "4xx"]);
    assert!(official.contains("404") && !official.contains("nginx"));
    let unofficial = crate::common::json(&["list", "--unofficial"]);
    let unofficial = unofficial.as_array().unwrap();
    assert!(unofficial.iter().any(|e| e["code"] == 444));
    assert!(unofficial.iter().all(|e| e["official"] == false));
}

#[test]
fn sources_lists_counts_and_the_registry_date() {
    let out = stdout(&["sources"]);
    assert!(out.contains("IANA") && out.contains("Cloudflare") && out.contains("2025-09-15"));
}

#[test]
fn a_found_code_and_an_unknown_one_is_exit_0_with_a_note() {
    httpcode()
        .args(["404", "298"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("404 Not Found"))
        .stderr(predicate::str::contains("298 is not a known status code"));
}

/// The first screen of an 80x24 terminal answers: the name, the summary,
/// whether to retry, and the first cause and first action of the first
/// meaning, for the codes people look up during an incident.
#[test]
fn the_first_24_lines_at_80_columns_answer() {
    for code in ["404", "502", "503", "429", "301", "499", "000"] {
        let view = stdout(&[code, "--width", "80"]);
        let screen: String = view.lines().take(24).collect::<Vec<_>>().join("\n");
        let entry = &crate::common::json(&[code])[0];
        // Prose wraps, so compare with the line breaks taken out.
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        let first_words = |text: &serde_json::Value| {
            let words: Vec<&str> = text.as_str().unwrap().split_whitespace().collect();
            words[..words.len().min(6)].join(" ")
        };
        for (what, text) in [
            ("name", &entry["name"]),
            ("summary", &entry["summary"]),
            ("first cause", &entry["causes"][0]),
            ("first client action", &entry["actions"]["client"][0]),
        ] {
            assert!(
                flat.contains(&first_words(text)),
                "{code}: {what} is not on the first screen:\n{screen}"
            );
        }
        assert!(screen.contains("Safe to retry"), "{code}:\n{screen}");
    }
}

#[test]
fn list_counts_agree_in_number() {
    assert!(stdout(&["list", "--class", "9"]).starts_with("1 entry\n"));
    assert!(stdout(&["list", "--class", "1"]).starts_with("8 entries\n"));
}

/// A guide row about nginx's 499 is not about Esri's 499 Token Required.
#[test]
fn guides_link_only_the_meaning_they_are_about() {
    let guides_line = |args: &[&str]| -> String {
        let view = stdout(args);
        let at = view.find("\nGuides").map_or(view.len(), |i| i + 1);
        let rest = &view[at..];
        // The line and its continuation, up to the next label.
        rest.lines()
            .take_while(|l| l.starts_with("Guides") || l.starts_with("  "))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(guides_line(&["499", "--source", "esri"]), "");
    assert!(guides_line(&["499", "--source", "nginx"]).contains("server-error"));
    assert!(guides_line(&["404"]).contains("client-error"));
}
