//! `httpcode search` and bare words.

use super::AppError;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use crate::cli::SearchArgs;
use crate::escape::shown;
use crate::json::EntryJson;
use crate::render;
use crate::search;
use crate::search::Match;
use serde::Serialize;

pub(super) fn search_command(ctx: &Context, args: &SearchArgs) -> Outcome {
    run_search(ctx, &args.words.join(" "), usize::from(args.limit))
}

#[derive(Serialize)]
struct SearchResultJson {
    score: f64,
    #[serde(flatten)]
    entry: EntryJson,
}

pub(super) fn run_search(ctx: &Context, words: &str, limit: usize) -> Outcome {
    if words.trim().is_empty() {
        return Err(AppError::Usage("empty search: give some words".into()));
    }
    // Filter before truncating, so --source never hides its own matches.
    let found = search::search_where(words, limit, |e| ctx.wants(e));
    let results: Vec<Match> = found.shown;
    if results.is_empty() {
        ctx.warn(&format!(
            "nothing matches '{}'; try fewer or other words, or `httpcode list`",
            shown(words)
        ));
        if ctx.json {
            ctx.print("[]\n")?;
        }
        return Ok(NOT_FOUND);
    }
    if ctx.json {
        let list: Vec<SearchResultJson> = results
            .iter()
            .map(|m| SearchResultJson {
                score: (m.score * 100.0).round() / 100.0,
                entry: EntryJson::from(m.entry),
            })
            .collect();
        ctx.print_json(&list)?;
    } else {
        let mut text = render::search::render(&results, ctx.term);
        if found.more > 0 {
            text.push_str(&render::search::more_line(
                found.more, words, limit, ctx.term,
            ));
        }
        ctx.print(&text)?;
    }
    Ok(FOUND)
}
