//! "Audit log": who changed what and when, with each listing before and after, and every
//! change to accounts (added, disabled, re-enabled, passwords and second steps). Council
//! editors only.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::model::validate::valid_id;
use dayfinder_app::editor::AuditPage;
use leptos::prelude::*;

use super::layout;
use crate::security::SignedIn;
use crate::startup::AppState;

/// How many entries a page shows (newest first).
const PAGE: usize = 200;

/// Handles `GET /editor/audit` (optional `service`).
#[tracing::instrument(skip_all)]
pub async fn page(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let service = dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "service")
        .map(|(_, v)| v)
        .filter(|v| valid_id(v));
    let engine = state.engine.clone();
    let account = session.account.clone();
    let filter = service.clone();
    let entries = match super::blocking("read the audit log", move || {
        engine.audit_log(&account, filter.as_deref(), PAGE)
    })
    .await
    {
        Ok(Some(entries)) => entries,
        Ok(None) => {
            return layout::problem(
                StatusCode::FORBIDDEN,
                &state.leptos_options,
                "Only council editors can read the audit log",
                "Ask a council editor if you need to know who changed a listing.",
            );
        }
        Err(response) => return response,
    };
    let page = move || view! { <AuditPage editor=session entries service /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}
