//! "Invite a colleague" (`dayfinder::Engine::invite`): the form and its POST.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::{AccountError, EditorSession};
use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::InvitePage;
use jiff::Timestamp;
use leptos::prelude::*;

use super::sign_in::redirect_to;
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

fn render(
    state: &AppState,
    status: StatusCode,
    editor: EditorSession,
    (name, email): (String, String),
    errors: FieldErrors,
    invited: Option<String>,
) -> Response {
    let page = move || view! { <InvitePage editor name email errors invited /> };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// Handles `GET /editor/account/invite` (`?invited=NAME` after sending).
#[tracing::instrument(skip_all)]
pub async fn form(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    RawQuery(query): RawQuery,
) -> Response {
    let invited = dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "invited")
        .map(|(_, v)| v.chars().take(100).collect());
    render(
        &state,
        StatusCode::OK,
        session,
        Default::default(),
        FieldErrors::new(),
        invited,
    )
}

/// Handles `POST /editor/account/invite` (`csrf`, `name`, `email`).
#[tracing::instrument(skip_all)]
pub async fn send(
    State(state): State<AppState>,
    EditorPost(post, session): EditorPost,
) -> Response {
    let name: String = post.field("name").trim().chars().take(200).collect();
    let email: String = post.field("email").trim().chars().take(320).collect();
    let mut errors = FieldErrors::new();
    if name.is_empty() {
        errors.add("name", "Enter your colleague’s full name");
    }
    if email.is_empty() {
        errors.add("email", "Enter your colleague’s work email address");
    } else if dayfinder::accounts::Email::parse(&email).is_err() {
        errors.add("email", AccountError::InvalidEmail.to_string());
    }
    if !errors.is_empty() {
        return render(
            &state,
            StatusCode::BAD_REQUEST,
            session,
            (name, email),
            errors,
            None,
        );
    }
    let engine = state.engine.clone();
    let site = state.site_url.clone();
    let inviter = session.account.clone();
    let (typed_name, typed_email) = (name.clone(), email.clone());
    let invited = super::blocking("invite a colleague", move || {
        Ok::<_, AccountError>(engine.invite(
            &inviter,
            &typed_email,
            &typed_name,
            &site,
            Timestamp::now(),
        ))
    })
    .await;
    match invited {
        Ok(Ok(account)) => {
            tracing::info!(account = account.id.0, "a colleague was invited");
            redirect_to(
                &format!(
                    "/editor/account/invite?{}",
                    dayfinder_app::urls::encode([("invited", account.name.as_str())])
                ),
                None,
            )
        }
        Ok(Err(AccountError::EmailTaken)) => {
            errors.add("email", AccountError::EmailTaken.to_string());
            render(
                &state,
                StatusCode::BAD_REQUEST,
                session,
                (name, email),
                errors,
                None,
            )
        }
        Ok(Err(error)) => {
            tracing::error!(?error, "could not invite a colleague");
            super::layout::went_wrong()
        }
        Err(response) => response,
    }
}
