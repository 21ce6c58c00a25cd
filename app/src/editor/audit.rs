//! "Audit log": who changed what and when, with each listing before and after, and every
//! change to accounts (added, disabled, re-enabled, passwords and second steps). Council
//! editors only.

use dayfinder::accounts::EditorSession;
use dayfinder::moderation::{AuditAction, AuditEntry, Snapshot};
use leptos::prelude::*;

use crate::components::table::ScrollTable;

use super::moderation::DiffTable;
use super::{EditorFrame, date_time};

/// The latest entries, newest first; `service` when only one listing's are shown.
#[component]
pub fn AuditPage(
    editor: EditorSession,
    entries: Vec<AuditEntry>,
    service: Option<String>,
) -> impl IntoView {
    let heading = match &service {
        Some(id) => format!("Audit log: {id}"),
        None => "Audit log".to_string(),
    };
    let filter_note = service.map(|_| {
        view! { <p class="body"><a class="link" href="/editor/audit">"Show every listing"</a></p> }
    });
    let body = if entries.is_empty() {
        view! { <p class="body">"Nothing has been changed yet."</p> }.into_any()
    } else {
        let caption = format!("The latest {} changes, newest first", entries.len());
        let rows = entries
            .into_iter()
            .map(|entry| view! { <Entry entry /> })
            .collect_view();
        view! {
            <ScrollTable id="audit-caption" caption
                headings=&["When", "Who", "What", "Listing", "Details"]>
                {rows}
            </ScrollTable>
        }
        .into_any()
    };
    view! {
        <EditorFrame title=heading.clone() editor>
            <h1 class="heading-xl">{heading}</h1>
            <p class="body">
                "Every change to a listing, who made it and when, with the listing before and after, "
                "and every change to editors’ accounts. Entries are never changed or removed."
            </p>
            {filter_note}
            {body}
        </EditorFrame>
    }
}

#[component]
fn Entry(entry: AuditEntry) -> impl IntoView {
    let who = match entry.editor {
        Some(editor) => view! {
            {editor.name}<br /><span class="body-s">{editor.email}</span>
        }
        .into_any(),
        None => match entry.action {
            AuditAction::Restored | AuditAction::AccountAdded | AuditAction::TwoStepReset => {
                "An administrator, on the command line".into_any()
            }
            _ => "A member of the public".into_any(),
        },
    };
    let service = entry.service_id.map(|id| {
        view! { <a class="link" href=format!("/editor/audit?service={id}")>{id.clone()}</a> }
    });
    let diff = Snapshot::changes(entry.before.as_ref(), entry.after.as_ref());
    let detail = (!diff.is_empty()).then(|| {
        view! {
            <details class="details">
                <summary class="details__summary">
                    "Before and after"
                    <span class="visually-hidden">{format!(" (entry {})", entry.id)}</span>
                </summary>
                <div class="details__text"><DiffTable changes=diff caption="Before and after" id=format!("diff-{}", entry.id) /></div>
            </details>
        }
    });
    view! {
        <tr>
            <td>{date_time(entry.at)}</td>
            <td>{who}</td>
            <td>{entry.action.label()}</td>
            <td>{service}</td>
            <td>{entry.summary}{detail}</td>
        </tr>
    }
}
