//! The switch between the standard view and easy read (see `dayfinder_app::view_mode`):
//! a plain link that sets the `view` cookie and returns to the same page, so it needs no
//! JavaScript; and the same for any page asked for with `?view=easy` or `?view=standard`.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, RawQuery};
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dayfinder_app::view_mode::{ViewMode, safe_return};

use crate::startup::AppState;

/// The switch's route, to merge into the app's router.
pub fn routes() -> Router<AppState> {
    Router::new().route("/view/{mode}", get(switch))
}

/// Handles `GET /view/{easy|standard}?return=/a/page`: remembers the choice and goes back
/// to the page (the home page when `return` is missing or not a path on this site).
#[tracing::instrument(skip_all)]
async fn switch(Path(mode): Path<String>, RawQuery(query): RawQuery) -> Response {
    let Some(mode) = ViewMode::from_slug(&mode) else {
        return (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, "no-store")],
            "There is no such view. Choose ‘Easy read’ or ‘Standard view’ at the top of any page.",
        )
            .into_response();
    };
    let back = dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "return")
        .and_then(|(_, v)| safe_return(&v))
        .unwrap_or_else(|| "/".to_string());
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    // `safe_return` only gives paths it has re-encoded, so these are valid header values.
    if let (Ok(location), Ok(cookie)) = (
        HeaderValue::from_str(&back),
        HeaderValue::from_str(&mode.set_cookie()),
    ) {
        headers.insert(header::LOCATION, location);
        headers.insert(header::SET_COOKIE, cookie);
    } else {
        headers.insert(header::LOCATION, HeaderValue::from_static("/"));
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Middleware: a page asked for with `?view=easy` (or `standard`) is shown in that view by
/// the app, and the choice is remembered for the pages after it, links without the
/// parameter included. Use with `middleware::from_fn`.
pub async fn remember_choice(request: Request<Body>, next: Next) -> Response {
    let chosen = (request.method() == Method::GET)
        .then(|| request.uri().query().and_then(ViewMode::in_query))
        .flatten();
    let mut response = next.run(request).await;
    if let Some(mode) = chosen
        && let Ok(cookie) = HeaderValue::from_str(&mode.set_cookie())
    {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}
