//! The email outbox in PostgreSQL: the same table and steps as `src/store/outbox.rs`.
//! Taking a due email skips rows another node holds (`FOR UPDATE SKIP LOCKED`), and the
//! lease keeps it from the others while it is sent: one node sends each email.

use jiff::Timestamp;
use postgres::{Row, Transaction};

use super::PostgresStore;
use crate::outbox::{EmailId, LEASE, NewEmail, OutboxCounts, QueuedEmail};
use crate::store::outbox::{EMAIL_COLUMNS, MAX_ERROR, OutboxStore, queued_from};
use crate::store::{StoreError, StoreResult};

fn queued_of(row: &Row) -> StoreResult<QueuedEmail> {
    Ok(queued_from(
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
        row.try_get(5)?,
        row.try_get(6)?,
        row.try_get(7)?,
    ))
}

/// Puts an email in the outbox inside `tx`, so it is saved with what caused it or not at all.
pub(crate) fn queue_in(
    tx: &mut Transaction,
    email: &NewEmail,
    at: Timestamp,
) -> StoreResult<EmailId> {
    let token = crate::outbox::new_token().map_err(|e| StoreError::Invalid(e.to_string()))?;
    let row = tx.query_one(
        "INSERT INTO outbox (token, recipient, subject, body_text, body_html, queued_at,
             attempts, next_try_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, $6) RETURNING id",
        &[
            &token,
            &email.to.as_str(),
            &email.subject,
            &email.text,
            &email.html,
            &at.as_second(),
        ],
    )?;
    Ok(EmailId(row.try_get(0)?))
}

impl OutboxStore for PostgresStore {
    fn queue_email(&self, email: &NewEmail, at: Timestamp) -> StoreResult<EmailId> {
        self.write(|tx| queue_in(tx, email, at))
    }

    fn claim_due_email(&self, now: Timestamp) -> StoreResult<Option<QueuedEmail>> {
        let now = now.as_second();
        let held_until = now + LEASE.as_secs();
        self.write(|tx| {
            let row = tx.query_opt(
                &format!(
                    "UPDATE outbox SET attempts = attempts + 1, next_try_at = $2 WHERE id = (
                         SELECT id FROM outbox
                         WHERE sent_at IS NULL AND given_up_at IS NULL AND next_try_at <= $1
                         ORDER BY next_try_at, id LIMIT 1
                         FOR UPDATE SKIP LOCKED)
                     RETURNING {EMAIL_COLUMNS}"
                ),
                &[&now, &held_until],
            )?;
            row.as_ref().map(queued_of).transpose()
        })
    }

    fn email_sent(&self, id: EmailId, at: Timestamp) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE outbox SET sent_at = $1, last_error = NULL WHERE id = $2",
                &[&at.as_second(), &id.0],
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
                Some(retry) => tx.execute(
                    "UPDATE outbox SET last_error = $1, next_try_at = $2 WHERE id = $3",
                    &[&error, &retry.as_second(), &id.0],
                )?,
                None => tx.execute(
                    "UPDATE outbox SET last_error = $1, given_up_at = $2 WHERE id = $3",
                    &[&error, &at.as_second(), &id.0],
                )?,
            };
            Ok(())
        })
    }

    fn outbox_counts(&self) -> StoreResult<OutboxCounts> {
        self.read(|tx| {
            let row = tx.query_one(
                "SELECT
                     count(*) FILTER (WHERE sent_at IS NULL AND given_up_at IS NULL),
                     count(*) FILTER (WHERE given_up_at IS NOT NULL),
                     count(*) FILTER (WHERE sent_at IS NOT NULL)
                 FROM outbox",
                &[],
            )?;
            let count =
                |at: usize| -> StoreResult<u64> { Ok(row.try_get::<_, i64>(at)?.max(0) as u64) };
            Ok(OutboxCounts {
                waiting: count(0)?,
                given_up: count(1)?,
                sent: count(2)?,
            })
        })
    }

    fn forget_finished_emails(&self, before: Timestamp) -> StoreResult<u64> {
        self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM outbox WHERE coalesce(sent_at, given_up_at) < $1",
                &[&before.as_second()],
            )?)
        })
    }
}
