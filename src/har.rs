//! HAR files (a browser's recording of a page's requests), summarised as
//! they stream: one entry at a time is held, and every list the summary
//! keeps has a cap, so a 100 MB recording needs a few megabytes.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::explain::{self, Chain, Level};
use crate::hops::{Hop, MAX_HEADERS};

/// Failed requests kept with their explanation; the rest are counted.
pub const FAILED_KEPT: usize = 50;
/// The slowest requests kept.
pub const SLOWEST_KEPT: usize = 10;
/// Redirect chains kept, and redirects waiting for the request they lead to.
pub const CHAINS_KEPT: usize = 20;
const PENDING_KEPT: usize = 10_000;
/// URLs are cut to this many characters in what is kept.
const URL_KEPT: usize = 300;

#[derive(Debug, Deserialize)]
struct Entry {
    #[serde(default)]
    time: f64,
    request: Request,
    response: Response,
}

#[derive(Debug, Deserialize)]
struct Request {
    #[serde(default)]
    method: String,
    #[serde(default)]
    url: String,
}

#[derive(Debug, Deserialize)]
struct Response {
    #[serde(default)]
    status: i64,
    #[serde(default, rename = "statusText")]
    status_text: String,
    #[serde(default, rename = "httpVersion")]
    http_version: String,
    #[serde(default)]
    headers: Vec<Header>,
    #[serde(default, rename = "redirectURL")]
    redirect_url: String,
    /// Chrome's reason for a request that got no response
    /// (`net::ERR_BLOCKED_BY_CLIENT`).
    #[serde(default, rename = "_error")]
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Header {
    #[serde(default)]
    name: String,
    #[serde(default)]
    value: String,
}

/// A request that failed: no response (status 0) or an error status.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Failed {
    pub code: u16,
    pub method: String,
    pub url: String,
    pub platform: Option<&'static str>,
    /// Chrome's `_error`, for a request with no response.
    pub error: Option<String>,
    /// Why: the error's meaning, or what the code means from the platform.
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Slow {
    pub time_ms: f64,
    pub code: u16,
    pub method: String,
    pub url: String,
}

/// Redirects followed by the browser, from the first URL to the last.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Redirects {
    pub from: String,
    pub codes: Vec<u16>,
    pub to: String,
}

#[derive(Debug, Default, PartialEq)]
pub struct Summary {
    pub entries: u64,
    /// Requests per class: index 0 for no response, 1 to 5 for 1xx to 5xx.
    pub classes: [u64; 6],
    pub failed: Vec<Failed>,
    pub failed_total: u64,
    pub slowest: Vec<Slow>,
    pub chains: Vec<Redirects>,
    pub chains_total: u64,
    /// Warnings by finding id: how many, and the first URL.
    pub findings: BTreeMap<&'static str, (u64, String)>,
    /// Responses per platform id.
    pub platforms: BTreeMap<&'static str, u64>,
    /// Redirects waiting for the request they lead to: target -> chain.
    pending: HashMap<String, Redirects>,
}

impl Summary {
    fn add(&mut self, e: Entry, chain: &mut Chain) {
        self.entries += 1;
        let code = u16::try_from(e.response.status)
            .ok()
            .filter(|c| *c < 1000)
            .unwrap_or(0);
        self.classes[usize::from(code / 100).min(5)] += 1;
        let url = cut(&e.request.url);
        let hop = to_hop(&e, code);
        let explained = explain::explain(&hop, chain);
        if let Some(platform) = explained.platform() {
            *self.platforms.entry(platform.id.get()).or_default() += 1;
        }
        for f in explained.findings.iter().filter(|f| f.level == Level::Warn) {
            self.findings
                .entry(f.id)
                .or_insert_with(|| (0, url.clone()))
                .0 += 1;
        }
        if code == 0 || code >= 400 {
            self.failed_total += 1;
            if self.failed.len() < FAILED_KEPT {
                let why = if code == 0 {
                    no_response(e.response.error.as_deref(), &e.request.url)
                } else {
                    explained
                        .note
                        .or(explained.entry.map(|x| x.summary.get()))
                        .unwrap_or("an unknown code")
                        .to_string()
                };
                self.failed.push(Failed {
                    code,
                    method: e.request.method.clone(),
                    url: url.clone(),
                    platform: explained.platform().map(|p| p.name.get()),
                    error: e.response.error.clone(),
                    why,
                });
            }
        }
        self.slow(e.time, code, &e.request.method, &url);
        self.follow(code, &url, &e.response.redirect_url);
    }

    fn slow(&mut self, time_ms: f64, code: u16, method: &str, url: &str) {
        if !time_ms.is_finite() || time_ms < 0.0 {
            return;
        }
        let full = self.slowest.len() == SLOWEST_KEPT;
        if full && self.slowest.last().is_some_and(|s| s.time_ms >= time_ms) {
            return;
        }
        if full {
            self.slowest.pop();
        }
        let at = self.slowest.partition_point(|s| s.time_ms >= time_ms);
        self.slowest.insert(
            at,
            Slow {
                time_ms,
                code,
                method: method.to_string(),
                url: url.to_string(),
            },
        );
    }

    /// Chains redirects: a request for a URL some redirect pointed to
    /// extends that redirect's chain; a request that is no redirect ends it.
    fn follow(&mut self, code: u16, url: &str, redirect: &str) {
        let mut chain = self.pending.remove(url);
        let redirects = (300..400).contains(&code) && code != 304 && !redirect.is_empty();
        if redirects {
            let target = cut(&absolute(url, redirect));
            let mut next = chain.take().unwrap_or_else(|| Redirects {
                from: url.to_string(),
                codes: Vec::new(),
                to: String::new(),
            });
            if next.codes.len() < 50 {
                next.codes.push(code);
            }
            next.to = target.clone();
            if self.pending.len() < PENDING_KEPT {
                self.pending.insert(target, next);
            }
            return;
        }
        if let Some(mut done) = chain {
            done.codes.push(code);
            done.to = url.to_string();
            self.chains_total += 1;
            if self.chains.len() < CHAINS_KEPT {
                self.chains.push(done);
            }
        }
    }

    /// Redirects whose target was never requested count as chains too.
    fn finish(&mut self) {
        let mut left: Vec<Redirects> = self.pending.drain().map(|(_, r)| r).collect();
        left.sort_by(|a, b| a.from.cmp(&b.from));
        for r in left {
            self.chains_total += 1;
            if self.chains.len() < CHAINS_KEPT {
                self.chains.push(r);
            }
        }
    }
}

/// A HAR entry as the hop `explain` reads.
fn to_hop(e: &Entry, code: u16) -> Hop {
    let mut headers: Vec<(String, String)> = e
        .response
        .headers
        .iter()
        .take(MAX_HEADERS)
        .map(|h| (h.name.clone(), h.value.clone()))
        .collect();
    // Chrome keeps a redirect's target in redirectURL too.
    let has_location = headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("location"));
    if !has_location && !e.response.redirect_url.is_empty() {
        headers.push(("Location".to_string(), e.response.redirect_url.clone()));
    }
    let version = match e.response.http_version.as_str() {
        "" => "HTTP/1.1".to_string(),
        v => v.to_ascii_uppercase(),
    };
    Hop {
        code,
        line: format!("{version} {code:03} {}", e.response.status_text),
        headers,
        body: String::new(),
        request: Some((e.request.method.clone(), e.request.url.clone())),
    }
}

/// Why a browser recorded no response: Chrome's `_error`, explained from
/// `data/log_terms.json`, or what status 0 usually means.
fn no_response(error: Option<&str>, url: &str) -> String {
    let known = error.and_then(|e| crate::catalogue::log_term("browser", e.as_bytes()));
    match (error, known) {
        (Some(_), Some(meaning)) => meaning.to_string(),
        (Some(e), None) => format!("the browser gave up with {}", crate::escape::visible(e)),
        (None, _) if url.starts_with("http://") => crate::catalogue::log_term("browser", b"0 http")
            .unwrap_or_default()
            .to_string(),
        (None, _) => crate::catalogue::log_term("browser", b"0")
            .unwrap_or_default()
            .to_string(),
    }
}

/// `target` of a redirect from `url`, made absolute.
fn absolute(url: &str, target: &str) -> String {
    if target.contains("://") {
        return target.to_string();
    }
    let Some(scheme_end) = url.find("://") else {
        return target.to_string();
    };
    let host_end = url[scheme_end + 3..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + 3 + i);
    if target.starts_with("//") {
        return format!("{}{target}", &url[..scheme_end + 1]);
    }
    if target.starts_with('/') {
        return format!("{}{target}", &url[..host_end]);
    }
    let dir_end = url
        .rfind('/')
        .filter(|&i| i >= host_end)
        .map_or(url.len(), |i| i + 1);
    let base = if dir_end > host_end {
        &url[..dir_end]
    } else {
        &url[..host_end]
    };
    let slash = if base.ends_with('/') { "" } else { "/" };
    format!("{base}{slash}{target}")
}

fn cut(url: &str) -> String {
    url.chars().take(URL_KEPT).collect()
}

/// Reads a HAR file from `input`, entry by entry.
pub fn summarise(input: impl io::Read) -> Result<Summary, String> {
    let mut summary = Summary::default();
    let mut chain = Chain::default();
    let mut de = serde_json::Deserializer::from_reader(input);
    let entries = Entries {
        summary: &mut summary,
        chain: &mut chain,
    };
    // `{"log": {"entries": [...]}}`, walked without building the document.
    let log = Member {
        key: "entries",
        seed: entries,
    };
    Member {
        key: "log",
        seed: log,
    }
    .deserialize(&mut de)
    .map_err(|e| format!("not a HAR file: {e}"))?;
    de.end().map_err(|e| format!("not a HAR file: {e}"))?;
    summary.finish();
    Ok(summary)
}

/// An object whose member `key` is read with `seed`; the others are
/// skipped without being kept.
struct Member<S> {
    key: &'static str,
    seed: S,
}

impl<'de, S: DeserializeSeed<'de, Value = ()>> DeserializeSeed<'de> for Member<S> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: DeserializeSeed<'de, Value = ()>> Visitor<'de> for Member<S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an object with {:?}", self.key)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seed = Some(self.seed);
        while let Some(key) = map.next_key::<String>()? {
            match seed.take_if(|_| key == self.key) {
                Some(found) => map.next_value_seed(found)?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match seed {
            None => Ok(()),
            Some(_) => Err(de::Error::custom(format!("no {:?} object", self.key))),
        }
    }
}

struct Entries<'s> {
    summary: &'s mut Summary,
    chain: &'s mut Chain,
}

impl<'de> DeserializeSeed<'de> for Entries<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Entries<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<Entry>()? {
            self.summary.add(entry, self.chain);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(method: &str, url: &str, status: i64, extra: &str) -> String {
        format!(
            r#"{{"startedDateTime":"2026-12-03T10:00:00Z","time":12.5,"request":{{"method":"{method}","url":"{url}","headers":[]}},"response":{{"status":{status},"statusText":"","headers":[]{extra}}}}}"#
        )
    }

    fn har(entries: &[String]) -> String {
        format!(
            r#"{{"log":{{"version":"1.2","creator":{{"name":"t"}},"entries":[{}]}}}}"#,
            entries.join(",")
        )
    }

    #[test]
    fn classes_failures_chains_and_slowest() {
        let text = har(&[
            entry(
                "GET",
                "http://a.example/",
                301,
                r#","redirectURL":"https://a.example/""#,
            ),
            entry(
                "GET",
                "https://a.example/",
                302,
                r#","redirectURL":"/home""#,
            ),
            entry("GET", "https://a.example/home", 200, ""),
            entry(
                "GET",
                "https://ads.example/x.js",
                0,
                r#","_error":"net::ERR_BLOCKED_BY_CLIENT""#,
            ),
            entry("POST", "https://a.example/api", 503, ""),
        ]);
        let s = summarise(text.as_bytes()).unwrap();
        assert_eq!(s.entries, 5);
        assert_eq!(s.classes, [1, 0, 1, 2, 0, 1]);
        assert_eq!(s.failed_total, 2);
        assert_eq!(s.failed[0].code, 0);
        assert!(s.failed[0].why.contains("extension"), "{}", s.failed[0].why);
        assert_eq!(s.chains.len(), 1);
        assert_eq!(s.chains[0].codes, [301, 302, 200]);
        assert_eq!(s.chains[0].to, "https://a.example/home");
        assert_eq!(s.findings.get("retry_after").map(|f| f.0), Some(1));
        assert_eq!(s.slowest.len(), 5);
    }

    #[test]
    fn a_file_that_is_no_har_is_an_error() {
        for text in [
            "",
            "[]",
            r#"{"log":{}}"#,
            r#"{"log":{"entries":{}}}"#,
            "{\"log\": {\"entries\": [",
            "null",
        ] {
            assert!(summarise(text.as_bytes()).is_err(), "{text}");
        }
        assert!(summarise(har(&[]).as_bytes()).is_ok());
    }

    #[test]
    fn relative_redirects_resolve() {
        assert_eq!(
            absolute("https://a.example/x/y", "/z"),
            "https://a.example/z"
        );
        assert_eq!(
            absolute("https://a.example/x/y", "z"),
            "https://a.example/x/z"
        );
        assert_eq!(absolute("https://a.example", "z"), "https://a.example/z");
        assert_eq!(
            absolute("https://a.example/", "//b.example/"),
            "https://b.example/"
        );
        assert_eq!(
            absolute("https://a.example/", "http://c.example/"),
            "http://c.example/"
        );
    }
}
