//! "Report a problem with this listing": the public form's POST. A good report lands in
//! the council's queue (`/editor/problems`) and the sender sees the thank-you page; a form
//! with a mistake comes back with what was typed and what to put right (the page itself is
//! `dayfinder_app::pages::report_problem`). No sign-in: a hidden honeypot field catches
//! form-filling software, and each client may send only a few reports an hour.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use dayfinder::Engine;
use dayfinder::model::validate::valid_id;
use dayfinder::moderation::NewProblemReport;
use dayfinder_app::pages::report_problem::ProblemForm;
use jiff::Timestamp;

use crate::security::{Post, SiteForm, client_key};
use crate::startup::AppState;

/// The route, to merge into the app's router (the page's GET is the app's).
pub fn routes() -> Router<AppState> {
    Router::new().route("/services/{id}/report-a-problem", post(send))
}

/// How often the reports are purged: often enough that a client hash outlives its hour
/// by a few minutes at most.
const PURGE_EVERY: Duration = Duration::from_secs(5 * 60);

/// Forgets, for as long as the server runs, what problem reports no longer need to keep:
/// client hashes past the limit's window, and contact details past the retention the
/// privacy notice names (`Engine::purge_problem_reports`).
pub async fn keep_reports_purged(engine: Arc<Engine>) {
    crate::periodic::every(PURGE_EVERY, "purge problem reports", engine, |engine| {
        engine.purge_problem_reports(Timestamp::now())
    })
    .await;
}

fn see_other(to: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(axum::http::header::LOCATION, to.to_string())],
    )
        .into_response()
}

/// The form page again, as the app renders it, with what was typed and what is wrong.
async fn form_again(
    state: &AppState,
    post: Post,
    form: ProblemForm,
    status: StatusCode,
) -> Response {
    crate::startup::page_again(state, post.parts, form, status, None).await
}

/// Handles `POST /services/{id}/report-a-problem` (`kind`, `details`, `contact`, and the
/// honeypot `website`).
#[tracing::instrument(skip_all)]
async fn send(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SiteForm(post): SiteForm,
) -> Response {
    if !valid_id(&id) {
        return form_again(&state, post, ProblemForm::default(), StatusCode::NOT_FOUND).await;
    }
    let sent = format!("/services/{id}/report-a-problem/sent");
    if !post.field("website").is_empty() {
        // Looks like success, so the software learns nothing; nothing is kept.
        tracing::info!(service = %id, "a problem report filled in the hidden field was dropped");
        return see_other(&sent);
    }
    let typed = ProblemForm {
        kind: post.field("kind").to_string(),
        details: post.field("details").to_string(),
        contact: post.field("contact").to_string(),
        errors: Vec::new(),
    };
    let report = match NewProblemReport::parse(
        &id,
        &typed.kind,
        &typed.details,
        &typed.contact,
        Timestamp::now(),
    ) {
        Ok(report) => report,
        Err(problems) => {
            let errors = [
                ("kind", problems.kind.map(str::to_string)),
                ("details", problems.details),
                ("contact", problems.contact),
            ]
            .into_iter()
            .filter_map(|(field, message)| message.map(|m| (field.to_string(), m)))
            .collect();
            return form_again(
                &state,
                post,
                ProblemForm { errors, ..typed },
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let client = client_key(&post.parts, &state.editor.trusted_proxies);
    let engine = state.engine.clone();
    let exists_and_kept =
        tokio::task::spawn_blocking(move || -> dayfinder::Result<Option<Option<i64>>> {
            if engine.listing(&report.service_id)?.is_none() {
                return Ok(None);
            }
            Ok(Some(engine.report_problem(&report, &client)?))
        })
        .await;
    match exists_and_kept {
        Ok(Ok(Some(Some(report_id)))) => {
            tracing::info!(service = %id, report = report_id, "problem reported");
            see_other(&sent)
        }
        Ok(Ok(Some(None))) => {
            let errors = vec![(
                "details".to_string(),
                "You have sent several reports in the last hour. Wait an hour and try again"
                    .to_string(),
            )];
            form_again(
                &state,
                post,
                ProblemForm { errors, ..typed },
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await
        }
        // The page says the listing is not there (and sets the 404).
        Ok(Ok(None)) => form_again(&state, post, typed, StatusCode::NOT_FOUND).await,
        Ok(Err(error)) => {
            tracing::error!(?error, "Failed to keep a problem report");
            crate::editor::went_wrong()
        }
        Err(error) => {
            tracing::error!(?error, "The task to keep a problem report failed");
            crate::editor::went_wrong()
        }
    }
}
