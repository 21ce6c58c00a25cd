//! For council editors: "Stale listings" (not reviewed for six months, oldest first, with
//! who to ask, also as a CSV download) and "Data quality" (listings missing facts, and
//! likely duplicates). Read-only pages: GET only, so no forms and no CSRF tokens.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::quality::missing::Gap;
use dayfinder::quality::stale::{StaleListing, to_csv};
use dayfinder_app::editor::{QualityPage, StalePage};
use leptos::prelude::*;

use super::layout;
use super::sign_in::redirect;
use crate::security::current_session;
use crate::startup::AppState;

/// The signed-in council editor, or the response to send instead (a provider is refused
/// as on the other council pages).
async fn council_editor(state: &AppState, headers: &HeaderMap) -> Result<EditorSession, Response> {
    match current_session(state, headers).await? {
        Some((_, session)) if session.account.role.is_council() => Ok(session),
        Some((_, session)) => {
            tracing::warn!(
                account = session.account.id.0,
                "refused a council report to a provider editor"
            );
            Err(layout::problem(
                StatusCode::FORBIDDEN,
                &state.leptos_options,
                "Only council editors can see this page",
                "It lists every provider’s listings. Ask the council’s directory team if you need it.",
            ))
        }
        None => Err(redirect("/editor/sign-in", None)),
    }
}

/// The stale listings as of today.
async fn stale(state: &AppState) -> Result<Vec<StaleListing>, Response> {
    let engine = state.engine.clone();
    super::blocking("list stale listings", move || {
        engine.stale_listings(uk_today())
    })
    .await
}

/// Handles `GET /editor/stale`.
#[tracing::instrument(skip_all)]
pub async fn stale_page(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let session = match council_editor(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let rows = match stale(&state).await {
        Ok(rows) => rows,
        Err(response) => return response,
    };
    let page = move || view! { <StalePage editor=session rows /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

/// Handles `GET /editor/stale.csv`: the same list as a spreadsheet.
#[tracing::instrument(skip_all)]
pub async fn stale_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(response) = council_editor(&state, &headers).await {
        return response;
    }
    let rows = match stale(&state).await {
        Ok(rows) => rows,
        Err(response) => return response,
    };
    let text = match to_csv(&rows) {
        Ok(text) => text,
        Err(error) => {
            tracing::error!(?error, "Failed to write the stale listings as CSV");
            return layout::went_wrong();
        }
    };
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let disposition = format!(
        "attachment; filename=\"dayfinder-stale-listings-{}.csv\"",
        uk_today()
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Handles `GET /editor/quality` (optional `missing=<gap>` shows only listings missing it).
#[tracing::instrument(skip_all)]
pub async fn quality_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let session = match council_editor(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let engine = state.engine.clone();
    let report = match super::blocking("check the directory's quality", move || {
        engine.quality_report()
    })
    .await
    {
        Ok(report) => report,
        Err(response) => return response,
    };
    // An unknown gap is ignored: the page shows every listing instead.
    let only = dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "missing")
        .and_then(|(_, v)| Gap::all().iter().copied().find(|g| g.slug() == v));
    let page = move || view! { <QualityPage editor=session report only /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}
