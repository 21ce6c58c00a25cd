//! "Your list was not changed": why a change to the visitor's list was refused, with the
//! way back to it.

use leptos::prelude::*;

use crate::components::bare_page::BarePage;

/// `message` says why.
#[component]
pub fn ListNotChangedPage(#[prop(into)] message: String) -> impl IntoView {
    view! {
        <BarePage title="Your list was not changed">
            <h1>"Your list was not changed"</h1>
            <p>{message}</p>
            <p>
                <a href="/my-list">"Go to your list"</a>" or "
                <a href="/">"search for day opportunities"</a>"."
            </p>
        </BarePage>
    }
}
