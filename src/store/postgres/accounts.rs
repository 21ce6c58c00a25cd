//! Accounts, sessions and sign-in attempts in PostgreSQL: the same steps as
//! `src/store/accounts.rs`. Every write takes the writers' lock (`PostgresStore::write`),
//! so a reserved attempt's count and its record are one step on every node.

use jiff::Timestamp;
use postgres::{GenericClient, Row, Transaction};

use super::moderation::write_audit;
use super::{PostgresStore, from_seconds};
use crate::accounts::{
    Account, AccountId, AccountStore, Credentials, CsrfToken, EditorSession, Email, NewAccount,
    NewSession, Role,
};
use crate::moderation::{NewAudit, Snapshot};
use crate::store::{StoreError, StoreResult};

const ACCOUNT_COLUMNS: &str = "a.id, a.email, a.name, a.role, a.organisation_id, a.created_at, \
     a.must_change_password, a.disabled, a.totp_secret IS NOT NULL";
/// How many columns `ACCOUNT_COLUMNS` has.
const ACCOUNT_WIDTH: usize = 9;

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
        must_change_password: row.try_get(6)?,
        disabled: row.try_get(7)?,
        two_step: row.try_get(8)?,
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

/// An account change's audit entry (it has no listing before or after).
fn audit(tx: &mut Transaction, entry: &NewAudit) -> StoreResult<()> {
    write_audit::<Snapshot>(tx, entry, None, None, None)
}

fn insert_session(tx: &mut Transaction, session: &NewSession) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM sessions WHERE expires_at <= $1",
        &[&session.created_at.as_second()],
    )?;
    tx.execute(
        "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at, awaiting_code)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &session.token_hash,
            &session.account_id.0,
            &session.csrf_token.as_str(),
            &session.created_at.as_second(),
            &session.expires_at.as_second(),
            &session.awaiting_code,
        ],
    )?;
    Ok(())
}

impl PostgresStore {
    fn find_session(
        &self,
        token_hash: &str,
        now: Timestamp,
        awaiting_code: bool,
    ) -> StoreResult<Option<EditorSession>> {
        self.with(|conn| {
            conn.query_opt(
                &format!(
                    "SELECT {ACCOUNT_COLUMNS}, s.csrf_token, s.expires_at FROM sessions s
                     JOIN accounts a ON a.id = s.account_id
                     WHERE s.token_hash = $1 AND s.expires_at > $2
                       AND s.awaiting_code = $3 AND NOT a.disabled"
                ),
                &[&token_hash, &now.as_second(), &awaiting_code],
            )?
            .map(|row| {
                Ok(EditorSession {
                    account: account_of(&row)?,
                    csrf_token: CsrfToken::from_stored(row.try_get(ACCOUNT_WIDTH)?),
                    expires_at: from_seconds(row.try_get(ACCOUNT_WIDTH + 1)?),
                })
            })
            .transpose()
        })
    }
}

impl AccountStore for PostgresStore {
    fn add_account(
        &self,
        new: &NewAccount,
        password_hash: &str,
        entry: &NewAudit,
    ) -> StoreResult<Account> {
        self.write(|tx| {
            let inserted = tx.query_opt(
                "INSERT INTO accounts (email, name, role, organisation_id, password_hash, created_at,
                     must_change_password)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id",
                &[
                    &new.email.as_str(),
                    &new.name,
                    &new.role.slug(),
                    &new.role.organisation_id(),
                    &password_hash,
                    &entry.at.as_second(),
                    &new.must_change_password,
                ],
            )?;
            let Some(row) = inserted else {
                return Err(StoreError::Invalid(
                    "there is already an account with that email address".into(),
                ));
            };
            audit(tx, entry)?;
            account(tx, AccountId(row.try_get(0)?))?.ok_or(StoreError::NotFound("account"))
        })
    }

    fn account(&self, id: AccountId) -> StoreResult<Option<Account>> {
        self.with(|conn| account(conn, id))
    }

    fn account_by_email(&self, email: &Email) -> StoreResult<Option<(Account, Credentials)>> {
        self.with(|conn| {
            conn.query_opt(
                &format!(
                    "SELECT {ACCOUNT_COLUMNS}, a.password_hash, a.totp_secret, a.totp_last_step
                     FROM accounts a WHERE lower(a.email) = lower($1)"
                ),
                &[&email.as_str()],
            )?
            .map(|row| {
                Ok((
                    account_of(&row)?,
                    Credentials {
                        password_hash: row.try_get(ACCOUNT_WIDTH)?,
                        totp_secret: row.try_get(ACCOUNT_WIDTH + 1)?,
                        totp_last_step: row.try_get(ACCOUNT_WIDTH + 2)?,
                    },
                ))
            })
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
                "UPDATE accounts SET password_hash = $2, must_change_password = $3 WHERE id = $1",
                &[&id.0, &password_hash, &must_change],
            )?;
            if changed == 0 {
                return Ok(false);
            }
            tx.execute(
                "DELETE FROM sessions WHERE account_id = $1 AND token_hash IS DISTINCT FROM $2",
                &[&id.0, &keep_session],
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
                "UPDATE accounts SET disabled = $2 WHERE id = $1",
                &[&id.0, &disabled],
            )?;
            if changed == 0 {
                return Ok(None);
            }
            if disabled {
                tx.execute("DELETE FROM sessions WHERE account_id = $1", &[&id.0])?;
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
                "UPDATE accounts SET totp_secret = $2, totp_last_step = $3 WHERE id = $1",
                &[&id.0, &secret, &used_step],
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
            let awaiting: i64 = tx
                .query_one(
                    "SELECT count(*) FROM sessions WHERE token_hash = $1 AND account_id = $2
                       AND awaiting_code AND expires_at > $3",
                    &[
                        &awaiting_hash,
                        &session.account_id.0,
                        &session.created_at.as_second(),
                    ],
                )?
                .try_get(0)?;
            if awaiting == 0 {
                return Ok(false);
            }
            let used = tx.execute(
                "UPDATE accounts SET totp_last_step = $2
                 WHERE id = $1 AND totp_secret IS NOT NULL
                   AND (totp_last_step IS NULL OR totp_last_step < $2)",
                &[&session.account_id.0, &step],
            )?;
            if used == 0 {
                return Ok(false);
            }
            tx.execute(
                "DELETE FROM sessions WHERE token_hash = $1",
                &[&awaiting_hash],
            )?;
            insert_session(tx, session)?;
            Ok(true)
        })
    }

    fn end_session(&self, token_hash: &str) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash])?;
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
                "DELETE FROM sign_in_failures WHERE at <= $1",
                &[&since.as_second()],
            )?;
            for (key, max) in limits {
                let count: i64 = tx
                    .query_one(
                        "SELECT count(*) FROM sign_in_failures WHERE key_hash = $1 AND at > $2",
                        &[key, &since.as_second()],
                    )?
                    .try_get(0)?;
                if count as usize >= *max {
                    return Ok(false);
                }
            }
            for (key, _) in limits {
                tx.execute(
                    "INSERT INTO sign_in_failures (key_hash, at, attempt) VALUES ($1, $2, $3)",
                    &[key, &at.as_second(), &attempt],
                )?;
            }
            Ok(true)
        })
    }

    fn attempt_succeeded(&self, attempt: &str, clear: Option<&str>) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sign_in_failures WHERE attempt = $1 OR key_hash = $2",
                &[&attempt, &clear],
            )?;
            Ok(())
        })
    }
}
