//! Dayfinder's pages, rendered on the server and hydrated in the browser.
//!
//! This file holds only the HTML shell, the router and the hydration entry point. Pages
//! live one to a file in `pages/`, the pieces they share in `components/`, and the server
//! functions (thin adapters over the directory engine) in `api.rs`.

// The results page's view type is deep; the optimised wasm build needs more room for it.
#![recursion_limit = "256"]

pub mod api;
pub mod codec;
pub mod components;
pub mod enhance;
pub mod error;
pub mod events;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod shortlist;
pub mod shortlist_api;
pub mod urls;
pub mod view_mode;
pub mod view_models;

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Link, Meta, MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::components::layout::Layout;
use crate::pages::compare::ComparePage;
use crate::pages::easy_read_home::EasyHomePage;
use crate::pages::easy_read_listing::EasyListingPage;
use crate::pages::easy_read_results::EasyResultsPage;
use crate::pages::easy_read_search::{GuidedDaysPage, GuidedWherePage, GuidedWhoPage};
use crate::pages::event::EventPage;
use crate::pages::events::EventsListPage;
use crate::pages::glossary::GlossaryPage;
use crate::pages::my_list::{ClearListPage, MyListPage, SharedListPage};
use crate::pages::preparing_for_adulthood::PreparingForAdulthoodPage;
use crate::pages::print_sheet::PrintSheetPage;
use crate::pages::{
    about::AboutPage, accessibility::AccessibilityPage, home::HomePage, listing::ListingPage,
    not_found::NotFoundPage, open_data::OpenDataPage, privacy::PrivacyPage, results::ResultsPage,
};
use crate::view_mode::{ViewMode, by_view};

/// The HTML document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    ssr::set_security_headers();
    // The view is decided here, on the server, and written on <html> for the browser.
    let mode = ViewMode::detect();
    view! {
        <!DOCTYPE html>
        <html lang="en-GB" data-view=mode.slug() class:view-easy=mode.is_easy()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HashedStylesheet options=options.clone() />
                <HydrationScripts options />
                // Reveals and runs the read-aloud button; plain JS, outside the wasm bundle.
                <script src="/read-aloud.js" defer></script>
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The site: its head tags and its routes. Every route waits for its data before the
/// server sends the page, so pages are whole (and have their real status) without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    ViewMode::provide();
    // Runs only in the browser, once hydrated: lets tests (and styles) know the page is live.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Meta name="description" content="Find day opportunities in Cheshire East: day centres, groups, courses and supported work for adults." />
        <Meta name="theme-color" content="#0b0c0c" />
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=by_view(HomePage, EasyHomePage) ssr=SsrMode::Async />
                    <Route path=path!("/search") view=by_view(ResultsPage, EasyResultsPage) ssr=SsrMode::Async />
                    <Route path=path!("/services/:id") view=by_view(ListingPage, EasyListingPage) ssr=SsrMode::Async />
                    <Route path=path!("/about-the-data") view=AboutPage ssr=SsrMode::Async />
                    <Route path=path!("/accessibility") view=AccessibilityPage />
                    <Route path=path!("/privacy") view=PrivacyPage />
                    <Route path=path!("/open-data") view=OpenDataPage />
                    <Route path=path!("/guided-search") view=GuidedWhoPage />
                    <Route path=path!("/guided-search/where") view=GuidedWherePage />
                    <Route path=path!("/guided-search/days") view=GuidedDaysPage />
                    <Route path=path!("/words") view=GlossaryPage />
                    <Route path=path!("/my-list") view=MyListPage ssr=SsrMode::Async />
                    <Route path=path!("/my-list/shared") view=SharedListPage ssr=SsrMode::Async />
                    <Route path=path!("/my-list/clear") view=ClearListPage ssr=SsrMode::Async />
                    <Route path=path!("/my-list/print") view=PrintSheetPage ssr=SsrMode::Async />
                    <Route path=path!("/compare") view=ComparePage ssr=SsrMode::Async />
                    <Route path=path!("/events") view=EventsListPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id") view=EventPage ssr=SsrMode::Async />
                    <Route path=path!("/preparing-for-adulthood") view=PreparingForAdulthoodPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

/// Entry point of the browser build: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console while developing; left out of the release bundle.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
