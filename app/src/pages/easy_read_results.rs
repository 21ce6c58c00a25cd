//! Handles `/search?...` in easy read: the answers the search was made of, then a few
//! facts about each result, each with a picture. No filters: the answers are changed by
//! going through the steps again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::codec::PageResource;
use crate::components::easy_read::{EasyResultCard, Points};
use crate::components::easy_read_data::{EasyResults, search_easy};
use crate::components::error_view::ErrorView;
use crate::components::pictures::Picture;
use crate::enhance::FocusOnArrival;
use crate::urls;

/// The easy-read results page.
#[component]
pub fn EasyResultsPage() -> impl IntoView {
    let location = use_location();
    let results = PageResource::new_with_options(move || location.search.get(), search_easy, false);
    view! {
        <Transition fallback=|| view! { <p class="body">"Looking…"</p> }>
            {move || { let results = results.clone(); Suspend::new(async move {
                match results.clone().await {
                    Ok(page) => view! { <EasyResultsView page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

/// "We found 1 thing.", "We found 12 things."
fn found(total: usize) -> String {
    match total {
        0 => "We found nothing.".to_string(),
        1 => "We found 1 thing.".to_string(),
        n => format!("We found {n} things."),
    }
}

/// The steps again, with these answers filled in.
fn change_href(query_string: &str) -> String {
    let kept: Vec<(String, String)> = urls::decode(query_string)
        .into_iter()
        .filter(|(k, _)| matches!(k.as_str(), "need" | "near" | "day"))
        .collect();
    let query = urls::encode(kept.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if query.is_empty() {
        "/guided-search".to_string()
    } else {
        format!("/guided-search?{query}")
    }
}

#[component]
fn EasyResultsView(page: EasyResults) -> impl IntoView {
    let (query, _) = urls::parse_search(&page.query_string);
    let heading = match &page.place_found {
        Some(place) => format!("Things to do near {place}"),
        None => "Things to do".to_string(),
    };
    let mut title = format!("{heading} – easy read");
    if page.page > 1 {
        title.push_str(&format!(" (page {} of {})", page.page, page.last_page));
    }
    let place_problem = page.place_problem.map(|message| {
        let suggestions = page
            .suggestions
            .into_iter()
            .map(|(href, place)| view! { <li><a class="link" href=href>{format!("Near {place}")}</a></li> })
            .collect_view();
        view! {
            <div class="inset-text">
                <p class="body">{message}</p>
                <p class="body">"Did you mean:"</p>
                <ul class="list">{suggestions}</ul>
            </div>
        }
    });
    let cards = (!page.cards.is_empty()).then(|| {
        view! {
            <ol class="easy-results">
                {page.cards.into_iter().map(|card| view! { <EasyResultCard card /> }).collect_view()}
            </ol>
        }
    });
    let nothing = (page.total == 0).then(|| {
        view! {
            <p class="body">"Try other answers. Choose more days, or any day."</p>
        }
    });
    let prev = (page.page > 1).then(|| {
        view! { <a class="link big-link" href=urls::page_href(&query, page.page - 1) rel="prev">"Back a page"</a> }
    });
    let next = (page.page < page.last_page).then(|| {
        view! { <a class="link big-link" href=urls::page_href(&query, page.page + 1) rel="next">"See more"</a> }
    });
    let paging = (prev.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="easy-paging" aria-label="Results pages">
                <p class="body">{format!("Page {} of {}.", page.page, page.last_page)}</p>
                {prev} " " {next}
            </nav>
        }
    });
    view! {
        <Title text=format!("{title} – Dayfinder") />
        <h1 class="heading-l">{heading}</h1>
        <h2 class="heading-m">"Your answers"</h2>
        <Points points=page.answers />
        <p class="body"><a class="link" href=change_href(&page.query_string)>"Change your answers"</a></p>
        {place_problem}
        <p class="heading-m results-count" id="results-count" tabindex="-1">
            <Picture name="search" />
            <span>{found(page.total)}</span>
        </p>
        {nothing}
        {cards}
        {paging}
        <FocusOnArrival />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changing_the_answers_goes_back_to_the_steps_with_them() {
        assert_eq!(
            change_href("need=dementia&near=Crewe&day=saturday&page=2"),
            "/guided-search?need=dementia&near=Crewe&day=saturday"
        );
        assert_eq!(change_href("q=club"), "/guided-search");
    }
}
