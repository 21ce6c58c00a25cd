//! The frame of every page: skip link, header, the data-source banner, the main landmark,
//! and the footer with the data's attribution.

use leptos::prelude::*;

use crate::api::data_source;
use crate::codec::PageOnceResource;
use crate::components::easy_read::ViewSwitch;
use crate::components::shortlist_button::{MyList, MyListLink};
use crate::enhance::{Enhancements, LiveRegion};

/// The attribution the postcode data's licence asks for, in full.
pub const POSTCODE_ATTRIBUTION: &str = "Contains OS data © Crown copyright and database right 2025. \
     Contains Royal Mail data © Royal Mail copyright and database right 2025. \
     Source: Office for National Statistics licensed under the Open Government Licence v.3.0.";

/// "Sample data: invented listings. Not real." -> "Sample data: invented listings."
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

/// Whether a source line is about sample data ("Sample data: ...").
///
/// ASCII case rules only, here and in `sample_tag`: Unicode's case tables would go into
/// the browser bundle for words that are English.
pub fn is_sample(text: &str) -> bool {
    text.get(..6)
        .is_some_and(|head| head.eq_ignore_ascii_case("sample"))
}

/// Whether a source line is about sample data, and the line without a leading
/// "Sample data:" (the banner shows that as a tag).
fn sample_tag(text: &str) -> (bool, String) {
    let sample = is_sample(text);
    match text.split_once(':') {
        Some((head, rest)) if sample && head.eq_ignore_ascii_case("sample data") => {
            let rest = rest.trim();
            let mut chars = rest.chars();
            let capitalised = chars
                .next()
                .map(|c| {
                    std::iter::once(c.to_ascii_uppercase())
                        .chain(chars)
                        .collect()
                })
                .unwrap_or_default();
            (true, capitalised)
        }
        _ => (sample, text.to_string()),
    }
}

/// Header, banner, `<main>` around the page, and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    Enhancements::provide();
    MyList::provide();
    let tagline = crate::profile::SiteNames::get().tagline;
    let source = PageOnceResource::new_with_options(data_source(), false);
    // The banner and footer show the source's first sentence; the about page shows it all.
    let source_line = move || {
        let source = source.clone();
        async move {
            source
                .await
                .ok()
                .map(|s| first_sentence(&s))
                .filter(|s| !s.is_empty())
        }
    };
    let banner_line = source_line.clone();
    view! {
        <a href="#main-content" class="skip-link">"Skip to main content"</a>
        <header>
            <div class="header">
                <div class="width-container header__inner">
                    <a href="/" class="header__name">"Dayfinder"</a>
                    <span class="header__tagline">{tagline}</span>
                    <MyListLink />
                </div>
            </div>
            <ViewSwitch />
            <div class="width-container">
                <Suspense>
                {move || { let line = banner_line(); Suspend::new(async move {
                    let line = line.await;
                    line.map(|text| {
                        let (sample, text) = sample_tag(&text);
                        view! {
                            <div class="phase-banner">
                                <p class="phase-banner__content">
                                    {sample.then(|| view! { <strong class="tag">"Sample data"</strong> " " })}
                                    <span class="phase-banner__text">
                                        {text} " " <a href="/about-the-data" class="link">"About the data"</a>
                                    </span>
                                </p>
                            </div>
                        }
                    })
                }) }}
                </Suspense>
            </div>
        </header>
        <div class="width-container">
            <main id="main-content" class="main" tabindex="-1">
                {children()}
                <LiveRegion />
            </main>
        </div>
        <footer class="footer">
            <div class="width-container">
                <h2 class="visually-hidden">"Support links"</h2>
                <ul class="footer__links">
                    <li><a href="/events" class="footer__link">"Open days and events"</a></li>
                    <li><a href="/preparing-for-adulthood" class="footer__link">"Preparing for adulthood"</a></li>
                    <li><a href="/about-the-data" class="footer__link">"About the data"</a></li>
                    <li><a href="/accessibility" class="footer__link">"Accessibility statement"</a></li>
                    <li><a href="/privacy" class="footer__link">"Privacy"</a></li>
                    <li><a href="/open-data" class="footer__link">"Open data and API"</a></li>
                </ul>
                <p class="footer__meta">
                    <Suspense>{move || { let line = source_line(); Suspend::new(async move { line.await.map(|s| view! { {s} " " }) }) }}</Suspense>
                    "Postcode data: Contains OS data © Crown copyright and database right 2025; "
                    "Royal Mail data © Royal Mail copyright and database right 2025; "
                    "Office for National Statistics, Open Government Licence v.3.0. "
                    <a href="/about-the-data#attribution" class="footer__link">"Full attribution"</a>
                </p>
            </div>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banner_shows_sample_data_as_a_tag_and_the_rest_as_text() {
        assert_eq!(
            sample_tag("Sample data: invented listings at real places."),
            (true, "Invented listings at real places.".to_string())
        );
        assert_eq!(
            sample_tag("SAMPLE DATA: invented."),
            (true, "Invented.".to_string())
        );
        assert_eq!(
            sample_tag("The council's directory team, May 2025"),
            (false, "The council's directory team, May 2025".to_string())
        );
    }

    #[test]
    fn the_banner_keeps_only_the_first_sentence() {
        assert_eq!(
            first_sentence("Sample data: invented. Not real. Contains OS data."),
            "Sample data: invented."
        );
        assert_eq!(first_sentence("One sentence"), "One sentence");
    }
}
