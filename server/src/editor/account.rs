//! "Your account", for every editor: who they are, changing their password (also when
//! someone else set it and it must be changed first), and, for council editors, the
//! second step of signing in (`two_step.rs`).

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::{AccountError, EditorSession, Password};
use jiff::Timestamp;

use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::{AccountPage, PasswordPage};
use leptos::prelude::*;

use super::layout;
use super::sign_in::redirect;
use crate::security::SignedIn;
use crate::security::{SiteForm, client_key, csrf_ok, current_session, forbidden_form};
use crate::startup::AppState;

/// Whether the page's query has the flag `name` (`?password-changed`).
pub(super) fn flag(query: Option<&str>, name: &str) -> bool {
    query.unwrap_or("").split('&').any(|part| part == name)
}

/// Handles `GET /editor/account`: who is signed in, and what they can change.
#[tracing::instrument(skip_all)]
pub async fn page(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let password_changed = flag(query.as_deref(), "password-changed");
    let two_step_on = flag(query.as_deref(), "two-step-on");
    let page = move || view! { <AccountPage editor=session password_changed two_step_on /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

/// The change-password page, with what went wrong (nothing typed is ever shown again).
fn password_page(
    state: &AppState,
    session: &EditorSession,
    status: StatusCode,
    errors: FieldErrors,
) -> Response {
    let editor = session.clone();
    let page = move || view! { <PasswordPage editor errors /> };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// Handles `GET /editor/account/password`.
#[tracing::instrument(skip_all)]
pub async fn password_form(State(state): State<AppState>, SignedIn(session): SignedIn) -> Response {
    password_page(&state, &session, StatusCode::OK, FieldErrors::new())
}

/// Handles `POST /editor/account/password` (`csrf`, `current`, `new`, `again`): checks
/// the current password, sets the new one, and ends the editor's other sessions.
#[tracing::instrument(skip_all)]
pub async fn change_password(State(state): State<AppState>, SiteForm(post): SiteForm) -> Response {
    let (token, session) = match current_session(&state, &post.parts.headers).await {
        Ok(Some(found)) => found,
        Ok(None) => return redirect("/editor/sign-in", None),
        Err(response) => return response,
    };
    if !csrf_ok(&session, &post) {
        return forbidden_form(&state);
    }
    let (current, new, again) = (
        post.field("current"),
        post.field("new"),
        post.field("again"),
    );
    let mut errors = FieldErrors::new();
    if current.is_empty() {
        errors.add("current", "Enter your current password");
    }
    let password = new_password(new, again, &mut errors);
    let (true, Some(password)) = (errors.is_empty(), password) else {
        return password_page(&state, &session, StatusCode::BAD_REQUEST, errors);
    };
    let engine = state.engine.clone();
    let client = client_key(&post.parts, &state.editor.trusted_proxies);
    let (current, changing) = (current.to_string(), session.clone());
    let outcome = tokio::task::spawn_blocking(move || {
        engine.accounts().change_password(
            &changing,
            &token,
            &current,
            &password,
            &client,
            Timestamp::now(),
        )
    })
    .await;
    let field = match outcome {
        Ok(Ok(())) => {
            tracing::info!(
                account = session.account.id.0,
                "an editor changed their password"
            );
            return redirect("/editor/account?password-changed", None);
        }
        Ok(Err(error @ (AccountError::WrongCurrentPassword | AccountError::TooManyAttempts))) => {
            ("current", error)
        }
        Ok(Err(error @ AccountError::SamePassword)) => ("new", error),
        Ok(Err(error)) => {
            tracing::error!(?error, "Failed to change a password");
            return layout::went_wrong();
        }
        Err(error) => {
            tracing::error!(?error, "The task changing a password failed");
            return layout::went_wrong();
        }
    };
    let status = if matches!(field.1, AccountError::TooManyAttempts) {
        StatusCode::TOO_MANY_REQUESTS
    } else {
        StatusCode::BAD_REQUEST
    };
    let errors = FieldErrors::from_iter([(field.0, field.1.to_string())]);
    password_page(&state, &session, status, errors)
}

/// A new password typed twice (`new`, `again`), or `None` with what is wrong in `errors`.
pub(super) fn new_password(new: &str, again: &str, errors: &mut FieldErrors) -> Option<Password> {
    let password = Password::parse(new);
    match &password {
        Err(_) if new.is_empty() => errors.add("new", "Enter a new password"),
        Err(error) => errors.add("new", error.to_string()),
        Ok(_) if again.is_empty() => errors.add("again", "Enter the new password again"),
        Ok(_) if again != new => errors.add(
            "again",
            "The new passwords are not the same. Enter the same new password twice",
        ),
        Ok(_) => {}
    }
    password.ok()
}
