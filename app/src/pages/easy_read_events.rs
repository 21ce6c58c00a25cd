//! Handles `/events?...` in easy read: what open days are, in a few sentences with
//! pictures, a short GET form (town, who it is for, only young people), and each event as
//! a card of pictured points. The form's names are the standard page's, so the same
//! address works in both views.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::codec::PageResource;
use crate::components::easy_read::Points;
use crate::components::error_view::ErrorView;
use crate::components::pictures::Picture;
use crate::enhance::FocusOnArrival;
use crate::events::{EasyEventCard, EasyEventsPage, FilterChoice, easy_upcoming_events};

/// What open days are, each sentence with its picture.
const ABOUT: &[(&str, &str)] = &[
    ("kind-day-centre", "An open day is a day to visit a place."),
    ("person", "You can meet the people there."),
    ("kind-skills-learning", "You can try things out."),
    ("info", "You can ask questions."),
    (
        "need-carers-break",
        "You can take a friend or family member with you.",
    ),
];

/// The easy-read events page.
#[component]
pub fn EasyEventsListPage() -> impl IntoView {
    let location = use_location();
    let page =
        PageResource::new_with_options(move || location.search.get(), easy_upcoming_events, false);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading events…"</p> }>
            {move || { let page = page.clone(); Suspend::new(async move {
                match page.clone().await {
                    Ok(page) => view! { <EasyEventsList page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

/// "We found 1 event.", "We found 12 events."
fn found(total: usize) -> String {
    match total {
        0 => "We found no events.".to_string(),
        1 => "We found 1 event.".to_string(),
        n => format!("We found {n} events."),
    }
}

/// A big select with "any" first.
#[component]
fn EasySelect(
    id: &'static str,
    label: &'static str,
    any: &'static str,
    choices: Vec<FilterChoice>,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label easy-events-filter__label" for=id>{label}</label>
            <select class="select easy-events-filter__select" id=id name=id>
                <option value="">{any}</option>
                {choices
                    .into_iter()
                    .map(|c| view! { <option value=c.value selected=c.selected>{c.label}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn EasyEventCardView(card: EasyEventCard) -> impl IntoView {
    view! {
        <li class="easy-card">
            <h3 class="heading-m easy-card__title"><a class="link" href=card.href>{card.title}</a></h3>
            <Points points=card.points />
        </li>
    }
}

#[component]
fn EasyEventsList(page: EasyEventsPage) -> impl IntoView {
    let EasyEventsPage {
        problems,
        total,
        cards,
        towns,
        needs,
        young_adults,
        chosen,
    } = page;
    let title = if chosen.is_empty() {
        "Open days and events – easy read – Dayfinder"
    } else {
        "Open days and events you chose – easy read – Dayfinder"
    };
    let problems = (!problems.is_empty()).then(|| {
        view! {
            <div class="inset-text easy-events-problems">
                <h2 class="heading-m">"Sorry"</h2>
                <Points points=problems />
            </div>
        }
    });
    let chosen = (!chosen.is_empty()).then(|| {
        view! {
            <h2 class="heading-m">"You chose"</h2>
            <Points points=chosen />
            <p class="body"><a class="link" href="/events">"See all the events"</a></p>
        }
    });
    let nothing = (total == 0).then(|| {
        view! { <p class="body">"Try another town. Or see all the events."</p> }
    });
    let cards = (!cards.is_empty()).then(|| {
        view! {
            <ul class="easy-results">
                {cards.into_iter().map(|card| view! { <EasyEventCardView card /> }).collect_view()}
            </ul>
        }
    });
    view! {
        <Title text=title />
        <h1 class="heading-l">"Open days and events"</h1>
        <ul class="points">
            {ABOUT
                .iter()
                .map(|(picture, text)| view! {
                    <li class="point"><Picture name=*picture /><span class="point__words">{*text}</span></li>
                })
                .collect_view()}
        </ul>
        {problems}
        <h2 class="heading-m">"Choose events"</h2>
        <form method="get" action="/events" class="easy-events-filter" aria-label="Choose events">
            <EasySelect id="town" label="Which town?" any="Any town" choices=towns />
            <EasySelect id="need" label="Who is it for?" any="Anyone" choices=needs />
            <div class="checkboxes__item easy-events-filter__young">
                <input class="checkboxes__input" type="checkbox" id="age" name="age" value="16-25" checked=young_adults />
                <label class="label checkboxes__label" for="age">"Only events for young people aged 16 to 25"</label>
            </div>
            <button type="submit" class="button big-button easy-events-filter__button">
                <Picture name="search" />
                <span>"Show events"</span>
            </button>
        </form>
        {chosen}
        <h2 class="heading-m results-count" id="results-count" tabindex="-1">
            <Picture name="search" />
            <span>{found(total)}</span>
        </h2>
        {nothing}
        <div class="easy-events-page">{cards}</div>
        <h2 class="heading-m">"Are you 16 to 25?"</h2>
        <ul class="points">
            <li class="point">
                <Picture name="person" />
                <span class="point__words"><a class="link" href="/preparing-for-adulthood">"Read what can happen next for you."</a></span>
            </li>
        </ul>
        <FocusOnArrival />
    }
}
