//! Snapshots of every view at a fixed width without color: a change in
//! output is a reviewed change (`cargo insta review`).

use crate::common::{httpcode, stdout};

fn at(width: &str, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--width", width]);
    stdout(&all)
}

macro_rules! views {
    ($($name:ident: [$($arg:expr),*];)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(concat!(stringify!($name), "_80"), at("80", &[$($arg),*]));
                insta::assert_snapshot!(concat!(stringify!($name), "_40"), at("40", &[$($arg),*]));
            }
        )*
    };
}

views! {
    detail_404: ["404"];
    detail_multi_source_499: ["499"];
    detail_substatus_500_19: ["500.19"];
    class_5xx: ["5xx"];
    pattern_30x: ["30x"];
    search_gateway_timeout: ["search", "gateway", "timeout"];
    compare_redirects: ["compare", "301", "302", "307", "308"];
    compare_401_403: ["compare", "401", "403"];
    compare_502_503_504: ["compare", "502", "503", "504"];
    guide_topics: ["guide"];
    guide_redirect: ["guide", "redirect"];
    guide_client_error: ["guide", "client-error"];
    guide_server_error: ["guide", "server-error"];
    guide_rest: ["guide", "rest"];
    guide_caching: ["guide", "caching"];
    guide_retry: ["guide", "retry"];
    guide_monitoring: ["guide", "monitoring"];
    guide_logging: ["guide", "logging"];
    guide_rate_limiting: ["guide", "rate-limiting"];
    guide_conditional: ["guide", "conditional"];
    guide_seo: ["guide", "seo"];
    guide_api_errors: ["guide", "api-errors"];
    guide_security: ["guide", "security"];
    guide_idempotency: ["guide", "idempotency"];
    guide_cdn_triage: ["guide", "cdn-triage"];
    header_list: ["header"];
    header_retry_after: ["header", "retry-after"];
    header_etag: ["header", "etag"];
    search_retry_after: ["search", "retry", "after"];
    snippet_429_python: ["429", "--snippet", "python"];
    sources: ["sources"];
    stats_combined: ["stats", "--by", "hour", "tests/fixtures/logs/combined.log"];
    stats_hours: ["stats", "--by", "hour", "tests/fixtures/logs/hours.log"];
    stats_alb_top: ["stats", "--top", "3", "tests/fixtures/logs/formats/alb.log"];
    stats_iis: ["stats", "tests/fixtures/logs/formats/iis.log"];
    stats_envoy: ["stats", "tests/fixtures/logs/formats/envoy.log"];
    har_shop: ["har", "tests/fixtures/har/shop.har"];
    compare_500_502_503_504: ["compare", "500", "502", "503", "504"];
    short_404: ["404", "--short"];
    list_cloudflare: ["list", "--source", "cloudflare"];
    grpc_list: ["grpc"];
    grpc_14: ["grpc", "14"];
}

/// Stdout at this width of a run that reads `path` on stdin.
fn from_stdin(width: &str, path: &str) -> String {
    let out = httpcode()
        .args(["--color=never", "--width", width])
        .write_stdin(std::fs::read(path).unwrap())
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn stdin_redirect_chain() {
    let chain = "tests/fixtures/stdin/redirect-chain.txt";
    insta::assert_snapshot!("stdin_redirect_chain_80", from_stdin("80", chain));
    insta::assert_snapshot!("stdin_redirect_chain_40", from_stdin("40", chain));
}

/// A run with `--color always`, escapes shown as `\e` so the snapshot
/// reads as text: what is painted, and how, is part of the view.
fn in_colour(args: &[&str], stdin: &[u8]) -> String {
    let out = httpcode()
        .args(args)
        .args(["--color", "always", "--width", "80"])
        .write_stdin(stdin.to_vec())
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .replace('\u{1b}', "\\e")
}

#[test]
fn colour_compare_301_308() {
    insta::assert_snapshot!(in_colour(&["compare", "301", "308"], b""));
}

#[test]
fn colour_search_gateway_timeout() {
    let text = in_colour(&["search", "gateway", "timeout"], b"");
    assert!(
        text.contains("\\e[1;4mTimeout"),
        "matched words stay underlined"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn colour_stats_by_hour() {
    insta::assert_snapshot!(in_colour(
        &["stats", "--by", "hour", "tests/fixtures/logs/hours.log"],
        b""
    ));
}

/// Header values are what a server sent, not codes: `120` is a wait and
/// `/a/404/b` a path, so neither is painted.
#[test]
fn colour_chain_paints_codes_not_header_values() {
    let chain = b"HTTP/1.1 302 Found\r\nLocation: /a/404/b\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\n\r\n";
    let text = in_colour(&[], chain);
    let line = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap()
            .to_string()
    };
    assert!(line("/a/404/b").ends_with("   /a/404/b"), "{text}");
    assert!(line("Retry-After").ends_with("   120"), "{text}");
    assert!(
        line("Found").contains("\\e[36;1m302\\e[0m"),
        "the code is: {text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn colour_detail_404() {
    insta::assert_snapshot!(in_colour(&["404"], b""));
}

#[test]
fn colour_list_cloudflare() {
    insta::assert_snapshot!(in_colour(&["list", "--source", "cloudflare"], b""));
}

#[test]
fn colour_grpc_14() {
    insta::assert_snapshot!(in_colour(&["grpc", "14"], b""));
}

#[test]
fn colour_stdin_redirect_chain() {
    let chain = std::fs::read("tests/fixtures/stdin/redirect-chain.txt").unwrap();
    insta::assert_snapshot!(in_colour(&[], &chain));
}

#[test]
fn stdin_responses_explained() {
    let cloudflare = "tests/fixtures/responses/cloudflare.txt";
    insta::assert_snapshot!("response_cloudflare_80", from_stdin("80", cloudflare));
    insta::assert_snapshot!("response_cloudflare_40", from_stdin("40", cloudflare));
    let chain = "tests/fixtures/responses/finding-scheme_downgrade.txt";
    insta::assert_snapshot!("response_chain_80", from_stdin("80", chain));
    insta::assert_snapshot!("response_chain_40", from_stdin("40", chain));
}

#[test]
fn colour_responses_explained() {
    let chain = std::fs::read("tests/fixtures/responses/finding-method_change.txt").unwrap();
    insta::assert_snapshot!(in_colour(&[], &chain));
}
