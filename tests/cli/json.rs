//! `--json` against what the README documents: the entry fields of its
//! "JSON schema" table with their types, and the shapes its prose gives for
//! the other commands, both read from README.md, so a field documented but
//! missing, or printed but undocumented, fails.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{httpcode, json};

/// The README's "JSON schema" section, white space runs as one space.
fn schema_section() -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("## JSON schema")
        .expect("a JSON schema section");
    let rest = &readme[start + 3..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (field, type) for each row of the section's table.
fn entry_fields() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme.find("## JSON schema").unwrap()..];
    let rows: Vec<(String, String)> = section
        .lines()
        .skip_while(|l| !l.starts_with("| field |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_string(), cells[2].to_string())
        })
        .collect();
    assert_eq!(rows.len(), 27, "the table documents 27 fields");
    rows
}

/// Whether `value` is of a type the table writes (`string or null`,
/// `array of numbers`, ...).
fn has_type(value: &Value, written: &str) -> bool {
    written.split(" or ").any(|t| match t {
        "null" => value.is_null(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "bool" => value.is_boolean(),
        "object" => value.is_object(),
        "array of strings" => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)),
        "array of numbers" => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_u64)),
        other => panic!("the README writes a type this test does not know: {other:?}"),
    })
}

fn keys(value: &Value) -> BTreeSet<&str> {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"));
    object.keys().map(String::as_str).collect()
}

/// `entry` has exactly the table's fields, each of its type, and the
/// nested objects hold what the table says they hold.
fn check_entry(entry: &Value, extra: &[&str]) {
    let fields = entry_fields();
    let documented: BTreeSet<&str> = fields
        .iter()
        .map(|(f, _)| f.as_str())
        .chain(extra.iter().copied())
        .collect();
    let label = format!("{} ({})", entry["code"], entry["source_id"]);
    assert_eq!(keys(entry), documented, "{label}: fields");
    for (field, written) in &fields {
        assert!(
            has_type(&entry[field.as_str()], written),
            "{label}: {field} is not {written}: {}",
            entry[field.as_str()]
        );
    }
    assert_eq!(
        keys(&entry["actions"]),
        BTreeSet::from(["client", "server"])
    );
    for side in ["client", "server"] {
        assert!(
            has_type(&entry["actions"][side], "array of strings"),
            "{label}"
        );
    }
    if !entry["redirect"].is_null() {
        let r = &entry["redirect"];
        assert_eq!(keys(r), BTreeSet::from(["method", "permanent"]), "{label}");
        assert!(r["permanent"].is_boolean(), "{label}");
        let method = r["method"].as_str().unwrap();
        assert!(
            ["preserve", "may_change", "to_get"].contains(&method),
            "{label}: {method}"
        );
    }
    let languages = ["rust", "go", "python", "java", "dotnet", "node"];
    for (language, expression) in entry["constants"].as_object().unwrap() {
        assert!(
            languages.contains(&language.as_str()),
            "{label}: {language}"
        );
        assert!(expression.is_string(), "{label}: {language}");
    }
    if !entry["grpc"].is_null() {
        let g = &entry["grpc"];
        assert_eq!(keys(g), BTreeSet::from(["from", "read_as"]), "{label}");
        let codes = g["from"].as_array().unwrap().iter().chain([&g["read_as"]]);
        for c in codes {
            assert_eq!(keys(c), BTreeSet::from(["code", "name"]), "{label}: {c}");
            assert!(c["code"].is_u64() && c["name"].is_string(), "{label}: {c}");
        }
    }
}

/// An IANA code, a vendor code, an IIS sub-status, a redirect and 000,
/// with what each must say.
#[test]
fn lookup_json_has_every_documented_entry_field_with_its_type() {
    let cases = [
        ("404", "iana", "Not Found"),
        ("444", "nginx", "No Response"),
        ("500.19", "iis", "Configuration data is invalid"),
        ("308", "iana", "Permanent Redirect"),
        ("000", "curl", "No Response"),
    ];
    for (label, source_id, name) in cases {
        let value = json(&[label]);
        let list = value.as_array().unwrap();
        assert!(!list.is_empty(), "{label}");
        for entry in list {
            check_entry(entry, &[]);
        }
        let first = &list[0];
        assert_eq!(
            (first["source_id"].as_str(), first["name"].as_str()),
            (Some(source_id), Some(name)),
            "{label}"
        );
    }
    let e = &json(&["404"])[0];
    assert_eq!(e["code"], 404);
    assert_eq!(e["class"], "4xx");
    assert_eq!(e["source"], "IANA");
    assert_eq!(e["official"], true);
    assert_eq!(e["status"], "permanent");
    assert_eq!(e["cacheable"], true);
    assert_eq!(e["constants"]["go"], "http.StatusNotFound");
    assert_eq!(e["grpc"]["from"][0]["name"], "NOT_FOUND");
    let sub = &json(&["500.19"])[0];
    assert_eq!((&sub["code"], &sub["substatus"]), (&500.into(), &19.into()));
    assert_eq!(sub["class"], "5xx");
    let redirect = &json(&["308"])[0]["redirect"];
    assert_eq!(
        *redirect,
        serde_json::json!({"permanent": true, "method": "preserve"})
    );
    let none = &json(&["000"])[0];
    assert_eq!((&none["code"], &none["class"]), (&0.into(), &"0xx".into()));
    assert_eq!(none["official"], false);
    assert_eq!(none["status"], "unofficial");
}

/// A shape the README writes in its prose: `{"id", "rows": [{"codes"}]}`.
#[derive(Debug)]
struct Shape(Vec<(String, Option<Inner>)>);

#[derive(Debug)]
enum Inner {
    Object(Shape),
    ArrayOf(Shape),
    /// `[...]`, `string or null`: not looked into.
    Other,
}

struct Parser<'a>(std::iter::Peekable<std::str::Chars<'a>>);

impl Parser<'_> {
    fn skip_spaces(&mut self) {
        while self.0.next_if(|c| *c == ' ').is_some() {}
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_spaces();
        self.0.next_if_eq(&c).is_some()
    }

    fn object(&mut self) -> Shape {
        assert!(self.eat('{'));
        let mut members = Vec::new();
        while !self.eat('}') {
            members.push(self.member());
            self.eat(',');
        }
        Shape(members)
    }

    fn member(&mut self) -> (String, Option<Inner>) {
        assert!(self.eat('"'), "a quoted key");
        let key: String = self.0.by_ref().take_while(|c| *c != '"').collect();
        if !self.eat(':') {
            return (key, None);
        }
        self.skip_spaces();
        let inner = match self.0.peek() {
            Some('{') => Inner::Object(self.object()),
            Some('[') => {
                self.0.next();
                let inner = if self.0.peek() == Some(&'{') {
                    Inner::ArrayOf(self.object())
                } else {
                    Inner::Other
                };
                while self.0.next().is_some_and(|c| c != ']') {}
                inner
            }
            _ => {
                while self.0.next_if(|c| *c != ',' && *c != '}').is_some() {}
                Inner::Other
            }
        };
        (key, Some(inner))
    }
}

/// The README's code spans after `marker` (in `section`, one space per
/// white space run) up to `until`.
fn spans_after<'a>(section: &'a str, marker: &str, until: &str) -> Vec<&'a str> {
    let at = section
        .find(marker)
        .unwrap_or_else(|| panic!("the README no longer says {marker:?}"));
    let rest = &section[at + marker.len()..];
    let rest = &rest[..rest.find(until).unwrap_or(rest.len())];
    rest.split('`').skip(1).step_by(2).collect()
}

/// The first `{...}` code span after `marker`.
fn documented(marker: &str) -> Shape {
    let section = schema_section();
    let spans = spans_after(&section, marker, "\u{0}");
    let span = spans
        .iter()
        .find(|s| s.starts_with('{'))
        .unwrap_or_else(|| panic!("no {{...}} after {marker:?}"));
    Parser(span.chars().peekable()).object()
}

/// `value` has exactly the keys `shape` names, recursively.
fn check_shape(value: &Value, shape: &Shape, at: &str) {
    let documented: BTreeSet<&str> = shape.0.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys(value), documented, "{at}: keys");
    for (key, inner) in &shape.0 {
        let at = format!("{at}.{key}");
        match inner {
            Some(Inner::Object(s)) => check_shape(&value[key], s, &at),
            Some(Inner::ArrayOf(s)) => {
                let items = value[key]
                    .as_array()
                    .unwrap_or_else(|| panic!("{at}: array"));
                assert!(!items.is_empty(), "{at}: empty, so unchecked");
                for item in items {
                    check_shape(item, s, &at);
                }
            }
            Some(Inner::Other) | None => {}
        }
    }
}

fn check_array(value: &Value, shape: &Shape, at: &str) {
    let items = value
        .as_array()
        .unwrap_or_else(|| panic!("{at}: not an array"));
    assert!(!items.is_empty(), "{at}: empty, so unchecked");
    for item in items {
        check_shape(item, shape, at);
    }
}

#[test]
fn search_results_are_entries_headers_and_guides_with_a_score() {
    assert!(schema_section()
        .contains("`search` results add `score` (number, higher is better) and `kind`"));
    let results = json(&["search", "gateway", "timeout"]);
    for r in results.as_array().unwrap() {
        assert_eq!(r["kind"], "code");
        check_entry(r, &["score", "kind"]);
        assert!(r["score"].is_number());
    }
    assert_eq!(results[0]["code"], 504);
    // A header result has the fields of `header --json`, a guide result
    // those of `guide --json`, each with score and kind.
    let mixed = json(&["search", "retry", "after", "--limit", "40"]);
    let of_kind = |kind: &str| {
        mixed
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} result"))
            .clone()
    };
    let mut header = documented("`header NAME... --json`");
    header
        .0
        .extend([("score".into(), None), ("kind".into(), None)]);
    check_shape(&of_kind("header"), &header, "header result");
    let mut guide = documented("`guide TOPIC --json` prints");
    guide
        .0
        .extend([("score".into(), None), ("kind".into(), None)]);
    check_shape(&of_kind("guide"), &guide, "guide result");
}

#[test]
fn compare_guide_and_sources_json_have_the_documented_shapes() {
    let compare = json(&["compare", "401", "403"]);
    check_shape(
        &compare,
        &documented("`compare --json` prints an object"),
        "compare",
    );
    assert!(compare["difference"].is_string());
    for e in compare["entries"].as_array().unwrap() {
        check_entry(e, &[]);
    }
    let guide = json(&["guide", "retry"]);
    check_shape(&guide, &documented("`guide TOPIC --json` prints"), "guide");
    assert!(guide["rows"][0]["cells"][0].is_string());
    check_array(
        &json(&["guide"]),
        &documented("`guide --json`"),
        "guide list",
    );
    let headers = json(&["header", "retry-after", "etag"]);
    check_array(&headers, &documented("`header NAME... --json`"), "headers");
    assert_eq!(headers[0]["name"], "Retry-After");
    check_array(
        &json(&["header"]),
        &documented("`header NAME... --json`"),
        "all headers",
    );
    let sources = json(&["sources"]);
    check_shape(&sources, &documented("`sources --json` prints"), "sources");
    assert_eq!(sources["sources"][0]["id"], "iana");
    assert_eq!(sources["sources"][0]["entries"], 64);
}

#[test]
fn stdin_grpc_and_is_json_have_the_documented_shapes() {
    let out = httpcode()
        .arg("--json")
        .write_stdin(std::fs::read("tests/fixtures/stdin/redirect-chain.txt").unwrap())
        .output()
        .unwrap();
    let hops: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_array(&hops, &documented("of responses explained"), "responses");
    let bare = httpcode()
        .arg("--json")
        .write_stdin("301\n308\n200\n")
        .output()
        .unwrap();
    let bare: Value = serde_json::from_slice(&bare.stdout).unwrap();
    check_array(&bare, &documented("print an array of hops"), "hops");
    let codes: Vec<u64> = hops
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["code"].as_u64().unwrap())
        .collect();
    assert_eq!(codes, [301, 308, 200]);
    assert_eq!(hops[1]["location"], "/docs/");
    check_array(
        &json(&["grpc"]),
        &documented("`grpc --json` prints an array of"),
        "grpc",
    );
    check_array(
        &json(&["grpc", "14"]),
        &documented("`grpc --json` prints an array of"),
        "grpc 14",
    );
    let har = json(&["har", "tests/fixtures/har/shop.har"]);
    check_shape(
        &har,
        &documented("`har --json` (and a HAR file on stdin) prints"),
        "har",
    );
    let is = json(&["is", "retryable", "503"]);
    check_shape(&is, &documented("`is --json` prints"), "is");
}

#[test]
fn stats_json_has_the_documented_shape() {
    let section = schema_section();
    let plain = documented("`stats --json` prints");
    let stats = json(&["stats", "tests/fixtures/logs/combined.log"]);
    check_shape(&stats, &plain, "stats");
    // With --by, the members the README lists after "`--by` adds".
    let mut by = plain.0;
    let members = spans_after(&section, "`--by` adds", " in time order");
    for span in members.into_iter().filter(|s| s.starts_with('"')) {
        let member = Parser(format!("{{{span}}}").chars().peekable()).object();
        for (key, inner) in member.0 {
            if !by.iter().any(|(k, _)| *k == key) {
                by.push((key, inner));
            }
        }
    }
    let stats = json(&["stats", "--by", "hour", "tests/fixtures/logs/hours.log"]);
    check_shape(&stats, &Shape(by), "stats --by hour");
    assert_eq!(stats["total"], 300);
}

#[test]
fn lang_json_is_an_array_of_strings() {
    assert!(schema_section().contains("`--lang --json` prints an array of strings"));
    assert_eq!(
        json(&["404", "--lang", "go"]),
        serde_json::json!(["http.StatusNotFound"])
    );
}

#[test]
fn vendor_and_substatus_entries() {
    let value = json(&["499"]);
    let sources: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap())
        .collect();
    assert!(sources.contains(&"nginx") && sources.contains(&"Esri ArcGIS Server"));
    assert!(value
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["official"] == false));
    let sub = json(&["500.19"]);
    assert_eq!(sub[0]["code"], 500);
    assert_eq!(sub[0]["substatus"], 19);
    assert_eq!(json(&["000"])[0]["code"], 0);
}

#[test]
fn unknown_code_json_is_an_empty_array_and_exit_1() {
    let out = httpcode().args(["298", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value, serde_json::json!([]));
}

#[test]
fn is_json_is_an_object_with_the_same_exit_code() {
    let out = httpcode()
        .args(["is", "client-error", "404", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        answer,
        serde_json::json!({"predicate": "client-error", "code": 404, "answer": true, "source": "iana"})
    );
    let out = httpcode()
        .args(["--json", "is", "known", "123"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["answer"], false);
    assert_eq!(answer["source"], serde_json::Value::Null);
}

/// The README's own script: curl's 000 (no response) is worth retrying.
#[test]
fn is_answers_for_the_first_meaning() {
    httpcode().args(["is", "retryable", "000"]).assert().code(0);
    httpcode()
        .args(["is", "retryable", "000", "--source", "aws-elb"])
        .assert()
        .code(1);
    let answer = json(&["is", "retryable", "000"]);
    assert_eq!(answer["source"], "curl");
}
