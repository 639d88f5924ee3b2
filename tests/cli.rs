//! Behaviour through the binary: one test binary, one file per topic.

#[path = "cli/common.rs"]
mod common;
#[path = "cli/compare.rs"]
mod compare;
#[path = "cli/completions.rs"]
mod completions;
#[path = "cli/edges.rs"]
mod edges;
#[path = "cli/errors.rs"]
mod errors;
#[path = "cli/grammar.rs"]
mod grammar;
#[path = "cli/grpc.rs"]
mod grpc;
#[path = "cli/headers.rs"]
mod headers;
#[path = "cli/json.rs"]
mod json;
#[path = "cli/json_golden.rs"]
mod json_golden;
#[path = "cli/layout.rs"]
mod layout;
#[path = "cli/lookup.rs"]
mod lookup;
#[path = "cli/man.rs"]
mod man;
#[path = "cli/pager.rs"]
mod pager;
#[path = "cli/responses.rs"]
mod responses;
#[path = "cli/search.rs"]
mod search;
#[path = "cli/ship.rs"]
mod ship;
#[path = "cli/snippets.rs"]
mod snippets;
#[path = "cli/stats.rs"]
mod stats;
#[path = "cli/stats_formats.rs"]
mod stats_formats;
#[path = "cli/stats_parsing.rs"]
mod stats_parsing;
#[path = "cli/stdin.rs"]
mod stdin;
#[path = "cli/views.rs"]
mod views;
