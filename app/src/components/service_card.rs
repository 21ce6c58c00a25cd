//! One result in a list: what a person needs to decide whether to open it.

use dayfinder::model::{Term, VacancyStatus};
use dayfinder::query::{Hit, SearchQuery};
use leptos::prelude::*;

use super::format;
use crate::urls;

/// How many access features a card names before "and more".
const ACCESS_ON_CARD: usize = 4;

/// The coloured tag for a vacancy status.
pub fn vacancy_class(status: VacancyStatus) -> &'static str {
    match status {
        VacancyStatus::Spaces => "tag tag--green",
        VacancyStatus::WaitingList => "tag tag--yellow",
        VacancyStatus::Full => "tag tag--grey",
    }
}

/// A result card; its title links to the listing, remembering the search.
#[component]
pub fn ServiceCard(hit: Hit, from: SearchQuery) -> impl IntoView {
    let href = urls::listing_href(&hit.id, Some(&from));
    let place = match hit.distance_miles {
        Some(d) => format!("{}, {} away", hit.town, format::miles(d)),
        None => hit.town.clone(),
    };
    let days = if hit.days.is_empty() {
        "Arranged with you".to_string()
    } else {
        format::labels(&hit.days)
    };
    let mut access: Vec<String> = hit
        .access
        .iter()
        .take(ACCESS_ON_CARD)
        .map(|a| a.label().to_string())
        .collect();
    if hit.access.len() > ACCESS_ON_CARD {
        access.push(format!("{} more", hit.access.len() - ACCESS_ON_CARD));
    }
    let access = (!access.is_empty()).then(|| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">"Access"</dt>
                <dd class="summary-list__value">{format::and_list(&access)}</dd>
            </div>
        }
    });
    view! {
        <li class="result">
            <h3 class="heading-m result__title"><a class="link result__link" href=href>{hit.name}</a></h3>
            <p class="result__provider">{hit.organisation}</p>
            <p class="body result__summary">{hit.summary}</p>
            <p class="result__vacancy"><strong class=vacancy_class(hit.vacancy)>{hit.vacancy.label()}</strong></p>
            <dl class="summary-list summary-list--compact">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Where"</dt>
                    <dd class="summary-list__value">{place}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Days"</dt>
                    <dd class="summary-list__value">{days}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Cost"</dt>
                    <dd class="summary-list__value">{hit.cost}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Type"</dt>
                    <dd class="summary-list__value">{hit.tier.label()}</dd>
                </div>
                {access}
            </dl>
        </li>
    }
}
