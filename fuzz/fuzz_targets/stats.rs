//! Access log lines of any shape, with and without --field.
#![no_main]

use httpcode::stats::{count, Counts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for field in [None, Some(1), Some(9)] {
        let mut counts = Counts::default();
        count(bytes, field, &mut counts).expect("reading a slice cannot fail");
        assert_eq!(counts.by_code.iter().sum::<u64>(), counts.total);
    }
});
