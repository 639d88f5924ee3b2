//! One grammar: a global option means the same before or after the
//! subcommand, and a first word is a search only when it names no
//! subcommand.

use std::process::Output;

use crate::common::httpcode;

const LOG: &str = "tests/fixtures/logs/combined.log";

/// Every subcommand, with arguments that make it print something.
const COMMANDS: &[&[&str]] = &[
    &["404"],
    &["4xx"],
    &["list"],
    &["list", "--class", "4xx"],
    &["search", "timeout"],
    &["compare", "301", "308"],
    &["guide"],
    &["guide", "retry"],
    &["sources"],
    &["grpc"],
    &["grpc", "14"],
    &["is", "success", "500"],
    &["is", "retryable", "503"],
    &["stats", LOG],
    &["completions", "bash"],
    &["man"],
];

const OPTIONS: &[&[&str]] = &[
    &["--json"],
    &["--color", "never"],
    &["--color=always"],
    &["--width", "40"],
    &["--source", "iana"],
    &["--source=nginx"],
    &["--no-example"],
    &["--lang", "go"],
];

fn run(args: &[&str]) -> Output {
    httpcode().args(args).output().unwrap()
}

#[test]
fn global_options_mean_the_same_before_and_after_the_subcommand() {
    for command in COMMANDS {
        for option in OPTIONS {
            let before: Vec<&str> = option.iter().chain(command.iter()).copied().collect();
            let after: Vec<&str> = command.iter().chain(option.iter()).copied().collect();
            let (b, a) = (run(&before), run(&after));
            assert_eq!(b.status.code(), a.status.code(), "{before:?} vs {after:?}");
            assert_eq!(
                String::from_utf8_lossy(&b.stdout),
                String::from_utf8_lossy(&a.stdout),
                "{before:?} vs {after:?}"
            );
            assert_eq!(
                String::from_utf8_lossy(&b.stderr),
                String::from_utf8_lossy(&a.stderr),
                "{before:?} vs {after:?}"
            );
        }
    }
}

#[test]
fn an_option_before_is_does_not_change_the_answer() {
    let code = |args: &[&str]| run(args).status.code();
    assert_eq!(code(&["--color", "never", "is", "success", "500"]), Some(1));
    assert_eq!(code(&["--json", "is", "success", "200"]), Some(0));
    assert_eq!(
        code(&["--width", "40", "is", "server-error", "200"]),
        Some(1)
    );
}

#[test]
fn a_subcommand_after_options_is_the_subcommand_not_a_search() {
    let out = run(&["--json", "list"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() > 200, "the whole table");

    let out = String::from_utf8(run(&["--source", "iana", "list"]).stdout).unwrap();
    assert!(out.starts_with("64 entries"), "{out}");

    let out = String::from_utf8(run(&["--width", "40", "grpc"]).stdout).unwrap();
    assert!(out.contains("UNAVAILABLE"), "{out}");

    let out = run(&["--width", "40", "stats", LOG]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let v: serde_json::Value = serde_json::from_slice(&run(&["--json", "sources"]).stdout).unwrap();
    assert!(v["sources"].is_array());

    let out = run(&["--color", "never", "guide"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("retry"));
}

#[test]
fn words_that_are_not_subcommands_still_search() {
    let out = run(&["--json", "teapot"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["code"], 418);
    // After `--` even a subcommand's name is a search word.
    let out = run(&["--json", "--", "list"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() <= 10, "a search, not the list");
}

#[test]
fn help_after_options_shows_the_subcommand_help() {
    let out = run(&["--color", "never", "help", "list"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: httpcode list"));
}

#[test]
fn options_that_would_change_nothing_are_refused() {
    for args in [
        &["list", "--lang", "go"][..],
        &["grpc", "--source", "iana"],
        &["stats", LOG, "--source", "nginx"],
        &["man", "--json"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("does not apply"), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
