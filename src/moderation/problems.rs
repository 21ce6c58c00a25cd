//! Report a problem: anyone may tell the council a listing is wrong, without signing in.

use jiff::{SignedDuration, Timestamp};

/// How many reports one client may send in [`REPORT_WINDOW`]; more are refused politely.
pub const MAX_REPORTS_PER_CLIENT: usize = 5;
/// The window for [`MAX_REPORTS_PER_CLIENT`], and how long a client's hash is kept.
pub const REPORT_WINDOW: SignedDuration =
    SignedDuration::from_hours(crate::retention::REPORT_CLIENT_HASH_HOURS);
/// How long after a report is closed the reporter's contact details are kept.
pub const REPORT_CONTACT_RETENTION: SignedDuration =
    SignedDuration::from_hours(24 * crate::retention::REPORT_CONTACT_DAYS_AFTER_CLOSING);

/// The longest details and contact accepted (a form field can carry much more).
pub const MAX_DETAILS: usize = 2_000;
pub const MAX_CONTACT: usize = 200;

/// What is wrong, as the form asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// It has closed or moved.
    Closed,
    /// A phone number, address, time or other detail is wrong.
    WrongDetails,
    /// It says there are spaces but there are not, or the other way round.
    WrongVacancy,
    Other,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 4] = [
        ProblemKind::Closed,
        ProblemKind::WrongDetails,
        ProblemKind::WrongVacancy,
        ProblemKind::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ProblemKind::Closed => "closed",
            ProblemKind::WrongDetails => "wrong-details",
            ProblemKind::WrongVacancy => "wrong-vacancy",
            ProblemKind::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ProblemKind> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            ProblemKind::Closed => "It has closed or moved",
            ProblemKind::WrongDetails => "A phone number, address, time or other detail is wrong",
            ProblemKind::WrongVacancy => "The vacancies are wrong",
            ProblemKind::Other => "Something else",
        }
    }
}

/// A report as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProblemReport {
    pub service_id: String,
    pub kind: ProblemKind,
    pub details: String,
    pub contact: Option<String>,
    pub reported_at: Timestamp,
}

/// Why a report form cannot be accepted, per field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportProblems {
    pub kind: Option<&'static str>,
    pub details: Option<String>,
    pub contact: Option<String>,
}

impl NewProblemReport {
    /// Checks what was typed; every message says how to put it right.
    pub fn parse(
        service_id: &str,
        kind: &str,
        details: &str,
        contact: &str,
        now: Timestamp,
    ) -> Result<NewProblemReport, ReportProblems> {
        let kind_found = ProblemKind::from_slug(kind);
        let details = details.trim();
        let contact = contact.trim();
        let problems = ReportProblems {
            kind: kind_found
                .is_none()
                .then_some("Select what is wrong with the listing"),
            details: if details.is_empty() {
                Some("Tell us what is wrong, so we can put it right".into())
            } else if details.chars().count() > MAX_DETAILS {
                Some(format!(
                    "What is wrong must be {MAX_DETAILS} characters or fewer"
                ))
            } else {
                None
            },
            contact: (contact.chars().count() > MAX_CONTACT)
                .then(|| format!("Your email or phone must be {MAX_CONTACT} characters or fewer")),
        };
        match kind_found {
            Some(kind) if problems.details.is_none() && problems.contact.is_none() => {
                Ok(NewProblemReport {
                    service_id: service_id.to_string(),
                    kind,
                    details: details.to_string(),
                    contact: (!contact.is_empty()).then(|| contact.to_string()),
                    reported_at: now,
                })
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_needs_what_is_wrong_and_says_so() {
        let err = NewProblemReport::parse("x", "", "  ", "", Timestamp::UNIX_EPOCH).unwrap_err();
        assert!(err.kind.is_some());
        assert!(err.details.is_some());
        assert!(err.contact.is_none());
    }

    #[test]
    fn a_good_report_is_trimmed_and_contact_is_optional() {
        let r = NewProblemReport::parse(
            "x",
            "closed",
            " Closed last month ",
            "",
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        assert_eq!(r.details, "Closed last month");
        assert_eq!(r.contact, None);
        assert_eq!(r.kind, ProblemKind::Closed);
    }

    #[test]
    fn very_long_details_are_refused_not_cut() {
        let long = "a".repeat(MAX_DETAILS + 1);
        assert!(NewProblemReport::parse("x", "other", &long, "", Timestamp::UNIX_EPOCH).is_err());
    }
}
