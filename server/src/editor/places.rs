//! "Change the place" and "Change the provider's details": the address and access of a
//! place (every listing there changes with it) and a provider's name and contact details.
//! Reached from a listing's form; a provider's change waits for a council editor.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::model::fields::{contact, location, organisation};
use dayfinder::model::validate::valid_id;
use dayfinder::model::{AccessFeature, Location, Organisation, Term, TextRule};
use dayfinder::moderation::{EditOutcome, PlaceToEdit, Proposal};
use dayfinder_app::editor::{PlacePage, ProviderPage};
use jiff::Timestamp;
use leptos::prelude::*;

use super::layout;
use super::listing_form::{
    FieldErrors, Values, looks_like_email, looks_like_phone, looks_like_website, shown, text_field,
};
use super::sign_in::redirect_to;
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

/// The listing the editor came from (`?from=`), to go back to.
fn from_listing(query: &Option<String>) -> String {
    dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "from")
        .map(|(_, v)| v)
        .filter(|v| valid_id(v))
        .unwrap_or_default()
}

fn not_found(state: &AppState, what: &str) -> Response {
    layout::problem(
        StatusCode::NOT_FOUND,
        &state.leptos_options,
        &format!("{what} not found"),
        "There is nothing at that address that you can change. It may belong to another organisation.",
    )
}

fn place_values(l: &Location) -> Values {
    let mut v = Values::default();
    v.push("name", &l.name);
    v.push("address", &l.address);
    v.push("town", &l.town);
    v.push("postcode", &l.postcode);
    for a in &l.accessibility {
        v.push("access", a.slug());
    }
    v.push("access_notes", &l.access_notes);
    v
}

fn provider_values(o: &Organisation) -> Values {
    let mut v = Values::default();
    v.push("name", &o.name);
    v.push("description", &o.description);
    v.push("website", o.website.clone().unwrap_or_default());
    v.push("email", o.email.clone().unwrap_or_default());
    v.push("phone", o.phone.clone().unwrap_or_default());
    v
}

/// A field the form asks for, whatever the core lets an import leave out.
fn required(
    values: &Values,
    errors: &mut FieldErrors,
    field: &'static str,
    rule: TextRule,
) -> String {
    let rule = TextRule {
        required: true,
        ..rule
    };
    text_field(values, errors, field, rule)
}

fn optional(
    values: &Values,
    errors: &mut FieldErrors,
    field: &'static str,
    rule: TextRule,
) -> Option<String> {
    let value = text_field(values, errors, field, rule);
    (!value.is_empty()).then_some(value)
}

/// The place as the form says; a new postcode moves it to that postcode's position.
fn parse_place(
    values: &Values,
    base: &Location,
    state: &AppState,
) -> Result<Location, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut l = base.clone();
    l.name = required(values, &mut errors, "name", location::NAME);
    l.address = required(values, &mut errors, "address", location::ADDRESS);
    l.town = required(values, &mut errors, "town", location::TOWN);
    l.access_notes =
        optional(values, &mut errors, "access_notes", location::ACCESS_NOTES).unwrap_or_default();
    l.accessibility = AccessFeature::all()
        .iter()
        .copied()
        .filter(|a| values.has("access", a.slug()))
        .collect();
    let typed = values.get("postcode");
    match dayfinder::places::normalise_postcode(typed) {
        Some(postcode) if postcode == base.postcode => l.postcode = postcode,
        Some(postcode) => match state.engine.places().postcode(&postcode) {
            Some((latitude, longitude)) => {
                l.postcode = postcode;
                l.latitude = latitude;
                l.longitude = longitude;
            }
            None => errors.push((
                "postcode",
                "We could not find that postcode. Check it, or ask the council to add it".into(),
            )),
        },
        None => errors.push((
            "postcode",
            format!(
                "Enter a full UK postcode, like {}",
                state.profile.area.example_postcode()
            ),
        )),
    }
    if errors.is_empty() {
        Ok(l)
    } else {
        Err(errors)
    }
}

fn parse_provider(values: &Values, base: &Organisation) -> Result<Organisation, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut o = base.clone();
    o.name = required(values, &mut errors, "name", organisation::NAME);
    o.description = required(
        values,
        &mut errors,
        "description",
        organisation::DESCRIPTION,
    );
    o.website = optional(values, &mut errors, "website", contact::WEBSITE);
    o.email = optional(values, &mut errors, "email", contact::EMAIL);
    o.phone = optional(values, &mut errors, "phone", contact::PHONE);
    if o.website.as_deref().is_some_and(|w| !looks_like_website(w)) {
        errors.push((
            "website",
            "Enter the website’s full address, starting with https://".into(),
        ));
    }
    if o.email.as_deref().is_some_and(|e| !looks_like_email(e)) {
        errors.push((
            "email",
            "Enter an email address in the correct format, like name@example.com".into(),
        ));
    }
    if o.phone.as_deref().is_some_and(|p| !looks_like_phone(p)) {
        errors.push((
            "phone",
            "Enter a telephone number, like 01270 371234".into(),
        ));
    }
    if errors.is_empty() {
        Ok(o)
    } else {
        Err(errors)
    }
}

/// 200 for a fresh form, 400 for one with mistakes.
fn status(errors: &FieldErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    }
}

/// The place's form, as stored or as sent with its mistakes.
fn show_place(
    state: &AppState,
    session: EditorSession,
    found: PlaceToEdit,
    values: Values,
    errors: &FieldErrors,
    from: String,
) -> Response {
    let PlaceToEdit {
        place,
        pending,
        listings,
    } = found;
    let listings = listings.len();
    let (status, errors) = (status(errors), shown(errors));
    let page = move || {
        view! { <PlacePage editor=session place listings values errors from pending /> }
    };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// The provider's form, as stored or as sent with its mistakes.
fn show_provider(
    state: &AppState,
    session: EditorSession,
    (provider, pending): (Organisation, Option<Proposal>),
    values: Values,
    errors: &FieldErrors,
    from: String,
) -> Response {
    let (status, errors) = (status(errors), shown(errors));
    let page = move || {
        view! { <ProviderPage editor=session provider values errors from pending /> }
    };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

fn outcome(state: &AppState, outcome: EditOutcome, from: &str) -> Response {
    let service = if from.is_empty() {
        String::new()
    } else {
        format!("&service={from}")
    };
    match outcome {
        EditOutcome::Proposed(_) => {
            redirect_to(&format!("/editor/changes?done=sent{service}"), None)
        }
        EditOutcome::Published => {
            redirect_to(&format!("/editor/changes?done=record-saved{service}"), None)
        }
        EditOutcome::Unchanged => {
            redirect_to(&format!("/editor/changes?done=unchanged{service}"), None)
        }
        _ => not_found(state, "Record"),
    }
}

/// Handles `GET /editor/places/{id}/edit` (`from`: the listing).
#[tracing::instrument(skip_all)]
pub async fn place_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let from = from_listing(&query);
    let (engine, account) = (state.engine.clone(), session.account.clone());
    let found = super::blocking("load a place", move || engine.place_to_edit(&account, &id)).await;
    match found {
        Ok(Some(found)) => {
            let values = place_values(&found.place);
            show_place(&state, session, found, values, &Vec::new(), from)
        }
        Ok(None) => not_found(&state, "Place"),
        Err(response) => response,
    }
}

/// Handles `POST /editor/places/{id}/edit`.
#[tracing::instrument(skip_all)]
pub async fn place_save(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    EditorPost(post, session): EditorPost,
) -> Response {
    let from = from_listing(&query);
    let (engine, account) = (state.engine.clone(), session.account.clone());
    let found =
        match super::blocking("load a place", move || engine.place_to_edit(&account, &id)).await {
            Ok(Some(found)) => found,
            Ok(None) => return not_found(&state, "Place"),
            Err(response) => return response,
        };
    let values = Values::from_pairs(post.fields());
    let after = match parse_place(&values, &found.place, &state) {
        Ok(after) => after,
        Err(errors) => return show_place(&state, session, found, values, &errors, from),
    };
    let (engine, account, listing) = (state.engine.clone(), session.account.clone(), from.clone());
    match super::blocking("save a place", move || {
        engine.edit_place(&account, &listing, after, Timestamp::now())
    })
    .await
    {
        Ok(result) => outcome(&state, result, &from),
        Err(response) => response,
    }
}

/// Handles `GET /editor/providers/{id}/edit` (`from`: the listing).
#[tracing::instrument(skip_all)]
pub async fn provider_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let from = from_listing(&query);
    let (engine, account) = (state.engine.clone(), session.account.clone());
    match super::blocking("load a provider", move || {
        engine.provider_to_edit(&account, &id)
    })
    .await
    {
        Ok(Some(found)) => {
            let values = provider_values(&found.0);
            show_provider(&state, session, found, values, &Vec::new(), from)
        }
        Ok(None) => not_found(&state, "Provider"),
        Err(response) => response,
    }
}

/// Handles `POST /editor/providers/{id}/edit`.
#[tracing::instrument(skip_all)]
pub async fn provider_save(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
    EditorPost(post, session): EditorPost,
) -> Response {
    let from = from_listing(&query);
    let (engine, account) = (state.engine.clone(), session.account.clone());
    let found = match super::blocking("load a provider", move || {
        engine.provider_to_edit(&account, &id)
    })
    .await
    {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(&state, "Provider"),
        Err(response) => return response,
    };
    let values = Values::from_pairs(post.fields());
    let after = match parse_provider(&values, &found.0) {
        Ok(after) => after,
        Err(errors) => return show_provider(&state, session, found, values, &errors, from),
    };
    let (engine, account, listing) = (state.engine.clone(), session.account.clone(), from.clone());
    match super::blocking("save a provider", move || {
        engine.edit_provider(&account, &listing, after, Timestamp::now())
    })
    .await
    {
        Ok(result) => outcome(&state, result, &from),
        Err(response) => response,
    }
}
