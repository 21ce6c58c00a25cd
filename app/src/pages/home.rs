//! Handles `/`: one search box, ways to browse, and plain words on what day opportunities are.

use dayfinder::model::{Kind, Need, Term};
use dayfinder::query::FacetValue;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::codec::PageOnceResource;
use crate::enhance::FocusOnArrival;
use leptos_router::components::Form;

use crate::api::directory_overview;
use crate::components::search_form::SearchFields;

/// Browse links from a facet, or from the whole vocabulary when the facet is not known yet.
fn browse_links<T: Term>(param: &'static str, counted: Vec<FacetValue>) -> Vec<(String, String)> {
    let href = |value: &str| {
        crate::urls::search_href(
            &crate::urls::parse_search(&crate::urls::encode([(param, value)])).0,
        )
    };
    if counted.is_empty() {
        T::all()
            .iter()
            .map(|t| (href(t.slug()), t.label().to_string()))
            .collect()
    } else {
        counted
            .into_iter()
            .filter(|v| v.count > 0)
            .map(|v| (href(&v.value), format!("{} ({})", v.label, v.count)))
            .collect()
    }
}

/// Browse links to each town that has services.
fn town_links(towns: Vec<FacetValue>) -> Vec<(String, String)> {
    towns
        .into_iter()
        .filter(|v| v.count > 0)
        .map(|v| {
            (
                crate::urls::search_href(
                    &crate::urls::parse_search(&crate::urls::encode([("town", v.value.as_str())]))
                        .0,
                ),
                format!("{} ({})", v.label, v.count),
            )
        })
        .collect()
}

/// A list of browse links under a heading.
#[component]
fn BrowseList(
    heading: &'static str,
    id: &'static str,
    links: Vec<(String, String)>,
) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <section class="browse" aria-labelledby=id>
                <h2 class="heading-m" id=id>{heading}</h2>
                <ul class="browse__list">
                    {links.into_iter().map(|(href, label)| view! { <li><a class="link" href=href>{label}</a></li> }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let overview = PageOnceResource::new_with_options(directory_overview(), false);
    let names = crate::profile::SiteNames::get();
    let heading = format!("Find day opportunities in {}", names.area);
    view! {
        <Title text=format!("{heading} – Dayfinder") />
        <h1 class="heading-xl">{heading}</h1>
        <p class="lead">
            "Day centres, clubs, courses, volunteering and supported work for adults: older people, "
            "people with dementia, a learning disability, autism, a physical or sensory disability, or mental health needs, and their carers."
        </p>
        <Form method="GET" action="/search" attr:class="search-form" attr:role="search" attr:aria-label="Day opportunities">
            <SearchFields text="" place="" />
            <button type="submit" class="button">"Search"</button>
        </Form>
        <Suspense fallback=|| view! { <p class="body">"Loading ways to browse…"</p> }>
            {move || { let overview_res = overview.clone(); Suspend::new(async move {
                let overview = overview_res.await.unwrap_or_default();
                view! {
                    <div class="browse-grid">
                        <BrowseList heading="Browse by who it is for" id="browse-need" links={browse_links::<Need>("need", overview.needs)} />
                        <BrowseList heading="Browse by kind" id="browse-kind" links={browse_links::<Kind>("kind", overview.kinds)} />
                        <BrowseList heading="Browse by town" id="browse-town" links=town_links(overview.towns) />
                    </div>
                }
            }) }}
        </Suspense>
        <section class="explainer" aria-labelledby="what-are">
            <h2 class="heading-m" id="what-are">"What are day opportunities?"</h2>
            <p class="body">
                "Day opportunities are things to do during the day, or in the evening and at weekends, that help adults stay well, "
                "meet people, learn skills, work and give family carers a break. They range from a day centre with nursing care "
                "to a weekly walking group, a cookery course or help to find a paid job."
            </p>
            <p class="body">"There are three kinds of support:"</p>
            <ul class="list list--bullet">
                <li><strong>"Specialist"</strong>" services, usually in a building, for people with complex needs."</li>
                <li><strong>"Personalised and community support"</strong>": groups, clubs, courses and work in the community."</li>
                <li><strong>"Enablement"</strong>": short courses, usually up to 12 weeks, to build skills and confidence."</li>
            </ul>
            <h2 class="heading-m" id="who-pays">"Who pays?"</h2>
            <p class="body">
                "Many community groups are free or charge a small amount for each session. If you have care and support needs, "
                {names.council} " can do a care assessment: if you are eligible, it may pay for some or all of a place, "
                "or give you a direct payment so you can choose and pay for support yourself. What you pay depends on a financial assessment."
            </p>
            <p class="body">
                "Each listing says how to get a place: contact the service yourself, ask a family member or carer to, or go through a social worker."
            </p>
        </section>
        <FocusOnArrival />
    }
}
