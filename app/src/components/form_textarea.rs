//! A labelled textarea in the GOV.UK pattern, beside `TextInput` (form.rs): its hint and
//! its message linked by `aria-describedby`, the group marked when in error.

use leptos::prelude::*;

use super::form::{FieldError, FieldErrors};

/// A textarea whose `id` is its `name`, holding `value` as typed.
#[component]
pub fn Textarea(
    errors: FieldErrors,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(optional, into)] hint: Option<String>,
    rows: u8,
) -> impl IntoView {
    let described = errors.described_by(&name, hint.is_some());
    let hint = hint.map(|text| view! { <div class="hint" id=format!("{name}-hint")>{text}</div> });
    view! {
        <div class=errors.group_class(&name)>
            <label class="label" for=name.clone()>{label}</label>
            {hint}
            <FieldError errors=errors.clone() field=name.clone() />
            <textarea class="textarea" id=name.clone() name=name.clone() rows=rows
                aria-describedby=described>{value}</textarea>
        </div>
    }
}
