//! One status code as one source defines it, as embedded: the fields of
//! `RawEntry` in `src/schema.rs` (where each is explained), what follows
//! from them (class, source, fault), and the entry's `--json` form.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{Class, CodeList, Source, Text, TextList, SOURCES};
use crate::schema::{EntryStatus, RedirectMethod};

#[derive(Debug)]
pub struct Entry {
    pub code: u16,
    pub substatus: Option<u16>,
    pub name: Text,
    /// The source's id; `source()` is the source.
    pub source: Text,
    pub reference: Option<Text>,
    pub url: Text,
    pub status: EntryStatus,
    pub summary: Text,
    pub description: Text,
    pub seen: Option<Text>,
    pub use_when: Option<Text>,
    pub causes: TextList,
    pub actions: Actions,
    pub headers: TextList,
    pub cacheable: bool,
    pub retryable: bool,
    pub retry_note: Text,
    pub aliases: TextList,
    pub related: CodeList,
    pub keywords: TextList,
    pub redirect: Option<Redirect>,
    /// Only where the class's answer is wrong; `fault()` always answers.
    pub fault: Option<Text>,
    pub example: Option<Text>,
}

#[derive(Debug, serde::Serialize)]
pub struct Actions {
    pub client: TextList,
    pub server: TextList,
}

#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Redirect {
    pub permanent: bool,
    pub method: RedirectMethod,
}

impl Entry {
    pub fn source(&self) -> &'static Source {
        // Sources are few and their ids short: a scan costs less than the
        // index it would save.
        SOURCES
            .iter()
            .find(|s| s.id.get() == self.source.get())
            .expect("build.rs checks every entry's source")
    }

    pub fn official(&self) -> bool {
        self.source.get() == "iana"
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

    /// The document that makes the code cacheable by default: RFC 9110's
    /// list, except 451, which RFC 7725 adds.
    pub fn cacheable_by(&self) -> &'static str {
        if self.code == 451 {
            "RFC 7725, Section 3"
        } else {
            "RFC 9110, Section 15.1"
        }
    }
}

/// The entry's fields in `--json` (README, "JSON schema"), with what follows
/// from them beside. The pattern names every field: a field added to
/// `Entry` does not compile until it is given its place here (or left out
/// on purpose, as `keywords` is).
impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Entry {
            code,
            substatus,
            name,
            source: _,
            reference,
            url,
            status,
            summary,
            description,
            seen,
            use_when,
            causes,
            actions,
            headers,
            cacheable,
            retryable,
            retry_note,
            aliases,
            related,
            keywords: _,
            redirect,
            fault: _,
            example,
        } = self;
        let mut s = serializer.serialize_struct("Entry", 25)?;
        s.serialize_field("code", code)?;
        s.serialize_field("substatus", substatus)?;
        s.serialize_field("name", name)?;
        s.serialize_field("class", &self.class().label())?;
        s.serialize_field("source", &self.source().name)?;
        s.serialize_field("source_id", &self.source().id)?;
        s.serialize_field("official", &self.official())?;
        s.serialize_field("reference", reference)?;
        s.serialize_field("status", status)?;
        s.serialize_field("summary", summary)?;
        s.serialize_field("description", description)?;
        s.serialize_field("seen", seen)?;
        s.serialize_field("use_when", use_when)?;
        s.serialize_field("causes", causes)?;
        s.serialize_field("actions", actions)?;
        // Those the entry names, and those whose view lists the code.
        let _ = headers;
        s.serialize_field("headers", &super::headers_for(self))?;
        s.serialize_field("cacheable", cacheable)?;
        s.serialize_field("retryable", retryable)?;
        s.serialize_field("retry_note", retry_note)?;
        s.serialize_field("aliases", aliases)?;
        s.serialize_field("related", related)?;
        s.serialize_field("fault", self.fault())?;
        s.serialize_field("redirect", redirect)?;
        s.serialize_field("example", example)?;
        s.serialize_field("url", url)?;
        s.end()
    }
}
