//! How the embedded tables hold text and lists: as ranges of one text blob
//! and of one static array per element type, so that the tables contain no
//! pointers (why: `build/embed.rs`).

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use super::TEXT;

/// A string of the embedded text. Reads as a `&'static str`.
#[derive(Clone, Copy)]
pub struct Text {
    start: u32,
    len: u32,
}

impl Text {
    pub(super) const fn new(start: u32, len: u32) -> Text {
        Text { start, len }
    }

    pub fn get(self) -> &'static str {
        let start = self.start as usize;
        &TEXT[start..start + self.len as usize]
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &'static str {
        self.get()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.get(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.get() == other.get()
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.get() == *other
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.get())
    }
}

/// The element types lists can hold, each with the one array that holds
/// every list of that type (written by `build/embed.rs`).
pub trait Stored: Sized + 'static {
    fn all() -> &'static [Self];
}

/// A list of strings, codes or table rows: a range of `T`'s array.
pub struct List<T> {
    start: u32,
    len: u32,
    of: PhantomData<T>,
}

// Derives would ask `T: Copy`; a range is copied whatever it points at.
impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for List<T> {}

impl<T: Stored> List<T> {
    pub(super) const fn new(start: u32, len: u32) -> List<T> {
        List {
            start,
            len,
            of: PhantomData,
        }
    }

    pub fn as_slice(self) -> &'static [T] {
        let start = self.start as usize;
        &T::all()[start..start + self.len as usize]
    }

    pub fn len(self) -> usize {
        self.len as usize
    }

    pub fn is_empty(self) -> bool {
        self.len == 0
    }
}

impl<T: Stored> Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &'static [T] {
        self.as_slice()
    }
}

impl List<Text> {
    /// The strings, as `&'static str`.
    pub fn iter(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
        self.as_slice().iter().map(|t| t.get())
    }

    pub fn to_vec(self) -> Vec<&'static str> {
        self.iter().collect()
    }

    pub fn join(self, separator: &str) -> String {
        self.to_vec().join(separator)
    }
}

impl<T: Stored + fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<T: Stored + serde::Serialize> serde::Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

/// A list of strings.
pub type TextList = List<Text>;

/// A list of codes.
pub type CodeList = List<u16>;
