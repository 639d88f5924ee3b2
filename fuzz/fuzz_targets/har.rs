//! HAR files: any bytes, summarised or refused, never a panic.
#![no_main]

use httpcode::har;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(summary) = har::summarise(bytes) {
        assert!(summary.failed.len() <= har::FAILED_KEPT);
        assert!(summary.slowest.len() <= har::SLOWEST_KEPT);
    }
});
