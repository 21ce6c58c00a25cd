//! Handles `/compare?ids=a,b,c` in easy read: no wide table, but each place as a card, one
//! under the other, with the same few facts in the same order (when, cost, where and
//! getting in, spaces), each a short sentence beside a picture. Nothing scrolls sideways.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::codec::PageResource;
use crate::components::easy_read::Points;
use crate::components::error_view::ErrorView;
use crate::components::pictures::Picture;
use crate::enhance::FocusOnArrival;
use crate::pages::easy_read_my_list::{places, say};
use crate::shortlist_api::{EasyComparePage, EasyComparePlace, easy_compare_listings};

/// The compare page in easy read.
#[component]
pub fn EasyComparePage() -> impl IntoView {
    let location = use_location();
    let data =
        PageResource::new_with_options(move || location.search.get(), easy_compare_listings, false);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let data = data.clone(); Suspend::new(async move {
                match data.clone().await {
                    Ok(page) => view! { <EasyComparison page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn EasyComparison(page: EasyComparePage) -> impl IntoView {
    let title = if page.too_many.is_empty() {
        "Compare places – easy read – Dayfinder"
    } else {
        "Error: Compare places – easy read – Dayfinder"
    };
    let gone = (page.gone > 0 && page.too_many.is_empty()).then(|| {
        let text = if page.gone == 1 {
            "1 place in this link is not on Dayfinder now.".to_string()
        } else {
            format!(
                "{} places in this link are not on Dayfinder now.",
                page.gone
            )
        };
        view! { <div class="inset-text"><Points points=vec![say("info", text)] /></div> }
    });
    let body = if !page.too_many.is_empty() {
        view! { <TooMany choices=page.too_many /> }.into_any()
    } else if page.places.len() < 2 {
        view! {
            <Points points=vec![
                say("days", "You can compare 2, 3 or 4 places."),
                say("spaces", "First add them to your list."),
            ] />
            <p class="body"><a class="link" href="/my-list">"Go to your list"</a></p>
        }
        .into_any()
    } else {
        let n = page.places.len();
        view! {
            <Points points=vec![say("days", format!("You are comparing {}.", places(n)))] />
            <div class="easy-compare">
                {page.places.into_iter().map(|place| view! { <Place place /> }).collect_view()}
            </div>
        }
        .into_any()
    };
    view! {
        <Title text=title />
        <a class="back-link" href="/my-list">"Back to your list"</a>
        <h1 class="heading-l">"Compare places"</h1>
        {gone}
        {body}
        <FocusOnArrival />
    }
}

/// One place: its name, what it is, and the same facts as the others, in the same order.
#[component]
fn Place(place: EasyComparePlace) -> impl IntoView {
    let heading = format!("compare-{}", place.id);
    let href = format!("/services/{}", place.id);
    let sections = place
        .sections
        .into_iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| {
            view! {
                <h3 class="heading-s easy-compare__fact">{s.heading}</h3>
                <Points points=s.points />
            }
        })
        .collect_view();
    view! {
        <section class="easy-card easy-compare__place" aria-labelledby=heading.clone()>
            <h2 class="heading-m easy-card__title" id=heading.clone()><a class="link" href=href>{place.name}</a></h2>
            <Points points=place.about />
            {sections}
        </section>
    }
}

/// More than 4 asked for: say so politely, and let the person choose up to 4.
#[component]
fn TooMany(choices: Vec<(String, String)>) -> impl IntoView {
    let n = choices.len();
    let boxes = choices
        .into_iter()
        .map(|(id, name)| {
            let input = format!("compare-{id}");
            view! {
                <div class="big-checkbox">
                    <input class="big-checkbox__input" type="checkbox" id=input.clone() name="id" value=id />
                    <label class="big-checkbox__label" for=input>
                        <Picture name="spaces" />
                        <span>{name}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 class="error-summary__title" id="error-summary-title">"Please choose again"</h2>
            <ul class="list error-summary__list">
                <li><a href="#choose">{format!("You chose {n} places. You can compare up to 4.")}</a></li>
            </ul>
        </div>
        <form method="get" action="/compare">
            <fieldset class="fieldset" id="choose">
                <legend class="fieldset__legend">"Choose up to 4 places"</legend>
                <div class="big-checkboxes">{boxes}</div>
            </fieldset>
            <button type="submit" class="button big-button big-button--next">"Compare"</button>
        </form>
    }
}
