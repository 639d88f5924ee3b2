//! Whatever arrives on stdin: status lines, headers, binary junk.
#![no_main]

use httpcode::{explain, hops};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let read = hops::read(bytes).expect("reading a slice cannot fail");
    let mut chain = explain::Chain::default();
    for (i, hop) in read.hops.iter().enumerate() {
        assert!(hop.code <= 999);
        let e = explain::explain(hop, &mut chain);
        let term = httpcode::term::Term { color: false, width: 40 };
        let text = httpcode::render::response::hop(i + 1, hop, &e, term);
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    }
});
