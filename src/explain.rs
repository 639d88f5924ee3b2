//! A response explained: the platform that sent it (from its headers),
//! what its code means there, and what its headers say. Pure functions over
//! a `Hop`; the chain's memory (`Chain`) is bounded whatever its length.

use crate::catalogue::{self, CloudflareError, Entry, Platform, SignMatch};
use crate::hops::Hop;

/// A header that named a platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// As the response wrote it.
    pub header: String,
    pub value: String,
    pub says: &'static str,
    pub strong: bool,
}

/// A platform the headers name, with the headers that did.
#[derive(Debug, Clone)]
pub struct Seen {
    pub platform: &'static Platform,
    pub evidence: Vec<Evidence>,
}

/// Platforms named by at least one strong header, preferred first (the
/// order of `data/platforms.json`): a weak header only backs a strong one.
pub fn platforms_of(hop: &Hop) -> Vec<Seen> {
    let mut seen = Vec::new();
    for platform in catalogue::platforms() {
        let mut evidence = Vec::new();
        for sign in platform.signs.iter() {
            for (name, value) in &hop.headers {
                if !name.eq_ignore_ascii_case(sign.header.get()) {
                    continue;
                }
                let wanted = sign.value.map_or("", |v| v.get());
                if matches(sign.how, value, wanted) {
                    evidence.push(Evidence {
                        header: name.clone(),
                        value: value.clone(),
                        says: sign.says.get(),
                        strong: sign.strong,
                    });
                    break;
                }
            }
        }
        if evidence.iter().any(|e| e.strong) {
            // The strong headers first: they are the reason.
            evidence.sort_by_key(|e| !e.strong);
            seen.push(Seen { platform, evidence });
        }
    }
    seen
}

/// Whether a header's `value` matches a sign's, case aside (no copies:
/// a HAR file asks this for every header of every entry).
fn matches(how: SignMatch, value: &str, wanted: &str) -> bool {
    let (value, wanted) = (value.as_bytes(), wanted.as_bytes());
    let n = wanted.len();
    match how {
        SignMatch::Present => true,
        SignMatch::Equals => value.eq_ignore_ascii_case(wanted),
        SignMatch::Prefix => value.len() >= n && value[..n].eq_ignore_ascii_case(wanted),
        SignMatch::Suffix => {
            value.len() >= n && value[value.len() - n..].eq_ignore_ascii_case(wanted)
        }
        SignMatch::Contains => n == 0 || value.windows(n).any(|w| w.eq_ignore_ascii_case(wanted)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Ok,
    Warn,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Ok => "ok",
            Level::Warn => "warn",
        }
    }
}

/// One thing the headers say, good or bad, and what backs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable, for scripts: `retry_after`, `redirect_loop`, ...
    pub id: &'static str,
    pub level: Level,
    pub text: String,
    /// The RFC section or guide that says so.
    pub basis: &'static str,
}

/// What the responses before this one showed, for the findings that need
/// the chain. Bounded: a long chain keeps its latest locations only.
#[derive(Debug, Default)]
pub struct Chain {
    locations: std::collections::VecDeque<String>,
    /// Some earlier redirect went to https.
    went_https: bool,
}

/// Locations remembered for loop detection.
const LOCATIONS_KEPT: usize = 1000;

/// A response, explained.
#[derive(Debug, Clone)]
pub struct Explained {
    pub platforms: Vec<Seen>,
    /// What the code means from this platform: its vendor entry, else the
    /// standard one.
    pub entry: Option<&'static Entry>,
    /// `entry` is the platform's own.
    pub vendor: bool,
    /// What the code usually means when this platform sends it.
    pub note: Option<&'static str>,
    /// A Cloudflare 1xxx error named in the body or headers.
    pub cloudflare: Option<&'static CloudflareError>,
    pub findings: Vec<Finding>,
}

impl Explained {
    /// The platform that sent the response: the preferred one named.
    pub fn platform(&self) -> Option<&'static Platform> {
        self.platforms.first().map(|s| s.platform)
    }
}

pub fn explain(hop: &Hop, chain: &mut Chain) -> Explained {
    let platforms = platforms_of(hop);
    let platform = platforms.first().map(|s| s.platform);
    let vendor_entry = platform.and_then(|p| {
        let source = p.source?.get();
        catalogue::lookup(hop.code, None)
            .iter()
            .find(|e| e.source.get() == source)
    });
    // IIS's detailed error page names the sub-status: `HTTP Error 404.3`.
    let substatus =
        iis_substatus(hop).and_then(|sub| catalogue::lookup(hop.code, Some(sub)).first());
    let vendor_entry = substatus.or(vendor_entry);
    let entry = vendor_entry.or_else(|| catalogue::lookup(hop.code, None).first());
    let note = platform.and_then(|p| {
        p.notes
            .iter()
            .find(|n| n.code == hop.code)
            .map(|n| n.note.get())
    });
    // Only Cloudflare's pages: another server's `error 1001` is its own.
    let from_cloudflare = platforms
        .iter()
        .any(|s| s.platform.id.get() == "cloudflare");
    let cloudflare = cloudflare_code(hop)
        .filter(|_| from_cloudflare)
        .and_then(catalogue::cloudflare_error);
    Explained {
        platforms,
        entry,
        vendor: vendor_entry.is_some(),
        note,
        cloudflare,
        findings: findings(hop, chain),
    }
}

/// The sub-status an IIS detailed error page names for this code
/// (`HTTP Error 404.3 - Not Found`).
fn iis_substatus(hop: &Hop) -> Option<u16> {
    let marker = format!("HTTP Error {:03}.", hop.code);
    let at = hop.body.find(&marker)? + marker.len();
    let digits: String = hop.body[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .take(4)
        .collect();
    digits.parse().ok()
}

/// A Cloudflare 1xxx code: the `cf-error-type` header, a body's
/// `error code: 1020`, an error page's `Error 1020`, or a JSON error's
/// `"error_code": 1020`.
fn cloudflare_code(hop: &Hop) -> Option<u16> {
    let four = |s: &str| -> Option<u16> {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4 && digits.starts_with('1'))
            .then(|| digits.parse().ok())
            .flatten()
    };
    if let Some(code) = hop.header("cf-error-type").and_then(|v| four(v.trim())) {
        return Some(code);
    }
    let body = hop.body.to_ascii_lowercase();
    for marker in [
        "error code: ",
        "error code ",
        "error ",
        "\"error_code\":",
        "\"error_code\": ",
    ] {
        for (at, _) in body.match_indices(marker) {
            if let Some(code) = four(&body[at + marker.len()..]) {
                return Some(code);
            }
        }
    }
    None
}

fn findings(hop: &Hop, chain: &mut Chain) -> Vec<Finding> {
    let mut out = Vec::new();
    let code = hop.code;
    let has = |name: &str| hop.header(name).is_some();
    let mut check = |id, applies: bool, good: bool, ok: &str, warn: &str, basis| {
        if applies {
            out.push(Finding {
                id,
                level: if good { Level::Ok } else { Level::Warn },
                text: if good { ok } else { warn }.to_string(),
                basis,
            });
        }
    };
    check(
        "redirect_location",
        matches!(code, 301 | 302 | 303 | 307 | 308),
        has("location"),
        "Location says where to go",
        "no Location: the client has nowhere to go",
        "RFC 9110, Section 10.2.2",
    );
    check(
        "created_location",
        code == 201,
        has("location"),
        "Location names what was created",
        "no Location: the client cannot tell what was created",
        "RFC 9110, Section 15.3.2",
    );
    check(
        "retry_after",
        code == 429 || code == 503,
        has("retry-after"),
        "Retry-After says when to try again",
        "no Retry-After: clients guess when to try again, often too soon",
        if code == 429 {
            "RFC 6585, Section 4"
        } else {
            "RFC 9110, Section 10.2.3"
        },
    );
    check(
        "www_authenticate",
        code == 401,
        has("www-authenticate"),
        "WWW-Authenticate names the scheme to use",
        "no WWW-Authenticate, which a 401 must send: the client cannot tell how to log in",
        "RFC 9110, Section 15.5.2",
    );
    check(
        "allow",
        code == 405,
        has("allow"),
        "Allow lists the methods that work",
        "no Allow, which a 405 must send: the client cannot tell which methods work",
        "RFC 9110, Section 15.5.6",
    );
    let multipart = hop
        .header("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/byteranges"));
    check(
        "content_range",
        (code == 206 && !multipart) || code == 416,
        has("content-range"),
        "Content-Range says which bytes",
        if code == 206 {
            "no Content-Range, which a single-part 206 must send"
        } else {
            "no Content-Range: the client cannot tell the resource's length"
        },
        if code == 206 {
            "RFC 9110, Section 15.3.7"
        } else {
            "RFC 9110, Section 15.5.17"
        },
    );
    let cache = CacheControl::of(hop);
    if code >= 400 && !cacheable_by_default(code) && cache.stored_for_others() {
        out.push(Finding {
            id: "cached_error",
            level: Level::Warn,
            text: format!(
                "a {code} marked cacheable ({}): caches may serve the error to everyone",
                cache.said
            ),
            basis: "guide caching",
        });
    }
    if code == 200 {
        if let Some(what) = error_body(&hop.body) {
            out.push(Finding {
                id: "soft_error",
                level: Level::Warn,
                text: format!(
                    "a 200 whose body is {what}: clients and monitors count it a success"
                ),
                basis: "guide api-errors",
            });
        }
    }
    if hop.header("set-cookie").is_some() {
        if let Some(why) = cache.shared_or_hit(hop) {
            out.push(Finding {
                id: "cookie_cached",
                level: Level::Warn,
                text: format!(
                    "Set-Cookie on a response {why}: one visitor's cookie may reach others"
                ),
                basis: "guide caching",
            });
        }
    }
    if matches!(code, 301 | 302) {
        if let Some((method, _)) = hop.request.as_ref().filter(|(m, _)| m == "POST") {
            out.push(Finding {
                id: "method_change",
                level: Level::Warn,
                text: format!(
                    "a {method} answered by {code}: clients (curl -L too) send the next request as GET, without the body; 307 or 308 keep the method"
                ),
                basis: "RFC 9110, Section 15.4",
            });
        }
    }
    if let Some(location) = hop.location() {
        let lower = location.to_ascii_lowercase();
        if chain.locations.iter().any(|l| *l == lower) {
            out.push(Finding {
                id: "redirect_loop",
                level: Level::Warn,
                text: "a redirect loop: this Location was already visited".to_string(),
                basis: "RFC 9110, Section 15.4",
            });
        }
        if lower.starts_with("http://") && chain.went_https {
            out.push(Finding {
                id: "scheme_downgrade",
                level: Level::Warn,
                text: "back from HTTPS to plain HTTP: the next request travels unencrypted"
                    .to_string(),
                basis: "guide security",
            });
        }
        chain.went_https |= lower.starts_with("https://");
        if chain.locations.len() == LOCATIONS_KEPT {
            chain.locations.pop_front();
        }
        chain.locations.push_back(lower);
    }
    out
}

/// Whether caches may store `code` without being told (RFC 9110, Section
/// 15.1; RFC 7725 for 451), from its first entry.
fn cacheable_by_default(code: u16) -> bool {
    catalogue::lookup(code, None)
        .first()
        .is_some_and(|e| e.cacheable)
}

/// What `Cache-Control` lets shared caches do.
struct CacheControl {
    public: bool,
    max_age: u64,
    s_maxage: u64,
    /// The directives that make it cacheable, as written.
    said: String,
}

impl CacheControl {
    fn of(hop: &Hop) -> CacheControl {
        let mut c = CacheControl {
            public: false,
            max_age: 0,
            s_maxage: 0,
            said: String::new(),
        };
        let mut said = Vec::new();
        for value in hop.headers_named("cache-control") {
            for directive in value.split(',').map(str::trim) {
                let lower = directive.to_ascii_lowercase();
                let seconds = |prefix: &str| {
                    lower
                        .strip_prefix(prefix)
                        .and_then(|n| n.trim_matches('"').parse::<u64>().ok())
                };
                if lower == "public" {
                    c.public = true;
                    said.push(directive.to_string());
                } else if let Some(n) = seconds("s-maxage=") {
                    c.s_maxage = n;
                    if n > 0 {
                        said.push(directive.to_string());
                    }
                } else if let Some(n) = seconds("max-age=") {
                    c.max_age = n;
                    if n > 0 {
                        said.push(directive.to_string());
                    }
                }
            }
        }
        c.said = crate::escape::visible(&said.join(", ")).into_owned();
        c
    }

    fn stored_for_others(&self) -> bool {
        self.public || self.max_age > 0 || self.s_maxage > 0
    }

    /// Why a shared cache may keep or served this response, if it may.
    fn shared_or_hit(&self, hop: &Hop) -> Option<&'static str> {
        if self.public || self.s_maxage > 0 {
            return Some("shared caches may store");
        }
        let hit = |name: &str| {
            hop.header(name)
                .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("hit"))
        };
        (hit("cf-cache-status") || hit("x-cache") || hit("x-vercel-cache"))
            .then_some("a cache says it served")
    }
}

/// What an error body looks like, if it looks like one: an HTML page
/// titled as an error, or a JSON object with an `error` or `errors` key.
fn error_body(body: &str) -> Option<&'static str> {
    let lower = body.to_ascii_lowercase();
    if let Some(start) = lower.find("<title>") {
        let title = &lower[start + 7..];
        let title = &title[..title.find("</title>").unwrap_or(title.len())];
        // Phrases of error pages, not words a page about errors may use.
        let phrases = [
            "not found",
            "server error",
            "internal error",
            "access denied",
            "forbidden",
            "service unavailable",
            "bad gateway",
            "gateway timeout",
            "error 4",
            "error 5",
        ];
        let title = title.trim();
        // Or a title that starts with a 4xx or 5xx code: `503 - down`.
        let b = title.as_bytes();
        let coded = b.len() >= 3
            && matches!(b[0], b'4' | b'5')
            && b[1..3].iter().all(u8::is_ascii_digit)
            && b.get(3).is_none_or(|c| !c.is_ascii_digit());
        if coded || phrases.iter().any(|w| title.contains(w)) {
            return Some("an error page");
        }
    }
    let trimmed = body.trim_start();
    if trimmed.starts_with('{') {
        let mut error = false;
        crate::logline::top_level_keys(trimmed.as_bytes(), |key, _| {
            error |= key == b"error" || key == b"errors";
            error
        });
        if error {
            return Some("a JSON error");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hop(code: u16, headers: &[(&str, &str)], body: &str) -> Hop {
        Hop {
            code,
            line: format!("HTTP/1.1 {code}"),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.to_string(),
            ..Hop::default()
        }
    }

    fn warnings(e: &Explained) -> Vec<&'static str> {
        e.findings
            .iter()
            .filter(|f| f.level == Level::Warn)
            .map(|f| f.id)
            .collect()
    }

    #[test]
    fn cloudflare_is_named_by_its_headers_and_its_1xxx_code_read() {
        let h = hop(
            403,
            &[("Server", "cloudflare"), ("CF-RAY", "8f1b2c3d4e5f6a7b-FRA")],
            "error code: 1020",
        );
        let e = explain(&h, &mut Chain::default());
        assert_eq!(e.platform().map(|p| p.id.get()), Some("cloudflare"));
        assert_eq!(e.cloudflare.map(|c| c.code), Some(1020));
        assert!(e.platforms[0]
            .evidence
            .iter()
            .any(|ev| ev.header == "CF-RAY"));
    }

    #[test]
    fn a_1xxx_code_counts_only_from_cloudflare() {
        let h = hop(403, &[("Server", "nginx")], "error code: 1020");
        assert!(explain(&h, &mut Chain::default()).cloudflare.is_none());
    }

    #[test]
    fn a_vendor_code_takes_the_platform_entry() {
        let h = hop(460, &[("Server", "awselb/2.0")], "");
        let e = explain(&h, &mut Chain::default());
        assert_eq!(e.platform().map(|p| p.id.get()), Some("aws-alb"));
        assert!(e.vendor);
        assert_eq!(e.entry.map(|x| x.source.get()), Some("aws-elb"));
    }

    #[test]
    fn an_iis_detailed_error_names_its_substatus() {
        let body = "<h3>HTTP Error 404.3 - Not Found</h3><h4>The page cannot be served</h4>";
        let h = hop(404, &[("Server", "Microsoft-IIS/10.0")], body);
        let e = explain(&h, &mut Chain::default());
        let entry = e.entry.unwrap();
        assert_eq!((entry.substatus, entry.source.get()), (Some(3), "iis"));
        assert!(e.vendor);
    }

    #[test]
    fn nothing_known_is_unknown() {
        let h = hop(502, &[("Content-Type", "text/html")], "");
        let e = explain(&h, &mut Chain::default());
        assert!(e.platform().is_none());
        assert_eq!(e.entry.map(|x| x.source.get()), Some("iana"));
    }

    #[test]
    fn missing_headers_are_warned_about() {
        let mut chain = Chain::default();
        for (code, id) in [
            (301, "redirect_location"),
            (201, "created_location"),
            (429, "retry_after"),
            (503, "retry_after"),
            (401, "www_authenticate"),
            (405, "allow"),
            (206, "content_range"),
            (416, "content_range"),
        ] {
            let e = explain(&hop(code, &[("Content-Length", "0")], ""), &mut chain);
            assert_eq!(warnings(&e), [id], "{code}");
        }
        let ok = explain(&hop(429, &[("Retry-After", "30")], ""), &mut chain);
        assert_eq!(ok.findings[0].level, Level::Ok);
    }

    #[test]
    fn caching_errors_cookies_and_soft_errors() {
        let mut chain = Chain::default();
        let cached = hop(
            503,
            &[
                ("Retry-After", "5"),
                ("Cache-Control", "public, max-age=600"),
            ],
            "",
        );
        assert_eq!(warnings(&explain(&cached, &mut chain)), ["cached_error"]);
        // A 404 is cacheable by default: saying so is no mistake.
        let not_found = hop(404, &[("Cache-Control", "max-age=60")], "");
        assert!(warnings(&explain(&not_found, &mut chain)).is_empty());
        let cookie = hop(
            200,
            &[("Set-Cookie", "id=1"), ("cf-cache-status", "HIT")],
            "",
        );
        assert_eq!(warnings(&explain(&cookie, &mut chain)), ["cookie_cached"]);
        let soft = hop(
            200,
            &[("Content-Type", "application/json")],
            r#"{"error":"not found"}"#,
        );
        assert_eq!(warnings(&explain(&soft, &mut chain)), ["soft_error"]);
        let page = hop(
            200,
            &[("Content-Type", "text/html")],
            "<html><title>404 Not Found</title>",
        );
        assert_eq!(warnings(&explain(&page, &mut chain)), ["soft_error"]);
        for title in ["Top 500 companies", "Error handling in Rust", "5000 tips"] {
            let body = format!("<title>{title}</title>");
            let fine = hop(200, &[("Content-Type", "text/html")], &body);
            assert!(warnings(&explain(&fine, &mut chain)).is_empty(), "{title}");
        }
    }

    #[test]
    fn chains_show_loops_downgrades_and_method_changes() {
        let mut chain = Chain::default();
        let to = |code, location: &str| hop(code, &[("Location", location)], "");
        assert!(warnings(&explain(&to(301, "https://a.example/"), &mut chain)).is_empty());
        assert_eq!(
            warnings(&explain(&to(302, "http://a.example/x"), &mut chain)),
            ["scheme_downgrade"]
        );
        assert_eq!(
            warnings(&explain(&to(301, "https://a.example/"), &mut chain)),
            ["redirect_loop"]
        );
        let mut post = to(302, "/done");
        post.request = Some(("POST".into(), "/form".into()));
        assert_eq!(
            warnings(&explain(&post, &mut Chain::default())),
            ["method_change"]
        );
    }

    #[test]
    fn a_long_chain_keeps_bounded_memory() {
        let mut chain = Chain::default();
        for i in 0..5000 {
            let h = hop(302, &[("Location", &format!("https://a.example/{i}"))], "");
            explain(&h, &mut chain);
        }
        assert_eq!(chain.locations.len(), LOCATIONS_KEPT);
    }
}
