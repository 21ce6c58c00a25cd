//! The page a review reminder's one-click link opens (`/review/<token>`), for a provider's
//! editor who need not sign in: the listing as the public sees it, "Yes, this is all
//! correct" (a POST form) and "Something has changed" (the edit form, behind sign-in).

use dayfinder::reviews::LinkState;
use leptos::prelude::*;

use super::{EditorFrame, Notice};
use crate::components::format::long_date;
use crate::pages::listing::{Facts, paragraphs};
use crate::view_models::ListingSheet;

/// The link's page, as its state has it. `done`: the person has just confirmed.
#[component]
pub fn ReviewLinkPage(state: LinkState, token: String, done: bool) -> impl IntoView {
    match state {
        LinkState::Ready {
            listing,
            editor_name,
        } => {
            let sheet = ListingSheet::new(&listing, None, None);
            let confirmed = long_date(listing.service.last_reviewed);
            let edit = format!("/editor/services/{}/edit", sheet.id);
            view! {
                <EditorFrame title=format!("Is {} still right?", sheet.name)>
                    <span class="caption-l">"Check your listing"</span>
                    <h1 class="heading-l">{format!("Is {} still right?", sheet.name)}</h1>
                    <p class="body">
                        {format!("Hello {editor_name}. This is the listing as people see it on Dayfinder. It was last confirmed on {confirmed}.")}
                    </p>
                    <ListingPreview sheet />
                    <h2 class="heading-m">"Is everything right?"</h2>
                    <form method="post" action=format!("/review/{token}") novalidate>
                        <button type="submit" class="button">"Yes, this is all correct"</button>
                    </form>
                    <p class="body">
                        <a class="link" href=edit>"Something has changed"</a>
                        " (you will be asked to sign in, then you can change the listing)"
                    </p>
                </EditorFrame>
            }
            .into_any()
        }
        LinkState::Used { at } if done => {
            let _ = at;
            view! {
                <EditorFrame title="Thank you: the listing is confirmed">
                    <Notice text="Thank you. The listing is confirmed as right today." />
                    <h1 class="heading-l">"Thank you: the listing is confirmed"</h1>
                    <p class="body">"People can see it was checked today. We will ask again in a few months."</p>
                    <p class="body"><a class="link" href="/">"Go to Dayfinder"</a></p>
                </EditorFrame>
            }
            .into_any()
        }
        other => {
            let (heading, message) = match other {
                LinkState::Used { at } => (
                    "This link has been used",
                    format!(
                        "Someone used this link to confirm the listing on {}. Each link can be used once.",
                        long_date(dayfinder::engine::uk_date(at))
                    ),
                ),
                LinkState::AlreadyConfirmed { on } => (
                    "This listing has been confirmed already",
                    format!("Someone confirmed the listing on {}. There is nothing more to do.", long_date(on)),
                ),
                LinkState::Expired => (
                    "This link has expired",
                    "Sign in to Dayfinder’s editors’ pages to confirm or change the listing.".to_string(),
                ),
                _ => (
                    "We cannot find that link",
                    "Check you copied the whole link from the email, or sign in to Dayfinder’s editors’ pages to confirm the listing.".to_string(),
                ),
            };
            view! {
                <EditorFrame title=heading>
                    <h1 class="heading-l">{heading}</h1>
                    <p class="body">{message}</p>
                    <p class="body"><a class="link" href="/editor/sign-in">"Sign in"</a></p>
                </EditorFrame>
            }
            .into_any()
        }
    }
}

/// The public listing's words and facts.
#[component]
fn ListingPreview(sheet: ListingSheet) -> impl IntoView {
    let sessions = sheet
        .sessions
        .iter()
        .map(|s| format!("{}: {} to {}", s.day, s.starts, s.ends))
        .collect::<Vec<_>>();
    let address = (!sheet.address.is_empty()).then(|| sheet.address.join(", "));
    view! {
        <div class="inset-text">
            <h2 class="heading-m">{sheet.name.clone()}</h2>
            <p class="body"><strong>{sheet.summary.clone()}</strong></p>
            {paragraphs(sheet.description.clone())}
            <Facts facts=sheet.key_facts.clone() />
            <h3 class="heading-s">"Who it is for"</h3>
            <p class="body">{sheet.who_for.clone()}</p>
            {(!sessions.is_empty()).then(|| view! {
                <h3 class="heading-s">"When"</h3>
                <ul class="list list--bullet">{sessions.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            })}
            {address.map(|a| view! { <h3 class="heading-s">"Address"</h3><p class="body">{a}</p> })}
            <h3 class="heading-s">"Cost"</h3>
            <Facts facts=sheet.cost.clone() />
            <h3 class="heading-s">"Contact"</h3>
            <Facts facts=sheet.contact.clone() />
            <p class="body"><a class="link" href=format!("/services/{}", sheet.id)>"Open the public listing"</a></p>
        </div>
    }
}
