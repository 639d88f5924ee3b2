//! `httpcode sources`: who defines the codes, how many entries each has.

use std::fmt::Write as _;

use super::{grid::Grid, paint_table, wrap};
use crate::catalogue::{self, Source, IANA_SNAPSHOT, SOURCES};
use crate::term::Term;

pub fn render(term: Term, only: Option<&Source>) -> String {
    let mut out = String::new();
    let counts = catalogue::entry_counts(only);
    let entries: usize = counts.iter().map(|(_, n)| n).sum();
    let from = match only {
        Some(source) => source.name.to_string(),
        None => format!("{} sources", SOURCES.len()),
    };
    let mut intro = format!(
        "{} from {from}.",
        super::count(entries as u64, "entry", "entries")
    );
    if only.is_none_or(|s| s.id == "iana") {
        intro.push_str(&format!(
            " IANA entries follow the registry as updated on {IANA_SNAPSHOT}."
        ));
    }
    writeln!(out, "{}\n", wrap(&intro, term.prose_width(), "")).unwrap();
    let mut table = Grid::new(&["Source", "Entries", "Facts checked against"]);
    for (source, count) in counts {
        let name = format!("{}\n--source {}", source.name, source.id);
        table.add_row(vec![
            name.into(),
            count.to_string().into(),
            source.facts.get().into(),
        ]);
    }
    out.push_str(&paint_table(&table, term));
    out
}
