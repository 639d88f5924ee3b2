//! A HAR summary: requests by class, failed requests explained, redirect
//! chains, the slowest requests, what the headers said, and the platforms.

use std::fmt::Write as _;

use super::grid::{Cell, Grid};
use super::stats::thousands;
use super::{count, paint_table, Painter};
use crate::catalogue::Class;
use crate::escape::visible;
use crate::har::{Summary, FAILED_KEPT};
use crate::term::Term;

pub fn render(s: &Summary, term: Term) -> String {
    let p = Painter::new(term);
    let width = usize::from(term.width);
    let mut out = String::new();
    writeln!(out, "{}  {}", p.heading("Requests"), thousands(s.entries)).unwrap();
    let labels = ["no response", "1xx", "2xx", "3xx", "4xx", "5xx"];
    let classes: Vec<String> = labels
        .iter()
        .zip(s.classes)
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{label} {}", thousands(n)))
        .collect();
    if !classes.is_empty() {
        writeln!(out, "{}", super::wrap(&classes.join(" · "), width, "")).unwrap();
    }
    if s.failed_total > 0 {
        let shown = if s.failed_total > FAILED_KEPT as u64 {
            format!(", the first {FAILED_KEPT}")
        } else {
            String::new()
        };
        writeln!(
            out,
            "\n{}",
            p.heading(&format!("Failed: {}{shown}", thousands(s.failed_total)))
        )
        .unwrap();
        // A request a line, cut to the width; who answered and why under it.
        for f in &s.failed {
            let request = format!("{} {}", visible(&f.method), visible(&f.url));
            let code = p.class(&format!("{:03}", f.code), Class::of(f.code));
            let request = super::cut(&request, width.saturating_sub(6).max(20), false);
            writeln!(out, " {code}  {request}").unwrap();
            let mut why = f.platform.map(|p| format!("{p}: ")).unwrap_or_default();
            if let Some(e) = &f.error {
                write!(why, "{}: ", visible(e)).unwrap();
            }
            why.push_str(&f.why);
            writeln!(out, "      {}", super::wrap(&why, width, "      ")).unwrap();
        }
    }
    if s.chains_total > 0 {
        writeln!(
            out,
            "\n{}",
            p.heading(&format!("Redirect chains: {}", thousands(s.chains_total)))
        )
        .unwrap();
        for chain in &s.chains {
            let codes: Vec<String> = chain.codes.iter().map(|c| format!("{c:03}")).collect();
            let text = format!(
                "{} -> {} -> {}",
                visible(&chain.from),
                codes.join(" -> "),
                visible(&chain.to)
            );
            writeln!(out, "  {}", super::wrap(&text, width, "    ")).unwrap();
        }
    }
    if !s.slowest.is_empty() {
        writeln!(out, "\n{}", p.heading("Slowest")).unwrap();
        let mut grid = Grid::new(&["ms", "Code", "Request"]);
        for slow in &s.slowest {
            grid.add_row(vec![
                Cell::plain(thousands(slow.time_ms.round() as u64)),
                Cell::code(format!("{:03}", slow.code), Class::of(slow.code)),
                Cell::plain(format!("{} {}", visible(&slow.method), visible(&slow.url))),
            ]);
        }
        out.push_str(&paint_table(&grid, term));
    }
    if !s.findings.is_empty() {
        writeln!(out, "\n{}", p.heading("Warnings")).unwrap();
        for (id, (n, url)) in &s.findings {
            let text = format!(
                "{id}: {}, first {}",
                count(*n, "response", "responses"),
                visible(url)
            );
            writeln!(out, "  {}", super::wrap(&text, width, "    ")).unwrap();
        }
    }
    if !s.platforms.is_empty() {
        let named: Vec<String> = s
            .platforms
            .iter()
            .map(|(id, n)| format!("{id} {}", thousands(*n)))
            .collect();
        writeln!(out, "\n{}", p.heading("Platforms")).unwrap();
        writeln!(out, "  {}", super::wrap(&named.join(", "), width, "  ")).unwrap();
    }
    out
}
