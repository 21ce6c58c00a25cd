//! Response headers every response gets: security headers, and caching for the site's files.
//! HTML pages set their own Content-Security-Policy with a per-response nonce (see
//! `dayfinder_app::ssr`); other responses get the strict default here.

use axum::{
    body::Body,
    extract::State,
    http::{HeaderValue, Request, header},
    middleware::Next,
    response::Response,
};

/// Adds the headers; `hashed_assets` says whether `/pkg/` file names carry a content hash
/// (then they may be cached for a year). Use with `middleware::from_fn_with_state`.
pub async fn add_headers(
    State(hashed_assets): State<bool>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let is_asset = request.uri().path().starts_with("/pkg/");
    let mut response = next.run(request).await;
    let ok = response.status().is_success();
    let headers = response.headers_mut();
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert_with(|| {
            HeaderValue::from_static(
                "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            )
        });
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
    let cache = if is_asset && hashed_assets && ok {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(cache));
    response
}
