//! The search engine against a table of realistic queries (what people type
//! when they half-remember a code): the meant code must come first for at
//! least 90 % of them, and be in the top 3 for all.

use httpcode::search::search;

struct Case {
    query: String,
    code: String,
    source: String,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string("tests/fixtures/search_queries.tsv").unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "bad line: {line}");
            Case {
                query: fields[0].to_string(),
                code: fields[1].to_string(),
                source: fields[2].to_string(),
            }
        })
        .collect()
}

/// Position (0-based) of the expected entry in the results, if in the top 3.
fn rank(case: &Case) -> Option<usize> {
    search(&case.query, 3)
        .iter()
        .position(|m| m.entry.code_label() == case.code && m.entry.source().id.get() == case.source)
}

#[test]
fn the_meant_code_ranks_first_for_nine_queries_in_ten_and_top_three_for_all() {
    let cases = cases();
    assert!(cases.len() >= 80, "keep at least 80 queries");
    let mut first = 0;
    let mut misses = Vec::new();
    for case in &cases {
        match rank(case) {
            Some(0) => first += 1,
            Some(_) => {}
            None => {
                let got: Vec<String> = search(&case.query, 3)
                    .iter()
                    .map(|m| format!("{} {}", m.entry.code_label(), m.entry.source().id))
                    .collect();
                misses.push(format!(
                    "{:?} -> want {} {}, got {got:?}",
                    case.query, case.code, case.source
                ));
            }
        }
    }
    let share = first as f64 / cases.len() as f64;
    eprintln!(
        "first for {first} of {} queries ({:.1}%)",
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
