//! Events as cards, and a listing's "Open days and events" section.

use leptos::prelude::*;

use crate::codec::PageResource;
use crate::events::{EventCard, listing_events};

/// One event: what, when, where, for whom, cost and booking, with links to its page, its
/// calendar file and its service. Its title is an `h3`, under a day's or a section's `h2`.
#[component]
pub fn EventSummary(card: EventCard, #[prop(optional)] show_date: bool) -> impl IntoView {
    let service = card.service.clone().map(|(href, name)| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">"Service"</dt>
                <dd class="summary-list__value"><a class="link" href=href>{name}</a></dd>
            </div>
        }
    });
    let date = show_date.then(|| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">"Date"</dt>
                <dd class="summary-list__value">{card.date.clone()}</dd>
            </div>
        }
    });
    view! {
        <li class="event">
            <p class="event__kind"><strong class="tag tag--grey">{card.kind}</strong></p>
            <h3 class="heading-m event__title"><a class="link" href=card.href>{card.title.clone()}</a></h3>
            <p class="event__provider">{card.organisation}</p>
            <dl class="summary-list summary-list--compact">
                {date}
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Time"</dt>
                    <dd class="summary-list__value">{card.time}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Where"</dt>
                    <dd class="summary-list__value">{card.place}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Who it is for"</dt>
                    <dd class="summary-list__value">{card.who_for}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Cost"</dt>
                    <dd class="summary-list__value">{card.cost}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Booking"</dt>
                    <dd class="summary-list__value">{card.booking}</dd>
                </div>
                {service}
            </dl>
            <p class="body-s">
                <a class="link" href=card.ics_href download="" rel="external">
                    "Add " <span class="visually-hidden">{card.title} " "</span> "to your calendar (.ics file)"
                </a>
            </p>
        </li>
    }
}

/// A listing's upcoming open days and events (its own and its provider's).
#[component]
pub fn UpcomingEvents(service_id: String) -> impl IntoView {
    let events = PageResource::new_with_options(move || service_id.clone(), listing_events, false);
    view! {
        <section class="upcoming-events" aria-labelledby="upcoming-events-heading">
            <h2 class="heading-m" id="upcoming-events-heading">"Open days and events"</h2>
            <Suspense fallback=|| view! { <p class="body">"Loading events…"</p> }>
                {move || { let events = events.clone(); Suspend::new(async move {
                    match events.clone().await {
                        Ok(cards) if !cards.is_empty() => view! {
                            <ul class="events">
                                {cards.into_iter().map(|card| view! { <EventSummary card show_date=true /> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        _ => view! {
                            <p class="body">"No open days or events are planned at the moment. You can ask the provider about a visit."</p>
                        }
                        .into_any(),
                    }
                }) }}
            </Suspense>
            <p class="body"><a class="link" href="/events">"See all open days and events"</a></p>
        </section>
    }
}
