//! `httpcode sources`: who defines the codes, how many entries each has.

use std::fmt::Write as _;

use super::{grid::Grid, paint_table, wrap};
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
    let mut out = String::new();
    let intro = format!(
        "{} entries from {} sources. IANA entries follow the registry as updated on {IANA_SNAPSHOT}.",
        ENTRIES.len(),
        SOURCES.len()
    );
    writeln!(out, "{}\n", wrap(&intro, usize::from(term.width), "")).unwrap();
    let mut table = Grid::new(&["Source", "Entries", "Facts checked against"]);
    for (source, count) in counts() {
        let name = format!("{}\n--source {}", source.name, source.id);
        table.add_row(vec![
            name.to_string(),
            count.to_string(),
            source.facts.to_string(),
        ]);
    }
    out.push_str(&paint_table(&table, term, &[]));
    out
}
