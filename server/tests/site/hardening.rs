//! A site set up as deployed (`serve --secure-cookies`): HSTS, `__Host-` cookies; and a
//! store holding websites that are not http(s), which no page may turn into a link.
//!
//! Its own server, on its own runtime (see `helpers::shared_server`), around the sample
//! with one listing's websites written straight into the store.

use std::sync::{Arc, OnceLock};

use dayfinder::Engine;
use dayfinder::accounts::{NewAccount, Password, Role};
use dayfinder_server::editor::EditorOptions;

use crate::editor::{Browser, PASSWORD};

/// The listing whose websites are `javascript:` and `data:` addresses.
const LISTING: &str = "sandbach-stars-social-club";
/// A second listing, to compare with.
const OTHER: &str = "macclesfield-autism-social-club";
const EDITOR: &str = "secure.editor@example.org";

fn secure_server() -> &'static str {
    static SERVER: OnceLock<(tokio::runtime::Runtime, tempfile::TempDir, String)> = OnceLock::new();
    &SERVER
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let engine = Arc::new(Engine::open(dir.path()).expect("the engine opens"));
            let mut sample = dayfinder::sample::cheshire_east();
            let service = sample
                .services
                .iter_mut()
                .find(|s| s.id == LISTING)
                .expect("the listing is in the sample");
            service.contact.website = Some("javascript:alert(1)".into());
            let organisation = service.organisation_id.clone();
            sample
                .organisations
                .iter_mut()
                .find(|o| o.id == organisation)
                .expect("its provider")
                .website = Some("data:text/html,<script>alert(1)</script>".into());
            // Straight into the store: the directory's own load does not check websites.
            engine.import(&sample).expect("the sample loads");
            let stored = engine
                .listing(LISTING)
                .expect("the store reads")
                .expect("stored");
            assert_eq!(
                stored.service.contact.website.as_deref(),
                Some("javascript:alert(1)")
            );
            engine
                .add_editor(
                    &NewAccount::parse(EDITOR, "Sam Secure", Role::Council).unwrap(),
                    &Password::parse(PASSWORD).unwrap(),
                    jiff::Timestamp::now(),
                )
                .expect("the editor is added");
            let options = EditorOptions {
                secure_cookies: true,
                ..EditorOptions::default()
            };
            let (runtime, address) = crate::helpers::own_server(engine, options);
            (runtime, dir, address)
        })
        .2
}

async fn address() -> String {
    tokio::task::spawn_blocking(|| {
        std::thread::spawn(|| secure_server().to_string())
            .join()
            .expect("the server starts")
    })
    .await
    .expect("the server starts")
}

#[tokio::test]
async fn with_secure_cookies_every_response_says_to_use_only_https() {
    let address = address().await;
    let client = reqwest::Client::new();
    for path in ["/", "/editor/sign-in", "/nope", "/api/v3/services"] {
        let response = client.get(format!("{address}{path}")).send().await.unwrap();
        assert_eq!(
            response.headers()["strict-transport-security"],
            "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
}

#[tokio::test]
async fn with_secure_cookies_the_editors_cookies_are_host_only_and_secure() {
    let address = address().await;
    let mut browser = Browser::on(&address, "198.51.100.80");
    let answer = browser.try_sign_in(EDITOR, PASSWORD).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let session = answer
        .set_cookie("__Host-dayfinder_editor")
        .expect("the session cookie has the __Host- prefix");
    assert!(session.contains("; Secure"), "{session}");
    assert!(session.contains("; Path=/"), "{session}");
    assert!(
        !session.to_ascii_lowercase().contains("domain="),
        "{session}"
    );
    assert!(answer.set_cookie("dayfinder_editor").is_none());
    // The sign-in form's cookie too (deleted once used).
    let spent = answer
        .set_cookie("__Host-dayfinder_sign_in")
        .expect("the sign-in cookie has the prefix");
    assert!(spent.contains("; Secure"), "{spent}");
    assert_eq!(browser.get("/editor").await.status, 200, "signed in");

    // The same token under the name without the prefix is not read.
    let token = session
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, v)| v.to_string())
        .unwrap();
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{address}/editor"))
        .header("cookie", format!("dayfinder_editor={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 303, "sent to sign in");
}

/// Each page that shows a listing's contact details, as a browser with the listing on
/// its list would ask for it.
async fn pages_showing_the_listing(address: &str) -> Vec<(String, String)> {
    let client = reqwest::Client::new();
    let mut pages = Vec::new();
    for path in [
        format!("/services/{LISTING}"),
        format!("/services/{LISTING}?view=easy"),
        format!("/compare?ids={LISTING},{OTHER}"),
        "/my-list/print".to_string(),
        format!("/api/v3/services/{LISTING}"),
    ] {
        let response = client
            .get(format!("{address}{path}"))
            .header("cookie", format!("list={LISTING}.{OTHER}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        pages.push((path, response.text().await.unwrap()));
    }
    pages
}

#[tokio::test]
async fn a_stored_website_that_is_not_http_never_becomes_a_link() {
    let address = address().await;
    for (path, body) in pages_showing_the_listing(&address).await {
        let lower = body.to_ascii_lowercase();
        for scheme in ["javascript:", "data:text"] {
            assert!(!lower.contains(scheme), "{path} shows {scheme}");
        }
        assert!(!lower.contains("href=\"javascript"), "{path}");
    }
}

#[tokio::test]
async fn the_privacy_notice_names_the_periods_the_purge_uses() {
    use dayfinder::retention::{
        EMAIL_DAYS_AFTER_SENDING, REPORT_CLIENT_HASH_HOURS, REPORT_CONTACT_DAYS_AFTER_CLOSING,
    };
    let app = crate::helpers::spawn_app().await;
    let page = app.get("/privacy").await;
    assert!(
        page.body.contains(&format!(
            "We delete your email or phone number {REPORT_CONTACT_DAYS_AFTER_CLOSING} days after the team closes your report."
        )),
        "{}",
        page.body
    );
    assert_eq!(REPORT_CLIENT_HASH_HOURS, 1);
    assert!(page.body.contains("internet address for one hour"));
    // The outbox forgets email after the period the page names.
    assert_eq!(
        dayfinder::outbox::KEEP_FINISHED,
        jiff::SignedDuration::from_hours(EMAIL_DAYS_AFTER_SENDING * 24)
    );
    assert!(page.body.contains(&format!(
        "We delete it {EMAIL_DAYS_AFTER_SENDING} days after sending it"
    )));
    let easy = app.get("/privacy?view=easy").await;
    assert!(
        easy.body.contains(&format!(
            "We delete it {EMAIL_DAYS_AFTER_SENDING} days after we send it."
        )),
        "{}",
        easy.body
    );
}
