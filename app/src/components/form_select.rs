//! A labelled select in the GOV.UK pattern, with its message and the group marked when in
//! error.

use leptos::prelude::*;

use super::form::{FieldError, FieldErrors};

/// A select whose `id` is its `name`; `options` are (value, label), the one whose value
/// is `selected` chosen.
#[component]
pub fn Select(
    errors: FieldErrors,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    options: Vec<(String, String)>,
    #[prop(into)] selected: String,
) -> impl IntoView {
    let described = errors.described_by(&name, false);
    let options = options
        .into_iter()
        .map(|(value, label)| {
            let chosen = value == selected;
            view! { <option value=value selected=chosen>{label}</option> }
        })
        .collect_view();
    view! {
        <div class=errors.group_class(&name)>
            <label class="label" for=name.clone()>{label}</label>
            <FieldError errors=errors.clone() field=name.clone() />
            <select class="select" id=name.clone() name=name.clone() aria-describedby=described>
                {options}
            </select>
        </div>
    }
}
