//! What a user types: codes, patterns, status lines and search words.
#![no_main]

use httpcode::{query, search};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = query::parse(text);
    let args: Vec<String> = text.split_whitespace().map(String::from).collect();
    let _ = query::classify(&args);
    let results = search::search(text, 10);
    assert!(results.len() <= 10);
});
