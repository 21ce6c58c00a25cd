//! "Problem reports": what members of the public said is wrong with listings, for council
//! editors to check and close with a note.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::moderation::ProblemReport;
use jiff::Timestamp;

use super::layout::{self, date_time, escape};
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

fn report_block(report: &ProblemReport, csrf: &str) -> String {
    let contact = report
        .contact
        .as_deref()
        .map(|c| format!("<p class=\"body\">Contact: {}</p>", escape(c)))
        .unwrap_or_else(|| "<p class=\"body\">They did not leave contact details.</p>".into());
    let state = if report.open {
        format!(
            "<form method=\"post\" action=\"/editor/problems/{id}/close\" novalidate>\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
             <div class=\"form-group\"><label class=\"label\" for=\"note-{id}\">What was done (optional)</label>\
             <input class=\"input\" id=\"note-{id}\" name=\"note\" type=\"text\"></div>\
             <button type=\"submit\" class=\"button button--secondary\">Close report {id}</button></form>",
            id = report.id,
            csrf = escape(csrf)
        )
    } else {
        format!(
            "<p class=\"body\"><strong class=\"tag tag--grey\">Closed</strong> {}{}</p>",
            report
                .closed_by
                .as_ref()
                .map(|e| format!("by {} ", escape(&e.name)))
                .unwrap_or_default(),
            if report.note.is_empty() {
                String::new()
            } else {
                format!(": {}", escape(&report.note))
            }
        )
    };
    format!(
        "<div class=\"problem-report\"><h2 class=\"heading-m\">Report {id}: <a class=\"link\" href=\"/services/{service}\">{service}</a></h2>\
         <p class=\"body-s\">{when}</p><p class=\"body\"><strong>{kind}</strong></p>\
         <p class=\"body\">{details}</p>{contact}\
         <p class=\"body\"><a class=\"link\" href=\"/editor/services/{service}/edit\">Change the listing</a></p>{state}</div>",
        id = report.id,
        service = escape(&report.service_id),
        when = escape(&date_time(report.reported_at)),
        kind = escape(report.kind.label()),
        details = escape(&report.details).replace('\n', "<br>"),
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
    let notice = if closed {
        "<div class=\"notice\" role=\"status\"><p class=\"notice__text\">The report is closed.</p></div>"
    } else {
        ""
    };
    let body = if reports.is_empty() {
        "<p class=\"body\">There are no open problem reports.</p>".to_string()
    } else {
        reports
            .iter()
            .map(|r| report_block(r, session.csrf_token.as_str()))
            .collect()
    };
    let toggle = if all {
        "<a class=\"link\" href=\"/editor/problems\">Show only open reports</a>"
    } else {
        "<a class=\"link\" href=\"/editor/problems?all=yes\">Show closed reports too</a>"
    };
    let main = format!(
        "{notice}<h1 class=\"heading-xl\">Problem reports</h1>\
         <p class=\"body\">What residents and professionals told us is wrong with a listing, newest first. \
         Check with the provider, change the listing, then close the report.</p><p class=\"body\">{toggle}</p>{body}"
    );
    Html(layout::page(
        &state.leptos_options,
        "Problem reports",
        Some(&session),
        &main,
    ))
    .into_response()
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
