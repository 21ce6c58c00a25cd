//! Accounts, sessions and sign-in failures in PostgreSQL: the same steps as
//! `src/store/accounts.rs`.

use jiff::Timestamp;
use postgres::{GenericClient, Row};

use super::{PostgresStore, from_seconds};
use crate::accounts::{
    Account, AccountId, AccountStore, CsrfToken, EditorSession, Email, NewAccount, NewSession, Role,
};
use crate::store::{StoreError, StoreResult};

const ACCOUNT_COLUMNS: &str = "a.id, a.email, a.name, a.role, a.organisation_id, a.created_at";

/// An account from a row starting with `ACCOUNT_COLUMNS`.
fn account_of(row: &Row) -> StoreResult<Account> {
    let role: &str = row.try_get(3)?;
    let organisation: Option<String> = row.try_get(4)?;
    let role = match (role, organisation) {
        ("provider", Some(organisation_id)) => Role::Provider { organisation_id },
        _ => Role::Council,
    };
    // Stored addresses were parsed before they were stored.
    let email = Email::parse(row.try_get(1)?)
        .map_err(|_| StoreError::Invalid("a stored email address does not parse".into()))?;
    Ok(Account {
        id: AccountId(row.try_get(0)?),
        email,
        name: row.try_get(2)?,
        role,
        created_at: from_seconds(row.try_get(5)?),
    })
}

fn account(conn: &mut impl GenericClient, id: AccountId) -> StoreResult<Option<Account>> {
    conn.query_opt(
        &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1"),
        &[&id.0],
    )?
    .map(|row| account_of(&row))
    .transpose()
}

impl AccountStore for PostgresStore {
    fn add_account(
        &self,
        new: &NewAccount,
        password_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Account> {
        self.write(|tx| {
            let inserted = tx.query_opt(
                "INSERT INTO accounts (email, name, role, organisation_id, password_hash, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
                &[
                    &new.email.as_str(),
                    &new.name,
                    &new.role.slug(),
                    &new.role.organisation_id(),
                    &password_hash,
                    &now.as_second(),
                ],
            )?;
            let Some(row) = inserted else {
                return Err(StoreError::Invalid(
                    "there is already an account with that email address".into(),
                ));
            };
            account(tx, AccountId(row.try_get(0)?))?.ok_or(StoreError::NotFound("account"))
        })
    }

    fn account(&self, id: AccountId) -> StoreResult<Option<Account>> {
        self.with(|conn| account(conn, id))
    }

    fn account_by_email(&self, email: &Email) -> StoreResult<Option<(Account, String)>> {
        self.with(|conn| {
            conn.query_opt(
                &format!(
                    "SELECT {ACCOUNT_COLUMNS}, a.password_hash FROM accounts a
                     WHERE lower(a.email) = lower($1)"
                ),
                &[&email.as_str()],
            )?
            .map(|row| Ok((account_of(&row)?, row.try_get(6)?)))
            .transpose()
        })
    }

    fn accounts(&self) -> StoreResult<Vec<Account>> {
        self.with(|conn| {
            conn.query(
                &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a ORDER BY lower(a.email)"),
                &[],
            )?
            .iter()
            .map(account_of)
            .collect()
        })
    }

    fn start_session(&self, session: &NewSession) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sessions WHERE expires_at <= $1",
                &[&session.created_at.as_second()],
            )?;
            tx.execute(
                "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &session.token_hash,
                    &session.account_id.0,
                    &session.csrf_token.as_str(),
                    &session.created_at.as_second(),
                    &session.expires_at.as_second(),
                ],
            )?;
            Ok(())
        })
    }

    fn session(&self, token_hash: &str, now: Timestamp) -> StoreResult<Option<EditorSession>> {
        self.with(|conn| {
            conn.query_opt(
                &format!(
                    "SELECT {ACCOUNT_COLUMNS}, s.csrf_token, s.expires_at FROM sessions s
                     JOIN accounts a ON a.id = s.account_id
                     WHERE s.token_hash = $1 AND s.expires_at > $2"
                ),
                &[&token_hash, &now.as_second()],
            )?
            .map(|row| {
                Ok(EditorSession {
                    account: account_of(&row)?,
                    csrf_token: CsrfToken::from_stored(row.try_get(6)?),
                    expires_at: from_seconds(row.try_get(7)?),
                })
            })
            .transpose()
        })
    }

    fn end_session(&self, token_hash: &str) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash])?;
            Ok(())
        })
    }

    fn record_sign_in_failure(
        &self,
        key_hashes: &[String],
        at: Timestamp,
        forget_before: Timestamp,
    ) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sign_in_failures WHERE at < $1",
                &[&forget_before.as_second()],
            )?;
            for key in key_hashes {
                tx.execute(
                    "INSERT INTO sign_in_failures (key_hash, at) VALUES ($1, $2)",
                    &[key, &at.as_second()],
                )?;
            }
            Ok(())
        })
    }

    fn sign_in_failures(&self, key_hash: &str, since: Timestamp) -> StoreResult<usize> {
        self.with(|conn| {
            Ok(conn
                .query_one(
                    "SELECT count(*) FROM sign_in_failures WHERE key_hash = $1 AND at > $2",
                    &[&key_hash, &since.as_second()],
                )?
                .try_get::<_, i64>(0)? as usize)
        })
    }

    fn clear_sign_in_failures(&self, key_hash: &str) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sign_in_failures WHERE key_hash = $1",
                &[&key_hash],
            )?;
            Ok(())
        })
    }
}
