//! The README's examples print what the README shows (refresh them with
//! `python3 scripts/update-readme.py` after an intended change).

use assert_cmd::Command;

/// `$ httpcode ARGS` blocks of the README, with the output shown under each.
fn examples() -> Vec<(Vec<String>, String)> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let mut found = Vec::new();
    for block in readme.split("```console\n").skip(1) {
        let body = block.split("```").next().unwrap();
        let (command, output) = body.split_once('\n').unwrap();
        let args = command
            .strip_prefix("$ httpcode ")
            .expect("console blocks run httpcode");
        found.push((split_args(args), output.to_string()));
    }
    found
}

/// Splits on spaces, keeping "double-quoted" words together.
fn split_args(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !current.is_empty() {
                    args.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        args.push(current);
    }
    args
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let examples = examples();
    assert!(examples.len() >= 5);
    for (args, expected) in examples {
        // `< FILE` at the end: the file is the standard input.
        let (args, stdin) = match args.iter().position(|a| a == "<") {
            Some(at) => (args[..at].to_vec(), std::fs::read(&args[at + 1]).unwrap()),
            None => (args, Vec::new()),
        };
        let out = Command::cargo_bin("httpcode")
            .unwrap()
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .args(&args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            expected,
            "httpcode {args:?}"
        );
    }
}

#[test]
fn the_readme_starts_with_the_two_setup_commands() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let first_block = readme.split("```sh\n").nth(1).unwrap();
    assert!(first_block.starts_with("cargo run --release -- 404"));
    assert!(first_block.contains("\ncargo test"));
}
