//! Hostile text never becomes markup: sent through every query parameter and path segment
//! of every page type, and stored in a listing, a provider, a place, an event and a problem
//! report, it comes back escaped everywhere, head and structured data included.

use std::sync::{Arc, OnceLock};

use dayfinder::Engine;
use dayfinder::accounts::{NewAccount, Password, Role};

use super::editor::{Browser, COUNCIL, PASSWORD};
use super::helpers::{TestApp, own_server, spawn_app};

/// Closes an attribute, a title and a script, then opens a tag of its own.
const HOSTILE: &str = "\"'></title></script></textarea><zq1 x=y>";

/// Whatever the page, these never appear: they would mean the text became markup.
fn assert_escaped(where_: &str, body: &str) {
    assert!(
        !body.contains("<zq1"),
        "{where_}: a tag got through:\n{}",
        around(body, "<zq1")
    );
    assert!(
        !body.contains("\"'>"),
        "{where_}: an attribute was closed:\n{}",
        around(body, "\"'>")
    );
}

fn around<'a>(body: &'a str, needle: &str) -> &'a str {
    let at = body.find(needle).unwrap_or(0);
    let from = body.floor_char_boundary(at.saturating_sub(200));
    let to = body.floor_char_boundary((at + 200).min(body.len()));
    &body[from..to]
}

fn encoded(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Every page type the site has, as a path.
fn pages(service: &str, event: &str) -> Vec<String> {
    [
        "/",
        "/search",
        "/about-the-data",
        "/accessibility",
        "/privacy",
        "/open-data",
        "/guided-search",
        "/guided-search/where",
        "/guided-search/days",
        "/words",
        "/my-list",
        "/my-list/shared",
        "/my-list/clear",
        "/my-list/print",
        "/compare",
        "/events",
        "/preparing-for-adulthood",
        "/editor/sign-in",
        "/editor/forgot-password",
        "/data-quality",
    ]
    .into_iter()
    .map(str::to_string)
    .chain([
        format!("/services/{service}"),
        format!("/services/{service}/report-a-problem"),
        format!("/services/{service}/report-a-problem/sent"),
        format!("/ask?service={service}"),
        format!("/claim?service={service}"),
        format!("/claim/prove/{}", "f".repeat(64)),
        format!("/enquiries/{}", "c".repeat(64)),
        format!("/review/{}", "d".repeat(64)),
        format!("/editor/reset-password/{}", "e".repeat(64)),
        format!("/events/{event}"),
    ])
    .collect()
}

/// Every query parameter any page or form reads.
const PARAMS: &[&str] = &[
    "q",
    "near",
    "within",
    "need",
    "kind",
    "tier",
    "town",
    "day",
    "time",
    "cost",
    "access",
    "vacancy",
    "age",
    "order",
    "page",
    "per_page",
    "back",
    "ids",
    "id",
    "who",
    "where",
    "days",
    "from",
    "to",
    "service",
    "organisation",
    "sent",
    "added",
    "return",
    "view",
    "done",
];

fn first_ids() -> (String, String) {
    let sample = dayfinder::sample::cheshire_east();
    let service = sample.services[0].id.clone();
    let event = sample.events[0].id.clone();
    (service, event)
}

async fn every_parameter_of(app: &TestApp, path: &str, extra: &str) {
    let hostile = encoded(HOSTILE);
    for param in PARAMS {
        let address = format!("{path}?{extra}{param}={hostile}");
        let page = app.get(&address).await;
        assert!(page.status < 500, "{address}: {}", page.status);
        assert_escaped(&address, &page.body);
    }
    // All at once, too: a page that reads several may echo them side by side.
    let all: Vec<String> = PARAMS.iter().map(|p| format!("{p}={hostile}")).collect();
    let address = format!("{path}?{extra}{}", all.join("&"));
    let page = app.get(&address).await;
    assert!(page.status < 500, "{address}: {}", page.status);
    assert_escaped(&address, &page.body);
}

#[tokio::test]
async fn hostile_text_in_any_parameter_of_any_page_comes_back_escaped() {
    let app = spawn_app().await;
    let (service, event) = first_ids();
    for path in pages(&service, &event) {
        every_parameter_of(&app, &path, "").await;
        every_parameter_of(&app, &path, "view=easy&").await;
    }
}

#[tokio::test]
async fn hostile_text_in_a_results_title_is_escaped_in_the_head() {
    let app = spawn_app().await;
    let page = app
        .get("/search?q=%3C/title%3E%3Cimg%20src=x%20onerror=alert(1)%3E&near=%3C/title%3E%3Cb%3E")
        .await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<img src=x"), "{}", page.title());
    assert!(!page.body.contains("</title><b>"), "{}", page.title());
    assert!(
        page.title().contains("&lt;/title&gt;&lt;img src=x"),
        "{}",
        page.title()
    );
}

#[tokio::test]
async fn hostile_text_in_any_path_segment_comes_back_escaped() {
    let app = spawn_app().await;
    let hostile = encoded(HOSTILE).replace('+', "%20");
    for path in [
        format!("/services/{hostile}"),
        format!("/services/{hostile}/report-a-problem"),
        format!("/events/{hostile}"),
        format!("/events/{hostile}.ics"),
        format!("/{hostile}"),
        format!("/view/{hostile}"),
        format!("/editor/services/{hostile}/edit"),
        format!("/api/v3/services/{hostile}"),
        format!("/api/v3/organizations/{hostile}"),
        format!("/api/v3/{hostile}"),
    ] {
        for view in ["", "?view=easy"] {
            let address = format!("{path}{view}");
            let page = app.get(&address).await;
            assert!(page.status < 500, "{address}: {}", page.status);
            assert_escaped(&address, &page.body);
        }
    }
}

#[tokio::test]
async fn the_api_answers_hostile_parameters_with_json_never_html() {
    let app = spawn_app().await;
    let hostile = encoded(HOSTILE);
    for param in [
        "text",
        "postcode",
        "proximity",
        "taxonomy_term_id",
        "page",
        "per_page",
        "sort_by",
        "organization_id",
        "modified_after",
        "full",
    ] {
        for path in [
            "/api/v3/services",
            "/api/v3/organizations",
            "/api/v3/taxonomy_terms",
        ] {
            let address = format!("{path}?{param}={hostile}");
            let page = app.get(&address).await;
            assert!(page.status < 500, "{address}: {}", page.status);
            let kind = page.headers["content-type"].to_str().unwrap_or("");
            assert!(kind.starts_with("application/json"), "{address}: {kind}");
            assert!(
                serde_json::from_str::<serde_json::Value>(&page.body).is_ok(),
                "{address}"
            );
        }
    }
}

/// A server whose directory holds hostile text in every field people read, and a council
/// editor to read the editor's pages.
fn hostile_server() -> &'static (tokio::runtime::Runtime, tempfile::TempDir, String) {
    static SERVER: OnceLock<(tokio::runtime::Runtime, tempfile::TempDir, String)> = OnceLock::new();
    SERVER.get_or_init(|| {
        std::thread::spawn(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let engine = Arc::new(Engine::open(dir.path()).expect("the engine opens"));
            let mut directory = dayfinder::sample::cheshire_east();
            let service = &mut directory.services[0];
            service.name = format!("Club {HOSTILE}");
            service.summary = format!("A summary {HOSTILE}");
            service.description = format!("A description {HOSTILE}");
            service.easy_read = format!("Easy read {HOSTILE}");
            service.schedule_notes = format!("Notes {HOSTILE}");
            service.cost.notes = format!("Cost {HOSTILE}");
            service.eligibility.notes = format!("Who {HOSTILE}");
            service.contact.name = Some(format!("Sam {HOSTILE}"));
            let (org, place) = (service.organisation_id.clone(), service.location_id.clone());
            for o in directory.organisations.iter_mut().filter(|o| o.id == org) {
                o.name = format!("Provider {HOSTILE}");
                o.description = format!("About {HOSTILE}");
            }
            for l in directory
                .locations
                .iter_mut()
                .filter(|l| Some(&l.id) == place.as_ref())
            {
                l.name = format!("Hall {HOSTILE}");
                l.address = format!("1 Street {HOSTILE}");
                l.access_notes = format!("Access {HOSTILE}");
            }
            if let Some(event) = directory.events.first_mut() {
                event.title = format!("Open day {HOSTILE}");
                event.description = format!("Come {HOSTILE}");
            }
            engine
                .import(&directory)
                .expect("hostile text is stored as text");
            engine
                .add_editor(
                    &NewAccount::parse(COUNCIL, "Chris Council", Role::Council)
                        .expect("an account"),
                    &Password::parse(PASSWORD).expect("a good password"),
                    jiff::Timestamp::now(),
                )
                .expect("the council editor is added");
            let (runtime, address) = own_server(engine, Default::default());
            (runtime, dir, address)
        })
        .join()
        .expect("the hostile server starts")
    })
}

#[tokio::test]
async fn hostile_stored_text_is_escaped_on_every_page_and_in_structured_data() {
    let address = tokio::task::spawn_blocking(|| hostile_server().2.clone())
        .await
        .expect("the server starts");
    let sample = dayfinder::sample::cheshire_east();
    let service = sample.services[0].id.clone();
    let event = sample.events[0].id.clone();
    let mut browser = Browser::on(&address, "203.0.113.77");
    // A problem report with hostile text, for the council's list of problems.
    let details = format!("The phone number is wrong {HOSTILE}");
    let sent = browser
        .post(
            &format!("/services/{service}/report-a-problem"),
            &[
                ("kind", "wrong-details"),
                ("details", details.as_str()),
                ("contact", HOSTILE),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let mut public = vec![
        "/search?q=club".to_string(),
        "/search?q=club&view=easy".to_string(),
        format!("/services/{service}"),
        format!("/services/{service}?view=easy"),
        format!("/compare?ids={service}"),
        format!("/my-list/shared?ids={service}"),
        format!("/my-list/print?ids={service}"),
        format!("/my-list/print?ids={service}&view=easy"),
        "/events".to_string(),
        format!("/events/{event}"),
    ];
    public.extend(pages(&service, &event));
    for path in &public {
        let page = browser.get(path).await;
        assert!(page.status < 500, "{path}: {}", page.status);
        assert_escaped(path, &page.body);
    }
    // The CSV holds the text as it is, but is never read as a page.
    let csv = browser.get("/download/directory.csv").await;
    let kind = csv.headers["content-type"].to_str().unwrap_or("");
    assert!(kind.starts_with("text/csv"), "{kind}");
    assert_eq!(csv.headers["x-content-type-options"], "nosniff");
    // The listing's structured data holds the text, escaped for a script element.
    // (A browser of its own: the other has chosen easy read, which has no structured data.)
    let listing = Browser::on(&address, "203.0.113.78")
        .get(&format!("/services/{service}"))
        .await;
    assert!(listing.body.contains("application/ld+json"));
    assert!(!listing.body.contains("</script></textarea>"));
    let editor_pages = [
        "/editor".to_string(),
        "/editor/vacancies".to_string(),
        format!("/editor/services/{service}/edit"),
        format!("/editor/services/{service}/events/new"),
        format!("/editor/events/{event}/edit"),
        format!(
            "/editor/providers/{}/edit",
            sample.services[0].organisation_id
        ),
        "/editor/changes".to_string(),
        "/editor/problems".to_string(),
        "/editor/audit".to_string(),
        "/editor/stale".to_string(),
        "/editor/quality".to_string(),
        "/editor/insight".to_string(),
        "/editor/insight/supply".to_string(),
        "/editor/accounts".to_string(),
    ];
    browser.sign_in(COUNCIL).await;
    for path in &editor_pages {
        let page = browser.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_escaped(path, &page.body);
    }
    for path in [
        "/api/v3/services?text=club",
        &format!("/api/v3/services/{service}"),
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let kind = page.headers["content-type"].to_str().unwrap_or("");
        assert!(kind.starts_with("application/json"), "{path}: {kind}");
    }
}
