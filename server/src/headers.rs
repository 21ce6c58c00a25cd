//! Response headers every response gets: security headers, and caching for the site's files.
//!
//! Each request gets a fresh nonce (a request extension) that the app uses for its inline
//! hydration scripts (`dayfinder_app::ssr::use_request_nonce`); HTML responses get a
//! Content-Security-Policy allowing scripts with that nonce, other responses a strict
//! default.

use axum::{
    body::Body,
    extract::State,
    http::{HeaderValue, Request, header},
    middleware::Next,
    response::Response,
};
use dayfinder_app::ssr::content_security_policy;
use leptos::nonce::Nonce;

/// What the headers depend on.
#[derive(Debug, Clone, Copy)]
pub struct HeaderOptions {
    /// Whether `/pkg/` file names carry a content hash (then they may be cached for a year).
    pub hashed_assets: bool,
    /// Whether the site is reached only over HTTPS (`serve --secure-cookies`): then
    /// browsers are told to use nothing else for a year (HSTS).
    pub https_only: bool,
}

/// Adds the headers. Use with `middleware::from_fn_with_state`.
pub async fn add_headers(
    State(options): State<HeaderOptions>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    let is_asset = request.uri().path().starts_with("/pkg/");
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let ok = response.status().is_success();
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    let policy = if is_html {
        HeaderValue::from_str(&content_security_policy(Some(&nonce))).ok()
    } else {
        None
    };
    let policy = policy.unwrap_or_else(|| {
        HeaderValue::from_static(
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        )
    });
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if options.https_only {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    let cache = if is_asset && options.hashed_assets && ok {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(cache));
    response
}
