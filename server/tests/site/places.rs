//! `dayfinder places import`: postcodes from open data, run as a council would run it, then
//! the site resolving them (docs/places.md).

use crate::helpers::dayfinder;
use std::sync::Arc;

use dayfinder::Engine;
use dayfinder::profile::CouncilProfile;

use crate::helpers::{ANOTHER_COUNCIL, council_server};

const WARRINGTON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/places-wa.csv");
const PLACE_NAMES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../data/another-council/place-names.csv"
);

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The second council's site on the store in `data_dir` (with a synthetic directory if
/// asked), running in the background; its address.
fn borough_site(data_dir: &std::path::Path, synthetic: bool) -> String {
    let data_dir = data_dir.to_path_buf();
    std::thread::spawn(move || {
        let engine = Engine::open(&data_dir).expect("the engine opens");
        if synthetic {
            engine
                .import(&dayfinder::sample::synthetic(60, 7))
                .expect("the synthetic directory loads");
        }
        let profile = CouncilProfile::parse(ANOTHER_COUNCIL, "another-council.toml")
            .expect("the second council's profile is valid");
        let (runtime, address) =
            council_server(Arc::new(engine), Arc::new(profile), Default::default());
        // The server's runtime must outlive the test (see helpers::shared_server).
        Box::leak(Box::new(runtime));
        address
    })
    .join()
    .expect("the server starts")
}

/// The results page for `near`, as the site renders it.
async fn search_near(address: &str, near: &str) -> String {
    reqwest::get(format!("{address}/search?near={near}"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
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
    let address = borough_site(dir.path(), true);
    let page = |near: &'static str| search_near(&address, near);
    // Held exactly: the built-in table would have placed these by their outward codes.
    assert!(page("WA1+1AA").await.contains("near WA1 1AA"));
    assert!(page("wa110dn").await.contains("near WA11 0DN"));
    // Not in the import, but its outward code is: placed at the imported centroid.
    assert!(page("WA1+9ZZ").await.contains("near WA1<"));
    drop(dir);
}

#[tokio::test]
async fn a_places_import_with_names_reaches_the_running_site_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let address = borough_site(dir.path(), false);
    let page = |near: &'static str| search_near(&address, near);
    assert!(page("Appleton+Thorn").await.contains("could not find"));

    let dir_path = dir.path().to_path_buf();
    let out = tokio::task::spawn_blocking(move || {
        dayfinder(
            &dir_path,
            &["places", "import", WARRINGTON, "--names", PLACE_NAMES],
        )
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("place names inside the area"), "{stdout}");

    // The site follows the store every second: a few seconds at most.
    let mut found = false;
    for _ in 0..50 {
        if page("Appleton+Thorn").await.contains("near Appleton Thorn") {
            found = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(found, "the village of the imported names is searchable");
    assert!(page("WA1+1AA").await.contains("near WA1 1AA"));
    drop(dir);
}

#[test]
fn a_bad_names_file_is_refused_with_its_name_and_line_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("names.csv");
    std::fs::write(
        &bad,
        "place23nm,lat,long\nLymm,53.38,-2.47\nThelwall,north,-2.53\n",
    )
    .unwrap();
    let out = dayfinder(
        dir.path(),
        &[
            "places",
            "import",
            WARRINGTON,
            "--names",
            bad.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("names.csv: line 3: the latitude “north” is not a number"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let engine = Engine::open(dir.path()).unwrap();
    assert!(
        !engine.places().is_imported(),
        "the postcodes were not imported either"
    );

    let out = dayfinder(dir.path(), &["places", "names", PLACE_NAMES]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("import the area's postcodes first"),
        "{}",
        text(&out.stderr)
    );
}
