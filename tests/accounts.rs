//! Editors' accounts: passwords, sessions, the limits on guessing, changing a password,
//! disabling an account, the second step of signing in, and what each role may change.

use dayfinder::Engine;
use dayfinder::accounts::{
    Account, AccountError, AccountStore, Accounts, FAILURE_WINDOW, HashSlots,
    MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_EMAIL_AND_CLIENT, NewAccount,
    Password, Role, SESSION_LIFETIME, SessionToken, TwoStepSecret, VacancyChange, hash_password,
    verify_password,
};
use dayfinder::model::VacancyStatus;
use dayfinder::moderation::AuditAction;
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
    let account = Accounts::new(&store)
        .add(
            &NewAccount::parse("a@example.org", "A", Role::Council).unwrap(),
            &Password::parse(PASSWORD).unwrap(),
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
fn five_failures_for_an_email_from_one_client_refuse_its_sixth_attempt_even_with_the_right_password()
 {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    for i in 0..MAX_FAILURES_PER_EMAIL_AND_CLIENT {
        let at = now() + SignedDuration::from_secs(i as i64);
        let failed = accounts.sign_in("Sam@example.org", "wrong password!", "client", at);
        assert!(matches!(failed, Err(AccountError::WrongEmailOrPassword)));
    }
    let sixth = accounts
        .sign_in(
            "sam@example.org",
            PASSWORD,
            "client",
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
            .sign_in("sam@example.org", PASSWORD, "client", later)
            .is_ok()
    );
}

#[test]
fn a_strangers_failures_from_their_own_client_do_not_lock_the_editor_out_on_theirs() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    // Someone who knows the address tries, from one client, far past its limit.
    for _ in 0..MAX_FAILURES_PER_EMAIL_AND_CLIENT * 2 {
        let _ = accounts.sign_in("sam@example.org", "a guess at it", "203.0.113.66", now());
    }
    assert!(matches!(
        accounts.sign_in("sam@example.org", PASSWORD, "203.0.113.66", now()),
        Err(AccountError::TooManyAttempts)
    ));
    // The editor, on their own client, signs in as ever.
    assert!(
        accounts
            .sign_in("sam@example.org", PASSWORD, "198.51.100.7", now())
            .is_ok()
    );
}

#[test]
fn guesses_at_one_address_from_many_clients_stop_at_the_ceiling() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    let per_client = MAX_FAILURES_PER_EMAIL_AND_CLIENT;
    for i in 0..MAX_FAILURES_PER_EMAIL {
        let client = format!("bot-{}", i / per_client);
        let failed = accounts.sign_in("sam@example.org", "a guess at it", &client, now());
        assert!(
            matches!(failed, Err(AccountError::WrongEmailOrPassword)),
            "guess {i}"
        );
    }
    assert!(matches!(
        accounts.sign_in("sam@example.org", PASSWORD, "a-new-client", now()),
        Err(AccountError::TooManyAttempts)
    ));
}

#[test]
fn fifty_wrong_passwords_at_once_get_five_checks_not_fifty() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let outcomes: Vec<Result<_, AccountError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..50)
            .map(|_| {
                scope.spawn(|| {
                    engine
                        .accounts()
                        .sign_in("sam@example.org", "wrong password!", "client", now())
                        .map(|_| ())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let checked = outcomes
        .iter()
        .filter(|o| matches!(o, Err(AccountError::WrongEmailOrPassword)))
        .count();
    let refused = outcomes
        .iter()
        .filter(|o| matches!(o, Err(AccountError::TooManyAttempts)))
        .count();
    assert_eq!((checked, refused), (MAX_FAILURES_PER_EMAIL_AND_CLIENT, 45));
}

#[test]
fn no_more_password_hashes_run_at_once_than_the_process_has_cores() {
    let slots = HashSlots::global();
    let hash = hash_password(PASSWORD).unwrap();
    std::thread::scope(|scope| {
        for _ in 0..slots.limit() * 4 {
            scope.spawn(|| verify_password("not the password", &hash));
        }
    });
    assert!(slots.most_at_once() >= 1);
    assert!(
        slots.most_at_once() <= slots.limit(),
        "{} at once, {} slots",
        slots.most_at_once(),
        slots.limit()
    );
}

#[test]
fn many_failures_from_one_client_refuse_it_whatever_email_it_tries() {
    let engine = engine();
    add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    for i in 0..MAX_FAILURES_PER_CLIENT {
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
    for _ in 0..MAX_FAILURES_PER_EMAIL_AND_CLIENT - 1 {
        let _ = accounts.sign_in("sam@example.org", "wrong password!", "c", now());
    }
    accounts
        .sign_in("sam@example.org", PASSWORD, "c", now())
        .unwrap();
    for _ in 0..MAX_FAILURES_PER_EMAIL_AND_CLIENT - 1 {
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

fn latest_audit(engine: &Engine, council: &Account) -> dayfinder::moderation::AuditEntry {
    engine
        .audit_log(council, None, 1)
        .unwrap()
        .unwrap()
        .remove(0)
}

#[test]
fn a_changed_password_signs_in_the_old_one_does_not_and_other_sessions_end() {
    let engine = engine();
    let sam = add(&engine, "sam@example.org", Role::Council);
    let accounts = engine.accounts();
    let here = accounts
        .sign_in("sam@example.org", PASSWORD, "c", now())
        .unwrap();
    let elsewhere = accounts
        .sign_in("sam@example.org", PASSWORD, "d", now())
        .unwrap();
    let new = Password::parse("copper kettle on the hill").unwrap();
    let wrong = accounts.change_password(
        &here.session,
        &here.token,
        "not it at all",
        &new,
        "c",
        now(),
    );
    assert!(matches!(wrong, Err(AccountError::WrongCurrentPassword)));
    let same = Password::parse(PASSWORD).unwrap();
    let unchanged =
        accounts.change_password(&here.session, &here.token, PASSWORD, &same, "c", now());
    assert!(matches!(unchanged, Err(AccountError::SamePassword)));
    accounts
        .change_password(&here.session, &here.token, PASSWORD, &new, "c", now())
        .unwrap();
    assert!(accounts.session(&here.token, now()).unwrap().is_some());
    assert!(accounts.session(&elsewhere.token, now()).unwrap().is_none());
    assert!(matches!(
        accounts.sign_in("sam@example.org", PASSWORD, "c", now()),
        Err(AccountError::WrongEmailOrPassword)
    ));
    assert!(
        accounts
            .sign_in("sam@example.org", "copper kettle on the hill", "c", now())
            .is_ok()
    );
    let entry = latest_audit(&engine, &sam);
    assert_eq!(entry.action, AuditAction::PasswordChanged);
    assert_eq!(entry.summary, "Sam Jones <sam@example.org>");
}

#[test]
fn a_password_someone_else_set_must_be_changed_and_then_need_not_be() {
    let engine = engine();
    let council = add(&engine, "council@example.org", Role::Council);
    let added = engine
        .add_editor(
            &NewAccount::parse("new@example.org", "New Editor", Role::Council)
                .unwrap()
                .set_by(Some(&council)),
            &Password::parse(PASSWORD).unwrap(),
            now(),
        )
        .unwrap();
    assert!(added.must_change_password);
    let entry = latest_audit(&engine, &council);
    assert_eq!(entry.action, AuditAction::AccountAdded);
    assert_eq!(entry.editor.unwrap().name, "Sam Jones");
    let accounts = engine.accounts();
    let signed_in = accounts
        .sign_in("new@example.org", PASSWORD, "c", now())
        .unwrap();
    assert!(signed_in.session.account.must_change_password);
    let new = Password::parse("copper kettle on the hill").unwrap();
    accounts
        .change_password(
            &signed_in.session,
            &signed_in.token,
            PASSWORD,
            &new,
            "c",
            now(),
        )
        .unwrap();
    let session = accounts.session(&signed_in.token, now()).unwrap().unwrap();
    assert!(!session.account.must_change_password);
}

#[test]
fn common_passwords_cannot_be_set_anywhere() {
    // Every place that sets a password takes a `Password`, which refuses them.
    let refused = Password::parse("qwertyuiopasdfghjkl").unwrap_err();
    assert!(matches!(refused, AccountError::CommonPassword));
    assert!(
        refused
            .to_string()
            .starts_with("This password is one of the most common")
    );
}

#[test]
fn a_disabled_account_cannot_sign_in_and_its_sessions_end_at_once() {
    let engine = engine();
    let council = add(&engine, "council@example.org", Role::Council);
    let (organisation, _, _) = provider_and_services(&engine);
    let provider = add(
        &engine,
        "p@example.org",
        Role::Provider {
            organisation_id: organisation,
        },
    );
    let accounts = engine.accounts();
    let open = accounts
        .sign_in("p@example.org", PASSWORD, "c", now())
        .unwrap();
    // Only a council editor, and never themselves.
    assert!(matches!(
        accounts.set_disabled(&provider, council.id, true, now()),
        Err(AccountError::NotAllowed)
    ));
    assert!(matches!(
        accounts.set_disabled(&council, council.id, true, now()),
        Err(AccountError::CannotDisableYourself)
    ));
    let disabled = accounts
        .set_disabled(&council, provider.id, true, now())
        .unwrap();
    assert!(disabled.disabled);
    assert!(accounts.session(&open.token, now()).unwrap().is_none());
    assert!(matches!(
        accounts.sign_in("p@example.org", PASSWORD, "c", now()),
        Err(AccountError::Disabled)
    ));
    // A wrong password still says only that it is wrong.
    assert!(matches!(
        accounts.sign_in("p@example.org", "not the password", "c", now()),
        Err(AccountError::WrongEmailOrPassword)
    ));
    assert_eq!(
        latest_audit(&engine, &council).action,
        AuditAction::AccountDisabled
    );
    accounts
        .set_disabled(&council, provider.id, false, now())
        .unwrap();
    assert_eq!(
        latest_audit(&engine, &council).action,
        AuditAction::AccountEnabled
    );
    assert!(
        accounts
            .sign_in("p@example.org", PASSWORD, "e", now())
            .is_ok()
    );
}

#[test]
fn with_a_second_step_the_password_alone_opens_no_session_and_each_code_works_once() {
    let engine = engine();
    let council = add(&engine, "council@example.org", Role::Council);
    let accounts = engine.accounts();
    let secret = TwoStepSecret::generate().unwrap();
    assert!(matches!(
        accounts.set_up_two_step(&council, &secret, "000000x", now()),
        Err(AccountError::WrongCode)
    ));
    accounts
        .set_up_two_step(&council, &secret, &secret.code_at(now()), now())
        .unwrap();
    assert_eq!(
        latest_audit(&engine, &council).action,
        AuditAction::TwoStepSetUp
    );

    let half = accounts
        .sign_in("council@example.org", PASSWORD, "c", now())
        .unwrap();
    assert!(half.awaiting_code);
    assert!(accounts.session(&half.token, now()).unwrap().is_none());
    // The setup's own code cannot be used again.
    assert!(matches!(
        accounts.enter_code(&half.token, &secret.code_at(now()), "c", now()),
        Err(AccountError::CodeUsed)
    ));
    assert!(matches!(
        accounts.enter_code(&half.token, "123", "c", now()),
        Err(AccountError::WrongCode)
    ));
    let later = now() + SignedDuration::from_secs(30);
    let code = secret.code_at(later);
    let full = accounts.enter_code(&half.token, &code, "c", later).unwrap();
    assert!(accounts.session(&full.token, later).unwrap().is_some());
    assert!(accounts.session(&half.token, later).unwrap().is_none());

    // The same code, again, in another sign-in: refused.
    let again = accounts
        .sign_in("council@example.org", PASSWORD, "c", later)
        .unwrap();
    assert!(matches!(
        accounts.enter_code(&again.token, &code, "c", later),
        Err(AccountError::CodeUsed)
    ));

    // Lost phone: the administrator turns it off; the password alone signs in again.
    let email = dayfinder::accounts::Email::parse("council@example.org").unwrap();
    let reset = accounts.reset_two_step(&email, later).unwrap();
    assert!(!reset.two_step);
    assert_eq!(
        latest_audit(&engine, &council).action,
        AuditAction::TwoStepReset
    );
    let plain = accounts
        .sign_in("council@example.org", PASSWORD, "c", later)
        .unwrap();
    assert!(!plain.awaiting_code);
}

#[test]
fn wrong_codes_count_towards_the_limits_so_a_known_password_does_not_give_unlimited_guesses() {
    let engine = engine();
    let council = add(&engine, "council@example.org", Role::Council);
    let accounts = engine.accounts();
    let secret = TwoStepSecret::generate().unwrap();
    accounts
        .set_up_two_step(&council, &secret, &secret.code_at(now()), now())
        .unwrap();
    let mut refused = false;
    for _ in 0..MAX_FAILURES_PER_EMAIL_AND_CLIENT + 1 {
        match accounts.sign_in("council@example.org", PASSWORD, "c", now()) {
            Ok(half) => {
                let _ = accounts.enter_code(&half.token, "000000", "c", now());
            }
            Err(AccountError::TooManyAttempts) => refused = true,
            Err(other) => panic!("{other:?}"),
        }
    }
    assert!(refused, "the password step is refused once codes failed");
}
