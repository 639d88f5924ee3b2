//! The command line, declared with clap. Only clap types live here, so the
//! man page and completion generators can reuse the definition.

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  httpcode 404                      explain one code
  httpcode 301 308                  several codes
  httpcode 4xx                      a class (also 4, 4XX, 30x, 500-504)
  httpcode 500.19                   an IIS sub-status
  httpcode \"HTTP/1.1 503 Service Unavailable\"
  httpcode search gateway timeout   find a code by words, typos welcome
  httpcode teapot                   bare words search too
  httpcode compare 401 403          side by side, with the key difference
  httpcode guide retry              which codes to retry, and how
  httpcode list --source nginx      every entry of one source
  httpcode 404 --json               stable JSON for scripts
  httpcode 404 --lang go            the constant's name in Go (rust, python, java, dotnet, node)
  httpcode grpc unavailable         a gRPC code and its HTTP status
  httpcode is retryable 503         exit 0 for yes, 1 for no
  httpcode stats access.log         what an access log's status codes say
  httpcode har session.har          a browser recording: failures explained
  curl -si https://example.com | httpcode      who sent the response, and what it says
  curl -sIL https://example.com | httpcode     a redirect chain, hop by hop";

/// Explain HTTP status codes: the IANA registry and the vendor codes seen in logs.
#[derive(Debug, Parser)]
#[command(
    name = "httpcode",
    version,
    about,
    after_long_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    /// Codes (404, 000, 500.19), patterns (4xx, 30x, 4), ranges (500-504),
    /// a status line ("HTTP/2 404"), or words to search for.
    #[arg(value_name = "CODE|PATTERN|WORDS", allow_negative_numbers = true)]
    pub query: Vec<String>,

    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options that mean the same before or after a subcommand.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Print JSON: for codes, an array of entries (schema in the README);
    /// each command's --help says what it prints.
    #[arg(long = "json", global = true)]
    pub json: bool,

    /// When to use colors.
    #[arg(long = "color", value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Layout width in columns, 40 to 1000 (default: the terminal's, or 80 when not a terminal).
    #[arg(long = "width", global = true, value_name = "COLUMNS", value_parser = parse_width)]
    pub width: Option<u16>,

    /// Only entries from this source (iana, nginx, cloudflare, iis, ...; see `httpcode sources`).
    #[arg(long = "source", global = true, value_name = "SOURCE")]
    pub source: Option<String>,

    /// Print only the code's name in this language (`http.StatusNotFound`).
    #[arg(long = "lang", value_enum, global = true, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// Print client code that handles the code in this language (curl,
    /// python, javascript, go, rust): `httpcode 429 --snippet python`.
    #[arg(long = "snippet", value_enum, global = true, value_name = "LANG")]
    pub snippet: Option<SnippetLang>,

    /// Leave out the raw HTTP example in detail views.
    #[arg(long = "no-example", global = true)]
    pub no_example: bool,

    /// A card of one screen for each code: name, summary, retry, the first
    /// causes and actions.
    #[arg(long = "short", global = true)]
    pub short: bool,

    /// When to page output taller than the terminal ($HTTPCODE_PAGER, else
    /// $PAGER, else less -FRX); never when not a terminal.
    #[arg(long = "pager", value_enum, default_value_t = PagerChoice::Auto, global = true, value_name = "WHEN")]
    pub pager: PagerChoice,

    /// Never page; the same as --pager never.
    #[arg(long = "no-pager", global = true)]
    pub no_pager: bool,
}

/// The narrowest layout every view keeps within; a test checks each view there.
pub const MIN_WIDTH: u16 = 40;
/// Wider than any screen; keeps the layout arithmetic small.
pub const MAX_WIDTH: u16 = 1000;

fn parse_format(text: &str) -> Result<crate::formats::Format, String> {
    crate::formats::Format::from_name(text).ok_or_else(|| {
        let names: Vec<&str> = crate::formats::FORMATS.iter().map(|f| f.name()).collect();
        format!("one of {}", names.join(", "))
    })
}

fn parse_width(text: &str) -> Result<u16, String> {
    let too_narrow = || format!("views need at least {MIN_WIDTH} columns");
    match text.trim().parse::<u16>() {
        Ok(w) if w < MIN_WIDTH => Err(too_narrow()),
        Ok(w) if w > MAX_WIDTH => Err(format!("at most {MAX_WIDTH} columns")),
        Ok(w) => Ok(w),
        Err(_) if text.trim().bytes().all(|b| b.is_ascii_digit()) && !text.trim().is_empty() => {
            Err(format!("at most {MAX_WIDTH} columns"))
        }
        Err(_) => Err(format!("a number of columns, {MIN_WIDTH} to {MAX_WIDTH}")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// The `http` crate's StatusCode constants.
    Rust,
    /// net/http constants.
    Go,
    /// http.HTTPStatus.
    Python,
    /// Spring's HttpStatus.
    Java,
    /// System.Net.HttpStatusCode.
    #[value(alias = "csharp")]
    Dotnet,
    /// http.STATUS_CODES reason phrases.
    Node,
}

/// The languages of `--snippet`, as `data/snippets.json` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SnippetLang {
    /// A curl command line.
    Curl,
    /// Python with requests.
    #[value(alias = "py")]
    Python,
    /// JavaScript with fetch (Node 18+ or a browser).
    #[value(alias = "js", alias = "node")]
    Javascript,
    /// Go with net/http.
    Go,
    /// Rust with reqwest.
    Rust,
}

impl SnippetLang {
    /// The language's name in `data/snippets.json`.
    pub fn id(self) -> &'static str {
        match self {
            SnippetLang::Curl => "curl",
            SnippetLang::Python => "python",
            SnippetLang::Javascript => "javascript",
            SnippetLang::Go => "go",
            SnippetLang::Rust => "rust",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Color when standard output is a terminal, NO_COLOR is not set and TERM is not dumb.
    Auto,
    /// Color even in a pipe, and even when NO_COLOR is set.
    Always,
    /// No color.
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PagerChoice {
    /// Page on a terminal when the output is taller than the screen.
    Auto,
    /// Page on a terminal whatever the length.
    Always,
    /// Never page.
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every entry as a table.
    #[command(after_help = "With --json: an array of entries (the README's entry schema).")]
    List(ListArgs),
    /// Find codes by name, former name, cause or keyword; typos are forgiven.
    #[command(
        after_help = "With --json: an array of entries, best first, each with its \"score\"."
    )]
    Search(SearchArgs),
    /// Compare codes side by side and show the key difference.
    #[command(
        after_help = "With --json: an object, {\"entries\": [entries], \"difference\": text or null}."
    )]
    Compare(CompareArgs),
    /// Decision guides: which code to send, retry or cache.
    #[command(
        after_help = "With --json: the guide as an object {id, title, intro, columns, rows, notes}; without a topic, an array of {id, title}."
    )]
    Guide(GuideArgs),
    /// Header fields: what one does, its syntax, the codes it goes with.
    #[command(
        after_help = "Names are matched case aside, and a near miss (Retry-Afer) shows the nearest header with a note.\n\nWith --json: an array of headers {name, summary, description, syntax, example, sent_by, codes, reference, url, status, related, aliases}; without a name, every header."
    )]
    Header(HeaderArgs),
    /// The sources of the table, their entry counts and where the facts come from.
    #[command(
        after_help = "With --json: an object, {\"iana_snapshot\": date, \"sources\": [{id, name, entries, facts}]}."
    )]
    Sources,
    /// The 17 gRPC status codes and the HTTP statuses they map to.
    #[command(
        after_help = "With --json: an array of {code, name, go, http, http_name, meaning}, one element for one code."
    )]
    Grpc(GrpcArgs),
    /// Answer yes or no by exit code, for scripts: 0 yes, 1 no, 2 bad input.
    ///
    /// A code with several meanings is answered for the first, in the order
    /// `httpcode CODE` lists them (IANA, then by reach: curl's 000 before
    /// AWS's); --source picks another.
    #[command(
        after_help = "With --json: an object, {\"predicate\", \"code\", \"answer\": true or false, \"source\": the id of the entry that answered, or null}; the exit code is the same."
    )]
    Is(IsArgs),
    /// Count the status codes of access logs: per code, per class, ratios, availability.
    #[command(
        after_help = "With --json: an object {total, unparsed, availability, nines, ratios, classes, codes}, and under --by also unit, untimed, bad_time and buckets (schema in the README)."
    )]
    Stats(StatsArgs),
    /// Summarise a HAR file from a browser's developer tools: requests by
    /// class, failed requests explained, redirect chains, the slowest.
    ///
    /// A HAR file piped to httpcode with no command is summarised too.
    #[command(
        after_help = "With --json: an object {entries, classes, failed, failed_total, chains, chains_total, slowest, findings, platforms} (schema in the README)."
    )]
    Har(HarArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print the man page (roff), e.g. `httpcode man > httpcode.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct GrpcArgs {
    /// A gRPC code by number (14) or name (UNAVAILABLE, unavailable); all when absent.
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Log files, plain or gzipped; `-` or none for standard input. The
    /// format is recognised per file: NCSA common/combined (with nginx's
    /// us= upstream status), IIS W3C, AWS ALB and Classic ELB, CloudFront,
    /// HAProxy, Envoy, Caddy, Traefik, Cloudflare Logpush, Heroku router,
    /// other JSON lines, or one code per line.
    #[arg(value_name = "FILE")]
    pub files: Vec<std::path::PathBuf>,

    /// Read every line as this format instead of recognising it: ncsa, iis,
    /// alb, elb, cloudfront, haproxy, envoy, caddy, traefik, cloudflare,
    /// heroku, json, codes.
    #[arg(long = "format", value_name = "NAME", value_parser = parse_format)]
    pub format: Option<crate::formats::Format>,

    /// Also list the N paths (and hosts, targets or upstreams, where the
    /// format names them) with the most 5xx and the most 4xx. Memory stays
    /// bounded: counts are exact up to 10,000 distinct values per list,
    /// and beyond that may be low by at most 1/10,001 of the requests.
    #[arg(long = "top", value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub top: Option<u16>,

    /// Count only requests at or after this time: ISO 8601
    /// (2024-05-01T12:00:00Z, +02:00 offsets, or a date alone) or a log
    /// stamp (01/May/2024:12:00:00 +0000); without a zone, UTC. Requests
    /// without a readable stamp are left out.
    #[arg(long = "since", value_name = "TIME", value_parser = crate::timestamp::parse_instant)]
    pub since: Option<i64>,

    /// Count only requests before this time (same forms as --since).
    #[arg(long = "until", value_name = "TIME", value_parser = crate::timestamp::parse_instant)]
    pub until: Option<i64>,

    /// Keep reading files as they grow, as `tail -F` does (a file that is
    /// rotated or truncated is read again from its start). On a terminal
    /// the summary is redrawn about once a second; otherwise one JSON
    /// object per line is printed each second that new requests came in.
    /// Ends with Ctrl-C, or when the output is closed.
    #[arg(long = "follow", short = 'f')]
    pub follow: bool,

    /// Take the status from this whitespace-separated field (1-based, as awk).
    #[arg(long = "field", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub field: Option<u16>,

    /// Also split requests by time: `[23/Nov/2026:10:00:00 +0200]` in NCSA
    /// logs, an ISO 8601 "time", "timestamp" or "@timestamp" in JSON lines.
    /// Each request counts at the instant its stamp names (a stamp without
    /// an offset is UTC). Past 10,000 buckets the unit grows (minute, hour,
    /// day, month, year) and the output says so.
    #[arg(long = "by", value_enum, value_name = "UNIT")]
    pub by: Option<TimeUnit>,

    /// The zone buckets of --by are cut and labelled in, and the zone of
    /// stamps written in local time without one (HAProxy's): UTC (the
    /// default), Z, or a fixed offset such as +02:00, +0200 or -05:30.
    #[arg(
        long = "tz",
        value_name = "OFFSET",
        default_value = "UTC",
        allow_hyphen_values = true,
        value_parser = crate::timestamp::parse_tz
    )]
    pub tz: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimeUnit {
    /// One row per hour.
    Hour,
    /// One row per minute.
    Minute,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct IsArgs {
    /// What to ask about the code.
    #[arg(value_enum, value_name = "PREDICATE")]
    pub predicate: Predicate,

    /// The code (404, 000, or a status line).
    #[arg(value_name = "CODE", allow_negative_numbers = true)]
    pub code: String,

    /// Print "yes" or "no" as well.
    #[arg(long = "verbose", short = 'v')]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Predicate {
    /// A client may repeat the request unchanged, at least after waiting.
    Retryable,
    /// Cacheable by default (RFC 9110, section 15.1; 451 by RFC 7725).
    Cacheable,
    /// Sends the client elsewhere with Location: 301, 302, 303, 307, 308.
    Redirect,
    /// A failure: 4xx, 5xx, or a vendor code outside 1xx-5xx (000, 999).
    Error,
    /// 4xx.
    ClientError,
    /// 5xx.
    ServerError,
    /// 2xx.
    Success,
    /// 1xx.
    Informational,
    /// In the IANA registry.
    Official,
    /// Has an entry in our table (IANA or a vendor).
    Known,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this class or pattern (4xx, 5, 30x).
    #[arg(long = "class", value_name = "CLASS")]
    pub class: Option<String>,

    /// Only codes in the IANA registry.
    #[arg(long = "official", conflicts_with = "unofficial")]
    pub official: bool,

    /// Only vendor and unofficial codes.
    #[arg(long = "unofficial")]
    pub unofficial: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for; several words are one query.
    #[arg(required = true, value_name = "WORDS")]
    pub words: Vec<String>,

    /// Show at most this many results.
    #[arg(long = "limit", default_value_t = 10, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub limit: u16,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more codes or patterns (301 308, 30x).
    #[arg(required = true, value_name = "CODE", allow_negative_numbers = true)]
    pub codes: Vec<String>,
}

#[derive(Debug, Args)]
pub struct HarArgs {
    /// The HAR file; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct HeaderArgs {
    /// Header names (Retry-After, etag); without one, every header is listed.
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GuideArgs {
    /// The topic; without one, the topics are listed.
    #[arg(value_name = "TOPIC")]
    pub topic: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
