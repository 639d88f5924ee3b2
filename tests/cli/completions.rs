//! Completion scripts complete values from the table, not only flags: the
//! bash function is run, the other scripts are read.

use std::process::Command;

use crate::common::{httpcode, stdout};
use httpcode::catalogue::{GRPC_CODES, GUIDES, SOURCES};

/// What bash's `_httpcode` offers for `words`, the last being the word
/// under the cursor; `None` when there is no bash to run it.
fn bash_complete(words: &[&str]) -> Option<Vec<String>> {
    if Command::new("bash").arg("-c").arg("true").output().is_err() {
        eprintln!("note: bash not found, completion behaviour not tested");
        return None;
    }
    // One file per call: the tests run in parallel threads of one process.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let script = std::env::temp_dir().join(format!(
        "httpcode-complete-{}-{call}.bash",
        std::process::id()
    ));
    std::fs::write(&script, stdout(&["completions", "bash"])).unwrap();
    let program = r#"source "$0"
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_httpcode httpcode "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}""#;
    let out = Command::new("bash")
        .arg("-c")
        .arg(program)
        .arg(&script)
        .args(words)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{words:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_file(&script);
    let reply = String::from_utf8(out.stdout).unwrap();
    Some(
        reply
            .lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    )
}

fn assert_offers(words: &[&str], expected: &[&str]) {
    let Some(reply) = bash_complete(words) else {
        return;
    };
    for word in expected {
        assert!(
            reply.iter().any(|r| r == word),
            "{words:?} offers {reply:?}, not {word}"
        );
    }
}

#[test]
fn bash_completes_guide_topics() {
    assert_offers(&["httpcode", "guide", "re"], &["redirect", "retry", "rest"]);
    let all: Vec<&str> = GUIDES.iter().map(|g| g.id.get()).collect();
    assert_offers(&["httpcode", "guide", ""], &all);
}

#[test]
fn bash_completes_source_ids_before_and_after_a_subcommand() {
    for words in [
        &["httpcode", "--source", "cl"][..],
        &["httpcode", "search", "x", "--source", "cl"],
        &["httpcode", "404", "--source", "cl"],
        &["httpcode", "list", "--source", "cl"],
    ] {
        assert_offers(words, &["cloudflare", "cloud-foundry"]);
    }
    let all: Vec<&str> = SOURCES.iter().map(|s| s.id.get()).collect();
    assert_offers(&["httpcode", "--source", ""], &all);
}

#[test]
fn bash_completes_grpc_names_and_numbers() {
    assert_offers(&["httpcode", "grpc", "unav"], &["unavailable"]);
    assert_offers(&["httpcode", "grpc", "1"], &["1", "14", "16"]);
    let names: Vec<String> = GRPC_CODES
        .iter()
        .map(|g| g.name.to_ascii_lowercase())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_offers(&["httpcode", "grpc", ""], &names);
}

#[test]
fn bash_completes_enumerated_values() {
    assert_offers(&["httpcode", "is", "re"], &["retryable", "redirect"]);
    assert_offers(&["httpcode", "is", "cl"], &["client-error"]);
    assert_offers(&["httpcode", "404", "--lang", "p"], &["python"]);
    assert_offers(&["httpcode", "stats", "--by", ""], &["hour", "minute"]);
    assert_offers(&["httpcode", "completions", "z"], &["zsh"]);
    assert_offers(&["httpcode", "--color", "a"], &["auto", "always"]);
    assert_offers(&["httpcode", "guide", "--color", "n"], &["never"]);
}

#[test]
fn bash_leaves_stats_files_to_file_completion() {
    // An empty reply lets `complete -o default` complete file names.
    if let Some(reply) = bash_complete(&["httpcode", "stats", "Carg"]) {
        assert!(reply.is_empty(), "{reply:?}");
    }
}

#[test]
fn zsh_and_fish_scripts_name_topics_sources_and_grpc_codes() {
    for shell in ["zsh", "fish"] {
        let script = stdout(&["completions", shell]);
        for guide in &GUIDES {
            assert!(
                script.contains(&format!("{}\\", guide.id)),
                "{shell}: {}",
                guide.id
            );
        }
        for source in &SOURCES {
            assert!(
                script.contains(&format!("{}\\", source.id)),
                "{shell}: {}",
                source.id
            );
        }
        assert!(script.contains("unavailable\\"), "{shell}");
        assert!(script.contains("retryable\\"), "{shell}");
    }
    let zsh = stdout(&["completions", "zsh"]);
    assert!(
        zsh.contains("*::files -- ") && zsh.contains(":_files"),
        "stats FILE"
    );
    let fish = stdout(&["completions", "fish"]);
    assert!(fish.contains(
        "__fish_httpcode_using_subcommand guide; and not __fish_seen_subcommand_from redirect"
    ));
}

#[test]
fn every_shell_still_generates() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = httpcode().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("cloudflare"),
            "{shell}"
        );
    }
}

#[test]
fn real_runs_keep_their_own_errors_for_unknown_values() {
    let out = httpcode().args(["guide", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("httpcode: error: unknown guide"),
        "{stderr}"
    );
    let out = httpcode()
        .args(["--source", "nope", "404"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown source"));
    httpcode().args(["grpc", "Unavailable"]).assert().success();
    httpcode()
        .args(["--source", "IIS", "500.19"])
        .assert()
        .success();
}
