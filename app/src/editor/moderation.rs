//! "Changes": the queue of providers' changes. Council editors see every change waiting,
//! each with a before-and-after table, and approve it or say why not; providers see their
//! own changes and what became of them.

use dayfinder::accounts::EditorSession;
use dayfinder::moderation::{FieldChange, Proposal, ProposalStatus};
use leptos::prelude::*;

use crate::components::table::ScrollTable;

use super::{EditorFrame, date_time};
use crate::components::form::{ErrorSummary, FieldErrors};

/// What the page says after a change was saved, sent or decided: the `done` of the
/// address, the listing it was about (a valid id) and the change's number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done {
    pub done: Option<String>,
    pub service: Option<String>,
    pub change: Option<String>,
}

/// The list of changes: those waiting, then those decided recently.
#[component]
pub fn ChangesPage(
    editor: EditorSession,
    waiting: Vec<Proposal>,
    recent: Vec<Proposal>,
    done: Done,
) -> impl IntoView {
    let (heading, intro) = if editor.account.role.is_council() {
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
    view! {
        <EditorFrame title=heading editor>
            <DoneNotice done />
            <h1 class="heading-xl">{heading}</h1>
            <p class="body">{intro}</p>
            <ChangesTable proposals=waiting caption="Waiting for approval" />
            <h2 class="heading-l">"Decided recently"</h2>
            <ChangesTable proposals=recent caption="Decided recently" />
        </EditorFrame>
    }
}

/// One change, before and after; a council editor decides on a waiting one here. `reason`
/// is what was typed when the form comes back with `errors`.
#[component]
pub fn ChangePage(
    editor: EditorSession,
    proposal: Proposal,
    #[prop(into)] reason: String,
    errors: FieldErrors,
) -> impl IntoView {
    let council = editor.account.role.is_council();
    let id = proposal.id.0;
    let name = proposal.title();
    let title = format!(
        "{}Change {id} to {name}",
        if errors.is_empty() { "" } else { "Error: " },
    );
    let decided = match (&proposal.decided_by, proposal.decided_at) {
        (Some(by), Some(at)) => {
            let reason = if proposal.reason.is_empty() {
                String::new()
            } else {
                format!(" Reason: {}", proposal.reason)
            };
            Some(view! {
                <p class="body">
                    {format!("{} by {} on {}.{reason}", proposal.status.label(), by.name, date_time(at))}
                </p>
            })
        }
        _ => None,
    };
    let forms = (council && proposal.status == ProposalStatus::Pending).then(|| {
        view! {
            <Decision id csrf=editor.csrf_token.as_str().to_string() reason errors=errors.clone() />
        }
    });
    let sent = format!(
        " Sent by {} ({}) on {}.",
        proposal.proposed_by.name,
        proposal.proposed_by.email,
        date_time(proposal.proposed_at)
    );
    view! {
        <EditorFrame title editor>
            <a href="/editor/changes" class="back-link">"Back to changes"</a>
            <ErrorSummary errors />
            <span class="caption-l">{format!("Change {id}")}</span>
            <h1 class="heading-xl">{name}</h1>
            <p class="body"><StatusTag status=proposal.status />{sent}</p>
            {decided}
            <DiffTable changes=proposal.changes() caption="What changes" id="diff-caption" />
            <p class="body">
                <a class="link" href=format!("/services/{}", proposal.service_id)>"See the published listing"</a>
            </p>
            {forms}
        </EditorFrame>
    }
}

/// A before-and-after table of what a change changes.
#[component]
pub fn DiffTable(
    changes: Vec<FieldChange>,
    #[prop(into)] caption: String,
    /// The caption's id, unique on the page (a page may show several).
    #[prop(into)]
    id: String,
) -> impl IntoView {
    if changes.is_empty() {
        return view! { <p class="body">"Nothing in the listing changes."</p> }.into_any();
    }
    let rows = changes
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.field}</th>
                    <td class="diff__before">
                        <span class="visually-hidden">"Before: "</span>{lines(&c.before)}
                    </td>
                    <td class="diff__after">
                        <span class="visually-hidden">"After: "</span>{lines(&c.after)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollTable id caption class="diff" headings=&["Field", "Before", "After"]>
            {rows}
        </ScrollTable>
    }
    .into_any()
}

/// Text with its line breaks kept.
fn lines(text: &str) -> impl IntoView + use<> {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| view! { {(i > 0).then(|| view! { <br /> })}{line.to_string()} })
        .collect_view()
}

#[component]
fn StatusTag(status: ProposalStatus) -> impl IntoView {
    let colour = match status {
        ProposalStatus::Pending => "tag--yellow",
        ProposalStatus::Approved => "tag--green",
        ProposalStatus::Rejected | ProposalStatus::Superseded => "tag--grey",
    };
    view! { <strong class=format!("tag {colour}")>{status.label()}</strong> }
}

/// The green notice after a change was saved, sent or decided; nothing for other `done`s.
#[component]
fn DoneNotice(done: Done) -> impl IntoView {
    let change = done.change.unwrap_or_default();
    let text = match done.done.as_deref() {
        Some("saved") => {
            "The listing is changed and published. It shows in search now.".to_string()
        }
        Some("confirmed") => "Thank you: the listing is confirmed as up to date today.".to_string(),
        Some("sent") => {
            "Your change is sent. A council editor will check it before it is published."
                .to_string()
        }
        Some("approved") => {
            format!("Change {change} is approved and published. It shows in search now.")
        }
        Some("rejected") => {
            format!("Change {change} is not approved. The provider can see your reason.")
        }
        _ => return None,
    };
    let link = done.service.map(|service| {
        view! {
            " "<a class="link" href=format!("/services/{service}")>"See the listing"</a>"."
        }
    });
    Some(view! {
        <div class="notice" role="status"><p class="notice__text">{text}{link}</p></div>
    })
}

#[component]
fn ChangesTable(proposals: Vec<Proposal>, caption: &'static str) -> impl IntoView {
    if proposals.is_empty() {
        let empty = if caption.starts_with("Waiting") {
            "No changes are waiting for approval."
        } else {
            "There are no changes to show yet."
        };
        return view! { <p class="body">{empty}</p> }.into_any();
    }
    let rows = proposals
        .into_iter()
        .map(|p| {
            let id = p.id.0;
            let fields = p
                .changes()
                .iter()
                .map(|c| c.field)
                .collect::<Vec<_>>()
                .join(", ");
            let reason =
                (p.status == ProposalStatus::Rejected && !p.reason.is_empty()).then(|| {
                    view! { <br /><span class="body-s">{format!("Reason: {}", p.reason)}</span> }
                });
            view! {
                <tr>
                    <td>
                        <a class="link" href=format!("/editor/changes/{id}")>
                            {p.title()}
                            <span class="visually-hidden">{format!(" (change {id})")}</span>
                        </a>
                    </td>
                    <td>{fields}</td>
                    <td>
                        {p.proposed_by.name.clone()}<br />
                        <span class="body-s">{date_time(p.proposed_at)}</span>
                    </td>
                    <td><StatusTag status=p.status />{reason}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollTable id="changes-caption" caption
            headings=&["Listing", "What changes", "Sent by", "Status"]>
            {rows}
        </ScrollTable>
    }
    .into_any()
}

/// Approve, or say why not (the reason is required for that).
#[component]
fn Decision(id: i64, csrf: String, reason: String, errors: FieldErrors) -> impl IntoView {
    view! {
        <h2 class="heading-l">"Your decision"</h2>
        <form method="post" action=format!("/editor/changes/{id}/approve")>
            <input type="hidden" name="csrf" value=csrf.clone() />
            <button type="submit" class="button">"Approve and publish"</button>
        </form>
        <form method="post" action=format!("/editor/changes/{id}/reject") novalidate>
            <input type="hidden" name="csrf" value=csrf />
            <super::event_form::Textarea
                errors
                name="reason"
                label="If you do not approve it, say why"
                hint="The provider will read this. Say what to change."
                rows=3
                value=reason
            />
            <button type="submit" class="button button--secondary">"Do not approve"</button>
        </form>
    }
}
