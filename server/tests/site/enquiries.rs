//! "Ask about a place" without JavaScript: the form on every listing and from "My list",
//! polite errors on every field, the honeypot, and the private status page a sent
//! request goes to. (The emails and the provider's answer: `server/tests/email.rs`.)

use crate::helpers::{TestApp, spawn_app};

const SERVICE: &str = "crewe-saturday-memory-club";

async fn send(app: &TestApp, client: &str, form: &[(&str, &str)]) -> (u16, String, String) {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let response = app
        .client
        .post(format!("{}/ask", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &app.address)
        .header("x-forwarded-for", client)
        .body(body)
        .send()
        .await
        .expect("the form is answered");
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (
        status,
        location,
        response.text().await.expect("a body").replace("<!>", ""),
    )
}

fn good<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("service", SERVICE),
        ("asker", "someone-i-care-for"),
        ("name", "Pat Example"),
        ("reply-by", "phone"),
        ("phone", "01632 960 123"),
        ("wishes", "visit"),
        ("wishes", "taster"),
        ("days", "saturday"),
        ("note", "My dad likes singing."),
        ("consent", "yes"),
    ]
}

#[tokio::test]
async fn every_listing_offers_to_ask_about_a_place_in_both_views() {
    let app = spawn_app().await;
    let listing = app.get(&format!("/services/{SERVICE}")).await;
    assert!(
        listing
            .body
            .contains(&format!("href=\"/ask?service={SERVICE}\""))
    );
    let easy = app.get(&format!("/services/{SERVICE}?view=easy")).await;
    assert!(easy.body.contains("Ask them about this place"));
    let form = app.get(&format!("/ask?service={SERVICE}")).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("<form method=\"post\" action=\"/ask\""));
    assert!(form.body.contains("Sharing your details"));
    assert!(
        form.body.contains("months after your enquiry’s last reply"),
        "says how long"
    );
    let missing = app.get("/ask?service=no-such-place").await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn a_sent_enquiry_goes_to_its_private_status_page() {
    let app = spawn_app().await;
    let (status, location, _) = send(&app, "198.51.100.1", &good()).await;
    assert_eq!(status, 303);
    assert!(
        location.starts_with("/enquiries/") && location.ends_with("?sent=yes"),
        "{location}"
    );
    let page = app.get(&location).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Your enquiry has been sent"));
    assert!(page.body.contains("Crewe Saturday Memory Club") || page.body.contains("Memory Club"));
    assert!(page.body.contains("From Pat Example."));
    assert_eq!(
        page.headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store"),
        "a private page is never cached"
    );
    let guessed = app.get(&format!("/enquiries/{}", "a".repeat(64))).await;
    assert_eq!(guessed.status, 404);
    assert!(guessed.body.contains("We cannot find that enquiry"));
}

#[tokio::test]
async fn an_empty_form_comes_back_with_a_message_for_every_field() {
    let app = spawn_app().await;
    let (status, _, body) = send(&app, "198.51.100.2", &[("service", SERVICE)]).await;
    assert_eq!(status, 400);
    for message in [
        "Select who you are asking for",
        "Enter your name",
        "Select how you would like a reply",
        "Select what you would like",
        "Tick the box to agree that we share your details with the provider",
    ] {
        assert!(body.contains(message), "{message}");
    }
    assert!(body.contains("There is a problem"));
    assert!(body.contains("<title>Error: "));
}

#[tokio::test]
async fn bad_values_are_named_and_what_was_typed_comes_back() {
    let app = spawn_app().await;
    let long = "a".repeat(1_001);
    let mut form = good();
    form.retain(|(k, _)| *k != "phone" && *k != "note");
    form.extend([
        ("phone", "call me <b>"),
        ("note", long.as_str()),
        ("days", "funday"),
    ]);
    let (status, _, body) = send(&app, "198.51.100.3", &form).await;
    assert_eq!(status, 400);
    assert!(body.contains("Enter a phone number, like 01632 960 123"));
    assert!(body.contains("Your message must be 1000 characters or fewer"));
    assert!(body.contains("Select days from the list"));
    assert!(
        body.contains("value=\"Pat Example\""),
        "what was typed is kept"
    );
    assert!(!body.contains("call me <b>"), "typed markup is escaped");
}

#[tokio::test]
async fn the_hidden_field_drops_software_and_a_stranger_site_is_refused() {
    let app = spawn_app().await;
    let mut form = good();
    form.push(("website", "https://spam.example"));
    let (status, location, _) = send(&app, "198.51.100.4", &form).await;
    assert_eq!(status, 303, "looks like success");
    let page = app.get(&location).await;
    assert_eq!(page.status, 404, "but nothing was kept");

    let response = app
        .client
        .post(format!("{}/ask", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "https://elsewhere.example")
        .body("service=crewe-saturday-memory-club")
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status().as_u16(), 403);
}

#[tokio::test]
async fn one_client_may_send_only_a_few_enquiries_an_hour() {
    let app = spawn_app().await;
    for _ in 0..dayfinder::enquiries::MAX_REQUESTS_PER_CLIENT {
        let (status, _, _) = send(&app, "198.51.100.5", &good()).await;
        assert_eq!(status, 303);
    }
    let (status, _, body) = send(&app, "198.51.100.5", &good()).await;
    assert_eq!(status, 429);
    assert!(body.contains("You have sent several enquiries in the last hour"));
    let (status, _, _) = send(&app, "198.51.100.6", &good()).await;
    assert_eq!(status, 303, "another client is not held up");
}

#[tokio::test]
async fn a_review_link_that_is_wrong_says_so_and_is_never_cached() {
    let app = spawn_app().await;
    for (path, status) in [
        (format!("/review/{}", "0".repeat(64)), 404),
        ("/review/not-a-token".to_string(), 404),
        (format!("/review/{}?done=yes", "0".repeat(64)), 404),
        (format!("/review/{}", "é".repeat(40)), 404),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, status, "{path}");
        assert!(page.body.contains("We cannot find that link"), "{path}");
        assert_eq!(
            page.headers
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-store"),
            "{path}"
        );
    }
    // "Yes" from another website is refused; from here, an unknown link confirms nothing.
    let stranger = app
        .client
        .post(format!("{}/review/{}", app.address, "0".repeat(64)))
        .header("origin", "https://elsewhere.example")
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status().as_u16(), 403);
    let unknown = app
        .client
        .post(format!("{}/review/{}", app.address, "0".repeat(64)))
        .header("origin", &app.address)
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status().as_u16(), 404);
}
