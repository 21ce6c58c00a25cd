//! Handles `/compare?ids=a,b,c&near=Crewe`: up to four listings side by side in a table,
//! a row per fact, with their distances from a place the person types (a GET form, so it
//! needs no JavaScript). On a narrow screen the table scrolls sideways in its own region.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::enhance::FocusOnArrival;
use crate::shortlist_api::{CompareColumn, ComparePage as CompareData, compare_listings};

/// The compare page.
#[component]
pub fn ComparePage() -> impl IntoView {
    let location = use_location();
    let data =
        PageResource::new_with_options(move || location.search.get(), compare_listings, false);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let data = data.clone(); Suspend::new(async move {
                match data.clone().await {
                    Ok(page) => view! { <Comparison page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn Comparison(page: CompareData) -> impl IntoView {
    // GOV.UK names a page with a problem to fix "Error: ..." in its title.
    let title = if page.too_many.is_empty() && page.place_problem.is_none() {
        "Compare day opportunities – Dayfinder"
    } else {
        "Error: Compare day opportunities – Dayfinder"
    };
    let body = if !page.too_many.is_empty() {
        view! { <TooMany choices=page.too_many near=page.near /> }.into_any()
    } else if page.columns.len() < 2 {
        view! {
            <p class="body">"Choose 2 to 4 day opportunities to compare them side by side."</p>
            <p class="body">
                "Add them to " <a class="link" href="/my-list">"your list"</a>
                " from the search results or their pages, then choose ‘Compare’ on your list."
            </p>
        }
        .into_any()
    } else {
        view! { <Table page /> }.into_any()
    };
    view! {
        <Title text=title />
        <a class="back-link" href="/my-list">"Back to my list"</a>
        <h1 class="heading-l">"Compare day opportunities"</h1>
        {body}
        <FocusOnArrival />
    }
}

/// More than four asked for: say so, and let the person choose four.
#[component]
fn TooMany(choices: Vec<(String, String)>, near: String) -> impl IntoView {
    let n = choices.len();
    let boxes = choices
        .into_iter()
        .map(|(id, name)| {
            let input = format!("compare-{id}");
            view! {
                <div class="checkboxes__item">
                    <input class="checkboxes__input" type="checkbox" id=input.clone() name="id" value=id />
                    <label class="checkboxes__label" for=input>{name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
            <ul class="list error-summary__list">
                <li><a href="#choose">{format!("You can compare up to 4 at a time. You chose {n}.")}</a></li>
            </ul>
        </div>
        <form method="get" action="/compare">
            <input type="hidden" name="near" value=near />
            <fieldset class="fieldset" id="choose">
                <legend class="fieldset__legend">"Choose up to 4 to compare"</legend>
                {boxes}
            </fieldset>
            <button type="submit" class="button">"Compare"</button>
        </form>
    }
}

/// One row: a fact for each listing.
fn row(label: impl Into<String>, cells: Vec<AnyView>) -> impl IntoView {
    let label: String = label.into();
    view! {
        <tr>
            <th scope="row">{label}</th>
            {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
        </tr>
    }
}

fn lines(items: Vec<String>, otherwise: &'static str) -> AnyView {
    if items.is_empty() {
        otherwise.into_any()
    } else {
        view! { <ul class="list compare-table__list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
            .into_any()
    }
}

#[component]
fn Table(page: CompareData) -> impl IntoView {
    let columns = page.columns;
    let cells = |f: &dyn Fn(&CompareColumn) -> AnyView| columns.iter().map(f).collect::<Vec<_>>();
    let caption = format!("Comparing {} day opportunities", columns.len());
    let heads = columns
        .iter()
        .map(|c| {
            let href = format!("/services/{}", c.id);
            view! { <th scope="col"><a class="link" href=href>{c.name.clone()}</a></th> }
        })
        .collect_view();
    let distance_label = page
        .place_found
        .as_ref()
        .map(|place| format!("Distance from {place}"));
    let distance = distance_label.map(|label| {
        row(
            label,
            cells(&|c| {
                c.distance
                    .clone()
                    .unwrap_or_else(|| "Not known".to_string())
                    .into_any()
            }),
        )
    });
    let problem = page.place_problem.map(|(message, suggestions)| {
        let links = suggestions
            .into_iter()
            .map(|place| {
                let href = format!(
                    "/compare?{}",
                    crate::urls::encode([("ids", page.ids.as_str()), ("near", place.as_str())])
                );
                view! { <li><a class="link" href=href>{place}</a></li> }
            })
            .collect_view();
        view! {
            <div class="error-message" id="near-error">
                <span class="visually-hidden">"Error: "</span>{message}
                <ul class="list">{links}</ul>
            </div>
        }
    });
    let has_problem = problem.is_some();
    let rows = view! {
        {row("Provider", cells(&|c| c.organisation.clone().into_any()))}
        {row("Where", cells(&|c| c.place.clone().into_any()))}
        {distance}
        {row("Who it is for", cells(&|c| c.who_for.clone().into_any()))}
        {row("Days and times", cells(&|c| lines(c.times.clone(), "Arranged with you")))}
        {row("Cost", cells(&|c| lines(c.cost.clone(), "Ask the provider")))}
        {row("How to get a place", cells(&|c| lines(c.join.clone(), "Ask the provider")))}
        {row("Access", cells(&|c| lines(c.access.clone(), "Ask the service about access")))}
        {row("Places", cells(&|c| view! { <strong class=c.vacancy.class.clone()>{c.vacancy.label.clone()}</strong> }.into_any()))}
    };
    view! {
        <form method="get" action="/compare" class="compare-place">
            <input type="hidden" name="ids" value=page.ids />
            <div class=if has_problem { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for="near">"Distance from a town or postcode"</label>
                <p class="hint" id="near-hint">"For example, " {crate::profile::SiteNames::get().example_place()}</p>
                {problem}
                <input class="input compare-place__input" type="text" id="near" name="near" value=page.near
                    autocomplete="postal-code" spellcheck="false"
                    aria-describedby=if has_problem { "near-hint near-error" } else { "near-hint" } />
            </div>
            <button type="submit" class="button button--secondary">"Show distances"</button>
        </form>
        <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
            <table class="table compare-table">
                <caption class="compare-table__caption" id="compare-caption">{caption}</caption>
                <thead>
                    <tr><td></td>{heads}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
