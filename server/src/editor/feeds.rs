//! "Feeds we follow" for council editors (`dayfinder_app::editor::FeedsPage`): the
//! followed feeds and what each brought, "Read it now" (the pull starts at once, in the
//! background), "Stop following", and following another. The same store calls as
//! `dayfinder feeds add|list|remove` (`crate::feeds`).

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::feeds::{Every, FeedId};
use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::{FeedRow, FeedsPage, FollowForm};
use jiff::Timestamp;
use leptos::prelude::*;

use super::layout;
use super::sign_in::redirect;
use crate::feeds::{Limits, feed_url, run_due};
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

fn council_only(state: &AppState) -> Response {
    layout::council_only(&state.leptos_options, "manage the feeds Dayfinder follows")
}

/// Every followed feed with its listings on the site and those withdrawn.
async fn rows(state: &AppState) -> Result<Vec<FeedRow>, Response> {
    let engine = state.engine.clone();
    super::blocking("list the followed feeds", move || {
        engine
            .feeds()
            .feeds()?
            .into_iter()
            .map(|feed| {
                let listings = engine.feeds().feed_listings(&feed.url)?;
                let mut withdrawn: Vec<(String, Timestamp)> = listings
                    .iter()
                    .filter_map(|l| l.withdrawn.as_ref().map(|w| (w.name.clone(), w.at)))
                    .collect();
                withdrawn.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                Ok(FeedRow {
                    listed: listings.len() - withdrawn.len(),
                    withdrawn,
                    feed,
                })
            })
            .collect::<Result<Vec<_>, dayfinder::store::StoreError>>()
    })
    .await
}

async fn render(
    state: &AppState,
    status: StatusCode,
    editor: EditorSession,
    form: FollowForm,
    errors: FieldErrors,
    done: Option<String>,
) -> Response {
    let feeds = match rows(state).await {
        Ok(feeds) => feeds,
        Err(response) => return response,
    };
    let page = move || view! { <FeedsPage editor feeds form errors done /> };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// Handles `GET /editor/feeds` (`?done=reading|following|stopped` after a change).
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    RawQuery(query): RawQuery,
) -> Response {
    if !session.account.role.is_council() {
        return council_only(&state);
    }
    let done = match query.as_deref() {
        Some("done=reading") => Some(
            "Dayfinder is reading the feed now. Refresh this page in a minute to see how it went.",
        ),
        Some("done=following") => {
            Some("Following the feed. Dayfinder reads it within a minute, then on its schedule.")
        }
        Some("done=stopped") => {
            Some("Stopped following the feed. The listings it brought stay on the site.")
        }
        _ => None,
    };
    render(
        &state,
        StatusCode::OK,
        session,
        FollowForm::default(),
        FieldErrors::new(),
        done.map(str::to_string),
    )
    .await
}

/// Handles `POST /editor/feeds` (`url`, `every`): follows a feed.
#[tracing::instrument(skip_all)]
pub async fn follow(
    State(state): State<AppState>,
    EditorPost(post, session): EditorPost,
) -> Response {
    if !session.account.role.is_council() {
        return council_only(&state);
    }
    let form = FollowForm {
        url: post.field("url").trim().chars().take(2_000).collect(),
        every: post.field("every").trim().chars().take(50).collect(),
    };
    let mut errors = FieldErrors::new();
    let url = if form.url.is_empty() {
        errors.add("url", "Enter the feed’s services address");
        None
    } else {
        match feed_url(&form.url) {
            Ok(url) => Some(url),
            Err(_) => {
                errors.add(
                    "url",
                    "Enter the feed’s address as it starts, with http:// or https://, like https://directory.example.gov.uk/api/v3/services",
                );
                None
            }
        }
    };
    let every = match Every::parse(&form.every) {
        Ok(every) => Some(every),
        Err(why) => {
            errors.add("every", capitalised(&why.to_string()));
            None
        }
    };
    let (Some(url), Some(every)) = (url, every) else {
        return render(&state, StatusCode::BAD_REQUEST, session, form, errors, None).await;
    };
    let engine = state.engine.clone();
    let address = url.to_string();
    let added = tokio::task::spawn_blocking(move || {
        engine.feeds().add_feed(&address, every, Timestamp::now())
    })
    .await;
    match added {
        Ok(Ok(feed)) => {
            tracing::info!(feed = feed.id.0, "a council editor followed a feed");
            start_reading(&state);
            redirect("/editor/feeds?done=following", None)
        }
        Ok(Err(dayfinder::store::StoreError::Invalid(_))) => {
            errors.add("url", "Dayfinder follows this feed already");
            render(&state, StatusCode::BAD_REQUEST, session, form, errors, None).await
        }
        Ok(Err(error)) => {
            tracing::error!(?error, "could not follow a feed");
            layout::went_wrong()
        }
        Err(error) => {
            tracing::error!(?error, "the task following a feed failed");
            layout::went_wrong()
        }
    }
}

/// "Nothing like that", not "nothing like that": the core's reasons are written to follow
/// a colon.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Pulls the due feeds now, in the background, rather than at the next minute's check.
/// A feed another node (or the schedule) has already claimed is left to it.
fn start_reading(state: &AppState) {
    let engine = state.engine.clone();
    tokio::spawn(async move {
        run_due(&engine, &Limits::default()).await;
    });
}

fn feed_id(id: &str) -> Option<FeedId> {
    id.parse::<i64>().ok().map(FeedId)
}

fn no_such_feed(state: &AppState) -> Response {
    layout::problem(
        StatusCode::NOT_FOUND,
        &state.leptos_options,
        "Dayfinder does not follow that feed",
        "Someone may have stopped following it. Go back to the feeds to see those followed.",
    )
}

/// A change to one followed feed by a council editor: `change` gives whether the feed was
/// there; then off to `done`.
async fn change_feed(
    state: AppState,
    id: String,
    session: EditorSession,
    what: &'static str,
    change: fn(&dayfinder::Engine, FeedId) -> Result<bool, dayfinder::store::StoreError>,
    done: &'static str,
) -> Response {
    if !session.account.role.is_council() {
        return council_only(&state);
    }
    let Some(id) = feed_id(&id) else {
        return no_such_feed(&state);
    };
    let engine = state.engine.clone();
    match super::blocking(what, move || change(&engine, id)).await {
        Ok(true) => {
            tracing::info!(feed = id.0, what, "a council editor changed a feed");
            redirect(done, None)
        }
        Ok(false) => no_such_feed(&state),
        Err(response) => response,
    }
}

/// Handles `POST /editor/feeds/{id}/run`: reads the feed now.
#[tracing::instrument(skip_all)]
pub async fn run_now(
    State(state): State<AppState>,
    Path(id): Path<String>,
    EditorPost(_post, session): EditorPost,
) -> Response {
    let answer = change_feed(
        state.clone(),
        id,
        session,
        "make a feed due",
        |engine, id| engine.feeds().make_feed_due(id),
        "/editor/feeds?done=reading",
    )
    .await;
    if answer.status() == StatusCode::SEE_OTHER {
        start_reading(&state);
    }
    answer
}

/// Handles `POST /editor/feeds/{id}/stop`: stops following it; its listings stay.
#[tracing::instrument(skip_all)]
pub async fn stop(
    State(state): State<AppState>,
    Path(id): Path<String>,
    EditorPost(_post, session): EditorPost,
) -> Response {
    change_feed(
        state,
        id,
        session,
        "stop following a feed",
        |engine, id| engine.feeds().remove_feed(id),
        "/editor/feeds?done=stopped",
    )
    .await
}
