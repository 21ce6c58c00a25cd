//! The limits on guessing. Every attempt (a password at sign-in, a code from the app, the
//! current password when changing it) is reserved in the store before anything is
//! checked, in the same write that counts the attempts before it, so 50 guesses at once
//! get no more tries than 50 one after another. A reserved attempt counts as a failure
//! until it succeeds; then it is forgotten.
//!
//! Three counts, each over [`FAILURE_WINDOW`]:
//! - per email address and client: the limit that stops guessing. A stranger's failures
//!   from their own client do not lock the editor out on theirs.
//! - per client: one client guessing many addresses (higher: a council office shares one
//!   address, and its editors' mistakes add up).
//! - per email address, from all clients together: a ceiling on guessing one account from
//!   many clients (a botnet), high enough that locking an editor out this way takes many
//!   clients at once, and then only for the window.

use jiff::{SignedDuration, Timestamp};

use super::session::{random_hex, sha256_hex};
use super::{AccountError, AccountStore};

/// Failed attempts are counted over this long...
pub const FAILURE_WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// ...and after this many for one email address from one client, the next attempt from
/// that client for that address is refused without checking...
pub const MAX_FAILURES_PER_EMAIL_AND_CLIENT: usize = 5;
/// ...or this many from one client, whatever the addresses...
pub const MAX_FAILURES_PER_CLIENT: usize = 20;
/// ...or this many for one address from all clients together.
pub const MAX_FAILURES_PER_EMAIL: usize = 100;

/// The keys one attempt is counted under, hashed so the store never holds what was
/// typed (a password typed into the email field, say).
pub(super) struct Keys {
    pair: String,
    client: String,
    email: String,
}

impl Keys {
    /// What was typed, normalised as an address is, even if it is not one: the limit
    /// counts per person however they type it.
    pub(super) fn new(email: &str, client: &str) -> Keys {
        let email = email.trim().to_lowercase();
        Keys {
            pair: sha256_hex(&format!("email+client:{email}\n{client}")),
            client: sha256_hex(&format!("client:{client}")),
            email: sha256_hex(&format!("email:{email}")),
        }
    }
}

/// An attempt reserved in the store, until it is known to have succeeded.
pub(super) struct Attempt {
    id: String,
    keys: Keys,
}

impl Attempt {
    /// Reserves an attempt at `now`, or refuses with [`AccountError::TooManyAttempts`].
    pub(super) fn reserve(
        store: &dyn AccountStore,
        keys: Keys,
        now: Timestamp,
    ) -> Result<Attempt, AccountError> {
        let id = random_hex(16)?;
        let limits = [
            (keys.pair.clone(), MAX_FAILURES_PER_EMAIL_AND_CLIENT),
            (keys.client.clone(), MAX_FAILURES_PER_CLIENT),
            (keys.email.clone(), MAX_FAILURES_PER_EMAIL),
        ];
        if store.reserve_attempt(&id, &limits, now, now - FAILURE_WINDOW)? {
            Ok(Attempt { id, keys })
        } else {
            Err(AccountError::TooManyAttempts)
        }
    }

    /// The attempt was right: it no longer counts. With `clear_earlier`, neither do this
    /// client's earlier failures for this address (the editor got there in the end).
    pub(super) fn succeeded(
        self,
        store: &dyn AccountStore,
        clear_earlier: bool,
    ) -> Result<(), AccountError> {
        let clear = clear_earlier.then_some(self.keys.pair.as_str());
        Ok(store.attempt_succeeded(&self.id, clear)?)
    }
}
