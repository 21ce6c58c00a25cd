//! The text fields of a listing, an event, a place and a provider: what each is called in
//! a message, how long it may be, and whether it must be there. The editors' forms check
//! what people type against these rules, importers fit what a feed sends to them (with a
//! warning), and the directory's own check refuses what breaks them, so a listing that
//! came in by import can always be saved again in the editor.

use super::{Event, Location, Organisation, Service};

/// One text field's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRule {
    /// As a message names it: "the service’s name".
    pub label: &'static str,
    /// The most characters (not bytes) it may hold.
    pub max: usize,
    /// Whether the editors' forms ask for it. What a feed lacks is still stored (the
    /// data-quality report lists it); what is too long never is.
    pub required: bool,
}

/// Why a field's text breaks its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    Missing,
    TooLong,
}

impl TextRule {
    const fn required(label: &'static str, max: usize) -> TextRule {
        TextRule {
            label,
            max,
            required: true,
        }
    }

    const fn optional(label: &'static str, max: usize) -> TextRule {
        TextRule {
            label,
            max,
            required: false,
        }
    }

    /// The text trimmed, when it keeps the rule.
    pub fn check(&self, text: &str) -> Result<String, TextError> {
        let text = text.trim();
        if self.required && text.is_empty() {
            Err(TextError::Missing)
        } else if text.chars().count() > self.max {
            Err(TextError::TooLong)
        } else {
            Ok(text.to_string())
        }
    }

    /// What to tell a person whose text breaks the rule: "Enter the service’s name",
    /// "The service’s name must be 120 characters or fewer".
    pub fn message(&self, error: TextError) -> String {
        match error {
            TextError::Missing => format!("Enter {}", self.label),
            TextError::TooLong => {
                format!(
                    "{} must be {} characters or fewer",
                    capitalise(self.label),
                    self.max
                )
            }
        }
    }

    /// The text cut to fit, at the last space before the limit where there is one, with
    /// "…"; `None` when it already fits. For importers, which cannot ask.
    pub fn fit(&self, text: &str) -> Option<String> {
        if text.chars().count() <= self.max {
            return None;
        }
        let keep: String = text.chars().take(self.max.saturating_sub(1)).collect();
        let cut = match keep.rfind(char::is_whitespace) {
            Some(at) if at > keep.len() / 2 => keep[..at].trim_end().to_string(),
            _ => keep,
        };
        Some(format!("{cut}…"))
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A service's text fields.
pub mod service {
    use super::TextRule;

    pub const NAME: TextRule = TextRule::required("the service’s name", 120);
    pub const SUMMARY: TextRule = TextRule::required("a summary of one or two sentences", 400);
    pub const DESCRIPTION: TextRule = TextRule::required("a description", 5_000);
    /// All the activities together, one a line.
    pub const ACTIVITIES: TextRule = TextRule::optional("the activities", 2_000);
    /// The most activities a service lists.
    pub const MAX_ACTIVITIES: usize = 30;
    pub const EASY_READ: TextRule = TextRule::optional("an easy read summary", 1_500);
    pub const SCHEDULE_NOTES: TextRule = TextRule::optional("the timetable notes", 300);
    pub const ELIGIBILITY_NOTES: TextRule = TextRule::optional("who can go", 500);
    pub const COST_NOTES: TextRule = TextRule::optional("the cost notes", 300);
    pub const CONTACT_NAME: TextRule = TextRule::optional("the contact’s name", 120);
}

/// An event's text fields.
pub mod event {
    use super::TextRule;

    pub const PLACE_POSTCODE: TextRule = TextRule::optional("postcode", 10);

    pub const TITLE: TextRule = TextRule::required("the event’s title", 120);
    pub const DESCRIPTION: TextRule = TextRule::required("what happens at the event", 3_000);
    pub const PLACE_NAME: TextRule = TextRule::optional("name of the place", 120);
    pub const PLACE_ADDRESS: TextRule = TextRule::optional("address", 200);
    pub const PLACE_TOWN: TextRule = TextRule::optional("town", 60);
    pub const AUDIENCE_NOTES: TextRule = TextRule::optional("notes on who it is for", 300);
    pub const COST_NOTES: TextRule = TextRule::optional("cost notes", 300);
    pub const BOOKING_NOTES: TextRule = TextRule::optional("booking notes", 300);
}

/// The ways to get in touch that listings, events and providers give (checked further by
/// `PhoneNumber`, `Email` and `WebAddress`).
pub mod contact {
    use super::TextRule;

    pub const PHONE: TextRule =
        TextRule::optional("the phone number", crate::model::phone::MAX_PHONE);
    pub const EMAIL: TextRule = TextRule::optional("the email address", 200);
    pub const WEBSITE: TextRule = TextRule::optional("the website", 300);
}

/// A place's text fields.
pub mod location {
    use super::TextRule;

    pub const NAME: TextRule = TextRule::required("the name of the place", 120);
    pub const ADDRESS: TextRule = TextRule::required("the address", 200);
    pub const TOWN: TextRule = TextRule::required("the town", 60);
    pub const ACCESS_NOTES: TextRule = TextRule::optional("the access notes", 500);
}

/// A provider's text fields.
pub mod organisation {
    use super::TextRule;

    pub const NAME: TextRule = TextRule::required("the provider’s name", 120);
    pub const DESCRIPTION: TextRule = TextRule::optional("a description of the provider", 2_000);
}

/// A field that breaks its rule: its name in the record and what is wrong.
pub type Broken = (&'static str, TextRule, TextError);

fn broken(out: &mut Vec<Broken>, field: &'static str, rule: TextRule, text: &str) {
    if let Err(error) = rule.check(text) {
        out.push((field, rule, error));
    }
}

impl Service {
    /// Every text field that breaks its rule.
    pub fn broken_fields(&self) -> Vec<Broken> {
        let mut out = Vec::new();
        broken(&mut out, "name", service::NAME, &self.name);
        broken(&mut out, "summary", service::SUMMARY, &self.summary);
        broken(
            &mut out,
            "description",
            service::DESCRIPTION,
            &self.description,
        );
        broken(
            &mut out,
            "activities",
            service::ACTIVITIES,
            &self.activities.join("\n"),
        );
        broken(&mut out, "easy_read", service::EASY_READ, &self.easy_read);
        broken(
            &mut out,
            "schedule_notes",
            service::SCHEDULE_NOTES,
            &self.schedule_notes,
        );
        broken(
            &mut out,
            "eligibility_notes",
            service::ELIGIBILITY_NOTES,
            &self.eligibility.notes,
        );
        broken(
            &mut out,
            "cost_notes",
            service::COST_NOTES,
            &self.cost.notes,
        );
        if let Some(name) = &self.contact.name {
            broken(&mut out, "contact_name", service::CONTACT_NAME, name);
        }
        out
    }

    /// Cuts every over-long text field to fit its rule; says which were cut.
    pub fn fit_to_rules(&mut self) -> Vec<&'static str> {
        let mut cut = Vec::new();
        let mut fit = |field: &'static str, rule: TextRule, text: &mut String| {
            if let Some(shorter) = rule.fit(text) {
                *text = shorter;
                cut.push(field);
            }
        };
        fit("name", service::NAME, &mut self.name);
        fit("summary", service::SUMMARY, &mut self.summary);
        fit("description", service::DESCRIPTION, &mut self.description);
        fit("easy_read", service::EASY_READ, &mut self.easy_read);
        fit(
            "schedule_notes",
            service::SCHEDULE_NOTES,
            &mut self.schedule_notes,
        );
        fit(
            "eligibility_notes",
            service::ELIGIBILITY_NOTES,
            &mut self.eligibility.notes,
        );
        fit("cost_notes", service::COST_NOTES, &mut self.cost.notes);
        if let Some(name) = &mut self.contact.name {
            fit("contact_name", service::CONTACT_NAME, name);
        }
        let before = self.activities.len();
        self.activities.truncate(service::MAX_ACTIVITIES);
        while self.activities.join("\n").chars().count() > service::ACTIVITIES.max {
            self.activities.pop();
        }
        if self.activities.len() < before {
            cut.push("activities");
        }
        cut
    }
}

impl Event {
    /// Every text field that breaks its rule.
    pub fn broken_fields(&self) -> Vec<Broken> {
        let mut out = Vec::new();
        broken(&mut out, "title", event::TITLE, &self.title);
        broken(
            &mut out,
            "description",
            event::DESCRIPTION,
            &self.description,
        );
        broken(&mut out, "place_name", event::PLACE_NAME, &self.place.name);
        broken(
            &mut out,
            "place_address",
            event::PLACE_ADDRESS,
            &self.place.address,
        );
        broken(&mut out, "place_town", event::PLACE_TOWN, &self.place.town);
        broken(
            &mut out,
            "audience_notes",
            event::AUDIENCE_NOTES,
            &self.audience.notes,
        );
        broken(&mut out, "cost_notes", event::COST_NOTES, &self.cost_notes);
        out
    }
}

impl Location {
    /// Every text field that breaks its rule.
    pub fn broken_fields(&self) -> Vec<Broken> {
        let mut out = Vec::new();
        broken(&mut out, "name", location::NAME, &self.name);
        // Outreach and online places may have no street address.
        if !self.address.trim().is_empty() {
            broken(&mut out, "address", location::ADDRESS, &self.address);
        }
        if !self.town.trim().is_empty() {
            broken(&mut out, "town", location::TOWN, &self.town);
        }
        broken(
            &mut out,
            "access_notes",
            location::ACCESS_NOTES,
            &self.access_notes,
        );
        out
    }

    /// Cuts every over-long text field to fit its rule; says which were cut.
    pub fn fit_to_rules(&mut self) -> Vec<&'static str> {
        let mut cut = Vec::new();
        for (field, rule, text) in [
            ("name", location::NAME, &mut self.name),
            ("address", location::ADDRESS, &mut self.address),
            ("town", location::TOWN, &mut self.town),
            (
                "access_notes",
                location::ACCESS_NOTES,
                &mut self.access_notes,
            ),
        ] {
            if let Some(shorter) = rule.fit(text) {
                *text = shorter;
                cut.push(field);
            }
        }
        cut
    }
}

impl Organisation {
    /// Every text field that breaks its rule.
    pub fn broken_fields(&self) -> Vec<Broken> {
        let mut out = Vec::new();
        broken(&mut out, "name", organisation::NAME, &self.name);
        broken(
            &mut out,
            "description",
            organisation::DESCRIPTION,
            &self.description,
        );
        out
    }

    /// Cuts every over-long text field to fit its rule; says which were cut.
    pub fn fit_to_rules(&mut self) -> Vec<&'static str> {
        let mut cut = Vec::new();
        for (field, rule, text) in [
            ("name", organisation::NAME, &mut self.name),
            (
                "description",
                organisation::DESCRIPTION,
                &mut self.description,
            ),
        ] {
            if let Some(shorter) = rule.fit(text) {
                *text = shorter;
                cut.push(field);
            }
        }
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_says_what_is_missing_and_what_is_too_long() {
        let rule = service::NAME;
        assert_eq!(rule.check("  Memory Club "), Ok("Memory Club".to_string()));
        assert_eq!(rule.check("  "), Err(TextError::Missing));
        assert_eq!(rule.message(TextError::Missing), "Enter the service’s name");
        let long = "a".repeat(121);
        assert_eq!(rule.check(&long), Err(TextError::TooLong));
        assert_eq!(
            rule.message(TextError::TooLong),
            "The service’s name must be 120 characters or fewer"
        );
        assert_eq!(service::COST_NOTES.check(""), Ok(String::new()));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(service::NAME.check(&"é".repeat(120)).is_ok());
    }

    #[test]
    fn an_over_long_text_is_cut_at_a_word_with_an_ellipsis() {
        let rule = service::NAME;
        let long = "word ".repeat(40);
        let cut = rule.fit(&long).unwrap();
        assert!(cut.chars().count() <= rule.max, "{cut}");
        assert!(cut.ends_with("word…"), "{cut}");
        assert_eq!(rule.fit("Short"), None);
        // One endless word is cut mid-word rather than lost.
        let word = "x".repeat(500);
        assert_eq!(rule.fit(&word).unwrap().chars().count(), rule.max);
    }
}
