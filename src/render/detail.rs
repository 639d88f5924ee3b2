//! The detail view of one entry: everything we know about a code.

use std::fmt::Write as _;

use super::{wrap, wrap_code, Painter};
use crate::catalogue::{self, Entry, TextList};
use crate::cli::Lang;
use crate::lang;
use crate::schema::EntryStatus;
use crate::term::Term;

/// Width of the label column in key/value lines.
pub(super) const LABEL: usize = 15;

/// Options the detail view honours.
#[derive(Debug, Clone, Copy)]
pub struct DetailOptions {
    pub show_example: bool,
    /// The card of one screen: `--short`.
    pub short: bool,
}

/// The most causes and actions of each kind the short card keeps; fewer
/// when they would not fit one screen.
const SHORT_ITEMS: usize = 3;
/// Lines of a screen the short card fills at most, leaving the prompt's.
const SHORT_LINES: usize = 23;

/// What the reader needs first comes first, so the first 24 lines at 80
/// columns hold the name, summary, class and source, whether to retry, and
/// the start of the causes and of what to do. The long tails (the prose,
/// facts, language constants, gRPC, the raw example) follow.
pub fn render(entry: &Entry, term: Term, options: DetailOptions) -> String {
    if options.short {
        return short(entry, term);
    }
    let p = Painter::new(term);
    let width = term.prose_width();
    let mut out = String::with_capacity(4096);
    first_screen(&mut out, entry, p, width, usize::MAX);
    writeln!(out, "\n{}", p.heading("About")).unwrap();
    writeln!(out, "  {}", wrap(entry.description.get(), width, "  ")).unwrap();
    section(
        &mut out,
        p,
        width,
        "Where you see it",
        entry.seen.as_deref(),
    );
    section(
        &mut out,
        p,
        width,
        "When to send it",
        entry.use_when.as_deref(),
    );
    facts(&mut out, p, width, entry);
    in_code(&mut out, p, width, entry);
    if entry.substatus.is_none() {
        if let Some(text) = grpc_text(entry.code) {
            writeln!(out, "\n{}", p.heading("gRPC")).unwrap();
            writeln!(out, "  {}", wrap(&text, width, "  ")).unwrap();
        }
    }
    if options.show_example {
        example(&mut out, p, width, entry);
    }
    out
}

/// Name, summary, class and source, retry, then causes and actions, at
/// most `keep` of each.
fn first_screen(out: &mut String, entry: &Entry, p: Painter, width: usize, keep: usize) {
    header(out, entry, p, width);
    retry(out, p, width, entry);
    bullets(out, p, width, "Common causes", entry.causes, keep);
    actions(out, p, width, entry, keep);
}

/// The card of one screen: the first screen with as many of the causes and
/// actions as fit, and the command for the whole view.
fn short(entry: &Entry, term: Term) -> String {
    let p = Painter::new(term);
    let width = term.prose_width();
    let mut more = format!("More: httpcode {}", entry.code_label());
    if catalogue::lookup(entry.code, entry.substatus).len() > 1 {
        more.push_str(" --source ");
        more.push_str(&entry.source().id);
    }
    let mut card = String::new();
    for keep in (1..=SHORT_ITEMS).rev() {
        card.clear();
        first_screen(&mut card, entry, p, width, keep);
        writeln!(card, "\n{}", p.dim(&wrap(&more, width, "      "))).unwrap();
        if card.lines().count() <= SHORT_LINES {
            break;
        }
    }
    card
}

/// For a code with several meanings, one line naming them all in the
/// order the views follow (`499: nginx Client Closed Request · ...`), then a
/// blank line. `None` for a code with one meaning.
pub fn meanings(entries: &[&Entry], term: Term) -> Option<String> {
    let first = entries.first()?;
    if entries.len() < 2 {
        return None;
    }
    let p = Painter::new(term);
    let names: Vec<String> = entries
        .iter()
        .map(|e| format!("{} {}", e.source().name, e.name.get()))
        .collect();
    let label = first.code_label();
    let line = format!("{label}: {}", names.join(" · "));
    let wrapped = wrap(&line, term.prose_width(), "  ");
    let rest = wrapped.strip_prefix(label.as_str()).unwrap_or(&wrapped);
    Some(format!(
        "{}{}\n\n",
        p.class(&label, first.class()),
        p.heading(rest)
    ))
}

fn header(out: &mut String, e: &Entry, p: Painter, width: usize) {
    let class = e.class();
    let source = if e.official() {
        "IANA".to_string()
    } else {
        format!("{} (unofficial)", e.source().name)
    };
    // Wrap the plain text, then paint: escapes must not count as width.
    let plain = format!("{} {} · {source}", e.code_label(), e.name.get());
    let wrapped = wrap(&plain, width, "    ");
    let (first, rest) = wrapped.split_once('\n').unwrap_or((&wrapped, ""));
    let label = e.code_label();
    let after_code = first.strip_prefix(label.as_str()).unwrap_or(first);
    writeln!(out, "{}{}", p.class(&label, class), p.heading(after_code)).unwrap();
    if !rest.is_empty() {
        writeln!(out, "{}", p.dim(rest)).unwrap();
    }
    writeln!(out, "{}", wrap(e.summary.get(), width, "")).unwrap();
    let mut meta = vec![format!("{} {}", class.label(), class.title())];
    meta.extend(e.reference.as_deref().map(str::to_string));
    meta.push(match e.status {
        EntryStatus::Unverified => "unverified (secondary lists only)".to_string(),
        status => status.as_str().to_string(),
    });
    writeln!(out, "{}", p.dim(&wrap(&meta.join(" · "), width, ""))).unwrap();
}

/// A label and its value, the value wrapped under itself.
pub(super) fn fact(out: &mut String, p: Painter, width: usize, label: &str, value: &str) {
    let pad = " ".repeat(LABEL.saturating_sub(label.len()));
    let value = wrap(value, width, &" ".repeat(LABEL));
    writeln!(out, "{}{pad}{value}", p.heading(label)).unwrap();
}

/// Whether to retry: the first thing a script or an on-call engineer asks.
fn retry(out: &mut String, p: Painter, width: usize, e: &Entry) {
    let answer = if e.retryable { "Yes" } else { "No" };
    fact(
        out,
        p,
        width,
        "Safe to retry",
        &format!("{answer}. {}", e.retry_note.get()),
    );
}

fn section(out: &mut String, p: Painter, width: usize, title: &str, text: Option<&str>) {
    if let Some(text) = text {
        writeln!(out, "\n{}", p.heading(title)).unwrap();
        writeln!(out, "  {}", wrap(text, width, "  ")).unwrap();
    }
}

fn bullets(out: &mut String, p: Painter, width: usize, title: &str, items: TextList, keep: usize) {
    writeln!(out, "\n{}", p.heading(title)).unwrap();
    bullet_list(out, width, "  ", items, keep);
}

fn bullet_list(out: &mut String, width: usize, indent: &str, items: TextList, keep: usize) {
    let hanging = format!("{indent}  ");
    for item in items.iter().take(keep) {
        writeln!(out, "{indent}- {}", wrap(item, width, &hanging)).unwrap();
    }
}

fn actions(out: &mut String, p: Painter, width: usize, e: &Entry, keep: usize) {
    writeln!(out, "\n{}", p.heading("What to do")).unwrap();
    writeln!(out, "  {}", p.dim("As the client:")).unwrap();
    bullet_list(out, width, "    ", e.actions.client, keep);
    writeln!(out, "  {}", p.dim("As the server owner:")).unwrap();
    bullet_list(out, width, "    ", e.actions.server, keep);
}

fn facts(out: &mut String, p: Painter, width: usize, e: &Entry) {
    writeln!(out).unwrap();
    let mut line = |label: &str, value: &str| fact(out, p, width, label, value);
    let headers = catalogue::headers_for(e);
    if !headers.is_empty() {
        line("Headers", &headers.join(", "));
    }
    let cacheable = if e.cacheable {
        format!("yes, by default ({})", e.cacheable_by())
    } else {
        "no, unless Cache-Control or Expires says so".to_string()
    };
    line("Cacheable", &cacheable);
    if let Some(r) = e.redirect {
        line("Redirect", &r.text());
    }
    if !e.aliases.is_empty() {
        line("Also called", &e.aliases.join("; "));
    }
    if !e.related.as_slice().is_empty() {
        let related: Vec<String> = e
            .related
            .iter()
            .map(|&c| catalogue::code_and_name(c))
            .collect();
        line("Confused with", &related.join(" · "));
    }
    let guides: Vec<&str> = if e.substatus.is_none() {
        catalogue::guides_mentioning(e)
            .map(|g| g.id.get())
            .collect()
    } else {
        Vec::new()
    };
    match guides.as_slice() {
        [] => {}
        [one] => line("Guides", &format!("httpcode guide {one}")),
        many => line(
            "Guides",
            &format!("{} (httpcode guide TOPIC)", many.join(", ")),
        ),
    }
    // Client code is written for the registered meaning of a code.
    if e.official() && e.substatus.is_none() {
        let langs: Vec<&str> = catalogue::snippets_for(e.code)
            .iter()
            .map(|s| s.lang.get())
            .collect();
        if !langs.is_empty() {
            let code = e.code_label();
            line(
                "Snippets",
                &format!("httpcode {code} --snippet {}", langs.join("|")),
            );
        }
    }
    link(out, p, width, &e.url);
}

/// The documentation link, never cut: beside its label when it fits, else
/// alone on the next line, where a terminal can still open it whole.
pub(super) fn link(out: &mut String, p: Painter, width: usize, url: &str) {
    let label = "Docs";
    if LABEL + url.chars().count() <= width {
        let pad = " ".repeat(LABEL - label.len());
        writeln!(out, "{}{pad}{url}", p.heading(label)).unwrap();
    } else {
        writeln!(out, "{}\n{url}", p.heading(label)).unwrap();
    }
}

/// The gRPC codes grpc-gateway maps to this status, and how a gRPC client
/// reads the status when it arrives without grpc-status.
fn grpc_text(code: u16) -> Option<String> {
    let from: Vec<String> = catalogue::grpc_codes_for(code)
        .map(|g| format!("{} ({})", g.name, g.code))
        .collect();
    let read_as = catalogue::grpc_read_as(code);
    let reads = format!(
        "a gRPC client reads {code:03} without grpc-status as {} ({})",
        read_as.name, read_as.code
    );
    if !from.is_empty() {
        Some(format!(
            "grpc-gateway sends {code:03} for {}; {reads}",
            from.join(", ")
        ))
    } else if read_as.code != 2 {
        Some(reads)
    } else {
        None
    }
}

/// "In code": the names languages give the code, where they define it.
fn in_code(out: &mut String, p: Painter, width: usize, e: &Entry) {
    let Some(constants) = catalogue::constants(e.code) else {
        return;
    };
    let langs: Vec<(Lang, String)> = lang::ALL
        .iter()
        .filter(|l| lang::applies(e, **l))
        .filter_map(|l| lang::expression(constants, *l).map(|x| (*l, x)))
        .collect();
    if langs.is_empty() {
        return;
    }
    writeln!(out, "\n{}", p.heading("In code")).unwrap();
    for (l, expression) in langs {
        if 2 + 15 + expression.chars().count() <= width {
            writeln!(out, "  {:<15}{expression}", l.label()).unwrap();
        } else {
            // Narrow terminal: the expression on a line of its own.
            writeln!(
                out,
                "  {}\n    {}",
                l.label(),
                wrap_code(&expression, width, "      ")
            )
            .unwrap();
        }
    }
}

fn example(out: &mut String, p: Painter, width: usize, e: &Entry) {
    if let Some(example) = e.example.as_deref() {
        writeln!(out, "\n{}", p.heading("Example")).unwrap();
        for row in example.lines() {
            if row.is_empty() {
                out.push('\n');
            } else {
                writeln!(out, "  {}", p.dim(&wrap_code(row, width, "      "))).unwrap();
            }
        }
    }
}

/// The IIS sub-statuses listed under their parent code.
pub fn render_substatuses(code: u16, term: Term) -> Option<String> {
    let p = Painter::new(term);
    let subs = catalogue::substatuses(code);
    if subs.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(subs.len() * 64);
    let width = usize::from(term.width);
    let title = format!("Microsoft IIS sub-statuses of {code:03} (httpcode {code:03}.N)");
    writeln!(out, "{}", p.heading(&wrap(&title, width, ""))).unwrap();
    let labels: Vec<String> = subs.iter().map(Entry::code_label).collect();
    let label_width = labels.iter().map(String::len).max().unwrap_or(0);
    let indent = " ".repeat(label_width + 4);
    for (s, label) in subs.iter().zip(&labels) {
        out.push_str("  ");
        out.push_str(&p.class(label, s.class()));
        out.extend(std::iter::repeat_n(' ', label_width - label.len() + 2));
        out.push_str(&wrap(s.name.get(), width, &indent));
        out.push('\n');
    }
    Some(out)
}
