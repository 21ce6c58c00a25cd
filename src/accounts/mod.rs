//! Editor accounts: who may change the directory, how they prove it, and for how long.
//!
//! Council editors may change any listing and manage accounts; provider editors may change
//! only their own organisation's listings. Passwords are kept as argon2id hashes (PHC
//! strings); a session is a random token in a cookie, of which the store keeps only a
//! SHA-256 hash; each session has its own CSRF token; failed sign-ins are counted per
//! email address and per client, in the store, so that any number of site nodes share the
//! limits (see issue 11).
//!
//! [`AccountStore`] is the seam to a database, separate from the directory's
//! [`Store`](crate::store::Store); [`Accounts`] holds the rules on top of it.

mod account;
mod editing;
mod password;
mod session;
mod sign_in;

pub use account::{Account, AccountId, Email, NewAccount, Role};
pub use editing::{EditableServices, VacancyChange};
pub use password::{Password, hash_password, verify_password};
pub use session::{CsrfToken, EditorSession, SESSION_LIFETIME, SessionToken};
pub use sign_in::{Accounts, FAILURE_WINDOW, MAX_CLIENT_FAILURES, MAX_EMAIL_FAILURES, SignedIn};

use jiff::Timestamp;

use crate::store::{StoreError, StoreResult};

/// What can go wrong with accounts. The messages of the first group are written for the
/// person at the form.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("Enter an email address in the correct format, like name@example.com")]
    InvalidEmail,
    #[error("Enter the person’s full name")]
    MissingName,
    #[error("The password must be at least {min} characters")]
    ShortPassword { min: usize },
    #[error("The password must be {max} characters or fewer")]
    LongPassword { max: usize },
    #[error("There is already an account with that email address")]
    EmailTaken,
    #[error("There is no organisation with the id ‘{0}’")]
    UnknownOrganisation(String),
    #[error("Enter a correct email address and password")]
    WrongEmailOrPassword,
    #[error("Too many attempts. Wait 15 minutes and try again.")]
    TooManyAttempts,
    #[error("the password could not be hashed: {0}")]
    Hashing(String),
    #[error("the operating system's random number generator failed")]
    Random,
    #[error("the account store failed")]
    Store(#[from] StoreError),
    #[error("the directory could not be read")]
    Directory(#[from] Box<crate::Error>),
}

/// A new session as the store keeps it: never the token itself, only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub token_hash: String,
    pub account_id: AccountId,
    pub csrf_token: CsrfToken,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// Where accounts, sessions and sign-in failures are kept. Implementations must make each
/// call one transaction. Times are passed in, so that tests can move the clock.
pub trait AccountStore: Send + Sync {
    /// Adds an account; `Err(StoreError::Invalid)` when its email address is taken.
    fn add_account(
        &self,
        account: &NewAccount,
        password_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Account>;
    /// One account by id.
    fn account(&self, id: AccountId) -> StoreResult<Option<Account>>;
    /// One account by (normalised) email address, with its password hash.
    fn account_by_email(&self, email: &Email) -> StoreResult<Option<(Account, String)>>;
    /// Every account, by email address.
    fn accounts(&self) -> StoreResult<Vec<Account>>;
    /// Keeps a new session (and drops any that have expired).
    fn start_session(&self, session: &NewSession) -> StoreResult<()>;
    /// The session whose token hashes to `token_hash`, if it has not expired by `now`.
    fn session(&self, token_hash: &str, now: Timestamp) -> StoreResult<Option<EditorSession>>;
    /// Ends a session (nothing happens if there is none).
    fn end_session(&self, token_hash: &str) -> StoreResult<()>;
    /// Records one failed sign-in under each key (already hashed), and forgets failures
    /// older than `forget_before`.
    fn record_sign_in_failure(
        &self,
        key_hashes: &[String],
        at: Timestamp,
        forget_before: Timestamp,
    ) -> StoreResult<()>;
    /// How many failures were recorded under this key since `since`.
    fn sign_in_failures(&self, key_hash: &str, since: Timestamp) -> StoreResult<usize>;
    /// Forgets the failures under this key (after a successful sign-in).
    fn clear_sign_in_failures(&self, key_hash: &str) -> StoreResult<()>;
}
