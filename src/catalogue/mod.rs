//! The catalogue's model: the types of the tables `build.rs` embeds from
//! `data/` (one per table of `src/schema.rs`, same name without `Raw`),
//! and the classes. An entry is `entry.rs`; how text is held, `text.rs`;
//! finding things in the tables, `queries.rs`. Nothing here parses at run
//! time.

mod entry;
mod queries;
mod text;

pub use crate::schema::{EntryStatus, HeaderStatus, RedirectMethod, SignMatch};
pub use entry::*;
pub use queries::*;
pub use text::*;

/// Who defines codes, and where our facts about them come from.
#[derive(Debug)]
pub struct Source {
    pub id: Text,
    pub name: Text,
    pub facts: Text,
}

impl RedirectMethod {
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

/// The key difference inside a group of often-confused codes.
#[derive(Debug)]
pub struct Comparison {
    pub codes: CodeList,
    pub difference: Text,
}

/// A decision guide: one table whose "Code" column links to entries.
#[derive(Debug, serde::Serialize)]
pub struct Guide {
    pub id: Text,
    pub title: Text,
    pub intro: Text,
    pub columns: TextList,
    pub rows: List<GuideRow>,
    pub notes: TextList,
    pub headers: TextList,
    #[serde(skip)]
    pub keywords: TextList,
}

#[derive(Debug, serde::Serialize)]
pub struct GuideRow {
    pub codes: CodeList,
    /// The meanings the row is about, by source id; empty: every meaning.
    pub sources: TextList,
    pub cells: TextList,
}

/// A header field, and the status codes it goes with.
#[derive(Debug, serde::Serialize)]
pub struct Header {
    pub name: Text,
    pub summary: Text,
    pub description: Text,
    pub syntax: Text,
    pub example: Text,
    pub sent_by: TextList,
    pub codes: CodeList,
    pub reference: Text,
    pub url: Text,
    pub status: HeaderStatus,
    pub related: TextList,
    pub aliases: TextList,
    #[serde(skip)]
    pub keywords: TextList,
}

impl HeaderStatus {
    /// The word in `data/` and `--json`.
    pub fn as_str(self) -> &'static str {
        match self {
            HeaderStatus::Standard => "standard",
            HeaderStatus::Draft => "draft",
            HeaderStatus::Informal => "informal",
            HeaderStatus::Obsolete => "obsolete",
        }
    }
}

/// Client code that handles a status, in one language.
#[derive(Debug, serde::Serialize)]
pub struct Snippet {
    pub topic: Text,
    pub codes: CodeList,
    pub lang: Text,
    pub title: Text,
    pub code: Text,
}

/// What a short code of a log format means (`sH`, `UF`, `H12`).
#[derive(Debug)]
pub struct LogTerm {
    pub kind: Text,
    pub code: Text,
    pub meaning: Text,
}

/// A CDN, load balancer, proxy, server or host a response can come from.
#[derive(Debug)]
pub struct Platform {
    pub id: Text,
    pub name: Text,
    pub kind: Text,
    pub source: Option<Text>,
    pub url: Text,
    pub errors: Text,
    pub signs: List<PlatformSign>,
    pub notes: List<PlatformNote>,
}

/// A header that identifies a platform.
#[derive(Debug)]
pub struct PlatformSign {
    pub header: Text,
    pub how: SignMatch,
    pub value: Option<Text>,
    pub strong: bool,
    pub says: Text,
}

/// What a code usually means when a platform sends it.
#[derive(Debug)]
pub struct PlatformNote {
    pub code: u16,
    pub note: Text,
}

/// One of Cloudflare's 1xxx error codes.
#[derive(Debug)]
pub struct CloudflareError {
    pub code: u16,
    pub name: Text,
    pub status: Option<u16>,
    pub status_basis: Text,
    pub category: Option<Text>,
    pub meaning: Text,
    pub action: Text,
}

/// What one code is called in code, per language (`None`: not defined there).
#[derive(Debug)]
pub struct Constants {
    pub code: u16,
    pub rust: Option<Text>,
    pub go: Option<Text>,
    pub python: Option<Text>,
    pub spring: Option<Text>,
    pub dotnet: Option<Text>,
    pub node: Option<Text>,
}

/// A canonical gRPC status code and the HTTP status grpc-gateway maps it to.
#[derive(Debug)]
pub struct GrpcCode {
    pub code: u8,
    pub name: Text,
    pub go: Text,
    pub http: u16,
    pub meaning: Text,
}

/// What a gRPC client reads an HTTP status without grpc-status as.
#[derive(Debug)]
pub struct HttpToGrpc {
    pub http: u16,
    pub grpc: u8,
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

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
