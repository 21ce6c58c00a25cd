//! Our model as ORUK objects. Every function is pure: a listing in, an object out.

use std::collections::BTreeMap;

use crate::model::{
    ClockTime, Cost, CostKind, Kind, Listing, Location as Place, Organisation, Service as Listed,
    Term, VacancyStatus, Weekday, format_pounds,
};

use super::ids;
use super::objects::{
    Accessibility, Address, ApiDetails, ApiExtension, Attribute, Contact, CostOption, Freq,
    Location, LocationType, Organization, Phone, Schedule, Service, ServiceAtLocation,
    ServiceExtension, SlugExtension, Status, Taxonomy, TaxonomyTerm, VacancyExtension,
};
use super::vocab::{self, TermRef, Vocabulary};
use crate::profile::CouncilProfile;

/// How much of a service to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// `minimal=true`: id, name, status and when it last changed.
    Minimal,
    /// A list entry: every one-to-one field, the organisation and our extension.
    Summary,
    /// `GET /services/{id}` and `full=true`: everything nested.
    Full,
}

/// `GET /`: what the API is, and which council publishes it for which area.
pub fn api_details(openapi_url: String, source: String, council: &CouncilProfile) -> ApiDetails {
    ApiDetails {
        version: super::VERSION.to_string(),
        profile: super::PROFILE_URL.to_string(),
        openapi_url,
        x_dayfinder: Some(ApiExtension {
            source,
            publisher: council.council.name.to_string(),
            area: council.area.name.to_string(),
            local_authority_code: council
                .area
                .local_authority_code
                .as_ref()
                .map(ToString::to_string),
            outward_codes: council.area.outward_codes.as_slice().to_vec(),
        }),
    }
}

/// When a listing last changed, as ORUK's `last_modified`: the day it was last
/// reviewed, at midnight UTC.
pub fn last_modified(service: &Listed) -> String {
    format!("{}T00:00:00Z", service.last_reviewed)
}

/// A listing as an ORUK service.
pub fn service(listing: &Listing, detail: Detail) -> Service {
    let s = &listing.service;
    let id = ids::service(&s.id);
    let mut out = Service {
        id: id.clone(),
        name: s.name.clone(),
        status: Status::Active,
        last_modified: Some(last_modified(s)),
        ..Default::default()
    };
    if detail == Detail::Minimal {
        return out;
    }
    out.organization_id = Some(ids::organization(&s.organisation_id));
    out.description = non_empty(&s.description);
    out.url = s.contact.website.clone().filter(|w| is_web_address(w));
    out.email = s.contact.email.clone().filter(|e| is_email(e));
    out.fees = Some(fees(&s.cost));
    out.eligibility_description = non_empty(&s.eligibility.notes);
    out.minimum_age = Some(s.eligibility.minimum_age.into());
    out.maximum_age = s.eligibility.maximum_age.map(u32::from);
    out.assured_date = Some(s.last_reviewed.to_string());
    out.alert = vacancy_alert(s);
    out.organization = Some(Box::new(organization(&listing.organisation, false)));
    out.x_dayfinder = Some(extension(s));
    if detail == Detail::Full {
        out.schedules = schedules(listing);
        out.service_at_locations = listing
            .location
            .as_ref()
            .map(|place| ServiceAtLocation {
                id: ids::service_at_location(&s.id),
                service_id: Some(id.clone()),
                location_id: Some(ids::location(&place.id)),
                location: Some(location(place, true)),
                service: None,
            })
            .into_iter()
            .collect();
        out.cost_options = cost_options(s);
        out.contacts = contact(listing).into_iter().collect();
        out.attributes = vocab::service_terms(listing)
            .into_iter()
            .map(|t| attribute(&id, t))
            .collect();
    }
    out
}

/// A listing at its location, with the service (`/service_at_locations`); none for a
/// service that has no building (online, at home).
pub fn service_at_location(listing: &Listing, detail: Detail) -> Option<ServiceAtLocation> {
    let place = listing.location.as_ref()?;
    let full = detail == Detail::Full;
    let mut service = service(listing, detail);
    service.service_at_locations.clear();
    Some(ServiceAtLocation {
        id: ids::service_at_location(&listing.service.id),
        service_id: Some(service.id.clone()),
        location_id: Some(ids::location(&place.id)),
        location: Some(location(place, full)),
        service: Some(Box::new(service)),
    })
}

/// A provider; `full` adds its phone number.
pub fn organization(org: &Organisation, full: bool) -> Organization {
    let id = ids::organization(&org.id);
    let phones = match (&org.phone, full) {
        (Some(number), true) if !number.trim().is_empty() => vec![Phone {
            id: ids::phone("organization", &org.id),
            contact_id: None,
            number: number.clone(),
        }],
        _ => Vec::new(),
    };
    Organization {
        id,
        name: org.name.clone(),
        description: org.description.clone(),
        email: org.email.clone().filter(|e| is_email(e)),
        website: org.website.clone().filter(|w| is_web_address(w)),
        phones,
        services: Vec::new(),
        x_dayfinder: Some(SlugExtension {
            slug: org.id.clone(),
        }),
    }
}

/// A place; `full` adds its address and accessibility.
pub fn location(place: &Place, full: bool) -> Location {
    let id = ids::location(&place.id);
    let mut out = Location {
        id: id.clone(),
        location_type: LocationType::Physical,
        name: non_empty(&place.name),
        latitude: Some(place.latitude),
        longitude: Some(place.longitude),
        x_dayfinder: Some(SlugExtension {
            slug: place.id.clone(),
        }),
        ..Default::default()
    };
    if full {
        out.addresses = vec![Address {
            id: ids::address(&place.id),
            location_id: Some(id.clone()),
            address_1: place.address.clone(),
            city: place.town.clone(),
            state_province: String::new(),
            postal_code: place.postcode.clone(),
            country: "GB".into(),
            address_type: LocationType::Physical,
        }];
        out.accessibility = place
            .accessibility
            .iter()
            .map(|&feature| {
                let entry = ids::accessibility(&place.id, feature.slug());
                Accessibility {
                    attributes: vec![attribute(&entry, TermRef::of(Vocabulary::Access, feature))],
                    id: entry,
                    location_id: Some(id.clone()),
                    description: Some(feature.label().to_string()),
                    details: None,
                }
            })
            .collect();
        if !place.access_notes.trim().is_empty() {
            out.accessibility.push(Accessibility {
                id: ids::accessibility(&place.id, "notes"),
                location_id: Some(id.clone()),
                description: Some(place.access_notes.clone()),
                ..Default::default()
            });
        }
    }
    out
}

/// One of our vocabularies; `with_terms` nests its terms.
pub fn taxonomy(vocabulary: Vocabulary, with_terms: bool) -> Taxonomy {
    Taxonomy {
        id: vocabulary.id(),
        name: vocabulary.name().to_string(),
        description: vocabulary.description().to_string(),
        version: Some("1".into()),
        taxonomy_terms: if with_terms {
            vocabulary.terms().into_iter().map(taxonomy_term).collect()
        } else {
            Vec::new()
        },
    }
}

pub fn taxonomy_term(term: TermRef) -> TaxonomyTerm {
    TaxonomyTerm {
        id: term.id(),
        name: term.label.to_string(),
        description: term.description(),
        parent_id: None,
        taxonomy: Some(term.vocabulary.name().to_string()),
        taxonomy_id: Some(term.vocabulary.id()),
        term: Some(term.slug.to_string()),
    }
}

/// The link from a thing (its ORUK id) to a term.
fn attribute(link_id: &str, term: TermRef) -> Attribute {
    let term_id = term.id();
    Attribute {
        id: ids::attribute(link_id, &term_id),
        link_id: Some(link_id.to_string()),
        taxonomy_term_id: Some(term_id),
        link_type: Some(term.vocabulary.link_type().to_string()),
        taxonomy_term: Some(taxonomy_term(term)),
    }
}

fn extension(s: &Listed) -> ServiceExtension {
    ServiceExtension {
        slug: s.id.clone(),
        summary: s.summary.clone(),
        easy_read: s.easy_read.clone(),
        tier: s.tier.slug().to_string(),
        needs: s.needs.iter().map(|t| t.slug().to_string()).collect(),
        kinds: s.kinds.iter().map(|t| t.slug().to_string()).collect(),
        vacancy: VacancyExtension {
            status: s.vacancy.status.slug().to_string(),
            confirmed: s.vacancy.confirmed.to_string(),
        },
        join: s.join.iter().map(|t| t.slug().to_string()).collect(),
        activities: s.activities.clone(),
        transport: s.transport,
        duration_weeks: s.duration_weeks.map(u32::from),
        price_per_session_pence: s.cost.price_per_session_pence,
    }
}

/// "Waiting list (checked 21 November 2026)" for services without spaces.
fn vacancy_alert(s: &Listed) -> Option<String> {
    let what = match s.vacancy.status {
        VacancyStatus::Spaces => return None,
        VacancyStatus::WaitingList => "There is a waiting list",
        VacancyStatus::Full => "There are no spaces at the moment",
    };
    Some(format!("{what} (checked {}).", s.vacancy.confirmed))
}

/// "£12.50 a session. Lunch £3.50 extra."
fn fees(cost: &Cost) -> String {
    let summary = cost.summary();
    let notes = cost.notes.trim();
    if notes.is_empty() {
        summary
    } else if notes.starts_with(&summary) {
        notes.to_string()
    } else {
        format!("{summary}. {notes}")
    }
}

fn cost_options(s: &Listed) -> Vec<CostOption> {
    let service_id = ids::service(&s.id);
    let mut kinds = s.cost.kinds.clone();
    if kinds.is_empty() && s.cost.price_per_session_pence.is_some() {
        kinds.push(CostKind::PaySession);
    }
    kinds
        .into_iter()
        .map(|kind| {
            let (amount, amount_description) = match (kind, s.cost.price_per_session_pence) {
                (CostKind::Free, _) => (Some(0.0), None),
                (CostKind::PaySession, Some(pence)) => (
                    Some(f64::from(pence) / 100.0),
                    Some(format!("{} a session", format_pounds(pence))),
                ),
                _ => (None, None),
            };
            CostOption {
                id: ids::cost_option(&s.id, kind.slug()),
                service_id: Some(service_id.clone()),
                option: Some(kind.label().to_string()),
                amount,
                amount_description,
            }
        })
        .collect()
}

fn contact(listing: &Listing) -> Option<Contact> {
    let s = &listing.service;
    let c = &s.contact;
    let phone = c.phone.clone().filter(|p| !p.trim().is_empty());
    let email = c.email.clone().filter(|e| is_email(e));
    if c.name.is_none() && phone.is_none() && email.is_none() {
        return None;
    }
    let id = ids::contact(&s.id);
    Some(Contact {
        phones: phone
            .map(|number| Phone {
                id: ids::phone("service", &s.id),
                contact_id: Some(id.clone()),
                number,
            })
            .into_iter()
            .collect(),
        service_id: Some(ids::service(&s.id)),
        name: c.name.clone().filter(|n| !n.trim().is_empty()),
        title: None,
        email,
        id,
    })
}

/// The weekly sessions as iCalendar recurrences: one schedule per opening hours, with
/// every day that has those hours (`byday: MO,WE`). A service arranged one to one gets
/// one schedule that says so.
pub fn schedules(listing: &Listing) -> Vec<Schedule> {
    let s = &listing.service;
    let service_id = ids::service(&s.id);
    let attending = attending_type(listing);
    let mut notes: Vec<String> = Vec::new();
    if !s.schedule_notes.trim().is_empty() {
        notes.push(s.schedule_notes.trim().to_string());
    }
    if let Some(weeks) = s.duration_weeks {
        notes.push(format!("A course of {weeks} weeks."));
    }
    let notes = (!notes.is_empty()).then(|| notes.join(" "));

    let mut by_hours: BTreeMap<(ClockTime, ClockTime), Vec<Weekday>> = BTreeMap::new();
    for session in &s.sessions {
        let days = by_hours.entry((session.start, session.end)).or_default();
        if !days.contains(&session.day) {
            days.push(session.day);
        }
    }
    let mut groups: Vec<_> = by_hours.into_iter().collect();
    for (_, days) in &mut groups {
        days.sort();
    }
    groups.sort_by_key(|((start, _), days)| (days.first().map(|d| d.index()), *start));

    if groups.is_empty() {
        if notes.is_none() {
            return Vec::new();
        }
        return vec![Schedule {
            id: ids::schedule(&s.id, "arranged"),
            service_id: Some(service_id),
            description: notes.clone(),
            attending_type: Some(attending.into()),
            ..Default::default()
        }];
    }
    groups
        .into_iter()
        .map(|((start, end), days)| Schedule {
            id: ids::schedule(&s.id, &format!("{start}-{end}")),
            service_id: Some(service_id.clone()),
            freq: Some(Freq::Weekly),
            interval: Some(1),
            byday: Some(
                days.iter()
                    .map(|&d| crate::oruk::filter::ical_day(d))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            description: Some(format!(
                "{}, {} to {}",
                plural_days(&days),
                start.friendly(),
                end.friendly()
            )),
            opens_at: Some(start.to_string()),
            closes_at: Some(end.to_string()),
            attending_type: Some(attending.into()),
            notes: notes.clone(),
        })
        .collect()
}

/// How people attend: in person at the place, online, or at home.
fn attending_type(listing: &Listing) -> &'static str {
    let kinds = &listing.service.kinds;
    if listing.location.is_some() {
        "In person"
    } else if kinds.contains(&Kind::Online) {
        "Online"
    } else if kinds.contains(&Kind::Outreach) {
        "At home"
    } else {
        "Arranged with you"
    }
}

/// "Saturdays", "Mondays and Wednesdays", "Mondays, Tuesdays and Fridays".
fn plural_days(days: &[Weekday]) -> String {
    let names: Vec<String> = days.iter().map(|d| format!("{}s", d.label())).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// An absolute web address, as the schemas' `uri` format wants.
fn is_web_address(s: &str) -> bool {
    crate::model::WebAddress::parse(s).is_ok()
}

/// Something shaped like an email address.
fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Session, Weekday};

    fn listing(id: &str) -> Listing {
        let directory = crate::sample::cheshire_east();
        crate::engine::listings_of(&directory)
            .into_iter()
            .find(|l| l.service.id == id)
            .expect("the sample has this service")
    }

    #[test]
    fn the_saturday_memory_club_meets_weekly_on_saturday_mornings() {
        let club = listing("crewe-saturday-memory-club");
        let schedules = schedules(&club);
        assert_eq!(schedules.len(), 1);
        let s = &schedules[0];
        assert_eq!(s.freq, Some(Freq::Weekly));
        assert_eq!(s.byday.as_deref(), Some("SA"));
        assert_eq!(s.opens_at.as_deref(), Some("10:00"));
        assert_eq!(s.closes_at.as_deref(), Some("12:30"));
        assert_eq!(s.description.as_deref(), Some("Saturdays, 10am to 12:30pm"));
    }

    #[test]
    fn days_with_the_same_hours_share_one_schedule() {
        let mut centre = listing("crewe-saturday-memory-club");
        let t = |s: &str| s.parse::<ClockTime>().unwrap();
        centre.service.sessions = vec![
            Session {
                day: Weekday::Wednesday,
                start: t("10:00"),
                end: t("15:00"),
            },
            Session {
                day: Weekday::Monday,
                start: t("10:00"),
                end: t("15:00"),
            },
            Session {
                day: Weekday::Friday,
                start: t("18:00"),
                end: t("20:00"),
            },
        ];
        let schedules = schedules(&centre);
        let days: Vec<_> = schedules
            .iter()
            .map(|s| s.byday.as_deref().unwrap())
            .collect();
        assert_eq!(days, ["MO,WE", "FR"]);
        assert_eq!(
            schedules[0].description.as_deref(),
            Some("Mondays and Wednesdays, 10am to 3pm")
        );
    }

    #[test]
    fn a_full_service_carries_its_terms_its_place_and_our_facts() {
        let club = listing("crewe-saturday-memory-club");
        let out = service(&club, Detail::Full);
        assert_eq!(out.id, ids::service("crewe-saturday-memory-club"));
        let terms: Vec<_> = out
            .attributes
            .iter()
            .filter_map(|a| a.taxonomy_term.as_ref()?.term.clone())
            .collect();
        for slug in ["dementia", "community", "spaces", "free", "self-referral"] {
            assert!(terms.iter().any(|t| t == slug), "{slug} in {terms:?}");
        }
        let place = out.service_at_locations[0].location.as_ref().unwrap();
        assert_eq!(
            place.addresses[0].postal_code,
            club.location.as_ref().unwrap().postcode
        );
        assert!(!place.accessibility.is_empty());
        let ext = out.x_dayfinder.unwrap();
        assert_eq!(ext.vacancy.confirmed, "2026-11-21");
        assert!(ext.easy_read.starts_with("This is a club"));
        assert_eq!(out.contacts[0].phones[0].number, "01632 960550");
    }

    #[test]
    fn a_minimal_service_is_only_its_id_name_status_and_date() {
        let out = serde_json::to_value(service(
            &listing("crewe-saturday-memory-club"),
            Detail::Minimal,
        ))
        .unwrap();
        let keys: Vec<_> = out.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys.len(), 4, "{keys:?}");
        assert_eq!(out["last_modified"], "2026-11-01T00:00:00Z");
    }

    #[test]
    fn only_real_addresses_are_passed_on() {
        assert!(is_web_address("https://example.org/a"));
        assert!(!is_web_address("example.org"));
        assert!(!is_web_address("https:// spaced"));
        assert!(is_email("a@example.org"));
        assert!(!is_email("a@b"));
        assert!(!is_email("not an email"));
    }
}
