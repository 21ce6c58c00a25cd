//! Keeping listings true over HTTP: a provider's change to a listing waits for a council
//! editor, who sees it before and after and approves it (search shows it at once) or says
//! why not; forms with mistakes come back as typed; the audit log; and the public's
//! "Report a problem" form (honeypot and limit included).
//!
//! These use the editors' own server (editor.rs), each on a service of its own.

use dayfinder::model::{ClockTime, Weekday};
use dayfinder::query::SearchQuery;
use scraper::{Html, Selector};

use super::editor::{Browser, COUNCIL, PROVIDER, server, start};

/// The fields a browser would send from the form posting to `action`, as filled in.
fn form_fields(page: &str, action: &str) -> Vec<(String, String)> {
    let html = Html::parse_document(page);
    let form = Selector::parse(&format!("form[action=\"{action}\"]")).unwrap();
    let fields = Selector::parse("input, textarea, select").unwrap();
    let selected = Selector::parse("option[selected]").unwrap();
    let form = html.select(&form).next().expect("the form is on the page");
    let mut out = Vec::new();
    for field in form.select(&fields) {
        let element = field.value();
        let Some(name) = element.attr("name") else {
            continue;
        };
        let value = match element.name() {
            "textarea" => field.text().collect::<String>(),
            "select" => field
                .select(&selected)
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or("")
                .to_string(),
            _ => match element.attr("type") {
                Some("checkbox") | Some("radio") if element.attr("checked").is_none() => continue,
                _ => element.attr("value").unwrap_or("").to_string(),
            },
        };
        out.push((name.to_string(), value));
    }
    out
}

fn set(fields: &mut [(String, String)], name: &str, value: &str) {
    let field = fields
        .iter_mut()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("the form has {name}"));
    field.1 = value.to_string();
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The number of the change waiting for this listing (or for one of its events).
fn pending_change(service_id: &str, event: bool) -> i64 {
    let council = server()
        .engine
        .accounts()
        .all()
        .unwrap()
        .into_iter()
        .find(|a| a.role.is_council())
        .unwrap();
    server()
        .engine
        .proposals_for(
            &council,
            Some(dayfinder::moderation::ProposalStatus::Pending),
            500,
        )
        .unwrap()
        .into_iter()
        .find(|p| {
            p.service_id == service_id
                && matches!(p.change, dayfinder::moderation::Change::Event { .. }) == event
        })
        .expect("a change waits for the listing")
        .id
        .0
}

/// The provider's service this module changes (others are used by editor.rs).
fn service() -> String {
    server().own[2].clone()
}

#[tokio::test]
async fn a_provider_changes_a_session_time_a_council_editor_approves_it_and_search_shows_it() {
    start().await;
    let id = service();
    let mut provider = Browser::new("198.51.100.31");
    provider.sign_in(PROVIDER).await;
    let action = format!("/editor/services/{id}/edit");
    let form = provider.get(&action).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let mut fields = form_fields(&form.body, &action);
    // The first session moves to Sunday 09:15 to 11:45.
    set(&mut fields, "session-0-day", "sunday");
    set(&mut fields, "session-0-start", "09:15");
    set(&mut fields, "session-0-end", "11:45");
    let sent = provider.post(&action, &pairs(&fields)).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert!(sent.location().starts_with("/editor/changes?done=sent"));

    let stored = || server().engine.listing(&id).unwrap().unwrap().service;
    let on_sunday_at_9_15 = || {
        stored()
            .sessions
            .iter()
            .any(|s| s.day == Weekday::Sunday && s.start == ClockTime::new(9, 15).unwrap())
    };
    assert!(!on_sunday_at_9_15(), "not published before approval");
    let mine = provider.get("/editor/changes").await;
    assert!(mine.body.contains("Waiting for approval"), "{}", mine.body);

    let mut council = Browser::new("198.51.100.32");
    council.sign_in(COUNCIL).await;
    let queue = council.get("/editor/changes").await;
    let change = pending_change(&id, false);
    assert!(
        queue
            .body
            .contains(&format!("href=\"/editor/changes/{change}\""))
    );
    let page = council.get(&format!("/editor/changes/{change}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<th scope=\"row\">Sessions</th>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Sunday 09:15 to 11:45"), "{}", page.body);
    let approved = council
        .post(
            &format!("/editor/changes/{change}/approve"),
            &[("csrf", &page.csrf())],
        )
        .await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    assert!(on_sunday_at_9_15());

    // The index was brought up to date before the redirect: a Sunday search finds it.
    let results = server()
        .engine
        .search(&SearchQuery {
            days: vec![Weekday::Sunday],
            per_page: 100,
            ..SearchQuery::default()
        })
        .unwrap();
    assert!(results.hits.iter().any(|h| h.id == id));
    let log = council.get(&format!("/editor/audit?service={id}")).await;
    assert!(log.body.contains("Approved a change"), "{}", log.body);
    assert!(log.body.contains("Proposed a change"));
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_everything_typed_and_an_error_summary() {
    start().await;
    let id = server().own[3 % server().own.len()].clone();
    let mut provider = Browser::new("198.51.100.33");
    provider.sign_in(PROVIDER).await;
    let action = format!("/editor/services/{id}/edit");
    let form = provider.get(&action).await;
    let mut fields = form_fields(&form.body, &action);
    set(&mut fields, "summary", "A new summary we must not lose");
    set(&mut fields, "session-0-start", "half nine");
    set(&mut fields, "contact_email", "not an address");
    let before = server().engine.listing(&id).unwrap().unwrap().service;
    let answer = provider.post(&action, &pairs(&fields)).await;
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("There is a problem"));
    assert!(answer.body.contains("href=\"#session-0-start\""));
    assert!(answer.body.contains("href=\"#contact_email\""));
    assert!(answer.body.contains("A new summary we must not lose"));
    assert!(answer.body.contains("value=\"half nine\""));
    assert!(answer.body.contains("<title>Error: "));
    assert_eq!(
        server().engine.listing(&id).unwrap().unwrap().service,
        before
    );
}

#[tokio::test]
async fn a_provider_cannot_open_or_send_the_form_of_another_organisations_listing() {
    start().await;
    let other = server().other.clone();
    let mut provider = Browser::new("198.51.100.34");
    let page = provider.sign_in(PROVIDER).await;
    let csrf = page.csrf();
    let action = format!("/editor/services/{other}/edit");
    assert_eq!(provider.get(&action).await.status, 404);
    let before = server().engine.listing(&other).unwrap().unwrap().service;
    let crafted = provider
        .post(
            &action,
            &[("csrf", &csrf), ("name", "Hijacked"), ("summary", "x")],
        )
        .await;
    assert_eq!(crafted.status, 404);
    assert_eq!(
        server().engine.listing(&other).unwrap().unwrap().service,
        before
    );
}

#[tokio::test]
async fn a_provider_cannot_approve_a_change() {
    start().await;
    let mut provider = Browser::new("198.51.100.35");
    let page = provider.sign_in(PROVIDER).await;
    let answer = provider
        .post("/editor/changes/1/approve", &[("csrf", &page.csrf())])
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(provider.get("/editor/audit").await.status, 403);
    assert_eq!(provider.get("/editor/problems").await.status, 403);
}

#[tokio::test]
async fn a_change_without_its_token_is_refused() {
    start().await;
    let id = service();
    let mut provider = Browser::new("198.51.100.36");
    provider.sign_in(PROVIDER).await;
    let answer = provider
        .post(
            &format!("/editor/services/{id}/edit"),
            &[("name", "No token")],
        )
        .await;
    assert_eq!(answer.status, 403);
}

#[tokio::test]
async fn rejecting_needs_a_reason_which_the_provider_then_reads() {
    start().await;
    let id = server().own[4 % server().own.len()].clone();
    let mut provider = Browser::new("198.51.100.37");
    provider.sign_in(PROVIDER).await;
    let action = format!("/editor/services/{id}/edit");
    let form = provider.get(&action).await;
    let mut fields = form_fields(&form.body, &action);
    set(&mut fields, "name", "Best Club In The World");
    assert_eq!(provider.post(&action, &pairs(&fields)).await.status, 303);

    let mut council = Browser::new("198.51.100.38");
    council.sign_in(COUNCIL).await;
    let change = server()
        .engine
        .proposals_for(
            &server()
                .engine
                .accounts()
                .all()
                .unwrap()
                .into_iter()
                .find(|a| a.role.is_council())
                .unwrap(),
            Some(dayfinder::moderation::ProposalStatus::Pending),
            50,
        )
        .unwrap()
        .into_iter()
        .find(|p| p.service_id == id)
        .expect("the change waits")
        .id
        .0;
    let page = council.get(&format!("/editor/changes/{change}")).await;
    let csrf = page.csrf();
    let empty = council
        .post(
            &format!("/editor/changes/{change}/reject"),
            &[("csrf", &csrf), ("reason", " ")],
        )
        .await;
    assert_eq!(empty.status, 400);
    assert!(empty.body.contains("href=\"#reason\""));
    let rejected = council
        .post(
            &format!("/editor/changes/{change}/reject"),
            &[
                ("csrf", &csrf),
                ("reason", "Please use the name on your sign"),
            ],
        )
        .await;
    assert_eq!(rejected.status, 303);
    let mine = provider.get("/editor/changes").await;
    assert!(
        mine.body.contains("Please use the name on your sign"),
        "{}",
        mine.body
    );
    assert_ne!(
        server().engine.listing(&id).unwrap().unwrap().service.name,
        "Best Club In The World"
    );
}

#[tokio::test]
async fn anyone_can_report_a_problem_which_reaches_the_council_queue() {
    start().await;
    let id = server().third.clone();
    let mut visitor = Browser::new("198.51.100.39");
    let page = visitor
        .get(&format!("/services/{id}/report-a-problem"))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Report a problem with this listing"));
    let sent = visitor
        .post(
            &format!("/services/{id}/report-a-problem"),
            &[
                ("kind", "wrong-details"),
                ("details", "The phone number is now 01270 000111"),
                ("contact", ""),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(
        sent.location(),
        format!("/services/{id}/report-a-problem/sent")
    );
    let thanks = visitor.get(sent.location()).await;
    assert!(thanks.body.contains("Thank you for your report"));

    let mut council = Browser::new("198.51.100.40");
    council.sign_in(COUNCIL).await;
    let queue = council.get("/editor/problems").await;
    assert!(
        queue.body.contains("The phone number is now 01270 000111"),
        "{}",
        queue.body
    );
}

#[tokio::test]
async fn a_report_with_mistakes_comes_back_as_typed_with_a_400() {
    start().await;
    let id = server().third.clone();
    let mut visitor = Browser::new("198.51.100.41");
    let answer = visitor
        .post(
            &format!("/services/{id}/report-a-problem"),
            &[
                ("kind", ""),
                ("details", ""),
                ("contact", "sam@example.org"),
            ],
        )
        .await;
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(answer.body.contains("There is a problem"));
    assert!(answer.body.contains("href=\"#kind\""));
    assert!(answer.body.contains("value=\"sam@example.org\""));
}

#[tokio::test]
async fn typed_details_that_close_the_textarea_come_back_as_text() {
    start().await;
    let id = server().third.clone();
    let mut visitor = Browser::new("198.51.100.42");
    let answer = visitor
        .post(
            &format!("/services/{id}/report-a-problem"),
            &[
                ("kind", ""),
                ("details", "a</textarea><zq1 x=y>"),
                ("contact", ""),
            ],
        )
        .await;
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(!answer.body.contains("<zq1"), "{}", answer.body);
    assert!(
        answer
            .body
            .contains("a&lt;/textarea&gt;&lt;zq1 x=y&gt;</textarea>")
    );
}

#[tokio::test]
async fn the_honeypot_and_the_hourly_limit_keep_spam_out() {
    start().await;
    let id = server().third.clone();
    let count = || {
        let council = server()
            .engine
            .accounts()
            .all()
            .unwrap()
            .into_iter()
            .find(|a| a.role.is_council())
            .unwrap();
        server()
            .engine
            .problem_reports(&council, false, 10_000)
            .unwrap()
            .unwrap()
            .len()
    };
    let mut bot = Browser::new("198.51.100.42");
    let before = count();
    let trapped = bot
        .post(
            &format!("/services/{id}/report-a-problem"),
            &[
                ("kind", "other"),
                ("details", "Buy now"),
                ("website", "http://spam.example"),
            ],
        )
        .await;
    assert_eq!(trapped.status, 303, "looks like success to the software");
    assert_eq!(count(), before, "but nothing is kept");

    let mut flood = Browser::new("198.51.100.43");
    let form = [("kind", "other"), ("details", "Again"), ("website", "")];
    let mut statuses = Vec::new();
    for _ in 0..=dayfinder::moderation::MAX_REPORTS_PER_CLIENT {
        statuses.push(
            flood
                .post(&format!("/services/{id}/report-a-problem"), &form)
                .await
                .status,
        );
    }
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    assert!(statuses[..statuses.len() - 1].iter().all(|s| *s == 303));
}

#[tokio::test]
async fn a_report_sent_from_another_site_is_refused() {
    start().await;
    let id = server().third.clone();
    let mut visitor = Browser::new("198.51.100.44");
    visitor.origin = Some("https://elsewhere.example".into());
    let answer = visitor
        .post(
            &format!("/services/{id}/report-a-problem"),
            &[("kind", "other"), ("details", "x")],
        )
        .await;
    assert_eq!(answer.status, 403);
}

#[tokio::test]
async fn a_providers_open_day_is_published_once_a_council_editor_approves_it() {
    start().await;
    let id = server().own.last().unwrap().clone();
    let mut provider = Browser::new("198.51.100.45");
    provider.sign_in(PROVIDER).await;
    let action = format!("/editor/services/{id}/events/new");
    let form = provider.get(&action).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let mut fields = form_fields(&form.body, &action);
    let next_year = (jiff::Zoned::now().year() + 1).to_string();
    for (name, value) in [
        ("title", "Spring open day"),
        ("kind", "open-day"),
        ("description", "Come and meet the team, with tea and cake."),
        ("date-day", "14"),
        ("date-month", "3"),
        ("date-year", next_year.as_str()),
        ("start", "10:00"),
        ("end", "12:00"),
    ] {
        fields.retain(|(k, _)| k != name);
        fields.push((name.to_string(), value.to_string()));
    }
    let sent = provider.post(&action, &pairs(&fields)).await;
    assert_eq!(sent.status, 303, "{}", sent.body);

    let mut council = Browser::new("198.51.100.46");
    council.sign_in(COUNCIL).await;
    let queue = council.get("/editor/changes").await;
    assert!(
        queue.body.contains("New event: Spring open day"),
        "{}",
        queue.body
    );
    let change = pending_change(&id, true);
    let page = council.get(&format!("/editor/changes/{change}")).await;
    assert!(page.body.contains("None (a new event)"), "{}", page.body);
    let approved = council
        .post(
            &format!("/editor/changes/{change}/approve"),
            &[("csrf", &page.csrf())],
        )
        .await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    let event = format!("spring-open-day-{next_year}-03-14");
    let public = council.get(&format!("/events/{event}")).await;
    assert_eq!(public.status, 200, "{}", public.body);
    assert!(public.body.contains("Spring open day"));
}

#[tokio::test]
async fn an_event_form_with_mistakes_comes_back_as_typed() {
    start().await;
    let id = service();
    let mut provider = Browser::new("198.51.100.47");
    let page = provider.sign_in(PROVIDER).await;
    let answer = provider
        .post(
            &format!("/editor/services/{id}/events/new"),
            &[
                ("csrf", &page.csrf()),
                ("title", "Taster"),
                ("date-day", "31"),
                ("date-month", "2"),
                ("date-year", "2030"),
                ("start", "25:00"),
            ],
        )
        .await;
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(answer.body.contains("href=\"#date-day\""));
    assert!(answer.body.contains("href=\"#start\""));
    assert!(answer.body.contains("value=\"Taster\""));
}

#[tokio::test]
async fn a_new_postcode_for_a_place_moves_it_once_approved_and_a_made_up_one_is_refused() {
    start().await;
    let id = server().own[1].clone();
    let listing = server().engine.listing(&id).unwrap().unwrap();
    let place = listing.location.expect("a listing with a place");
    // Another real postcode, from another place in the directory.
    let elsewhere = server()
        .engine
        .directory()
        .unwrap()
        .locations
        .into_iter()
        .find(|l| l.postcode != place.postcode && l.town != place.town)
        .unwrap();
    let mut provider = Browser::new("198.51.100.48");
    provider.sign_in(PROVIDER).await;
    let action = format!("/editor/places/{}/edit?from={id}", place.id);
    let form = provider.get(&action).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let mut fields = form_fields(&form.body, &action);
    set(&mut fields, "postcode", "ZZ9 9ZZ");
    let refused = provider.post(&action, &pairs(&fields)).await;
    assert_eq!(refused.status, 400);
    assert!(
        refused.body.contains("href=\"#postcode\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"ZZ9 9ZZ\""));

    set(&mut fields, "postcode", &elsewhere.postcode.to_lowercase());
    set(&mut fields, "town", &elsewhere.town);
    let sent = provider.post(&action, &pairs(&fields)).await;
    assert_eq!(sent.status, 303, "{}", sent.body);

    let council = server()
        .engine
        .accounts()
        .all()
        .unwrap()
        .into_iter()
        .find(|a| a.role.is_council())
        .unwrap();
    let change = server()
        .engine
        .proposals_for(
            &council,
            Some(dayfinder::moderation::ProposalStatus::Pending),
            500,
        )
        .unwrap()
        .into_iter()
        .find(|p| {
            p.change.subject() == "place"
                && p.change.record_id().as_deref() == Some(place.id.as_str())
        })
        .expect("the change waits")
        .id;
    let mut browser = Browser::new("198.51.100.49");
    browser.sign_in(COUNCIL).await;
    let page = browser.get(&format!("/editor/changes/{}", change.0)).await;
    assert!(
        page.body.contains("<th scope=\"row\">Postcode</th>"),
        "{}",
        page.body
    );
    let approved = browser
        .post(
            &format!("/editor/changes/{}/approve", change.0),
            &[("csrf", &page.csrf())],
        )
        .await;
    assert_eq!(approved.status, 303);
    let moved = server()
        .engine
        .listing(&id)
        .unwrap()
        .unwrap()
        .location
        .unwrap();
    assert_eq!(moved.postcode, elsewhere.postcode);
    assert!(
        (moved.latitude - place.latitude).abs() > 1e-6
            || (moved.longitude - place.longitude).abs() > 1e-6
    );
    // Search follows: the listing is now found in its new town.
    let found = server()
        .engine
        .search(&SearchQuery {
            towns: vec![elsewhere.town.clone()],
            per_page: 100,
            ..SearchQuery::default()
        })
        .unwrap();
    assert!(found.hits.iter().any(|h| h.id == id));
}

#[tokio::test]
async fn the_listing_form_reads_prices_and_phones_by_the_rules_imports_use() {
    start().await;
    let id = service();
    let mut provider = Browser::new("198.51.100.39");
    provider.sign_in(PROVIDER).await;
    let action = format!("/editor/services/{id}/edit");
    let form = provider.get(&action).await;
    let mut fields = form_fields(&form.body, &action);
    // What an Open Referral feed may send: one decimal place, an extension.
    set(&mut fields, "price", "12.5");
    set(&mut fields, "contact_phone", "01632 960123 ext 23");
    // A name one character too long keeps the form from being sent, so only its
    // messages show: the price and phone have none.
    set(&mut fields, "name", &"n".repeat(121));
    let sent = provider.post(&action, &pairs(&fields)).await;
    assert_eq!(sent.status, 400, "{}", sent.body);
    assert!(
        sent.body
            .contains("The service’s name must be 120 characters or fewer"),
        "{}",
        sent.body
    );
    assert!(!sent.body.contains("Enter the price per session"));
    assert!(!sent.body.contains("Enter a telephone number"));
}

#[tokio::test]
async fn every_table_on_the_audit_log_has_a_caption_of_its_own() {
    start().await;
    let mut council = Browser::new("198.51.100.38");
    council.sign_in(COUNCIL).await;
    let page = council.get("/editor/audit").await;
    assert_eq!(page.status, 200);
    let ids: Vec<&str> = page
        .body
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "an id shows twice: {ids:?}");
    assert!(page.body.contains("aria-labelledby=\"audit-caption\""));
}
