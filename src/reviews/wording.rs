//! What the review emails say, in plain English: to a provider's editors, the listings to
//! check, each with its one-click link; to the council's editors, the listings no one has
//! confirmed for months. Emails name listings and providers only.

use super::{ReviewSettings, ReviewStage, WhenOverdue};
use crate::accounts::Email;
use crate::outbox::{NewEmail, Words, long_date};

/// One listing in an email: its name, its provider, when it was last confirmed, and the
/// link beside it.
pub struct Line {
    pub service_name: String,
    pub organisation_name: String,
    pub reviewed_on: jiff::civil::Date,
    /// No provider editor manages it on Dayfinder (council emails say so).
    pub unmanaged: bool,
    pub link: String,
}

/// Most listings named in one email; the rest are on the editors' stale listings page.
pub const MAX_LINES: usize = 50;

/// To one of a provider's editors: please confirm these listings.
pub fn reminder(
    stage: ReviewStage,
    settings: &ReviewSettings,
    lines: &[Line],
    to: &Email,
) -> NewEmail {
    let second = stage == ReviewStage::SecondReminder;
    let months = if second {
        settings.second_reminder_months
    } else {
        settings.first_reminder_months
    };
    let subject = if second {
        "Second reminder: please check your listings on Dayfinder"
    } else {
        "Please check your listings on Dayfinder are still right"
    };
    let mut paragraphs = vec![
        format!(
            "No one has confirmed {} on Dayfinder for {months} months. People choose where \
             to go from what the listing says, so please check it is still right.",
            if lines.len() == 1 {
                "this listing".to_string()
            } else {
                format!("these {} listings", lines.len())
            }
        ),
        "Open the link for each listing. If everything is right, press \"Yes, this is all \
         correct\": you do not need to sign in. If something has changed, you can change it there."
            .to_string(),
    ];
    if second {
        paragraphs.push(
            "Until it is confirmed, the public listing says it may be out of date.".to_string(),
        );
    }
    paragraphs.push(format!(
        "Each link works for {} days and can be used once.",
        settings.link_days
    ));
    Words {
        subject: subject.to_string(),
        paragraphs,
        links: lines
            .iter()
            .take(MAX_LINES)
            .map(|l| {
                (
                    format!(
                        "Check {} (last confirmed {})",
                        l.service_name,
                        long_date(l.reviewed_on)
                    ),
                    l.link.clone(),
                )
            })
            .collect(),
    }
    .to(to)
}

/// To one of the council's editors: these listings have reached `stage`.
pub fn to_council(
    stage: ReviewStage,
    settings: &ReviewSettings,
    lines: &[Line],
    stale_page: &str,
    to: &Email,
) -> NewEmail {
    let (subject, opening) = match stage {
        ReviewStage::Overdue => (
            format!(
                "{} not confirmed for {} months",
                count(lines.len()),
                settings.overdue_months
            ),
            match settings.when_overdue {
                WhenOverdue::Warn => format!(
                    "No one has confirmed these listings for {} months. They stay in search, \
                     with a warning that they may be out of date.",
                    settings.overdue_months
                ),
                WhenOverdue::Hide => format!(
                    "No one has confirmed these listings for {} months, so they are no longer \
                     shown in search until someone confirms them. Their pages still open.",
                    settings.overdue_months
                ),
            },
        ),
        _ => (
            format!(
                "{} not confirmed for {} months",
                count(lines.len()),
                settings.tell_council_months
            ),
            format!(
                "No one has confirmed these listings for {} months, though their providers \
                 were reminded. Please contact the providers, or check the listings yourselves.",
                settings.tell_council_months
            ),
        ),
    };
    let mut paragraphs = vec![opening];
    let named: Vec<String> = lines
        .iter()
        .take(MAX_LINES)
        .map(|l| {
            format!(
                "{} ({}), last confirmed {}{}",
                l.service_name,
                l.organisation_name,
                long_date(l.reviewed_on),
                if l.unmanaged {
                    ": no one from the provider manages it on Dayfinder"
                } else {
                    ""
                }
            )
        })
        .collect();
    paragraphs.push(named.join("\n"));
    if lines.len() > MAX_LINES {
        paragraphs.push(format!(
            "And {} more: every one is on the stale listings page.",
            lines.len() - MAX_LINES
        ));
    }
    Words {
        subject,
        paragraphs,
        links: vec![("See the stale listings".to_string(), stale_page.to_string())],
    }
    .to(to)
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 listing".to_string()
    } else {
        format!("{n} listings")
    }
}
