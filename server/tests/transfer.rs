//! Import and export from the command line, as a person runs them, and the directory's
//! downloads on the site.

#[allow(dead_code)]
#[path = "site/helpers.rs"]
mod helpers;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

fn dayfinder(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Another council's lunch club in Crewe, in Open Referral UK 3.0 JSON.
fn council_service(id: &str, name: &str, opens_at: &str) -> Value {
    json!({
        "id": id,
        "name": name,
        "description": "A friendly lunch club for older people, with a hot meal and a quiz.",
        "status": "active",
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
                "name": "Zephyr Hall",
                "latitude": 53.0987,
                "longitude": -2.4416,
                "addresses": [{
                    "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0004",
                    "address_1": "1 Market Street", "city": "Crewe", "state_province": "",
                    "postal_code": "CW1 2AB", "country": "GB", "address_type": "physical"
                }]
            }
        }],
        "schedules": [{
            "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0005",
            "freq": "WEEKLY", "byday": "WE", "opens_at": opens_at, "closes_at": "14:00"
        }],
        "attributes": [{
            "id": "5d3b1c0a-7b1e-4b4e-8f2b-0a7a1c9e0007",
            "taxonomy_term": { "id": "8f1e9c1a-0000-4000-8000-000000000001",
                               "name": "Older people", "taxonomy": "Council needs" }
        }]
    })
}

#[test]
fn a_councils_feed_imported_with_one_command_is_then_found_by_search() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("council.json");
    let page = json!({
        "total_items": 1, "total_pages": 1, "page_number": 1, "size": 1,
        "first_page": true, "last_page": true, "empty": false,
        "contents": [council_service("7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001", "Zephyr Wednesday Lunch Club", "11:30")]
    });
    std::fs::write(&feed, serde_json::to_vec(&page).unwrap()).unwrap();
    let data = dir.path().join("data");

    let out = dayfinder(&data, &["import", feed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("Imported 1 of 1 record: 1 new, 0 changed, 0 unchanged."),
        "{}",
        text(&out.stdout)
    );

    let out = dayfinder(&data, &["search", "zephyr lunch", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let hits: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits[0]["name"], "Zephyr Wednesday Lunch Club");
    assert_eq!(hits[0]["town"], "Crewe");

    let again = dayfinder(&data, &["import", feed.to_str().unwrap()]);
    assert!(
        text(&again.stdout).contains("0 new, 0 changed, 1 unchanged"),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn an_invalid_record_stops_the_import_and_is_explained_until_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("council.json");
    let services = json!([
        council_service(
            "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001",
            "Zephyr Wednesday Lunch Club",
            "11:30"
        ),
        council_service(
            "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0002",
            "Crewe Lunch Club",
            "25:00"
        ),
    ]);
    std::fs::write(&feed, serde_json::to_vec(&services).unwrap()).unwrap();
    let data = dir.path().join("data");
    let report = dir.path().join("report.json");

    let out = dayfinder(
        &data,
        &[
            "import",
            feed.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert!(
        said.contains(
            "Service 2 (“Crewe Lunch Club”): schedules[0].opens_at: “25:00” is not a time of day"
        ),
        "{said}"
    );
    assert!(said.contains("Nothing was imported"), "{said}");
    let written: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(written["refused"], true);
    assert_eq!(written["invalid"][0]["field"], "schedules[0].opens_at");
    assert_eq!(
        written["invalid"][0]["position"],
        json!({"kind": "service", "number": 2})
    );
    let out = dayfinder(&data, &["stats", "--json"]);
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        stats["services"].as_u64().unwrap() > 1,
        "nothing was written, so the sample is served"
    );

    let data = dir.path().join("data-2");
    let out = dayfinder(&data, &["import", feed.to_str().unwrap(), "--skip-invalid"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Skipped 1 invalid record."),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("Skipped, invalid:"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_export_imports_again_into_an_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("council.json");
    let services = json!([council_service(
        "7c9f1a52-1d1e-4c36-9a52-3f0b0b1a0001",
        "Zephyr Wednesday Lunch Club",
        "11:30"
    )]);
    std::fs::write(&feed, serde_json::to_vec(&services).unwrap()).unwrap();
    let first = dir.path().join("first");
    assert!(
        dayfinder(&first, &["import", feed.to_str().unwrap()])
            .status
            .success()
    );

    for format in ["json", "csv"] {
        let out = dayfinder(&first, &["export", "--format", format]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let exported = dir.path().join(format!("export.{format}"));
        std::fs::write(&exported, &out.stdout).unwrap();

        let second = dir.path().join(format!("second-{format}"));
        let out = dayfinder(&second, &["import", exported.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let out_file = dir.path().join(format!("again.{format}"));
        let out = dayfinder(
            &second,
            &[
                "export",
                "--format",
                format,
                "--out",
                out_file.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(
            std::fs::read(&out_file).unwrap(),
            std::fs::read(&exported).unwrap(),
            "{format}"
        );
    }
}

#[test]
fn a_file_too_large_to_import_is_refused_politely() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let out = dayfinder(
        &dir.path().join("data"),
        &["import", huge.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("more than the 25 MB Dayfinder imports at once"),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test]
async fn the_whole_directory_downloads_as_json() {
    let app = helpers::spawn_app().await;
    let page = app.get("/download/directory.json").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.headers["content-type"], "application/json");
    assert_eq!(
        page.headers["content-disposition"],
        "attachment; filename=\"cheshire-east-day-opportunities.json\""
    );
    let services: Vec<Value> = serde_json::from_str(&page.body).unwrap();
    assert_eq!(services.len(), 254);
    assert!(
        services
            .iter()
            .all(|s| s["status"] == "active" && s["organization"].is_object())
    );
}

#[tokio::test]
async fn the_whole_directory_downloads_as_csv() {
    let app = helpers::spawn_app().await;
    let page = app.get("/download/directory.csv").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        page.headers["content-disposition"],
        "attachment; filename=\"cheshire-east-day-opportunities.csv\""
    );
    assert!(
        page.body.starts_with("id,name,summary,description,"),
        "{}",
        &page.body[..80]
    );
    assert!(
        page.body
            .contains("\ncrewe-saturday-memory-club,Crewe Saturday Memory Club,")
    );
}
