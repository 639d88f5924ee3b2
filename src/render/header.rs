//! `httpcode header`: the list of headers, and one header's view.

use std::fmt::Write as _;

use super::detail::{fact, link};
use super::{
    grid::{Cell, Grid},
    paint_table, wrap, Painter,
};
use crate::catalogue::{self, Header, HEADERS};
use crate::term::Term;

pub fn render_list(term: Term) -> String {
    let mut table = Grid::new(&["Header", "Codes", "Summary"]);
    for h in &HEADERS {
        let codes: Vec<String> = h.codes.iter().map(|c| format!("{c:03}")).collect();
        table.add_row(vec![
            h.name.get().into(),
            Cell::plain(codes.join(" ")),
            h.summary.get().into(),
        ]);
    }
    let table = paint_table(&table, term);
    format!("{table}\nShow one with: httpcode header NAME\n")
}

pub fn render(h: &Header, term: Term) -> String {
    let p = Painter::new(term);
    let width = term.prose_width();
    let mut out = String::with_capacity(2048);
    writeln!(
        out,
        "{}",
        p.heading(&wrap(&format!("{} · header", h.name), width, "    "))
    )
    .unwrap();
    writeln!(out, "{}", wrap(&h.summary, width, "")).unwrap();
    let meta = format!("{} · {}", h.reference, h.status.as_str());
    writeln!(out, "{}\n", p.dim(&wrap(&meta, width, ""))).unwrap();
    fact(&mut out, p, width, "Syntax", &h.syntax);
    fact(&mut out, p, width, "Example", &h.example);
    fact(&mut out, p, width, "Sent by", &h.sent_by.join(", "));
    if !h.codes.is_empty() {
        let codes: Vec<String> = h
            .codes
            .iter()
            .map(|&c| catalogue::code_and_name(c))
            .collect();
        fact(&mut out, p, width, "Codes", &codes.join(", "));
    }
    writeln!(out, "\n{}", p.heading("About")).unwrap();
    writeln!(out, "  {}\n", wrap(&h.description, width, "  ")).unwrap();
    if !h.related.is_empty() {
        fact(&mut out, p, width, "Related", &h.related.join(", "));
    }
    if !h.aliases.is_empty() {
        fact(&mut out, p, width, "Also called", &h.aliases.join("; "));
    }
    let guides: Vec<&str> = catalogue::guides_naming(h).map(|g| g.id.get()).collect();
    match guides.as_slice() {
        [] => {}
        [one] => fact(
            &mut out,
            p,
            width,
            "Guides",
            &format!("httpcode guide {one}"),
        ),
        many => fact(
            &mut out,
            p,
            width,
            "Guides",
            &format!("{} (httpcode guide TOPIC)", many.join(", ")),
        ),
    }
    link(&mut out, p, width, &h.url);
    out
}
