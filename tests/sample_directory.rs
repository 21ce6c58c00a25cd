//! The bundled Cheshire East sample directory, and the synthetic directory generator.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use dayfinder::model::{
    AccessFeature, CostKind, DayPart, Directory, JoinRoute, Kind, Need, Service, Term, Tier,
    VacancyStatus, Weekday,
};
use dayfinder::sample::{cheshire_east, synthetic};
use jiff::civil::Date;

const REVIEW_DATE: Date = Date::constant(2026, 11, 23);

fn sample() -> Directory {
    cheshire_east()
}

fn service<'a>(d: &'a Directory, id: &str) -> &'a Service {
    d.services
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no service {id}"))
}

fn town_of<'a>(d: &'a Directory, s: &Service) -> Option<&'a str> {
    let id = s.location_id.as_deref()?;
    d.locations
        .iter()
        .find(|l| l.id == id)
        .map(|l| l.town.as_str())
}

fn miles_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 3958.8 * h.sqrt().asin()
}

/// Sentences of an easy-read text: split after full stops, question and exclamation marks.
fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive(['.', '?', '!'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_sample_loads_and_holds_together() {
    let d = sample();
    assert!(d.problems().is_empty(), "{:#?}", d.problems());
    assert!(d.source.starts_with("Sample data"), "{}", d.source);
}

#[test]
fn the_sample_is_big_enough_to_demonstrate_search() {
    let d = sample();
    assert!(d.services.len() >= 200, "{} services", d.services.len());
    assert!(
        d.organisations.len() >= 50,
        "{} organisations",
        d.organisations.len()
    );
    let towns: BTreeSet<_> = d.locations.iter().map(|l| l.town.as_str()).collect();
    assert!(towns.len() >= 12, "{towns:?}");
    // Every provider has at least one listing, every venue hosts at least one.
    for o in &d.organisations {
        assert!(
            d.services.iter().any(|s| s.organisation_id == o.id),
            "{} has no listing",
            o.id
        );
    }
    for l in &d.locations {
        assert!(
            d.services
                .iter()
                .any(|s| s.location_id.as_deref() == Some(&l.id)),
            "{} hosts nothing",
            l.id
        );
    }
}

fn assert_every<T: Term + std::fmt::Debug + Ord>(what: &str, seen: impl IntoIterator<Item = T>) {
    let seen: BTreeSet<T> = seen.into_iter().collect();
    let missing: Vec<_> = T::all().iter().filter(|t| !seen.contains(t)).collect();
    assert!(missing.is_empty(), "{what} never used: {missing:?}");
}

#[test]
fn every_vocabulary_term_occurs_in_the_sample() {
    let d = sample();
    let s = &d.services;
    assert_every::<Tier>("tier", s.iter().map(|s| s.tier));
    assert_every::<Need>("need", s.iter().flat_map(|s| s.needs.iter().copied()));
    assert_every::<Kind>("kind", s.iter().flat_map(|s| s.kinds.iter().copied()));
    assert_every::<Weekday>(
        "weekday",
        s.iter().flat_map(|s| s.sessions.iter().map(|x| x.day)),
    );
    assert_every::<DayPart>(
        "part of the day",
        s.iter().flat_map(|s| {
            s.sessions
                .iter()
                .flat_map(|x| x.parts().collect::<Vec<_>>())
        }),
    );
    assert_every::<CostKind>(
        "cost kind",
        s.iter().flat_map(|s| s.cost.kinds.iter().copied()),
    );
    assert_every::<JoinRoute>("join route", s.iter().flat_map(|s| s.join.iter().copied()));
    assert_every::<VacancyStatus>("vacancy status", s.iter().map(|s| s.vacancy.status));
    assert_every::<AccessFeature>(
        "access feature",
        d.locations
            .iter()
            .flat_map(|l| l.accessibility.iter().copied()),
    );
}

#[test]
fn weekends_and_evenings_are_well_represented() {
    let d = sample();
    let weekend = d.services.iter().filter(|s| s.runs_at_weekends()).count();
    let evening = d
        .services
        .iter()
        .filter(|s| {
            s.sessions
                .iter()
                .any(|x| x.parts().any(|p| p == DayPart::Evening))
        })
        .count();
    assert!(weekend >= 20, "{weekend} weekend services");
    assert!(evening >= 20, "{evening} evening services");
}

#[test]
fn sample_places_are_in_cheshire_east() {
    for l in &sample().locations {
        assert!(
            (52.9..=53.45).contains(&l.latitude) && (-2.65..=-1.95).contains(&l.longitude),
            "{} at {}, {}",
            l.id,
            l.latitude,
            l.longitude
        );
        let (out, inward) = l
            .postcode
            .split_once(' ')
            .unwrap_or_else(|| panic!("{}: postcode {:?} has no space", l.id, l.postcode));
        assert!(
            (2..=4).contains(&out.len()) && inward.len() == 3,
            "{}: postcode {:?}",
            l.id,
            l.postcode
        );
        assert!(
            ["CW", "SK", "ST", "WA"].contains(&&out[..2]),
            "{}: postcode {:?}",
            l.id,
            l.postcode
        );
    }
}

/// The shared ONS postcode tables, if this checkout sits beside them.
fn shared_postcodes() -> Option<HashMap<String, (f64, f64)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/postcodes");
    if !dir.is_dir() {
        return None;
    }
    let mut table = HashMap::new();
    for area in ["CW", "SK", "ST", "WA"] {
        let text = std::fs::read_to_string(dir.join(format!("{area}.csv"))).ok()?;
        for line in text.lines().skip(1) {
            let mut cols = line.split(',');
            let (Some(pc), Some(lat), Some(lon)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            if let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) {
                table.insert(pc.replace(' ', ""), (lat, lon));
            }
        }
    }
    Some(table)
}

#[test]
fn sample_postcodes_are_real_and_placed_where_the_ons_puts_them() {
    let Some(table) = shared_postcodes() else {
        eprintln!("../shared/data/postcodes not found; skipping the postcode cross-check");
        return;
    };
    for l in &sample().locations {
        let &(lat, lon) = table
            .get(&l.postcode.replace(' ', ""))
            .unwrap_or_else(|| panic!("{}: {} is not a live postcode", l.id, l.postcode));
        assert!(
            (lat - l.latitude).abs() < 1e-9 && (lon - l.longitude).abs() < 1e-9,
            "{}: {} is at {lat}, {lon}",
            l.id,
            l.postcode
        );
    }
}

#[test]
fn easy_read_is_short_sentences_in_everyday_words() {
    const JARGON: &[&str] = &[
        "direct payment",
        "enablement",
        "referral",
        "assessment",
        "respite",
        "eligibility",
        "facilitate",
        "holistic",
    ];
    for s in &sample().services {
        let parts = sentences(&s.easy_read);
        assert!(
            (3..=6).contains(&parts.len()),
            "{}: {} sentences",
            s.id,
            parts.len()
        );
        for sentence in parts {
            let words = sentence.split_whitespace().count();
            assert!(words <= 15, "{}: {words} words in {sentence:?}", s.id);
        }
        let lower = s.easy_read.to_lowercase();
        for j in JARGON {
            assert!(!lower.contains(j), "{}: easy read says {j:?}", s.id);
        }
    }
}

#[test]
fn listings_are_written_like_listings() {
    let d = sample();
    for s in &d.services {
        let paragraphs = s.description.split("\n\n").count();
        assert!(
            (2..=4).contains(&paragraphs),
            "{}: {paragraphs} paragraphs",
            s.id
        );
        assert!(sentences(&s.summary).len() <= 2, "{}: long summary", s.id);
        assert!(!s.activities.is_empty(), "{}: no activities", s.id);
        if s.tier == Tier::Enablement {
            assert!(
                s.duration_weeks.is_some_and(|w| (6..=12).contains(&w)),
                "{}: enablement lasts {:?} weeks",
                s.id,
                s.duration_weeks
            );
        }
        if s.sessions.is_empty() {
            assert!(
                !s.schedule_notes.is_empty(),
                "{}: no sessions and no schedule notes",
                s.id
            );
        }
        if s.kinds
            .iter()
            .any(|k| matches!(k, Kind::Outreach | Kind::Online))
        {
            assert!(
                s.location_id.is_none(),
                "{}: outreach or online service with a location",
                s.id
            );
        }
        for phone in [&s.contact.phone].into_iter().flatten() {
            assert!(
                phone.starts_with("01632 960"),
                "{}: {phone} is not a drama number",
                s.id
            );
        }
        for email in [&s.contact.email].into_iter().flatten() {
            assert!(email.ends_with("@example.org"), "{}: {email}", s.id);
        }
        if let Some(price) = s.cost.price_per_session_pence {
            assert!((100..=8000).contains(&price), "{}: {price}p", s.id);
        }
        assert!(
            s.last_reviewed <= REVIEW_DATE && s.vacancy.confirmed <= REVIEW_DATE,
            "{}: dates in the future",
            s.id
        );
    }
}

#[test]
fn about_one_listing_in_ten_is_overdue_for_review() {
    let d = sample();
    let stale = d
        .services
        .iter()
        .filter(|s| (s.last_reviewed.until(REVIEW_DATE).unwrap().get_days()) > 183)
        .count();
    let share = stale as f64 / d.services.len() as f64;
    assert!(
        (0.05..=0.15).contains(&share),
        "{stale} stale of {}",
        d.services.len()
    );
}

#[test]
fn the_demonstration_questions_have_a_right_answer() {
    let d = sample();

    // "something on Saturdays near Crewe for my dad, he has dementia"
    let s = service(&d, "crewe-saturday-memory-club");
    assert_eq!(town_of(&d, s), Some("Crewe"));
    assert!(
        s.needs.contains(&Need::Dementia) && s.sessions.iter().any(|x| x.day == Weekday::Saturday)
    );

    // "autism friendly social group in Macclesfield"
    let s = service(&d, "macclesfield-autism-social-club");
    assert_eq!(town_of(&d, s), Some("Macclesfield"));
    assert!(s.needs.contains(&Need::Autism) && s.kinds.contains(&Kind::CommunityGroup));

    // "supported employment for my 19 year old son, learning disability, near Congleton"
    let s = service(&d, "congleton-pathways-to-work");
    assert_eq!(town_of(&d, s), Some("Congleton"));
    assert!(
        s.kinds.contains(&Kind::SupportedEmployment) && s.needs.contains(&Need::LearningDisability)
    );
    assert!(s.eligibility.admits_age(19));

    // "day centre with a hoist and a Changing Places toilet within 5 miles of CW11 1AA"
    let s = service(&d, "sandbach-lodge-day-centre");
    assert!(s.kinds.contains(&Kind::DayCentre) && s.tier == Tier::Specialist);
    let place = d
        .locations
        .iter()
        .find(|l| Some(&l.id) == s.location_id.as_ref())
        .unwrap();
    assert_eq!(place.town, "Sandbach");
    assert!(
        place.accessibility.contains(&AccessFeature::Hoist)
            && place.accessibility.contains(&AccessFeature::ChangingPlaces)
    );
    const CW11_1AA: (f64, f64) = (53.14397, -2.36184);
    assert!(miles_between(CW11_1AA, (place.latitude, place.longitude)) < 1.0);

    // "free activities for older people in Nantwich on weekday mornings"
    let s = service(&d, "nantwich-friday-friends");
    assert_eq!(town_of(&d, s), Some("Nantwich"));
    assert!(s.needs.contains(&Need::OlderPeople) && s.cost.kinds == [CostKind::Free]);
    assert!(
        s.sessions
            .iter()
            .any(|x| !x.day.is_weekend() && x.parts().any(|p| p == DayPart::Morning))
    );

    // Plain words: a "day service" that is filed as a day centre, and job/work wording.
    let s = service(&d, "alsager-day-service");
    assert!(
        s.kinds.contains(&Kind::DayCentre)
            && s.description.contains("day service")
            && !s.description.contains("day centre")
    );
    let s = service(&d, "congleton-pathways-to-work");
    for word in ["job", "work", "employment"] {
        assert!(s.description.contains(word), "{word}");
    }
}

#[test]
fn the_answers_have_distractors() {
    let d = sample();
    let is = |s: &Service, town: &str| town_of(&d, s) == Some(town);
    let count = |f: &dyn Fn(&Service) -> bool| d.services.iter().filter(|s| f(s)).count();
    // A weekday dementia group in Crewe, and a Saturday one in Macclesfield.
    assert!(
        count(&|s| is(s, "Crewe") && s.needs.contains(&Need::Dementia) && !s.runs_at_weekends())
            >= 1
    );
    assert!(
        count(&|s| is(s, "Macclesfield")
            && s.needs.contains(&Need::Dementia)
            && s.runs_at_weekends())
            >= 1
    );
    // An autism group in Crewe; supported employment in Crewe; a Sandbach day centre without a hoist.
    assert!(
        count(&|s| is(s, "Crewe")
            && s.needs.contains(&Need::Autism)
            && s.kinds.contains(&Kind::CommunityGroup))
            >= 1
    );
    assert!(count(&|s| is(s, "Crewe") && s.kinds.contains(&Kind::SupportedEmployment)) >= 1);
    let hoist_at = |s: &Service| {
        d.locations.iter().any(|l| {
            Some(&l.id) == s.location_id.as_ref() && l.accessibility.contains(&AccessFeature::Hoist)
        })
    };
    assert!(
        count(&|s| is(s, "Sandbach") && s.kinds.contains(&Kind::DayCentre) && !hoist_at(s)) >= 1
    );
}

#[test]
fn synthetic_directories_are_valid() {
    let d = synthetic(1000, 7);
    assert_eq!(d.services.len(), 1000);
    assert!(
        d.problems().is_empty(),
        "{:#?}",
        &d.problems()[..d.problems().len().min(10)]
    );
    assert!(
        (200..=300).contains(&d.organisations.len()),
        "{} organisations",
        d.organisations.len()
    );
    let towns: BTreeSet<_> = d.locations.iter().map(|l| l.town.as_str()).collect();
    assert!(towns.len() >= 40, "{} towns", towns.len());
    let s = &d.services;
    assert_every::<Tier>("tier", s.iter().map(|s| s.tier));
    assert_every::<Need>("need", s.iter().flat_map(|s| s.needs.iter().copied()));
    assert_every::<Kind>("kind", s.iter().flat_map(|s| s.kinds.iter().copied()));
    assert_every::<Weekday>(
        "weekday",
        s.iter().flat_map(|s| s.sessions.iter().map(|x| x.day)),
    );
    assert_every::<CostKind>(
        "cost kind",
        s.iter().flat_map(|s| s.cost.kinds.iter().copied()),
    );
    assert_every::<JoinRoute>("join route", s.iter().flat_map(|s| s.join.iter().copied()));
    assert_every::<VacancyStatus>("vacancy status", s.iter().map(|s| s.vacancy.status));
    assert_every::<AccessFeature>(
        "access feature",
        d.locations
            .iter()
            .flat_map(|l| l.accessibility.iter().copied()),
    );
    // Round-trips through JSON like the real sample.
    let back: Directory = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back, d);
}

#[test]
fn synthetic_directories_are_deterministic() {
    assert_eq!(synthetic(1000, 7), synthetic(1000, 7));
    assert_ne!(synthetic(1000, 7), synthetic(1000, 8));
    // A smaller directory is not simply a prefix of a bigger one, but it is still valid.
    assert!(synthetic(10, 7).problems().is_empty());
}

#[test]
fn every_easy_read_summary_in_the_sample_passes_the_checker() {
    let failures: Vec<String> = dayfinder::sample::cheshire_east()
        .services
        .iter()
        .filter_map(|s| {
            let report = dayfinder::easyread::check(&s.easy_read);
            (!report.passes()).then(|| format!("{}: {:?}", s.id, report.advice))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} summaries need work:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
