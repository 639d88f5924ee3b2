//! How a code is written: `404`, `000`, `500.19`. One formatter, shared
//! by the crate and by `build.rs` (whose messages name entries the same way).

/// `404`, `000`, or `500.19` for an IIS sub-status.
pub fn code_label(code: u16, substatus: Option<u16>) -> String {
    match substatus {
        Some(sub) => format!("{code:03}.{sub}"),
        None => format!("{code:03}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_have_three_digits_and_an_optional_substatus() {
        assert_eq!(super::code_label(0, None), "000");
        assert_eq!(super::code_label(500, Some(19)), "500.19");
        assert_eq!(super::code_label(404, Some(0)), "404.0");
    }
}
