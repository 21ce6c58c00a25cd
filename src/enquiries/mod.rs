//! Enquiries: a person asks providers about a place, and hears back. The person sends one
//! request about one service, or up to five from "My list"; each service's provider gets
//! its own enquiry to answer (new, replied, accepted, declined, closed) within the
//! council's response target, counted in working days (`working_days.rs`). Each step
//! puts its emails in the outbox in the same transaction (`crate::outbox`); the person
//! follows the request on a private page reached by an unguessable link, of which the
//! store keeps only a hash.
//!
//! Privacy by design: what identifies the person (name, email or phone, note, and the
//! messages exchanged) is kept apart from what the enquiry was about ([`About`]), and is
//! erased a set time after the last step (the profile's `[enquiries] keep_months`), or at
//! once by `dayfinder enquiries erase`. Provider emails carry no personal details, only
//! a link to the editor's inbox; nothing personal is logged, counted or exported.

mod form;
mod wording;
mod workflow;
pub mod working_days;

pub use crate::model::enquiry::EnquiryForm;
pub use form::{FormProblems, NewRequest};
pub use workflow::{Answer, Chased, Enquiries, EnquiryError, RequestSent, Responded};
pub use working_days::WorkingDays;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use crate::model::enquiry::{Asker, EnquiryStatus, ReplyBy, Wish};
use crate::model::{Need, Weekday};

/// What an enquiry was about: nothing in it identifies the person, so it is kept after
/// the personal details are erased, for the commissioners' counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct About {
    pub service_name: String,
    pub organisation_name: String,
    pub needs: Vec<Need>,
    /// The service's town, when it has a place.
    #[serde(default)]
    pub town: Option<String>,
    pub asker: Asker,
    pub wishes: Vec<Wish>,
    pub days: Vec<Weekday>,
    /// The person asked in the easy-read view: their emails are in easy read too.
    pub easy_read: bool,
}

/// Who asked and what was said: erased after the retention time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub reply_by: ReplyBy,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    pub note: String,
    /// Every answer, oldest first.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The status page's token, for the links in later emails (looked up by its hash;
    /// erased with the rest).
    #[serde(default)]
    pub token: String,
}

/// One answer from the provider (or a council editor for them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub at: Timestamp,
    pub status: EnquiryStatus,
    /// The editor's name.
    pub by: String,
    pub message: String,
}

/// An enquiry as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enquiry {
    pub id: i64,
    pub service_id: String,
    pub organisation_id: String,
    pub status: EnquiryStatus,
    pub sent_at: Timestamp,
    /// When it last changed (sent, answered): the retention time counts from it.
    pub updated_at: Timestamp,
    /// The provider should answer by the end of this day...
    pub due_on: Date,
    /// ...and is reminded on this one if they have not.
    pub remind_on: Date,
    pub reminded_at: Option<Timestamp>,
    pub escalated_at: Option<Timestamp>,
    /// Counts changes, so that two editors answering at once cannot overwrite each other.
    pub version: i64,
    pub about: About,
    /// `None` once erased.
    pub person: Option<Person>,
}

impl Enquiry {
    /// Whether the provider has not answered and the target has passed (`today` in the UK).
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.awaits_reply() && today > self.due_on
    }
}

/// An enquiry to keep, as the workflow makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEnquiry {
    pub service_id: String,
    pub organisation_id: String,
    pub due_on: Date,
    pub remind_on: Date,
    pub about: About,
    pub person: Person,
}

/// How a request's enquiries are stored together: the hash of the status page's token,
/// the key the erasure command finds the person by, and the client's scrambled address
/// for the limit on requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestKeys {
    pub token_hash: String,
    /// The normalised email address or phone digits ([`contact_key`]).
    pub contact_key: String,
    pub client_hash: String,
}

/// The key a person is found by for erasure: their email address in lower case, or
/// their phone number's digits (a leading 44 read as 0).
pub fn contact_key(email_or_phone: &str) -> String {
    let text = email_or_phone.trim();
    if text.contains('@') {
        return text.to_lowercase();
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("44") {
        Some(rest) if text.starts_with('+') => format!("0{rest}"),
        _ => digits,
    }
}

/// The council's settings for enquiries (the profile's `[enquiries]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquirySettings {
    /// Working days a provider has to answer.
    pub response_working_days: u32,
    /// Months after an enquiry's last step that its personal details are erased.
    pub keep_months: u32,
    pub working_days: WorkingDays,
}

impl Default for EnquirySettings {
    fn default() -> Self {
        EnquirySettings {
            response_working_days: 10,
            keep_months: crate::retention::ENQUIRY_MONTHS_AFTER_LAST_STEP,
            working_days: WorkingDays::default(),
        }
    }
}

/// How many requests one client may send in [`crate::moderation::REPORT_WINDOW`] (an
/// hour): enough for a social worker's afternoon, few enough to stop a flood.
pub const MAX_REQUESTS_PER_CLIENT: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_is_found_however_they_write_their_email_or_phone() {
        assert_eq!(contact_key(" Sam@Example.ORG "), "sam@example.org");
        assert_eq!(contact_key("01632 960 123"), "01632960123");
        assert_eq!(contact_key("+44 1632 960123"), "01632960123");
    }
}
