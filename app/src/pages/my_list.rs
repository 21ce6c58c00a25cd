//! Handles `/my-list` (the visitor's list, kept in their browser), `/my-list/shared?ids=...`
//! (a list someone shared by link) and `/my-list/clear` (asking before clearing the list).
//! Every change is a plain POST form answered with a redirect (see the server's
//! `shortlist` module), so all of it works without JavaScript.

use leptos::prelude::*;

use crate::components::warning_text::WarningText;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::components::shortlist_button::FORM_ID;
use crate::enhance::FocusOnArrival;
use crate::shortlist_api::{ListEntry, ListPage, my_list_page, shared_list_page};

/// The most listings compared at once (the compare page says so if given more).
const COMPARE_MAX: usize = 4;

/// "1 day opportunity", "3 day opportunities".
fn count(n: usize) -> String {
    crate::components::format::count_opportunities(n)
}

/// The page's data, loaded by a server function from its query string.
fn load<F, Fut>(fetch: F) -> PageResource<Result<ListPage, crate::error::AppError>>
where
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<ListPage, crate::error::AppError>> + Send + 'static,
{
    let location = use_location();
    PageResource::new_with_options(move || location.search.get(), fetch, false)
}

/// The visitor's list.
#[component]
pub fn MyListPage() -> impl IntoView {
    let list = load(my_list_page);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let list = list.clone(); Suspend::new(async move {
                match list.clone().await {
                    Ok(page) => view! { <MyListView page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn MyListView(page: ListPage) -> impl IntoView {
    let n = page.entries.len();
    let notice = page.notice.map(|text| {
        view! {
            <div class="notice" role="status">
                <p class="notice__text">{text}</p>
            </div>
        }
    });
    let warning = page.warning.map(|text| {
        view! {
            <WarningText><p class="body">{text}</p></WarningText>
        }
    });
    let body = if n == 0 {
        view! {
            <p class="body">"Your list is empty."</p>
            <p class="body">
                "When you find a day opportunity that might suit, choose ‘Add to my list’. "
                "Your list is kept in this browser, so you can come back to it, share it, compare the options and print them."
            </p>
            <p class="body"><a class="link" href="/search">"Search for day opportunities"</a></p>
        }
        .into_any()
    } else {
        let ids = page.ids.clone();
        view! {
            <p class="body">{format!("You have {} on your list.", count(n))}</p>
            <Entries entries=page.entries.clone() removable=true />
            <h2 class="heading-m">"Share your list"</h2>
            <p class="body">
                "Send this link to a carer, a family member or anyone helping you, or open it on another device. "
                "It holds only the day opportunities on your list, nothing about you."
            </p>
            <p class="body share-link"><a class="link" href=page.share_url.clone()>{page.share_url.clone()}</a></p>
            <Compare entries=page.entries ids=ids.clone() />
            <h2 class="heading-m">"Ask about these places"</h2>
            <p class="body">
                "Send one enquiry to the providers of up to 5 places on your list: each answers you. "
                <a class="link" href="/ask?list=yes">"Ask about places on your list"</a>
            </p>
            <h2 class="heading-m">"Print or save as a PDF"</h2>
            <ul class="list">
                <li><a class="link" rel="external" href="/my-list/print">"A sheet to print, with space for notes"</a></li>
                <li><a class="link" rel="external" href="/my-list/print?view=easy">"An easy read sheet to print, with pictures"</a></li>
            </ul>
            <h2 class="heading-m">"Clear your list"</h2>
            <p class="body"><a class="button button--warning" href="/my-list/clear">"Clear my list"</a></p>
        }
        .into_any()
    };
    view! {
        <Title text="My list – Dayfinder" />
        {notice}
        <h1 class="heading-l">"My list"</h1>
        {warning}
        {body}
        <FocusOnArrival />
    }
}

/// A link to compare the list, or (when it holds more than four) a form to choose which.
#[component]
fn Compare(entries: Vec<ListEntry>, ids: String) -> impl IntoView {
    if entries.len() < 2 {
        return ().into_any();
    }
    if entries.len() <= COMPARE_MAX {
        let href = format!("/compare?ids={ids}");
        return view! {
            <h2 class="heading-m">"Compare"</h2>
            <p class="body"><a class="link" href=href>{format!("Compare these {} side by side", entries.len())}</a></p>
        }
        .into_any();
    }
    let choices = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let input = format!("compare-{}", e.id);
            view! {
                <div class="checkboxes__item">
                    <input class="checkboxes__input" type="checkbox" id=input.clone() name="id" value=e.id checked=i < COMPARE_MAX />
                    <label class="checkboxes__label" for=input>{e.name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-m">"Compare"</h2>
        <form method="get" action="/compare">
            <fieldset class="fieldset" aria-describedby="compare-hint">
                <legend class="fieldset__legend">"Choose up to 4 to compare side by side"</legend>
                <p class="hint" id="compare-hint">"The first 4 on your list are chosen."</p>
                {choices}
            </fieldset>
            <button type="submit" class="button button--secondary">"Compare"</button>
        </form>
    }
    .into_any()
}

/// The listings of a list, each with its essentials; on the visitor's own list, each can be
/// removed.
#[component]
pub fn Entries(entries: Vec<ListEntry>, removable: bool) -> impl IntoView {
    let items = entries
        .into_iter()
        .map(|e| {
            let href = format!("/services/{}", e.id);
            let remove = removable.then(|| {
                view! {
                    <button type="submit" form=FORM_ID formaction="/my-list/remove" name="id" value=e.id.clone()
                        class="button button--secondary shortlist-button"
                        aria-label=format!("Remove from my list: {}", e.name)>
                        "Remove from my list"
                    </button>
                }
            });
            view! {
                <li class="result shortlist__item">
                    <h2 class="heading-m result__title"><a class="link" href=href>{e.name}</a></h2>
                    <p class="result__provider">{e.organisation}</p>
                    <p class="body result__summary">{e.summary}</p>
                    <p class="result__vacancy"><strong class=e.vacancy.class>{e.vacancy.label}</strong></p>
                    <dl class="summary-list summary-list--compact">
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Where"</dt>
                            <dd class="summary-list__value">{e.place}</dd>
                        </div>
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Days"</dt>
                            <dd class="summary-list__value">{e.days}</dd>
                        </div>
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Cost"</dt>
                            <dd class="summary-list__value">{e.cost}</dd>
                        </div>
                    </dl>
                    {remove}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="results shortlist">{items}</ol> }
}

/// A list someone shared by link.
#[component]
pub fn SharedListPage() -> impl IntoView {
    let list = load(shared_list_page);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let list = list.clone(); Suspend::new(async move {
                match list.clone().await {
                    Ok(page) => view! { <SharedList page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn SharedList(page: ListPage) -> impl IntoView {
    let n = page.entries.len();
    let gone = (page.gone > 0).then(|| {
        let text = if page.gone == 1 {
            "1 day opportunity in this link is no longer in the directory.".to_string()
        } else {
            format!(
                "{} day opportunities in this link are no longer in the directory.",
                page.gone
            )
        };
        view! { <div class="inset-text"><p class="body">{text}</p></div> }
    });
    let body = if n == 0 {
        #[cfg(feature = "ssr")]
        crate::ssr::set_status(404);
        view! {
            <p class="body">"We could not find the day opportunities in this link. They may have closed, or the link may be incomplete."</p>
            <p class="body">"Check you copied the whole link, or " <a class="link" href="/search">"search for day opportunities"</a> "."</p>
        }
        .into_any()
    } else {
        let print = format!("/my-list/print?ids={}", page.ids);
        view! {
            <p class="body">{format!("Someone has shared a list of {} with you.", count(n))}</p>
            <form method="post" action="/my-list/save">
                <input type="hidden" name="ids" value=page.ids.clone() />
                <button type="submit" class="button">"Save these to my list"</button>
            </form>
            <Entries entries=page.entries.clone() removable=false />
            <Compare entries=page.entries ids=page.ids.clone() />
            <h2 class="heading-m">"Print or save as a PDF"</h2>
            <ul class="list">
                <li><a class="link" rel="external" href=print.clone()>"A sheet to print, with space for notes"</a></li>
                <li><a class="link" rel="external" href=format!("{print}&view=easy")>"An easy read sheet to print, with pictures"</a></li>
            </ul>
        }
        .into_any()
    };
    view! {
        <Title text="A shared list of day opportunities – Dayfinder" />
        <h1 class="heading-l">"A shared list of day opportunities"</h1>
        {gone}
        {body}
        <FocusOnArrival />
    }
}

/// Asks before clearing the list (the question is a page, so it needs no JavaScript).
#[component]
pub fn ClearListPage() -> impl IntoView {
    let list = load(my_list_page);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let list = list.clone(); Suspend::new(async move {
                match list.clone().await {
                    Ok(page) => view! { <ClearList n=page.entries.len() /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

#[component]
fn ClearList(n: usize) -> impl IntoView {
    view! {
        <Title text="Clear your list – Dayfinder" />
        <a class="back-link" href="/my-list">"Back to my list"</a>
        <h1 class="heading-l">"Are you sure you want to clear your list?"</h1>
        <p class="body">{format!(
            "This removes the {} on your list from this browser. Anyone you sent a share link to can still open it.",
            count(n)
        )}</p>
        <form method="post" action="/my-list/clear" class="button-group">
            <button type="submit" class="button button--warning">"Yes, clear my list"</button>
            <a class="link" href="/my-list">"No, keep my list"</a>
        </form>
        <FocusOnArrival />
    }
}
