//! The filters of the GOV.UK "filter a list" pattern: one group of checkboxes per facet,
//! each choice with how many results it would give, and the chosen filters as links that
//! remove them one at a time.

use dayfinder::query::{FacetGroup, FacetValue, SearchQuery};
use leptos::prelude::*;

use crate::urls;

/// The checkbox groups. They sit inside the results page's GET form. Each group folds
/// away (`<details>`, so no JavaScript is needed): the first, and any with a choice ticked,
/// start open.
#[component]
pub fn FacetFilters(facets: Vec<FacetGroup>) -> impl IntoView {
    facets
        .into_iter()
        .filter(|group| group.values.iter().any(|v| v.count > 0 || v.selected))
        .enumerate()
        .map(|(index, group)| {
            let param = group.param.clone();
            let ticked = group.values.iter().filter(|v| v.selected).count();
            let open = index == 0 || ticked > 0;
            let choices = group
                .values
                .into_iter()
                .filter(|v| v.count > 0 || v.selected)
                .map(|v| view! { <Choice param=param.clone() value=v /> })
                .collect_view();
            let summary_note = (ticked > 0).then(|| {
                view! { <span class="filter-group__ticked">{format!(" ({ticked} selected)")}</span> }
            });
            view! {
                <details class="filter-group" data-param=param.clone() open=open>
                    <summary class="filter-group__summary">
                        <span class="filter-group__label">{group.label.clone()}</span>
                        {summary_note}
                    </summary>
                    <fieldset class="fieldset filter-group__fieldset">
                        <legend class="visually-hidden">{group.label}</legend>
                        <div class="checkboxes checkboxes--small">{choices}</div>
                    </fieldset>
                </details>
            }
            .into_any()
        })
        .collect_view()
}

/// One checkbox with its label and count.
#[component]
fn Choice(param: String, value: FacetValue) -> impl IntoView {
    let id = format!("filter-{param}-{}", id_part(&value.value));
    let checked = value.selected;
    view! {
        <div class="checkboxes__item">
            <input class="checkboxes__input" type="checkbox" id=id.clone() name=param value=value.value checked=checked prop:checked=checked />
            <label class="label checkboxes__label" for=id>
                {value.label} " " <span class="checkboxes__count">{format!("({})", value.count)}</span>
            </label>
        </div>
    }
}

/// A value as part of an HTML id: "Holmes Chapel" -> "holmes-chapel".
fn id_part(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// One filter in force, with the link that removes it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenFilter {
    pub group: String,
    pub label: String,
    pub remove_href: String,
}

/// The filters in force, labelled from the facets (or from the value itself when a facet
/// does not list it).
pub fn chosen_filters(query: &SearchQuery, facets: &[FacetGroup]) -> Vec<ChosenFilter> {
    query
        .to_params()
        .into_iter()
        .filter(|(param, _)| !matches!(*param, "q" | "near" | "within" | "order" | "page" | "said"))
        .map(|(param, value)| {
            let group = facets.iter().find(|g| g.param == param);
            let label = group
                .and_then(|g| g.values.iter().find(|v| v.value == value))
                .map(|v| v.label.clone())
                .unwrap_or_else(|| {
                    if param == "age" {
                        format!("Age {value}")
                    } else {
                        value.clone()
                    }
                });
            ChosenFilter {
                group: group
                    .map(|g| g.label.clone())
                    .unwrap_or_else(|| param.to_string()),
                label,
                remove_href: urls::without_href(query, param, &value),
            }
        })
        .collect()
}

/// The chosen filters as links, each removing itself, and a link to clear them all.
#[component]
pub fn ChosenFilters(query: SearchQuery, facets: Vec<FacetGroup>) -> impl IntoView {
    let chosen = chosen_filters(&query, &facets);
    if chosen.is_empty() {
        return ().into_any();
    }
    let mut cleared = SearchQuery::text(query.text.clone());
    cleared.place = query.place.clone();
    cleared.within_miles = query.within_miles;
    let clear_href = urls::search_href(&cleared);
    view! {
        <div class="chosen-filters">
            <h2 class="heading-s">"Filters in use"</h2>
            <ul class="chosen-filters__list">
                {chosen
                    .into_iter()
                    .map(|f| {
                        view! {
                            <li>
                                <a class="chosen-filter" href=f.remove_href>
                                    <span class="visually-hidden">"Remove filter: " {f.group} ", "</span>
                                    {f.label}
                                    <span class="chosen-filter__cross" aria-hidden="true">" ×"</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="body-s"><a class="link" href=clear_href>"Clear all filters"</a></p>
        </div>
    }
    .into_any()
}
