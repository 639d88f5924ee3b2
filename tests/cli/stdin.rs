use predicates::prelude::*;

use crate::common::httpcode;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/stdin/{name}")).unwrap()
}

#[test]
fn a_curl_redirect_chain_is_shown_hop_by_hop() {
    let out = httpcode()
        .args(["--color", "never"])
        .write_stdin(fixture("redirect-chain.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Chain          301 -> 308 -> 200"), "{text}");
    let order: Vec<usize> = ["1  301", "2  308", "3  200"]
        .iter()
        .map(|c| text.find(c).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    assert!(
        text.contains("Location       https://example.com/docs"),
        "{text}"
    );
    assert!(text.contains("Location       /docs/"), "{text}");
}

#[test]
fn stdin_json_is_an_array_of_hops() {
    let mut chain = fixture("retry-after.txt");
    chain.extend(b"HTTP/1.1 200 OK\r\n\r\n");
    let out = httpcode()
        .arg("--json")
        .write_stdin(chain)
        .output()
        .unwrap();
    let hops: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hops[0]["code"], 503);
    assert_eq!(hops[0]["retry_after"], "120");
    assert_eq!(hops[0]["name"], "Service Unavailable");
}

#[test]
fn curl_http_code_values_and_bad_bytes() {
    let mut input = b"000\n404\n\xff\xfe garbage\n".to_vec();
    input.extend(vec![b'x'; 100_000]);
    input.push(b'\n');
    httpcode()
        .args(["--color", "never"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("404"))
        .stderr(predicate::str::contains("skipped 2 unreadable lines"));
}

#[test]
fn predicates_answer_by_exit_code() {
    let answer = |args: &[&str]| {
        httpcode()
            .arg("is")
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(answer(&["retryable", "503"]), Some(0));
    assert_eq!(answer(&["retryable", "404"]), Some(1));
    assert_eq!(answer(&["cacheable", "404"]), Some(0));
    assert_eq!(answer(&["redirect", "308"]), Some(0));
    assert_eq!(answer(&["redirect", "304"]), Some(1));
    assert_eq!(answer(&["error", "404"]), Some(0));
    assert_eq!(answer(&["error", "000"]), Some(0));
    assert_eq!(answer(&["official", "499"]), Some(1));
    assert_eq!(answer(&["official", "404"]), Some(0));
    assert_eq!(answer(&["known", "298"]), Some(1));
    assert_eq!(answer(&["error", "4zz"]), Some(2));
    httpcode()
        .args(["is", "retryable", "503"])
        .assert()
        .stdout("");
    httpcode()
        .args(["is", "retryable", "503", "--verbose"])
        .assert()
        .stdout("yes\n");
}

/// `httpcode --color never` with stdin and stdout as pipes this test holds.
fn spawn_with_pipes() -> std::process::Child {
    use assert_cmd::cargo::CommandCargoExt;
    use std::process::{Command, Stdio};
    Command::cargo_bin("httpcode")
        .unwrap()
        .args(["--color", "never"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

/// `yes 'HTTP/1.1 200 OK' | httpcode`: the first hops show while the
/// stream is still open.
#[test]
fn an_endless_stream_shows_its_first_hops_at_once() {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = spawn_with_pipes();
    let mut input = child.stdin.take().unwrap();
    for _ in 0..150 {
        writeln!(input, "HTTP/1.1 200 OK").unwrap();
    }
    input.flush().unwrap();
    let output = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(output).lines() {
            let line = line.unwrap();
            if line.starts_with(" 100 ") {
                let _ = tx.send(line);
                return;
            }
        }
    });
    let row = rx.recv_timeout(Duration::from_secs(20));
    child.kill().unwrap();
    let _ = child.wait();
    drop(input);
    assert!(
        row.is_ok(),
        "the 100th hop did not show while stdin was open"
    );
}

#[test]
fn a_long_stream_is_shown_in_batches_with_one_header() {
    let input = "404\n".repeat(1234);
    let out = httpcode()
        .args(["--color", "never"])
        .write_stdin(input)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().filter(|l| l.contains("Not Found")).count(),
        1234
    );
    assert_eq!(text.matches("Code").count(), 1, "one header line");
    assert!(
        text.contains("\n 1234 "),
        "numbering goes on across batches"
    );
    assert_eq!(text.matches("final").count(), 1);
    // JSON streams every hop too.
    let out = httpcode()
        .arg("--json")
        .write_stdin("200\n".repeat(1234))
        .output()
        .unwrap();
    let hops: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hops.len(), 1234);
}

/// `yes 'HTTP/1.1 200 OK' | httpcode | head`: once head is gone, the next
/// batch fails to write and the endless stream ends.
#[test]
fn an_endless_stream_ends_when_its_reader_does() {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};

    let mut child = spawn_with_pipes();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"HTTP/1.1 200 OK\n".repeat(1000);
        // Stops when httpcode exits and the pipe closes.
        while input.write_all(&line).is_ok() {}
    });
    out.read_exact(&mut first).unwrap();
    drop(out);
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    writer.join().unwrap();
    assert!(status.is_some(), "still running after its reader closed");
}

/// What `httpcode ARGS` prints, and what it prints with `input` on stdin.
fn argument_and_piped(args: &[&str], code: &str, input: &str) -> (String, String) {
    let mut with_code = args.to_vec();
    with_code.insert(0, code);
    let direct = crate::common::stdout(&with_code);
    let out = httpcode()
        .args(args)
        .arg("--color=never")
        .write_stdin(input)
        .output()
        .unwrap();
    (direct, String::from_utf8(out.stdout).unwrap())
}

#[test]
fn one_piped_code_prints_what_the_argument_prints() {
    for args in [
        &[][..],
        &["--json"],
        &["--short"],
        &["--lang", "go"],
        &["--no-example"],
    ] {
        for input in ["404\n", "404", "HTTP/2 404\r\n\r\n", "404 Not Found\n"] {
            let (direct, piped) = argument_and_piped(args, "404", input);
            assert!(
                direct.starts_with("404") || direct.starts_with('[') || direct.starts_with("http.")
            );
            assert_eq!(piped, direct, "{args:?} with {input:?} piped");
        }
    }
    // curl -w '%{http_code}' prints 000 when the connection failed.
    let (direct, piped) = argument_and_piped(&[], "000", "000");
    assert_eq!(piped, direct);
}

#[test]
fn two_piped_codes_are_a_chain() {
    let out = httpcode().write_stdin("301\n200\n").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(" #  Code"), "{text}");
}

#[test]
fn a_phrase_that_is_not_the_codes_gets_a_note() {
    for run in [
        httpcode().arg("HTTP/1.1 404 OK").output().unwrap(),
        httpcode()
            .write_stdin("HTTP/1.1 404 OK\r\n")
            .output()
            .unwrap(),
        httpcode().arg("404 OK").output().unwrap(),
    ] {
        assert!(run.status.success());
        assert!(String::from_utf8_lossy(&run.stdout).starts_with("404 Not Found"));
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(
            err.contains("'OK' is not the reason phrase of 404 (Not Found)"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    for phrase in ["HTTP/1.1 404 Not Found", "404 not found", "HTTP/2 404"] {
        let run = httpcode().arg(phrase).output().unwrap();
        assert!(run.status.success());
        assert!(run.stderr.is_empty(), "{phrase}");
    }
}

#[test]
fn a_copied_code_and_phrase_in_separate_words_is_a_lookup() {
    let out = crate::common::stdout(&["404", "Not", "Found"]);
    assert!(out.starts_with("404 Not Found · IANA"), "{out}");
    // Words that are not the code's phrase are still a search.
    let out = crate::common::stdout(&["500", "timeout"]);
    assert!(out.starts_with(" Code"), "{out}");
}
