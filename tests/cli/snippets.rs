//! `--snippet`: client code per status and language, reachable from the
//! detail view.

use predicates::prelude::*;

use crate::common::{httpcode, json, stdout};

#[test]
fn the_detail_view_names_the_languages_and_the_option_prints_the_code() {
    let view = stdout(&["429"]);
    assert!(
        view.contains("httpcode 429 --snippet curl|python|javascript|go|rust"),
        "{view}"
    );
    let python = stdout(&["429", "--snippet", "python"]);
    assert!(python.starts_with("# 429 Too Many Requests: "), "{python}");
    assert!(python.contains("Retry-After"), "{python}");
    let go = stdout(&["--snippet", "go", "503"]);
    assert!(go.starts_with("// 503 Service Unavailable: "), "{go}");
    let snippets = json(&["301", "--snippet", "rust"]);
    assert_eq!(snippets[0]["lang"], "rust");
    assert!(snippets[0]["codes"]
        .as_array()
        .unwrap()
        .contains(&301.into()));
}

#[test]
fn a_code_without_a_snippet_says_which_codes_have_one() {
    httpcode()
        .args(["404", "--snippet", "curl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no snippet handles 404"))
        .stderr(predicate::str::contains("429"));
    httpcode()
        .args(["list", "--snippet", "curl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--snippet"));
    httpcode()
        .args(["429", "--snippet", "cobol"])
        .assert()
        .code(2);
}

/// Every status the issue names has client code in every language.
#[test]
fn the_statuses_clients_must_handle_have_snippets() {
    for code in [
        "301", "302", "303", "307", "308", "304", "401", "408", "429", "503", "413", "500", "502",
        "504",
    ] {
        for lang in ["curl", "python", "javascript", "go", "rust"] {
            let out = json(&[code, "--snippet", lang]);
            assert_eq!(out.as_array().unwrap().len(), 1, "{code} {lang}");
        }
    }
}
