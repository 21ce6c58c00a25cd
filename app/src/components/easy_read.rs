//! The pieces of easy read: the switch between views (on every page), the read-aloud
//! button, and points with their pictures.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::easy_read_data::{EasyCard, Piece, Point, Section};
use crate::components::pictures::Picture;
use crate::view_mode::{ViewMode, switch_href};

/// The bar under the header: the link to the other view, and (where the browser can
/// speak) the read-aloud button, which `public/read-aloud.js` reveals and runs.
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let mode = ViewMode::get();
    let location = use_location();
    let other = if mode.is_easy() {
        ViewMode::Standard
    } else {
        ViewMode::Easy
    };
    // Follows client-side moves between pages, so the switch always returns to this page.
    let href = move || {
        switch_href(
            other,
            &location.pathname.get(),
            location.search.get().trim_start_matches('?'),
        )
    };
    let label = if mode.is_easy() {
        "Standard view"
    } else {
        "Easy read"
    };
    let words_link = mode.is_easy().then(|| {
        view! {
            <a class="view-bar__link" href="/words">
                <Picture name="words" />
                <span>"Words we use"</span>
            </a>
        }
    });
    view! {
        <div class="view-bar">
            <div class="width-container view-bar__inner">
                // A full page load (rel="external"): the server sets the cookie and returns.
                <a class="view-bar__link view-bar__switch" href=href rel="external">
                    <Picture name="easy-read" />
                    <span>{label}</span>
                </a>
                {words_link}
                <button type="button" class="view-bar__read-aloud button button--secondary" id="read-aloud" hidden>
                    <Picture name="read-aloud" />
                    <span class="read-aloud__label">"Read this page aloud"</span>
                </button>
            </div>
        </div>
    }
}

/// Words with their glossary links.
#[component]
pub fn Words(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|piece| match piece.href {
            Some(href) => view! { <a class="link" href=href>{piece.text}</a> }.into_any(),
            None => piece.text.into_any(),
        })
        .collect_view()
}

/// A list of points, each a picture with its sentence beside it.
#[component]
pub fn Points(points: Vec<Point>) -> impl IntoView {
    view! {
        <ul class="points">
            {points
                .into_iter()
                .map(|p| {
                    let words = match p.href {
                        Some(href) => view! { <a class="link" href=href><Words pieces=p.words /></a> }.into_any(),
                        None => view! { <Words pieces=p.words /> }.into_any(),
                    };
                    view! {
                        <li class="point">
                            <Picture name=p.picture />
                            <span class="point__words">{words}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// One result in easy read.
#[component]
pub fn EasyResultCard(card: EasyCard) -> impl IntoView {
    view! {
        <li class="easy-card">
            <h2 class="heading-m easy-card__title"><a class="link result__link" href=card.href>{card.name}</a></h2>
            <Points points=card.about />
            <Points points=card.points />
        </li>
    }
}

/// Sections of points under their headings (an empty heading adds none).
#[component]
pub fn EasySections(sections: Vec<Section>) -> impl IntoView {
    sections
        .into_iter()
        .map(|section| {
            let heading = (!section.heading.is_empty())
                .then(|| view! { <h2 class="heading-m">{section.heading}</h2> });
            view! {
                {heading}
                <Points points=section.points />
            }
        })
        .collect_view()
}
