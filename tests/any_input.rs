//! No input, however strange, makes search fail or panic.

use std::sync::OnceLock;

use dayfinder::Engine;
use dayfinder::query::SearchQuery;
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::in_memory(&dayfinder::sample::synthetic(300, 1))
            .expect("a synthetic directory loads")
    })
}

#[test]
fn query_syntax_and_junk_are_just_words() {
    let long = "x".repeat(10 * 1024);
    let nasty = [
        "\"unbalanced",
        "AND(",
        "name:dementia",
        "*",
        "dementia OR",
        "-",
        "+++",
        "🙂🙂 dementia 🧠",
        "\u{0}\u{7}\u{1b}[31m",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "near",
        "within 999999999 miles of CW1",
        "within 0 miles of CW1",
        "aged 255",
        "0 year old",
        long.as_str(),
    ];
    for input in nasty {
        engine()
            .search(&SearchQuery::text(input))
            .unwrap_or_else(|e| panic!("{input:?} failed: {e}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gets_results_or_none_never_an_error(text in ".{0,300}") {
        prop_assert!(engine().search(&SearchQuery::text(text)).is_ok());
    }

    #[test]
    fn any_url_parameters_are_read_without_error(pairs in proptest::collection::vec(("[a-z_]{1,8}", ".{0,40}"), 0..12)) {
        let (q, _) = SearchQuery::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert!(engine().search(&q).is_ok());
    }

    #[test]
    fn any_place_is_found_or_explained(place in ".{0,60}", miles in proptest::num::f64::ANY) {
        let mut q = SearchQuery::text("");
        q.place = Some(place);
        q.within_miles = Some(miles);
        prop_assert!(engine().search(&q).is_ok());
    }
}
