//! "Your services": every service an editor may change, each with its vacancy set in one
//! click. Council editors see every organisation's, with a filter.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::VacancyChange;
use dayfinder::engine::uk_today;
use dayfinder::model::{Term, VacancyStatus};
use dayfinder_app::editor::ServicesPage;
use leptos::prelude::*;

use super::layout;
use super::sign_in::{redirect, redirect_to};
use crate::security::{SiteForm, csrf_ok, current_session, forbidden_form};
use crate::startup::AppState;

/// The page's query: `organisation` (the council's filter) and `saved` (a service just changed).
fn query_value(query: &Option<String>, name: &str) -> Option<String> {
    dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .filter(|v| dayfinder::model::validate::valid_id(v))
}

/// Handles `GET /editor` and `GET /editor/vacancies`: the services and their vacancies.
#[tracing::instrument(skip_all)]
pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let session = match current_session(&state, &headers).await {
        Ok(Some((_, session))) => session,
        Ok(None) => return redirect("/editor/sign-in", None),
        Err(response) => return response,
    };
    let filter = query_value(&query, "organisation");
    let saved = query_value(&query, "saved");
    let engine = state.engine.clone();
    let role = session.account.role.clone();
    let chosen = filter.clone();
    let editable = match super::blocking("list an editor's services", move || {
        engine.editable_services(&role, chosen.as_deref())
    })
    .await
    {
        Ok(editable) => editable,
        Err(response) => return response,
    };
    // Email not set up: editors are told; council editors also see how much waits.
    let email_waiting = if state.email_set_up {
        None
    } else if session.account.role.is_council() {
        let engine = state.engine.clone();
        match super::blocking("count the email outbox", move || {
            engine.outbox().outbox_counts()
        })
        .await
        {
            Ok(counts) => Some(counts.waiting),
            Err(response) => return response,
        }
    } else {
        Some(0)
    };
    let today = uk_today();
    let page = move || {
        view! { <ServicesPage editor=session editable filter saved today email_waiting /> }
    };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

/// Handles `POST /editor/vacancies` (`csrf`, `service`, `vacancy`, optional
/// `organisation`): sets the vacancy, confirmed today, and goes back to the list.
#[tracing::instrument(skip_all)]
pub async fn set(State(state): State<AppState>, SiteForm(post): SiteForm) -> Response {
    let session = match current_session(&state, &post.parts.headers).await {
        Ok(Some((_, session))) => session,
        Ok(None) => return redirect("/editor/sign-in", None),
        Err(response) => return response,
    };
    if !csrf_ok(&session, &post) {
        tracing::warn!(
            account = session.account.id.0,
            "refused a vacancy form without its token"
        );
        return forbidden_form(&state);
    }
    let Some(status) = VacancyStatus::from_slug(post.field("vacancy")) else {
        return layout::problem(
            StatusCode::BAD_REQUEST,
            &state.leptos_options,
            "Nothing was changed",
            "Choose Spaces available, Waiting list or Full.",
        );
    };
    let service_id = post.field("service").to_string();
    let engine = state.engine.clone();
    let account = session.account.clone();
    let id = service_id.clone();
    let change = match super::blocking("set a vacancy", move || {
        engine.set_vacancy(&account, &id, status, uk_today())
    })
    .await
    {
        Ok(change) => change,
        Err(response) => return response,
    };
    match change {
        VacancyChange::Saved(_) => {
            tracing::info!(account = session.account.id.0, service = %service_id, vacancy = status.slug(), "vacancy set");
            let filter = Some(post.field("organisation"))
                .filter(|f| dayfinder::model::validate::valid_id(f))
                .map(|f| format!("organisation={f}&"))
                .unwrap_or_default();
            // Only well-formed ids reach here (the service was found by it).
            redirect_to(
                &format!("/editor?{filter}saved={service_id}#service-{service_id}"),
                None,
            )
        }
        VacancyChange::NotFound => layout::problem(
            StatusCode::NOT_FOUND,
            &state.leptos_options,
            "Nothing was changed",
            "That service is not in the directory: it may have been removed.",
        ),
        VacancyChange::NotAllowed => {
            tracing::warn!(account = session.account.id.0, service = %service_id, "refused a vacancy change to another organisation's service");
            layout::problem(
                StatusCode::FORBIDDEN,
                &state.leptos_options,
                "Nothing was changed",
                "You can only change your own organisation’s services.",
            )
        }
    }
}
