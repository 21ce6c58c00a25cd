//! GOV.UK's warning text: a "!" and bold words, read out as "Warning: ...".

use leptos::prelude::*;

/// A warning; `class` adds classes (for example the place notice's).
#[component]
pub fn WarningText(children: Children, #[prop(optional, into)] class: String) -> impl IntoView {
    let class = if class.is_empty() {
        "warning-text".to_string()
    } else {
        format!("warning-text {class}")
    };
    view! {
        <div class=class>
            <span class="warning-text__icon" aria-hidden="true">"!"</span>
            <div class="warning-text__text">
                <span class="visually-hidden">"Warning: "</span>
                {children()}
            </div>
        </div>
    }
}
