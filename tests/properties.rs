//! Properties over many inputs: nothing a user can type makes the engine
//! panic, and what it returns is consistent.

use httpcode::query::{self, Target};
use httpcode::render::detail::{self, DetailOptions};
use httpcode::term::Term;
use httpcode::{search, stats, stdin, table};
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
        match query::parse(&text) {
            Ok(Target::Code { code: c, .. }) => {
                assert_eq!(c, code);
                for entry in table::lookup(c, None) {
                    // Raw examples are shown as they are, however wide.
                    for short in [false, true] {
                        let options = DetailOptions {
                            show_example: false,
                            short,
                        };
                        let view = detail::render(entry, TERM, options);
                        assert!(view.starts_with(&entry.code_label()));
                        assert!(
                            view.lines().all(|l| l.chars().count() <= 40),
                            "{code}: line wider than 40"
                        );
                    }
                }
                table::nearest_codes(c, 3);
            }
            Ok(other) => panic!("{text} parsed as {other:?}"),
            Err(_) => assert!(code > 999, "{text} should parse"),
        }
        search::search(&text, 10);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn short_strings_never_panic_the_query_parser_or_search(text in "\\PC{0,24}") {
        let _ = query::parse(&text);
        let _ = query::classify(std::slice::from_ref(&text));
        let results = search::search(&text, 5);
        prop_assert!(results.len() <= 5);
        prop_assert!(results.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn code_like_strings_never_panic(text in "[0-9xX.\\- ]{0,12}") {
        if let Ok(target) = query::parse(&text) {
            let _ = target.to_string();
            for code in 0..1000 {
                let _ = target.matches(code);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_stdin_and_log_readers(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let read = stdin::read(&bytes[..]).unwrap();
        prop_assert!(read.hops.len() <= bytes.len() / 3 + 1);
        let mut counts = stats::Counts::default();
        stats::count(&bytes[..], None, &mut counts).unwrap();
        prop_assert_eq!(counts.by_code.iter().sum::<u64>(), counts.total);
    }
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
    #![proptest_config(ProptestConfig::with_cases(600))]

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
