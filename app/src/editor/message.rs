//! Short pages and notices that say what happened: why nothing was changed, what just
//! was, and the page for a failure of the machine.

use leptos::prelude::*;

/// A short page saying why nothing happened, with a way on.
#[component]
pub fn MessagePage(#[prop(into)] heading: String, #[prop(into)] message: String) -> impl IntoView {
    view! {
        <super::EditorFrame title=heading.clone()>
            <h1 class="heading-l">{heading}</h1>
            <p class="body">{message}</p>
            <p class="body"><a href="/editor" class="link">"Go to your services"</a></p>
        </super::EditorFrame>
    }
}

/// A green notice saying what just happened.
#[component]
pub fn Notice(#[prop(into)] text: String) -> impl IntoView {
    view! {
        <div class="notice" role="status"><p class="notice__text">{text}</p></div>
    }
}

/// The page for a failure of the machine (the cause is in the log). It needs nothing that
/// could itself have failed: no options, no stylesheet lookup.
pub fn went_wrong() -> String {
    let html = view! {
        <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <title>"Sorry, there is a problem with the service – Dayfinder editors"</title>
            </head>
            <body>
                <main>
                    <h1>"Sorry, there is a problem with the service"</h1>
                    <p>"Try again later. Nothing you changed has been lost: a change is either saved whole or not at all."</p>
                </main>
            </body>
        </html>
    }
    .to_html();
    format!("<!DOCTYPE html>\n{html}")
}
