//! Signing in and out.

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::AccountError;
use jiff::Timestamp;

use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::SignInPage;
use leptos::prelude::*;

use super::layout;
use crate::security::{
    self, Post, SESSION_COOKIE, SIGN_IN_COOKIE, SiteForm, client_key, current_session,
    refused_origin,
};
use crate::startup::AppState;
use dayfinder_app::view_mode::ViewMode;

/// Every `Cookie` header of a request, as one.
fn cookies(headers: &HeaderMap) -> Option<String> {
    let all: Vec<&str> = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    (!all.is_empty()).then(|| all.join("; "))
}

/// What the sign-in form shows: what was typed (never the password) and what went wrong.
#[derive(Default)]
struct Form<'a> {
    email: &'a str,
    errors: FieldErrors,
    /// "You have signed out.", after signing out.
    notice: Option<&'static str>,
}

/// The sign-in page with a fresh form token (and its cookie), with `status`.
fn render(state: &AppState, headers: &HeaderMap, status: StatusCode, form: Form) -> Response {
    let token = match dayfinder::accounts::CsrfToken::generate() {
        Ok(token) => token,
        Err(error) => {
            tracing::error!(?error, "Failed to make a sign-in form token");
            return layout::went_wrong();
        }
    };
    let easy = ViewMode::of_request(cookies(headers).as_deref(), None).is_easy();
    let (csrf, email, errors, notice) = (
        token.as_str().to_string(),
        form.email.to_string(),
        form.errors,
        form.notice,
    );
    let page = move || view! { <SignInPage csrf email errors notice easy /> };
    let mut response = (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response();
    let cookie = security::set_cookie(state, headers, SIGN_IN_COOKIE, token.as_str(), None);
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The form again, with one message about `field`.
fn one_error(field: &str, message: impl Into<String>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    errors
}

/// Handles `GET /editor/sign-in`: the form, or "Your services" when already signed in.
#[tracing::instrument(skip_all)]
pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let form = Form {
        notice: match query.as_deref() {
            Some("signed-out") => Some("You have signed out."),
            Some("password-set") => Some("Your new password is set. Sign in with it."),
            _ => None,
        },
        ..Form::default()
    };
    match current_session(&state, &headers).await {
        Ok(Some(_)) => redirect("/editor", None),
        Ok(None) => render(&state, &headers, StatusCode::OK, form),
        Err(response) => response,
    }
}

/// Handles `POST /editor/sign-in` (`email`, `password`, `csrf`): opens a session and goes
/// to "Your services".
#[tracing::instrument(skip_all)]
pub async fn sign_in(State(state): State<AppState>, request: Request<Body>) -> Response {
    let post = Post::read(request).await;
    let headers = post.parts.headers.clone();
    if let Some(refused) = refused_origin(&state, &post.parts) {
        return refused;
    }
    let email = post.field("email").trim();
    if !security::sign_in_csrf_ok(&state, &post) {
        let form = Form {
            email,
            errors: one_error("email", "The sign-in form had expired. Sign in again."),
            notice: None,
        };
        return render(&state, &headers, StatusCode::FORBIDDEN, form);
    }
    let mut errors = FieldErrors::new();
    if email.is_empty() {
        errors.add("email", "Enter your email address");
    }
    if post.field("password").is_empty() {
        errors.add("password", "Enter your password");
    }
    if !errors.is_empty() {
        return render(
            &state,
            &headers,
            StatusCode::BAD_REQUEST,
            Form {
                email,
                errors,
                notice: None,
            },
        );
    }
    let engine = state.engine.clone();
    let (typed, password, client) = (
        email.to_string(),
        post.field("password").to_string(),
        client_key(&post.parts, &state.editor.trusted_proxies),
    );
    let outcome = tokio::task::spawn_blocking(move || {
        engine
            .accounts()
            .sign_in(&typed, &password, &client, Timestamp::now())
    })
    .await;
    let failed = |status: StatusCode, error: &AccountError| {
        render(
            &state,
            &headers,
            status,
            Form {
                email,
                errors: one_error("email", error.to_string()),
                notice: None,
            },
        )
    };
    match outcome {
        Ok(Ok(signed_in)) => {
            tracing::info!(
                account = signed_in.session.account.id.0,
                awaiting_code = signed_in.awaiting_code,
                "an editor's password was right"
            );
            let session = security::session_cookie(&state, &headers, &signed_in.token);
            let next = if signed_in.awaiting_code {
                "/editor/sign-in/code"
            } else {
                "/editor"
            };
            let mut response = redirect(next, Some(session));
            let spent = security::set_cookie(&state, &headers, SIGN_IN_COOKIE, "", Some(0));
            if let Ok(value) = HeaderValue::from_str(&spent) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        Ok(Err(error @ AccountError::WrongEmailOrPassword)) => {
            failed(StatusCode::BAD_REQUEST, &error)
        }
        Ok(Err(error @ AccountError::Disabled)) => {
            tracing::info!("refused a sign-in: the account is disabled");
            failed(StatusCode::FORBIDDEN, &error)
        }
        Ok(Err(error @ AccountError::TooManyAttempts)) => {
            tracing::warn!("refused a sign-in: too many failed attempts");
            retry_later(failed(StatusCode::TOO_MANY_REQUESTS, &error))
        }
        Ok(Err(error)) => {
            tracing::error!(?error, "Failed to sign in");
            layout::went_wrong()
        }
        Err(error) => {
            tracing::error!(?error, "The sign-in task failed");
            layout::went_wrong()
        }
    }
}

/// Handles `POST /editor/sign-out` (`csrf`): ends the session wherever its cookie is.
#[tracing::instrument(skip_all)]
pub async fn sign_out(State(state): State<AppState>, SiteForm(post): SiteForm) -> Response {
    let headers = post.parts.headers.clone();
    let session = match current_session(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let gone = security::set_cookie(&state, &headers, SESSION_COOKIE, "", Some(0));
    let Some((token, session)) = session else {
        // Already signed out (or expired): nothing to end.
        return redirect("/editor/sign-in", Some(gone));
    };
    if !security::csrf_ok(&session, &post) {
        return security::forbidden_form(&state);
    }
    let engine = state.engine.clone();
    if let Err(response) =
        super::blocking("end a session", move || engine.accounts().sign_out(&token)).await
    {
        return response;
    }
    redirect("/editor/sign-in?signed-out", Some(gone))
}

/// Says when to try again after too many attempts (`Retry-After`: the limits' window).
pub fn retry_later(mut response: Response) -> Response {
    let window = dayfinder::accounts::FAILURE_WINDOW.as_secs().to_string();
    if let Ok(value) = HeaderValue::from_str(&window) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// A 303 See Other to a path on this site, setting a cookie when given one.
pub fn redirect(to: &'static str, cookie: Option<String>) -> Response {
    redirect_to(to, cookie)
}

/// As `redirect`, to a path built at run time (only from values this site made).
pub fn redirect_to(to: &str, cookie: Option<String>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    let location =
        HeaderValue::from_str(to).unwrap_or_else(|_| HeaderValue::from_static("/editor"));
    headers.insert(header::LOCATION, location);
    if let Some(value) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        headers.insert(header::SET_COOKIE, value);
    }
    response
}
