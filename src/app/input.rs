//! Commands that read input: status lines on stdin, and `stats` over logs.

use super::lookup::lookup;
use super::lookup::{lookup_status_line, pasted_status};
use super::reference::lang_line;
use super::reference::missing_lang;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use super::USAGE;
use crate::catalogue;
use crate::catalogue::Class;
use crate::cli::StatsArgs;
use crate::cli::TimeUnit;
use crate::escape::shown;
use crate::hops;
use crate::json;
use crate::render;
use crate::stats as log_stats;
use crate::stats::Counts;
use crate::stats::Granularity;
use crate::target::Target;
use serde::Serialize;
use std::io;

#[derive(Serialize)]
struct HopJson {
    code: u16,
    name: Option<&'static str>,
    class: String,
    line: String,
    location: Option<String>,
    retry_after: Option<String>,
}

/// Hops kept before the chain table is printed: the first batch sets the
/// heading, later batches continue the numbering without a header. Each
/// batch written is also how a closed output ends an endless stream.
const WINDOW: usize = 100;

/// No arguments and a pipe on stdin: explain each status read from it, as
/// it comes. One status alone (`echo 404 | httpcode`, curl's `%{http_code}`)
/// is a lookup and prints what `httpcode 404` prints; several are a chain.
pub(super) fn from_stdin(ctx: &Context) -> Outcome {
    let mut input = ctx.stdin.borrow_mut();
    let mut printer = HopPrinter {
        ctx,
        seen: 0,
        first: None,
        items: 0,
        window: Vec::new(),
        shown: 0,
        missing_names: false,
    };
    let skipped = hops::for_each_hop(&mut **input, |hop| printer.hop(hop))?;
    if skipped > 0 {
        ctx.warn(&format!(
            "skipped {} on stdin (binary, invalid UTF-8 or over {} bytes)",
            render::count(skipped as u64, "unreadable line", "unreadable lines"),
            hops::MAX_LINE
        ));
    }
    printer.finish()
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
}

impl HopPrinter<'_, '_> {
    fn hop(&mut self, hop: hops::Hop) -> io::Result<()> {
        self.seen += 1;
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
            (None, true) => self.print_item(&json::to_string(&HopJson {
                code: hop.code,
                name: name_for(ctx, hop.code),
                class: Class::of(hop.code).label(),
                line: hop.line,
                location: hop.location,
                retry_after: hop.retry_after,
            })),
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
    let field = args.field.map(usize::from);
    let mut counts = match args.by {
        Some(TimeUnit::Hour) => Counts::with_buckets(Granularity::Hour, args.tz),
        Some(TimeUnit::Minute) => Counts::with_buckets(Granularity::Minute, args.tz),
        None => Counts::default(),
    };
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
        if let Err(why) = count_file(ctx, path, field, &mut counts) {
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
    field: Option<usize>,
    counts: &mut Counts,
) -> Result<(), String> {
    let name = shown(&path.to_string_lossy());
    let lines_before = counts.total + counts.unparsed;
    let result = if path.as_os_str() == "-" {
        log_stats::count_maybe_gzip(&mut **ctx.stdin.borrow_mut(), field, counts)
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {name}: {e}"))?;
        log_stats::count_maybe_gzip(file, field, counts)
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
