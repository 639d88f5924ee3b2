//! Completion scripts and the man page, generated from the clap definition
//! with the catalogue's values attached.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{CommandFactory, ValueHint};

use super::Context;
use super::Outcome;
use super::FOUND;
use crate::catalogue;
use crate::catalogue::GUIDES;
use crate::cli::Cli;

/// Completion script generated from the clap definition, with the guide
/// topics, source ids and gRPC codes of the catalogue as values to complete.
pub(super) fn completions(ctx: &Context, shell: clap_complete::Shell) -> Outcome {
    let mut command = with_grpc_codes(with_catalogue(Cli::command()));
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "httpcode", &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if shell == clap_complete::Shell::Fish {
        script.push_str(&fish_positionals(&command));
    }
    ctx.print(&script)?;
    Ok(FOUND)
}

/// Man page written from the clap definition, with the topics and sources
/// listed.
pub(super) fn man(ctx: &Context) -> Outcome {
    ctx.print(&crate::man::page(&with_catalogue(Cli::command())))?;
    Ok(FOUND)
}

/// clap_complete's fish script completes options only; this adds the values
/// of subcommands' positional arguments (`guide TOPIC`, `is PREDICATE`),
/// offered until one of them is on the line.
fn fish_positionals(command: &clap::Command) -> String {
    let mut lines = String::new();
    for sub in command.get_subcommands() {
        for arg in sub.get_positionals() {
            let values: Vec<PossibleValue> = arg
                .get_possible_values()
                .into_iter()
                .filter(|v| !v.is_hide_set())
                .collect();
            if values.is_empty() {
                continue;
            }
            let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
            let words: Vec<String> = values
                .iter()
                .map(|v| {
                    let help = v.get_help().map(|h| h.to_string()).unwrap_or_default();
                    format!("{}\\t'{}'", fish_quoted(v.get_name()), fish_quoted(&help))
                })
                .collect();
            lines.push_str(&format!(
                "complete -c httpcode -n \"__fish_httpcode_using_subcommand {}; and not __fish_seen_subcommand_from {}\" -f -a \"{}\"\n",
                sub.get_name(),
                names.join(" "),
                words.join("\n")
            ));
        }
    }
    lines
}

/// Text for inside '' inside "" in fish: the word list `-a` is given is
/// read twice, first as a double-quoted string, then split into words.
fn fish_quoted(text: &str) -> String {
    text.replace('\n', " ")
        .replace('\\', "\\\\")
        .replace('\'', "\\'")
        .replace('"', "\\\"")
        .replace('$', "\\$")
}

/// The definition as the generators see it: `--source` and `guide TOPIC`
/// name their values, taken from the embedded table. Only generation uses
/// this; the parser for real runs keeps free text, so an unknown source or
/// topic gets our own one-line error with the list.
fn with_catalogue(command: clap::Command) -> clap::Command {
    let sources = catalogue::SOURCES
        .iter()
        .map(|s| PossibleValue::new(s.id.get()).help(s.name.get()));
    let topics = GUIDES
        .iter()
        .map(|g| PossibleValue::new(g.id.get()).help(g.title.get()));
    command
        .mut_arg("source", |arg| {
            arg.value_parser(PossibleValuesParser::new(sources))
        })
        .mut_subcommand("guide", |guide| {
            guide.mut_arg("topic", |arg| {
                arg.value_parser(PossibleValuesParser::new(topics))
            })
        })
        .mut_subcommand("stats", |stats| {
            stats.mut_arg("files", |arg| arg.value_hint(ValueHint::FilePath))
        })
}

/// `grpc CODE` completes to the codes' names in lower case and to their
/// numbers. The man page leaves them out: `httpcode grpc` lists them.
fn with_grpc_codes(command: clap::Command) -> clap::Command {
    let names = catalogue::GRPC_CODES.iter().map(|g| {
        PossibleValue::new(g.name.to_ascii_lowercase()).help(format!("{}: {}", g.code, g.meaning))
    });
    let numbers = catalogue::GRPC_CODES
        .iter()
        .map(|g| PossibleValue::new(g.code.to_string()).help(g.name.get()));
    let values: Vec<PossibleValue> = names.chain(numbers).collect();
    command.mut_subcommand("grpc", |grpc| {
        grpc.mut_arg("code", |arg| {
            arg.value_parser(PossibleValuesParser::new(values))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generators_definition_is_still_valid() {
        with_grpc_codes(with_catalogue(Cli::command())).debug_assert();
    }

    #[test]
    fn fish_text_survives_both_readings() {
        assert_eq!(
            fish_quoted("can't $HOME \"x\""),
            "can\\'t \\$HOME \\\"x\\\""
        );
    }
}
