//! The real command line: argument words (NUL-separated), two NULs, then
//! stdin; dispatch, rendering and error paths all run, in-process.
#![no_main]

use httpcode::harness;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let run = harness::run(bytes);
    if let Err(why) = harness::check(&run) {
        panic!("{why}");
    }
});
