//! The ORUK 3.0 objects, field for field as the standard's schemas name them, in the
//! schemas' order. Empty optional fields are left out, never sent as `null`.
//!
//! A few fields come from full HSDS 3.0 where the UK profile has none (a contact's
//! `email` and `phones`, an organisation's `phones`, a service's `eligibility_description`);
//! the profile's schemas allow them. Our own facts are in `x_dayfinder`, documented in
//! `docs/api.md`. Ids are strings so that other feeds' ids can be read too.

use serde::{Deserialize, Serialize};

/// `GET /`: what this API is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiDetails {
    pub version: String,
    pub profile: String,
    pub openapi_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_dayfinder: Option<ApiExtension>,
}

/// Our additions to the API details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiExtension {
    /// Where the data comes from, as the site says it ("Sample data: ..."): the
    /// attribution its licence asks for.
    pub source: String,
    /// The council that publishes the directory, from its profile ("Cheshire East Council").
    #[serde(default)]
    pub publisher: String,
    /// The area the directory covers ("Cheshire East").
    #[serde(default)]
    pub area: String,
    /// The area's local authority (ONS GSS) code, when the profile gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_authority_code: Option<String>,
    /// The postcode districts the area covers ("CW1").
    #[serde(default)]
    pub outward_codes: Vec<String>,
}

/// One page of a list, with the standard's envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// How many items match, across all pages.
    pub total_items: usize,
    /// How many pages there are at this page size (0 when nothing matches).
    pub total_pages: usize,
    /// This page's number, from 1.
    pub page_number: usize,
    /// How many items this page holds.
    pub size: usize,
    pub first_page: bool,
    pub last_page: bool,
    /// Whether this page holds nothing.
    pub empty: bool,
    pub contents: Vec<T>,
}

impl<T> Page<T> {
    /// Page `page_number` (from 1) of `total_items`, `per_page` at a time, holding `contents`.
    pub fn new(
        contents: Vec<T>,
        total_items: usize,
        page_number: usize,
        per_page: usize,
    ) -> Page<T> {
        let total_pages = total_items.div_ceil(per_page.max(1));
        Page {
            total_items,
            total_pages,
            page_number,
            size: contents.len(),
            first_page: page_number <= 1,
            last_page: page_number >= total_pages,
            empty: contents.is_empty(),
            contents,
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            total_items: self.total_items,
            total_pages: self.total_pages,
            page_number: self.page_number,
            size: self.size,
            first_page: self.first_page,
            last_page: self.last_page,
            empty: self.empty,
            contents: self.contents.into_iter().map(f).collect(),
        }
    }
}

/// A service's status (`status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Active,
    Inactive,
    Defunct,
    #[serde(rename = "temporarily closed")]
    TemporarilyClosed,
}

/// A service (`service.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<u32>,
    /// When a person last checked the listing (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assured_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert: Option<String>,
    /// RFC 3339 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_at_locations: Vec<ServiceAtLocation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Box<Organization>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_options: Vec<CostOption>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_dayfinder: Option<ServiceExtension>,
}

/// Our facts about a service that ORUK has no field for.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceExtension {
    /// Our id: the listing's address on the site is `/services/{slug}`.
    pub slug: String,
    /// One or two sentences shown in results.
    pub summary: String,
    /// Short sentences in everyday words.
    pub easy_read: String,
    /// Tier slug: `specialist`, `community` or `enablement`.
    pub tier: String,
    /// Support need slugs (`dementia`...).
    pub needs: Vec<String>,
    /// Kind slugs (`day-centre`...).
    pub kinds: Vec<String>,
    pub vacancy: VacancyExtension,
    /// Ways to join (`self-referral`, `carer`, `social-worker`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub join: Vec<String>,
    /// What people do there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    /// Whether the service offers transport to and from it.
    #[serde(default)]
    pub transport: bool,
    /// For time-limited enablement: how many weeks the course lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_weeks: Option<u32>,
    /// Price of one session in pence, for people paying themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_per_session_pence: Option<u32>,
}

/// Whether there is room, and the day a person last confirmed it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VacancyExtension {
    /// `spaces`, `waiting-list` or `full`.
    pub status: String,
    /// `YYYY-MM-DD`.
    pub confirmed: String,
}

/// An organisation (`organization.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Its services: just ids and names, or fully nested (`full_service=true`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<Service>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_dayfinder: Option<SlugExtension>,
}

/// Our id of an organisation or location.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SlugExtension {
    pub slug: String,
}

/// A service at one location (`service_at_location.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceAtLocation {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The service, in the list and by-id responses of `/service_at_locations`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Box<Service>>,
}

/// Whether a location is a building, an address for post, or online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationType {
    #[default]
    Physical,
    Postal,
    Virtual,
}

/// A place (`location.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Location {
    pub id: String,
    pub location_type: LocationType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<Accessibility>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_dayfinder: Option<SlugExtension>,
}

/// A postal address (`address.json`). `state_province` is required by the schema; we
/// hold no county, so it is empty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Address {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    pub address_1: String,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2: `GB`.
    pub country: String,
    pub address_type: LocationType,
}

/// One access arrangement of a location (`accessibility.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Accessibility {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

/// Whether a schedule repeats every week or every month (iCalendar `FREQ`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Freq {
    Weekly,
    Monthly,
}

/// When a service runs, as an iCalendar (RFC 5545) recurrence (`schedule.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Schedule {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<Freq>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<u32>,
    /// Comma separated iCalendar days: `MO,WE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byday: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `HH:MM`, UK local time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attending_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One way of paying (`cost_option.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CostOption {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// In pounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_description: Option<String>,
}

/// Someone to get in touch with (`contact.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
}

/// A telephone number (`phone.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Phone {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    pub number: String,
}

/// A link from a thing to a taxonomy term (`attribute.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Attribute {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy_term_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy_term: Option<TaxonomyTerm>,
}

/// A vocabulary (`taxonomy.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Taxonomy {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxonomy_terms: Vec<TaxonomyTerm>,
}

/// A word of a vocabulary (`taxonomy_term.json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaxonomyTerm {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// The taxonomy's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy_id: Option<String>,
    /// Our slug for the term (`dementia`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_say_where_they_are() {
        let first = Page::new(vec![1, 2], 5, 1, 2);
        assert_eq!(
            (
                first.total_pages,
                first.size,
                first.first_page,
                first.last_page,
                first.empty
            ),
            (3, 2, true, false, false)
        );
        let last = Page::new(vec![5], 5, 3, 2);
        assert_eq!(
            (last.size, last.first_page, last.last_page),
            (1, false, true)
        );
        let beyond = Page::new(Vec::<u8>::new(), 5, 9, 2);
        assert!(beyond.empty && beyond.last_page);
        let nothing = Page::new(Vec::<u8>::new(), 0, 1, 50);
        assert_eq!(
            (
                nothing.total_pages,
                nothing.first_page,
                nothing.last_page,
                nothing.empty
            ),
            (0, true, true, true)
        );
    }

    #[test]
    fn empty_optional_fields_are_left_out() {
        let json = serde_json::to_value(Service {
            id: "x".into(),
            name: "A".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"id": "x", "name": "A", "status": "active"})
        );
    }
}
