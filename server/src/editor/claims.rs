//! "Requests to manage listings", for council editors: claims whose makers proved their
//! address, each approved (the maker becomes the organisation's editor and is emailed a
//! link to choose a password) or turned down (with an optional reason, emailed to them).
//! The page is `dayfinder_app::editor::ClaimsPage`.

use std::collections::BTreeMap;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::ClaimDecided;
use dayfinder_app::editor::{ClaimRow, ClaimsPage};
use jiff::Timestamp;
use leptos::prelude::*;

use super::layout;
use super::sign_in::redirect;
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

fn council_only(state: &AppState) -> Response {
    layout::council_only(&state.leptos_options, "decide requests to manage listings")
}

/// Handles `GET /editor/claims` (`?done=approved|turned-down` after a decision).
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    RawQuery(query): RawQuery,
) -> Response {
    if !session.account.role.is_council() {
        return council_only(&state);
    }
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    let account = session.account.clone();
    let rows = super::blocking("list claims", move || {
        let waiting = engine
            .claims(&site)
            .waiting(&account)
            .map_err(|e| dayfinder::Error::Invalid(e.to_string()))?;
        let directory = engine.directory()?;
        let services: BTreeMap<&str, &str> = directory
            .services
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()))
            .collect();
        let organisations: BTreeMap<&str, &str> = directory
            .organisations
            .iter()
            .map(|o| (o.id.as_str(), o.name.as_str()))
            .collect();
        Ok::<_, dayfinder::Error>(
            waiting
                .into_iter()
                .map(|claim| ClaimRow {
                    service_name: services
                        .get(claim.service_id.as_str())
                        .map_or_else(|| claim.service_id.clone(), |n| n.to_string()),
                    organisation: organisations
                        .get(claim.organisation_id.as_str())
                        .map_or_else(|| claim.organisation_id.clone(), |n| n.to_string()),
                    claim,
                })
                .collect::<Vec<_>>(),
        )
    })
    .await;
    let claims = match rows {
        Ok(rows) => rows,
        Err(response) => return response,
    };
    let done = match query.as_deref() {
        Some("done=approved") => Some(
            "Approved. They are an editor now, and have been emailed a link to choose their password."
                .to_string(),
        ),
        Some("done=turned-down") => Some("Turned down. They have been told.".to_string()),
        _ => None,
    };
    let page = move || view! { <ClaimsPage editor=session claims done /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

async fn decide(
    state: AppState,
    id: String,
    post: crate::security::Post,
    session: dayfinder::accounts::EditorSession,
    approve: bool,
) -> Response {
    if !session.account.role.is_council() {
        return council_only(&state);
    }
    let Ok(number) = id.parse::<i64>() else {
        return redirect("/editor/claims", None);
    };
    let reason = post.field(&format!("reason-{number}")).to_string();
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    let account = session.account.clone();
    let decided = super::blocking("decide a claim", move || {
        engine
            .claims(&site)
            .decide(&account, number, approve, &reason, Timestamp::now())
    })
    .await;
    match decided {
        Ok(ClaimDecided::Approved(account)) => {
            tracing::info!(claim = number, account = account.id.0, "claim approved");
            redirect("/editor/claims?done=approved", None)
        }
        Ok(ClaimDecided::TurnedDown) => {
            tracing::info!(claim = number, "claim turned down");
            redirect("/editor/claims?done=turned-down", None)
        }
        Ok(ClaimDecided::EmailTaken) => layout::problem(
            StatusCode::CONFLICT,
            &state.leptos_options,
            "There is already an account with that email address",
            "It belongs to an editor of another organisation. Turn this request down, or ask them to use another address.",
        ),
        Ok(ClaimDecided::NotFound) => layout::problem(
            StatusCode::NOT_FOUND,
            &state.leptos_options,
            "That request is not waiting any more",
            "Someone may have decided it already. Go back to the requests to see those still waiting.",
        ),
        Err(response) => response,
    }
}

/// Handles `POST /editor/claims/{id}/approve`.
#[tracing::instrument(skip_all)]
pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    EditorPost(post, session): EditorPost,
) -> Response {
    decide(state, id, post, session, true).await
}

/// Handles `POST /editor/claims/{id}/turn-down` (`reason-{id}`, optional).
#[tracing::instrument(skip_all)]
pub async fn turn_down(
    State(state): State<AppState>,
    Path(id): Path<String>,
    EditorPost(post, session): EditorPost,
) -> Response {
    decide(state, id, post, session, false).await
}
