use predicates::prelude::*;

use crate::common::httpcode;

#[test]
fn not_a_code_is_a_one_line_usage_error() {
    for bad in ["12345", "-5", "", "4zz", "40"] {
        let out = httpcode().arg(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{bad:?}: {stderr}");
        assert!(stderr.starts_with("httpcode: error: "), "{bad:?}: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn a_mistyped_subcommand_gets_a_suggestion() {
    httpcode()
        .args(["serch", "timeout"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean 'search'"));
}

#[test]
fn clap_errors_are_one_line_too() {
    for args in [
        &["404", "--bogus"][..],
        &["search"],
        &["404", "--color", "sometimes"],
        &["is", "retryable"],
    ] {
        let out = httpcode().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("httpcode: error: "));
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_get_a_clear_error() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"\xff\xfe");
    httpcode().arg(bad).assert().code(2).stderr(
        "httpcode: error: an argument is not valid UTF-8: give codes and search words as text\n",
    );
}

#[test]
fn unknown_flags_and_sources_are_usage_errors() {
    httpcode().args(["404", "--bogus"]).assert().code(2);
    httpcode()
        .args(["404", "--source", "nosuchvendor"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown source"));
    httpcode()
        .args(["404", "--color", "sometimes"])
        .assert()
        .code(2);
}

#[test]
fn no_arguments_and_nothing_on_stdin_is_exit_1() {
    // Not a terminal: httpcode reads stdin, and finds no status there.
    httpcode()
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no status codes"));
}

#[test]
fn a_closed_pipe_is_quiet() {
    // `httpcode list | head -1`: the reader goes away early.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} list --color never | head -1",
            assert_cmd::cargo::cargo_bin("httpcode").display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let colored = |args: &[&str], no_color: Option<&str>| {
        let mut cmd = httpcode();
        cmd.args(args);
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.output().unwrap();
        String::from_utf8(out.stdout).unwrap().contains('\u{1b}')
    };
    assert!(colored(&["404", "--color=always"], None));
    assert!(
        colored(&["404", "--color=always"], Some("1")),
        "always wins over NO_COLOR"
    );
    assert!(!colored(&["404", "--color=never"], None));
    assert!(!colored(&["404"], None), "not a terminal: no color");
    assert!(
        !colored(&["404", "--json", "--color=always"], None),
        "JSON is never colored"
    );
}

/// What the error says for `args`, which must fail with exit 2.
fn usage_error(args: &[&str]) -> String {
    let out = httpcode().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn mistyped_values_get_a_did_you_mean() {
    for (args, meant) in [
        (
            &["--source", "cloudflar", "499"][..],
            "did you mean 'cloudflare'?",
        ),
        (&["list", "--source", "ngnix"], "did you mean 'nginx'?"),
        (&["grpc", "unavaliable"], "did you mean 'UNAVAILABLE'?"),
        (&["404", "--lang", "pyhton"], "'python'"),
        (&["4004"], "did you mean 404 Not Found or 400 Bad Request?"),
        (
            &["is", "retryable", "5003"],
            "did you mean 503 Service Unavailable or 500",
        ),
    ] {
        let err = usage_error(args);
        assert!(err.contains(meant), "{args:?}: {err}");
    }
    // A guide topic is read as the guide it nearly names, with a note
    // (tests/cli/compare.rs); nothing near is still an error.
    // Nothing near: no guess.
    for args in [
        &["guide", "xyzzy"][..],
        &["--source", "zzz", "404"],
        &["99999"],
    ] {
        assert!(!usage_error(args).contains("did you mean"), "{args:?}");
    }
}
