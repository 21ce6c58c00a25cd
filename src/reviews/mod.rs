//! Listings that stay true by themselves: the review cycle the server runs. Counted from
//! the day a person last confirmed a listing (`Service::last_reviewed`), its provider's
//! editors are reminded (twice), then the council's editors are told, then the council's
//! choice for overdue listings applies (a warning, or out of search until confirmed).
//! The months are the council profile's `[reviews]`.
//!
//! Each stage is sent once for each confirmation date: the store marks it and queues its
//! emails in one transaction, so a restart or a second node never sends it twice, and a
//! server that was down catches up with the latest stage due (not every stage missed).
//! A reminder carries a one-click link per listing and editor: random, single purpose,
//! expiring, kept only as a hash; using it records a human check in the audit log.

mod wording;
mod workflow;

pub use workflow::{Confirmed, LinkState, ReviewPass, Reviews};

use jiff::ToSpan;
use jiff::civil::Date;

/// What the council wants for listings past `overdue_months`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WhenOverdue {
    /// Keep them in search, with a warning on the listing.
    #[default]
    Warn,
    /// Take them out of search until someone confirms them (the page still opens).
    Hide,
}

/// The council's review cycle (the profile's `[reviews]`), in months after the last
/// confirmation, each later than the one before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewSettings {
    pub first_reminder_months: u32,
    pub second_reminder_months: u32,
    pub tell_council_months: u32,
    pub overdue_months: u32,
    pub when_overdue: WhenOverdue,
    /// Days a one-click link works.
    pub link_days: u32,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        ReviewSettings {
            first_reminder_months: 5,
            second_reminder_months: 6,
            tell_council_months: 9,
            overdue_months: 12,
            when_overdue: WhenOverdue::Warn,
            link_days: 30,
        }
    }
}

/// A step of the cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReviewStage {
    /// The provider's editors are asked to confirm.
    FirstReminder,
    /// Asked again; the public listing says it may be out of date.
    SecondReminder,
    /// The council's editors are told.
    CouncilTold,
    /// The council's choice applies (`WhenOverdue`), and its editors are told.
    Overdue,
}

impl ReviewStage {
    pub const ALL: [ReviewStage; 4] = [
        ReviewStage::FirstReminder,
        ReviewStage::SecondReminder,
        ReviewStage::CouncilTold,
        ReviewStage::Overdue,
    ];

    /// As the store keeps it.
    pub fn slug(self) -> &'static str {
        match self {
            ReviewStage::FirstReminder => "first-reminder",
            ReviewStage::SecondReminder => "second-reminder",
            ReviewStage::CouncilTold => "council-told",
            ReviewStage::Overdue => "overdue",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ReviewStage> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Whether it goes to the provider's editors (else to the council's).
    pub fn is_for_provider(self) -> bool {
        matches!(
            self,
            ReviewStage::FirstReminder | ReviewStage::SecondReminder
        )
    }
}

impl ReviewSettings {
    fn months(&self, stage: ReviewStage) -> u32 {
        match stage {
            ReviewStage::FirstReminder => self.first_reminder_months,
            ReviewStage::SecondReminder => self.second_reminder_months,
            ReviewStage::CouncilTold => self.tell_council_months,
            ReviewStage::Overdue => self.overdue_months,
        }
    }

    /// The day a listing confirmed on `last_reviewed` reaches `stage`.
    pub fn due_on(&self, stage: ReviewStage, last_reviewed: Date) -> Date {
        last_reviewed
            .checked_add(i64::from(self.months(stage)).months())
            .unwrap_or(Date::MAX)
    }

    /// The latest stage a listing confirmed on `last_reviewed` has reached by `today`.
    pub fn stage_reached(&self, last_reviewed: Date, today: Date) -> Option<ReviewStage> {
        ReviewStage::ALL
            .into_iter()
            .rev()
            .find(|&stage| self.due_on(stage, last_reviewed) <= today)
    }

    /// Whether the listing is overdue and the council hides overdue listings from search.
    pub fn hidden_from_search(&self, last_reviewed: Date, today: Date) -> bool {
        self.when_overdue == WhenOverdue::Hide
            && self.due_on(ReviewStage::Overdue, last_reviewed) <= today
    }

    /// The earliest confirmation date a listing shown in search may have on `today`, when
    /// overdue listings are hidden.
    pub fn oldest_shown(&self, today: Date) -> Option<Date> {
        (self.when_overdue == WhenOverdue::Hide).then(|| {
            today
                .checked_sub(i64::from(self.overdue_months).months())
                .unwrap_or(Date::MIN)
                .tomorrow()
                .unwrap_or(Date::MIN)
        })
    }
}

/// A listing that has reached a stage, for the store to mark once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DueReview {
    pub service_id: String,
    /// The confirmation the stage counts from: a new one starts the cycle again.
    pub reviewed_on: Date,
    pub stage: ReviewStage,
}

/// A one-click link to keep with a reminder: only the hash of its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReviewLink {
    pub token_hash: String,
    pub service_id: String,
    pub reviewed_on: Date,
    /// The editor it was sent to, who is named in the audit log when it is used.
    pub account_id: i64,
    pub expires_at: jiff::Timestamp,
}

/// A one-click link as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewLink {
    pub service_id: String,
    pub reviewed_on: Date,
    pub account_id: i64,
    pub created_at: jiff::Timestamp,
    pub expires_at: jiff::Timestamp,
    pub used_at: Option<jiff::Timestamp>,
}

/// Whether a token could be one we made (64 hex digits): anything else is not looked up.
pub fn plausible_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn each_stage_comes_at_its_month_and_the_latest_reached_is_the_one_due() {
        let settings = ReviewSettings::default();
        let confirmed = day("2026-01-15");
        assert_eq!(settings.stage_reached(confirmed, day("2026-06-14")), None);
        assert_eq!(
            settings.stage_reached(confirmed, day("2026-06-15")),
            Some(ReviewStage::FirstReminder)
        );
        assert_eq!(
            settings.stage_reached(confirmed, day("2026-07-15")),
            Some(ReviewStage::SecondReminder)
        );
        assert_eq!(
            settings.stage_reached(confirmed, day("2026-10-15")),
            Some(ReviewStage::CouncilTold)
        );
        // Down for a year: only the latest stage is due.
        assert_eq!(
            settings.stage_reached(confirmed, day("2027-03-01")),
            Some(ReviewStage::Overdue)
        );
    }

    #[test]
    fn only_a_council_that_hides_overdue_listings_takes_them_out_of_search() {
        let mut settings = ReviewSettings::default();
        let confirmed = day("2025-01-15");
        assert!(!settings.hidden_from_search(confirmed, day("2026-02-01")));
        settings.when_overdue = WhenOverdue::Hide;
        assert!(settings.hidden_from_search(confirmed, day("2026-01-15")));
        assert!(!settings.hidden_from_search(confirmed, day("2026-01-14")));
        assert_eq!(
            settings.oldest_shown(day("2026-01-15")),
            Some(day("2025-01-16"))
        );
    }

    #[test]
    fn stages_read_back_from_the_store() {
        for stage in ReviewStage::ALL {
            assert_eq!(ReviewStage::from_slug(stage.slug()), Some(stage));
        }
        assert!(plausible_token(&"a1".repeat(32)));
        assert!(!plausible_token("../etc"));
    }
}
