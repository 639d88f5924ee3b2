//! Access log lines of any shape and format, with and without --field,
//! --top and a time filter.
#![no_main]

use httpcode::formats::FORMATS;
use httpcode::stats::{count_slice, Counts, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let forced = FORMATS.iter().copied().map(Some);
    for format in std::iter::once(None).chain(forced) {
        for field in [None, Some(1), Some(9)] {
            let options = Options {
                field,
                format,
                top: Some(5),
                since: Some(0),
                until: None,
                // HAProxy's zoneless stamps read at +02:00.
                local: 7200,
            };
            let mut counts = Counts::default();
            // count() runs the same splitter behind a reader thread; the
            // slice form keeps threads out of the fuzzer (and is faster).
            count_slice(bytes, &options, &mut counts);
            assert_eq!(counts.by_code.iter().sum::<u64>(), counts.total);
        }
    }
});
