//! The review cycle in PostgreSQL: the same tables and steps as `src/store/reviews.rs`.
//! Writes queue on the store's write lock, so a stage two nodes find due at once is
//! marked, and mailed, by one of them.

use std::collections::HashSet;

use jiff::Timestamp;
use jiff::civil::Date;

use super::PostgresStore;
use crate::reviews::{DueReview, ReviewLink, ReviewStage};
use crate::store::StoreResult;
use crate::store::reviews::{ReviewMail, ReviewStore, date_of, link_from, stage_of};

impl ReviewStore for PostgresStore {
    fn review_stages_marked(&self) -> StoreResult<HashSet<(String, Date, ReviewStage)>> {
        self.read(|tx| {
            let mut out = HashSet::new();
            for row in tx.query(
                "SELECT service_id, reviewed_on, stage FROM review_stages",
                &[],
            )? {
                let (service, on, stage): (String, String, String) =
                    (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
                out.insert((service, date_of(&on)?, stage_of(&stage)?));
            }
            Ok(out)
        })
    }

    fn mark_reviews_due(
        &self,
        due: &[DueReview],
        at: Timestamp,
        write: &dyn Fn(&[DueReview]) -> StoreResult<ReviewMail>,
    ) -> StoreResult<Vec<DueReview>> {
        self.write(|tx| {
            let mut marked = Vec::new();
            for d in due {
                let added = tx.execute(
                    "INSERT INTO review_stages (service_id, reviewed_on, stage, marked_at)
                     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                    &[
                        &d.service_id,
                        &d.reviewed_on.to_string(),
                        &d.stage.slug(),
                        &at.as_second(),
                    ],
                )?;
                if added == 1 {
                    marked.push(d.clone());
                }
            }
            let (emails, links) = write(&marked)?;
            for link in &links {
                tx.execute(
                    "INSERT INTO review_links (token_hash, service_id, reviewed_on, account_id,
                         created_at, expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[
                        &link.token_hash,
                        &link.service_id,
                        &link.reviewed_on.to_string(),
                        &link.account_id,
                        &at.as_second(),
                        &link.expires_at.as_second(),
                    ],
                )?;
            }
            for email in &emails {
                super::outbox::queue_in(tx, email, at)?;
            }
            Ok(marked)
        })
    }

    fn review_link(&self, token_hash: &str) -> StoreResult<Option<ReviewLink>> {
        self.read(|tx| {
            let row = tx.query_opt(
                "SELECT service_id, reviewed_on, account_id, created_at, expires_at, used_at
                 FROM review_links WHERE token_hash = $1",
                &[&token_hash],
            )?;
            row.map(|r| {
                link_from(
                    r.try_get(0)?,
                    r.try_get(1)?,
                    r.try_get(2)?,
                    r.try_get(3)?,
                    r.try_get(4)?,
                    r.try_get(5)?,
                )
            })
            .transpose()
        })
    }

    fn use_review_link(&self, token_hash: &str, at: Timestamp) -> StoreResult<bool> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE review_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
                &[&token_hash, &at.as_second()],
            )? == 1)
        })
    }

    fn forget_review_links(&self, before: Timestamp) -> StoreResult<u64> {
        self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM review_links WHERE expires_at < $1",
                &[&before.as_second()],
            )?)
        })
    }
}
