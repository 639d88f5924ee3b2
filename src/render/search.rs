//! Search results: code (or the word header or guide), name, source and a
//! snippet with the matched words highlighted.

use super::{
    grid::{Cell, Grid, Style},
    paint_table,
};
use crate::catalogue::{Entry, Guide, Header, HeaderStatus, Text};
use crate::search::{Hit, Match};
use crate::term::Term;

/// Longest snippet, in characters, before it is cut with an ellipsis.
const SNIPPET_CHARS: usize = 90;

pub fn render(results: &[Match], term: Term) -> String {
    let mut table = Grid::new(&["Code", "Name", "Source", "Why it matched"]);
    // Every result's matched words are underlined in every result, as the
    // query was one for them all. Without colour there is nothing to mark,
    // and finding the words is most of the view's cost.
    let matched: Vec<&str> = results
        .iter()
        .filter(|_| term.color)
        .flat_map(|m| m.matched.iter().copied())
        .collect();
    for m in results {
        let row = match m.hit {
            Hit::Code(e) => vec![
                Cell::code(e.code_label(), e.class()),
                Cell::highlighting(e.name.get(), &matched),
                Cell::highlighting(&e.source().name, &matched),
                Cell::highlighting(&snippet(e, &m.matched), &matched),
            ],
            Hit::Header(h) => vec![
                Cell::new("header", Style::Dim),
                Cell::highlighting(h.name.get(), &matched),
                Cell::plain(header_source(h)),
                Cell::highlighting(&header_snippet(h, &m.matched), &matched),
            ],
            Hit::Guide(g) => vec![
                Cell::new("guide", Style::Dim),
                Cell::highlighting(g.title.get(), &matched),
                Cell::plain(format!("httpcode guide {}", g.id)),
                Cell::highlighting(&guide_snippet(g, &m.matched), &matched),
            ],
        };
        table.add_row(row);
    }
    paint_table(&table, term)
}

/// Where a header is defined, short: `RFC 9110`, `IETF draft`, `convention`.
fn header_source(h: &Header) -> String {
    match h.status {
        HeaderStatus::Standard => h
            .reference
            .split(", Section")
            .next()
            .unwrap_or_default()
            .to_string(),
        HeaderStatus::Draft => "IETF draft".into(),
        HeaderStatus::Informal => "convention".into(),
        HeaderStatus::Obsolete => "obsolete".into(),
    }
}

/// A header's summary, or the first of its texts that holds a matched word.
fn header_snippet(h: &Header, matched: &[&str]) -> String {
    let hit = |text: &str| mentions(text, matched);
    if hit(h.summary.get()) {
        return shorten(h.summary.get());
    }
    if h.aliases.iter().any(hit) {
        return shorten(&format!("Also called {}", h.aliases.join("; ")));
    }
    let found = [h.example.get(), h.description.get()]
        .into_iter()
        .find(|t| hit(t));
    shorten(found.unwrap_or(h.summary.get()))
}

/// A guide's intro, or the first note or row that holds a matched word.
fn guide_snippet(g: &Guide, matched: &[&str]) -> String {
    let hit = |text: &str| mentions(text, matched);
    if hit(g.intro.get()) {
        return shorten(g.intro.get());
    }
    let row = g
        .rows
        .iter()
        .map(|r| r.cells.join(", "))
        .find(|cells| hit(cells));
    let note = || g.notes.iter().find(|n| hit(n)).map(|n| n.to_string());
    shorten(
        &row.or_else(note)
            .unwrap_or_else(|| g.intro.get().to_string()),
    )
}

/// The first text of the entry that holds a matched word: the summary,
/// a former name, a keyword, a cause, the description, where it is seen.
pub fn snippet(e: &Entry, matched: &[&str]) -> String {
    let hit = |text: &str| mentions(text, matched);
    if hit(e.summary.get()) {
        return shorten(e.summary.get());
    }
    if e.aliases.iter().any(hit) {
        return shorten(&format!("Also called {}", e.aliases.join("; ")));
    }
    if e.keywords.iter().any(hit) {
        return shorten(&format!("Keywords: {}", e.keywords.join(", ")));
    }
    let found = e
        .causes
        .iter()
        .chain([e.description.get()])
        .chain(e.seen.map(Text::get))
        .find(|t| hit(t));
    shorten(found.unwrap_or(e.summary.get()))
}

/// Whether a word of `text`, ignoring ASCII case, is one of `matched`.
/// (Cheaper than `tokenize::words`, which allocates every word.)
fn mentions(text: &str, matched: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| matched.iter().any(|m| m.eq_ignore_ascii_case(word)))
}

fn shorten(text: &str) -> String {
    super::cut(text, SNIPPET_CHARS + 1, true)
}

/// Under results cut by `--limit`: how many more matched, and the command
/// that shows them all.
pub fn more_line(more: usize, words: &str, limit: usize, term: Term) -> String {
    let p = super::Painter::new(term);
    let matches = if more == 1 { "match" } else { "matches" };
    let line = format!(
        "{more} more {matches}: httpcode search {} --limit {}",
        crate::escape::shown(words.trim()),
        limit + more
    );
    format!(
        "{}\n",
        p.dim(&super::wrap(&line, usize::from(term.width), "  "))
    )
}
