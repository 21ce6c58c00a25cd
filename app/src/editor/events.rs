//! A listing's open days and events: the page to add one or change one, with the button
//! to remove it. Like listing changes, a council editor's are published at once and a
//! provider's wait for approval.

use dayfinder::accounts::EditorSession;
use dayfinder::model::{Event, Listing};
use dayfinder::moderation::ProposalId;
use leptos::prelude::*;

use super::event_form::{EventFields, EventForm};
use super::{EditorFrame, Notice};
use crate::components::form::FieldErrors;

/// The event form in its page. `event` is the stored event (None for a new one);
/// `pending` the change to it still waiting, if any; `fields` what the form holds.
#[component]
pub fn EventPage(
    editor: EditorSession,
    listing: Listing,
    event: Option<Event>,
    pending: Option<ProposalId>,
    fields: EventFields,
    errors: FieldErrors,
) -> impl IntoView {
    let council = editor.account.role.is_council();
    let csrf = editor.csrf_token.as_str().to_string();
    let service = listing.service;
    let (heading, action) = match &event {
        Some(e) => ("Change an event", format!("/editor/events/{}/edit", e.id)),
        None => (
            "Add an open day or event",
            format!("/editor/services/{}/events/new", service.id),
        ),
    };
    let title = format!(
        "{}{heading}: {}",
        if errors.is_empty() { "" } else { "Error: " },
        service.name
    );
    let waiting = pending.map(|change| {
        if council {
            view! {
                <div class="notice">
                    <p class="notice__text">
                        "A change to this event is waiting. "
                        <a class="link" href=format!("/editor/changes/{}", change.0)>"Review the change"</a>
                        "."
                    </p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <Notice text="Your change to this event is waiting for approval. This form shows it; sending the form again replaces it." />
            }
            .into_any()
        }
    });
    let how = if council {
        "Your changes are published as soon as you save them."
    } else {
        "A council editor checks every change before it is published."
    };
    let place = listing.location.map(|l| format!("{}, {}", l.name, l.town));
    let submit = if council {
        "Save and publish"
    } else {
        "Send for approval"
    };
    let remove = event.map(|e| {
        view! {
            <h2 class="heading-m">"Remove this event"</h2>
            <p class="body">"If it is cancelled, remove it so nobody comes for nothing."</p>
            <form method="post" action=format!("/editor/events/{}/remove", e.id)>
                <input type="hidden" name="csrf" value=csrf.clone() />
                <button type="submit" class="button button--warning">{format!("Remove {}", e.title)}</button>
            </form>
        }
    });
    view! {
        <EditorFrame title editor>
            <a href=format!("/editor/services/{}/edit", service.id) class="back-link">"Back to the listing"</a>
            <span class="caption-l">{service.name.clone()}</span>
            <h1 class="heading-xl">{heading}</h1>
            {waiting}
            <p class="body">{how}</p>
            <EventForm fields errors listing_place=place action csrf=csrf.clone() submit />
            {remove}
        </EditorFrame>
    }
}
