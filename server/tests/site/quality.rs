//! The council's reports: stale listings (page and CSV) and data quality, and providers
//! refused them.
//!
//! These talk to their own server, over a sample directory with known faults put in: one
//! listing last reviewed in 2020, one with no easy-read summary, and one entered twice.

use std::sync::{Arc, OnceLock};

use dayfinder::Engine;
use dayfinder::accounts::{NewAccount, Password, Role};
use dayfinder::engine::uk_today;
use dayfinder::quality::stale::is_stale;
use dayfinder_server::editor::SESSION_COOKIE;

const PASSWORD: &str = "plum tree river lantern";

struct QualityServer {
    address: String,
    engine: Arc<Engine>,
    /// Session cookies of a council editor and of a provider editor.
    council: String,
    provider: String,
    /// The listing last reviewed in 2020.
    oldest: String,
    /// The listing with no easy-read summary.
    no_easy_read: String,
    /// A listing and its copy at the same postcode.
    twins: (String, String),
}

fn server() -> &'static QualityServer {
    static SERVER: OnceLock<(tokio::runtime::Runtime, tempfile::TempDir, QualityServer)> =
        OnceLock::new();
    &SERVER
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let engine = Arc::new(Engine::open(dir.path()).expect("the engine opens"));
            let mut sample = dayfinder::sample::cheshire_east();
            let oldest = sample.services[0].id.clone();
            sample.services[0].last_reviewed = "2020-01-15".parse().unwrap();
            let no_easy_read = sample.services[1].id.clone();
            sample.services[1].easy_read.clear();
            let original = sample
                .services
                .iter()
                .skip(2)
                .find(|s| s.location_id.is_some())
                .expect("a listing in a building")
                .clone();
            let mut copy = original.clone();
            copy.id = format!("{}-copy", original.id);
            copy.name = original.name.to_uppercase();
            sample.services.push(copy.clone());
            engine.import(&sample).expect("the sample loads");

            let password = Password::parse(PASSWORD).expect("a good password");
            let now = jiff::Timestamp::now();
            let organisation = sample.organisations[0].id.clone();
            let cookie = |email: &str, role: Role| {
                engine
                    .add_editor(
                        &NewAccount::parse(email, "Test Editor", role).unwrap(),
                        &password,
                        now,
                    )
                    .expect("the editor is added");
                let signed_in = engine
                    .accounts()
                    .sign_in(email, PASSWORD, "quality-tests", now)
                    .expect("the editor signs in");
                format!("{SESSION_COOKIE}={}", signed_in.token.expose())
            };
            let council = cookie("council.quality@example.org", Role::Council);
            let provider = cookie(
                "provider.quality@example.org",
                Role::Provider {
                    organisation_id: organisation,
                },
            );

            let (runtime, address) = crate::helpers::own_server(engine.clone(), Default::default());
            (
                runtime,
                dir,
                QualityServer {
                    address,
                    engine,
                    council,
                    provider,
                    oldest,
                    no_easy_read,
                    twins: (original.id, copy.id),
                },
            )
        })
        .2
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// The server, started from a plain thread (it makes its own runtime, which cannot be
/// started from inside the test's).
async fn start() -> &'static QualityServer {
    tokio::task::spawn_blocking(|| {
        std::thread::spawn(server)
            .join()
            .expect("the server starts")
    })
    .await
    .expect("the server starts")
}

/// GET as whoever the cookie says (`None`: signed out).
async fn get(path: &str, cookie: Option<&str>) -> Answer {
    let address = &start().await.address;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client");
    let mut request = client.get(format!("{address}{path}"));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.expect("the request is answered");
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.text().await.expect("a body"),
    }
}

#[tokio::test]
async fn a_council_editor_sees_stale_listings_oldest_first_with_the_providers_contact() {
    let s = start().await;
    let page = get("/editor/stale", Some(&s.council)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.header("cache-control"), "no-store");
    assert_eq!(page.body.matches("<h1").count(), 1);
    assert!(page.body.contains("Stale listings"));
    let stale = s.engine.stale_listings(uk_today()).expect("the report");
    assert_eq!(
        stale[0].service_id, s.oldest,
        "the 2020 listing is the oldest"
    );
    // In the table, in the report's order, each with its provider's email.
    let mut from = 0;
    for row in &stale {
        let link = format!("href=\"/services/{}\"", row.service_id);
        let at = page.body[from..]
            .find(&link)
            .unwrap_or_else(|| panic!("{} is listed after the one before", row.service_id));
        from += at + link.len();
    }
    let oldest = &stale[0];
    if let Some(email) = &oldest.organisation_email {
        assert!(page.body.contains(&format!("mailto:{email}")));
    }
    assert!(page.body.contains("15 January 2020"));
    assert!(page.body.contains("href=\"/editor/stale.csv\""));
}

#[tokio::test]
async fn the_stale_listings_csv_has_one_row_per_stale_listing_oldest_first() {
    let s = start().await;
    let csv = get("/editor/stale.csv", Some(&s.council)).await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(csv.header("content-disposition").starts_with("attachment;"));
    let mut lines = csv.body.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("service_id,service_name,organisation_id"))
    );
    // Ids are plain (no commas or quotes), so each row's first field is its id.
    let ids: Vec<&str> = lines.map(|l| l.split(',').next().unwrap_or("")).collect();
    let directory = s.engine.directory().expect("the directory");
    let today = uk_today();
    let stale_count = directory
        .services
        .iter()
        .filter(|svc| is_stale(svc.last_reviewed, today))
        .count();
    assert_eq!(ids.len(), stale_count);
    assert_eq!(ids[0], s.oldest);
    let reviewed = |id: &str| {
        directory
            .services
            .iter()
            .find(|svc| svc.id == id)
            .expect("a listed service")
            .last_reviewed
    };
    assert!(ids.windows(2).all(|w| reviewed(w[0]) <= reviewed(w[1])));
}

#[tokio::test]
async fn the_data_quality_page_shows_missing_facts_and_likely_duplicates() {
    let s = start().await;
    let page = get("/editor/quality", Some(&s.council)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.body.matches("<h1").count(), 1);
    assert!(page.body.contains("No easy-read summary"));
    assert!(
        page.body
            .contains(&format!("href=\"/services/{}\"", s.no_easy_read))
    );
    let (original, copy) = &s.twins;
    let duplicates = &page.body[page.body.find("id=\"duplicates\"").expect("the section")..];
    assert!(duplicates.contains(&format!("/services/{original}\"")));
    assert!(duplicates.contains(&format!("/services/{copy}\"")));

    // Only the listings missing one fact, when asked.
    let only = get("/editor/quality?missing=no-easy-read", Some(&s.council)).await;
    assert_eq!(only.status, 200);
    let table = &only.body[only
        .body
        .find("id=\"missing-listings\"")
        .expect("the table")
        ..only
            .body
            .find("id=\"duplicates\"")
            .expect("the next section")];
    assert!(table.contains(&format!("/services/{}\"", s.no_easy_read)));
    let rows: Vec<&str> = table.split("<tr>").skip(2).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|row| row.contains("No easy-read summary")));
    // A fact we do not know is ignored, politely.
    let nonsense = get("/editor/quality?missing=%3Cscript%3E", Some(&s.council)).await;
    assert_eq!(nonsense.status, 200);
    assert!(!nonsense.body.contains("<script>"));
}

#[tokio::test]
async fn a_provider_editor_is_refused_the_councils_reports() {
    let s = start().await;
    for path in ["/editor/stale", "/editor/stale.csv", "/editor/quality"] {
        let refused = get(path, Some(&s.provider)).await;
        assert_eq!(refused.status, 403, "{path}");
        assert!(refused.body.contains("Only council editors"), "{path}");
        assert!(
            !refused.body.contains(&s.oldest),
            "{path} shows no listings"
        );
        let signed_out = get(path, None).await;
        assert_eq!(signed_out.status, 303, "{path}");
        assert_eq!(
            signed_out.header("location"),
            "/editor/sign-in",
            "{path} asks to sign in"
        );
    }
}

#[tokio::test]
async fn council_editors_find_the_reports_in_the_editor_bar_and_providers_do_not() {
    let s = start().await;
    let council = get("/editor", Some(&s.council)).await;
    assert!(council.body.contains("href=\"/editor/stale\""));
    assert!(council.body.contains("href=\"/editor/quality\""));
    let provider = get("/editor", Some(&s.provider)).await;
    assert_eq!(provider.status, 200);
    assert!(!provider.body.contains("href=\"/editor/stale\""));
    assert!(!provider.body.contains("href=\"/editor/quality\""));
}

#[tokio::test]
async fn anyone_sees_how_up_to_date_the_listings_are_by_town_and_kind() {
    let server = start().await;
    let engine = server.engine.clone();
    let report = tokio::task::spawn_blocking(move || engine.freshness(uk_today()))
        .await
        .unwrap()
        .expect("the figures");
    let page = get("/data-quality", None).await;
    assert_eq!(page.status, 200);
    let body = page.body.replace("<!>", "");
    assert!(body.contains("How up to date the listings are"));
    assert!(
        body.contains(&format!("of {} listings", report.all.listings)),
        "the whole directory is counted"
    );
    assert!(body.contains("role=\"img\""), "a chart");
    assert!(
        body.contains("Listings checked, by town") && body.contains("Listings checked, by kind")
    );
    let first_town = &report.by_town[0].group;
    assert!(body.contains(&format!("<th scope=\"row\">{first_town}</th>")));
    assert_eq!(
        report.all.never_by_provider, report.all.listings,
        "no provider has checked a listing on Dayfinder here yet"
    );
    let easy = get("/data-quality?view=easy", None).await;
    assert!(easy.body.contains("Are the facts up to date?"));
}
