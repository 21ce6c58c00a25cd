//! "Enquiries": the provider's inbox of "Ask about a place" requests, one enquiry's page
//! and its answer (see `dayfinder::enquiries`). Provider editors see their organisation's;
//! council editors see every one.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::enquiries::{Answer, EnquiryStatus, Responded};
use dayfinder::model::{Term, VacancyStatus};
use dayfinder_app::editor::{EnquiriesPage, EnquiryPage};
use jiff::Timestamp;
use leptos::prelude::*;

use super::layout;
use super::sign_in::redirect_to;
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

fn not_found(state: &AppState) -> Response {
    layout::problem(
        StatusCode::NOT_FOUND,
        &state.leptos_options,
        "Enquiry not found",
        "There is no enquiry with that number that you can see.",
    )
}

/// Handles `GET /editor/enquiries`.
#[tracing::instrument(skip_all)]
pub async fn list(State(state): State<AppState>, SignedIn(session): SignedIn) -> Response {
    let engine = state.engine.clone();
    let account = session.account.clone();
    let settings = state.profile.enquiries.settings();
    let site = state.site_url.clone();
    let enquiries = match super::blocking("list enquiries", move || {
        engine.enquiries(&settings, &site).inbox(&account)
    })
    .await
    {
        Ok(enquiries) => enquiries,
        Err(response) => return response,
    };
    let today = dayfinder::engine::uk_today();
    let email_set_up = state.email_set_up;
    let page = move || view! { <EnquiriesPage editor=session enquiries today email_set_up /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

/// Handles `GET /editor/enquiries/{id}` (`done=answered` just after an answer).
#[tracing::instrument(skip_all)]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let done = query
        .as_deref()
        .is_some_and(|q| q.split('&').any(|p| p == "done=answered"));
    page(
        &state,
        session,
        &id,
        None,
        String::new(),
        done,
        StatusCode::OK,
    )
    .await
}

async fn page(
    state: &AppState,
    session: dayfinder::accounts::EditorSession,
    id: &str,
    error: Option<String>,
    typed: String,
    done: bool,
    status: StatusCode,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return not_found(state);
    };
    let engine = state.engine.clone();
    let account = session.account.clone();
    let settings = state.profile.enquiries.settings();
    let site = state.site_url.clone();
    let found = match super::blocking("read an enquiry", move || {
        engine.enquiries(&settings, &site).get(&account, id)
    })
    .await
    {
        Ok(Some(enquiry)) => enquiry,
        Ok(None) => return not_found(state),
        Err(response) => return response,
    };
    let today = dayfinder::engine::uk_today();
    let page = move || {
        view! { <EnquiryPage editor=session enquiry=found today error typed done /> }
    };
    let mut response =
        Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response();
    *response.status_mut() = status;
    response
}

/// Handles `POST /editor/enquiries/{id}/answer` (`answer`, `message`, `version`, and
/// `full=yes` to show the listing as full when accepting).
#[tracing::instrument(skip_all)]
pub async fn answer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    EditorPost(post, session): EditorPost,
) -> Response {
    let Ok(number) = id.parse::<i64>() else {
        return not_found(&state);
    };
    let message = post.field("message").to_string();
    let status = EnquiryStatus::from_slug(post.field("answer"));
    let Some(status) = status else {
        return page(
            &state,
            session,
            &id,
            Some("Choose how to answer the enquiry".into()),
            message,
            false,
            StatusCode::BAD_REQUEST,
        )
        .await;
    };
    let version = post.field("version").parse::<i64>().unwrap_or(-1);
    let full = post.field("full") == "yes" && status == EnquiryStatus::Accepted;
    let answer = Answer {
        status,
        message: message.clone(),
        version,
    };
    let engine = state.engine.clone();
    let account = session.account.clone();
    let settings = state.profile.enquiries.settings();
    let site = state.site_url.clone();
    let responded = super::blocking("answer an enquiry", move || {
        let responded = engine
            .enquiries(&settings, &site)
            .answer(&account, number, &answer, Timestamp::now())
            .map_err(|e| dayfinder::Error::Invalid(e.to_string()))?;
        if let (Responded::Saved(enquiry), true) = (&responded, full) {
            // Its own audited write: the answer stands even if the vacancy cannot be set.
            engine.set_vacancy(
                &account,
                &enquiry.service_id,
                VacancyStatus::Full,
                dayfinder::engine::uk_today(),
            )?;
        }
        Ok::<_, dayfinder::Error>(responded)
    })
    .await;
    match responded {
        Ok(Responded::Saved(_)) => {
            tracing::info!(enquiry = number, status = status.slug(), "enquiry answered");
            redirect_to(&format!("/editor/enquiries/{number}?done=answered"), None)
        }
        Ok(Responded::NotFound) => not_found(&state),
        Ok(Responded::Changed) => layout::problem(
            StatusCode::CONFLICT,
            &state.leptos_options,
            "Someone answered this enquiry first",
            "Nothing was saved. Go back to the enquiry to see their answer, then answer again if you need to.",
        ),
        Ok(Responded::Erased) => layout::problem(
            StatusCode::CONFLICT,
            &state.leptos_options,
            "This enquiry can no longer be answered",
            "The person’s details were erased, as the privacy notice says.",
        ),
        Ok(Responded::Invalid(problem)) => {
            page(
                &state,
                session,
                &id,
                Some(problem),
                message,
                false,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(response) => response,
    }
}
