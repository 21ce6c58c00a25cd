//! Claims in PostgreSQL: the same table and steps as `src/store/claims.rs`. Writes queue on
//! the store's write lock, so the limit per client holds across nodes.

use jiff::Timestamp;
use postgres::Row;

use super::PostgresStore;
use crate::accounts::{Claim, ClaimStatus, NewClaim};
use crate::outbox::NewEmail;
use crate::store::StoreResult;
use crate::store::claims::{CLAIM_COLUMNS, ClaimStore, claim_from};

fn claim_of(r: &Row) -> StoreResult<Claim> {
    claim_from(
        r.try_get(0)?,
        r.try_get(1)?,
        r.try_get(2)?,
        r.try_get(3)?,
        r.try_get(4)?,
        r.try_get(5)?,
        r.try_get(6)?,
        r.try_get(7)?,
        r.try_get(8)?,
        r.try_get(9)?,
        r.try_get(10)?,
        r.try_get(11)?,
        r.try_get(12)?,
    )
}

impl PostgresStore {
    /// The claim `condition` (with one parameter) picks, if any.
    fn one_claim(
        &self,
        condition: &str,
        value: &(dyn postgres::types::ToSql + Sync),
    ) -> StoreResult<Option<Claim>> {
        self.read(|tx| {
            tx.query_opt(
                &format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE {condition}"),
                &[value],
            )?
            .map(|r| claim_of(&r))
            .transpose()
        })
    }
}

impl ClaimStore for PostgresStore {
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
                let n: i64 = tx
                    .query_one(
                        "SELECT COUNT(*) FROM claims WHERE client_hash = $1 AND made_at >= $2",
                        &[hash, &since.as_second()],
                    )?
                    .try_get(0)?;
                made += n;
            }
            if made >= max as i64 {
                return Ok(None);
            }
            let id: i64 = tx
                .query_one(
                    "INSERT INTO claims (service_id, organisation_id, name, email, job, status,
                         made_at, proof_hash, proof_expires_at, client_hash, reason)
                     VALUES ($1, $2, $3, $4, $5, 'unproved', $6, $7, $8, $9, '')
                     RETURNING id",
                    &[
                        &claim.service_id,
                        &claim.organisation_id,
                        &claim.name,
                        &claim.email.as_str(),
                        &claim.job,
                        &at.as_second(),
                        &claim.proof_hash,
                        &claim.proof_expires_at.as_second(),
                        &claim.client_hash,
                    ],
                )?
                .try_get(0)?;
            super::outbox::queue_in(tx, email, at)?;
            Ok(Some(id))
        })
    }

    fn claim_by_proof(&self, proof_hash: &str) -> StoreResult<Option<Claim>> {
        self.one_claim("proof_hash = $1", &proof_hash)
    }

    fn claim(&self, id: i64) -> StoreResult<Option<Claim>> {
        self.one_claim("id = $1", &id)
    }

    fn claims(&self, status: ClaimStatus) -> StoreResult<Vec<Claim>> {
        self.read(|tx| {
            tx.query(
                &format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE status = $1 ORDER BY id"),
                &[&status.slug()],
            )?
            .iter()
            .map(claim_of)
            .collect()
        })
    }

    fn prove_claim(&self, id: i64, at: Timestamp, emails: &[NewEmail]) -> StoreResult<bool> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE claims SET status = 'waiting', proved_at = $2
                 WHERE id = $1 AND status = 'unproved'",
                &[&id, &at.as_second()],
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
                "UPDATE claims SET status = $2, decided_at = $3, decided_by = $4, reason = $5
                 WHERE id = $1 AND status = 'waiting'",
                &[&id, &status.slug(), &at.as_second(), &by, &reason],
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
                "DELETE FROM claims WHERE decided_at < $1
                     OR (status = 'unproved' AND made_at < $1)",
                &[&before.as_second()],
            )?)
        })
    }
}
