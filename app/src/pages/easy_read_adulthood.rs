//! Handles `/preparing-for-adulthood` in easy read, written for the young person (16 to
//! 25): what changes at 18, what you can do, open days, who can help, then a part for the
//! family. The council's names come from its profile (see `events::easy_adulthood_overview`).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::codec::PageResource;
use crate::components::easy_read::Points;
use crate::components::error_view::ErrorView;
use crate::enhance::FocusOnArrival;
use crate::events::{EasyAdulthood, easy_adulthood_overview};

/// The easy-read preparing for adulthood page.
#[component]
pub fn EasyAdulthoodPage() -> impl IntoView {
    let page = PageResource::new_with_options(|| (), |_| easy_adulthood_overview(), false);
    view! {
        <Title text="Growing up: what can happen next – easy read – Dayfinder" />
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let page = page.clone(); Suspend::new(async move {
                match page.clone().await {
                    Ok(page) => view! { <EasyAdulthoodView page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn EasyAdulthoodView(page: EasyAdulthood) -> impl IntoView {
    let EasyAdulthood {
        opening,
        sections,
        family,
    } = page;
    let sections = sections
        .into_iter()
        .map(|section| {
            view! {
                <h2 class="heading-m">{section.heading}</h2>
                <Points points=section.points />
            }
        })
        .collect_view();
    view! {
        <h1 class="heading-l">"Growing up: what can happen next"</h1>
        <div class="easy-events-page">
            <div class="easy-summary">
                <Points points=opening />
            </div>
            {sections}
            <div class="easy-family">
                <h2 class="heading-m">"For your family"</h2>
                <Points points=family />
            </div>
        </div>
        <FocusOnArrival />
    }
}
