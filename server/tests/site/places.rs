//! `dayfinder places import`: postcodes from open data, run as a council would run it, then
//! the site resolving them (docs/places.md).

use crate::helpers::dayfinder;
use std::sync::Arc;

use dayfinder::Engine;
use dayfinder::profile::CouncilProfile;

use crate::helpers::{ANOTHER_COUNCIL, council_server};

const WARRINGTON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/places-wa.csv");

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_bad_places_file_is_refused_with_its_line_and_the_last_import_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dayfinder(dir.path(), &["places", "import", WARRINGTON]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("Imported 262 postcodes"),
        "{}",
        text(&out.stdout)
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "pcds,lat,long\nWA1 1AA,53.3,-2.5\nWA1 1AB,north,-2.5\n",
    )
    .unwrap();
    let out = dayfinder(dir.path(), &["places", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("line 3: the latitude “north” is not a number"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "pcds,lat,long,doterm\nWA1 1AA,53.3,-2.5,201001\n").unwrap();
    let out = dayfinder(dir.path(), &["places", "import", empty.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no usable postcodes"),
        "{}",
        text(&out.stderr)
    );

    let engine = Engine::open(dir.path()).unwrap();
    assert_eq!(
        engine.places().postcode_count(),
        262,
        "the good import is kept"
    );
}

#[tokio::test]
async fn imported_warrington_postcodes_resolve_exactly_on_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dayfinder(dir.path(), &["places", "import", WARRINGTON]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let data_dir = dir.path().to_path_buf();
    let address = std::thread::spawn(move || {
        let engine = Engine::open(&data_dir).expect("the engine opens");
        engine
            .import(&dayfinder::sample::synthetic(60, 7))
            .expect("the synthetic directory loads");
        let profile = CouncilProfile::parse(ANOTHER_COUNCIL, "another-council.toml")
            .expect("the second council's profile is valid");
        let (runtime, address) =
            council_server(Arc::new(engine), Arc::new(profile), Default::default());
        // The server's runtime must outlive the test (see helpers::shared_server).
        Box::leak(Box::new(runtime));
        address
    })
    .join()
    .expect("the server starts");
    let client = reqwest::Client::new();
    let page = |near: &'static str| {
        let client = client.clone();
        let address = address.clone();
        async move {
            client
                .get(format!("{address}/search?near={near}"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    // Held exactly: the built-in table would have placed these by their outward codes.
    assert!(page("WA1+1AA").await.contains("near WA1 1AA"));
    assert!(page("wa110dn").await.contains("near WA11 0DN"));
    // Not in the import, but its outward code is: placed at the imported centroid.
    assert!(page("WA1+9ZZ").await.contains("near WA1<"));
    drop(dir);
}
