//! Enquiries in the embedded store (see `crate::enquiries`): one row per service asked
//! about. What the enquiry was about (`about`) and who asked (`person`) are two JSON
//! columns, so that erasing the person is one update that leaves the counts whole.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Row, Transaction, params, params_from_iter};

use super::{SqliteStore, StoreError, StoreResult};
use crate::enquiries::{Enquiry, EnquiryStatus, NewEnquiry, RequestKeys};
use crate::model::Term;
use crate::outbox::NewEmail;

/// Why the server writes to a provider about an enquiry no one has answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chase {
    /// Half of the response time has passed: the provider's editors are reminded.
    Reminder,
    /// The target has passed: the council's editors are told.
    Escalation,
}

/// Where enquiries are kept. Both backends implement it; each call is one transaction,
/// emails included.
pub trait EnquiryStore: Send + Sync {
    /// Keeps a request's enquiries, all under `keys`, with `emails`, in one transaction:
    /// unless the client (any of `client_hashes`) has sent `max` requests since `since`,
    /// when nothing is kept (`None`).
    #[allow(clippy::too_many_arguments)]
    fn add_request(
        &self,
        enquiries: &[NewEnquiry],
        keys: &RequestKeys,
        client_hashes: &[String],
        since: Timestamp,
        max: usize,
        emails: &[NewEmail],
        at: Timestamp,
    ) -> StoreResult<Option<Vec<i64>>>;
    /// Enquiries to one organisation (or to all, for council editors), newest first.
    fn enquiries(&self, organisation_id: Option<&str>, limit: usize) -> StoreResult<Vec<Enquiry>>;
    fn enquiry(&self, id: i64) -> StoreResult<Option<Enquiry>>;
    /// A request's enquiries, by the hash of its status page's token.
    fn enquiries_by_token(&self, token_hash: &str) -> StoreResult<Vec<Enquiry>>;
    /// Saves an answer (the enquiry's status, person and `updated_at` as given) with its
    /// emails, if no one changed the enquiry since it was read at `enquiry.version`; false,
    /// saving nothing, if someone did.
    fn answer_enquiry(&self, enquiry: &Enquiry, emails: &[NewEmail]) -> StoreResult<bool>;
    /// In one transaction: every unanswered enquiry whose reminder (or, past its target,
    /// escalation) is due by `today` and not yet sent is marked sent at `at`, with the
    /// emails `write` gives for it. Marked and queued together, so a restart or a second
    /// node never sends one twice. At most `limit` at a time.
    fn chase_enquiries(
        &self,
        today: Date,
        at: Timestamp,
        limit: usize,
        write: &dyn Fn(Chase, &Enquiry) -> Vec<NewEmail>,
    ) -> StoreResult<Vec<(Chase, i64)>>;
    /// Erases the person from every enquiry whose last step was before `before`.
    fn erase_enquiries_before(&self, before: Timestamp, at: Timestamp) -> StoreResult<u64>;
    /// Erases the person from every enquiry they sent (by [`crate::enquiries::contact_key`]).
    fn erase_enquiries_of(&self, contact_key: &str, at: Timestamp) -> StoreResult<u64>;
    /// Forgets the client hashes of requests sent before `before`.
    fn forget_enquiry_clients(&self, before: Timestamp) -> StoreResult<u64>;
    /// Enquiries sent in `[from, to)`, without their people (the insight counts).
    fn enquiries_sent_between(&self, from: Timestamp, to: Timestamp) -> StoreResult<Vec<Enquiry>>;
}

/// The columns an enquiry is read from, in [`enquiry_from`]'s order.
pub(super) const ENQUIRY_COLUMNS: &str = "id, service_id, organisation_id, status, sent_at, \
     updated_at, due_on, remind_on, reminded_at, escalated_at, version, about, person";

/// How many enquiries one chase handles (the next pass takes the rest).
pub const CHASE_BATCH: usize = 100;

/// An enquiry from its stored parts (both backends read the same columns).
#[allow(clippy::too_many_arguments)]
pub(super) fn enquiry_from(
    id: i64,
    service_id: String,
    organisation_id: String,
    status: String,
    sent_at: i64,
    updated_at: i64,
    due_on: String,
    remind_on: String,
    reminded_at: Option<i64>,
    escalated_at: Option<i64>,
    version: i64,
    about: String,
    person: Option<String>,
) -> StoreResult<Enquiry> {
    let time = |s: i64| Timestamp::from_second(s).unwrap_or(Timestamp::UNIX_EPOCH);
    let date = |s: &str| {
        s.parse::<Date>()
            .map_err(|_| StoreError::Invalid(format!("enquiry {id} has a bad date “{s}”")))
    };
    Ok(Enquiry {
        id,
        service_id,
        organisation_id,
        status: EnquiryStatus::from_slug(&status).ok_or_else(|| {
            StoreError::Invalid(format!("enquiry {id} has an unknown status “{status}”"))
        })?,
        sent_at: time(sent_at),
        updated_at: time(updated_at),
        due_on: date(&due_on)?,
        remind_on: date(&remind_on)?,
        reminded_at: reminded_at.map(time),
        escalated_at: escalated_at.map(time),
        version,
        about: serde_json::from_str(&about)?,
        person: person.map(|p| serde_json::from_str(&p)).transpose()?,
    })
}

fn enquiry_of(row: &Row) -> StoreResult<Enquiry> {
    enquiry_from(
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
        row.get(9)?,
        row.get(10)?,
        row.get(11)?,
        row.get(12)?,
    )
}

fn query_enquiries(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> StoreResult<Vec<Enquiry>> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(enquiry_of(row)?);
    }
    Ok(out)
}

/// The placeholders `?2, ?3, ...` for `n` values after a first.
fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn queue_all(tx: &Transaction, emails: &[NewEmail], at: Timestamp) -> StoreResult<()> {
    for email in emails {
        super::outbox::queue_in(tx, email, at)?;
    }
    Ok(())
}

impl EnquiryStore for SqliteStore {
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
                let sql = format!(
                    "SELECT count(DISTINCT token_hash) FROM enquiries
                     WHERE sent_at >= ?1 AND client_hash IN ({})",
                    placeholders(2, client_hashes.len())
                );
                let mut values: Vec<rusqlite::types::Value> = vec![since.as_second().into()];
                values.extend(client_hashes.iter().map(|h| h.clone().into()));
                let sent: i64 = tx.query_row(&sql, params_from_iter(values), |r| r.get(0))?;
                if sent as usize >= max {
                    return Ok(None);
                }
            }
            let mut ids = Vec::new();
            for enquiry in enquiries {
                tx.execute(
                    "INSERT INTO enquiries (service_id, organisation_id, status, sent_at,
                         updated_at, due_on, remind_on, version, about, person, token_hash,
                         contact_key, client_hash)
                     VALUES (?1, ?2, 'new', ?3, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        enquiry.service_id,
                        enquiry.organisation_id,
                        at.as_second(),
                        enquiry.due_on.to_string(),
                        enquiry.remind_on.to_string(),
                        serde_json::to_string(&enquiry.about)?,
                        serde_json::to_string(&enquiry.person)?,
                        keys.token_hash,
                        keys.contact_key,
                        keys.client_hash,
                    ],
                )?;
                ids.push(tx.last_insert_rowid());
            }
            queue_all(tx, emails, at)?;
            Ok(Some(ids))
        })
    }

    fn enquiries(&self, organisation_id: Option<&str>, limit: usize) -> StoreResult<Vec<Enquiry>> {
        self.with(|conn| {
            query_enquiries(
                conn,
                &format!(
                    "SELECT {ENQUIRY_COLUMNS} FROM enquiries
                     WHERE ?1 IS NULL OR organisation_id = ?1
                     ORDER BY sent_at DESC, id DESC LIMIT ?2"
                ),
                params![organisation_id, limit as i64],
            )
        })
    }

    fn enquiry(&self, id: i64) -> StoreResult<Option<Enquiry>> {
        self.with(|conn| {
            Ok(query_enquiries(
                conn,
                &format!("SELECT {ENQUIRY_COLUMNS} FROM enquiries WHERE id = ?1"),
                [id],
            )?
            .pop())
        })
    }

    fn enquiries_by_token(&self, token_hash: &str) -> StoreResult<Vec<Enquiry>> {
        if token_hash.is_empty() {
            return Ok(Vec::new());
        }
        self.with(|conn| {
            query_enquiries(
                conn,
                &format!(
                    "SELECT {ENQUIRY_COLUMNS} FROM enquiries WHERE token_hash = ?1 ORDER BY id"
                ),
                [token_hash],
            )
        })
    }

    fn answer_enquiry(&self, enquiry: &Enquiry, emails: &[NewEmail]) -> StoreResult<bool> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE enquiries SET status = ?1, person = ?2, updated_at = ?3,
                     version = version + 1
                 WHERE id = ?4 AND version = ?5 AND person IS NOT NULL",
                params![
                    enquiry.status.slug(),
                    enquiry
                        .person
                        .as_ref()
                        .map(serde_json::to_string)
                        .transpose()?,
                    enquiry.updated_at.as_second(),
                    enquiry.id,
                    enquiry.version,
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
                (Chase::Reminder, "reminded_at", "remind_on <= ?1"),
                (Chase::Escalation, "escalated_at", "due_on < ?1"),
            ] {
                let due = query_enquiries(
                    tx,
                    &format!(
                        "SELECT {ENQUIRY_COLUMNS} FROM enquiries
                         WHERE status = 'new' AND person IS NOT NULL AND {column} IS NULL
                             AND {due}
                         ORDER BY id LIMIT ?2"
                    ),
                    params![today, limit as i64],
                )?;
                for enquiry in due {
                    tx.execute(
                        &format!("UPDATE enquiries SET {column} = ?1 WHERE id = ?2"),
                        params![at.as_second(), enquiry.id],
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
                     client_hash = '', erased_at = ?2
                 WHERE person IS NOT NULL AND updated_at < ?1",
                [before.as_second(), at.as_second()],
            )? as u64)
        })
    }

    fn erase_enquiries_of(&self, contact_key: &str, at: Timestamp) -> StoreResult<u64> {
        if contact_key.is_empty() {
            return Ok(0);
        }
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE enquiries SET person = NULL, token_hash = '', contact_key = '',
                     client_hash = '', erased_at = ?2
                 WHERE person IS NOT NULL AND contact_key = ?1",
                params![contact_key, at.as_second()],
            )? as u64)
        })
    }

    fn forget_enquiry_clients(&self, before: Timestamp) -> StoreResult<u64> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE enquiries SET client_hash = '' WHERE sent_at < ?1 AND client_hash != ''",
                [before.as_second()],
            )? as u64)
        })
    }

    fn enquiries_sent_between(&self, from: Timestamp, to: Timestamp) -> StoreResult<Vec<Enquiry>> {
        self.with(|conn| {
            let mut found = query_enquiries(
                conn,
                &format!(
                    "SELECT {ENQUIRY_COLUMNS} FROM enquiries
                     WHERE sent_at >= ?1 AND sent_at < ?2 ORDER BY id"
                ),
                [from.as_second(), to.as_second()],
            )?;
            for enquiry in &mut found {
                enquiry.person = None;
            }
            Ok(found)
        })
    }
}
