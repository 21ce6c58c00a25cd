//! A forgotten password (`dayfinder::accounts::PasswordResets`): the form that asks for the
//! email address, and the emailed link's form for a new password. Signed-out pages; each
//! POST passes the site's origin check and redirects.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::{AccountError, PasswordLinkState, PasswordSet};
use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::{ForgotPasswordPage, NewPasswordPage};
use jiff::Timestamp;
use leptos::prelude::*;

use super::sign_in::redirect;
use crate::security::SiteForm;
use crate::startup::AppState;

/// A page, built inside the render (the frame reads the site's options from it).
fn page<V: IntoView + 'static>(
    state: &AppState,
    status: StatusCode,
    view: impl FnOnce() -> V,
) -> Response {
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, view)),
    )
        .into_response()
}

/// Handles `GET /editor/forgot-password` (`?sent=yes` after asking).
#[tracing::instrument(skip_all)]
pub async fn forgot(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let sent = query.as_deref() == Some("sent=yes");
    page(
        &state,
        StatusCode::OK,
        move || view! { <ForgotPasswordPage email=String::new() errors=FieldErrors::new() sent /> },
    )
}

/// Handles `POST /editor/forgot-password` (`email`): the same answer for any address.
#[tracing::instrument(skip_all)]
pub async fn ask(State(state): State<AppState>, SiteForm(post): SiteForm) -> Response {
    let email = post.field("email").trim().to_string();
    let mut errors = FieldErrors::new();
    if email.is_empty() {
        errors.add("email", "Enter your email address");
    } else if dayfinder::accounts::Email::parse(&email).is_err() {
        errors.add("email", AccountError::InvalidEmail.to_string());
    }
    if !errors.is_empty() {
        let email: String = email.chars().take(200).collect();
        return page(
            &state,
            StatusCode::BAD_REQUEST,
            move || view! { <ForgotPasswordPage email errors sent=false /> },
        );
    }
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    if let Err(response) = super::blocking("send a password link", move || {
        engine.password_resets(&site).ask(&email, Timestamp::now())
    })
    .await
    {
        return response;
    }
    redirect("/editor/forgot-password?sent=yes", None)
}

/// The account's name when the link can be used.
async fn ready(state: &AppState, token: &str) -> Result<Option<String>, Response> {
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    let token = token.to_string();
    let link = super::blocking("read a password link", move || {
        engine.password_resets(&site).link(&token, Timestamp::now())
    })
    .await?;
    Ok(match link {
        PasswordLinkState::Ready(account) => Some(account.name),
        PasswordLinkState::NotValid => None,
    })
}

fn new_password_page(
    state: &AppState,
    token: String,
    name: Option<String>,
    errors: FieldErrors,
) -> Response {
    let status = match (&name, errors.is_empty()) {
        (None, _) => StatusCode::GONE,
        (Some(_), true) => StatusCode::OK,
        (Some(_), false) => StatusCode::BAD_REQUEST,
    };
    page(
        state,
        status,
        move || view! { <NewPasswordPage token name errors /> },
    )
}

/// Handles `GET /editor/reset-password/<token>`.
#[tracing::instrument(skip_all)]
pub async fn link(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match ready(&state, &token).await {
        Ok(name) => new_password_page(&state, token, name, FieldErrors::new()),
        Err(response) => response,
    }
}

/// Handles `POST /editor/reset-password/<token>` (`new`, `again`).
#[tracing::instrument(skip_all)]
pub async fn set(
    State(state): State<AppState>,
    Path(token): Path<String>,
    SiteForm(post): SiteForm,
) -> Response {
    let name = match ready(&state, &token).await {
        Ok(Some(name)) => name,
        Ok(None) => return new_password_page(&state, token, None, FieldErrors::new()),
        Err(response) => return response,
    };
    let mut errors = FieldErrors::new();
    let password =
        super::account::new_password(post.field("new"), post.field("again"), &mut errors);
    let (true, Some(password)) = (errors.is_empty(), password) else {
        return new_password_page(&state, token, Some(name), errors);
    };
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    let asked = token.clone();
    match super::blocking("set a password from a link", move || {
        engine
            .password_resets(&site)
            .set(&asked, &password, Timestamp::now())
    })
    .await
    {
        Ok(PasswordSet::Done(account)) => {
            tracing::info!(
                account = account.id.0,
                "a password was set from an emailed link"
            );
            redirect("/editor/sign-in?password-set", None)
        }
        Ok(PasswordSet::NotValid) => new_password_page(&state, token, None, FieldErrors::new()),
        Err(response) => response,
    }
}
