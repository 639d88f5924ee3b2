//! Trust at the edges: exit codes that never lie, input that cannot drive
//! the terminal, echoed values cut at one bound, views within the width.

use std::fs::File;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::httpcode;

const LOG: &str = "tests/fixtures/logs/combined.log";

fn with_stdout_full(args: &[&str]) -> Output {
    let mut cmd = Command::cargo_bin("httpcode").unwrap();
    cmd.args(args)
        .env_remove("NO_COLOR")
        .stdout(File::create("/dev/full").unwrap())
        .output()
        .unwrap()
}

fn with_stderr_full(args: &[&str]) -> Output {
    let mut cmd = Command::cargo_bin("httpcode").unwrap();
    cmd.args(args)
        .stdin(Stdio::null())
        .stderr(File::create("/dev/full").unwrap())
        .output()
        .unwrap()
}

#[test]
fn a_lost_stderr_keeps_the_exit_code_the_run_earned() {
    assert_eq!(with_stderr_full(&["298"]).status.code(), Some(1));
    assert_eq!(with_stderr_full(&["12345"]).status.code(), Some(2));
    assert_eq!(
        with_stderr_full(&["stats", "/nonexistent"]).status.code(),
        Some(2)
    );
    assert_eq!(with_stderr_full(&["--bogus"]).status.code(), Some(2));
    assert_eq!(with_stderr_full(&["qqqzzzjjj"]).status.code(), Some(1));
}

#[test]
fn a_closed_stderr_pipe_keeps_the_exit_code() {
    for (args, code) in [(&["298"][..], 1), (&["12345"], 2)] {
        let mut child = Command::cargo_bin("httpcode")
            .unwrap()
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        assert_eq!(child.wait().unwrap().code(), Some(code), "{args:?}");
    }
}

#[test]
fn help_and_version_that_cannot_be_written_are_errors() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["--version"],
        &["help", "list"],
        &["list", "--help"],
        &["404"],
        &["list"],
    ] {
        let out = with_stdout_full(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("No space left"), "{args:?}: {err}");
    }
}

fn fails_with(args: &[&str], code: i32, message: &str) {
    let out = httpcode().args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(err.contains(message), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
}

#[test]
fn usage_errors_say_what_is_wrong() {
    fails_with(&["compare", "404", "404"], 2, "404 is given twice");
    fails_with(
        &["compare", "4xx", "404"],
        2,
        "adds no code not already given",
    );
    fails_with(&["--source", "", "404"], 2, "--source needs a name");
    fails_with(&["404", "--source="], 2, "--source needs a name");
    fails_with(&["search", "timeout", "--limit", "0"], 2, "--limit");
    fails_with(&["--width", "20", "404"], 2, "at least 40 columns");
    fails_with(
        &["compare", "404", "499", "--source", "nginx"],
        1,
        "404 has no entry from nginx",
    );
}

#[test]
fn codes_on_stdin_honour_lang() {
    httpcode()
        .args(["--lang", "go"])
        .write_stdin("404\n")
        .assert()
        .success()
        .stdout("http.StatusNotFound\n");
    let out = httpcode()
        .args(["--lang", "rust", "--json"])
        .write_stdin("HTTP/1.1 301 Moved Permanently\nLocation: /\n\n200\n299\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "298 has no constant");
    let names: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        names,
        [
            "http::StatusCode::MOVED_PERMANENTLY",
            "http::StatusCode::OK"
        ]
    );
}

const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J";

/// No ESC or BEL, raw: `--color never` output holds no control character
/// but line breaks.
fn assert_terminal_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{what}: {text:?}"
    );
}

#[test]
fn server_headers_on_stdin_are_shown_escaped() {
    let out = httpcode()
        .args(["--color", "never"])
        .write_stdin(format!(
            "HTTP/1.1 301 X\r\nLocation: {HOSTILE}\r\n\r\nHTTP/1.1 503 Y\r\nRetry-After: \u{9b}2J\r\n"
        ))
        .output()
        .unwrap();
    assert_terminal_safe(&out.stdout, "stdout");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Location       \\e]0;pwned\\x07\\e[2J"),
        "{text}"
    );
    assert!(text.contains("Retry-After    \\u{9b}2J"), "{text}");
}

#[test]
fn echoed_arguments_are_escaped_cut_and_on_one_line() {
    let long = "x".repeat(131_000);
    let cases: Vec<Vec<&str>> = vec![
        vec![HOSTILE],
        vec!["12\n34"],
        vec!["guide", HOSTILE],
        vec!["grpc", HOSTILE],
        vec!["--source", HOSTILE, "404"],
        vec!["--source", &long, "404"],
        vec!["list", "--class", HOSTILE],
        vec!["compare", "404", HOSTILE],
        vec!["stats", HOSTILE],
        vec!["search", HOSTILE],
        vec!["search", &long],
        vec!["--color", HOSTILE],
        vec!["--color", &long],
        vec![&long],
        vec!["is", "retryable", HOSTILE],
    ];
    for args in cases {
        let out = httpcode().args(&args).output().unwrap();
        let shown: Vec<String> = args.iter().map(|a| a.chars().take(20).collect()).collect();
        assert!(!out.status.success(), "{shown:?}");
        assert_terminal_safe(&out.stderr, &format!("{shown:?}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{shown:?}: {err}");
        assert!(err.len() < 400, "{shown:?}: {} bytes", err.len());
    }
}

#[test]
fn log_file_names_and_content_are_escaped() {
    let dir = std::env::temp_dir().join(format!("httpcode-edges-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("evil\u{1b}[2J.log");
    let mut file = File::create(&path).unwrap();
    writeln!(
        file,
        "h - - [23/Nov/2026:10:00:00 +0000] \"GET /{HOSTILE} HTTP/1.1\" 200 1"
    )
    .unwrap();
    writeln!(file, "{HOSTILE} 404").unwrap();
    drop(file);
    let path = path.to_str().unwrap();
    let out = httpcode()
        .args([
            "stats",
            "--by",
            "hour",
            "--color",
            "never",
            path,
            "missing\u{7}.log",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_terminal_safe(&out.stdout, "stdout");
    assert_terminal_safe(&out.stderr, "stderr");
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing\\x07.log"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_view_keeps_within_the_narrowest_width() {
    let views: &[&[&str]] = &[
        &["404"],
        &["499"],
        &["000"],
        &["500.19"],
        &["4xx"],
        &["list"],
        &["search", "timeout"],
        &["compare", "301", "308"],
        &["compare", "502", "503", "504"],
        &["guide"],
        &["guide", "redirect"],
        &["guide", "client-error"],
        &["guide", "server-error"],
        &["guide", "rest"],
        &["guide", "caching"],
        &["guide", "retry"],
        &["sources"],
        &["grpc"],
        &["grpc", "14"],
        &["stats", LOG],
        &["stats", "--by", "hour", LOG],
    ];
    for width in ["40", "41", "57"] {
        for args in views {
            let out = httpcode()
                .args(*args)
                .args(["--color", "never", "--width", width])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let limit: usize = width.parse().unwrap();
            // Links are never cut (see layout.rs).
            for line in text.lines().filter(|l| !l.starts_with("https://")) {
                assert!(
                    line.chars().count() <= limit,
                    "{args:?} at {width}: {line:?}"
                );
            }
        }
    }
}
