//! The invented second council, Mersey Vale (`data/another-council/`): its own feed, with
//! the patchy structure a real council's feed has, imported as a council would import it.
//! The questions its residents ask must find the right listing first, whether the feed
//! gave the facts as structure or only in a listing's words.

use std::sync::OnceLock;

use dayfinder::Engine;
use dayfinder::model::Directory;
use dayfinder::oruk::import::{self, Options};
use dayfinder::query::{SearchQuery, SearchResults};

const FEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/another-council/services.json"
);

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let engine = Engine::in_memory(&Directory::default()).expect("an empty directory opens");
        let bytes = std::fs::read(FEED).expect("the feed is in the repository");
        import::import(&engine, &bytes, &Options::default(), &mut |_| {})
            .expect("the council's feed imports cleanly");
        engine
    })
}

fn ask(question: &str) -> SearchResults {
    engine()
        .search(&SearchQuery::text(question))
        .expect("search never fails on input")
}

#[track_caller]
fn first_is(question: &str, name: &str) {
    let results = ask(question);
    let names: Vec<&str> = results
        .hits
        .iter()
        .take(3)
        .map(|h| h.name.as_str())
        .collect();
    assert_eq!(
        names.first().copied(),
        Some(name),
        "“{question}” found {names:?}"
    );
}

#[test]
fn the_whole_feed_imports_with_every_service() {
    let directory = engine().directory().expect("the store reads");
    assert!(
        directory.services.len() >= 60,
        "{}",
        directory.services.len()
    );
}

#[test]
fn hearing_loop_finds_the_club_whose_description_says_it_has_one() {
    first_is("hearing loop", "Orford Deaf Social Club");
}

#[test]
fn bsl_for_deaf_adults_finds_the_deaf_social_club() {
    first_is("BSL deaf social", "Orford Deaf Social Club");
}

#[test]
fn autism_quiet_room_finds_the_group_with_a_quiet_room() {
    first_is("autism quiet room", "Birchwood Quiet Space Autism Group");
}

#[test]
fn hoist_changing_places_finds_the_day_centre_with_both() {
    first_is(
        "day centre with a hoist and changing places",
        "Great Sankey Changing Places Day Centre",
    );
}

#[test]
fn saturday_dementia_finds_the_saturday_memory_club() {
    first_is(
        "something on a saturday for dad, he has dementia",
        "Lymm Saturday Memory Club",
    );
}

#[test]
fn a_break_for_carers_finds_the_carers_break_afternoons() {
    first_is("carers break", "Culcheth Carers' Break Afternoons");
}

#[test]
fn befriending_for_an_older_person_finds_the_befriending_scheme() {
    first_is(
        "befriending for older people",
        "Stockton Heath Befriending for Older People",
    );
}

#[test]
fn a_job_for_a_young_man_with_a_learning_disability_finds_supported_employment() {
    first_is(
        "supported employment for my son, learning disability",
        "Padgate Pathways Supported Employment",
    );
}

#[test]
fn gardening_for_learning_disability_finds_the_allotment() {
    first_is(
        "gardening allotment learning disability",
        "Penketh Community Allotment",
    );
}

#[test]
fn volunteering_in_recovery_finds_the_mental_health_volunteering() {
    first_is(
        "volunteering mental health recovery",
        "Warrington Recovery Volunteering",
    );
}

#[test]
fn mens_shed_finds_the_workshop() {
    first_is("men's shed woodwork", "Burtonwood Men's Shed");
}

#[test]
fn shared_lives_finds_the_shared_lives_days() {
    first_is("shared lives", "Grappenhall Shared Lives Days");
}

#[test]
fn swimming_with_a_hoist_finds_the_accessible_swimming() {
    first_is("swimming with a hoist", "Warrington Accessible Swimming");
}

#[test]
fn art_for_anxiety_finds_the_wellbeing_art_group() {
    first_is("art group for anxiety", "Lymm Art for Wellbeing");
}

#[test]
fn sight_loss_finds_the_sight_loss_club() {
    first_is("sight loss club braille", "Birchwood Sight Loss Club");
}
