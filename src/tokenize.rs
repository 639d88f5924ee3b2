//! Splitting text into search words. Shared by `build.rs` (which indexes the
//! table) and `search.rs` (which splits the query), so both agree exactly.

/// Lower-case words of letters and digits, without one-letter words and
/// stop words that would match nearly every entry.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

const STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "but", "by", "does", "for", "from", "has", "have", "if",
    "in", "is", "it", "its", "my", "of", "on", "or", "that", "the", "this", "to", "was", "what",
    "why", "with", "http", "status", "code",
];
