//! The second step of signing in, for council editors: setting it up from "Your account"
//! (the page, with its QR code, is `dayfinder_app::editor::TwoStepSetupPage`), and the
//! code's form after the right password.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::{AccountError, EditorSession, SessionToken, TwoStepSecret};
use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::{TwoStepCodePage, TwoStepSetupPage};
use jiff::Timestamp;
use leptos::prelude::*;

use super::layout;
use super::sign_in::{redirect, retry_later};
use crate::security::{self, SESSION_COOKIE, SiteForm, client_key, cookie};
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

/// The setup page for `secret`, with what went wrong.
fn setup_page(
    state: &AppState,
    session: &EditorSession,
    secret: &TwoStepSecret,
    status: StatusCode,
    errors: FieldErrors,
) -> Response {
    let url = match secret.otpauth_url(&session.account.email) {
        Ok(url) => url,
        Err(error) => {
            tracing::error!(?error, "Failed to make the app's address");
            return layout::went_wrong();
        }
    };
    let (editor, secret) = (session.clone(), secret.to_base32());
    let page = move || view! { <TwoStepSetupPage editor url secret errors /> };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// What went wrong with the code typed.
fn code_error(message: impl Into<String>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.add("code", message);
    errors
}

/// The council editor for the setup pages, or the answer to send instead.
fn council_only(state: &AppState, session: &EditorSession) -> Option<Response> {
    if session.account.role.may_use_two_step() {
        None
    } else {
        Some(layout::problem(
            StatusCode::FORBIDDEN,
            &state.leptos_options,
            "Only council editors sign in with a code from an app",
            "Provider editors sign in with their password.",
        ))
    }
}

/// Handles `GET /editor/account/two-step`: a new secret to set up (or, when it is set up
/// already, back to "Your account").
#[tracing::instrument(skip_all)]
pub async fn setup_form(State(state): State<AppState>, SignedIn(session): SignedIn) -> Response {
    if let Some(refused) = council_only(&state, &session) {
        return refused;
    }
    if session.account.two_step {
        return redirect("/editor/account", None);
    }
    match TwoStepSecret::generate() {
        Ok(secret) => setup_page(
            &state,
            &session,
            &secret,
            StatusCode::OK,
            FieldErrors::new(),
        ),
        Err(error) => {
            tracing::error!(?error, "Failed to make a second step's secret");
            layout::went_wrong()
        }
    }
}

/// Handles `POST /editor/account/two-step` (`csrf`, `secret`, `code`): turns the second
/// step on once the app's code proves it has the secret.
#[tracing::instrument(skip_all)]
pub async fn set_up(
    State(state): State<AppState>,
    EditorPost(post, session): EditorPost,
) -> Response {
    if let Some(refused) = council_only(&state, &session) {
        return refused;
    }
    let Some(secret) = TwoStepSecret::parse(post.field("secret")) else {
        return layout::problem(
            StatusCode::BAD_REQUEST,
            &state.leptos_options,
            "Nothing was changed",
            "The setup form was not complete. Go back to your account and start again.",
        );
    };
    let code = post.field("code").trim().to_string();
    if code.is_empty() {
        let errors = code_error("Enter the code from your app");
        return setup_page(&state, &session, &secret, StatusCode::BAD_REQUEST, errors);
    }
    let engine = state.engine.clone();
    let (account, kept) = (session.account.clone(), secret.clone());
    let outcome = super::blocking("set up a second step", move || {
        match engine
            .accounts()
            .set_up_two_step(&account, &kept, &code, Timestamp::now())
        {
            Err(AccountError::WrongCode) => Ok(false),
            other => other.map(|()| true),
        }
    })
    .await;
    match outcome {
        Ok(true) => {
            tracing::info!(account = session.account.id.0, "a second step was set up");
            redirect("/editor/account?two-step-on", None)
        }
        Ok(false) => {
            let errors = code_error(AccountError::WrongCode.to_string());
            setup_page(&state, &session, &secret, StatusCode::BAD_REQUEST, errors)
        }
        Err(response) => response,
    }
}

/// The code's form after the right password.
fn code_page(
    state: &AppState,
    session: &EditorSession,
    status: StatusCode,
    errors: FieldErrors,
) -> Response {
    let csrf = session.csrf_token.as_str().to_string();
    let page = move || view! { <TwoStepCodePage csrf errors /> };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// The session awaiting its code that the request's cookie names, if any.
async fn awaiting(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(SessionToken, EditorSession)>, Response> {
    let Some(token) = cookie(headers, SESSION_COOKIE).and_then(SessionToken::parse) else {
        return Ok(None);
    };
    let engine = state.engine.clone();
    let lookup = token.clone();
    let session = super::blocking("look up a sign-in awaiting its code", move || {
        engine
            .accounts()
            .session_awaiting_code(&lookup, Timestamp::now())
    })
    .await?;
    Ok(session.map(|s| (token, s)))
}

/// Handles `GET /editor/sign-in/code`: the code's form, or back to sign in.
#[tracing::instrument(skip_all)]
pub async fn code_form(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match awaiting(&state, &headers).await {
        Ok(Some((_, session))) => code_page(&state, &session, StatusCode::OK, FieldErrors::new()),
        Ok(None) => redirect("/editor/sign-in", None),
        Err(response) => response,
    }
}

/// Handles `POST /editor/sign-in/code` (`csrf`, `code`): a right code, not used before,
/// opens the editor's session.
#[tracing::instrument(skip_all)]
pub async fn enter_code(State(state): State<AppState>, SiteForm(post): SiteForm) -> Response {
    let headers = post.parts.headers.clone();
    let (token, session) = match awaiting(&state, &headers).await {
        Ok(Some(found)) => found,
        Ok(None) => return redirect("/editor/sign-in", None),
        Err(response) => return response,
    };
    if !session.csrf_token.matches(post.field("csrf")) {
        return security::forbidden_form(&state);
    }
    let code = post.field("code").trim().to_string();
    if code.is_empty() {
        let errors = code_error("Enter the code from your app");
        return code_page(&state, &session, StatusCode::BAD_REQUEST, errors);
    }
    let engine = state.engine.clone();
    let client = client_key(&post.parts, &state.editor.trusted_proxies);
    let outcome = tokio::task::spawn_blocking(move || {
        engine
            .accounts()
            .enter_code(&token, &code, &client, Timestamp::now())
    })
    .await;
    let error = match outcome {
        Ok(Ok(signed_in)) => {
            tracing::info!(
                account = signed_in.session.account.id.0,
                "an editor signed in with a code"
            );
            let cookie = security::session_cookie(&state, &headers, &signed_in.token);
            return redirect("/editor", Some(cookie));
        }
        Ok(Err(AccountError::SignInExpired)) => return redirect("/editor/sign-in", None),
        Ok(Err(error @ (AccountError::WrongCode | AccountError::CodeUsed))) => error,
        Ok(Err(error @ AccountError::TooManyAttempts)) => {
            let page = code_page(
                &state,
                &session,
                StatusCode::TOO_MANY_REQUESTS,
                code_error(error.to_string()),
            );
            return retry_later(page);
        }
        Ok(Err(error)) => {
            tracing::error!(?error, "Failed to check a code");
            return layout::went_wrong();
        }
        Err(error) => {
            tracing::error!(?error, "The task checking a code failed");
            return layout::went_wrong();
        }
    };
    code_page(
        &state,
        &session,
        StatusCode::BAD_REQUEST,
        code_error(error.to_string()),
    )
}
