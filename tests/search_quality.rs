//! The search engine against tables of realistic queries: what people type
//! when they half-remember a code (`search_queries.tsv`), and when they
//! ask about a header or a topic (`topic_queries.tsv`). In each table the
//! meant result must come first for at least 90 % of the queries, and be
//! in the top 3 for all.

use httpcode::search::search;

struct Case {
    query: String,
    /// What the result must be: `504 iana`, `header Retry-After`, `guide seo`.
    want: String,
}

fn cases(path: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "bad line: {line}");
            Case {
                query: fields[0].to_string(),
                want: format!("{} {}", fields[1], fields[2]),
            }
        })
        .collect()
}

fn top3(query: &str) -> Vec<String> {
    search(query, 3).iter().map(|m| m.hit.label()).collect()
}

fn check(path: &str, at_least: usize) {
    let cases = cases(path);
    assert!(cases.len() >= at_least, "keep at least {at_least} queries");
    let mut first = 0;
    let mut misses = Vec::new();
    for case in &cases {
        let got = top3(&case.query);
        match got.iter().position(|g| *g == case.want) {
            Some(0) => first += 1,
            Some(_) => {}
            None => misses.push(format!(
                "{:?} -> want {}, got {got:?}",
                case.query, case.want
            )),
        }
    }
    let share = first as f64 / cases.len() as f64;
    eprintln!(
        "{path}: first for {first} of {} queries ({:.1}%)",
        cases.len(),
        share * 100.0
    );
    assert!(
        misses.is_empty(),
        "not in the top 3:\n{}",
        misses.join("\n")
    );
    assert!(
        share >= 0.9,
        "first for only {:.1}% of {} queries",
        share * 100.0,
        cases.len()
    );
}

#[test]
fn the_meant_code_ranks_first_for_nine_queries_in_ten_and_top_three_for_all() {
    check("tests/fixtures/search_queries.tsv", 80);
}

#[test]
fn the_meant_header_or_guide_ranks_first_for_nine_queries_in_ten() {
    check("tests/fixtures/topic_queries.tsv", 60);
}
