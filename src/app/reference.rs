//! Reference views beside the codes: guides, sources, gRPC, language names.

use super::single_code;
use super::AppError;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use crate::catalogue;
use crate::catalogue::GUIDES;
use crate::cli::GrpcArgs;
use crate::cli::GuideArgs;
use crate::cli::Lang;
use crate::escape::shown;
use crate::json;
use crate::render;
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
    let guide = catalogue::find_guide(topic).ok_or_else(|| {
        let ids: Vec<&str> = GUIDES.iter().map(|g| g.id.get()).collect();
        AppError::Usage(format!(
            "unknown guide '{}' (topics: {}){}",
            shown(topic),
            ids.join(", "),
            suggest::did_you_mean(topic, ids.iter().copied())
        ))
    })?;
    if ctx.json {
        ctx.print_json(guide)?;
    } else {
        ctx.print(&render::guide::render(guide, ctx.term))?;
    }
    Ok(FOUND)
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
