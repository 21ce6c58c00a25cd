//! Any address the site does not have: "Page not found", with a real 404 status.

use leptos::prelude::*;

use crate::components::error_view::NotFound;

/// The 404 page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound /> }
}
