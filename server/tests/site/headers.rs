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
