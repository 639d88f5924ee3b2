//! Statuses read from stdin: a redirect chain hop by hop, or a column of codes.

use std::fmt::Write as _;

use super::{grid::Grid, paint_table, Painter};
use crate::stdin::Hop;
use crate::table;
use crate::term::Term;

pub fn render(hops: &[Hop], term: Term) -> String {
    let mut table = Grid::new(&["#", "Code", "Name", "Then"]);
    for (i, hop) in hops.iter().enumerate() {
        let name = table::primary_name(hop.code).unwrap_or("(unknown code)");
        let then = match (&hop.location, &hop.retry_after) {
            (Some(location), _) => format!("-> {location}"),
            (None, Some(wait)) => format!("Retry-After: {wait}"),
            (None, None) if i + 1 == hops.len() => "final".to_string(),
            (None, None) => String::new(),
        };
        table.add_row(vec![
            (i + 1).to_string(),
            format!("{:03}", hop.code),
            name.to_string(),
            then,
        ]);
    }
    let mut out = String::new();
    let p = Painter::new(term);
    if hops.len() > 1 && hops.iter().any(|h| h.location.is_some()) {
        writeln!(
            out,
            "{}",
            p.heading(&format!("Redirect chain, {} responses", hops.len()))
        )
        .unwrap();
    }
    out.push_str(&paint_table(&table, term, &[]));
    out
}
