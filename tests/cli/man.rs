//! The man page: every section, every subcommand and option of the clap
//! definition (walked here, so the test cannot drift), examples unfilled,
//! and roff that renders without warnings where a formatter is installed.

use std::process::Command as Process;

use clap::CommandFactory;
use httpcode::app::{FOUND, NOT_FOUND, USAGE};
use httpcode::cli::Cli;

use crate::common::stdout;

const SECTIONS: [&str; 9] = [
    ".SH NAME",
    ".SH SYNOPSIS",
    ".SH DESCRIPTION",
    ".SH COMMANDS",
    ".SH \"GLOBAL OPTIONS\"",
    ".SH EXAMPLES",
    ".SH \"EXIT STATUS\"",
    ".SH ENVIRONMENT",
    ".SH \"SEE ALSO\"",
];

fn page() -> String {
    stdout(&["man"])
}

/// The text from the line `heading` to the next heading of the same level
/// or above.
fn section<'a>(page: &'a str, heading: &str) -> &'a str {
    let start = page
        .find(&format!("{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading}"));
    let rest = &page[start + heading.len()..];
    let end = if heading.starts_with(".SS") {
        [rest.find("\n.SS "), rest.find("\n.SH ")]
            .into_iter()
            .flatten()
            .min()
    } else {
        rest.find("\n.SH ")
    };
    &rest[..end.unwrap_or(rest.len())]
}

fn roff(plain: &str) -> String {
    plain.replace('-', "\\-")
}

/// A line of roff as it reads: fonts dropped, escapes turned back.
fn plain(line: &str) -> String {
    line.replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "")
        .replace("\\-", "-")
        .replace("\\(aq", "'")
        .replace("\\e", "\\")
        .replace("\\&", "")
}

#[test]
fn sections_come_in_order() {
    let page = page();
    assert!(page.starts_with(".TH HTTPCODE 1 "), "{}", &page[..40]);
    let mut last = 0;
    for heading in SECTIONS {
        let at = page
            .find(&format!("\n{heading}\n"))
            .unwrap_or_else(|| panic!("no {heading}"));
        assert!(at > last, "{heading} out of order");
        last = at;
    }
    assert_eq!(page.matches("\n.SH ").count(), SECTIONS.len());
}

#[test]
fn every_subcommand_and_its_arguments_are_described() {
    let page = page();
    let commands = section(&page, ".SH COMMANDS");
    let cli = Cli::command();
    for sub in cli.get_subcommands() {
        let name = sub.get_name();
        let text = section(commands, &format!(".SS {name}"));
        if let Some(about) = sub.get_about() {
            let first = about.to_string();
            let first = first.split_whitespace().next().unwrap();
            assert!(text.contains(first), "{name}: no about");
        }
        for arg in sub.get_arguments() {
            if let Some(long) = arg.get_long() {
                let option = format!("\\fB\\-\\-{}\\fR", roff(long));
                assert!(text.contains(&option), "{name} lacks --{long}");
            }
            if let Some(short) = arg.get_short() {
                assert!(
                    text.contains(&format!("\\fB\\-{short}\\fR")),
                    "{name} -{short}"
                );
            }
            if !arg.get_action().takes_values() {
                continue;
            }
            for value_name in arg.get_value_names().into_iter().flatten() {
                let value_name = roff(value_name.as_str());
                assert!(text.contains(&value_name), "{name} lacks {value_name}");
            }
            for value in arg.get_possible_values() {
                let listed = format!("\\fB{}\\fR", roff(value.get_name()));
                assert!(text.contains(&listed), "{name} lacks {}", value.get_name());
                if let Some(help) = value.get_help() {
                    let help = help.to_string();
                    let first = help.split_whitespace().next().unwrap();
                    assert!(text.contains(&roff(first)), "{name}: {help}");
                }
            }
        }
    }
    assert!(
        !commands.contains(".SS help"),
        "clap's help command is no page topic"
    );
}

#[test]
fn global_options_are_described_once() {
    let page = page();
    let global = section(&page, ".SH \"GLOBAL OPTIONS\"");
    for arg in Cli::command()
        .get_arguments()
        .filter(|a| !a.is_positional())
    {
        let long = arg.get_long().unwrap();
        let option = format!("\\fB\\-\\-{}\\fR", roff(long));
        assert!(global.contains(&option), "GLOBAL OPTIONS lacks --{long}");
        let commands = section(&page, ".SH COMMANDS");
        assert!(
            !commands.contains(&format!(".TP\n{option}")),
            "--{long} described under a command too"
        );
    }
    for option in ["\\fB\\-\\-help\\fR", "\\fB\\-\\-version\\fR"] {
        assert!(global.contains(option), "{option}");
    }
    for source in &httpcode::catalogue::SOURCES {
        assert!(
            global.contains(&format!("\\fB{}\\fR", roff(&source.id))),
            "{}",
            source.id
        );
    }
}

#[test]
fn examples_are_the_help_examples_in_unfilled_blocks() {
    let page = page();
    let examples = section(&page, ".SH EXAMPLES");
    let mut unfilled = Vec::new();
    let mut fill = true;
    for line in examples.lines() {
        match line {
            ".nf" => fill = false,
            ".fi" => fill = true,
            _ if !fill && !line.starts_with('.') => unfilled.push(plain(line)),
            _ => {}
        }
    }
    assert!(fill, "a .nf block is left open");
    let help = Cli::command().get_after_long_help().unwrap().to_string();
    let listed: Vec<&str> = help.lines().skip(1).map(str::trim).collect();
    assert!(listed.len() > 10);
    for line in listed {
        let (example, what) = line.split_once("  ").unwrap_or((line, ""));
        assert!(
            unfilled.iter().any(|l| l == example),
            "{example} not in a .nf block"
        );
        let what = what.trim();
        if !what.is_empty() {
            assert!(
                unfilled.iter().any(|l| l == what),
                "{what} not in a .nf block"
            );
        }
    }
}

#[test]
fn exit_status_environment_and_see_also() {
    let page = page();
    let exit = section(&page, ".SH \"EXIT STATUS\"");
    for code in [FOUND, NOT_FOUND, USAGE] {
        assert!(exit.contains(&format!(".TP\n.B {code}\n")), "exit {code}");
    }
    let environment = section(&page, ".SH ENVIRONMENT");
    for variable in ["NO_COLOR", "TERM", "HTTPCODE_PAGER", "PAGER"] {
        assert!(
            environment.contains(&format!(".B {variable}\n")),
            "{variable}"
        );
    }
    assert!(!page.contains("COLUMNS\n.") && !environment.contains("COLUMNS"));
    let see_also = section(&page, ".SH \"SEE ALSO\"");
    assert!(see_also.contains(".BR curl (1)"));
    assert!(see_also.contains(".BR less (1)"));
    assert!(!page.contains("httpcode\\-") && !page.contains("httpcode-"));
}

#[test]
fn no_line_is_read_as_an_unknown_request() {
    let macros = [
        "TH", "SH", "SS", "PP", "TP", "IP", "RS", "RE", "nf", "fi", "br", "nh", "ad", "B", "BR",
    ];
    for line in page().lines() {
        assert!(!line.starts_with('\''), "{line}");
        if let Some(request) = line.strip_prefix('.') {
            let name = request.split_whitespace().next().unwrap_or("");
            assert!(macros.contains(&name), "unexpected request: {line}");
        }
    }
}

/// `man` or groff renders the page at 80 columns without a warning, and
/// nothing is hyphenated; skipped when neither is installed.
#[test]
fn renders_cleanly_at_80_columns() {
    let file = std::env::temp_dir().join(format!("httpcode-{}.1", std::process::id()));
    std::fs::write(&file, page()).unwrap();
    if let Ok(out) = Process::new("groff")
        .args(["-ww", "-man", "-Tutf8", "-z"])
        .arg(&file)
        .output()
    {
        let warnings = String::from_utf8_lossy(&out.stderr);
        assert!(warnings.is_empty(), "groff: {warnings}");
    }
    let Ok(out) = Process::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
    else {
        eprintln!("note: man not found, the page is not rendered");
        return;
    };
    let _ = std::fs::remove_file(&file);
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && warnings.is_empty(),
        "man: {warnings}"
    );
    let text = strip_overstrike(&String::from_utf8_lossy(&out.stdout));
    assert!(
        text.contains("side by side, with the key difference"),
        "{text}"
    );
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "wider than 80: {line}");
        let end: Vec<char> = line.trim_end().chars().rev().take(2).collect();
        let hyphenated = matches!(end[..], ['-' | '\u{2010}', c] if c.is_alphabetic());
        assert!(!hyphenated, "hyphenated: {line}");
    }
}

/// Bold and underline as a terminal-less `man` may still print them.
fn strip_overstrike(text: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if c == '\u{8}' {
            out.pop();
        } else {
            out.push(c);
        }
    }
    out.into_iter().collect()
}
