//! "Change a listing": the whole listing as a form, with links to its place and provider
//! and the list of its open days and events.

use dayfinder::accounts::EditorSession;
use dayfinder::model::{Event, Service, Term};
use dayfinder::moderation::Proposal;
use leptos::prelude::*;

use super::{EditorFrame, FormValues, ListingForm, Notice, date_time};
use crate::components::form::FieldErrors;

/// The listing's form, as stored or as sent with its mistakes. `start` is the service as
/// it stands (with the editor's waiting change, if any); `pending` that change; `locations`
/// the places to choose from.
#[component]
pub fn EditListingPage(
    editor: EditorSession,
    start: Service,
    pending: Option<Proposal>,
    locations: Vec<(String, String)>,
    events: Vec<Event>,
    values: FormValues,
    errors: FieldErrors,
) -> impl IntoView {
    let council = editor.account.role.is_council();
    let id = start.id.clone();
    let title = if errors.is_empty() {
        format!("Change {}", start.name)
    } else {
        format!("Error: Change {}", start.name)
    };
    let waiting = pending.map(|p| {
        let when = date_time(p.proposed_at);
        if council {
            view! {
                <div class="notice">
                    <p class="notice__text">
                        {format!("{} proposed a change on {when}. ", p.proposed_by.name)}
                        <a class="link" href=format!("/editor/changes/{}", p.id.0)>"Review the change"</a>
                        "."
                    </p>
                </div>
            }
            .into_any()
        } else {
            let text = format!(
                "Your change of {when} is waiting for approval. This form shows it; sending \
                 the form again replaces it."
            );
            view! { <Notice text /> }.into_any()
        }
    });
    let how = if council {
        "Your changes are published as soon as you save them, and recorded in the audit log."
    } else {
        "A council editor checks every change before it is published. You will see here \
         whether it was approved. To change vacancies, use Your services: that needs no approval. \
         If everything is still right, save the form unchanged to confirm it."
    };
    let submit = if council {
        "Save and publish"
    } else {
        "Send for approval"
    };
    let csrf = editor.csrf_token.as_str().to_string();
    view! {
        <EditorFrame title editor>
            <a href="/editor" class="back-link">"Back to services"</a>
            <span class="caption-l">{start.name.clone()}</span>
            <h1 class="heading-xl">"Change the listing"</h1>
            {waiting}
            <p class="body">{how}</p>
            <p class="body">
                <a class="link" href=format!("/services/{id}")>"See the published listing"</a>
            </p>
            <RecordsLinks service=start />
            <ListingForm values errors locations action=format!("/editor/services/{id}/edit")
                csrf submit />
            <Events service_id=id events />
        </EditorFrame>
    }
}

/// Links to change what the listing shares with others: its place and its provider.
#[component]
fn RecordsLinks(service: Service) -> impl IntoView {
    let from = service.id;
    let place = service.location_id.map(|place| {
        view! {
            <li>
                <a class="link" href=format!("/editor/places/{place}/edit?from={from}")>
                    "Change the place’s address or access"
                </a>
            </li>
        }
    });
    view! {
        <ul class="list list--bullet">
            {place}
            <li>
                <a class="link"
                    href=format!("/editor/providers/{}/edit?from={from}", service.organisation_id)>
                    "Change the provider’s name or contact details"
                </a>
            </li>
        </ul>
    }
}

/// The listing's open days and events, each with a link to change it, and one to add one.
#[component]
fn Events(service_id: String, events: Vec<Event>) -> impl IntoView {
    let table = if events.is_empty() {
        view! { <p class="body">"There are no open days or events for this listing."</p> }
            .into_any()
    } else {
        let rows = events
            .into_iter()
            .map(|e| {
                let date = e.start.date().strftime("%-d %B %Y").to_string();
                view! {
                    <tr>
                        <td>{date.clone()}</td>
                        <td>{e.title.clone()}<br /><span class="body-s">{e.kind.label()}</span></td>
                        <td>
                            <a class="link" href=format!("/editor/events/{}/edit", e.id)>
                                "Change"
                                <span class="visually-hidden">{format!(" {}, {date}", e.title)}</span>
                            </a>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table">
                <caption class="visually-hidden">"Open days and events"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Event"</th>
                        <th scope="col"><span class="visually-hidden">"Change"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <h2 class="heading-l" id="events">"Open days and events"</h2>
        {table}
        <p class="body">
            <a class="button button--secondary"
                href=format!("/editor/services/{service_id}/events/new")>
                "Add an open day or event"
            </a>
        </p>
    }
}
