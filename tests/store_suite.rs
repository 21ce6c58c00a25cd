//! The store's behaviour, written once and run against both backends: the embedded SQLite
//! store (always) and PostgreSQL (when `DAYFINDER_TEST_POSTGRES` or `DATABASE_URL` names
//! one). Without a reachable PostgreSQL the Postgres half says "skipped" and passes,
//! except under CI (`CI` set), where it fails: CI must prove both (scripts/test.sh starts
//! a throwaway PostgreSQL for it). Each Postgres test runs in a schema of its own.

#![cfg(feature = "postgres")]

use std::io::Write;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use dayfinder::Engine;
use dayfinder::accounts::{
    Account, AccountError, AccountId, AccountStore, Accounts, CsrfToken, Email, NewAccount,
    NewSession, Password, Role,
};
use dayfinder::feeds::{Every, FeedApplied, FeedRead, FeedRun};
use dayfinder::insight::{Outcome, TallyKey};
use dayfinder::model::{Directory, Need, Service, VacancyStatus, Weekday};
use dayfinder::moderation::{
    AuditAction, Change, Decided, Editor, ModerationStore, NewAudit, NewProblemReport, NewProposal,
    ProblemKind, ProposalFilter, ProposalStatus, Snapshot,
};
use dayfinder::outbox::{LEASE, NewEmail, OutboxCounts};
use dayfinder::query::SearchQuery;
use dayfinder::store::insight::{InsightStore, SearchCount};
use dayfinder::store::{
    ChangeKind, ClaimStore, EnquiryStore, FeedsStore, MergeCounts, OutboxStore, PasswordLinkStore,
    PlacesStore, PostgresStore, ReviewStore, SqliteStore, Store, StoreError,
};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

/// Everything a backend must be.
trait Stores:
    Store
    + AccountStore
    + ModerationStore
    + InsightStore
    + PlacesStore
    + FeedsStore
    + OutboxStore
    + EnquiryStore
    + ReviewStore
    + PasswordLinkStore
    + ClaimStore
    + 'static
{
}
impl<
    T: Store
        + AccountStore
        + ModerationStore
        + InsightStore
        + PlacesStore
        + FeedsStore
        + OutboxStore
        + EnquiryStore
        + ReviewStore
        + PasswordLinkStore
        + ClaimStore
        + ClaimStore
        + 'static,
> Stores for T
{
}

/// A database for one test; `open` may be called more than once for the same database,
/// as several site nodes would open it.
trait Backend {
    type S: Stores;
    fn open(&self) -> Self::S;
}

/// A SQLite file in a temporary folder (the embedded default, WAL and all).
struct Sqlite(tempfile::TempDir);

impl Backend for Sqlite {
    type S = SqliteStore;
    fn open(&self) -> SqliteStore {
        SqliteStore::open(&self.0.path().join("dayfinder.sqlite3")).expect("the store opens")
    }
}

fn sqlite() -> Option<Sqlite> {
    Some(Sqlite(tempfile::tempdir().expect("a temporary folder")))
}

/// A schema of its own in the test PostgreSQL, dropped when the test ends.
struct Postgres {
    url: String,
    schema: String,
}

impl Backend for Postgres {
    type S = PostgresStore;
    fn open(&self) -> PostgresStore {
        let mut config: postgres::Config = self.url.parse().expect("a PostgreSQL URL");
        config.options(&format!("-c search_path={}", self.schema));
        PostgresStore::connect_with(config).expect("the PostgreSQL store opens")
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.url, postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

/// Whether we run under CI, where a missing PostgreSQL is a failure, not a skip.
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Says once per test binary why the Postgres half did not run. Written to stderr
/// directly, past the test harness's capture, so that it is seen.
fn skip(why: &str) -> Option<Postgres> {
    static SAID: OnceLock<()> = OnceLock::new();
    if under_ci() {
        panic!("{why}; CI must run the store suite on PostgreSQL (scripts/test.sh starts one)");
    }
    SAID.get_or_init(|| {
        let _ = writeln!(
            std::io::stderr(),
            "store_suite: skipped: {why}. Set DAYFINDER_TEST_POSTGRES=postgres://... to run \
             the store suite on PostgreSQL too."
        );
    });
    None
}

/// The URL without its password, for messages.
fn shown(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            let user = credentials.split(':').next().unwrap_or("");
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// An error with its causes ("error connecting to server: Connection refused ...").
fn why(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text = format!("{text}: {c}");
        cause = c.source();
    }
    text
}

fn postgres() -> Option<Postgres> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let url = ["DAYFINDER_TEST_POSTGRES", "DATABASE_URL"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
    let Some(url) = url else {
        return skip("no PostgreSQL named (DAYFINDER_TEST_POSTGRES and DATABASE_URL are unset)");
    };
    let mut config: postgres::Config = match url.parse() {
        Ok(config) => config,
        Err(e) => return skip(&format!("no PostgreSQL at {}: {}", shown(&url), why(&e))),
    };
    config.connect_timeout(std::time::Duration::from_secs(3));
    let mut admin = match config.connect(postgres::NoTls) {
        Ok(client) => client,
        Err(e) => return skip(&format!("no PostgreSQL at {}: {}", shown(&url), why(&e))),
    };
    let schema = format!(
        "store_suite_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    admin
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .expect("a schema for the test");
    Some(Postgres { url, schema })
}

/// Runs each test below on every backend: `sqlite::name` and `postgres::name`.
macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(#[test] fn $name() { if let Some(b) = super::sqlite() { super::$name(&b) } })*
        }
        mod on_postgres {
            $(#[test] fn $name() { if let Some(b) = super::postgres() { super::$name(&b) } })*
        }
    };
}

suite!(
    a_directory_stored_reads_back_the_same,
    a_directory_with_a_broken_reference_is_refused_and_nothing_changes,
    every_write_is_logged_in_order,
    merging_the_same_data_twice_changes_nothing,
    a_changed_organisation_logs_each_of_its_services,
    bad_saves_and_deletes_are_refused_with_the_same_errors,
    listings_skip_missing_services_and_keep_the_order_asked,
    many_listings_read_at_once_are_the_same_as_each_read_alone,
    an_organisations_services_are_read_without_the_rest_of_the_directory,
    a_deleted_service_takes_its_events_with_it,
    an_email_address_has_one_account_whatever_its_case,
    a_session_lasts_until_it_expires_or_ends,
    attempts_are_reserved_within_each_keys_limit_and_forgotten,
    fifty_attempts_at_once_reserve_no_more_than_the_limit,
    fifty_wrong_passwords_at_once_are_checked_only_five_times,
    a_disabled_account_loses_its_sessions_in_the_same_write,
    a_new_password_ends_every_other_session,
    a_second_step_completes_once_per_code_step,
    a_later_proposal_supersedes_a_waiting_one_and_a_decision_is_final,
    a_rejected_proposal_changes_nothing_and_keeps_its_reason,
    an_approved_event_proposal_adds_the_event,
    a_changed_place_or_provider_is_saved_with_a_log_line_per_listing,
    a_bad_edit_is_refused_and_leaves_no_trace,
    problem_reports_are_limited_per_client_and_closed_once,
    reports_under_the_last_windows_key_still_count_against_the_limit,
    purging_forgets_old_client_hashes_and_the_contacts_of_long_closed_reports,
    search_counts_for_the_same_day_and_key_add_up,
    a_second_node_on_the_same_store_catches_up_with_an_edit,
    imported_postcodes_replace_the_last_import_whole_and_an_empty_one_is_refused,
    place_names_are_replaced_with_or_without_the_postcodes_and_each_import_moves_the_version,
    a_running_node_follows_a_places_import_and_new_towns_without_a_restart,
    a_followed_feed_is_claimed_by_one_node_once_per_schedule,
    a_feed_is_followed_once_and_its_last_run_is_kept,
    a_listing_its_feed_stops_listing_is_withdrawn_and_comes_back_with_its_open_days,
    a_queued_email_is_taken_by_one_node_and_tried_again_after_its_lease,
    a_failed_email_waits_its_backoff_and_is_given_up_in_the_end,
    sent_and_given_up_emails_are_forgotten_after_their_time,
    an_enquiry_reaches_the_provider_and_its_answer_reaches_the_asker,
    an_unanswered_enquiry_is_reminded_once_and_escalated_once,
    requests_are_limited_per_client,
    erasure_forgets_the_person_and_keeps_what_was_asked,
    each_review_stage_is_mailed_once_and_a_link_confirms_once,
    each_stage_of_the_review_cycle_reaches_its_people_on_its_day,
    a_forgotten_password_is_set_once_from_its_link_within_the_hour,
    a_proved_claim_approved_by_the_council_makes_a_provider_editor,
);

fn sample() -> Directory {
    dayfinder::sample::cheshire_east()
}

fn now() -> Timestamp {
    "2026-11-24T09:00:00Z".parse().unwrap()
}

fn seconds(s: i64) -> jiff::SignedDuration {
    jiff::SignedDuration::from_secs(s)
}

fn loaded<B: Backend>(b: &B) -> B::S {
    let store = b.open();
    store.replace_all(&sample()).unwrap();
    store
}

fn sorted<T: Clone>(items: &[T], key: impl Fn(&T) -> String) -> Vec<T> {
    let mut items = items.to_vec();
    items.sort_by_key(|t| key(t));
    items
}

fn a_directory_stored_reads_back_the_same<B: Backend>(b: &B) {
    let store = loaded(b);
    let dir = sample();
    let back = store.directory().unwrap();
    assert_eq!(back.source, dir.source);
    assert_eq!(back.services, sorted(&dir.services, |s| s.id.clone()));
    assert_eq!(
        back.organisations,
        sorted(&dir.organisations, |o| o.id.clone())
    );
    assert_eq!(back.locations, sorted(&dir.locations, |l| l.id.clone()));
    assert_eq!(
        back.events,
        sorted(&dir.events, |e| format!("{} {}", e.start, e.id))
    );
    assert_eq!(store.service_count().unwrap(), dir.services.len());
    let providers: std::collections::BTreeSet<_> =
        dir.services.iter().map(|s| &s.organisation_id).collect();
    assert_eq!(store.provider_count().unwrap(), providers.len());
    assert_eq!(store.source().unwrap(), dir.source);
    let listing = store.listing(&dir.services[0].id).unwrap().unwrap();
    assert_eq!(listing.service, dir.services[0]);
    assert_eq!(listing.organisation.id, dir.services[0].organisation_id);
    assert_eq!(
        listing.location.map(|l| l.id),
        dir.services[0].location_id.clone()
    );
    assert!(store.listing("no-such-service").unwrap().is_none());
}

fn a_directory_with_a_broken_reference_is_refused_and_nothing_changes<B: Backend>(b: &B) {
    let store = loaded(b);
    let before = store.head().unwrap();
    let mut broken = sample();
    broken.services[0].organisation_id = "nobody".into();
    assert!(matches!(
        store.replace_all(&broken),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(store.head().unwrap(), before);
    assert_eq!(store.service_count().unwrap(), sample().services.len());
}

fn every_write_is_logged_in_order<B: Backend>(b: &B) {
    let store = b.open();
    assert_eq!(store.head().unwrap(), 0, "a new store has no changes");
    let replaced = store.replace_all(&sample()).unwrap();
    assert_eq!(store.head().unwrap(), replaced);
    let mut s = sample().services[0].clone();
    s.name = "Renamed".into();
    let saved = store.save_service(&s).unwrap();
    let deleted = store.delete_service(&s.id).unwrap();
    assert!(replaced < saved && saved < deleted);
    assert_eq!(store.head().unwrap(), deleted);

    let changes = store.changes_since(0).unwrap();
    let kinds: Vec<_> = changes.iter().map(|c| c.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            ChangeKind::Replaced,
            ChangeKind::Upserted(s.id.clone()),
            ChangeKind::Deleted(s.id.clone())
        ]
    );
    let seqs: Vec<_> = changes.iter().map(|c| c.seq).collect();
    assert_eq!(seqs, [replaced, saved, deleted]);
    assert_eq!(store.changes_since(saved).unwrap().len(), 1);
    assert!(store.changes_since(deleted).unwrap().is_empty());
}

fn merging_the_same_data_twice_changes_nothing<B: Backend>(b: &B) {
    let store = loaded(b);
    let head = store.head().unwrap();
    let all = sample().services.len();
    let again = Directory {
        source: String::new(),
        services: sample().services,
        ..Directory::default()
    };
    assert_eq!(
        store.merge(&again).unwrap(),
        MergeCounts {
            unchanged: all,
            ..MergeCounts::default()
        }
    );
    assert_eq!(store.head().unwrap(), head, "nothing logged");
    assert_eq!(store.source().unwrap(), sample().source, "source kept");

    let mut changed = sample().services[1].clone();
    changed.vacancy.status = VacancyStatus::Full;
    changed.name = "Merged name".into();
    let mut added = changed.clone();
    added.id = "a-new-merged-service".into();
    let counts = store
        .merge(&Directory {
            services: vec![changed.clone(), added.clone()],
            ..Directory::default()
        })
        .unwrap();
    assert_eq!(
        counts,
        MergeCounts {
            added: 1,
            changed: 1,
            unchanged: 0
        }
    );
    let kinds: Vec<_> = store
        .changes_since(head)
        .unwrap()
        .into_iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            ChangeKind::Upserted(changed.id.clone()),
            ChangeKind::Upserted(added.id.clone())
        ]
    );
    assert_eq!(store.listing(&added.id).unwrap().unwrap().service, added);
    assert_eq!(store.service_count().unwrap(), all + 1);
}

fn a_changed_organisation_logs_each_of_its_services<B: Backend>(b: &B) {
    let store = loaded(b);
    let head = store.head().unwrap();
    let mut organisation = sample().organisations[0].clone();
    organisation.name = "Renamed provider".into();
    let theirs: Vec<String> = sorted(&sample().services, |s| s.id.clone())
        .into_iter()
        .filter(|s| s.organisation_id == organisation.id)
        .map(|s| s.id)
        .collect();
    assert!(!theirs.is_empty());
    store
        .merge(&Directory {
            organisations: vec![organisation.clone()],
            ..Directory::default()
        })
        .unwrap();
    // One line for each of its services, in no particular order.
    let mut logged: Vec<_> = store
        .changes_since(head)
        .unwrap()
        .into_iter()
        .map(|c| expected_id(&c.kind))
        .collect();
    logged.sort();
    assert_eq!(logged, theirs);
    let listing = store.listings(&theirs[..1]).unwrap();
    assert_eq!(listing[0].organisation.name, "Renamed provider");
}

fn expected_id(kind: &ChangeKind) -> String {
    match kind {
        ChangeKind::Upserted(id) => id.clone(),
        other => panic!("a service's upsert, not {other:?}"),
    }
}

fn bad_saves_and_deletes_are_refused_with_the_same_errors<B: Backend>(b: &B) {
    let store = loaded(b);
    let head = store.head().unwrap();
    let mut bad_id = sample().services[0].clone();
    bad_id.id = "Not An Id!".into();
    assert!(matches!(
        store.save_service(&bad_id),
        Err(StoreError::Invalid(_))
    ));
    let mut orphan = sample().services[0].clone();
    orphan.organisation_id = "nobody".into();
    assert!(matches!(
        store.save_service(&orphan),
        Err(StoreError::NotFound("organisation"))
    ));
    assert!(matches!(
        store.delete_service("no-such-service"),
        Err(StoreError::NotFound("service"))
    ));
    assert_eq!(store.head().unwrap(), head, "nothing logged");
}

fn listings_skip_missing_services_and_keep_the_order_asked<B: Backend>(b: &B) {
    let store = loaded(b);
    let ids: Vec<String> = sample().services.iter().map(|s| s.id.clone()).collect();
    let asked = vec![ids[2].clone(), "missing".into(), ids[0].clone()];
    let found: Vec<String> = store
        .listings(&asked)
        .unwrap()
        .into_iter()
        .map(|l| l.service.id)
        .collect();
    assert_eq!(found, [ids[2].clone(), ids[0].clone()]);
}

fn many_listings_read_at_once_are_the_same_as_each_read_alone<B: Backend>(b: &B) {
    let store = loaded(b);
    let mut ids: Vec<String> = sample().services.iter().map(|s| s.id.clone()).collect();
    // Asked for twice: given twice, as asked.
    ids.push(ids[0].clone());
    let together = store.listings(&ids).unwrap();
    let alone: Vec<_> = ids
        .iter()
        .map(|id| store.listing(id).unwrap().expect("stored"))
        .collect();
    assert_eq!(together, alone);
    assert!(together.iter().any(|l| l.location.is_some()));
    assert!(together.iter().any(|l| l.location.is_none()));
    assert!(store.listings(&[]).unwrap().is_empty());
}

fn an_organisations_services_are_read_without_the_rest_of_the_directory<B: Backend>(b: &B) {
    let store = loaded(b);
    let dir = sample();
    let org = &dir.services[0].organisation_id;
    let mut expected: Vec<String> = dir
        .services
        .iter()
        .filter(|s| &s.organisation_id == org)
        .map(|s| s.id.clone())
        .collect();
    expected.sort();
    let (organisation, services) = store.organisation_services(org).unwrap().expect("stored");
    assert_eq!(&organisation.id, org);
    let ids: Vec<String> = services.into_iter().map(|s| s.id).collect();
    assert_eq!(ids, expected);
    assert!(
        store
            .organisation_services("no-such-organisation")
            .unwrap()
            .is_none()
    );
}

fn a_deleted_service_takes_its_events_with_it<B: Backend>(b: &B) {
    let store = loaded(b);
    let dir = sample();
    let event = dir
        .events
        .iter()
        .find(|e| e.service_id.is_some())
        .expect("the sample has an event of a service");
    let service = event.service_id.clone().unwrap();
    store.delete_service(&service).unwrap();
    let left = store.directory().unwrap().events;
    assert!(left.iter().all(|e| e.service_id.as_ref() != Some(&service)));
    assert!(!left.is_empty() || dir.events.len() == 1);
}

fn new_account(email: &str, role: Role) -> NewAccount {
    NewAccount::parse(email, "Sam Jones", role).unwrap()
}

/// An account's audit entry at `now()`, by nobody (the command line).
fn added() -> NewAudit {
    account_audit(AuditAction::AccountAdded)
}

fn account_audit(action: AuditAction) -> NewAudit {
    NewAudit {
        at: now(),
        editor: None,
        action,
        summary: "Sam Jones <sam@example.org>".into(),
    }
}

fn an_email_address_has_one_account_whatever_its_case<B: Backend>(b: &B) {
    let store = b.open();
    let provider = Role::Provider {
        organisation_id: "weaver-paddlers".into(),
    };
    let sam = store
        .add_account(
            &new_account("sam@example.org", provider.clone()).set_by(None),
            "hash-1",
            &added(),
        )
        .unwrap();
    assert_eq!(sam.role, provider);
    assert_eq!(sam.created_at, now());
    assert!(sam.must_change_password);
    assert!(!sam.disabled && !sam.two_step);
    // Another audit entry between two accounts: ids of the one do not leak into the other.
    store
        .set_disabled(sam.id, false, &account_audit(AuditAction::AccountEnabled))
        .unwrap();
    let council = store
        .add_account(
            &new_account("alex@example.org", Role::Council),
            "hash-2",
            &added(),
        )
        .unwrap();
    assert_ne!(sam.id, council.id);
    assert_eq!(council.email.as_str(), "alex@example.org");
    assert!(!council.must_change_password);
    assert!(matches!(
        store.add_account(
            &new_account("SAM@example.org", Role::Council),
            "x",
            &added()
        ),
        Err(StoreError::Invalid(_))
    ));

    let (found, credentials) = store
        .account_by_email(&Email::parse("Sam@Example.org").unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(found, sam);
    assert_eq!(credentials.password_hash, "hash-1");
    assert_eq!(credentials.totp_secret, None);
    assert_eq!(store.account(council.id).unwrap(), Some(council.clone()));
    assert_eq!(store.account(AccountId(999_999)).unwrap(), None);
    assert_eq!(store.accounts().unwrap(), [council, sam], "by email");
    let added: Vec<_> = store
        .audit_log(None, 10)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == AuditAction::AccountAdded)
        .collect();
    assert_eq!(
        added.len(),
        2,
        "each account added is in the audit log once"
    );
}

fn session(account: AccountId, token: &str, at: Timestamp) -> NewSession {
    NewSession {
        token_hash: token.into(),
        account_id: account,
        csrf_token: CsrfToken::from_stored(format!("csrf-{token}")),
        created_at: at,
        expires_at: at + seconds(3600),
        awaiting_code: false,
    }
}

fn a_session_lasts_until_it_expires_or_ends<B: Backend>(b: &B) {
    let store = b.open();
    let sam = store
        .add_account(
            &new_account("sam@example.org", Role::Council),
            "h",
            &added(),
        )
        .unwrap();
    store
        .start_session(&session(sam.id, "first", now()))
        .unwrap();
    let found = store
        .session("first", now() + seconds(60))
        .unwrap()
        .unwrap();
    assert_eq!(found.account, sam);
    assert_eq!(found.csrf_token.as_str(), "csrf-first");
    assert_eq!(found.expires_at, now() + seconds(3600));
    assert!(
        store
            .session("first", now() + seconds(3600))
            .unwrap()
            .is_none()
    );
    assert!(store.session("nobody", now()).unwrap().is_none());

    // Starting a session later drops the expired one.
    let later = now() + seconds(7200);
    store
        .start_session(&session(sam.id, "second", later))
        .unwrap();
    assert!(store.session("second", later).unwrap().is_some());
    store.end_session("second").unwrap();
    assert!(store.session("second", later).unwrap().is_none());
    store.end_session("second").unwrap();
}

fn limits(pair: usize, client: usize) -> Vec<(String, usize)> {
    vec![("pair-key".into(), pair), ("client-key".into(), client)]
}

fn attempts_are_reserved_within_each_keys_limit_and_forgotten<B: Backend>(b: &B) {
    let store = b.open();
    let since = now() - seconds(900);
    assert!(
        store
            .reserve_attempt("a1", &limits(2, 3), now(), since)
            .unwrap()
    );
    assert!(
        store
            .reserve_attempt("a2", &limits(2, 3), now(), since)
            .unwrap()
    );
    // The pair's limit is reached: refused, and nothing recorded under either key.
    assert!(
        !store
            .reserve_attempt("a3", &limits(2, 3), now(), since)
            .unwrap()
    );
    let client_only = vec![("client-key".to_string(), 3)];
    assert!(
        store
            .reserve_attempt("a4", &client_only, now(), since)
            .unwrap()
    );
    assert!(
        !store
            .reserve_attempt("a5", &client_only, now(), since)
            .unwrap()
    );
    // A success forgets that attempt under every key...
    store.attempt_succeeded("a4", None).unwrap();
    assert!(
        store
            .reserve_attempt("a6", &client_only, now(), since)
            .unwrap()
    );
    // ...and can clear a key's earlier ones.
    store.attempt_succeeded("none", Some("pair-key")).unwrap();
    assert!(
        store
            .reserve_attempt("a7", &limits(2, 9), now(), since)
            .unwrap()
    );
    // Attempts from before the window do not count, and are forgotten.
    let later = now() + seconds(2000);
    assert!(
        store
            .reserve_attempt("a8", &limits(1, 1), later, later - seconds(900))
            .unwrap()
    );
}

fn fifty_attempts_at_once_reserve_no_more_than_the_limit<B: Backend>(b: &B) {
    let store = b.open();
    let since = now() - seconds(900);
    let reserved = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..50)
            .map(|i| {
                let store = &store;
                scope.spawn(move || {
                    store
                        .reserve_attempt(&format!("attempt-{i}"), &limits(5, 20), now(), since)
                        .unwrap()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|reserved| *reserved)
            .count()
    });
    assert_eq!(reserved, 5);
}

fn fifty_wrong_passwords_at_once_are_checked_only_five_times<B: Backend>(b: &B) {
    let store = b.open();
    let accounts = Accounts::new(&store);
    let password = Password::parse("plum tree river lantern").unwrap();
    accounts
        .add(
            &new_account("sam@example.org", Role::Council),
            &password,
            now(),
        )
        .unwrap();
    let outcomes: Vec<AccountError> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..50)
            .map(|_| {
                let accounts = &accounts;
                scope.spawn(move || {
                    accounts
                        .sign_in("sam@example.org", "wrong password!", "client", now())
                        .unwrap_err()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let checked = outcomes
        .iter()
        .filter(|e| matches!(e, AccountError::WrongEmailOrPassword))
        .count();
    let refused = outcomes
        .iter()
        .filter(|e| matches!(e, AccountError::TooManyAttempts))
        .count();
    assert_eq!((checked, refused), (5, 45));
}

/// A council account with two sessions open, "here" and "there".
fn two_sessions<S: AccountStore>(store: &S) -> Account {
    let sam = store
        .add_account(
            &new_account("sam@example.org", Role::Council),
            "h",
            &added(),
        )
        .unwrap();
    for token in ["here", "there"] {
        store.start_session(&session(sam.id, token, now())).unwrap();
    }
    sam
}

fn a_disabled_account_loses_its_sessions_in_the_same_write<B: Backend>(b: &B) {
    let store = b.open();
    let sam = two_sessions(&store);
    let disabled = store
        .set_disabled(sam.id, true, &account_audit(AuditAction::AccountDisabled))
        .unwrap()
        .unwrap();
    assert!(disabled.disabled);
    for token in ["here", "there"] {
        assert!(store.session(token, now()).unwrap().is_none(), "{token}");
    }
    let enabled = store
        .set_disabled(sam.id, false, &account_audit(AuditAction::AccountEnabled))
        .unwrap()
        .unwrap();
    assert!(!enabled.disabled);
    assert!(
        store
            .set_disabled(
                AccountId(999_999),
                true,
                &account_audit(AuditAction::AccountDisabled)
            )
            .unwrap()
            .is_none()
    );
    let log = store.audit_log(None, 2).unwrap();
    assert_eq!(
        log.iter().map(|e| e.action).collect::<Vec<_>>(),
        [AuditAction::AccountEnabled, AuditAction::AccountDisabled]
    );
}

fn a_new_password_ends_every_other_session<B: Backend>(b: &B) {
    let store = b.open();
    let sam = two_sessions(&store);
    let changed = account_audit(AuditAction::PasswordChanged);
    assert!(
        store
            .set_password(sam.id, "new-hash", false, Some("here"), &changed)
            .unwrap()
    );
    assert!(store.session("here", now()).unwrap().is_some());
    assert!(store.session("there", now()).unwrap().is_none());
    let (_, credentials) = store.account_by_email(&sam.email).unwrap().unwrap();
    assert_eq!(credentials.password_hash, "new-hash");
    assert!(
        !store
            .set_password(AccountId(999_999), "x", false, None, &changed)
            .unwrap()
    );
    assert_eq!(
        store.audit_log(None, 1).unwrap()[0].action,
        AuditAction::PasswordChanged
    );
}

fn a_second_step_completes_once_per_code_step<B: Backend>(b: &B) {
    let store = b.open();
    let sam = store
        .add_account(
            &new_account("sam@example.org", Role::Council),
            "h",
            &added(),
        )
        .unwrap();
    let set_up = account_audit(AuditAction::TwoStepSetUp);
    assert!(
        store
            .set_two_step(sam.id, Some("SECRET"), Some(10), &set_up)
            .unwrap()
    );
    assert!(store.account(sam.id).unwrap().unwrap().two_step);
    let awaiting = |token: &str| NewSession {
        awaiting_code: true,
        ..session(sam.id, token, now())
    };
    store.start_session(&awaiting("half")).unwrap();
    assert!(
        store.session("half", now()).unwrap().is_none(),
        "no page opens"
    );
    assert!(
        store
            .session_awaiting_code("half", now())
            .unwrap()
            .is_some()
    );
    // The step used at setup, or one before it, does not complete it.
    assert!(
        !store
            .complete_two_step("half", 10, &session(sam.id, "full", now()))
            .unwrap()
    );
    assert!(
        store
            .complete_two_step("half", 11, &session(sam.id, "full", now()))
            .unwrap()
    );
    assert!(store.session("full", now()).unwrap().is_some());
    assert!(
        store
            .session_awaiting_code("half", now())
            .unwrap()
            .is_none()
    );
    // Step 11 again, from another sign-in: refused, and that sign-in still waits.
    store.start_session(&awaiting("other")).unwrap();
    assert!(
        !store
            .complete_two_step("other", 11, &session(sam.id, "x", now()))
            .unwrap()
    );
    assert!(store.session("x", now()).unwrap().is_none());
    assert!(
        store
            .session_awaiting_code("other", now())
            .unwrap()
            .is_some()
    );
    // Turned off: no code completes a sign-in.
    let reset = account_audit(AuditAction::TwoStepReset);
    assert!(store.set_two_step(sam.id, None, None, &reset).unwrap());
    assert!(!store.account(sam.id).unwrap().unwrap().two_step);
    assert!(
        !store
            .complete_two_step("other", 12, &session(sam.id, "y", now()))
            .unwrap()
    );
}

fn editor(name: &str, id: Option<i64>) -> Editor {
    Editor {
        account_id: id.map(AccountId),
        name: name.into(),
        email: format!("{}@example.org", name.to_lowercase()),
    }
}

fn audit(action: AuditAction, by: &Editor, at: Timestamp) -> NewAudit {
    NewAudit {
        at,
        editor: Some(by.clone()),
        action,
        summary: action.label().into(),
    }
}

fn proposal(service: &Service, after: &Service, by: &Editor, at: Timestamp) -> NewProposal {
    NewProposal {
        proposed_by: by.clone(),
        proposed_at: at,
        service_id: service.id.clone(),
        organisation_id: service.organisation_id.clone(),
        change: Change::Service {
            before: Box::new(service.clone()),
            after: Box::new(after.clone()),
        },
    }
}

/// The stored service with the proposal's name (what the engine's merge would do for a
/// change of name).
fn take_name(current: &Service, p: &dayfinder::moderation::Proposal) -> Service {
    let mut merged = current.clone();
    if let Change::Service { after, .. } = &p.change {
        merged.name = after.name.clone();
    }
    merged
}

fn a_later_proposal_supersedes_a_waiting_one_and_a_decision_is_final<B: Backend>(b: &B) {
    let store = loaded(b);
    let service = sample().services[0].clone();
    let provider = editor("Priya", Some(7));
    let council = editor("Chris", Some(1));
    let mut first = service.clone();
    first.name = "First try".into();
    let mut second = service.clone();
    second.name = "Second try".into();
    let one = store
        .propose(&proposal(&service, &first, &provider, now()))
        .unwrap();
    let two = store
        .propose(&proposal(&service, &second, &provider, now() + seconds(60)))
        .unwrap();
    assert!(one < two);
    assert_eq!(
        store.proposal(one).unwrap().unwrap().status,
        ProposalStatus::Superseded
    );
    let waiting = store
        .proposals(
            &ProposalFilter {
                status: Some(ProposalStatus::Pending),
                ..ProposalFilter::default()
            },
            10,
        )
        .unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].id, two);
    assert_eq!(waiting[0].proposed_by, provider);
    assert_eq!(waiting[0].proposed_at, now() + seconds(60));
    let theirs = store
        .proposals(
            &ProposalFilter {
                organisation_id: Some(service.organisation_id.clone()),
                service_id: Some(service.id.clone()),
                ..ProposalFilter::default()
            },
            10,
        )
        .unwrap();
    assert_eq!(
        theirs.iter().map(|p| p.id).collect::<Vec<_>>(),
        [two, one],
        "newest first"
    );
    assert_eq!(
        store
            .proposals(&ProposalFilter::default(), 1)
            .unwrap()
            .len(),
        1
    );

    let head = store.head().unwrap();
    let at = now() + seconds(120);
    let decided = store
        .decide(
            two,
            true,
            "",
            &audit(AuditAction::Approved, &council, at),
            &take_name,
        )
        .unwrap();
    let Decided::Approved(edited) = decided else {
        panic!("approved, not {decided:?}");
    };
    assert_eq!(edited.after.name, "Second try");
    assert_eq!(edited.before, service);
    assert!(edited.seq > head);
    assert_eq!(
        store.changes_since(head).unwrap()[0].kind,
        ChangeKind::Upserted(service.id.clone())
    );
    assert_eq!(
        store.listing(&service.id).unwrap().unwrap().service.name,
        "Second try"
    );
    let stored = store.proposal(two).unwrap().unwrap();
    assert_eq!(stored.status, ProposalStatus::Approved);
    assert_eq!(stored.decided_by, Some(council.clone()));
    assert_eq!(stored.decided_at, Some(at));
    assert_eq!(
        store
            .decide(
                two,
                false,
                "too late",
                &audit(AuditAction::Rejected, &council, at),
                &take_name
            )
            .unwrap(),
        Decided::AlreadyDecided(ProposalStatus::Approved)
    );
    assert_eq!(
        store
            .decide(
                dayfinder::moderation::ProposalId(999_999),
                true,
                "",
                &audit(AuditAction::Approved, &council, at),
                &take_name
            )
            .unwrap(),
        Decided::NotFound
    );

    let log = store.audit_log(Some(&service.id), 10).unwrap();
    let actions: Vec<_> = log.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            AuditAction::Approved,
            AuditAction::Proposed,
            AuditAction::Proposed
        ]
    );
    assert_eq!(log[0].editor, Some(council));
    assert!(matches!(&log[0].after, Some(Snapshot::Service(s)) if s.name == "Second try"));
    assert!(log[1].summary.starts_with(&format!("Change {}: ", two.0)));
    assert_eq!(store.audit_log(None, 2).unwrap().len(), 2);
    assert!(
        store
            .audit_log(Some("no-such-service"), 10)
            .unwrap()
            .is_empty()
    );
}

fn a_rejected_proposal_changes_nothing_and_keeps_its_reason<B: Backend>(b: &B) {
    let store = loaded(b);
    let service = sample().services[1].clone();
    let mut after = service.clone();
    after.name = "Not like this".into();
    let id = store
        .propose(&proposal(&service, &after, &editor("Priya", None), now()))
        .unwrap();
    let head = store.head().unwrap();
    let council = editor("Chris", Some(1));
    assert_eq!(
        store
            .decide(
                id,
                false,
                "The name is the charity's",
                &audit(AuditAction::Rejected, &council, now()),
                &take_name
            )
            .unwrap(),
        Decided::Rejected
    );
    assert_eq!(store.head().unwrap(), head, "nothing logged");
    assert_eq!(
        store.listing(&service.id).unwrap().unwrap().service,
        service
    );
    let stored = store.proposal(id).unwrap().unwrap();
    assert_eq!(stored.status, ProposalStatus::Rejected);
    assert_eq!(stored.reason, "The name is the charity's");
    assert_eq!(stored.proposed_by.account_id, None);
}

fn an_approved_event_proposal_adds_the_event<B: Backend>(b: &B) {
    let store = loaded(b);
    let dir = sample();
    let mut event = dir
        .events
        .iter()
        .find(|e| e.service_id.is_some())
        .cloned()
        .expect("an event of a service");
    event.id = "a-brand-new-open-day".into();
    event.title = "A brand new open day".into();
    let service_id = event.service_id.clone().unwrap();
    let organisation_id = dir
        .services
        .iter()
        .find(|s| s.id == service_id)
        .unwrap()
        .organisation_id
        .clone();
    let id = store
        .propose(&NewProposal {
            proposed_by: editor("Priya", Some(7)),
            proposed_at: now(),
            service_id: service_id.clone(),
            organisation_id,
            change: Change::Event {
                before: None,
                after: Some(Box::new(event.clone())),
            },
        })
        .unwrap();
    let proposed = store.proposal(id).unwrap().unwrap();
    assert!(
        matches!(&proposed.change, Change::Event { before: None, after: Some(e) } if **e == event)
    );
    let council = editor("Chris", Some(1));
    assert_eq!(
        store
            .decide(
                id,
                true,
                "",
                &audit(AuditAction::Approved, &council, now()),
                &take_name
            )
            .unwrap(),
        Decided::RecordApproved
    );
    let events = store.directory().unwrap().events;
    assert!(events.contains(&event));

    // Removing it directly returns it as it was.
    let removed = store
        .save_event(
            &event.id,
            None,
            &audit(AuditAction::Edited, &council, now()),
        )
        .unwrap();
    assert_eq!(removed, Some(event.clone()));
    assert!(!store.directory().unwrap().events.contains(&event));
    let log = store.audit_log(Some(&service_id), 1).unwrap();
    assert!(matches!(&log[0].before, Some(Snapshot::Event(e)) if **e == event));
    assert_eq!(log[0].after, None);
}

fn a_bad_edit_is_refused_and_leaves_no_trace<B: Backend>(b: &B) {
    let store = loaded(b);
    let service = sample().services[2].clone();
    let council = editor("Chris", Some(1));
    let edit = audit(AuditAction::Edited, &council, now());
    assert_eq!(
        store
            .edit_service("no-such-service", &|s| s.clone(), &edit)
            .unwrap(),
        None
    );
    let head = store.head().unwrap();
    let moved = |s: &Service| {
        let mut s = s.clone();
        s.organisation_id = "someone-else".into();
        s
    };
    assert!(matches!(
        store.edit_service(&service.id, &moved, &edit),
        Err(StoreError::Invalid(_))
    ));
    let nowhere = |s: &Service| {
        let mut s = s.clone();
        s.location_id = Some("nowhere".into());
        s
    };
    assert!(matches!(
        store.edit_service(&service.id, &nowhere, &edit),
        Err(StoreError::NotFound("location"))
    ));
    assert_eq!(store.head().unwrap(), head);
    assert!(store.audit_log(None, 10).unwrap().is_empty(), "rolled back");

    let full = |s: &Service| {
        let mut s = s.clone();
        s.vacancy.status = VacancyStatus::Full;
        s
    };
    let edited = store
        .edit_service(&service.id, &full, &edit)
        .unwrap()
        .unwrap();
    assert_eq!(edited.seq, store.head().unwrap());
    assert_eq!(
        store
            .listing(&service.id)
            .unwrap()
            .unwrap()
            .service
            .vacancy
            .status,
        VacancyStatus::Full
    );
    assert_eq!(
        store.audit_log(None, 10).unwrap()[0].action,
        AuditAction::Edited
    );
}

fn report(service: &str, at: Timestamp) -> NewProblemReport {
    NewProblemReport {
        service_id: service.into(),
        kind: ProblemKind::WrongDetails,
        details: "The phone number is wrong".into(),
        contact: Some("01234 567890".into()),
        reported_at: at,
    }
}

fn hashes(of: &[&str]) -> Vec<String> {
    of.iter().map(|h| h.to_string()).collect()
}

fn problem_reports_are_limited_per_client_and_closed_once<B: Backend>(b: &B) {
    let store = loaded(b);
    let service = sample().services[0].id.clone();
    let public = NewAudit {
        at: now(),
        editor: None,
        action: AuditAction::ProblemReported,
        summary: "Wrong details".into(),
    };
    let since = now() - seconds(3600);
    let first = store
        .report_problem(
            &report(&service, now()),
            &hashes(&["client-a"]),
            since,
            2,
            &public,
        )
        .unwrap()
        .unwrap();
    let second = store
        .report_problem(
            &report(&service, now()),
            &hashes(&["client-a"]),
            since,
            2,
            &public,
        )
        .unwrap()
        .unwrap();
    assert!(first < second);
    assert_eq!(
        store
            .report_problem(
                &report(&service, now()),
                &hashes(&["client-a"]),
                since,
                2,
                &public
            )
            .unwrap(),
        None,
        "over the limit"
    );
    assert!(
        store
            .report_problem(
                &report(&service, now()),
                &hashes(&["client-b"]),
                since,
                2,
                &public
            )
            .unwrap()
            .is_some()
    );
    // Once the window has passed, the same client may report again.
    let later = now() + seconds(7200);
    assert!(
        store
            .report_problem(
                &report(&service, later),
                &hashes(&["client-a"]),
                later - seconds(3600),
                2,
                &public
            )
            .unwrap()
            .is_some()
    );

    let stored = store.problem_report(first).unwrap().unwrap();
    assert_eq!(stored.kind, ProblemKind::WrongDetails);
    assert_eq!(stored.contact.as_deref(), Some("01234 567890"));
    assert!(stored.open);
    assert_eq!(stored.reported_at, now());

    let council = editor("Chris", Some(1));
    let close = audit(AuditAction::ProblemClosed, &council, later);
    assert!(
        store
            .close_problem(first, "Fixed the number", &close)
            .unwrap()
    );
    assert!(!store.close_problem(first, "again", &close).unwrap());
    assert!(!store.close_problem(999_999, "none", &close).unwrap());
    let closed = store.problem_report(first).unwrap().unwrap();
    assert!(!closed.open);
    assert_eq!(closed.note, "Fixed the number");
    assert_eq!(closed.closed_by, Some(council));
    assert_eq!(closed.closed_at, Some(later));

    assert_eq!(store.problem_reports(false, 10).unwrap().len(), 4);
    let open = store.problem_reports(true, 10).unwrap();
    assert_eq!(open.len(), 3);
    assert!(open.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    let log = store.audit_log(Some(&service), 10).unwrap();
    assert_eq!(log[0].action, AuditAction::ProblemClosed);
    assert_eq!(log.len(), 5);
    assert!(log.iter().skip(1).all(|e| e.editor.is_none()));
}

fn reports_under_the_last_windows_key_still_count_against_the_limit<B: Backend>(b: &B) {
    let store = loaded(b);
    let service = sample().services[0].id.clone();
    let public = audit_of_report();
    let since = now() - seconds(3600);
    // Two reports under the last window's key, then the key changed.
    for _ in 0..2 {
        store
            .report_problem(
                &report(&service, now()),
                &hashes(&["old"]),
                since,
                3,
                &public,
            )
            .unwrap()
            .unwrap();
    }
    let both = hashes(&["new", "old"]);
    assert!(
        store
            .report_problem(&report(&service, now()), &both, since, 3, &public)
            .unwrap()
            .is_some()
    );
    assert_eq!(
        store
            .report_problem(&report(&service, now()), &both, since, 3, &public)
            .unwrap(),
        None,
        "the third counts both keys' reports"
    );
}

fn audit_of_report() -> NewAudit {
    NewAudit {
        at: now(),
        editor: None,
        action: AuditAction::ProblemReported,
        summary: "Wrong details".into(),
    }
}

fn purging_forgets_old_client_hashes_and_the_contacts_of_long_closed_reports<B: Backend>(b: &B) {
    let store = loaded(b);
    let service = sample().services[0].id.clone();
    let public = audit_of_report();
    let day = seconds(24 * 3600);
    let send = |at: Timestamp, client: &str| {
        store
            .report_problem(
                &report(&service, at),
                &hashes(&[client]),
                at - seconds(3600),
                5,
                &public,
            )
            .unwrap()
            .unwrap()
    };
    let long_closed = send(now() - day * 200, "a");
    let just_closed = send(now() - day * 200, "b");
    let still_open = send(now() - day * 200, "c");
    let recent = send(now(), "d");
    let council = editor("Chris", Some(1));
    assert!(
        store
            .close_problem(
                long_closed,
                "Fixed",
                &audit(AuditAction::ProblemClosed, &council, now() - day * 100)
            )
            .unwrap()
    );
    assert!(
        store
            .close_problem(
                just_closed,
                "Fixed",
                &audit(AuditAction::ProblemClosed, &council, now() - day * 10)
            )
            .unwrap()
    );

    let purged = store
        .purge_problem_reports(now() - seconds(3600), now() - day * 90)
        .unwrap();
    assert_eq!(purged.client_hashes, 3, "all but the recent report's");
    assert_eq!(
        purged.contacts, 1,
        "only the report closed over 90 days ago"
    );
    let contact = |id| store.problem_report(id).unwrap().unwrap().contact;
    assert_eq!(contact(long_closed), None);
    let kept = report(&service, now()).contact;
    assert_eq!(contact(just_closed), kept);
    assert_eq!(contact(still_open), kept);
    assert_eq!(contact(recent), kept);
    let closed = store.problem_report(long_closed).unwrap().unwrap();
    assert_eq!(
        closed.details, "The phone number is wrong",
        "the report itself is kept"
    );
    // The old clients no longer count against a limit; the recent one still does.
    assert_eq!(
        store
            .report_problem(
                &report(&service, now()),
                &hashes(&["d"]),
                now() - day * 365,
                1,
                &public
            )
            .unwrap(),
        None
    );
    assert!(
        store
            .report_problem(
                &report(&service, now()),
                &hashes(&["a"]),
                now() - day * 365,
                1,
                &public
            )
            .unwrap()
            .is_some()
    );
    assert_eq!(
        store
            .purge_problem_reports(now() - seconds(3600), now() - day * 90)
            .unwrap(),
        Default::default(),
        "a second purge finds nothing more"
    );
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn search_counts_for_the_same_day_and_key_add_up<B: Backend>(b: &B) {
    let store = b.open();
    let key = TallyKey {
        needs: vec![Need::Dementia],
        places: vec!["Crewe".into()],
        days: vec![Weekday::Saturday],
        ..TallyKey::default()
    };
    let count = |d: &str, n, easy_read| SearchCount {
        day: day(d),
        key: TallyKey {
            easy_read,
            ..key.clone()
        },
        outcome: Outcome::Nothing,
        count: n,
    };
    store.add_search_counts(&[]).unwrap();
    store
        .add_search_counts(&[count("2025-06-01", 2, false), count("2025-06-02", 1, false)])
        .unwrap();
    store
        .add_search_counts(&[count("2025-06-01", 3, false), count("2025-06-01", 1, true)])
        .unwrap();
    assert_eq!(
        store
            .search_counts(day("2025-06-01"), day("2025-06-01"))
            .unwrap(),
        [count("2025-06-01", 5, false), count("2025-06-01", 1, true)]
    );
    assert_eq!(
        store
            .search_counts(day("2025-05-01"), day("2025-06-30"))
            .unwrap()
            .len(),
        3
    );
    assert!(
        store
            .search_counts(day("2025-07-01"), day("2025-07-31"))
            .unwrap()
            .is_empty()
    );
}

/// Two site nodes, each with its own index on disk, on one store: an edit through one
/// is found on the other once it catches up with the change log. (The change feed that
/// wakes the other node is not built yet: see docs/scaling.md.)
fn a_second_node_on_the_same_store_catches_up_with_an_edit<B: Backend>(b: &B) {
    let a_dir = tempfile::tempdir().unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let a = Engine::open_with(b.open(), a_dir.path()).unwrap();
    a.import(&sample()).unwrap();
    let node_b = Engine::open_with(b.open(), b_dir.path()).unwrap();
    assert_eq!(node_b.indexed_count(), a.indexed_count());

    let mut s = a.directory().unwrap().services[3].clone();
    s.name = "Zebra Crossing Lunch Club".into();
    a.save_service(&s).unwrap();
    let zebra = SearchQuery::text("zebra crossing");
    assert_eq!(a.search(&zebra).unwrap().hits[0].id, s.id);
    assert_eq!(node_b.catch_up().unwrap(), 1, "one change replayed");
    assert_eq!(node_b.search(&zebra).unwrap().hits[0].id, s.id);

    // A node restarted after missing a change catches up from its index on disk.
    drop(node_b);
    a.delete_service(&s.id).unwrap();
    let node_b = Engine::open_with(b.open(), b_dir.path()).unwrap();
    assert!(
        node_b
            .search(&zebra)
            .unwrap()
            .hits
            .iter()
            .all(|h| h.id != s.id)
    );
}

fn a_changed_place_or_provider_is_saved_with_a_log_line_per_listing<B: Backend>(b: &B) {
    let store = loaded(b);
    let dir = sample();
    let service = dir
        .services
        .iter()
        .find(|s| s.location_id.is_some())
        .unwrap();
    let place_id = service.location_id.clone().unwrap();
    let mut place = dir
        .locations
        .iter()
        .find(|l| l.id == place_id)
        .cloned()
        .unwrap();
    let at_place: usize = dir
        .services
        .iter()
        .filter(|s| s.location_id.as_deref() == Some(place_id.as_str()))
        .count();
    place.address = "Unit 4, Mill Lane".into();
    let council = editor("Chris", Some(1));
    let head = store.head().unwrap();
    let before = store
        .save_record(
            &Snapshot::Place(Box::new(place.clone())),
            &audit(AuditAction::Edited, &council, now()),
        )
        .unwrap();
    assert!(matches!(before, Some(Snapshot::Place(p)) if p.address != "Unit 4, Mill Lane"));
    assert_eq!(store.changes_since(head).unwrap().len(), at_place);
    assert_eq!(
        store
            .listing(&service.id)
            .unwrap()
            .unwrap()
            .location
            .unwrap()
            .address,
        "Unit 4, Mill Lane"
    );

    // A provider's change of its details, proposed and approved.
    let organisation = dir
        .organisations
        .iter()
        .find(|o| o.id == service.organisation_id)
        .cloned()
        .unwrap();
    let mut changed = organisation.clone();
    changed.phone = Some("01270 000333".into());
    let id = store
        .propose(&NewProposal {
            proposed_by: editor("Priya", Some(7)),
            proposed_at: now(),
            service_id: service.id.clone(),
            organisation_id: organisation.id.clone(),
            change: Change::Provider {
                before: Box::new(organisation.clone()),
                after: Box::new(changed.clone()),
            },
        })
        .unwrap();
    assert!(matches!(
        store.proposal(id).unwrap().unwrap().change,
        Change::Provider { .. }
    ));
    assert_eq!(
        store
            .decide(
                id,
                true,
                "",
                &audit(AuditAction::Approved, &council, now()),
                &take_name
            )
            .unwrap(),
        Decided::RecordApproved
    );
    assert_eq!(
        store
            .listing(&service.id)
            .unwrap()
            .unwrap()
            .organisation
            .phone
            .as_deref(),
        Some("01270 000333")
    );
    let missing = Snapshot::Place(Box::new(dayfinder::model::Location {
        id: "no-such-place".into(),
        ..place
    }));
    assert_eq!(
        store
            .save_record(&missing, &audit(AuditAction::Edited, &council, now()))
            .unwrap(),
        None
    );
}

fn imported_postcodes_replace_the_last_import_whole_and_an_empty_one_is_refused<B: Backend>(b: &B) {
    use dayfinder::places::PostcodePosition;
    let store = b.open();
    assert!(store.imported_postcodes().unwrap().is_empty());
    // In key order ("WA110AB" before "WA11AA"), as the store gives them back.
    let first = [
        PostcodePosition::new("WA11 0AB", 53.47, -2.7).unwrap(),
        PostcodePosition::new("WA1 1AA", 53.38735, -2.59836).unwrap(),
    ];
    store.replace_imported_postcodes(&first).unwrap();
    assert_eq!(
        b.open().imported_postcodes().unwrap(),
        first.to_vec(),
        "another node reads the same table"
    );
    let second = [PostcodePosition::new("TS1 1AA", 54.57, -1.23).unwrap()];
    store.replace_imported_postcodes(&second).unwrap();
    assert_eq!(store.imported_postcodes().unwrap(), second.to_vec());
    assert!(store.replace_imported_postcodes(&[]).is_err());
    assert_eq!(store.imported_postcodes().unwrap(), second.to_vec());
}

fn place_names_are_replaced_with_or_without_the_postcodes_and_each_import_moves_the_version<
    B: Backend,
>(
    b: &B,
) {
    use dayfinder::places::{PlaceName, PostcodePosition};
    use dayfinder::store::PlacesReplacement;
    let store = b.open();
    assert_eq!(store.places_version().unwrap(), 0);
    assert!(store.imported_place_names().unwrap().is_empty());
    let postcodes = [PostcodePosition::new("WA4 4QA", 53.35, -2.54).unwrap()];
    let names = [
        PlaceName {
            name: "Appleton Thorn".into(),
            kind: "LOC".into(),
            latitude: 53.3509,
            longitude: -2.5379,
            outward_codes: vec!["WA4".into(), "WA13".into()],
        },
        PlaceName {
            name: "Lymm".into(),
            kind: "BUA".into(),
            latitude: 53.3808,
            longitude: -2.4771,
            outward_codes: vec!["WA13".into()],
        },
    ];
    store
        .replace_imported_places(PlacesReplacement {
            postcodes: Some(&postcodes),
            names: Some(&names),
        })
        .unwrap();
    let other = b.open();
    assert_eq!(other.imported_place_names().unwrap(), names.to_vec());
    assert_eq!(
        other.places_version().unwrap(),
        1,
        "another node sees the import"
    );

    // Postcodes alone keep the names; names alone keep the postcodes.
    store.replace_imported_postcodes(&postcodes).unwrap();
    assert_eq!(store.imported_place_names().unwrap(), names.to_vec());
    store
        .replace_imported_places(PlacesReplacement {
            postcodes: None,
            names: Some(&names[1..]),
        })
        .unwrap();
    assert_eq!(store.imported_place_names().unwrap(), names[1..].to_vec());
    assert_eq!(store.imported_postcodes().unwrap(), postcodes.to_vec());
    assert_eq!(store.places_version().unwrap(), 3);

    // A refused import changes nothing, the version included.
    assert!(
        store
            .replace_imported_places(PlacesReplacement {
                postcodes: Some(&[]),
                names: Some(&names),
            })
            .is_err()
    );
    assert_eq!(store.imported_place_names().unwrap(), names[1..].to_vec());
    assert_eq!(store.places_version().unwrap(), 3);
}

fn a_running_node_follows_a_places_import_and_new_towns_without_a_restart<B: Backend>(b: &B) {
    let (site_dir, cli_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let site = Engine::open_with(b.open(), site_dir.path()).unwrap();
    assert!(!site.places().is_imported());
    assert_eq!(site.places().postcode("WA13 0AA"), None);

    // `dayfinder places import ... --names ...` from the command line, meanwhile.
    let command_line = Engine::open_with(b.open(), cli_dir.path()).unwrap();
    let mut names: &[u8] = include_bytes!("../data/another-council/place-names.csv");
    command_line
        .import_places(
            &include_bytes!("../data/another-council/postcodes.csv")[..],
            Some(&mut names),
        )
        .unwrap();

    site.catch_up().unwrap();
    let (lat, lon) = site
        .places()
        .postcode("WA13 0AA")
        .expect("held exactly now");
    assert!((lat - 53.38132).abs() < 1e-5 && (lon + 2.47887).abs() < 1e-5);
    let near = |place: &str| {
        let mut query = SearchQuery::text("");
        query.place = Some(place.to_string());
        site.search(&query).unwrap().place.map(|p| p.name)
    };
    assert_eq!(
        near("near Appleton Thorn").as_deref(),
        Some("Appleton Thorn")
    );

    // A listing in a town no address named before is searchable by it after catching up.
    let mut directory = sample();
    let location = directory.locations[0].clone();
    let moore = dayfinder::model::Location {
        id: "moore-village-hall".into(),
        town: "Moore".into(),
        postcode: "WA4 6UD".into(),
        latitude: 53.3506,
        longitude: -2.6338,
        ..location
    };
    let mut service = directory.services[0].clone();
    service.id = "moore-friday-club".into();
    service.location_id = Some(moore.id.clone());
    command_line.import(&directory).unwrap();
    site.catch_up().unwrap();
    assert_eq!(
        near("Crewe").as_deref(),
        Some("Crewe"),
        "towns of the new directory"
    );
    assert_eq!(near("Moore"), None);
    directory.locations = vec![moore];
    directory.services = vec![service];
    directory.organisations.truncate(0);
    directory.events.clear();
    command_line.merge(&directory).unwrap();
    site.catch_up().unwrap();
    assert_eq!(near("Moore").as_deref(), Some("Moore"));
    assert_eq!(near("Appleton Thorn").as_deref(), Some("Appleton Thorn"));
}

fn a_followed_feed_is_claimed_by_one_node_once_per_schedule<B: Backend>(b: &B) {
    let (first, second) = (b.open(), b.open());
    let every = Every::parse("1h").unwrap();
    let feed = first
        .add_feed("https://directory.example/api/v3/services", every, now())
        .unwrap();
    assert!(feed.due(now()), "a new feed is pulled at the first check");
    let claimed = first.claim_due_feed(now()).unwrap().expect("due");
    assert_eq!(claimed.id, feed.id);
    assert_eq!(claimed.started_at, Some(now()));
    // Another node checking at the same moment, or a minute later, finds nothing to do.
    assert_eq!(second.claim_due_feed(now()).unwrap(), None);
    assert_eq!(second.claim_due_feed(now() + seconds(60)).unwrap(), None);
    // An hour on, it is due again, for one of them.
    let later = now() + seconds(3_600);
    assert!(second.claim_due_feed(later).unwrap().is_some());
    assert_eq!(first.claim_due_feed(later).unwrap(), None);
    // "Run now" makes it due at once.
    assert!(first.make_feed_due(feed.id).unwrap());
    assert!(first.claim_due_feed(later).unwrap().is_some());
}

fn a_listing_its_feed_stops_listing_is_withdrawn_and_comes_back_with_its_open_days<B: Backend>(
    b: &B,
) {
    let store = loaded(b);
    let dir = sample();
    let url = "https://directory.example/api/v3/services";
    let event = dir
        .events
        .iter()
        .find(|e| e.service_id.is_some())
        .expect("the sample has an event of a service");
    let leaving = event.service_id.clone().unwrap();
    let staying: Vec<String> = dir
        .services
        .iter()
        .map(|s| s.id.clone())
        .filter(|id| *id != leaving)
        .take(3)
        .collect();
    let read = |present: Vec<String>, at: Timestamp| FeedRead {
        url: url.into(),
        at,
        present,
    };
    let all: Vec<String> = staying.iter().chain([&leaving]).cloned().collect();
    let (_, applied) = store
        .apply_feed_read(&Directory::default(), &read(all.clone(), now()))
        .unwrap();
    assert_eq!(applied, FeedApplied::default());
    let source = store.listing_source(&leaving).unwrap().expect("a source");
    assert_eq!((source.feed_url.as_str(), source.read_at), (url, now()));
    assert_eq!(source.withdrawn, None);
    assert_eq!(
        store
            .listing_source(&dir.services.last().unwrap().id)
            .unwrap(),
        None,
        "a listing from elsewhere has no feed"
    );

    // The feed stops listing it: off the site with its open days, in one write.
    let head = store.head().unwrap();
    let later = now() + seconds(3_600);
    let (_, applied) = store
        .apply_feed_read(&Directory::default(), &read(staying.clone(), later))
        .unwrap();
    assert_eq!(applied.withdrawn, 1);
    assert!(store.listing(&leaving).unwrap().is_none());
    let now_stored = store.directory().unwrap();
    assert!(
        now_stored
            .events
            .iter()
            .all(|e| e.service_id.as_ref() != Some(&leaving))
    );
    assert_eq!(
        store
            .changes_since(head)
            .unwrap()
            .iter()
            .map(|c| c.kind.clone())
            .collect::<Vec<_>>(),
        vec![ChangeKind::Deleted(leaving.clone())]
    );
    let source = store.listing_source(&leaving).unwrap().unwrap();
    let withdrawn = source.withdrawn.expect("withdrawn");
    assert_eq!(withdrawn.at, later);
    assert_eq!(
        withdrawn.name,
        dir.services.iter().find(|s| s.id == leaving).unwrap().name
    );
    assert_eq!(
        store.listing_source(&staying[0]).unwrap().unwrap().read_at,
        later
    );
    assert_eq!(store.feed_listings(url).unwrap().len(), 4);
    // Read again without it: nothing more to withdraw.
    let (_, applied) = store
        .apply_feed_read(&Directory::default(), &read(staying.clone(), later))
        .unwrap();
    assert_eq!(applied, FeedApplied::default());

    // It comes back: the feed's record of it (in the delta) and its open days.
    let service = dir
        .services
        .iter()
        .find(|s| s.id == leaving)
        .unwrap()
        .clone();
    let delta = Directory {
        services: vec![service],
        ..Directory::default()
    };
    let (counts, applied) = store
        .apply_feed_read(&delta, &read(all, later + seconds(3_600)))
        .unwrap();
    assert_eq!(
        (counts.added, applied.restored, applied.withdrawn),
        (1, 1, 0)
    );
    assert!(store.listing(&leaving).unwrap().is_some());
    assert!(
        store
            .directory()
            .unwrap()
            .events
            .iter()
            .any(|e| e.id == event.id),
        "its open day is back"
    );
    assert_eq!(
        store.listing_source(&leaving).unwrap().unwrap().withdrawn,
        None
    );

    // One deleted by hand since is simply forgotten when its feed drops it.
    store.delete_service(&staying[0]).unwrap();
    let (_, applied) = store
        .apply_feed_read(&Directory::default(), &read(staying[1..].to_vec(), later))
        .unwrap();
    assert_eq!(applied.withdrawn, 1, "only the one still on the site");
    assert_eq!(store.listing_source(&staying[0]).unwrap(), None);
}

fn a_feed_is_followed_once_and_its_last_run_is_kept<B: Backend>(b: &B) {
    let store = b.open();
    let url = "http://127.0.0.1:9/services";
    let feed = store.add_feed(url, Every::DEFAULT, now()).unwrap();
    assert!(
        store.add_feed(url, Every::DEFAULT, now()).is_err(),
        "once only"
    );
    assert_eq!(store.feeds().unwrap(), vec![feed.clone()]);
    let run = FeedRun {
        at: now(),
        ok: false,
        message: "page 1 could not be fetched: connection refused".into(),
    };
    store.record_feed_run(feed.id, &run).unwrap();
    let read = b.open().feeds().unwrap();
    assert_eq!(read[0].last_run.as_ref(), Some(&run));
    assert!(store.remove_feed(feed.id).unwrap());
    assert!(!store.remove_feed(feed.id).unwrap());
    assert!(store.feeds().unwrap().is_empty());
}

fn email(to: &str) -> NewEmail {
    NewEmail {
        to: dayfinder::accounts::Email::parse(to).unwrap(),
        subject: "Your enquiry".into(),
        text: "Thank you.".into(),
        html: Some("<p>Thank you.</p>".into()),
    }
}

fn a_queued_email_is_taken_by_one_node_and_tried_again_after_its_lease<B: Backend>(b: &B) {
    let (first, second) = (b.open(), b.open());
    let id = first.queue_email(&email("sam@example.org"), now()).unwrap();
    let taken = first.claim_due_email(now()).unwrap().expect("due at once");
    assert_eq!(taken.id, id);
    assert_eq!(taken.to, "sam@example.org");
    assert_eq!(taken.html.as_deref(), Some("<p>Thank you.</p>"));
    assert_eq!(taken.attempts, 1);
    // While the first node holds it, no other takes it.
    assert_eq!(second.claim_due_email(now()).unwrap(), None);
    assert_eq!(
        first.outbox_counts().unwrap(),
        OutboxCounts {
            waiting: 1,
            given_up: 0,
            sent: 0
        }
    );
    // The first node died mid-send: after the lease, it is tried again, as the same email.
    let later = now() + LEASE + seconds(1);
    let again = second.claim_due_email(later).unwrap().expect("tried again");
    assert_eq!((again.id, again.token.clone()), (id, taken.token.clone()));
    assert_eq!(again.attempts, 2);
    second.email_sent(id, later).unwrap();
    assert_eq!(
        first.claim_due_email(later + LEASE * 2).unwrap(),
        None,
        "sent once"
    );
    assert_eq!(
        b.open().outbox_counts().unwrap(),
        OutboxCounts {
            waiting: 0,
            given_up: 0,
            sent: 1
        }
    );
}

fn a_failed_email_waits_its_backoff_and_is_given_up_in_the_end<B: Backend>(b: &B) {
    let store = b.open();
    let id = store.queue_email(&email("sam@example.org"), now()).unwrap();
    store.claim_due_email(now()).unwrap().unwrap();
    let retry = now() + seconds(60);
    store
        .email_failed(id, "connection refused", now(), Some(retry))
        .unwrap();
    assert_eq!(store.claim_due_email(now() + seconds(30)).unwrap(), None);
    let taken = store
        .claim_due_email(retry)
        .unwrap()
        .expect("due after backoff");
    store
        .email_failed(taken.id, &"x".repeat(10_000), retry, None)
        .unwrap();
    assert_eq!(
        store.claim_due_email(retry + seconds(86_400)).unwrap(),
        None
    );
    assert_eq!(
        store.outbox_counts().unwrap(),
        OutboxCounts {
            waiting: 0,
            given_up: 1,
            sent: 0
        }
    );
}

fn sent_and_given_up_emails_are_forgotten_after_their_time<B: Backend>(b: &B) {
    let store = b.open();
    let old = store.queue_email(&email("old@example.org"), now()).unwrap();
    store.claim_due_email(now()).unwrap().unwrap();
    store.email_sent(old, now()).unwrap();
    let hopeless = store
        .queue_email(&email("gone@example.org"), now())
        .unwrap();
    store.claim_due_email(now()).unwrap().unwrap();
    store
        .email_failed(hopeless, "no such mailbox", now(), None)
        .unwrap();
    let waiting = store.queue_email(&email("new@example.org"), now()).unwrap();
    assert_eq!(store.forget_finished_emails(now()).unwrap(), 0, "not yet");
    assert_eq!(store.forget_finished_emails(now() + seconds(1)).unwrap(), 2);
    assert_eq!(
        store.outbox_counts().unwrap(),
        OutboxCounts {
            waiting: 1,
            given_up: 0,
            sent: 0
        }
    );
    let next = store.claim_due_email(now()).unwrap().unwrap();
    assert_eq!(next.id, waiting, "an unsent email is never forgotten");
}

// Enquiries, through the workflow over each backend.

fn enquiry_engine<B: Backend>(b: &B, dir: &std::path::Path) -> Engine {
    let store = b.open();
    store.replace_all(&sample()).unwrap();
    let service = &sample().services[0];
    let provider = Role::Provider {
        organisation_id: service.organisation_id.clone(),
    };
    store
        .add_account(
            &new_account("provider@example.org", provider),
            "x",
            &added(),
        )
        .unwrap();
    store
        .add_account(
            &new_account("council@example.org", Role::Council),
            "x",
            &added(),
        )
        .unwrap();
    Engine::open_with(store, dir).unwrap()
}

fn request(service: &str) -> dayfinder::enquiries::NewRequest {
    let form = dayfinder::model::enquiry::EnquiryForm {
        services: vec![service.into()],
        asker: "someone-i-care-for".into(),
        name: "Pat Example".into(),
        reply_by: "email".into(),
        email: "pat@example.org".into(),
        wishes: vec!["visit".into()],
        consent: true,
        ..Default::default()
    };
    dayfinder::enquiries::NewRequest::parse(&form, false).unwrap()
}

/// Every email waiting, taken from the outbox: (to, subject, text).
fn drain(engine: &Engine, at: Timestamp) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    while let Some(email) = engine.outbox().claim_due_email(at).unwrap() {
        engine.outbox().email_sent(email.id, at).unwrap();
        out.push((email.to, email.subject, email.text));
    }
    out
}

fn editor_account(engine: &Engine, email: &str) -> Account {
    engine
        .accounts()
        .all()
        .unwrap()
        .into_iter()
        .find(|a| a.email.as_str() == email)
        .unwrap()
}

/// An enquiry as a council editor sees it.
fn stored_enquiry(engine: &Engine, id: i64) -> dayfinder::enquiries::Enquiry {
    let settings = dayfinder::enquiries::EnquirySettings::default();
    let council = editor_account(engine, "council@example.org");
    engine
        .enquiries(&settings, "https://dayfinder.example")
        .get(&council, id)
        .unwrap()
        .unwrap()
}

fn sent(outcome: dayfinder::enquiries::RequestSent) -> (String, Vec<i64>) {
    match outcome {
        dayfinder::enquiries::RequestSent::Sent { token, ids } => (token, ids),
        other => panic!("not sent: {other:?}"),
    }
}

fn an_enquiry_reaches_the_provider_and_its_answer_reaches_the_asker<B: Backend>(b: &B) {
    use dayfinder::enquiries::{Answer, EnquirySettings, EnquiryStatus, Responded};
    let dir = tempfile::tempdir().unwrap();
    let engine = enquiry_engine(b, dir.path());
    let settings = EnquirySettings::default();
    let enquiries = engine.enquiries(&settings, "https://dayfinder.example");
    let service = sample().services[0].clone();
    let (token, ids) = sent(
        enquiries
            .send(&request(&service.id), "client-a", now())
            .unwrap(),
    );
    let emails = drain(&engine, now());
    let to: Vec<&str> = emails.iter().map(|(to, _, _)| to.as_str()).collect();
    assert_eq!(to, ["provider@example.org", "pat@example.org"]);
    assert!(
        emails[0]
            .2
            .contains("https://dayfinder.example/editor/enquiries")
    );
    assert!(
        !emails[0].2.contains("Pat Example"),
        "no personal details to providers"
    );
    assert!(
        emails[1]
            .2
            .contains(&format!("https://dayfinder.example/enquiries/{token}"))
    );

    let provider = editor_account(&engine, "provider@example.org");
    let inbox = enquiries.inbox(&provider).unwrap();
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].person.as_ref().unwrap().name, "Pat Example");
    let answer = Answer {
        status: EnquiryStatus::Accepted,
        message: "Come on Tuesday at 10.".into(),
        version: inbox[0].version,
    };
    let later = now() + seconds(3600);
    assert!(matches!(
        enquiries.answer(&provider, ids[0], &answer, later).unwrap(),
        Responded::Saved(_)
    ));
    assert_eq!(
        enquiries.answer(&provider, ids[0], &answer, later).unwrap(),
        Responded::Changed,
        "an answer to what the editor no longer sees is refused"
    );
    let emails = drain(&engine, later);
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].0, "pat@example.org");
    assert!(emails[0].2.contains("Come on Tuesday at 10."));
    let status = enquiries.by_token(&token).unwrap();
    assert_eq!(status[0].status, EnquiryStatus::Accepted);
    assert!(enquiries.by_token(&"0".repeat(64)).unwrap().is_empty());
}

fn an_unanswered_enquiry_is_reminded_once_and_escalated_once<B: Backend>(b: &B) {
    use dayfinder::enquiries::{Chased, EnquirySettings};
    let dir = tempfile::tempdir().unwrap();
    let engine = enquiry_engine(b, dir.path());
    let settings = EnquirySettings::default();
    let enquiries = engine.enquiries(&settings, "https://dayfinder.example");
    let (_, ids) = sent(
        enquiries
            .send(&request(&sample().services[0].id), "client-a", now())
            .unwrap(),
    );
    drain(&engine, now());
    let enquiry = stored_enquiry(&engine, ids[0]);
    let day = |date: Date| {
        date.to_zoned(jiff::tz::TimeZone::get("Europe/London").unwrap())
            .unwrap()
            .timestamp()
            + seconds(12 * 3600)
    };
    assert_eq!(
        enquiries.chase(now()).unwrap(),
        Chased::default(),
        "not yet"
    );
    let remind = day(enquiry.remind_on);
    assert_eq!(enquiries.chase(remind).unwrap().reminded, 1);
    assert_eq!(enquiries.chase(remind).unwrap(), Chased::default(), "once");
    let emails = drain(&engine, remind);
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].0, "provider@example.org");
    let overdue = day(enquiry.due_on.tomorrow().unwrap());
    assert_eq!(enquiries.chase(overdue).unwrap().escalated, 1);
    assert_eq!(enquiries.chase(overdue).unwrap(), Chased::default(), "once");
    let emails = drain(&engine, overdue);
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].0, "council@example.org");
    assert!(emails[0].1.starts_with("Overdue"));
}

fn requests_are_limited_per_client<B: Backend>(b: &B) {
    use dayfinder::enquiries::{EnquirySettings, MAX_REQUESTS_PER_CLIENT, RequestSent};
    let dir = tempfile::tempdir().unwrap();
    let engine = enquiry_engine(b, dir.path());
    let settings = EnquirySettings::default();
    let enquiries = engine.enquiries(&settings, "https://dayfinder.example");
    let ask = request(&sample().services[0].id);
    for _ in 0..MAX_REQUESTS_PER_CLIENT {
        sent(enquiries.send(&ask, "client-a", now()).unwrap());
    }
    assert_eq!(
        enquiries.send(&ask, "client-a", now()).unwrap(),
        RequestSent::TooMany
    );
    sent(enquiries.send(&ask, "client-b", now()).unwrap());
    assert_eq!(
        enquiries
            .send(&request("no-such-service"), "client-c", now())
            .unwrap(),
        RequestSent::UnknownService("no-such-service".into())
    );
}

fn erasure_forgets_the_person_and_keeps_what_was_asked<B: Backend>(b: &B) {
    use dayfinder::enquiries::EnquirySettings;
    let dir = tempfile::tempdir().unwrap();
    let engine = enquiry_engine(b, dir.path());
    let settings = EnquirySettings::default();
    let enquiries = engine.enquiries(&settings, "https://dayfinder.example");
    let service = sample().services[0].id.clone();
    let (old_token, old) = sent(
        enquiries
            .send(&request(&service), "client-a", now())
            .unwrap(),
    );
    let mut phone_request = request(&service);
    phone_request.reply_by = dayfinder::enquiries::ReplyBy::Phone;
    phone_request.email = None;
    phone_request.phone = Some(dayfinder::model::PhoneNumber::parse("01632 960 123").unwrap());
    let (_, by_phone) = sent(enquiries.send(&phone_request, "client-a", now()).unwrap());

    assert_eq!(enquiries.erase_person("+44 1632 960123", now()).unwrap(), 1);
    assert!(stored_enquiry(&engine, by_phone[0]).person.is_none());

    let seven_months = now() + seconds(7 * 31 * 24 * 3600);
    assert_eq!(enquiries.erase_due(now()).unwrap(), 0, "not yet");
    assert_eq!(enquiries.erase_due(seven_months).unwrap(), 1);
    let erased = stored_enquiry(&engine, old[0]);
    assert!(erased.person.is_none());
    assert!(
        enquiries.by_token(&old_token).unwrap().is_empty(),
        "the link is gone"
    );
    let counted = enquiries.sent_between(now(), seven_months).unwrap();
    assert_eq!(counted.len(), 2, "what was asked is kept for the counts");
    assert_eq!(counted[0].about.service_name, sample().services[0].name);
}

/// Noon in the UK on `date`.
fn uk_noon(date: Date) -> Timestamp {
    date.to_zoned(jiff::tz::TimeZone::get("Europe/London").unwrap())
        .unwrap()
        .timestamp()
        + seconds(12 * 3600)
}

fn each_review_stage_is_mailed_once_and_a_link_confirms_once<B: Backend>(b: &B) {
    use dayfinder::reviews::{Confirmed, LinkState, ReviewSettings};
    let dir = tempfile::tempdir().unwrap();
    let engine = enquiry_engine(b, dir.path());
    let settings = ReviewSettings::default();
    let reviews = engine.reviews(&settings, "https://dayfinder.example");
    let service = sample().services[0].clone();
    // The clock the test moves: five months after the listing was last confirmed.
    let at = uk_noon(service.last_reviewed.checked_add(5.months()).unwrap());
    let pass = reviews.run(at).unwrap();
    assert!(pass.reminded >= 1, "{pass:?}");
    assert_eq!(
        reviews.run(at).unwrap(),
        Default::default(),
        "each stage once"
    );
    let emails = drain(&engine, at);
    let reminder = emails
        .iter()
        .find(|(to, subject, text)| {
            to == "provider@example.org"
                && subject == "Please check your listings on Dayfinder are still right"
                && text.contains(&service.name)
        })
        .expect("the provider's reminder");
    let from = reminder.2.find("/review/").expect("a one-click link") + "/review/".len();
    let token: String = reminder.2[from..].chars().take(64).collect();
    assert!(dayfinder::reviews::plausible_token(&token));

    assert!(matches!(
        reviews.link(&token, at).unwrap(),
        LinkState::Ready { .. }
    ));
    assert_eq!(
        reviews.link(&token, at + seconds(31 * 24 * 3600)).unwrap(),
        LinkState::Expired
    );
    assert_eq!(
        reviews.link(&"0".repeat(64), at).unwrap(),
        LinkState::NotFound
    );
    let done = reviews.confirm(&token, at).unwrap();
    assert!(matches!(done, Confirmed::Done { .. }), "{done:?}");
    assert!(matches!(
        reviews.confirm(&token, at).unwrap(),
        Confirmed::NotReady(LinkState::Used { .. })
    ));
    let confirmed = engine.listing(&service.id).unwrap().unwrap().service;
    assert_eq!(confirmed.last_reviewed, dayfinder::engine::uk_date(at));
    let council = editor_account(&engine, "council@example.org");
    let log = engine
        .audit_log(&council, Some(&service.id), 5)
        .unwrap()
        .unwrap();
    assert_eq!(log[0].action, dayfinder::moderation::AuditAction::Confirmed);
    assert_eq!(
        log[0].editor.as_ref().map(|e| e.email.as_str()),
        Some("provider@example.org"),
        "the log says who confirmed it"
    );

    // The cycle starts again from the new date: nothing for this listing a month later;
    // left alone for 13 months after that (a server that was down), only the latest stage
    // is sent: the council hears it is overdue, the provider gets no stale reminders.
    let month = uk_noon(confirmed.last_reviewed.checked_add(1.months()).unwrap());
    reviews.run(month).unwrap();
    let about_it = |emails: &[(String, String, String)]| -> Vec<(String, String)> {
        emails
            .iter()
            .filter(|(_, _, text)| text.contains(&service.name))
            .map(|(to, subject, _)| (to.clone(), subject.clone()))
            .collect()
    };
    assert!(
        about_it(&drain(&engine, month)).is_empty(),
        "just confirmed"
    );
    let much_later = uk_noon(confirmed.last_reviewed.checked_add(13.months()).unwrap());
    reviews.run(much_later).unwrap();
    let emails = drain(&engine, much_later);
    assert!(
        about_it(&emails)
            .iter()
            .all(|(to, _)| to == "council@example.org"),
        "no stale reminders to the provider"
    );
    assert!(
        emails
            .iter()
            .any(|(to, subject, _)| to == "council@example.org"
                && subject.ends_with("not confirmed for 12 months")),
        "the council is told"
    );
}

fn a_forgotten_password_is_set_once_from_its_link_within_the_hour<B: Backend>(b: &B) {
    use dayfinder::accounts::{
        MAX_PASSWORD_LINKS_AN_HOUR, Password, PasswordLinkState, PasswordSet,
    };
    let dir = tempfile::tempdir().unwrap();
    let engine = enquiry_engine(b, dir.path());
    let resets = engine.password_resets("https://dayfinder.example");
    // Unknown, malformed and known addresses get the same answer; only the known one mail.
    resets.ask("nobody@example.org", now()).unwrap();
    resets.ask("not an address", now()).unwrap();
    resets.ask("Provider@Example.org", now()).unwrap();
    let emails = drain(&engine, now());
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].0, "provider@example.org");
    assert_eq!(emails[0].1, "Set a new password for Dayfinder");
    let from =
        emails[0].2.find("/editor/reset-password/").unwrap() + "/editor/reset-password/".len();
    let token: String = emails[0].2[from..].chars().take(64).collect();

    assert!(matches!(
        resets.link(&token, now()).unwrap(),
        PasswordLinkState::Ready(_)
    ));
    assert_eq!(
        resets.link(&token, now() + seconds(3601)).unwrap(),
        PasswordLinkState::NotValid,
        "an hour at most"
    );
    let password = Password::parse("copper kettle morning walk").unwrap();
    assert!(matches!(
        resets.set(&token, &password, now()).unwrap(),
        PasswordSet::Done(_)
    ));
    assert_eq!(
        resets.set(&token, &password, now()).unwrap(),
        PasswordSet::NotValid,
        "once"
    );
    let account = editor_account(&engine, "provider@example.org");
    let (_, credentials) = engine
        .account_store()
        .account_by_email(&account.email)
        .unwrap()
        .unwrap();
    assert!(dayfinder::accounts::verify_password(
        "copper kettle morning walk",
        &credentials.password_hash
    ));

    // A few links an hour, then the same answer and no more email.
    for _ in 0..MAX_PASSWORD_LINKS_AN_HOUR + 2 {
        resets
            .ask("provider@example.org", now() + seconds(60))
            .unwrap();
    }
    let more = drain(&engine, now() + seconds(60));
    assert_eq!(more.len() as u64, MAX_PASSWORD_LINKS_AN_HOUR - 1);
}

/// The 64 hex digits after `marker` in an email's text.
fn token_after(text: &str, marker: &str) -> String {
    let from = text.find(marker).expect("a link") + marker.len();
    text[from..].chars().take(64).collect()
}

fn a_proved_claim_approved_by_the_council_makes_a_provider_editor<B: Backend>(b: &B) {
    use dayfinder::accounts::{
        ClaimDecided, ClaimForm, ClaimMade, MAX_CLAIMS_PER_CLIENT, Password, PasswordSet, ProofLink,
    };
    let dir = tempfile::tempdir().unwrap();
    let engine = enquiry_engine(b, dir.path());
    let claims = engine.claims("https://dayfinder.example");
    // A listing of an organisation with no editor yet.
    let service = sample()
        .services
        .into_iter()
        .find(|s| s.organisation_id != sample().services[0].organisation_id)
        .unwrap();
    let form = ClaimForm {
        service: service.id.clone(),
        name: "Robin Manager".into(),
        email: "robin@provider.example".into(),
        job: "Centre manager".into(),
        consent: true,
    };
    let empty = claims
        .make(&ClaimForm::default(), "client-a", now())
        .unwrap();
    let ClaimMade::Invalid(problems) = empty else {
        panic!("{empty:?}")
    };
    let fields: Vec<&str> = problems.iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, ["name", "email", "job", "consent"]);
    assert_eq!(
        claims.make(&form, "client-a", now()).unwrap(),
        ClaimMade::Sent
    );
    let emails = drain(&engine, now());
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].0, "robin@provider.example");
    let token = token_after(&emails[0].2, "/claim/prove/");
    assert!(matches!(
        claims.proof(&token, now()).unwrap(),
        ProofLink::Ready { .. }
    ));
    let council = editor_account(&engine, "council@example.org");
    assert!(
        claims.waiting(&council).unwrap().is_empty(),
        "not proved yet"
    );
    assert_eq!(claims.prove(&token, now()).unwrap(), ProofLink::Proved);
    assert_eq!(
        claims.prove(&token, now()).unwrap(),
        ProofLink::Proved,
        "once"
    );
    let told = drain(&engine, now());
    assert_eq!(told.len(), 1, "the council editor is told once");
    assert_eq!(told[0].0, "council@example.org");
    let waiting = claims.waiting(&council).unwrap();
    assert_eq!(waiting.len(), 1);
    let provider = editor_account(&engine, "provider@example.org");
    assert!(
        claims.waiting(&provider).unwrap().is_empty(),
        "council editors only"
    );
    assert_eq!(
        claims
            .decide(&provider, waiting[0].id, true, "", now())
            .unwrap(),
        ClaimDecided::NotFound
    );

    let decided = claims
        .decide(&council, waiting[0].id, true, "", now())
        .unwrap();
    let ClaimDecided::Approved(account) = decided else {
        panic!("{decided:?}")
    };
    assert_eq!(
        account.role.organisation_id(),
        Some(service.organisation_id.as_str())
    );
    assert_eq!(
        claims
            .decide(&council, waiting[0].id, true, "", now())
            .unwrap(),
        ClaimDecided::NotFound,
        "decided once"
    );
    let welcome = drain(&engine, now());
    assert_eq!(welcome.len(), 1);
    assert_eq!(welcome[0].1, "Your Dayfinder editor's account");
    let link = token_after(&welcome[0].2, "/editor/reset-password/");
    let password = Password::parse("river stone garden lamp").unwrap();
    assert!(
        matches!(
            engine
                .password_resets("https://dayfinder.example")
                .set(&link, &password, now() + seconds(6 * 24 * 3600))
                .unwrap(),
            PasswordSet::Done(_)
        ),
        "the first password's link works for days"
    );

    // A few claims an hour per client; old claims are forgotten.
    for _ in 1..MAX_CLAIMS_PER_CLIENT {
        assert_eq!(
            claims.make(&form, "client-b", now()).unwrap(),
            ClaimMade::Sent
        );
    }
    assert_eq!(
        claims.make(&form, "client-b", now()).unwrap(),
        ClaimMade::Sent
    );
    assert_eq!(
        claims.make(&form, "client-b", now()).unwrap(),
        ClaimMade::TooMany
    );
    let later = now() + seconds(31 * 24 * 3600);
    assert!(claims.forget_old(later).unwrap() >= 1);
}

fn each_stage_of_the_review_cycle_reaches_its_people_on_its_day<B: Backend>(b: &B) {
    use dayfinder::reviews::ReviewSettings;
    let dir = tempfile::tempdir().unwrap();
    let engine = enquiry_engine(b, dir.path());
    // Every listing last confirmed on the same day, so each stage comes at once for all.
    let confirmed: Date = "2026-01-10".parse().unwrap();
    let mut directory = sample();
    for s in &mut directory.services {
        s.last_reviewed = confirmed;
    }
    engine.import(&directory).unwrap();
    let settings = ReviewSettings::default();
    let reviews = engine.reviews(&settings, "https://dayfinder.example");
    let mailed = |months: i64| -> Vec<(String, String)> {
        let at = uk_noon(confirmed.checked_add(months.months()).unwrap());
        reviews.run(at).unwrap();
        assert_eq!(
            reviews.run(at).unwrap(),
            Default::default(),
            "month {months}: once"
        );
        drain(&engine, at)
            .into_iter()
            .map(|(to, subject, _)| (to, subject))
            .collect()
    };
    let provider = |subject: &str| vec![("provider@example.org".to_string(), subject.to_string())];
    assert!(mailed(4).is_empty(), "nothing before the first reminder");
    assert_eq!(
        mailed(5),
        provider("Please check your listings on Dayfinder are still right")
    );
    assert_eq!(
        mailed(6),
        provider("Second reminder: please check your listings on Dayfinder")
    );
    let n = directory.services.len();
    assert_eq!(
        mailed(9),
        [(
            "council@example.org".to_string(),
            format!("{n} listings not confirmed for 9 months")
        )]
    );
    assert_eq!(
        mailed(12),
        [(
            "council@example.org".to_string(),
            format!("{n} listings not confirmed for 12 months")
        )]
    );
}
