use predicates::prelude::*;

use crate::common::{httpcode, json, stdout};

#[test]
fn compare_shows_one_column_per_code_and_the_key_difference() {
    let out = stdout(&["compare", "301", "308"]);
    assert!(out.contains("Permanent") && out.contains("method and body kept"));
    assert!(out.contains("Key difference"));
}

#[test]
fn compare_accepts_patterns() {
    let value = json(&["compare", "30x"]);
    let codes: Vec<u64> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_u64().unwrap())
        .collect();
    assert!(codes.contains(&301) && codes.contains(&308));
}

#[test]
fn compare_across_classes_works() {
    let out = stdout(&["compare", "201", "503"]);
    assert!(out.contains("2xx Success") && out.contains("5xx Server Error"));
    let v = json(&["compare", "201", "503"]);
    let difference = v["difference"].as_str().unwrap();
    assert!(difference.contains("different classes"), "{difference}");
    assert!(difference.contains("the server"));
}

#[test]
fn compare_with_an_unknown_or_bad_code() {
    httpcode()
        .args(["compare", "404", "298"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("298"));
    httpcode()
        .args(["compare", "404", "4zz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("4zz"));
    httpcode().args(["compare", "404"]).assert().code(2);
}

#[test]
fn guides_list_and_show() {
    // Which topics exist is checked against the issue in tests/data.rs;
    // here, every topic the data has is listed and shows.
    let listing = stdout(&["guide"]);
    let topics = json(&["guide"]);
    for topic in topics.as_array().unwrap() {
        let id = topic["id"].as_str().unwrap();
        assert!(listing.contains(id), "{id} not listed");
        assert!(stdout(&["guide", id]).contains(topic["title"].as_str().unwrap()));
    }
    assert!(stdout(&["guide", "retry"]).contains("429"));
    httpcode().args(["guide", "nosuch"]).assert().code(2);
    let view = stdout(&["429"]);
    let guides = &view[view.find("\nGuides").unwrap()..];
    assert!(guides.contains(" retry,"), "{guides}");
}

/// A guide row about one vendor's meaning names the code as that vendor
/// does: SSL Labs' 529 is not Anthropic's.
#[test]
fn a_guide_row_names_the_meaning_it_is_about() {
    let guide = stdout(&["guide", "rate-limiting", "--width", "120"]);
    assert!(guide.contains("529 Site is overloaded"), "{guide}");
    assert!(
        guide.contains("529 Overloaded (overloaded_error)"),
        "{guide}"
    );
    assert!(
        guide.contains("430 Request Header Fields Too Large"),
        "{guide}"
    );
}

/// Near misses of a topic find it, as a person would read them.
#[test]
fn guide_topics_forgive_other_forms() {
    for (typed, id) in [
        ("cache", "caching"),
        ("redirects", "redirect"),
        ("rate-limit", "rate-limiting"),
    ] {
        let out = httpcode().args(["guide", typed]).output().unwrap();
        assert!(out.status.success(), "{typed}");
        let title = json(&["guide", id])["title"].as_str().unwrap().to_string();
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(&title),
            "{typed}"
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(id),
            "{typed}: no note"
        );
    }
}

/// A text written for 500-504 would explain 500, which is not compared.
#[test]
fn the_key_difference_speaks_only_of_the_codes_compared() {
    let difference = |codes: &[&str]| {
        let mut args = vec!["compare"];
        args.extend(codes);
        json(&args)["difference"].as_str().unwrap().to_string()
    };
    let three = difference(&["502", "503", "504"]);
    assert!(!three.contains("500"), "{three}");
    assert!(three.contains("502:") && three.contains("504:"), "{three}");
    // Without a text for the group, the pairs that have one, one paragraph each.
    let pairs = difference(&["302", "307", "308"]);
    assert!(pairs.starts_with("302 and 307: "), "{pairs}");
    assert!(pairs.contains("\n\n307 and 308: "), "{pairs}");
    assert!(!pairs.contains("301"), "{pairs}");
}
