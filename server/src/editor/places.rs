//! "Change the place" and "Change the provider's details": the address and access of a
//! place (every listing there changes with it) and a provider's name and contact details.
//! Reached from a listing's form; a provider's change waits for a council editor.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::model::validate::valid_id;
use dayfinder::model::{AccessFeature, Location, Organisation, Term};
use dayfinder::moderation::{EditOutcome, PlaceToEdit, Proposal};
use jiff::Timestamp;

use super::layout::{self, error_summary, escape};
use super::listing_form::{
    FieldErrors, Form, Values, looks_like_email, looks_like_phone, looks_like_website,
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

fn required(
    values: &Values,
    errors: &mut FieldErrors,
    field: &'static str,
    label: &str,
    max: usize,
) -> String {
    let value = values.get(field).trim().to_string();
    if value.is_empty() {
        errors.push((field, format!("Enter {label}")));
    } else if value.chars().count() > max {
        errors.push((
            field,
            format!("The {label} must be {max} characters or fewer"),
        ));
    }
    value
}

fn optional(
    values: &Values,
    errors: &mut FieldErrors,
    field: &'static str,
    label: &str,
    max: usize,
) -> Option<String> {
    let value = values.get(field).trim().to_string();
    if value.chars().count() > max {
        errors.push((
            field,
            format!("The {label} must be {max} characters or fewer"),
        ));
    }
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
    l.name = required(values, &mut errors, "name", "name of the place", 120);
    l.address = required(values, &mut errors, "address", "address", 200);
    l.town = required(values, &mut errors, "town", "town", 60);
    l.access_notes =
        optional(values, &mut errors, "access_notes", "access notes", 500).unwrap_or_default();
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
        None => errors.push(("postcode", "Enter a full UK postcode, like CW1 2BJ".into())),
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
    o.name = required(values, &mut errors, "name", "provider’s name", 120);
    o.description = required(
        values,
        &mut errors,
        "description",
        "a description of the provider",
        2_000,
    );
    o.website = optional(values, &mut errors, "website", "website", 300);
    o.email = optional(values, &mut errors, "email", "email address", 200);
    o.phone = optional(values, &mut errors, "phone", "phone number", 40);
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

#[allow(clippy::too_many_arguments)]
fn page(
    state: &AppState,
    session: &EditorSession,
    heading: &str,
    caption: &str,
    intro: &str,
    fields: &str,
    action: &str,
    from: &str,
    pending: Option<&Proposal>,
    errors: &[(&'static str, String)],
) -> Response {
    let council = session.account.role.is_council();
    let back = if from.is_empty() {
        "/editor".to_string()
    } else {
        format!("/editor/services/{from}/edit")
    };
    let waiting = match pending {
        Some(_) if !council => "<div class=\"notice\" role=\"status\"><p class=\"notice__text\">Your change is \
             waiting for approval. This form shows it; sending the form again replaces it.</p></div>"
            .to_string(),
        Some(p) => format!(
            "<div class=\"notice\"><p class=\"notice__text\">A change is waiting. \
             <a class=\"link\" href=\"/editor/changes/{}\">Review the change</a>.</p></div>",
            p.id.0
        ),
        None => String::new(),
    };
    let main = format!(
        "<a href=\"{back}\" class=\"back-link\">Back to the listing</a>{summary}\
         <span class=\"caption-l\">{caption}</span><h1 class=\"heading-xl\">{heading}</h1>{waiting}\
         <p class=\"body\">{intro}</p>\
         <form method=\"post\" action=\"{action}?from={from}\" novalidate>\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">{fields}\
         <button type=\"submit\" class=\"button\">{submit}</button></form>",
        back = escape(&back),
        summary = error_summary(errors),
        caption = escape(caption),
        heading = escape(heading),
        intro = escape(intro),
        action = escape(action),
        from = escape(from),
        csrf = escape(session.csrf_token.as_str()),
        submit = if council {
            "Save and publish"
        } else {
            "Send for approval"
        },
    );
    let title = format!(
        "{}{heading}: {caption}",
        if errors.is_empty() { "" } else { "Error: " }
    );
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

fn place_fields(values: &Values, errors: &[(&'static str, String)]) -> String {
    let f = Form { values, errors };
    [
        f.input(
            "name",
            "Name of the place",
            Some("For example: Oakley Centre."),
            "text",
            "",
        ),
        f.input(
            "address",
            "Address",
            Some("The street address, without the town or postcode."),
            "text",
            "",
        ),
        f.input("town", "Town", None, "text", ""),
        f.input(
            "postcode",
            "Postcode",
            Some("Residents searching near a place find it by this."),
            "text",
            " autocomplete=\"off\"",
        ),
        f.choices::<AccessFeature>(
            "access",
            "What the place offers",
            Some("Select all that apply."),
            false,
        ),
        f.textarea(
            "access_notes",
            "Access notes (optional)",
            Some("For example: Lift to the first floor."),
            3,
        ),
    ]
    .concat()
}

fn provider_fields(values: &Values, errors: &[(&'static str, String)]) -> String {
    let f = Form { values, errors };
    [
        f.input("name", "Provider’s name", None, "text", ""),
        f.textarea(
            "description",
            "About the provider",
            Some("One or two sentences: who you are and what you do."),
            4,
        ),
        f.input(
            "website",
            "Website (optional)",
            None,
            "url",
            " autocomplete=\"off\" spellcheck=\"false\"",
        ),
        f.input(
            "email",
            "Email (optional)",
            None,
            "email",
            " autocomplete=\"off\" spellcheck=\"false\"",
        ),
        f.input(
            "phone",
            "Phone (optional)",
            None,
            "tel",
            " autocomplete=\"off\"",
        ),
    ]
    .concat()
}

fn intro(council: bool, place: bool) -> &'static str {
    match (council, place) {
        (true, true) => "Every listing at this place changes with it, as soon as you save.",
        (false, true) => {
            "Every listing at this place changes with it. A council editor checks the change first."
        }
        (true, false) => {
            "These details show on every listing of this provider, as soon as you save."
        }
        (false, false) => {
            "These details show on every listing of yours. A council editor checks the change first."
        }
    }
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
        Ok(Some(PlaceToEdit {
            place,
            pending,
            listings: services,
        })) => {
            let caption = format!("{} ({} listings)", place.name, services.len());
            let fields = place_fields(&place_values(&place), &[]);
            let action = format!("/editor/places/{}/edit", place.id);
            page(
                &state,
                &session,
                "Change the place",
                &caption,
                intro(session.account.role.is_council(), true),
                &fields,
                &action,
                &from,
                pending.as_ref(),
                &[],
            )
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
    let PlaceToEdit {
        place,
        pending,
        listings: services,
    } = found;
    let values = Values::from_pairs(post.fields());
    let after = match parse_place(&values, &place, &state) {
        Ok(after) => after,
        Err(errors) => {
            let caption = format!("{} ({} listings)", place.name, services.len());
            let fields = place_fields(&values, &errors);
            let action = format!("/editor/places/{}/edit", place.id);
            return page(
                &state,
                &session,
                "Change the place",
                &caption,
                intro(session.account.role.is_council(), true),
                &fields,
                &action,
                &from,
                pending.as_ref(),
                &errors,
            );
        }
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
        Ok(Some((provider, pending))) => {
            let fields = provider_fields(&provider_values(&provider), &[]);
            let action = format!("/editor/providers/{}/edit", provider.id);
            page(
                &state,
                &session,
                "Change the provider’s details",
                &provider.name,
                intro(session.account.role.is_council(), false),
                &fields,
                &action,
                &from,
                pending.as_ref(),
                &[],
            )
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
    let (provider, pending) = match super::blocking("load a provider", move || {
        engine.provider_to_edit(&account, &id)
    })
    .await
    {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(&state, "Provider"),
        Err(response) => return response,
    };
    let values = Values::from_pairs(post.fields());
    let after = match parse_provider(&values, &provider) {
        Ok(after) => after,
        Err(errors) => {
            let fields = provider_fields(&values, &errors);
            let action = format!("/editor/providers/{}/edit", provider.id);
            return page(
                &state,
                &session,
                "Change the provider’s details",
                &provider.name,
                intro(session.account.role.is_council(), false),
                &fields,
                &action,
                &from,
                pending.as_ref(),
                &errors,
            );
        }
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
