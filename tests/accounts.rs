//! Editors' accounts: passwords, sessions, the limits on guessing, and what each role may
//! change.

use dayfinder::Engine;
use dayfinder::accounts::{
    AccountError, AccountStore, FAILURE_WINDOW, MAX_CLIENT_FAILURES, MAX_EMAIL_FAILURES,
    NewAccount, Password, Role, SESSION_LIFETIME, SessionToken, VacancyChange, hash_password,
    verify_password,
};
use dayfinder::model::VacancyStatus;
use dayfinder::query::SearchQuery;
use dayfinder::store::SqliteStore;
use jiff::{SignedDuration, Timestamp};

const PASSWORD: &str = "plum tree river lantern";

fn now() -> Timestamp {
    "2026-05-04T09:00:00Z".parse().unwrap()
}

fn engine() -> Engine {
    Engine::in_memory(&dayfinder::sample::cheshire_east()).unwrap()
}

/// A provider of the sample directory, one of its services, and another provider's service.
fn provider_and_services(engine: &Engine) -> (String, String, String) {
    let directory = engine.directory().unwrap();
    let own = &directory.services[0];
    let other = directory
        .services
        .iter()
        .find(|s| s.organisation_id != own.organisation_id)
        .unwrap();
    (
        own.organisation_id.clone(),
        own.id.clone(),
        other.id.clone(),
    )
}

fn add(engine: &Engine, email: &str, role: Role) -> dayfinder::accounts::Account {
    engine
        .add_editor(
            &NewAccount::parse(email, "Sam Jones", role).unwrap(),
            &Password::parse(PASSWORD).unwrap(),
            now(),
        )
        .unwrap()
}

#[test]
fn a_password_hash_is_a_phc_string_that_verifies_only_that_password() {
    let hash = hash_password(PASSWORD).unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(verify_password(PASSWORD, &hash));
    assert!(!verify_password("plum tree river lanterns", &hash));
    assert!(!verify_password(PASSWORD, "not a hash"));
    // A fresh salt each time.
    assert_ne!(hash, hash_password(PASSWORD).unwrap());
}

#[test]
fn an_editor_signs_in_with_their_email_typed_any_way() {
    let engine = engine();
    add(&engine, "sam.jones@example.org", Role::Council);
    let signed_in = engine
        .accounts()
        .sign_in(" Sam.Jones@EXAMPLE.org ", PASSWORD, "192.0.2.1", now())
        .unwrap();
    assert_eq!(
        signed_in.session.account.email.as_str(),
        "sam.jones@example.org"
    );
    let found = engine
        .accounts()
        .session(&signed_in.token, now())
        .unwrap()
        .unwrap();
    assert_eq!(found, signed_in.session);
}

#[test]
fn the_store_keeps_only_a_hash_of_the_session_token() {
    let store = SqliteStore::in_memory().unwrap();
    let account = store
        .add_account(
            &NewAccount::parse("a@example.org", "A", Role::Council).unwrap(),
            &hash_password(PASSWORD).unwrap(),
            now(),
        )
        .unwrap();
    let signed_in = dayfinder::accounts::Accounts::new(&store)
        .sign_in("a@example.org", PASSWORD, "client", now())
        .unwrap();
    // Looking the raw token up as if it were a hash finds nothing.
    assert!(
        store
            .session(signed_in.token.expose(), now())
            .unwrap()
            .is_none()
    );
    let found = store
        .session(&signed_in.token.hash(), now())
        .unwrap()
        .unwrap();
    assert_eq!(found.account, account);
}

#[test]
fn an_email_address_has_only_one_account_whatever_its_case() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let again = engine.add_editor(
        &NewAccount::parse("SAM@example.org", "Sam", Role::Council).unwrap(),
        &Password::parse(PASSWORD).unwrap(),
        now(),
    );
    assert!(matches!(again, Err(AccountError::EmailTaken)));
}

#[test]
fn a_provider_editor_needs_an_organisation_in_the_directory() {
    let engine = engine();
    let result = engine.add_editor(
        &NewAccount::parse(
            "p@example.org",
            "P",
            Role::Provider {
                organisation_id: "no-such-provider".into(),
            },
        )
        .unwrap(),
        &Password::parse(PASSWORD).unwrap(),
        now(),
    );
    assert!(
        matches!(result, Err(AccountError::UnknownOrganisation(id)) if id == "no-such-provider")
    );
}

#[test]
fn a_session_ends_when_it_expires() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    let signed_in = accounts
        .sign_in("sam@example.org", PASSWORD, "c", now())
        .unwrap();
    let just_before = now() + SESSION_LIFETIME - SignedDuration::from_secs(1);
    assert!(
        accounts
            .session(&signed_in.token, just_before)
            .unwrap()
            .is_some()
    );
    assert!(
        accounts
            .session(&signed_in.token, now() + SESSION_LIFETIME)
            .unwrap()
            .is_none()
    );
}

#[test]
fn signing_out_ends_the_session() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    let signed_in = accounts
        .sign_in("sam@example.org", PASSWORD, "c", now())
        .unwrap();
    accounts.sign_out(&signed_in.token).unwrap();
    assert!(accounts.session(&signed_in.token, now()).unwrap().is_none());
    // A token that never was is no session either.
    let stranger = SessionToken::generate().unwrap();
    assert!(accounts.session(&stranger, now()).unwrap().is_none());
}

#[test]
fn a_wrong_password_and_an_unknown_email_fail_the_same_way() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    let wrong = accounts
        .sign_in("sam@example.org", "not the password", "c", now())
        .unwrap_err();
    let unknown = accounts
        .sign_in("nobody@example.org", PASSWORD, "c", now())
        .unwrap_err();
    assert_eq!(wrong.to_string(), unknown.to_string());
    assert!(matches!(wrong, AccountError::WrongEmailOrPassword));
    assert!(matches!(unknown, AccountError::WrongEmailOrPassword));
}

#[test]
fn five_failures_for_an_email_refuse_the_sixth_attempt_even_with_the_right_password() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    for i in 0..MAX_EMAIL_FAILURES {
        let client = format!("client-{i}");
        let at = now() + SignedDuration::from_secs(i as i64);
        let failed = accounts.sign_in("Sam@example.org", "wrong password!", &client, at);
        assert!(matches!(failed, Err(AccountError::WrongEmailOrPassword)));
    }
    let sixth = accounts
        .sign_in(
            "sam@example.org",
            PASSWORD,
            "client-new",
            now() + SignedDuration::from_mins(1),
        )
        .unwrap_err();
    assert!(matches!(sixth, AccountError::TooManyAttempts));
    assert_eq!(
        sixth.to_string(),
        "Too many attempts. Wait 15 minutes and try again."
    );
    // Once the window has passed, the right password works again.
    let later = now() + FAILURE_WINDOW + SignedDuration::from_mins(1);
    assert!(
        accounts
            .sign_in("sam@example.org", PASSWORD, "c", later)
            .is_ok()
    );
}

#[test]
fn many_failures_from_one_client_refuse_it_whatever_email_it_tries() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    for i in 0..MAX_CLIENT_FAILURES {
        let _ = accounts.sign_in(
            &format!("guess{i}@example.org"),
            "guess",
            "203.0.113.9",
            now(),
        );
    }
    let refused = accounts
        .sign_in("sam@example.org", PASSWORD, "203.0.113.9", now())
        .unwrap_err();
    assert!(matches!(refused, AccountError::TooManyAttempts));
    // Another client is not affected.
    assert!(
        accounts
            .sign_in("sam@example.org", PASSWORD, "198.51.100.1", now())
            .is_ok()
    );
}

#[test]
fn a_successful_sign_in_clears_the_count_for_that_email() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    for _ in 0..MAX_EMAIL_FAILURES - 1 {
        let _ = accounts.sign_in("sam@example.org", "wrong password!", "c", now());
    }
    accounts
        .sign_in("sam@example.org", PASSWORD, "c", now())
        .unwrap();
    for _ in 0..MAX_EMAIL_FAILURES - 1 {
        let _ = accounts.sign_in("sam@example.org", "wrong password!", "c", now());
    }
    assert!(
        accounts
            .sign_in("sam@example.org", PASSWORD, "c", now())
            .is_ok()
    );
}

#[test]
fn a_provider_sets_a_vacancy_on_their_own_service_and_search_sees_it_at_once() {
    let engine = engine();
    let (organisation, own, _) = provider_and_services(&engine);
    let provider = add(
        &engine,
        "p@example.org",
        Role::Provider {
            organisation_id: organisation,
        },
    );
    let today: jiff::civil::Date = "2026-05-04".parse().unwrap();
    let change = engine
        .set_vacancy(&provider, &own, VacancyStatus::Full, today)
        .unwrap();
    assert!(matches!(change, VacancyChange::Saved(_)));
    let listing = engine.listing(&own).unwrap().unwrap();
    assert_eq!(listing.service.vacancy.status, VacancyStatus::Full);
    assert_eq!(listing.service.vacancy.confirmed, today);
    let found = engine.search(&SearchQuery::text("")).unwrap();
    let hit = found.hits.iter().find(|h| h.id == own);
    // The first page may not hold it; ask for it by name when it does not.
    let hit = match hit {
        Some(hit) => hit.clone(),
        None => {
            let name = listing.service.name.clone();
            engine
                .search(&SearchQuery::text(&name))
                .unwrap()
                .hits
                .into_iter()
                .find(|h| h.id == own)
                .unwrap()
        }
    };
    assert_eq!(hit.vacancy, VacancyStatus::Full);
}

#[test]
fn a_provider_cannot_set_another_organisations_vacancy() {
    let engine = engine();
    let (organisation, _, other) = provider_and_services(&engine);
    let provider = add(
        &engine,
        "p@example.org",
        Role::Provider {
            organisation_id: organisation,
        },
    );
    let before = engine.listing(&other).unwrap().unwrap();
    let change = engine
        .set_vacancy(
            &provider,
            &other,
            VacancyStatus::Full,
            "2026-05-04".parse().unwrap(),
        )
        .unwrap();
    assert_eq!(change, VacancyChange::NotAllowed);
    assert_eq!(engine.listing(&other).unwrap().unwrap(), before);
}

#[test]
fn a_council_editor_sees_every_service_and_a_provider_only_their_own() {
    let engine = engine();
    let (organisation, _, _) = provider_and_services(&engine);
    let all = engine.editable_services(&Role::Council, None).unwrap();
    assert_eq!(
        all.services.len(),
        engine.directory().unwrap().services.len()
    );
    let role = Role::Provider {
        organisation_id: organisation.clone(),
    };
    let own = engine.editable_services(&role, None).unwrap();
    assert!(!own.services.is_empty());
    assert!(
        own.services
            .iter()
            .all(|s| s.organisation_id == organisation)
    );
    assert_eq!(own.organisations.len(), 1);
}
