//! What the enquiry emails say, in plain English or in easy read (where the person asked
//! in the easy-read view), each as plain text and as simple HTML with the same words.
//! Emails to providers and council editors name no one: they say what was asked and link
//! to the inbox, where the person's details are, behind sign-in.

use jiff::civil::Date;

use super::{About, Enquiry, EnquiryStatus, Step};
use crate::accounts::Email;
use crate::model::Term;
use crate::outbox::{NewEmail, Words, long_date};

fn wishes_phrase(about: &About) -> String {
    let phrases: Vec<&str> = about.wishes.iter().map(|w| w.phrase()).collect();
    match phrases.as_slice() {
        [] => "to know more".to_string(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn days_phrase(about: &About) -> Option<String> {
    let days: Vec<&str> = about.days.iter().map(|d| d.label()).collect();
    (!days.is_empty()).then(|| days.join(", "))
}

/// To a provider's editors: a new enquiry is waiting.
pub fn new_for_provider(about: &About, due_on: Date, inbox: &str, to: &Email) -> NewEmail {
    let mut paragraphs = vec![
        format!(
            "Someone has asked about {} on Dayfinder. They would like {}.",
            about.service_name,
            wishes_phrase(about)
        ),
        format!("The asker: {}.", about.asker.label().to_lowercase()),
    ];
    if let Some(days) = days_phrase(about) {
        paragraphs.push(format!("Days that suit them: {days}."));
    }
    paragraphs.push(format!(
        "Please reply by {}. Sign in to Dayfinder to see who is asking and how to reach them. \
         We do not put their details in email, to keep them safe.",
        long_date(due_on)
    ));
    Words {
        subject: format!("New enquiry about {}", about.service_name),
        paragraphs,
        links: vec![("Read and reply to the enquiry".into(), inbox.to_string())],
    }
    .to(to)
}

/// To the person: their request was sent.
pub fn sent_to_person(
    abouts: &[&About],
    name: &str,
    due_on: Date,
    status_page: &str,
    to: &Email,
) -> NewEmail {
    let easy = abouts.iter().any(|a| a.easy_read);
    let places: Vec<String> = abouts
        .iter()
        .map(|a| format!("{} ({})", a.service_name, a.organisation_name))
        .collect();
    let words = if easy {
        Words {
            subject: "We sent your question".into(),
            paragraphs: vec![
                format!("Hello {name}."),
                "We sent your question to:".to_string() + "\n" + &places.join("\n"),
                format!("They should answer by {}.", long_date(due_on)),
                "We will email you when they answer.".into(),
                "Keep this email. The link shows what is happening.".into(),
            ],
            links: vec![("See your question".into(), status_page.to_string())],
        }
    } else {
        Words {
            subject: "Your enquiry has been sent".into(),
            paragraphs: vec![
                format!("Dear {name},"),
                "We have sent your enquiry to:".to_string() + "\n" + &places.join("\n"),
                format!(
                    "Providers are asked to reply within the council’s target, by {}. We will \
                     email you when they do.",
                    long_date(due_on)
                ),
                "Keep this email: the link below shows where your enquiry has got to. Anyone \
                 with the link can see it, so do not share it."
                    .into(),
            ],
            links: vec![("See your enquiry".into(), status_page.to_string())],
        }
    };
    words.to(to)
}

/// To the person: the provider answered.
pub fn answered(enquiry: &Enquiry, step: &Step, status_page: &str, to: &Email) -> NewEmail {
    let about = &enquiry.about;
    let service = &about.service_name;
    let provider = &about.organisation_name;
    let message = (!step.message.is_empty()).then(|| step.message.clone());
    let words = if about.easy_read {
        let what = match step.status {
            EnquiryStatus::Accepted => {
                format!("Good news. {provider} can offer what you asked for.")
            }
            EnquiryStatus::Declined => format!("{provider} cannot offer what you asked for."),
            EnquiryStatus::Closed => format!("{provider} has closed your question."),
            EnquiryStatus::Replied | EnquiryStatus::New => {
                format!("{provider} has answered your question.")
            }
        };
        let mut paragraphs = vec![what];
        if let Some(message) = message {
            paragraphs.push(format!("They say:\n{message}"));
        }
        Words {
            subject: format!("An answer about {service}"),
            paragraphs,
            links: vec![("See your question".into(), status_page.to_string())],
        }
    } else {
        let what = match step.status {
            EnquiryStatus::Accepted => {
                format!("{provider} can offer what you asked for at {service}.")
            }
            EnquiryStatus::Declined => {
                format!("{provider} cannot offer what you asked for at {service}.")
            }
            EnquiryStatus::Closed => format!("{provider} has closed your enquiry about {service}."),
            EnquiryStatus::Replied | EnquiryStatus::New => {
                format!("{provider} has replied to your enquiry about {service}.")
            }
        };
        let mut paragraphs = vec![what];
        if let Some(message) = message {
            paragraphs.push(format!("Their reply:\n{message}"));
        }
        if step.status == EnquiryStatus::Declined {
            paragraphs.push(
                "You can search Dayfinder for other places, or ask the council’s adult social \
                 care team for help."
                    .into(),
            );
        }
        Words {
            subject: format!("Reply to your enquiry about {service}"),
            paragraphs,
            links: vec![("See your enquiry".into(), status_page.to_string())],
        }
    };
    words.to(to)
}

/// To a provider's editors: an enquiry is half-way to its target without a reply.
pub fn reminder(enquiry: &Enquiry, inbox: &str, to: &Email) -> NewEmail {
    Words {
        subject: format!(
            "Reminder: an enquiry about {} is waiting",
            enquiry.about.service_name
        ),
        paragraphs: vec![format!(
            "An enquiry about {} sent on {} is still waiting for a reply. Please reply by {}.",
            enquiry.about.service_name,
            long_date(crate::engine::uk_date(enquiry.sent_at)),
            long_date(enquiry.due_on)
        )],
        links: vec![("Reply to the enquiry".into(), inbox.to_string())],
    }
    .to(to)
}

/// To council editors: an enquiry passed its target without a reply.
pub fn escalation(enquiry: &Enquiry, inbox: &str, to: &Email) -> NewEmail {
    Words {
        subject: format!(
            "Overdue: no reply to an enquiry about {}",
            enquiry.about.service_name
        ),
        paragraphs: vec![
            format!(
                "{} has not replied to an enquiry about {}. The reply was due by {}.",
                enquiry.about.organisation_name,
                enquiry.about.service_name,
                long_date(enquiry.due_on)
            ),
            "Please contact the provider, or reply to the person for them.".into(),
        ],
        links: vec![("See the enquiry".into(), inbox.to_string())],
    }
    .to(to)
}
