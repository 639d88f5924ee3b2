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
        embed.table(&mut out, "HTTP_TO_GRPC", &t.grpc.from_http)?;
        embed.table(&mut out, "HEADERS", &t.headers)?;
        embed.table(&mut out, "SNIPPETS", &t.snippets)?;
        embed.table(&mut out, "LOG_TERMS", &t.log_terms)?;
        embed.table(&mut out, "PLATFORMS", &t.platforms)?;
        embed.table(&mut out, "CLOUDFLARE_ERRORS", &t.cloudflare_errors)
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

/// The search fields, best first, each with its weight: the one place both
/// are declared. The index stores a field as its position here; the
/// weights are written beside the index as `FIELD_WEIGHTS` for search.rs.
/// Headers and guides fill the same places with their own texts.
const SEARCH_FIELDS: [(f64, &str); 8] = [
    (10.0, "name"),
    (9.0, "former names"),
    (8.0, "keywords (guides: also the headers they discuss)"),
    (5.0, "summary (guides: intro)"),
    (
        4.0,
        "source's name (headers, guides: the word header or guide)",
    ),
    (
        3.0,
        "causes (headers: syntax and example; guides: table cells)",
    ),
    (2.0, "description (guides: notes)"),
    (2.0, "where you see it"),
];

/// One searchable thing, as the text of each search field.
struct Doc {
    fields: [String; SEARCH_FIELDS.len()],
    /// Name, former names and keywords, for phrase matching.
    phrases: Vec<String>,
}

/// Everything search ranks, in the order search.rs numbers it: entries,
/// then headers, then guides.
fn docs(t: &Tables) -> Vec<Doc> {
    let entries = t.entries.iter().map(|e| {
        let source = t
            .sources
            .iter()
            .find(|s| s.id == e.source)
            .map_or("", |s| s.name.as_str());
        Doc {
            fields: [
                e.name.clone(),
                e.aliases.join(" "),
                e.keywords.join(" "),
                e.summary.clone(),
                source.to_string(),
                e.causes.join(" "),
                e.description.clone(),
                e.seen.clone().unwrap_or_default(),
            ],
            phrases: phrases(
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .chain(&e.keywords),
            ),
        }
    });
    let headers = t.headers.iter().map(|h| Doc {
        fields: [
            h.name.clone(),
            h.aliases.join(" "),
            h.keywords.join(" "),
            h.summary.clone(),
            "header".to_string(),
            format!("{} {}", h.syntax, h.example),
            h.description.clone(),
            String::new(),
        ],
        phrases: phrases(
            std::iter::once(&h.name)
                .chain(&h.aliases)
                .chain(&h.keywords),
        ),
    });
    let guides = t.guides.iter().map(|g| {
        let cells: Vec<&str> = g
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .map(String::as_str)
            .collect();
        let name = format!("{} {}", g.id, g.title);
        Doc {
            fields: [
                name.clone(),
                String::new(),
                format!("{} {}", g.keywords.join(" "), g.headers.join(" ")),
                g.intro.clone(),
                "guide".to_string(),
                cells.join(" "),
                g.notes.join(" "),
                String::new(),
            ],
            phrases: phrases([&g.id, &g.title].into_iter().chain(&g.keywords)),
        }
    });
    entries.chain(headers).chain(guides).collect()
}

/// An inverted index, word -> (document, best field), so a search reads
/// a few postings instead of every text of every entry.
fn generate_search_index(out: &mut String, embed: &mut Embed, t: &Tables) {
    let docs = docs(t);
    let mut index: BTreeMap<String, BTreeMap<usize, usize>> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        for (field, text) in doc.fields.iter().enumerate() {
            for word in tokenize::words(text) {
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
    // Inverse document frequency, from 1 (a word in every document) to
    // about 6: it depends only on the counts, so it is worked out here.
    let doc_count = docs.len() as f64;
    for (word, found_in) in &index {
        let start = postings.len();
        postings.extend(found_in.iter().map(|(d, f)| (*d, *f)));
        let idf = 1.0 + (doc_count / found_in.len() as f64).ln();
        let word = embed.text(word);
        writeln!(
            out,
            "    IndexWord {{ word: {word}, start: {start}, len: {}, idf: {idf:?} }},",
            found_in.len()
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
        "/// Per document: name, former names and keywords as search words.\npub static PHRASES: [TextList; {}] = [",
        docs.len()
    )
    .unwrap();
    for doc in &docs {
        writeln!(out, "    {},", embed.text_list(&doc.phrases)).unwrap();
    }
    out.push_str("];\n");
}

/// Names in search form, for phrase matching.
fn phrases<'a>(names: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    names
        .into_iter()
        .map(|text| tokenize::words(text).join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}
