//! What makes it installable: help, version, completions, man page.

use crate::common::{httpcode, stdout};

#[test]
fn long_help_lists_every_command_and_examples() {
    let help = stdout(&["--help"]);
    insta::assert_snapshot!("help", help);
    for command in [
        "list",
        "search",
        "compare",
        "guide",
        "sources",
        "grpc",
        "is",
        "stats",
        "completions",
        "man",
    ] {
        assert!(
            help.contains(&format!("\n  {command} ")),
            "--help lacks {command}"
        );
    }
    assert!(help.contains("Examples:"));
}

#[test]
fn version_names_the_crate_version() {
    assert_eq!(
        stdout(&["--version"]),
        format!("httpcode {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains("httpcode"), "{shell}");
        assert!(
            script.contains("compare") && script.contains("json"),
            "{shell}"
        );
    }
    httpcode().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_is_roff() {
    let page = stdout(&["man"]);
    assert!(page.starts_with(".TH HTTPCODE 1"));
    assert!(page.contains("compare"));
}

#[test]
fn each_command_help_says_what_its_json_prints() {
    for command in [
        "list", "search", "compare", "guide", "sources", "grpc", "is", "stats",
    ] {
        let help = stdout(&[command, "--help"]);
        assert!(help.contains("With --json: "), "{command} --help");
    }
    assert!(stdout(&["compare", "--help"]).contains("With --json: an object"));
}
