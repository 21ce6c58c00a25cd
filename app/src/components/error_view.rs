//! What a page shows when the server could not answer, in plain words, with the real status.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::enhance::FocusOnArrival;
use crate::error::AppError;

/// A whole-page message for an error; sets the response's status on the server.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(error.status_code());
    let easy = crate::view_mode::ViewMode::get().is_easy();
    match error {
        AppError::NotFound => view! { <NotFound /> }.into_any(),
        AppError::Internal | AppError::Transport(_) if easy => view! {
            <Title text="Sorry, something went wrong – easy read – Dayfinder" />
            <h1 class="heading-l">"Sorry, something went wrong"</h1>
            <p class="body">"Please try again later."</p>
            <p class="body">"Use the back button to go back to your search."</p>
            <FocusOnArrival />
        }
        .into_any(),
        AppError::Internal | AppError::Transport(_) => view! {
            <Title text="Sorry, there is a problem with the service – Dayfinder" />
            <h1 class="heading-l">"Sorry, there is a problem with the service"</h1>
            <p class="body">"Try again later."</p>
            <p class="body">"Nothing you typed has been lost: use your browser’s back button to return to your search."</p>
            <FocusOnArrival />
        }
        .into_any(),
    }
}

/// The "page not found" message, used by the 404 page and by unknown listings.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(404);
    if crate::view_mode::ViewMode::get().is_easy() {
        return view! {
            <Title text="We cannot find this page – easy read – Dayfinder" />
            <h1 class="heading-l">"We cannot find this page"</h1>
            <p class="body">"The web address may be wrong. Check each letter."</p>
            <p class="body">"A place may have closed or moved."</p>
            <p class="body"><a class="link" href="/">"Find things to do"</a></p>
            <FocusOnArrival />
        }
        .into_any();
    }
    view! {
        <Title text="Page not found – Dayfinder" />
        <h1 class="heading-l">"Page not found"</h1>
        <p class="body">"If you typed the web address, check it is correct."</p>
        <p class="body">"If you pasted the web address, check you copied the entire address."</p>
        <p class="body">"A service may have closed or moved. You can " <a class="link" href="/">"search for day opportunities"</a> "."</p>
        <FocusOnArrival />
    }
    .into_any()
}
