//! "Problem reports": what members of the public said is wrong with listings, for council
//! editors to check and close with a note.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use jiff::Timestamp;

use dayfinder_app::editor::ProblemsPage;
use leptos::prelude::*;

use super::layout;
use super::sign_in::redirect_to;
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

const MAX_NOTE: usize = 1_000;

fn refused(state: &AppState) -> Response {
    layout::problem(
        StatusCode::FORBIDDEN,
        &state.leptos_options,
        "Only council editors can see problem reports",
        "If a resident tells you about a problem with your listing, change the listing or its vacancies.",
    )
}

/// Handles `GET /editor/problems` (`all` to include closed ones).
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let all = query
        .as_deref()
        .is_some_and(|q| q.split('&').any(|p| p == "all=yes"));
    let engine = state.engine.clone();
    let account = session.account.clone();
    let reports = match super::blocking("list problem reports", move || {
        engine.problem_reports(&account, !all, 200)
    })
    .await
    {
        Ok(Some(reports)) => reports,
        Ok(None) => return refused(&state),
        Err(response) => return response,
    };
    let closed = query
        .as_deref()
        .is_some_and(|q| q.split('&').any(|p| p == "done=closed"));
    let page = move || view! { <ProblemsPage editor=session reports all closed /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

/// Handles `POST /editor/problems/{id}/close` (`note`).
#[tracing::instrument(skip_all)]
pub async fn close(
    State(state): State<AppState>,
    Path(id): Path<String>,
    EditorPost(post, session): EditorPost,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return layout::problem(
            StatusCode::NOT_FOUND,
            &state.leptos_options,
            "Report not found",
            "There is no report with that number.",
        );
    };
    let note: String = post.field("note").trim().chars().take(MAX_NOTE).collect();
    let engine = state.engine.clone();
    let account = session.account.clone();
    match super::blocking("close a problem report", move || {
        engine.close_problem(&account, id, &note, Timestamp::now())
    })
    .await
    {
        Ok(Some(true)) => redirect_to("/editor/problems?done=closed", None),
        Ok(Some(false)) => layout::problem(
            StatusCode::CONFLICT,
            &state.leptos_options,
            "Nothing was changed",
            "That report is already closed, or there is no report with that number.",
        ),
        Ok(None) => refused(&state),
        Err(response) => response,
    }
}
