//! `httpcode compare`: the codes side by side, then the key difference.

use std::fmt::Write as _;

use super::{
    grid::{Cell, Grid, Stack},
    paint_table, wrap, Painter,
};
use crate::catalogue::Entry;
use crate::term::Term;

/// Columns of codes stay side by side down to this many columns of text.
const NARROWEST: usize = 12;

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

/// The attribute rows, each a label and one value per entry.
fn rows(entries: &[&Entry]) -> Vec<(&'static str, Vec<String>)> {
    let each = |f: &dyn Fn(&Entry) -> String| entries.iter().map(|e| f(e)).collect::<Vec<_>>();
    let mut rows = vec![
        ("Name", each(&|e| e.name.get().to_string())),
        (
            "Class",
            each(&|e| format!("{} {}", e.class().label(), e.class().title())),
        ),
        (
            "Source",
            each(&|e| {
                if e.official() {
                    "IANA (official)".to_string()
                } else {
                    format!("{} (unofficial)", e.source().name)
                }
            }),
        ),
        ("Meaning", each(&|e| e.summary.get().to_string())),
        ("At fault", each(&|e| e.fault().to_string())),
    ];
    if entries.iter().any(|e| e.redirect.is_some()) {
        rows.push((
            "Permanent",
            each(&|e| e.redirect.map_or("-", |r| yes_no(r.permanent)).to_string()),
        ));
        rows.push((
            "Method",
            each(&|e| e.redirect.map_or("-", |r| r.method.text()).to_string()),
        ));
    }
    rows.push(("Cacheable", each(&|e| yes_no(e.cacheable).to_string())));
    rows.push(("Safe to retry", each(&|e| yes_no(e.retryable).to_string())));
    rows.push((
        "Headers",
        each(&|e| {
            if e.headers.is_empty() {
                "-".to_string()
            } else {
                e.headers.join(", ")
            }
        }),
    ));
    if entries.iter().any(|e| e.use_when.as_deref().is_some()) {
        rows.push((
            "Use it when",
            each(&|e| e.use_when.as_deref().unwrap_or("-").to_string()),
        ));
    }
    rows
}

/// For codes of different classes with no written key difference: what
/// each class says and who is at fault.
pub fn class_difference(entries: &[&Entry]) -> Option<String> {
    let first = entries.first()?.class();
    if entries.iter().all(|e| e.class() == first) {
        return None;
    }
    let parts: Vec<String> = entries
        .iter()
        .map(|e| {
            let class = e.class();
            format!(
                "{} is {} {} (at fault: {})",
                e.code_label(),
                class.label(),
                class.title(),
                e.fault()
            )
        })
        .collect();
    Some(format!(
        "They are in different classes: {}.",
        parts.join("; ")
    ))
}

pub fn render(entries: &[&Entry], difference: Option<&str>, term: Term) -> String {
    let p = Painter::new(term);
    let mut header = vec![Cell::default()];
    header.extend(
        entries
            .iter()
            .map(|e| Cell::code(e.code_label(), e.class())),
    );
    // Four codes stay side by side at 80 columns, their cells wrapped.
    let mut table = Grid::with_header(header)
        .stack_as(Stack::Labelled)
        .narrowest(NARROWEST);
    for (label, values) in rows(entries) {
        let mut row = vec![Cell::plain(label)];
        row.extend(values.into_iter().map(Cell::from));
        table.add_row(row);
    }
    let mut out = paint_table(&table, term);
    if let Some(text) = difference {
        writeln!(out, "\n{}", p.heading("Key difference")).unwrap();
        let paragraphs: Vec<String> = text
            .split("\n\n")
            .map(|paragraph| wrap(paragraph, term.prose_width(), ""))
            .collect();
        writeln!(out, "{}", paragraphs.join("\n\n")).unwrap();
    }
    out
}
