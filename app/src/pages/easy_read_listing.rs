//! Handles `/services/{id}` in easy read: the listing's easy-read summary, a sentence each
//! with its picture, then who, what, when, where, cost, how to join and contact, each
//! fact a short sentence beside a picture.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::codec::PageResource;
use crate::components::easy_read::Points;
use crate::components::easy_read_data::{EasyListing, get_easy_listing};
use crate::components::error_view::ErrorView;
use crate::components::shortlist_button::ShortlistButton;
use crate::enhance::FocusOnArrival;
use crate::urls;
use crate::view_mode::{ViewMode, switch_href};

/// The easy-read listing page. Like the standard one, a `back` parameter holds the
/// search it was found by.
#[component]
pub fn EasyListingPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let back = move || urls::query_value(query, "back");
    let listing = PageResource::new_with_options(
        move || {
            let near = back().and_then(|qs| urls::parse_search(&qs).0.place);
            (urls::path_id(params), near)
        },
        |(id, near)| get_easy_listing(id, near),
        false,
    );
    let back = move || urls::back_href(back().as_deref());
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let listing = listing.clone();
                // Read before the await (as on the standard listing page): a visitor who
                // leaves early takes the page's signals with them.
                let back = back();
                Suspend::new(async move {
                    match listing.clone().await {
                        Ok(sheet) => view! { <EasyListingView sheet back /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn EasyListingView(sheet: EasyListing, back: Option<String>) -> impl IntoView {
    let title = if sheet.town.is_empty() {
        format!("{} – easy read – Dayfinder", sheet.name)
    } else {
        format!("{}, {} – easy read – Dayfinder", sheet.name, sheet.town)
    };
    let standard = switch_href(ViewMode::Standard, &format!("/services/{}", sheet.id), "");
    let report = format!("/services/{}/report-a-problem", sheet.id);
    let back_link =
        back.map(|href| view! { <a class="back-link" href=href>"Back to what we found"</a> });
    let sections = sheet
        .sections
        .into_iter()
        .map(|section| {
            view! {
                <h2 class="heading-m">{section.heading}</h2>
                <Points points=section.points />
            }
        })
        .collect_view();
    view! {
        <Title text=title />
        {back_link}
        <h1 class="heading-l">{sheet.name.clone()}</h1>
        // Keep it on a list to print and take home (a plain POST form: no JavaScript needed).
        <ShortlistButton id=sheet.id.clone() name=sheet.name.clone() />
        <div class="easy-summary">
            <h2 class="heading-m">"About it"</h2>
            <Points points=sheet.about />
        </div>
        {sections}
        {sheet.from_feed.into_iter().map(|line| view! { <p class="body">{line}</p> }).collect_view()}
        <p class="body">
            <a class="link" href=standard rel="external">"See all the details in the standard view"</a>
        </p>
        <p class="body">
            <a class="button button--secondary" href=format!("/ask?service={}", sheet.id)>"Ask them about this place"</a>
        </p>
        <p class="body">
            <a class="link" href=report>"Tell us if something here is wrong"</a>
        </p>
        <FocusOnArrival />
    }
}
