//! Questions asked of the embedded tables: an entry by code, sub-statuses,
//! names, the nearest codes, sources, comparisons, constants, gRPC, guides,
//! headers and snippets.

use super::{
    Class, CloudflareError, Comparison, Constants, Entry, GrpcCode, Guide, Header, Platform,
    Snippet, Source, CLOUDFLARE_ERRORS, COMPARISONS, CONSTANTS, ENTRIES, GRPC_CODES, GUIDES,
    HEADERS, HTTP_TO_GRPC, LOG_TERMS, PLATFORMS, SNIPPETS, SOURCES,
};

/// Every entry for `code`, IANA first. With a substatus, only that sub-status.
pub fn lookup(code: u16, substatus: Option<u16>) -> &'static [Entry] {
    let start = ENTRIES.partition_point(|e| (e.code, e.substatus) < (code, substatus));
    let len = ENTRIES[start..]
        .iter()
        .take_while(|e| e.code == code && e.substatus == substatus)
        .count();
    &ENTRIES[start..start + len]
}

/// The sub-status entries listed under a parent code (IIS `500.x`).
pub fn substatuses(code: u16) -> &'static [Entry] {
    // Sorted by (code, substatus), and None sorts first: the sub-statuses of
    // a code are the run right after its top-level entries.
    let start = ENTRIES.partition_point(|e| (e.code, e.substatus.is_some()) < (code, true));
    let len = ENTRIES[start..]
        .iter()
        .take_while(|e| e.code == code)
        .count();
    &ENTRIES[start..start + len]
}

/// `Not Found` for 404, case and spacing aside, or another of its names.
pub fn is_phrase_of(code: u16, phrase: &str) -> bool {
    lookup(code, None).iter().any(|e| is_named(e, phrase))
}

/// Whether the entry's name or an alias is this phrase, case and spacing
/// aside.
pub fn is_named(e: &Entry, phrase: &str) -> bool {
    let same = |name: &str| {
        name.split_whitespace()
            .map(str::to_lowercase)
            .eq(phrase.split_whitespace().map(str::to_lowercase))
    };
    same(e.name.get()) || e.aliases.iter().any(same)
}

/// A known code has at least one top-level entry.
pub fn is_known(code: u16) -> bool {
    !lookup(code, None).is_empty()
}

/// The name a code is best known by: IANA's, or the first vendor's.
pub fn primary_name(code: u16) -> Option<&'static str> {
    lookup(code, None).first().map(|e| e.name.get())
}

/// `404 Not Found`, or just `299` for a code without an entry.
pub fn code_and_name(code: u16) -> String {
    match primary_name(code) {
        Some(name) => format!("{code:03} {name}"),
        None => format!("{code:03}"),
    }
}

/// Known top-level codes closest to `code`: those of its own class first,
/// then by distance.
pub fn nearest_codes(code: u16, count: usize) -> Vec<u16> {
    let mut codes: Vec<u16> = ENTRIES
        .iter()
        .filter(|e| e.substatus.is_none())
        .map(|e| e.code)
        .collect();
    codes.dedup();
    let class = Class::of(code);
    codes.sort_by_key(|c| (Class::of(*c) != class, c.abs_diff(code), *c));
    codes.truncate(count);
    codes
}

pub fn find_source(wanted: &str) -> Option<&'static Source> {
    let wanted = wanted.trim().to_ascii_lowercase();
    SOURCES.iter().find(|s| {
        s.id.get() == wanted
            || s.name.to_ascii_lowercase() == wanted
            || s.name
                .to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| word == wanted)
    })
}

/// The difference written for exactly these codes; else those written for
/// each pair among them, one paragraph each (`502 and 503: ...`). A text
/// written for a larger group is never used: it would explain codes the
/// reader is not comparing.
pub fn key_difference(codes: &[u16]) -> Option<String> {
    let mut wanted = codes.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    let exactly = |c: &&Comparison| {
        let mut these = c.codes.to_vec();
        these.sort_unstable();
        these == wanted
    };
    if let Some(c) = COMPARISONS.iter().find(exactly) {
        return Some(c.difference.to_string());
    }
    let mut paragraphs = Vec::new();
    for (i, &a) in wanted.iter().enumerate() {
        for &b in &wanted[i + 1..] {
            let pair = |c: &&Comparison| {
                c.codes.len() == 2 && c.codes.contains(&a) && c.codes.contains(&b)
            };
            if let Some(c) = COMPARISONS.iter().find(pair) {
                paragraphs.push(format!("{a:03} and {b:03}: {}", c.difference));
            }
        }
    }
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
}

pub fn constants(code: u16) -> Option<&'static Constants> {
    CONSTANTS
        .binary_search_by_key(&code, |c| c.code)
        .ok()
        .map(|i| &CONSTANTS[i])
}

/// gRPC codes that grpc-gateway turns into this HTTP status.
pub fn grpc_codes_for(http: u16) -> impl Iterator<Item = &'static GrpcCode> {
    GRPC_CODES.iter().filter(move |g| g.http == http)
}

/// What a gRPC client makes of this HTTP status arriving without a
/// grpc-status header: the listed mapping, else UNKNOWN (2).
pub fn grpc_read_as(http: u16) -> &'static GrpcCode {
    let code = HTTP_TO_GRPC
        .iter()
        .find(|m| m.http == http)
        .map_or(2, |m| m.grpc);
    &GRPC_CODES[usize::from(code)]
}

/// A gRPC code by number (`14`) or name (`UNAVAILABLE`, `unavailable`,
/// grpc-go's `Unavailable`).
pub fn find_grpc(wanted: &str) -> Option<&'static GrpcCode> {
    let wanted = wanted.trim();
    if let Ok(n) = wanted.parse::<usize>() {
        return GRPC_CODES.get(n);
    }
    let plain = |s: &str| s.replace(['_', '-'], "").to_ascii_lowercase();
    let wanted = plain(wanted);
    GRPC_CODES
        .iter()
        .find(|g| plain(&g.name) == wanted || plain(&g.go) == wanted)
}

pub fn find_guide(id: &str) -> Option<&'static Guide> {
    GUIDES.iter().find(|g| g.id.eq_ignore_ascii_case(id))
}

/// A header by name or former name, case aside.
pub fn find_header(name: &str) -> Option<&'static Header> {
    HEADERS.iter().find(|h| {
        h.name.eq_ignore_ascii_case(name) || h.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    })
}

/// The headers that go with an entry: those it names, then, for a
/// registered code, the headers that list the code.
pub fn headers_for(e: &Entry) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = e.headers.iter().collect();
    if e.official() && e.substatus.is_none() {
        for h in HEADERS.iter().filter(|h| h.codes.contains(&e.code)) {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(&h.name)) {
                names.push(h.name.get());
            }
        }
    }
    names
}

/// Guides that discuss this header.
pub fn guides_naming(h: &Header) -> impl Iterator<Item = &'static Guide> + '_ {
    GUIDES
        .iter()
        .filter(move |g| g.headers.iter().any(|n| n.eq_ignore_ascii_case(&h.name)))
}

/// The snippets for this code, one per language, in `SNIPPET_LANGS` order.
pub fn snippets_for(code: u16) -> Vec<&'static Snippet> {
    let mut found: Vec<&'static Snippet> = SNIPPETS
        .iter()
        .filter(|s| s.codes.contains(&code))
        .collect();
    let rank = |s: &Snippet| {
        crate::schema::SNIPPET_LANGS
            .iter()
            .position(|l| *l == s.lang.get())
    };
    found.sort_by_key(|s| rank(s));
    found
}

/// What `code` means in the log format `kind` (`haproxy`, `envoy`, ...).
pub fn log_term(kind: &str, code: &[u8]) -> Option<&'static str> {
    LOG_TERMS
        .iter()
        .find(|t| t.kind.get() == kind && t.code.as_bytes() == code)
        .map(|t| t.meaning.get())
}

/// Every platform, in the order they are preferred when several match.
pub fn platforms() -> &'static [Platform] {
    &PLATFORMS
}

/// Cloudflare's 1xxx error `code`.
pub fn cloudflare_error(code: u16) -> Option<&'static CloudflareError> {
    CLOUDFLARE_ERRORS
        .binary_search_by_key(&code, |e| e.code)
        .ok()
        .map(|i| &CLOUDFLARE_ERRORS[i])
}

/// Every code some snippet handles, in order.
pub fn snippet_codes() -> Vec<u16> {
    let mut codes: Vec<u16> = SNIPPETS
        .iter()
        .flat_map(|s| s.codes.iter().copied())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// Guides with a row about this entry: its code, and its meaning when the
/// row names the sources it is about.
pub fn guides_mentioning(e: &Entry) -> impl Iterator<Item = &'static Guide> + '_ {
    GUIDES.iter().filter(move |g| {
        g.rows.iter().any(|r| {
            r.codes.contains(&e.code)
                && (r.sources.is_empty() || r.sources.contains(&e.source().id))
        })
    })
}

/// Entries per source, in the order `data/sources.json` lists them; with
/// `only`, that source alone (`--source`).
pub fn entry_counts(only: Option<&Source>) -> Vec<(&'static Source, usize)> {
    SOURCES
        .iter()
        .filter(|s| only.is_none_or(|o| o.id == s.id))
        .map(|s| (s, ENTRIES.iter().filter(|e| e.source().id == s.id).count()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_sorted_for_binary_search() {
        assert!(ENTRIES
            .windows(2)
            .all(|w| (w[0].code, w[0].substatus) <= (w[1].code, w[1].substatus)));
    }

    #[test]
    fn lookup_finds_every_source_of_a_code_iana_first() {
        let found = lookup(499, None);
        assert!(found.len() >= 2);
        assert!(found.iter().any(|e| e.source().id == "nginx"));
        let found = lookup(451, None);
        assert_eq!(found[0].source().id, "iana");
        assert!(found.len() >= 2);
    }

    #[test]
    fn lookup_of_a_substatus_is_separate_from_its_parent() {
        let parent = lookup(500, None);
        let sub = lookup(500, Some(19));
        assert_eq!(parent[0].name.get(), "Internal Server Error");
        assert_eq!(sub.len(), 1);
        assert_eq!(sub[0].code_label(), "500.19");
    }

    #[test]
    fn unknown_codes_have_no_entries() {
        assert!(lookup(298, None).is_empty());
        assert!(!is_known(601));
        assert!(is_known(0));
    }

    #[test]
    fn nearest_codes_are_ordered_by_distance() {
        let near = nearest_codes(298, 3);
        assert_eq!(near.len(), 3);
        assert!(near.iter().all(|c| Class::of(*c) == Class(2)));
        assert!(near
            .windows(2)
            .all(|w| w[0].abs_diff(298) <= w[1].abs_diff(298)));
    }

    #[test]
    fn sources_match_id_name_or_a_word_of_the_name() {
        assert_eq!(find_source("nginx").unwrap().id, "nginx");
        assert_eq!(find_source("CloudFlare").unwrap().id, "cloudflare");
        assert_eq!(find_source("iis").unwrap().id, "iis");
        assert!(find_source("nosuchvendor").is_none());
    }

    #[test]
    fn grpc_codes_by_number_and_name() {
        assert_eq!(find_grpc("14").unwrap().name, "UNAVAILABLE");
        assert_eq!(find_grpc("unavailable").unwrap().http, 503);
        assert_eq!(find_grpc("DEADLINE_EXCEEDED").unwrap().code, 4);
        assert_eq!(find_grpc("DeadlineExceeded").unwrap().code, 4);
        assert!(find_grpc("17").is_none());
        assert_eq!(grpc_read_as(404).name, "UNIMPLEMENTED");
        assert_eq!(grpc_read_as(200).name, "UNKNOWN");
    }

    #[test]
    fn classes_describe_the_first_digit() {
        assert_eq!(Class::of(404).label(), "4xx");
        assert_eq!(Class::of(0).label(), "0xx");
        assert!(!Class::of(999).is_standard());
        assert_eq!(Class::of(503).fault(), "the server");
    }
}
