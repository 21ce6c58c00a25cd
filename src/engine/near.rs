//! Searching around a point the caller has already placed (the API's `postcode` and
//! `proximity`), so the index applies the radius in its one pass instead of the caller
//! reading the whole directory to measure distances.

use super::{Engine, name_hints};
use crate::error::Result;
use crate::query::{SearchQuery, SearchResults};
use crate::search::understand;

impl Engine {
    /// Answers `query` within `radius_miles` of `centre` (latitude, longitude): only
    /// services with a building, each with its distance. `None` when the words name a
    /// place of their own (two places: the caller decides), or the radius is beyond what
    /// the index takes (0.1 to 100 miles).
    pub fn search_around(
        &self,
        query: &SearchQuery,
        centre: (f64, f64),
        radius_miles: f64,
    ) -> Result<Option<SearchResults>> {
        if !(0.1..=crate::query::MAX_RADIUS_MILES).contains(&radius_miles) {
            return Ok(None);
        }
        let mut query = query.clone();
        query.place = None;
        let understood = understand(&mut query, self);
        if query.place.is_some() {
            return Ok(None);
        }
        query.within_miles = Some(radius_miles);
        let mut results = self.index.search(
            &query,
            &name_hints(&query),
            Some(centre),
            self.hidden_before(),
        )?;
        if !understood.said.is_empty() {
            results.interpreted = Some(query);
        }
        results.understood = understood.said;
        Ok(Some(results))
    }
}

#[cfg(test)]
mod tests {
    use crate::Engine;
    use crate::query::{Order, SearchQuery};

    #[test]
    fn services_within_two_miles_of_a_crewe_postcode_come_nearest_first() {
        let engine = Engine::in_memory(&crate::sample::cheshire_east()).unwrap();
        let crewe = engine.places().resolve("CW1 2BJ").unwrap().position();
        let mut q = SearchQuery::text("");
        q.order = Order::Distance;
        q.per_page = 100;
        let around = engine.search_around(&q, crewe, 2.0).unwrap().unwrap();
        assert!(around.total > 0);
        let miles: Vec<f64> = around
            .hits
            .iter()
            .map(|h| h.distance_miles.unwrap())
            .collect();
        assert!(miles.iter().all(|m| *m <= 2.05));
        assert!(miles.windows(2).all(|w| w[0] <= w[1]));
        // The same as naming the place: the radius and distances agree.
        let mut named = q.clone();
        named.place = Some("CW1 2BJ".into());
        named.within_miles = Some(2.0);
        assert_eq!(engine.search(&named).unwrap().total, around.total);
    }

    #[test]
    fn words_that_name_another_place_are_left_to_the_caller() {
        let engine = Engine::in_memory(&crate::sample::cheshire_east()).unwrap();
        let crewe = engine.places().resolve("Crewe").unwrap().position();
        let q = SearchQuery::text("lunch club near Macclesfield");
        assert!(engine.search_around(&q, crewe, 5.0).unwrap().is_none());
        assert!(
            engine
                .search_around(&SearchQuery::text("lunch"), crewe, 500.0)
                .unwrap()
                .is_none()
        );
    }
}
