//! Security, caching and compression headers.

use crate::helpers::spawn_app;

#[tokio::test]
async fn pages_have_a_strict_content_security_policy_with_a_nonce_for_hydration() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    let csp = page.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce");
    assert!(
        page.body
            .contains(&format!(r#"<script type="module" nonce="{nonce}">"#)),
        "the hydration script carries it"
    );
    assert_ne!(
        app.get("/").await.headers["content-security-policy"],
        page.headers["content-security-policy"],
        "a new nonce each time"
    );
}

#[tokio::test]
async fn every_response_has_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/search?q=club", "/nope", "/healthz", "/favicon.svg"] {
        let page = app.get(path).await;
        assert_eq!(page.headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(page.headers["referrer-policy"], "same-origin", "{path}");
        assert!(page.headers.contains_key("permissions-policy"), "{path}");
        assert!(
            page.headers.contains_key("content-security-policy"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn pages_are_compressed_when_the_browser_accepts_it() {
    let app = spawn_app().await;
    for encoding in ["br", "gzip"] {
        let response = app
            .client
            .get(format!("{}/search?q=club", app.address))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["content-encoding"], encoding);
    }
}

#[tokio::test]
async fn editor_pages_are_never_compressed_while_public_pages_are() {
    // Editor pages carry a CSRF token beside what the request typed (BREACH).
    let app = spawn_app().await;
    let get = |path: &str| {
        app.client
            .get(format!("{}{path}", app.address))
            .header("accept-encoding", "br, gzip")
            .send()
    };
    let editor = get("/editor/sign-in").await.unwrap();
    assert_eq!(editor.status(), 200);
    assert!(!editor.headers().contains_key("content-encoding"));
    assert!(editor.text().await.unwrap().contains("name=\"csrf\""));
    let public = get("/search?q=club").await.unwrap();
    assert!(public.headers().contains_key("content-encoding"));
}

#[tokio::test]
async fn without_secure_cookies_there_is_no_hsts_and_cookies_keep_their_plain_names() {
    let app = spawn_app().await;
    let page = app.get("/editor/sign-in").await;
    assert!(!page.headers.contains_key("strict-transport-security"));
    let cookie = page.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("dayfinder_sign_in="), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
}
