//! The listing model, close to Open Referral UK 3.0: organisations run services, services
//! happen at locations on weekly sessions, with costs, eligibility and contact details.
//! Day-opportunity facts (tier, support needs, vacancy, easy-read summary) sit beside them.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::clock::Session;
use super::taxonomy::{AccessFeature, CostKind, JoinRoute, Kind, Need, Tier, VacancyStatus};

/// A provider: a charity, company, community group or council team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A place where services happen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub id: String,
    /// The building's name, e.g. "Oakley Centre".
    pub name: String,
    pub address: String,
    pub town: String,
    pub postcode: String,
    pub latitude: f64,
    pub longitude: f64,
    /// What the building offers (ORUK's `accessibility` on a location).
    #[serde(default)]
    pub accessibility: Vec<AccessFeature>,
    /// Free words on access: "Lift to first floor", "Level access from car park".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub access_notes: String,
}

/// Who a service is for: its age range and support needs (ORUK `eligibility`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    pub minimum_age: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<u8>,
    /// Anything else: "Must live in Cheshire East", "Diagnosis not needed".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Eligibility {
    /// Whether a person of this age may attend.
    pub fn admits_age(&self, age: u8) -> bool {
        age >= self.minimum_age && self.maximum_age.is_none_or(|max| age <= max)
    }
}

/// What it costs (ORUK `cost_option`), as the ways of paying that apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cost {
    pub kinds: Vec<CostKind>,
    /// The price of one session in pence, for people paying themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_per_session_pence: Option<u32>,
    /// "Lunch £3.50 extra", "Carers go free".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Cost {
    /// "£12.50 a session", "Free", "Funded after a care assessment".
    pub fn summary(&self) -> String {
        if let Some(pence) = self.price_per_session_pence {
            return format!("{} a session", format_pounds(pence));
        }
        self.kinds
            .first()
            .map(|k| k.to_string())
            .unwrap_or_else(|| "Ask the provider".into())
    }
}

/// "£12", "£12.50".
pub fn format_pounds(pence: u32) -> String {
    if pence.is_multiple_of(100) {
        format!("£{}", pence / 100)
    } else {
        format!("£{}.{:02}", pence / 100, pence % 100)
    }
}

/// Whether there is room, and when a person last confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vacancy {
    pub status: VacancyStatus,
    pub confirmed: Date,
}

/// How to get in touch about a service.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// A day opportunity: one listing in the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// A stable, readable id that is also the listing's URL: `crewe-memory-club`.
    pub id: String,
    pub organisation_id: String,
    /// Where it happens; none for outreach at home or online services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    pub name: String,
    /// One or two sentences shown in results.
    pub summary: String,
    /// The full description, in paragraphs separated by blank lines.
    pub description: String,
    /// What people do there: "gardening", "chair yoga", "cooking".
    #[serde(default)]
    pub activities: Vec<String>,
    /// Short sentences in everyday words, for easy-read view.
    pub easy_read: String,
    pub tier: Tier,
    pub kinds: Vec<Kind>,
    pub needs: Vec<Need>,
    /// Weekly timetable; empty for flexible services arranged one to one.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// "Arranged with you" for services without fixed sessions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub schedule_notes: String,
    /// For enablement: how many weeks the course lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_weeks: Option<u8>,
    pub eligibility: Eligibility,
    pub cost: Cost,
    pub join: Vec<JoinRoute>,
    pub vacancy: Vacancy,
    /// Whether the service offers transport to and from it.
    #[serde(default)]
    pub transport: bool,
    pub contact: Contact,
    pub last_reviewed: Date,
}

impl Service {
    /// Whether the service runs on a Saturday or Sunday.
    pub fn runs_at_weekends(&self) -> bool {
        self.sessions.iter().any(|s| s.day.is_weekend())
    }
}

/// A whole directory: what the store holds and the sample file contains.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    /// Where the data comes from, shown on the site ("Sample data: ...").
    #[serde(default)]
    pub source: String,
    pub organisations: Vec<Organisation>,
    pub locations: Vec<Location>,
    pub services: Vec<Service>,
    /// Open days, drop-ins, tasters and transition events (not part of Open Referral UK).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<super::event::Event>,
}

/// A service with the organisation and location it refers to: everything one listing shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub service: Service,
    pub organisation: Organisation,
    pub location: Option<Location>,
}
