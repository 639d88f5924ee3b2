//! Layout rules that hold across views: widths, plurals, what colour means.

use crate::common::{httpcode, stdout};

#[test]
fn counts_agree_with_their_noun() {
    let one = stdout(&["sources", "--source", "curl"]);
    assert!(one.starts_with("1 entry from curl."), "{one}");
    let many = stdout(&["sources", "--source", "nginx"]);
    assert!(many.starts_with("6 entries from nginx."), "{many}");
    let out = httpcode()
        .args(["--color", "never"])
        .write_stdin(&b"404\n\xff\n"[..])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("skipped 1 unreadable line on stdin"), "{err}");
}

/// Every view, as arguments and what stdin holds.
fn every_view() -> Vec<(Vec<&'static str>, Vec<u8>)> {
    let mut views: Vec<Vec<&str>> = vec![
        vec!["404"],
        vec!["499"],
        vec!["500.19"],
        vec!["4xx"],
        vec!["30x"],
        vec!["500-504"],
        vec!["search", "gateway", "timeout"],
        vec!["gateway", "timeout"],
        vec!["compare", "401", "403"],
        vec!["compare", "502", "503", "504"],
        vec!["compare", "301", "302", "307", "308"],
        vec!["compare", "500", "502", "503", "504"],
        vec!["compare", "200", "404"],
        vec!["guide"],
        vec!["sources"],
        vec!["sources", "--source", "iis"],
        vec!["grpc"],
        vec!["grpc", "14"],
        vec!["list"],
        vec!["list", "--class", "9"],
        vec!["stats", "tests/fixtures/logs/hours.log"],
        vec!["stats", "--by", "hour", "tests/fixtures/logs/hours.log"],
        vec![
            "stats",
            "--by",
            "minute",
            "tests/fixtures/logs/combined.log",
        ],
        vec!["404", "--lang", "node"],
        vec!["511", "--lang", "dotnet"],
        vec!["is", "retryable", "503", "-v"],
        vec!["is", "retryable", "000", "--json"],
        vec!["499", "--short"],
        vec!["430", "--short"],
        vec!["000", "--short"],
        vec!["compare", "302", "307", "308"],
        vec!["search", "timeout", "--limit", "2"],
        vec!["HTTP/1.1 404 OK"],
    ];
    for topic in [
        "redirect",
        "client-error",
        "server-error",
        "rest",
        "caching",
        "retry",
    ] {
        views.push(vec!["guide", topic]);
    }
    // Every code's detail view: each has its own long names and constants.
    let codes: Vec<&'static str> = httpcode::catalogue::ENTRIES
        .iter()
        .filter(|e| e.substatus.is_none())
        .map(|e| &*format!("{:03}", e.code).leak())
        .collect();
    views.extend(codes.into_iter().map(|c| vec![c]));
    let mut runs: Vec<(Vec<&str>, Vec<u8>)> = views.into_iter().map(|v| (v, Vec::new())).collect();
    let chain = b"HTTP/1.1 301 Moved Permanently\r\nLocation: /a/404/b/with/a/rather/long/path/that/never/ends\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\n\r\nHTTP/1.1 200 OK\r\n\r\n";
    runs.push((vec![], chain.to_vec()));
    runs.push((vec!["--lang", "python"], b"404\n503\n".to_vec()));
    let mut big_log = Vec::new();
    for i in 0..5000 {
        big_log.extend(
            format!(
                "10.0.0.1 - - [23/Nov/2026:09:{:02}:00 +0000] \"GET / HTTP/1.1\" 200 5\n",
                i % 60
            )
            .as_bytes(),
        );
    }
    big_log.extend(b"no status here\n");
    runs.push((vec!["stats"], big_log.clone()));
    runs.push((vec!["stats", "--by", "hour"], big_log));
    runs
}

fn too_wide(width: usize) -> Vec<String> {
    let mut found = Vec::new();
    for (args, stdin) in every_view() {
        let w = width.to_string();
        let out = httpcode()
            .args(&args)
            .args(["--color", "never", "--width", &w])
            .write_stdin(stdin)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.is_empty(), "{args:?} printed nothing");
        // A link is never cut: alone on its line, it may run past the width.
        let too_wide = |l: &&str| l.chars().count() > width && !l.starts_with("https://");
        for line in text.lines().filter(too_wide) {
            found.push(format!("{args:?}: {line:?} ({})", line.chars().count()));
        }
    }
    found
}

#[test]
fn no_line_is_wider_than_40_in_any_view() {
    let found = too_wide(40);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_line_is_wider_than_80_in_any_view() {
    let found = too_wide(80);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn prose_stops_at_100_columns_while_tables_use_the_width() {
    let at = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--width", "160"]);
        stdout(&all)
    };
    let widest = |text: &str| {
        text.lines()
            .filter(|l| !l.starts_with("https://"))
            .map(|l| l.chars().count())
            .max()
            .unwrap()
    };
    for view in [&["404"][..], &["499"], &["grpc", "14"]] {
        let text = at(view);
        // The sub-status list after the detail is a table of names.
        let prose = text.split("Microsoft IIS sub-statuses").next().unwrap();
        assert!(widest(prose) <= 100, "{view:?}:\n{text}");
    }
    // Guides, classes and compare: intro, notes and key difference are prose.
    for view in [
        &["guide", "retry"][..],
        &["4xx"],
        &["compare", "301", "302", "307", "308"],
    ] {
        let text = at(view);
        let prose = text
            .lines()
            .filter(|l| !l.starts_with(' ') && !l.starts_with('─'));
        assert!(prose.clone().count() > 3, "{view:?}");
        assert!(
            prose.map(|l| l.chars().count()).max() <= Some(100),
            "{view:?}:\n{text}"
        );
    }
    assert!(widest(&at(&["list"])) > 100, "tables use the whole width");
}
