//! Listings that stay true by themselves: the server runs the review cycle
//! (`dayfinder::reviews`) and answers its one-click links. `GET /review/<token>` shows
//! the listing with "Yes, this is all correct"; its POST records the check and redirects
//! (no JavaScript, no sign-in: the unguessable link is the key, and the form's origin is
//! checked as every POST's is). The pages are `dayfinder_app::editor::ReviewLinkPage`.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use dayfinder::Engine;
use dayfinder::reviews::{Confirmed, LinkState, ReviewSettings};
use dayfinder_app::editor::ReviewLinkPage;
use jiff::Timestamp;
use leptos::prelude::*;

use crate::security::SiteForm;
use crate::startup::AppState;

/// How often the server looks for listings that have reached a stage of the cycle.
const RUN_EVERY: Duration = Duration::from_secs(15 * 60);

pub fn routes() -> Router<AppState> {
    Router::new().route("/review/{token}", get(page).post(confirm))
}

/// For as long as the server runs: reminds providers, tells the council, applies the
/// council's choice for overdue listings (each stage once, on any number of nodes), and
/// forgets long-expired links. The first pass runs at start, so downtime is caught up.
pub async fn keep_reviews_running(engine: Arc<Engine>, settings: ReviewSettings, site: String) {
    let settings = Arc::new(settings);
    crate::periodic::every(RUN_EVERY, "run the review cycle", engine, move |engine| {
        let reviews = engine.reviews(&settings, &site);
        let now = Timestamp::now();
        let pass = reviews.run(now)?;
        reviews.forget_old_links(now)?;
        if pass != Default::default() {
            tracing::info!(
                reminded = pass.reminded,
                unmanaged = pass.unmanaged,
                council_told = pass.council_told,
                overdue = pass.overdue,
                "review cycle"
            );
        }
        Ok(pass)
    })
    .await;
}

fn status_of(state: &LinkState) -> StatusCode {
    match state {
        LinkState::Ready { .. } => StatusCode::OK,
        LinkState::NotFound => StatusCode::NOT_FOUND,
        // Gone for good: used, expired or overtaken.
        _ => StatusCode::GONE,
    }
}

fn render(state: &AppState, link: LinkState, token: String, done: bool) -> Response {
    let status = if done {
        StatusCode::OK
    } else {
        status_of(&link)
    };
    let page = move || view! { <ReviewLinkPage state=link token done /> };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// Handles `GET /review/<token>` (`?done=yes` after confirming).
#[tracing::instrument(skip_all)]
async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let done = query.as_deref() == Some("done=yes");
    let engine = state.engine.clone();
    let settings = state.profile.reviews.settings();
    let site = state.site_url.clone();
    let asked = token.clone();
    let link = match crate::editor::blocking("read a review link", move || {
        engine
            .reviews(&settings, &site)
            .link(&asked, Timestamp::now())
    })
    .await
    {
        Ok(link) => link,
        Err(response) => return response,
    };
    let done = done && matches!(link, LinkState::Used { .. });
    render(&state, link, token, done)
}

/// Handles `POST /review/<token>`: "Yes, this is all correct".
#[tracing::instrument(skip_all)]
async fn confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
    SiteForm(_post): SiteForm,
) -> Response {
    let engine = state.engine.clone();
    let settings = state.profile.reviews.settings();
    let site = state.site_url.clone();
    let asked = token.clone();
    let confirmed = match crate::editor::blocking("confirm a listing", move || {
        engine
            .reviews(&settings, &site)
            .confirm(&asked, Timestamp::now())
    })
    .await
    {
        Ok(confirmed) => confirmed,
        Err(response) => return response,
    };
    match confirmed {
        Confirmed::Done { service_id, .. } => {
            tracing::info!(service = %service_id, "listing confirmed by its review link");
            (
                StatusCode::SEE_OTHER,
                [(
                    axum::http::header::LOCATION,
                    format!("/review/{token}?done=yes"),
                )],
            )
                .into_response()
        }
        Confirmed::NotReady(link) => render(&state, link, token, false),
    }
}
