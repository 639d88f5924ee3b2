//! One small function per command. Each builds its output as a String and
//! returns the exit code; `main` maps errors to exit codes in one place.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::CommandFactory;
use serde::Serialize;

use crate::cli::{
    Cli, Command, CompareArgs, GlobalArgs, GrpcArgs, GuideArgs, IsArgs, Lang, ListArgs, Predicate,
    SearchArgs, StatsArgs, TimeUnit,
};
use crate::json::{self, EntryJson};
use crate::query::{self, Request, Target};
use crate::render::{self, detail::DetailOptions};
use crate::search::{self, Match};
use crate::stats::{self as log_stats, Counts, Granularity};
use crate::stdin;
use crate::table::{self, Class, Entry, Source, ENTRIES, GUIDES};
use crate::term::Term;

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
    let mut ctx = Context::new(&cli.global)?;
    ctx.show_example = !cli.no_example;
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
    fn new(global: &GlobalArgs) -> Result<Context, AppError> {
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
            show_example: true,
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

fn lookup_or_search(ctx: &Context, args: &[String]) -> Outcome {
    match query::classify(args)? {
        Request::Words(words) => {
            reject_mistyped_subcommand(&words)?;
            run_search(ctx, &words, 10)
        }
        Request::Targets(targets) => lookup(ctx, &targets),
    }
}

/// `httpcode serch timeout` is a typo for a subcommand, not a search for "serch".
fn reject_mistyped_subcommand(words: &str) -> Result<(), AppError> {
    let first = words.split_whitespace().next().unwrap_or("").to_lowercase();
    let len = first.chars().count();
    if len < 4 || search::is_index_word(&first) {
        return Ok(());
    }
    let allowed = if len >= 6 { 2 } else { 1 };
    let command = Cli::command();
    let similar = command
        .get_subcommands()
        .map(|c| c.get_name())
        .find(|name| strsim::osa_distance(name, &first) <= allowed);
    match similar {
        Some(name) => Err(AppError::Usage(format!(
            "unrecognized subcommand '{first}'; did you mean '{name}'?"
        ))),
        None => Ok(()),
    }
}

fn lookup(ctx: &Context, targets: &[Target]) -> Outcome {
    let mut found: Vec<&'static Entry> = Vec::new();
    let mut text = String::new();
    for target in targets {
        // A target with nothing found has already said so on stderr.
        let (entries, view) = match *target {
            Target::Code { code, substatus } => lookup_code(ctx, code, substatus),
            _ => lookup_pattern(ctx, target),
        };
        if entries.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&view);
        found.extend(entries);
    }
    if ctx.json {
        print_json(&json::entries(&found))?;
    } else {
        print(&text)?;
    }
    // As grep: 0 when anything was found, even if another code was not.
    Ok(ExitCode::from(if found.is_empty() {
        NOT_FOUND
    } else {
        FOUND
    }))
}

/// Entries for one code, with their rendered detail views.
fn lookup_code(ctx: &Context, code: u16, substatus: Option<u16>) -> (Vec<&'static Entry>, String) {
    let all = table::lookup(code, substatus);
    let entries: Vec<&'static Entry> = all.iter().filter(|e| ctx.wants(e)).collect();
    if entries.is_empty() {
        explain_missing(ctx, code, substatus, !all.is_empty());
        return (entries, String::new());
    }
    if ctx.json {
        return (entries, String::new());
    }
    let options = DetailOptions {
        show_example: ctx.show_example,
    };
    let views: Vec<String> = entries
        .iter()
        .map(|e| render::detail::render(e, ctx.term, options))
        .collect();
    let mut text = views.join(&format!(
        "\n{}\n\n",
        "─".repeat(usize::from(ctx.term.width).min(40))
    ));
    let show_subs = substatus.is_none() && ctx.source.is_none_or(|s| s.id.starts_with("iis"));
    if show_subs {
        if let Some(subs) = render::detail::render_substatuses(code, ctx.term) {
            text.push('\n');
            text.push_str(&subs);
        }
    }
    (entries, text)
}

/// Say why nothing was found: a filtered-out source, or a code nobody uses.
fn explain_missing(ctx: &Context, code: u16, substatus: Option<u16>, other_sources: bool) {
    let label = match substatus {
        Some(sub) => format!("{code:03}.{sub}"),
        None => format!("{code:03}"),
    };
    if other_sources {
        let source = ctx.source.map_or("", |s| s.name);
        warn(&format!(
            "{label} has no entry from {source} (drop --source to see the others)"
        ));
        return;
    }
    if substatus.is_some() && table::is_known(code) {
        warn(&format!(
            "{label} is not a documented sub-status; `httpcode {code:03}` lists the known ones"
        ));
        return;
    }
    let class = Class::of(code);
    let class_text = if class.is_standard() {
        format!("{} {}: {}", class.label(), class.title(), class.meaning())
    } else {
        "No class covers it: HTTP defines 1xx to 5xx only.".to_string()
    };
    let nearest: Vec<String> = table::nearest_codes(code, 3)
        .into_iter()
        .map(|c| format!("{c:03} {}", table::primary_name(c).unwrap_or("")))
        .collect();
    warn(&format!(
        "{label} is not a known status code: no registry or vendor we know of uses it.\n  {class_text}\n  Nearest known codes: {}",
        nearest.join(", ")
    ));
}

/// A class (`4xx`), pattern (`30x`) or range (`500-504`).
fn lookup_pattern(ctx: &Context, target: &Target) -> (Vec<&'static Entry>, String) {
    let entries: Vec<&'static Entry> = ENTRIES
        .iter()
        .filter(|e| e.substatus.is_none() && target.matches(e.code) && ctx.wants(e))
        .collect();
    let subs = ENTRIES
        .iter()
        .filter(|e| e.substatus.is_some() && target.matches(e.code) && ctx.wants(e))
        .count();
    let whole_class = target.whole_class().map(Class);
    if entries.is_empty() {
        match whole_class {
            Some(class) if !class.is_standard() => warn(&format!(
                "no known codes in {}: HTTP defines classes 1xx to 5xx only",
                class.label()
            )),
            _ => warn(&format!("no known codes match {target}")),
        }
        return (entries, String::new());
    }
    if ctx.json {
        return (entries, String::new());
    }
    let mut text = match whole_class {
        Some(class) => render::class::class_intro(class, ctx.term),
        None => format!("Codes matching {target}\n"),
    };
    text.push('\n');
    text.push_str(&render::class::entry_table(&entries, ctx.term));
    text.extend(render::class::substatus_note(subs, ctx.term));
    (entries, text)
}

fn list(ctx: &Context, args: &ListArgs) -> Outcome {
    let class = match &args.class {
        Some(text) => Some(query::parse(text)?),
        None => None,
    };
    let entries: Vec<&'static Entry> = ENTRIES
        .iter()
        .filter(|e| ctx.wants(e))
        .filter(|e| class.as_ref().is_none_or(|c| c.matches(e.code)))
        .filter(|e| (!args.official || e.official()) && (!args.unofficial || !e.official()))
        .collect();
    if entries.is_empty() {
        warn("no entries match these filters");
        return Ok(ExitCode::from(NOT_FOUND));
    }
    if ctx.json {
        print_json(&json::entries(&entries))?;
    } else {
        let count = format!("{} entries\n", entries.len());
        print(&(count + &render::class::entry_table(&entries, ctx.term)))?;
    }
    Ok(ExitCode::from(FOUND))
}

fn search_command(ctx: &Context, args: &SearchArgs) -> Outcome {
    run_search(ctx, &args.words.join(" "), args.limit)
}

#[derive(Serialize)]
struct SearchResultJson {
    score: f64,
    #[serde(flatten)]
    entry: EntryJson,
}

fn run_search(ctx: &Context, words: &str, limit: usize) -> Outcome {
    if words.trim().is_empty() {
        return Err(AppError::Usage("empty search: give some words".into()));
    }
    // Filter before truncating, so --source never hides its own matches.
    let results: Vec<Match> = search::search_where(words, limit, |e| ctx.wants(e));
    if results.is_empty() {
        warn(&format!(
            "nothing matches '{}'; try fewer or other words, or `httpcode list`",
            shown(words)
        ));
        if ctx.json {
            print("[]\n")?;
        }
        return Ok(ExitCode::from(NOT_FOUND));
    }
    if ctx.json {
        let list: Vec<SearchResultJson> = results
            .iter()
            .map(|m| SearchResultJson {
                score: (m.score * 100.0).round() / 100.0,
                entry: EntryJson::from(m.entry),
            })
            .collect();
        print_json(&list)?;
    } else {
        print(&render::search::render(&results, ctx.term))?;
    }
    Ok(ExitCode::from(FOUND))
}

#[derive(Serialize)]
struct CompareJson {
    entries: Vec<EntryJson>,
    difference: Option<String>,
}

fn compare(ctx: &Context, args: &CompareArgs) -> Outcome {
    let mut entries: Vec<&'static Entry> = Vec::new();
    let targets = args
        .codes
        .iter()
        .map(|a| query::parse(a))
        .collect::<Result<Vec<_>, _>>()?;
    for target in &targets {
        let before = entries.len();
        for e in ENTRIES
            .iter()
            .filter(|e| matches_for_compare(target, e) && ctx.wants(e))
        {
            // One column per code: its first (IANA-first) entry.
            if !entries
                .iter()
                .any(|x| x.code == e.code && x.substatus == e.substatus)
            {
                entries.push(e);
            }
        }
        if entries.len() == before {
            warn(&format!(
                "{target} is not a known status code; nothing to compare it with"
            ));
            return Ok(ExitCode::from(NOT_FOUND));
        }
    }
    if entries.len() < 2 {
        return Err(AppError::Usage(
            "compare needs two or more different codes".into(),
        ));
    }
    let codes: Vec<u16> = entries.iter().map(|e| e.code).collect();
    // Written text for known confusion groups; otherwise what the classes say.
    let difference = table::key_difference(&codes)
        .map(str::to_string)
        .or_else(|| render::compare::class_difference(&entries));
    if ctx.json {
        print_json(&CompareJson {
            entries: json::entries(&entries),
            difference: difference.clone(),
        })?;
    } else {
        let text = render::compare::render(&entries, difference.as_deref(), ctx.term);
        print(&text)?;
    }
    Ok(ExitCode::from(FOUND))
}

fn matches_for_compare(target: &Target, e: &Entry) -> bool {
    match *target {
        Target::Code { code, substatus } => e.code == code && e.substatus == substatus,
        _ => e.substatus.is_none() && target.matches(e.code),
    }
}

fn guide(ctx: &Context, args: &GuideArgs) -> Outcome {
    let Some(topic) = &args.topic else {
        if ctx.json {
            let topics: Vec<_> = GUIDES
                .iter()
                .map(|g| serde_json::json!({"id": g.id, "title": g.title}))
                .collect();
            print_json(&topics)?;
        } else {
            print(&render::guide::render_topics(ctx.term))?;
        }
        return Ok(ExitCode::from(FOUND));
    };
    let guide = table::find_guide(topic).ok_or_else(|| {
        let ids: Vec<&str> = GUIDES.iter().map(|g| g.id).collect();
        AppError::Usage(format!(
            "unknown guide '{topic}'; topics: {}",
            ids.join(", ")
        ))
    })?;
    if ctx.json {
        print_json(&json::guide(guide))?;
    } else {
        print(&render::guide::render(guide, ctx.term))?;
    }
    Ok(ExitCode::from(FOUND))
}

fn sources(ctx: &Context) -> Outcome {
    if ctx.json {
        print_json(&json::sources())?;
    } else {
        print(&render::sources::render(ctx.term))?;
    }
    Ok(ExitCode::from(FOUND))
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

/// `httpcode is PREDICATE CODE`: the answer is the exit code.
fn is(ctx: &Context, args: &IsArgs) -> Outcome {
    let code = single_code(&args.code, "is takes one code, like 404")?;
    let entry = table::lookup(code, None).iter().find(|e| ctx.wants(e));
    let class = Class::of(code);
    let answer = match args.predicate {
        Predicate::Retryable => entry.is_some_and(|e| e.retryable),
        Predicate::Cacheable => entry.is_some_and(|e| e.cacheable),
        Predicate::Redirect => entry.is_some_and(|e| e.redirect.is_some()),
        Predicate::Error => class.0 >= 4 || (class.0 == 0 && entry.is_some()),
        Predicate::ClientError => class.0 == 4,
        Predicate::ServerError => class.0 == 5,
        Predicate::Success => class.0 == 2,
        Predicate::Informational => class.0 == 1,
        Predicate::Official => table::lookup(code, None).iter().any(|e| e.official()),
        Predicate::Known => entry.is_some(),
    };
    if args.verbose {
        print(if answer { "yes\n" } else { "no\n" })?;
    }
    Ok(ExitCode::from(if answer { FOUND } else { NOT_FOUND }))
}

#[derive(Serialize)]
struct HopJson {
    code: u16,
    name: Option<&'static str>,
    class: String,
    line: String,
    location: Option<String>,
    retry_after: Option<String>,
}

/// No arguments and a pipe on stdin: explain each status read from it.
fn from_stdin(ctx: &Context) -> Outcome {
    let read = stdin::read(io::stdin().lock())?;
    if read.skipped > 0 {
        warn(&format!(
            "skipped {} unreadable line(s) on stdin (binary, invalid UTF-8 or over {} bytes)",
            read.skipped,
            stdin::MAX_LINE
        ));
    }
    if read.hops.is_empty() {
        warn("no status codes or status lines on stdin");
        if ctx.json {
            print("[]\n")?;
        }
        return Ok(ExitCode::from(NOT_FOUND));
    }
    if ctx.json {
        let hops: Vec<HopJson> = read
            .hops
            .into_iter()
            .map(|h| HopJson {
                code: h.code,
                name: table::primary_name(h.code),
                class: Class::of(h.code).label(),
                line: h.line,
                location: h.location,
                retry_after: h.retry_after,
            })
            .collect();
        print_json(&hops)?;
    } else {
        print(&render::chain::render(&read.hops, ctx.term))?;
    }
    Ok(ExitCode::from(FOUND))
}

/// Completion script generated from the clap definition.
fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "httpcode", &mut script);
    print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::from(FOUND))
}

/// Man page generated from the clap definition.
fn man() -> Outcome {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    print(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::from(FOUND))
}

/// `httpcode stats FILE...`: one streaming pass over each input.
fn stats(ctx: &Context, args: &StatsArgs) -> Outcome {
    let field = args.field.map(usize::from);
    let mut counts = match args.by {
        Some(TimeUnit::Hour) => Counts::with_buckets(Granularity::Hour),
        Some(TimeUnit::Minute) => Counts::with_buckets(Granularity::Minute),
        None => Counts::default(),
    };
    let stdin_only = [std::path::PathBuf::from("-")];
    let files = if args.files.is_empty() {
        &stdin_only[..]
    } else {
        &args.files[..]
    };
    for path in files {
        let result = if path.as_os_str() == "-" {
            log_stats::count_maybe_gzip(io::stdin(), field, &mut counts)
        } else {
            std::fs::File::open(path)
                .and_then(|file| log_stats::count_maybe_gzip(file, field, &mut counts))
        };
        result.map_err(|e| AppError::Usage(format!("cannot read {}: {e}", path.display())))?;
    }
    if ctx.json {
        print_json(&json::stats(&counts))?;
    } else {
        print(&render::stats::render(&counts, ctx.term))?;
    }
    Ok(ExitCode::from(if counts.total > 0 {
        FOUND
    } else {
        NOT_FOUND
    }))
}

/// `httpcode 404 --lang go`: one line per code, the name in that language.
fn lang_lines(ctx: &Context, args: &[String], lang: Lang) -> Outcome {
    let mut lines = String::new();
    let mut missing = false;
    for arg in args {
        let code = single_code(arg, "--lang takes codes like 404, not patterns")?;
        match table::constants(code).and_then(|c| crate::lang::expression(c, lang)) {
            Some(expression) => {
                lines.push_str(&expression);
                lines.push('\n');
            }
            None => {
                missing = true;
                warn(&format!("{} has no name for {code:03}", lang.label()));
            }
        }
    }
    if ctx.json {
        let list: Vec<&str> = lines.lines().collect();
        print_json(&list)?;
    } else {
        print(&lines)?;
    }
    Ok(ExitCode::from(if missing { NOT_FOUND } else { FOUND }))
}

/// `httpcode grpc [CODE]`.
fn grpc(ctx: &Context, args: &GrpcArgs) -> Outcome {
    let Some(wanted) = &args.code else {
        if ctx.json {
            print_json(&json::grpc_codes(table::GRPC_CODES.iter()))?;
        } else {
            print(&render::grpc::render_all(ctx.term))?;
        }
        return Ok(ExitCode::from(FOUND));
    };
    let code = table::find_grpc(wanted).ok_or_else(|| {
        AppError::Usage(format!(
            "'{wanted}' is not a gRPC status code (0-16, or a name such as UNAVAILABLE)"
        ))
    })?;
    if ctx.json {
        print_json(&json::grpc_codes(std::iter::once(code)))?;
    } else {
        print(&render::grpc::render_one(code, ctx.term))?;
    }
    Ok(ExitCode::from(FOUND))
}
