//! One small function per command, grouped by kind in the submodules. Each
//! builds its output as a String and returns the exit code; `main` maps
//! errors to exit codes in one place. What every command shares (errors,
//! the context decided from global flags, printing) lives here, and the
//! submodules import what they use from it by name.

use std::cell::RefCell;
use std::ffi::OsString;
use std::fmt;
use std::io::{self, Read, Write};

use clap::CommandFactory;
use serde::Serialize;

use crate::catalogue::{self, Entry, Source};
use crate::cli::{Cli, Command, GlobalArgs, Lang, PagerChoice, SnippetLang};
use crate::escape::{self, shown};
use crate::json;
use crate::pager::{Output, Paging};
use crate::suggest;
use crate::target::{self, Target};
use crate::term::Term;

mod compare;
mod find;
mod generate;
mod input;
mod is;
mod lookup;
mod parse;
mod reference;

use compare::compare;
use find::search_command;
use generate::{completions, man};
use input::{from_stdin, har, stats};
use is::is;
use lookup::{list, lookup_or_search};
use reference::{grpc, guide, header, lang_lines, snippet_lines, sources};

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

impl From<target::NotACode> for AppError {
    fn from(err: target::NotACode) -> Self {
        AppError::Usage(err.0)
    }
}

type Outcome = Result<u8, AppError>;

/// Where a run reads and writes: the process's streams, or buffers when
/// tests and the fuzzer drive the real command line in-process.
pub struct Streams<'a> {
    pub stdin: &'a mut (dyn Read + Send),
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
}

/// Everything a command needs besides its own arguments.
struct Context<'a> {
    term: Term,
    json: bool,
    source: Option<&'static Source>,
    show_example: bool,
    short: bool,
    lang: Option<Lang>,
    snippet: Option<SnippetLang>,
    stdin: RefCell<&'a mut (dyn Read + Send)>,
    stdout: RefCell<&'a mut dyn Write>,
    stderr: RefCell<&'a mut dyn Write>,
    stdin_is_terminal: bool,
    stdout_is_terminal: bool,
}

/// The whole command line, from arguments to exit code, for the process:
/// parse, run, and report an error on stderr. Nothing here panics on a
/// failed write; a lost stderr still leaves the exit code the run earned.
pub fn main(args: Vec<OsString>, streams: Streams) -> u8 {
    dispatch(args, streams, true)
}

/// As `main`, for runs inside a longer-lived process (tests, the fuzzer):
/// everything allocated is freed.
pub fn main_in_process(args: Vec<OsString>, streams: Streams) -> u8 {
    dispatch(args, streams, false)
}

fn dispatch(args: Vec<OsString>, streams: Streams, leak: bool) -> u8 {
    let cli = match parse::parse(args, leak) {
        Ok(cli) => cli,
        Err(err) => return parse::report(err, streams),
    };
    let Streams {
        stdin,
        stdout,
        stderr,
        stdin_is_terminal,
        stdout_is_terminal,
    } = streams;
    let terminals = (stdin_is_terminal, stdout_is_terminal);
    // A summary redrawn in place (`stats --follow`) never goes to a pager.
    let follows = matches!(&cli.command, Some(Command::Stats(args)) if args.follow);
    let choice = if cli.global.no_pager || follows {
        PagerChoice::Never
    } else {
        cli.global.pager
    };
    let mut output = Output::new(stdout, Paging::from_terminal(choice, stdout_is_terminal));
    let result = match Context::new(&cli.global, stdin, &mut output, &mut *stderr, terminals) {
        Ok(ctx) => run(&ctx, cli.query, cli.command),
        Err(err) => Err(err),
    };
    // The pager quits before an error is printed, so the error stays on screen.
    let finished = output.finish();
    let result = result.and_then(|code| finished.map(|()| code).map_err(AppError::from));
    match result {
        Ok(code) => code,
        Err(AppError::Io(err)) if err.kind() == io::ErrorKind::BrokenPipe => FOUND,
        Err(err) => {
            let _ = writeln!(
                stderr,
                "httpcode: error: {}",
                escape::message(&err.to_string())
            );
            USAGE
        }
    }
}

fn run(ctx: &Context, query: Vec<String>, command: Option<Command>) -> Outcome {
    check_applies(ctx, command.as_ref())?;
    match command {
        Some(Command::List(args)) => list(ctx, &args),
        Some(Command::Search(args)) => search_command(ctx, &args),
        Some(Command::Compare(args)) => compare(ctx, &args),
        Some(Command::Guide(args)) => guide(ctx, &args),
        Some(Command::Header(args)) => header(ctx, &args),
        Some(Command::Sources) => sources(ctx),
        Some(Command::Is(args)) => is(ctx, &args),
        Some(Command::Grpc(args)) => grpc(ctx, &args),
        Some(Command::Stats(args)) => stats(ctx, &args),
        Some(Command::Har(args)) => har(ctx, &args),
        Some(Command::Completions(args)) => completions(ctx, args.shell),
        Some(Command::Man) => man(ctx),
        None if query.is_empty() && !ctx.stdin_is_terminal => from_stdin(ctx),
        None if query.is_empty() => {
            let help = Cli::command().render_help().to_string();
            ctx.print(&help)?;
            Ok(USAGE)
        }
        None => match (ctx.lang, ctx.snippet) {
            (Some(_), Some(_)) => Err(AppError::Usage(
                "--lang and --snippet each print one thing; give one of them".into(),
            )),
            (Some(lang), None) => lang_lines(ctx, &query, lang),
            (None, Some(lang)) => snippet_lines(ctx, &query, lang),
            (None, None) => lookup_or_search(ctx, &query),
        },
    }
}

/// Options that would change nothing are refused rather than ignored, so a
/// script never takes one command's output for what it asked for. Options
/// that only shape the view (--color, --width, --no-example) are harmless
/// everywhere.
fn check_applies(ctx: &Context, command: Option<&Command>) -> Result<(), AppError> {
    let Some(command) = command else {
        return Ok(());
    };
    let name = parse::name_of(command);
    let refuse = |option: &str, works_with: &str| {
        Err(AppError::Usage(format!(
            "{option} does not apply to `httpcode {name}`; it works with {works_with}"
        )))
    };
    if ctx.lang.is_some() {
        return refuse(
            "--lang",
            "codes (httpcode 404 --lang go) and codes read from stdin",
        );
    }
    if ctx.snippet.is_some() {
        return refuse("--snippet", "codes (httpcode 429 --snippet python)");
    }
    if ctx.short {
        return refuse(
            "--short",
            "codes (httpcode 404 --short) and codes read from stdin",
        );
    }
    let filters = matches!(
        command,
        Command::List(_)
            | Command::Search(_)
            | Command::Compare(_)
            | Command::Is(_)
            | Command::Sources
    );
    if ctx.source.is_some() && !filters {
        return refuse("--source", "lookups, list, search, compare, is and sources");
    }
    if ctx.json && matches!(command, Command::Completions(_) | Command::Man) {
        return refuse("--json", "every command but completions and man");
    }
    Ok(())
}

impl<'a> Context<'a> {
    fn new(
        global: &GlobalArgs,
        stdin: &'a mut (dyn Read + Send),
        stdout: &'a mut dyn Write,
        stderr: &'a mut dyn Write,
        (stdin_is_terminal, stdout_is_terminal): (bool, bool),
    ) -> Result<Context<'a>, AppError> {
        let source = match &global.source {
            Some(name) => Some(find_source(name)?),
            None => None,
        };
        Ok(Context {
            term: Term::detect(global.color, global.width, stdout_is_terminal),
            json: global.json,
            source,
            show_example: !global.no_example,
            short: global.short,
            lang: global.lang,
            snippet: global.snippet,
            stdin: RefCell::new(stdin),
            stdout: RefCell::new(stdout),
            stderr: RefCell::new(stderr),
            stdin_is_terminal,
            stdout_is_terminal,
        })
    }

    fn wants(&self, e: &Entry) -> bool {
        self.source.is_none_or(|s| std::ptr::eq(s, e.source()))
    }

    /// Write to stdout; a closed pipe surfaces as an error `main` treats as quiet.
    fn print(&self, text: &str) -> io::Result<()> {
        let mut out = self.stdout.borrow_mut();
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    fn print_json<T: Serialize>(&self, value: &T) -> io::Result<()> {
        self.print(&json::to_string(value))
    }

    /// A warning on stderr. A stderr that cannot be written is no reason to
    /// fail or abort: the exit code still tells the caller what happened.
    fn warn(&self, message: &str) {
        let mut err = self.stderr.borrow_mut();
        let _ = writeln!(err, "httpcode: {}", escape::message(message));
        let _ = err.flush();
    }
}

fn find_source(name: &str) -> Result<&'static Source, AppError> {
    if name.trim().is_empty() {
        return Err(AppError::Usage(
            "--source needs a name (see `httpcode sources` for the list)".into(),
        ));
    }
    catalogue::find_source(name).ok_or_else(|| {
        let ids = catalogue::SOURCES.iter().map(|s| s.id.get());
        AppError::Usage(format!(
            "unknown source '{}' (see `httpcode sources` for the list){}",
            shown(name),
            suggest::did_you_mean(name, ids)
        ))
    })
}

/// One plain code (`404`, a status line), or a usage error saying `why`.
fn single_code(arg: &str, why: &str) -> Result<u16, AppError> {
    match target::parse(arg)? {
        Target::Code {
            code,
            substatus: None,
        } => Ok(code),
        _ => Err(AppError::Usage(format!(
            "'{}' is not a single status code: {why}",
            shown(arg)
        ))),
    }
}
