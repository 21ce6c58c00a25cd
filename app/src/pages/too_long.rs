//! "That web address is too long": the answer (414) to an address longer than the site
//! reads, given before anything reads it.

use leptos::prelude::*;

use crate::components::bare_page::BarePage;

#[component]
pub fn TooLongPage() -> impl IntoView {
    view! {
        <BarePage title="That web address is too long">
            <h1>"That web address is too long"</h1>
            <p>"We could not read a search this long. Please start a new search with fewer words or filters."</p>
            <p><a href="/search">"Start a new search"</a></p>
        </BarePage>
    }
}
