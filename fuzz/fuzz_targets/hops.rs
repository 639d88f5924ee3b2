//! Whatever arrives on stdin: status lines, headers, binary junk.
#![no_main]

use httpcode::hops;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let read = hops::read(bytes).expect("reading a slice cannot fail");
    for hop in &read.hops {
        assert!(hop.code <= 999);
    }
});
