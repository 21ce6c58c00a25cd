//! Email that Dayfinder sends: written to an outbox in the store, in the same transaction
//! as whatever caused it, and sent later by the server's worker (`dayfinder_server::email`).
//! A crash between saving and sending loses nothing: the worker finds the email on the next
//! start. Each email keeps one Message-ID for every try, so if a crash comes after the
//! mail server took it but before it was marked sent, the copy sent again is the same
//! message, which mail programs show once.

use jiff::{SignedDuration, Timestamp};

/// An email to send: one person, a subject, plain text and a simple HTML part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    pub to: crate::accounts::Email,
    pub subject: String,
    pub text: String,
    /// The same words as simple HTML; the plain text alone when `None`.
    pub html: Option<String>,
}

/// A day as emails write it: "1 December 2026".
pub fn long_date(date: jiff::civil::Date) -> String {
    date.strftime("%-d %B %Y").to_string()
}

/// An email's words: paragraphs, then links (a label and an address each), written as
/// plain text and as simple HTML with the same words, signed "Dayfinder".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub subject: String,
    pub paragraphs: Vec<String>,
    pub links: Vec<(String, String)>,
}

impl Words {
    /// The email to `to`.
    pub fn to(self, to: &crate::accounts::Email) -> NewEmail {
        let mut text = self.paragraphs.join("\n\n");
        let mut html: String = self
            .paragraphs
            .iter()
            .map(|p| {
                format!(
                    "<p>{}</p>",
                    html_escape::encode_text(p).replace('\n', "<br>")
                )
            })
            .collect();
        for (label, url) in &self.links {
            text.push_str(&format!("\n\n{label}:\n{url}"));
            html.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>",
                html_escape::encode_double_quoted_attribute(url),
                html_escape::encode_text(label)
            ));
        }
        text.push_str("\n\n-- \nDayfinder\n");
        NewEmail {
            to: to.clone(),
            subject: self.subject,
            text,
            html: Some(format!(
                "<!DOCTYPE html><html lang=\"en-GB\"><body style=\"font-family: sans-serif; font-size: 19px; line-height: 1.4\">{html}<p>Dayfinder</p></body></html>"
            )),
        }
    }
}

/// The id of an email in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EmailId(pub i64);

/// An email waiting in the outbox, as the worker takes it to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedEmail {
    pub id: EmailId,
    /// Random, made when the email was queued: the left part of its Message-ID.
    pub token: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub queued_at: Timestamp,
    /// Tries so far, this one included.
    pub attempts: u32,
}

impl QueuedEmail {
    /// The Message-ID every try of this email carries: `<token@domain>`, the domain being
    /// the from-address's.
    pub fn message_id(&self, domain: &str) -> String {
        format!("<dayfinder.{}@{domain}>", self.token)
    }
}

/// How many emails are waiting, were given up on, and were sent (for editors and `status`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: u64,
    pub given_up: u64,
    pub sent: u64,
}

/// How long a taken email is held by the node sending it: if that node dies mid-send,
/// another (or the same, restarted) tries again after this.
pub const LEASE: SignedDuration = SignedDuration::from_mins(5);

/// After this many failed tries an email is given up on (about two days of tries), and
/// editors see it counted.
pub const GIVE_UP_AFTER: u32 = 12;

/// How long to wait after the `attempts`-th failed try: 1 minute, doubling, at most 6
/// hours.
pub fn backoff(attempts: u32) -> SignedDuration {
    let minutes = 1i64 << attempts.saturating_sub(1).min(9);
    SignedDuration::from_mins(minutes.min(360))
}

/// Emails are forgotten (bodies and addresses) this long after they were sent or given
/// up on: they may hold personal details (`crate::retention`, which the privacy page reads).
pub const KEEP_FINISHED: SignedDuration =
    SignedDuration::from_hours(crate::retention::EMAIL_DAYS_AFTER_SENDING * 24);

/// A new email's token: 16 random bytes as hex.
pub fn new_token() -> Result<String, crate::accounts::AccountError> {
    crate::accounts::random_hex(16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_from_a_minute_to_six_hours() {
        assert_eq!(backoff(1), SignedDuration::from_mins(1));
        assert_eq!(backoff(2), SignedDuration::from_mins(2));
        assert_eq!(backoff(5), SignedDuration::from_mins(16));
        assert_eq!(backoff(9), SignedDuration::from_mins(256));
        assert_eq!(backoff(10), SignedDuration::from_mins(360));
        assert_eq!(backoff(u32::MAX), SignedDuration::from_mins(360));
    }

    #[test]
    fn every_try_carries_the_same_message_id() {
        let email = QueuedEmail {
            id: EmailId(7),
            token: "abc123".into(),
            to: "sam@example.org".into(),
            subject: "Hello".into(),
            text: "Hello".into(),
            html: None,
            queued_at: Timestamp::UNIX_EPOCH,
            attempts: 3,
        };
        assert_eq!(
            email.message_id("council.example"),
            "<dayfinder.abc123@council.example>"
        );
    }
}
