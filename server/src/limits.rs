//! Bounds on the work one request can ask for, so that no address, form or slow client
//! can take the server's workers: a cap on the address's length, on a request body's size,
//! on how many requests are worked on at once and on how long a request may take. What a request may
//! choose inside those bounds (towns, words, filters) is capped where it is read, in the
//! core (`dayfinder::query`).

use std::time::Duration;

use axum::{
    Router,
    body::Body,
    extract::Request,
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use dayfinder_app::components::bare_page::render_bare;
use dayfinder_app::pages::too_long::TooLongPage;
use leptos::prelude::*;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::{limit::RequestBodyLimitLayer, timeout::TimeoutLayer};

/// The longest query string served. A search with every filter chosen is under 1 KB.
pub const MAX_QUERY_BYTES: usize = dayfinder_app::urls::MAX_QUERY_BYTES;
/// The largest request body: the editor's longest form is well under this.
pub const MAX_BODY_BYTES: usize = 128 * 1024;
/// Longer than this and a request is answered with "try again" rather than kept waiting.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// How many requests are worked on at once; more wait their turn (within the timeout).
/// A results page takes about 2 ms of one core, so this many is far more than a node can
/// serve in a second, yet it bounds the memory held by pages being written at once.
pub const MAX_REQUESTS_AT_ONCE: usize = 256;

/// Puts the bounds around a router: from the outside in, the address's length, the time
/// (waiting for a turn included), the number at once and the body's size. (Each its own
/// layer, so that each one's response body becomes axum's before the next.)
pub fn bound<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    bound_to(router, MAX_REQUESTS_AT_ONCE)
}

/// As [`bound`], with `at_once` requests worked on at the same time.
pub fn bound_to<S: Clone + Send + Sync + 'static>(router: Router<S>, at_once: usize) -> Router<S> {
    router
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(GlobalConcurrencyLimitLayer::new(at_once))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::from_fn(refuse_long_addresses))
}

/// Refuses an overlong query string with a polite page (414), before anything reads it.
pub async fn refuse_long_addresses(request: Request, next: Next) -> Response {
    let too_long = request
        .uri()
        .query()
        .is_some_and(|q| q.len() > MAX_QUERY_BYTES);
    if too_long {
        return too_long_page();
    }
    next.run(request).await
}

fn too_long_page() -> Response {
    let body = render_bare(|| view! { <TooLongPage /> });
    (
        StatusCode::URI_TOO_LONG,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        Body::from(body),
    )
        .into_response()
}
