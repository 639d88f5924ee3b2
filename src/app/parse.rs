//! From the argument vector to `Cli`: one grammar whatever the order of
//! global options and subcommand, and clap's errors as one safe line.

use std::ffi::OsString;

use clap::error::{ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use super::{Streams, FOUND, USAGE};
use crate::cli::{Cli, Command};
use crate::escape::{self, shown};

/// `Cli::try_parse_from` after moving a subcommand to the front, so that
/// `httpcode --json list` is `httpcode list --json`. With `leak`, clap's
/// command tree is left to the exit instead of being torn down: the process
/// is about to end, and freeing it costs more instructions than looking a
/// code up. In-process runs (tests, the fuzzer) free it.
pub(super) fn parse(args: Vec<OsString>, leak: bool) -> Result<Cli, clap::Error> {
    let mut command = Cli::command();
    let args = subcommand_first(&command, args);
    let mut matches = command.try_get_matches_from_mut(args)?;
    let cli = Cli::from_arg_matches_mut(&mut matches);
    if leak {
        std::mem::forget(matches);
        std::mem::forget(command);
    }
    cli
}

/// The first word that is neither an option nor an option's value decides
/// what the line is: a subcommand when it names one, else a query. clap on
/// its own takes a word after a global option as the query (the positional
/// query conflicts with subcommands once any argument is seen), so the
/// subcommand is moved before the options, which are global and mean the
/// same after it. An unknown option or `--` ends the scan: clap reports it.
fn subcommand_first(command: &clap::Command, mut args: Vec<OsString>) -> Vec<OsString> {
    let mut i = 1;
    while let Some(arg) = args.get(i).and_then(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline_value) = match long.split_once('=') {
                Some((name, _)) => (name, true),
                None => (long, false),
            };
            let Some(option) = command.get_arguments().find(|a| a.get_long() == Some(name)) else {
                break;
            };
            let takes_value = option.get_action().takes_values();
            i += if takes_value && !inline_value { 2 } else { 1 };
            continue;
        }
        if arg.starts_with('-') && arg.len() > 1 {
            // -h and -V take no value; a negative number is a (bad) query.
            break;
        }
        let is_subcommand = command.find_subcommand(arg).is_some() || arg == "help";
        if is_subcommand && i > 1 {
            let word = args.remove(i);
            if word == "help" {
                // `help` takes only subcommand names after it.
                args.drain(1..i);
            }
            args.insert(1, word);
        }
        break;
    }
    args
}

/// The subcommand's name as typed on the command line.
pub(super) fn name_of(command: &Command) -> &'static str {
    match command {
        Command::List(_) => "list",
        Command::Search(_) => "search",
        Command::Compare(_) => "compare",
        Command::Guide(_) => "guide",
        Command::Header(_) => "header",
        Command::Sources => "sources",
        Command::Grpc(_) => "grpc",
        Command::Is(_) => "is",
        Command::Stats(_) => "stats",
        Command::Har(_) => "har",
        Command::Completions(_) => "completions",
        Command::Man => "man",
    }
}

/// What a parse error becomes: help and version on stdout (exit 0, or 2
/// when they cannot be written), anything else one line on stderr (exit 2).
pub(super) fn report(err: clap::Error, streams: Streams) -> u8 {
    if err.use_stderr() {
        let _ = writeln!(streams.stderr, "httpcode: error: {}", one_line(&err));
        let _ = streams.stderr.flush();
        return USAGE;
    }
    let styled = err.render();
    let text = if streams.stdout_is_terminal {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    let written = streams
        .stdout
        .write_all(text.as_bytes())
        .and_then(|()| streams.stdout.flush());
    match written {
        Ok(()) => FOUND,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => FOUND,
        Err(e) => {
            let _ = writeln!(
                streams.stderr,
                "httpcode: error: cannot write the help: {e}"
            );
            USAGE
        }
    }
}

/// clap's error as one line: its first line, plus the possible values or the
/// tip it gives, without the usage block; the values it echoes are cut and
/// escaped as every echoed value is.
fn one_line(err: &clap::Error) -> String {
    if err.kind() == ErrorKind::InvalidUtf8 {
        return "an argument is not valid UTF-8: give codes and search words as text".into();
    }
    // The styled rendering keeps the values as typed (the plain one strips
    // whatever looks like an escape sequence, the user's included); each
    // echoed value is made safe first, then clap's own styling removed.
    let mut text = err.render().ansi().to_string();
    let mut values: Vec<&str> = err
        .context()
        .filter_map(|(_, value)| match value {
            ContextValue::String(value) => Some(value.as_str()),
            _ => None,
        })
        .filter(|value| !value.is_empty())
        .collect();
    values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    for value in values {
        text = text.replace(value, &shown(value));
    }
    let text = strip_styles(&text);
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid arguments");
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    let extras = lines.filter(|l| {
        l.starts_with("[possible values") || l.starts_with("tip:") || l.starts_with('<')
    });
    for extra in extras {
        message.push_str(if message.ends_with(':') { " " } else { "; " });
        message.push_str(extra);
    }
    message.push_str(" (see httpcode --help)");
    escape::visible(&message).into_owned()
}

/// `text` without the SGR sequences (`ESC [ ... m`) clap styles it with.
fn strip_styles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let params = after
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b';')
            .count();
        if after.as_bytes().get(params) == Some(&b'm') {
            rest = &after[params + 1..];
        } else {
            // Not a style: leave it for `visible` to escape.
            out.push_str(&rest[at..at + 2]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reordered(args: &[&str]) -> Vec<String> {
        let args = args.iter().map(OsString::from).collect();
        subcommand_first(&Cli::command(), args)
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn a_subcommand_after_global_options_moves_first() {
        assert_eq!(
            reordered(&["httpcode", "--json", "--width", "40", "list", "--class", "4xx"]),
            ["httpcode", "list", "--json", "--width", "40", "--class", "4xx"]
        );
        assert_eq!(
            reordered(&[
                "httpcode",
                "--source=iana",
                "--color",
                "never",
                "is",
                "success",
                "500"
            ]),
            [
                "httpcode",
                "is",
                "--source=iana",
                "--color",
                "never",
                "success",
                "500"
            ]
        );
    }

    #[test]
    fn option_values_and_queries_are_left_alone() {
        // "list" is the value of --source here, and "teapot" a search.
        let same = [
            &["httpcode", "--source", "list", "404"][..],
            &["httpcode", "--json", "teapot", "list"],
            &["httpcode", "--json", "--", "list"],
            &["httpcode", "--bogus", "list"],
            &["httpcode", "list", "--json"],
        ];
        for args in same {
            assert_eq!(reordered(args), args, "{args:?}");
        }
    }

    #[test]
    fn help_keeps_only_names_after_it() {
        assert_eq!(
            reordered(&["httpcode", "--color", "never", "help", "list"]),
            ["httpcode", "help", "list"]
        );
    }
}
