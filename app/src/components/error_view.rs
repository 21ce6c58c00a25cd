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
        AppError::Withdrawn(listing) => view! { <Withdrawn listing easy /> }.into_any(),
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

/// A listing its feed no longer lists (410): what it was, since when, and where to look.
#[component]
fn Withdrawn(listing: crate::error::WithdrawnListing, easy: bool) -> impl IntoView {
    let crate::error::WithdrawnListing { name, on, from } = listing;
    if easy {
        return view! {
            <Title text=format!("{name} is not on Dayfinder now – easy read – Dayfinder") />
            <h1 class="heading-l">{format!("{name} is not on Dayfinder now")}</h1>
            <p class="body">{format!("We took it off on {on}.")}</p>
            <p class="body">{format!("The website it came from does not show it now: {from}.")}</p>
            <p class="body">"It may have closed or moved."</p>
            <p class="body"><a class="link" href="/">"Find things to do"</a></p>
            <FocusOnArrival />
        }
        .into_any();
    }
    view! {
        <Title text=format!("{name} has been withdrawn – Dayfinder") />
        <h1 class="heading-l">{format!("{name} has been withdrawn")}</h1>
        <p class="body">{format!("This listing came from the directory at {from}. That directory stopped listing it, so we withdrew it on {on}.")}</p>
        <p class="body">"It may have closed, moved or been replaced by another listing. If it comes back to that directory, it will come back here."</p>
        <p class="body">"You can " <a class="link" href="/">"search for day opportunities"</a> "."</p>
        <FocusOnArrival />
    }
    .into_any()
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
