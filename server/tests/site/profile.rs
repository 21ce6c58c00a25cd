//! The council profile: no council is named in the site's code, and a site run for another
//! council (an invented one) names that council everywhere and never the sample's.

use std::path::{Path, PathBuf};

use dayfinder::profile::CouncilProfile;

use crate::helpers::{ANOTHER_COUNCIL, spawn_app_for_another_council};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_council_is_named_in_the_code_of_the_site_or_the_server() {
    let sample = CouncilProfile::sample();
    let names = [
        sample.council.name.to_string(),
        sample.area.name.to_string(),
        sample.privacy.data_controller.to_string(),
        "Cheshire".to_string(),
    ]
    .map(|n| n.to_lowercase());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("../app/src"), &mut files);
    rust_files(&root.join("src"), &mut files);
    assert!(
        files.len() > 40,
        "the code was found: {} files",
        files.len()
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a readable source file");
        for (number, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            if let Some(name) = names.iter().find(|n| lower.contains(n.as_str())) {
                found.push(format!("{}:{}: “{name}”", file.display(), number + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a council is named in code; take it from the council profile instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_town_or_postcode_of_the_sample_is_written_in_what_the_site_shows() {
    let sample = CouncilProfile::sample();
    let mut words: Vec<String> = sample
        .area
        .towns
        .as_ref()
        .expect("the sample profile names its towns")
        .as_slice()
        .to_vec();
    words.push(sample.area.example_postcode());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("../app/src"), &mut files);
    rust_files(&root.join("src"), &mut files);
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a readable source file");
        // What pages show: not the tests (at the end of a file) and not the comments.
        let tests_at = text
            .match_indices("#[cfg(test)]")
            .find(|(at, attr)| {
                text[at + attr.len()..]
                    .trim_start()
                    .starts_with("mod tests")
            })
            .map_or(text.len(), |(at, _)| at);
        let shown = &text[..tests_at];
        for (number, line) in shown.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(word) = words.iter().find(|w| line.contains(w.as_str())) {
                found.push(format!("{}:{}: “{word}”", file.display(), number + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a town of the sample is written in code; take it from the profile or the places instead:\n{}",
        found.join("\n")
    );
}

/// The page at `path` for the other council: it answers, and never names the sample's.
async fn page_for_another_council(path: &str) -> String {
    let app = spawn_app_for_another_council().await;
    let page = app.get(path).await;
    assert_eq!(page.status, 200, "{path}");
    assert!(
        !page.body.to_lowercase().contains("cheshire"),
        "{path} names the sample's council:\n{}",
        page.body
    );
    page.body
}

#[tokio::test]
async fn the_home_page_names_the_council_of_the_profile() {
    let body = page_for_another_council("/").await;
    assert!(body.contains("<title>Find day opportunities in Mersey Vale – Dayfinder</title>"));
    assert!(body.contains("<h1 class=\"heading-xl\">Find day opportunities in Mersey Vale</h1>"));
    assert!(
        body.contains("Things to do in the day across Mersey Vale"),
        "the tagline"
    );
    assert!(body.contains("Mersey Vale Borough Council can do a care assessment"));
    assert!(body.contains(
        r#"<meta name="description" content="Day opportunities in Mersey Vale, for adults and their carers.">"#
    ));
    // What the browser reads when it takes the page over, so it renders the same names.
    assert!(body.contains(r#"data-council="Mersey Vale Borough Council""#));
    assert!(body.contains(r#"data-area="Mersey Vale""#));
}

#[tokio::test]
async fn the_forms_examples_and_the_guided_searchs_towns_are_the_areas_own() {
    let sample = CouncilProfile::sample();
    let sample_towns = sample.area.towns.as_ref().unwrap().as_slice().to_vec();
    for path in [
        "/",
        "/search?q=",
        "/guided-search/where",
        "/privacy",
        "/open-data",
        "/compare",
    ] {
        let body = page_for_another_council(path).await;
        for town in sample_towns.iter().chain([&sample.area.example_postcode()]) {
            assert!(
                !body.contains(town.as_str()),
                "{path} names the sample's {town}"
            );
        }
    }
    // No towns in the profile: the buttons are the towns with the most listings, the
    // first of them the forms' example, with the profile's example postcode.
    let guided = page_for_another_council("/guided-search/where").await;
    let towns: Vec<&str> = guided
        .split(r#"data-towns=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the towns are written on <html>")
        .lines()
        .collect();
    assert!(towns.contains(&"Lymm") && towns.len() <= 12, "{towns:?}");
    for town in &towns {
        assert!(
            guided.contains(&format!(r#"value="{town}""#)),
            "{town}: {guided}"
        );
    }
    let home = page_for_another_council("/").await;
    let example = format!("for example {} or WA13 0AA", towns[0]);
    assert!(home.contains(&example), "{home}");
    let privacy = page_for_another_council("/privacy").await;
    assert!(
        privacy.contains("for example “WA13”, never “WA13 0AA”"),
        "{privacy}"
    );
}

#[tokio::test]
async fn results_and_listings_name_the_area_of_the_profile() {
    let app = spawn_app_for_another_council().await;
    let results = app.get("/search?q=").await;
    assert_eq!(results.status, 200);
    assert!(
        results
            .body
            .contains("Things to do in the day across Mersey Vale")
    );
    assert!(!results.body.to_lowercase().contains("cheshire"));
    let listing = results
        .result_links()
        .into_iter()
        .next()
        .expect("the synthetic directory has results");
    let body = page_for_another_council(&listing).await;
    assert!(
        body.contains(r#""areaServed":{"@type":"AdministrativeArea","name":"Mersey Vale"}"#),
        "structured data: {body}"
    );
}

#[tokio::test]
async fn about_the_data_links_to_the_councils_website() {
    let body = page_for_another_council("/about-the-data").await;
    assert!(body.contains(
        r#"for <a href="https://www.merseyvale.example.gov.uk" class="link">Mersey Vale Borough Council</a>"#
    ), "{body}");
}

#[tokio::test]
async fn the_easy_read_home_page_names_the_area_of_the_profile() {
    let body = page_for_another_council("/?view=easy").await;
    assert!(body.contains("They are all in Mersey Vale."));
}

#[tokio::test]
async fn the_privacy_notice_names_the_data_controller_and_how_to_reach_them() {
    let body = page_for_another_council("/privacy").await;
    assert!(body.contains("To help Mersey Vale Borough Council plan day opportunities"));
    assert!(
        body.contains("Mersey Vale Borough Council, Data Protection Office is the data controller")
    );
    assert!(body.contains(r#"href="tel:01632960004""#));
    assert!(body.contains(r#"href="mailto:privacy@merseyvale.example.gov.uk""#));
    assert!(body.contains(r#"href="https://www.merseyvale.example.gov.uk/privacy""#));
}

#[tokio::test]
async fn the_accessibility_statement_gives_the_profiles_contact_and_audit_date() {
    let body = page_for_another_council("/accessibility").await;
    assert!(body.contains("last tested for accessibility on 14 March 2026"));
    assert!(body.contains("01632 960005"));
    assert!(body.contains(r#"href="https://www.merseyvale.example.gov.uk/accessibility""#));
}

#[tokio::test]
async fn the_glossary_and_preparing_for_adulthood_give_the_profiles_contact_routes() {
    let words = page_for_another_council("/words").await;
    assert!(words.contains("Phone Mersey Vale Borough Council on 01632 960001 to ask."));
    let adulthood = page_for_another_council("/preparing-for-adulthood").await;
    assert!(adulthood.contains("01632 960001"), "care assessment");
    assert!(adulthood.contains("01632 960002"), "carer’s assessment");
    assert!(adulthood.contains("01632 960003"), "adult social care");
    assert!(adulthood.contains(r#"href="mailto:care@merseyvale.example.gov.uk""#));
}

#[tokio::test]
async fn the_api_says_which_council_publishes_it_for_which_area() {
    let body = page_for_another_council("/api/v3/").await;
    let details: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let ours = &details["x_dayfinder"];
    assert_eq!(ours["publisher"], "Mersey Vale Borough Council");
    assert_eq!(ours["area"], "Mersey Vale");
    assert_eq!(ours["local_authority_code"], "E06000007");
    assert_eq!(ours["outward_codes"][0], "WA1");
}

#[tokio::test]
async fn downloads_are_named_after_the_area_of_the_profile() {
    let app = spawn_app_for_another_council().await;
    for (path, name) in [
        (
            "/download/directory.csv",
            "mersey-vale-day-opportunities.csv",
        ),
        (
            "/download/directory.json",
            "mersey-vale-day-opportunities.json",
        ),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200);
        assert_eq!(
            page.headers["content-disposition"],
            format!("attachment; filename=\"{name}\"").as_str()
        );
        assert!(!page.body.to_lowercase().contains("cheshire"));
    }
}

#[test]
fn the_command_line_refuses_a_broken_profile_naming_its_line_and_field() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("profile.toml");
    std::fs::write(
        &file,
        ANOTHER_COUNCIL.replace("phone = \"01632 960001\"", "phone = \"call us\""),
    )
    .expect("the file is written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(dir.path())
        .arg("stats")
        .env("DAYFINDER_PROFILE", &file)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = ANOTHER_COUNCIL
        .lines()
        .position(|l| l.contains("phone = \"01632 960001\""))
        .expect("the profile has the phone")
        + 1;
    assert!(
        stderr.contains(&format!(
            "profile.toml line {line}: `contacts.care_assessment.phone`: is not a phone number"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_command_line_uses_the_profile_it_is_given() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("profile.toml");
    std::fs::write(&file, ANOTHER_COUNCIL).expect("the file is written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["stats", "--profile"])
        .arg(&file)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("Day opportunities in Mersey Vale (Mersey Vale Borough Council)")
    );
}
