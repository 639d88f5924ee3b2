//! The snippets of `data/snippets.json` parse in their languages, with the
//! toolchains this machine has: `bash -n` for curl, `python3 -m
//! py_compile`, `node --check` (as ES modules), `rustc
//! -Zparse-crate-root-only` (a parse, since compiling would need reqwest),
//! and `gofmt -e` for Go. A missing toolchain skips its language with a
//! note on stderr (`cargo test -- --nocapture` shows it), never a failure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use httpcode::schema::RawSnippet;

fn snippets() -> Vec<RawSnippet> {
    serde_json::from_str(&fs::read_to_string("data/snippets.json").unwrap()).unwrap()
}

fn scratch(lang: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("httpcode-snippets-{}-{lang}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn available(program: &str, probe: &[&str]) -> bool {
    Command::new(program)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Writes each snippet of `lang` to a file and runs `check` on it.
fn check(lang: &str, extension: &str, program: &str, args: &[&str], env: &[(&str, &str)]) {
    let dir = scratch(lang);
    let mut checked = 0;
    for (i, s) in snippets().iter().filter(|s| s.lang == lang).enumerate() {
        let file = dir.join(format!("{}_{i}.{extension}", s.topic.replace('-', "_")));
        fs::write(&file, &s.code).unwrap();
        let out = run(program, args, &file, env);
        assert!(
            out.status.success(),
            "{} ({lang}) does not parse:\n{}\n{}",
            s.topic,
            String::from_utf8_lossy(&out.stderr),
            s.code
        );
        checked += 1;
    }
    assert!(checked >= 6, "{lang}: only {checked} snippets");
    let _ = fs::remove_dir_all(dir);
}

fn run(program: &str, args: &[&str], file: &Path, env: &[(&str, &str)]) -> std::process::Output {
    let mut command = Command::new(program);
    command
        .args(args)
        .arg(file)
        .current_dir(file.parent().unwrap());
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().unwrap()
}

#[test]
fn curl_snippets_are_valid_shell() {
    if !available("bash", &["-c", "true"]) {
        eprintln!("note: bash not found; curl snippets not checked");
        return;
    }
    check("curl", "sh", "bash", &["-n"], &[]);
}

#[test]
fn python_snippets_compile() {
    if !available("python3", &["--version"]) {
        eprintln!("note: python3 not found; Python snippets not checked");
        return;
    }
    check("python", "py", "python3", &["-m", "py_compile"], &[]);
}

#[test]
fn javascript_snippets_parse_as_modules() {
    if !available("node", &["--version"]) {
        eprintln!("note: node not found; JavaScript snippets not checked");
        return;
    }
    check("javascript", "mjs", "node", &["--check"], &[]);
}

#[test]
fn rust_snippets_parse() {
    // The toolchain that builds this crate is here; RUSTC_BOOTSTRAP lets
    // its stable rustc run the parser alone, without reqwest.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out_dir = scratch("rust-out");
    let out = out_dir.to_str().unwrap().to_string();
    check(
        "rust",
        "rs",
        &rustc,
        &[
            "-Zparse-crate-root-only",
            "--edition",
            "2021",
            "--out-dir",
            &out,
        ],
        &[("RUSTC_BOOTSTRAP", "1")],
    );
    let _ = fs::remove_dir_all(out_dir);
}

#[test]
fn go_snippets_are_gofmt_clean_where_go_is_installed() {
    if !available("gofmt", &["-l", "/dev/null"]) {
        eprintln!("note: gofmt not found (Go is not installed); Go snippets not checked");
        return;
    }
    check("go", "go", "gofmt", &["-e", "-l"], &[]);
}

/// A snippet that does not parse must fail its check: the checks are real.
#[test]
fn a_broken_snippet_fails_its_check() {
    let dir = scratch("broken");
    let file = dir.join("broken.py");
    fs::write(&file, "def f(:\n").unwrap();
    if available("python3", &["--version"]) {
        assert!(!run("python3", &["-m", "py_compile"], &file, &[])
            .status
            .success());
    }
    let rs = dir.join("broken.rs");
    fs::write(&rs, "fn main( {\n").unwrap();
    let out = run(
        "rustc",
        &["-Zparse-crate-root-only"],
        &rs,
        &[("RUSTC_BOOTSTRAP", "1")],
    );
    assert!(!out.status.success());
    let _ = fs::remove_dir_all(dir);
}
