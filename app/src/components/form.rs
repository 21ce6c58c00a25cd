//! The GOV.UK form pieces every form shares, public and editors' alike: the error summary
//! at the top, the message beside a field, and a labelled text input that links its hint
//! and its message for screen readers.

use leptos::prelude::*;

/// What is wrong with a sent form: each message beside the field (its `id`) it is about,
/// in the order the fields appear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(String, String)>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the message for `field`.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push((field.into(), message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first message about `field`, if any.
    pub fn about(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(f, m)| (f.as_str(), m.as_str()))
    }

    /// `"form-group"`, marked when `field` is in error.
    pub fn group_class(&self, field: &str) -> &'static str {
        if self.about(field).is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    }

    /// The `aria-describedby` of a field: its hint (when it has one) and its message.
    pub fn described_by(&self, field: &str, has_hint: bool) -> Option<String> {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{field}-hint"));
        }
        if self.about(field).is_some() {
            ids.push(format!("{field}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

impl<F: Into<String>, M: Into<String>> FromIterator<(F, M)> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = (F, M)>>(iter: I) -> Self {
        Self(
            iter.into_iter()
                .map(|(f, m)| (f.into(), m.into()))
                .collect(),
        )
    }
}

/// "There is a problem", with each message linked to its field. Nothing when all is well.
#[component]
pub fn ErrorSummary(
    errors: FieldErrors,
    #[prop(optional, into)] title: Option<&'static str>,
) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        let items = errors
            .iter()
            .map(|(field, message)| {
                view! { <li><a href=format!("#{field}")>{message.to_string()}</a></li> }
            })
            .collect_view();
        view! {
            <div class="error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
                <h2 class="error-summary__title" id="error-summary-title">
                    {title.unwrap_or("There is a problem")}
                </h2>
                <ul class="list error-summary__list">{items}</ul>
            </div>
        }
    })
}

/// The message beside a field in error (`{field}-error`), if it has one.
#[component]
pub fn FieldError(errors: FieldErrors, #[prop(into)] field: String) -> impl IntoView {
    errors.about(&field).map(|message| {
        view! {
            <p id=format!("{field}-error") class="error-message">
                <span class="visually-hidden">"Error:"</span>" "{message.to_string()}
            </p>
        }
    })
}

/// A labelled input in the GOV.UK pattern: its hint and its message, both linked by
/// `aria-describedby`, and the group marked when in error. `name` is its `id` too.
#[component]
pub fn TextInput(
    errors: FieldErrors,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(optional, into)] hint: Option<String>,
    /// The input's `type` (`text` unless given).
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// `false` for codes, postcodes and addresses.
    #[prop(optional)]
    spellcheck: Option<bool>,
    #[prop(optional)] maxlength: Option<usize>,
    /// A width class from the style (`input--width-10`).
    #[prop(optional)]
    width: Option<&'static str>,
) -> impl IntoView {
    let described = errors.described_by(&name, hint.is_some());
    let class = match width {
        Some(width) => format!("input {width}"),
        None => "input".to_string(),
    };
    let hint = hint.map(|text| view! { <div class="hint" id=format!("{name}-hint")>{text}</div> });
    view! {
        <div class=errors.group_class(&name)>
            <label class="label" for=name.clone()>{label}</label>
            {hint}
            <FieldError errors=errors.clone() field=name.clone() />
            <input class=class id=name.clone() name=name.clone() type=kind.unwrap_or("text")
                autocomplete=autocomplete inputmode=inputmode
                spellcheck=spellcheck.map(|s| if s { "true" } else { "false" })
                maxlength=maxlength value=value aria-describedby=described />
        </div>
    }
}
