//! `httpcode search` and bare words.

use super::AppError;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use crate::catalogue::{Guide, Header};
use crate::cli::SearchArgs;
use crate::escape::shown;
use crate::json::EntryJson;
use crate::render;
use crate::search;
use crate::search::{Hit, Match};
use serde::Serialize;

pub(super) fn search_command(ctx: &Context, args: &SearchArgs) -> Outcome {
    run_search(ctx, &args.words.join(" "), usize::from(args.limit))
}

#[derive(Serialize)]
struct SearchResultJson {
    score: f64,
    /// `code`, `header` or `guide`.
    kind: &'static str,
    #[serde(flatten)]
    item: ItemJson,
}

/// A result's own fields: those of `httpcode CODE --json`,
/// `httpcode header NAME --json` or `httpcode guide ID --json`.
#[derive(Serialize)]
#[serde(untagged)]
enum ItemJson {
    Code(EntryJson),
    Header(&'static Header),
    Guide(&'static Guide),
}

pub(super) fn run_search(ctx: &Context, words: &str, limit: usize) -> Outcome {
    if words.trim().is_empty() {
        return Err(AppError::Usage("empty search: give some words".into()));
    }
    // Filter before truncating, so --source never hides its own matches.
    // Headers and guides belong to no source: --source keeps codes only.
    let found = search::search_where(words, limit, |hit| match hit {
        Hit::Code(e) => ctx.wants(e),
        Hit::Header(_) | Hit::Guide(_) => ctx.source.is_none(),
    });
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
                kind: m.hit.kind(),
                item: match m.hit {
                    Hit::Code(e) => ItemJson::Code(EntryJson::from(e)),
                    Hit::Header(h) => ItemJson::Header(h),
                    Hit::Guide(g) => ItemJson::Guide(g),
                },
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
