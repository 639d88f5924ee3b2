//! The catalogue's model: the types of the tables `build.rs` embeds from
//! `data/`, and what follows from an entry (its class, source, fault).
//! Finding things in the tables is `queries.rs`. Nothing here parses at
//! run time.

mod queries;

pub use queries::*;

/// Who defines codes, and where our facts about them come from.
#[derive(Debug)]
pub struct Source {
    pub id: &'static str,
    pub name: &'static str,
    pub facts: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryStatus {
    Permanent,
    Temporary,
    Unused,
    Obsoleted,
    Unofficial,
    Deprecated,
}

impl EntryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryStatus::Permanent => "permanent",
            EntryStatus::Temporary => "temporary",
            EntryStatus::Unused => "unused",
            EntryStatus::Obsoleted => "obsoleted",
            EntryStatus::Unofficial => "unofficial",
            EntryStatus::Deprecated => "deprecated",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectMethod {
    /// Method and body are kept (307, 308).
    Preserve,
    /// Clients may turn a POST into a GET (301, 302).
    MayChange,
    /// The follow-up request is always a GET (303).
    ToGet,
}

impl RedirectMethod {
    /// The value in `data/` and `--json`: preserve, may_change, to_get.
    pub fn id(self) -> &'static str {
        match self {
            RedirectMethod::Preserve => "preserve",
            RedirectMethod::MayChange => "may_change",
            RedirectMethod::ToGet => "to_get",
        }
    }

    /// What happens to a POST's method and body, in words: the one place
    /// they are worded.
    pub fn text(self) -> &'static str {
        match self {
            RedirectMethod::Preserve => "method and body kept",
            RedirectMethod::MayChange => "POST may become GET",
            RedirectMethod::ToGet => "follow-up is always GET",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Redirect {
    pub permanent: bool,
    pub method: RedirectMethod,
}

impl Redirect {
    /// `permanent; method and body kept`.
    pub fn text(self) -> String {
        let lifetime = if self.permanent {
            "permanent"
        } else {
            "temporary"
        };
        format!("{lifetime}; {}", self.method.text())
    }
}

/// A string of the embedded text: a range of `TEXT`. Tables hold these
/// instead of `&str` so that they contain no pointers (see `build.rs`).
#[derive(Debug, Clone, Copy)]
pub struct Text {
    start: u32,
    len: u32,
}

impl Text {
    const fn new(start: u32, len: u32) -> Text {
        Text { start, len }
    }

    pub fn get(self) -> &'static str {
        let start = self.start as usize;
        &TEXT[start..start + self.len as usize]
    }
}

/// A list of strings: a range of `TEXT_LISTS`.
#[derive(Debug, Clone, Copy)]
pub struct TextList {
    start: u32,
    len: u32,
}

impl TextList {
    const fn new(start: u32, len: u32) -> TextList {
        TextList { start, len }
    }

    pub fn iter(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
        let start = self.start as usize;
        TEXT_LISTS[start..start + self.len as usize]
            .iter()
            .map(|t| t.get())
    }

    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    pub fn to_vec(self) -> Vec<&'static str> {
        self.iter().collect()
    }

    pub fn join(self, separator: &str) -> String {
        self.to_vec().join(separator)
    }
}

impl serde::Serialize for TextList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A list of codes: a range of `CODE_LISTS`.
#[derive(Debug, Clone, Copy)]
pub struct CodeList {
    start: u32,
    len: u32,
}

impl CodeList {
    const fn new(start: u32, len: u32) -> CodeList {
        CodeList { start, len }
    }

    pub fn get(self) -> &'static [u16] {
        let start = self.start as usize;
        &CODE_LISTS[start..start + self.len as usize]
    }
}

/// A word of the search index and the range of `POSTINGS` for it.
#[derive(Debug)]
pub struct IndexWord {
    pub word: Text,
    start: u32,
    len: u32,
    /// How much a match on this word weighs: rarer words weigh more.
    pub idf: f64,
}

impl IndexWord {
    /// (entry index, field) pairs of the entries holding the word.
    pub fn postings(&self) -> &'static [(u16, u8)] {
        let start = self.start as usize;
        &POSTINGS[start..start + self.len as usize]
    }
}

/// One status code as one source defines it. Field meanings: `src/schema.rs`.
#[derive(Debug)]
pub struct Entry {
    pub code: u16,
    pub substatus: Option<u16>,
    name: Text,
    source: u8,
    reference: Option<Text>,
    pub status: EntryStatus,
    summary: Text,
    description: Text,
    seen: Option<Text>,
    use_when: Option<Text>,
    pub causes: TextList,
    pub client_actions: TextList,
    pub server_actions: TextList,
    pub headers: TextList,
    pub cacheable: bool,
    pub retryable: bool,
    retry_note: Text,
    pub aliases: TextList,
    related: CodeList,
    pub keywords: TextList,
    pub redirect: Option<Redirect>,
    fault: Option<Text>,
    example: Option<Text>,
    /// Name, former names and keywords as search words joined by spaces.
    pub phrases: TextList,
}

/// The key difference inside a group of often-confused codes.
#[derive(Debug)]
pub struct Comparison {
    pub codes: &'static [u16],
    pub difference: &'static str,
}

/// A decision guide: one table whose "Code" column links to entries.
#[derive(Debug)]
pub struct Guide {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub columns: &'static [&'static str],
    pub rows: &'static [GuideRow],
    pub notes: &'static [&'static str],
}

#[derive(Debug)]
pub struct GuideRow {
    pub codes: &'static [u16],
    /// The meanings the row is about, by source id; empty: every meaning.
    pub sources: &'static [&'static str],
    pub cells: &'static [&'static str],
}

/// What one code is called in code, per language (`None`: not defined there).
#[derive(Debug)]
pub struct Constants {
    pub code: u16,
    pub rust: Option<&'static str>,
    pub go: Option<&'static str>,
    pub python: Option<&'static str>,
    pub spring: Option<&'static str>,
    pub dotnet: Option<&'static str>,
    pub node: Option<&'static str>,
}

/// A canonical gRPC status code and the HTTP status grpc-gateway maps it to.
#[derive(Debug)]
pub struct GrpcCode {
    pub code: u8,
    pub name: &'static str,
    pub go: &'static str,
    pub http: u16,
    pub meaning: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

impl Entry {
    pub fn name(&self) -> &'static str {
        self.name.get()
    }

    pub fn reference(&self) -> Option<&'static str> {
        self.reference.map(Text::get)
    }

    pub fn summary(&self) -> &'static str {
        self.summary.get()
    }

    pub fn description(&self) -> &'static str {
        self.description.get()
    }

    pub fn seen(&self) -> Option<&'static str> {
        self.seen.map(Text::get)
    }

    pub fn use_when(&self) -> Option<&'static str> {
        self.use_when.map(Text::get)
    }

    pub fn retry_note(&self) -> &'static str {
        self.retry_note.get()
    }

    pub fn related(&self) -> &'static [u16] {
        self.related.get()
    }

    pub fn example(&self) -> Option<&'static str> {
        self.example.map(Text::get)
    }

    pub fn source(&self) -> &'static Source {
        &SOURCES[usize::from(self.source)]
    }

    pub fn official(&self) -> bool {
        self.source().id == "iana"
    }

    pub fn class(&self) -> Class {
        Class::of(self.code)
    }

    /// `404`, `000`, `500.19`.
    pub fn code_label(&self) -> String {
        crate::label::code_label(self.code, self.substatus)
    }

    /// Who is at fault: the entry's own answer, or its class's.
    pub fn fault(&self) -> &'static str {
        self.fault.map_or_else(|| self.class().fault(), Text::get)
    }
}

/// The first digit of a code, and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Class(pub u8);

impl Class {
    pub fn of(code: u16) -> Class {
        // Codes are at most 999, so the first digit fits in a u8.
        Class((code / 100) as u8)
    }

    /// `4xx`.
    pub fn label(self) -> String {
        format!("{}xx", self.0)
    }

    /// Whether RFC 9110 defines this class (1xx to 5xx).
    pub fn is_standard(self) -> bool {
        (1..=5).contains(&self.0)
    }

    pub fn title(self) -> &'static str {
        match self.0 {
            1 => "Informational",
            2 => "Success",
            3 => "Redirection",
            4 => "Client Error",
            5 => "Server Error",
            _ => "Nonstandard",
        }
    }

    pub fn meaning(self) -> &'static str {
        match self.0 {
            1 => "An interim answer: the server has the request and the final response is still to come.",
            2 => "The server received, understood and carried out the request.",
            3 => "The client must take a further step, usually a request to another URL, to finish.",
            4 => "The server refuses the request as sent: the client must change something before trying again.",
            5 => "The request may be fine, but the server, or a server behind it, failed to carry it out.",
            _ => "No HTTP specification defines this range; only the vendors listed use codes in it.",
        }
    }

    pub fn fault(self) -> &'static str {
        match self.0 {
            1..=3 => "nobody (nothing went wrong)",
            4 => "the client",
            5 => "the server",
            _ => "depends on the vendor",
        }
    }
}
