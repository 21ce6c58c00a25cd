//! Handles `/events?...`: upcoming open days, drop-ins, tasters and transition events,
//! grouped by day, with a GET form of filters (town, who it is for, kind, dates) that
//! works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::components::upcoming_events::EventSummary;
use crate::enhance::FocusOnArrival;
use crate::events::{EventsPage, FilterChoice, upcoming_events};

/// The upcoming events page.
#[component]
pub fn EventsListPage() -> impl IntoView {
    let location = use_location();
    let page =
        PageResource::new_with_options(move || location.search.get(), upcoming_events, false);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading events…"</p> }>
            {move || { let page = page.clone(); Suspend::new(async move {
                match page.clone().await {
                    Ok(page) => view! { <EventsList page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

/// A select of choices with an "any" first.
#[component]
fn ChoiceSelect(
    id: &'static str,
    label: &'static str,
    any: &'static str,
    choices: Vec<FilterChoice>,
) -> impl IntoView {
    view! {
        <div class="form-group events-filter__group">
            <label class="label" for=id>{label}</label>
            <select class="select" id=id name=id>
                <option value="">{any}</option>
                {choices
                    .into_iter()
                    .map(|c| view! { <option value=c.value selected=c.selected prop:selected=c.selected>{c.label}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The page once the events are known.
#[component]
fn EventsList(page: EventsPage) -> impl IntoView {
    let EventsPage {
        problems,
        total,
        days,
        towns,
        needs,
        kinds,
        from,
        to,
        young_adults,
        chosen,
    } = page;
    let filtered = !chosen.is_empty();
    let title = if filtered {
        "Open days and events (filtered) – Dayfinder"
    } else {
        "Open days and events – Dayfinder"
    };
    let count = match total {
        0 => "No events found".to_string(),
        1 => "1 event found".to_string(),
        n => format!("{n} events found"),
    };
    let problems = (!problems.is_empty()).then(|| {
        view! {
            <div class="inset-text events-problems">
                <p class="body">"We could not use part of your filter:"</p>
                <ul class="list list--bullet">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let chosen = filtered.then(|| {
        view! {
            <div class="chosen-filters">
                <h2 class="heading-s">"Filters in use"</h2>
                <ul class="chosen-filters__list">
                    {chosen
                        .into_iter()
                        .map(|f| view! {
                            <li>
                                <a class="chosen-filter" href=f.remove_href>
                                    <span class="visually-hidden">"Remove filter: "</span>
                                    {f.label}
                                    <span class="chosen-filter__cross" aria-hidden="true">" ×"</span>
                                </a>
                            </li>
                        })
                        .collect_view()}
                </ul>
                <p class="body-s"><a class="link" href="/events">"Clear all filters"</a></p>
            </div>
        }
    });
    let list = if days.is_empty() {
        view! {
            <div class="nothing-found">
                <h2 class="heading-m">"No events match your filters"</h2>
                <p class="body">"Try another town or a wider range of dates, or " <a class="link" href="/events">"see all upcoming events"</a> "."</p>
            </div>
        }
        .into_any()
    } else {
        days.into_iter()
            .map(|day| {
                view! {
                    <section class="event-day">
                        <h2 class="heading-m event-day__date">{day.date}</h2>
                        <ul class="events">
                            {day.events.into_iter().map(|card| view! { <EventSummary card /> }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <Title text=title />
        <h1 class="heading-l">"Open days and events"</h1>
        <p class="lead">"Visit a day centre before you decide, try a taster session, drop in for a chat, or come to a preparing for adulthood evening."</p>
        {problems}
        <form method="get" action="/events" class="events-filter" aria-label="Filter events">
            <div class="events-filter__fields">
                <ChoiceSelect id="town" label="Town" any="Any town" choices=towns />
                <ChoiceSelect id="need" label="Who it is for" any="Anyone" choices=needs />
                <ChoiceSelect id="kind" label="Kind of event" any="Any kind" choices=kinds />
                <div class="form-group events-filter__group">
                    <label class="label" for="from">"From"</label>
                    <div class="hint" id="from-hint">"For example, 2026-12-01"</div>
                    <input class="input events-filter__date" type="date" id="from" name="from" value=from aria-describedby="from-hint" />
                </div>
                <div class="form-group events-filter__group">
                    <label class="label" for="to">"To"</label>
                    <div class="hint" id="to-hint">"For example, 2026-12-31"</div>
                    <input class="input events-filter__date" type="date" id="to" name="to" value=to aria-describedby="to-hint" />
                </div>
            </div>
            <div class="checkboxes__item events-filter__young">
                <input class="checkboxes__input" type="checkbox" id="age" name="age" value="16-25" checked=young_adults prop:checked=young_adults />
                <label class="label checkboxes__label" for="age">"Only events for young adults (16 to 25)"</label>
            </div>
            <button type="submit" class="button">"Show events"</button>
        </form>
        <p class="heading-s results-count" id="results-count" tabindex="-1">{count}</p>
        {chosen}
        {list}
        <p class="body">"Preparing for adulthood? Read " <a class="link" href="/preparing-for-adulthood">"moving from children’s to adult services"</a> "."</p>
        <FocusOnArrival />
    }
}
