use crate::common::{httpcode, json, stdout};

const GRPC: &[(u8, &str, u16)] = &[
    (0, "OK", 200),
    (1, "CANCELLED", 499),
    (2, "UNKNOWN", 500),
    (3, "INVALID_ARGUMENT", 400),
    (4, "DEADLINE_EXCEEDED", 504),
    (5, "NOT_FOUND", 404),
    (6, "ALREADY_EXISTS", 409),
    (7, "PERMISSION_DENIED", 403),
    (8, "RESOURCE_EXHAUSTED", 429),
    (9, "FAILED_PRECONDITION", 400),
    (10, "ABORTED", 409),
    (11, "OUT_OF_RANGE", 400),
    (12, "UNIMPLEMENTED", 501),
    (13, "INTERNAL", 500),
    (14, "UNAVAILABLE", 503),
    (15, "DATA_LOSS", 500),
    (16, "UNAUTHENTICATED", 401),
];

#[test]
fn every_grpc_code_round_trips_by_number_and_name() {
    for &(code, name, http) in GRPC {
        for wanted in [code.to_string(), name.to_string(), name.to_lowercase()] {
            let v = json(&["grpc", &wanted]);
            assert_eq!(v[0]["code"], code, "{wanted}");
            assert_eq!(v[0]["name"], name);
            assert_eq!(v[0]["http"], http);
        }
        // And back: the HTTP view names the gRPC code.
        let entries = json(&[&format!("{http:03}")]);
        let from = entries[0]["grpc"]["from"].as_array().unwrap();
        assert!(
            from.iter().any(|g| g["code"] == code),
            "{http} should list {name}"
        );
    }
    assert_eq!(json(&["grpc"]).as_array().unwrap().len(), 17);
}

#[test]
fn grpc_errors() {
    httpcode().args(["grpc", "17"]).assert().code(2);
    httpcode().args(["grpc", "NOPE"]).assert().code(2);
}

#[test]
fn lang_prints_one_line() {
    assert_eq!(stdout(&["404", "--lang", "go"]), "http.StatusNotFound\n");
    assert_eq!(
        stdout(&["404", "--lang", "rust"]),
        "http::StatusCode::NOT_FOUND\n"
    );
    assert_eq!(
        stdout(&["404", "--lang", "python"]),
        "HTTPStatus.NOT_FOUND\n"
    );
    assert_eq!(
        stdout(&["404", "--lang", "dotnet"]),
        "HttpStatusCode.NotFound\n"
    );
    httpcode().args(["306", "--lang", "go"]).assert().code(1);
    let v = json(&["404"]);
    assert_eq!(v[0]["constants"]["go"], "http.StatusNotFound");
    assert_eq!(v[0]["constants"]["java"], "HttpStatus.NOT_FOUND");
}
