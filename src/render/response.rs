//! A response explained, as a short block per hop: who sent it, what the
//! code means there, and what its headers say; then the chain.

use std::fmt::Write as _;

use super::detail::{fact, LABEL};
use super::{wrap, Painter};
use crate::catalogue::Class;
use crate::escape::visible;
use crate::explain::{Explained, Level};
use crate::hops::Hop;
use crate::term::Term;

/// One hop's block; `number` counts from 1.
pub fn hop(number: usize, hop: &Hop, e: &Explained, term: Term) -> String {
    let p = Painter::new(term);
    let width = usize::from(term.width);
    let mut out = String::new();
    let class = Class::of(hop.code);
    let name = e.entry.map_or("(unknown code)", |x| x.name.get());
    writeln!(
        out,
        "{}  {}  {}",
        p.heading(&number.to_string()),
        p.class(&format!("{:03}", hop.code), class),
        p.highlight(name)
    )
    .unwrap();
    writeln!(out, "{}", p.dim(&visible(&hop.line))).unwrap();
    match e.platforms.first() {
        Some(seen) => {
            let told: Vec<String> = seen
                .evidence
                .iter()
                .filter(|ev| ev.strong)
                .take(2)
                .map(|ev| format!("{}: {}", visible(&ev.header), visible(&cut(&ev.value))))
                .collect();
            let by = format!(
                "{} ({}), from {}",
                seen.platform.name.get(),
                seen.platform.kind.get(),
                told.join("; ")
            );
            fact(&mut out, p, width, "Sent by", &by);
            let behind: Vec<&str> = e.platforms[1..]
                .iter()
                .map(|s| s.platform.name.get())
                .collect();
            if !behind.is_empty() {
                fact(&mut out, p, width, "Also seen", &behind.join(", "));
            }
        }
        None => fact(
            &mut out,
            p,
            width,
            "Sent by",
            "unknown: no header names a platform",
        ),
    }
    // Header values come from a server: shown escaped, never raw.
    if let Some(location) = hop.location() {
        fact(&mut out, p, width, "Location", &visible(location));
    }
    if let Some(wait) = hop.retry_after() {
        fact(&mut out, p, width, "Retry-After", &visible(wait));
    }
    if let Some(entry) = e.entry {
        let code = match entry.substatus {
            Some(sub) => format!("{}.{sub}", hop.code),
            None => hop.code.to_string(),
        };
        let whose = if e.vendor {
            format!(
                "{code} {} ({}): ",
                entry.name.get(),
                entry.source().name.get()
            )
        } else {
            String::new()
        };
        fact(
            &mut out,
            p,
            width,
            "Means",
            &format!("{whose}{}", entry.summary.get()),
        );
    }
    if let Some(note) = e.note {
        fact(&mut out, p, width, "Usually", note);
    }
    if let Some(cf) = e.cloudflare {
        let status = match cf.status {
            Some(s) => format!(", HTTP {s} ({})", cf.status_basis.get()),
            None => String::new(),
        };
        let label = format!("Error {}", cf.code);
        let text = format!(
            "{}{status}. {} {}",
            cf.name.get(),
            cf.meaning.get(),
            cf.action.get()
        );
        fact(&mut out, p, width, &label, &text);
    }
    if hop.code >= 400 {
        if let Some(platform) = e.platform() {
            fact(&mut out, p, width, "Look next", platform.errors.get());
        }
    }
    let indent = " ".repeat(LABEL + 5);
    for (i, f) in e.findings.iter().enumerate() {
        let label = if i == 0 { "Findings" } else { "" };
        let level = match f.level {
            Level::Ok => p.dim("ok  "),
            Level::Warn => p.alert("warn"),
        };
        let text = wrap(&format!("{} ({})", f.text, f.basis), width, &indent);
        let pad = " ".repeat(LABEL - label.len());
        let label = if label.is_empty() {
            String::new()
        } else {
            p.heading(label)
        };
        writeln!(out, "{label}{pad}{level} {text}").unwrap();
    }
    out
}

/// One line (`--short`): code, name, the platform, and the warnings.
pub fn short(hop: &Hop, e: &Explained, term: Term) -> String {
    let p = Painter::new(term);
    let name = e.entry.map_or("(unknown code)", |x| x.name.get());
    let platform = e.platform().map_or("unknown platform", |p| p.name.get());
    let warnings: Vec<&str> = e
        .findings
        .iter()
        .filter(|f| f.level == Level::Warn)
        .map(|f| f.id)
        .collect();
    let warn = if warnings.is_empty() {
        String::new()
    } else {
        format!(" · {}", p.alert(&format!("warn {}", warnings.join(", "))))
    };
    format!(
        "{} {name} · {platform}{warn}\n",
        p.class(&format!("{:03}", hop.code), Class::of(hop.code))
    )
}

/// `301 -> 308 -> 200`: the first codes of the chain, and how many more.
pub fn chain(codes: &[u16], total: usize, term: Term) -> String {
    let p = Painter::new(term);
    let mut parts: Vec<String> = codes.iter().map(|c| format!("{c:03}")).collect();
    if total > codes.len() {
        parts.push(format!("... {} more", total - codes.len()));
    }
    let indent = " ".repeat(LABEL);
    let text = wrap(&parts.join(" -> "), usize::from(term.width), &indent);
    let pad = " ".repeat(LABEL - "Chain".len());
    format!("{}{pad}{text}\n", p.heading("Chain"))
}

/// A header value shown in a line: at most 60 characters.
fn cut(value: &str) -> String {
    super::cut(value, 60, false)
}
