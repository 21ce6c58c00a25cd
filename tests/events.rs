//! Open days and events: stored with the directory, filtered for the events page, and
//! in the sample always still to come.

use dayfinder::Engine;
use dayfinder::engine::{uk_instant, uk_today};
use dayfinder::model::{Directory, EventKind, Need, Term};
use dayfinder::query::EventQuery;
use dayfinder::sample::{self, events::REFERENCE_DAY};
use dayfinder::store::{SqliteStore, Store};
use jiff::civil::{Date, DateTime, date};

fn sample_on(today: Date) -> Directory {
    sample::cheshire_east_on(today)
}

/// Nine in the morning on the reference day.
fn morning() -> DateTime {
    REFERENCE_DAY.at(9, 0, 0, 0)
}

fn engine() -> Engine {
    Engine::in_memory(&sample_on(REFERENCE_DAY)).unwrap()
}

fn query(pairs: &[(&str, &str)]) -> EventQuery {
    let (q, problems) = EventQuery::from_params(pairs.iter().copied());
    assert!(problems.is_empty(), "{problems:?}");
    q
}

#[test]
fn events_read_back_from_the_store_as_they_were_written() {
    let store = SqliteStore::in_memory().unwrap();
    let directory = sample_on(REFERENCE_DAY);
    store.replace_all(&directory).unwrap();
    let mut back = store.directory().unwrap().events;
    let mut written = directory.events.clone();
    back.sort_by(|a, b| a.id.cmp(&b.id));
    written.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(back, written);
    assert!(!back.is_empty());
}

#[test]
fn a_directory_file_without_events_still_loads() {
    let json = r#"{"organisations": [], "locations": [], "services": []}"#;
    let directory: Directory = serde_json::from_str(json).unwrap();
    assert!(directory.events.is_empty());
    // And one without events writes no events field, as before.
    assert!(
        !serde_json::to_string(&directory)
            .unwrap()
            .contains("events")
    );
}

#[test]
fn the_sample_events_are_always_upcoming_whatever_today_is() {
    let days = [
        REFERENCE_DAY,
        date(2027, 3, 27),  // the day before the clocks go forward
        date(2028, 2, 29),  // a leap day
        date(2031, 10, 25), // the day before the clocks go back
        date(2040, 12, 31),
    ];
    for today in days {
        let directory = sample_on(today);
        assert_eq!(directory.problems(), [], "on {today}");
        let events = &directory.events;
        assert!((25..=40).contains(&events.len()), "{}", events.len());
        for e in events {
            assert!(e.start.date() > today, "{} on {today}", e.id);
            assert!(e.end > e.start, "{}", e.id);
            assert!(
                e.booking
                    .by
                    .is_none_or(|by| by > today && by <= e.start.date())
            );
        }
    }
}

#[test]
fn the_sample_has_every_kind_of_event_in_many_towns() {
    let engine = engine();
    let events = engine
        .events_after(&EventQuery::default(), morning())
        .unwrap();
    for kind in EventKind::all() {
        assert!(events.iter().any(|e| e.event.kind == *kind), "{kind:?}");
    }
    let transition = events
        .iter()
        .filter(|e| e.event.kind == EventKind::Transition)
        .count();
    assert!(transition >= 3, "{transition}");
    let mut towns: Vec<&str> = events.iter().map(|e| e.event.place.town.as_str()).collect();
    towns.sort();
    towns.dedup();
    assert!(towns.len() >= 10, "{towns:?}");
    assert!(
        events.iter().all(|e| e.organisation.is_some()),
        "every event has its provider"
    );
    assert!(
        events.iter().all(|e| !e.event.place.one_line().is_empty()),
        "every event says where"
    );
}

#[test]
fn events_in_crewe_are_only_in_crewe_and_soonest_first() {
    let engine = engine();
    let found = engine
        .events_after(&query(&[("town", "crewe")]), morning())
        .unwrap();
    assert!(found.len() >= 3);
    assert!(found.iter().all(|e| e.event.place.town == "Crewe"));
    assert!(
        found
            .windows(2)
            .all(|w| w[0].event.start <= w[1].event.start)
    );
}

#[test]
fn events_for_autistic_people_include_those_for_everyone_and_not_those_for_others() {
    let engine = engine();
    let found = engine
        .events_after(&query(&[("need", "autism")]), morning())
        .unwrap();
    assert!(!found.is_empty());
    for e in &found {
        let needs = &e.event.audience.needs;
        assert!(
            needs.is_empty() || needs.contains(&Need::Autism),
            "{}",
            e.event.id
        );
    }
    let all = engine
        .events_after(&EventQuery::default(), morning())
        .unwrap();
    assert!(found.len() < all.len());
}

#[test]
fn a_date_range_keeps_only_the_events_within_it() {
    let engine = engine();
    let from = REFERENCE_DAY
        .checked_add(jiff::Span::new().days(7))
        .unwrap();
    let to = REFERENCE_DAY
        .checked_add(jiff::Span::new().days(14))
        .unwrap();
    let found = engine
        .events_after(
            &query(&[("from", &from.to_string()), ("to", &to.to_string())]),
            morning(),
        )
        .unwrap();
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|e| e.event.start.date() >= from && e.event.start.date() <= to)
    );
}

#[test]
fn finished_events_are_not_upcoming_but_can_still_be_looked_up() {
    let engine = engine();
    let later = REFERENCE_DAY
        .checked_add(jiff::Span::new().days(20))
        .unwrap()
        .at(0, 0, 0, 0);
    let all = engine
        .events_after(&EventQuery::default(), morning())
        .unwrap();
    let upcoming = engine.events_after(&EventQuery::default(), later).unwrap();
    assert!(upcoming.len() < all.len());
    let past = all.iter().find(|e| e.event.end <= later).unwrap();
    assert!(engine.event(&past.event.id).unwrap().is_some());
    assert!(engine.event("no-such-event").unwrap().is_none());
}

#[test]
fn young_adults_find_the_planning_for_adulthood_evenings_and_not_events_for_older_people() {
    let engine = engine();
    let found = engine
        .events_after(&query(&[("age", "16-25")]), morning())
        .unwrap();
    assert!(
        found
            .iter()
            .filter(|e| e.event.kind == EventKind::Transition)
            .count()
            >= 3
    );
    assert!(
        found
            .iter()
            .all(|e| e.event.audience.minimum_age.unwrap_or(0) <= 25)
    );
}

#[test]
fn a_listing_shows_its_own_events_and_its_providers_general_ones() {
    // A listing shows events still to come from the real clock, so date the sample from today.
    let engine = Engine::in_memory(&sample_on(uk_today())).unwrap();
    let own = engine.listing_events("brookhouse-day-centre").unwrap();
    assert!(own.iter().any(|e| e.event.id == "brookhouse-open-day"));
    assert!(
        own.iter()
            .all(|e| e.event.service_id.as_deref() == Some("brookhouse-day-centre"))
    );
    // Next Chapter's evenings belong to the provider, so each of its services shows them.
    let young = engine
        .listing_events("crewe-young-adults-friday-social")
        .unwrap();
    assert!(young.iter().any(|e| e.event.kind == EventKind::Transition));
    assert!(engine.listing_events("no-such-service").unwrap().is_empty());
}

#[test]
fn an_event_of_a_removed_service_goes_with_it() {
    let engine = engine();
    engine.delete_service("brookhouse-day-centre").unwrap();
    assert!(engine.event("brookhouse-open-day").unwrap().is_none());
    assert_eq!(engine.directory().unwrap().problems(), []);
}

#[test]
fn an_event_for_a_service_that_does_not_exist_is_refused() {
    let engine = engine();
    let mut event = engine.directory().unwrap().events.remove(0);
    event.id = "a-new-event".into();
    event.service_id = Some("no-such-service".into());
    let delta = Directory {
        events: vec![event],
        ..Directory::default()
    };
    assert!(engine.merge(&delta).is_err());
    assert!(engine.event("a-new-event").unwrap().is_none());
}

#[test]
fn a_sample_store_left_for_months_is_dated_again_and_another_directory_is_not() {
    let long_ago = date(2025, 1, 6);
    let engine = Engine::in_memory(&sample_on(long_ago)).unwrap();
    let now = REFERENCE_DAY.at(0, 0, 0, 0);
    assert!(
        engine
            .events_after(&EventQuery::default(), now)
            .unwrap()
            .is_empty()
    );
    assert!(engine.refresh_sample_events(REFERENCE_DAY).unwrap());
    let upcoming = engine.events_after(&EventQuery::default(), now).unwrap();
    assert_eq!(upcoming.len(), sample_on(REFERENCE_DAY).events.len());
    // Already current: nothing to do.
    assert!(!engine.refresh_sample_events(REFERENCE_DAY).unwrap());

    let mut other = sample_on(long_ago);
    other.source = "Cheshire East Council, May 2026".into();
    let engine = Engine::in_memory(&other).unwrap();
    assert!(!engine.refresh_sample_events(REFERENCE_DAY).unwrap());
}

#[test]
fn the_loaded_sample_has_events_ahead_of_today() {
    let engine = Engine::in_memory(&sample::cheshire_east()).unwrap();
    let upcoming = engine.upcoming_events(&EventQuery::default()).unwrap();
    assert!(upcoming.len() >= 25);
    assert!(upcoming.iter().all(|e| e.event.start.date() > uk_today()));
}

#[test]
fn uk_times_become_the_right_instants_in_summer_and_winter() {
    let summer = uk_instant(date(2026, 7, 1).at(10, 0, 0, 0)).unwrap();
    assert_eq!(summer.to_string(), "2026-07-01T09:00:00Z");
    let winter = uk_instant(date(2026, 12, 1).at(10, 0, 0, 0)).unwrap();
    assert_eq!(winter.to_string(), "2026-12-01T10:00:00Z");
}

#[test]
fn replacing_the_directory_from_open_referral_keeps_the_events() {
    use dayfinder::oruk::{export, import};
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(dir.path()).unwrap();
    engine.import(&sample_on(REFERENCE_DAY)).unwrap();
    let before = engine.directory().unwrap().events;
    let file = export::json(&engine.directory().unwrap()).unwrap();
    let options = import::Options {
        replace: true,
        today: REFERENCE_DAY,
        ..import::Options::default()
    };
    import::import(&engine, &file, &options, &mut |_| {}).unwrap();
    assert_eq!(engine.directory().unwrap().events, before);
}
