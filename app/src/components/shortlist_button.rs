//! "Add to my list" and "Remove from my list", and the header's "My list (3)" link.
//!
//! Each button submits one form in the header (`form="shortlist-form"`): a result card sits
//! inside the results page's search form, and forms cannot nest. The form is a plain POST
//! that the server answers with a redirect back, so it works without JavaScript and needs
//! no code in the browser.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::codec::PageOnceResource;
use crate::error::AppError;
use crate::shortlist_api::my_list_ids;

/// The id of the form every list button submits.
pub const FORM_ID: &str = "shortlist-form";

/// The ids in the visitor's list, read once per page load (every change reloads the page).
#[derive(Clone)]
pub struct MyList(PageOnceResource<Result<Vec<String>, AppError>>);

impl MyList {
    /// Makes the list available to the pages below. Call it in the layout.
    pub fn provide() {
        provide_context(MyList(PageOnceResource::new_with_options(
            my_list_ids(),
            false,
        )));
    }

    /// The list in context (call this while rendering, not in a future).
    fn get() -> Option<MyList> {
        use_context::<MyList>()
    }

    async fn ids(list: Option<MyList>) -> Vec<String> {
        match list {
            Some(MyList(list)) => list.clone().await.unwrap_or_default(),
            None => Vec::new(),
        }
    }
}

/// The header's link to the list, with how many it holds, and the form the list buttons
/// submit (with the page to come back to).
#[component]
pub fn MyListLink() -> impl IntoView {
    let list = MyList::get();
    let location = use_location();
    let back = move || {
        let search = location.search.get();
        let query = if search.is_empty() || search.starts_with('?') {
            ""
        } else {
            "?"
        };
        format!("{}{query}{search}", location.pathname.get())
    };
    view! {
        <Suspense fallback=|| view! { <a href="/my-list" class="header__link">"My list"</a> }>
            {move || {
                let list = list.clone();
                Suspend::new(async move {
                    let count = MyList::ids(list).await.len();
                    view! { <a href="/my-list" class="header__link">{format!("My list ({count})")}</a> }
                })
            }}
        </Suspense>
        <form id=FORM_ID method="post" action="/my-list/add" class="shortlist-form">
            <input type="hidden" name="back" value=back />
        </form>
    }
}

/// "Add to my list", or "Remove from my list" when the listing is on it already.
#[component]
pub fn ShortlistButton(id: String, name: String) -> impl IntoView {
    let list = MyList::get();
    view! {
        <Suspense>
            {move || {
                let id = id.clone();
                let name = name.clone();
                let list = list.clone();
                Suspend::new(async move {
                    let on_list = MyList::ids(list).await.contains(&id);
                    let (action, label) = if on_list {
                        ("/my-list/remove", "Remove from my list")
                    } else {
                        ("/my-list/add", "Add to my list")
                    };
                    view! {
                        <button
                            type="submit"
                            form=FORM_ID
                            formaction=action
                            name="id"
                            value=id.clone()
                            id=format!("shortlist-{id}")
                            class="button button--secondary shortlist-button"
                            aria-label=format!("{label}: {name}")
                        >
                            {label}
                        </button>
                    }
                })
            }}
        </Suspense>
    }
}
