//! Enquiries for commissioners: demand that found a place and demand that did not. Read
//! from what each enquiry was about ([`About`](crate::enquiries::About)) and where it got
//! to, never from who asked: the workflow hands these enquiries over with the person
//! already left out, and nothing here could show them.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::reports::{Period, Table};
use crate::enquiries::{Asker, Enquiry, EnquiryStatus, Wish};
use crate::model::{Need, Term};

/// What a service without a place (online, at home) is grouped under.
pub const NO_FIXED_PLACE: &str = "No fixed place";

/// Where enquiries got to, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EnquiryOutcomes {
    pub sent: u64,
    /// The provider could offer what was asked: demand that found a place.
    pub accepted: u64,
    /// The provider could not: demand that did not.
    pub declined: u64,
    /// Written back to, or closed, without a yes or a no.
    pub answered: u64,
    /// Not answered yet...
    pub unanswered: u64,
    /// ...of which past the response target.
    pub overdue: u64,
}

impl EnquiryOutcomes {
    fn add(&mut self, enquiry: &Enquiry, today: Date) {
        self.sent += 1;
        match enquiry.status {
            EnquiryStatus::Accepted => self.accepted += 1,
            EnquiryStatus::Declined => self.declined += 1,
            EnquiryStatus::Replied | EnquiryStatus::Closed => self.answered += 1,
            EnquiryStatus::New => {
                self.unanswered += 1;
                if enquiry.is_overdue(today) {
                    self.overdue += 1;
                }
            }
        }
    }

    fn cells(&self) -> [String; 6] {
        [
            self.sent,
            self.accepted,
            self.declined,
            self.answered,
            self.unanswered,
            self.overdue,
        ]
        .map(|n| n.to_string())
    }
}

/// The outcome columns of every enquiry table, in [`EnquiryOutcomes::cells`]' order.
const OUTCOME_COLUMNS: [&str; 6] = [
    "Enquiries",
    "Accepted",
    "Declined",
    "Answered without a yes or no",
    "Not answered",
    "Not answered past the target",
];

/// Enquiries about services for one need in one town.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryRow {
    pub need: Need,
    /// The service's town, or [`NO_FIXED_PLACE`].
    pub town: String,
    pub outcomes: EnquiryOutcomes,
}

/// Enquiries sent in a period, by where they got to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryDemand {
    pub period: Period,
    pub total: EnquiryOutcomes,
    /// An enquiry about a service for two needs counts under each; most enquiries first.
    pub by_need_and_town: Vec<EnquiryRow>,
    /// By what the person would like; an enquiry asking for two things counts under each.
    pub by_wish: Vec<(Wish, EnquiryOutcomes)>,
    /// By who was asking.
    pub by_asker: Vec<(Asker, EnquiryOutcomes)>,
}

impl EnquiryDemand {
    /// The report on `enquiries` sent in `period`, as they stand on `today` (UK).
    pub fn of(period: Period, enquiries: &[Enquiry], today: Date) -> EnquiryDemand {
        let mut total = EnquiryOutcomes::default();
        let mut groups: BTreeMap<(Need, String), EnquiryOutcomes> = BTreeMap::new();
        let mut wishes: BTreeMap<Wish, EnquiryOutcomes> = BTreeMap::new();
        let mut askers: BTreeMap<Asker, EnquiryOutcomes> = BTreeMap::new();
        for enquiry in enquiries {
            let about = &enquiry.about;
            total.add(enquiry, today);
            let town = about
                .town
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| NO_FIXED_PLACE.to_string());
            let mut needs = about.needs.clone();
            needs.sort();
            needs.dedup();
            for need in needs {
                groups
                    .entry((need, town.clone()))
                    .or_default()
                    .add(enquiry, today);
            }
            let mut asked = about.wishes.clone();
            asked.sort();
            asked.dedup();
            for wish in asked {
                wishes.entry(wish).or_default().add(enquiry, today);
            }
            askers.entry(about.asker).or_default().add(enquiry, today);
        }
        let mut by_need_and_town: Vec<EnquiryRow> = groups
            .into_iter()
            .map(|((need, town), outcomes)| EnquiryRow {
                need,
                town,
                outcomes,
            })
            .collect();
        // Most enquiries first; the BTreeMap's order (need, town) breaks ties.
        by_need_and_town.sort_by_key(|r| std::cmp::Reverse(r.outcomes.sent));
        EnquiryDemand {
            period,
            total,
            by_need_and_town,
            by_wish: wishes.into_iter().collect(),
            by_asker: askers.into_iter().collect(),
        }
    }

    /// Enquiries by need and town, with their outcomes.
    pub fn need_and_town_table(&self) -> Table {
        let mut table = Table::new(&[&["Need", "Town"][..], &OUTCOME_COLUMNS[..]].concat());
        for row in &self.by_need_and_town {
            let mut cells = vec![row.need.label().to_string(), row.town.clone()];
            cells.extend(row.outcomes.cells());
            table.rows.push(cells);
        }
        table
    }

    /// Enquiries by what the person would like.
    pub fn wish_table(&self) -> Table {
        outcome_table("Asked for", &self.by_wish)
    }

    /// Enquiries by who was asking.
    pub fn asker_table(&self) -> Table {
        outcome_table("Who was asking", &self.by_asker)
    }
}

fn outcome_table<T: Term>(first: &str, rows: &[(T, EnquiryOutcomes)]) -> Table {
    let mut table = Table::new(&[&[first][..], &OUTCOME_COLUMNS[..]].concat());
    for (term, outcomes) in rows {
        let mut cells = vec![term.label().to_string()];
        cells.extend(outcomes.cells());
        table.rows.push(cells);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enquiries::About;
    use jiff::Timestamp;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn enquiry(needs: &[Need], town: Option<&str>, status: EnquiryStatus, due: &str) -> Enquiry {
        Enquiry {
            id: 1,
            service_id: "s".into(),
            organisation_id: "o".into(),
            status,
            sent_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            due_on: day(due),
            remind_on: day(due),
            reminded_at: None,
            escalated_at: None,
            version: 1,
            about: About {
                service_name: "Club".into(),
                organisation_name: "Org".into(),
                needs: needs.to_vec(),
                town: town.map(str::to_string),
                asker: Asker::CareFor,
                wishes: vec![Wish::Place, Wish::Visit],
                days: vec![],
                easy_read: false,
            },
            person: None,
        }
    }

    #[test]
    fn accepted_declined_and_unanswered_are_counted_by_need_and_town() {
        let period = Period::last_days(30, day("2026-06-30"));
        let today = day("2026-06-30");
        let enquiries = [
            enquiry(
                &[Need::Dementia],
                Some("Crewe"),
                EnquiryStatus::Accepted,
                "2026-06-10",
            ),
            enquiry(
                &[Need::Dementia, Need::OlderPeople],
                Some("Crewe"),
                EnquiryStatus::Declined,
                "2026-06-10",
            ),
            enquiry(
                &[Need::Dementia],
                Some("Crewe"),
                EnquiryStatus::New,
                "2026-06-10",
            ),
            enquiry(&[Need::Autism], None, EnquiryStatus::New, "2026-07-10"),
            enquiry(&[Need::Autism], None, EnquiryStatus::Replied, "2026-07-10"),
        ];
        let report = EnquiryDemand::of(period, &enquiries, today);
        assert_eq!(
            report.total,
            EnquiryOutcomes {
                sent: 5,
                accepted: 1,
                declined: 1,
                answered: 1,
                unanswered: 2,
                overdue: 1,
            }
        );
        let first = &report.by_need_and_town[0];
        assert_eq!((first.need, first.town.as_str()), (Need::Dementia, "Crewe"));
        assert_eq!(
            (
                first.outcomes.sent,
                first.outcomes.accepted,
                first.outcomes.declined,
                first.outcomes.overdue
            ),
            (3, 1, 1, 1)
        );
        assert!(
            report
                .by_need_and_town
                .iter()
                .any(|r| r.town == NO_FIXED_PLACE && r.outcomes.unanswered == 1)
        );
        assert_eq!(report.by_asker, vec![(Asker::CareFor, report.total)]);
        assert_eq!(report.by_wish.len(), 2);

        let table = report.need_and_town_table();
        assert_eq!(table.columns.len(), 8);
        assert_eq!(
            table.rows[0][..4],
            ["Memory and dementia", "Crewe", "3", "1"]
        );
        assert!(
            report
                .wish_table()
                .to_csv()
                .starts_with("Asked for,Enquiries")
        );
    }

    #[test]
    fn no_enquiries_make_an_empty_report() {
        let report = EnquiryDemand::of(
            Period::last_days(7, day("2026-06-30")),
            &[],
            day("2026-06-30"),
        );
        assert_eq!(report.total, EnquiryOutcomes::default());
        assert!(report.need_and_town_table().rows.is_empty());
    }
}
