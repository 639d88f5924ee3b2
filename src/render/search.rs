//! Search results: code, name, source and a snippet with the matched words
//! highlighted.

use super::{grid::Grid, paint_table};
use crate::search::Match;
use crate::table::Entry;
use crate::term::Term;

/// Longest snippet, in characters, before it is cut with an ellipsis.
const SNIPPET_CHARS: usize = 90;

pub fn render(results: &[Match], term: Term) -> String {
    let mut table = Grid::new(&["Code", "Name", "Source", "Why it matched"]);
    let mut matched: Vec<&str> = Vec::new();
    for m in results {
        let e = m.entry;
        table.add_row(vec![
            e.code_label(),
            e.name().to_string(),
            e.source().name.to_string(),
            snippet(e, &m.matched),
        ]);
        matched.extend(&m.matched);
    }
    paint_table(&table, term, &matched)
}

/// The first text of the entry that holds a matched word, highlighted.
pub fn snippet(e: &Entry, matched: &[&str]) -> String {
    let aliases = (!e.aliases.is_empty()).then(|| format!("Also called {}", e.aliases.join("; ")));
    let keywords = (!e.keywords.is_empty()).then(|| format!("Keywords: {}", e.keywords.join(", ")));
    let candidates = std::iter::once(e.summary().to_string())
        .chain(aliases)
        .chain(keywords)
        .chain(e.causes.iter().map(|c| c.to_string()))
        .chain(std::iter::once(e.description().to_string()))
        .chain(e.seen().map(str::to_string));
    let mut fallback = None;
    for text in candidates {
        if mentions(&text, matched) {
            return shorten(&text);
        }
        fallback.get_or_insert(text);
    }
    shorten(&fallback.unwrap_or_default())
}

/// Whether a word of `text`, ignoring ASCII case, is one of `matched`.
/// (Cheaper than `tokenize::words`, which allocates every word.)
fn mentions(text: &str, matched: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| matched.iter().any(|m| m.eq_ignore_ascii_case(word)))
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}
