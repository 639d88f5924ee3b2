//! "Did you mean": the nearest known value to a mistyped one, for guide
//! topics, sources, gRPC names and codes with a digit too many.

use crate::catalogue;

/// Longer typed values are not compared with anything (they cannot be
/// within three edits of an id or name we know).
const LONGEST_GUESS: usize = 40;

/// The candidate nearest to `typed`, if it is near enough to be a typo:
/// one edit for short words, two from five letters, three from nine
/// (a swap of two letters counts as one). Case and `_`/`-` are ignored.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Nothing we know is this long; an argument of any size is not compared.
    if typed.len() > LONGEST_GUESS {
        return None;
    }
    let plain = |s: &str| s.replace(['_', '-', ' '], "").to_lowercase();
    let typed = plain(typed);
    let len = typed.chars().count();
    if len < 3 {
        return None;
    }
    let allowed = match len {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&typed, &plain(c)), c))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// `; did you mean 'redirect'?`, or nothing.
pub fn did_you_mean<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    nearest(typed, candidates).map_or(String::new(), |c| format!("; did you mean '{c}'?"))
}

/// Known codes a number with one digit too many could have meant: `4004`
/// is 404 or 400 with a key pressed twice.
pub fn codes_for_extra_digit(digits: &str) -> Vec<u16> {
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut codes = Vec::new();
    for skip in 0..digits.len() {
        let kept: String = digits
            .char_indices()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| c)
            .collect();
        if let Ok(code) = kept.parse::<u16>() {
            if catalogue::is_known(code) && !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word() {
        let topics = ["redirect", "retry", "rest", "caching"];
        assert_eq!(nearest("redirct", topics), Some("redirect"));
        assert_eq!(nearest("REDIRECT", topics), Some("redirect"));
        assert_eq!(nearest("cachng", topics), Some("caching"));
        assert_eq!(nearest("retyr", topics), Some("retry"));
        assert_eq!(nearest("banana", topics), None);
        assert_eq!(nearest("re", topics), None);
        assert_eq!(nearest(&"redirect".repeat(10_000), topics), None);
        assert_eq!(
            nearest("unavaliable", ["UNAVAILABLE", "UNKNOWN"]),
            Some("UNAVAILABLE")
        );
        assert_eq!(
            nearest("resource-exhausted", ["RESOURCE_EXHAUSTED"]),
            Some("RESOURCE_EXHAUSTED")
        );
    }

    #[test]
    fn an_extra_digit_names_the_codes_it_could_be() {
        assert_eq!(codes_for_extra_digit("4004"), [404, 400]);
        assert_eq!(codes_for_extra_digit("5003"), [503, 500]);
        assert_eq!(codes_for_extra_digit("4040"), [440, 400, 404]);
        assert_eq!(codes_for_extra_digit("12345"), Vec::<u16>::new());
        assert_eq!(codes_for_extra_digit("40"), Vec::<u16>::new());
    }
}
