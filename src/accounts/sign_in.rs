//! Signing in and out: the password, then (when it is set up) the code from the app,
//! each attempt within the limits on guessing (`limits.rs`).

use jiff::Timestamp;

use super::limits::{Attempt, Keys};
use super::password::dummy_hash;
use super::{
    Account, AccountError, AccountStore, CODE_STEP_LIFETIME, CsrfToken, EditorSession, Email,
    NewAccount, NewSession, Password, SESSION_LIFETIME, SessionToken, TwoStepSecret, hash_password,
    verify_password,
};
use crate::moderation::{AuditAction, NewAudit};

/// A right password (or code): the token for the cookie and the session it opened.
#[derive(Debug)]
pub struct SignedIn {
    pub token: SessionToken,
    pub session: EditorSession,
    /// The session only opens the code's form: the account has a second step.
    pub awaiting_code: bool,
}

/// The account rules over an [`AccountStore`].
pub struct Accounts<'a> {
    pub(super) store: &'a dyn AccountStore,
}

impl<'a> Accounts<'a> {
    pub fn new(store: &'a dyn AccountStore) -> Accounts<'a> {
        Accounts { store }
    }

    /// Adds an account with this password (hashed here; the password is not kept), with
    /// its audit entry. Organisations are not checked here: the engine, which knows them,
    /// does that.
    pub fn add(
        &self,
        account: &NewAccount,
        password: &Password,
        now: Timestamp,
    ) -> Result<Account, AccountError> {
        if self.store.account_by_email(&account.email)?.is_some() {
            return Err(AccountError::EmailTaken);
        }
        let hash = hash_password(password.expose())?;
        let audit = NewAudit {
            at: now,
            editor: account.added_by.clone(),
            action: AuditAction::AccountAdded,
            summary: format!(
                "{} <{}>, {}",
                account.name,
                account.email,
                account.role.label().to_lowercase()
            ),
        };
        Ok(self.store.add_account(account, &hash, &audit)?)
    }

    /// Every account, by email address.
    pub fn all(&self) -> Result<Vec<Account>, AccountError> {
        Ok(self.store.accounts()?)
    }

    /// One account by id.
    pub fn account(&self, id: super::AccountId) -> Result<Option<Account>, AccountError> {
        Ok(self.store.account(id)?)
    }

    /// Signs in with what was typed, from `client` (a coarse network address).
    ///
    /// An unknown address and a wrong password get the same error after the same work (a
    /// dummy hash is checked), so the form does not tell who has an account. Past the
    /// limits (`limits.rs`), attempts are refused without checking. A disabled account is
    /// refused, but only once its password was right. With a second step, the session
    /// only opens the code's form ([`Accounts::enter_code`]).
    pub fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: &str,
        now: Timestamp,
    ) -> Result<SignedIn, AccountError> {
        let attempt = Attempt::reserve(self.store, Keys::new(email, client), now)?;
        let found = match Email::parse(email) {
            Ok(email) => self.store.account_by_email(&email)?,
            Err(_) => None,
        };
        let signed_in = match found {
            Some((account, credentials)) => verify_password(password, &credentials.password_hash)
                .then_some((account, credentials.totp_secret.is_some())),
            None => {
                verify_password(password, dummy_hash());
                None
            }
        };
        let Some((account, two_step)) = signed_in else {
            return Err(AccountError::WrongEmailOrPassword);
        };
        if account.disabled {
            return Err(AccountError::Disabled);
        }
        // With a second step to come, earlier failures still count: the code's guesses
        // add to them, and a right password alone does not start them again.
        attempt.succeeded(self.store, !two_step)?;
        self.open_session(account, two_step, now)
    }

    /// The second step: the code from the app, for a session awaiting it. A right code
    /// opens a new session in its place (a new token); each step's code works once.
    pub fn enter_code(
        &self,
        awaiting: &SessionToken,
        code: &str,
        client: &str,
        now: Timestamp,
    ) -> Result<SignedIn, AccountError> {
        let Some(session) = self.store.session_awaiting_code(&awaiting.hash(), now)? else {
            return Err(AccountError::SignInExpired);
        };
        let account = session.account;
        let attempt = Attempt::reserve(self.store, Keys::new(account.email.as_str(), client), now)?;
        let secret = self
            .store
            .account_by_email(&account.email)?
            .and_then(|(_, credentials)| credentials.totp_secret)
            .and_then(|text| TwoStepSecret::parse(&text));
        let Some(secret) = secret else {
            // The second step was reset meanwhile: sign in again.
            return Err(AccountError::SignInExpired);
        };
        let Some(step) = secret.check(code, now) else {
            return Err(AccountError::WrongCode);
        };
        let (token, new) = new_session(&account, false, now)?;
        if !self.store.complete_two_step(&awaiting.hash(), step, &new)? {
            return Err(AccountError::CodeUsed);
        }
        attempt.succeeded(self.store, true)?;
        Ok(SignedIn {
            token,
            session: EditorSession {
                account,
                csrf_token: new.csrf_token,
                expires_at: new.expires_at,
            },
            awaiting_code: false,
        })
    }

    fn open_session(
        &self,
        account: Account,
        awaiting_code: bool,
        now: Timestamp,
    ) -> Result<SignedIn, AccountError> {
        let (token, new) = new_session(&account, awaiting_code, now)?;
        self.store.start_session(&new)?;
        Ok(SignedIn {
            token,
            session: EditorSession {
                account,
                csrf_token: new.csrf_token,
                expires_at: new.expires_at,
            },
            awaiting_code,
        })
    }

    /// The session this cookie token opened, if it is still current (and not awaiting
    /// its code).
    pub fn session(
        &self,
        token: &SessionToken,
        now: Timestamp,
    ) -> Result<Option<EditorSession>, AccountError> {
        Ok(self.store.session(&token.hash(), now)?)
    }

    /// The session awaiting its code that this cookie token opened, if it is current.
    pub fn session_awaiting_code(
        &self,
        token: &SessionToken,
        now: Timestamp,
    ) -> Result<Option<EditorSession>, AccountError> {
        Ok(self.store.session_awaiting_code(&token.hash(), now)?)
    }

    /// Ends the session: the cookie no longer works, wherever it is.
    pub fn sign_out(&self, token: &SessionToken) -> Result<(), AccountError> {
        Ok(self.store.end_session(&token.hash())?)
    }
}

/// A fresh token and the session the store keeps for it.
fn new_session(
    account: &Account,
    awaiting_code: bool,
    now: Timestamp,
) -> Result<(SessionToken, NewSession), AccountError> {
    let token = SessionToken::generate()?;
    let lifetime = if awaiting_code {
        CODE_STEP_LIFETIME
    } else {
        SESSION_LIFETIME
    };
    let session = NewSession {
        token_hash: token.hash(),
        account_id: account.id,
        csrf_token: CsrfToken::generate()?,
        created_at: now,
        expires_at: now + lifetime,
        awaiting_code,
    };
    Ok((token, session))
}
