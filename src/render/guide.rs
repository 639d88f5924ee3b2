//! `httpcode guide`: the topic list, and one guide as a table.

use std::fmt::Write as _;

use super::{grid::Grid, paint_table, wrap, Painter};
use crate::table::{self, Guide, GUIDES};
use crate::term::Term;

pub fn render_topics(term: Term) -> String {
    let mut table = Grid::new(&["Topic", "Guide"]);
    for g in GUIDES {
        table.add_row(vec![g.id.to_string(), g.title.to_string()]);
    }
    let table = paint_table(&table, term, &[]);
    format!("{table}\nShow one with: httpcode guide TOPIC\n")
}

pub fn render(guide: &Guide, term: Term) -> String {
    let p = Painter::new(term);
    let width = usize::from(term.width);
    let mut out = String::new();
    writeln!(out, "{}", p.heading(guide.title)).unwrap();
    writeln!(out, "{}\n", wrap(guide.intro, width, "")).unwrap();
    let mut table = Grid::new(guide.columns);
    for row in guide.rows {
        let mut cells = row.cells.iter();
        let line: Vec<String> = guide
            .columns
            .iter()
            .map(|column| {
                if *column == "Code" {
                    codes_cell(row.codes).to_string()
                } else {
                    (cells.next().copied().unwrap_or("")).to_string()
                }
            })
            .collect();
        table.add_row(line);
    }
    out.push_str(&paint_table(&table, term, &[]));
    for note in guide.notes {
        writeln!(out, "\n{}", wrap(note, width, "")).unwrap();
    }
    out
}

/// `429 Too Many Requests`, one code per line.
fn codes_cell(codes: &[u16]) -> String {
    codes
        .iter()
        .map(|&c| table::code_and_name(c))
        .collect::<Vec<_>>()
        .join("\n")
}
