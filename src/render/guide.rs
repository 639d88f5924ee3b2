//! `httpcode guide`: the topic list, and one guide as a table.

use std::fmt::Write as _;

use comfy_table::Cell;

use super::{new_table, wrap, Painter};
use crate::table::{self, Class, Guide, GUIDES};
use crate::term::Term;

pub fn render_topics(term: Term) -> String {
    let p = Painter::new(term);
    let mut table = new_table(term, &["Topic", "Guide"], p);
    for g in GUIDES {
        table.add_row(vec![Cell::new(p.heading(g.id)), Cell::new(g.title)]);
    }
    format!("{table}\nShow one with: httpcode guide TOPIC\n")
}

pub fn render(guide: &Guide, term: Term) -> String {
    let p = Painter::new(term);
    let width = usize::from(term.width);
    let mut out = String::new();
    writeln!(out, "{}", p.heading(guide.title)).unwrap();
    writeln!(out, "{}\n", wrap(guide.intro, width, "")).unwrap();
    let mut table = new_table(term, guide.columns, p);
    for row in guide.rows {
        let mut cells = row.cells.iter();
        let line: Vec<Cell> = guide
            .columns
            .iter()
            .map(|column| {
                if *column == "Code" {
                    Cell::new(codes_cell(row.codes, p))
                } else {
                    Cell::new(cells.next().copied().unwrap_or(""))
                }
            })
            .collect();
        table.add_row(line);
    }
    writeln!(out, "{table}").unwrap();
    for note in guide.notes {
        writeln!(out, "\n{}", wrap(note, width, "")).unwrap();
    }
    out
}

/// `429 Too Many Requests`, one code per line.
fn codes_cell(codes: &[u16], p: Painter) -> String {
    codes
        .iter()
        .map(|&c| {
            let name = table::primary_name(c).unwrap_or("");
            format!("{} {name}", p.class(&format!("{c:03}"), Class::of(c)))
        })
        .collect::<Vec<_>>()
        .join("\n")
}
