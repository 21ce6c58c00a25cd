//! Freshness: when a listing may be out of date, and the council's list of those that are,
//! oldest first, with who to ask.
//!
//! The rule is here once: the public listing page ("may be out of date") and the council's
//! "Stale listings" report both ask [`is_stale`].

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::model::{Contact, Directory};

/// A listing not reviewed for this many months may be out of date (issue 7).
pub const STALE_AFTER_MONTHS: i32 = 6;

/// Whether a listing last reviewed on `last_reviewed` may be out of date by `today`.
pub fn is_stale(last_reviewed: Date, today: Date) -> bool {
    last_reviewed
        .checked_add(STALE_AFTER_MONTHS.months())
        .is_ok_and(|due| due <= today)
}

/// Whole months from `from` to `to` (0 when `to` is not later).
pub fn months_between(from: Date, to: Date) -> i32 {
    from.until((jiff::Unit::Month, to))
        .map(|span| span.get_months())
        .unwrap_or(0)
        .max(0)
}

/// One stale listing, with the ways to reach whoever can review it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleListing {
    pub service_id: String,
    pub service_name: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub last_reviewed: Date,
    /// Whole months since the last review.
    pub months: i32,
    pub organisation_email: Option<String>,
    pub organisation_phone: Option<String>,
    /// The service's own contact (name, phone, email, website).
    pub contact: Contact,
}

/// Every listing of `directory` that is stale by `today`: oldest review first, then by
/// provider and name, so the list reads the same on every visit.
pub fn stale_listings(directory: &Directory, today: Date) -> Vec<StaleListing> {
    let organisations: BTreeMap<&str, _> = directory
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let mut out: Vec<StaleListing> = directory
        .services
        .iter()
        .filter(|s| is_stale(s.last_reviewed, today))
        .map(|s| {
            let organisation = organisations.get(s.organisation_id.as_str());
            StaleListing {
                service_id: s.id.clone(),
                service_name: s.name.clone(),
                organisation_id: s.organisation_id.clone(),
                organisation_name: organisation
                    .map_or_else(|| s.organisation_id.clone(), |o| o.name.clone()),
                last_reviewed: s.last_reviewed,
                months: months_between(s.last_reviewed, today),
                organisation_email: organisation.and_then(|o| filled(&o.email)),
                organisation_phone: organisation.and_then(|o| filled(&o.phone)),
                contact: Contact {
                    name: filled(&s.contact.name),
                    phone: filled(&s.contact.phone),
                    email: filled(&s.contact.email),
                    website: filled(&s.contact.website),
                },
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.last_reviewed
            .cmp(&b.last_reviewed)
            .then_with(|| a.organisation_name.cmp(&b.organisation_name))
            .then_with(|| a.service_name.cmp(&b.service_name))
            .then_with(|| a.service_id.cmp(&b.service_id))
    });
    out
}

/// A text that says something, trimmed; `None` for missing or blank.
pub(crate) fn filled(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The CSV download's columns, in order.
pub const CSV_COLUMNS: [&str; 11] = [
    "service_id",
    "service_name",
    "organisation_id",
    "organisation_name",
    "last_reviewed",
    "months_since_review",
    "organisation_email",
    "organisation_phone",
    "contact_name",
    "contact_phone",
    "contact_email",
];

/// The report as CSV, one row per listing, in the report's order.
#[cfg(feature = "engine")]
pub fn to_csv(rows: &[StaleListing]) -> crate::Result<String> {
    use crate::oruk::csv::spreadsheet_safe;
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_COLUMNS)
        .map_err(std::io::Error::from)?;
    for row in rows {
        let text = |t: &Option<String>| spreadsheet_safe(t.as_deref().unwrap_or(""));
        out.write_record([
            spreadsheet_safe(&row.service_id),
            spreadsheet_safe(&row.service_name),
            spreadsheet_safe(&row.organisation_id),
            spreadsheet_safe(&row.organisation_name),
            row.last_reviewed.to_string(),
            row.months.to_string(),
            text(&row.organisation_email),
            text(&row.organisation_phone),
            text(&row.contact.name),
            text(&row.contact.phone),
            text(&row.contact.email),
        ])
        .map_err(std::io::Error::from)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| crate::Error::Invalid(e.to_string()))
}

#[cfg(all(test, feature = "engine"))]
mod tests {
    use super::*;
    use crate::sample::events::REFERENCE_DAY;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn a_listing_reviewed_six_months_ago_today_is_stale_and_a_day_later_is_not() {
        let today = date("2026-05-04");
        assert!(is_stale(date("2025-11-04"), today));
        assert!(is_stale(date("2024-01-01"), today));
        assert!(!is_stale(date("2025-11-05"), today));
        assert!(!is_stale(today, today));
        // A date in the future (a clock put wrong) is not stale.
        assert!(!is_stale(date("2026-06-01"), today));
    }

    #[test]
    fn months_since_review_are_whole_months() {
        let today = date("2026-05-04");
        assert_eq!(months_between(date("2025-11-04"), today), 6);
        assert_eq!(months_between(date("2025-11-05"), today), 5);
        assert_eq!(months_between(date("2026-06-01"), today), 0);
    }

    #[test]
    fn the_stale_report_lists_only_stale_listings_oldest_first_with_the_providers_contact() {
        let directory = crate::sample::cheshire_east_on(REFERENCE_DAY);
        let report = stale_listings(&directory, REFERENCE_DAY);
        let expected = directory
            .services
            .iter()
            .filter(|s| is_stale(s.last_reviewed, REFERENCE_DAY))
            .count();
        assert!(expected > 0, "the sample has stale listings");
        assert_eq!(report.len(), expected);
        assert!(
            report
                .windows(2)
                .all(|w| w[0].last_reviewed <= w[1].last_reviewed)
        );
        for row in &report {
            let organisation = directory
                .organisations
                .iter()
                .find(|o| o.id == row.organisation_id)
                .expect("its provider");
            assert_eq!(row.organisation_name, organisation.name);
            assert_eq!(row.organisation_email, filled(&organisation.email));
            assert!(row.months >= STALE_AFTER_MONTHS);
        }
    }

    #[test]
    fn the_csv_has_a_header_and_one_row_per_stale_listing() {
        let directory = crate::sample::cheshire_east_on(REFERENCE_DAY);
        let report = stale_listings(&directory, REFERENCE_DAY);
        let text = to_csv(&report).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            &csv::StringRecord::from(&CSV_COLUMNS[..])
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), report.len());
        assert_eq!(&rows[0][0], report[0].service_id);
        assert_eq!(&rows[0][4], report[0].last_reviewed.to_string());
    }
}
