//! Handles `/search?...`: the results of a search, with filters in the GOV.UK "filter a
//! list" pattern. The whole search is in the URL; the page is one GET form, so filtering,
//! ordering and paging all work without JavaScript.

use dayfinder::query::{Order, PlaceNotice, SearchQuery};
use leptos::prelude::*;

use crate::components::warning_text::WarningText;
use leptos_meta::Title;
#[cfg(not(feature = "ssr"))]
use leptos_router::components::Form;
use leptos_router::hooks::use_location;

use crate::api::{SearchPage, search_services};
use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::components::facet_filters::{ChosenFilters, FacetFilters};
use crate::components::format;
use crate::components::pagination::Pagination;
use crate::components::search_form::SearchFields;
use crate::components::service_card::ServiceCard;
use crate::components::text_matches::TextMatches;
use crate::enhance::{Enhancements, FocusOnArrival, apply_choice, show_choices_of_page};
use crate::urls;

/// The results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let location = use_location();
    let results =
        PageResource::new_with_options(move || location.search.get(), search_services, false);
    // With JavaScript: after every answer, even one the same as the results on screen (going
    // back to them before a newer search answered), the boxes show the search shown.
    let tracked = results.clone();
    Effect::new(move |_| {
        tracked.track();
        show_choices_of_page();
    });
    // With JavaScript: after new results arrive (not on first load), move focus or announce.
    let enhancements = Enhancements::get();
    let watched = results.clone();
    Effect::watch(
        move || {
            watched
                .get()
                .and_then(Result::ok)
                .map(|page| (page.query_string, page.total))
        },
        move |now, before, _| {
            if let (Some((_, total)), Some(enhancements)) = (now, enhancements)
                && before != Some(now)
            {
                enhancements
                    .results_arrived(format!("{} found", format::count_opportunities(*total)));
            }
        },
        false,
    );
    view! {
        <Transition fallback=|| view! { <p class="body">"Searching…"</p> }>
            {move || { let results = results.clone(); Suspend::new(async move {
                match results.clone().await {
                    Ok(page) => view! { <Results page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

/// "‘memory’ near Crewe – page 2".
fn describe(query: &SearchQuery) -> String {
    let mut out = String::from("Day opportunities");
    if !query.text.is_empty() {
        out = format!("‘{}’", query.text);
    }
    if let Some(place) = &query.place {
        out.push_str(&format!(" near {place}"));
    }
    out
}

/// A results page once the search has answered.
#[component]
fn Results(page: SearchPage) -> impl IntoView {
    let (query, _) = urls::parse_search(&page.query_string);
    let SearchPage {
        problems,
        total,
        page: current,
        per_page,
        last_page,
        hits,
        facets,
        place_found,
        place_notice,
        understood,
        text_matches,
        outside_area,
        ..
    } = page;
    let title = {
        let mut t = format!("{} – search results", describe(&query));
        if current > 1 {
            t.push_str(&format!(" (page {current} of {last_page})"));
        }
        format!("{t} – Dayfinder")
    };
    let heading = match &place_found {
        Some(found) => format!("Day opportunities near {found}"),
        None => "Day opportunities".to_string(),
    };
    let count = format!("{} found", format::count_opportunities(total));
    let understood = (!understood.is_empty())
        .then(|| view! { <p class="body-s understood">"We searched for: " {format::and_list(&understood)}</p> });
    let notice = place_notice.map(|notice| view! { <PlaceWarning notice query=query.clone() /> });
    let outside_area = outside_area.map(|sentence| {
        view! {
            <div class="inset-text outside-area"><p class="body">{sentence}</p></div>
        }
    });
    let problems = (!problems.is_empty()).then(|| {
        view! {
            <div class="inset-text">
                <p class="body">"We could not use part of your search:"</p>
                <ul class="list list--bullet">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let has_place = place_found.is_some();
    let list = if hits.is_empty() {
        view! { <NothingFound query=query.clone() /> }.into_any()
    } else {
        let from = query.clone();
        view! {
            <h2 class="visually-hidden">"Results"</h2>
            <ol class="results" start=(current.max(1) - 1) * per_page + 1>
                {hits.into_iter().map(|hit| view! { <ServiceCard hit from=from.clone() /> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let fields = view! {
            <div class="results-form__inner" on:change=apply_choice>
            <div class="search-bar" role="search" aria-label="Day opportunities">
                <SearchFields text=query.text.clone() place=query.place.clone().unwrap_or_default() within=query.within_miles />
                <button type="submit" class="button search-bar__button">"Search"</button>
            </div>
            {notice}
            {outside_area}
            {problems}
            <div class="filter-layout">
                <div class="filter-layout__filters">
                    {(total > 0).then(|| view! {
                        <p class="body skip-to-results">
                            <a class="link" href="#results-count">{format!("Go to the {}", format::count_opportunities(total))}</a>
                        </p>
                    })}
                    <h2 class="heading-m">"Filter results"</h2>
                    <button type="submit" class="button button--secondary filters__apply">"Apply filters"</button>
                    <FacetFilters facets=facets.clone() />
                    <button type="submit" class="button button--secondary filters__apply">"Apply filters"</button>
                </div>
                <div class="filter-layout__results">
                    <p class="heading-s results-count" id="results-count" tabindex="-1">{count}</p>
                    {understood}
                    <TextMatches lines=text_matches query=query.clone() />
                    <ChosenFilters query=query.clone() facets=facets />
                    <OrderChoice order=query.order has_place />
                    {list}
                    <Pagination query=query.clone() current=current last=last_page />
                </div>
            </div>
            </div>
    };
    // The server writes the form's plain element: leptos_router's `Form` asks for the
    // router's context, which a render still finishing after its visitor left (inside
    // this `Suspend`) may no longer have. The same element, so the browser's `Form`
    // hydrates it and keeps moving between searches without a reload.
    #[cfg(feature = "ssr")]
    let form = view! { <form method="GET" action="/search" class="results-form">{fields}</form> };
    #[cfg(not(feature = "ssr"))]
    let form = view! { <Form method="GET" action="/search" noscroll=true attr:class="results-form">{fields}</Form> };
    view! {
        <Title text=title />
        <h1 class="heading-l">{heading}</h1>
        {form}
        <FocusOnArrival />
    }
}

/// The order select and its button.
#[component]
fn OrderChoice(order: Order, has_place: bool) -> impl IntoView {
    let choices = [
        (Order::Relevance, "Best match"),
        (Order::Distance, "Nearest first"),
        (Order::Name, "Name (A to Z)"),
    ];
    view! {
        <div class="order">
            <label class="label order__label" for="order">"Order by"</label>
            <select class="select" id="order" name="order">
                {choices
                    .into_iter()
                    .filter(|(o, _)| has_place || *o != Order::Distance)
                    .map(|(o, label)| view! { <option value=o.slug() selected=o == order prop:selected=o == order>{label}</option> })
                    .collect_view()}
            </select>
            <button type="submit" class="button button--secondary order__button">"Sort"</button>
        </div>
    }
}

/// An unknown place: what we could not find and the places it may have meant.
#[component]
fn PlaceWarning(notice: PlaceNotice, query: SearchQuery) -> impl IntoView {
    let suggestions = notice
        .suggestions
        .into_iter()
        .map(|place| {
            let mut q = query.clone();
            q.place = Some(place.clone());
            q.page = 1;
            view! { <li><a class="link" href=urls::search_href(&q)>{place}</a></li> }
        })
        .collect_view();
    view! {
        <WarningText class="place-notice">
            <p class="body">{notice.message}</p>
            <p class="body">"Did you mean:"</p>
            <ul class="list">{suggestions}</ul>
        </WarningText>
    }
}

/// Advice when nothing matches: what to relax, each as a link.
#[component]
fn NothingFound(query: SearchQuery) -> impl IntoView {
    let mut tips: Vec<(String, String)> = Vec::new();
    if query.place.is_some() {
        let wider = (query.radius_miles() * 2.0).clamp(10.0, dayfinder::query::MAX_RADIUS_MILES);
        let mut q = query.clone();
        q.within_miles = Some(wider);
        q.page = 1;
        tips.push((
            urls::search_href(&q),
            format!("Search a wider area: within {} miles", wider.round() as u32),
        ));
    }
    if query.days.len() + query.parts.len() > 0 {
        let mut q = query.clone();
        q.days.clear();
        q.parts.clear();
        q.page = 1;
        tips.push((urls::search_href(&q), "Search any day and time".to_string()));
    }
    let mut cleared = SearchQuery::text(query.text.clone());
    cleared.place = query.place.clone();
    cleared.within_miles = query.within_miles;
    if cleared != query {
        tips.push((urls::search_href(&cleared), "Clear all filters".to_string()));
    }
    if !query.text.is_empty() {
        let mut q = query.clone();
        q.text.clear();
        q.page = 1;
        tips.push((
            urls::search_href(&q),
            format!("Search without the words ‘{}’", query.text),
        ));
    }
    view! {
        <div class="nothing-found">
            <h2 class="heading-m">"No day opportunities match your search"</h2>
            <p class="body">"You could:"</p>
            <ul class="list list--bullet">
                {tips.into_iter().map(|(href, label)| view! { <li><a class="link" href=href>{label}</a></li> }).collect_view()}
                <li>"check the spelling, or use fewer or different words"</li>
            </ul>
        </div>
    }
}
