//! Inputs the fuzzers (fuzz/, cargo fuzz) found interesting, replayed through
//! the same functions on every `cargo test`, so what once broke stays fixed.

use std::fs;
use std::path::Path;

use httpcode::{explain, hops, search, stats, target};

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new("tests/fixtures/fuzz").join(target);
    let mut inputs: Vec<Vec<u8>> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| fs::read(entry.unwrap().path()).unwrap())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{} is empty", dir.display());
    inputs
}

#[test]
fn query_corpus() {
    for input in corpus("target") {
        // The query target takes only valid UTF-8, as arguments are.
        let Ok(text) = std::str::from_utf8(&input) else {
            continue;
        };
        let _ = target::parse(text);
        let args: Vec<String> = text.split_whitespace().map(String::from).collect();
        let _ = target::classify(&args);
        assert_limit_cuts_the_ranking(text);
    }
}

/// A smaller limit shows the first results of the larger one: the limit
/// cuts the ranking, it does not change it (as cutting before sorting, or
/// a partial sort, would).
fn assert_limit_cuts_the_ranking(text: &str) {
    let key = |m: &search::Match| (m.hit.label(), m.score);
    let ten: Vec<_> = search::search(text, 10).iter().map(key).collect();
    let three: Vec<_> = search::search(text, 3).iter().map(key).collect();
    assert_eq!(three[..], ten[..ten.len().min(3)], "{text:?}");
}

#[test]
fn stdin_corpus() {
    for input in corpus("hops") {
        let read = hops::read(&input[..]).unwrap();
        assert!(read.hops.iter().all(|h| h.code <= 999));
        explain_all(&read.hops);
    }
}

/// Every hop explained and drawn at two widths, as stdin mode would.
fn explain_all(hops: &[hops::Hop]) {
    let mut chain = explain::Chain::default();
    for (i, hop) in hops.iter().enumerate() {
        let e = explain::explain(hop, &mut chain);
        for width in [40, 80] {
            let term = httpcode::term::Term { color: true, width };
            let text = httpcode::render::response::hop(i + 1, hop, &e, term);
            assert!(!text.contains('\u{7}'), "{text:?}");
        }
    }
}

#[test]
fn har_corpus() {
    for input in corpus("har") {
        // Errors are fine; panics are not.
        let _ = httpcode::har::summarise(&input[..]);
    }
}

#[test]
fn stats_corpus() {
    for input in corpus("stats") {
        for field in [None, Some(1), Some(9)] {
            let options = stats::Options {
                field,
                ..stats::Options::default()
            };
            let mut counts = stats::Counts::default();
            stats::count_slice(&input, &options, &mut counts);
            // The same lines counted one at a time: the line splitting,
            // not the per-line parsing, is what the whole input adds.
            let mut one_by_one = stats::Counts::default();
            let mut lines: Vec<&[u8]> = input.split(|b| *b == b'\n').collect();
            if lines.last() == Some(&&b""[..]) {
                lines.pop();
            }
            for line in lines {
                stats::count_slice(line, &options, &mut one_by_one);
            }
            assert_eq!(counts, one_by_one, "field {field:?}");
        }
    }
}

#[test]
fn cli_corpus() {
    for input in corpus("cli") {
        let run = httpcode::harness::run(&input);
        if let Err(why) = httpcode::harness::check(&run) {
            panic!("{why}");
        }
    }
}
