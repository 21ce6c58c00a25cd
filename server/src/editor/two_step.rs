//! The second step of signing in, for council editors: setting it up from "Your account"
//! (the secret as text, its `otpauth://` address, and a QR code drawn here as inline SVG,
//! so no other site is asked), and the code's form after the right password.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::{AccountError, EditorSession, SessionToken, TwoStepSecret};
use jiff::Timestamp;
use qrcodegen::{QrCode, QrCodeEcc};

use super::layout::{self, error_summary, escape, input};
use super::sign_in::{redirect, retry_later};
use crate::security::{self, Post, SESSION_COOKIE, client_key, cookie, refused_origin};
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

/// `text` as a QR code in SVG: one path of dark squares on white, four modules of quiet
/// zone, scaled by the page.
fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    let full = size + 8;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" width=\"240\" height=\"240\" \
         role=\"img\" aria-label=\"QR code for your app\" shape-rendering=\"crispEdges\">\
         <rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

/// The setup page for `secret`, with what went wrong.
fn setup_page(
    state: &AppState,
    session: &EditorSession,
    secret: &TwoStepSecret,
    status: StatusCode,
    errors: &[(&'static str, String)],
) -> Response {
    let url = match secret.otpauth_url(&session.account.email) {
        Ok(url) => url,
        Err(error) => {
            tracing::error!(?error, "Failed to make the app's address");
            return layout::went_wrong();
        }
    };
    let text = secret.to_base32();
    // In groups of four, as apps show it, easier to type.
    let grouped: Vec<String> = text
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let main = format!(
        "{summary}<h1 class=\"heading-xl\">Set up a code from an app</h1>\
         <p class=\"body\">Signing in will ask for a 6-digit code from an authenticator app on your \
         phone as well as your password, so your password alone is not enough to sign in as you.</p>\
         <ol class=\"list list--number\">\
         <li>Open an authenticator app on your phone and add an account.</li>\
         <li>Scan this QR code, or type in the key below.</li>\
         <li>Enter the 6-digit code the app shows.</li></ol>\
         <p class=\"body\">{qr}</p>\
         <h2 class=\"heading-s\">Key</h2>\
         <p class=\"body\"><code id=\"two-step-key\">{key}</code></p>\
         <details class=\"details\"><summary class=\"details__summary\">The app’s address, to paste</summary>\
         <div class=\"details__text\"><p class=\"body share\"><code>{url}</code></p></div></details>\
         <form method=\"post\" action=\"/editor/account/two-step\" novalidate>\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <input type=\"hidden\" name=\"secret\" value=\"{secret}\">{code}\
         <button type=\"submit\" class=\"button\">Turn on</button></form>",
        summary = error_summary(errors),
        qr = qr_svg(&url).unwrap_or_default(),
        key = escape(&grouped.join(" ")),
        url = escape(&url),
        csrf = escape(session.csrf_token.as_str()),
        secret = escape(&text),
        code = code_input(errors),
    );
    let title = if errors.is_empty() {
        "Set up a code from an app"
    } else {
        "Error: Set up a code from an app"
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

/// The 6-digit code's field.
fn code_input(errors: &[(&'static str, String)]) -> String {
    input(
        errors,
        "code",
        "Code from your app",
        Some("The 6 digits your app shows now, for example 123456"),
        "type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\" spellcheck=\"false\"",
        "",
    )
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
        Ok(secret) => setup_page(&state, &session, &secret, StatusCode::OK, &[]),
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
        let errors = [("code", "Enter the code from your app".to_string())];
        return setup_page(&state, &session, &secret, StatusCode::BAD_REQUEST, &errors);
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
            let errors = [("code", AccountError::WrongCode.to_string())];
            setup_page(&state, &session, &secret, StatusCode::BAD_REQUEST, &errors)
        }
        Err(response) => response,
    }
}

/// The code's form after the right password.
fn code_page(
    state: &AppState,
    session: &EditorSession,
    status: StatusCode,
    errors: &[(&'static str, String)],
) -> Response {
    let main = format!(
        "{summary}<h1 class=\"heading-xl\">Enter the code from your app</h1>\
         <p class=\"body\">Open the authenticator app on your phone to see the 6-digit code for \
         Dayfinder.</p>\
         <form method=\"post\" action=\"/editor/sign-in/code\" novalidate>\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">{code}\
         <button type=\"submit\" class=\"button\">Sign in</button></form>\
         <p class=\"body\">Lost your phone? Ask the person who runs Dayfinder to turn the code \
         off for your account.</p>",
        summary = error_summary(errors),
        csrf = escape(session.csrf_token.as_str()),
        code = code_input(errors),
    );
    let title = if errors.is_empty() {
        "Enter the code from your app"
    } else {
        "Error: Enter the code from your app"
    };
    (
        status,
        Html(layout::page(&state.leptos_options, title, None, &main)),
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
        Ok(Some((_, session))) => code_page(&state, &session, StatusCode::OK, &[]),
        Ok(None) => redirect("/editor/sign-in", None),
        Err(response) => response,
    }
}

/// Handles `POST /editor/sign-in/code` (`csrf`, `code`): a right code, not used before,
/// opens the editor's session.
#[tracing::instrument(skip_all)]
pub async fn enter_code(State(state): State<AppState>, request: Request<Body>) -> Response {
    let post = Post::read(request).await;
    if let Some(refused) = refused_origin(&state, &post.parts) {
        return refused;
    }
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
        let errors = [("code", "Enter the code from your app".to_string())];
        return code_page(&state, &session, StatusCode::BAD_REQUEST, &errors);
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
                &[("code", error.to_string())],
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
        &[("code", error.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_a_square_svg_of_dark_modules_with_a_quiet_zone() {
        let url = "otpauth://totp/Dayfinder:sam%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Dayfinder";
        let svg = qr_svg(url).expect("a QR code");
        let size = QrCode::encode_text(url, QrCodeEcc::Medium).unwrap().size();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", size + 8)));
        // The three finder patterns alone are 3 × 33 dark modules.
        assert!(svg.matches('M').count() >= 99);
        assert!(!svg.contains("href"), "nothing is fetched");
    }
}
