//! Insight for commissioners over HTTP: searches on the site are counted without keeping
//! anything personal, and council editors (only) see and download the reports.
//!
//! These tests count searches, so they talk to their own server, whose engine they use to
//! add the editors, write the counts out, and find the store's files.

use std::sync::{Arc, OnceLock};

use dayfinder::Engine;
use dayfinder::accounts::{Account, NewAccount, Password, Role};
use dayfinder::engine::uk_today;
use dayfinder::insight::Period;

const PASSWORD: &str = "plum tree river lantern";
const COUNCIL: &str = "council.insight@example.org";
const PROVIDER: &str = "provider.insight@example.org";

/// A full postcode we hold, found in no listing of the sample (checked below).
const POSTCODE: &str = "CW11 3AB";
/// Words about a person that must never be kept.
const PERSONAL: [&str; 3] = ["zebedee", "quaxworth", "gastroparesis"];

struct InsightServer {
    address: String,
    engine: Arc<Engine>,
    council: Account,
    _dir: tempfile::TempDir,
}

fn server() -> &'static InsightServer {
    static SERVER: OnceLock<(tokio::runtime::Runtime, InsightServer)> = OnceLock::new();
    &SERVER
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let engine = Arc::new(Engine::open(dir.path()).expect("the engine opens"));
            let sample = dayfinder::sample::cheshire_east();
            engine.import(&sample).expect("the sample loads");
            let organisation = sample.organisations[0].id.clone();
            let password = Password::parse(PASSWORD).expect("a good password");
            let now = jiff::Timestamp::now();
            let mut accounts = Vec::new();
            for (email, name, role) in [
                (COUNCIL, "Cam Commissioner", Role::Council),
                (
                    PROVIDER,
                    "Pip Provider",
                    Role::Provider {
                        organisation_id: organisation,
                    },
                ),
            ] {
                accounts.push(
                    engine
                        .add_editor(
                            &NewAccount::parse(email, name, role).unwrap(),
                            &password,
                            now,
                        )
                        .expect("the editor is added"),
                );
            }
            let (runtime, address) = crate::helpers::own_server(engine.clone(), Default::default());
            (
                runtime,
                InsightServer {
                    address,
                    engine,
                    council: accounts.swap_remove(0),
                    _dir: dir,
                },
            )
        })
        .1
}

async fn start() -> &'static InsightServer {
    tokio::task::spawn_blocking(|| {
        std::thread::spawn(|| {
            server();
        })
        .join()
        .expect("the insight server starts")
    })
    .await
    .expect("the insight server starts");
    server()
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

/// One browser: its cookies and the client address it seems to come from.
struct Browser {
    client: reqwest::Client,
    ip: &'static str,
    cookies: Vec<(String, String)>,
}

impl Browser {
    fn new(ip: &'static str) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client"),
            ip,
            cookies: Vec::new(),
        }
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Answer {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let response = request
            .header("x-forwarded-for", self.ip)
            .header("cookie", cookie)
            .send()
            .await
            .expect("the request is answered");
        let answer = Answer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.expect("a body").replace("<!>", ""),
        };
        for value in answer.headers.get_all("set-cookie").iter() {
            let pair = value.to_str().unwrap_or("").split(';').next().unwrap_or("");
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.retain(|(k, _)| k != name);
                self.cookies.push((name.to_string(), value.to_string()));
            }
        }
        answer
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Answer {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let request = self
            .client
            .post(format!("{}{path}", server().address))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", &server().address)
            .body(body);
        self.send(request).await
    }

    async fn get(&mut self, path: &str) -> Answer {
        let request = self.client.get(format!("{}{path}", server().address));
        self.send(request).await
    }

    async fn sign_in(&mut self, email: &str) {
        let form = self.get("/editor/sign-in").await;
        let marker = "name=\"csrf\" value=\"";
        let from = form.body.find(marker).expect("a sign-in form") + marker.len();
        let csrf = form.body[from..]
            .split('"')
            .next()
            .unwrap_or("")
            .to_string();
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs([
                ("csrf", csrf.as_str()),
                ("email", email),
                ("password", PASSWORD),
            ])
            .finish();
        let request = self
            .client
            .post(format!("{}/editor/sign-in", server().address))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", &server().address)
            .body(body);
        let answer = self.send(request).await;
        assert_eq!(answer.status, 303, "{}", answer.body);
    }
}

/// Everything the store holds on disk (the database and its write-ahead log), in lower case.
fn store_bytes(engine: &Engine) -> String {
    let dir = engine.data_dir().expect("an engine on disk");
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the data folder") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("dayfinder.sqlite3") {
            bytes.extend(std::fs::read(&path).expect("the store's file reads"));
        }
    }
    String::from_utf8_lossy(&bytes).to_lowercase()
}

/// How many charts a page has: `<svg>` images in the chart style.
fn charts(body: &str) -> usize {
    body.split("<svg ")
        .skip(1)
        .filter_map(|rest| rest.split_once('>'))
        .filter(|(tag, _)| tag.contains("role=\"img\"") && tag.contains("class=\"chart\""))
        .count()
}

fn flush(engine: &Engine) {
    engine.flush_search_counts().expect("the counts are saved");
}

#[tokio::test]
async fn a_search_with_a_full_postcode_and_personal_words_keeps_neither() {
    let server = start().await;
    let engine = server.engine.clone();
    let needles = {
        let mut n: Vec<String> = PERSONAL.iter().map(|s| s.to_string()).collect();
        n.push(POSTCODE.to_lowercase());
        n.push(POSTCODE.replace(' ', "").to_lowercase());
        n
    };
    let before = tokio::task::spawn_blocking({
        let engine = engine.clone();
        move || {
            flush(&engine);
            store_bytes(&engine)
        }
    })
    .await
    .unwrap();
    for needle in &needles {
        assert!(
            !before.contains(needle.as_str()),
            "{needle} is in the sample itself"
        );
    }
    let mut browser = Browser::new("198.51.100.20");
    let typed = "my son Zebedee Quaxworth has gastroparesis and dementia";
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("q", typed), ("near", POSTCODE)])
        .finish();
    let page = browser.get(&format!("/search?{query}")).await;
    assert_eq!(page.status, 200);
    let easy = browser.get(&format!("/search?{query}&view=easy")).await;
    assert_eq!(easy.status, 200);
    let today = uk_today();
    let (stored, after) = tokio::task::spawn_blocking({
        let engine = engine.clone();
        move || {
            let counts = engine
                .search_counts(Period::last_days(1, today))
                .expect("the counts read");
            (counts, store_bytes(&engine))
        }
    })
    .await
    .unwrap();
    for needle in &needles {
        assert!(
            !after.contains(needle.as_str()),
            "{needle} was kept in the store"
        );
    }
    // Both searches were counted: by outward code, the need named, and "other" words.
    let ours: Vec<_> = stored
        .iter()
        .filter(|c| c.key.places == ["CW11"] && c.key.words.iter().any(|w| w == "other"))
        .collect();
    assert!(ours.iter().any(|c| c.key.easy_read), "{stored:?}");
    assert!(ours.iter().any(|c| !c.key.easy_read), "{stored:?}");
    for count in ours {
        assert_eq!(count.key.words, ["need:dementia", "other"]);
        let columns = format!("{:?}", count.key.columns()).to_lowercase();
        for needle in &needles {
            assert!(!columns.contains(needle.as_str()), "{needle} in {columns}");
        }
    }
}

/// A search the sample has nothing for: dementia, shared lives, on Sunday evenings, near Crewe.
const FINDS_NOTHING: &str =
    "/search?need=dementia&kind=shared-lives&day=sunday&time=evening&near=Crewe";

#[tokio::test]
async fn a_council_editor_sees_which_needs_in_which_towns_found_nothing_and_downloads_it() {
    let server = start().await;
    let (query, _) = dayfinder::query::SearchQuery::from_params(
        form_urlencoded::parse(FINDS_NOTHING.trim_start_matches("/search?").as_bytes())
            .collect::<Vec<_>>()
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_ref())),
    );
    let engine = server.engine.clone();
    let found = tokio::task::spawn_blocking(move || engine.search(&query).expect("it searches"))
        .await
        .unwrap();
    assert_eq!(found.total, 0, "the sample has nothing for this search");
    let mut resident = Browser::new("198.51.100.21");
    for _ in 0..3 {
        let page = resident.get(FINDS_NOTHING).await;
        assert_eq!(page.status, 200);
    }
    let mut council = Browser::new("198.51.100.22");
    council.sign_in(COUNCIL).await;
    let services = council.get("/editor").await;
    assert!(
        services.body.contains("href=\"/editor/insight\""),
        "linked from the editor pages"
    );
    let report = council.get("/editor/insight").await;
    assert_eq!(report.status, 200, "{}", report.body);
    assert!(report.body.contains("Last 30 days"));
    assert!(charts(&report.body) > 0, "a chart drawn as an image");
    assert!(report.body.contains("<title id=\"need-town-chart-title\">"));
    // The chart and the table name the need and town, with the figure as text.
    assert!(
        report.body.contains("Memory and dementia – Crewe"),
        "{}",
        report.body
    );
    assert!(
        report
            .body
            .contains("<th scope=\"row\">Memory and dementia</th><td>Crewe</td>")
    );
    let href = "/editor/insight/unmet-demand.csv?period=30&amp;table=need-town";
    assert!(report.body.contains(href), "a CSV link");
    let csv = council.get(&href.replace("&amp;", "&")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(csv.header("content-disposition").starts_with("attachment"));
    let mut lines = csv.body.lines();
    assert_eq!(
        lines.next(),
        Some(
            "Need,Town,Searches,Found nothing,Found few,\"Found nothing, previous period\",Change in found nothing"
        )
    );
    let crewe = csv
        .body
        .lines()
        .find(|l| l.starts_with("Memory and dementia,Crewe,"))
        .expect("a row for dementia in Crewe");
    let nothing: u64 = crewe.split(',').nth(3).unwrap().parse().unwrap();
    assert!(nothing >= 3, "{crewe}");
}

#[tokio::test]
async fn the_supply_report_counts_the_whole_directory() {
    start().await;
    let mut council = Browser::new("198.51.100.23");
    council.sign_in(COUNCIL).await;
    let page = council.get("/editor/insight/supply").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let services = dayfinder::sample::cheshire_east().services.len();
    assert!(page.body.contains(&format!("{services} services in all")));
    assert!(page.body.contains("Saturday (weekend)"));
    assert_eq!(charts(&page.body), 4);
    let csv = council.get("/editor/insight/supply.csv?table=tier").await;
    assert_eq!(csv.status, 200);
    let total: usize = csv
        .body
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, services, "every service has one tier");
}

#[tokio::test]
async fn a_provider_editor_is_refused_the_reports() {
    start().await;
    let mut provider = Browser::new("198.51.100.24");
    provider.sign_in(PROVIDER).await;
    for path in [
        "/editor/insight",
        "/editor/insight/supply",
        "/editor/insight/unmet-demand.csv?period=30&table=need-town",
        "/editor/insight/supply.csv?table=tier",
    ] {
        let answer = provider.get(path).await;
        assert_eq!(answer.status, 403, "{path}");
        assert!(answer.body.contains("Only council editors"), "{path}");
    }
    let services = provider.get("/editor").await;
    assert!(!services.body.contains("href=\"/editor/insight\""));
    let mut stranger = Browser::new("198.51.100.25");
    let answer = stranger.get("/editor/insight").await;
    assert_eq!(answer.status, 303, "signed out: to the sign-in page");
}

#[tokio::test]
async fn dates_that_make_no_period_are_explained_not_failed() {
    start().await;
    let mut council = Browser::new("198.51.100.26");
    council.sign_in(COUNCIL).await;
    let answer = council
        .get("/editor/insight?period=dates&from=2025-06-10&to=2025-06-01")
        .await;
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("There is a problem"));
    assert!(
        answer
            .body
            .contains("The first day must be the same as or before the last day")
    );
    let answer = council.get("/editor/insight?period=%3Cscript%3E").await;
    assert_eq!(answer.status, 400);
    assert!(!answer.body.contains("<script>"));
    let answer = council
        .get("/editor/insight/supply.csv?table=everything")
        .await;
    assert_eq!(answer.status, 404);
}

#[tokio::test]
async fn enquiries_are_counted_by_need_town_and_outcome_with_nobody_named() {
    start().await;
    let service = "crewe-saturday-memory-club";
    let mut resident = Browser::new("198.51.100.27");
    for asker in ["someone-i-care-for", "professional"] {
        let sent = resident
            .post(
                "/ask",
                &[
                    ("service", service),
                    ("asker", asker),
                    ("name", "Zebedee Quaxworth"),
                    ("reply-by", "email"),
                    ("email", "zebedee.quaxworth@example.org"),
                    ("wishes", "place"),
                    ("note", "He has gastroparesis."),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert_eq!(sent.status, 303, "{}", sent.body);
    }
    // The provider accepts one of them (the inbox's answer is tested in tests/email.rs).
    let engine = server().engine.clone();
    let council = server().council.clone();
    let address = server().address.clone();
    tokio::task::spawn_blocking(move || {
        let settings = dayfinder::enquiries::EnquirySettings::default();
        let enquiries = engine.enquiries(&settings, &address);
        let inbox = enquiries.inbox(&council).expect("the inbox");
        assert_eq!(inbox.len(), 2);
        let answered = enquiries
            .answer(
                &council,
                inbox[0].id,
                &dayfinder::enquiries::Answer {
                    status: dayfinder::enquiries::EnquiryStatus::Accepted,
                    message: "We have a place on Saturdays.".into(),
                    version: inbox[0].version,
                },
                jiff::Timestamp::now(),
            )
            .expect("the answer is saved");
        assert!(matches!(
            answered,
            dayfinder::enquiries::Responded::Saved(_)
        ));
    })
    .await
    .expect("the provider answers");

    let mut commissioner = Browser::new("198.51.100.28");
    commissioner.sign_in(COUNCIL).await;
    let page = commissioner.get("/editor/insight/enquiries?period=7").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("2 enquiries sent"), "{}", page.body);
    assert!(page.body.contains("1 enquiry accepted"));
    assert!(
        page.body
            .contains("1 enquiry not answered yet, 0 of them past the response target")
    );
    assert_eq!(charts(&page.body), 2);
    assert!(page.body.contains("href=\"/editor/insight/enquiries\""));
    let lower = page.body.to_lowercase();
    for word in PERSONAL {
        assert!(!lower.contains(word), "{word} is on the report");
    }

    let csv = commissioner
        .get("/editor/insight/enquiries.csv?period=7&table=need-town")
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.header("content-disposition")
            .contains("enquiries-by-need-town-")
    );
    let first = csv.body.lines().next().unwrap_or("");
    assert_eq!(
        first,
        "Need,Town,Enquiries,Accepted,Declined,Answered without a yes or no,Not answered,Not answered past the target"
    );
    assert!(
        csv.body.lines().any(|l| l.contains(",Crewe,2,1,0,0,1,0")),
        "{}",
        csv.body
    );
    let askers = commissioner
        .get("/editor/insight/enquiries.csv?period=7&table=asker")
        .await;
    assert!(askers.body.contains("For someone I care for,1,"));
    for word in PERSONAL {
        assert!(!csv.body.to_lowercase().contains(word));
        assert!(!askers.body.to_lowercase().contains(word));
    }
    let wrong = commissioner
        .get("/editor/insight/enquiries.csv?period=7&table=people")
        .await;
    assert_eq!(wrong.status, 404);
    let wrong = commissioner
        .get("/editor/insight/enquiries?period=dates&from=tomorrow&to=")
        .await;
    assert_eq!(wrong.status, 400);
    assert!(wrong.body.contains("Enter the first day as a date"));

    let mut provider = Browser::new("198.51.100.29");
    provider.sign_in(PROVIDER).await;
    assert_eq!(provider.get("/editor/insight/enquiries").await.status, 403);
}
