//! "Change a listing": the whole listing as a form. A council editor's change is saved at
//! once; a provider's waits for a council editor (moderation.rs). Nothing typed is lost:
//! a form with mistakes comes back as it was sent, with what to put right.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::model::validate::valid_id;
use dayfinder::model::{Directory, Event, Service, Term};
use dayfinder::moderation::{EditOutcome, Proposal};
use jiff::Timestamp;

use super::layout::{self, escape};
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

/// Links to change what the listing shares with others: its place and its provider.
fn records_links(service: &Service) -> String {
    let place = service
        .location_id
        .as_deref()
        .map(|l| {
            format!(
                "<li><a class=\"link\" href=\"/editor/places/{}/edit?from={}\">Change the place’s address or access</a></li>",
                escape(l),
                escape(&service.id)
            )
        })
        .unwrap_or_default();
    format!(
        "<ul class=\"list list--bullet\">{place}<li><a class=\"link\" href=\"/editor/providers/{}/edit?from={}\">Change the provider’s name or contact details</a></li></ul>",
        escape(&service.organisation_id),
        escape(&service.id)
    )
}

/// The listing's open days and events, each with a link to change it, and one to add one.
fn events_section(service_id: &str, events: &[Event]) -> String {
    let rows: String = events
        .iter()
        .map(|e| {
            format!(
                "<tr><td>{date}</td><td>{title}<br><span class=\"body-s\">{kind}</span></td>\
                 <td><a class=\"link\" href=\"/editor/events/{id}/edit\">Change<span class=\"visually-hidden\"> {title}, {date}</span></a></td></tr>",
                date = escape(&e.start.date().strftime("%-d %B %Y").to_string()),
                title = escape(&e.title),
                kind = escape(e.kind.label()),
                id = escape(&e.id),
            )
        })
        .collect();
    let table = if events.is_empty() {
        "<p class=\"body\">There are no open days or events for this listing.</p>".to_string()
    } else {
        format!(
            "<table class=\"table\"><caption class=\"visually-hidden\">Open days and events</caption>\
             <thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Event</th><th scope=\"col\"><span class=\"visually-hidden\">Change</span></th></tr></thead>\
             <tbody>{rows}</tbody></table>"
        )
    };
    format!(
        "<h2 class=\"heading-l\" id=\"events\">Open days and events</h2>{table}\
         <p class=\"body\"><a class=\"button button--secondary\" href=\"/editor/services/{}/events/new\">Add an open day or event</a></p>",
        escape(service_id)
    )
}

fn render(
    state: &AppState,
    session: &EditorSession,
    editing: &Editing,
    values: &Values,
    errors: &FieldErrors,
) -> Response {
    let council = session.account.role.is_council();
    let id = &editing.start.id;
    let waiting = match &editing.pending {
        Some(p) if !council => format!(
            "<div class=\"notice\" role=\"status\"><p class=\"notice__text\">Your change of {} is waiting for \
             approval. This form shows it; sending the form again replaces it.</p></div>",
            escape(&layout::date_time(p.proposed_at))
        ),
        Some(p) => format!(
            "<div class=\"notice\"><p class=\"notice__text\">{} proposed a change on {}. \
             <a class=\"link\" href=\"/editor/changes/{}\">Review the change</a>.</p></div>",
            escape(&p.proposed_by.name),
            escape(&layout::date_time(p.proposed_at)),
            p.id.0
        ),
        None => String::new(),
    };
    let how = if council {
        "Your changes are published as soon as you save them, and recorded in the audit log."
    } else {
        "A council editor checks every change before it is published. You will see here \
         whether it was approved. To change vacancies, use Your services: that needs no approval. \
         If everything is still right, save the form unchanged to confirm it."
    };
    let form = listing_form::render(
        values,
        errors,
        &editing.locations,
        &format!("/editor/services/{id}/edit"),
        session.csrf_token.as_str(),
        if council {
            "Save and publish"
        } else {
            "Send for approval"
        },
    );
    let main = format!(
        "<a href=\"/editor\" class=\"back-link\">Back to services</a>\
         <span class=\"caption-l\">{name}</span><h1 class=\"heading-xl\">Change the listing</h1>{waiting}\
         <p class=\"body\">{how}</p><p class=\"body\"><a class=\"link\" href=\"/services/{id}\">See the published listing</a></p>{records}{form}{events}",
        records = records_links(&editing.start),
        name = escape(&editing.start.name),
        events = events_section(id, &editing.events),
    );
    let title = if errors.is_empty() {
        format!("Change {}", editing.start.name)
    } else {
        format!("Error: Change {}", editing.start.name)
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    (
        status,
        Html(layout::page(
            &state.leptos_options,
            &title,
            Some(session),
            &main,
        )),
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
            let values = Values::of(&editing.start);
            render(&state, &session, &editing, &values, &Vec::new())
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
        Err(errors) => return render(&state, &session, &editing, &values, &errors),
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
