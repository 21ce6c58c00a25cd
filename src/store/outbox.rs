//! The email outbox in the embedded store (see `crate::outbox`): one table, each email
//! with its tries, when it may next be tried, and when it was sent or given up on.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{SqliteStore, StoreError, StoreResult};
use crate::outbox::{EmailId, NewEmail, OutboxCounts, QueuedEmail};

/// Where the outbox is kept. Both backends implement it.
pub trait OutboxStore: Send + Sync {
    /// Puts an email in the outbox on its own (the writes that cause an email put it in
    /// their own transaction instead).
    fn queue_email(&self, email: &NewEmail, at: Timestamp) -> StoreResult<EmailId>;
    /// Takes the email waiting longest that may be tried at `now`, counts the try and holds
    /// it for `crate::outbox::LEASE`, in one transaction: of several nodes, one sends it.
    fn claim_due_email(&self, now: Timestamp) -> StoreResult<Option<QueuedEmail>>;
    /// The mail server took it.
    fn email_sent(&self, id: EmailId, at: Timestamp) -> StoreResult<()>;
    /// The try at `at` failed: try again at `retry_at`, or give up when it is `None`.
    fn email_failed(
        &self,
        id: EmailId,
        error: &str,
        at: Timestamp,
        retry_at: Option<Timestamp>,
    ) -> StoreResult<()>;
    /// How many are waiting, given up on and sent.
    fn outbox_counts(&self) -> StoreResult<OutboxCounts>;
    /// Forgets emails sent or given up on before `before` (addresses and words); returns
    /// how many. An email still being tried is never forgotten.
    fn forget_finished_emails(&self, before: Timestamp) -> StoreResult<u64>;
}

/// The columns an email is read from, in [`queued_from`]'s order.
pub(super) const EMAIL_COLUMNS: &str =
    "id, token, recipient, subject, body_text, body_html, queued_at, attempts";

/// The longest error kept from a failed try.
pub(super) const MAX_ERROR: usize = 500;

/// An email from its stored parts (both backends read the same columns).
#[allow(clippy::too_many_arguments)]
pub(super) fn queued_from(
    id: i64,
    token: String,
    to: String,
    subject: String,
    text: String,
    html: Option<String>,
    queued_at: i64,
    attempts: i64,
) -> QueuedEmail {
    QueuedEmail {
        id: EmailId(id),
        token,
        to,
        subject,
        text,
        html,
        queued_at: Timestamp::from_second(queued_at).unwrap_or(Timestamp::UNIX_EPOCH),
        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
    }
}

fn queued_of(row: &Row) -> rusqlite::Result<QueuedEmail> {
    Ok(queued_from(
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

fn random_token() -> StoreResult<String> {
    crate::outbox::new_token().map_err(|e| StoreError::Invalid(e.to_string()))
}

/// Puts an email in the outbox inside `tx`, so it is saved with what caused it or not at all.
pub(crate) fn queue_in(tx: &Transaction, email: &NewEmail, at: Timestamp) -> StoreResult<EmailId> {
    tx.execute(
        "INSERT INTO outbox (token, recipient, subject, body_text, body_html, queued_at,
             attempts, next_try_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?6)",
        params![
            random_token()?,
            email.to.as_str(),
            email.subject,
            email.text,
            email.html,
            at.as_second()
        ],
    )?;
    Ok(EmailId(tx.last_insert_rowid()))
}

impl OutboxStore for SqliteStore {
    fn queue_email(&self, email: &NewEmail, at: Timestamp) -> StoreResult<EmailId> {
        self.write(|tx| queue_in(tx, email, at))
    }

    fn claim_due_email(&self, now: Timestamp) -> StoreResult<Option<QueuedEmail>> {
        let now = now.as_second();
        let held_until = now + crate::outbox::LEASE.as_secs();
        self.write(|tx| {
            let due: Option<i64> = tx
                .query_row(
                    "SELECT id FROM outbox
                     WHERE sent_at IS NULL AND given_up_at IS NULL AND next_try_at <= ?1
                     ORDER BY next_try_at, id LIMIT 1",
                    [now],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(id) = due else {
                return Ok(None);
            };
            tx.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_try_at = ?1 WHERE id = ?2",
                [held_until, id],
            )?;
            Ok(Some(tx.query_row(
                &format!("SELECT {EMAIL_COLUMNS} FROM outbox WHERE id = ?1"),
                [id],
                queued_of,
            )?))
        })
    }

    fn email_sent(&self, id: EmailId, at: Timestamp) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE outbox SET sent_at = ?1, last_error = NULL WHERE id = ?2",
                [at.as_second(), id.0],
            )?;
            Ok(())
        })
    }

    fn email_failed(
        &self,
        id: EmailId,
        error: &str,
        at: Timestamp,
        retry_at: Option<Timestamp>,
    ) -> StoreResult<()> {
        let error: String = error.chars().take(MAX_ERROR).collect();
        self.write(|tx| {
            match retry_at {
                Some(at) => tx.execute(
                    "UPDATE outbox SET last_error = ?1, next_try_at = ?2 WHERE id = ?3",
                    params![error, at.as_second(), id.0],
                )?,
                None => tx.execute(
                    "UPDATE outbox SET last_error = ?1, given_up_at = ?2 WHERE id = ?3",
                    params![error, at.as_second(), id.0],
                )?,
            };
            Ok(())
        })
    }

    fn outbox_counts(&self) -> StoreResult<OutboxCounts> {
        self.with(|conn| {
            Ok(conn.query_row(
                "SELECT
                     coalesce(sum(sent_at IS NULL AND given_up_at IS NULL), 0),
                     coalesce(sum(given_up_at IS NOT NULL), 0),
                     coalesce(sum(sent_at IS NOT NULL), 0)
                 FROM outbox",
                [],
                |r| {
                    Ok(OutboxCounts {
                        waiting: r.get::<_, i64>(0)?.max(0) as u64,
                        given_up: r.get::<_, i64>(1)?.max(0) as u64,
                        sent: r.get::<_, i64>(2)?.max(0) as u64,
                    })
                },
            )?)
        })
    }

    fn forget_finished_emails(&self, before: Timestamp) -> StoreResult<u64> {
        self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM outbox WHERE coalesce(sent_at, given_up_at) < ?1",
                [before.as_second()],
            )? as u64)
        })
    }
}
