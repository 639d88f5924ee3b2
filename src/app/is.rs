//! `httpcode is`: predicates answered by exit code, for scripts.

use super::single_code;
use super::Context;
use super::Outcome;
use super::FOUND;
use super::NOT_FOUND;
use crate::catalogue;
use crate::catalogue::Class;
use crate::cli::IsArgs;
use crate::cli::Predicate;
use serde::Serialize;

/// `httpcode is ... --json`.
#[derive(Serialize)]
struct Answer {
    predicate: String,
    code: u16,
    answer: bool,
    /// The entry that answered: the code's first meaning, or `--source`'s.
    source: Option<&'static str>,
}

/// `httpcode is PREDICATE CODE`: the answer is the exit code. A code with
/// several meanings is answered for the first in the order lookups show
/// them (IANA, then by reach), so `is retryable 000` speaks for curl.
pub(super) fn is(ctx: &Context, args: &IsArgs) -> Outcome {
    let code = single_code(&args.code, "is takes one code, like 404")?;
    let entry = catalogue::lookup(code, None).iter().find(|e| ctx.wants(e));
    let class = Class::of(code);
    let answer = match args.predicate {
        Predicate::Retryable => entry.is_some_and(|e| e.retryable),
        Predicate::Cacheable => entry.is_some_and(|e| e.cacheable),
        Predicate::Redirect => entry.is_some_and(|e| e.redirect.is_some()),
        Predicate::Error => class.0 >= 4 || (class.0 == 0 && entry.is_some()),
        Predicate::ClientError => class.0 == 4,
        Predicate::ServerError => class.0 == 5,
        Predicate::Success => class.0 == 2,
        Predicate::Informational => class.0 == 1,
        Predicate::Official => catalogue::lookup(code, None).iter().any(|e| e.official()),
        Predicate::Known => entry.is_some(),
    };
    if ctx.json {
        ctx.print_json(&Answer {
            predicate: predicate_name(args.predicate),
            code,
            answer,
            source: entry.map(|e| e.source().id.get()),
        })?;
    } else if args.verbose {
        ctx.print(if answer { "yes\n" } else { "no\n" })?;
    }
    Ok(if answer { FOUND } else { NOT_FOUND })
}

/// The predicate as typed on the command line (`client-error`).
fn predicate_name(predicate: Predicate) -> String {
    use clap::ValueEnum;
    predicate
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}
