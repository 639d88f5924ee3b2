//! Statuses read from stdin: a redirect chain hop by hop, or a column of codes.

use std::fmt::Write as _;

use super::{
    grid::{Cell, Grid, Style},
    paint_table, Painter,
};
use crate::catalogue::Class;
use crate::escape::visible;
use crate::hops::Hop;
use crate::term::Term;

/// The hops as a table. `before` hops were printed in earlier batches:
/// then the numbering goes on and there is no heading or header line.
/// `name` gives each code's name; `more_follow` says the input goes on past
/// these hops, so the last one shown is not final.
pub fn render(
    hops: &[Hop],
    before: usize,
    term: Term,
    name: &dyn Fn(u16) -> Option<&'static str>,
    more_follow: bool,
) -> String {
    let mut grid = Grid::new(&["#", "Code", "Name", "Then"]);
    for (i, hop) in hops.iter().enumerate() {
        // Header values come from a server: never let them reach the terminal raw.
        // Painted as what they are: a URL and a wait, never as codes.
        let then = match (hop.location(), hop.retry_after()) {
            (Some(location), _) => Cell::plain(format!("-> {}", visible(location))),
            (None, Some(wait)) => Cell::plain(format!("Retry-After: {}", visible(wait))),
            (None, None) if i + 1 == hops.len() && !more_follow => Cell::new("final", Style::Dim),
            (None, None) => Cell::default(),
        };
        let name = match name(hop.code) {
            Some(name) => Cell::plain(name),
            None => Cell::new("(unknown code)", Style::Dim),
        };
        grid.add_row(vec![
            (before + i + 1).to_string().into(),
            Cell::code(format!("{:03}", hop.code), Class::of(hop.code)),
            name,
            then,
        ]);
    }
    let mut out = String::new();
    let p = Painter::new(term);
    let table = paint_table(&grid, term);
    if before > 0 {
        // A later batch: the header line and its rule were printed already.
        let (_, header) = grid.layout(term.width);
        let skip = if header { 2 } else { 0 };
        for line in table.lines().skip(skip) {
            out.push_str(line);
            out.push('\n');
        }
        return out;
    }
    if hops.len() > 1 && hops.iter().any(|h| h.location().is_some()) {
        writeln!(
            out,
            "{}",
            p.heading(&if more_follow {
                "Redirect chain".to_string()
            } else {
                format!("Redirect chain, {} responses", hops.len())
            })
        )
        .unwrap();
    }
    out.push_str(&table);
    out
}
