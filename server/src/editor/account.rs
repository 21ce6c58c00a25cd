//! "Your account", for every editor: who they are, changing their password (also when
//! someone else set it and it must be changed first), and, for council editors, the
//! second step of signing in (`two_step.rs`).

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{Request, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::{AccountError, EditorSession, Password};
use jiff::Timestamp;

use super::layout::{self, error_summary, escape, input, notice};
use super::sign_in::redirect;
use crate::security::SignedIn;
use crate::security::{Post, client_key, csrf_ok, current_session, forbidden_form, refused_origin};
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
    let account = &session.account;
    let mut main = String::new();
    if flag(query.as_deref(), "password-changed") {
        main.push_str(&notice(
            "Your password has been changed. You have been signed out everywhere else.",
        ));
    }
    if flag(query.as_deref(), "two-step-on") {
        main.push_str(&notice(
            "Signing in now asks for a code from your app as well as your password.",
        ));
    }
    let two_step = if account.role.may_use_two_step() {
        let (state_text, action) = if account.two_step {
            (
                "On: signing in asks for a code from your app.",
                "<p class=\"body\">If you lose your phone, ask the person who runs Dayfinder \
                 to turn it off (<code>dayfinder reset-totp</code>), then set it up again.</p>",
            )
        } else {
            (
                "Not set up.",
                "<p class=\"body\"><a class=\"link\" href=\"/editor/account/two-step\">Set up a \
                 code from an app</a></p>",
            )
        };
        format!(
            "<h2 class=\"heading-m\">Code from an app</h2><p class=\"body\">{state_text}</p>{action}"
        )
    } else {
        String::new()
    };
    main.push_str(&format!(
        "<h1 class=\"heading-xl\">Your account</h1>\
         <dl class=\"summary-list\">\
         <div class=\"summary-list__row\"><dt class=\"summary-list__key\">Name</dt><dd class=\"summary-list__value\">{name}</dd></div>\
         <div class=\"summary-list__row\"><dt class=\"summary-list__key\">Email address</dt><dd class=\"summary-list__value\">{email}</dd></div>\
         <div class=\"summary-list__row\"><dt class=\"summary-list__key\">Role</dt><dd class=\"summary-list__value\">{role}</dd></div>\
         </dl>\
         <h2 class=\"heading-m\">Password</h2>\
         <p class=\"body\"><a class=\"link\" href=\"/editor/account/password\">Change your password</a></p>{two_step}",
        name = escape(&account.name),
        email = escape(account.email.as_str()),
        role = account.role.label(),
    ));
    Html(layout::page(
        &state.leptos_options,
        "Your account",
        Some(&session),
        &main,
    ))
    .into_response()
}

/// The change-password page, with what went wrong (nothing typed is ever shown again).
fn password_page(
    state: &AppState,
    session: &EditorSession,
    status: StatusCode,
    errors: &[(&'static str, String)],
) -> Response {
    let forced = if session.account.must_change_password {
        "<p class=\"body\">Your password was chosen by someone else, so choose your own before \
         you go on. Nobody else will know it.</p>"
    } else {
        ""
    };
    let password = |name: &str, label: &str, hint: Option<&str>, autocomplete: &str| {
        input(
            errors,
            name,
            label,
            hint,
            &format!("type=\"password\" autocomplete=\"{autocomplete}\" spellcheck=\"false\""),
            "",
        )
    };
    let hint = format!(
        "At least {} characters, and not one of the passwords people use most. A few ordinary \
         words together are easy to remember and hard to guess.",
        Password::MIN
    );
    let main = format!(
        "{summary}<h1 class=\"heading-xl\">Change your password</h1>{forced}\
         <form method=\"post\" action=\"/editor/account/password\" novalidate>\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">{current}{new}{again}\
         <button type=\"submit\" class=\"button\">Change password</button></form>",
        summary = error_summary(errors),
        csrf = escape(session.csrf_token.as_str()),
        current = password("current", "Current password", None, "current-password"),
        new = password("new", "New password", Some(&hint), "new-password"),
        again = password("again", "New password again", None, "new-password"),
    );
    let title = if errors.is_empty() {
        "Change your password"
    } else {
        "Error: Change your password"
    };
    (
        status,
        Html(layout::page(
            &state.leptos_options,
            title,
            Some(session),
            &main,
        )),
    )
        .into_response()
}

/// Handles `GET /editor/account/password`.
#[tracing::instrument(skip_all)]
pub async fn password_form(State(state): State<AppState>, SignedIn(session): SignedIn) -> Response {
    password_page(&state, &session, StatusCode::OK, &[])
}

/// Handles `POST /editor/account/password` (`csrf`, `current`, `new`, `again`): checks
/// the current password, sets the new one, and ends the editor's other sessions.
#[tracing::instrument(skip_all)]
pub async fn change_password(State(state): State<AppState>, request: Request<Body>) -> Response {
    let post = Post::read(request).await;
    if let Some(refused) = refused_origin(&state, &post.parts) {
        return refused;
    }
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
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    if current.is_empty() {
        errors.push(("current", "Enter your current password".into()));
    }
    let password = Password::parse(new);
    match &password {
        Err(_) if new.is_empty() => errors.push(("new", "Enter a new password".into())),
        Err(error) => errors.push(("new", error.to_string())),
        Ok(_) if again.is_empty() => errors.push(("again", "Enter the new password again".into())),
        Ok(_) if again != new => errors.push((
            "again",
            "The new passwords are not the same. Enter the same new password twice".into(),
        )),
        Ok(_) => {}
    }
    let (true, Ok(password)) = (errors.is_empty(), password) else {
        return password_page(&state, &session, StatusCode::BAD_REQUEST, &errors);
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
    password_page(&state, &session, status, &[(field.0, field.1.to_string())])
}
