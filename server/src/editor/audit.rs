//! "Audit log": who changed what and when, with each listing before and after, and every
//! change to accounts (added, disabled, re-enabled, passwords and second steps). Council
//! editors only.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder::model::validate::valid_id;
use dayfinder::moderation::{AuditAction, AuditEntry, Snapshot};

use super::layout::{self, date_time, escape};
use super::moderation::diff_table;
use crate::security::SignedIn;
use crate::startup::AppState;

/// How many entries a page shows (newest first).
const PAGE: usize = 200;

fn entry_row(entry: &AuditEntry) -> String {
    let who = entry
        .editor
        .as_ref()
        .map(|e| {
            format!(
                "{}<br><span class=\"body-s\">{}</span>",
                escape(&e.name),
                escape(&e.email)
            )
        })
        .unwrap_or_else(|| match entry.action {
            AuditAction::Restored | AuditAction::AccountAdded | AuditAction::TwoStepReset => {
                "An administrator, on the command line".into()
            }
            _ => "A member of the public".into(),
        });
    let service = entry
        .service_id
        .as_deref()
        .map(|id| {
            format!(
                "<a class=\"link\" href=\"/editor/audit?service={id}\">{id}</a>",
                id = escape(id)
            )
        })
        .unwrap_or_default();
    let diff = Snapshot::changes(entry.before.as_ref(), entry.after.as_ref());
    let detail = if diff.is_empty() {
        String::new()
    } else {
        format!(
            "<details class=\"details\"><summary class=\"details__summary\">Before and after<span class=\"visually-hidden\"> (entry {})</span></summary>\
             <div class=\"details__text\">{}</div></details>",
            entry.id,
            diff_table(&diff, "Before and after")
        )
    };
    format!(
        "<tr><td>{when}</td><td>{who}</td><td>{action}</td><td>{service}</td><td>{summary}{detail}</td></tr>",
        when = escape(&date_time(entry.at)),
        action = entry.action.label(),
        summary = escape(&entry.summary),
    )
}

/// Handles `GET /editor/audit` (optional `service`).
#[tracing::instrument(skip_all)]
pub async fn page(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    SignedIn(session): SignedIn,
) -> Response {
    let service = dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "service")
        .map(|(_, v)| v)
        .filter(|v| valid_id(v));
    let engine = state.engine.clone();
    let account = session.account.clone();
    let filter = service.clone();
    let entries = match super::blocking("read the audit log", move || {
        engine.audit_log(&account, filter.as_deref(), PAGE)
    })
    .await
    {
        Ok(Some(entries)) => entries,
        Ok(None) => {
            return layout::problem(
                StatusCode::FORBIDDEN,
                &state.leptos_options,
                "Only council editors can read the audit log",
                "Ask a council editor if you need to know who changed a listing.",
            );
        }
        Err(response) => return response,
    };
    let heading = match &service {
        Some(id) => format!("Audit log: {id}"),
        None => "Audit log".to_string(),
    };
    let filter_note = match &service {
        Some(_) => {
            "<p class=\"body\"><a class=\"link\" href=\"/editor/audit\">Show every listing</a></p>"
                .to_string()
        }
        None => String::new(),
    };
    let body = if entries.is_empty() {
        "<p class=\"body\">Nothing has been changed yet.</p>".to_string()
    } else {
        let rows: String = entries.iter().map(entry_row).collect();
        format!(
            "<div class=\"table-scroll\" role=\"region\" aria-label=\"Audit log\" tabindex=\"0\">\
             <table class=\"table\"><caption class=\"table__caption\">The latest {n} changes, newest first</caption>\
             <thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">What</th>\
             <th scope=\"col\">Listing</th><th scope=\"col\">Details</th></tr></thead><tbody>{rows}</tbody></table></div>",
            n = entries.len()
        )
    };
    let main = format!(
        "<h1 class=\"heading-xl\">{}</h1><p class=\"body\">Every change to a listing, who made it and when, \
         with the listing before and after, and every change to editors’ accounts. Entries are never \
         changed or removed.</p>{filter_note}{body}",
        escape(&heading)
    );
    Html(layout::page(
        &state.leptos_options,
        &heading,
        Some(&session),
        &main,
    ))
    .into_response()
}
