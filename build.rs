//! Reads `data/`, validates it, and writes the static tables the binary
//! embeds (`$OUT_DIR/tables.rs`). A malformed table fails here, naming the
//! bad entry, so it can never fail a user's run.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "build/embed.rs"]
mod embed;
#[path = "src/label.rs"]
mod label;
#[path = "src/schema.rs"]
mod schema;
#[path = "src/tokenize.rs"]
mod tokenize;
#[path = "src/validate.rs"]
mod validate;

use embed::Embed;
use schema::RawEntry;
use validate::{load, Tables};

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/schema.rs");
    println!("cargo:rerun-if-changed=src/tokenize.rs");
    println!("cargo:rerun-if-changed=src/label.rs");
    println!("cargo:rerun-if-changed=src/validate.rs");
    let data = Path::new("data");
    let tables = match load(data) {
        Ok(tables) => tables,
        Err(message) => {
            // A panic would print a backtrace hint; a clean message reads better.
            eprintln!("error: invalid data table: {message}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("tables.rs"), generate(&tables)).expect("write tables.rs");
}

// ---- code generation -------------------------------------------------------

fn generate(t: &Tables) -> String {
    let mut out = String::new();
    writeln!(
        out,
        "pub const IANA_SNAPSHOT: &str = {:?};",
        t.meta.iana_snapshot
    )
    .unwrap();
    let mut embed = Embed::default();
    let mut tables = || -> Result<(), embed::Error> {
        embed.table(&mut out, "SOURCES", &t.sources)?;
        embed.table(&mut out, "ENTRIES", &t.entries)?;
        embed.table(&mut out, "COMPARISONS", &t.comparisons)?;
        embed.table(&mut out, "GUIDES", &t.guides)?;
        embed.table(&mut out, "CONSTANTS", &t.constants)?;
        embed.table(&mut out, "GRPC_CODES", &t.grpc.codes)?;
        embed.table(&mut out, "HTTP_TO_GRPC", &t.grpc.from_http)
    };
    if let Err(e) = tables() {
        eprintln!("error: cannot embed the tables: {e}");
        std::process::exit(1);
    }
    generate_search_index(&mut out, &mut embed, t);
    let dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let text_file = dir.join("text.txt");
    let text = embed.finish(&mut out, &text_file.display().to_string());
    fs::write(&text_file, text).expect("write text.txt");
    out
}

/// The words of one search field of an entry (the source's name given).
type FieldWords = fn(&RawEntry, &str) -> Vec<String>;

/// The search fields, best first, each with its weight: the one place both
/// are declared. The index stores a field as its position here; the
/// weights are written beside the index as `FIELD_WEIGHTS` for search.rs.
const SEARCH_FIELDS: [(f64, FieldWords); 8] = [
    (10.0, |e, _| tokenize::words(&e.name)),
    (9.0, |e, _| tokenize::words(&e.aliases.join(" "))),
    (8.0, |e, _| tokenize::words(&e.keywords.join(" "))),
    (5.0, |e, _| tokenize::words(&e.summary)),
    (4.0, |_, source| tokenize::words(source)),
    (3.0, |e, _| tokenize::words(&e.causes.join(" "))),
    (2.0, |e, _| tokenize::words(&e.description)),
    (2.0, |e, _| tokenize::words(e.seen.as_deref().unwrap_or(""))),
];

/// An inverted index, word -> (entry index, best field), so a search reads
/// a few postings instead of every text of every entry.
fn generate_search_index(out: &mut String, embed: &mut Embed, t: &Tables) {
    let mut index: BTreeMap<String, BTreeMap<usize, usize>> = BTreeMap::new();
    for (i, e) in t.entries.iter().enumerate() {
        let source = t
            .sources
            .iter()
            .find(|s| s.id == e.source)
            .map_or("", |s| s.name.as_str());
        for (field, (_, words_of)) in SEARCH_FIELDS.iter().enumerate() {
            for word in words_of(e, source) {
                let best = index.entry(word).or_default().entry(i).or_insert(field);
                *best = (*best).min(field);
            }
        }
    }
    let mut postings: Vec<(usize, usize)> = Vec::new();
    writeln!(
        out,
        "\npub static SEARCH_INDEX: [IndexWord; {}] = [",
        index.len()
    )
    .unwrap();
    // Inverse document frequency, from 1 (a word in every entry) to about 6:
    // it depends only on the counts, so it is worked out here.
    let entry_count = t.entries.len() as f64;
    for (word, entries) in &index {
        let start = postings.len();
        postings.extend(entries.iter().map(|(e, f)| (*e, *f)));
        let idf = 1.0 + (entry_count / entries.len() as f64).ln();
        let word = embed.text(word);
        writeln!(
            out,
            "    IndexWord {{ word: {word}, start: {start}, len: {}, idf: {idf:?} }},",
            entries.len()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let weights: Vec<f64> = SEARCH_FIELDS.iter().map(|(weight, _)| *weight).collect();
    writeln!(
        out,
        "pub static FIELD_WEIGHTS: [f64; {}] = {weights:?};",
        weights.len()
    )
    .unwrap();
    writeln!(
        out,
        "pub static POSTINGS: [(u16, u8); {}] = {postings:?};",
        postings.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// Per entry: name, former names and keywords as search words.\npub static PHRASES: [TextList; {}] = [",
        t.entries.len()
    )
    .unwrap();
    for e in &t.entries {
        writeln!(out, "    {},", embed.text_list(&phrases(e))).unwrap();
    }
    out.push_str("];\n");
}

/// Name, former names and keywords in search form, for phrase matching.
fn phrases(e: &RawEntry) -> Vec<String> {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .chain(&e.keywords)
        .map(|text| tokenize::words(text).join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}
