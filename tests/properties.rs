//! Properties over many inputs: nothing a user can type makes the engine
//! panic, and what it returns is consistent.

use httpcode::render::detail::{self, DetailOptions};
use httpcode::target::{self, Target};
use httpcode::term::Term;
use httpcode::{catalogue, hops, logline, search, stats};
use proptest::prelude::*;

const TERM: Term = Term {
    color: false,
    width: 40,
};

/// Every code 0..=1000: parsing its text and rendering whatever it finds.
#[test]
fn every_code_up_to_1000_looks_up_without_panicking() {
    for code in 0..=1000u16 {
        let text = format!("{code:03}");
        match target::parse(&text) {
            Ok(Target::Code { code: c, .. }) => {
                assert_eq!(c, code);
                for entry in catalogue::lookup(c, None) {
                    // Raw examples are shown as they are, however wide.
                    for short in [false, true] {
                        let options = DetailOptions {
                            show_example: false,
                            short,
                        };
                        let view = detail::render(entry, TERM, options);
                        assert!(view.starts_with(&entry.code_label()));
                        // Links are never cut; everything else fits.
                        assert!(
                            view.lines()
                                .filter(|l| !l.starts_with("https://"))
                                .all(|l| l.chars().count() <= 40),
                            "{code}: line wider than 40"
                        );
                    }
                }
                catalogue::nearest_codes(c, 3);
            }
            Ok(other) => panic!("{text} parsed as {other:?}"),
            Err(_) => assert!(code > 999, "{text} should parse"),
        }
        search::search(&text, 10);
    }
}

/// `cases` runs drawn with XorShift: proptest's default, ChaCha, is built
/// without optimisation in a test profile and cost more than all the code
/// under test (1.9 s of this file's 2 s, measured with perf).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn short_strings_never_panic_the_query_parser_or_search(text in "\\PC{0,24}") {
        let _ = target::parse(&text);
        let _ = target::classify(std::slice::from_ref(&text));
        let results = search::search(&text, 5);
        prop_assert!(results.windows(2).all(|w| w[0].score >= w[1].score));
        // The limit cuts the ranking; it does not change it.
        let key = |m: &search::Match| (m.hit.label(), m.score);
        let two: Vec<_> = search::search(&text, 2).iter().map(key).collect();
        let five: Vec<_> = results.iter().map(key).collect();
        prop_assert_eq!(&two[..], &five[..five.len().min(2)]);
    }

    #[test]
    fn code_like_strings_never_panic(text in "[0-9xX.\\- ]{0,12}") {
        if let Ok(target) = target::parse(&text) {
            let _ = target.to_string();
            for code in 0..1000 {
                let _ = target.matches(code);
            }
        }
    }

    /// The in-memory counter (`count_slice`), not the threaded reader: each
    /// threaded run allocates and fills three 1 MiB buffers and spawns a
    /// thread, which made this the slowest test by far. `count` and
    /// `count_slice` are held to agree by the unit tests in src/stats.rs.
    #[test]
    fn arbitrary_bytes_never_panic_the_stdin_and_log_readers(bytes in log_like_bytes()) {
        let read = hops::read(&bytes[..]).unwrap();
        prop_assert!(read.hops.len() <= bytes.len() / 3 + 1);
        let mut counts = stats::Counts::default();
        stats::count_slice(&bytes, &stats::Options::default(), &mut counts);
        let expected = counted_line_by_line(&bytes);
        prop_assert_eq!(
            (&counts.by_code, counts.total, counts.unparsed),
            (&expected.by_code, expected.total, expected.unparsed)
        );
    }
}

/// Arbitrary bytes, and lines that look like logs, mixed: random bytes alone
/// would almost never hold a status, so the counts would all be zero. Random
/// runs are drawn eight bytes at a time (a `u64` costs proptest what a `u8`
/// does, and this test draws megabytes), still any byte at any place.
fn log_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let random = proptest::collection::vec(any::<u64>(), 0..8)
        .prop_map(|words| words.iter().flat_map(|w| w.to_le_bytes()).collect());
    let piece = prop_oneof![
        random,
        Just(b"h - - [23/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 502 1".to_vec()),
        Just(br#"{"status": 404, "time": "2026-11-23T10:00:00Z"}"#.to_vec()),
        Just(b"\xef\xbb\xbf200".to_vec()),
        Just(b" \t\r".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
    ];
    proptest::collection::vec(piece, 0..64).prop_map(|pieces| pieces.concat())
}

/// What `count_slice` must find, worked out another way: split at every
/// `\n`, ask `status_of_line` about each line, and call a line blank when
/// nothing but a byte-order mark and ASCII white space is in it.
fn counted_line_by_line(bytes: &[u8]) -> stats::Counts {
    let mut expected = stats::Counts::default();
    let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    if lines.last() == Some(&&b""[..]) {
        lines.pop();
    }
    for line in lines {
        let text = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
        // A `#Word:` line is a W3C directive (`#Fields:`), never a request.
        if httpcode::formats::is_directive(logline::trim(line)) {
            continue;
        }
        match logline::status_of_line(line) {
            Some(code) => {
                expected.by_code[usize::from(code)] += 1;
                expected.total += 1;
            }
            None if text.iter().all(u8::is_ascii_whitespace) => {}
            None => expected.unparsed += 1,
        }
    }
    expected
}

/// Words the command line is made of, and some it must survive.
const VOCABULARY: &[&str] = &[
    "list",
    "search",
    "compare",
    "guide",
    "sources",
    "grpc",
    "is",
    "stats",
    "help",
    "completions",
    "man",
    "bash",
    "retryable",
    "success",
    "404",
    "000",
    "500.19",
    "4xx",
    "500-504",
    "12345",
    "-1",
    "teapot",
    "timeout",
    "retry",
    "14",
    "UNAVAILABLE",
    "-",
    "--json",
    "--color",
    "never",
    "always",
    "--width",
    "40",
    "20",
    "--source",
    "iana",
    "nginx",
    "",
    "--lang",
    "go",
    "--no-example",
    "--limit",
    "0",
    "3",
    "--class",
    "--by",
    "hour",
    "--field",
    "9",
    "--",
    "-h",
    "--version",
    "HTTP/1.1 503 x",
    "\u{1b}]0;t\u{7}",
    "a\nb",
    "\u{9b}2J",
    "ü",
];

fn command_line() -> impl Strategy<Value = (Vec<String>, Vec<u8>)> {
    let word = prop_oneof![
        4 => proptest::sample::select(VOCABULARY).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ];
    let stdin = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        Just(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\nHTTP/2 200\r\n".to_vec()),
        Just(b"h - - [23/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 502 1\n".to_vec()),
    ];
    (proptest::collection::vec(word, 0..6), stdin)
}

proptest! {
    #![proptest_config(config(600))]

    /// Any argument vector and stdin through the real dispatch: no panic,
    /// exit 0/1/2, and nothing raw from the input reaches the terminal.
    #[test]
    fn the_command_line_survives_anything((words, input) in command_line()) {
        let mut args = vec![std::ffi::OsString::from("httpcode")];
        args.extend(words.iter().map(std::ffi::OsString::from));
        let run = httpcode::harness::run_args(args, &input);
        prop_assert!(httpcode::harness::check(&run).is_ok(), "{:?}", httpcode::harness::check(&run));
    }
}
