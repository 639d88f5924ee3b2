//! Runs the binary in a clean, predictable environment.

use assert_cmd::Command;

/// `httpcode` without color, at 80 columns, whatever the caller's terminal.
pub fn httpcode() -> Command {
    let mut cmd = Command::cargo_bin("httpcode").unwrap();
    cmd.env_remove("NO_COLOR").env_remove("COLUMNS");
    cmd
}

/// Stdout of a run with these arguments, plus `--color never`.
pub fn stdout(args: &[&str]) -> String {
    let out = httpcode().args(args).arg("--color=never").output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The parsed `--json` output of a run that must succeed.
pub fn json(args: &[&str]) -> serde_json::Value {
    let out = httpcode().args(args).arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
