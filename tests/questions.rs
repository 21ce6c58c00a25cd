//! The questions residents really ask, against the sample Cheshire East directory: the
//! right listing must come first.

use std::sync::OnceLock;

use dayfinder::Engine;
use dayfinder::model::{AccessFeature, Kind, Location, Need, Service, Session, Weekday};
use dayfinder::query::{SearchQuery, SearchResults};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::in_memory(&dayfinder::sample::cheshire_east()).expect("the sample directory loads")
    })
}

fn ask(question: &str) -> SearchResults {
    engine()
        .search(&SearchQuery::text(question))
        .expect("search never fails on input")
}

fn first_id(results: &SearchResults) -> &str {
    results
        .hits
        .first()
        .map(|h| h.id.as_str())
        .unwrap_or("(nothing found)")
}

#[test]
fn saturday_dementia_near_crewe_finds_the_memory_club() {
    let r = ask("something on Saturdays near Crewe for my dad, he has dementia");
    assert_eq!(
        first_id(&r),
        "crewe-saturday-memory-club",
        "{:#?}",
        r.hits.iter().take(3).collect::<Vec<_>>()
    );
    // Those found only by their words ("including some Saturdays") come after these.
    for hit in r.hits.iter().filter(|h| !h.from_description) {
        assert!(
            hit.days.contains(&Weekday::Saturday),
            "{} does not run on Saturdays",
            hit.id
        );
    }
}

#[test]
fn autism_friendly_social_group_in_macclesfield_finds_the_autism_social_club() {
    let r = ask("autism friendly social group in Macclesfield");
    assert_eq!(first_id(&r), "macclesfield-autism-social-club");
    assert!(r.hits.iter().all(|h| h.town == "Macclesfield"));
}

#[test]
fn supported_employment_for_a_nineteen_year_old_with_a_learning_disability_near_congleton() {
    let r = ask("supported employment for my 19 year old son, learning disability, near Congleton");
    assert_eq!(first_id(&r), "congleton-pathways-to-work");
    assert!(r.hits[0].kinds.contains(&Kind::SupportedEmployment));
}

#[test]
fn day_centre_with_hoist_and_changing_places_within_5_miles_of_cw11_1aa() {
    let r = ask("day centre with a hoist and a Changing Places toilet within 5 miles of CW11 1AA");
    assert_eq!(first_id(&r), "sandbach-lodge-day-centre");
    for hit in r.hits.iter().filter(|h| !h.from_description) {
        assert!(
            hit.access.contains(&AccessFeature::Hoist)
                && hit.access.contains(&AccessFeature::ChangingPlaces)
        );
        assert!(
            hit.distance_miles.is_some_and(|d| d <= 5.0),
            "{} is {:?} miles away",
            hit.id,
            hit.distance_miles
        );
    }
}

#[test]
fn free_activities_for_older_people_in_nantwich_on_weekday_mornings() {
    let r = ask("free activities for older people in Nantwich on weekday mornings");
    assert_eq!(first_id(&r), "nantwich-friday-friends");
    assert!(r.hits[0].needs.contains(&Need::OlderPeople));
    assert_eq!(r.hits[0].cost, "Free");
}

#[test]
fn misspelt_demenita_still_finds_dementia_services() {
    let r = ask("demenita");
    assert!(r.total > 0);
    assert!(
        r.hits
            .iter()
            .take(5)
            .all(|h| h.needs.contains(&Need::Dementia))
    );
}

#[test]
fn misspelt_autisim_still_finds_autism_services() {
    let r = ask("autisim");
    assert!(
        r.hits
            .iter()
            .take(5)
            .all(|h| h.needs.contains(&Need::Autism))
    );
}

#[test]
fn day_service_and_day_centre_find_the_same_places() {
    let mut every_day_centre = SearchQuery::text("");
    every_day_centre.kinds = vec![Kind::DayCentre];
    every_day_centre.per_page = 100;
    let expected: std::collections::HashSet<String> = engine()
        .search(&every_day_centre)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    for words in ["day centre", "day service", "day center"] {
        let mut q = SearchQuery::text(words);
        q.per_page = 100;
        let r = engine().search(&q).unwrap();
        assert!(
            r.hits
                .iter()
                .take(5)
                .all(|h| h.kinds.contains(&Kind::DayCentre)),
            "{words}"
        );
        let found: std::collections::HashSet<String> = r.hits.into_iter().map(|h| h.id).collect();
        assert!(
            expected.is_subset(&found),
            "{words} missed {:?}",
            expected.difference(&found).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_job_is_supported_employment() {
    for words in ["job", "work", "employment"] {
        let r = ask(words);
        assert!(
            r.hits
                .iter()
                .take(3)
                .all(|h| h.kinds.contains(&Kind::SupportedEmployment)),
            "{words}"
        );
    }
}

#[test]
fn an_unknown_place_is_named_with_suggestions_not_an_empty_page() {
    let mut q = SearchQuery::text("lunch club");
    q.place = Some("Crewee".into());
    let r = engine().search(&q).unwrap();
    let notice = r.place_notice.expect("a notice about the place");
    assert!(
        notice.suggestions.iter().any(|s| s == "Crewe"),
        "{notice:?}"
    );
    assert!(r.total > 0, "the rest of the search still runs");
}

#[test]
fn filter_counts_say_what_each_choice_would_give() {
    let mut q = SearchQuery::text("");
    q.needs = vec![Need::Dementia];
    let all = engine().search(&q).unwrap();
    let saturday = all
        .facets
        .iter()
        .find(|g| g.param == "day")
        .unwrap()
        .values
        .iter()
        .find(|v| v.value == "saturday")
        .unwrap()
        .count;
    q.days = vec![Weekday::Saturday];
    assert_eq!(engine().search(&q).unwrap().total, saturday);
}

#[test]
fn every_page_of_results_adds_up_to_the_total() {
    let mut q = SearchQuery::text("");
    q.per_page = 25;
    let first = engine().search(&q).unwrap();
    let mut seen = std::collections::HashSet::new();
    for page in 1..=first.total_pages() {
        q.page = page;
        for hit in engine().search(&q).unwrap().hits {
            assert!(seen.insert(hit.id), "a listing appeared on two pages");
        }
    }
    assert_eq!(seen.len(), first.total);
}

#[test]
fn ordering_by_distance_puts_the_nearest_first() {
    let mut q = SearchQuery::text("");
    q.place = Some("CW1 2BJ".into());
    q.within_miles = Some(10.0);
    let r = engine().search(&q).unwrap();
    let distances: Vec<f64> = r.hits.iter().map(|h| h.distance_miles.unwrap()).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
}

#[test]
fn the_question_comes_back_as_the_filters_it_became_so_each_can_be_removed() {
    let r = ask("something on Saturdays near Crewe for my dad, he has dementia");
    let run = r.interpreted.expect("the search as run");
    assert_eq!(run.days, [Weekday::Saturday]);
    assert_eq!(run.place.as_deref(), Some("Crewe"));
    assert!(!run.text.to_lowercase().contains("saturday"));
    // Running it again as it came back gives the same answer.
    let again = engine().search(&run).unwrap();
    assert_eq!(
        again.hits.iter().map(|h| &h.id).collect::<Vec<_>>(),
        r.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
}

// A council's feed: structured facts are patchy, descriptions say the rest.

/// One service of a feed: id, name, the access facts of its place, description, the
/// days it runs.
type Fed<'a> = (
    &'a str,
    &'a str,
    &'a [AccessFeature],
    &'a str,
    &'a [Weekday],
);

/// A directory of these services, each at a place of its own in Crewe, for autistic adults.
fn feed(services: &[Fed<'_>]) -> Engine {
    let mut d = dayfinder::sample::cheshire_east();
    let organisation = d.organisations[0].clone();
    let (place, template) = {
        let s = d
            .services
            .iter()
            .find(|s| s.location_id.is_some() && !s.sessions.is_empty())
            .unwrap()
            .clone();
        let place = d
            .locations
            .iter()
            .find(|l| Some(&l.id) == s.location_id.as_ref())
            .unwrap()
            .clone();
        (place, s)
    };
    d.events.clear();
    d.organisations = vec![organisation.clone()];
    d.locations.clear();
    d.services.clear();
    for (id, name, access, description, days) in services {
        d.locations.push(Location {
            id: format!("{id}-place"),
            accessibility: access.to_vec(),
            access_notes: String::new(),
            ..place.clone()
        });
        d.services.push(Service {
            id: id.to_string(),
            organisation_id: organisation.id.clone(),
            location_id: Some(format!("{id}-place")),
            name: name.to_string(),
            summary: "Activities and company.".into(),
            description: description.to_string(),
            activities: vec![],
            needs: vec![Need::Autism],
            transport: false,
            sessions: days
                .iter()
                .map(|day| Session {
                    day: *day,
                    ..template.sessions[0]
                })
                .collect(),
            schedule_notes: String::new(),
            ..template.clone()
        });
    }
    Engine::in_memory(&d).expect("the feed loads")
}

fn ids(r: &SearchResults) -> Vec<&str> {
    r.hits.iter().map(|h| h.id.as_str()).collect()
}

fn mentioned(r: &SearchResults) -> Vec<(&str, usize)> {
    r.text_matches
        .iter()
        .map(|m| (m.mentions.as_str(), m.count))
        .collect()
}

#[test]
fn hearing_loop_finds_a_listing_whose_description_says_so_after_those_whose_facts_do() {
    let engine = feed(&[
        (
            "looped",
            "Zebra Club",
            &[AccessFeature::HearingLoop],
            "Games and tea.",
            &[],
        ),
        (
            "described",
            "Aardvark Club",
            &[],
            "Hearing loop installed.",
            &[],
        ),
        (
            "denied",
            "Badger Club",
            &[],
            "There is no hearing loop.",
            &[],
        ),
    ]);
    let r = engine.search(&SearchQuery::text("hearing loop")).unwrap();
    assert_eq!(ids(&r), ["looped", "described"]);
    assert_eq!(r.total, 2);
    assert!(!r.hits[0].from_description && r.hits[1].from_description);
    assert_eq!(mentioned(&r), [("a hearing loop", 1)]);
    // The search as it came back (its words now filters) runs the same, page after page.
    let again = engine.search(&r.interpreted.clone().unwrap()).unwrap();
    assert_eq!(ids(&again), ids(&r));
    assert_eq!(again.text_matches, r.text_matches);
}

#[test]
fn autism_quiet_room_finds_a_sensory_room_in_a_description() {
    let engine = feed(&[
        (
            "quiet",
            "Quiet Club",
            &[AccessFeature::QuietSpace],
            "Autism friendly.",
            &[],
        ),
        (
            "sensory",
            "Sensory Club",
            &[],
            "Autism friendly, with a sensory room.",
            &[],
        ),
        ("plain", "Plain Club", &[], "Autism friendly.", &[]),
    ]);
    let r = engine
        .search(&SearchQuery::text("autism quiet room"))
        .unwrap();
    assert_eq!(ids(&r), ["quiet", "sensory"]);
    assert_eq!(mentioned(&r), [("a quiet space", 1)]);
}

#[test]
fn hoist_changing_places_finds_a_venue_whose_description_names_both() {
    let engine = feed(&[
        (
            "both",
            "Lodge",
            &[AccessFeature::Hoist, AccessFeature::ChangingPlaces],
            "A day centre.",
            &[],
        ),
        (
            "said",
            "Hall",
            &[],
            "The venue has a hoist and a Changing Places toilet.",
            &[],
        ),
        (
            "half",
            "Rooms",
            &[AccessFeature::Hoist],
            "No Changing Places toilet; the nearest is in town.",
            &[],
        ),
    ]);
    let r = engine
        .search(&SearchQuery::text("hoist changing places"))
        .unwrap();
    assert_eq!(ids(&r), ["both", "said"]);
    assert_eq!(mentioned(&r), [("a Changing Places toilet and a hoist", 1)]);
}

#[test]
fn an_access_filter_chosen_in_the_filter_boxes_stays_strict() {
    let engine = feed(&[
        (
            "looped",
            "Zebra Club",
            &[AccessFeature::HearingLoop],
            "Games and tea.",
            &[],
        ),
        (
            "described",
            "Aardvark Club",
            &[],
            "Hearing loop installed.",
            &[],
        ),
    ]);
    let mut q = SearchQuery::text("");
    q.access = vec![AccessFeature::HearingLoop];
    let r = engine.search(&q).unwrap();
    assert_eq!(ids(&r), ["looped"]);
    assert!(r.text_matches.is_empty());
    // Also when the words name it too: a choice made in the boxes is never loosened.
    q.text = "hearing loop".into();
    assert_eq!(ids(&engine.search(&q).unwrap()), ["looped"]);
}

#[test]
fn saturdays_find_visits_arranged_including_some_saturdays_after_saturday_sessions() {
    let engine = feed(&[
        (
            "saturday",
            "Saturday Club",
            &[],
            "Games.",
            &[Weekday::Saturday],
        ),
        (
            "visits",
            "Home Visits",
            &[],
            "Visits arranged with you, including some Saturdays.",
            &[],
        ),
        (
            "deadline",
            "Lunch",
            &[],
            "Please book by the Saturday before.",
            &[Weekday::Monday],
        ),
    ]);
    let r = engine.search(&SearchQuery::text("saturdays")).unwrap();
    assert_eq!(ids(&r), ["saturday", "visits"]);
    assert_eq!(mentioned(&r), [("Saturdays", 1)]);
    let saturday = r
        .facets
        .iter()
        .find(|g| g.param == "day")
        .and_then(|g| g.values.iter().find(|v| v.value == "saturday"))
        .unwrap();
    assert_eq!(
        saturday.count, 2,
        "the count beside the box matches the list"
    );
    // With a time of day as well, only a timetable can say.
    let r = engine
        .search(&SearchQuery::text("saturday mornings"))
        .unwrap();
    assert!(!ids(&r).contains(&"visits"), "{:?}", ids(&r));
}
