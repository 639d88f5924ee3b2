//! Access log lines of any shape, with and without --field.
#![no_main]

use httpcode::stats::{count_slice, Counts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for field in [None, Some(1), Some(9)] {
        let mut counts = Counts::default();
        // count() runs the same splitter behind a reader thread; the slice
        // form keeps threads out of the fuzzer (and is much faster).
        count_slice(bytes, field, &mut counts);
        assert_eq!(counts.by_code.iter().sum::<u64>(), counts.total);
    }
});
