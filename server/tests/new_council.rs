//! A second council standing up Dayfinder as `docs/new-council.md` tells it to, with the
//! real binary: its own profile on an empty store, its places imported while the site
//! runs, then its directory's feed followed from a real HTTP server on loopback.

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

// Shared by the tests that run the binary; each uses part of it.
#[allow(dead_code)]
#[path = "support/process.rs"]
mod process;
use process::{Site, dayfinder, succeeded};

fn example(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data/another-council")
        .join(file)
        .display()
        .to_string()
}

async fn page(site: &Site, path: &str) -> String {
    reqwest::get(format!("{}{path}", site.address))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The example's feed file, served over HTTP on a free loopback port for the test's life,
/// as the council's current directory would serve it; its address.
fn serve_feed() -> String {
    let feed = std::fs::read(example("services.json")).expect("the example's feed");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let app = axum::Router::new().route(
                "/services.json",
                axum::routing::get(move || {
                    let feed = feed.clone();
                    async move { ([("content-type", "application/json")], feed) }
                }),
            );
            axum::serve(listener, app).await.unwrap();
        });
    });
    format!("http://{}/services.json", rx.recv().unwrap())
}

/// Asks for `path` until its page holds `wanted` (the site follows changes made by the
/// command line within seconds); the page as it last was. The limit guards against a
/// hang, it does not measure speed.
async fn page_once_it_says(site: &Site, path: &str, wanted: &str) -> String {
    let mut body = String::new();
    for _ in 0..120 {
        body = page(site, path).await;
        if body.contains(wanted) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    body
}

#[tokio::test]
async fn a_new_councils_site_starts_empty_takes_its_places_while_running_then_follows_its_feed() {
    let dir = tempfile::tempdir().unwrap();
    let profile = example("profile.toml");
    let with_profile = |args: &[&str]| {
        let mut all = vec!["--profile", profile.as_str()];
        all.extend_from_slice(args);
        succeeded(&dayfinder(dir.path(), &all, ""))
    };
    let site = Site::start_with(dir.path(), &[OsStr::new("--profile"), OsStr::new(&profile)]);

    // An empty store stays empty: the sample council's listings are never mixed in.
    let home = page(&site, "/").await;
    assert!(home.contains("Mersey Vale"), "{home}");
    assert!(!home.contains("Cheshire East"), "{home}");
    assert!(
        home.contains("Invented listings at real Warrington places"),
        "the profile's data source is on every page: {home}"
    );
    let everything = page(&site, "/search?q=").await;
    assert!(!everything.contains("result__link"), "{everything}");
    assert!(!everything.contains("Crewe"), "{everything}");

    // Places, then the directory, from the command line while the site runs.
    with_profile(&[
        "places",
        "import",
        &example("postcodes.csv"),
        "--names",
        &example("place-names.csv"),
    ]);
    // (The title says "near Appleton Thorn" even when the place is not known.)
    let heading = r#"<h1 class="heading-l">Day opportunities near Appleton Thorn"#;
    let village = page_once_it_says(&site, "/search?near=Appleton+Thorn", heading).await;
    assert!(
        village.contains(heading),
        "a village of the place names is understood though no listing is there: {village}"
    );
    let guided = page(&site, "/guided-search/where").await;
    assert!(
        guided.contains(r#"value="Lymm""#),
        "the imported towns are the guided search's: {guided}"
    );
    drop(site);

    // The feed is followed, and read as the site starts (then every hour).
    let followed = with_profile(&["feeds", "add", &serve_feed(), "--every", "1h"]);
    assert!(followed.contains("Following feed 1"), "{followed}");
    let site = Site::start_with(dir.path(), &[OsStr::new("--profile"), OsStr::new(&profile)]);
    let lymm = page_once_it_says(
        &site,
        "/search?q=memory+club&near=Lymm",
        "Lymm Saturday Memory Club",
    )
    .await;
    assert!(lymm.contains("Lymm Saturday Memory Club"), "{lymm}");
    assert!(!lymm.contains("Cheshire East"), "{lymm}");
    let listing = page_once_it_says(&site, "/search?q=", "result__link").await;
    assert!(!listing.contains("Crewe"), "{listing}");
}
