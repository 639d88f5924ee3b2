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
    let source_rank: BTreeMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // Within a code, the order people meet the meanings in: IANA first,
    // codes still in use before deprecated ones, then sources by reach, the
    // order sources.json lists them in (curl before AWS, nginx before Esri).
    // The first entry names the code wherever only its number is known
    // (related codes), and answers `httpcode is`.
    entries.sort_by_key(|e| {
        (
            e.code,
            e.substatus,
            e.source != "iana",
            e.status == "deprecated",
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
        non_empty("difference", &c.difference)
            .map_err(|m| format!("comparison {:?}: {m}", c.codes))?;
    }
    let mut guide_ids = BTreeSet::new();
    for g in &t.guides {
        if !guide_ids.insert(g.id.as_str()) {
            return Err(format!("guide {}: duplicate id", g.id));
        }
        validate_guide(g, &codes, &source_ids).map_err(|m| format!("guide {}: {m}", g.id))?;
    }
    validate_constants(&t.constants, &codes)?;
    validate_grpc(&t.grpc, &codes)?;
    non_empty("iana_snapshot", &t.meta.iana_snapshot)
}

fn validate_constants(constants: &[RawConstants], codes: &BTreeSet<u16>) -> Result<(), String> {
    for pair in constants.windows(2) {
        if pair[0].code == pair[1].code {
            return Err(format!("constants.json: code {} twice", pair[0].code));
        }
    }
    for c in constants {
        check_codes_exist(&[c.code], codes).map_err(|m| format!("constants.json: {m}"))?;
        let names = [&c.rust, &c.go, &c.python, &c.spring, &c.dotnet, &c.node];
        for name in names.into_iter().flatten() {
            non_empty("constant", name).map_err(|m| format!("constants.json {}: {m}", c.code))?;
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
        non_empty("meaning", &g.meaning).map_err(|m| format!("grpc.json {}: {m}", g.name))?;
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
    if !ENTRY_STATUSES.contains(&e.status.as_str()) {
        return Err(format!("unknown status {:?}", e.status));
    }
    let official = e.source == "iana";
    let official_status =
        ["permanent", "temporary", "unused", "obsoleted"].contains(&e.status.as_str());
    if official != official_status {
        return Err(format!(
            "status {:?} does not fit source {:?}",
            e.status, e.source
        ));
    }
    non_empty("name", &e.name)?;
    non_empty("summary", &e.summary)?;
    non_empty("description", &e.description)?;
    non_empty("retry_note", &e.retry_note)?;
    non_empty_list("causes", &e.causes)?;
    non_empty_list("actions.client", &e.actions.client)?;
    non_empty_list("actions.server", &e.actions.server)?;
    for (field, list) in [
        ("headers", &e.headers),
        ("aliases", &e.aliases),
        ("keywords", &e.keywords),
    ] {
        for item in list {
            non_empty(field, item)?;
        }
    }
    for (field, value) in [
        ("reference", &e.reference),
        ("seen", &e.seen),
        ("use_when", &e.use_when),
        ("fault", &e.fault),
        ("example", &e.example),
    ] {
        if let Some(text) = value {
            non_empty(field, text)?;
        }
    }
    if official && e.reference.is_none() {
        return Err("IANA entries need a reference".into());
    }
    if !official && e.seen.is_none() {
        return Err("vendor entries need `seen` (where a person meets the code)".into());
    }
    if let Some(r) = &e.redirect {
        if !REDIRECT_METHODS.contains(&r.method.as_str()) {
            return Err(format!("unknown redirect method {:?}", r.method));
        }
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
    non_empty("title", &g.title)?;
    non_empty("intro", &g.intro)?;
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
        for cell in &row.cells {
            non_empty("cell", cell).map_err(|m| format!("row {}: {m}", i + 1))?;
        }
    }
    Ok(())
}

fn check_codes_exist(list: &[u16], codes: &BTreeSet<u16>) -> Result<(), String> {
    match list.iter().find(|c| !codes.contains(c)) {
        Some(missing) => Err(format!("code {missing:03} has no entry")),
        None => Ok(()),
    }
}

fn non_empty(field: &str, value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        Err(format!("empty {field}"))
    } else {
        Ok(())
    }
}

fn non_empty_list(field: &str, list: &[String]) -> Result<(), String> {
    if list.is_empty() {
        return Err(format!("empty {field}"));
    }
    list.iter().try_for_each(|item| non_empty(field, item))
}
