//! Looking codes up: single codes, classes, patterns, ranges, and `list`.

use super::find::run_search;
use super::AppError;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use crate::catalogue;
use crate::catalogue::Class;
use crate::catalogue::Entry;
use crate::catalogue::ENTRIES;
use crate::cli::Cli;
use crate::cli::ListArgs;
use crate::escape::shown;
use crate::json;
use crate::render;
use crate::render::detail::DetailOptions;
use crate::search;
use crate::target;
use crate::target::Request;
use crate::target::StatusLine;
use crate::target::Target;
use clap::CommandFactory;

pub(super) fn lookup_or_search(ctx: &Context, args: &[String]) -> Outcome {
    let text = args.join(" ");
    if let Some(line) = pasted_status(ctx, &text, args.len() == 1) {
        return lookup_status_line(ctx, &line);
    }
    match target::classify(args)? {
        Request::Words(words) => {
            reject_mistyped_subcommand(&words)?;
            run_search(ctx, &words, 10)
        }
        Request::Targets(targets) => lookup(ctx, &targets, ""),
    }
}

/// A pasted status line: `HTTP/1.1 404 Not Found`, `HTTP/2 404`, or
/// `404 Not Found`. Without the version, split words count as a status line
/// only when they are the code's phrase (`httpcode 500 timeout` searches),
/// while one quoted argument always does. A phrase that is not the code's
/// gets a note on stderr; the code is what counts.
pub(super) fn pasted_status<'a>(
    ctx: &Context,
    text: &'a str,
    one_argument: bool,
) -> Option<StatusLine<'a>> {
    let line = target::status_line(text)?;
    let is_phrase = catalogue::is_phrase_of(line.code, line.phrase);
    if !(line.versioned || one_argument || is_phrase) {
        return None;
    }
    if !line.phrase.is_empty() && !is_phrase {
        let name = catalogue::lookup(line.code, None)
            .first()
            .map_or(String::new(), |e| format!(" ({})", e.name.get()));
        ctx.warn(&format!(
            "note: '{}' is not the reason phrase of {:03}{name}; reason phrases are free text that clients ignore, so this is read as {:03}",
            shown(line.phrase),
            line.code,
            line.code
        ));
    }
    Some(line)
}

/// The code of a status line, narrowed to the meanings its phrase names
/// (`503 Loop detected` is Fastly's); a phrase no meaning has shows all.
pub(super) fn lookup_status_line(ctx: &Context, line: &StatusLine) -> Outcome {
    let target = Target::Code {
        code: line.code,
        substatus: None,
    };
    lookup(ctx, &[target], line.phrase)
}

/// `httpcode serch timeout` is a typo for a subcommand, not a search for "serch".
pub(super) fn reject_mistyped_subcommand(words: &str) -> Result<(), AppError> {
    let first = words.split_whitespace().next().unwrap_or("").to_lowercase();
    let len = first.chars().count();
    if len < 4 || search::is_index_word(&first) {
        return Ok(());
    }
    let allowed = if len >= 6 { 2 } else { 1 };
    let command = Cli::command();
    let similar = command
        .get_subcommands()
        .map(|c| c.get_name())
        .find(|name| strsim::osa_distance(name, &first) <= allowed);
    match similar {
        Some(name) => Err(AppError::Usage(format!(
            "unrecognized subcommand '{}'; did you mean '{name}'?",
            shown(&first)
        ))),
        None => Ok(()),
    }
}

/// `phrase`, when not empty, keeps a code's meanings to those it names.
pub(super) fn lookup(ctx: &Context, targets: &[Target], phrase: &str) -> Outcome {
    let mut found: Vec<&'static Entry> = Vec::new();
    let mut text = String::new();
    for target in targets {
        // A target with nothing found has already said so on stderr.
        let (entries, view) = match *target {
            Target::Code { code, substatus } => lookup_code(ctx, code, substatus, phrase),
            _ => lookup_pattern(ctx, target),
        };
        if entries.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&view);
        found.extend(entries);
    }
    if ctx.json {
        ctx.print_json(&json::entries(&found))?;
    } else {
        ctx.print(&text)?;
    }
    // As grep: 0 when anything was found, even if another code was not.
    Ok(if found.is_empty() { NOT_FOUND } else { FOUND })
}

/// Entries for one code, with their rendered detail views.
pub(super) fn lookup_code(
    ctx: &Context,
    code: u16,
    substatus: Option<u16>,
    phrase: &str,
) -> (Vec<&'static Entry>, String) {
    let all = catalogue::lookup(code, substatus);
    let mut entries: Vec<&'static Entry> = all.iter().filter(|e| ctx.wants(e)).collect();
    if entries.iter().any(|e| catalogue::is_named(e, phrase)) {
        entries.retain(|e| catalogue::is_named(e, phrase));
    }
    if entries.is_empty() {
        explain_missing(ctx, code, substatus, !all.is_empty());
        return (entries, String::new());
    }
    if ctx.json {
        return (entries, String::new());
    }
    let options = DetailOptions {
        show_example: ctx.show_example,
        short: ctx.short,
    };
    let views: Vec<String> = entries
        .iter()
        .map(|e| render::detail::render(e, ctx.term, options))
        .collect();
    let mut text = render::detail::meanings(&entries, ctx.term).unwrap_or_default();
    text.push_str(&views.join(&format!(
        "\n{}\n\n",
        "─".repeat(usize::from(ctx.term.width).min(40))
    )));
    let show_subs =
        substatus.is_none() && !ctx.short && ctx.source.is_none_or(|s| s.id.starts_with("iis"));
    if show_subs {
        if let Some(subs) = render::detail::render_substatuses(code, ctx.term) {
            text.push('\n');
            text.push_str(&subs);
        }
    }
    (entries, text)
}

/// Say why nothing was found: a filtered-out source, or a code nobody uses.
pub(super) fn explain_missing(
    ctx: &Context,
    code: u16,
    substatus: Option<u16>,
    other_sources: bool,
) {
    let label = Target::Code { code, substatus }.to_string();
    if other_sources {
        let source = ctx.source.map_or("", |s| s.name.get());
        ctx.warn(&format!(
            "{label} has no entry from {source} (drop --source to see the others)"
        ));
        return;
    }
    if substatus.is_some() && catalogue::is_known(code) {
        ctx.warn(&format!(
            "{label} is not a documented sub-status; `httpcode {code:03}` lists the known ones"
        ));
        return;
    }
    let class = Class::of(code);
    let class_text = if class.is_standard() {
        format!("{} {}: {}", class.label(), class.title(), class.meaning())
    } else {
        "No class covers it: HTTP defines 1xx to 5xx only.".to_string()
    };
    let nearest: Vec<String> = catalogue::nearest_codes(code, 3)
        .into_iter()
        .map(catalogue::code_and_name)
        .collect();
    ctx.warn(&format!(
        "{label} is not a known status code: no registry or vendor we know of uses it.\n  {class_text}\n  Nearest known codes: {}",
        nearest.join(", ")
    ));
}

/// A class (`4xx`), pattern (`30x`) or range (`500-504`).
pub(super) fn lookup_pattern(ctx: &Context, target: &Target) -> (Vec<&'static Entry>, String) {
    let entries: Vec<&'static Entry> = ENTRIES
        .iter()
        .filter(|e| e.substatus.is_none() && target.matches(e.code) && ctx.wants(e))
        .collect();
    let subs = ENTRIES
        .iter()
        .filter(|e| e.substatus.is_some() && target.matches(e.code) && ctx.wants(e))
        .count();
    let whole_class = target.whole_class().map(Class);
    if entries.is_empty() {
        match whole_class {
            Some(class) if !class.is_standard() => ctx.warn(&format!(
                "no known codes in {}: HTTP defines classes 1xx to 5xx only",
                class.label()
            )),
            _ => ctx.warn(&format!("no known codes match {target}")),
        }
        return (entries, String::new());
    }
    if ctx.json {
        return (entries, String::new());
    }
    let mut text = match whole_class {
        Some(class) => render::class::class_intro(class, ctx.term),
        None => format!("Codes matching {target}\n"),
    };
    text.push('\n');
    text.push_str(&render::class::entry_table(&entries, ctx.term));
    text.extend(render::class::substatus_note(subs, ctx.term));
    (entries, text)
}

pub(super) fn list(ctx: &Context, args: &ListArgs) -> Outcome {
    let class = match &args.class {
        Some(text) => Some(target::parse(text)?),
        None => None,
    };
    let entries: Vec<&'static Entry> = ENTRIES
        .iter()
        .filter(|e| ctx.wants(e))
        .filter(|e| class.as_ref().is_none_or(|c| c.matches(e.code)))
        .filter(|e| (!args.official || e.official()) && (!args.unofficial || !e.official()))
        .collect();
    if entries.is_empty() {
        ctx.warn("no entries match these filters");
        return Ok(NOT_FOUND);
    }
    if ctx.json {
        ctx.print_json(&json::entries(&entries))?;
    } else {
        let count = render::count(entries.len() as u64, "entry", "entries") + "\n";
        ctx.print(&(count + &render::class::entry_table(&entries, ctx.term)))?;
    }
    Ok(FOUND)
}
