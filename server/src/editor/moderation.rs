//! "Changes": the queue of providers' changes. Council editors see every change waiting,
//! each with a before-and-after table, and approve it or say why not; providers see their
//! own changes and what became of them.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::model::validate::valid_id;
use dayfinder::moderation::{
    Decided, Decision, DecisionOutcome, Proposal, ProposalId, ProposalStatus,
};
use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::{ChangePage, ChangesPage, Done};
use jiff::Timestamp;
use leptos::prelude::*;

use super::layout;
use super::sign_in::redirect_to;
use crate::security::{EditorPost, SignedIn};
use crate::startup::AppState;

/// The longest reason accepted for not approving a change.
const MAX_REASON: usize = 1_000;

fn query_value(query: &Option<String>, name: &str) -> Option<String> {
    dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Handles `GET /editor/changes`.
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let engine = state.engine.clone();
    let account = session.account.clone();
    let (waiting, recent) =
        match super::blocking("list changes", move || -> dayfinder::Result<_> {
            let waiting = engine.proposals_for(&account, Some(ProposalStatus::Pending), 200)?;
            let recent: Vec<Proposal> = engine
                .proposals_for(&account, None, 50)?
                .into_iter()
                .filter(|p| p.status != ProposalStatus::Pending)
                .collect();
            Ok((waiting, recent))
        })
        .await
        {
            Ok(lists) => lists,
            Err(response) => return response,
        };
    let done = Done {
        done: query_value(&query, "done"),
        service: query_value(&query, "service").filter(|s| valid_id(s)),
        change: query_value(&query, "change"),
    };
    let page = move || view! { <ChangesPage editor=session waiting recent done /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

fn not_found(state: &AppState) -> Response {
    layout::problem(
        StatusCode::NOT_FOUND,
        &state.leptos_options,
        "Change not found",
        "There is no change at that address that you can see.",
    )
}

fn change_page(
    state: &AppState,
    session: &EditorSession,
    proposal: &Proposal,
    reason: &str,
    errors: &[(&str, String)],
) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let (editor, proposal, reason) = (session.clone(), proposal.clone(), reason.to_string());
    let errors: FieldErrors = errors.iter().map(|(f, m)| (*f, m.as_str())).collect();
    let page = move || view! { <ChangePage editor proposal reason errors /> };
    (
        status,
        Html(dayfinder_app::editor::render(&state.leptos_options, page)),
    )
        .into_response()
}

async fn load(
    state: &AppState,
    session: &EditorSession,
    id: &str,
) -> Result<Option<Proposal>, Response> {
    let Ok(id) = id.parse::<i64>() else {
        return Ok(None);
    };
    let engine = state.engine.clone();
    let account = session.account.clone();
    super::blocking("load a change", move || {
        engine.proposal_for(&account, ProposalId(id))
    })
    .await
}

/// Handles `GET /editor/changes/{id}`.
#[tracing::instrument(skip_all)]
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedIn(session): SignedIn,
) -> Response {
    match load(&state, &session, &id).await {
        Ok(Some(proposal)) => change_page(&state, &session, &proposal, "", &[]),
        Ok(None) => not_found(&state),
        Err(response) => response,
    }
}

/// Handles `POST /editor/changes/{id}/approve`.
#[tracing::instrument(skip_all)]
pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: EditorPost,
) -> Response {
    decide(state, id, form, true).await
}

/// Handles `POST /editor/changes/{id}/reject` (`reason`).
#[tracing::instrument(skip_all)]
pub async fn reject(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: EditorPost,
) -> Response {
    decide(state, id, form, false).await
}

async fn decide(state: AppState, id: String, form: EditorPost, approve: bool) -> Response {
    let EditorPost(post, session) = form;
    if !session.account.role.is_council() {
        tracing::warn!(
            account = session.account.id.0,
            "refused a decision from a provider editor"
        );
        return layout::problem(
            StatusCode::FORBIDDEN,
            &state.leptos_options,
            "Nothing was changed",
            "Only council editors can approve changes.",
        );
    }
    let proposal = match load(&state, &session, &id).await {
        Ok(Some(proposal)) => proposal,
        Ok(None) => return not_found(&state),
        Err(response) => return response,
    };
    let reason = post.field("reason").trim().to_string();
    let decision = if approve {
        Decision::Approve
    } else if reason.is_empty() {
        let errors = [(
            "reason",
            "Say why the change is not approved, so the provider can put it right".to_string(),
        )];
        return change_page(&state, &session, &proposal, &reason, &errors);
    } else if reason.chars().count() > MAX_REASON {
        let errors = [(
            "reason",
            format!("The reason must be {MAX_REASON} characters or fewer"),
        )];
        return change_page(&state, &session, &proposal, &reason, &errors);
    } else {
        Decision::Reject(reason)
    };
    let engine = state.engine.clone();
    let account = session.account.clone();
    let change = proposal.id;
    let outcome = match super::blocking("decide on a change", move || {
        engine.decide(&account, change, &decision, uk_today(), Timestamp::now())
    })
    .await
    {
        Ok(outcome) => outcome,
        Err(response) => return response,
    };
    let service = &proposal.service_id;
    match outcome {
        DecisionOutcome::Done(decided) => match *decided {
            Decided::Approved(_) | Decided::RecordApproved => {
                tracing::info!(
                    account = session.account.id.0,
                    change = change.0,
                    "change approved"
                );
                redirect_to(
                    &format!(
                        "/editor/changes?done=approved&change={}&service={service}",
                        change.0
                    ),
                    None,
                )
            }
            Decided::Rejected => redirect_to(
                &format!(
                    "/editor/changes?done=rejected&change={}&service={service}",
                    change.0
                ),
                None,
            ),
            Decided::AlreadyDecided(status) => layout::problem(
                StatusCode::CONFLICT,
                &state.leptos_options,
                "Nothing was changed",
                &format!(
                    "This change was already decided: {}.",
                    status.label().to_lowercase()
                ),
            ),
            Decided::ServiceGone => layout::problem(
                StatusCode::CONFLICT,
                &state.leptos_options,
                "Nothing was changed",
                "The listing has been removed from the directory since the change was sent.",
            ),
            Decided::NotFound => not_found(&state),
        },
        DecisionOutcome::NotAllowed => layout::problem(
            StatusCode::FORBIDDEN,
            &state.leptos_options,
            "Nothing was changed",
            "Only council editors can approve changes.",
        ),
    }
}
