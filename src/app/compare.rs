//! `httpcode compare`.

use super::AppError;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use crate::catalogue;
use crate::catalogue::Entry;
use crate::catalogue::ENTRIES;
use crate::cli::CompareArgs;
use crate::json;
use crate::json::EntryJson;
use crate::render;
use crate::target;
use crate::target::Target;
use serde::Serialize;

#[derive(Serialize)]
struct CompareJson {
    entries: Vec<EntryJson>,
    difference: Option<String>,
}

pub(super) fn compare(ctx: &Context, args: &CompareArgs) -> Outcome {
    let mut entries: Vec<&'static Entry> = Vec::new();
    let targets = args
        .codes
        .iter()
        .map(|a| target::parse(a))
        .collect::<Result<Vec<_>, _>>()?;
    for (i, target) in targets.iter().enumerate() {
        if targets[..i].contains(target) {
            return Err(AppError::Usage(format!(
                "{target} is given twice: compare needs two or more different codes"
            )));
        }
        let before = entries.len();
        let mut matched = false;
        for e in ENTRIES
            .iter()
            .filter(|e| matches_for_compare(target, e) && ctx.wants(e))
        {
            matched = true;
            // One column per code: its first (IANA-first) entry.
            if !entries
                .iter()
                .any(|x| x.code == e.code && x.substatus == e.substatus)
            {
                entries.push(e);
            }
        }
        if !matched {
            let elsewhere = ENTRIES.iter().any(|e| matches_for_compare(target, e));
            ctx.warn(&match ctx.source {
                Some(source) if elsewhere => format!(
                    "{target} has no entry from {} (drop --source to see the others)",
                    source.name
                ),
                _ => format!("{target} is not a known status code; nothing to compare it with"),
            });
            return Ok(NOT_FOUND);
        }
        if entries.len() == before {
            return Err(AppError::Usage(format!(
                "{target} adds no code not already given: compare needs two or more different codes"
            )));
        }
    }
    if entries.len() < 2 {
        return Err(AppError::Usage(
            "compare needs two or more different codes".into(),
        ));
    }
    let codes: Vec<u16> = entries.iter().map(|e| e.code).collect();
    // Written text for known confusion groups; otherwise what the classes say.
    let difference =
        catalogue::key_difference(&codes).or_else(|| render::compare::class_difference(&entries));
    if ctx.json {
        ctx.print_json(&CompareJson {
            entries: json::entries(&entries),
            difference: difference.clone(),
        })?;
    } else {
        let text = render::compare::render(&entries, difference.as_deref(), ctx.term);
        ctx.print(&text)?;
    }
    Ok(FOUND)
}

pub(super) fn matches_for_compare(target: &Target, e: &Entry) -> bool {
    match *target {
        Target::Code { code, substatus } => e.code == code && e.substatus == substatus,
        _ => e.substatus.is_none() && target.matches(e.code),
    }
}
