//! Accounts, sessions and sign-in attempts in the embedded store.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::moderation::write_audit;
use super::{SqliteStore, StoreError, StoreResult};
use crate::accounts::{
    Account, AccountId, AccountStore, Credentials, CsrfToken, EditorSession, Email, NewAccount,
    NewSession, Role,
};
use crate::moderation::{NewAudit, Snapshot};

const ACCOUNT_COLUMNS: &str = "a.id, a.email, a.name, a.role, a.organisation_id, a.created_at, \
     a.must_change_password, a.disabled, a.totp_secret IS NOT NULL";
/// How many columns `ACCOUNT_COLUMNS` has.
const ACCOUNT_WIDTH: usize = 9;

/// An account from a row starting with `ACCOUNT_COLUMNS`.
fn account_of(row: &Row) -> rusqlite::Result<Account> {
    let role: String = row.get(3)?;
    let organisation: Option<String> = row.get(4)?;
    let role = match (role.as_str(), organisation) {
        ("provider", Some(organisation_id)) => Role::Provider { organisation_id },
        _ => Role::Council,
    };
    let email: String = row.get(1)?;
    Ok(Account {
        id: AccountId(row.get(0)?),
        // Stored addresses were parsed before they were stored.
        email: Email::parse(&email).map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                "a stored email address does not parse".into(),
            )
        })?,
        name: row.get(2)?,
        role,
        created_at: from_seconds(row.get(5)?),
        must_change_password: row.get(6)?,
        disabled: row.get(7)?,
        two_step: row.get(8)?,
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
            &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = ?1"),
            [id.0],
            account_of,
        )
        .optional()?)
}

/// An account change's audit entry (it has no listing before or after).
fn audit(tx: &Transaction, entry: &NewAudit) -> StoreResult<()> {
    write_audit::<Snapshot>(tx, entry, None, None, None)
}

fn insert_session(tx: &Transaction, session: &NewSession) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM sessions WHERE expires_at <= ?1",
        [seconds(session.created_at)],
    )?;
    tx.execute(
        "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at, awaiting_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            session.token_hash,
            session.account_id.0,
            session.csrf_token.as_str(),
            seconds(session.created_at),
            seconds(session.expires_at),
            session.awaiting_code
        ],
    )?;
    Ok(())
}

impl SqliteStore {
    fn find_session(
        &self,
        token_hash: &str,
        now: Timestamp,
        awaiting_code: bool,
    ) -> StoreResult<Option<EditorSession>> {
        self.with(|conn| {
            Ok(conn
                .query_row(
                    &format!(
                        "SELECT {ACCOUNT_COLUMNS}, s.csrf_token, s.expires_at FROM sessions s
                         JOIN accounts a ON a.id = s.account_id
                         WHERE s.token_hash = ?1 AND s.expires_at > ?2
                           AND s.awaiting_code = ?3 AND NOT a.disabled"
                    ),
                    params![token_hash, seconds(now), awaiting_code],
                    |r| {
                        Ok(EditorSession {
                            account: account_of(r)?,
                            csrf_token: CsrfToken::from_stored(r.get(ACCOUNT_WIDTH)?),
                            expires_at: from_seconds(r.get(ACCOUNT_WIDTH + 1)?),
                        })
                    },
                )
                .optional()?)
        })
    }
}

impl AccountStore for SqliteStore {
    fn add_account(
        &self,
        new: &NewAccount,
        password_hash: &str,
        entry: &NewAudit,
    ) -> StoreResult<Account> {
        self.write(|tx| {
            let inserted = tx.execute(
                "INSERT INTO accounts (email, name, role, organisation_id, password_hash, created_at,
                     must_change_password)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(email) DO NOTHING",
                params![
                    new.email.as_str(),
                    new.name,
                    new.role.slug(),
                    new.role.organisation_id(),
                    password_hash,
                    seconds(entry.at),
                    new.must_change_password
                ],
            )?;
            if inserted == 0 {
                return Err(StoreError::Invalid(
                    "there is already an account with that email address".into(),
                ));
            }
            // Read before the audit entry's insert replaces it.
            let id = AccountId(tx.last_insert_rowid());
            audit(tx, entry)?;
            account(tx, id)?.ok_or(StoreError::NotFound("account"))
        })
    }

    fn account(&self, id: AccountId) -> StoreResult<Option<Account>> {
        self.with(|conn| account(conn, id))
    }

    fn account_by_email(&self, email: &Email) -> StoreResult<Option<(Account, Credentials)>> {
        self.with(|conn| {
            Ok(conn
                .query_row(
                    &format!(
                        "SELECT {ACCOUNT_COLUMNS}, a.password_hash, a.totp_secret, a.totp_last_step
                         FROM accounts a WHERE a.email = ?1"
                    ),
                    [email.as_str()],
                    |r| {
                        Ok((
                            account_of(r)?,
                            Credentials {
                                password_hash: r.get(ACCOUNT_WIDTH)?,
                                totp_secret: r.get(ACCOUNT_WIDTH + 1)?,
                                totp_last_step: r.get(ACCOUNT_WIDTH + 2)?,
                            },
                        ))
                    },
                )
                .optional()?)
        })
    }

    fn accounts(&self) -> StoreResult<Vec<Account>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {ACCOUNT_COLUMNS} FROM accounts a ORDER BY a.email"
            ))?;
            let rows = stmt.query_map([], account_of)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    fn set_password(
        &self,
        id: AccountId,
        password_hash: &str,
        must_change: bool,
        keep_session: Option<&str>,
        entry: &NewAudit,
    ) -> StoreResult<bool> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE accounts SET password_hash = ?2, must_change_password = ?3 WHERE id = ?1",
                params![id.0, password_hash, must_change],
            )?;
            if changed == 0 {
                return Ok(false);
            }
            tx.execute(
                "DELETE FROM sessions WHERE account_id = ?1 AND token_hash IS NOT ?2",
                params![id.0, keep_session],
            )?;
            audit(tx, entry)?;
            Ok(true)
        })
    }

    fn set_disabled(
        &self,
        id: AccountId,
        disabled: bool,
        entry: &NewAudit,
    ) -> StoreResult<Option<Account>> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE accounts SET disabled = ?2 WHERE id = ?1",
                params![id.0, disabled],
            )?;
            if changed == 0 {
                return Ok(None);
            }
            if disabled {
                tx.execute("DELETE FROM sessions WHERE account_id = ?1", [id.0])?;
            }
            audit(tx, entry)?;
            account(tx, id)
        })
    }

    fn set_two_step(
        &self,
        id: AccountId,
        secret: Option<&str>,
        used_step: Option<i64>,
        entry: &NewAudit,
    ) -> StoreResult<bool> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE accounts SET totp_secret = ?2, totp_last_step = ?3 WHERE id = ?1",
                params![id.0, secret, used_step],
            )?;
            if changed == 0 {
                return Ok(false);
            }
            audit(tx, entry)?;
            Ok(true)
        })
    }

    fn start_session(&self, session: &NewSession) -> StoreResult<()> {
        self.write(|tx| insert_session(tx, session))
    }

    fn session(&self, token_hash: &str, now: Timestamp) -> StoreResult<Option<EditorSession>> {
        self.find_session(token_hash, now, false)
    }

    fn session_awaiting_code(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<EditorSession>> {
        self.find_session(token_hash, now, true)
    }

    fn complete_two_step(
        &self,
        awaiting_hash: &str,
        step: i64,
        session: &NewSession,
    ) -> StoreResult<bool> {
        self.write(|tx| {
            let awaiting: i64 = tx.query_row(
                "SELECT count(*) FROM sessions WHERE token_hash = ?1 AND account_id = ?2
                   AND awaiting_code AND expires_at > ?3",
                params![
                    awaiting_hash,
                    session.account_id.0,
                    seconds(session.created_at)
                ],
                |r| r.get(0),
            )?;
            if awaiting == 0 {
                return Ok(false);
            }
            let used = tx.execute(
                "UPDATE accounts SET totp_last_step = ?2
                 WHERE id = ?1 AND totp_secret IS NOT NULL
                   AND (totp_last_step IS NULL OR totp_last_step < ?2)",
                params![session.account_id.0, step],
            )?;
            if used == 0 {
                return Ok(false);
            }
            tx.execute(
                "DELETE FROM sessions WHERE token_hash = ?1",
                [awaiting_hash],
            )?;
            insert_session(tx, session)?;
            Ok(true)
        })
    }

    fn end_session(&self, token_hash: &str) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
            Ok(())
        })
    }

    fn reserve_attempt(
        &self,
        attempt: &str,
        limits: &[(String, usize)],
        at: Timestamp,
        since: Timestamp,
    ) -> StoreResult<bool> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sign_in_failures WHERE at <= ?1",
                [seconds(since)],
            )?;
            for (key, max) in limits {
                let count: i64 = tx.query_row(
                    "SELECT count(*) FROM sign_in_failures WHERE key_hash = ?1 AND at > ?2",
                    params![key, seconds(since)],
                    |r| r.get(0),
                )?;
                if count as usize >= *max {
                    return Ok(false);
                }
            }
            for (key, _) in limits {
                tx.execute(
                    "INSERT INTO sign_in_failures (key_hash, at, attempt) VALUES (?1, ?2, ?3)",
                    params![key, seconds(at), attempt],
                )?;
            }
            Ok(true)
        })
    }

    fn attempt_succeeded(&self, attempt: &str, clear: Option<&str>) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sign_in_failures WHERE attempt = ?1 OR key_hash = ?2",
                params![attempt, clear],
            )?;
            Ok(())
        })
    }
}
