//! "Problem reports": what members of the public said is wrong with listings, for council
//! editors to check and close with a note.

use dayfinder::accounts::EditorSession;
use dayfinder::moderation::ProblemReport;
use leptos::prelude::*;

use super::{EditorFrame, Notice, date_time};

/// The list of reports, newest first; `all` when closed ones are shown too, `closed` just
/// after one was closed.
#[component]
pub fn ProblemsPage(
    editor: EditorSession,
    reports: Vec<ProblemReport>,
    all: bool,
    closed: bool,
) -> impl IntoView {
    let csrf = editor.csrf_token.as_str().to_string();
    let body = if reports.is_empty() {
        view! { <p class="body">"There are no open problem reports."</p> }.into_any()
    } else {
        reports
            .into_iter()
            .map(|report| view! { <Report report csrf=csrf.clone() /> })
            .collect_view()
            .into_any()
    };
    let toggle = if all {
        view! { <a class="link" href="/editor/problems">"Show only open reports"</a> }
    } else {
        view! { <a class="link" href="/editor/problems?all=yes">"Show closed reports too"</a> }
    };
    view! {
        <EditorFrame title="Problem reports" editor>
            {closed.then(|| view! { <Notice text="The report is closed." /> })}
            <h1 class="heading-xl">"Problem reports"</h1>
            <p class="body">
                "What residents and professionals told us is wrong with a listing, newest first. "
                "Check with the provider, change the listing, then close the report."
            </p>
            <p class="body">{toggle}</p>
            {body}
        </EditorFrame>
    }
}

#[component]
fn Report(report: ProblemReport, csrf: String) -> impl IntoView {
    let id = report.id;
    let service = report.service_id.clone();
    let contact = match report.contact {
        Some(contact) => format!("Contact: {contact}"),
        None => "They did not leave contact details.".to_string(),
    };
    // Line breaks as the reporter typed them.
    let details = report
        .details
        .split('\n')
        .enumerate()
        .map(|(i, line)| view! { {(i > 0).then(|| view! { <br /> })}{line.to_string()} })
        .collect_view();
    let state = if report.open {
        view! {
            <form method="post" action=format!("/editor/problems/{id}/close") novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <div class="form-group">
                    <label class="label" for=format!("note-{id}")>"What was done (optional)"</label>
                    <input class="input" id=format!("note-{id}") name="note" type="text" />
                </div>
                <button type="submit" class="button button--secondary">{format!("Close report {id}")}</button>
            </form>
        }
        .into_any()
    } else {
        let by = report
            .closed_by
            .map(|editor| format!("by {} ", editor.name))
            .unwrap_or_default();
        let note = if report.note.is_empty() {
            String::new()
        } else {
            format!(": {}", report.note)
        };
        view! {
            <p class="body"><strong class="tag tag--grey">"Closed"</strong>" "{by}{note}</p>
        }
        .into_any()
    };
    view! {
        <div class="problem-report">
            <h2 class="heading-m">
                {format!("Report {id}: ")}
                <a class="link" href=format!("/services/{service}")>{service.clone()}</a>
            </h2>
            <p class="body-s">{date_time(report.reported_at)}</p>
            <p class="body"><strong>{report.kind.label()}</strong></p>
            <p class="body">{details}</p>
            <p class="body">{contact}</p>
            <p class="body">
                <a class="link" href=format!("/editor/services/{service}/edit")>"Change the listing"</a>
            </p>
            {state}
        </div>
    }
}
