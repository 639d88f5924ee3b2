//! The guard for refactors: every `--json` output, byte for byte, against
//! golden files made by the binary before the refactor began.
//!
//! The goldens are compact (white space outside strings removed, one member
//! a line) so that they stay small and a change shows as one changed line.
//! Byte for byte still holds: each output must also be exactly what
//! serde_json's pretty printer makes of its compact form (`pretty` below),
//! so neither its content nor its layout can change unnoticed.
//!
//! After an intended change of JSON, regenerate and review the diff:
//!
//! ```sh
//! HTTPCODE_BLESS=1 cargo test --test cli json_output_is_byte_for_byte_unchanged
//! git diff tests/fixtures/json/
//! ```

use std::fs;

use crate::common::httpcode;

const ALL_CODES: &str = "tests/fixtures/json/all-codes.json";
const COMMANDS: &str = "tests/fixtures/json/commands.json";

/// The commands besides lookups whose JSON is kept, with what they read on
/// stdin (a path under tests/fixtures/, or nothing).
const CASES: &[(&str, Option<&str>)] = &[
    ("search timeout", None),
    ("compare 301 308", None),
    ("guide retry", None),
    ("guide", None),
    ("sources", None),
    ("grpc", None),
    ("grpc 14", None),
    ("is retryable 000", None),
    ("list --source cloudflare", None),
    ("5xx", None),
    ("stats tests/fixtures/logs/combined.log", None),
    ("stats --by hour tests/fixtures/logs/hours.log", None),
    ("", Some("tests/fixtures/stdin/redirect-chain.txt")),
    ("", Some("tests/fixtures/stdin/retry-after.txt")),
];

/// Stdout of `httpcode ARGS --json`, which must succeed.
fn run(args: &[&str], stdin: Option<&str>) -> String {
    let mut cmd = httpcode();
    cmd.args(args).arg("--json");
    if let Some(path) = stdin {
        cmd.write_stdin(fs::read(path).unwrap());
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `json` without the white space outside strings.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// What serde_json's `to_string_pretty` prints for the value `compact`
/// holds, keys in the order given: two spaces a level, `": "` after a key,
/// `[]` and `{}` when empty. Then the newline httpcode adds.
fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    let mut chars = compact.chars().peekable();
    let (mut in_string, mut escaped) = (false, false);
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '[' | '{' if matches!(chars.peek(), Some(']' | '}')) => {
                out.push(c);
                out.push(chars.next().unwrap());
            }
            '[' | '{' => {
                out.push(c);
                depth += 1;
                newline(&mut out, depth);
            }
            ']' | '}' => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out.push('\n');
    out
}

/// One JSON object, a member a line: `{"key":value,` ... `}`.
fn document(members: &[(String, String)]) -> String {
    let lines: Vec<String> = members
        .iter()
        .map(|(key, value)| format!("{}:{value}", serde_json::to_string(key).unwrap()))
        .collect();
    format!("{{\n{}\n}}\n", lines.join(",\n"))
}

/// Every code label that has an entry, in `list` order: `000`, `400.1`, ...
fn labels() -> Vec<String> {
    let list: serde_json::Value = serde_json::from_str(&run(&["list"], None)).unwrap();
    let mut labels: Vec<String> = Vec::new();
    for e in list.as_array().unwrap() {
        let mut label = format!("{:03}", e["code"].as_u64().unwrap());
        if let Some(sub) = e["substatus"].as_u64() {
            label += &format!(".{sub}");
        }
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// Compares `members` (key, full stdout) with the golden at `path`, or
/// writes it under HTTPCODE_BLESS=1.
fn check_golden(path: &str, members: Vec<(String, String)>) {
    for (key, output) in &members {
        let expected = pretty(&compact(output));
        if let Some(at) = (0..output.len().max(expected.len()))
            .find(|&i| output.as_bytes().get(i) != expected.as_bytes().get(i))
        {
            let from = at.saturating_sub(40);
            panic!(
                "{key}: not laid out as serde_json's pretty printer does, at byte {at}:\n\
                 printed: {:?}\npretty:  {:?}",
                output.get(from..(at + 40).min(output.len())),
                expected.get(from..(at + 40).min(expected.len())),
            );
        }
    }
    let compacted: Vec<(String, String)> = members
        .into_iter()
        .map(|(key, output)| (key, compact(&output)))
        .collect();
    let actual = document(&compacted);
    if std::env::var_os("HTTPCODE_BLESS").is_some_and(|v| v == "1") {
        fs::write(path, &actual).unwrap();
        return;
    }
    let golden = fs::read_to_string(path).unwrap();
    if actual != golden {
        let (old, new): (Vec<&str>, Vec<&str>) =
            (golden.lines().collect(), actual.lines().collect());
        let changed: Vec<String> = (0..old.len().max(new.len()))
            .filter(|&i| old.get(i) != new.get(i))
            .take(3)
            .map(|i| {
                format!(
                    "golden: {:.300}\n   now: {:.300}",
                    old.get(i).unwrap_or(&"(none)"),
                    new.get(i).unwrap_or(&"(none)")
                )
            })
            .collect();
        panic!(
            "{path}: JSON output changed (HTTPCODE_BLESS=1 to accept, then review the diff)\n{}",
            changed.join("\n")
        );
    }
}

#[test]
fn json_output_is_byte_for_byte_unchanged() {
    let lookups = labels()
        .into_iter()
        .map(|label| {
            let output = run(&[&label], None);
            (label, output)
        })
        .collect();
    check_golden(ALL_CODES, lookups);
    let commands = CASES
        .iter()
        .map(|(line, stdin)| {
            let args: Vec<&str> = line.split_whitespace().collect();
            let key = match stdin {
                Some(path) => format!("{line}< {path}").trim_start().to_string(),
                None => line.to_string(),
            };
            (key, run(&args, *stdin))
        })
        .collect();
    check_golden(COMMANDS, commands);
}

/// The layout check holds for what serde_json prints, and fails for
/// anything else, so the goldens' compact form loses nothing.
#[test]
fn pretty_is_serde_jsons_layout() {
    let value = serde_json::json!({
        "a": [1, {"b": "x, y: [z] \"q\" \\"}, [], {}],
        "c": null,
        "d": {"e": true}
    });
    let printed = serde_json::to_string_pretty(&value).unwrap() + "\n";
    assert_eq!(pretty(&compact(&printed)), printed);
    assert_ne!(pretty(&compact(&printed)), printed.replace("  ", "\t"));
}
