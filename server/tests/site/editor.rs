//! Editors over HTTP: signing in and out, the limits on guessing, CSRF and Origin checks,
//! permissions, and vacancies in one click reaching search at once.
//!
//! These tests change the directory, so they talk to their own server (not the shared,
//! read-only one), whose engine they also use to add accounts and to check what changed.
//! Each test signs in from its own made-up client address (`X-Forwarded-For`, trusted
//! from loopback), so the per-client sign-in limit of one test does not touch another.

use std::sync::{Arc, OnceLock};

use dayfinder::Engine;
use dayfinder::accounts::{NewAccount, Password, Role};
use dayfinder::model::VacancyStatus;
use dayfinder::query::SearchQuery;
use dayfinder_server::startup::{Application, Settings};
use leptos::config::LeptosOptions;

pub(super) const PASSWORD: &str = "plum tree river lantern";
pub(super) const COUNCIL: &str = "council.editor@example.org";
pub(super) const PROVIDER: &str = "provider.editor@example.org";

/// The editors' server, its engine, and the provider's organisation and services.
pub(super) struct EditorServer {
    pub(super) address: String,
    pub(super) engine: Arc<Engine>,
    pub(super) organisation: String,
    /// Services of the provider's organisation (several, so tests need not share one).
    pub(super) own: Vec<String>,
    /// A service of another organisation.
    pub(super) other: String,
    /// A third service, of neither, for tests of how listings read.
    pub(super) third: String,
}

pub(super) fn server() -> &'static EditorServer {
    static SERVER: OnceLock<(tokio::runtime::Runtime, tempfile::TempDir, EditorServer)> =
        OnceLock::new();
    &SERVER
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let engine = Arc::new(Engine::open(dir.path()).expect("the engine opens"));
            let sample = dayfinder::sample::cheshire_east();
            engine.import(&sample).expect("the sample loads");
            // The provider with the most services.
            let count = |org: &str| {
                sample
                    .services
                    .iter()
                    .filter(|s| s.organisation_id == org)
                    .count()
            };
            let organisation = sample
                .organisations
                .iter()
                .map(|o| o.id.clone())
                .max_by_key(|o| count(o))
                .expect("providers");
            let own: Vec<String> = sample
                .services
                .iter()
                .filter(|s| s.organisation_id == organisation)
                .map(|s| s.id.clone())
                .collect();
            assert!(own.len() >= 3, "the busiest provider has several services");
            let other = sample
                .services
                .iter()
                .find(|s| s.organisation_id != organisation)
                .expect("another provider")
                .id
                .clone();
            let third = sample
                .services
                .iter()
                .find(|s| s.organisation_id != organisation && s.id != other)
                .expect("a third service")
                .id
                .clone();
            let password = Password::parse(PASSWORD).expect("a good password");
            let now = jiff::Timestamp::now();
            engine
                .add_editor(
                    &NewAccount::parse(COUNCIL, "Chris Council", Role::Council).unwrap(),
                    &password,
                    now,
                )
                .expect("the council editor is added");
            engine
                .add_editor(
                    &NewAccount::parse(
                        PROVIDER,
                        "Pat Provider",
                        Role::Provider {
                            organisation_id: organisation.clone(),
                        },
                    )
                    .unwrap(),
                    &password,
                    now,
                )
                .expect("the provider editor is added");
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime for the editors' server");
            let address = runtime.block_on(async {
                let settings = Settings {
                    addr: "127.0.0.1:0".parse().expect("a socket address"),
                    leptos_options: LeptosOptions::builder()
                        .output_name("dayfinder")
                        .site_root("target/site")
                        .build(),
                    public_url: None,
                    profile: dayfinder::profile::CouncilProfile::sample(),
                };
                let app = Application::build(settings, engine.clone())
                    .await
                    .expect("the app builds");
                let address = format!("http://{}", app.address());
                tokio::spawn(app.run_until_stopped());
                address
            });
            (
                runtime,
                dir,
                EditorServer {
                    address,
                    engine,
                    organisation,
                    own,
                    other,
                    third,
                },
            )
        })
        .2
}

/// What the server answered.
pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) headers: reqwest::header::HeaderMap,
    pub(super) body: String,
}

impl Answer {
    pub(super) fn location(&self) -> &str {
        self.header("location")
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The `Set-Cookie` header for this cookie.
    fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&format!("{name}=")))
            .map(str::to_string)
    }

    /// The first form's CSRF token on the page.
    pub(super) fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let from = self.body.find(marker).expect("a form with a token") + marker.len();
        self.body[from..]
            .split('"')
            .next()
            .unwrap_or("")
            .to_string()
    }
}

/// A browser of one editor: its client address and its cookies.
pub(super) struct Browser {
    client: reqwest::Client,
    /// The address it seems to come from (see the module's comment).
    ip: String,
    cookies: Vec<(String, String)>,
    /// The Origin its forms send; `None` sends none.
    pub(super) origin: Option<String>,
}

impl Browser {
    pub(super) fn new(ip: &str) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client"),
            ip: ip.to_string(),
            cookies: Vec::new(),
            origin: Some(server().address.clone()),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Keeps the cookies an answer set (and drops those it deleted).
    fn remember(&mut self, answer: &Answer) {
        for value in answer.headers.get_all("set-cookie").iter() {
            let text = value.to_str().unwrap_or("");
            let pair = text.split(';').next().unwrap_or("");
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.retain(|(k, _)| k != name);
                if !value.is_empty() && !text.contains("Max-Age=0") {
                    self.cookies.push((name.to_string(), value.to_string()));
                }
            }
        }
    }

    async fn answer(&mut self, request: reqwest::RequestBuilder) -> Answer {
        let response = request
            .header("x-forwarded-for", &self.ip)
            .header("cookie", self.cookie_header())
            .send()
            .await
            .expect("the request is answered");
        let answer = Answer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.expect("a body").replace("<!>", ""),
        };
        self.remember(&answer);
        answer
    }

    pub(super) async fn get(&mut self, path: &str) -> Answer {
        let request = self.client.get(format!("{}{path}", server().address));
        self.answer(request).await
    }

    pub(super) async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Answer {
        let mut request = self
            .client
            .post(format!("{}{path}", server().address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(form)
                    .finish(),
            );
        if let Some(origin) = &self.origin {
            request = request.header("origin", origin);
        }
        self.answer(request).await
    }

    /// Fills in and sends the sign-in form.
    async fn try_sign_in(&mut self, email: &str, password: &str) -> Answer {
        let form = self.get("/editor/sign-in").await;
        assert_eq!(form.status, 200, "{}", form.body);
        let csrf = form.csrf();
        self.post(
            "/editor/sign-in",
            &[("csrf", &csrf), ("email", email), ("password", password)],
        )
        .await
    }

    /// Signs in, and returns "Your services".
    pub(super) async fn sign_in(&mut self, email: &str) -> Answer {
        let answer = self.try_sign_in(email, PASSWORD).await;
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert_eq!(answer.location(), "/editor");
        self.get("/editor").await
    }

    pub(super) async fn set_vacancy(&mut self, csrf: &str, service: &str, vacancy: &str) -> Answer {
        self.post(
            "/editor/vacancies",
            &[("csrf", csrf), ("service", service), ("vacancy", vacancy)],
        )
        .await
    }
}

fn vacancy_of(service: &str) -> VacancyStatus {
    server()
        .engine
        .listing(service)
        .expect("the store reads")
        .expect("the service exists")
        .service
        .vacancy
        .status
}

/// Runs on the test's own runtime; the server runs on its own.
pub(super) async fn start() {
    tokio::task::spawn_blocking(|| {
        std::thread::spawn(|| {
            server();
        })
        .join()
        .expect("the editors' server starts")
    })
    .await
    .expect("the editors' server starts");
}

#[tokio::test]
async fn a_provider_signs_in_and_sees_their_services() {
    start().await;
    let mut browser = Browser::new("203.0.113.1");
    let form = browser.get("/editor/sign-in").await;
    assert_eq!(form.header("cache-control"), "no-store");
    assert!(form.header("x-robots-tag").contains("noindex"));
    assert_eq!(form.body.matches("<h1").count(), 1);
    let answer = browser.try_sign_in(PROVIDER, PASSWORD).await;
    assert_eq!(answer.status, 303);
    let cookie = answer
        .set_cookie("dayfinder_editor")
        .expect("a session cookie");
    for part in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP gets no Secure cookie: {cookie}"
    );
    let page = browser.get("/editor").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("cache-control"), "no-store");
    assert!(page.header("x-robots-tag").contains("noindex"));
    assert!(
        page.body
            .contains("<title>Your services – Dayfinder editors</title>")
    );
    let engine = &server().engine;
    for id in &server().own {
        let name = engine.listing(id).unwrap().unwrap().service.name;
        assert!(
            page.body.contains(&format!("id=\"service-{id}\"")),
            "{name} is listed"
        );
    }
    assert!(
        !page
            .body
            .contains(&format!("id=\"service-{}\"", server().other))
    );
}

#[tokio::test]
async fn the_session_cookie_is_secure_when_the_request_came_over_tls() {
    start().await;
    let mut browser = Browser::new("203.0.113.2");
    let form = browser.get("/editor/sign-in").await;
    let csrf = form.csrf();
    let request = browser
        .client
        .post(format!("{}/editor/sign-in", server().address))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &server().address)
        .header("x-forwarded-proto", "https")
        .body(format!(
            "csrf={csrf}&email={}&password={}",
            PROVIDER.replace('@', "%40"),
            PASSWORD.replace(' ', "+")
        ));
    let answer = browser.answer(request).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert!(
        answer
            .set_cookie("dayfinder_editor")
            .unwrap()
            .contains("; Secure")
    );
}

/// The page without its per-form token, to compare two answers.
fn without_tokens(body: &str) -> String {
    body.split("value=\"")
        .map(|part| match part.get(..64) {
            Some(token) if token.bytes().all(|b| b.is_ascii_hexdigit()) => &part[64..],
            _ => part,
        })
        .collect::<Vec<_>>()
        .join("value=\"")
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    start().await;
    let mut browser = Browser::new("203.0.113.3");
    let wrong = browser
        .try_sign_in(PROVIDER, "not the password at all")
        .await;
    let unknown = browser.try_sign_in("nobody@example.org", PASSWORD).await;
    assert_eq!(wrong.status, 400);
    assert_eq!(unknown.status, wrong.status);
    assert!(
        wrong
            .body
            .contains("Enter a correct email address and password")
    );
    assert!(wrong.set_cookie("dayfinder_editor").is_none());
    // The same page, but for the email typed (which is kept) and the form's token.
    assert!(wrong.body.contains(&format!("value=\"{PROVIDER}\"")));
    assert_eq!(
        without_tokens(&wrong.body).replace(PROVIDER, "EMAIL"),
        without_tokens(&unknown.body).replace("nobody@example.org", "EMAIL")
    );
}

#[tokio::test]
async fn the_sixth_failed_attempt_is_refused_with_a_clear_message() {
    start().await;
    let email = "guessed@example.org";
    for attempt in 1..=5 {
        // From different addresses, so only the email's limit is reached.
        let mut browser = Browser::new(&format!("198.51.100.{attempt}"));
        let answer = browser.try_sign_in(email, "wrong password!").await;
        assert_eq!(answer.status, 400, "attempt {attempt}");
    }
    let mut browser = Browser::new("198.51.100.99");
    let sixth = browser.try_sign_in(email, "wrong password!").await;
    assert_eq!(sixth.status, 429);
    assert!(
        sixth
            .body
            .contains("Too many attempts. Wait 15 minutes and try again.")
    );
    assert_eq!(sixth.header("retry-after"), "900");
}

#[tokio::test]
async fn an_empty_form_is_answered_with_an_error_summary_keeping_the_email() {
    start().await;
    let mut browser = Browser::new("203.0.113.4");
    let answer = browser.try_sign_in("someone@example.org", "").await;
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("There is a problem"));
    assert!(
        answer
            .body
            .contains("<a href=\"#password\">Enter your password</a>")
    );
    assert!(answer.body.contains("value=\"someone@example.org\""));
    assert!(
        answer
            .body
            .contains("<title>Error: Sign in – Dayfinder editors</title>")
    );
}

#[tokio::test]
async fn a_sign_in_without_the_forms_token_is_refused() {
    start().await;
    let mut browser = Browser::new("203.0.113.5");
    let answer = browser
        .post(
            "/editor/sign-in",
            &[
                ("csrf", "forged"),
                ("email", PROVIDER),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(answer.status, 403);
    assert!(answer.set_cookie("dayfinder_editor").is_none());
}

#[tokio::test]
async fn a_change_without_or_with_a_wrong_csrf_token_is_refused_and_changes_nothing() {
    start().await;
    let service = &server().own[0];
    let mut browser = Browser::new("203.0.113.6");
    let page = browser.sign_in(PROVIDER).await;
    let before = vacancy_of(service);
    let choice = if before == VacancyStatus::Full {
        "spaces"
    } else {
        "full"
    };
    let none = browser
        .post(
            "/editor/vacancies",
            &[("service", service), ("vacancy", choice)],
        )
        .await;
    assert_eq!(none.status, 403);
    let wrong = browser.set_vacancy(&"0".repeat(64), service, choice).await;
    assert_eq!(wrong.status, 403);
    assert!(wrong.body.contains("Nothing was changed"));
    assert_eq!(vacancy_of(service), before);
    // The page's own token works.
    let right = browser.set_vacancy(&page.csrf(), service, choice).await;
    assert_eq!(right.status, 303);
    assert_ne!(vacancy_of(service), before);
}

#[tokio::test]
async fn a_change_sent_from_another_site_is_refused() {
    start().await;
    let service = &server().own[1];
    let mut browser = Browser::new("203.0.113.7");
    let page = browser.sign_in(PROVIDER).await;
    let before = vacancy_of(service);
    browser.origin = Some("https://evil.example".into());
    let answer = browser
        .set_vacancy(&page.csrf(), service, "waiting-list")
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(vacancy_of(service), before);
}

#[tokio::test]
async fn a_provider_cannot_change_another_organisations_service_by_a_crafted_post() {
    start().await;
    let other = &server().other;
    let before = server().engine.listing(other).unwrap().unwrap();
    let mut browser = Browser::new("203.0.113.8");
    let page = browser.sign_in(PROVIDER).await;
    let choice = if before.service.vacancy.status == VacancyStatus::Full {
        "spaces"
    } else {
        "full"
    };
    let answer = browser.set_vacancy(&page.csrf(), other, choice).await;
    assert_eq!(answer.status, 403);
    assert!(
        answer
            .body
            .contains("You can only change your own organisation’s services.")
    );
    assert_eq!(server().engine.listing(other).unwrap().unwrap(), before);
}

#[tokio::test]
async fn a_service_set_to_full_is_found_as_full_in_search_at_once() {
    start().await;
    let service = &server().own[2];
    let mut browser = Browser::new("203.0.113.9");
    let page = browser.sign_in(PROVIDER).await;
    // Whatever it was, first make it not full, then full.
    let csrf = page.csrf();
    assert_eq!(
        browser.set_vacancy(&csrf, service, "spaces").await.status,
        303
    );
    let answer = browser.set_vacancy(&csrf, service, "full").await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location(),
        format!("/editor?saved={service}#service-{service}")
    );
    let name = server()
        .engine
        .listing(service)
        .unwrap()
        .unwrap()
        .service
        .name;
    let results = server()
        .engine
        .search(&SearchQuery::text(&name))
        .expect("the search runs");
    let hit = results
        .hits
        .iter()
        .find(|h| &h.id == service)
        .expect("the service is found by its name");
    assert_eq!(hit.vacancy, VacancyStatus::Full);
    // And a resident's listing page says so, checked today.
    let listing = browser.get(&format!("/services/{service}")).await;
    assert!(listing.body.contains(">Full<"), "the listing shows Full");
    let after = browser.get(&format!("/editor?saved={service}")).await;
    assert!(after.body.contains("(confirmed today)"));
    assert!(after.body.contains("Checked today"));
}

#[tokio::test]
async fn signing_out_ends_the_session_so_the_cookie_no_longer_works() {
    start().await;
    let mut browser = Browser::new("203.0.113.10");
    let page = browser.sign_in(PROVIDER).await;
    let session = browser.cookies.clone();
    let answer = browser
        .post("/editor/sign-out", &[("csrf", &page.csrf())])
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/editor/sign-in?signed-out");
    // The old cookie, sent again by hand, opens nothing.
    browser.cookies = session;
    let again = browser.get("/editor").await;
    assert_eq!(again.status, 303);
    assert_eq!(again.location(), "/editor/sign-in");
}

#[tokio::test]
async fn a_council_editor_sees_every_service_and_can_filter_by_organisation() {
    start().await;
    let mut browser = Browser::new("203.0.113.11");
    let page = browser.sign_in(COUNCIL).await;
    assert!(
        page.body
            .contains("<h1 class=\"heading-xl\">All services</h1>")
    );
    assert!(
        page.body
            .contains(&format!("id=\"service-{}\"", server().other))
    );
    let filtered = browser
        .get(&format!("/editor?organisation={}", server().organisation))
        .await;
    assert!(
        !filtered
            .body
            .contains(&format!("id=\"service-{}\"", server().other))
    );
    assert!(
        filtered
            .body
            .contains(&format!("id=\"service-{}\"", server().own[0]))
    );
}

#[tokio::test]
async fn a_council_editor_adds_a_provider_editor_who_can_then_sign_in() {
    start().await;
    let mut council = Browser::new("203.0.113.12");
    council.sign_in(COUNCIL).await;
    let page = council.get("/editor/accounts").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(PROVIDER));
    let csrf = page.csrf();
    let bad = council
        .post(
            "/editor/accounts",
            &[
                ("csrf", &csrf),
                ("name", "Robin"),
                ("email", "robin@"),
                ("organisation", ""),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("There is a problem"));
    assert!(bad.body.contains("value=\"Robin\""));
    let added = council
        .post(
            "/editor/accounts",
            &[
                ("csrf", &csrf),
                ("name", "Robin Provider"),
                ("email", "robin@example.org"),
                ("organisation", &server().organisation),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let mut robin = Browser::new("203.0.113.13");
    let services = robin.sign_in("robin@example.org").await;
    assert!(
        services
            .body
            .contains("<h1 class=\"heading-xl\">Your services</h1>")
    );
}

#[tokio::test]
async fn a_provider_editor_cannot_manage_accounts() {
    start().await;
    let mut browser = Browser::new("203.0.113.14");
    let page = browser.sign_in(PROVIDER).await;
    assert_eq!(browser.get("/editor/accounts").await.status, 403);
    let answer = browser
        .post(
            "/editor/accounts",
            &[
                ("csrf", &page.csrf()),
                ("name", "Mallory"),
                ("email", "mallory@example.org"),
                ("organisation", &server().organisation),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(answer.status, 403);
    let accounts = server().engine.accounts().all().unwrap();
    assert!(
        !accounts
            .iter()
            .any(|a| a.email.as_str() == "mallory@example.org")
    );
}

#[tokio::test]
async fn editor_pages_need_a_session() {
    start().await;
    let mut browser = Browser::new("203.0.113.15");
    for path in ["/editor", "/editor/vacancies", "/editor/accounts"] {
        let answer = browser.get(path).await;
        assert_eq!(answer.status, 303, "{path}");
        assert_eq!(answer.location(), "/editor/sign-in");
    }
    browser
        .cookies
        .push(("dayfinder_editor".into(), "not-a-token".into()));
    assert_eq!(browser.get("/editor").await.status, 303);
}

#[tokio::test]
async fn a_listing_not_reviewed_for_six_months_says_it_may_be_out_of_date() {
    start().await;
    let id = &server().third;
    let engine = &server().engine;
    let mut service = engine.listing(id).unwrap().unwrap().service;
    let today = dayfinder::engine::uk_today();
    service.last_reviewed = today.checked_sub(jiff::Span::new().months(7)).unwrap();
    service.vacancy.confirmed = today.checked_sub(jiff::Span::new().days(3)).unwrap();
    engine.save_service(&service).unwrap();
    let mut browser = Browser::new("203.0.113.16");
    let page = browser.get(&format!("/services/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("This listing may be out of date."),
        "the stale notice shows"
    );
    assert!(
        page.body.contains("Checked 3 days ago ("),
        "the vacancy's freshness shows"
    );
    // Its card in the results says both too, before anyone opens it.
    let name = service.name.replace(' ', "+");
    let results = browser.get(&format!("/search?q={name}")).await;
    assert_eq!(results.status, 200);
    let card = results
        .body
        .split("<li class=\"result\"")
        .find(|card| card.contains(&format!("/services/{id}")))
        .expect("the listing is among the results");
    assert!(card.contains("Checked 3 days ago ("), "{card}");
    assert!(card.contains("This listing may be out of date."), "{card}");
}

#[tokio::test]
async fn a_freshly_checked_listing_says_when_on_its_card() {
    start().await;
    let mut browser = Browser::new("203.0.113.17");
    let results = browser.get("/search?near=Crewe").await;
    assert_eq!(results.status, 200);
    assert!(results.body.contains("class=\"result__checked\">Checked "));
}
