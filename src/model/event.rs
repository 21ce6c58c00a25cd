//! Open days, drop-ins, taster sessions and transition events: dated happenings that a
//! provider runs, attached to one of its services or to the provider as a whole.
//!
//! Events are not part of Open Referral UK 3.0, so its import and export leave them out.
//! Times are local (UK) civil times, as people write them: "Tuesday 2 December, 10am".

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

use super::listing::{Organisation, format_pounds};
use super::taxonomy::{Need, Term, vocabulary};

/// The ages "young adults" means on this site: the span of preparing for adulthood, from
/// 16 (transition planning at school) to 25 (the end of an EHC plan).
pub const YOUNG_ADULT_AGES: (u8, u8) = (16, 25);

vocabulary! {
    /// What kind of event it is.
    EventKind {
        OpenDay => "open-day", "Open day", ["open days", "open afternoon", "open morning", "visit"];
        DropIn => "drop-in", "Drop-in session", ["drop in", "dropin", "coffee morning"];
        Taster => "taster", "Taster session", ["taster", "try it", "trial session", "come and try"];
        Transition => "transition", "Preparing for adulthood event", ["planning for adulthood", "transition", "pfa", "moving to adult services"];
        Information => "information", "Information session", ["information morning", "advice session", "talk"];
    }
}

/// Where an event happens: a location of the directory, or an address of its own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventPlace {
    /// A location in the directory; its name, address and town are used when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    /// The building: "Crewe Lifestyle Centre".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub postcode: String,
    /// The town as the directory writes it ("Holmes Chapel"); taken from the location
    /// when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub town: String,
}

impl EventPlace {
    /// "Brookhouse Resource Centre, 48 West Street, Crewe CW1 1GY".
    pub fn one_line(&self) -> String {
        let town = [self.town.as_str(), self.postcode.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        [self.name.as_str(), self.address.as_str(), town.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Who an event is for. No needs and no ages means anyone.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Audience {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Need>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<u8>,
    /// "Young people with an EHC plan, and their families".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Audience {
    /// "Learning disability or Autism. Ages 16 to 25. Young people with an EHC plan."
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.needs.is_empty() {
            parts.push("Everyone is welcome".to_string());
        } else {
            let labels: Vec<&str> = self.needs.iter().map(|n| n.label()).collect();
            parts.push(match labels.as_slice() {
                [one] => one.to_string(),
                [init @ .., last] => format!("{} or {last}", init.join(", ")),
                [] => String::new(),
            });
        }
        parts.extend(self.ages());
        if !self.notes.is_empty() {
            parts.push(self.notes.clone());
        }
        parts
            .iter()
            .map(|p| p.trim_end_matches('.'))
            .collect::<Vec<_>>()
            .join(". ")
            + "."
    }

    /// Whether the event's ages overlap `from..=to` (an event for 16 to 19 year olds suits
    /// young adults; one for over 65s does not).
    pub fn overlaps_ages(&self, from: u8, to: u8) -> bool {
        self.minimum_age.unwrap_or(0) <= to && self.maximum_age.unwrap_or(u8::MAX) >= from
    }

    /// "Ages 16 to 25", "Ages 18 and over", or nothing when open to all ages.
    pub fn ages(&self) -> Option<String> {
        match (self.minimum_age, self.maximum_age) {
            (Some(min), Some(max)) => Some(format!("Ages {min} to {max}")),
            (Some(min), None) => Some(format!("Ages {min} and over")),
            (None, Some(max)) => Some(format!("Ages up to {max}")),
            (None, None) => None,
        }
    }
}

/// Whether and how to book.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Booking {
    /// Whether people must book; otherwise they may just turn up.
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A booking page on the provider's site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The last day to book.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Booking {
    /// "Booking needed by Friday 28 November 2026: phone 01632 960177 or email
    /// x@example.org." or "No need to book." with the notes after.
    pub fn summary(&self) -> String {
        let mut out = if self.required {
            let mut ways = Vec::new();
            if let Some(phone) = &self.phone {
                ways.push(format!("phone {phone}"));
            }
            if let Some(email) = &self.email {
                ways.push(format!("email {email}"));
            }
            if let Some(link) = &self.link {
                ways.push(format!("book online at {link}"));
            }
            let by = self
                .by
                .map(|d| format!(" by {}", long_date(d)))
                .unwrap_or_default();
            match ways.as_slice() {
                [] => format!("Booking needed{by}."),
                [one] => format!("Booking needed{by}: {one}."),
                [init @ .., last] => format!("Booking needed{by}: {} or {last}.", init.join(", ")),
            }
        } else {
            "No need to book.".to_string()
        };
        if !self.notes.is_empty() {
            out.push(' ');
            out.push_str(&self.notes);
        }
        out
    }
}

/// One open day, drop-in, taster session or transition event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// A stable, readable id that is also the event's URL: `brookhouse-open-day-spring`.
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    /// What happens, in paragraphs separated by blank lines.
    pub description: String,
    /// Local (UK) time.
    pub start: DateTime,
    pub end: DateTime,
    /// The service it belongs to; an event may belong to a provider alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// The provider running it; taken from the service when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<String>,
    pub place: EventPlace,
    #[serde(default)]
    pub audience: Audience,
    /// Price per person in pence; 0 is free.
    #[serde(default)]
    pub price_pence: u32,
    /// "Carers go free", "Lunch provided".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cost_notes: String,
    #[serde(default)]
    pub booking: Booking,
}

impl Event {
    /// "Free", "£5".
    pub fn cost(&self) -> String {
        if self.price_pence == 0 {
            "Free".into()
        } else {
            format_pounds(self.price_pence)
        }
    }

    /// Whether it has not finished by `now` (local time).
    pub fn is_upcoming(&self, now: DateTime) -> bool {
        self.end > now
    }

    /// Whether it suits someone preparing for adulthood: a transition event, or one whose
    /// ages reach into 16 to 25 without being open to every age.
    pub fn suits_young_adults(&self) -> bool {
        let (from, to) = YOUNG_ADULT_AGES;
        self.kind == EventKind::Transition
            || ((self.audience.minimum_age.is_some() || self.audience.maximum_age.is_some())
                && self.audience.overlaps_ages(from, to)
                && self.audience.maximum_age.is_some_and(|max| max <= 30))
    }
}

/// An event with what it refers to resolved: the place filled in from its location, the
/// name of its service, and its provider. What pages and calendars show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventListing {
    pub event: Event,
    /// The service's id and name, when the event belongs to one.
    pub service: Option<(String, String)>,
    pub organisation: Option<Organisation>,
}

impl EventListing {
    /// The provider's id: the event's own, or its service's.
    pub fn organisation_id(&self) -> Option<&str> {
        self.organisation.as_ref().map(|o| o.id.as_str())
    }
}

/// "Tuesday 2 December 2026".
pub fn long_date(d: Date) -> String {
    d.strftime("%A %-d %B %Y").to_string()
}

/// "10am to 12:30pm".
pub fn time_span(start: DateTime, end: DateTime) -> String {
    let t = |dt: DateTime| {
        let (h, m) = (dt.hour(), dt.minute());
        let suffix = if h < 12 { "am" } else { "pm" };
        let h12 = match h % 12 {
            0 => 12,
            h => h,
        };
        if m == 0 {
            format!("{h12}{suffix}")
        } else {
            format!("{h12}:{m:02}{suffix}")
        }
    };
    if start.date() == end.date() {
        format!("{} to {}", t(start), t(end))
    } else {
        format!("{} to {}, {}", t(start), long_date(end.date()), t(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_kind_slug_names_its_own_kind() {
        for &k in EventKind::all() {
            assert_eq!(EventKind::from_slug(k.slug()), Some(k));
        }
        assert_eq!(
            serde_json::to_string(&EventKind::OpenDay).unwrap(),
            "\"open-day\""
        );
    }

    #[test]
    fn an_event_for_16_to_19_year_olds_suits_young_adults_but_one_for_over_65s_does_not() {
        let young = Audience {
            minimum_age: Some(16),
            maximum_age: Some(19),
            ..Default::default()
        };
        let older = Audience {
            minimum_age: Some(65),
            ..Default::default()
        };
        assert!(young.overlaps_ages(16, 25));
        assert!(!older.overlaps_ages(16, 25));
        assert_eq!(young.ages().as_deref(), Some("Ages 16 to 19"));
        assert_eq!(older.ages().as_deref(), Some("Ages 65 and over"));
    }

    #[test]
    fn a_place_reads_as_one_line() {
        let place = EventPlace {
            name: "Brookhouse Resource Centre".into(),
            address: "48 West Street".into(),
            postcode: "CW1 1GY".into(),
            town: "Crewe".into(),
            location_id: None,
        };
        assert_eq!(
            place.one_line(),
            "Brookhouse Resource Centre, 48 West Street, Crewe CW1 1GY"
        );
    }
}
