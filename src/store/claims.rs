//! Claims to keep a provider's listings (see `crate::accounts::claims`), in the embedded
//! store. Each step is one transaction with its emails.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Row, params};

use super::{SqliteStore, StoreError, StoreResult};
use crate::accounts::{Claim, ClaimStatus, NewClaim};
use crate::outbox::NewEmail;

/// Where claims are kept. Both backends implement it.
pub trait ClaimStore: Send + Sync {
    /// Keeps a claim with its email, unless the client (any of `client_hashes`) made `max`
    /// since `since` (`None`: nothing kept).
    fn add_claim(
        &self,
        claim: &NewClaim,
        client_hashes: &[String],
        since: Timestamp,
        max: usize,
        email: &NewEmail,
        at: Timestamp,
    ) -> StoreResult<Option<i64>>;
    fn claim_by_proof(&self, proof_hash: &str) -> StoreResult<Option<Claim>>;
    fn claim(&self, id: i64) -> StoreResult<Option<Claim>>;
    /// Claims in one state, oldest first.
    fn claims(&self, status: ClaimStatus) -> StoreResult<Vec<Claim>>;
    /// An unproved claim becomes waiting, with `emails`; false if it was not unproved.
    fn prove_claim(&self, id: i64, at: Timestamp, emails: &[NewEmail]) -> StoreResult<bool>;
    /// A waiting claim is decided, with `emails`; false if it was not waiting.
    fn decide_claim(
        &self,
        id: i64,
        status: ClaimStatus,
        by: &str,
        reason: &str,
        at: Timestamp,
        emails: &[NewEmail],
    ) -> StoreResult<bool>;
    /// Deletes claims decided before `before`, and unproved ones made before it.
    fn forget_claims(&self, before: Timestamp) -> StoreResult<u64>;
}

/// The columns a claim is read from, in [`claim_from`]'s order.
pub(super) const CLAIM_COLUMNS: &str = "id, service_id, organisation_id, name, email, job, \
     status, made_at, proof_expires_at, proved_at, decided_at, decided_by, reason";

#[allow(clippy::too_many_arguments)]
pub(super) fn claim_from(
    id: i64,
    service_id: String,
    organisation_id: String,
    name: String,
    email: String,
    job: String,
    status: String,
    made_at: i64,
    proof_expires_at: i64,
    proved_at: Option<i64>,
    decided_at: Option<i64>,
    decided_by: Option<String>,
    reason: String,
) -> StoreResult<Claim> {
    let at = |s: i64| Timestamp::from_second(s).map_err(|e| StoreError::Invalid(e.to_string()));
    Ok(Claim {
        id,
        service_id,
        organisation_id,
        name,
        email,
        job,
        status: ClaimStatus::from_slug(&status)
            .ok_or_else(|| StoreError::Invalid(format!("no such claim status: {status}")))?,
        made_at: at(made_at)?,
        proof_expires_at: at(proof_expires_at)?,
        proved_at: proved_at.map(at).transpose()?,
        decided_at: decided_at.map(at).transpose()?,
        decided_by,
        reason,
    })
}

fn claim_of(r: &Row) -> StoreResult<Claim> {
    claim_from(
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
        r.get(12)?,
    )
}

impl SqliteStore {
    /// The claim `condition` (with one parameter) picks, if any.
    fn one_claim(
        &self,
        condition: &str,
        value: &dyn rusqlite::ToSql,
    ) -> StoreResult<Option<Claim>> {
        self.with(|conn| {
            conn.query_row(
                &format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE {condition}"),
                [value],
                |r| Ok(claim_of(r)),
            )
            .optional()?
            .transpose()
        })
    }
}

impl ClaimStore for SqliteStore {
    fn add_claim(
        &self,
        claim: &NewClaim,
        client_hashes: &[String],
        since: Timestamp,
        max: usize,
        email: &NewEmail,
        at: Timestamp,
    ) -> StoreResult<Option<i64>> {
        self.write(|tx| {
            let mut made = 0i64;
            for hash in client_hashes {
                made += tx.query_row(
                    "SELECT COUNT(*) FROM claims WHERE client_hash = ?1 AND made_at >= ?2",
                    params![hash, since.as_second()],
                    |r| r.get::<_, i64>(0),
                )?;
            }
            if made >= max as i64 {
                return Ok(None);
            }
            tx.execute(
                "INSERT INTO claims (service_id, organisation_id, name, email, job, status,
                     made_at, proof_hash, proof_expires_at, client_hash, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'unproved', ?6, ?7, ?8, ?9, '')",
                params![
                    claim.service_id,
                    claim.organisation_id,
                    claim.name,
                    claim.email.as_str(),
                    claim.job,
                    at.as_second(),
                    claim.proof_hash,
                    claim.proof_expires_at.as_second(),
                    claim.client_hash
                ],
            )?;
            let id = tx.last_insert_rowid();
            super::outbox::queue_in(tx, email, at)?;
            Ok(Some(id))
        })
    }

    fn claim_by_proof(&self, proof_hash: &str) -> StoreResult<Option<Claim>> {
        self.one_claim("proof_hash = ?1", &proof_hash)
    }

    fn claim(&self, id: i64) -> StoreResult<Option<Claim>> {
        self.one_claim("id = ?1", &id)
    }

    fn claims(&self, status: ClaimStatus) -> StoreResult<Vec<Claim>> {
        self.with(|conn| {
            let mut statement = conn.prepare(&format!(
                "SELECT {CLAIM_COLUMNS} FROM claims WHERE status = ?1 ORDER BY id"
            ))?;
            let rows = statement.query_map([status.slug()], |r| Ok(claim_of(r)))?;
            rows.map(|r| r?).collect()
        })
    }

    fn prove_claim(&self, id: i64, at: Timestamp, emails: &[NewEmail]) -> StoreResult<bool> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE claims SET status = 'waiting', proved_at = ?2
                 WHERE id = ?1 AND status = 'unproved'",
                params![id, at.as_second()],
            )?;
            if changed == 1 {
                for email in emails {
                    super::outbox::queue_in(tx, email, at)?;
                }
            }
            Ok(changed == 1)
        })
    }

    fn decide_claim(
        &self,
        id: i64,
        status: ClaimStatus,
        by: &str,
        reason: &str,
        at: Timestamp,
        emails: &[NewEmail],
    ) -> StoreResult<bool> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE claims SET status = ?2, decided_at = ?3, decided_by = ?4, reason = ?5
                 WHERE id = ?1 AND status = 'waiting'",
                params![id, status.slug(), at.as_second(), by, reason],
            )?;
            if changed == 1 {
                for email in emails {
                    super::outbox::queue_in(tx, email, at)?;
                }
            }
            Ok(changed == 1)
        })
    }

    fn forget_claims(&self, before: Timestamp) -> StoreResult<u64> {
        self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM claims WHERE decided_at < ?1
                     OR (status = 'unproved' AND made_at < ?1)",
                [before.as_second()],
            )? as u64)
        })
    }
}
