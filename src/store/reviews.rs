//! The review cycle in the embedded store (see `crate::reviews`): which stage each
//! listing's cycle has reached (marked once, with its emails and links, in one
//! transaction) and the one-click links, kept by the hash of their token.

use std::collections::HashSet;

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{OptionalExtension, params};

use super::{SqliteStore, StoreError, StoreResult};
use crate::outbox::NewEmail;
use crate::reviews::{DueReview, NewReviewLink, ReviewLink, ReviewStage};

/// What a pass of the cycle writes for the listings it marked: emails and their links.
pub type ReviewMail = (Vec<NewEmail>, Vec<NewReviewLink>);

/// Where the review cycle is kept. Both backends implement it.
pub trait ReviewStore: Send + Sync {
    /// The stages already marked, by (service, confirmation date, stage).
    fn review_stages_marked(&self) -> StoreResult<HashSet<(String, Date, ReviewStage)>>;
    /// In one transaction: each of `due` not marked yet is marked at `at`, and what
    /// `write` gives for those (their emails and links) is saved with them. A stage
    /// another node marked first is left out. Returns the ones this call marked.
    fn mark_reviews_due(
        &self,
        due: &[DueReview],
        at: Timestamp,
        write: &dyn Fn(&[DueReview]) -> StoreResult<ReviewMail>,
    ) -> StoreResult<Vec<DueReview>>;
    fn review_link(&self, token_hash: &str) -> StoreResult<Option<ReviewLink>>;
    /// Marks a link used at `at`; false if it had been used already.
    fn use_review_link(&self, token_hash: &str, at: Timestamp) -> StoreResult<bool>;
    /// Forgets links that expired before `before`.
    fn forget_review_links(&self, before: Timestamp) -> StoreResult<u64>;
}

pub(super) fn date_of(text: &str) -> StoreResult<Date> {
    text.parse()
        .map_err(|_| StoreError::Invalid(format!("a stored date is not a date: {text}")))
}

pub(super) fn stage_of(text: &str) -> StoreResult<ReviewStage> {
    ReviewStage::from_slug(text)
        .ok_or_else(|| StoreError::Invalid(format!("no such review stage: {text}")))
}

pub(super) fn link_from(
    service_id: String,
    reviewed_on: String,
    account_id: i64,
    created_at: i64,
    expires_at: i64,
    used_at: Option<i64>,
) -> StoreResult<ReviewLink> {
    let at = |s: i64| Timestamp::from_second(s).map_err(|e| StoreError::Invalid(e.to_string()));
    Ok(ReviewLink {
        service_id,
        reviewed_on: date_of(&reviewed_on)?,
        account_id,
        created_at: at(created_at)?,
        expires_at: at(expires_at)?,
        used_at: used_at.map(at).transpose()?,
    })
}

impl ReviewStore for SqliteStore {
    fn review_stages_marked(&self) -> StoreResult<HashSet<(String, Date, ReviewStage)>> {
        self.with(|conn| {
            let mut statement =
                conn.prepare("SELECT service_id, reviewed_on, stage FROM review_stages")?;
            let rows = statement.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            let mut out = HashSet::new();
            for row in rows {
                let (service, on, stage) = row?;
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
                    "INSERT OR IGNORE INTO review_stages (service_id, reviewed_on, stage, marked_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        d.service_id,
                        d.reviewed_on.to_string(),
                        d.stage.slug(),
                        at.as_second()
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
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        link.token_hash,
                        link.service_id,
                        link.reviewed_on.to_string(),
                        link.account_id,
                        at.as_second(),
                        link.expires_at.as_second()
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
        self.with(|conn| {
            let row = conn
                .query_row(
                    "SELECT service_id, reviewed_on, account_id, created_at, expires_at, used_at
                     FROM review_links WHERE token_hash = ?1",
                    [token_hash],
                    |r| {
                        Ok((
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                        ))
                    },
                )
                .optional()?;
            row.map(|(s, on, a, c, e, u)| link_from(s, on, a, c, e, u))
                .transpose()
        })
    }

    fn use_review_link(&self, token_hash: &str, at: Timestamp) -> StoreResult<bool> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE review_links SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL",
                params![token_hash, at.as_second()],
            )? == 1)
        })
    }

    fn forget_review_links(&self, before: Timestamp) -> StoreResult<u64> {
        self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM review_links WHERE expires_at < ?1",
                [before.as_second()],
            )? as u64)
        })
    }
}
