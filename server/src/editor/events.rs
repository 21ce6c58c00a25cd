//! A listing's open days and events: add one, change one, or remove one. Like listing
//! changes, a council editor's are published at once and a provider's wait for approval.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::model::validate::valid_id;
use dayfinder::model::{Event, Listing};
use dayfinder::moderation::{EditOutcome, Proposal};
use dayfinder_app::editor::EventPage;
use jiff::Timestamp;
use leptos::prelude::*;

use super::event_form;
use super::layout;
use super::listing_form::{FieldErrors, Values};
use super::sign_in::redirect_to;
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

/// What an event form needs: the listing, the event (None for a new one), and the
/// editor's own change to it still waiting, if any.
struct Editing {
    listing: Listing,
    event: Option<Event>,
    pending: Option<Proposal>,
}

impl Editing {
    fn location_id(&self) -> Option<&str> {
        self.listing.service.location_id.as_deref()
    }
}

fn not_found(state: &AppState) -> Response {
    layout::problem(
        StatusCode::NOT_FOUND,
        &state.leptos_options,
        "Event not found",
        "There is no event or listing at that address that you can change. It may have been \
         removed, or it may belong to another organisation.",
    )
}

/// Loads a listing for a new event (`service` given) or an existing event (`event`
/// given); None when there is none the editor may change.
async fn load(
    state: &AppState,
    session: &EditorSession,
    service: Option<String>,
    event: Option<String>,
) -> Result<Option<Editing>, Response> {
    let engine = state.engine.clone();
    let account = session.account.clone();
    super::blocking(
        "load an event to edit",
        move || -> dayfinder::Result<Option<Editing>> {
            let (event, pending, service_id) = match (event, service) {
                (Some(id), _) => match engine.event_to_edit(&account, &id)? {
                    Some((event, pending)) => {
                        let service = event.service_id.clone().unwrap_or_default();
                        (Some(event), pending, service)
                    }
                    None => return Ok(None),
                },
                (None, Some(service)) => {
                    if engine.events_to_edit(&account, &service)?.is_none() {
                        return Ok(None);
                    }
                    (None, None, service)
                }
                (None, None) => return Ok(None),
            };
            Ok(engine.listing(&service_id)?.map(|listing| Editing {
                listing,
                event,
                pending,
            }))
        },
    )
    .await
}

fn render(
    state: &AppState,
    session: &EditorSession,
    editing: &Editing,
    values: &Values,
    errors: &FieldErrors,
) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let (editor, listing, event) = (
        session.clone(),
        editing.listing.clone(),
        editing.event.clone(),
    );
    let pending = editing.pending.as_ref().map(|p| p.id);
    let fields = event_form::fields(values);
    let errors: dayfinder_app::components::form::FieldErrors =
        errors.iter().map(|(f, m)| (*f, m.as_str())).collect();
    let page = move || {
        view! { <EventPage editor listing event pending fields errors /> }
    };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// Handles `GET /editor/services/{id}/events/new`.
#[tracing::instrument(skip_all)]
pub async fn new_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedIn(session): SignedIn,
) -> Response {
    if !valid_id(&id) {
        return not_found(&state);
    }
    match load(&state, &session, Some(id), None).await {
        Ok(Some(editing)) => {
            let values = event_form::values_of(None, editing.location_id());
            render(&state, &session, &editing, &values, &Vec::new())
        }
        Ok(None) => not_found(&state),
        Err(response) => response,
    }
}

/// Handles `GET /editor/events/{id}/edit`.
#[tracing::instrument(skip_all)]
pub async fn edit_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedIn(session): SignedIn,
) -> Response {
    if !valid_id(&id) {
        return not_found(&state);
    }
    match load(&state, &session, None, Some(id)).await {
        Ok(Some(editing)) => {
            let values = event_form::values_of(editing.event.as_ref(), editing.location_id());
            render(&state, &session, &editing, &values, &Vec::new())
        }
        Ok(None) => not_found(&state),
        Err(response) => response,
    }
}

/// Handles `POST /editor/services/{id}/events/new`.
#[tracing::instrument(skip_all)]
pub async fn add(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: EditorPost,
) -> Response {
    save(state, Some(id), None, form, false).await
}

/// Handles `POST /editor/events/{id}/edit`.
#[tracing::instrument(skip_all)]
pub async fn change(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: EditorPost,
) -> Response {
    save(state, None, Some(id), form, false).await
}

/// Handles `POST /editor/events/{id}/remove`.
#[tracing::instrument(skip_all)]
pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: EditorPost,
) -> Response {
    save(state, None, Some(id), form, true).await
}

async fn save(
    state: AppState,
    service: Option<String>,
    event: Option<String>,
    form: EditorPost,
    remove: bool,
) -> Response {
    let EditorPost(post, session) = form;
    if !service.iter().chain(event.iter()).all(|id| valid_id(id)) {
        return not_found(&state);
    }
    let editing = match load(&state, &session, service, event.clone()).await {
        Ok(Some(editing)) => editing,
        Ok(None) => {
            tracing::warn!(
                account = session.account.id.0,
                "refused an event change the editor may not make"
            );
            return not_found(&state);
        }
        Err(response) => return response,
    };
    let after = if remove {
        None
    } else {
        let values = Values::from_pairs(post.fields());
        match event_form::parse(
            &values,
            editing.event.as_ref(),
            editing.location_id(),
            uk_today(),
        ) {
            Ok(event) => Some(event),
            Err(errors) => return render(&state, &session, &editing, &values, &errors),
        }
    };
    let engine = state.engine.clone();
    let account = session.account.clone();
    let service_id = editing.listing.service.id.clone();
    let id = service_id.clone();
    let outcome = match super::blocking("save an event", move || {
        engine.edit_event(&account, &id, event.as_deref(), after, Timestamp::now())
    })
    .await
    {
        Ok(outcome) => outcome,
        Err(response) => return response,
    };
    match outcome {
        EditOutcome::Proposed(_) => redirect_to(
            &format!("/editor/changes?done=sent&service={service_id}"),
            None,
        ),
        EditOutcome::Published => redirect_to(
            &format!("/editor/changes?done=event-saved&service={service_id}"),
            None,
        ),
        _ => not_found(&state),
    }
}
