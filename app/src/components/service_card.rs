//! One result in a list: what a person needs to decide whether to open it.

use dayfinder::query::SearchQuery;
use leptos::prelude::*;

use crate::components::shortlist_button::ShortlistButton;
use crate::urls;
use crate::view_models::HitCard;

/// A result card; its title links to the listing, remembering the search.
#[component]
pub fn ServiceCard(hit: HitCard, from: SearchQuery) -> impl IntoView {
    let href = urls::listing_href(&hit.id, Some(&from));
    let access = (!hit.access.is_empty()).then(|| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">"Access"</dt>
                <dd class="summary-list__value">{hit.access}</dd>
            </div>
        }
    });
    let checked = (!hit.vacancy_checked.is_empty())
        .then(|| view! { <span class="result__checked">{hit.vacancy_checked}</span> });
    let stale = hit.out_of_date.then(|| {
        view! { <p class="body-s result__stale">"This listing may be out of date. Check with them before you go."</p> }
    });
    let list_button = view! { <ShortlistButton id=hit.id.clone() name=hit.name.clone() /> };
    view! {
        <li class="result">
            <h3 class="heading-m result__title"><a class="link result__link" href=href>{hit.name}</a></h3>
            <p class="result__provider">{hit.organisation}</p>
            <p class="body result__summary">{hit.summary}</p>
            <p class="result__vacancy"><strong class=hit.vacancy.class>{hit.vacancy.label}</strong>" "{checked}</p>
            {stale}
            <dl class="summary-list summary-list--compact">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Where"</dt>
                    <dd class="summary-list__value">{hit.place}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Days"</dt>
                    <dd class="summary-list__value">{hit.days}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Cost"</dt>
                    <dd class="summary-list__value">{hit.cost}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Type"</dt>
                    <dd class="summary-list__value">{hit.tier}</dd>
                </div>
                {access}
            </dl>
            {list_button}
        </li>
    }
}
