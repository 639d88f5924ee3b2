//! httpcode: HTTP status codes explained. The binary is a thin shell over
//! these modules; integration tests use them directly too.

pub mod app;
pub mod catalogue;
pub mod cli;
pub mod escape;
pub mod explain;
pub mod formats;
pub mod har;
pub mod harness;
pub mod hops;
pub mod json;
pub mod label;
pub mod lang;
pub mod lines;
pub mod logline;
pub mod man;
pub mod pager;
pub mod render;
pub mod schema;
pub mod search;
pub mod stats;
pub mod suggest;
pub mod target;
pub mod term;
pub mod timestamp;
pub mod tokenize;
