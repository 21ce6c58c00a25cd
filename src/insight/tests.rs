//! Reports checked against figures worked out by hand on small, fixed data.

use std::sync::Arc;

use jiff::civil::Date;

use super::*;
use crate::model::{ClockTime, Kind, Listing, Need, Session, Tier, VacancyStatus, Weekday};
use crate::places::Gazetteer;
use crate::store::SqliteStore;
use crate::store::insight::{InsightStore, SearchCount};

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn count(
    on: &str,
    needs: &[Need],
    places: &[&str],
    days: &[Weekday],
    outcome: Outcome,
    n: u64,
) -> SearchCount {
    SearchCount {
        day: day(on),
        key: TallyKey {
            needs: needs.to_vec(),
            places: places.iter().map(|p| p.to_string()).collect(),
            days: days.to_vec(),
            ..TallyKey::default()
        },
        outcome,
        count: n,
    }
}

/// The first week of June 2025, the week before it, and counts around both.
fn first_week_of_june() -> (Period, Vec<SearchCount>) {
    use Outcome::*;
    let counts = vec![
        count(
            "2025-06-02",
            &[Need::Dementia],
            &["Crewe"],
            &[Weekday::Saturday],
            Nothing,
            4,
        ),
        // CW1 is Crewe: the same group as the row above.
        count("2025-06-03", &[Need::Dementia], &["CW1"], &[], Nothing, 2),
        // Two needs: counted under each.
        count(
            "2025-06-03",
            &[Need::Dementia, Need::OlderPeople],
            &["Macclesfield"],
            &[],
            Few,
            3,
        ),
        count("2025-06-05", &[Need::Autism], &[], &[], Some, 10),
        count("2025-06-05", &[], &[OTHER], &[], Nothing, 1),
        // The week before.
        count("2025-05-30", &[Need::Dementia], &["Crewe"], &[], Nothing, 1),
        // Outside both weeks: not counted.
        count(
            "2025-05-01",
            &[Need::Dementia],
            &["Crewe"],
            &[],
            Nothing,
            100,
        ),
        count(
            "2025-06-08",
            &[Need::Dementia],
            &["Crewe"],
            &[],
            Nothing,
            50,
        ),
    ];
    (Period::last_days(7, day("2025-06-07")), counts)
}

#[test]
fn periods_are_whole_days_and_the_previous_one_is_as_long() {
    let week = Period::last_days(7, day("2025-06-07"));
    assert_eq!((week.from, week.to), (day("2025-06-01"), day("2025-06-07")));
    assert_eq!(week.days(), 7);
    let before = week.previous();
    assert_eq!(
        (before.from, before.to),
        (day("2025-05-25"), day("2025-05-31"))
    );
    assert_eq!(
        Period::last_days(30, day("2025-06-30")).from,
        day("2025-06-01")
    );
    assert!(Period::between(day("2025-06-02"), day("2025-06-01")).is_none());
    assert!(
        Period::between(day("2024-01-01"), day("2025-06-01")).is_none(),
        "too long"
    );
}

#[test]
fn dementia_in_crewe_is_the_most_unmet_need_of_the_week() {
    let (week, counts) = first_week_of_june();
    let report = UnmetDemand::from_counts(week, &counts, Gazetteer::embedded());
    assert_eq!(
        report.now,
        reports::Totals {
            searches: 20,
            nothing: 7,
            few: 3
        }
    );
    assert_eq!(
        report.before,
        reports::Totals {
            searches: 1,
            nothing: 1,
            few: 0
        }
    );
    let rows: Vec<(&str, &str, u64, u64, u64, u64)> = report
        .by_need_and_town
        .iter()
        .map(|r| {
            (
                r.need_label(),
                r.town.as_str(),
                r.now.searches,
                r.now.nothing,
                r.now.few,
                r.before.nothing,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Memory and dementia", "Crewe", 6, 6, 0, 1),
            ("Any need", reports::NOT_RECOGNISED, 1, 1, 0, 0),
            ("Memory and dementia", "Macclesfield", 3, 0, 3, 0),
            ("Older people", "Macclesfield", 3, 0, 3, 0),
        ]
    );
    let table = report.need_and_town_table();
    assert_eq!(
        table.rows[0],
        ["Memory and dementia", "Crewe", "6", "6", "0", "1", "up 5"]
    );
    let saturday = report
        .by_day
        .iter()
        .find(|d| d.day == Some(Weekday::Saturday))
        .unwrap();
    assert_eq!(
        saturday.now,
        reports::Totals {
            searches: 4,
            nothing: 4,
            few: 0
        }
    );
    let any_day = report.by_day.iter().find(|d| d.day.is_none()).unwrap();
    assert_eq!(
        any_day.now,
        reports::Totals {
            searches: 16,
            nothing: 3,
            few: 3
        }
    );
    assert_eq!(report.by_date.len(), 7);
    let third = report
        .by_date
        .iter()
        .find(|(d, _)| *d == day("2025-06-03"))
        .unwrap()
        .1;
    assert_eq!(
        third,
        reports::Totals {
            searches: 5,
            nothing: 2,
            few: 3
        }
    );
}

#[test]
fn the_csv_download_has_the_tables_figures() {
    let (week, counts) = first_week_of_june();
    let csv = UnmetDemand::from_counts(week, &counts, Gazetteer::embedded())
        .need_and_town_table()
        .to_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "Need,Town,Searches,Found nothing,Found few,\"Found nothing, previous period\",Change in found nothing"
        )
    );
    assert_eq!(lines.next(), Some("Memory and dementia,Crewe,6,6,0,1,up 5"));
}

#[test]
fn an_engine_counts_searches_and_reports_them_after_a_flush() {
    let engine = Engine::in_memory(&crate::sample::cheshire_east()).unwrap();
    let (nothing, _) = SearchQuery::from_params([
        ("q", "dementia"),
        ("near", "CW11 1AA"),
        ("day", "sunday"),
        ("time", "evening"),
        ("kind", "shared-lives"),
    ]);
    let found = engine
        .search_and_count(&nothing, SearchedFrom::Results)
        .unwrap();
    assert_eq!(found.total, 0, "the sample has no such service");
    engine
        .search_and_count(&nothing, SearchedFrom::EasyRead)
        .unwrap();
    // A second page is the same question: not counted again.
    let mut page_two = nothing.clone();
    page_two.page = 2;
    engine
        .search_and_count(&page_two, SearchedFrom::Results)
        .unwrap();
    assert_eq!(engine.insight.pending(), 2);
    assert_eq!(engine.flush_search_counts().unwrap(), 2);
    let today = crate::engine::uk_today();
    let report = engine.unmet_demand(Period::last_days(30, today)).unwrap();
    assert_eq!(report.now.nothing, 2);
    assert_eq!(
        report.by_need_and_town[0].town, "Sandbach",
        "CW11 is Sandbach"
    );
    assert_eq!(report.by_need_and_town[0].need, Some(Need::Dementia));
    let stored = engine.insight.store().search_counts(today, today).unwrap();
    assert_eq!(
        stored.len(),
        2,
        "one for the results page, one for easy read"
    );
    assert_eq!(stored[0].key.places, ["CW11"]);
}

#[test]
fn an_imported_area_s_searches_are_counted_by_its_own_places_and_towns() {
    let engine = Engine::with_store(SqliteStore::in_memory().unwrap()).unwrap();
    let mut names: &[u8] = include_bytes!("../../data/another-council/place-names.csv");
    engine
        .import_places(
            &include_bytes!("../../data/another-council/postcodes.csv")[..],
            Some(&mut names),
        )
        .unwrap();
    for near in ["Appleton Thorn", "WA13 0AA"] {
        let (query, _) = SearchQuery::from_params([("q", "dementia"), ("near", near)]);
        engine
            .search_and_count(&query, SearchedFrom::Results)
            .unwrap();
    }
    engine.flush_search_counts().unwrap();
    let today = crate::engine::uk_today();
    let stored = engine.insight.store().search_counts(today, today).unwrap();
    let mut places: Vec<&str> = stored.iter().map(|c| c.key.places[0].as_str()).collect();
    places.sort();
    assert_eq!(
        places,
        ["Appleton Thorn", "WA13"],
        "a village of the imported names, not “other”"
    );
    let report = engine.unmet_demand(Period::last_days(30, today)).unwrap();
    let towns: Vec<&str> = report
        .by_need_and_town
        .iter()
        .map(|r| r.town.as_str())
        .collect();
    assert!(
        towns.contains(&"Lymm"),
        "WA13 is reported as Lymm: {towns:?}"
    );
}

fn listing(
    base: &Listing,
    id: &str,
    needs: &[Need],
    tier: Tier,
    town: Option<&str>,
    sessions: &[(Weekday, u16, u16)],
    vacancy: VacancyStatus,
) -> Listing {
    let mut l = base.clone();
    l.service.id = id.to_string();
    l.service.needs = needs.to_vec();
    l.service.tier = tier;
    l.service.kinds = vec![Kind::DayCentre];
    l.service.vacancy.status = vacancy;
    l.service.sessions = sessions
        .iter()
        .map(|&(day, from, to)| Session {
            day,
            start: ClockTime::new(from, 0).unwrap(),
            end: ClockTime::new(to, 0).unwrap(),
        })
        .collect();
    match (town, l.location.as_mut()) {
        (Some(town), Some(location)) => location.town = town.to_string(),
        _ => l.location = None,
    }
    l
}

#[test]
fn supply_counts_match_a_small_directory_counted_by_hand() {
    let directory = crate::sample::cheshire_east();
    let base = crate::engine::listings_of(&directory)
        .into_iter()
        .find(|l| l.location.is_some())
        .unwrap();
    use VacancyStatus::*;
    use Weekday::*;
    let listings = vec![
        listing(
            &base,
            "a",
            &[Need::Dementia],
            Tier::Specialist,
            Some("Crewe"),
            &[(Monday, 10, 15), (Saturday, 10, 12)],
            Spaces,
        ),
        listing(
            &base,
            "b",
            &[Need::Dementia, Need::OlderPeople],
            Tier::Community,
            Some("Crewe"),
            &[(Tuesday, 18, 20)],
            Full,
        ),
        listing(
            &base,
            "c",
            &[Need::Autism],
            Tier::Community,
            Some("Macclesfield"),
            &[(Saturday, 17, 19), (Sunday, 10, 12)],
            WaitingList,
        ),
        listing(
            &base,
            "d",
            &[Need::Dementia],
            Tier::Enablement,
            None,
            &[],
            Spaces,
        ),
    ];
    let supply = Supply::of(&listings);
    assert_eq!(supply.services, 4);
    let need = |n: Need| supply.by_need.iter().find(|(x, _)| *x == n).unwrap().1;
    assert_eq!(
        (
            need(Need::Dementia),
            need(Need::OlderPeople),
            need(Need::Autism),
            need(Need::MentalHealth)
        ),
        (3, 1, 1, 0)
    );
    let rows: Vec<(Need, &str, usize, usize, usize, usize)> = supply
        .by_need_and_town
        .iter()
        .map(|r| {
            (
                r.need,
                r.town.as_str(),
                r.services,
                r.spaces,
                r.waiting_list,
                r.full,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Need::Autism, "Macclesfield", 1, 0, 1, 0),
            (Need::Dementia, "At home", 1, 1, 0, 0),
            (Need::Dementia, "Crewe", 2, 1, 0, 1),
            (Need::OlderPeople, "Crewe", 1, 0, 0, 1),
        ]
    );
    assert_eq!(
        supply.by_tier,
        [
            (Tier::Specialist, 1),
            (Tier::Community, 2),
            (Tier::Enablement, 1)
        ]
    );
    let day = |d: Weekday| {
        supply
            .by_weekday
            .iter()
            .find(|r| r.day == d)
            .map(|r| (r.services, r.evening))
            .unwrap()
    };
    assert_eq!(day(Monday), (1, 0));
    assert_eq!(day(Tuesday), (1, 1));
    assert_eq!(day(Wednesday), (0, 0));
    assert_eq!(day(Saturday), (2, 1));
    assert_eq!(day(Sunday), (1, 0));
    assert_eq!(
        (supply.weekends, supply.evenings, supply.no_fixed_days),
        (2, 2, 1)
    );
}

#[test]
fn counts_survive_a_store_written_by_several_recorders() {
    // Two site nodes sharing one store each add their own counts.
    let store = Arc::new(SqliteStore::in_memory().unwrap());
    let a = Recorder::new(store.clone());
    let b = Recorder::new(store.clone());
    let key = TallyKey {
        needs: vec![Need::Autism],
        ..TallyKey::default()
    };
    a.record(day("2025-06-01"), key.clone(), Outcome::Nothing);
    b.record(day("2025-06-01"), key.clone(), Outcome::Nothing);
    b.record(day("2025-06-01"), key, Outcome::Nothing);
    a.flush().unwrap();
    b.flush().unwrap();
    let stored = store
        .search_counts(day("2025-06-01"), day("2025-06-01"))
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].count, 3);
}
