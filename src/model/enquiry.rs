//! "Ask about a place": the words an enquiry is made of, shared by the form (in the app,
//! which the browser build compiles too) and the workflow that keeps and answers it
//! (`crate::enquiries`, server only).

use super::taxonomy::{Term, vocabulary};
use serde::{Deserialize, Serialize};

/// The most services one enquiry may ask about (from "My list").
pub const MAX_SERVICES: usize = 5;
/// The longest note a person may add, and the longest reply a provider may write.
pub const MAX_NOTE: usize = 1_000;
pub const MAX_REPLY: usize = 2_000;
/// The longest name accepted.
pub const MAX_NAME: usize = 100;

vocabulary! {
    /// Who is asking.
    Asker {
        Myself => "myself", "For myself", [];
        CareFor => "someone-i-care-for", "For someone I care for", [];
        Professional => "professional", "As a professional (for example a social worker)", [];
    }
}

vocabulary! {
    /// What the person would like.
    Wish {
        Visit => "visit", "A visit to look round", [];
        Taster => "taster", "A taster session", [];
        Place => "place", "A place", [];
        Question => "question", "An answer to a question", [];
    }
}

vocabulary! {
    /// How the person would like to hear back.
    ReplyBy {
        Email => "email", "By email", [];
        Phone => "phone", "By phone", [];
    }
}

vocabulary! {
    /// Where an enquiry has got to.
    EnquiryStatus {
        /// Sent, and not yet answered.
        New => "new", "New", [];
        /// The provider has written back.
        Replied => "replied", "Replied", [];
        /// The provider can offer what was asked.
        Accepted => "accepted", "Accepted", [];
        /// The provider cannot offer it.
        Declined => "declined", "Declined", [];
        /// Finished with.
        Closed => "closed", "Closed", [];
    }
}

impl Asker {
    /// In easy read.
    pub fn easy_label(self) -> &'static str {
        match self {
            Asker::Myself => "For me",
            Asker::CareFor => "For someone I look after",
            Asker::Professional => "I am a worker, like a social worker",
        }
    }
}

impl Wish {
    /// In easy read.
    pub fn easy_label(self) -> &'static str {
        match self {
            Wish::Visit => "Go and look round",
            Wish::Taster => "Try it out one time",
            Wish::Place => "Go there regularly",
            Wish::Question => "Ask a question",
        }
    }

    /// As a sentence names it: "they would like a visit".
    pub fn phrase(self) -> &'static str {
        match self {
            Wish::Visit => "a visit to look round",
            Wish::Taster => "a taster session",
            Wish::Place => "a place",
            Wish::Question => "an answer to a question",
        }
    }
}

impl ReplyBy {
    pub fn easy_label(self) -> &'static str {
        match self {
            ReplyBy::Email => "Send me an email",
            ReplyBy::Phone => "Phone me",
        }
    }
}

impl EnquiryStatus {
    /// Whether the provider has finished with it (accepted, declined or closed).
    pub fn is_ended(self) -> bool {
        matches!(
            self,
            EnquiryStatus::Accepted | EnquiryStatus::Declined | EnquiryStatus::Closed
        )
    }

    /// Whether the provider still owes an answer.
    pub fn awaits_reply(self) -> bool {
        self == EnquiryStatus::New
    }

    /// What the status means to the person who asked.
    pub fn for_the_asker(self) -> &'static str {
        match self {
            EnquiryStatus::New => "Sent. The provider has not replied yet.",
            EnquiryStatus::Replied => "The provider has replied.",
            EnquiryStatus::Accepted => "The provider can offer what you asked for.",
            EnquiryStatus::Declined => "The provider cannot offer what you asked for.",
            EnquiryStatus::Closed => "Closed.",
        }
    }

    /// A tag's colour class on the editor's and the asker's pages.
    pub fn tag_class(self) -> &'static str {
        match self {
            EnquiryStatus::New => "tag tag--yellow",
            EnquiryStatus::Accepted => "tag tag--green",
            EnquiryStatus::Replied | EnquiryStatus::Declined | EnquiryStatus::Closed => {
                "tag tag--grey"
            }
        }
    }
}

/// A term from its slug (the form's values), for any of these vocabularies.
pub fn term<T: Term>(slug: &str) -> Option<T> {
    T::from_slug(slug.trim())
}

/// What was typed into the enquiry form, and what is wrong with it when it comes back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnquiryForm {
    /// The services asked about (their ids).
    pub services: Vec<String>,
    pub asker: String,
    pub name: String,
    pub reply_by: String,
    pub email: String,
    pub phone: String,
    pub wishes: Vec<String>,
    pub days: Vec<String>,
    pub note: String,
    pub consent: bool,
    /// (field id, message), in the form's order.
    pub errors: Vec<(String, String)>,
}

impl EnquiryForm {
    /// The message for a field, if it has one.
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}
