//! "Changes": the queue of providers' changes. Council editors see every change waiting,
//! each with a before-and-after table, and approve it or say why not; providers see their
//! own changes and what became of them.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::moderation::{
    Decided, Decision, DecisionOutcome, FieldChange, Proposal, ProposalId, ProposalStatus,
};
use jiff::Timestamp;

use super::layout::{self, date_time, error_summary, escape, field_error};
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

fn status_tag(status: ProposalStatus) -> String {
    let colour = match status {
        ProposalStatus::Pending => "tag--yellow",
        ProposalStatus::Approved => "tag--green",
        ProposalStatus::Rejected | ProposalStatus::Superseded => "tag--grey",
    };
    format!("<strong class=\"tag {colour}\">{}</strong>", status.label())
}

/// A before-and-after table of what a change changes.
pub fn diff_table(changes: &[FieldChange], caption: &str) -> String {
    if changes.is_empty() {
        return "<p class=\"body\">Nothing in the listing changes.</p>".into();
    }
    let rows: String = changes
        .iter()
        .map(|c| {
            format!(
                "<tr><th scope=\"row\">{}</th><td class=\"diff__before\"><span class=\"visually-hidden\">Before: </span>{}</td>\
                 <td class=\"diff__after\"><span class=\"visually-hidden\">After: </span>{}</td></tr>",
                escape(c.field),
                escape(&c.before).replace('\n', "<br>"),
                escape(&c.after).replace('\n', "<br>")
            )
        })
        .collect();
    format!(
        "<div class=\"table-scroll\" role=\"region\" aria-label=\"{caption}\" tabindex=\"0\">\
         <table class=\"table diff\"><caption class=\"table__caption\">{caption}</caption>\
         <thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead>\
         <tbody>{rows}</tbody></table></div>",
        caption = escape(caption)
    )
}

fn done_notice(done: Option<&str>, service: Option<&str>, change: Option<&str>) -> String {
    let text = match done {
        Some("saved") => {
            "The listing is changed and published. It shows in search now.".to_string()
        }
        Some("confirmed") => "Thank you: the listing is confirmed as up to date today.".to_string(),
        Some("sent") => {
            "Your change is sent. A council editor will check it before it is published."
                .to_string()
        }
        Some("approved") => format!(
            "Change {} is approved and published. It shows in search now.",
            escape(change.unwrap_or(""))
        ),
        Some("rejected") => format!(
            "Change {} is not approved. The provider can see your reason.",
            escape(change.unwrap_or(""))
        ),
        _ => return String::new(),
    };
    let link = service
        .filter(|s| dayfinder::model::validate::valid_id(s))
        .map(|s| format!(" <a class=\"link\" href=\"/services/{s}\">See the listing</a>."))
        .unwrap_or_default();
    format!(
        "<div class=\"notice\" role=\"status\"><p class=\"notice__text\">{text}{link}</p></div>"
    )
}

fn changes_table(proposals: &[Proposal], caption: &str) -> String {
    if proposals.is_empty() {
        return format!("<p class=\"body\">{}</p>", escape(caption_empty(caption)));
    }
    let rows: String = proposals
        .iter()
        .map(|p| {
            let fields: Vec<&str> = p.changes().iter().map(|c| c.field).collect();
            let reason = if p.status == ProposalStatus::Rejected && !p.reason.is_empty() {
                format!("<br><span class=\"body-s\">Reason: {}</span>", escape(&p.reason))
            } else {
                String::new()
            };
            format!(
                "<tr><td><a class=\"link\" href=\"/editor/changes/{id}\">{name}<span class=\"visually-hidden\"> (change {id})</span></a></td>\
                 <td>{fields}</td><td>{who}<br><span class=\"body-s\">{when}</span></td><td>{status}{reason}</td></tr>",
                id = p.id.0,
                name = escape(&p.title()),
                fields = escape(&fields.join(", ")),
                who = escape(&p.proposed_by.name),
                when = escape(&date_time(p.proposed_at)),
                status = status_tag(p.status),
            )
        })
        .collect();
    format!(
        "<div class=\"table-scroll\" role=\"region\" aria-label=\"{caption}\" tabindex=\"0\">\
         <table class=\"table\"><caption class=\"table__caption\">{caption}</caption>\
         <thead><tr><th scope=\"col\">Listing</th><th scope=\"col\">What changes</th>\
         <th scope=\"col\">Sent by</th><th scope=\"col\">Status</th></tr></thead><tbody>{rows}</tbody></table></div>",
        caption = escape(caption)
    )
}

fn caption_empty(caption: &str) -> &'static str {
    if caption.starts_with("Waiting") {
        "No changes are waiting for approval."
    } else {
        "There are no changes to show yet."
    }
}

/// Handles `GET /editor/changes`.
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let council = session.account.role.is_council();
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
    let notice = done_notice(
        query_value(&query, "done").as_deref(),
        query_value(&query, "service").as_deref(),
        query_value(&query, "change").as_deref(),
    );
    let (heading, intro) = if council {
        (
            "Changes to approve",
            "Providers’ changes wait here until you approve them. Approved changes show in search at once.",
        )
    } else {
        (
            "Your changes",
            "A council editor checks each change before it is published. If a change is not approved, the reason is shown here.",
        )
    };
    let main = format!(
        "{notice}<h1 class=\"heading-xl\">{heading}</h1><p class=\"body\">{intro}</p>{waiting}\
         <h2 class=\"heading-l\">Decided recently</h2>{recent}",
        waiting = changes_table(&waiting, "Waiting for approval"),
        recent = changes_table(&recent, "Decided recently"),
    );
    Html(layout::page(
        &state.leptos_options,
        heading,
        Some(&session),
        &main,
    ))
    .into_response()
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
    let council = session.account.role.is_council();
    let id = proposal.id.0;
    let decided = match (&proposal.decided_by, proposal.decided_at) {
        (Some(by), Some(at)) => format!(
            "<p class=\"body\">{} by {} on {}.{}</p>",
            proposal.status.label(),
            escape(&by.name),
            escape(&date_time(at)),
            if proposal.reason.is_empty() {
                String::new()
            } else {
                format!(" Reason: {}", escape(&proposal.reason))
            }
        ),
        _ => String::new(),
    };
    let forms = if council && proposal.status == ProposalStatus::Pending {
        let csrf = escape(session.csrf_token.as_str());
        let group = if errors.is_empty() {
            "form-group"
        } else {
            "form-group form-group--error"
        };
        format!(
            "<h2 class=\"heading-l\">Your decision</h2>\
             <form method=\"post\" action=\"/editor/changes/{id}/approve\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
             <button type=\"submit\" class=\"button\">Approve and publish</button></form>\
             <form method=\"post\" action=\"/editor/changes/{id}/reject\" novalidate>\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
             <div class=\"{group}\"><label class=\"label\" for=\"reason\">If you do not approve it, say why</label>\
             <div class=\"hint\" id=\"reason-hint\">The provider will read this. Say what to change.</div>{error}\
             <textarea class=\"textarea\" id=\"reason\" name=\"reason\" rows=\"3\" aria-describedby=\"reason-hint{err}\">{reason}</textarea></div>\
             <button type=\"submit\" class=\"button button--secondary\">Do not approve</button></form>",
            error = field_error(errors, "reason").unwrap_or_default(),
            err = if errors.is_empty() {
                ""
            } else {
                " reason-error"
            },
            reason = escape(reason),
        )
    } else {
        String::new()
    };
    let main = format!(
        "<a href=\"/editor/changes\" class=\"back-link\">Back to changes</a>{summary}\
         <span class=\"caption-l\">Change {id}</span><h1 class=\"heading-xl\">{name}</h1>\
         <p class=\"body\">{status} Sent by {who} ({email}) on {when}.</p>{decided}\
         {diff}<p class=\"body\"><a class=\"link\" href=\"/services/{service}\">See the published listing</a></p>{forms}",
        summary = error_summary(errors),
        name = escape(&proposal.title()),
        status = status_tag(proposal.status),
        who = escape(&proposal.proposed_by.name),
        email = escape(&proposal.proposed_by.email),
        when = escape(&date_time(proposal.proposed_at)),
        diff = diff_table(&proposal.changes(), "What changes"),
        service = escape(&proposal.service_id),
    );
    let title = format!(
        "{}Change {id} to {}",
        if errors.is_empty() { "" } else { "Error: " },
        proposal.title()
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    (
        status,
        Html(layout::page(
            &state.leptos_options,
            &title,
            Some(session),
            &main,
        )),
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
