//! Editors over HTTP: signing in and out, the limits on guessing, CSRF and Origin checks,
//! permissions, and vacancies in one click reaching search at once.
//!
//! These tests change the directory, so they talk to their own server (not the shared,
//! read-only one), whose engine they also use to add accounts and to check what changed.
//! Each test signs in from its own made-up client address (`X-Forwarded-For`, trusted
//! from loopback), so the per-client sign-in limit of one test does not touch another.

use std::sync::{Arc, OnceLock};

use dayfinder::Engine;
use dayfinder::accounts::{Account, NewAccount, Password, Role, TwoStepSecret};
use dayfinder::model::VacancyStatus;
use dayfinder::moderation::AuditAction;
use dayfinder::query::SearchQuery;

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
            let (runtime, address) = crate::helpers::own_server(engine.clone(), Default::default());
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
    pub(super) fn set_cookie(&self, name: &str) -> Option<String> {
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
    /// The server it talks to.
    address: String,
    /// The address it seems to come from (see the module's comment).
    ip: String,
    cookies: Vec<(String, String)>,
    /// The Origin its forms send; `None` sends none.
    pub(super) origin: Option<String>,
}

impl Browser {
    pub(super) fn new(ip: &str) -> Browser {
        Browser::on(&server().address, ip)
    }

    /// A browser of another server than the editors' one.
    pub(super) fn on(address: &str, ip: &str) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client"),
            address: address.to_string(),
            ip: ip.to_string(),
            cookies: Vec::new(),
            origin: Some(address.to_string()),
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
        let request = self.client.get(format!("{}{path}", self.address));
        self.answer(request).await
    }

    pub(super) async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Answer {
        let mut request = self
            .client
            .post(format!("{}{path}", self.address))
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
    pub(super) async fn try_sign_in(&mut self, email: &str, password: &str) -> Answer {
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
async fn the_sixth_failed_attempt_from_one_client_is_refused_with_a_clear_message() {
    start().await;
    let email = "guessed@example.org";
    let mut browser = Browser::new("198.51.100.1");
    for attempt in 1..=5 {
        let answer = browser.try_sign_in(email, "wrong password!").await;
        assert_eq!(answer.status, 400, "attempt {attempt}");
    }
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
async fn a_stranger_who_knows_an_editors_address_cannot_lock_them_out() {
    start().await;
    let email = "locked.out@example.org";
    add_editor(email, provider_role(), false);
    let mut stranger = Browser::new("198.51.100.201");
    for _ in 0..8 {
        stranger.try_sign_in(email, "a guess at it").await;
    }
    assert_eq!(stranger.try_sign_in(email, PASSWORD).await.status, 429);
    let mut editor = Browser::new("198.51.100.202");
    let answer = editor.try_sign_in(email, PASSWORD).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(editor.get("/editor").await.status, 200);
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
    // Robin signs in with the password the council editor chose, and must choose their
    // own before any other page opens.
    let mut robin = Browser::new("203.0.113.13");
    let answer = robin.try_sign_in("robin@example.org", PASSWORD).await;
    assert_eq!(answer.status, 303);
    for path in ["/editor", "/editor/changes", "/editor/account"] {
        let page = robin.get(path).await;
        assert_eq!(page.status, 303, "{path}");
        assert_eq!(page.location(), "/editor/account/password", "{path}");
    }
    let form = robin.get("/editor/account/password").await;
    assert_eq!(form.status, 200);
    assert!(
        form.body
            .contains("Your password was chosen by someone else")
    );
    let changed = robin
        .post(
            "/editor/account/password",
            &[
                ("csrf", &form.csrf()),
                ("current", PASSWORD),
                ("new", "robin's own good passphrase"),
                ("again", "robin's own good passphrase"),
            ],
        )
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    let services = robin.get("/editor").await;
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

fn provider_role() -> Role {
    Role::Provider {
        organisation_id: server().organisation.clone(),
    }
}

/// An editor of the test's own, with the shared password (to be changed when `set_by`).
fn add_editor(email: &str, role: Role, set_by: bool) -> Account {
    let account = NewAccount::parse(email, "Test Editor", role).unwrap();
    let account = if set_by {
        account.set_by(None)
    } else {
        account
    };
    server()
        .engine
        .add_editor(
            &account,
            &Password::parse(PASSWORD).unwrap(),
            jiff::Timestamp::now(),
        )
        .expect("the editor is added")
}

/// The latest audit entries, as a council editor reads them.
fn audit_actions() -> Vec<(AuditAction, String)> {
    let engine = &server().engine;
    let council = engine
        .accounts()
        .all()
        .unwrap()
        .into_iter()
        .find(|a| a.email.as_str() == COUNCIL)
        .unwrap();
    engine
        .audit_log(&council, None, 200)
        .unwrap()
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.summary))
        .collect()
}

#[tokio::test]
async fn an_editor_changes_their_password_with_the_current_one_and_the_new_one_twice() {
    start().await;
    let email = "changer@example.org";
    add_editor(email, provider_role(), false);
    let mut browser = Browser::new("203.0.113.30");
    let mut elsewhere = Browser::new("203.0.113.31");
    browser.sign_in(email).await;
    elsewhere.sign_in(email).await;
    let form = browser.get("/editor/account/password").await;
    assert_eq!(form.status, 200);
    assert_eq!(form.body.matches("<h1").count(), 1);
    let csrf = form.csrf();
    let change = |current: &'static str, new: &'static str, again: &'static str| {
        [("current", current), ("new", new), ("again", again)]
    };
    for (fields, says) in [
        (
            change(
                "not my password",
                "a brand new passphrase",
                "a brand new passphrase",
            ),
            "Your current password is not right",
        ),
        (
            change(
                PASSWORD,
                "a brand new passphrase",
                "a brand new passphrase!",
            ),
            "The new passwords are not the same",
        ),
        (change("", "", ""), "Enter your current password"),
    ] {
        let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        form.extend(fields);
        let answer = browser.post("/editor/account/password", &form).await;
        assert_eq!(answer.status, 400, "{says}");
        assert!(answer.body.contains("There is a problem"), "{says}");
        assert!(answer.body.contains(says), "{says}");
    }
    let answer = browser
        .post(
            "/editor/account/password",
            &[
                ("csrf", &csrf),
                ("current", PASSWORD),
                ("new", "a brand new passphrase"),
                ("again", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.location(), "/editor/account?password-changed");
    let account = browser.get("/editor/account?password-changed").await;
    assert!(account.body.contains("Your password has been changed."));
    // The other session ended; the old password no longer signs in; the new one does.
    assert_eq!(elsewhere.get("/editor").await.status, 303);
    let mut again = Browser::new("203.0.113.32");
    assert_eq!(again.try_sign_in(email, PASSWORD).await.status, 400);
    assert_eq!(
        again
            .try_sign_in(email, "a brand new passphrase")
            .await
            .status,
        303
    );
    assert!(audit_actions().contains(&(
        AuditAction::PasswordChanged,
        format!("Test Editor <{email}>")
    )));
}

#[tokio::test]
async fn a_common_password_is_refused_with_a_clear_message() {
    start().await;
    let email = "common@example.org";
    add_editor(email, provider_role(), false);
    let mut browser = Browser::new("203.0.113.33");
    browser.sign_in(email).await;
    let form = browser.get("/editor/account/password").await;
    let answer = browser
        .post(
            "/editor/account/password",
            &[
                ("csrf", &form.csrf()),
                ("current", PASSWORD),
                ("new", "Qwertyuiopasdfghjkl"),
                ("again", "Qwertyuiopasdfghjkl"),
            ],
        )
        .await;
    assert_eq!(answer.status, 400);
    assert!(
        answer.body.contains(
            "<a href=\"#new\">This password is one of the most common, so it is easy to guess."
        ),
        "{}",
        answer.body
    );
    // And nothing changed: the old password still signs in.
    let mut again = Browser::new("203.0.113.34");
    assert_eq!(again.try_sign_in(email, PASSWORD).await.status, 303);
}

#[tokio::test]
async fn a_council_editor_disables_a_leaver_in_two_clicks_and_their_open_session_ends_at_once() {
    start().await;
    let email = "leaver@example.org";
    let leaver_account = add_editor(email, provider_role(), false);
    let mut leaver = Browser::new("203.0.113.40");
    leaver.sign_in(email).await;
    assert_eq!(leaver.get("/editor").await.status, 200);

    let mut council = Browser::new("203.0.113.41");
    council.sign_in(COUNCIL).await;
    let accounts = council.get("/editor/accounts").await;
    let disable = format!("/editor/accounts/{}/disable", leaver_account.id.0);
    assert!(accounts.body.contains(&format!("href=\"{disable}\"")));
    // Click one: "Disable" on their row.
    let confirm = council.get(&disable).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.body.contains("Disable the account of Test Editor?"));
    // Click two: "Yes, disable the account".
    let done = council.post(&disable, &[("csrf", &confirm.csrf())]).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        done.location(),
        "/editor/accounts?disabled=leaver%40example.org"
    );
    let notice = council.get(done.location()).await;
    assert!(notice.body.contains("its sessions have ended"));
    assert!(notice.body.contains(">Disabled</strong>"));

    // The leaver's open session: its next request is sent to sign in.
    let next = leaver.get("/editor").await;
    assert_eq!(next.status, 303);
    assert_eq!(next.location(), "/editor/sign-in");
    let refused = leaver.try_sign_in(email, PASSWORD).await;
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("This account has been disabled"));

    // Re-enabled: they sign in again.
    let enable = format!("/editor/accounts/{}/enable", leaver_account.id.0);
    let page = council.get("/editor/accounts").await;
    let answer = council.post(&enable, &[("csrf", &page.csrf())]).await;
    assert_eq!(answer.status, 303);
    let mut back = Browser::new("203.0.113.42");
    assert_eq!(back.try_sign_in(email, PASSWORD).await.status, 303);

    let actions = audit_actions();
    let summary = format!("Test Editor <{email}>");
    assert!(actions.contains(&(AuditAction::AccountDisabled, summary.clone())));
    assert!(actions.contains(&(AuditAction::AccountEnabled, summary)));
    let log = council.get("/editor/audit").await;
    assert!(log.body.contains("Disabled an editor’s account"));
    assert!(log.body.contains("Test Editor &lt;leaver@example.org&gt;"));
}

#[tokio::test]
async fn a_council_editor_cannot_disable_themselves() {
    start().await;
    let mut council = Browser::new("203.0.113.43");
    let page = council.sign_in(COUNCIL).await;
    let own = server()
        .engine
        .accounts()
        .all()
        .unwrap()
        .into_iter()
        .find(|a| a.email.as_str() == COUNCIL)
        .unwrap();
    let path = format!("/editor/accounts/{}/disable", own.id.0);
    assert_eq!(council.get(&path).await.status, 400);
    let answer = council.post(&path, &[("csrf", &page.csrf())]).await;
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("You cannot disable your own account"));
    assert_eq!(council.get("/editor").await.status, 200);
}

/// The value of the hidden field `name` in a page's form.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let from = body.find(&marker).expect("the field") + marker.len();
    body[from..].split('"').next().unwrap_or("").to_string()
}

#[tokio::test]
async fn a_council_editor_signs_in_with_a_code_from_their_app_and_a_used_code_is_refused() {
    start().await;
    let email = "two.step@example.org";
    add_editor(email, Role::Council, false);
    let mut browser = Browser::new("203.0.113.50");
    let services = browser.sign_in(email).await;
    assert!(services.body.contains("Set up a code from an app"), "asked");
    let setup = browser.get("/editor/account/two-step").await;
    assert_eq!(setup.status, 200);
    assert!(setup.body.contains("<svg"), "a QR code, drawn by us");
    assert!(setup.body.contains("otpauth://totp/Dayfinder:"));
    let secret = TwoStepSecret::parse(&hidden(&setup.body, "secret")).expect("the secret");
    let wrong = browser
        .post(
            "/editor/account/two-step",
            &[
                ("csrf", &setup.csrf()),
                ("secret", &secret.to_base32()),
                ("code", "12345"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 400);
    assert!(wrong.body.contains("The code is not right"));
    let code = secret.code_at(jiff::Timestamp::now());
    let on = browser
        .post(
            "/editor/account/two-step",
            &[
                ("csrf", &setup.csrf()),
                ("secret", &secret.to_base32()),
                ("code", &code),
            ],
        )
        .await;
    assert_eq!(on.status, 303, "{}", on.body);

    // Signing in now asks for a code; the password alone opens no page.
    let mut phone = Browser::new("203.0.113.51");
    let half = phone.try_sign_in(email, PASSWORD).await;
    assert_eq!(half.status, 303);
    assert_eq!(half.location(), "/editor/sign-in/code");
    assert_eq!(phone.get("/editor").await.location(), "/editor/sign-in");
    let form = phone.get("/editor/sign-in/code").await;
    assert_eq!(form.status, 200);
    let next = secret.code_at(jiff::Timestamp::now() + jiff::SignedDuration::from_secs(30));
    let signed_in = phone
        .post(
            "/editor/sign-in/code",
            &[("csrf", &form.csrf()), ("code", &next)],
        )
        .await;
    assert_eq!(signed_in.status, 303, "{}", signed_in.body);
    assert_eq!(signed_in.location(), "/editor");
    assert_eq!(phone.get("/editor").await.status, 200);

    // The same code, in another sign-in: refused.
    let mut thief = Browser::new("203.0.113.52");
    thief.try_sign_in(email, PASSWORD).await;
    let form = thief.get("/editor/sign-in/code").await;
    let reused = thief
        .post(
            "/editor/sign-in/code",
            &[("csrf", &form.csrf()), ("code", &next)],
        )
        .await;
    assert_eq!(reused.status, 400);
    assert!(reused.body.contains("That code has already been used"));
    assert_eq!(thief.get("/editor").await.status, 303);
    let setup_entry = (AuditAction::TwoStepSetUp, format!("Test Editor <{email}>"));
    assert!(audit_actions().contains(&setup_entry));
}
