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

use super::layout::{self, error_summary, escape, field_error, notice};
use super::sign_in::{redirect, redirect_to};
use crate::security::{Post, csrf_ok, current_session, forbidden_form, refused_origin};
use crate::startup::AppState;

/// What the "add an editor" form holds after a failed try (never the password).
#[derive(Default)]
struct Typed {
    name: String,
    email: String,
    organisation: String,
    errors: Vec<(&'static str, String)>,
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

fn page_html(
    state: &AppState,
    session: &EditorSession,
    (accounts, organisations): &(Vec<Account>, Vec<Organisation>),
    typed: &Typed,
    done: Option<&str>,
) -> String {
    let organisation_name = |id: &str| {
        organisations
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let mut main = error_summary(&typed.errors);
    if let Some(done) = done {
        main.push_str(&notice(done));
    }
    main.push_str("<h1 class=\"heading-xl\">Accounts</h1>");
    let rows: String = accounts
        .iter()
        .map(|a| {
            let organisation = a
                .role
                .organisation_id()
                .map(organisation_name)
                .unwrap_or_else(|| state.profile.council.name.to_string());
            let status = if a.disabled {
                "<strong class=\"tag tag--grey\">Disabled</strong>"
            } else if a.must_change_password {
                "<strong class=\"tag tag--yellow\">Password to change</strong>"
            } else {
                "<strong class=\"tag tag--green\">Active</strong>"
            };
            let status = if a.two_step {
                format!("{status} <strong class=\"tag\">Code from an app</strong>")
            } else {
                status.to_string()
            };
            let action = if a.id == session.account.id {
                "You".to_string()
            } else if a.disabled {
                format!(
                    "<form method=\"post\" action=\"/editor/accounts/{id}/enable\">\
                     <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                     <button type=\"submit\" class=\"button button--secondary\">Re-enable\
                     <span class=\"visually-hidden\"> {name}</span></button></form>",
                    id = a.id.0,
                    csrf = escape(session.csrf_token.as_str()),
                    name = escape(&a.name),
                )
            } else {
                format!(
                    "<a class=\"button button--warning\" href=\"/editor/accounts/{id}/disable\">Disable\
                     <span class=\"visually-hidden\"> {name}</span></a>",
                    id = a.id.0,
                    name = escape(&a.name),
                )
            };
            format!(
                "<tr id=\"account-{id}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{status}</td><td>{action}</td></tr>",
                escape(&a.name),
                escape(a.email.as_str()),
                a.role.label(),
                escape(&organisation),
                id = a.id.0,
            )
        })
        .collect();
    main.push_str(&format!(
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"accounts-caption\" tabindex=\"0\">\
         <table class=\"table\"><caption class=\"heading-m\" id=\"accounts-caption\">Editors</caption>\
         <thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Email address</th>\
         <th scope=\"col\">Role</th><th scope=\"col\">Organisation</th><th scope=\"col\">Status</th>\
         <th scope=\"col\">Action</th></tr></thead>\
         <tbody>{rows}</tbody></table></div>"
    ));
    let group = |field: &str| {
        if field_error(&typed.errors, field).is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let error = |field: &str| field_error(&typed.errors, field).unwrap_or_default();
    let described = |field: &str| {
        if field_error(&typed.errors, field).is_some() {
            format!(" aria-describedby=\"{field}-error\"")
        } else {
            String::new()
        }
    };
    let options: String = organisations
        .iter()
        .map(|o| {
            format!(
                "<option value=\"{}\"{}>{}</option>",
                escape(&o.id),
                if typed.organisation == o.id {
                    " selected"
                } else {
                    ""
                },
                escape(&o.name)
            )
        })
        .collect();
    main.push_str(&format!(
        "<h2 class=\"heading-l\">Add a provider editor</h2>\
         <p class=\"body\">They can change only their own organisation’s listings. Tell them their \
         password in person or by phone, never by email: they choose their own when they first sign in.</p>\
         <form method=\"post\" action=\"/editor/accounts\" novalidate>\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <div class=\"{g_name}\"><label class=\"label\" for=\"name\">Full name</label>{e_name}\
         <input class=\"input\" id=\"name\" name=\"name\" type=\"text\" autocomplete=\"off\" value=\"{name}\"{d_name}></div>\
         <div class=\"{g_email}\"><label class=\"label\" for=\"email\">Email address</label>{e_email}\
         <input class=\"input\" id=\"email\" name=\"email\" type=\"email\" autocomplete=\"off\" spellcheck=\"false\" value=\"{email}\"{d_email}></div>\
         <div class=\"{g_org}\"><label class=\"label\" for=\"organisation\">Organisation</label>{e_org}\
         <select class=\"select\" id=\"organisation\" name=\"organisation\"{d_org}>\
         <option value=\"\">Choose an organisation</option>{options}</select></div>\
         <div class=\"{g_pw}\"><label class=\"label\" for=\"password\">Password</label>\
         <div class=\"hint\" id=\"password-hint\">At least {min} characters, and not one of the passwords people use most. A few ordinary words together are easy to say and hard to guess.</div>{e_pw}\
         <input class=\"input\" id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" aria-describedby=\"password-hint{pw_error}\"></div>\
         <button type=\"submit\" class=\"button\">Add editor</button></form>",
        csrf = escape(session.csrf_token.as_str()),
        g_name = group("name"),
        e_name = error("name"),
        d_name = described("name"),
        name = escape(&typed.name),
        g_email = group("email"),
        e_email = error("email"),
        d_email = described("email"),
        email = escape(&typed.email),
        g_org = group("organisation"),
        e_org = error("organisation"),
        d_org = described("organisation"),
        g_pw = group("password"),
        e_pw = error("password"),
        pw_error = if field_error(&typed.errors, "password").is_some() {
            " password-error"
        } else {
            ""
        },
        min = Password::MIN,
    ));
    let title = if typed.errors.is_empty() {
        "Accounts"
    } else {
        "Error: Accounts"
    };
    layout::page(&state.leptos_options, title, Some(session), &main)
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
    Html(page_html(
        &state,
        &session,
        &data,
        &Typed::default(),
        done.as_deref(),
    ))
    .into_response()
}

/// Handles `POST /editor/accounts` (`csrf`, `name`, `email`, `organisation`, `password`):
/// adds a provider editor.
#[tracing::instrument(skip_all)]
pub async fn add(State(state): State<AppState>, request: Request<Body>) -> Response {
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
    let mut typed = Typed {
        name: post.field("name").trim().to_string(),
        email: post.field("email").trim().to_string(),
        organisation: post.field("organisation").to_string(),
        errors: Vec::new(),
    };
    if typed.organisation.is_empty() {
        typed.errors.push((
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
        typed.errors.push((field, error.to_string()));
    }
    let password = Password::parse(post.field("password"));
    if let Err(error) = &password {
        typed.errors.push(("password", error.to_string()));
    }
    // Fields in the order the form shows them.
    let order = ["name", "email", "organisation", "password"];
    typed
        .errors
        .sort_by_key(|(field, _)| order.iter().position(|f| f == field));
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
                typed.errors.push(("email", error.to_string()))
            }
            Ok(Err(error @ AccountError::UnknownOrganisation(_))) => {
                typed.errors.push(("organisation", error.to_string()))
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
    (
        StatusCode::BAD_REQUEST,
        Html(page_html(&state, &session, &data, &typed, None)),
    )
        .into_response()
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
    let main = format!(
        "<h1 class=\"heading-xl\">Disable the account of {name}?</h1>\
         <p class=\"body\">{name} ({email}) will be signed out at once, everywhere, and will not \
         be able to sign in. Their changes and the audit log stay as they are. You can re-enable \
         the account later.</p>\
         <form method=\"post\" action=\"/editor/accounts/{id}/disable\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <div class=\"button-group\"><button type=\"submit\" class=\"button button--warning\">Yes, disable the account</button>\
         <a class=\"link\" href=\"/editor/accounts\">No, go back to Accounts</a></div></form>",
        name = escape(&account.name),
        email = escape(account.email.as_str()),
        id = account.id.0,
        csrf = escape(session.csrf_token.as_str()),
    );
    Html(layout::page(
        &state.leptos_options,
        "Disable an account",
        Some(&session),
        &main,
    ))
    .into_response()
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
