//! Reference views beside the codes: guides, headers, sources, gRPC,
//! language names.

use super::single_code;
use super::AppError;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use crate::catalogue;
use crate::catalogue::Guide;
use crate::catalogue::Header;
use crate::catalogue::Snippet;
use crate::catalogue::GUIDES;
use crate::catalogue::HEADERS;
use crate::cli::GrpcArgs;
use crate::cli::GuideArgs;
use crate::cli::HeaderArgs;
use crate::cli::Lang;
use crate::cli::SnippetLang;
use crate::escape::shown;
use crate::json;
use crate::render;
use crate::search;
use crate::suggest;

pub(super) fn guide(ctx: &Context, args: &GuideArgs) -> Outcome {
    let Some(topic) = &args.topic else {
        if ctx.json {
            let topics: Vec<_> = GUIDES
                .iter()
                .map(|g| serde_json::json!({"id": g.id, "title": g.title}))
                .collect();
            ctx.print_json(&topics)?;
        } else {
            ctx.print(&render::guide::render_topics(ctx.term))?;
        }
        return Ok(FOUND);
    };
    let guide = resolve_guide(ctx, topic).ok_or_else(|| {
        let ids: Vec<&str> = GUIDES.iter().map(|g| g.id.get()).collect();
        AppError::Usage(format!(
            "unknown guide '{}' (topics: {}); `httpcode search {}` looks everywhere",
            shown(topic),
            ids.join(", "),
            shown(topic)
        ))
    })?;
    if ctx.json {
        ctx.print_json(guide)?;
    } else {
        ctx.print(&render::guide::render(guide, ctx.term))?;
    }
    Ok(FOUND)
}

pub(super) fn header(ctx: &Context, args: &HeaderArgs) -> Outcome {
    if args.names.is_empty() {
        if ctx.json {
            let all: Vec<&Header> = HEADERS.iter().collect();
            ctx.print_json(&all)?;
        } else {
            ctx.print(&render::header::render_list(ctx.term))?;
        }
        return Ok(FOUND);
    }
    let mut found: Vec<&'static Header> = Vec::new();
    for name in &args.names {
        match resolve_header(ctx, name) {
            Some(h) => found.push(h),
            None => ctx.warn(&format!(
                "no header '{}' (`httpcode header` lists them; `httpcode search {}` looks everywhere)",
                shown(name),
                shown(name)
            )),
        }
    }
    if ctx.json {
        ctx.print_json(&found)?;
    } else {
        let views: Vec<String> = found
            .iter()
            .map(|h| render::header::render(h, ctx.term))
            .collect();
        ctx.print(&views.join("\n"))?;
    }
    // As grep: 0 when anything was found, even if another name was not.
    Ok(if found.is_empty() { NOT_FOUND } else { FOUND })
}

/// A header by name, case aside; a near miss (one or two typos) is read as
/// the header it is nearest to, with a note, as a person would read it.
fn resolve_header(ctx: &Context, name: &str) -> Option<&'static Header> {
    if let Some(h) = catalogue::find_header(name) {
        return Some(h);
    }
    let names = HEADERS.iter().map(|h| h.name.get());
    let nearest = suggest::nearest(name, names).and_then(catalogue::find_header)?;
    ctx.warn(&format!(
        "note: no header '{}'; showing {}",
        shown(name),
        nearest.name
    ));
    Some(nearest)
}

/// A guide by id; else the topic read as a person would: a typo of an id
/// (`redirct`), another form of its words (`cache` for caching,
/// `redirects`), with a note saying which guide this is.
fn resolve_guide(ctx: &Context, topic: &str) -> Option<&'static Guide> {
    if let Some(g) = catalogue::find_guide(topic) {
        return Some(g);
    }
    let ids = GUIDES.iter().map(|g| g.id.get());
    let guide = suggest::nearest(topic, ids)
        .and_then(catalogue::find_guide)
        .or_else(|| search::guide_named(topic))?;
    ctx.warn(&format!(
        "note: no guide '{}'; showing {}",
        shown(topic),
        guide.id
    ));
    Some(guide)
}

pub(super) fn sources(ctx: &Context) -> Outcome {
    if ctx.json {
        ctx.print_json(&json::sources(ctx.source))?;
    } else {
        ctx.print(&render::sources::render(ctx.term, ctx.source))?;
    }
    Ok(FOUND)
}

/// `httpcode 404 --lang go`: one line per code, the name in that language.
pub(super) fn lang_lines(ctx: &Context, args: &[String], lang: Lang) -> Outcome {
    let mut lines = String::new();
    let mut missing = false;
    for arg in args {
        let code = single_code(arg, "--lang takes codes like 404, not patterns")?;
        match lang_line(code, lang) {
            // Kept whole for --json; broken where code may break when
            // wider than the terminal (never at the default 80 columns).
            Some(expression) if !ctx.json => {
                let width = usize::from(ctx.term.width);
                lines.push_str(&render::wrap_code(&expression, width, "  "));
                lines.push('\n');
            }
            Some(expression) => {
                lines.push_str(&expression);
                lines.push('\n');
            }
            None => {
                missing = true;
                ctx.warn(&missing_lang(code, lang));
            }
        }
    }
    if ctx.json {
        let list: Vec<&str> = lines.lines().collect();
        ctx.print_json(&list)?;
    } else {
        ctx.print(&lines)?;
    }
    Ok(if missing { NOT_FOUND } else { FOUND })
}

/// `httpcode 429 --snippet python`: the client code that handles each code,
/// under a comment line naming it.
pub(super) fn snippet_lines(ctx: &Context, args: &[String], lang: SnippetLang) -> Outcome {
    let mut found: Vec<&'static Snippet> = Vec::new();
    let mut text = String::new();
    for arg in args {
        let code = single_code(arg, "--snippet takes codes like 429, not patterns")?;
        let all = catalogue::snippets_for(code);
        let Some(snippet) = all.iter().find(|s| s.lang.get() == lang.id()) else {
            let with: Vec<String> = catalogue::snippet_codes()
                .iter()
                .map(|c| format!("{c:03}"))
                .collect();
            ctx.warn(&format!(
                "no snippet handles {code:03}; snippets exist for {}",
                with.join(", ")
            ));
            continue;
        };
        if !found.iter().any(|s| std::ptr::eq(*s, *snippet)) {
            found.push(snippet);
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&render::snippet::render(snippet, code, ctx.term));
        }
    }
    if ctx.json {
        ctx.print_json(&found)?;
    } else {
        ctx.print(&text)?;
    }
    Ok(if found.is_empty() { NOT_FOUND } else { FOUND })
}

/// The constant naming `code` in `lang`, as code in that language.
pub(super) fn lang_line(code: u16, lang: Lang) -> Option<String> {
    catalogue::constants(code).and_then(|c| crate::lang::expression(c, lang))
}

pub(super) fn missing_lang(code: u16, lang: Lang) -> String {
    format!("{} has no name for {code:03}", lang.label())
}

/// `httpcode grpc [CODE]`.
pub(super) fn grpc(ctx: &Context, args: &GrpcArgs) -> Outcome {
    let Some(wanted) = &args.code else {
        if ctx.json {
            ctx.print_json(&json::grpc_codes(catalogue::GRPC_CODES.iter()))?;
        } else {
            ctx.print(&render::grpc::render_all(ctx.term))?;
        }
        return Ok(FOUND);
    };
    let code = catalogue::find_grpc(wanted).ok_or_else(|| {
        let names = catalogue::GRPC_CODES.iter().map(|g| g.name.get());
        AppError::Usage(format!(
            "'{}' is not a gRPC status code (0-16, or a name such as UNAVAILABLE){}",
            shown(wanted),
            suggest::did_you_mean(wanted, names)
        ))
    })?;
    if ctx.json {
        ctx.print_json(&json::grpc_codes(std::iter::once(code)))?;
    } else {
        ctx.print(&render::grpc::render_one(code, ctx.term))?;
    }
    Ok(FOUND)
}
