//! Handles `/my-list`, `/my-list/shared?ids=...` and `/my-list/clear` in easy read: "Your
//! list" with a short card for each place (what, where, when, cost, spaces), each with a
//! button to take it off, and the ways to share, compare, print or clear the list. Every
//! change is the same plain POST form as on the standard page (see the server's
//! `shortlist` module), answered with a redirect, so it all works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::codec::PageResource;
use crate::components::easy_read::Points;
use crate::components::easy_read_data::{Piece, Point};
use crate::components::error_view::ErrorView;
use crate::components::pictures::Picture;
use crate::components::shortlist_button::FORM_ID;
use crate::enhance::FocusOnArrival;
use crate::error::AppError;
use crate::shortlist_api::{EasyListEntry, EasyListPage, easy_my_list_page, easy_shared_list_page};

/// The most places compared at once (as on the standard list page).
const COMPARE_MAX: usize = 4;

/// "1 place", "3 places".
pub(crate) fn places(n: usize) -> String {
    if n == 1 {
        "1 place".to_string()
    } else {
        format!("{n} places")
    }
}

/// A point made here, on the page (its words have no glossary words).
pub(crate) fn say(picture: &str, text: impl Into<String>) -> Point {
    Point {
        picture: picture.to_string(),
        words: vec![Piece {
            text: text.into(),
            href: None,
        }],
        href: None,
    }
}

/// The page's data, loaded by a server function from its query string.
fn load<F, Fut>(fetch: F) -> PageResource<Result<EasyListPage, AppError>>
where
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<EasyListPage, AppError>> + Send + 'static,
{
    let location = use_location();
    PageResource::new_with_options(move || location.search.get(), fetch, false)
}

/// The visitor's list in easy read.
#[component]
pub fn EasyMyListPage() -> impl IntoView {
    let list = load(easy_my_list_page);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let list = list.clone(); Suspend::new(async move {
                match list.clone().await {
                    Ok(page) => view! { <EasyMyList page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn EasyMyList(page: EasyListPage) -> impl IntoView {
    let n = page.entries.len();
    let notice = page.notice.map(|text| {
        view! {
            <div class="notice" role="status">
                <Points points=vec![say("info", text)] />
            </div>
        }
    });
    let warning = page.warning.map(|text| {
        view! {
            <div class="warning-text easy-list__warning">
                <span class="visually-hidden">"Warning: "</span>
                <Points points=vec![say("info", text)] />
            </div>
        }
    });
    let body = if n == 0 {
        view! {
            <Points points=vec![
                say("spaces", "Your list is empty."),
                say("search", "When you find a place you like, add it to your list."),
                say("days", "Your list stays on this computer or phone."),
            ] />
            <a class="button button--start big-button" href="/guided-search">
                <Picture name="search" />
                <span>"Find things to do"</span>
            </a>
        }
        .into_any()
    } else {
        view! {
            <Points points=vec![say("spaces", format!("You have {} on your list.", places(n)))] />
            <EasyEntries entries=page.entries removable=true />
            <h2 class="heading-m">"Send your list to someone"</h2>
            <Points points=vec![
                say("email", "You can send your list to a carer or a friend."),
                say("person", "Send them this link."),
            ] />
            <div class="body share-link"><a class="link" href=page.share_url.clone()>{page.share_url.clone()}</a></div>
            <EasyCompareLink n ids=page.ids.clone() />
            <EasyPrintLinks ids=None />
            <h2 class="heading-m">"Ask about these places"</h2>
            <p class="body"><a class="link" href="/ask?list=yes">"Ask the people who run them"</a></p>
            <h2 class="heading-m">"Clear your list"</h2>
            <Points points=vec![say("info", "You can take all the places off your list.")] />
            <p class="body"><a class="button button--warning" href="/my-list/clear">"Clear my list"</a></p>
        }
        .into_any()
    };
    view! {
        <Title text="Your list – easy read – Dayfinder" />
        {notice}
        <h1 class="heading-l">"Your list"</h1>
        {warning}
        {body}
        <FocusOnArrival />
    }
}

/// The link to compare the places (the first 4 when there are more).
#[component]
fn EasyCompareLink(n: usize, ids: String) -> impl IntoView {
    if n < 2 {
        return ().into_any();
    }
    let shown: Vec<&str> = ids.split(',').take(COMPARE_MAX).collect();
    let href = format!("/compare?ids={}", shown.join(","));
    let label = if n <= COMPARE_MAX {
        format!("Compare these {n} places")
    } else {
        format!("Compare the first {COMPARE_MAX} places")
    };
    let more: Vec<Point> = (n > COMPARE_MAX)
        .then(|| {
            say(
                "info",
                format!("You can compare up to {COMPARE_MAX} places at a time."),
            )
        })
        .into_iter()
        .collect();
    view! {
        <h2 class="heading-m">"Compare the places"</h2>
        <Points points=more />
        <p class="body point">
            <Picture name="days" />
            <a class="link point__words" href=href>{label}</a>
        </p>
    }
    .into_any()
}

/// The links to the easy-read sheet to print (the list in the cookie, or the ids given).
#[component]
fn EasyPrintLinks(ids: Option<String>) -> impl IntoView {
    let base = match &ids {
        Some(ids) => format!("/my-list/print?ids={ids}&view=easy"),
        None => "/my-list/print?view=easy".to_string(),
    };
    let one = format!("{base}&pages=one");
    view! {
        <h2 class="heading-m">"Print your list"</h2>
        <Points points=vec![say("words", "You can print your list to keep.")] />
        <ul class="points">
            <li class="point">
                <Picture name="easy-read" />
                <a class="link point__words" rel="external" href=base>"Print this list"</a>
            </li>
            <li class="point">
                <Picture name="easy-read" />
                <a class="link point__words" rel="external" href=one>"Print this list with one place on each page"</a>
            </li>
        </ul>
    }
}

/// The places of a list, each a short card; on the visitor's own list, each can be taken
/// off with the header's list form (the same form and fields as the standard page).
#[component]
fn EasyEntries(entries: Vec<EasyListEntry>, removable: bool) -> impl IntoView {
    let cards = entries
        .into_iter()
        .map(|EasyListEntry { id, card }| {
            let heading = format!("place-{id}");
            let remove = removable.then(|| {
                view! {
                    <button type="submit" form=FORM_ID formaction="/my-list/remove" name="id" value=id.clone()
                        class="button button--secondary shortlist-button"
                        aria-label=format!("Take {} off my list", card.name)>
                        "Take it off my list"
                    </button>
                }
            });
            view! {
                <section class="easy-card easy-list__card" aria-labelledby=heading.clone()>
                    <h2 class="heading-m easy-card__title" id=heading.clone()><a class="link" href=card.href>{card.name}</a></h2>
                    <Points points=card.about />
                    <Points points=card.points />
                    {remove}
                </section>
            }
        })
        .collect_view();
    view! { <div class="easy-list">{cards}</div> }
}

/// A list someone shared by link, in easy read.
#[component]
pub fn EasySharedListPage() -> impl IntoView {
    let list = load(easy_shared_list_page);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let list = list.clone(); Suspend::new(async move {
                match list.clone().await {
                    Ok(page) => view! { <EasySharedList page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn EasySharedList(page: EasyListPage) -> impl IntoView {
    let n = page.entries.len();
    let gone = (page.gone > 0).then(|| {
        let text = if page.gone == 1 {
            "1 place in this link is not on Dayfinder now.".to_string()
        } else {
            format!(
                "{} places in this link are not on Dayfinder now.",
                page.gone
            )
        };
        view! { <div class="inset-text"><Points points=vec![say("info", text)] /></div> }
    });
    let body = if n == 0 {
        #[cfg(feature = "ssr")]
        crate::ssr::set_status(404);
        view! {
            <Points points=vec![
                say("info", "We could not find the places in this link."),
                say("words", "Check you have the whole link."),
            ] />
            <a class="button button--start big-button" href="/guided-search">
                <Picture name="search" />
                <span>"Find things to do"</span>
            </a>
        }
        .into_any()
    } else {
        view! {
            <Points points=vec![say("person", format!("Someone sent you a list of {}.", places(n)))] />
            <form method="post" action="/my-list/save">
                <input type="hidden" name="ids" value=page.ids.clone() />
                <button type="submit" class="button">"Save these to my list"</button>
            </form>
            <EasyEntries entries=page.entries removable=false />
            <EasyCompareLink n ids=page.ids.clone() />
            <EasyPrintLinks ids=Some(page.ids) />
        }
        .into_any()
    };
    view! {
        <Title text="A list someone sent you – easy read – Dayfinder" />
        <h1 class="heading-l">"A list someone sent you"</h1>
        {gone}
        {body}
        <FocusOnArrival />
    }
}

/// Asks before clearing the list, in easy read.
#[component]
pub fn EasyClearListPage() -> impl IntoView {
    let list = load(easy_my_list_page);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let list = list.clone(); Suspend::new(async move {
                match list.clone().await {
                    Ok(page) => view! { <EasyClearList n=page.entries.len() /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn EasyClearList(n: usize) -> impl IntoView {
    let what = if n == 0 {
        say("spaces", "Your list is empty now.")
    } else {
        say(
            "spaces",
            format!("This takes all {} off your list.", places(n)),
        )
    };
    view! {
        <Title text="Clear your list – easy read – Dayfinder" />
        <a class="back-link" href="/my-list">"Back to your list"</a>
        <h1 class="heading-l">"Do you want to clear your list?"</h1>
        <Points points=vec![
            what,
            say("person", "People you sent your link to can still see the list."),
        ] />
        <form method="post" action="/my-list/clear" class="button-group">
            <button type="submit" class="button button--warning">"Yes, clear my list"</button>
            <a class="link" href="/my-list">"No, keep my list"</a>
        </form>
        <FocusOnArrival />
    }
}
