//! Commands that read input: status lines on stdin, and `stats` over logs.

use super::*;

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
pub(super) fn from_stdin(ctx: &Context) -> Outcome {
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
