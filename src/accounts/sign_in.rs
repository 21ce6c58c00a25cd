//! Signing in and out, with the limits on guessing.

use jiff::{SignedDuration, Timestamp};

use super::password::dummy_hash;
use super::session::sha256_hex;
use super::{
    Account, AccountError, AccountStore, CsrfToken, EditorSession, Email, NewAccount, NewSession,
    Password, SESSION_LIFETIME, SessionToken, hash_password, verify_password,
};

/// Failed sign-ins are counted over this long...
pub const FAILURE_WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// ...and after this many for one email address, the next attempt is refused...
pub const MAX_EMAIL_FAILURES: usize = 5;
/// ...or this many from one client (higher: a council office shares one address).
pub const MAX_CLIENT_FAILURES: usize = 20;

/// A successful sign-in: the token for the cookie and the session it opened.
#[derive(Debug)]
pub struct SignedIn {
    pub token: SessionToken,
    pub session: EditorSession,
}

/// The account rules over an [`AccountStore`].
pub struct Accounts<'a> {
    store: &'a dyn AccountStore,
}

impl<'a> Accounts<'a> {
    pub fn new(store: &'a dyn AccountStore) -> Accounts<'a> {
        Accounts { store }
    }

    /// Adds an account with this password (hashed here; the password is not kept).
    /// Organisations are not checked here: the engine, which knows them, does that.
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
        Ok(self.store.add_account(account, &hash, now)?)
    }

    /// Every account, by email address.
    pub fn all(&self) -> Result<Vec<Account>, AccountError> {
        Ok(self.store.accounts()?)
    }

    /// Signs in with what was typed, from `client` (a coarse network address).
    ///
    /// An unknown address and a wrong password get the same error after the same work (a
    /// dummy hash is checked), so the form does not tell who has an account. After
    /// [`MAX_EMAIL_FAILURES`] failures for the address or [`MAX_CLIENT_FAILURES`] from the
    /// client within [`FAILURE_WINDOW`], attempts are refused without checking.
    pub fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: &str,
        now: Timestamp,
    ) -> Result<SignedIn, AccountError> {
        // What was typed, normalised as an address is, even if it is not one: the limit
        // counts per person however they type it. Hashed, so the store never holds what
        // was typed (a password typed into the email field, say).
        let email_key = sha256_hex(&format!("email:{}", email.trim().to_lowercase()));
        let client_key = sha256_hex(&format!("client:{client}"));
        let since = now - FAILURE_WINDOW;
        if self.store.sign_in_failures(&email_key, since)? >= MAX_EMAIL_FAILURES
            || self.store.sign_in_failures(&client_key, since)? >= MAX_CLIENT_FAILURES
        {
            return Err(AccountError::TooManyAttempts);
        }
        let found = match Email::parse(email) {
            Ok(email) => self.store.account_by_email(&email)?,
            Err(_) => None,
        };
        let signed_in = match found {
            Some((account, hash)) => verify_password(password, &hash).then_some(account),
            None => {
                verify_password(password, dummy_hash());
                None
            }
        };
        let Some(account) = signed_in else {
            self.store
                .record_sign_in_failure(&[email_key, client_key], now, since)?;
            return Err(AccountError::WrongEmailOrPassword);
        };
        self.store.clear_sign_in_failures(&email_key)?;
        let token = SessionToken::generate()?;
        let csrf_token = CsrfToken::generate()?;
        let expires_at = now + SESSION_LIFETIME;
        self.store.start_session(&NewSession {
            token_hash: token.hash(),
            account_id: account.id,
            csrf_token: csrf_token.clone(),
            created_at: now,
            expires_at,
        })?;
        Ok(SignedIn {
            token,
            session: EditorSession {
                account,
                csrf_token,
                expires_at,
            },
        })
    }

    /// The session this cookie token opened, if it is still current.
    pub fn session(
        &self,
        token: &SessionToken,
        now: Timestamp,
    ) -> Result<Option<EditorSession>, AccountError> {
        Ok(self.store.session(&token.hash(), now)?)
    }

    /// Ends the session: the cookie no longer works, wherever it is.
    pub fn sign_out(&self, token: &SessionToken) -> Result<(), AccountError> {
        Ok(self.store.end_session(&token.hash())?)
    }
}
