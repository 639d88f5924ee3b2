//! What a status code is called in code, per language, as you would write it.

use crate::catalogue::{Constants, Entry};
use crate::cli::Lang;

pub const ALL: [Lang; 6] = [
    Lang::Rust,
    Lang::Go,
    Lang::Python,
    Lang::Java,
    Lang::Dotnet,
    Lang::Node,
];

impl Lang {
    /// The key in JSON output and the label in the detail view.
    pub fn id(self) -> &'static str {
        match self {
            Lang::Rust => "rust",
            Lang::Go => "go",
            Lang::Python => "python",
            Lang::Java => "java",
            Lang::Dotnet => "dotnet",
            Lang::Node => "node",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Lang::Rust => "Rust (http)",
            Lang::Go => "Go",
            Lang::Python => "Python",
            Lang::Java => "Java (Spring)",
            Lang::Dotnet => ".NET",
            Lang::Node => "Node.js",
        }
    }
}

/// Language constants describe the IANA meaning, or the meaning of the
/// framework that defines the code (Spring's 420, Node's 509).
pub fn applies(e: &Entry, l: Lang) -> bool {
    match e.source().id.get() {
        "iana" => true,
        "spring" => l == Lang::Java,
        "nodejs" => l == Lang::Node,
        _ => false,
    }
}

/// The expression for `code` in `lang`, where that language defines it.
pub fn expression(c: &Constants, lang: Lang) -> Option<String> {
    match lang {
        Lang::Rust => c.rust.map(|n| format!("http::StatusCode::{n}")),
        Lang::Go => c.go.map(|n| format!("http.{n}")),
        Lang::Python => c.python.map(|n| format!("HTTPStatus.{n}")),
        Lang::Java => c.spring.map(|n| format!("HttpStatus.{n}")),
        Lang::Dotnet => c.dotnet.map(|n| format!("HttpStatusCode.{n}")),
        Lang::Node => c
            .node
            .map(|n| format!("http.STATUS_CODES[{}] // '{n}'", c.code)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    #[test]
    fn expressions_for_404() {
        let c = catalogue::constants(404).unwrap();
        assert_eq!(
            expression(c, Lang::Rust).unwrap(),
            "http::StatusCode::NOT_FOUND"
        );
        assert_eq!(expression(c, Lang::Go).unwrap(), "http.StatusNotFound");
        assert_eq!(expression(c, Lang::Python).unwrap(), "HTTPStatus.NOT_FOUND");
        assert_eq!(expression(c, Lang::Java).unwrap(), "HttpStatus.NOT_FOUND");
        assert_eq!(
            expression(c, Lang::Dotnet).unwrap(),
            "HttpStatusCode.NotFound"
        );
        assert_eq!(
            expression(c, Lang::Node).unwrap(),
            "http.STATUS_CODES[404] // 'Not Found'"
        );
    }

    #[test]
    fn undefined_is_none() {
        // Go writes 306 as `_ = 306`: no constant.
        assert!(catalogue::constants(306).is_none_or(|c| expression(c, Lang::Go).is_none()));
    }
}
