//! "Accounts", for council editors: who can edit, adding a provider editor, and disabling
//! an editor who has left (two clicks: "Disable" on their row, then "Yes, disable") or
//! re-enabling them.

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::{
    Account, AccountError, AccountId, EditorSession, NewAccount, Password, Role,
};
use dayfinder::model::Organisation;
use jiff::Timestamp;

use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::{AccountsPage, DisableAccountPage};
use leptos::prelude::*;

use super::layout;
use super::sign_in::{redirect, redirect_to};
use crate::security::{Post, SiteForm, csrf_ok, current_session, forbidden_form, refused_origin};
use crate::startup::AppState;

/// What the "add an editor" form holds after a failed try (never the password).
#[derive(Default)]
struct Typed {
    name: String,
    email: String,
    organisation: String,
    errors: FieldErrors,
}

/// The signed-in council editor, or the response to send instead.
async fn council_editor(state: &AppState, headers: &HeaderMap) -> Result<EditorSession, Response> {
    match current_session(state, headers).await? {
        Some((_, session)) if session.account.role.may_manage_accounts() => Ok(session),
        Some(_) => Err(layout::problem(
            StatusCode::FORBIDDEN,
            &state.leptos_options,
            "Only council editors can manage accounts",
            "Ask the council’s directory team to add or remove an editor.",
        )),
        None => Err(redirect("/editor/sign-in", None)),
    }
}

/// Everyone's accounts and every organisation, for the page.
async fn load(state: &AppState) -> Result<(Vec<Account>, Vec<Organisation>), Response> {
    let engine = state.engine.clone();
    super::blocking("list accounts", move || {
        let accounts = engine.accounts().all().map_err(|e| format!("{e:?}"))?;
        let mut organisations = engine
            .directory()
            .map_err(|e| format!("{e:?}"))?
            .organisations;
        organisations.sort_by(|a, b| a.name.cmp(&b.name));
        Ok::<_, String>((accounts, organisations))
    })
    .await
}

/// The page, with `status`.
fn accounts_page(
    state: &AppState,
    status: StatusCode,
    session: EditorSession,
    (accounts, organisations): (Vec<Account>, Vec<Organisation>),
    typed: Typed,
    done: Option<String>,
) -> Response {
    let council = state.profile.council.name.to_string();
    let Typed {
        name,
        email,
        organisation,
        errors,
    } = typed;
    let page = move || {
        view! {
            <AccountsPage editor=session accounts organisations council name email organisation
                errors done />
        }
    };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

/// Handles `GET /editor/accounts`: the editors, and the form to add one.
#[tracing::instrument(skip_all)]
pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let session = match council_editor(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let data = match load(&state).await {
        Ok(data) => data,
        Err(response) => return response,
    };
    let decoded = dayfinder_app::urls::decode(query.as_deref().unwrap_or(""));
    let done = decoded.into_iter().find_map(|(k, v)| match k.as_str() {
        "added" => Some(format!("Account added for {v}.")),
        "disabled" => Some(format!(
            "The account of {v} is disabled: it cannot sign in, and its sessions have ended."
        )),
        "enabled" => Some(format!("The account of {v} can sign in again.")),
        _ => None,
    });
    accounts_page(
        &state,
        StatusCode::OK,
        session,
        data,
        Typed::default(),
        done,
    )
}

/// Handles `POST /editor/accounts` (`csrf`, `name`, `email`, `organisation`, `password`):
/// adds a provider editor.
#[tracing::instrument(skip_all)]
pub async fn add(State(state): State<AppState>, SiteForm(post): SiteForm) -> Response {
    let session = match council_editor(&state, &post.parts.headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    if !csrf_ok(&session, &post) {
        return forbidden_form(&state);
    }
    let mut typed = Typed {
        name: post.field("name").trim().to_string(),
        email: post.field("email").trim().to_string(),
        organisation: post.field("organisation").to_string(),
        errors: FieldErrors::new(),
    };
    let mut errors = Vec::new();
    if typed.organisation.is_empty() {
        errors.push((
            "organisation",
            "Choose the organisation they edit for".to_string(),
        ));
    }
    let role = Role::Provider {
        organisation_id: typed.organisation.clone(),
    };
    // The council editor chose the password: the new editor chooses their own at first.
    let account = NewAccount::parse(&typed.email, &typed.name, role)
        .map(|account| account.set_by(Some(&session.account)));
    if let Err(error) = &account {
        let field = if matches!(error, AccountError::MissingName) {
            "name"
        } else {
            "email"
        };
        errors.push((field, error.to_string()));
    }
    let password = Password::parse(post.field("password"));
    if let Err(error) = &password {
        errors.push(("password", error.to_string()));
    }
    // Fields in the order the form shows them.
    let order = ["name", "email", "organisation", "password"];
    errors.sort_by_key(|(field, _)| order.iter().position(|f| f == field));
    typed.errors = errors.into_iter().collect();
    if let (true, Ok(account), Ok(password)) = (typed.errors.is_empty(), account, password) {
        let engine = state.engine.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            engine.add_editor(&account, &password, Timestamp::now())
        })
        .await;
        match outcome {
            Ok(Ok(added)) => {
                tracing::info!(
                    by = session.account.id.0,
                    account = added.id.0,
                    "an editor account was added"
                );
                return back_to_accounts("added", &added);
            }
            Ok(Err(error @ AccountError::EmailTaken)) => {
                typed.errors.add("email", error.to_string())
            }
            Ok(Err(error @ AccountError::UnknownOrganisation(_))) => {
                typed.errors.add("organisation", error.to_string())
            }
            Ok(Err(error)) => {
                tracing::error!(?error, "Failed to add an account");
                return layout::went_wrong();
            }
            Err(error) => {
                tracing::error!(?error, "The task adding an account failed");
                return layout::went_wrong();
            }
        }
    }
    let data = match load(&state).await {
        Ok(data) => data,
        Err(response) => return response,
    };
    accounts_page(&state, StatusCode::BAD_REQUEST, session, data, typed, None)
}

/// Back to "Accounts", saying what was done (`what`) to `account`.
fn back_to_accounts(what: &str, account: &Account) -> Response {
    let email: String =
        form_urlencoded::byte_serialize(account.email.as_str().as_bytes()).collect();
    redirect_to(&format!("/editor/accounts?{what}={email}"), None)
}

/// The account `id` names, if there is one.
async fn account_named(state: &AppState, id: &str) -> Result<Account, Response> {
    let not_found = || {
        layout::problem(
            StatusCode::NOT_FOUND,
            &state.leptos_options,
            "There is no such account",
            "Go back to Accounts and choose an editor from the list.",
        )
    };
    let Ok(id) = id.parse::<i64>() else {
        return Err(not_found());
    };
    let engine = state.engine.clone();
    let found = super::blocking("read an account", move || {
        engine.accounts().account(AccountId(id))
    })
    .await?;
    found.ok_or_else(not_found)
}

/// Handles `GET /editor/accounts/{id}/disable`: "Disable this account?", the second click.
#[tracing::instrument(skip_all)]
pub async fn confirm_disable(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let session = match council_editor(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let account = match account_named(&state, &id).await {
        Ok(account) => account,
        Err(response) => return response,
    };
    if account.id == session.account.id {
        return layout::problem(
            StatusCode::BAD_REQUEST,
            &state.leptos_options,
            &AccountError::CannotDisableYourself.to_string(),
            "Ask another council editor if your account should be disabled.",
        );
    }
    let page = move || view! { <DisableAccountPage editor=session account /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

/// Handles `POST /editor/accounts/{id}/disable` (`csrf`): the account's sessions end in the
/// same transaction.
#[tracing::instrument(skip_all)]
pub async fn disable(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request<Body>,
) -> Response {
    set_disabled(state, id, request, true).await
}

/// Handles `POST /editor/accounts/{id}/enable` (`csrf`).
#[tracing::instrument(skip_all)]
pub async fn enable(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request<Body>,
) -> Response {
    set_disabled(state, id, request, false).await
}

async fn set_disabled(
    state: AppState,
    id: String,
    request: Request<Body>,
    disabled: bool,
) -> Response {
    let post = Post::read(request).await;
    if let Some(refused) = refused_origin(&state, &post.parts) {
        return refused;
    }
    let session = match council_editor(&state, &post.parts.headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    if !csrf_ok(&session, &post) {
        return forbidden_form(&state);
    }
    let account = match account_named(&state, &id).await {
        Ok(account) => account,
        Err(response) => return response,
    };
    let engine = state.engine.clone();
    let by = session.account.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        engine
            .accounts()
            .set_disabled(&by, account.id, disabled, Timestamp::now())
    })
    .await;
    match outcome {
        Ok(Ok(changed)) => {
            tracing::info!(
                by = session.account.id.0,
                account = changed.id.0,
                disabled,
                "an account was disabled or re-enabled"
            );
            back_to_accounts(if disabled { "disabled" } else { "enabled" }, &changed)
        }
        Ok(Err(error @ AccountError::CannotDisableYourself)) => layout::problem(
            StatusCode::BAD_REQUEST,
            &state.leptos_options,
            &error.to_string(),
            "Ask another council editor if your account should be disabled.",
        ),
        Ok(Err(error)) => {
            tracing::error!(?error, "Failed to disable or re-enable an account");
            layout::went_wrong()
        }
        Err(error) => {
            tracing::error!(?error, "The task disabling an account failed");
            layout::went_wrong()
        }
    }
}
