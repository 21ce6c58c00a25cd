//! What the easy-read pages show, prepared on the server: short sentences, each with the
//! name of its picture, and the hard words in them linked to "Words we use".
//!
//! Like `view_models`, these are small flat types the browser only decodes; the wording
//! and the choice of pictures happen on the server (`ssr`).

use crate::codec::Postcard;
use dayfinder::model::{Kind, Need};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A run of words: plain, or a word from the glossary linking to its meaning.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Piece {
    pub text: String,
    pub href: Option<String>,
}

/// One key point: a picture, and a short sentence beside it that says the same.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Point {
    /// The picture's name in `public/icons/`.
    pub picture: String,
    pub words: Vec<Piece>,
    /// When the whole sentence is a link (a phone number, a website).
    pub href: Option<String>,
}

/// A heading and its points.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub points: Vec<Point>,
}

/// One result in easy read: fewer facts than the standard card, each with a picture.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyCard {
    pub name: String,
    /// The listing, remembering the search.
    pub href: String,
    /// The first sentences of its easy-read summary.
    pub about: Vec<Point>,
    /// Where, when, cost and spaces.
    pub points: Vec<Point>,
}

/// A results page in easy read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyResults {
    /// The search as run, as a query string.
    pub query_string: String,
    pub total: usize,
    pub page: usize,
    pub last_page: usize,
    /// The answers the search was made of: who, where, which days.
    pub answers: Vec<Point>,
    /// "We could not find Crwe." and the places it may have meant, as links.
    pub place_problem: Option<String>,
    pub suggestions: Vec<(String, String)>,
    pub place_found: Option<String>,
    pub cards: Vec<EasyCard>,
}

/// A listing in easy read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EasyListing {
    pub id: String,
    pub name: String,
    pub town: String,
    /// Its easy-read summary, a sentence each, with pictures.
    pub about: Vec<Point>,
    /// Who it is for, what you do, when, where, cost, how to join, contact.
    pub sections: Vec<Section>,
    /// "This comes from another website: …", for a listing read from a feed.
    #[serde(default)]
    pub from_feed: Vec<String>,
}

/// Who a need is, in everyday words.
pub fn need_words(need: Need) -> &'static str {
    match need {
        Need::LearningDisability => "People with a learning disability",
        Need::Autism => "Autistic people",
        Need::PhysicalDisability => "People with a physical disability",
        Need::SensoryImpairment => "People who are deaf or blind, or have sight or hearing loss",
        Need::MentalHealth => "People who want help with their mental health",
        Need::Dementia => "People with memory problems or dementia",
        Need::OlderPeople => "Older people",
        Need::CarersBreak => "Family carers who need a break",
    }
}

/// What a kind of activity is, in everyday words.
pub fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::DayCentre => "A day centre",
        Kind::CommunityGroup => "A club or group",
        Kind::SkillsLearning => "Learn new skills",
        Kind::SupportedEmployment => "Help to find and keep a job: supported employment",
        Kind::Volunteering => "Volunteering: useful work without pay",
        Kind::Befriending => "Befriending: someone visits you for a chat",
        Kind::SharedLives => "Shared Lives: time with a trained carer and their family",
        Kind::Outreach => "Someone comes to your home",
        Kind::Online => "Online: you join in from home",
    }
}

/// Runs a search and shows it in easy read.
#[server(endpoint = "easy_search", input = Postcard, output = Postcard)]
pub async fn search_easy(query_string: String) -> Result<EasyResults, AppError> {
    let engine = crate::ssr::engine()?;
    let (query, _) = crate::urls::parse_search(&query_string);
    let asked = query.clone();
    crate::ssr::blocking("search the directory in easy read", move || {
        // Counted for the commissioners' reports (privacy-safe: see dayfinder::insight).
        let results =
            engine.search_and_count(&asked, dayfinder::insight::SearchedFrom::EasyRead)?;
        let query = results.interpreted.clone().unwrap_or(asked);
        let listings = results
            .hits
            .iter()
            .map(|hit| Ok((hit.clone(), engine.listing(&hit.id)?)))
            .collect::<dayfinder::Result<Vec<_>>>()?;
        Ok(build::results(&query, &results, listings))
    })
    .await
}

/// One listing in easy read; `AppError::NotFound` when there is no such listing.
#[server(endpoint = "easy_listing", input = Postcard, output = Postcard)]
pub async fn get_easy_listing(id: String, near: Option<String>) -> Result<EasyListing, AppError> {
    let engine = crate::ssr::engine()?;
    let (listing, from) = crate::ssr::blocking("read a listing in easy read", move || {
        crate::ssr::read_listing(&engine, &id)
    })
    .await??;
    let (_, distance) = crate::ssr::place_listing(&listing, near.as_deref());
    let mut sheet = build::listing(&listing, distance);
    sheet.from_feed = from
        .map(|f| {
            vec![
                format!("This comes from another website: {}.", f.host),
                format!("We looked at it on {}.", f.read_on),
            ]
        })
        .unwrap_or_default();
    Ok(sheet)
}

/// One sentence a page writes in easy read, with its picture, and a link when the whole
/// sentence is one ("Download the list.").
#[derive(Debug, Clone, PartialEq)]
pub struct Say {
    pub picture: &'static str,
    pub text: String,
    pub href: Option<String>,
}

/// A sentence beside its picture.
pub fn say(picture: &'static str, text: impl Into<String>) -> Say {
    Say {
        picture,
        text: text.into(),
        href: None,
    }
}

/// A sentence that is a link, beside its picture.
pub fn say_link(picture: &'static str, text: impl Into<String>, href: impl Into<String>) -> Say {
    Say {
        picture,
        text: text.into(),
        href: Some(href.into()),
    }
}

/// The ways to contact the council, one sentence each: phone, email, website.
pub fn contact_says(lines: &crate::profile::ContactLines) -> Vec<Say> {
    let mut says = vec![say_link(
        "phone",
        format!("Phone {}.", lines.phone),
        lines.phone_href.clone(),
    )];
    if let Some(email) = &lines.email {
        says.push(say_link(
            "email",
            format!("Email {email}."),
            format!("mailto:{email}"),
        ));
    }
    says.push(say_link("info", "Go to their website.", lines.web.clone()));
    says
}

/// A page's own easy-read words as sections of points: hard words link to "Words we use"
/// the first time the page says them (linked sentences stay whole links).
pub fn written(sections: Vec<(&str, Vec<Say>)>) -> Vec<Section> {
    let mut linked = Vec::new();
    sections
        .into_iter()
        .map(|(heading, says)| Section {
            heading: heading.to_string(),
            points: says
                .into_iter()
                .map(|s| Point {
                    picture: s.picture.to_string(),
                    words: match s.href {
                        Some(_) => vec![Piece {
                            text: s.text,
                            href: None,
                        }],
                        None => glossary_pieces(&s.text, &mut linked),
                    },
                    href: s.href,
                })
                .collect(),
        })
        .collect()
}

/// The glossary's words linked, on the server; the words as they are anywhere else (easy
/// read pages are only ever rendered on the server).
fn glossary_pieces(text: &str, linked: &mut Vec<&'static str>) -> Vec<Piece> {
    #[cfg(feature = "ssr")]
    return link_words(text, linked);
    #[cfg(not(feature = "ssr"))]
    {
        let _ = linked;
        vec![Piece {
            text: text.to_string(),
            href: None,
        }]
    }
}

/// Links the glossary's words in a sentence, each only the first time on a page.
#[cfg(feature = "ssr")]
pub fn link_words(text: &str, linked: &mut Vec<&'static str>) -> Vec<Piece> {
    use crate::pages::glossary::{WORDS, word_href};
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let is_word_char = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < lower.len() {
        // Words start at characters, never inside one ("£" is two bytes).
        if !lower.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let at_start = i == 0 || !is_word_char(i - 1);
        let found = at_start
            .then(|| {
                WORDS.iter().find_map(|w| {
                    w.forms
                        .iter()
                        .find(|f| lower[i..].starts_with(**f) && !is_word_char(i + f.len()))
                        .map(|f| (w.slug, f.len()))
                })
            })
            .flatten()
            .filter(|(slug, _)| !linked.contains(slug));
        match found {
            Some((slug, len)) if text.is_char_boundary(i) && text.is_char_boundary(i + len) => {
                if plain_from < i {
                    pieces.push(Piece {
                        text: text[plain_from..i].to_string(),
                        href: None,
                    });
                }
                pieces.push(Piece {
                    text: text[i..i + len].to_string(),
                    href: Some(word_href(slug)),
                });
                linked.push(slug);
                i += len;
                plain_from = i;
            }
            _ => i += 1,
        }
    }
    if plain_from < text.len() {
        pieces.push(Piece {
            text: text[plain_from..].to_string(),
            href: None,
        });
    }
    pieces
}

#[cfg(feature = "ssr")]
pub(crate) mod build {
    use dayfinder::model::{
        AccessFeature, CostKind, DayPart, JoinRoute, Kind, Listing, Term, VacancyStatus, Weekday,
        format_pounds,
    };
    use dayfinder::query::{Hit, SearchQuery, SearchResults};

    use super::*;
    use crate::components::format;
    use crate::components::pictures::choose;

    /// How many sentences of the summary a result card shows: the card stays short.
    const SENTENCES_ON_CARD: usize = 1;

    /// A point whose words may hold glossary words.
    fn point(picture: impl Into<String>, text: &str, linked: &mut Vec<&'static str>) -> Point {
        Point {
            picture: picture.into(),
            words: link_words(text, linked),
            href: None,
        }
    }

    fn link_point(picture: &str, text: String, href: String) -> Point {
        Point {
            picture: picture.to_string(),
            words: vec![Piece { text, href: None }],
            href: Some(href),
        }
    }

    /// "Saturday", "Monday and Friday", "Monday, Wednesday and Friday".
    fn days_words(days: &[Weekday]) -> String {
        let labels: Vec<String> = days.iter().map(|d| d.label().to_string()).collect();
        format::and_list(&labels)
    }

    /// The day picture for a set of days: that day's, or a calendar for several.
    fn days_picture(days: &[Weekday]) -> String {
        match days {
            [one] => choose::day(*one),
            _ => "days".to_string(),
        }
    }

    fn part_words(part: DayPart) -> &'static str {
        match part {
            DayPart::Morning => "in the morning",
            DayPart::Afternoon => "in the afternoon",
            DayPart::Evening => "in the evening",
        }
    }

    /// The cost in short sentences, each with its picture.
    fn cost_points(listing: &Listing, linked: &mut Vec<&'static str>) -> Vec<Point> {
        let cost = &listing.service.cost;
        let mut points = Vec::new();
        if let Some(pence) = cost.price_per_session_pence {
            points.push(point(
                "cost",
                &format!("It costs {} each time.", format_pounds(pence)),
                linked,
            ));
        }
        for kind in &cost.kinds {
            let (picture, text) = match kind {
                CostKind::Free => ("free", "It is free."),
                CostKind::Funded => (
                    "cost",
                    "The council may pay for it. Ask for a care assessment.",
                ),
                CostKind::DirectPayment => ("cost", "You can pay with a direct payment."),
                CostKind::PaySession if cost.price_per_session_pence.is_none() => {
                    ("cost", "You pay each time you go.")
                }
                CostKind::PaySession => continue,
            };
            points.push(point(picture, text, linked));
        }
        if points.is_empty() {
            points.push(point("cost", "Ask them what it costs.", linked));
        }
        points
    }

    fn vacancy_point(status: VacancyStatus, linked: &mut Vec<&'static str>) -> Point {
        let text = match status {
            VacancyStatus::Spaces => "There are spaces now.",
            VacancyStatus::WaitingList => "It is full now. You can join the waiting list.",
            VacancyStatus::Full => "It is full now.",
        };
        point("spaces", text, linked)
    }

    /// Where it is, in one sentence.
    fn where_words(listing: &Listing, distance: Option<&str>) -> (String, String) {
        match &listing.location {
            Some(l) => {
                let mut text = format!("In {}.", l.town);
                if let Some(d) = distance {
                    text.push_str(&format!(" {}.", capitalise(d)));
                }
                ("address".to_string(), text)
            }
            None if listing.service.kinds.contains(&Kind::Online) => (
                choose::kind(Kind::Online),
                "Online. You join in from home.".to_string(),
            ),
            None => (
                choose::kind(Kind::Outreach),
                "They come to your home.".to_string(),
            ),
        }
    }

    fn capitalise(text: &str) -> String {
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// The days a service runs, in week order.
    fn days_of(listing: &Listing) -> Vec<Weekday> {
        let mut days: Vec<Weekday> = listing.service.sessions.iter().map(|s| s.day).collect();
        days.sort_by_key(|d| d.index());
        days.dedup();
        days
    }

    /// The parts of the day it runs in.
    fn parts_of(listing: &Listing) -> Vec<DayPart> {
        let mut parts: Vec<DayPart> = listing
            .service
            .sessions
            .iter()
            .flat_map(|s| s.parts().collect::<Vec<_>>())
            .collect();
        parts.sort();
        parts.dedup();
        parts
    }

    /// "On Saturday, in the morning." or "You agree the times with them."
    fn when_point(listing: &Listing, linked: &mut Vec<&'static str>) -> Point {
        let days = days_of(listing);
        if days.is_empty() {
            return point("clock", "You agree the times with them.", linked);
        }
        let parts = parts_of(listing);
        let mut text = format!("On {}", days_words(&days));
        if let [part] = parts.as_slice() {
            text.push_str(&format!(", {}", part_words(*part)));
        }
        text.push('.');
        point(days_picture(&days), &text, linked)
    }

    /// The sentences of a summary, each with its picture.
    fn about(listing: &Listing, take: usize, linked: &mut Vec<&'static str>) -> Vec<Point> {
        let kinds = &listing.service.kinds;
        let text = if listing.service.easy_read.trim().is_empty() {
            listing.service.summary.as_str()
        } else {
            listing.service.easy_read.as_str()
        };
        dayfinder::easyread::sentences(text)
            .into_iter()
            .take(take)
            .map(|s| point(choose::for_sentence(s, kinds), s, linked))
            .collect()
    }

    /// A result card from its hit and listing.
    fn card(hit: &Hit, listing: Option<Listing>, from: &SearchQuery) -> EasyCard {
        let href = crate::urls::listing_href(&hit.id, Some(from));
        let mut linked = Vec::new();
        let Some(listing) = listing else {
            return EasyCard {
                name: hit.name.clone(),
                href,
                about: vec![point("info", &hit.summary, &mut linked)],
                points: Vec::new(),
            };
        };
        let distance = hit
            .distance_miles
            .map(|d| format!("{} away", format::miles(d)));
        let (picture, where_text) = where_words(&listing, distance.as_deref());
        let mut points = vec![
            point(picture, &where_text, &mut linked),
            when_point(&listing, &mut linked),
        ];
        points.extend(cost_points(&listing, &mut linked).into_iter().take(1));
        points.push(vacancy_point(listing.service.vacancy.status, &mut linked));
        EasyCard {
            name: hit.name.clone(),
            href,
            about: about(&listing, SENTENCES_ON_CARD, &mut linked),
            points,
        }
    }

    /// A point with only the sentences that pass the easy-read checker
    /// (`dayfinder::easyread::check`), or `None` when none does: "The council may pay for
    /// it. Ask for a care assessment." keeps its first sentence. For pages with no room to
    /// explain a hard word (a list, the sheet to print).
    pub(crate) fn checked(p: Point) -> Option<Point> {
        let text: String = p.words.iter().map(|w| w.text.as_str()).collect();
        if dayfinder::easyread::check(&text).passes() {
            return Some(p);
        }
        let kept: Vec<&str> = dayfinder::easyread::sentences(&text)
            .into_iter()
            .filter(|s| dayfinder::easyread::check(s).passes())
            .collect();
        (!kept.is_empty()).then(|| point(p.picture, &kept.join(" "), &mut Vec::new()))
    }

    /// A card for a listing on a list (my list, a shared list): the same short facts as a
    /// result card, without a search to come back to or a distance.
    pub(crate) fn list_card(listing: &Listing) -> EasyCard {
        let mut linked = Vec::new();
        let (picture, where_text) = where_words(listing, None);
        let mut points = vec![
            point(picture, &where_text, &mut linked),
            when_point(listing, &mut linked),
        ];
        // The first cost sentence the checker passes: the card has no room to explain jargon.
        let cost = cost_points(listing, &mut linked)
            .into_iter()
            .find_map(checked)
            .unwrap_or_else(|| point("cost", "Ask them what it costs.", &mut linked));
        points.push(cost);
        points.push(vacancy_point(listing.service.vacancy.status, &mut linked));
        EasyCard {
            name: listing.service.name.clone(),
            href: format!("/services/{}", listing.service.id),
            about: about(listing, SENTENCES_ON_CARD, &mut linked),
            points,
        }
    }

    /// The search's answers, as the guided search asked them.
    fn answers(query: &SearchQuery, place: Option<&str>) -> Vec<Point> {
        let mut linked = Vec::new();
        let mut out = Vec::new();
        match query.needs.as_slice() {
            [] => out.push(point("person", "For: anyone.", &mut linked)),
            [need, ..] => {
                let who: Vec<String> = query
                    .needs
                    .iter()
                    .map(|n| need_words(*n).to_string())
                    .collect();
                out.push(point(
                    choose::need(*need),
                    &format!("For: {}.", format::and_list(&who).to_lowercase()),
                    &mut linked,
                ));
            }
        }
        if let Some(place) = place {
            out.push(point("address", &format!("Near: {place}."), &mut linked));
        }
        if query.days.is_empty() {
            out.push(point("days", "Days: any day.", &mut linked));
        } else {
            out.push(point(
                days_picture(&query.days),
                &format!("Days: {}.", days_words(&query.days)),
                &mut linked,
            ));
        }
        out
    }

    /// An easy-read results page.
    pub fn results(
        query: &SearchQuery,
        results: &SearchResults,
        listings: Vec<(Hit, Option<Listing>)>,
    ) -> EasyResults {
        let place_found = results.place.as_ref().map(|p| p.name.clone());
        let suggestions = results
            .place_notice
            .iter()
            .flat_map(|n| n.suggestions.iter())
            .map(|place| {
                let mut q = query.clone();
                q.place = Some(place.clone());
                q.page = 1;
                (crate::urls::search_href(&q), place.clone())
            })
            .collect();
        EasyResults {
            query_string: crate::urls::search_query_string(query),
            total: results.total,
            page: results.page,
            last_page: results.total_pages(),
            answers: answers(query, place_found.as_deref()),
            place_problem: results.place_notice.as_ref().map(|n| n.message.clone()),
            suggestions,
            place_found,
            cards: listings
                .into_iter()
                .map(|(hit, listing)| card(&hit, listing, query))
                .collect(),
        }
    }

    /// An easy-read listing; `distance` is from the place searched, when known.
    pub fn listing(listing: &Listing, distance: Option<String>) -> EasyListing {
        let service = &listing.service;
        let mut linked = Vec::new();
        let mut sections = Vec::new();

        let about = about(listing, usize::MAX, &mut linked);

        let mut who: Vec<Point> = service
            .needs
            .iter()
            .map(|n| {
                point(
                    choose::need(*n),
                    &format!("{}.", need_words(*n)),
                    &mut linked,
                )
            })
            .collect();
        let e = &service.eligibility;
        let ages = match e.maximum_age {
            Some(max) => format!("For people aged {} to {max}.", e.minimum_age),
            None => format!("For people aged {} and over.", e.minimum_age),
        };
        who.push(point("person", &ages, &mut linked));
        sections.push(Section {
            heading: "Who it is for".into(),
            points: who,
        });

        sections.push(Section {
            heading: "What it is".into(),
            points: service
                .kinds
                .iter()
                .map(|k| {
                    point(
                        choose::kind(*k),
                        &format!("{}.", kind_words(*k)),
                        &mut linked,
                    )
                })
                .collect(),
        });

        let mut sessions = service.sessions.clone();
        sessions.sort_by_key(|s| (s.day.index(), s.start));
        let mut when: Vec<Point> = sessions
            .iter()
            .map(|s| {
                point(
                    choose::day(s.day),
                    &format!(
                        "{}, {} to {}.",
                        s.day.label(),
                        s.start.friendly(),
                        s.end.friendly()
                    ),
                    &mut linked,
                )
            })
            .collect();
        let parts = parts_of(listing);
        if !parts.is_empty() {
            let words: Vec<String> = parts.iter().map(|p| part_words(*p).to_string()).collect();
            when.push(point(
                choose::part(parts[0]),
                &capitalise(&format!("{}.", format::and_list(&words))),
                &mut linked,
            ));
        }
        if sessions.is_empty() {
            when.push(point(
                "clock",
                "You agree the times with them.",
                &mut linked,
            ));
        }
        if let Some(weeks) = service.duration_weeks {
            when.push(point(
                "days",
                &format!("It lasts {weeks} weeks."),
                &mut linked,
            ));
        }
        sections.push(Section {
            heading: "When".into(),
            points: when,
        });

        let mut where_ = Vec::new();
        if let Some(l) = &listing.location {
            let address = [&l.name, &l.address, &l.town, &l.postcode]
                .into_iter()
                .filter(|x| !x.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            where_.push(point(
                "address",
                &format!("The address is {address}."),
                &mut linked,
            ));
            if let Some(d) = &distance {
                where_.push(point(
                    "address",
                    &format!("{}.", capitalise(d)),
                    &mut linked,
                ));
            }
            let shown = [
                (AccessFeature::StepFree, "You can get in with a wheelchair."),
                (AccessFeature::QuietSpace, "There is a quiet space."),
                (
                    AccessFeature::AccessibleToilet,
                    "There is an accessible toilet.",
                ),
                (AccessFeature::HearingLoop, "There is a hearing loop."),
            ];
            for (feature, text) in shown {
                if l.accessibility.contains(&feature) {
                    where_.push(point(choose::access(feature), text, &mut linked));
                }
            }
        }
        if listing.location.is_none() {
            let (picture, where_text) = where_words(listing, None);
            where_.push(point(picture, &where_text, &mut linked));
        }
        if service.transport {
            where_.push(point(
                "transport",
                "They can help you get there and back.",
                &mut linked,
            ));
        }
        sections.push(Section {
            heading: "Where".into(),
            points: where_,
        });

        sections.push(Section {
            heading: "Cost".into(),
            points: cost_points(listing, &mut linked),
        });

        let mut join: Vec<Point> = service
            .join
            .iter()
            .map(|route| {
                let text = match route {
                    JoinRoute::SelfReferral => "You can contact them yourself.",
                    JoinRoute::Carer => "A family member or carer can contact them for you.",
                    JoinRoute::SocialWorker => {
                        "A social worker can help you get a place. Ask for a care assessment."
                    }
                };
                point("helper", text, &mut linked)
            })
            .collect();
        join.push(vacancy_point(service.vacancy.status, &mut linked));
        sections.push(Section {
            heading: "How to join".into(),
            points: join,
        });

        let contact = &service.contact;
        let org = &listing.organisation;
        let mut reach = Vec::new();
        if let Some(phone) = contact.phone.as_ref().or(org.phone.as_ref()) {
            reach.push(link_point(
                "phone",
                format!("Phone {phone}"),
                format!("tel:{}", phone.replace(' ', "")),
            ));
        }
        if let Some(email) = contact.email.as_ref().or(org.email.as_ref()) {
            reach.push(link_point(
                "email",
                format!("Email {email}"),
                format!("mailto:{email}"),
            ));
        }
        if let Some(name) = &contact.name {
            reach.push(point("person", &format!("Ask for {name}."), &mut linked));
        }
        reach.push(point(
            "helper",
            &format!("It is run by {}.", org.name),
            &mut linked,
        ));
        sections.push(Section {
            heading: "Contact".into(),
            points: reach,
        });

        EasyListing {
            id: service.id.clone(),
            name: service.name.clone(),
            town: listing
                .location
                .as_ref()
                .map(|l| l.town.clone())
                .unwrap_or_default(),
            about,
            sections,
            from_feed: Vec::new(),
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn linked_words(pieces: &[Piece]) -> Vec<(&str, &str)> {
        pieces
            .iter()
            .filter_map(|p| p.href.as_deref().map(|h| (p.text.as_str(), h)))
            .collect()
    }

    #[test]
    fn hard_words_link_to_their_meaning_once_a_page() {
        let mut linked = Vec::new();
        let pieces = link_words(
            "You can pay with a Direct Payment. Ask for a care assessment.",
            &mut linked,
        );
        assert_eq!(
            linked_words(&pieces),
            [
                ("Direct Payment", "/words#direct-payment"),
                ("care assessment", "/words#care-assessment")
            ]
        );
        let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            text,
            "You can pay with a Direct Payment. Ask for a care assessment."
        );
        let again = link_words("A direct payment again.", &mut linked);
        assert!(linked_words(&again).is_empty());
    }

    #[test]
    fn text_with_pound_signs_and_accents_is_kept_whole() {
        let mut linked = Vec::new();
        let text = "It costs £65 each time. Café respite, ça va.";
        let pieces = link_words(text, &mut linked);
        assert_eq!(
            pieces.iter().map(|p| p.text.as_str()).collect::<String>(),
            text
        );
        assert_eq!(linked_words(&pieces), [("respite", "/words#respite")]);
    }

    #[test]
    fn a_point_keeps_only_the_sentences_the_checker_passes() {
        let point = |text: &str| Point {
            picture: "cost".into(),
            words: link_words(text, &mut Vec::new()),
            href: None,
        };
        let plain = |p: Point| p.words.into_iter().map(|w| w.text).collect::<String>();
        let kept = build::checked(point(
            "The council may pay for it. Ask for a care assessment.",
        ));
        assert_eq!(
            kept.map(plain).as_deref(),
            Some("The council may pay for it.")
        );
        assert_eq!(
            build::checked(point("You can pay with a direct payment.")),
            None
        );
        let whole = build::checked(point("It is free.")).expect("kept");
        assert_eq!(plain(whole), "It is free.");
    }

    #[test]
    fn words_inside_other_words_are_not_linked() {
        let mut linked = Vec::new();
        let pieces = link_words("Reassessments and disrespite are not words.", &mut linked);
        assert!(linked_words(&pieces).is_empty());
    }
}
