//! Editor accounts: who may change the directory, how they prove it, and for how long.
//!
//! Council editors may change any listing and manage accounts; provider editors may change
//! only their own organisation's listings. Passwords are kept as argon2id hashes (PHC
//! strings); a session is a random token in a cookie, of which the store keeps only a
//! SHA-256 hash; each session has its own CSRF token; every attempt to sign in is reserved
//! in the store before the password is checked, counted per email address and client, per
//! client and per email address, so that the limits hold under concurrency and any number
//! of site nodes share them (`limits.rs`). Council editors may add a second step, a code
//! from an app (`two_step.rs`); council editors disable and re-enable accounts, and every
//! editor changes their own password (`managing.rs`).
//!
//! [`AccountStore`] is the seam to a database, separate from the directory's
//! [`Store`](crate::store::Store); [`Accounts`] holds the rules on top of it.

mod account;
mod claims;
mod editing;
mod invitations;
mod limits;
mod managing;
mod password;
mod reset;
mod session;
mod sign_in;
mod two_step;

pub use account::{Account, AccountId, Email, NewAccount, Role};
pub use claims::{
    CLAIM_DAYS, Claim, ClaimDecided, ClaimForm, ClaimMade, ClaimStatus, Claims,
    MAX_CLAIMS_PER_CLIENT, NewClaim, ProofLink, proof_path,
};
pub use editing::{EditableServices, VacancyChange};
pub use limits::{
    FAILURE_WINDOW, MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL,
    MAX_FAILURES_PER_EMAIL_AND_CLIENT,
};
pub use password::{HashSlots, Password, hash_password, verify_password};
pub use reset::{
    MAX_PASSWORD_LINKS_AN_HOUR, NewPasswordLink, PASSWORD_LINK_LIFETIME, PasswordLink,
    PasswordLinkState, PasswordResets, PasswordSet, WELCOME_LINK_LIFETIME, password_link_path,
};
pub use session::{CODE_STEP_LIFETIME, CsrfToken, EditorSession, SESSION_LIFETIME, SessionToken};
pub(crate) use session::{random_hex, sha256_hex};
pub use sign_in::{Accounts, SignedIn};
pub use two_step::TwoStepSecret;

use jiff::Timestamp;

use crate::moderation::NewAudit;
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
    #[error(
        "This password is one of the most common, so it is easy to guess. Choose another: \
         a few ordinary words together are easy to remember and hard to guess"
    )]
    CommonPassword,
    #[error("Enter a correct email address and password")]
    WrongEmailOrPassword,
    #[error("Too many attempts. Wait 15 minutes and try again.")]
    TooManyAttempts,
    #[error("This account has been disabled. Ask a council editor if you need it again")]
    Disabled,
    #[error("Your current password is not right")]
    WrongCurrentPassword,
    #[error("Your new password must be different from your current one")]
    SamePassword,
    #[error("The code is not right. Enter the 6-digit code your app shows now")]
    WrongCode,
    #[error("That code has already been used. Wait for your app to show a new one")]
    CodeUsed,
    #[error("Signing in took too long. Sign in again")]
    SignInExpired,
    #[error("You cannot disable your own account")]
    CannotDisableYourself,
    #[error("Only council editors can manage accounts")]
    NotAllowed,
    #[error("There is no such account")]
    NoSuchAccount,
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
    /// The password was right, but the code from the app is still to come: such a
    /// session opens no editor page, only the code's form.
    pub awaiting_code: bool,
}

/// What proves an account is its editor's, as the store keeps it.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The password's PHC string.
    pub password_hash: String,
    /// The second step's secret (base32), when it is set up.
    pub totp_secret: Option<String>,
    /// The time step of the last code accepted: no code of it or before is accepted again.
    pub totp_last_step: Option<i64>,
}

/// Never printed, even in debug output.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Credentials(..)")
    }
}

/// Where accounts, sessions and sign-in attempts are kept. Implementations must make each
/// call one transaction (audit entries included). Times are passed in, so that tests can
/// move the clock.
pub trait AccountStore: Send + Sync {
    /// Adds an account, created at `audit.at`, with its audit entry;
    /// `Err(StoreError::Invalid)` when its email address is taken.
    fn add_account(
        &self,
        account: &NewAccount,
        password_hash: &str,
        audit: &NewAudit,
    ) -> StoreResult<Account>;
    /// One account by id.
    fn account(&self, id: AccountId) -> StoreResult<Option<Account>>;
    /// One account by (normalised) email address, with what proves it.
    fn account_by_email(&self, email: &Email) -> StoreResult<Option<(Account, Credentials)>>;
    /// Every account, by email address.
    fn accounts(&self) -> StoreResult<Vec<Account>>;
    /// Sets an account's password hash and whether it must be changed, ends every other
    /// session of the account (all but `keep_session`, a token hash), and logs `audit`.
    /// False when there is no such account.
    fn set_password(
        &self,
        id: AccountId,
        password_hash: &str,
        must_change: bool,
        keep_session: Option<&str>,
        audit: &NewAudit,
    ) -> StoreResult<bool>;
    /// Disables (ending all its sessions at once) or re-enables an account, and logs
    /// `audit`. The account as it now is; None when there is no such account.
    fn set_disabled(
        &self,
        id: AccountId,
        disabled: bool,
        audit: &NewAudit,
    ) -> StoreResult<Option<Account>>;
    /// Sets up (`secret` given, with the step of the code that confirmed it, which is then
    /// used) or removes the second step, and logs `audit`. False when there is no such
    /// account.
    fn set_two_step(
        &self,
        id: AccountId,
        secret: Option<&str>,
        used_step: Option<i64>,
        audit: &NewAudit,
    ) -> StoreResult<bool>;
    /// Keeps a new session (and drops any that have expired).
    fn start_session(&self, session: &NewSession) -> StoreResult<()>;
    /// The session whose token hashes to `token_hash`, if it has not expired by `now`, is
    /// not awaiting a code, and its account is not disabled.
    fn session(&self, token_hash: &str, now: Timestamp) -> StoreResult<Option<EditorSession>>;
    /// As `session`, for a session awaiting its code.
    fn session_awaiting_code(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<EditorSession>>;
    /// Completes the second step, in one transaction: uses the code's `step` (unless a
    /// code of it or a later step was used already), ends the session awaiting the code
    /// (`awaiting_hash`) and starts `session` in its place. False, changing nothing, when
    /// the step was used or the awaiting session is gone.
    fn complete_two_step(
        &self,
        awaiting_hash: &str,
        step: i64,
        session: &NewSession,
    ) -> StoreResult<bool>;
    /// Ends a session (nothing happens if there is none).
    fn end_session(&self, token_hash: &str) -> StoreResult<()>;
    /// Reserves one attempt to sign in (or to prove who one is), before anything is
    /// checked, in one write: counts the attempts under each key (already hashed) since
    /// `since` and, only if every count is below its key's limit, records `attempt` under
    /// every key at `at`. Attempts from before `since` are forgotten. Returns whether it
    /// was reserved: concurrent callers can never pass a limit together.
    fn reserve_attempt(
        &self,
        attempt: &str,
        limits: &[(String, usize)],
        at: Timestamp,
        since: Timestamp,
    ) -> StoreResult<bool>;
    /// After an attempt succeeded: forgets it under every key, and, when `clear` names a
    /// key, every earlier attempt under that one too.
    fn attempt_succeeded(&self, attempt: &str, clear: Option<&str>) -> StoreResult<()>;
}
