//! `httpcode sources`: who defines the codes, how many entries each has.

use std::fmt::Write as _;

use comfy_table::{Cell, CellAlignment};

use super::{new_table, wrap, Painter};
use crate::table::{Source, ENTRIES, IANA_SNAPSHOT, SOURCES};
use crate::term::Term;

/// Entries per source, in the order `data/sources.json` lists them.
pub fn counts() -> Vec<(&'static Source, usize)> {
    SOURCES
        .iter()
        .map(|s| (s, ENTRIES.iter().filter(|e| e.source().id == s.id).count()))
        .collect()
}

pub fn render(term: Term) -> String {
    let p = Painter::new(term);
    let mut out = String::new();
    let intro = format!(
        "{} entries from {} sources. IANA entries follow the registry as updated on {IANA_SNAPSHOT}.",
        ENTRIES.len(),
        SOURCES.len()
    );
    writeln!(out, "{}\n", wrap(&intro, usize::from(term.width), "")).unwrap();
    let mut table = new_table(term, &["Source", "Entries", "Facts checked against"], p);
    for (source, count) in counts() {
        let name = format!("{}\n{}", source.name, p.dim(&format!("--source {}", source.id)));
        table.add_row(vec![
            Cell::new(name),
            Cell::new(count).set_alignment(CellAlignment::Right),
            Cell::new(source.facts),
        ]);
    }
    writeln!(out, "{table}").unwrap();
    out
}
