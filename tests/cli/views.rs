//! Snapshots of every view at a fixed width without color: a change in
//! output is a reviewed change (`cargo insta review`).

use crate::common::stdout;

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
    sources: ["sources"];
    stats_combined: ["stats", "--by", "hour", "tests/fixtures/logs/combined.log"];
}
