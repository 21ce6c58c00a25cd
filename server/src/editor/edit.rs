//! "Change a listing": the whole listing as a form. A council editor's change is saved at
//! once; a provider's waits for a council editor (moderation.rs). Nothing typed is lost:
//! a form with mistakes comes back as it was sent, with what to put right.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::model::validate::valid_id;
use dayfinder::model::{Directory, Event, Service};
use dayfinder::moderation::{EditOutcome, Proposal};
use dayfinder_app::editor::EditListingPage;
use jiff::Timestamp;
use leptos::prelude::*;

use super::layout;
use super::listing_form::{self, FieldErrors, Values};
use super::sign_in::redirect_to;
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

/// The places an organisation's services are at, for the form's "Where it happens" list.
fn locations_of(
    directory: &Directory,
    organisation_id: &str,
    current: Option<&str>,
) -> Vec<(String, String)> {
    let used: std::collections::BTreeSet<&str> = directory
        .services
        .iter()
        .filter(|s| s.organisation_id == organisation_id)
        .filter_map(|s| s.location_id.as_deref())
        .chain(current)
        .collect();
    let mut places: Vec<(String, String)> = directory
        .locations
        .iter()
        .filter(|l| used.contains(l.id.as_str()))
        .map(|l| (l.id.clone(), format!("{}, {}", l.name, l.town)))
        .collect();
    places.sort_by(|a, b| a.1.cmp(&b.1));
    places
}

/// What the form needs: the service to start from, any change of the editor's still
/// waiting, and the places to choose from. None when there is no such service or the
/// editor may not change it (the same answer, so ids of others' services are not probed).
struct Editing {
    start: Service,
    pending: Option<Proposal>,
    locations: Vec<(String, String)>,
    events: Vec<Event>,
}

async fn load(
    state: &AppState,
    session: &EditorSession,
    id: &str,
) -> Result<Option<Editing>, Response> {
    let engine = state.engine.clone();
    let account = session.account.clone();
    let id = id.to_string();
    super::blocking(
        "load a listing to edit",
        move || -> dayfinder::Result<Option<Editing>> {
            let Some((start, pending)) = engine.service_to_edit(&account, &id)? else {
                return Ok(None);
            };
            let directory = engine.directory()?;
            let locations = locations_of(
                &directory,
                &start.organisation_id,
                start.location_id.as_deref(),
            );
            let events = engine.events_to_edit(&account, &id)?.unwrap_or_default();
            Ok(Some(Editing {
                start,
                pending,
                locations,
                events,
            }))
        },
    )
    .await
}

fn not_found(state: &AppState) -> Response {
    layout::problem(
        StatusCode::NOT_FOUND,
        &state.leptos_options,
        "Listing not found",
        "There is no listing at that address that you can change. It may have been removed, \
         or it may belong to another organisation.",
    )
}

/// The form, as stored or as sent: 400 with its mistakes.
fn render(
    state: &AppState,
    session: EditorSession,
    editing: Editing,
    values: Values,
    errors: &FieldErrors,
) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let errors = listing_form::shown(errors);
    let Editing {
        start,
        pending,
        locations,
        events,
    } = editing;
    let page = move || {
        view! {
            <EditListingPage editor=session start pending locations events values errors />
        }
    };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// Handles `GET /editor/services/{id}/edit`.
#[tracing::instrument(skip_all)]
pub async fn page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedIn(session): SignedIn,
) -> Response {
    if !valid_id(&id) {
        return not_found(&state);
    }
    match load(&state, &session, &id).await {
        Ok(Some(editing)) => {
            let values = listing_form::values_of(&editing.start);
            render(&state, session, editing, values, &Vec::new())
        }
        Ok(None) => not_found(&state),
        Err(response) => response,
    }
}

/// Handles `POST /editor/services/{id}/edit`: saves (council), queues (provider), or shows
/// the form again with its mistakes.
#[tracing::instrument(skip_all)]
pub async fn save(
    State(state): State<AppState>,
    Path(id): Path<String>,
    EditorPost(post, session): EditorPost,
) -> Response {
    if !valid_id(&id) {
        return not_found(&state);
    }
    let editing = match load(&state, &session, &id).await {
        Ok(Some(editing)) => editing,
        Ok(None) => {
            tracing::warn!(account = session.account.id.0, service = %id, "refused an edit of a listing the editor may not change");
            return not_found(&state);
        }
        Err(response) => return response,
    };
    let values = Values::from_pairs(post.fields());
    let edited = match listing_form::parse(&values, &editing.start, &editing.locations) {
        Ok(edited) => edited,
        Err(errors) => return render(&state, session, editing, values, &errors),
    };
    let engine = state.engine.clone();
    let account = session.account.clone();
    let outcome = match super::blocking("save a listing", move || {
        engine.edit_listing(&account, &edited, uk_today(), Timestamp::now())
    })
    .await
    {
        Ok(outcome) => outcome,
        Err(response) => return response,
    };
    match outcome {
        EditOutcome::Saved(_) => {
            tracing::info!(account = session.account.id.0, service = %id, "listing changed");
            redirect_to(&format!("/editor/changes?done=saved&service={id}"), None)
        }
        EditOutcome::Confirmed(_) => redirect_to(
            &format!("/editor/changes?done=confirmed&service={id}"),
            None,
        ),
        EditOutcome::Proposed(change) => {
            tracing::info!(account = session.account.id.0, service = %id, change = change.0, "change proposed");
            redirect_to(&format!("/editor/changes?done=sent&service={id}"), None)
        }
        EditOutcome::NotFound
        | EditOutcome::NotAllowed
        | EditOutcome::Published
        | EditOutcome::Unchanged => not_found(&state),
    }
}
