//! Handles `/services/{id}`: every fact about one day opportunity, with its weekly
//! timetable as a table and schema.org data for search engines.

use leptos::prelude::*;

use crate::components::warning_text::WarningText;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::get_listing;
use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::components::shortlist_button::ShortlistButton;
use crate::components::upcoming_events::UpcomingEvents;
use crate::enhance::FocusOnArrival;
use crate::urls;
use crate::view_models::{Fact, ListingSheet};

/// The listing page. A `back` parameter holds the search it was found by: it makes the
/// "Back to results" link, and its place gives the distance.
#[component]
pub fn ListingPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let back = move || urls::query_value(query, "back");
    let listing = PageResource::new_with_options(
        move || {
            let near = back().and_then(|qs| urls::parse_search(&qs).0.place);
            (urls::path_id(params), near)
        },
        |(id, near)| get_listing(id, near),
        false,
    );
    let back = move || urls::back_href(back().as_deref());
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let listing = listing.clone();
                // Read now, not after the await: a visitor who leaves before the listing
                // arrives takes the page's signals with them.
                let back = back();
                Suspend::new(async move {
                    match listing.clone().await {
                        Ok(sheet) => view! { <ListingView sheet back /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// A summary list; rows with a link show it.
#[component]
pub(crate) fn Facts(facts: Vec<Fact>) -> impl IntoView {
    view! {
        <dl class="summary-list">
            {facts
                .into_iter()
                .map(|f| {
                    let value = match f.href {
                        Some(href) => view! { <a class="link" href=href>{f.value}</a> }.into_any(),
                        None => f.value.into_any(),
                    };
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{f.key}</dt>
                            <dd class="summary-list__value">{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// Paragraphs of text.
pub(crate) fn paragraphs(lines: Vec<String>) -> impl IntoView {
    lines
        .into_iter()
        .map(|p| view! { <p class="body">{p}</p> })
        .collect_view()
}

/// The listing once loaded.
#[component]
fn ListingView(sheet: ListingSheet, back: Option<String>) -> impl IntoView {
    let title = if sheet.town.is_empty() {
        format!("{} – Dayfinder", sheet.name)
    } else {
        format!("{}, {} – Dayfinder", sheet.name, sheet.town)
    };
    let share = sheet.share_url.clone();
    let activities = (!sheet.activities.is_empty()).then(|| {
        view! {
            <h3 class="heading-s">"Activities"</h3>
            <ul class="list list--bullet">{sheet.activities.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
        }
    });
    let timetable = (!sheet.sessions.is_empty()).then(|| {
        view! {
            <table class="table">
                <caption class="visually-hidden">"Weekly sessions"</caption>
                <thead>
                    <tr><th scope="col">"Day"</th><th scope="col">"Starts"</th><th scope="col">"Ends"</th></tr>
                </thead>
                <tbody>
                    {sheet
                        .sessions
                        .into_iter()
                        .map(|s| view! { <tr><th scope="row">{s.day}</th><td>{s.starts}</td><td>{s.ends}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
        }
    });
    let optional =
        |text: String| (!text.trim().is_empty()).then(|| view! { <p class="body">{text}</p> });
    let join = sheet
        .join
        .into_iter()
        .map(|(route, meaning)| view! { <li><strong>{route}</strong>". " {meaning}</li> })
        .collect_view();
    let address = if sheet.address.is_empty() {
        optional(sheet.no_address.unwrap_or_default()).into_any()
    } else {
        let lines = sheet
            .address
            .into_iter()
            .map(|line| view! { {line}<br /> })
            .collect_view();
        view! { <p class="body address">{lines}</p> }.into_any()
    };
    let nearest = sheet
        .nearest_town
        .map(|t| view! { <p class="body">"Nearest town: " {t}</p> });
    let distance = sheet
        .distance
        .map(|d| view! { <p class="body">{format!("{d}, in a straight line.")}</p> });
    let access = if sheet.access.is_empty() {
        view! { <p class="body">"Ask the service about access."</p> }.into_any()
    } else {
        view! { <ul class="list list--bullet">{sheet.access.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul> }.into_any()
    };
    let list_button = view! { <ShortlistButton id=sheet.id.clone() name=sheet.name.clone() /> };
    let back_link = back.map(|href| view! { <a class="back-link" href=href>"Back to results"</a> });
    view! {
        <Title text=title />
        <script type="application/ld+json" inner_html=sheet.json_ld></script>
        {back_link}
        <span class="caption-l">{sheet.organisation}</span>
        <h1 class="heading-l">{sheet.name}</h1>
        <p class="lead">{sheet.summary}</p>
        <p class="listing__vacancy">
            <strong class=sheet.vacancy.class>{sheet.vacancy.label}</strong>
            " "
            <span class="body-s">{sheet.vacancy_checked}</span>
        </p>
        {sheet.out_of_date.then(|| {
            let text = format!("This listing may be out of date. It was last checked on {}. Contact them to check before you go.", sheet.last_checked);
            view! { <WarningText><p class="body">{text}</p></WarningText> }
        })}
        {list_button}
        <Facts facts=sheet.key_facts />

        <h2 class="heading-m">"About this service"</h2>
        {paragraphs(sheet.description)}
        {activities}

        <h2 class="heading-m">"When it runs"</h2>
        {timetable}
        {optional(sheet.schedule_notes)}
        {sheet.duration.map(optional)}

        <h2 class="heading-m">"Who it is for"</h2>
        <p class="body">{sheet.who_for}</p>
        {optional(sheet.eligibility_notes)}

        <h2 class="heading-m">"Cost"</h2>
        <Facts facts=sheet.cost />

        <h2 class="heading-m">"How to get a place"</h2>
        <ul class="list list--bullet">{join}</ul>
        <p class="body">
            <a class="button button--secondary" rel="external" href=format!("/ask?service={}", sheet.id)>"Ask about a place"</a>
        </p>

        <h2 class="heading-m">"Contact"</h2>
        <Facts facts=sheet.contact />

        <h2 class="heading-m">"Address"</h2>
        {address}
        {nearest}
        {distance}

        <h2 class="heading-m">"Access"</h2>
        {access}
        {optional(sheet.access_notes)}
        <UpcomingEvents service_id=sheet.id.clone() />

        <h2 class="heading-m">"In easy words"</h2>
        <div class="easy-read">{paragraphs(sheet.easy_read)}</div>

        <p class="body-s last-checked">{format!("Last checked: {}", sheet.last_checked)}</p>
        {sheet.from_feed.map(|from| view! { <p class="body-s">{from}</p> })}
        {if sheet.managed {
            view! { <p class="body-s">"Kept up to date by its provider on Dayfinder."</p> }.into_any()
        } else {
            view! {
                <p class="body-s">
                    "Do you work for this provider? "
                    <a class="link" rel="external" href=format!("/claim?service={}", sheet.id)>"Manage this listing"</a>
                </p>
            }
            .into_any()
        }}
        <p class="body-s share">"Share this page: " <a class="link" href=share.clone()>{share.clone()}</a></p>
        <p class="body-s"><a class="link" href=format!("/services/{}/report-a-problem", sheet.id)>"Report a problem with this listing"</a></p>
        <FocusOnArrival />
    }
}
