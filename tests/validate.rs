//! The build's checks of `data/`: each kind of broken table is rejected
//! with a message that names the bad entry. (`build.rs` runs the same code
//! and fails the build with these messages.)

#[path = "../src/label.rs"]
mod label;
#[path = "../src/schema.rs"]
#[allow(dead_code)]
mod schema;
#[path = "../src/validate.rs"]
#[allow(dead_code)]
mod validate;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh copy of `data/` in a temporary folder.
fn copy_of_data() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "httpcode-validate-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("codes")).unwrap();
    for sub in ["", "codes"] {
        for entry in fs::read_dir(Path::new("data").join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

/// Loads `data/` after `edit` changed the JSON of `data/codes/iana-4xx.json`.
fn load_with(edit: impl FnOnce(&mut Vec<serde_json::Value>)) -> Result<(), String> {
    let dir = copy_of_data();
    let file = dir.join("codes/iana-4xx.json");
    let mut entries: Vec<serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    edit(&mut entries);
    fs::write(&file, serde_json::to_string(&entries).unwrap()).unwrap();
    let result = validate::load(&dir).map(|_| ());
    fs::remove_dir_all(&dir).unwrap();
    result
}

fn error_of(edit: impl FnOnce(&mut Vec<serde_json::Value>)) -> String {
    load_with(edit).expect_err("the broken table should be rejected")
}

#[test]
fn the_real_table_is_valid() {
    assert_eq!(load_with(|_| {}), Ok(()));
}

#[test]
fn duplicate_code_and_source() {
    let message = error_of(|e| {
        let copy = e[0].clone();
        e.push(copy);
    });
    assert!(
        message.contains("400 (iana): duplicate (code, source)"),
        "{message}"
    );
}

#[test]
fn code_out_of_range() {
    let message = error_of(|e| e[0]["code"] = 1000.into());
    assert!(
        message.contains("1000 (iana)") && message.contains("three digits"),
        "{message}"
    );
}

#[test]
fn related_code_without_entry() {
    let message = error_of(|e| e[0]["related"] = serde_json::json!([298]));
    assert!(
        message.contains("400 (iana): related: code 298 has no entry"),
        "{message}"
    );
}

#[test]
fn empty_required_fields() {
    let message = error_of(|e| e[1]["summary"] = "  ".into());
    assert!(message.contains("401 (iana): empty summary"), "{message}");
    let message = error_of(|e| e[1]["causes"] = serde_json::json!([]));
    assert!(message.contains("401 (iana): empty causes"), "{message}");
}

#[test]
fn blank_text_anywhere_is_named_by_its_path() {
    let message = error_of(|e| e[1]["actions"]["server"][1] = "".into());
    assert!(
        message.contains("401 (iana): empty actions.server[1]"),
        "{message}"
    );
    let message = error_of(|e| e[1]["aliases"] = serde_json::json!(["Unauthorised", " "]));
    assert!(
        message.contains("401 (iana): empty aliases[1]"),
        "{message}"
    );
}

#[test]
fn links_must_be_https() {
    for bad in [
        "http://www.rfc-editor.org/rfc/rfc9110",
        "https://",
        "https:///path",
        "https://example.com/a b",
        "www.rfc-editor.org",
    ] {
        let message = error_of(|e| e[1]["url"] = bad.into());
        assert!(
            message.contains("401 (iana): url") && message.contains("not an https link"),
            "{bad}: {message}"
        );
    }
    let message = error_of(|e| {
        e[1].as_object_mut().unwrap().remove("url");
    });
    assert!(message.contains("missing field `url`"), "{message}");
}

#[test]
fn unknown_fields_and_sources() {
    let message = error_of(|e| e[2]["sumary"] = "typo".into());
    assert!(
        message.contains("iana-4xx.json") && message.contains("unknown field"),
        "{message}"
    );
    let message = error_of(|e| e[2]["source"] = "nosuch".into());
    assert!(message.contains("unknown source"), "{message}");
}

#[test]
fn invalid_json_names_the_file() {
    let dir = copy_of_data();
    fs::write(dir.join("codes/vendors.json"), "[{\"code\": 444,").unwrap();
    let message = validate::load(&dir).map(|_| ()).unwrap_err();
    fs::remove_dir_all(&dir).unwrap();
    assert!(message.contains("vendors.json"), "{message}");
}

#[test]
fn one_meaning_under_two_sources() {
    let message = error_of(|e| {
        let mut copy = e[0].clone();
        copy["source"] = "nginx".into();
        copy["seen"] = "In logs.".into();
        copy["status"] = "unofficial".into();
        copy["reference"] = serde_json::Value::Null;
        e.push(copy);
    });
    assert!(
        message.contains("400 (iana) and 400 (nginx): the same causes"),
        "{message}"
    );
}

#[test]
fn an_alias_spelled_like_the_name() {
    let message = error_of(|e| {
        let name = e[0]["name"].as_str().unwrap().to_uppercase();
        e[0]["aliases"] = serde_json::json!([name]);
    });
    assert!(
        message.contains("400 (iana): alias \"BAD REQUEST\" repeats a name"),
        "{message}"
    );
}
