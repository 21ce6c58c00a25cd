//! Handles `/preparing-for-adulthood`: the move from children's to adult services in plain
//! words, with the day opportunities and events that suit young adults (16 to 25).

use dayfinder::query::SearchQuery;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::components::service_card::ServiceCard;
use crate::components::upcoming_events::EventSummary;
use crate::enhance::FocusOnArrival;
use crate::events::{AdulthoodPage, adulthood_overview};
use crate::profile::{ContactWays, SiteProfile};

/// The preparing for adulthood page.
#[component]
pub fn PreparingForAdulthoodPage() -> impl IntoView {
    let page = PageResource::new_with_options(|| (), |_| adulthood_overview(), false);
    let profile = SiteProfile::get();
    view! {
        <Title text="Preparing for adulthood: moving from children’s to adult services – Dayfinder" />
        <h1 class="heading-l">"Preparing for adulthood"</h1>
        <p class="lead">"Moving from children’s to adult services, for young people aged 14 to 25 with special educational needs or a disability, and their families."</p>

        <h2 class="heading-m">"What changes, and when"</h2>
        <dl class="summary-list adulthood-steps">
            <div class="summary-list__row">
                <dt class="summary-list__key">"From 14 (Year 9)"</dt>
                <dd class="summary-list__value">"If the young person has an education, health and care (EHC) plan, every yearly review from now on looks at adult life: work, where to live, friends and community, and health. This is when transition planning starts."</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"16"</dt>
                <dd class="summary-list__value">"Young people can make more decisions for themselves, and the law assumes they can unless it is shown they cannot. Disability Living Allowance for children stops and the young person can apply for Personal Independence Payment (PIP)."</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"17"</dt>
                <dd class="summary-list__value">"Ask the council for a transition assessment for adult care, so support is ready at 18. You do not have to wait until the 18th birthday."</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"18"</dt>
                <dd class="summary-list__value">"Adult social care takes over from children’s services. A care assessment (a conversation about what the young person needs and wants) decides what support they can have, such as a day service or a personal budget. Parents and carers can ask for a carer’s assessment of their own."</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Up to 25"</dt>
                <dd class="summary-list__value">"An EHC plan can carry on up to 25 while the young person is in education or training, such as college or a supported internship. It ends when they leave, for example for paid work."</dd>
            </div>
        </dl>

        <h2 class="heading-m">"Who to talk to"</h2>
        <ul class="list list--bullet">
            <li>"The school or college’s special educational needs coordinator (SENCO), about the EHC plan review and what comes after school."</li>
            <li>"Your child’s social worker, if they have one, or the council’s preparing for adulthood or transitions team, about the transition assessment."</li>
            <li>{profile.names.council.clone()}"’s adult social care team, about care assessments: " <ContactWays lines=profile.care_assessment.clone() />
                ". About a carer’s assessment: " <ContactWays lines=profile.carers_assessment.clone() />
                ". Any other question about care and support: " <ContactWays lines=profile.adult_social_care.clone() /> "."</li>
            <li>"Your local SEND information, advice and support service, for free, impartial advice. Every council has one."</li>
            <li>"The providers listed here: most are happy to arrange a visit or a taster day before anything is decided."</li>
        </ul>

        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let page = page.clone(); Suspend::new(async move {
                match page.clone().await {
                    Ok(page) => view! { <YoungAdultOptions page /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
        <FocusOnArrival />
    }
}

/// The services and events that suit young adults.
#[component]
fn YoungAdultOptions(page: AdulthoodPage) -> impl IntoView {
    let AdulthoodPage {
        total_services,
        services,
        search_href,
        events,
    } = page;
    let mut from = SearchQuery::text("");
    from.young_adults = true;
    let events = if events.is_empty() {
        view! { <p class="body">"No preparing for adulthood events are planned at the moment."</p> }
            .into_any()
    } else {
        view! {
            <ul class="events">
                {events.into_iter().map(|card| view! { <EventSummary card show_date=true /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h2 class="heading-m" id="young-adult-events">"Open days and preparing for adulthood events"</h2>
        <p class="body">"Planning for Adulthood evenings, open days and taster sessions for young people aged 16 to 25 and their families."</p>
        {events}
        <p class="body"><a class="link" href="/events?age=16-25">"All events for young adults"</a></p>

        <h2 class="heading-m" id="young-adult-services">"Day opportunities for young adults"</h2>
        <p class="body">
            {format!("{total_services} day opportunities take young people from 16 up to at least 25. ")}
            "Most other adult services take people from 18."
        </p>
        <ol class="results">
            {services.into_iter().map(|hit| view! { <ServiceCard hit from=from.clone() /> }).collect_view()}
        </ol>
        <p class="body"><a class="link" href=search_href>{format!("See all {total_services} day opportunities for young adults")}</a></p>
    }
}
