//! The pager, on a real terminal: `script` gives the binary a pseudo-terminal
//! (24 rows when it does not say), and a pager that marks each line shows
//! whether the text went through it.

use std::process::Command;

/// Runs `httpcode ARGS` on a pseudo-terminal with `$HTTPCODE_PAGER` set to
/// `pager`; `None` when `script` (util-linux) is not installed.
fn on_terminal(pager: &str, args: &str) -> Option<String> {
    let binary = assert_cmd::cargo::cargo_bin("httpcode");
    let line = format!("{} {args}", binary.display());
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("HTTPCODE_PAGER", pager)
        .env("TERM", "xterm")
        .env_remove("PAGER")
        .output()
        .ok()?;
    if !out.status.success() && out.stdout.is_empty() {
        eprintln!("script(1) cannot run here; skipped");
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}

const MARKING: &str = "sed s/^/paged:/";

#[test]
fn a_tall_view_on_a_terminal_goes_through_the_pager() {
    let Some(out) = on_terminal(MARKING, "404 --color never") else {
        return;
    };
    assert!(out.starts_with("paged:404 Not Found"), "{out}");
    assert!(out.lines().all(|l| l.starts_with("paged:")), "{out}");
}

#[test]
fn a_short_answer_is_not_paged() {
    let Some(out) = on_terminal(MARKING, "is retryable 503 -v") else {
        return;
    };
    assert_eq!(out, "yes\n");
}

#[test]
fn pager_never_and_no_pager_print_straight() {
    for flag in ["--no-pager", "--pager never", "--pager=never"] {
        let Some(out) = on_terminal(MARKING, &format!("404 --color never {flag}")) else {
            return;
        };
        assert!(out.starts_with("404 Not Found"), "{flag}: {out}");
        assert!(!out.contains("paged:"), "{flag}");
    }
}

#[test]
fn pager_always_pages_a_short_answer() {
    let Some(out) = on_terminal(MARKING, "is retryable 503 -v --pager always") else {
        return;
    };
    assert_eq!(out, "paged:yes\n");
}

#[test]
fn a_missing_pager_falls_back_to_plain_output() {
    let Some(out) = on_terminal("httpcode-no-such-pager", "404 --color never") else {
        return;
    };
    assert!(out.starts_with("404 Not Found"), "{out}");
    assert!(out.contains("Safe to retry"), "{out}");
}

#[test]
fn an_empty_pager_variable_turns_paging_off() {
    let Some(out) = on_terminal("", "404 --color never") else {
        return;
    };
    assert!(out.starts_with("404 Not Found"), "{out}");
}

#[test]
fn a_pipe_is_never_paged() {
    let out = crate::common::httpcode()
        .args(["404", "--pager", "always"])
        .env("HTTPCODE_PAGER", MARKING)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("404 Not Found"));
}
