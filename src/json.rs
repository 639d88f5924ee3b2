//! `--json` output. The shapes here are a documented interface (README,
//! "JSON schema"): add fields freely, never rename or remove one.

use serde::Serialize;

use crate::table::{Entry, Guide, RedirectMethod, IANA_SNAPSHOT};

#[derive(Debug, Serialize)]
pub struct EntryJson {
    pub code: u16,
    pub substatus: Option<u16>,
    pub name: &'static str,
    pub class: String,
    pub source: &'static str,
    pub source_id: &'static str,
    pub official: bool,
    pub reference: Option<&'static str>,
    pub status: &'static str,
    pub summary: &'static str,
    pub description: &'static str,
    pub seen: Option<&'static str>,
    pub use_when: Option<&'static str>,
    pub causes: &'static [&'static str],
    pub actions: ActionsJson,
    pub headers: &'static [&'static str],
    pub cacheable: bool,
    pub retryable: bool,
    pub retry_note: &'static str,
    pub aliases: &'static [&'static str],
    pub related: &'static [u16],
    pub fault: &'static str,
    pub redirect: Option<RedirectJson>,
    pub example: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct ActionsJson {
    pub client: &'static [&'static str],
    pub server: &'static [&'static str],
}

#[derive(Debug, Serialize)]
pub struct RedirectJson {
    pub permanent: bool,
    /// preserve | may_change | to_get
    pub method: &'static str,
}

impl From<&'static Entry> for EntryJson {
    fn from(e: &'static Entry) -> Self {
        EntryJson {
            code: e.code,
            substatus: e.substatus,
            name: e.name,
            class: e.class().label(),
            source: e.source().name,
            source_id: e.source().id,
            official: e.official(),
            reference: e.reference,
            status: e.status.as_str(),
            summary: e.summary,
            description: e.description,
            seen: e.seen,
            use_when: e.use_when,
            causes: e.causes,
            actions: ActionsJson {
                client: e.client_actions,
                server: e.server_actions,
            },
            headers: e.headers,
            cacheable: e.cacheable,
            retryable: e.retryable,
            retry_note: e.retry_note,
            aliases: e.aliases,
            related: e.related,
            fault: e.fault(),
            redirect: e.redirect.map(|r| RedirectJson {
                permanent: r.permanent,
                method: match r.method {
                    RedirectMethod::Preserve => "preserve",
                    RedirectMethod::MayChange => "may_change",
                    RedirectMethod::ToGet => "to_get",
                },
            }),
            example: e.example,
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
pub struct GuideJson {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<GuideRowJson>,
    pub notes: &'static [&'static str],
}

#[derive(Debug, Serialize)]
pub struct GuideRowJson {
    pub codes: &'static [u16],
    pub cells: &'static [&'static str],
}

pub fn guide(g: &'static Guide) -> GuideJson {
    GuideJson {
        id: g.id,
        title: g.title,
        intro: g.intro,
        columns: g.columns,
        rows: g
            .rows
            .iter()
            .map(|r| GuideRowJson {
                codes: r.codes,
                cells: r.cells,
            })
            .collect(),
        notes: g.notes,
    }
}

#[derive(Debug, Serialize)]
pub struct SourcesJson {
    pub iana_snapshot: &'static str,
    pub sources: Vec<SourceJson>,
}

#[derive(Debug, Serialize)]
pub struct SourceJson {
    pub id: &'static str,
    pub name: &'static str,
    pub entries: usize,
    pub facts: &'static str,
}

pub fn sources() -> SourcesJson {
    SourcesJson {
        iana_snapshot: IANA_SNAPSHOT,
        sources: crate::render::sources::counts()
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
