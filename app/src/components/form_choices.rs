//! Checkboxes and radios in a fieldset, in the GOV.UK pattern: the legend, its hint and
//! the message, with the group marked when in error.

use leptos::prelude::*;

use super::form::{FieldError, FieldErrors};

/// One box of a [`Choices`]: what it sends, what it says, and whether it is ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>, checked: bool) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            checked,
        }
    }
}

/// A fieldset of boxes all named `name`; the first box has `name` as its id too, for the
/// error summary's link, the others `{name}-{value}`.
#[component]
pub fn Choices(
    errors: FieldErrors,
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    choices: Vec<Choice>,
    /// Radios (one of) rather than checkboxes (any of).
    #[prop(optional)]
    radio: bool,
) -> impl IntoView {
    let kind = if radio { "radio" } else { "checkbox" };
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, choice)| {
            let id = if i == 0 {
                name.clone()
            } else {
                format!("{name}-{}", choice.value)
            };
            view! {
                <div class="checkboxes__item">
                    <input class="checkboxes__input" id=id.clone() name=name.clone() type=kind
                        value=choice.value checked=choice.checked />
                    <label class="label checkboxes__label" for=id>{choice.label}</label>
                </div>
            }
        })
        .collect_view();
    let described = errors.described_by(&name, hint.is_some());
    let hint = hint.map(|text| view! { <div class="hint" id=format!("{name}-hint")>{text}</div> });
    view! {
        <div class=errors.group_class(&name)>
            <fieldset class="fieldset" aria-describedby=described>
                <legend class="fieldset__legend">{legend}</legend>
                {hint}
                <FieldError errors=errors.clone() field=name.clone() />
                {items}
            </fieldset>
        </div>
    }
}
