//! httpcode: explain HTTP status codes in the terminal.

use std::io;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use httpcode::{app, cli};

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            eprintln!("httpcode: error: {}", one_line(&err));
            return ExitCode::from(app::USAGE);
        }
        Err(err) => {
            // --help and --version: clap prints them to stdout.
            return match err.print() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                _ => ExitCode::from(app::FOUND),
            };
        }
    };
    match app::run(cli) {
        Ok(code) => code,
        Err(app::AppError::Io(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("httpcode: error: {err}");
            ExitCode::from(app::USAGE)
        }
    }
}

/// `Cli::try_parse`, without tearing down clap's command tree afterwards:
/// the process is about to exit, and freeing it costs more instructions than
/// looking a code up.
fn parse() -> Result<cli::Cli, clap::Error> {
    let command = Box::leak(Box::new(cli::Cli::command()));
    let matches = Box::leak(Box::new(
        command.try_get_matches_from_mut(std::env::args_os())?,
    ));
    cli::Cli::from_arg_matches_mut(matches)
}

/// clap's error as one line: its first line, plus the possible values or the
/// tip it gives, without the usage block.
fn one_line(err: &clap::Error) -> String {
    if err.kind() == clap::error::ErrorKind::InvalidUtf8 {
        return "an argument is not valid UTF-8: give codes and search words as text".into();
    }
    let text = err.to_string();
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
    message
}
