//! `httpcode grpc`: the gRPC status codes and their HTTP counterparts.

use std::fmt::Write as _;

use super::{
    grid::{Cell, Grid, Style},
    paint_table, wrap, Painter,
};
use crate::catalogue::{self, Class, GrpcCode, GRPC_CODES, HTTP_TO_GRPC};
use crate::term::Term;

pub fn render_all(term: Term) -> String {
    let mut table = Grid::new(&["Code", "Name", "Maps to", "Meaning"]);
    for g in &GRPC_CODES {
        let http = format!("{:03}", g.http);
        table.add_row(vec![
            g.code.to_string().into(),
            g.name.get().into(),
            Cell::plain("HTTP ").with(&http, Style::Code(Class::of(g.http))),
            g.meaning.get().into(),
        ]);
    }
    let mut out = paint_table(&table, term);
    let note = "Maps to: the status grpc-gateway answers with. A gRPC client that gets an HTTP \
                error without a grpc-status reads 400 as INTERNAL, 401 as UNAUTHENTICATED, \
                403 as PERMISSION_DENIED, 404 as UNIMPLEMENTED, 429, 502, 503 and 504 as \
                UNAVAILABLE, and anything else as UNKNOWN.";
    writeln!(out, "\n{}", wrap(note, term.prose_width(), "")).unwrap();
    out
}

pub fn render_one(g: &GrpcCode, term: Term) -> String {
    let p = Painter::new(term);
    let width = term.prose_width();
    let mut out = String::new();
    writeln!(out, "{}", p.heading(&format!("gRPC {} {}", g.code, g.name))).unwrap();
    writeln!(out, "{}\n", wrap(&g.meaning, width, "")).unwrap();
    let http_name = catalogue::primary_name(g.http).unwrap_or("");
    let line =
        |label: &str, value: String| format!("{}{value}", p.heading(&format!("{label:<15}")));
    let mapped = format!(
        "{} {http_name}",
        p.class(&format!("{:03}", g.http), Class::of(g.http))
    );
    writeln!(out, "{}", line("HTTP status", mapped)).unwrap();
    writeln!(out, "{}", line("grpc-go", format!("codes.{}", g.go))).unwrap();
    let back: Vec<String> = HTTP_TO_GRPC
        .iter()
        .filter(|m| m.grpc == g.code)
        .map(|m| format!("{:03}", m.http))
        .collect();
    if !back.is_empty() {
        let text = format!(
            "gRPC clients read HTTP {} without grpc-status as {}",
            back.join(", "),
            g.name
        );
        writeln!(
            out,
            "{}",
            line("From HTTP", wrap(&text, width, &" ".repeat(15)))
        )
        .unwrap();
    }
    out
}
