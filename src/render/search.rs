//! Search results: code, name, source and a snippet with the matched words
//! highlighted.

use comfy_table::Cell;

use super::{new_table, Painter};
use crate::search::Match;
use crate::table::Entry;
use crate::term::Term;
use crate::tokenize;

/// Longest snippet, in characters, before it is cut with an ellipsis.
const SNIPPET_CHARS: usize = 90;

pub fn render(results: &[Match], term: Term) -> String {
    let p = Painter::new(term);
    let mut table = new_table(term, &["Code", "Name", "Source", "Why it matched"], p);
    for m in results {
        let e = m.entry;
        table.add_row(vec![
            Cell::new(p.class(&e.code_label(), e.class())),
            Cell::new(e.name),
            Cell::new(e.source().name),
            Cell::new(snippet(e, &m.matched, p)),
        ]);
    }
    format!("{table}\n")
}

/// The first text of the entry that holds a matched word, highlighted.
pub fn snippet(e: &Entry, matched: &[&str], p: Painter) -> String {
    let aliases = (!e.aliases.is_empty()).then(|| format!("Also called {}", e.aliases.join("; ")));
    let keywords = (!e.keywords.is_empty()).then(|| format!("Keywords: {}", e.keywords.join(", ")));
    let candidates = std::iter::once(e.summary.to_string())
        .chain(aliases)
        .chain(keywords)
        .chain(e.causes.iter().map(|c| c.to_string()))
        .chain(std::iter::once(e.description.to_string()))
        .chain(e.seen.map(str::to_string));
    let mut fallback = None;
    for text in candidates {
        if tokenize::words(&text).iter().any(|w| matched.contains(&w.as_str())) {
            return highlight(&shorten(&text), matched, p);
        }
        fallback.get_or_insert(text);
    }
    shorten(&fallback.unwrap_or_default())
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// Highlight each word whose search form is one of the matched words.
fn highlight(text: &str, matched: &[&str], p: Painter) -> String {
    if !p.on {
        return text.to_string();
    }
    let mut out = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let is_match = tokenize::words(word).iter().any(|w| matched.contains(&w.as_str()));
        if is_match {
            out.push_str(&p.highlight(word));
        } else {
            out.push_str(word);
        }
    }
    out
}
