//! A place and radius finds exactly the services within that many miles: the quick box
//! test never drops one that the exact distance would keep.

use dayfinder::Engine;
use dayfinder::places::distance_miles;
use dayfinder::query::SearchQuery;

#[test]
fn within_a_radius_finds_exactly_the_services_that_close() {
    let directory = dayfinder::sample::synthetic(3_000, 11);
    let engine = Engine::in_memory(&directory).unwrap();
    for (place, miles) in [("M1", 5.0), ("B1", 30.0), ("LS1", 100.0), ("CW1", 12.5)] {
        let centre = engine.places().resolve(place).unwrap().position();
        let expected: std::collections::BTreeSet<String> =
            dayfinder::engine::listings_of(&directory)
                .into_iter()
                .filter(|l| {
                    l.location.as_ref().is_some_and(|loc| {
                        distance_miles(centre, (loc.latitude, loc.longitude)) <= miles
                    })
                })
                .map(|l| l.service.id)
                .collect();
        assert!(
            miles < 20.0 || !expected.is_empty(),
            "the test needs services near {place}"
        );
        let mut q = SearchQuery::text("");
        q.place = Some(place.into());
        q.within_miles = Some(miles);
        q.per_page = 100;
        let mut found = std::collections::BTreeSet::new();
        let total = engine.search(&q).unwrap().total;
        for page in 1..=total.div_ceil(100) {
            q.page = page;
            found.extend(engine.search(&q).unwrap().hits.into_iter().map(|h| h.id));
        }
        assert_eq!(found, expected, "{place} within {miles} miles");
    }
}
