//! `--json` output. The shapes here are a documented interface (README,
//! "JSON schema"): add fields freely, never rename or remove one.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalogue::{Entry, GrpcCode, Text, IANA_SNAPSHOT};

/// An entry as `--json` shows it: its own fields (`Entry`'s `Serialize`),
/// then what other tables say about its code.
#[derive(Debug, Serialize)]
pub struct EntryJson {
    #[serde(flatten)]
    pub entry: &'static Entry,
    /// Language -> expression (`"go": "http.StatusNotFound"`), where defined.
    pub constants: BTreeMap<&'static str, String>,
    /// gRPC codes mapped to this status, and how gRPC clients read it.
    pub grpc: Option<GrpcForHttpJson>,
}

#[derive(Debug, Serialize)]
pub struct GrpcForHttpJson {
    /// gRPC codes grpc-gateway answers with this status.
    pub from: Vec<GrpcRefJson>,
    /// What a gRPC client makes of this status without grpc-status.
    pub read_as: GrpcRefJson,
}

#[derive(Debug, Serialize)]
pub struct GrpcRefJson {
    pub code: u8,
    pub name: Text,
}

#[derive(Debug, Serialize)]
pub struct GrpcCodeJson {
    pub code: u8,
    pub name: Text,
    pub go: Text,
    pub http: u16,
    pub http_name: Option<&'static str>,
    pub meaning: Text,
}

pub fn grpc_codes(codes: impl Iterator<Item = &'static GrpcCode>) -> Vec<GrpcCodeJson> {
    codes
        .map(|g| GrpcCodeJson {
            code: g.code,
            name: g.name,
            go: g.go,
            http: g.http,
            http_name: crate::catalogue::primary_name(g.http),
            meaning: g.meaning,
        })
        .collect()
}

fn constants_of(e: &Entry) -> BTreeMap<&'static str, String> {
    let Some(c) = crate::catalogue::constants(e.code).filter(|_| e.substatus.is_none()) else {
        return BTreeMap::new();
    };
    crate::lang::ALL
        .iter()
        .filter(|l| crate::lang::applies(e, **l))
        .filter_map(|l| crate::lang::expression(c, *l).map(|x| (l.id(), x)))
        .collect()
}

fn grpc_of(e: &Entry) -> Option<GrpcForHttpJson> {
    if e.substatus.is_some() {
        return None;
    }
    let r = crate::catalogue::grpc_read_as(e.code);
    Some(GrpcForHttpJson {
        from: crate::catalogue::grpc_codes_for(e.code)
            .map(|g| GrpcRefJson {
                code: g.code,
                name: g.name,
            })
            .collect(),
        read_as: GrpcRefJson {
            code: r.code,
            name: r.name,
        },
    })
}

impl From<&'static Entry> for EntryJson {
    fn from(entry: &'static Entry) -> Self {
        EntryJson {
            entry,
            constants: constants_of(entry),
            grpc: grpc_of(entry),
        }
    }
}

pub fn entries(list: &[&'static Entry]) -> Vec<EntryJson> {
    list.iter().map(|e| EntryJson::from(*e)).collect()
}

/// Pretty JSON with a trailing newline.
pub fn to_string<T: Serialize>(value: &T) -> String {
    // Serializing plain structs of strings, numbers and bools cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[derive(Debug, Serialize)]
pub struct SourcesJson {
    pub iana_snapshot: &'static str,
    pub sources: Vec<SourceJson>,
}

#[derive(Debug, Serialize)]
pub struct SourceJson {
    pub id: Text,
    pub name: Text,
    pub entries: usize,
    pub facts: Text,
}

pub fn sources(only: Option<&crate::catalogue::Source>) -> SourcesJson {
    SourcesJson {
        iana_snapshot: IANA_SNAPSHOT,
        sources: crate::catalogue::entry_counts(only)
            .into_iter()
            .map(|(s, entries)| SourceJson {
                id: s.id,
                name: s.name,
                entries,
                facts: s.facts,
            })
            .collect(),
    }
}

#[derive(Debug, Serialize)]
pub struct StatsJson {
    pub total: u64,
    pub unparsed: u64,
    /// (total - 5xx) / total; null without requests.
    pub availability: Option<f64>,
    /// -log10(1 - availability); null without 5xx or without requests.
    pub nines: Option<f64>,
    pub ratios: RatiosJson,
    pub classes: Vec<CountJson>,
    pub codes: Vec<CountJson>,
    /// With `--by`: `unit`, `untimed`, `bad_time` and `buckets`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<TimelineJson>,
    /// The formats recognised (`ncsa`, `iis`, `alb`, ...), in the order met.
    pub formats: Vec<&'static str>,
    /// Requests left out by `--since`/`--until`.
    pub filtered_out: u64,
    /// For formats with a second status (ALB target, Cloudflare origin...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<SecondJson>,
    /// The formats' own breakdowns, by name (`substatus`, `response_flags`...).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<&'static str, DetailJson>,
    /// With `--top`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top: Option<TopJson>,
}

#[derive(Debug, Serialize)]
pub struct SecondJson {
    /// Who writes the status (`ALB`), and who the second (`target`).
    pub front: &'static str,
    pub behind: &'static str,
    /// Lines where the hop behind gave no status.
    pub missing: u64,
    /// 4xx and 5xx the front hop produced itself.
    pub made_in_front: ClassPairJson,
    /// 4xx and 5xx passed on unchanged.
    pub passed_on: ClassPairJson,
    pub codes: Vec<CountJson>,
}

#[derive(Debug, Serialize)]
pub struct ClassPairJson {
    pub client_errors: u64,
    pub server_errors: u64,
}

#[derive(Debug, Serialize)]
pub struct DetailJson {
    /// Most frequent first.
    pub values: Vec<DetailValueJson>,
    /// Requests whose value came after 1,000 distinct ones.
    pub other: u64,
}

#[derive(Debug, Serialize)]
pub struct DetailValueJson {
    pub key: String,
    /// What it means, where we know (an IIS sub-status name, a flag).
    pub meaning: Option<&'static str>,
    pub count: u64,
    pub share: f64,
}

#[derive(Debug, Serialize)]
pub struct TopJson {
    pub limit: usize,
    pub paths: TopClassesJson,
    pub hosts: TopClassesJson,
}

#[derive(Debug, Serialize)]
pub struct TopClassesJson {
    #[serde(rename = "4xx")]
    pub client_errors: TopListJson,
    #[serde(rename = "5xx")]
    pub server_errors: TopListJson,
}

#[derive(Debug, Serialize)]
pub struct TopListJson {
    /// Requests of the class with a value.
    pub seen: u64,
    /// How much any count may be below the true one (0: exact).
    pub max_error: u64,
    pub values: Vec<TopValueJson>,
}

#[derive(Debug, Serialize)]
pub struct TopValueJson {
    pub key: String,
    pub count: u64,
    /// Of `seen`.
    pub share: f64,
}

/// Requests per time bucket, next to the other fields of `stats --json`.
#[derive(Debug, Serialize)]
pub struct TimelineJson {
    /// What a bucket spans: what `--by` asked for, or a coarser unit (hour,
    /// day, month, year) when the log spans more buckets than are kept.
    pub unit: &'static str,
    /// Requests without a readable timestamp, `bad_time` included.
    pub untimed: u64,
    /// Requests whose stamp names no real time (`30/Feb`, `77:00`).
    pub bad_time: u64,
    /// In time order.
    pub buckets: Vec<BucketJson>,
}

#[derive(Debug, Serialize)]
pub struct BucketJson {
    /// The start of the bucket, RFC 3339 at the `--tz` offset.
    pub time: String,
    pub total: u64,
    pub client_errors: u64,
    pub server_errors: u64,
}

#[derive(Debug, Serialize)]
pub struct RatiosJson {
    pub client_error: f64,
    pub server_error: f64,
    /// client_error above the usual 5 % threshold.
    pub client_error_high: bool,
    /// server_error above the usual 1 % threshold.
    pub server_error_high: bool,
}

#[derive(Debug, Serialize)]
pub struct CountJson {
    /// "404" for a code, "4xx" for a class.
    pub key: String,
    pub name: Option<&'static str>,
    pub count: u64,
    pub share: f64,
}

/// The codes counted in `by_code`, in order, each with its share of all
/// requests.
fn code_counts(by_code: &[u64; 1000], counts: &crate::stats::Counts) -> Vec<CountJson> {
    (0..1000u16)
        .filter(|&c| by_code[usize::from(c)] > 0)
        .map(|c| {
            let n = by_code[usize::from(c)];
            CountJson {
                key: format!("{c:03}"),
                name: crate::catalogue::primary_name(c),
                count: n,
                share: counts.share(n),
            }
        })
        .collect()
}

/// What a breakdown's value means, where we know.
pub fn detail_meaning(kind: crate::stats::DetailKind, key: &[u8]) -> Option<&'static str> {
    use crate::stats::DetailKind;
    let terms = match kind {
        DetailKind::Substatus => {
            let text = std::str::from_utf8(key).ok()?;
            let (code, sub) = text.split_once('.')?;
            return crate::catalogue::lookup(code.parse().ok()?, Some(sub.parse().ok()?))
                .first()
                .map(|e| e.name.get());
        }
        DetailKind::Win32 => "win32",
        DetailKind::EdgeResult => "cloudfront",
        DetailKind::Termination => "haproxy",
        DetailKind::Flag => "envoy",
        DetailKind::HerokuCode => "heroku",
        DetailKind::Reason => return None,
    };
    crate::catalogue::log_term(terms, key)
}

pub fn stats(counts: &crate::stats::Counts) -> StatsJson {
    use crate::stats::{above, nines, CLIENT_ERROR_THRESHOLD, SERVER_ERROR_THRESHOLD};
    let any = counts.total > 0;
    let client = counts.share(counts.class(4));
    let server = counts.share(counts.class(5));
    StatsJson {
        total: counts.total,
        unparsed: counts.unparsed,
        availability: any.then(|| counts.availability()),
        nines: if any {
            nines(counts.availability())
        } else {
            None
        },
        ratios: RatiosJson {
            client_error: client,
            server_error: server,
            client_error_high: above(client, CLIENT_ERROR_THRESHOLD),
            server_error_high: above(server, SERVER_ERROR_THRESHOLD),
        },
        classes: (0..10)
            .filter(|&d| counts.class(d) > 0)
            .map(|d| CountJson {
                key: format!("{d}xx"),
                name: None,
                count: counts.class(d),
                share: counts.share(counts.class(d)),
            })
            .collect(),
        codes: code_counts(&counts.by_code, counts),
        formats: counts.formats.iter().map(|f| f.name()).collect(),
        filtered_out: counts.filtered_out,
        second: counts.second.as_ref().map(|second| {
            let (front, behind) = counts.hops().unwrap_or(("front", "backend"));
            SecondJson {
                front,
                behind,
                missing: second.missing,
                made_in_front: ClassPairJson {
                    client_errors: second.made_in_front[0],
                    server_errors: second.made_in_front[1],
                },
                passed_on: ClassPairJson {
                    client_errors: second.passed_on[0],
                    server_errors: second.passed_on[1],
                },
                codes: code_counts(&second.by_code, counts),
            }
        }),
        details: counts
            .details
            .iter()
            .map(|(kind, tally)| {
                let values = tally
                    .ranked()
                    .into_iter()
                    .map(|(key, n)| DetailValueJson {
                        key: String::from_utf8_lossy(key).into_owned(),
                        meaning: detail_meaning(*kind, key),
                        count: n,
                        share: counts.share(n),
                    })
                    .collect();
                (
                    kind.name(),
                    DetailJson {
                        values,
                        other: tally.other(),
                    },
                )
            })
            .collect(),
        top: counts.top.as_ref().map(|top| {
            let list = |sketch: &crate::stats::Sketch| TopListJson {
                seen: sketch.seen,
                max_error: sketch.error_bound(),
                values: sketch
                    .best(top.limit)
                    .into_iter()
                    .map(|(key, n)| TopValueJson {
                        key: String::from_utf8_lossy(key).into_owned(),
                        count: n,
                        share: if sketch.seen == 0 {
                            0.0
                        } else {
                            n as f64 / sketch.seen as f64
                        },
                    })
                    .collect(),
            };
            let classes = |pair: &[crate::stats::Sketch; 2]| TopClassesJson {
                client_errors: list(&pair[0]),
                server_errors: list(&pair[1]),
            };
            TopJson {
                limit: top.limit,
                paths: classes(&top.paths),
                hosts: classes(&top.hosts),
            }
        }),
        timeline: counts.buckets.as_ref().map(|b| TimelineJson {
            unit: b.unit().name(),
            untimed: b.untimed,
            bad_time: b.bad_time,
            buckets: b
                .in_order()
                .into_iter()
                .map(|(start, bucket)| BucketJson {
                    time: crate::timestamp::rfc3339(start, b.offset()),
                    total: bucket.total,
                    client_errors: bucket.client_errors,
                    server_errors: bucket.server_errors,
                })
                .collect(),
        }),
    }
}

/// A status read on stdin (a bare code, or a status line and its headers).
#[derive(Debug, Serialize)]
pub struct HopJson {
    pub code: u16,
    pub name: Option<&'static str>,
    pub class: String,
    pub line: String,
    pub location: Option<String>,
    pub retry_after: Option<String>,
}

impl HopJson {
    pub fn of(hop: crate::hops::Hop, name: Option<&'static str>) -> HopJson {
        HopJson {
            code: hop.code,
            name,
            class: crate::catalogue::Class::of(hop.code).label(),
            location: hop.location().map(str::to_string),
            retry_after: hop.retry_after().map(str::to_string),
            line: hop.line,
        }
    }
}

/// A response read on stdin and explained (`curl -si URL | httpcode
/// --json`): what a bare hop shows, then the platform, the entry that
/// applies there and the findings.
#[derive(Debug, Serialize)]
pub struct ResponseJson {
    #[serde(flatten)]
    pub hop: HopJson,
    /// The platform that sent it (its id), `null` when no header names one.
    pub platform: Option<&'static str>,
    pub platform_name: Option<&'static str>,
    /// The headers that named it.
    pub platform_evidence: Vec<EvidenceJson>,
    /// Every platform named, the sender first (a host behind a CDN, ...).
    pub platforms: Vec<&'static str>,
    pub entry: Option<ResponseEntryJson>,
    /// What the code usually means from this platform.
    pub platform_note: Option<&'static str>,
    pub cloudflare_error: Option<CloudflareErrorJson>,
    pub findings: Vec<FindingJson>,
}

#[derive(Debug, Serialize)]
pub struct EvidenceJson {
    pub header: String,
    pub value: String,
    pub says: &'static str,
    pub strong: bool,
}

/// The entry that explains the code there, short: `httpcode CODE --json`
/// has the rest.
#[derive(Debug, Serialize)]
pub struct ResponseEntryJson {
    pub code: u16,
    /// IIS's, when its detailed error page names one.
    pub substatus: Option<u16>,
    pub source: Text,
    pub name: Text,
    pub summary: Text,
    pub url: Text,
    /// The platform's own meaning, not the standard one.
    pub vendor: bool,
}

#[derive(Debug, Serialize)]
pub struct CloudflareErrorJson {
    pub code: u16,
    pub name: Text,
    pub status: Option<u16>,
    pub status_basis: Text,
    pub meaning: Text,
    pub action: Text,
}

#[derive(Debug, Serialize)]
pub struct FindingJson {
    pub id: &'static str,
    pub level: &'static str,
    pub text: String,
    pub basis: &'static str,
}

pub fn response(
    hop: crate::hops::Hop,
    e: crate::explain::Explained,
    name: Option<&'static str>,
) -> ResponseJson {
    let platform = e.platform();
    ResponseJson {
        hop: HopJson::of(hop, name),
        platform: platform.map(|p| p.id.get()),
        platform_name: platform.map(|p| p.name.get()),
        platform_evidence: e
            .platforms
            .first()
            .map(|s| {
                s.evidence
                    .iter()
                    .map(|ev| EvidenceJson {
                        header: ev.header.clone(),
                        value: ev.value.clone(),
                        says: ev.says,
                        strong: ev.strong,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        platforms: e.platforms.iter().map(|s| s.platform.id.get()).collect(),
        entry: e.entry.map(|x| ResponseEntryJson {
            code: x.code,
            substatus: x.substatus,
            source: x.source,
            name: x.name,
            summary: x.summary,
            url: x.url,
            vendor: e.vendor,
        }),
        platform_note: e.note,
        cloudflare_error: e.cloudflare.map(|c| CloudflareErrorJson {
            code: c.code,
            name: c.name,
            status: c.status,
            status_basis: c.status_basis,
            meaning: c.meaning,
            action: c.action,
        }),
        findings: e
            .findings
            .into_iter()
            .map(|f| FindingJson {
                id: f.id,
                level: f.level.name(),
                text: f.text,
                basis: f.basis,
            })
            .collect(),
    }
}

/// `har --json`: a browser recording summarised.
#[derive(Debug, Serialize)]
pub struct HarJson<'s> {
    pub entries: u64,
    /// Requests per class, `none` for those without a response.
    pub classes: BTreeMap<&'static str, u64>,
    pub failed: &'s [crate::har::Failed],
    pub failed_total: u64,
    pub chains: &'s [crate::har::Redirects],
    pub chains_total: u64,
    pub slowest: &'s [crate::har::Slow],
    /// Warnings by finding id.
    pub findings: Vec<HarFindingJson<'s>>,
    /// Responses per platform id.
    pub platforms: &'s BTreeMap<&'static str, u64>,
}

#[derive(Debug, Serialize)]
pub struct HarFindingJson<'s> {
    pub id: &'static str,
    pub count: u64,
    pub first_url: &'s str,
}

pub fn har(s: &crate::har::Summary) -> HarJson<'_> {
    let labels = ["none", "1xx", "2xx", "3xx", "4xx", "5xx"];
    HarJson {
        entries: s.entries,
        classes: labels.into_iter().zip(s.classes).collect(),
        failed: &s.failed,
        failed_total: s.failed_total,
        chains: &s.chains,
        chains_total: s.chains_total,
        slowest: &s.slowest,
        findings: s
            .findings
            .iter()
            .map(|(id, (count, url))| HarFindingJson {
                id,
                count: *count,
                first_url: url,
            })
            .collect(),
        platforms: &s.platforms,
    }
}
