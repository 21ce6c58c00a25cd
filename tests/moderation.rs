//! Keeping listings true: a provider's change waits for a council editor, an approved
//! change is searchable at once, a rejection carries its reason back, everything is in
//! the audit log, and the public can report a problem (within a limit).

use dayfinder::Engine;
use dayfinder::accounts::{Account, NewAccount, Password, Role};
use dayfinder::model::{ClockTime, Service, VacancyStatus, Weekday};
use dayfinder::moderation::{
    AuditAction, Decided, Decision, DecisionOutcome, EditOutcome, MAX_REPORTS_PER_CLIENT,
    NewProblemReport, ProposalId, ProposalStatus, Snapshot,
};
use dayfinder::query::SearchQuery;
use jiff::Timestamp;
use jiff::civil::{Date, date};

const PASSWORD: &str = "plum tree river lantern";

fn now() -> Timestamp {
    "2026-11-24T09:00:00Z".parse().unwrap()
}

fn today() -> Date {
    date(2026, 11, 24)
}

fn engine() -> Engine {
    Engine::in_memory(&dayfinder::sample::cheshire_east()).unwrap()
}

fn add(engine: &Engine, email: &str, role: Role) -> Account {
    engine
        .add_editor(
            &NewAccount::parse(email, "Sam Jones", role).unwrap(),
            &Password::parse(PASSWORD).unwrap(),
            now(),
        )
        .unwrap()
}

/// A service with sessions, its provider editor and a council editor.
fn setting() -> (Engine, Service, Account, Account) {
    let engine = engine();
    let service = engine
        .directory()
        .unwrap()
        .services
        .into_iter()
        .find(|s| !s.sessions.is_empty())
        .unwrap();
    let provider = add(
        &engine,
        "provider@example.org",
        Role::Provider {
            organisation_id: service.organisation_id.clone(),
        },
    );
    let council = add(&engine, "council@example.org", Role::Council);
    (engine, service, provider, council)
}

/// Sends a provider's change; it must wait for approval.
fn propose(engine: &Engine, provider: &Account, edited: &Service) -> ProposalId {
    match engine
        .edit_listing(provider, edited, today(), now())
        .unwrap()
    {
        EditOutcome::Proposed(id) => id,
        other => panic!("a provider's change should wait for approval, not {other:?}"),
    }
}

fn stored(engine: &Engine, id: &str) -> Service {
    engine.listing(id).unwrap().unwrap().service
}

#[test]
fn a_providers_session_time_change_waits_then_is_searchable_once_approved() {
    let (engine, service, provider, council) = setting();
    let mut edited = service.clone();
    edited.sessions[0].start = ClockTime::new(9, 15).unwrap();

    let EditOutcome::Proposed(id) = engine
        .edit_listing(&provider, &edited, today(), now())
        .unwrap()
    else {
        panic!("a provider's change should wait for approval");
    };
    assert_eq!(
        stored(&engine, &service.id).sessions[0].start,
        service.sessions[0].start,
        "not published before approval"
    );

    let queue = engine
        .proposals_for(&council, Some(ProposalStatus::Pending), 10)
        .unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].changes()[0].field, "Sessions");

    let outcome = engine
        .decide(&council, id, &Decision::Approve, today(), now())
        .unwrap();
    assert!(matches!(outcome, DecisionOutcome::Done(d) if matches!(*d, Decided::Approved(_))));
    let now_stored = stored(&engine, &service.id);
    assert_eq!(now_stored.sessions[0].start, ClockTime::new(9, 15).unwrap());
    assert_eq!(now_stored.last_reviewed, today());

    // Searchable as it now is: the index was brought up to date before decide returned.
    let results = engine
        .search(&SearchQuery {
            text: service.name.clone(),
            ..SearchQuery::default()
        })
        .unwrap();
    assert!(results.hits.iter().any(|h| h.id == service.id));
}

#[test]
fn an_approved_change_of_day_is_found_by_the_new_day_at_once() {
    let (engine, service, provider, council) = setting();
    let mut edited = service.clone();
    edited.sessions = vec![dayfinder::model::Session {
        day: Weekday::Sunday,
        start: ClockTime::new(10, 0).unwrap(),
        end: ClockTime::new(12, 0).unwrap(),
    }];
    let id = propose(&engine, &provider, &edited);
    let on_sunday = || {
        engine
            .search(&SearchQuery {
                days: vec![Weekday::Sunday],
                per_page: 200,
                ..SearchQuery::default()
            })
            .unwrap()
            .hits
            .iter()
            .any(|h| h.id == service.id)
    };
    assert!(!on_sunday() || service.runs_at_weekends());
    engine
        .decide(&council, id, &Decision::Approve, today(), now())
        .unwrap();
    assert!(on_sunday());
}

#[test]
fn a_rejected_change_tells_the_provider_why_and_changes_nothing() {
    let (engine, service, provider, council) = setting();
    let mut edited = service.clone();
    edited.name = "Something misleading".into();
    let id = propose(&engine, &provider, &edited);
    engine
        .decide(
            &council,
            id,
            &Decision::Reject("Please keep the service's registered name".into()),
            today(),
            now(),
        )
        .unwrap();
    assert_eq!(stored(&engine, &service.id).name, service.name);
    let mine = engine.proposals_for(&provider, None, 10).unwrap();
    assert_eq!(mine[0].status, ProposalStatus::Rejected);
    assert_eq!(mine[0].reason, "Please keep the service's registered name");
}

#[test]
fn a_provider_cannot_approve_nor_edit_another_organisations_listing() {
    let (engine, service, provider, _) = setting();
    let other = engine
        .directory()
        .unwrap()
        .services
        .into_iter()
        .find(|s| s.organisation_id != service.organisation_id)
        .unwrap();
    let mut edited = other.clone();
    edited.name = "Hijacked".into();
    assert_eq!(
        engine
            .edit_listing(&provider, &edited, today(), now())
            .unwrap(),
        EditOutcome::NotAllowed
    );
    let mut own = service.clone();
    own.name = "Renamed".into();
    let id = propose(&engine, &provider, &own);
    assert_eq!(
        engine
            .decide(&provider, id, &Decision::Approve, today(), now())
            .unwrap(),
        DecisionOutcome::NotAllowed
    );
    assert_eq!(stored(&engine, &service.id).name, service.name);
}

#[test]
fn a_council_editors_change_is_saved_at_once_and_audited_with_before_and_after() {
    let (engine, service, _, council) = setting();
    let mut edited = service.clone();
    edited.summary = "A friendly weekly group.".into();
    assert!(matches!(
        engine
            .edit_listing(&council, &edited, today(), now())
            .unwrap(),
        EditOutcome::Saved(_)
    ));
    assert_eq!(
        stored(&engine, &service.id).summary,
        "A friendly weekly group."
    );
    let log = engine
        .audit_log(&council, Some(&service.id), 10)
        .unwrap()
        .unwrap();
    assert_eq!(log[0].action, AuditAction::Edited);
    assert_eq!(log[0].editor.as_ref().unwrap().email, "council@example.org");
    let summary = |s: &Option<Snapshot>| match s {
        Some(Snapshot::Service(s)) => s.summary.clone(),
        other => panic!("a listing, not {other:?}"),
    };
    assert_eq!(summary(&log[0].before), service.summary);
    assert_eq!(summary(&log[0].after), "A friendly weekly group.");
}

#[test]
fn an_edit_form_cannot_move_a_service_to_another_organisation_or_set_its_vacancy() {
    let (engine, service, _, council) = setting();
    let mut edited = service.clone();
    edited.organisation_id = "someone-else".into();
    edited.vacancy.status = VacancyStatus::WaitingList;
    edited.summary = "Changed".into();
    engine
        .edit_listing(&council, &edited, today(), now())
        .unwrap();
    let after = stored(&engine, &service.id);
    assert_eq!(after.organisation_id, service.organisation_id);
    assert_eq!(after.vacancy, service.vacancy);
}

#[test]
fn saving_a_listing_unchanged_confirms_it_without_waiting() {
    let (engine, service, provider, _) = setting();
    assert!(matches!(
        engine
            .edit_listing(&provider, &service, today(), now())
            .unwrap(),
        EditOutcome::Confirmed(_)
    ));
    assert_eq!(stored(&engine, &service.id).last_reviewed, today());
}

#[test]
fn approving_an_old_change_keeps_the_vacancy_set_while_it_waited() {
    let (engine, service, provider, council) = setting();
    let mut edited = service.clone();
    edited.schedule_notes = "Closed on bank holidays".into();
    let id = propose(&engine, &provider, &edited);
    engine
        .set_vacancy(&provider, &service.id, VacancyStatus::Full, today())
        .unwrap();
    engine
        .decide(&council, id, &Decision::Approve, today(), now())
        .unwrap();
    let after = stored(&engine, &service.id);
    assert_eq!(after.vacancy.status, VacancyStatus::Full);
    assert_eq!(after.schedule_notes, "Closed on bank holidays");
}

#[test]
fn a_second_change_before_a_decision_replaces_the_first() {
    let (engine, service, provider, council) = setting();
    let mut first = service.clone();
    first.summary = "First".into();
    let a = propose(&engine, &provider, &first);
    let (start, pending) = engine
        .service_to_edit(&provider, &service.id)
        .unwrap()
        .unwrap();
    assert_eq!(
        start.summary, "First",
        "editing again starts from the waiting change"
    );
    assert_eq!(pending.unwrap().id, a);
    let mut second = start;
    second.summary = "Second".into();
    engine
        .edit_listing(&provider, &second, today(), now())
        .unwrap();
    let decided = engine
        .decide(&council, a, &Decision::Approve, today(), now())
        .unwrap();
    assert_eq!(
        decided,
        DecisionOutcome::Done(Box::new(Decided::AlreadyDecided(
            ProposalStatus::Superseded
        )))
    );
}

#[test]
fn a_problem_report_reaches_the_council_and_a_flood_is_refused() {
    let (engine, service, provider, council) = setting();
    let report = NewProblemReport::parse(
        &service.id,
        "closed",
        "The hall is closed for repairs",
        "",
        now(),
    )
    .unwrap();
    for _ in 0..MAX_REPORTS_PER_CLIENT {
        assert!(
            engine
                .report_problem(&report, "192.0.2.1")
                .unwrap()
                .is_some()
        );
    }
    assert_eq!(engine.report_problem(&report, "192.0.2.1").unwrap(), None);
    assert!(
        engine
            .report_problem(&report, "192.0.2.2")
            .unwrap()
            .is_some()
    );
    let open = engine
        .problem_reports(&council, true, 100)
        .unwrap()
        .unwrap();
    assert_eq!(open.len(), MAX_REPORTS_PER_CLIENT + 1);
    assert!(
        engine
            .problem_reports(&provider, true, 100)
            .unwrap()
            .is_none()
    );
    assert_eq!(
        engine
            .close_problem(&council, open[0].id, "Phoned them: reopening in May", now())
            .unwrap(),
        Some(true)
    );
    assert_eq!(
        engine
            .problem_reports(&council, true, 100)
            .unwrap()
            .unwrap()
            .len(),
        MAX_REPORTS_PER_CLIENT
    );
}

#[test]
fn a_vacancy_change_is_in_the_audit_log() {
    let (engine, service, provider, council) = setting();
    engine
        .set_vacancy(&provider, &service.id, VacancyStatus::Full, today())
        .unwrap();
    let log = engine.audit_log(&council, None, 5).unwrap().unwrap();
    assert_eq!(log[0].action, AuditAction::VacancySet);
    assert_eq!(
        match &log[0].after {
            Some(Snapshot::Service(s)) => s.vacancy.status,
            other => panic!("a listing, not {other:?}"),
        },
        VacancyStatus::Full
    );
    assert!(engine.audit_log(&provider, None, 5).unwrap().is_none());
}

/// An open day for `service`, next month.
fn open_day(service: &Service) -> dayfinder::model::Event {
    let mut event = dayfinder::sample::cheshire_east()
        .events
        .into_iter()
        .next()
        .expect("sample events");
    event.id = String::new();
    event.title = "Winter open day".into();
    event.kind = dayfinder::model::EventKind::OpenDay;
    event.service_id = Some(service.id.clone());
    event.start = date(2026, 12, 10).at(10, 0, 0, 0);
    event.end = date(2026, 12, 10).at(12, 0, 0, 0);
    event
}

fn events_of(engine: &Engine, service: &Service) -> Vec<dayfinder::model::Event> {
    engine
        .directory()
        .unwrap()
        .events
        .into_iter()
        .filter(|e| e.service_id.as_deref() == Some(&service.id))
        .collect()
}

#[test]
fn a_providers_new_open_day_waits_for_approval_then_is_listed() {
    let (engine, service, provider, council) = setting();
    let before = events_of(&engine, &service).len();
    let EditOutcome::Proposed(id) = engine
        .edit_event(
            &provider,
            &service.id,
            None,
            Some(open_day(&service)),
            now(),
        )
        .unwrap()
    else {
        panic!("a provider's new event should wait for approval")
    };
    assert_eq!(events_of(&engine, &service).len(), before);
    let queue = engine
        .proposals_for(&council, Some(ProposalStatus::Pending), 10)
        .unwrap();
    assert_eq!(queue[0].title(), "New event: Winter open day (Open day)");
    engine
        .decide(&council, id, &Decision::Approve, today(), now())
        .unwrap();
    let events = events_of(&engine, &service);
    let added = events
        .iter()
        .find(|e| e.title == "Winter open day")
        .expect("listed once approved");
    assert!(
        added.id.starts_with("winter-open-day-2026-12-10"),
        "{}",
        added.id
    );
    assert_eq!(
        added.organisation_id.as_deref(),
        Some(service.organisation_id.as_str())
    );
    assert!(
        engine
            .listing_events(&service.id)
            .unwrap()
            .iter()
            .any(|e| e.event.id == added.id),
        "the listing's page shows it"
    );
}

#[test]
fn a_council_editor_adds_and_removes_an_event_at_once_and_both_are_audited() {
    let (engine, service, _, council) = setting();
    assert_eq!(
        engine
            .edit_event(&council, &service.id, None, Some(open_day(&service)), now())
            .unwrap(),
        EditOutcome::Published
    );
    let id = events_of(&engine, &service)
        .into_iter()
        .find(|e| e.title == "Winter open day")
        .unwrap()
        .id;
    engine
        .edit_event(&council, &service.id, Some(&id), None, now())
        .unwrap();
    assert!(events_of(&engine, &service).iter().all(|e| e.id != id));
    let log = engine
        .audit_log(&council, Some(&service.id), 5)
        .unwrap()
        .unwrap();
    assert!(matches!(&log[0].before, Some(Snapshot::Event(e)) if e.id == id));
    assert!(log[0].after.is_none());
}

#[test]
fn a_provider_cannot_add_events_to_another_organisations_listing() {
    let (engine, service, provider, _) = setting();
    let other = engine
        .directory()
        .unwrap()
        .services
        .into_iter()
        .find(|s| s.organisation_id != service.organisation_id)
        .unwrap();
    assert_eq!(
        engine
            .edit_event(&provider, &other.id, None, Some(open_day(&other)), now())
            .unwrap(),
        EditOutcome::NotAllowed
    );
}

#[test]
fn a_providers_change_of_address_waits_then_every_listing_there_shows_it() {
    let (engine, service, provider, council) = setting();
    let location = service.location_id.clone().expect("a listing with a place");
    let found = engine.place_to_edit(&provider, &location).unwrap().unwrap();
    assert!(found.pending.is_none());
    let mut place = found.place;
    place.address = "Unit 4, Mill Lane".into();
    place.access_notes = "Level access from the car park".into();
    let EditOutcome::Proposed(id) = engine
        .edit_place(&provider, &service.id, place.clone(), now())
        .unwrap()
    else {
        panic!("a provider's change of place waits")
    };
    let queue = engine
        .proposals_for(&council, Some(ProposalStatus::Pending), 10)
        .unwrap();
    let fields: Vec<&str> = queue[0].changes().iter().map(|c| c.field).collect();
    assert_eq!(fields, ["Address", "Access notes"]);
    engine
        .decide(&council, id, &Decision::Approve, today(), now())
        .unwrap();
    let listing = engine.listing(&service.id).unwrap().unwrap();
    assert_eq!(listing.location.unwrap().address, "Unit 4, Mill Lane");
    let log = engine.audit_log(&council, None, 1).unwrap().unwrap();
    assert!(matches!(&log[0].after, Some(Snapshot::Place(p)) if p.address == "Unit 4, Mill Lane"));
}

#[test]
fn a_council_editor_changes_a_providers_phone_at_once_and_a_provider_cannot_touch_anothers() {
    let (engine, service, provider, council) = setting();
    let (mut org, _) = engine
        .provider_to_edit(&council, &service.organisation_id)
        .unwrap()
        .unwrap();
    org.phone = Some("01270 000222".into());
    assert_eq!(
        engine
            .edit_provider(&council, &service.id, org, now())
            .unwrap(),
        EditOutcome::Published
    );
    assert_eq!(
        engine
            .listing(&service.id)
            .unwrap()
            .unwrap()
            .organisation
            .phone
            .as_deref(),
        Some("01270 000222")
    );
    let other = engine
        .directory()
        .unwrap()
        .organisations
        .into_iter()
        .find(|o| o.id != service.organisation_id)
        .unwrap();
    assert!(
        engine
            .provider_to_edit(&provider, &other.id)
            .unwrap()
            .is_none()
    );
    assert_eq!(
        engine
            .edit_provider(&provider, &service.id, other, now())
            .unwrap(),
        EditOutcome::NotAllowed
    );
}
