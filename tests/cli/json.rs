use crate::common::{httpcode, json};

const FIELDS: &[&str] = &[
    "code",
    "substatus",
    "name",
    "class",
    "source",
    "official",
    "reference",
    "summary",
    "description",
    "causes",
    "actions",
    "headers",
    "cacheable",
    "retryable",
    "aliases",
    "related",
    "status",
];

#[test]
fn lookup_json_is_an_array_of_entries_with_the_documented_fields() {
    let value = json(&["404"]);
    let list = value.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let e = &list[0];
    for field in FIELDS {
        assert!(e.get(field).is_some(), "missing {field}");
    }
    assert_eq!(e["code"], 404);
    assert_eq!(e["name"], "Not Found");
    assert_eq!(e["class"], "4xx");
    assert_eq!(e["source"], "IANA");
    assert_eq!(e["official"], true);
    assert_eq!(e["status"], "permanent");
    assert_eq!(e["cacheable"], true);
    assert!(e["related"].as_array().unwrap().iter().all(|r| r.is_u64()));
}

#[test]
fn every_command_prints_json() {
    assert!(json(&["4xx"]).as_array().unwrap().len() > 25);
    assert!(
        json(&["list", "--source", "nginx"])
            .as_array()
            .unwrap()
            .len()
            >= 6
    );
    assert!(json(&["search", "gateway", "timeout"])[0]["score"].is_number());
    assert!(json(&["compare", "401", "403"])["difference"].is_string());
    assert!(json(&["guide", "retry"])["rows"].is_array());
    assert!(json(&["guide"]).is_array());
    assert!(json(&["sources"])["sources"].is_array());
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
    let out = httpcode().args(["299", "--json"]).output().unwrap();
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
