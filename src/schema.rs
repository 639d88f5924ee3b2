//! The shape of `data/`: the one declaration of every table and field.
//! `build.rs` parses and validates `data/` with it and embeds each table
//! through serde (`build/embed.rs`), as the types of `src/catalogue/` of the
//! same names without `Raw`; the crate's tests check it against reference
//! facts.
//!
//! Every struct denies unknown fields: a typo in `data/` fails the build.

use serde::{Deserialize, Serialize};

/// One status code as one source defines it: `data/codes/*.json` hold arrays
/// of these.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    /// 0..=999; `000` is written as 0.
    pub code: u16,
    /// Microsoft IIS sub-status (`500.19` is code 500, substatus 19).
    #[serde(default)]
    pub substatus: Option<u16>,
    /// Official reason phrase, or the vendor's own name for the code.
    pub name: String,
    /// Id of a source in `data/sources.json` (`iana`, `nginx`, ...).
    pub source: String,
    /// RFC and section for IANA entries, vendor documentation otherwise.
    #[serde(default)]
    pub reference: Option<String>,
    /// Where to read more (https): the RFC section for IANA entries
    /// (`https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5`), the
    /// vendor's own page for vendor codes.
    pub url: String,
    pub status: EntryStatus,
    /// One line.
    pub summary: String,
    /// A few sentences.
    pub description: String,
    /// Where a person meets it: who emits it, whether it reaches clients.
    #[serde(default)]
    pub seen: Option<String>,
    /// When to send it, for people designing an API or a server.
    #[serde(default)]
    pub use_when: Option<String>,
    /// Why you see it in practice.
    pub causes: Vec<String>,
    /// What to do about it.
    pub actions: RawActions,
    /// Header fields that go with it.
    #[serde(default)]
    pub headers: Vec<String>,
    /// Cacheable by default (RFC 9110 section 15.1; 451 by RFC 7725 section 3).
    pub cacheable: bool,
    /// A client may repeat the request as is, at least after waiting.
    pub retryable: bool,
    /// When and how to retry, one sentence.
    pub retry_note: String,
    /// Former official names and common variant spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Codes people confuse it with.
    #[serde(default)]
    pub related: Vec<u16>,
    /// Extra search words that appear nowhere else in the entry.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Redirect semantics, for 3xx codes that redirect.
    #[serde(default)]
    pub redirect: Option<RawRedirect>,
    /// Who is at fault, where the class default (4xx client, 5xx server) is wrong.
    #[serde(default)]
    pub fault: Option<String>,
    /// A short raw HTTP exchange, lines separated by `\n`.
    #[serde(default)]
    pub example: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawActions {
    /// What the person or program that sent the request should do.
    pub client: Vec<String>,
    /// What the person who runs the server should do.
    pub server: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRedirect {
    /// The new location is meant to replace the old one for good.
    pub permanent: bool,
    pub method: RedirectMethod,
}

/// Where a code stands: the IANA registry's word for registered codes, ours
/// for vendor codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryStatus {
    Permanent,
    Temporary,
    Unused,
    Obsoleted,
    /// A vendor's code, in use.
    Unofficial,
    /// A vendor's code the vendor no longer sends.
    Deprecated,
    /// A code known only from secondary lists: its vendor's own documents
    /// do not confirm it (or could not be read).
    Unverified,
}

/// What a redirect does to a POST's method and body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RedirectMethod {
    /// Method and body are kept (307, 308).
    Preserve,
    /// Clients may turn a POST into a GET (301, 302).
    MayChange,
    /// The follow-up request is always a GET (303).
    ToGet,
}

impl EntryStatus {
    /// The word in `data/` and `--json`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryStatus::Permanent => "permanent",
            EntryStatus::Temporary => "temporary",
            EntryStatus::Unused => "unused",
            EntryStatus::Obsoleted => "obsoleted",
            EntryStatus::Unofficial => "unofficial",
            EntryStatus::Deprecated => "deprecated",
            EntryStatus::Unverified => "unverified",
        }
    }

    /// A status of the IANA registry, not one of ours.
    pub fn is_registry(self) -> bool {
        !matches!(
            self,
            EntryStatus::Unofficial | EntryStatus::Deprecated | EntryStatus::Unverified
        )
    }

    /// Whether to list it after the meanings of its code that are in use
    /// and documented: deprecated first, then unverified.
    pub fn rank(self) -> u8 {
        match self {
            EntryStatus::Deprecated => 1,
            EntryStatus::Unverified => 2,
            _ => 0,
        }
    }
}

/// `data/sources.json`: who defines codes, and where our facts come from.
/// Listed by reach, IANA first, then the software most people meet: a code
/// with several meanings shows them in this order.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    /// Display name, used as `source` in JSON output.
    pub name: String,
    /// Where the facts (numbers, names) for this source were checked.
    pub facts: String,
}

/// `data/meta.json`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    /// Date of the IANA registry snapshot the table follows (YYYY-MM-DD).
    pub iana_snapshot: String,
}

/// `data/comparisons.json`: the key difference inside a confusion group.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawComparison {
    /// Two or more codes; `compare` shows the text of the smallest group
    /// that holds every compared code.
    pub codes: Vec<u16>,
    /// One to three sentences: what tells them apart and which to pick.
    pub difference: String,
}

/// `data/guides.json`: a decision guide rendered as one table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    /// Topic name typed on the command line (`redirect`, `client-error`).
    pub id: String,
    pub title: String,
    /// One or two sentences shown above the table.
    pub intro: String,
    /// Column headings. Exactly one of them is "Code": that column shows
    /// each row's `codes`; the other columns show `cells` in order.
    pub columns: Vec<String>,
    pub rows: Vec<RawGuideRow>,
    /// Paragraphs shown under the table.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Header fields the guide discusses, by name (`Retry-After`); their
    /// views point back here.
    #[serde(default)]
    pub headers: Vec<String>,
    /// Extra search words for the topic (`soft 404`, `enumeration`).
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuideRow {
    pub codes: Vec<u16>,
    /// Which meaning of the codes the row is about, by source id, for
    /// codes vendors reuse (nginx's 499, not Esri's); empty: every meaning.
    #[serde(default)]
    pub sources: Vec<String>,
    /// One per column other than "Code".
    pub cells: Vec<String>,
}

/// `data/headers.json`: a header field, and the status codes it goes with.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    /// Canonical spelling (`Retry-After`, `WWW-Authenticate`, `ETag`).
    pub name: String,
    /// One line.
    pub summary: String,
    /// A few sentences.
    pub description: String,
    /// The value's form (`Retry-After: <HTTP-date> | <delay-seconds>`).
    pub syntax: String,
    /// One header line as it appears on the wire.
    pub example: String,
    /// Who puts it on a message: `server`, `client`, `proxy`.
    pub sent_by: Vec<String>,
    /// Status codes it goes with, most important first.
    pub codes: Vec<u16>,
    /// Where it is defined (`RFC 9110, Section 10.2.3`, a draft, or a
    /// vendor's page for conventions without a specification).
    pub reference: String,
    /// That definition's address (https).
    pub url: String,
    pub status: HeaderStatus,
    /// Other headers that go with it, by name.
    #[serde(default)]
    pub related: Vec<String>,
    /// Variant spellings and older names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Extra search words that appear nowhere else in the entry.
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// How settled a header's definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeaderStatus {
    /// Defined by an RFC.
    Standard,
    /// An Internet-Draft: names and syntax may still change.
    Draft,
    /// No specification: a convention many services follow.
    Informal,
    /// Replaced or withdrawn.
    Obsolete,
}

/// `data/snippets.json`: client code that handles a status, one per topic
/// and language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSnippet {
    /// What the code does (`retry-after`); one snippet per topic and language.
    pub topic: String,
    /// The statuses it handles.
    pub codes: Vec<u16>,
    /// `curl`, `python`, `javascript`, `go` or `rust`.
    pub lang: String,
    /// One line.
    pub title: String,
    /// The code, lines separated by `\n`.
    pub code: String,
}

/// The languages snippets are written in, in the order views list them.
pub const SNIPPET_LANGS: [&str; 5] = ["curl", "python", "javascript", "go", "rust"];

/// `data/log_terms.json`: what the short codes of log formats mean
/// (HAProxy termination states, Envoy response flags, Heroku H codes,
/// IIS Win32 statuses, CloudFront result types), for `stats`; and why a
/// browser recorded no response (Chrome's `net::ERR_*`), for `har`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawLogTerm {
    /// `haproxy`, `envoy`, `heroku`, `win32`, `cloudfront` or `browser`.
    pub kind: String,
    /// As the log writes it: `sH`, `UF`, `H12`, `64`, `Miss`.
    pub code: String,
    /// A few words.
    pub meaning: String,
}

/// The kinds of `data/log_terms.json`.
pub const LOG_TERM_KINDS: [&str; 6] = [
    "haproxy",
    "envoy",
    "heroku",
    "win32",
    "cloudfront",
    "browser",
];

/// `data/platforms.json`: the CDNs, load balancers, proxies, servers and
/// hosts a response can come from, in the order they are preferred when
/// several match (platforms that ride on a CDN before the CDN), with the
/// headers that identify them and what common codes mean when they send
/// them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlatform {
    /// `cloudflare`, `aws-alb`.
    pub id: String,
    pub name: String,
    /// `cdn`, `load balancer`, `proxy`, `server`, `hosting` or `firewall`.
    pub kind: String,
    /// The source (`data/sources.json`) whose vendor entries apply.
    pub source: Option<String>,
    /// The vendor's documentation, https.
    pub url: String,
    /// Where the platform puts its own error code or reason.
    pub errors: String,
    pub signs: Vec<RawPlatformSign>,
    pub notes: Vec<RawPlatformNote>,
}

/// A header that identifies a platform.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlatformSign {
    /// As commonly written; matched case aside.
    pub header: String,
    /// How the value is compared: `present`, `equals`, `prefix`,
    /// `contains` or `suffix`.
    pub how: SignMatch,
    /// Compared case aside; none for `present`.
    pub value: Option<String>,
    /// Enough alone; a weak sign only backs a strong one.
    pub strong: bool,
    /// What the header tells, in a few words.
    pub says: String,
}

/// How a sign's value is compared with the header's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SignMatch {
    Present,
    Equals,
    Prefix,
    Contains,
    Suffix,
}

/// What a code usually means when this platform sends it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlatformNote {
    pub code: u16,
    pub note: String,
}

/// The kinds of `data/platforms.json`.
pub const PLATFORM_KINDS: [&str; 6] = [
    "cdn",
    "load balancer",
    "proxy",
    "server",
    "hosting",
    "firewall",
];

/// `data/cloudflare_errors.json`: Cloudflare's 1xxx error codes, which
/// its error pages carry in the body.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCloudflareError {
    pub code: u16,
    /// The name Cloudflare's documentation gives it.
    pub name: String,
    /// The HTTP status it comes with, where known.
    pub status: Option<u16>,
    /// How `status` is known: `documented`, `general rule` (most 1xxx
    /// errors are 403s), `inferred` or `unknown`.
    pub status_basis: String,
    pub category: Option<String>,
    pub meaning: String,
    pub action: String,
}

/// The values of `status_basis`.
pub const STATUS_BASES: [&str; 4] = ["documented", "general rule", "inferred", "unknown"];

/// `data/constants.json`: what a code is called in code, one object per
/// code, a field per language only where that language defines the code.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawConstants {
    pub code: u16,
    /// `http` crate: `StatusCode::NOT_FOUND`.
    #[serde(default)]
    pub rust: Option<String>,
    /// net/http: `http.StatusNotFound`.
    #[serde(default)]
    pub go: Option<String>,
    /// `http.HTTPStatus.NOT_FOUND`.
    #[serde(default)]
    pub python: Option<String>,
    /// Spring `org.springframework.http.HttpStatus.NOT_FOUND`.
    #[serde(default)]
    pub spring: Option<String>,
    /// .NET `System.Net.HttpStatusCode.NotFound`.
    #[serde(default)]
    pub dotnet: Option<String>,
    /// Node's `http.STATUS_CODES[code]` reason phrase.
    #[serde(default)]
    pub node: Option<String>,
}

/// `data/grpc.json`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawGrpc {
    pub codes: Vec<RawGrpcCode>,
    /// What gRPC clients make of an HTTP status that arrives without a
    /// grpc-status; every code not listed maps to UNKNOWN (2).
    pub from_http: Vec<RawHttpToGrpc>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawGrpcCode {
    pub code: u8,
    /// UPPER_SNAKE name (`UNAVAILABLE`).
    pub name: String,
    /// grpc-go identifier (`codes.Unavailable`).
    pub go: String,
    /// The HTTP status it maps to (grpc-gateway).
    pub http: u16,
    /// One line, our words.
    pub meaning: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawHttpToGrpc {
    pub http: u16,
    pub grpc: u8,
}
