//! Class summaries (`httpcode 4xx`), pattern and range results, and `list`.

use std::fmt::Write as _;

use super::{
    grid::{Cell, Grid, Style},
    paint_table, wrap, Painter,
};
use crate::catalogue::{Class, Entry};
use crate::term::Term;

/// The heading of a whole-class view: what the class means, who is at fault.
pub fn class_intro(class: Class, term: Term) -> String {
    let p = Painter::new(term);
    let width = term.prose_width();
    let mut out = String::new();
    let title = format!("{} {}", class.label(), class.title());
    writeln!(out, "{}", p.class(&title, class)).unwrap();
    writeln!(out, "{}", wrap(class.meaning(), width, "")).unwrap();
    let fault = format!("Who is at fault: {}.", class.fault());
    writeln!(out, "{}", wrap(&fault, width, "")).unwrap();
    if !class.is_standard() {
        writeln!(
            out,
            "{}",
            wrap("HTTP defines classes 1xx to 5xx only.", width, "")
        )
        .unwrap();
    }
    out
}

/// One row per entry: code, name (with its source when unofficial), summary.
pub fn entry_table(entries: &[&Entry], term: Term) -> String {
    let mut table = Grid::new(&["Code", "Name", "Summary"]);
    for e in entries {
        let mut name = Cell::plain(e.name.get());
        if !e.official() {
            name.push(
                &format!("\n({}, unofficial)", e.source().name),
                Style::Plain,
            );
        }
        table.add_row(vec![
            Cell::code(e.code_label(), e.class()),
            name,
            e.summary.get().into(),
        ]);
    }
    paint_table(&table, term)
}

/// A note under a class table about the sub-statuses it leaves out.
pub fn substatus_note(count: usize, term: Term) -> Option<String> {
    (count > 0).then(|| {
        let text = format!(
            "Plus {count} Microsoft IIS sub-statuses, shown with their parent code (httpcode 404) or alone (httpcode 404.3)."
        );
        format!("{}\n", Painter::new(term).dim(&wrap(&text, term.prose_width(), "")))
    })
}
