//! Open days and events, and preparing for adulthood: what their pages show (flat view
//! models built on the server, like `view_models.rs`), and the server functions that
//! build them from the engine.

use crate::codec::Postcard;
use serde::{Deserialize, Serialize};

use leptos::prelude::*;

use crate::error::AppError;
use crate::view_models::HitCard;

/// One event as a list shows it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventCard {
    pub id: String,
    pub href: String,
    /// Its iCalendar file: `/events/{id}.ics`.
    pub ics_href: String,
    pub title: String,
    /// "Open day".
    pub kind: String,
    /// "Tuesday 2 December 2026".
    pub date: String,
    /// "10am to 2pm".
    pub time: String,
    /// "Brookhouse Resource Centre, 48 West Street, Crewe CW1 1GY".
    pub place: String,
    pub who_for: String,
    /// "Free", "£3. £3 towards ingredients."
    pub cost: String,
    pub booking: String,
    /// The listing's address and name, when the event belongs to a service.
    pub service: Option<(String, String)>,
    /// Who runs it.
    pub organisation: String,
}

/// The events of one day.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventDay {
    pub date: String,
    pub events: Vec<EventCard>,
}

/// One choice in a filter's select.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FilterChoice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A filter in force, with the link that removes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ChosenEventFilter {
    pub label: String,
    pub remove_href: String,
}

/// The upcoming events page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventsPage {
    /// Plain sentences about parameters that were left out.
    pub problems: Vec<String>,
    pub total: usize,
    pub days: Vec<EventDay>,
    pub towns: Vec<FilterChoice>,
    pub needs: Vec<FilterChoice>,
    pub kinds: Vec<FilterChoice>,
    /// The date fields' values, `YYYY-MM-DD` or empty.
    pub from: String,
    pub to: String,
    pub young_adults: bool,
    pub chosen: Vec<ChosenEventFilter>,
}

/// Everything an event's page shows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventSheet {
    pub card: EventCard,
    pub description: Vec<String>,
    /// Whether it has already finished.
    pub finished: bool,
    /// The provider's phone, email and website.
    pub contact: Vec<(String, String, String)>,
}

/// The preparing for adulthood page's lists.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AdulthoodPage {
    /// How many services take young adults, and the first of them.
    pub total_services: usize,
    pub services: Vec<HitCard>,
    /// The search that lists them all.
    pub search_href: String,
    pub events: Vec<EventCard>,
}

/// The events page for a query string (`town=Crewe&need=autism&from=2026-12-01`).
#[server(endpoint = "events", input = Postcard, output = Postcard)]
pub async fn upcoming_events(query_string: String) -> Result<EventsPage, AppError> {
    let engine = crate::ssr::engine()?;
    let pairs = crate::urls::decode(&query_string);
    let (query, problems) = dayfinder::query::EventQuery::from_params(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    );
    crate::ssr::blocking("list upcoming events", move || {
        let everything = engine.upcoming_events(&Default::default())?;
        let found = engine.upcoming_events(&query)?;
        Ok(build::events_page(&query, problems, &everything, &found))
    })
    .await
}

/// One event by its id; `AppError::NotFound` when there is none.
#[server(endpoint = "event", input = Postcard, output = Postcard)]
pub async fn get_event(id: String) -> Result<EventSheet, AppError> {
    let engine = crate::ssr::engine()?;
    let listing = crate::ssr::blocking("read an event", move || engine.event(&id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(build::sheet(&listing))
}

/// The upcoming events of a listing and of its provider.
#[server(endpoint = "listing_events", input = Postcard, output = Postcard)]
pub async fn listing_events(service_id: String) -> Result<Vec<EventCard>, AppError> {
    let engine = crate::ssr::engine()?;
    let found = crate::ssr::blocking("list a listing's events", move || {
        engine.listing_events(&service_id)
    })
    .await?;
    Ok(found.iter().map(build::card).collect())
}

/// The services and events that suit young adults.
#[server(endpoint = "adulthood", input = Postcard, output = Postcard)]
pub async fn adulthood_overview() -> Result<AdulthoodPage, AppError> {
    let engine = crate::ssr::engine()?;
    crate::ssr::blocking("list what suits young adults", move || {
        let mut search = dayfinder::query::SearchQuery::text("");
        search.young_adults = true;
        search.per_page = 10;
        let results = engine.search(&search)?;
        let events = engine.upcoming_events(&dayfinder::query::EventQuery {
            young_adults: true,
            ..Default::default()
        })?;
        search.per_page = dayfinder::query::DEFAULT_PER_PAGE;
        Ok(AdulthoodPage {
            total_services: results.total,
            services: results.hits.into_iter().map(HitCard::from).collect(),
            search_href: crate::urls::search_href(&search),
            events: events.iter().map(build::card).collect(),
        })
    })
    .await
}

#[cfg(feature = "ssr")]
mod build {
    use dayfinder::model::{EventKind, EventListing, Need, Term};
    use dayfinder::query::EventQuery;
    use dayfinder::query::ParamProblem;
    use dayfinder::query::events::{long_date, time_span};

    use super::*;

    /// The events page's address for a filter.
    pub fn href(query: &EventQuery) -> String {
        let params = query.to_params();
        let qs = crate::urls::encode(params.iter().map(|(k, v)| (*k, v.as_str())));
        if qs.is_empty() {
            "/events".into()
        } else {
            format!("/events?{qs}")
        }
    }

    pub fn card(listing: &EventListing) -> EventCard {
        let e = &listing.event;
        let cost = if e.cost_notes.is_empty() {
            e.cost()
        } else if e.price_pence == 0 {
            format!("Free. {}", e.cost_notes)
        } else {
            format!("{}. {}", e.cost(), e.cost_notes)
        };
        EventCard {
            id: e.id.clone(),
            href: format!("/events/{}", e.id),
            ics_href: format!("/events/{}.ics", e.id),
            title: e.title.clone(),
            kind: e.kind.label().to_string(),
            date: long_date(e.start.date()),
            time: time_span(e.start, e.end),
            place: e.place.one_line(),
            who_for: e.audience.summary(),
            cost,
            booking: e.booking.summary(),
            service: listing
                .service
                .as_ref()
                .map(|(id, name)| (crate::urls::listing_href(id, None), name.clone())),
            organisation: listing
                .organisation
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_default(),
        }
    }

    pub fn sheet(listing: &EventListing) -> EventSheet {
        let mut contact = Vec::new();
        if let Some(o) = &listing.organisation {
            if let Some(phone) = &o.phone {
                let tel: String = phone.chars().filter(|c| !c.is_whitespace()).collect();
                contact.push(("Phone".into(), phone.clone(), format!("tel:{tel}")));
            }
            if let Some(email) = &o.email {
                contact.push(("Email".into(), email.clone(), format!("mailto:{email}")));
            }
            // Only an http(s) address is linked; anything else stored is not shown.
            if let Some(site) = dayfinder::model::WebAddress::link(o.website.as_ref()) {
                contact.push(("Website".into(), site.to_string(), site.to_string()));
            }
        }
        EventSheet {
            card: card(listing),
            description: listing
                .event
                .description
                .split("\n\n")
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
            finished: !listing.event.is_upcoming(dayfinder::engine::uk_now()),
            contact,
        }
    }

    fn choices<T: Term>(chosen: &[T]) -> Vec<FilterChoice> {
        T::all()
            .iter()
            .map(|t| FilterChoice {
                value: t.slug().into(),
                label: t.label().into(),
                selected: chosen.first() == Some(t),
            })
            .collect()
    }

    pub fn events_page(
        query: &EventQuery,
        problems: Vec<ParamProblem>,
        everything: &[EventListing],
        found: &[EventListing],
    ) -> EventsPage {
        let mut towns: Vec<String> = everything
            .iter()
            .map(|e| e.event.place.town.clone())
            .filter(|t| !t.is_empty())
            .collect();
        towns.extend(query.towns.iter().cloned());
        towns.sort();
        towns.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let towns = towns
            .into_iter()
            .map(|t| FilterChoice {
                selected: query
                    .towns
                    .first()
                    .is_some_and(|c| c.eq_ignore_ascii_case(&t)),
                value: t.clone(),
                label: t,
            })
            .collect();

        let mut days: Vec<EventDay> = Vec::new();
        for e in found {
            let card = card(e);
            match days.last_mut() {
                Some(day) if day.date == card.date => day.events.push(card),
                _ => days.push(EventDay {
                    date: card.date.clone(),
                    events: vec![card],
                }),
            }
        }

        // Each filter in force, with the link that removes it.
        let without = |f: &dyn Fn(&mut EventQuery)| {
            let mut q = query.clone();
            f(&mut q);
            href(&q)
        };
        let mut chosen = Vec::new();
        for t in &query.towns {
            chosen.push(ChosenEventFilter {
                label: format!("In {t}"),
                remove_href: without(&|q| q.towns.retain(|x| x != t)),
            });
        }
        for n in &query.needs {
            chosen.push(ChosenEventFilter {
                label: format!("For: {}", n.label()),
                remove_href: without(&|q| q.needs.retain(|x| x != n)),
            });
        }
        for k in &query.kinds {
            chosen.push(ChosenEventFilter {
                label: k.label().to_string(),
                remove_href: without(&|q| q.kinds.retain(|x| x != k)),
            });
        }
        if query.young_adults {
            chosen.push(ChosenEventFilter {
                label: "Young adults (16 to 25)".into(),
                remove_href: without(&|q| q.young_adults = false),
            });
        }
        if let Some(d) = query.from {
            chosen.push(ChosenEventFilter {
                label: format!("From {}", long_date(d)),
                remove_href: without(&|q| q.from = None),
            });
        }
        if let Some(d) = query.to {
            chosen.push(ChosenEventFilter {
                label: format!("To {}", long_date(d)),
                remove_href: without(&|q| q.to = None),
            });
        }
        if let Some(id) = &query.service_id {
            chosen.push(ChosenEventFilter {
                label: format!("Service: {id}"),
                remove_href: without(&|q| q.service_id = None),
            });
        }
        if let Some(id) = &query.organisation_id {
            chosen.push(ChosenEventFilter {
                label: format!("Provider: {id}"),
                remove_href: without(&|q| q.organisation_id = None),
            });
        }

        EventsPage {
            problems: problems.into_iter().map(|p| p.message).collect(),
            total: found.len(),
            days,
            towns,
            needs: choices::<Need>(&query.needs),
            kinds: choices::<EventKind>(&query.kinds),
            from: query.from.map(|d| d.to_string()).unwrap_or_default(),
            to: query.to.map(|d| d.to_string()).unwrap_or_default(),
            young_adults: query.young_adults,
            chosen,
        }
    }
}
