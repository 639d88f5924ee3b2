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
                    let view = detail::render(
                        entry,
                        TERM,
                        DetailOptions {
                            show_example: false,
                        },
                    );
                    assert!(view.starts_with(&entry.code_label()));
                    assert!(
                        view.lines().all(|l| l.chars().count() <= 40),
                        "{code}: line wider than 40"
                    );
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
