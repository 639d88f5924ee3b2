//! What a user types: codes, patterns, status lines and search words.
#![no_main]

use httpcode::{search, target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = target::parse(text);
    let args: Vec<String> = text.split_whitespace().map(String::from).collect();
    let _ = target::classify(&args);
    let results = search::search(text, 10);
    assert!(results.len() <= 10);
});
