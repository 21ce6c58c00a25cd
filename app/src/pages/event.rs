//! Handles `/events/{id}`: one open day or event, with a calendar file to download.
//! (The calendar file itself, `/events/{id}.ics`, is served by the server crate.)

use leptos::prelude::*;

use crate::urls;

use crate::components::warning_text::WarningText;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::enhance::FocusOnArrival;
use crate::events::{EventSheet, get_event};

/// The event page.
#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    let sheet = PageResource::new_with_options(move || urls::path_id(params), get_event, false);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let sheet = sheet.clone(); Suspend::new(async move {
                match sheet.clone().await {
                    Ok(sheet) => view! { <EventView sheet /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

/// A summary list row.
fn row(key: &'static str, value: impl IntoView) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{value}</dd>
        </div>
    }
}

/// The event once loaded.
#[component]
fn EventView(sheet: EventSheet) -> impl IntoView {
    let EventSheet {
        card,
        description,
        finished,
        contact,
    } = sheet;
    let title = format!("{}, {} – Dayfinder", card.title, card.date);
    let finished = finished.then(|| {
        view! {
            <WarningText>
                <p class="body">"This event has finished. " <a class="link" href="/events">"See upcoming events"</a></p>
            </WarningText>
        }
    });
    let service = card.service.clone().map(|(href, name)| {
        view! {
            <h2 class="heading-m">"The service"</h2>
            <p class="body">"This event is part of " <a class="link" href=href>{name}</a> "."</p>
        }
    });
    let contact = (!contact.is_empty()).then(|| {
        view! {
            <dl class="summary-list">
                {contact
                    .into_iter()
                    .map(|(key, value, href)| view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{key}</dt>
                            <dd class="summary-list__value"><a class="link" href=href>{value}</a></dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
        }
    });
    view! {
        <Title text=title />
        <a class="back-link" href="/events">"All open days and events"</a>
        <span class="caption-l">{card.kind}</span>
        <h1 class="heading-l">{card.title.clone()}</h1>
        {finished}
        <dl class="summary-list">
            {row("Date", card.date)}
            {row("Time", card.time)}
            {row("Where", card.place)}
            {row("Who it is for", card.who_for)}
            {row("Cost", card.cost)}
            {row("Booking", card.booking)}
        </dl>
        <p class="body">
            <a class="button button--secondary" href=card.ics_href download="" rel="external">"Add to your calendar"</a>
        </p>
        <p class="body-s">"This downloads a calendar file (.ics) that Outlook, Google Calendar and Apple Calendar can open."</p>
        <h2 class="heading-m">"About this event"</h2>
        {description.into_iter().map(|p| view! { <p class="body">{p}</p> }).collect_view()}
        {service}
        <h2 class="heading-m">"Who runs it"</h2>
        <p class="body">{card.organisation}</p>
        {contact}
        <FocusOnArrival />
    }
}
