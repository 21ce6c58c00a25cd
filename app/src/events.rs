//! Open days and events, and preparing for adulthood: what their pages show (flat view
//! models built on the server, like `view_models.rs`), and the server functions that
//! build them from the engine.

use crate::codec::Postcard;
use serde::{Deserialize, Serialize};

use leptos::prelude::*;

use crate::components::easy_read_data::{Point, Section};
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

/// One event in easy read: its name, its page, and a few facts, each beside a picture.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyEventCard {
    pub title: String,
    pub href: String,
    /// What it is, when, where, what it costs and who it is for.
    pub points: Vec<Point>,
}

/// The events page in easy read: fewer filters (town, who it is for, young people), and
/// each event as a short card.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyEventsPage {
    /// What we could not use from the address, in easy words.
    pub problems: Vec<Point>,
    pub total: usize,
    pub cards: Vec<EasyEventCard>,
    pub towns: Vec<FilterChoice>,
    /// Who it is for, in everyday words.
    pub needs: Vec<FilterChoice>,
    pub young_adults: bool,
    /// The choices in force, each with its picture.
    pub chosen: Vec<Point>,
}

/// One event in easy read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyEventSheet {
    pub id: String,
    pub title: String,
    /// "Open day".
    pub kind: String,
    pub finished: bool,
    /// What it is, when, where, cost, booking, who it is for.
    pub sections: Vec<Section>,
    pub ics_href: String,
}

/// The preparing for adulthood page in easy read, written for the young person.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyAdulthood {
    /// "You are 16 to 25. Here is what can happen next."
    pub opening: Vec<Point>,
    /// What changes at 18, what you can do, open days, who can help.
    pub sections: Vec<Section>,
    /// For the family, in plain words.
    pub family: Vec<Point>,
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

/// The events page in easy read, for the same query string as the standard page.
#[server(endpoint = "easy_events", input = Postcard, output = Postcard)]
pub async fn easy_upcoming_events(query_string: String) -> Result<EasyEventsPage, AppError> {
    let engine = crate::ssr::engine()?;
    let pairs = crate::urls::decode(&query_string);
    let (query, problems) = dayfinder::query::EventQuery::from_params(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    );
    crate::ssr::blocking("list upcoming events in easy read", move || {
        let everything = engine.upcoming_events(&Default::default())?;
        let found = engine.upcoming_events(&query)?;
        Ok(easy::events_page(&query, &problems, &everything, &found))
    })
    .await
}

/// One event in easy read; `AppError::NotFound` when there is none.
#[server(endpoint = "easy_event", input = Postcard, output = Postcard)]
pub async fn get_easy_event(id: String) -> Result<EasyEventSheet, AppError> {
    let engine = crate::ssr::engine()?;
    let found = crate::ssr::blocking("read an event in easy read", move || {
        let Some(event) = engine.event(&id)? else {
            return Ok(None);
        };
        // The service's own listing says how to get there (access, transport).
        let service = match &event.event.service_id {
            Some(id) => engine.listing(id)?,
            None => None,
        };
        Ok(Some((event, service)))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(easy::sheet(&found.0, found.1.as_ref()))
}

/// Preparing for adulthood in easy read: the council's names from its profile, and how
/// many services and events suit young people.
#[server(endpoint = "easy_adulthood", input = Postcard, output = Postcard)]
pub async fn easy_adulthood_overview() -> Result<EasyAdulthood, AppError> {
    let engine = crate::ssr::engine()?;
    let profile = crate::profile::SiteProfile::get();
    crate::ssr::blocking("say what suits young people in easy read", move || {
        let mut search = dayfinder::query::SearchQuery::text("");
        search.young_adults = true;
        search.per_page = 1;
        let services = engine.search(&search)?.total;
        let events = engine
            .upcoming_events(&dayfinder::query::EventQuery {
                young_adults: true,
                ..Default::default()
            })?
            .len();
        search.per_page = dayfinder::query::DEFAULT_PER_PAGE;
        let search_href = crate::urls::search_href(&search);
        Ok(easy::adulthood(&profile, services, events, &search_href))
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

/// The easy-read pages' words, made here on the server: short sentences, each with its
/// picture, and the glossary's words linked the first time on a page. Editors' own words
/// (a description, notes) are shown only where every sentence passes the easy-read
/// checker; the standard view has them all.
#[cfg(feature = "ssr")]
mod easy {
    use dayfinder::model::{
        AccessFeature, ClockTime, EventKind, EventListing, Listing, Need, Session, Term, Weekday,
        format_pounds,
    };
    use dayfinder::query::events::long_date;
    use dayfinder::query::{EventQuery, ParamProblem, events::young_adults_param};
    use jiff::civil::DateTime;

    use super::*;
    use crate::components::easy_read_data::{Piece, link_words, need_words};
    use crate::components::format;
    use crate::components::pictures::choose;
    use crate::profile::{ContactLines, SiteProfile};
    use crate::view_mode::{ViewMode, switch_href};

    /// Most sentences of an editor's description an event's page shows in easy read.
    const DESCRIPTION_SENTENCES: usize = 4;

    fn point(picture: impl Into<String>, text: &str, linked: &mut Vec<&'static str>) -> Point {
        Point {
            picture: picture.into(),
            words: link_words(text, linked),
            href: None,
        }
    }

    /// A point whose whole sentence is a link.
    fn link_point(picture: &str, text: impl Into<String>, href: impl Into<String>) -> Point {
        Point {
            picture: picture.to_string(),
            words: vec![Piece {
                text: text.into(),
                href: None,
            }],
            href: Some(href.into()),
        }
    }

    /// Whether an editor's text reads as easy read: every sentence passes the checker.
    fn reads_easily(text: &str) -> bool {
        !text.trim().is_empty() && dayfinder::easyread::check(text).passes()
    }

    /// What a kind of event is, in a few words.
    pub fn kind_words(kind: EventKind) -> &'static str {
        match kind {
            EventKind::OpenDay => "An open day. You can visit and look round.",
            EventKind::DropIn => "A drop-in. You can just turn up.",
            EventKind::Taster => "A taster. You can try it out.",
            EventKind::Transition => "An event for young people about life after school.",
            EventKind::Information => "A talk. You can find out things and ask questions.",
        }
    }

    fn kind_picture(kind: EventKind) -> &'static str {
        match kind {
            EventKind::OpenDay => "kind-day-centre",
            EventKind::DropIn => "kind-community-group",
            EventKind::Taster => "kind-skills-learning",
            EventKind::Transition => "person",
            EventKind::Information => "info",
        }
    }

    fn weekday(at: DateTime) -> Weekday {
        let index = at.date().weekday().to_monday_zero_offset() as usize;
        Weekday::all()[index.min(6)]
    }

    fn clock_time(at: DateTime) -> Option<ClockTime> {
        ClockTime::new(
            u16::try_from(at.hour()).ok()?,
            u16::try_from(at.minute()).ok()?,
        )
    }

    /// "6pm", "10:30am".
    fn clock(at: DateTime) -> String {
        clock_time(at).map(ClockTime::friendly).unwrap_or_default()
    }

    /// The picture for when it starts: morning, afternoon or evening.
    fn start_picture(at: DateTime) -> String {
        clock_time(at)
            .and_then(|time| {
                let session = Session {
                    day: weekday(at),
                    start: time,
                    end: time,
                };
                session.parts().next().map(choose::part)
            })
            .unwrap_or_else(|| "clock".into())
    }

    /// "It is free." or "It costs £3."
    fn cost_point(price_pence: u32, linked: &mut Vec<&'static str>) -> Point {
        if price_pence == 0 {
            point("free", "It is free.", linked)
        } else {
            point(
                "cost",
                &format!("It costs {}.", format_pounds(price_pence)),
                linked,
            )
        }
    }

    fn lower_first(text: &str) -> String {
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// Who it is for: one sentence when it is short, else a sentence a need.
    fn who_points(needs: &[Need], linked: &mut Vec<&'static str>) -> Vec<Point> {
        let Some(first) = needs.first() else {
            return vec![point("person", "It is for everyone.", linked)];
        };
        let who: Vec<String> = needs.iter().map(|n| lower_first(need_words(*n))).collect();
        let one = format!("For {}.", format::and_list(&who));
        if reads_easily(&one) {
            return vec![point(choose::need(*first), &one, linked)];
        }
        needs
            .iter()
            .map(|n| {
                point(
                    choose::need(*n),
                    &format!("For {}.", lower_first(need_words(*n))),
                    linked,
                )
            })
            .collect()
    }

    fn ages_point(listing: &EventListing, linked: &mut Vec<&'static str>) -> Option<Point> {
        let a = &listing.event.audience;
        let text = match (a.minimum_age, a.maximum_age) {
            (Some(min), Some(max)) => format!("For people aged {min} to {max}."),
            (Some(min), None) => format!("For people aged {min} and over."),
            (None, Some(max)) => format!("For people aged up to {max}."),
            (None, None) => return None,
        };
        Some(point("person", &text, linked))
    }

    /// "Thursday 4 December 2026, 6pm to 8pm."
    fn when_words(listing: &EventListing) -> String {
        let e = &listing.event;
        format!(
            "{}, {}.",
            long_date(e.start.date()),
            dayfinder::query::events::time_span(e.start, e.end)
        )
    }

    /// One event as a short card.
    pub fn card(listing: &EventListing, linked: &mut Vec<&'static str>) -> EasyEventCard {
        let e = &listing.event;
        let mut points = vec![
            point(kind_picture(e.kind), kind_words(e.kind), linked),
            point(choose::day(weekday(e.start)), &when_words(listing), linked),
        ];
        if !e.place.town.is_empty() {
            points.push(point("address", &format!("In {}.", e.place.town), linked));
        }
        points.push(cost_point(e.price_pence, linked));
        points.extend(who_points(&e.audience.needs, linked));
        points.extend(ages_point(listing, linked));
        EasyEventCard {
            title: e.title.clone(),
            href: format!("/events/{}", e.id),
            points,
        }
    }

    /// What could not be used, said in easy words (each said once).
    fn problem_points(problems: &[ParamProblem], linked: &mut Vec<&'static str>) -> Vec<Point> {
        let mut said: Vec<&str> = Vec::new();
        for p in problems {
            let text = match p.param.as_str() {
                "from" | "to" if p.message.contains("not a date") => {
                    "We could not read a date you gave. So we left it out."
                }
                "to" => "Your dates were the wrong way round. We swapped them.",
                "town" => "You chose too many towns. We used the first 40.",
                "need" | "kind" | "age" => {
                    "We did not understand one of your choices. So we left it out."
                }
                _ => "We could not use some of the web address. So we left it out.",
            };
            if !said.contains(&text) {
                said.push(text);
            }
        }
        said.into_iter().map(|t| point("info", t, linked)).collect()
    }

    pub fn events_page(
        query: &EventQuery,
        problems: &[ParamProblem],
        everything: &[EventListing],
        found: &[EventListing],
    ) -> EasyEventsPage {
        let mut linked = Vec::new();
        let mut problems = problem_points(problems, &mut linked);

        // Only towns that have events: a town we have none in is said so, not offered.
        let mut towns: Vec<String> = everything
            .iter()
            .map(|e| e.event.place.town.clone())
            .filter(|t| !t.is_empty())
            .collect();
        towns.sort();
        towns.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let known = |t: &str| towns.iter().any(|k| k.eq_ignore_ascii_case(t));
        if query.towns.iter().any(|t| !known(t)) {
            problems.push(point(
                "address",
                "We have no events in a town you chose. Choose a town from the list.",
                &mut linked,
            ));
        }
        let town_choices = towns
            .iter()
            .map(|t| FilterChoice {
                value: t.clone(),
                label: t.clone(),
                selected: query
                    .towns
                    .first()
                    .is_some_and(|c| c.eq_ignore_ascii_case(t)),
            })
            .collect();
        let needs = Need::all()
            .iter()
            .map(|n| FilterChoice {
                value: n.slug().into(),
                label: need_words(*n).into(),
                selected: query.needs.first() == Some(n),
            })
            .collect();

        let mut chosen = Vec::new();
        for t in &query.towns {
            // The town as the directory writes it; one we do not know is not echoed back.
            if let Some(k) = towns.iter().find(|k| k.eq_ignore_ascii_case(t)) {
                chosen.push(point("address", &format!("In {k}."), &mut linked));
            }
        }
        for n in &query.needs {
            chosen.push(point(
                choose::need(*n),
                &format!("For {}.", lower_first(need_words(*n))),
                &mut linked,
            ));
        }
        for k in &query.kinds {
            let only = match k {
                EventKind::OpenDay => "Only open days.",
                EventKind::DropIn => "Only drop-ins.",
                EventKind::Taster => "Only tasters.",
                EventKind::Transition => "Only events about life after school.",
                EventKind::Information => "Only talks.",
            };
            chosen.push(point(kind_picture(*k), only, &mut linked));
        }
        if query.young_adults {
            chosen.push(point(
                "person",
                "Only events for young people aged 16 to 25.",
                &mut linked,
            ));
        }
        if let Some(d) = query.from {
            chosen.push(point(
                "days",
                &format!("From {}.", long_date(d)),
                &mut linked,
            ));
        }
        if let Some(d) = query.to {
            chosen.push(point(
                "days",
                &format!("Up to {}.", long_date(d)),
                &mut linked,
            ));
        }

        EasyEventsPage {
            problems,
            total: found.len(),
            cards: found.iter().map(|e| card(e, &mut linked)).collect(),
            towns: town_choices,
            needs,
            young_adults: query.young_adults,
            chosen,
        }
    }

    /// How to get there: the address, and what the service's listing says of its building.
    fn where_points(
        listing: &EventListing,
        service: Option<&Listing>,
        linked: &mut Vec<&'static str>,
    ) -> Vec<Point> {
        let e = &listing.event;
        let mut points = Vec::new();
        if !e.place.town.is_empty() {
            points.push(point(
                "address",
                &format!("It is in {}.", e.place.town),
                linked,
            ));
        }
        let address = e.place.one_line();
        if !address.is_empty() {
            points.push(point(
                "address",
                &format!("The address is {address}."),
                linked,
            ));
        }
        // The building is the service's own only when the event is there.
        let building = service.and_then(|s| {
            s.location
                .as_ref()
                .filter(|l| e.place.location_id.as_deref() == Some(l.id.as_str()))
        });
        if let Some(l) = building {
            let shown = [
                (AccessFeature::StepFree, "You can get in with a wheelchair."),
                (AccessFeature::QuietSpace, "There is a quiet space."),
                (
                    AccessFeature::AccessibleToilet,
                    "There is an accessible toilet.",
                ),
                (AccessFeature::HearingLoop, "There is a hearing loop."),
                (AccessFeature::Parking, "There is parking."),
            ];
            for (feature, text) in shown {
                if l.accessibility.contains(&feature) {
                    points.push(point(choose::access(feature), text, linked));
                }
            }
            if reads_easily(&l.access_notes) {
                for s in dayfinder::easyread::sentences(&l.access_notes) {
                    points.push(point("wheelchair", s, linked));
                }
            }
        }
        if let Some(s) = service
            && s.service.transport
        {
            points.push(point(
                "transport",
                "Ask them if they can help you get there.",
                linked,
            ));
        }
        if let Some((id, name)) = &listing.service {
            let read = format!("Read about {name}.");
            let read = if reads_easily(&read) {
                read
            } else {
                "Read about the place that runs it.".to_string()
            };
            points.push(link_point(
                "info",
                read,
                crate::urls::listing_href(id, None),
            ));
        }
        points
    }

    /// Whether to book, and how.
    fn booking_points(listing: &EventListing, linked: &mut Vec<&'static str>) -> Vec<Point> {
        let b = &listing.event.booking;
        let mut points = Vec::new();
        if !b.required {
            points.push(point(
                "days",
                "You do not need to book. You can just go.",
                linked,
            ));
        } else {
            points.push(point("days", "You need to book a place.", linked));
            if let Some(by) = b.by {
                points.push(point(
                    "days",
                    &format!("Book by {}.", long_date(by)),
                    linked,
                ));
            }
            if let Some(phone) = &b.phone {
                let tel: String = phone.chars().filter(|c| !c.is_whitespace()).collect();
                points.push(link_point(
                    "phone",
                    format!("Phone {phone}."),
                    format!("tel:{tel}"),
                ));
            }
            if let Some(email) = &b.email {
                points.push(link_point(
                    "email",
                    format!("Email {email}."),
                    format!("mailto:{email}"),
                ));
            }
            // Only an http(s) address is linked.
            if let Some(site) = dayfinder::model::WebAddress::link(b.link.as_ref()) {
                points.push(link_point(
                    "search",
                    "Book on their website.",
                    site.to_string(),
                ));
            }
        }
        if reads_easily(&b.notes) {
            for s in dayfinder::easyread::sentences(&b.notes) {
                points.push(point(choose::for_sentence(s, &[]), s, linked));
            }
        }
        points
    }

    pub fn sheet(listing: &EventListing, service: Option<&Listing>) -> EasyEventSheet {
        let e = &listing.event;
        let mut linked = Vec::new();
        let mut sections = Vec::new();

        let mut what = vec![point(kind_picture(e.kind), kind_words(e.kind), &mut linked)];
        what.extend(
            e.description
                .split("\n\n")
                .flat_map(dayfinder::easyread::sentences)
                .filter(|s| reads_easily(s))
                .take(DESCRIPTION_SENTENCES)
                .map(|s| point(choose::for_sentence(s, &[]), s, &mut linked)),
        );
        // A name with a long word in it is left to the standard view.
        if let Some(runs) = listing
            .organisation
            .as_ref()
            .map(|o| format!("{} runs it.", o.name))
            .filter(|s| reads_easily(s))
        {
            what.push(point("helper", &runs, &mut linked));
        }
        sections.push(Section {
            heading: "What it is".into(),
            points: what,
        });

        let mut when = vec![point(
            choose::day(weekday(e.start)),
            &format!("It is on {}.", long_date(e.start.date())),
            &mut linked,
        )];
        when.push(point(
            start_picture(e.start),
            &format!("It starts at {}.", clock(e.start)),
            &mut linked,
        ));
        let ends = if e.end.date() == e.start.date() {
            format!("It ends at {}.", clock(e.end))
        } else {
            format!(
                "It ends on {} at {}.",
                long_date(e.end.date()),
                clock(e.end)
            )
        };
        when.push(point("clock", &ends, &mut linked));
        sections.push(Section {
            heading: "When".into(),
            points: when,
        });

        sections.push(Section {
            heading: "Where".into(),
            points: where_points(listing, service, &mut linked),
        });

        let mut cost = vec![cost_point(e.price_pence, &mut linked)];
        if reads_easily(&e.cost_notes) {
            cost.extend(
                dayfinder::easyread::sentences(&e.cost_notes)
                    .into_iter()
                    .map(|s| point(choose::for_sentence(s, &[]), s, &mut linked)),
            );
        }
        sections.push(Section {
            heading: "What it costs".into(),
            points: cost,
        });

        sections.push(Section {
            heading: "Booking a place".into(),
            points: booking_points(listing, &mut linked),
        });

        let mut who = who_points(&e.audience.needs, &mut linked);
        who.extend(ages_point(listing, &mut linked));
        if reads_easily(&e.audience.notes) {
            let notes = format!("{}.", e.audience.notes.trim().trim_end_matches('.'));
            who.push(point("need-carers-break", &notes, &mut linked));
        }
        sections.push(Section {
            heading: "Who it is for".into(),
            points: who,
        });

        EasyEventSheet {
            id: e.id.clone(),
            title: e.title.clone(),
            kind: e.kind.label().to_string(),
            finished: !e.is_upcoming(dayfinder::engine::uk_now()),
            sections,
            ics_href: format!("/events/{}.ics", e.id),
        }
    }

    /// The ways to reach the council, each a link.
    fn contact_points(lines: &ContactLines) -> Vec<Point> {
        let mut points = vec![link_point(
            "phone",
            format!("Phone {}.", lines.phone),
            lines.phone_href.clone(),
        )];
        if let Some(email) = &lines.email {
            points.push(link_point(
                "email",
                format!("Email {email}."),
                format!("mailto:{email}"),
            ));
        }
        points
    }

    /// Preparing for adulthood, for the young person, then for their family.
    pub fn adulthood(
        profile: &SiteProfile,
        services: usize,
        events: usize,
        search_href: &str,
    ) -> EasyAdulthood {
        let council = &profile.names.council;
        let mut linked = Vec::new();
        let mut p = |picture: &str, text: &str| point(picture, text, &mut linked);

        let opening = vec![
            p("person", "You are 16 to 25. Here is what can happen next."),
            p("kind-skills-learning", "You may leave school soon."),
            p("helper", "You can choose what you want to do."),
        ];

        let eighteen = vec![
            p("person", "When you are 18, you are an adult."),
            p("info", "Help from children's services stops at 18."),
            p("helper", "Help for adults starts."),
            p("helper", "You can make more choices for yourself."),
            p(
                "helper",
                &format!("{council} helps adults who need support."),
            ),
            p("info", "They meet you to find out what help you need."),
            p("days", "You can ask for this meeting when you are 17."),
            p("cost", "You may get money to pay for your support."),
            p(
                "kind-skills-learning",
                "An EHC plan can carry on until you are 25.",
            ),
            p(
                "kind-skills-learning",
                "It carries on while you are at college.",
            ),
        ];

        let mut things = vec![
            p("kind-skills-learning", "You can go to college."),
            p(
                "kind-supported-employment",
                "You can get help to find a job.",
            ),
            p("kind-community-group", "You can join a club or a group."),
            p("kind-day-centre", "You can go to a day centre."),
            p(
                "kind-volunteering",
                "You can try volunteering. This is useful work without pay.",
            ),
        ];
        let found = match services {
            0 => "Find things to do for people aged 16 to 25.".to_string(),
            1 => "See 1 thing to do for people aged 16 to 25.".to_string(),
            n => format!("See {n} things to do for people aged 16 to 25."),
        };
        things.push(link_point("search", found, search_href));

        let mut open_days = vec![
            p(
                "kind-day-centre",
                "You can visit a place before you choose it.",
            ),
            p("person", "We call this an open day."),
            p("need-carers-break", "You can take someone with you."),
        ];
        let events_words = match events {
            0 => "See the open days and events.".to_string(),
            1 => "See the 1 event for young people.".to_string(),
            n => format!("See the {n} events for young people."),
        };
        open_days.push(link_point(
            "days",
            events_words,
            format!("/events?age={}", young_adults_param()),
        ));

        let mut help = vec![
            p("helper", "Your teachers at school or college can help."),
            p("helper", "A social worker can help, if you have one."),
            p("need-carers-break", "Your family can help you choose."),
            p("phone", &format!("You can contact {council}.")),
        ];
        help.extend(contact_points(&profile.adult_social_care));

        let mut family = vec![
            p("days", "Start to plan from age 14."),
            p(
                "kind-skills-learning",
                "Each yearly EHC plan review looks at adult life.",
            ),
            p(
                "days",
                &format!("When your child is 17, contact {council}."),
            ),
            p(
                "info",
                "Ask them to find out what help your child needs at 18.",
            ),
        ];
        family.extend(contact_points(&profile.care_assessment));
        family.push(p(
            "need-carers-break",
            "You can ask for help for yourself as a family carer too.",
        ));
        // Often the same number as the one just given: then it is not said twice.
        if profile.carers_assessment != profile.care_assessment {
            family.extend(contact_points(&profile.carers_assessment));
        }
        family.push(link_point(
            "words",
            "Read more in the standard view.",
            switch_href(ViewMode::Standard, "/preparing-for-adulthood", ""),
        ));

        EasyAdulthood {
            opening,
            sections: vec![
                Section {
                    heading: "When you are 18".into(),
                    points: eighteen,
                },
                Section {
                    heading: "Things you can do".into(),
                    points: things,
                },
                Section {
                    heading: "Open days".into(),
                    points: open_days,
                },
                Section {
                    heading: "Who can help".into(),
                    points: help,
                },
            ],
            family,
        }
    }
}
