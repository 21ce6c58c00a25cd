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
