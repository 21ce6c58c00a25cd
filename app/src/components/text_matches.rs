//! Listings found only by their own words: the question's words became a filter (a
//! hearing loop, Saturdays) their facts do not have, but their description says it.

use dayfinder::query::SearchQuery;
use leptos::prelude::*;

/// "3 more mention a hearing loop in their description and are listed after the others."
/// It also keeps, as hidden fields of the results form, which filters were read from the
/// question's words (`said`), so filtering again finds those listings too.
#[component]
pub fn TextMatches(lines: Vec<String>, query: SearchQuery) -> impl IntoView {
    let said = query
        .to_params()
        .into_iter()
        .filter(|(param, _)| *param == "said")
        .map(|(_, value)| view! { <input type="hidden" name="said" value=value /> })
        .collect_view();
    let lines = lines
        .into_iter()
        .map(|line| view! { <p class="body-s text-matches">{line}</p> })
        .collect_view();
    view! {
        {said}
        {lines}
    }
}
