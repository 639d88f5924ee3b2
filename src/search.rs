//! Fuzzy search over the catalogue (codes, headers and guides together),
//! ranked so the code, header or topic a person means comes first.
//!
//! How a result is scored:
//! - The query is split into words (`tokenize::words`). Each query word is
//!   matched against the build-time index in three ways: exactly (quality
//!   1.0), as the start of a longer word (`unprocess` -> `unprocessable`,
//!   0.8), or with a typo (optimal string alignment distance 1, or 2 for words of
//!   eight letters or more, 0.7 or 0.5; only words with the same first letter,
//!   because first letters are rarely mistyped and this keeps search cheap),
//!   or as another form of the same stem (`limited` -> `limit`, `censored`
//!   -> `censorship`: five letters or more in common, 0.65).
//! - Where the word was found weighs how much it says about the entry: the
//!   name 10, a former name 9, a keyword 8, the summary 5, the source's name 4
//!   (so "nginx" pulls nginx's codes up), causes 3, the description and the
//!   "where you see it" text 2.
//! - Rare words count more than common ones: each match is scaled by the
//!   word's inverse document frequency, so "gateway" outweighs "request".
//! - An entry's score is the sum, over query words, of its best match,
//!   multiplied by the square of the share of query words it matched: an
//!   entry that matches every word beats one that matches one word strongly.
//! - A phrase bonus goes to entries whose name, former name or keyword is the
//!   query ("rate limited" ~ "rate limit" -> 429), holds the whole query in
//!   order ("too many" -> 429), or appears whole inside a longer query
//!   ("http request sent to https port" -> 497), comparing word by word with
//!   the same fuzziness as above.
//! - A typed code number (`504`) matches that code's entries outright.
//! - Headers and guides are indexed the same way, their texts in the same
//!   fields (a header's name is a name; a guide's id and title are its
//!   name, the headers it discusses its keywords), plus the word "header"
//!   or "guide" where entries have their source's name.
//! - Sub-statuses and deprecated vendor codes are scaled down a little, so
//!   that the code people mean (414 for "uri too long") comes before the IIS
//!   sub-status with a near-identical label.

use crate::catalogue::{
    Entry, Guide, Header, IndexWord, ENTRIES, FIELD_WEIGHTS, GUIDES, HEADERS, PHRASES, SEARCH_INDEX,
};
use crate::tokenize;

/// What a result is: a code's entry, a header, or a guide.
#[derive(Debug, Clone, Copy)]
pub enum Hit {
    Code(&'static Entry),
    Header(&'static Header),
    Guide(&'static Guide),
}

impl Hit {
    /// The document the index numbers `i`: entries, then headers, then guides.
    fn of(i: usize) -> Hit {
        let headers = ENTRIES.len();
        let guides = headers + HEADERS.len();
        match i {
            i if i < headers => Hit::Code(&ENTRIES[i]),
            i if i < guides => Hit::Header(&HEADERS[i - headers]),
            i => Hit::Guide(&GUIDES[i - guides]),
        }
    }

    /// `504 iana`, `header Retry-After`, `guide seo`: which result this is.
    pub fn label(self) -> String {
        match self {
            Hit::Code(e) => format!("{} {}", e.code_label(), e.source().id),
            Hit::Header(h) => format!("header {}", h.name),
            Hit::Guide(g) => format!("guide {}", g.id),
        }
    }

    /// `code`, `header` or `guide`: the `kind` of `--json`.
    pub fn kind(self) -> &'static str {
        match self {
            Hit::Code(_) => "code",
            Hit::Header(_) => "header",
            Hit::Guide(_) => "guide",
        }
    }
}

fn doc_count() -> usize {
    ENTRIES.len() + HEADERS.len() + GUIDES.len()
}

#[derive(Debug, Clone)]
pub struct Match {
    pub hit: Hit,
    pub score: f64,
    /// Index words the query matched in this result, for highlighting.
    pub matched: Vec<&'static str>,
}

/// Codes, headers and guides matching `query`, best first, at most `limit`.
pub fn search(query: &str, limit: usize) -> Vec<Match> {
    search_where(query, limit, |_| true).shown
}

/// The best matches, and how many more there were.
#[derive(Debug)]
pub struct Found {
    pub shown: Vec<Match>,
    /// Matches past the limit.
    pub more: usize,
}

/// As `search`, among the results `keep` accepts (`--source`).
pub fn search_where(query: &str, limit: usize, keep: impl Fn(Hit) -> bool) -> Found {
    let words = tokenize::words(query);
    let docs = doc_count();
    let mut totals = vec![0.0_f64; docs];
    let mut hits = vec![0_u32; docs];
    let mut best = vec![0.0_f64; docs];
    let mut word_sets: Vec<Vec<(&'static str, f64)>> = Vec::with_capacity(words.len());
    for word in &words {
        best.fill(0.0);
        let found = word_matches(word);
        for &(index_word, quality) in &found {
            let Some(indexed) = index_word_of(index_word) else {
                continue;
            };
            let idf = indexed.idf;
            for &(entry, field) in indexed.postings() {
                let entry = usize::from(entry);
                let score = quality * FIELD_WEIGHTS[usize::from(field)] * idf;
                best[entry] = best[entry].max(score);
            }
        }
        word_sets.push(found);
        code_matches(word, &mut best);
        for (i, score) in best.iter().enumerate() {
            if *score > 0.0 {
                totals[i] += score;
                hits[i] += 1;
            }
        }
    }
    let mut scored: Vec<(usize, f64)> = totals
        .iter()
        .enumerate()
        .filter(|(i, total)| **total > 0.0 && keep(Hit::of(*i)))
        .map(|(i, total)| {
            let coverage = f64::from(hits[i]) / words.len() as f64;
            let score =
                (total * coverage * coverage + phrase_bonus(i, &word_sets)) * demotion(Hit::of(i));
            (i, score)
        })
        .collect();
    // Ties go to codes in code order, then headers and guides in theirs.
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let more = scored.len().saturating_sub(limit);
    scored.truncate(limit);
    // Which words matched is only needed for the results shown.
    let shown = scored
        .into_iter()
        .map(|(i, score)| Match {
            hit: Hit::of(i),
            score,
            matched: matched_words(i, &word_sets),
        })
        .collect();
    Found { shown, more }
}

/// The guide whose id or title holds every word of `topic`, as search
/// matches words (prefixes, typos, stems): `cache` finds caching.
pub fn guide_named(topic: &str) -> Option<&'static Guide> {
    let words = tokenize::words(topic);
    if words.is_empty() {
        return None;
    }
    let found = search_where(topic, 1, |hit| matches!(hit, Hit::Guide(_)));
    let best = found.shown.into_iter().next()?;
    let Hit::Guide(guide) = best.hit else {
        return None;
    };
    // Every query word must be in the name field, not just somewhere in it.
    let name = tokenize::words(&format!("{} {}", guide.id, guide.title));
    let sets: Vec<Vec<(&str, f64)>> = words.iter().map(|w| word_matches(w)).collect();
    sets.iter()
        .all(|set| name.iter().any(|n| set.iter().any(|(m, _)| m == n)))
        .then_some(guide)
}

/// The index words of the query that occur in document `i`.
fn matched_words(i: usize, word_sets: &[Vec<(&'static str, f64)>]) -> Vec<&'static str> {
    let mut matched = Vec::new();
    for &(word, _) in word_sets.iter().flatten() {
        let postings = index_postings(word);
        let present = postings
            .binary_search_by_key(&i, |(e, _)| usize::from(*e))
            .is_ok();
        if present && !matched.contains(&word) {
            matched.push(word);
        }
    }
    matched
}

/// Index words matching a query word, with the quality of each match.
fn word_matches(word: &str) -> Vec<(&'static str, f64)> {
    let mut found = Vec::new();
    let len = char_len(word);
    // The index is sorted, so the words sharing a first letter form one run.
    let first = word.chars().next().unwrap_or(' ');
    let start =
        SEARCH_INDEX.partition_point(|w| w.word.get().chars().next().unwrap_or(' ') < first);
    let run = SEARCH_INDEX[start..]
        .iter()
        .map(|w| w.word.get())
        .take_while(|w| w.starts_with(first));
    for candidate in run {
        let quality = if candidate == word {
            1.0
        } else if len >= 3 && candidate.starts_with(word) {
            0.8
        } else if len >= 4 {
            typo_quality(word, len, candidate).max(stem_quality(word, len, candidate))
        } else {
            0.0
        };
        if quality > 0.0 {
            found.push((candidate, quality));
        }
    }
    found
}

/// Length in characters; the index is nearly all ASCII, where that is bytes.
fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

fn typo_quality(word: &str, len: usize, candidate: &str) -> f64 {
    let candidate_len = char_len(candidate);
    let allowed = if len >= 8 { 2 } else { 1 };
    if candidate_len.abs_diff(len) > allowed {
        return 0.0;
    }
    match osa_distance(word, candidate) {
        1 => 0.7,
        2 if allowed == 2 => 0.5,
        _ => 0.0,
    }
}

/// Optimal string alignment distance (edits, including swapping two
/// neighbours). Short ASCII words, nearly all of the index, are compared on
/// the stack without allocating; search calls this hundreds of times.
fn osa_distance(a: &str, b: &str) -> usize {
    const MAX: usize = 32;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || a.len() >= MAX || b.len() >= MAX {
        return strsim::osa_distance(
            std::str::from_utf8(a).unwrap_or(""),
            std::str::from_utf8(b).unwrap_or(""),
        );
    }
    // Three rows of the edit matrix, used in turn: row i lives at i % 3.
    let mut rows = [[0usize; MAX + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, two_back) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[two_back][j - 2] + 1);
            }
            rows[cur][j] = best;
        }
    }
    rows[a.len() % 3][b.len()]
}

/// Whether `word` (already lower case) is a word of the index as it is.
pub fn is_index_word(word: &str) -> bool {
    !index_postings(word).is_empty()
}

/// Words sharing a long stem: `limited` / `limit`, `censored` / `censorship`.
fn stem_quality(word: &str, len: usize, candidate: &str) -> f64 {
    // Five letters in common at least: most candidates fail on bytes already.
    if word.as_bytes().get(..5) != candidate.as_bytes().get(..5) {
        return 0.0;
    }
    let common = word
        .chars()
        .zip(candidate.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let shorter = len.min(char_len(candidate));
    if common >= 5 && common * 4 >= shorter * 3 {
        0.65
    } else {
        0.0
    }
}

fn index_word_of(word: &str) -> Option<&'static IndexWord> {
    SEARCH_INDEX
        .binary_search_by(|w| w.word.get().cmp(word))
        .ok()
        .map(|i| &SEARCH_INDEX[i])
}

fn index_postings(word: &str) -> &'static [(u16, u8)] {
    index_word_of(word).map_or(&[], IndexWord::postings)
}

/// A three-digit word is a code: its entries match outright.
fn code_matches(word: &str, best: &mut [f64]) {
    if word.len() != 3 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let Ok(code) = word.parse::<u16>() else {
        return;
    };
    for (i, e) in ENTRIES.iter().enumerate() {
        if e.code == code {
            best[i] = best[i].max(60.0);
        }
    }
}

/// Rewards a name, former name or keyword that the query says in full, in
/// order: the whole query is the phrase (best), the query is inside the
/// phrase, or the phrase (two words or more) is inside the query. A phrase
/// word matches a query word when it is one of the index words that query
/// word matched (exactly, as a prefix, with a typo or by stem), and the
/// bonus is scaled by the weakest of those matches: "rate limited" said
/// exactly (429's keyword) beats "ratelimit limit" reached by prefix and stem.
fn phrase_bonus(entry: usize, query: &[Vec<(&'static str, f64)>]) -> f64 {
    let mut bonus: f64 = 0.0;
    let n = query.len() as f64;
    let is_topic = !matches!(Hit::of(entry), Hit::Code(_));
    // Phrases are short; split them on the stack, this runs for every hit.
    let mut buffer = [""; 24];
    for phrase in PHRASES[entry].iter() {
        let mut count = 0;
        for (slot, word) in buffer.iter_mut().zip(phrase.split(' ')) {
            *slot = word;
            count += 1;
        }
        let words = &buffer[..count];
        let best_run = |runs: &mut dyn Iterator<Item = Option<f64>>| {
            runs.flatten().fold(None, |best: Option<f64>, q| {
                Some(best.map_or(q, |b| b.max(q)))
            })
        };
        if words.len() == query.len() {
            if let Some(q) = run_quality(query, words) {
                bonus = bonus.max(20.0 * n * q);
                continue;
            }
        }
        if query.len() > 1 {
            if let Some(q) =
                best_run(&mut words.windows(query.len()).map(|w| run_quality(query, w)))
            {
                bonus = bonus.max(12.0 * n * q);
                continue;
            }
        }
        // A one-word name inside the query counts for headers and guides
        // ("location header"), not for codes, where it would let 302 Found
        // answer "file not found".
        if words.len() > 1 || (words.len() == 1 && is_topic) {
            let inside = &mut query.windows(words.len()).map(|q| run_quality(q, words));
            if let Some(q) = best_run(inside) {
                bonus = bonus.max(10.0 * words.len() as f64 * q);
            }
        }
    }
    bonus
}

/// How well each phrase word matches the query word at its position: the
/// weakest match, or `None` when one does not match.
fn run_quality(query: &[Vec<(&'static str, f64)>], words: &[&str]) -> Option<f64> {
    if query.len() != words.len() {
        return None;
    }
    query
        .iter()
        .zip(words)
        .try_fold(1.0_f64, |weakest, (set, w)| {
            let (_, q) = set.iter().find(|(m, _)| m == w)?;
            Some(weakest.min(*q))
        })
}

fn demotion(hit: Hit) -> f64 {
    // A topic word that names a code and a guide or header alike ("retry":
    // 449 Retry With and the retry guide) asks about the topic.
    let Hit::Code(entry) = hit else {
        return 1.05;
    };
    let mut factor = 1.0;
    if entry.substatus.is_some() {
        factor *= 0.85;
    }
    // Meanings nobody sends any more, and those only secondary lists
    // know, give way to documented ones that match as well.
    factor *= match entry.status.rank() {
        0 => 1.0,
        1 => 0.9,
        _ => 0.8,
    };
    factor
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(query: &str) -> String {
        match search(query, 1).first().map(|m| m.hit) {
            Some(Hit::Code(e)) => e.code_label(),
            Some(hit) => hit.label(),
            None => String::new(),
        }
    }

    #[test]
    fn exact_names_come_first() {
        assert_eq!(first("gateway timeout"), "504");
        assert_eq!(first("not found"), "404");
    }

    #[test]
    fn typos_are_forgiven() {
        assert_eq!(first("gatway timout"), "504");
        assert_eq!(first("unathorized"), "401");
        assert_eq!(first("teapott"), "418");
    }

    #[test]
    fn prefixes_and_phrases() {
        assert_eq!(first("unprocess"), "422");
        assert_eq!(first("too many"), "429");
    }

    #[test]
    fn code_numbers_match() {
        assert_eq!(first("504"), "504");
    }

    #[test]
    fn nothing_matches_gibberish() {
        assert!(search("qqqqzzzz", 10).is_empty());
        assert!(search("", 10).is_empty());
    }

    #[test]
    fn phrases_compare_word_by_word_and_fuzzily() {
        let sets = |s: &str| -> Vec<Vec<(&'static str, f64)>> {
            tokenize::words(s).iter().map(|w| word_matches(w)).collect()
        };
        assert_eq!(run_quality(&sets("too many"), &["too", "many"]), Some(1.0));
        let stemmed = run_quality(&sets("rate limited"), &["rate", "limit"]).unwrap();
        assert!(stemmed < 1.0 && stemmed > 0.5, "{stemmed}");
        assert_eq!(run_quality(&sets("many too"), &["too", "many"]), None);
    }

    #[test]
    fn osa_distance_agrees_with_strsim() {
        for (a, b) in [
            ("gatway", "gateway"),
            ("teapott", "teapot"),
            ("abcd", "badc"),
            ("", "abc"),
            ("conflcit", "conflict"),
        ] {
            assert_eq!(osa_distance(a, b), strsim::osa_distance(a, b), "{a} {b}");
        }
    }
}
