//! Another directory's Open Referral UK feed, served by a real HTTP server on loopback:
//! `dayfinder feeds run URL` pulls it page by page and imports it all or nothing;
//! `feeds add URL --every 1h` follows it, and the server pulls it when it is due.

use crate::helpers::dayfinder;
use std::net::SocketAddr;
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// How the feed behaves.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    /// Two good pages: two services, then one.
    Good,
    /// Takes far longer than the reader waits.
    Slow,
    /// Answers 500.
    Broken,
    /// Answers something that is not JSON.
    NotJson,
    /// The first page is good; the second answers 500.
    SecondPageFails,
    /// The craft circle has gone: the second page is empty and the last.
    CraftCircleGone,
}

type Shared = Arc<Mutex<Mode>>;

const IDS: [&str; 3] = [
    "f1000000-0000-4000-8000-000000000001",
    "f1000000-0000-4000-8000-000000000002",
    "f1000000-0000-4000-8000-000000000003",
];

async fn services(
    State(mode): State<Shared>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Response {
    let mode = *mode.lock().unwrap();
    let number: usize = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
    match (mode, number) {
        (Mode::Slow, _) => {
            tokio::time::sleep(Duration::from_secs(60)).await;
            return StatusCode::OK.into_response();
        }
        (Mode::Broken, _) | (Mode::SecondPageFails, 2) => {
            return (StatusCode::INTERNAL_SERVER_ERROR, "oops").into_response();
        }
        (Mode::NotJson, _) => return "<html>maintenance</html>".into_response(),
        _ => {}
    }
    let contents: Vec<Value> = match number {
        1 => vec![
            foreign_service(IDS[0], "Quokka Lunch Club"),
            foreign_service(IDS[1], "Quokka Walking Group"),
        ],
        2 if mode == Mode::CraftCircleGone => vec![],
        2 => vec![foreign_service(IDS[2], "Quokka Craft Circle")],
        _ => vec![],
    };
    axum::Json(json!({
        "total_items": 3, "total_pages": 2, "page_number": number, "size": contents.len(),
        "first_page": number == 1, "last_page": number == 2, "empty": contents.is_empty(),
        "contents": contents
    }))
    .into_response()
}

/// A feed on a free loopback port, in a thread of its own for the test's life.
fn serve(mode: Mode) -> (String, Shared) {
    let shared = Arc::new(Mutex::new(mode));
    let state = shared.clone();
    let (tx, rx) = std::sync::mpsc::channel::<SocketAddr>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let app = axum::Router::new()
                .route("/api/v3/services", axum::routing::get(services))
                .with_state(state);
            axum::serve(listener, app).await.unwrap();
        });
    });
    let addr = rx.recv().unwrap();
    (format!("http://{addr}/api/v3/services?full=true"), shared)
}

/// The names of the directory's services that a search for "Quokka" finds.
fn quokkas(data_dir: &std::path::Path) -> Vec<String> {
    let out = dayfinder(data_dir, &["search", "Quokka", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut names: Vec<String> = hits
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_string())
        .filter(|n| n.starts_with("Quokka"))
        .collect();
    names.sort();
    names
}

fn refused_with(out: &Output, words: &str) {
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the run should fail");
    assert!(said.contains("Nothing changed"), "{said}");
    assert!(said.contains(words), "“{words}” in {said}");
}

#[test]
fn a_good_two_page_feed_is_imported_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _) = serve(Mode::Good);
    let out = dayfinder(dir.path(), &["feeds", "run", &url]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        quokkas(dir.path()),
        [
            "Quokka Craft Circle",
            "Quokka Lunch Club",
            "Quokka Walking Group"
        ]
    );
    // Pulled again, nothing is added twice.
    let again = dayfinder(dir.path(), &["feeds", "run", &url]);
    assert!(again.status.success());
    assert_eq!(quokkas(dir.path()).len(), 3);
}

#[test]
fn a_slow_feed_times_out_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _) = serve(Mode::Slow);
    let out = dayfinder(dir.path(), &["feeds", "run", &url, "--timeout", "1"]);
    refused_with(&out, "did not arrive within 1 seconds");
    assert!(quokkas(dir.path()).is_empty());
}

#[test]
fn a_broken_feed_changes_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let (url, mode) = serve(Mode::Good);
    assert!(
        dayfinder(dir.path(), &["feeds", "run", &url])
            .status
            .success()
    );
    *mode.lock().unwrap() = Mode::Broken;
    refused_with(&dayfinder(dir.path(), &["feeds", "run", &url]), "HTTP 500");
    *mode.lock().unwrap() = Mode::NotJson;
    refused_with(
        &dayfinder(dir.path(), &["feeds", "run", &url]),
        "not valid JSON",
    );
    // The last good data stays.
    assert_eq!(quokkas(dir.path()).len(), 3);
}

#[test]
fn a_feed_whose_second_page_fails_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _) = serve(Mode::SecondPageFails);
    refused_with(&dayfinder(dir.path(), &["feeds", "run", &url]), "page 2");
    assert!(quokkas(dir.path()).is_empty());
}

#[test]
fn a_feed_address_that_is_not_http_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dayfinder(dir.path(), &["feeds", "run", "file:///etc/passwd"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an http:// or https:// address"));
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

/// The store in `dir`, opened as the server opens it.
fn engine_in(dir: &std::path::Path) -> Arc<dayfinder::Engine> {
    Arc::new(dayfinder::Engine::open(dir).expect("the store opens"))
}

fn said(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_followed_feed_is_pulled_when_due_and_a_failed_pull_keeps_the_last_good_data() {
    let dir = tempfile::tempdir().unwrap();
    let (url, mode) = serve(Mode::Good);
    let added = said(&dayfinder(
        dir.path(),
        &["feeds", "add", &url, "--every", "6h"],
    ));
    assert!(added.contains("Following feed 1"), "{added}");
    assert!(added.contains("every 6 hours"), "{added}");
    assert!(said(&dayfinder(dir.path(), &["feeds", "list"])).contains("not pulled yet"));

    // The server's check: the new feed is due, is pulled whole, and is then not due again.
    let engine = engine_in(dir.path());
    let limits = dayfinder_server::feeds::Limits::default();
    let runs = dayfinder_server::feeds::run_due(&engine, &limits).await;
    assert_eq!(runs.len(), 1);
    assert!(runs[0].1.ok, "{:?}", runs[0].1);
    assert!(
        dayfinder_server::feeds::run_due(&engine, &limits)
            .await
            .is_empty()
    );
    drop(engine);
    assert_eq!(quokkas(dir.path()).len(), 3);
    let listed = said(&dayfinder(dir.path(), &["feeds", "list"]));
    assert!(
        listed.contains("every 6 hours") && listed.contains("last pulled"),
        "{listed}"
    );

    // The feed breaks: nothing changes, and the reason is kept for the editors.
    *mode.lock().unwrap() = Mode::SecondPageFails;
    let engine = engine_in(dir.path());
    assert!(engine.feeds().make_feed_due(runs[0].0).unwrap());
    let failed = dayfinder_server::feeds::run_due(&engine, &limits).await;
    assert_eq!(failed.len(), 1);
    assert!(!failed[0].1.ok);
    assert!(failed[0].1.message.contains("page 2"), "{:?}", failed[0].1);
    drop(engine);
    assert_eq!(quokkas(dir.path()).len(), 3, "the last good data stays");
    let listed = said(&dayfinder(dir.path(), &["feeds", "list"]));
    assert!(
        listed.contains("last pull failed") && listed.contains("nothing changed"),
        "{listed}"
    );
}

#[test]
fn following_a_feed_refuses_bad_addresses_schedules_and_doubles_politely() {
    let dir = tempfile::tempdir().unwrap();
    let url = "http://127.0.0.1:9/api/v3/services";
    let refused = |args: &[&str], words: &str| {
        let out = dayfinder(dir.path(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should be refused");
        assert!(err.contains(words), "“{words}” in {err}");
        assert!(!err.contains("panicked"), "{err}");
    };
    refused(
        &["feeds", "add", "ftp://example.org/feed"],
        "is not an http",
    );
    refused(
        &["feeds", "add", url, "--every", "1s"],
        "at most every 5 minutes",
    );
    refused(
        &["feeds", "add", url, "--every", "often"],
        "is not a length of time",
    );
    said(&dayfinder(dir.path(), &["feeds", "add", url]));
    refused(&["feeds", "add", url], "followed already");
    refused(&["feeds", "remove", "42"], "No feed 42");
    assert!(said(&dayfinder(dir.path(), &["feeds", "remove", "1"])).contains("Stopped following"));
    assert!(said(&dayfinder(dir.path(), &["feeds", "list"])).contains("No feeds are followed"));
}

type FeedSite = (
    tokio::runtime::Runtime,
    tempfile::TempDir,
    Arc<dayfinder::Engine>,
    String,
);

/// A site of its own for test `which` (the sample directory, one council editor), whose
/// engine the test pulls feeds into as the server's schedule would: pages show each pull
/// at once. One each, as the tests' feeds hold the same services.
fn feed_site(which: usize) -> &'static FeedSite {
    static SITES: [std::sync::OnceLock<FeedSite>; 2] =
        [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    SITES[which].get_or_init(|| {
        use dayfinder::accounts::{NewAccount, Password, Role};
        let dir = tempfile::tempdir().unwrap();
        let engine = engine_in(dir.path());
        engine.import(&dayfinder::sample::cheshire_east()).unwrap();
        engine
            .add_editor(
                &NewAccount::parse(crate::editor::COUNCIL, "Chris Council", Role::Council).unwrap(),
                &Password::parse(crate::editor::PASSWORD).unwrap(),
                jiff::Timestamp::now(),
            )
            .unwrap();
        let (runtime, address) = crate::helpers::own_server(engine.clone(), Default::default());
        (runtime, dir, engine, address)
    })
}

async fn started_feed_site(which: usize) -> (Arc<dayfinder::Engine>, String) {
    tokio::task::spawn_blocking(move || {
        let (_, _, engine, address) = feed_site(which);
        (engine.clone(), address.clone())
    })
    .await
    .unwrap()
}

/// Our id of the service the feed calls `name`.
fn id_of(engine: &dayfinder::Engine, name: &str) -> String {
    engine
        .directory()
        .unwrap()
        .services
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.id.clone())
        .unwrap_or_else(|| panic!("{name} is in the directory"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listing_the_feed_drops_is_withdrawn_says_so_and_comes_back_when_restored() {
    let (engine, site) = started_feed_site(0).await;
    let (url, mode) = serve(Mode::Good);
    let feed = dayfinder_server::feeds::feed_url(&url).unwrap();
    let limits = dayfinder_server::feeds::Limits::default();
    let pull = || dayfinder_server::feeds::pull(&engine, &feed, &limits);
    pull().await.unwrap();
    let craft = id_of(&engine, "Quokka Craft Circle");
    let host = feed.host_str().unwrap().to_string();
    let port = feed.port().unwrap();
    let client = reqwest::Client::new();
    let page = |path: String, easy: bool| {
        let request = client.get(format!("{site}{path}"));
        let request = if easy {
            request.header("cookie", "view=easy")
        } else {
            request
        };
        async move {
            let response = request.send().await.unwrap();
            (
                response.status().as_u16(),
                response.text().await.unwrap().replace("<!>", ""),
            )
        }
    };

    // Its page says where it came from and when it was last read.
    let (status, body) = page(format!("/services/{craft}"), false).await;
    assert_eq!(status, 200);
    let today = dayfinder::outbox::long_date(dayfinder::engine::uk_today());
    assert!(
        body.contains(&format!(
            "This listing comes from the directory at {host}:{port}. We last read it on {today}."
        )),
        "{body}"
    );
    let (_, easy) = page(format!("/services/{craft}"), true).await;
    assert!(
        easy.contains(&format!("This comes from another website: {host}:{port}.")),
        "{easy}"
    );

    // The feed stops listing it: withdrawn, not deleted, and its page says so with a 410.
    *mode.lock().unwrap() = Mode::CraftCircleGone;
    let report = pull().await.unwrap();
    assert_eq!((report.withdrawn, report.restored), (1, 0));
    assert!(
        report
            .summary()
            .contains("Withdrew 1 listing that the feed no longer lists"),
        "{}",
        report.summary()
    );
    assert!(engine.listing(&craft).unwrap().is_none());
    let (status, body) = page(format!("/services/{craft}"), false).await;
    assert_eq!(status, 410, "{body}");
    assert!(
        body.contains("Quokka Craft Circle has been withdrawn"),
        "{body}"
    );
    assert!(
        body.contains(&format!("the directory at {host}:{port}")),
        "{body}"
    );
    let (status, easy) = page(format!("/services/{craft}"), true).await;
    assert_eq!(status, 410);
    assert!(
        easy.contains("Quokka Craft Circle is not on Dayfinder now"),
        "{easy}"
    );
    for sentence in [
        "We took it off on 7 December 2026.",
        "The website it came from does not show it now: directory.example.gov.uk.",
        "It may have closed or moved.",
        "This comes from another website: directory.example.gov.uk.",
        "We looked at it on 7 December 2026.",
    ] {
        let advice = dayfinder::easyread::check(sentence).advice;
        assert!(advice.is_empty(), "{sentence}: {advice:?}");
    }
    let (_, results) = page("/search?q=Quokka".into(), false).await;
    assert!(
        !results.contains("Quokka Craft Circle"),
        "not found by search"
    );
    assert!(results.contains("Quokka Lunch Club"));
    let (status, _) = page(format!("/api/v3/services/{craft}"), false).await;
    assert_eq!(status, 404, "nor by the API");

    // It comes back when the feed lists it again.
    *mode.lock().unwrap() = Mode::Good;
    let report = pull().await.unwrap();
    assert_eq!((report.withdrawn, report.restored, report.added), (0, 1, 0));
    let (status, _) = page(format!("/services/{craft}"), false).await;
    assert_eq!(status, 200);
    // A listing from elsewhere says nothing of feeds.
    let own = dayfinder::sample::cheshire_east().services[0].id.clone();
    let (_, body) = page(format!("/services/{own}"), false).await;
    assert!(!body.contains("comes from the directory at"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn council_editors_follow_read_and_stop_feeds_from_their_page() {
    let (engine, site) = started_feed_site(1).await;
    let (url, _) = serve(Mode::Good);
    let mut browser = crate::editor::Browser::on(&site, "203.0.113.60");
    browser.sign_in(crate::editor::COUNCIL).await;
    let page = browser.get("/editor/feeds").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains("<title>Feeds we follow – Dayfinder editors</title>"),
        "{}",
        page.body
    );
    let csrf = page.csrf();

    // Bad addresses and schedules are refused politely, with what was typed kept.
    let refused = browser
        .post(
            "/editor/feeds",
            &[("csrf", &csrf), ("url", "ftp://x/<b>"), ("every", "1s")],
        )
        .await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("Error: Feeds we follow"));
    assert!(
        refused.body.contains("with http:// or https://"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("At most every 5 minutes")
            || refused.body.contains("at most every 5 minutes"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("ftp://x/&lt;b&gt;"),
        "escaped and kept: {}",
        refused.body
    );

    // Follow it: read at once, in the background.
    let followed = browser
        .post(
            "/editor/feeds",
            &[("csrf", &csrf), ("url", &url), ("every", "6h")],
        )
        .await;
    assert_eq!(followed.status, 303, "{}", followed.body);
    assert_eq!(followed.location(), "/editor/feeds?done=following");
    let mut listed = String::new();
    for _ in 0..100 {
        listed = browser.get("/editor/feeds").await.body;
        if listed.contains("Imported 3 of 3") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(listed.contains("Imported 3 of 3"), "{listed}");
    assert!(listed.contains("every 6 hours"));
    let again = browser
        .post(
            "/editor/feeds",
            &[("csrf", &csrf), ("url", &url), ("every", "1h")],
        )
        .await;
    assert_eq!(again.status, 400);
    assert!(again.body.contains("follows this feed already"));

    // "Read it now" and "Stop following".
    let id = engine
        .feeds()
        .feeds()
        .unwrap()
        .into_iter()
        .find(|f| f.url == dayfinder_server::feeds::feed_url(&url).unwrap().as_str())
        .unwrap()
        .id
        .0;
    let run = browser
        .post(&format!("/editor/feeds/{id}/run"), &[("csrf", &csrf)])
        .await;
    assert_eq!(run.location(), "/editor/feeds?done=reading");
    let stopped = browser
        .post(&format!("/editor/feeds/{id}/stop"), &[("csrf", &csrf)])
        .await;
    assert_eq!(stopped.location(), "/editor/feeds?done=stopped");
    let missing = browser
        .post(&format!("/editor/feeds/{id}/run"), &[("csrf", &csrf)])
        .await;
    assert_eq!(missing.status, 404);
    let nonsense = browser
        .post("/editor/feeds/nonsense/stop", &[("csrf", &csrf)])
        .await;
    assert_eq!(nonsense.status, 404);
    // Without the form's token nothing happens.
    let forged = browser
        .post("/editor/feeds", &[("url", &url), ("every", "1h")])
        .await;
    assert!(
        forged.status >= 400 && forged.status < 500,
        "{}",
        forged.status
    );
}
