//! Commands that read input: status lines on stdin, and `stats` over logs.

use super::lookup::lookup;
use super::lookup::{lookup_status_line, pasted_status};
use super::reference::lang_line;
use super::reference::missing_lang;
use super::AppError;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use super::USAGE;
use crate::catalogue;
use crate::cli::StatsArgs;
use crate::cli::TimeUnit;
use crate::escape::shown;
use crate::explain;
use crate::hops;
use crate::json;
use crate::render;
use crate::stats as log_stats;
use crate::stats::Counts;
use crate::stats::Granularity;
use crate::stats::Options;
use crate::target::Target;
use std::io;

/// Hops kept before the chain table is printed: the first batch sets the
/// heading, later batches continue the numbering without a header. Each
/// batch written is also how a closed output ends an endless stream.
const WINDOW: usize = 100;

/// No arguments and a pipe on stdin: explain each status read from it, as
/// it comes. One status alone (`echo 404 | httpcode`, curl's `%{http_code}`)
/// is a lookup and prints what `httpcode 404` prints; several are a chain.
pub(super) fn from_stdin(ctx: &Context) -> Outcome {
    let mut input = ctx.stdin.borrow_mut();
    // A HAR file is one JSON object; status lines and codes never start
    // with `{`.
    let mut input = io::BufReader::with_capacity(64 * 1024, &mut **input);
    if starts_with_brace(&mut input)? {
        return har_summary(ctx, input);
    }
    let mut printer = HopPrinter {
        ctx,
        seen: 0,
        first: None,
        items: 0,
        window: Vec::new(),
        shown: 0,
        missing_names: false,
        responses: None,
    };
    let skipped = hops::for_each_hop(input, |hop| printer.hop(hop))?;
    if skipped > 0 {
        ctx.warn(&format!(
            "skipped {} on stdin (binary, invalid UTF-8 or over {} bytes)",
            render::count(skipped as u64, "unreadable line", "unreadable lines"),
            hops::MAX_LINE
        ));
    }
    printer.finish()
}

/// Whether the first byte that is not white space is `{`, without
/// taking any byte from `input`.
fn starts_with_brace(input: &mut impl io::BufRead) -> io::Result<bool> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(at) => return Ok(buf[at] == b'{'),
            // Only white space so far: drop it and look further.
            None => {
                let len = buf.len();
                input.consume(len);
            }
        }
    }
}

/// `httpcode har FILE`: a browser's recording, summarised.
pub(super) fn har(ctx: &Context, args: &crate::cli::HarArgs) -> Outcome {
    match args.file.as_deref().filter(|path| path.as_os_str() != "-") {
        None => har_summary(ctx, &mut **ctx.stdin.borrow_mut()),
        Some(path) => {
            let name = shown(&path.to_string_lossy());
            let file = std::fs::File::open(path)
                .map_err(|e| AppError::Usage(format!("cannot read {name}: {e}")))?;
            har_summary(ctx, io::BufReader::with_capacity(256 * 1024, file))
        }
    }
}

fn har_summary(ctx: &Context, input: impl io::Read) -> Outcome {
    // serde's message may quote the input: escaped and cut.
    let summary = crate::har::summarise(input)
        .map_err(|e| AppError::Usage(render::cut(&crate::escape::visible(&e), 200, false)))?;
    if ctx.json {
        ctx.print(&json::to_string(&json::har(&summary)))?;
    } else {
        ctx.print(&render::har::render(&summary, ctx.term))?;
    }
    Ok(FOUND)
}

/// Prints hops as they arrive: JSON and `--lang` one by one, the chain
/// table in batches of `WINDOW`.
struct HopPrinter<'c, 'a> {
    ctx: &'c Context<'a>,
    seen: u64,
    /// The first hop, held until a second shows this is a chain.
    first: Option<hops::Hop>,
    /// JSON array elements printed so far.
    items: u64,
    window: Vec<hops::Hop>,
    /// Hops already printed in earlier batches.
    shown: usize,
    /// `--lang` met a code without a constant.
    missing_names: bool,
    /// The input is responses with headers (`curl -si`), explained one by
    /// one, not bare codes.
    responses: Option<Responses>,
}

/// What explaining responses keeps between them: the chain's state and the
/// first codes, for the closing line.
#[derive(Default)]
struct Responses {
    chain: explain::Chain,
    codes: Vec<u16>,
    total: usize,
}

/// Codes the closing chain line shows; the rest are counted.
const CHAIN_SHOWN: usize = 20;

impl HopPrinter<'_, '_> {
    fn hop(&mut self, hop: hops::Hop) -> io::Result<()> {
        self.seen += 1;
        if self.seen == 1 && self.ctx.lang.is_none() && hop.is_response() {
            self.responses = Some(Responses::default());
        }
        if self.responses.is_some() {
            return self.explain(hop);
        }
        if self.ctx.lang.is_none() {
            if self.seen == 1 {
                self.first = Some(hop);
                return Ok(());
            }
            if let Some(first) = self.first.take() {
                self.print_hop(first)?;
            }
        }
        self.print_hop(hop)
    }

    fn print_hop(&mut self, hop: hops::Hop) -> io::Result<()> {
        let ctx = self.ctx;
        match (ctx.lang, ctx.json) {
            (Some(lang), json) => match lang_line(hop.code, lang) {
                Some(expression) if json => self.print_item(&json::to_string(&expression)),
                Some(expression) => ctx.print(&(expression + "\n")),
                None => {
                    self.missing_names = true;
                    ctx.warn(&missing_lang(hop.code, lang));
                    Ok(())
                }
            },
            (None, true) => {
                let name = name_for(ctx, hop.code);
                self.print_item(&json::to_string(&json::HopJson::of(hop, name)))
            }
            (None, false) => {
                self.window.push(hop);
                if self.window.len() < WINDOW {
                    return Ok(());
                }
                let batch = self.table(true);
                self.shown += self.window.len();
                self.window.clear();
                ctx.print(&batch)
            }
        }
    }

    /// A response explained: a block, or an element of the JSON array.
    fn explain(&mut self, hop: hops::Hop) -> io::Result<()> {
        let ctx = self.ctx;
        let Some(responses) = self.responses.as_mut() else {
            return Ok(());
        };
        let explained = explain::explain(&hop, &mut responses.chain);
        responses.total += 1;
        if responses.codes.len() < CHAIN_SHOWN {
            responses.codes.push(hop.code);
        }
        let number = responses.total;
        if ctx.json {
            let name = name_for(ctx, hop.code);
            return self.print_item(&json::to_string(&json::response(hop, explained, name)));
        }
        if ctx.short {
            return ctx.print(&render::response::short(&hop, &explained, ctx.term));
        }
        let gap = if number > 1 { "\n" } else { "" };
        let block = render::response::hop(number, &hop, &explained, ctx.term);
        ctx.print(&format!("{gap}{block}"))
    }

    /// One element of the JSON array being streamed, laid out as
    /// serde_json's pretty printer lays out an array (indented by two).
    fn print_item(&mut self, item: &str) -> io::Result<()> {
        let separator = if self.items == 0 { "[\n" } else { ",\n" };
        self.items += 1;
        let indented = item.trim_end().replace('\n', "\n  ");
        self.ctx.print(&format!("{separator}  {indented}"))
    }

    fn table(&self, more_follow: bool) -> String {
        let ctx = self.ctx;
        let names = |code| name_for(ctx, code);
        render::chain::render(&self.window, self.shown, ctx.term, &names, more_follow)
    }

    fn finish(mut self) -> Outcome {
        let ctx = self.ctx;
        if let Some(responses) = &self.responses {
            if ctx.json {
                ctx.print("\n]\n")?;
            } else if responses.total > 1 && !ctx.short {
                let line = render::response::chain(&responses.codes, responses.total, ctx.term);
                ctx.print(&format!("\n{line}"))?;
            }
            return Ok(FOUND);
        }
        if let Some(only) = self.first.take() {
            if let Some(line) = pasted_status(ctx, &only.line, true) {
                return lookup_status_line(ctx, &line);
            }
            let target = Target::Code {
                code: only.code,
                substatus: None,
            };
            return lookup(ctx, &[target], "");
        }
        if self.seen == 0 {
            ctx.warn("no status codes or status lines on stdin");
            if ctx.json {
                ctx.print("[]\n")?;
            }
            return Ok(NOT_FOUND);
        }
        if ctx.json {
            ctx.print(if self.items > 0 { "\n]\n" } else { "[]\n" })?;
        } else if ctx.lang.is_none() && !self.window.is_empty() {
            ctx.print(&self.table(false))?;
        }
        Ok(if self.missing_names { NOT_FOUND } else { FOUND })
    }
}

/// The name shown for a code: its first entry, from `--source` if given.
fn name_for(ctx: &Context, code: u16) -> Option<&'static str> {
    catalogue::lookup(code, None)
        .iter()
        .find(|e| ctx.wants(e))
        .map(|e| e.name.get())
}

/// `httpcode stats FILE...`: one streaming pass over each input.
pub(super) fn stats(ctx: &Context, args: &StatsArgs) -> Outcome {
    if let (Some(since), Some(until)) = (args.since, args.until) {
        if since >= until {
            return Err(AppError::Usage(
                "--since must be earlier than --until".into(),
            ));
        }
    }
    let options = Options {
        field: args.field.map(usize::from),
        format: args.format,
        top: args.top.map(usize::from),
        since: args.since,
        until: args.until,
        local: args.tz,
    };
    let mut counts = match args.by {
        Some(TimeUnit::Hour) => Counts::with_buckets(Granularity::Hour, args.tz),
        Some(TimeUnit::Minute) => Counts::with_buckets(Granularity::Minute, args.tz),
        None => Counts::default(),
    };
    if args.follow {
        return follow(ctx, args, &options, counts);
    }
    let stdin_only = [std::path::PathBuf::from("-")];
    let files = if args.files.is_empty() {
        &stdin_only[..]
    } else {
        &args.files[..]
    };
    if reads_a_terminal(files, ctx.stdin_is_terminal) {
        // Not an error: `httpcode stats` then a pasted log and Ctrl-D works.
        // But a user who typed it to see usage would wait on a silent
        // prompt, so say what is happening, on stderr, and read as asked.
        let mut err = ctx.stderr.borrow_mut();
        let _ = writeln!(err, "{READING_A_TERMINAL}");
        let _ = err.flush();
    }
    // As wc and grep: a file that cannot be read is reported, the others
    // are still counted, and the exit code says something went wrong.
    let mut failed = false;
    for path in files {
        if let Err(why) = count_file(ctx, path, &options, &mut counts) {
            ctx.warn(&why);
            failed = true;
        }
    }
    let counted_any = counts.total > 0 || counts.unparsed > 0;
    if !failed || counted_any {
        if ctx.json {
            ctx.print_json(&json::stats(&counts))?;
        } else {
            ctx.print(&render::stats::render(&counts, ctx.term))?;
        }
    }
    Ok(if failed {
        USAGE
    } else if counts.total > 0 {
        FOUND
    } else {
        NOT_FOUND
    })
}

/// How often `--follow` looks for new lines, and redraws.
const FOLLOW_POLL: std::time::Duration = std::time::Duration::from_millis(200);
const FOLLOW_REDRAW: std::time::Duration = std::time::Duration::from_secs(1);

/// One file `--follow` reads: where it is, and which file it was.
struct Followed {
    path: std::path::PathBuf,
    file: std::fs::File,
    /// Inode and device of the open file, to notice a rotation.
    id: (u64, u64),
    read: u64,
    feeder: log_stats::Feeder,
}

impl Followed {
    fn open(
        path: &std::path::Path,
        options: &Options,
        counts: &mut Counts,
    ) -> Result<Followed, String> {
        use std::os::unix::fs::MetadataExt;
        let name = shown(&path.to_string_lossy());
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {name}: {e}"))?;
        let meta = file
            .metadata()
            .map_err(|e| format!("cannot read {name}: {e}"))?;
        if !meta.is_file() {
            return Err(format!(
                "{name}: --follow reads files, not pipes or devices"
            ));
        }
        Ok(Followed {
            path: path.to_path_buf(),
            file,
            id: (meta.dev(), meta.ino()),
            read: 0,
            feeder: log_stats::Feeder::new(options, counts),
        })
    }

    /// Counts what was added since the last call; reopens the path when
    /// it now names another file, or the file got shorter. Whether any
    /// bytes came in.
    fn poll(&mut self, options: &Options, counts: &mut Counts) -> bool {
        use std::io::Read as _;
        use std::os::unix::fs::MetadataExt;
        let mut buffer = vec![0u8; 1 << 20];
        let mut any = false;
        loop {
            match self.file.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    self.read += n as u64;
                    self.feeder.feed(&buffer[..n], counts);
                    any = true;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        let rotated = std::fs::metadata(&self.path)
            .is_ok_and(|meta| (meta.dev(), meta.ino()) != self.id || meta.len() < self.read);
        if rotated {
            if let Ok(fresh) = Followed::open(&self.path, options, counts) {
                *self = fresh;
            }
        }
        any
    }
}

/// `stats --follow`: counts what the files hold, then what is added to
/// them, showing the counts so far about once a second.
fn follow(ctx: &Context, args: &StatsArgs, options: &Options, mut counts: Counts) -> Outcome {
    if args.files.is_empty() || args.files.iter().any(|f| f.as_os_str() == "-") {
        return Err(AppError::Usage(
            "--follow reads files (httpcode stats --follow access.log), not standard input".into(),
        ));
    }
    let mut followed = Vec::new();
    for path in &args.files {
        followed.push(Followed::open(path, options, &mut counts).map_err(AppError::Usage)?);
    }
    let mut shown_at: Option<std::time::Instant> = None;
    let mut pending = true;
    loop {
        for f in &mut followed {
            pending |= f.poll(options, &mut counts);
        }
        let due = shown_at.is_none_or(|at| at.elapsed() >= FOLLOW_REDRAW);
        if pending && due {
            if ctx.stdout_is_terminal && !ctx.json {
                // Home and clear, then the summary: redrawn in place.
                let text = render::stats::render(&counts, ctx.term);
                ctx.print(&format!("\x1b[H\x1b[2J{text}"))?;
            } else {
                let mut line = serde_json::to_string(&json::stats(&counts)).unwrap_or_default();
                line.push('\n');
                ctx.print(&line)?;
            }
            shown_at = Some(std::time::Instant::now());
            pending = false;
        }
        std::thread::sleep(FOLLOW_POLL);
    }
}

/// What `stats` says before it reads a log typed or pasted into a terminal.
const READING_A_TERMINAL: &str =
    "httpcode stats: reading a log from standard input (pass a file, or pipe one in; Ctrl-D ends)";

/// Whether `stats` is about to read standard input while it is a terminal.
fn reads_a_terminal(files: &[std::path::PathBuf], stdin_is_terminal: bool) -> bool {
    stdin_is_terminal && files.iter().any(|f| f.as_os_str() == "-")
}

/// Counts one input into `counts`; on failure, what was read before the
/// error stays counted and the message says where it stopped.
fn count_file(
    ctx: &Context,
    path: &std::path::Path,
    options: &Options,
    counts: &mut Counts,
) -> Result<(), String> {
    let name = shown(&path.to_string_lossy());
    let lines_before = counts.total + counts.unparsed;
    let result = if path.as_os_str() == "-" {
        log_stats::count_maybe_gzip(&mut **ctx.stdin.borrow_mut(), options, counts)
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {name}: {e}"))?;
        log_stats::count_maybe_gzip(file, options, counts)
    };
    result.map_err(|e| {
        let lines = counts.total + counts.unparsed - lines_before;
        if lines == 0 {
            format!("cannot read {name}: {e}")
        } else {
            let lines = render::count(lines, "line", "lines");
            format!("{name}: stopped after {lines}, which are counted: {e}")
        }
    })
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;
    use std::path::PathBuf;

    use super::super::Streams;
    use super::*;

    #[test]
    fn only_a_terminal_on_stdin_gets_the_reading_hint() {
        let dash = [PathBuf::from("-")];
        let file = [PathBuf::from("access.log")];
        assert!(reads_a_terminal(&dash, true));
        assert!(!reads_a_terminal(&dash, false));
        assert!(!reads_a_terminal(&file, true));
        assert!(reads_a_terminal(&[file[0].clone(), dash[0].clone()], true));
    }

    fn stats_run(stdin_is_terminal: bool) -> (u8, String, String) {
        let mut stdin: &[u8] =
            b"1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 5\n";
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let streams = Streams {
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
            stdin_is_terminal,
            stdout_is_terminal: false,
        };
        let args = ["httpcode", "stats", "--color", "never"].map(OsString::from);
        let code = crate::app::main_in_process(args.to_vec(), streams);
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (code, text(stdout), text(stderr))
    }

    #[test]
    fn stats_says_it_reads_a_terminal_then_reads_it() {
        let (code, out, err) = stats_run(true);
        assert_eq!(code, FOUND);
        assert_eq!(err, format!("{READING_A_TERMINAL}\n"));
        assert!(out.starts_with("Requests      1\n"), "{out}");
        let (code, _, err) = stats_run(false);
        assert_eq!(code, FOUND);
        assert_eq!(err, "");
    }
}
