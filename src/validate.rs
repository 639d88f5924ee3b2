//! Loading and checking `data/`. Used by `build.rs`, which fails the build
//! with these messages, and by `tests/validate.rs`, which feeds it broken
//! tables to prove each check works.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::schema::*;

pub struct Tables {
    pub sources: Vec<RawSource>,
    pub meta: RawMeta,
    pub entries: Vec<RawEntry>,
    pub comparisons: Vec<RawComparison>,
    pub guides: Vec<RawGuide>,
    pub constants: Vec<RawConstants>,
    pub grpc: RawGrpc,
    pub headers: Vec<RawHeader>,
    pub snippets: Vec<RawSnippet>,
    pub log_terms: Vec<RawLogTerm>,
    pub platforms: Vec<RawPlatform>,
    pub cloudflare_errors: Vec<RawCloudflareError>,
}

pub fn load(data: &Path) -> Result<Tables, String> {
    let sources: Vec<RawSource> = read_json(&data.join("sources.json"))?;
    let meta: RawMeta = read_json(&data.join("meta.json"))?;
    let mut entries = Vec::new();
    for path in json_files(&data.join("codes"))? {
        let mut file: Vec<RawEntry> = read_json(&path)?;
        entries.append(&mut file);
    }
    let comparisons: Vec<RawComparison> = read_json(&data.join("comparisons.json"))?;
    let guides: Vec<RawGuide> = read_json(&data.join("guides.json"))?;
    let mut constants: Vec<RawConstants> = read_json(&data.join("constants.json"))?;
    constants.sort_by_key(|c| c.code);
    let grpc: RawGrpc = read_json(&data.join("grpc.json"))?;
    let mut headers: Vec<RawHeader> = read_json(&data.join("headers.json"))?;
    // Listed and looked up in alphabetical order, case aside.
    headers.sort_by_key(|h| h.name.to_lowercase());
    let snippets: Vec<RawSnippet> = read_json(&data.join("snippets.json"))?;
    let log_terms: Vec<RawLogTerm> = read_json(&data.join("log_terms.json"))?;
    let platforms: Vec<RawPlatform> = read_json(&data.join("platforms.json"))?;
    let cloudflare_errors: Vec<RawCloudflareError> =
        read_json(&data.join("cloudflare_errors.json"))?;
    let source_rank: BTreeMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // Within a code, the order people meet the meanings in: IANA first,
    // codes in use before deprecated ones, those before unverified ones,
    // then sources by reach, the
    // order sources.json lists them in (curl before AWS, nginx before Esri).
    // The first entry names the code wherever only its number is known
    // (related codes), and answers `httpcode is`.
    entries.sort_by_key(|e| {
        (
            e.code,
            e.substatus,
            e.source != "iana",
            e.status.rank(),
            source_rank.get(e.source.as_str()).copied(),
        )
    });
    let tables = Tables {
        sources,
        meta,
        entries,
        comparisons,
        guides,
        constants,
        grpc,
        headers,
        snippets,
        log_terms,
        platforms,
        cloudflare_errors,
    };
    validate(&tables)?;
    Ok(tables)
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let listing = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = listing
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn label(e: &RawEntry) -> String {
    format!(
        "{} ({})",
        crate::label::code_label(e.code, e.substatus),
        e.source
    )
}

pub fn validate(t: &Tables) -> Result<(), String> {
    let source_ids: BTreeSet<&str> = t.sources.iter().map(|s| s.id.as_str()).collect();
    if source_ids.len() != t.sources.len() {
        return Err("sources.json: duplicate source id".into());
    }
    let codes: BTreeSet<u16> = t.entries.iter().map(|e| e.code).collect();
    let mut keys = BTreeSet::new();
    for e in &t.entries {
        let at = label(e);
        if !keys.insert((e.code, e.substatus, e.source.as_str())) {
            return Err(format!("{at}: duplicate (code, source)"));
        }
        validate_entry(e, &source_ids, &codes).map_err(|m| format!("{at}: {m}"))?;
    }
    // One meaning written twice under two sources gives the same causes.
    // Entries are sorted by code, so those of one code are a run.
    for (i, a) in t.entries.iter().enumerate() {
        let same_code = t.entries[i + 1..]
            .iter()
            .take_while(|b| (a.code, a.substatus) == (b.code, b.substatus));
        if let Some(b) = same_code.into_iter().find(|b| a.causes == b.causes) {
            return Err(format!(
                "{} and {}: the same causes; one meaning is one entry (make the other name an alias)",
                label(a),
                label(b)
            ));
        }
    }
    for c in &t.comparisons {
        if c.codes.len() < 2 {
            return Err(format!("comparison {:?}: needs two codes or more", c.codes));
        }
        check_codes_exist(&c.codes, &codes)
            .map_err(|m| format!("comparison {:?}: {m}", c.codes))?;
        no_blank_text(c).map_err(|m| format!("comparison {:?}: {m}", c.codes))?;
    }
    let header_names = validate_headers(&t.headers, &codes)?;
    let mut guide_ids = BTreeSet::new();
    for g in &t.guides {
        if !guide_ids.insert(g.id.as_str()) {
            return Err(format!("guide {}: duplicate id", g.id));
        }
        validate_guide(g, &codes, &source_ids).map_err(|m| format!("guide {}: {m}", g.id))?;
        check_headers_exist(&g.headers, &header_names)
            .map_err(|m| format!("guide {}: {m}", g.id))?;
    }
    validate_snippets(&t.snippets, &codes)?;
    validate_log_terms(&t.log_terms)?;
    validate_platforms(&t.platforms, &source_ids, &codes)?;
    validate_cloudflare_errors(&t.cloudflare_errors, &codes)?;
    validate_constants(&t.constants, &codes)?;
    validate_grpc(&t.grpc, &codes)?;
    no_blank_text(&t.sources).map_err(|m| format!("sources.json: {m}"))?;
    no_blank_text(&t.meta).map_err(|m| format!("meta.json: {m}"))
}

fn validate_constants(constants: &[RawConstants], codes: &BTreeSet<u16>) -> Result<(), String> {
    for pair in constants.windows(2) {
        if pair[0].code == pair[1].code {
            return Err(format!("constants.json: code {} twice", pair[0].code));
        }
    }
    for c in constants {
        check_codes_exist(&[c.code], codes).map_err(|m| format!("constants.json: {m}"))?;
        no_blank_text(c).map_err(|m| format!("constants.json {}: {m}", c.code))?;
    }
    Ok(())
}

/// Header names are unique (case aside), and what they point at exists.
/// Returns the names, lower-cased, for the tables that name headers.
fn validate_headers(
    headers: &[RawHeader],
    codes: &BTreeSet<u16>,
) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    for h in headers {
        for name in std::iter::once(&h.name).chain(&h.aliases) {
            if !names.insert(name.to_lowercase()) {
                return Err(format!("headers.json: {name:?} twice (case aside)"));
            }
        }
    }
    for h in headers {
        let at = |m: String| format!("headers.json {}: {m}", h.name);
        no_blank_text(h).map_err(at)?;
        if h.name.is_empty()
            || !h
                .name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(at("a field name is letters, digits and hyphens".into()));
        }
        check_url(&h.url).map_err(at)?;
        if h.sent_by.is_empty() {
            return Err(at("empty sent_by".into()));
        }
        if let Some(who) = h
            .sent_by
            .iter()
            .find(|w| !["server", "client", "proxy"].contains(&w.as_str()))
        {
            return Err(at(format!("sent_by {who:?}: server, client or proxy")));
        }
        check_codes_exist(&h.codes, codes).map_err(|m| at(format!("codes: {m}")))?;
        if h.related.contains(&h.name) {
            return Err(at("related lists the header itself".into()));
        }
        check_headers_exist(&h.related, &names).map_err(|m| at(format!("related: {m}")))?;
    }
    Ok(names)
}

fn check_headers_exist(named: &[String], names: &BTreeSet<String>) -> Result<(), String> {
    match named.iter().find(|n| !names.contains(&n.to_lowercase())) {
        Some(n) => Err(format!("header {n:?} is not in headers.json")),
        None => Ok(()),
    }
}

/// One snippet per topic and language, every topic in every language, so a
/// view can list the languages once.
fn validate_snippets(snippets: &[RawSnippet], codes: &BTreeSet<u16>) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for s in snippets {
        let at = |m: String| format!("snippets.json {} ({}): {m}", s.topic, s.lang);
        no_blank_text(s).map_err(at)?;
        if !SNIPPET_LANGS.contains(&s.lang.as_str()) {
            return Err(at(format!("language: one of {}", SNIPPET_LANGS.join(", "))));
        }
        if !seen.insert((s.topic.as_str(), s.lang.as_str())) {
            return Err(at("twice".into()));
        }
        if s.codes.is_empty() {
            return Err(at("no codes".into()));
        }
        check_codes_exist(&s.codes, codes).map_err(at)?;
        let same_codes = snippets
            .iter()
            .filter(|o| o.topic == s.topic)
            .all(|o| o.codes == s.codes);
        if !same_codes {
            return Err(at("every language of a topic handles the same codes".into()));
        }
    }
    let topics: BTreeSet<&str> = snippets.iter().map(|s| s.topic.as_str()).collect();
    for topic in topics {
        for lang in SNIPPET_LANGS {
            if !seen.contains(&(topic, lang)) {
                return Err(format!("snippets.json {topic}: no {lang} snippet"));
            }
        }
    }
    Ok(())
}

fn validate_log_terms(terms: &[RawLogTerm]) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for t in terms {
        let at = |m: String| format!("log_terms.json {} {}: {m}", t.kind, t.code);
        no_blank_text(t).map_err(at)?;
        if !LOG_TERM_KINDS.contains(&t.kind.as_str()) {
            return Err(at(format!("kind: one of {}", LOG_TERM_KINDS.join(", "))));
        }
        if !seen.insert((t.kind.as_str(), t.code.as_str())) {
            return Err(at("twice".into()));
        }
    }
    Ok(())
}

fn validate_platforms(
    platforms: &[RawPlatform],
    source_ids: &BTreeSet<&str>,
    codes: &BTreeSet<u16>,
) -> Result<(), String> {
    let mut ids = BTreeSet::new();
    for p in platforms {
        let at = |m: String| format!("platforms.json {}: {m}", p.id);
        no_blank_text(p).map_err(at)?;
        if !ids.insert(p.id.as_str()) {
            return Err(at("twice".into()));
        }
        if !PLATFORM_KINDS.contains(&p.kind.as_str()) {
            return Err(at(format!("kind: one of {}", PLATFORM_KINDS.join(", "))));
        }
        if let Some(source) = &p.source {
            if !source_ids.contains(source.as_str()) {
                return Err(at(format!("no source {source}")));
            }
        }
        check_url(&p.url).map_err(at)?;
        // Only a strong sign names a platform: one without is never found.
        if !p.signs.iter().any(|s| s.strong) {
            return Err(at("no strong sign".into()));
        }
        for sign in &p.signs {
            if (sign.how == SignMatch::Present) != sign.value.is_none() {
                return Err(at(format!(
                    "sign {}: a value exactly when the match is not `present`",
                    sign.header
                )));
            }
        }
        let mut noted = BTreeSet::new();
        for note in &p.notes {
            check_codes_exist(&[note.code], codes).map_err(at)?;
            if !noted.insert(note.code) {
                return Err(at(format!("note {} twice", note.code)));
            }
        }
    }
    Ok(())
}

fn validate_cloudflare_errors(
    errors: &[RawCloudflareError],
    codes: &BTreeSet<u16>,
) -> Result<(), String> {
    for (i, e) in errors.iter().enumerate() {
        let at = |m: String| format!("cloudflare_errors.json {}: {m}", e.code);
        no_blank_text(e).map_err(at)?;
        if !(1000..2000).contains(&e.code) {
            return Err(at("not a 1xxx code".into()));
        }
        if i > 0 && errors[i - 1].code >= e.code {
            return Err(at("out of order or twice".into()));
        }
        if !STATUS_BASES.contains(&e.status_basis.as_str()) {
            return Err(at(format!(
                "status_basis: one of {}",
                STATUS_BASES.join(", ")
            )));
        }
        if e.status.is_none() != (e.status_basis == "unknown") {
            return Err(at("a status exactly when its basis is known".into()));
        }
        if let Some(status) = e.status {
            check_codes_exist(&[status], codes).map_err(at)?;
        }
    }
    Ok(())
}

fn validate_grpc(grpc: &RawGrpc, codes: &BTreeSet<u16>) -> Result<(), String> {
    for (i, g) in grpc.codes.iter().enumerate() {
        if usize::from(g.code) != i {
            return Err(format!(
                "grpc.json: codes must be 0..=16 in order, found {} at {i}",
                g.code
            ));
        }
        no_blank_text(g).map_err(|m| format!("grpc.json {}: {m}", g.name))?;
        check_codes_exist(&[g.http], codes).map_err(|m| format!("grpc.json {}: {m}", g.name))?;
    }
    for m in &grpc.from_http {
        if usize::from(m.grpc) >= grpc.codes.len() {
            return Err(format!(
                "grpc.json from_http {}: no gRPC code {}",
                m.http, m.grpc
            ));
        }
    }
    Ok(())
}

fn validate_entry(
    e: &RawEntry,
    sources: &BTreeSet<&str>,
    codes: &BTreeSet<u16>,
) -> Result<(), String> {
    if e.code > 999 {
        return Err("code must have three digits (000-999)".into());
    }
    if !sources.contains(e.source.as_str()) {
        return Err(format!("unknown source {:?}", e.source));
    }
    let official = e.source == "iana";
    if official != e.status.is_registry() {
        return Err(format!(
            "status {:?} does not fit source {:?}",
            e.status.as_str(),
            e.source
        ));
    }
    no_blank_text(e)?;
    for (field, list) in [
        ("causes", &e.causes),
        ("actions.client", &e.actions.client),
        ("actions.server", &e.actions.server),
    ] {
        if list.is_empty() {
            return Err(format!("empty {field}"));
        }
    }
    check_url(&e.url)?;
    if official && e.reference.is_none() {
        return Err("IANA entries need a reference".into());
    }
    if !official && e.seen.is_none() {
        return Err("vendor entries need `seen` (where a person meets the code)".into());
    }
    // One spelling per name: `I'm a teapot` once, whatever the case.
    let mut names = vec![e.name.to_lowercase()];
    for alias in &e.aliases {
        let key = alias.to_lowercase();
        if names.contains(&key) {
            return Err(format!("alias {alias:?} repeats a name (case aside)"));
        }
        names.push(key);
    }
    // A vendor entry may point at the IANA entry of its own number.
    if official && e.related.contains(&e.code) {
        return Err("related lists the code itself".into());
    }
    check_codes_exist(&e.related, codes).map_err(|m| format!("related: {m}"))
}

fn validate_guide(
    g: &RawGuide,
    codes: &BTreeSet<u16>,
    sources: &BTreeSet<&str>,
) -> Result<(), String> {
    no_blank_text(g)?;
    if g.columns.iter().filter(|c| *c == "Code").count() != 1 {
        return Err("exactly one column must be named \"Code\"".into());
    }
    if g.rows.is_empty() {
        return Err("no rows".into());
    }
    for (i, row) in g.rows.iter().enumerate() {
        if row.cells.len() + 1 != g.columns.len() {
            return Err(format!(
                "row {}: {} cells for {} columns",
                i + 1,
                row.cells.len(),
                g.columns.len()
            ));
        }
        if row.codes.is_empty() {
            return Err(format!("row {}: no codes", i + 1));
        }
        if let Some(source) = row.sources.iter().find(|s| !sources.contains(s.as_str())) {
            return Err(format!("row {}: unknown source {source:?}", i + 1));
        }
        check_codes_exist(&row.codes, codes).map_err(|m| format!("row {}: {m}", i + 1))?;
    }
    Ok(())
}

/// A link a terminal can open: https, a host, no white space or quotes.
fn check_url(url: &str) -> Result<(), String> {
    let host = url
        .strip_prefix("https://")
        .and_then(|rest| rest.split('/').next());
    let well_formed = host.is_some_and(|h| h.contains('.') && !h.starts_with('.'))
        && !url.contains(|c: char| c.is_whitespace() || c.is_control() || c == '"');
    if well_formed {
        Ok(())
    } else {
        Err(format!("url {url:?} is not an https link"))
    }
}

fn check_codes_exist(list: &[u16], codes: &BTreeSet<u16>) -> Result<(), String> {
    match list.iter().find(|c| !codes.contains(c)) {
        Some(missing) => Err(format!("code {missing:03} has no entry")),
        None => Ok(()),
    }
}

/// Every string of a table, at any depth, holds more than white space: one
/// check for every field, present and future (`empty summary`,
/// `empty causes[2]`).
fn no_blank_text<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let value = serde_json::to_value(value).map_err(|e| e.to_string())?;
    match blank_at(&value) {
        Some(path) => Err(format!("empty {path}")),
        None => Ok(()),
    }
}

/// The path of the first blank string in `value`, if any.
fn blank_at(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(s) if s.trim().is_empty() => Some(String::new()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| blank_at(item).map(|rest| format!("[{i}]{}", dotted(&rest)))),
        Value::Object(fields) => fields
            .iter()
            .find_map(|(key, item)| blank_at(item).map(|rest| format!("{key}{}", dotted(&rest)))),
        _ => None,
    }
}

/// `rest` joined to the key before it: `.client[1]`, `[1]`, or nothing.
fn dotted(rest: &str) -> String {
    if rest.is_empty() || rest.starts_with('[') {
        rest.to_string()
    } else {
        format!(".{rest}")
    }
}
