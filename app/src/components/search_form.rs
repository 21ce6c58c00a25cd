//! The "what and where" search fields. They sit inside a GET form whose action is the
//! results page, so searching needs no JavaScript; the router's `Form` makes it a
//! client-side navigation once the page is hydrated.

use leptos::prelude::*;

/// Distances offered around a place, in miles.
pub const RADIUS_CHOICES: [u32; 6] = [1, 2, 5, 10, 15, 25];

/// The words and place fields, with their labels and hints.
#[component]
pub fn SearchFields(
    /// The words already searched for.
    #[prop(into)]
    text: String,
    /// The place already searched around.
    #[prop(into)]
    place: String,
    /// The radius in miles, when one was chosen; offers the distance choice when given.
    #[prop(optional)]
    within: Option<Option<f64>>,
) -> impl IntoView {
    let example = crate::profile::SiteNames::get().example_place();
    let radius = within.map(|chosen| {
        let chosen = chosen.unwrap_or(dayfinder::query::DEFAULT_RADIUS_MILES);
        view! {
            <div class="form-group search-fields__within">
                <label class="label" for="within">"Distance"</label>
                <select class="select" id="within" name="within">
                    {RADIUS_CHOICES
                        .iter()
                        .map(|&m| {
                            let label = if m == 1 { "Within 1 mile".to_string() } else { format!("Within {m} miles") };
                            let selected = (f64::from(m) - chosen).abs() < 0.01;
                            view! { <option value=m.to_string() selected=selected prop:selected=selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    });
    view! {
        <div class="search-fields">
            <div class="form-group search-fields__what">
                <label class="label" for="q">"What are you looking for?"</label>
                <div class="hint" id="q-hint">"For example: dementia group, Saturday club, supported work"</div>
                <input class="input" id="q" name="q" type="search" value=text.clone() prop:value=text aria-describedby="q-hint" autocomplete="off" />
            </div>
            <div class="form-group search-fields__where">
                <label class="label" for="near">"Where?"</label>
                <div class="hint" id="near-hint">"A town or postcode, for example " {example}</div>
                <input class="input" id="near" name="near" type="text" value=place.clone() prop:value=place aria-describedby="near-hint" autocomplete="postal-code" />
            </div>
            {radius}
        </div>
    }
}
