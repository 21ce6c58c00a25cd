//! Links to set a forgotten password in PostgreSQL: the same table and steps as
//! `src/store/password_links.rs`.

use jiff::Timestamp;

use super::PostgresStore;
use crate::accounts::{AccountId, NewPasswordLink, PasswordLink};
use crate::outbox::NewEmail;
use crate::store::StoreResult;
use crate::store::password_links::{PasswordLinkStore, password_link_from};

impl PasswordLinkStore for PostgresStore {
    fn add_password_link(
        &self,
        link: &NewPasswordLink,
        email: &NewEmail,
        at: Timestamp,
    ) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO password_links (token_hash, account_id, created_at, expires_at)
                 VALUES ($1, $2, $3, $4)",
                &[
                    &link.token_hash,
                    &link.account_id.0,
                    &at.as_second(),
                    &link.expires_at.as_second(),
                ],
            )?;
            super::outbox::queue_in(tx, email, at)?;
            Ok(())
        })
    }

    fn password_links_since(&self, account: AccountId, since: Timestamp) -> StoreResult<u64> {
        self.read(|tx| {
            let n: i64 = tx
                .query_one(
                    "SELECT COUNT(*) FROM password_links WHERE account_id = $1 AND created_at >= $2",
                    &[&account.0, &since.as_second()],
                )?
                .try_get(0)?;
            Ok(n as u64)
        })
    }

    fn password_link(&self, token_hash: &str) -> StoreResult<Option<PasswordLink>> {
        self.read(|tx| {
            tx.query_opt(
                "SELECT account_id, created_at, expires_at, used_at FROM password_links
                 WHERE token_hash = $1",
                &[&token_hash],
            )?
            .map(|r| password_link_from(r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?))
            .transpose()
        })
    }

    fn use_password_link(&self, token_hash: &str, at: Timestamp) -> StoreResult<bool> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE password_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
                &[&token_hash, &at.as_second()],
            )? == 1)
        })
    }
}
