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
#[cfg(feature = "ssr")]
pub mod editor;
pub mod enhance;
pub mod enquiry_api;
pub mod error;
pub mod events;
pub mod pages;
pub mod profile;
#[cfg(feature = "ssr")]
pub mod shortlist;
pub mod shortlist_api;
pub mod urls;
pub mod view_mode;
pub mod view_models;

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Link, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::layout::Layout;
use crate::pages::{home::HomePage, listing::ListingPage, results::ResultsPage};
// Pages only the server renders (see `PageRoutes`).
#[cfg(not(feature = "hydrate"))]
use crate::pages::{
    about::AboutPage,
    accessibility::AccessibilityPage,
    ask::{AskPage, EnquiryStatusPage},
    compare::ComparePage,
    data_quality::{DataQualityPage, EasyDataQualityPage},
    easy_read_about::EasyAboutPage,
    easy_read_accessibility::EasyAccessibilityPage,
    easy_read_adulthood::EasyAdulthoodPage,
    easy_read_compare::EasyComparePage,
    easy_read_event::EasyEventPage,
    easy_read_events::EasyEventsListPage,
    easy_read_home::EasyHomePage,
    easy_read_listing::EasyListingPage,
    easy_read_my_list::{EasyClearListPage, EasyMyListPage, EasySharedListPage},
    easy_read_open_data::EasyOpenDataPage,
    easy_read_privacy::EasyPrivacyPage,
    easy_read_results::EasyResultsPage,
    easy_read_search::{GuidedDaysPage, GuidedWherePage, GuidedWhoPage},
    event::EventPage,
    events::EventsListPage,
    glossary::GlossaryPage,
    my_list::{ClearListPage, MyListPage, SharedListPage},
    not_found::NotFoundPage,
    open_data::OpenDataPage,
    preparing_for_adulthood::PreparingForAdulthoodPage,
    print_sheet::PrintSheetPage,
    privacy::PrivacyPage,
    report_problem::{EasyProblemSentPage, ProblemSentPage, ReportProblemPage},
};
use crate::view_mode::{ViewMode, by_view};
#[cfg(not(feature = "hydrate"))]
use leptos_router::SsrMode;

/// The HTML document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    ssr::set_security_headers();
    // The view is decided here, on the server, and written on <html> for the browser.
    let mode = ViewMode::detect();
    // The council's names, written on <html> for the browser too (see `profile`).
    let profile = profile::SiteProfile::get();
    let names = profile.names;
    let towns = names.towns_attribute();
    view! {
        <!DOCTYPE html>
        <html lang="en-GB" data-view=mode.slug() class:view-easy=mode.is_easy()
            data-council=names.council data-area=names.area data-tagline=names.tagline
            data-towns=towns data-example-postcode=names.example_postcode>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="description" content=profile.description />
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
    profile::SiteNames::provide();
    // Runs only in the browser, once hydrated: lets tests (and styles) know the page is live.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
    view! {
        // Every page's title goes through this (see `title_text`).
        <Title formatter=title_text />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Meta name="theme-color" content="#0b0c0c" />
        <Router>
            <Layout>
                <PageRoutes />
            </Layout>
        </Router>
    }
}

/// A page's title as it is written into the document. On the server, leptos_meta puts the
/// text into `<title>` as it is, so text from a search (`q=</title><img ...>`) would become
/// markup: it is escaped here. In the browser the title is set as plain text, so it is not.
fn title_text(text: String) -> String {
    #[cfg(feature = "ssr")]
    return html_escape::encode_text(&text).into_owned();
    #[cfg(not(feature = "ssr"))]
    text
}

/// Every page, as the server renders them.
#[cfg(not(feature = "hydrate"))]
#[component]
fn PageRoutes() -> impl IntoView {
    view! {
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=by_view(HomePage, EasyHomePage) ssr=SsrMode::Async />
                <Route path=path!("/search") view=by_view(ResultsPage, EasyResultsPage) ssr=SsrMode::Async />
                <Route path=path!("/services/:id") view=by_view(ListingPage, EasyListingPage) ssr=SsrMode::Async />
                <Route path=path!("/services/:id/report-a-problem") view=ReportProblemPage ssr=SsrMode::Async />
                <Route path=path!("/services/:id/report-a-problem/sent") view=by_view(ProblemSentPage, EasyProblemSentPage) />
                <Route path=path!("/ask") view=AskPage ssr=SsrMode::Async />
                <Route path=path!("/enquiries/:id") view=EnquiryStatusPage ssr=SsrMode::Async />
                <Route path=path!("/about-the-data") view=by_view(AboutPage, EasyAboutPage) ssr=SsrMode::Async />
                <Route path=path!("/accessibility") view=by_view(AccessibilityPage, EasyAccessibilityPage) />
                <Route path=path!("/privacy") view=by_view(PrivacyPage, EasyPrivacyPage) />
                <Route path=path!("/open-data") view=by_view(OpenDataPage, EasyOpenDataPage) />
                <Route path=path!("/data-quality") view=by_view(DataQualityPage, EasyDataQualityPage) ssr=SsrMode::Async />
                <Route path=path!("/guided-search") view=GuidedWhoPage />
                <Route path=path!("/guided-search/where") view=GuidedWherePage />
                <Route path=path!("/guided-search/days") view=GuidedDaysPage />
                <Route path=path!("/words") view=GlossaryPage />
                <Route path=path!("/my-list") view=by_view(MyListPage, EasyMyListPage) ssr=SsrMode::Async />
                <Route path=path!("/my-list/shared") view=by_view(SharedListPage, EasySharedListPage) ssr=SsrMode::Async />
                <Route path=path!("/my-list/clear") view=by_view(ClearListPage, EasyClearListPage) ssr=SsrMode::Async />
                <Route path=path!("/my-list/print") view=PrintSheetPage ssr=SsrMode::Async />
                <Route path=path!("/compare") view=by_view(ComparePage, EasyComparePage) ssr=SsrMode::Async />
                <Route path=path!("/events") view=by_view(EventsListPage, EasyEventsListPage) ssr=SsrMode::Async />
                <Route path=path!("/events/:id") view=by_view(EventPage, EasyEventPage) ssr=SsrMode::Async />
                <Route path=path!("/preparing-for-adulthood") view=by_view(PreparingForAdulthoodPage, EasyAdulthoodPage) ssr=SsrMode::Async />
            </Routes>
    }
}

/// The pages the browser takes over: the search and its listings, where JavaScript makes
/// filtering smoother. Every other page is whole as the server sends it, so its code stays
/// out of the browser bundle (see `hydrate`); following a link to one loads it whole.
#[cfg(feature = "hydrate")]
#[component]
fn PageRoutes() -> impl IntoView {
    view! {
        <Routes fallback=LoadWholePage>
            <Route path=path!("/") view=by_view(HomePage, HomePage) />
            <Route path=path!("/search") view=by_view(ResultsPage, ResultsPage) />
            <Route path=path!("/services/:id") view=by_view(ListingPage, ListingPage) />
        </Routes>
    }
}

/// In the browser, a page only the server renders: load it whole from the server.
#[cfg(feature = "hydrate")]
#[component]
fn LoadWholePage() -> impl IntoView {
    // The router's location is the page being opened (the address bar may not show it yet).
    let target = leptos_router::hooks::use_location();
    let search = target.search.get_untracked();
    let hash = target.hash.get_untracked();
    let mut href = target.pathname.get_untracked();
    if !search.is_empty() {
        href = format!("{href}?{}", search.trim_start_matches('?'));
    }
    if !hash.is_empty() {
        href = format!("{href}#{}", hash.trim_start_matches('#'));
    }
    let _ = window().location().replace(&href);
}

/// Whether the browser takes over the page at `path` (see `PageRoutes`). Easy-read pages
/// are never taken over: they are simple by design, and work the same without JavaScript.
pub fn is_hydrated_page(path: &str, easy_read: bool) -> bool {
    // A listing's own page only: its sub-pages (report a problem) are whole as sent.
    let listing = path
        .strip_prefix("/services/")
        .is_some_and(|id| !id.is_empty() && !id.contains('/'));
    !easy_read && (path == "/" || path == "/search" || listing)
}

/// Entry point of the browser build: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console while developing; left out of the release bundle.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let root = document().document_element();
    let path = window().location().pathname().unwrap_or_default();
    let easy_read = root
        .as_ref()
        .and_then(|r| r.get_attribute("data-view"))
        .is_some_and(|v| v == "easy");
    if !is_hydrated_page(&path, easy_read) {
        // Whole as sent: tell tests (and styles) that nothing more will happen.
        if let Some(root) = root {
            let _ = root.set_attribute("data-hydrated", "static");
        }
        return;
    }
    leptos::mount::hydrate_body(App);
}

#[cfg(test)]
mod tests {
    use super::is_hydrated_page;

    #[test]
    fn only_the_search_and_its_listings_are_taken_over_by_the_browser() {
        assert!(is_hydrated_page("/", false));
        assert!(is_hydrated_page("/search", false));
        assert!(is_hydrated_page("/services/crewe-memory-club", false));
        assert!(!is_hydrated_page("/events", false));
        assert!(!is_hydrated_page("/my-list", false));
        assert!(
            !is_hydrated_page("/search", true),
            "easy read is whole as sent"
        );
    }
}
