//! Enquiries in PostgreSQL: the same table and steps as `src/store/enquiries.rs`. Writes
//! queue on the store's write lock, so the limit on requests and the chase's "not yet
//! sent" hold across nodes: one node sends each reminder.

use jiff::Timestamp;
use jiff::civil::Date;
use postgres::types::ToSql;
use postgres::{Row, Transaction};

use super::PostgresStore;
use crate::enquiries::{Enquiry, NewEnquiry, RequestKeys};
use crate::model::Term;
use crate::outbox::NewEmail;
use crate::store::StoreResult;
use crate::store::enquiries::{Chase, ENQUIRY_COLUMNS, EnquiryStore, enquiry_from};

fn enquiry_of(row: &Row) -> StoreResult<Enquiry> {
    enquiry_from(
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
        row.try_get(5)?,
        row.try_get(6)?,
        row.try_get(7)?,
        row.try_get(8)?,
        row.try_get(9)?,
        row.try_get(10)?,
        row.try_get(11)?,
        row.try_get(12)?,
    )
}

fn all_of(rows: Vec<Row>) -> StoreResult<Vec<Enquiry>> {
    rows.iter().map(enquiry_of).collect()
}

fn queue_all(tx: &mut Transaction, emails: &[NewEmail], at: Timestamp) -> StoreResult<()> {
    for email in emails {
        super::outbox::queue_in(tx, email, at)?;
    }
    Ok(())
}

impl EnquiryStore for PostgresStore {
    fn add_request(
        &self,
        enquiries: &[NewEnquiry],
        keys: &RequestKeys,
        client_hashes: &[String],
        since: Timestamp,
        max: usize,
        emails: &[NewEmail],
        at: Timestamp,
    ) -> StoreResult<Option<Vec<i64>>> {
        self.write(|tx| {
            if !client_hashes.is_empty() {
                let sent: i64 = tx
                    .query_one(
                        "SELECT count(DISTINCT token_hash) FROM enquiries
                         WHERE sent_at >= $1 AND client_hash = ANY($2)",
                        &[&since.as_second(), &client_hashes],
                    )?
                    .try_get(0)?;
                if sent as usize >= max {
                    return Ok(None);
                }
            }
            let mut ids = Vec::new();
            for enquiry in enquiries {
                let about = serde_json::to_string(&enquiry.about)?;
                let person = serde_json::to_string(&enquiry.person)?;
                let row = tx.query_one(
                    "INSERT INTO enquiries (service_id, organisation_id, status, sent_at,
                         updated_at, due_on, remind_on, version, about, person, token_hash,
                         contact_key, client_hash)
                     VALUES ($1, $2, 'new', $3, $3, $4, $5, 0, $6, $7, $8, $9, $10)
                     RETURNING id",
                    &[
                        &enquiry.service_id,
                        &enquiry.organisation_id,
                        &at.as_second(),
                        &enquiry.due_on.to_string(),
                        &enquiry.remind_on.to_string(),
                        &about,
                        &person,
                        &keys.token_hash,
                        &keys.contact_key,
                        &keys.client_hash,
                    ],
                )?;
                ids.push(row.try_get(0)?);
            }
            queue_all(tx, emails, at)?;
            Ok(Some(ids))
        })
    }

    fn enquiries(&self, organisation_id: Option<&str>, limit: usize) -> StoreResult<Vec<Enquiry>> {
        self.with(|conn| {
            all_of(conn.query(
                &format!(
                    "SELECT {ENQUIRY_COLUMNS} FROM enquiries
                     WHERE $1::TEXT IS NULL OR organisation_id = $1
                     ORDER BY sent_at DESC, id DESC LIMIT $2"
                ),
                &[&organisation_id, &(limit as i64)],
            )?)
        })
    }

    fn enquiry(&self, id: i64) -> StoreResult<Option<Enquiry>> {
        self.with(|conn| {
            Ok(all_of(conn.query(
                &format!("SELECT {ENQUIRY_COLUMNS} FROM enquiries WHERE id = $1"),
                &[&id],
            )?)?
            .pop())
        })
    }

    fn enquiries_by_token(&self, token_hash: &str) -> StoreResult<Vec<Enquiry>> {
        if token_hash.is_empty() {
            return Ok(Vec::new());
        }
        self.with(|conn| {
            all_of(conn.query(
                &format!(
                    "SELECT {ENQUIRY_COLUMNS} FROM enquiries WHERE token_hash = $1 ORDER BY id"
                ),
                &[&token_hash],
            )?)
        })
    }

    fn answer_enquiry(&self, enquiry: &Enquiry, emails: &[NewEmail]) -> StoreResult<bool> {
        let person = enquiry
            .person
            .as_ref()
            .map(serde_json::to_string)
            .transpose()?;
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE enquiries SET status = $1, person = $2, updated_at = $3,
                     version = version + 1
                 WHERE id = $4 AND version = $5 AND person IS NOT NULL",
                &[
                    &enquiry.status.slug(),
                    &person,
                    &enquiry.updated_at.as_second(),
                    &enquiry.id,
                    &enquiry.version,
                ],
            )?;
            if changed == 1 {
                queue_all(tx, emails, enquiry.updated_at)?;
            }
            Ok(changed == 1)
        })
    }

    fn chase_enquiries(
        &self,
        today: Date,
        at: Timestamp,
        limit: usize,
        write: &dyn Fn(Chase, &Enquiry) -> Vec<NewEmail>,
    ) -> StoreResult<Vec<(Chase, i64)>> {
        let today = today.to_string();
        self.write(|tx| {
            let mut done = Vec::new();
            for (chase, column, due) in [
                (Chase::Reminder, "reminded_at", "remind_on <= $1"),
                (Chase::Escalation, "escalated_at", "due_on < $1"),
            ] {
                let due = all_of(tx.query(
                    &format!(
                        "SELECT {ENQUIRY_COLUMNS} FROM enquiries
                         WHERE status = 'new' AND person IS NOT NULL AND {column} IS NULL
                             AND {due}
                         ORDER BY id LIMIT $2"
                    ),
                    &[&today, &(limit as i64)],
                )?)?;
                for enquiry in due {
                    tx.execute(
                        &format!("UPDATE enquiries SET {column} = $1 WHERE id = $2"),
                        &[&at.as_second(), &enquiry.id],
                    )?;
                    queue_all(tx, &write(chase, &enquiry), at)?;
                    done.push((chase, enquiry.id));
                }
            }
            Ok(done)
        })
    }

    fn erase_enquiries_before(&self, before: Timestamp, at: Timestamp) -> StoreResult<u64> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE enquiries SET person = NULL, token_hash = '', contact_key = '',
                     client_hash = '', erased_at = $2
                 WHERE person IS NOT NULL AND updated_at < $1",
                &[&before.as_second(), &at.as_second()],
            )?)
        })
    }

    fn erase_enquiries_of(&self, contact_key: &str, at: Timestamp) -> StoreResult<u64> {
        if contact_key.is_empty() {
            return Ok(0);
        }
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE enquiries SET person = NULL, token_hash = '', contact_key = '',
                     client_hash = '', erased_at = $2
                 WHERE person IS NOT NULL AND contact_key = $1",
                &[&contact_key, &at.as_second()],
            )?)
        })
    }

    fn forget_enquiry_clients(&self, before: Timestamp) -> StoreResult<u64> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE enquiries SET client_hash = '' WHERE sent_at < $1 AND client_hash != ''",
                &[&before.as_second()],
            )?)
        })
    }

    fn enquiries_sent_between(&self, from: Timestamp, to: Timestamp) -> StoreResult<Vec<Enquiry>> {
        let params: [&(dyn ToSql + Sync); 2] = [&from.as_second(), &to.as_second()];
        self.with(|conn| {
            let mut found = all_of(conn.query(
                &format!(
                    "SELECT {ENQUIRY_COLUMNS} FROM enquiries
                     WHERE sent_at >= $1 AND sent_at < $2 ORDER BY id"
                ),
                &params,
            )?)?;
            for enquiry in &mut found {
                enquiry.person = None;
            }
            Ok(found)
        })
    }
}
