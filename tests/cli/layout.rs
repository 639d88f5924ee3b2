//! Layout rules that hold across views: widths, plurals, what colour means.

use crate::common::{httpcode, stdout};

#[test]
fn counts_agree_with_their_noun() {
    let one = stdout(&["sources", "--source", "curl"]);
    assert!(one.starts_with("1 entry from curl."), "{one}");
    let many = stdout(&["sources", "--source", "nginx"]);
    assert!(many.starts_with("6 entries from nginx."), "{many}");
    let out = httpcode()
        .args(["--color", "never"])
        .write_stdin(&b"404\n\xff\n"[..])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("skipped 1 unreadable line on stdin"), "{err}");
}
