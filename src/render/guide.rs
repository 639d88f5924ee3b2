//! `httpcode guide`: the topic list, and one guide as a table.

use std::fmt::Write as _;

use super::{
    grid::{Cell, Grid, Stack, Style},
    paint_table, wrap, Painter,
};
use crate::catalogue::{self, Class, Guide, TextList, GUIDES};
use crate::term::Term;

pub fn render_topics(term: Term) -> String {
    let mut table = Grid::new(&["Topic", "Guide"]);
    for g in &GUIDES {
        table.add_row(vec![g.id.get().into(), g.title.get().into()]);
    }
    let table = paint_table(&table, term);
    format!("{table}\nShow one with: httpcode guide TOPIC\n")
}

pub fn render(guide: &Guide, term: Term) -> String {
    let p = Painter::new(term);
    // The table takes the whole width; the intro and notes are prose.
    let width = term.prose_width();
    let mut out = String::new();
    writeln!(out, "{}", p.heading(&guide.title)).unwrap();
    writeln!(out, "{}\n", wrap(&guide.intro, width, "")).unwrap();
    // Stacked, each row's codes name it and its other cells follow as
    // `Retry? Yes`, rather than running on after the codes.
    let mut table = Grid::new(&guide.columns.to_vec()).stack_as(Stack::Labelled);
    for row in guide.rows.iter() {
        let mut cells = row.cells.iter();
        let line: Vec<Cell> = guide
            .columns
            .iter()
            .map(|column| {
                if column == "Code" {
                    codes_cell(&row.codes, &row.sources)
                } else {
                    cells.next().unwrap_or("").into()
                }
            })
            .collect();
        table.add_row(line);
    }
    out.push_str(&paint_table(&table, term));
    for note in guide.notes.iter() {
        writeln!(out, "\n{}", wrap(note, width, "")).unwrap();
    }
    out
}

/// `429 Too Many Requests`, one code per line, each code in its colour,
/// named as the row's source names it (SSL Labs' 529, not Anthropic's).
fn codes_cell(codes: &[u16], sources: &TextList) -> Cell {
    let mut cell = Cell::default();
    for (i, &code) in codes.iter().enumerate() {
        if i > 0 {
            cell.push("\n", Style::Plain);
        }
        cell.push(&format!("{code:03}"), Style::Code(Class::of(code)));
        let of_source = catalogue::lookup(code, None)
            .iter()
            .find(|e| sources.iter().any(|s| s == e.source().id.get()))
            .map(|e| e.name.get());
        if let Some(name) = of_source.or_else(|| catalogue::primary_name(code)) {
            cell.push(&format!(" {name}"), Style::Plain);
        }
    }
    cell
}
