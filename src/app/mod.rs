//! One small function per command, grouped by kind in the submodules. Each
//! builds its output as a String and returns the exit code; `main` maps
//! errors to exit codes in one place. What every command shares (errors,
//! the context decided from global flags, printing) lives here, and the
//! submodules see it through `use super::*`.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::CommandFactory;
use serde::Serialize;

use crate::cli::{
    Cli, Command, CompareArgs, GrpcArgs, GuideArgs, IsArgs, Lang, ListArgs, Predicate, SearchArgs,
    StatsArgs, TimeUnit,
};
use crate::json::{self, EntryJson};
use crate::query::{self, Request, Target};
use crate::render::{self, detail::DetailOptions};
use crate::search::{self, Match};
use crate::stats::{self as log_stats, Counts, Granularity};
use crate::stdin;
use crate::table::{self, Class, Entry, Source, ENTRIES, GUIDES};
use crate::term::Term;

mod compare;
mod find;
mod generate;
mod input;
mod is;
mod lookup;
mod reference;

use compare::compare;
use find::{run_search, search_command};
use generate::{completions, man};
use input::{from_stdin, stats};
use is::is;
use lookup::{list, lookup_or_search};
use reference::{grpc, guide, lang_lines, sources};

/// Exit code when something was found and printed.
pub const FOUND: u8 = 0;
/// Exit code for a valid query that matched nothing.
pub const NOT_FOUND: u8 = 1;
/// Exit code for a usage error (clap uses it too).
pub const USAGE: u8 = 2;

#[derive(Debug)]
pub enum AppError {
    /// Bad input: one line, exit 2.
    Usage(String),
    Io(io::Error),
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Usage(message) => f.write_str(message),
            AppError::Io(err) => write!(f, "input/output error: {err}"),
        }
    }
}

impl From<io::Error> for AppError {
    fn from(err: io::Error) -> Self {
        AppError::Io(err)
    }
}

impl From<query::NotACode> for AppError {
    fn from(err: query::NotACode) -> Self {
        AppError::Usage(err.0)
    }
}

type Outcome = Result<ExitCode, AppError>;

/// Everything a command needs besides its own arguments.
struct Context {
    term: Term,
    json: bool,
    source: Option<&'static Source>,
    show_example: bool,
}

pub fn run(cli: Cli) -> Outcome {
    let ctx = Context::new(&cli)?;
    match cli.command {
        Some(Command::List(args)) => list(&ctx, &args),
        Some(Command::Search(args)) => search_command(&ctx, &args),
        Some(Command::Compare(args)) => compare(&ctx, &args),
        Some(Command::Guide(args)) => guide(&ctx, &args),
        Some(Command::Sources) => sources(&ctx),
        Some(Command::Is(args)) => is(&ctx, &args),
        Some(Command::Grpc(args)) => grpc(&ctx, &args),
        Some(Command::Stats(args)) => stats(&ctx, &args),
        Some(Command::Completions(args)) => completions(args.shell),
        Some(Command::Man) => man(),
        None if cli.query.is_empty() && !io::stdin().is_terminal() => from_stdin(&ctx),
        None if cli.query.is_empty() => {
            let help = Cli::command().render_help().to_string();
            print(&help)?;
            Ok(ExitCode::from(USAGE))
        }
        None => match cli.lang {
            Some(lang) => lang_lines(&ctx, &cli.query, lang),
            None => lookup_or_search(&ctx, &cli.query),
        },
    }
}

impl Context {
    fn new(cli: &Cli) -> Result<Context, AppError> {
        let global = &cli.global;
        let source = match &global.source {
            Some(name) => Some(table::find_source(name).ok_or_else(|| {
                AppError::Usage(format!(
                    "unknown source '{name}' (see `httpcode sources` for the list)"
                ))
            })?),
            None => None,
        };
        Ok(Context {
            term: Term::detect(global.color, global.width),
            json: global.json,
            source,
            show_example: !cli.no_example,
        })
    }

    fn wants(&self, e: &Entry) -> bool {
        self.source.is_none_or(|s| std::ptr::eq(s, e.source()))
    }
}

/// Write to stdout; a closed pipe surfaces as an error `main` treats as quiet.
fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn print_json<T: Serialize>(value: &T) -> io::Result<()> {
    print(&json::to_string(value))
}

/// User input inside a message, cut short: an error stays one line.
fn shown(input: &str) -> String {
    const MAX: usize = 60;
    if input.chars().count() <= MAX {
        return input.to_string();
    }
    let cut: String = input.chars().take(MAX).collect();
    format!("{cut}…")
}

fn warn(message: &str) {
    eprintln!("httpcode: {message}");
}

/// One plain code (`404`, a status line), or a usage error saying `why`.
fn single_code(arg: &str, why: &str) -> Result<u16, AppError> {
    match query::parse(arg)? {
        Target::Code {
            code,
            substatus: None,
        } => Ok(code),
        _ => Err(AppError::Usage(format!(
            "'{arg}' is not a single status code: {why}"
        ))),
    }
}
