//! Accounts, sessions and sign-in failures in the embedded store.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{SqliteStore, StoreError, StoreResult};
use crate::accounts::{
    Account, AccountId, AccountStore, CsrfToken, EditorSession, Email, NewAccount, NewSession, Role,
};

const ACCOUNT_COLUMNS: &str = "id, email, name, role, organisation_id, created_at";

/// An account from a row of `ACCOUNT_COLUMNS` starting at column `at`.
fn account_at(row: &Row, at: usize) -> rusqlite::Result<Account> {
    let role: String = row.get(at + 3)?;
    let organisation: Option<String> = row.get(at + 4)?;
    let role = match (role.as_str(), organisation) {
        ("provider", Some(organisation_id)) => Role::Provider { organisation_id },
        _ => Role::Council,
    };
    let email: String = row.get(at + 1)?;
    Ok(Account {
        id: AccountId(row.get(at)?),
        // Stored addresses were parsed before they were stored.
        email: Email::parse(&email).map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                at + 1,
                rusqlite::types::Type::Text,
                "a stored email address does not parse".into(),
            )
        })?,
        name: row.get(at + 2)?,
        role,
        created_at: from_seconds(row.get(at + 5)?),
    })
}

fn seconds(t: Timestamp) -> i64 {
    t.as_second()
}

fn from_seconds(s: i64) -> Timestamp {
    Timestamp::from_second(s).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn account(conn: &Connection, id: AccountId) -> StoreResult<Option<Account>> {
    Ok(conn
        .query_row(
            &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?1"),
            [id.0],
            |r| account_at(r, 0),
        )
        .optional()?)
}

impl AccountStore for SqliteStore {
    fn add_account(
        &self,
        new: &NewAccount,
        password_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Account> {
        self.write(|tx| {
            let inserted = tx.execute(
                "INSERT INTO accounts (email, name, role, organisation_id, password_hash, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(email) DO NOTHING",
                params![
                    new.email.as_str(),
                    new.name,
                    new.role.slug(),
                    new.role.organisation_id(),
                    password_hash,
                    seconds(now)
                ],
            )?;
            if inserted == 0 {
                return Err(StoreError::Invalid(
                    "there is already an account with that email address".into(),
                ));
            }
            account(tx, AccountId(tx.last_insert_rowid()))?.ok_or(StoreError::NotFound("account"))
        })
    }

    fn account(&self, id: AccountId) -> StoreResult<Option<Account>> {
        self.with(|conn| account(conn, id))
    }

    fn account_by_email(&self, email: &Email) -> StoreResult<Option<(Account, String)>> {
        self.with(|conn| {
            Ok(conn
                .query_row(
                    &format!(
                        "SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = ?1"
                    ),
                    [email.as_str()],
                    |r| Ok((account_at(r, 0)?, r.get(6)?)),
                )
                .optional()?)
        })
    }

    fn accounts(&self) -> StoreResult<Vec<Account>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY email"
            ))?;
            let rows = stmt.query_map([], |r| account_at(r, 0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    fn start_session(&self, session: &NewSession) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sessions WHERE expires_at <= ?1",
                [seconds(session.created_at)],
            )?;
            tx.execute(
                "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    session.token_hash,
                    session.account_id.0,
                    session.csrf_token.as_str(),
                    seconds(session.created_at),
                    seconds(session.expires_at)
                ],
            )?;
            Ok(())
        })
    }

    fn session(&self, token_hash: &str, now: Timestamp) -> StoreResult<Option<EditorSession>> {
        self.with(|conn| {
            let columns = ACCOUNT_COLUMNS
                .split(", ")
                .map(|c| format!("a.{c}"))
                .collect::<Vec<_>>()
                .join(", ");
            Ok(conn
                .query_row(
                    &format!(
                        "SELECT {columns}, s.csrf_token, s.expires_at FROM sessions s
                         JOIN accounts a ON a.id = s.account_id
                         WHERE s.token_hash = ?1 AND s.expires_at > ?2"
                    ),
                    params![token_hash, seconds(now)],
                    |r| {
                        Ok(EditorSession {
                            account: account_at(r, 0)?,
                            csrf_token: CsrfToken::from_stored(r.get(6)?),
                            expires_at: from_seconds(r.get(7)?),
                        })
                    },
                )
                .optional()?)
        })
    }

    fn end_session(&self, token_hash: &str) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
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
                "DELETE FROM sign_in_failures WHERE at < ?1",
                [seconds(forget_before)],
            )?;
            for key in key_hashes {
                tx.execute(
                    "INSERT INTO sign_in_failures (key_hash, at) VALUES (?1, ?2)",
                    params![key, seconds(at)],
                )?;
            }
            Ok(())
        })
    }

    fn sign_in_failures(&self, key_hash: &str, since: Timestamp) -> StoreResult<usize> {
        self.with(|conn| {
            Ok(conn.query_row(
                "SELECT count(*) FROM sign_in_failures WHERE key_hash = ?1 AND at > ?2",
                params![key_hash, seconds(since)],
                |r| r.get::<_, i64>(0),
            )? as usize)
        })
    }

    fn clear_sign_in_failures(&self, key_hash: &str) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sign_in_failures WHERE key_hash = ?1",
                [key_hash],
            )?;
            Ok(())
        })
    }
}
