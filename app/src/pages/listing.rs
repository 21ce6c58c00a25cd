//! Handles `/services/{id}`: every fact about one day opportunity, with its weekly
//! timetable as a table and schema.org data for search engines.

use dayfinder::model::{JoinRoute, Listing, Term, format_pounds};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{ListingPage as ListingData, get_listing};
use crate::components::error_view::ErrorView;
use crate::components::format;
use crate::components::service_card::vacancy_class;
use crate::enhance::FocusOnArrival;
use crate::urls;

/// The listing page.
#[component]
pub fn ListingPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let back = move || query.read().get("back");
    let listing = Resource::new(
        move || {
            let near = back().and_then(|qs| urls::parse_search(&qs).0.place);
            (params.read().get("id").unwrap_or_default(), near)
        },
        |(id, near)| get_listing(id, near),
    );
    let back = move || urls::back_href(back().as_deref());
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok(listing) => view! { <ListingView listing back=back() /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A row of a summary list, left out when there is nothing to say.
#[component]
fn Row(key: &'static str, value: String) -> impl IntoView {
    (!value.trim().is_empty()).then(|| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{key}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    })
}

/// What each way of joining means, in plain words.
fn join_explained(route: JoinRoute) -> &'static str {
    match route {
        JoinRoute::SelfReferral => {
            "You can contact the service yourself to ask about a place or a taster visit."
        }
        JoinRoute::Carer => "A family member, friend or carer can contact the service for you.",
        JoinRoute::SocialWorker => {
            "Ask Cheshire East Council for a care assessment. A social worker talks with you about what you need; \
             if you are eligible, the council can arrange and pay for some or all of a place."
        }
    }
}

/// The listing once loaded.
#[component]
fn ListingView(listing: ListingData, back: Option<String>) -> impl IntoView {
    let ListingData {
        listing,
        nearest_town,
        distance,
    } = listing;
    let json_ld = json_ld(&listing);
    let distance_line = distance.map(|d| format!("{} from {}", format::miles(d.miles), d.place));
    let Listing {
        service,
        organisation,
        location,
    } = listing;
    let town = location
        .as_ref()
        .map(|l| l.town.clone())
        .unwrap_or_default();
    let title = if town.is_empty() {
        format!("{} – Dayfinder", service.name)
    } else {
        format!("{}, {} – Dayfinder", service.name, town)
    };
    let share = format!("/services/{}", service.id);
    let paragraphs = service
        .description
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p class="body">{p.trim().to_string()}</p> })
        .collect_view();
    let activities = (!service.activities.is_empty()).then(|| {
        view! {
            <h3 class="heading-s">"Activities"</h3>
            <ul class="list list--bullet">{service.activities.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
        }
    });
    let ages = match service.eligibility.maximum_age {
        Some(max) => format!("{} to {max}", service.eligibility.minimum_age),
        None => format!("{} and over", service.eligibility.minimum_age),
    };
    let timetable = if service.sessions.is_empty() {
        view! { <p class="body">{if service.schedule_notes.is_empty() { "Times are arranged with you.".to_string() } else { service.schedule_notes.clone() }}</p> }.into_any()
    } else {
        let mut sessions = service.sessions.clone();
        sessions.sort_by_key(|s| (s.day.index(), s.start));
        let notes = (!service.schedule_notes.is_empty())
            .then(|| view! { <p class="body">{service.schedule_notes.clone()}</p> });
        view! {
            <table class="table">
                <caption class="table__caption visually-hidden">"Weekly sessions"</caption>
                <thead>
                    <tr><th scope="col">"Day"</th><th scope="col">"Starts"</th><th scope="col">"Ends"</th></tr>
                </thead>
                <tbody>
                    {sessions
                        .into_iter()
                        .map(|s| view! { <tr><th scope="row">{s.day.label()}</th><td>{s.start.friendly()}</td><td>{s.end.friendly()}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
            {notes}
        }
        .into_any()
    };
    let duration = service
        .duration_weeks
        .map(|w| view! { <p class="body">{format!("The course lasts {w} weeks.")}</p> });
    let price = service
        .cost
        .price_per_session_pence
        .map(|p| format!("{} a session", format_pounds(p)))
        .unwrap_or_default();
    let join = service
        .join
        .iter()
        .map(|&r| view! { <li><strong>{r.label()}</strong>". " {join_explained(r)}</li> })
        .collect_view();
    let contact = &service.contact;
    let phone = contact.phone.clone().or_else(|| organisation.phone.clone()).map(|p| {
        let tel = format!("tel:{}", p.replace(' ', ""));
        view! { <div class="summary-list__row"><dt class="summary-list__key">"Phone"</dt><dd class="summary-list__value"><a class="link" href=tel>{p}</a></dd></div> }
    });
    let email = contact.email.clone().or_else(|| organisation.email.clone()).map(|e| {
        let mailto = format!("mailto:{e}");
        view! { <div class="summary-list__row"><dt class="summary-list__key">"Email"</dt><dd class="summary-list__value"><a class="link" href=mailto>{e}</a></dd></div> }
    });
    let website = contact.website.clone().or_else(|| organisation.website.clone()).map(|w| {
        view! { <div class="summary-list__row"><dt class="summary-list__key">"Website"</dt><dd class="summary-list__value"><a class="link" href=w.clone() rel="noopener">{w.clone()}</a></dd></div> }
    });
    let place = match &location {
        Some(l) => {
            let nearest = nearest_town.clone().map(|t| view! { <p class="body">"Nearest town: " {t}</p> });
            let away = distance_line.clone().map(|d| view! { <p class="body">{format!("{d}, in a straight line.")}</p> });
            view! {
                <p class="body address">{l.name.clone()}<br />{l.address.clone()}<br />{l.town.clone()}<br />{l.postcode.clone()}</p>
                {nearest}
                {away}
            }
            .into_any()
        }
        None => view! { <p class="body">{if service.kinds.contains(&dayfinder::model::Kind::Online) { "Online: you take part from home." } else { "The service comes to you at home." }}</p> }.into_any(),
    };
    let mut access: Vec<String> = location
        .as_ref()
        .map(|l| {
            l.accessibility
                .iter()
                .map(|a| a.label().to_string())
                .collect()
        })
        .unwrap_or_default();
    if service.transport {
        access.push("Transport to and from the service can be arranged".to_string());
    }
    let access_notes = location
        .as_ref()
        .map(|l| l.access_notes.clone())
        .filter(|n| !n.is_empty())
        .map(|n| view! { <p class="body">{n}</p> });
    let access_list = if access.is_empty() {
        view! { <p class="body">"Ask the service about access."</p> }.into_any()
    } else {
        view! { <ul class="list list--bullet">{access.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul> }.into_any()
    };
    let back_link = back.map(|href| view! { <a class="back-link" href=href>"Back to results"</a> });
    view! {
        <Title text=title />
        <script type="application/ld+json" inner_html=json_ld></script>
        {back_link}
        <span class="caption-l">{organisation.name.clone()}</span>
        <h1 class="heading-l">{service.name.clone()}</h1>
        <p class="lead">{service.summary.clone()}</p>
        <p class="listing__vacancy">
            <strong class=vacancy_class(service.vacancy.status)>{service.vacancy.status.label()}</strong>
            " "
            <span class="body-s">{format!("(confirmed {})", format::long_date(service.vacancy.confirmed))}</span>
        </p>
        <dl class="summary-list">
            <Row key="Where" value=match &distance_line { Some(d) => format!("{town} ({d})"), None => town.clone() } />
            <Row key="Type of support" value=service.tier.label().to_string() />
            <Row key="Kind" value=format::labels(&service.kinds) />
            <Row key="Who it is for" value=format::labels(&service.needs) />
            <Row key="Ages" value=ages />
            <Row key="Cost" value=service.cost.summary() />
        </dl>

        <h2 class="heading-m">"About this service"</h2>
        {paragraphs}
        {activities}

        <h2 class="heading-m">"When it runs"</h2>
        {timetable}
        {duration}

        <h2 class="heading-m">"Who it is for"</h2>
        <p class="body">{format!("{}. Ages {}.", format::labels(&service.needs), ages_sentence(&service.eligibility))}</p>
        {(!service.eligibility.notes.is_empty()).then(|| view! { <p class="body">{service.eligibility.notes.clone()}</p> })}

        <h2 class="heading-m">"Cost"</h2>
        <dl class="summary-list">
            <Row key="Price" value=price />
            <Row key="Ways to pay" value=format::labels(&service.cost.kinds) />
            <Row key="Notes" value=service.cost.notes.clone() />
        </dl>

        <h2 class="heading-m">"How to get a place"</h2>
        <ul class="list list--bullet">{join}</ul>

        <h2 class="heading-m">"Contact"</h2>
        <dl class="summary-list">
            <Row key="Provider" value=organisation.name.clone() />
            <Row key="Name" value=contact.name.clone().unwrap_or_default() />
            {phone}
            {email}
            {website}
        </dl>

        <h2 class="heading-m">"Address"</h2>
        {place}

        <h2 class="heading-m">"Access"</h2>
        {access_list}
        {access_notes}

        <h2 class="heading-m">"In easy words"</h2>
        <div class="easy-read">
            {service.easy_read.split('\n').filter(|l| !l.trim().is_empty()).map(|l| view! { <p class="body">{l.trim().to_string()}</p> }).collect_view()}
        </div>

        <p class="body-s last-checked">{format!("Last checked: {}", format::long_date(service.last_reviewed))}</p>
        <p class="body-s share">"Share this page: " <a class="link" href=share.clone()>{share.clone()}</a></p>
        <FocusOnArrival />
    }
}

/// "18 to 65", "50 and over".
fn ages_sentence(e: &dayfinder::model::Eligibility) -> String {
    match e.maximum_age {
        Some(max) => format!("{} to {max}", e.minimum_age),
        None => format!("{} and over", e.minimum_age),
    }
}

/// schema.org data for search engines, made safe to sit inside a `<script>` element.
fn json_ld(listing: &Listing) -> String {
    let s = &listing.service;
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": format!("/services/{}", s.id),
        "name": s.name,
        "description": s.summary,
        "provider": { "@type": "Organization", "name": listing.organisation.name },
        "areaServed": "Cheshire East",
        "hoursAvailable": s.sessions.iter().map(|x| serde_json::json!({
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": format!("https://schema.org/{}", x.day.label()),
            "opens": x.start.to_string(),
            "closes": x.end.to_string(),
        })).collect::<Vec<_>>(),
    });
    if let Some(l) = &listing.location {
        data["location"] = serde_json::json!({
            "@type": "Place",
            "name": l.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": l.address,
                "addressLocality": l.town,
                "postalCode": l.postcode,
                "addressCountry": "GB",
            },
            "geo": { "@type": "GeoCoordinates", "latitude": l.latitude, "longitude": l.longitude },
        });
    }
    if let Some(phone) = s
        .contact
        .phone
        .as_ref()
        .or(listing.organisation.phone.as_ref())
    {
        data["telephone"] = serde_json::json!(phone);
    }
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
