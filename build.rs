//! Reads `data/`, validates it, and writes the static tables the binary
//! embeds (`$OUT_DIR/tables.rs`). A malformed table fails here, naming the
//! bad entry, so it can never fail a user's run.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "src/label.rs"]
mod label;
#[path = "src/schema.rs"]
#[allow(dead_code)]
mod schema;
#[path = "src/tokenize.rs"]
mod tokenize;
#[path = "src/validate.rs"]
mod validate;

use schema::*;
use validate::{load, Tables};

fn main() {
    println!("cargo:rerun-if-changed=data");
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

/// Every entry's text in one string, and lists as ranges of plain integers:
/// the generated tables hold no pointers, so the executable needs no
/// relocations for them at start-up and their pages are never written.
#[derive(Default)]
struct Blob {
    text: String,
    seen: BTreeMap<String, (usize, usize)>,
    lists: Vec<(usize, usize)>,
    codes: Vec<u16>,
}

impl Blob {
    fn span(&mut self, s: &str) -> (usize, usize) {
        if let Some(span) = self.seen.get(s) {
            return *span;
        }
        let span = (self.text.len(), s.len());
        self.text.push_str(s);
        self.seen.insert(s.to_string(), span);
        span
    }

    /// A `Text` expression for `s`.
    fn text(&mut self, s: &str) -> String {
        let (start, len) = self.span(s);
        format!("Text::new({start}, {len})")
    }

    fn opt(&mut self, s: Option<&str>) -> String {
        s.map_or("None".into(), |s| format!("Some({})", self.text(s)))
    }

    /// A `TextList` expression for `items`.
    fn list(&mut self, items: &[String]) -> String {
        let start = self.lists.len();
        for item in items {
            let span = self.span(item);
            self.lists.push(span);
        }
        format!("TextList::new({start}, {})", items.len())
    }

    /// A `CodeList` expression for `codes`.
    fn codes(&mut self, codes: &[u16]) -> String {
        let start = self.codes.len();
        self.codes.extend_from_slice(codes);
        format!("CodeList::new({start}, {})", codes.len())
    }
}

fn generate(t: &Tables) -> String {
    let mut out = String::new();
    let source_index: BTreeMap<&str, usize> = t
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    writeln!(
        out,
        "pub static IANA_SNAPSHOT: &str = {:?};",
        t.meta.iana_snapshot
    )
    .unwrap();
    out.push_str("pub static SOURCES: &[Source] = &[\n");
    for s in &t.sources {
        writeln!(
            out,
            "    Source {{ id: {:?}, name: {:?}, facts: {:?} }},",
            s.id, s.name, s.facts
        )
        .unwrap();
    }
    out.push_str("];\n\npub static ENTRIES: &[Entry] = &[\n");
    let mut blob = Blob::default();
    for e in &t.entries {
        generate_entry(&mut out, &mut blob, e, source_index[e.source.as_str()]);
    }
    out.push_str("];\n\npub static COMPARISONS: &[Comparison] = &[\n");
    for c in &t.comparisons {
        writeln!(
            out,
            "    Comparison {{ codes: &{:?}, difference: {:?} }},",
            c.codes, c.difference
        )
        .unwrap();
    }
    out.push_str("];\n\npub static GUIDES: &[Guide] = &[\n");
    for g in &t.guides {
        generate_guide(&mut out, g);
    }
    out.push_str("];\n\npub static CONSTANTS: &[Constants] = &[\n");
    for c in &t.constants {
        writeln!(
            out,
            "    Constants {{ code: {}, rust: {:?}, go: {:?}, python: {:?}, spring: {:?}, dotnet: {:?}, node: {:?} }},",
            c.code, c.rust, c.go, c.python, c.spring, c.dotnet, c.node
        )
        .unwrap();
    }
    out.push_str("];\n\npub static GRPC_CODES: &[GrpcCode] = &[\n");
    for g in &t.grpc.codes {
        writeln!(
            out,
            "    GrpcCode {{ code: {}, name: {:?}, go: {:?}, http: {}, meaning: {:?} }},",
            g.code, g.name, g.go, g.http, g.meaning
        )
        .unwrap();
    }
    out.push_str("];\n\npub static HTTP_TO_GRPC: &[(u16, u8)] = &[\n");
    for m in &t.grpc.from_http {
        writeln!(out, "    ({}, {}),", m.http, m.grpc).unwrap();
    }
    out.push_str("];\n");
    generate_search_index(&mut out, &mut blob, t);
    write_blob(&mut out, &blob);
    out
}

fn write_blob(out: &mut String, blob: &Blob) {
    let dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(dir.join("text.txt"), &blob.text).expect("write text.txt");
    out.push_str("\nconst TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/text.txt\"));\n");
    writeln!(out, "static TEXT_LISTS: [Text; {}] = [", blob.lists.len()).unwrap();
    for (start, len) in &blob.lists {
        writeln!(out, "    Text::new({start}, {len}),").unwrap();
    }
    out.push_str("];\n");
    writeln!(
        out,
        "static CODE_LISTS: [u16; {}] = {:?};",
        blob.codes.len(),
        blob.codes
    )
    .unwrap();
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
fn generate_search_index(out: &mut String, blob: &mut Blob, t: &Tables) {
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
        let word = blob.text(word);
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
}

fn generate_entry(out: &mut String, blob: &mut Blob, e: &RawEntry, source: usize) {
    let redirect = match &e.redirect {
        Some(r) => format!(
            "Some(Redirect {{ permanent: {}, method: RedirectMethod::{} }})",
            r.permanent,
            match r.method.as_str() {
                "preserve" => "Preserve",
                "may_change" => "MayChange",
                _ => "ToGet",
            }
        ),
        None => "None".into(),
    };
    let status = {
        let mut s = e.status.clone();
        s[..1].make_ascii_uppercase();
        s
    };
    let fields = [
        format!("code: {}", e.code),
        format!("substatus: {:?}", e.substatus),
        format!("name: {}", blob.text(&e.name)),
        format!("source: {source}"),
        format!("reference: {}", blob.opt(e.reference.as_deref())),
        format!("status: EntryStatus::{status}"),
        format!("summary: {}", blob.text(&e.summary)),
        format!("description: {}", blob.text(&e.description)),
        format!("seen: {}", blob.opt(e.seen.as_deref())),
        format!("use_when: {}", blob.opt(e.use_when.as_deref())),
        format!("causes: {}", blob.list(&e.causes)),
        format!("client_actions: {}", blob.list(&e.actions.client)),
        format!("server_actions: {}", blob.list(&e.actions.server)),
        format!("headers: {}", blob.list(&e.headers)),
        format!("cacheable: {}", e.cacheable),
        format!("retryable: {}", e.retryable),
        format!("retry_note: {}", blob.text(&e.retry_note)),
        format!("aliases: {}", blob.list(&e.aliases)),
        format!("related: {}", blob.codes(&e.related)),
        format!("keywords: {}", blob.list(&e.keywords)),
        format!("redirect: {redirect}"),
        format!("fault: {}", blob.opt(e.fault.as_deref())),
        format!("example: {}", blob.opt(e.example.as_deref())),
        format!("phrases: {}", blob.list(&phrases(e))),
    ];
    writeln!(out, "    Entry {{ {} }},", fields.join(", ")).unwrap();
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

fn generate_guide(out: &mut String, g: &RawGuide) {
    writeln!(
        out,
        "    Guide {{ id: {:?}, title: {:?}, intro: {:?}, columns: &{:?}, notes: &{:?}, rows: &[",
        g.id, g.title, g.intro, g.columns, g.notes
    )
    .unwrap();
    for row in &g.rows {
        writeln!(
            out,
            "        GuideRow {{ codes: &{:?}, sources: &{:?}, cells: &{:?} }},",
            row.codes, row.sources, row.cells
        )
        .unwrap();
    }
    out.push_str("    ] },\n");
}
