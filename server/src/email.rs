//! Sending the outbox's email over SMTP (docs/email.md). `--smtp-url` (or
//! `$DAYFINDER_SMTP_URL`) names the mail server; the council profile's `[email]` names the
//! sender. The worker takes one due email at a time from the store (`dayfinder::outbox`),
//! sends it through lettre, and marks it sent, or failed with a backoff, so a mail server
//! that is down delays email and loses none. Addresses and words never go in the log: only
//! the email's number.

use std::sync::Arc;
use std::time::Duration;

use dayfinder::Engine;
use dayfinder::outbox::{GIVE_UP_AFTER, QueuedEmail, backoff};
use dayfinder::profile::EmailSender;
use jiff::Timestamp;
use lettre::message::{Mailbox, MultiPart, SinglePart, header::ContentType};
use lettre::{Message, SmtpTransport, Transport};

/// How often the worker looks for email when it found none.
pub const CHECK_EVERY: Duration = Duration::from_secs(5);

/// How long one conversation with the mail server may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Why email cannot be set up as asked.
#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    #[error(
        "the SMTP URL must look like smtp://user:password@host:port or smtps://host:465 \
         (add ?tls=required to smtp:// for STARTTLS)"
    )]
    BadUrl,
    #[error(
        "--smtp-url is set but the council profile has no [email] from-address: add \
         `[email] from = \"dayfinder@your-council.gov.uk\"` (docs/council-profile.md)"
    )]
    NoSender,
    #[error("the profile's from-address cannot sign email: {0}")]
    BadSender(String),
}

/// What sends email: the mail server and who it comes from.
#[derive(Clone)]
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
    /// The from-address's domain, which names each Message-ID.
    domain: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the URL: it may hold a password.
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

/// Checks an `--smtp-url` as typed (clap's value parser): the scheme and a host.
pub fn smtp_url(text: &str) -> Result<String, String> {
    let ok = (text.starts_with("smtp://") || text.starts_with("smtps://"))
        && SmtpTransport::from_url(text).is_ok();
    if ok {
        Ok(text.to_string())
    } else {
        Err(EmailError::BadUrl.to_string())
    }
}

impl Mailer {
    /// A mailer for `url` signing as the profile's sender; `Ok(None)` when no URL is given
    /// (email then waits in the outbox and editors are told it is not set up).
    pub fn new(
        url: Option<&str>,
        sender: Option<&EmailSender>,
    ) -> Result<Option<Mailer>, EmailError> {
        let Some(url) = url else {
            return Ok(None);
        };
        let sender = sender.ok_or(EmailError::NoSender)?;
        let transport = SmtpTransport::from_url(url)
            .map_err(|_| EmailError::BadUrl)?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let name = sender
            .name
            .as_ref()
            .map(|n| n.to_string())
            .unwrap_or_else(|| "Dayfinder".to_string());
        let address = sender
            .from
            .as_str()
            .parse()
            .map_err(|e: lettre::address::AddressError| EmailError::BadSender(e.to_string()))?;
        let from = Mailbox::new(Some(name), address);
        let domain = from.email.domain().to_string();
        Ok(Some(Mailer {
            transport,
            from,
            domain,
        }))
    }

    /// The email as the mail server gets it: plain text, and simple HTML beside it when
    /// there is some, with the Message-ID every try of it carries.
    fn message(&self, email: &QueuedEmail) -> Result<Message, String> {
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|_| "the address it is for cannot take email".to_string())?;
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(email.message_id(&self.domain)));
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(email.text.clone());
        let built = match &email.html {
            Some(html) => builder.multipart(
                MultiPart::alternative().singlepart(text).singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(html.clone()),
                ),
            ),
            None => builder.singlepart(text),
        };
        built.map_err(|e| format!("the email could not be written: {e}"))
    }

    /// Sends one email; the mail server's refusal, said without the address.
    fn send(&self, email: &QueuedEmail) -> Result<(), String> {
        let message = self.message(email)?;
        self.transport.send(&message).map(|_| ()).map_err(|e| {
            if e.is_permanent() {
                format!("the mail server refused it: {e}")
            } else {
                format!("the mail server could not be reached or failed: {e}")
            }
        })
    }
}

/// Sends every due email, one at a time, until none is due; returns how many were sent.
pub async fn send_due(engine: &Arc<Engine>, mailer: &Mailer) -> usize {
    let mut sent = 0;
    loop {
        let taken = {
            let engine = engine.clone();
            tokio::task::spawn_blocking(move || engine.outbox().claim_due_email(Timestamp::now()))
                .await
        };
        let email = match taken {
            Ok(Ok(Some(email))) => email,
            Ok(Ok(None)) => return sent,
            Ok(Err(error)) => {
                tracing::error!(?error, "Failed to read the email outbox");
                return sent;
            }
            Err(error) => {
                tracing::error!(?error, "The task reading the email outbox failed");
                return sent;
            }
        };
        let (engine, mailer) = (engine.clone(), mailer.clone());
        let done = tokio::task::spawn_blocking(move || {
            let id = email.id;
            let now = Timestamp::now();
            match mailer.send(&email) {
                Ok(()) => engine.outbox().email_sent(id, now).map(|()| true),
                Err(why) => {
                    let retry =
                        (email.attempts < GIVE_UP_AFTER).then(|| now + backoff(email.attempts));
                    tracing::warn!(
                        email = id.0,
                        attempts = email.attempts,
                        gave_up = retry.is_none(),
                        "An email was not sent: {why}"
                    );
                    engine
                        .outbox()
                        .email_failed(id, &why, now, retry)
                        .map(|()| false)
                }
            }
        })
        .await;
        match done {
            Ok(Ok(true)) => sent += 1,
            Ok(Ok(false)) => {}
            Ok(Err(error)) => {
                tracing::error!(?error, "Failed to record how sending an email went");
                return sent;
            }
            Err(error) => {
                tracing::error!(?error, "The task sending an email failed");
                return sent;
            }
        }
    }
}

/// Sends the outbox's email as it becomes due, for as long as the server runs, and now
/// and then forgets email sent (or given up on) longer ago than
/// `dayfinder::outbox::KEEP_FINISHED`.
pub async fn keep_sending(engine: Arc<Engine>, mailer: Mailer, every: Duration) {
    // About hourly at the usual five seconds.
    const FORGET_EVERY: u32 = 720;
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut count: u32 = 0;
    loop {
        ticks.tick().await;
        let sent = send_due(&engine, &mailer).await;
        if sent > 0 {
            tracing::info!(sent, "Sent email from the outbox");
        }
        if count.is_multiple_of(FORGET_EVERY) {
            let engine = engine.clone();
            let forgotten = tokio::task::spawn_blocking(move || {
                engine
                    .outbox()
                    .forget_finished_emails(Timestamp::now() - dayfinder::outbox::KEEP_FINISHED)
            })
            .await;
            if let Ok(Err(error)) = forgotten {
                tracing::error!(?error, "Failed to forget old email");
            }
        }
        count = count.wrapping_add(1);
    }
}

/// `dayfinder email`: check that email is set up, and see the outbox.
#[derive(Debug, clap::Args)]
pub struct EmailArgs {
    #[command(subcommand)]
    pub command: EmailCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum EmailCommand {
    /// Put a short test email in the outbox, for the running site to send: how council IT
    /// checks --smtp-url and the profile's from-address.
    Test {
        /// Where to send it.
        #[arg(long)]
        to: String,
    },
    /// How many emails are waiting, were given up on, and were sent in the last week.
    Status,
}

/// Runs `dayfinder email ...`.
pub async fn run(
    data_dir: &std::path::Path,
    args: EmailArgs,
    profile: &dayfinder::profile::CouncilProfile,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let outbox = crate::commands::open_outbox(data_dir).await?;
    match args.command {
        EmailCommand::Test { to } => {
            let to = dayfinder::accounts::Email::parse(&to)
                .map_err(|_| anyhow::anyhow!("“{to}” is not an email address"))?;
            let council = profile.council.name.to_string();
            let email = dayfinder::outbox::NewEmail {
                to,
                subject: "Dayfinder test email".into(),
                text: format!(
                    "This is a test email from Dayfinder for {council}.\n\n\
                     If you can read it, the site can send email."
                ),
                html: None,
            };
            let id = crate::commands::blocking(move || {
                outbox
                    .queue_email(&email, Timestamp::now())
                    .context("Failed to put the test email in the outbox")
            })
            .await?;
            println!(
                "Test email {} is in the outbox. The site sends it within a few seconds if \
                 --smtp-url and the profile's [email] from-address are set.",
                id.0
            );
            if profile.email.is_none() {
                println!("The council profile has no [email] from-address yet, so it will wait.");
            }
        }
        EmailCommand::Status => {
            let counts = crate::commands::blocking(move || {
                outbox.outbox_counts().context("Failed to read the outbox")
            })
            .await?;
            println!(
                "Waiting: {}\nGiven up: {}\nSent (last week): {}",
                counts.waiting, counts.given_up, counts.sent
            );
        }
    }
    Ok(())
}
