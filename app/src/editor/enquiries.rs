//! "Enquiries": what people asked providers through "Ask about a place", for the
//! provider's editors (their organisation's) and council editors (every one, and those
//! with no provider editor on Dayfinder to answer them). Each is answered with a reply,
//! accepted, declined or closed; the person is emailed each time.

use dayfinder::accounts::EditorSession;
use dayfinder::enquiries::{Enquiry, EnquiryStatus};
use dayfinder::model::Term;
use dayfinder::model::enquiry::MAX_REPLY;
use jiff::civil::Date;
use leptos::prelude::*;

use super::{EditorFrame, Notice, date_time};
use crate::components::form::{ErrorSummary, FieldErrors};
use crate::components::form_choices::{Choice, Choices};
use crate::components::form_textarea::Textarea;
use crate::components::format::long_date;
use crate::components::table::ScrollTable;

fn status_tag(enquiry: &Enquiry, today: Date) -> AnyView {
    if enquiry.is_overdue(today) {
        view! { <strong class="tag tag--yellow">"Overdue"</strong> }.into_any()
    } else {
        view! { <strong class=enquiry.status.tag_class()>{enquiry.status.label()}</strong> }
            .into_any()
    }
}

/// The inbox: every enquiry the editor answers, newest first.
#[component]
pub fn EnquiriesPage(
    editor: EditorSession,
    enquiries: Vec<Enquiry>,
    today: Date,
    email_set_up: bool,
) -> impl IntoView {
    let waiting = enquiries.iter().filter(|e| e.status.awaits_reply()).count();
    let rows = enquiries
        .iter()
        .map(|e| {
            let href = format!("/editor/enquiries/{}", e.id);
            view! {
                <tr>
                    <td><a class="link" href=href>{format!("Enquiry {}", e.id)}</a></td>
                    <td>{e.about.service_name.clone()}</td>
                    <td>{date_time(e.sent_at)}</td>
                    <td>{long_date(e.due_on)}</td>
                    <td>{status_tag(e, today)}</td>
                </tr>
            }
        })
        .collect_view();
    let body = if enquiries.is_empty() {
        view! { <p class="body">"There are no enquiries yet."</p> }.into_any()
    } else {
        view! {
            <ScrollTable id="enquiries" caption="Enquiries, newest first" caption_class="visually-hidden"
                headings=&["Enquiry", "Place", "Received", "Reply by", "Status"]>
                {rows}
            </ScrollTable>
        }
        .into_any()
    };
    view! {
        <EditorFrame title="Enquiries" editor>
            {(!email_set_up).then(|| view! { <Notice text="Email is not set up, so the people who ask do not get your answers by email yet. They can see them on their enquiry’s page." /> })}
            <h1 class="heading-xl">"Enquiries"</h1>
            <p class="body">
                {format!("People asking about your places through Dayfinder. {waiting} waiting for a reply.")}
                " Reply within the target: the council is told about enquiries that pass it."
            </p>
            {body}
        </EditorFrame>
    }
}

/// One enquiry, who asked and how to reach them, what was said, and the answer form.
#[component]
pub fn EnquiryPage(
    editor: EditorSession,
    enquiry: Enquiry,
    today: Date,
    /// What is wrong with the answer just sent, if anything, and what was typed.
    error: Option<String>,
    typed: String,
    done: bool,
) -> impl IntoView {
    let csrf = editor.csrf_token.as_str().to_string();
    let about = enquiry.about.clone();
    let wishes: Vec<&str> = about.wishes.iter().map(|w| w.label()).collect();
    let days: Vec<&str> = about.days.iter().map(|d| d.label()).collect();
    let facts = vec![
        ("Place", about.service_name.clone()),
        ("Provider", about.organisation_name.clone()),
        ("Received", date_time(enquiry.sent_at)),
        ("Reply by", long_date(enquiry.due_on)),
        ("Asking", about.asker.label().to_string()),
        ("They would like", wishes.join(", ")),
        (
            "Days that suit them",
            if days.is_empty() {
                "Not said".into()
            } else {
                days.join(", ")
            },
        ),
    ];
    let person = enquiry.person.clone();
    let person_view = match &person {
        Some(p) => {
            let mut rows = vec![("Name", p.name.clone()), ("Reply by", p.reply_by.label().to_string())];
            if let Some(email) = &p.email {
                rows.push(("Email", email.clone()));
            }
            if let Some(phone) = &p.phone {
                rows.push(("Phone", phone.clone()));
            }
            if !p.note.is_empty() {
                rows.push(("Their message", p.note.clone()));
            }
            view! { <Facts rows /> }.into_any()
        }
        None => view! {
            <p class="body">"The person’s details and the messages have been erased, as the privacy notice says."</p>
        }
        .into_any(),
    };
    let steps = person
        .iter()
        .flat_map(|p| p.steps.clone())
        .map(|s| {
            view! {
                <li>
                    <p class="body-s">{format!("{}: {} by {}", date_time(s.at), s.status.label(), s.by)}</p>
                    {(!s.message.is_empty()).then(|| view! { <p class="body">{s.message.clone()}</p> })}
                </li>
            }
        })
        .collect_view();
    let errors: FieldErrors = error.iter().map(|m| ("answer", m.clone())).collect();
    let can_answer = person.is_some() && enquiry.status != EnquiryStatus::Closed;
    let choices = [
        (EnquiryStatus::Replied, "Send a reply"),
        (
            EnquiryStatus::Accepted,
            "Accept: we can offer what they asked for",
        ),
        (EnquiryStatus::Declined, "Decline: we cannot offer it"),
        (EnquiryStatus::Closed, "Close the enquiry"),
    ]
    .into_iter()
    .map(|(status, label)| Choice::new(status.slug(), label, false))
    .collect::<Vec<_>>();
    let id = enquiry.id;
    let form = can_answer.then(|| {
        view! {
            <h2 class="heading-m">"Answer"</h2>
            <form method="post" action=format!("/editor/enquiries/{id}/answer") novalidate>
                <input type="hidden" name="csrf" value=csrf.clone() />
                <input type="hidden" name="version" value=enquiry.version.to_string() />
                <Choices errors=errors.clone() name="answer" radio=true legend="What is your answer?"
                    hint="The person is emailed your answer and sees it on their enquiry’s page."
                    choices=choices />
                <Textarea errors=FieldErrors::new() name="message" label="Your message"
                    hint=format!("Needed for a reply; optional otherwise. Up to {MAX_REPLY} characters. Plain words: the person may have a learning disability.")
                    value=typed.clone() rows=6 />
                <Choices errors=FieldErrors::new() name="full" legend="Vacancies"
                    choices=vec![Choice::new("yes", "Accepting takes the last place: show the listing as full", false)] />
                <button type="submit" class="button">"Send answer"</button>
            </form>
        }
    });
    view! {
        <EditorFrame title=format!("Enquiry {id}") editor>
            <a class="back-link" href="/editor/enquiries">"Back to enquiries"</a>
            <ErrorSummary errors=errors.clone() />
            {done.then(|| view! { <Notice text="Your answer is saved and the person will be told." /> })}
            <span class="caption-l">{about.service_name.clone()}</span>
            <h1 class="heading-l">{format!("Enquiry {id}")}</h1>
            <p class="body">{status_tag(&enquiry, today)}</p>
            <Facts rows=facts />
            <h2 class="heading-m">"Who is asking"</h2>
            {person_view}
            <h2 class="heading-m">"Answers so far"</h2>
            <ul class="list">{steps}</ul>
            {form}
        </EditorFrame>
    }
}

/// Label and value pairs as a summary list.
#[component]
fn Facts(rows: Vec<(&'static str, String)>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(label, value)| {
            let lines = value
                .split('\n')
                .enumerate()
                .map(|(i, l)| view! { {(i > 0).then(|| view! { <br /> })}{l.to_string()} })
                .collect_view();
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{label}</dt>
                    <dd class="summary-list__value">{lines}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{rows}</dl> }
}
