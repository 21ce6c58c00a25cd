//! "Manage this listing" for a provider, signed out (`dayfinder::accounts::Claims`): the
//! request form, and the emailed link that proves the address (a page with a button: a
//! GET changes nothing). Every POST passes the site's origin check and redirects. The
//! council's side is `editor/claims.rs`; the pages are `dayfinder_app::editor::claims`.

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use dayfinder::accounts::{ClaimForm, ClaimMade, ProofLink};
use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::{ClaimPage, ClaimSentPage, ProofPage};
use jiff::Timestamp;
use leptos::prelude::*;

use crate::editor::layout;
use crate::editor::sign_in::{redirect, redirect_to};
use crate::security::{SiteForm, client_key};
use crate::startup::AppState;

/// For as long as the server runs: forgets claims decided (or never proved) a month ago.
pub async fn keep_claims_forgotten(engine: std::sync::Arc<dayfinder::Engine>, site: String) {
    crate::periodic::every(
        std::time::Duration::from_secs(60 * 60),
        "forget old claims",
        engine,
        move |engine| {
            engine
                .claims(&site)
                .forget_old(Timestamp::now())
                .map_err(|e| dayfinder::Error::Invalid(e.to_string()))
        },
    )
    .await;
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/claim", get(form).post(make))
        .route("/claim/sent", get(sent))
        .route("/claim/prove/{token}", get(proof).post(prove))
}

fn html<V: IntoView + 'static>(
    state: &AppState,
    status: StatusCode,
    page: impl FnOnce() -> V,
) -> Response {
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

fn no_such_listing(state: &AppState) -> Response {
    layout::problem(
        StatusCode::NOT_FOUND,
        &state.leptos_options,
        "We cannot find that listing",
        "Go back to the listing on Dayfinder and choose “Manage this listing” again.",
    )
}

/// The form for `service`, with what was typed and what is wrong.
async fn form_page(
    state: &AppState,
    form: ClaimForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Response {
    let engine = state.engine.clone();
    let id = form.service.trim().to_string();
    let listing = match crate::editor::blocking("read a listing", move || engine.listing(&id)).await
    {
        Ok(Some(listing)) => listing,
        Ok(None) => return no_such_listing(state),
        Err(response) => return response,
    };
    let (service_id, service_name, organisation) = (
        listing.service.id,
        listing.service.name,
        listing.organisation.name,
    );
    html(state, status, move || {
        view! {
            <ClaimPage service_id=service_id.clone() service_name=service_name.clone()
                organisation=organisation.clone() form=form.clone() errors=errors.clone() />
        }
    })
}

/// Handles `GET /claim?service=ID`.
#[tracing::instrument(skip_all)]
async fn form(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let service = dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "service")
        .map(|(_, v)| v.chars().take(200).collect::<String>())
        .unwrap_or_default();
    let form = ClaimForm {
        service,
        ..ClaimForm::default()
    };
    form_page(&state, form, FieldErrors::new(), StatusCode::OK).await
}

/// Handles `POST /claim` (`service`, `name`, `email`, `job`, `consent=yes`).
#[tracing::instrument(skip_all)]
async fn make(State(state): State<AppState>, SiteForm(post): SiteForm) -> Response {
    let clip = |name: &str, most: usize| post.field(name).chars().take(most).collect::<String>();
    let form = ClaimForm {
        service: clip("service", 200),
        name: clip("name", 200),
        email: clip("email", 320),
        job: clip("job", 400),
        consent: post.field("consent") == "yes",
    };
    let client = client_key(&post.parts, &state.editor.trusted_proxies);
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    let asked = form.clone();
    let made = crate::editor::blocking("make a claim", move || {
        engine.claims(&site).make(&asked, &client, Timestamp::now())
    })
    .await;
    match made {
        Ok(ClaimMade::Sent) => {
            tracing::info!("a claim to manage a listing was made");
            redirect("/claim/sent", None)
        }
        Ok(ClaimMade::Invalid(problems)) => {
            let errors = problems.into_iter().collect();
            form_page(&state, form, errors, StatusCode::BAD_REQUEST).await
        }
        Ok(ClaimMade::UnknownService) => no_such_listing(&state),
        Ok(ClaimMade::TooMany) => layout::problem(
            StatusCode::TOO_MANY_REQUESTS,
            &state.leptos_options,
            "Too many requests",
            "You have sent several requests in the last hour. Try again later, or contact the council’s directory team.",
        ),
        Err(response) => response,
    }
}

/// Handles `GET /claim/sent`.
async fn sent(State(state): State<AppState>) -> Response {
    html(&state, StatusCode::OK, || view! { <ClaimSentPage /> })
}

fn proof_page(state: &AppState, link: ProofLink, token: String, done: bool) -> Response {
    let status = match link {
        ProofLink::NotValid => StatusCode::NOT_FOUND,
        _ => StatusCode::OK,
    };
    html(state, status, move || {
        view! { <ProofPage state=link.clone() token=token.clone() done /> }
    })
}

/// Handles `GET /claim/prove/<token>` (`?done=yes` after confirming).
#[tracing::instrument(skip_all)]
async fn proof(
    State(state): State<AppState>,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    let asked = token.clone();
    match crate::editor::blocking("read a claim's link", move || {
        engine.claims(&site).proof(&asked, Timestamp::now())
    })
    .await
    {
        Ok(link) => proof_page(&state, link, token, query.as_deref() == Some("done=yes")),
        Err(response) => response,
    }
}

/// Handles `POST /claim/prove/<token>`: "Confirm my email address".
#[tracing::instrument(skip_all)]
async fn prove(
    State(state): State<AppState>,
    Path(token): Path<String>,
    SiteForm(_post): SiteForm,
) -> Response {
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    let asked = token.clone();
    match crate::editor::blocking("confirm a claim's address", move || {
        engine.claims(&site).prove(&asked, Timestamp::now())
    })
    .await
    {
        Ok(ProofLink::Proved) => redirect_to(&format!("/claim/prove/{token}?done=yes"), None),
        Ok(link) => proof_page(&state, link, token, false),
        Err(response) => response,
    }
}
