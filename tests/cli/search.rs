use predicates::prelude::*;

use crate::common::{httpcode, json, stdout};

#[test]
fn search_ranks_the_meant_code_first() {
    let value = json(&["search", "gatway", "timout"]);
    assert_eq!(value[0]["code"], 504);
    let scores: Vec<f64> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "sorted by score");
}

#[test]
fn bare_words_search() {
    assert_eq!(stdout(&["teapot"]), stdout(&["search", "teapot"]));
    assert!(stdout(&["teapot"]).contains("418"));
}

#[test]
fn limit_caps_the_results() {
    assert_eq!(
        json(&["search", "timeout", "--limit", "2"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn no_match_is_exit_1_with_a_message() {
    httpcode()
        .args(["search", "qqqzzzxxx"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("nothing matches"));
}

#[test]
fn matched_words_are_highlighted_only_with_color() {
    let plain = stdout(&["search", "teapot"]);
    assert!(!plain.contains('\u{1b}'));
    let out = httpcode()
        .args(["search", "teapot", "--color=always"])
        .output()
        .unwrap();
    let colored = String::from_utf8(out.stdout).unwrap();
    // Bold + underline marks a matched word.
    assert!(colored.contains("\u{1b}[1m\u{1b}[4m") || colored.contains("\u{1b}[1;4m"));
}

#[test]
fn results_cut_by_the_limit_say_how_many_more_and_how_to_see_them() {
    let out = stdout(&["search", "timeout"]);
    let last = out.lines().last().unwrap();
    let more: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert_eq!(
        last,
        format!(
            "{more} more matches: httpcode search timeout --limit {}",
            10 + more
        )
    );
    assert!(!out.contains("522"), "522 is past the first 10");
    let all = stdout(&["search", "timeout", "--limit", &(10 + more).to_string()]);
    assert!(all.contains("522"), "{all}");
    assert!(!all.contains("more match"));
    // Bare words are a search with the same limit.
    assert!(stdout(&["timeout"]).ends_with(&format!("{last}\n")));
    let one_short = stdout(&["search", "timeout", "--limit", &(9 + more).to_string()]);
    let expected = format!(
        "1 more match: httpcode search timeout --limit {}\n",
        10 + more
    );
    assert!(one_short.ends_with(&expected), "{one_short}");
}
