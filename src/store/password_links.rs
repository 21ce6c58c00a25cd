//! Links to set a forgotten password (see `crate::accounts::reset`), in the embedded
//! store: kept by the hash of their token, each with its email in one transaction.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::{SqliteStore, StoreError, StoreResult};
use crate::accounts::{AccountId, NewPasswordLink, PasswordLink};
use crate::outbox::NewEmail;

/// Where password links are kept. Both backends implement it.
pub trait PasswordLinkStore: Send + Sync {
    /// Keeps a link and queues its email, in one transaction.
    fn add_password_link(
        &self,
        link: &NewPasswordLink,
        email: &NewEmail,
        at: Timestamp,
    ) -> StoreResult<()>;
    /// How many links an account has been sent since `since`.
    fn password_links_since(&self, account: AccountId, since: Timestamp) -> StoreResult<u64>;
    fn password_link(&self, token_hash: &str) -> StoreResult<Option<PasswordLink>>;
    /// Marks a link used; false if it was used already.
    fn use_password_link(&self, token_hash: &str, at: Timestamp) -> StoreResult<bool>;
}

pub(super) fn password_link_from(
    account_id: i64,
    created_at: i64,
    expires_at: i64,
    used_at: Option<i64>,
) -> StoreResult<PasswordLink> {
    let at = |s: i64| Timestamp::from_second(s).map_err(|e| StoreError::Invalid(e.to_string()));
    Ok(PasswordLink {
        account_id: AccountId(account_id),
        created_at: at(created_at)?,
        expires_at: at(expires_at)?,
        used_at: used_at.map(at).transpose()?,
    })
}

impl PasswordLinkStore for SqliteStore {
    fn add_password_link(
        &self,
        link: &NewPasswordLink,
        email: &NewEmail,
        at: Timestamp,
    ) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO password_links (token_hash, account_id, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    link.token_hash,
                    link.account_id.0,
                    at.as_second(),
                    link.expires_at.as_second()
                ],
            )?;
            super::outbox::queue_in(tx, email, at)?;
            Ok(())
        })
    }

    fn password_links_since(&self, account: AccountId, since: Timestamp) -> StoreResult<u64> {
        self.with(|conn| {
            let n: i64 = conn.query_row(
                "SELECT COUNT(*) FROM password_links WHERE account_id = ?1 AND created_at >= ?2",
                params![account.0, since.as_second()],
                |r| r.get(0),
            )?;
            Ok(n as u64)
        })
    }

    fn password_link(&self, token_hash: &str) -> StoreResult<Option<PasswordLink>> {
        self.with(|conn| {
            conn.query_row(
                "SELECT account_id, created_at, expires_at, used_at FROM password_links
                 WHERE token_hash = ?1",
                [token_hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .map(|(a, c, e, u)| password_link_from(a, c, e, u))
            .transpose()
        })
    }

    fn use_password_link(&self, token_hash: &str, at: Timestamp) -> StoreResult<bool> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE password_links SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL",
                params![token_hash, at.as_second()],
            )? == 1)
        })
    }
}
