//! `--snippet`: client code that handles a status, under one comment line
//! that names the code and what the snippet does. The code itself is left
//! as written, uncoloured and unwrapped, so it can be copied or saved.

use super::Painter;
use crate::catalogue::{self, Snippet};
use crate::term::Term;

pub fn render(snippet: &Snippet, code: u16, term: Term) -> String {
    let p = Painter::new(term);
    let comment = match snippet.lang.get() {
        "curl" | "python" => "#",
        _ => "//",
    };
    let line = format!(
        "{comment} {}: {} ({})",
        catalogue::code_and_name(code),
        snippet.title,
        snippet.lang
    );
    format!("{}\n{}\n", p.dim(&line), snippet.code.trim_end())
}
