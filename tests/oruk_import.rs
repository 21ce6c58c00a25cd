//! Import and export in Open Referral UK 3.0 JSON and our CSV: round trips, the
//! standard's own examples, and broken files that must be refused with their position,
//! field and reason, writing nothing.

use std::path::{Path, PathBuf};

use dayfinder::Engine;
use dayfinder::model::{AccessFeature, Directory, Need, Weekday};
use dayfinder::oruk::export;
use dayfinder::oruk::import::{self, Format, ImportError, Options, Position, Report};
use dayfinder::oruk::mapping::Mapping;
use dayfinder::query::SearchQuery;
use dayfinder::store::{SqliteStore, Store};
use jiff::civil::date;
use serde_json::{Value, json};

/// A directory on disk, so a second connection can read the store's change log.
struct Disk {
    dir: tempfile::TempDir,
    engine: Engine,
}

impl Disk {
    fn empty() -> Disk {
        let dir = tempfile::tempdir().unwrap();
        let engine = Engine::open(dir.path()).unwrap();
        Disk { dir, engine }
    }

    fn with_sample() -> Disk {
        let disk = Disk::empty();
        disk.engine
            .import(&dayfinder::sample::cheshire_east())
            .unwrap();
        disk
    }

    /// The latest change in the store's log.
    fn head(&self) -> u64 {
        SqliteStore::open(&self.dir.path().join("dayfinder.sqlite3"))
            .unwrap()
            .head()
            .unwrap()
    }
}

fn options() -> Options {
    Options {
        today: date(2026, 11, 23),
        ..Options::default()
    }
}

fn json_options() -> Options {
    Options {
        format: Some(Format::Json),
        ..options()
    }
}

fn csv_options() -> Options {
    Options {
        format: Some(Format::Csv),
        ..options()
    }
}

fn import(engine: &Engine, bytes: &[u8], options: &Options) -> Result<Report, ImportError> {
    import::import(engine, bytes, options, &mut |_| {})
}

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/oruk-examples")
}

/// The refusal of a broken file: its report, after checking nothing was written.
fn refused(disk: &Disk, bytes: &[u8], options: &Options) -> ImportError {
    let head = disk.head();
    let before = disk.engine.directory().unwrap();
    let err = import(&disk.engine, bytes, options).expect_err("the file is refused");
    assert_eq!(disk.head(), head, "nothing was written");
    assert_eq!(disk.engine.directory().unwrap(), before);
    err
}

fn report_of(err: ImportError) -> Report {
    match err {
        ImportError::Invalid(report) => *report,
        other => panic!("expected invalid records, got: {other}"),
    }
}

/// Every issue of a refused import, one line each.
fn lines(report: &Report) -> Vec<String> {
    report.invalid.iter().map(|i| i.to_string()).collect()
}

/// A council's service in another directory: a lunch club in Crewe for older people.
fn foreign_service(id: &str, name: &str) -> Value {
    json!({
        "id": id,
        "name": name,
        "description": "A friendly lunch club with a hot two-course meal, quizzes and games.",
        "status": "active",
        "minimum_age": 55,
        "assured_date": "2026-10-01",
        "organization": {
            "id": "0b7a4b0e-4b6c-4d2a-9a53-1c1f1d9a0001",
            "name": "Crewe Community Kitchen",
            "description": "A community kitchen in Crewe."
        },
        "service_at_locations": [{
            "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0002",
            "location": {
                "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0003",
                "location_type": "physical",
                "name": "St Andrew's Hall",
                "latitude": 53.0987,
                "longitude": -2.4416,
                "addresses": [{
                    "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0004",
                    "address_1": "1 Market Street",
                    "city": "Crewe",
                    "state_province": "",
                    "postal_code": "CW1 2AB",
                    "country": "GB",
                    "address_type": "physical"
                }]
            }
        }],
        "schedules": [{
            "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0005",
            "freq": "WEEKLY",
            "byday": "TU,TH",
            "opens_at": "11:30",
            "closes_at": "14:00"
        }],
        "cost_options": [{ "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0006", "amount": 4.5, "option": "Lunch" }],
        "attributes": [
            { "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0007",
              "taxonomy_term": { "id": "8f1e9c1a-0000-4000-8000-000000000001", "name": "Older people", "taxonomy": "Council needs" } },
            { "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0008",
              "taxonomy_term": { "id": "8f1e9c1a-0000-4000-8000-000000000002", "name": "Lunch clubs", "taxonomy": "Council service types" } }
        ]
    })
}

fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(v).unwrap()
}

fn sorted(mut d: Directory) -> Directory {
    d.organisations.sort_by(|a, b| a.id.cmp(&b.id));
    d.locations.sort_by(|a, b| a.id.cmp(&b.id));
    d.services.sort_by(|a, b| a.id.cmp(&b.id));
    d.source = String::new();
    // Open Referral UK has no events: they are not part of a round trip.
    d.events.clear();
    d
}

// Round trips.

#[test]
fn a_json_export_imported_into_an_empty_directory_exports_the_same() {
    let sample = Engine::in_memory(&dayfinder::sample::cheshire_east()).unwrap();
    let first = export::json(&sample.directory().unwrap()).unwrap();

    let empty = Disk::empty();
    let report = import(&empty.engine, &first, &options()).unwrap();
    assert!(report.invalid.is_empty(), "{report}");
    assert!(report.warnings.is_empty(), "{report}");
    assert!(report.unmapped_terms.is_empty(), "{report}");
    assert_eq!(report.added, 254);

    let back = empty.engine.directory().unwrap();
    let second = export::json(&back).unwrap();
    assert!(first == second, "the second export differs from the first");
    // Nothing of ours was lost on the way.
    assert_eq!(sorted(back), sorted(sample.directory().unwrap()));

    // Our own ids come back, so the listings keep their addresses on the site.
    let club = empty
        .engine
        .listing("crewe-saturday-memory-club")
        .unwrap()
        .unwrap();
    let original = sample
        .listing("crewe-saturday-memory-club")
        .unwrap()
        .unwrap();
    assert_eq!(club.service.sessions, original.service.sessions);
    assert_eq!(club.location, original.location);
    assert_eq!(club.organisation, original.organisation);
}

#[test]
fn a_csv_export_imported_into_an_empty_directory_is_the_same_directory() {
    let sample = dayfinder::sample::cheshire_east();
    let first = export::csv(&sample).unwrap();

    let empty = Disk::empty();
    let report = import(&empty.engine, &first, &csv_options()).unwrap();
    assert!(report.invalid.is_empty(), "{report}");
    assert!(report.warnings.is_empty(), "{report}");
    assert_eq!(report.added, 254);

    let back = empty.engine.directory().unwrap();
    assert_eq!(export::csv(&back).unwrap(), first);
    assert_eq!(sorted(back), sorted(sample));
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let disk = Disk::empty();
    let file = bytes(&json!([foreign_service(
        "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001",
        "Crewe Tuesday Lunch Club"
    )]));
    let first = import(&disk.engine, &file, &json_options()).unwrap();
    assert_eq!((first.added, first.written), (1, true), "{first}");
    let head = disk.head();

    let again = import(&disk.engine, &file, &json_options()).unwrap();
    assert_eq!(
        (again.added, again.changed, again.unchanged, again.written),
        (0, 0, 1, false),
        "{again}"
    );
    assert_eq!(disk.head(), head);

    let sample_json = export::json(
        &Engine::in_memory(&dayfinder::sample::cheshire_east())
            .unwrap()
            .directory()
            .unwrap(),
    )
    .unwrap();
    let with_sample = Disk::with_sample();
    let head = with_sample.head();
    let report = import(&with_sample.engine, &sample_json, &json_options()).unwrap();
    assert_eq!((report.unchanged, report.written), (254, false), "{report}");
    assert_eq!(with_sample.head(), head);
}

#[test]
fn a_changed_service_is_updated_and_a_renamed_one_keeps_its_id() {
    let disk = Disk::empty();
    let id = "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001";
    let file = bytes(&json!([foreign_service(id, "Crewe Tuesday Lunch Club")]));
    import(&disk.engine, &file, &json_options()).unwrap();
    let slug = disk.engine.directory().unwrap().services[0].id.clone();
    assert!(slug.starts_with("crewe-tuesday-lunch-club-"), "{slug}");

    let renamed = bytes(&json!([foreign_service(id, "Crewe Lunch and Games Club")]));
    let report = import(&disk.engine, &renamed, &json_options()).unwrap();
    assert_eq!((report.added, report.changed), (0, 1), "{report}");
    let services = disk.engine.directory().unwrap().services;
    assert_eq!(services.len(), 1);
    assert_eq!(services[0].id, slug);
    assert_eq!(services[0].name, "Crewe Lunch and Games Club");
}

// Another council's feed.

#[test]
fn another_directorys_service_is_mapped_and_then_found_by_search() {
    let disk = Disk::empty();
    let file = bytes(&json!([foreign_service(
        "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001",
        "Crewe Tuesday Lunch Club"
    )]));
    let report = import(&disk.engine, &file, &json_options()).unwrap();
    assert!(report.warnings.is_empty(), "{report}");
    let s = &disk.engine.directory().unwrap().services[0];
    assert_eq!(s.needs, [Need::OlderPeople]);
    assert_eq!(s.kinds, [dayfinder::model::Kind::CommunityGroup]);
    let days: Vec<Weekday> = s.sessions.iter().map(|x| x.day).collect();
    assert_eq!(days, [Weekday::Tuesday, Weekday::Thursday]);
    assert_eq!(s.cost.price_per_session_pence, Some(450));
    assert_eq!(s.eligibility.minimum_age, 55);
    assert_eq!(s.last_reviewed, date(2026, 10, 1));

    let results = disk
        .engine
        .search(&SearchQuery::text("lunch club crewe"))
        .unwrap();
    assert_eq!(results.hits[0].id, s.id);
}

#[test]
fn an_access_fact_said_only_in_a_description_is_read_with_a_warning_to_check_it() {
    let disk = Disk::empty();
    let mut service = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0002", "Crewe Lunch Club");
    service["description"] =
        json!("A friendly lunch club. Hearing loop installed. There is no hoist.");
    let report = import(&disk.engine, &bytes(&json!([service])), &json_options()).unwrap();
    let warnings: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{report}");
    assert!(warnings[0].contains("“Hearing loop”"), "{}", warnings[0]);
    assert!(warnings[0].contains("please check"), "{}", warnings[0]);
    let place = &disk.engine.directory().unwrap().locations[0];
    assert_eq!(place.accessibility, [AccessFeature::HearingLoop]);

    // Found by the question as a fact now, not only by its words.
    let r = disk
        .engine
        .search(&SearchQuery::text("hearing loop"))
        .unwrap();
    assert_eq!(r.total, 1);
    assert!(r.text_matches.is_empty());
}

// One rule for each field: what a feed sends fits what the editors' forms keep.

#[test]
fn an_over_long_description_from_a_feed_is_cut_to_fit_with_a_warning() {
    let disk = Disk::empty();
    let mut service = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0010", "Crewe Lunch Club");
    let rule = dayfinder::model::fields::service::DESCRIPTION;
    service["description"] = json!("A friendly lunch club with a hot meal. ".repeat(200));
    let report = import(&disk.engine, &bytes(&json!([service])), &json_options()).unwrap();
    let warnings: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("description") && w.contains("cut")),
        "{report}"
    );
    let stored = &disk.engine.directory().unwrap().services[0];
    assert!(stored.description.chars().count() <= rule.max);
    assert!(stored.description.ends_with('…'));
    assert!(
        stored.broken_fields().is_empty(),
        "the editor can save it again"
    );
}

#[test]
fn a_phone_number_no_one_could_dial_is_left_out_with_a_warning() {
    let disk = Disk::empty();
    let mut service = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0011", "Crewe Lunch Club");
    service["phones"] = json!([{ "id": "p1", "number": "ring the church office" }]);
    let report = import(&disk.engine, &bytes(&json!([service])), &json_options()).unwrap();
    let warnings: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("ring the church office") && w.contains("left out")),
        "{report}"
    );
    assert_eq!(
        disk.engine.directory().unwrap().services[0].contact.phone,
        None
    );
}

#[test]
fn a_phone_number_with_an_extension_is_kept() {
    let disk = Disk::empty();
    let mut service = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0012", "Crewe Lunch Club");
    service["phones"] = json!([{ "id": "p1", "number": "01632 960123 ext 24" }]);
    let report = import(&disk.engine, &bytes(&json!([service])), &json_options()).unwrap();
    assert!(report.warnings.is_empty(), "{report}");
    assert_eq!(
        disk.engine.directory().unwrap().services[0]
            .contact
            .phone
            .as_deref(),
        Some("01632 960123 ext 24")
    );
}

#[test]
fn a_directory_with_text_longer_than_its_rule_cannot_be_stored() {
    let disk = Disk::empty();
    let mut directory = dayfinder::sample::cheshire_east();
    directory.services[0].name = "n".repeat(121);
    let problems = directory.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.problem == "The service’s name must be 120 characters or fewer"),
        "{problems:?}"
    );
    assert!(disk.engine.import(&directory).is_err());
}

#[test]
fn the_standards_full_service_example_imports() {
    let disk = Disk::empty();
    let report = import::import_file(
        &disk.engine,
        &examples().join("service_full.json"),
        &options(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(
        (report.records, report.valid, report.added),
        (1, 1, 1),
        "{report}"
    );
    // Its term is in no mapping: listed, not dropped.
    assert_eq!(report.unmapped_terms.len(), 1, "{report}");
    assert_eq!(report.unmapped_terms[0].term, "name");
    // Its place is at latitude 100 in "MyCity": not in Great Britain, so left out, and said.
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.reason.contains("not in Great Britain")),
        "{report}"
    );
    let s = &disk.engine.directory().unwrap().services[0];
    assert_eq!(s.name, "Community Counselling");
    assert_eq!(s.needs, [Need::MentalHealth]);
    assert_eq!(s.sessions.len(), 2);
    assert_eq!(s.sessions[0].start.to_string(), "10:00");
    assert_eq!(s.cost.price_per_session_pence, Some(3500));
    assert_eq!(
        (s.eligibility.minimum_age, s.eligibility.maximum_age),
        (12, Some(100))
    );
    assert_eq!(s.contact.name.as_deref(), Some("Ann Persona"));
    assert!(s.location_id.is_none());
}

#[test]
fn the_standards_page_of_services_example_imports() {
    let disk = Disk::empty();
    let report = import::import_file(
        &disk.engine,
        &examples().join("service_list.json"),
        &options(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!((report.records, report.added), (1, 1), "{report}");
    let d = disk.engine.directory().unwrap();
    assert_eq!(d.organisations[0].name, "Example Organization Inc.");
    let hits = disk
        .engine
        .search(&SearchQuery::text("counselling"))
        .unwrap()
        .hits;
    assert_eq!(hits[0].name, "Community Counselling");
}

#[test]
fn several_saved_pages_in_one_file_are_all_read() {
    let page = |n: usize, ids: &[&str]| {
        let contents: Vec<Value> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| foreign_service(id, &format!("Crewe Lunch Club {n}{i}")))
            .collect();
        json!({"total_items": 3, "total_pages": 2, "page_number": n, "size": contents.len(),
               "first_page": n == 1, "last_page": n == 2, "empty": false, "contents": contents})
    };
    let one = page(
        1,
        &[
            "a1000000-0000-4000-8000-000000000001",
            "a1000000-0000-4000-8000-000000000002",
        ],
    );
    let two = page(2, &["a1000000-0000-4000-8000-000000000003"]);
    // One after the other, as `cat page1.json page2.json` makes...
    let mut file = bytes(&one);
    file.extend(b"\n");
    file.extend(bytes(&two));
    let disk = Disk::empty();
    assert_eq!(import(&disk.engine, &file, &options()).unwrap().added, 3);
    // ...or in an array.
    let disk = Disk::empty();
    let file = bytes(&json!([one, two]));
    assert_eq!(import(&disk.engine, &file, &options()).unwrap().added, 3);
}

// Broken files: refused with where, which field and why, writing nothing.

#[test]
fn bad_json_is_refused_with_its_line_and_column() {
    let disk = Disk::with_sample();
    let err = refused(&disk, b"[\n  {\"id\": \"x\", \"name\": }\n]", &options());
    let said = err.to_string();
    assert!(
        matches!(err, ImportError::NotJson { line: 2, .. }),
        "{said}"
    );
    assert!(
        said.contains("not valid JSON") && said.contains("line 2"),
        "{said}"
    );
}

#[test]
fn a_wrong_type_is_refused_by_service_and_field() {
    let disk = Disk::with_sample();
    let mut s = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "Crewe Lunch Club");
    s["minimum_age"] = json!("twelve");
    s["schedules"][0]["opens_at"] = json!(1130);
    let report = report_of(refused(&disk, &bytes(&json!([s])), &json_options()));
    assert!(report.refused && !report.written);
    assert_eq!(
        lines(&report),
        [
            "Service 1 (“Crewe Lunch Club”): schedules[0].opens_at: should be text, not the number 1130",
            "Service 1 (“Crewe Lunch Club”): minimum_age: should be a whole number of 0 or more, not the text “twelve”",
        ]
    );
}

#[test]
fn a_time_that_is_not_a_time_of_day_is_named() {
    let disk = Disk::with_sample();
    let good = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "Crewe Lunch Club");
    let mut bad = foreign_service(
        "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0002",
        "Nantwich Lunch Club",
    );
    bad["schedules"][0]["opens_at"] = json!("25:00");
    let report = report_of(refused(&disk, &bytes(&json!([good, bad])), &json_options()));
    assert_eq!(report.invalid_records(), 1);
    let said = lines(&report).join("\n");
    assert!(
        said.starts_with(
            "Service 2 (“Nantwich Lunch Club”): schedules[0].opens_at: “25:00” is not a time of day"
        ),
        "{said}"
    );
}

#[test]
fn a_service_without_an_id_is_refused() {
    let disk = Disk::with_sample();
    let mut s = foreign_service("x", "Crewe Lunch Club");
    s.as_object_mut().unwrap().remove("id");
    let report = report_of(refused(&disk, &bytes(&json!([s])), &json_options()));
    assert_eq!(
        lines(&report),
        ["Service 1 (“Crewe Lunch Club”): id: is missing: every service needs an id (a UUID)"]
    );
}

#[test]
fn two_services_with_one_id_are_refused() {
    let disk = Disk::with_sample();
    let id = "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001";
    let file = bytes(&json!([
        foreign_service(id, "Crewe Lunch Club"),
        foreign_service(&id.to_uppercase(), "Crewe Supper Club")
    ]));
    let report = report_of(refused(&disk, &file, &json_options()));
    let said = lines(&report).join("\n");
    assert!(
        said.starts_with("Service 2 (“Crewe Supper Club”): id: “7C9F1A52-1D1E-4C36-9A52-3F0B0B1A0001” is the id of service 1 too"),
        "{said}"
    );
}

#[test]
fn an_unknown_term_of_our_own_taxonomy_is_refused() {
    let disk = Disk::with_sample();
    let mut s = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "Crewe Lunch Club");
    s["attributes"][0]["taxonomy_term"] = json!({"id": "8f1e9c1a-0000-4000-8000-00000000000f", "name": "Gardening", "term": "gardening",
               "taxonomy": "Dayfinder support needs"});
    let report = report_of(refused(&disk, &bytes(&json!([s])), &json_options()));
    let said = lines(&report).join("\n");
    assert!(
        said.starts_with("Service 1 (“Crewe Lunch Club”): attributes[0].taxonomy_term: “Gardening” is not a term of our taxonomy “Dayfinder support needs”"),
        "{said}"
    );
}

#[test]
fn an_unmapped_term_is_reported_and_refused_when_the_mapping_says_so() {
    let mut s = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "Crewe Lunch Club");
    s["attributes"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0009",
                     "taxonomy_term": {"id": "8f1e9c1a-0000-4000-8000-000000000003", "name": "Bingo",
                                       "taxonomy": "Council activities"}}));
    let file = bytes(&json!([s]));

    // By default: imported, and the term listed.
    let disk = Disk::empty();
    let report = import(&disk.engine, &file, &json_options()).unwrap();
    assert_eq!(report.added, 1);
    let t = &report.unmapped_terms[0];
    assert_eq!(
        (t.term.as_str(), t.taxonomy.as_deref(), t.records, t.first),
        ("Bingo", Some("Council activities"), 1, Position::Service(1))
    );
    assert!(
        report
            .to_string()
            .contains("“Bingo” in “Council activities”")
    );

    // A mapping that refuses unmapped terms.
    let strict = Mapping::parse(
        &dayfinder::oruk::mapping::DEFAULT_MAPPING
            .replace("unmapped_terms = \"report\"", "unmapped_terms = \"refuse\""),
    )
    .unwrap();
    let disk = Disk::with_sample();
    let options = Options {
        mapping: strict,
        ..json_options()
    };
    let report = report_of(refused(&disk, &file, &options));
    assert!(
        lines(&report)[0].contains("“Bingo” is not in the mapping file"),
        "{report}"
    );
}

#[test]
fn a_service_with_no_support_need_to_be_found_is_refused() {
    let disk = Disk::with_sample();
    let s = json!({"id": "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "name": "Bingo Night",
                   "status": "active", "description": "Eyes down at seven.",
                   "organization": {"id": "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0002", "name": "Hall Trust", "description": ""}});
    let report = report_of(refused(&disk, &bytes(&json!([s])), &json_options()));
    assert!(
        lines(&report)[0].starts_with("Service 1 (“Bingo Night”): needs: no support need"),
        "{report}"
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let disk = Disk::with_sample();
    let head = disk.head();
    let path = disk.dir.path().join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let err = import::import_file(&disk.engine, &path, &options(), &mut |_| {}).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    let said = err.to_string();
    assert!(said.contains("is 50 MB, more than the 25 MB"), "{said}");
    assert_eq!(disk.head(), head);
}

#[test]
fn things_that_are_not_services_are_refused() {
    let disk = Disk::with_sample();
    for (file, expected) in [
        (&b"\"hello\""[..], "not Open Referral UK JSON"),
        (b"{\"contents\": 3}", "should be a list of services"),
        (b"", "holds no services"),
        (b"   \n", "holds no services"),
    ] {
        let said = refused(&disk, file, &json_options()).to_string();
        assert!(said.contains(expected), "{said}");
    }
    let report = report_of(refused(&disk, b"[1, null]", &json_options()));
    assert_eq!(
        lines(&report),
        [
            "Service 1: is the number 1, where a service object was expected",
            "Service 2: is null, where a service object was expected"
        ]
    );
}

/// Our CSV of the sample's first few services, as a spreadsheet might save it.
fn sample_csv(services: usize) -> String {
    let mut d = dayfinder::sample::cheshire_east();
    d.services.sort_by(|a, b| a.id.cmp(&b.id));
    d.services.truncate(services);
    String::from_utf8(export::csv(&d).unwrap()).unwrap()
}

#[test]
fn a_csv_row_with_the_wrong_number_of_fields_is_refused_by_line() {
    let disk = Disk::with_sample();
    let file = "id,name,organisation_id,organisation_name,needs,postcode\n\
                garden-club,Garden Club,green-fingers,Green Fingers,dementia,CW1 2AB\n\
                quiz-club,Quiz Club,green-fingers,Green Fingers,dementia,Crewe,CW1 2AB\n";
    let report = report_of(refused(&disk, file.as_bytes(), &csv_options()));
    assert_eq!(
        lines(&report),
        [
            "Line 3 (“Quiz Club”): has 7 fields, but the first line names 6 columns: \
          a value with a comma in it must be in double quotes"
        ]
    );
}

#[test]
fn a_csv_value_that_is_not_in_our_vocabulary_is_refused() {
    let disk = Disk::with_sample();
    let file = "id,name,organisation_id,organisation_name,needs,sessions\n\
                garden-club,Garden Club,green-fingers,Green Fingers,gardening,Monday 10:00-12:00\n\
                quiz-club,Quiz Club,green-fingers,Green Fingers,dementia,Someday 10:00-12:00\n";
    let report = report_of(refused(&disk, file.as_bytes(), &csv_options()));
    let said = lines(&report);
    assert!(
        said[0].starts_with(
            "Line 2 (“Garden Club”): needs: “gardening” is not one of our support needs"
        ),
        "{said:?}"
    );
    assert!(
        said[1]
            .starts_with("Line 3 (“Quiz Club”): sessions: “Someday 10:00-12:00” is not a session"),
        "{said:?}"
    );
}

#[test]
fn a_csv_without_its_required_columns_is_refused() {
    let disk = Disk::with_sample();
    let said = refused(&disk, b"name,town\nClub,Crewe\n", &csv_options()).to_string();
    assert!(
        said.contains("no “id”, “organisation_id”, “organisation_name” column"),
        "{said}"
    );
    let said = refused(&disk, b"id;name\nclub;Club\n", &csv_options()).to_string();
    assert!(said.contains("separated by semicolons"), "{said}");
}

#[test]
fn a_byte_order_mark_and_windows_line_endings_are_fine() {
    let csv = sample_csv(5).replace('\n', "\r\n");
    let mut file = b"\xEF\xBB\xBF".to_vec();
    file.extend(csv.as_bytes());
    let disk = Disk::empty();
    let report = import(&disk.engine, &file, &options()).unwrap();
    assert_eq!(
        (report.format.as_str(), report.added),
        ("csv", 5),
        "{report}"
    );
    let d = disk.engine.directory().unwrap();
    assert!(d.services.iter().all(|s| !s.description.contains('\r')));
    assert_eq!(export::csv(&d).unwrap(), sample_csv(5).into_bytes());

    let json = serde_json::to_string_pretty(&json!([foreign_service(
        "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001",
        "Crewe Lunch Club"
    )]))
    .unwrap()
    .replace('\n', "\r\n");
    let mut file = b"\xEF\xBB\xBF".to_vec();
    file.extend(json.as_bytes());
    let disk = Disk::empty();
    let report = import(&disk.engine, &file, &options()).unwrap();
    assert_eq!(
        (report.format.as_str(), report.added),
        ("json", 1),
        "{report}"
    );
}

// Skipping invalid records.

#[test]
fn skip_invalid_imports_the_valid_records_and_reports_the_rest() {
    let disk = Disk::empty();
    let mut bad = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0002", "Broken Club");
    bad["schedules"][0]["closes_at"] = json!("09:00");
    let file = bytes(&json!([
        foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "Crewe Lunch Club"),
        bad,
        foreign_service(
            "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0003",
            "Nantwich Lunch Club"
        ),
    ]));
    let options = Options {
        skip_invalid: true,
        ..json_options()
    };
    let report = import(&disk.engine, &file, &options).unwrap();
    assert!(report.written && !report.refused);
    assert_eq!((report.records, report.valid, report.added), (3, 2, 2));
    assert_eq!(
        lines(&report),
        ["Service 2 (“Broken Club”): schedules[0].closes_at: 09:00 is not after opens_at 11:30"]
    );
    assert!(
        report.summary().contains("Skipped 1 invalid record."),
        "{}",
        report.summary()
    );
    let names: Vec<String> = disk
        .engine
        .directory()
        .unwrap()
        .services
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(!names.contains(&"Broken Club".to_string()), "{names:?}");
    assert_eq!(names.len(), 2);
}

#[test]
fn a_record_that_does_not_hold_together_with_the_rest_is_placed_and_can_be_skipped() {
    let disk = Disk::with_sample();
    let mut small = dayfinder::sample::synthetic(5, 7);
    small.services[3].organisation_id = "nobody".into();
    let broken = small.services[3].clone();
    let file = serde_json::to_vec(&small).unwrap();
    let report = report_of(refused(&disk, &file, &options()));
    assert_eq!(
        lines(&report),
        [format!(
            "Service 4 (“{}”): service {}: refers to an organisation that is not in the directory",
            broken.name, broken.id
        )]
    );

    let options = Options {
        skip_invalid: true,
        ..options()
    };
    let report = import(&disk.engine, &file, &options).unwrap();
    assert_eq!((report.added, report.invalid_records()), (4, 1), "{report}");
    assert!(disk.engine.listing(&broken.id).unwrap().is_none());
}

// Dayfinder's own directory file, and replacing everything.

#[test]
fn a_dayfinder_directory_file_imports_and_can_replace_everything() {
    let disk = Disk::with_sample();
    let small = dayfinder::sample::synthetic(20, 7);
    let file = serde_json::to_vec(&small).unwrap();
    let options = Options {
        replace: true,
        ..options()
    };
    let report = import(&disk.engine, &file, &options).unwrap();
    assert_eq!(report.format, "dayfinder");
    assert_eq!((report.added, report.removed), (20, 254), "{report}");
    assert_eq!(disk.engine.directory().unwrap().services.len(), 20);
}

#[test]
fn a_files_format_is_read_from_its_name_or_else_its_first_character() {
    assert_eq!(Format::of_path(Path::new("a.CSV")), Some(Format::Csv));
    assert_eq!(Format::of_path(Path::new("feed.json")), Some(Format::Json));
    assert_eq!(Format::of_path(Path::new("feed")), None);
    assert_eq!(Format::sniff(b"\xEF\xBB\xBF [ {}"), Format::Json);
    assert_eq!(Format::sniff(b"id,name"), Format::Csv);
}

// Never a panic.

/// Every path to a value in a JSON document: `["schedules", "0", "opens_at"]`.
fn paths(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let mut p = here.clone();
                p.push(k.clone());
                out.push(p.clone());
                paths(child, p, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let mut p = here.clone();
                p.push(i.to_string());
                out.push(p.clone());
                paths(child, p, out);
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Array(items) => &mut items[k.parse::<usize>().unwrap()],
        other => &mut other[k.as_str()],
    })
}

#[test]
fn no_value_of_any_type_anywhere_in_a_service_makes_the_import_panic() {
    let good = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "Crewe Lunch Club");
    let mut all = Vec::new();
    paths(&good, Vec::new(), &mut all);
    let odd = [
        json!(null),
        json!(true),
        json!(-1),
        json!(1.5e300),
        json!(""),
        json!("  "),
        json!("é🙂".repeat(200)),
        json!([]),
        json!([null, 1]),
        json!({}),
    ];
    let existing = Directory::default();
    let mut checked = 0;
    for path in &all {
        for value in &odd {
            let mut s = good.clone();
            *at(&mut s, path) = value.clone();
            let file = bytes(&json!([s]));
            let parsed = import::parse(&file, &json_options(), &existing, &mut |_| {});
            if let Ok(p) = parsed {
                assert_eq!(p.report.records, 1, "{path:?} = {value}");
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
}

#[test]
fn arbitrary_bytes_never_make_the_import_panic() {
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let existing = Directory::default();
    let alphabet = b"{}[]\",:;\n\r 0123456789.-eE\\tnulfasridname\xEF\xBB\xBF\xFF";
    for round in 0..2_000 {
        let len = (next() % 200) as usize;
        let file: Vec<u8> = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let options = if round % 2 == 0 {
            json_options()
        } else {
            csv_options()
        };
        let _ = import::parse(&file, &options, &existing, &mut |_| {});
    }
}

#[test]
fn replacing_the_directory_with_itself_writes_nothing() {
    let disk = Disk::with_sample();
    let head = disk.head();
    let file = export::csv(&dayfinder::sample::cheshire_east()).unwrap();
    let options = Options {
        replace: true,
        ..csv_options()
    };
    let report = import(&disk.engine, &file, &options).unwrap();
    assert_eq!(
        (report.unchanged, report.removed, report.written),
        (254, 0, false),
        "{report}"
    );
    assert_eq!(disk.head(), head);
}

#[test]
fn names_a_spreadsheet_would_run_as_formulas_are_neutralised_and_read_back_as_they_were() {
    let mut d = dayfinder::sample::cheshire_east();
    d.services.sort_by(|a, b| a.id.cmp(&b.id));
    d.services.truncate(6);
    let names = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1 club",
        "-minus club",
        "@home club",
        "\tTabbed club",
        "\rReturned club",
    ];
    for (service, name) in d.services.iter_mut().zip(names) {
        service.name = name.to_string();
    }
    let file = export::csv(&d).unwrap();
    let mut reader = csv::Reader::from_reader(file.as_slice());
    let written: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    for (cell, name) in written.iter().zip(names) {
        assert_eq!(
            cell,
            &format!("'{name}"),
            "the cell starts with an apostrophe"
        );
    }

    let empty = Disk::empty();
    let report = import(&empty.engine, &file, &csv_options()).unwrap();
    assert!(report.invalid.is_empty(), "{report}");
    let back = empty.engine.directory().unwrap();
    let name_of = |id: &str| {
        back.services
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap()
    };
    // Read back without the apostrophe; a tab or return before the name is trimmed, as
    // import trims every value.
    assert_eq!(name_of(&d.services[0].id), names[0]);
    assert_eq!(name_of(&d.services[3].id), "@home club");
    assert_eq!(name_of(&d.services[4].id), "Tabbed club");
    assert_eq!(name_of(&d.services[5].id), "Returned club");
}

#[test]
fn a_website_that_is_not_http_is_refused_by_service_and_field() {
    let disk = Disk::with_sample();
    let mut s = foreign_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "Crewe Lunch Club");
    s["url"] = json!("javascript:alert(1)");
    let report = report_of(refused(&disk, &bytes(&json!([s])), &json_options()));
    let said = lines(&report);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("Service 1 (“Crewe Lunch Club”): url: ") && said[0].contains("http"),
        "{said:?}"
    );

    let file = "id,name,organisation_id,organisation_name,needs,kinds,contact_website\n\
                garden-club,Garden Club,green-fingers,Green Fingers,dementia,community-group,\"data:text/html;base64,PHNjcmlwdD4=\"\n";
    let report = report_of(refused(&disk, file.as_bytes(), &csv_options()));
    let said = lines(&report);
    assert!(
        said.iter().any(|l| l.contains("contact_website")),
        "{said:?}"
    );
}
