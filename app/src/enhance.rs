//! What JavaScript adds once the page is hydrated. Nothing here is needed to use the site:
//! without it, forms submit and links load pages as usual.
//!
//! - Ticking a filter or changing a select applies it at once (the form is submitted and
//!   the router fetches the new results without reloading the page).
//! - After new results arrive, focus goes back to the control that changed them, and a
//!   live region says how many were found; after any other change (a search, a page link,
//!   removing a filter) focus moves to the number found, which is then read out.
//! - After moving to another page, focus moves to its heading.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement};

/// The text of the polite live region, and the id of the control to give focus back to.
#[derive(Clone, Copy)]
pub struct Enhancements {
    announcement: RwSignal<String>,
    focus_return: StoredValue<Option<String>>,
    /// The path of the page that last took focus (see `FocusOnArrival`); at first, the
    /// path the browser loaded.
    landed: StoredValue<String>,
    /// The router's path, read once here, outside any `Suspend` (see `FocusOnArrival`).
    path: Memo<String>,
}

impl Enhancements {
    /// Makes them available to the pages below.
    pub fn provide() -> Self {
        let path = leptos_router::hooks::use_location().pathname;
        let this = Enhancements {
            announcement: RwSignal::new(String::new()),
            focus_return: StoredValue::new(None),
            landed: StoredValue::new(path.get_untracked()),
            path,
        };
        provide_context(this);
        this
    }

    /// The ones the layout provided.
    pub fn get() -> Option<Self> {
        use_context::<Self>()
    }

    /// Says something to screen reader users, politely.
    pub fn announce(&self, text: String) {
        // Clearing first makes a repeated message ("3 found" twice) be read again.
        self.announcement.set(String::new());
        let announcement = self.announcement;
        request_animation_frame(move || announcement.set(text));
    }

    /// After new results: focus the control that asked for them and announce the count,
    /// or (when none did) focus the count itself, which screen readers then read.
    pub fn results_arrived(&self, count_text: String) {
        let returning = self.focus_return.try_update_value(Option::take).flatten();
        let this = *self;
        request_animation_frame(move || {
            match returning.and_then(|id| document().get_element_by_id(&id)) {
                Some(control) => {
                    focus(&control);
                    this.announce(count_text);
                }
                None => {
                    if let Some(count) = document().get_element_by_id("results-count") {
                        focus(&count);
                    }
                }
            }
        });
    }
}

fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// The live region every page has; empty until something is announced.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let text = Enhancements::get().map(|e| e.announcement);
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || text.map(|t| t.get()).unwrap_or_default()}
        </div>
    }
}

/// A `change` handler for a filter form: when a checkbox or select changes, remember it
/// (to give focus back) and submit the form it is in.
pub fn apply_choice(event: web_sys::Event) {
    let Some(target) = event.target() else { return };
    let is_choice = target
        .dyn_ref::<HtmlInputElement>()
        .is_some_and(|i| i.type_() == "checkbox")
        || target.dyn_ref::<HtmlSelectElement>().is_some();
    if !is_choice {
        return;
    }
    let Ok(control) = target.dyn_into::<Element>() else {
        return;
    };
    if let Some(enhancements) = Enhancements::get() {
        enhancements
            .focus_return
            .set_value(Some(control.id()).filter(|id| !id.is_empty()));
    }
    if let Some(form) = control
        .closest("form")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
    {
        let _ = form.request_submit();
    }
}

/// Makes the filter checkboxes show the search on the page. A box the person ticked keeps
/// its tick in the browser even when the page is redrawn for another search (going back
/// before the ticked search's results arrived); the `checked` attribute always says what
/// the shown search holds, so every box is set from it.
pub fn show_choices_of_page() {
    request_animation_frame(|| {
        let Ok(boxes) = document().query_selector_all(".results-form input[type=checkbox]") else {
            return;
        };
        for i in 0..boxes.length() {
            if let Some(input) = boxes
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            {
                input.set_checked(input.has_attribute("checked"));
            }
        }
    });
}

/// Put at the end of a page: after the router has moved to this page (never on first
/// load), moves focus to its heading, so keyboard and screen reader users start there.
///
/// It asks for no context that must be there: pages put it inside a `Suspend`, and the
/// server may finish a `Suspend` after the request that started it has gone (the visitor
/// left, or a load balancer gave up), when the owners above it, the router's among them,
/// are already dropped. Looking the router up then panicked ("Tried to access Location
/// outside a <Router>"); the path comes from the layout's `Enhancements` instead, and
/// without them there is nothing to do.
#[component]
pub fn FocusOnArrival() -> impl IntoView {
    let enhancements = Enhancements::get();
    Effect::new(move |_| {
        let Some(enhancements) = enhancements else {
            return;
        };
        let here = enhancements.path.get_untracked();
        if enhancements.landed.with_value(|landed| *landed != here) {
            enhancements.landed.set_value(here);
            request_animation_frame(|| {
                if let Ok(Some(heading)) = document().query_selector("main h1") {
                    let _ = heading.set_attribute("tabindex", "-1");
                    focus(&heading);
                }
            });
        }
    });
}
