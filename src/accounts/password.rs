//! Passwords: argon2id with the crate's default parameters, kept as PHC strings
//! (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), so the parameters can be raised later
//! and old hashes still verify. Each hash holds a 19 MiB buffer for its work, so at most
//! [`HashSlots::limit`] run at once in the whole process (one per core): the rest wait.

use std::collections::HashSet;
use std::sync::{Condvar, LazyLock, Mutex, OnceLock};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::AccountError;

/// The common passwords of 12 characters or more, in lower case (see
/// `data/passwords/README.md`: where the list comes from, and its licence).
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/passwords/common.txt")
        .lines()
        .filter(|line| !line.is_empty())
        .collect()
});

/// Whether `text` is on the list of common passwords, whatever its case.
fn is_common(text: &str) -> bool {
    COMMON.contains(text.to_lowercase().as_str())
}

/// A new password, long enough to resist guessing and not one of the passwords people
/// use most (NCSC: length over complexity, and a deny list of common passwords). Every
/// place that sets a password takes one of these.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub const MIN: usize = 12;
    /// Long enough for any passphrase or manager, short enough not to be a load.
    pub const MAX: usize = 256;

    pub fn parse(text: &str) -> Result<Password, AccountError> {
        let length = text.chars().count();
        if length < Self::MIN {
            Err(AccountError::ShortPassword { min: Self::MIN })
        } else if length > Self::MAX {
            Err(AccountError::LongPassword { max: Self::MAX })
        } else if is_common(text) {
            Err(AccountError::CommonPassword)
        } else {
            Ok(Password(text.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Never printed, even in debug output.
impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(..)")
    }
}

/// A counting semaphore for argon2: at most `limit` hashes or checks at once; the rest
/// wait their turn (on the blocking threads they already run on).
pub struct HashSlots {
    limit: usize,
    state: Mutex<SlotCounts>,
    freed: Condvar,
}

#[derive(Default)]
struct SlotCounts {
    busy: usize,
    /// The most ever busy at once (what tests check).
    most: usize,
}

impl HashSlots {
    pub fn new(limit: usize) -> HashSlots {
        HashSlots {
            limit: limit.max(1),
            state: Mutex::new(SlotCounts::default()),
            freed: Condvar::new(),
        }
    }

    /// The process's slots: one per core.
    pub fn global() -> &'static HashSlots {
        static SLOTS: LazyLock<HashSlots> = LazyLock::new(|| {
            HashSlots::new(std::thread::available_parallelism().map_or(1, |n| n.get()))
        });
        &SLOTS
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// The most that have run at once so far.
    pub fn most_at_once(&self) -> usize {
        self.counts().most
    }

    fn counts(&self) -> std::sync::MutexGuard<'_, SlotCounts> {
        // A poisoned lock only means a hash panicked; the counts are still whole.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `work` once a slot is free, and frees it after (even if `work` panics).
    pub fn run<T>(&self, work: impl FnOnce() -> T) -> T {
        struct Release<'a>(&'a HashSlots);
        impl Drop for Release<'_> {
            fn drop(&mut self) {
                self.0.counts().busy -= 1;
                self.0.freed.notify_one();
            }
        }
        {
            let mut counts = self.counts();
            while counts.busy >= self.limit {
                counts = self.freed.wait(counts).unwrap_or_else(|e| e.into_inner());
            }
            counts.busy += 1;
            counts.most = counts.most.max(counts.busy);
        }
        let _release = Release(self);
        work()
    }
}

/// The PHC string of `password` with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| AccountError::Random)?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AccountError::Hashing(e.to_string()))?;
    HashSlots::global().run(|| {
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| AccountError::Hashing(e.to_string()))
    })
}

/// Whether `password` matches the PHC string `phc`; a malformed hash matches nothing.
pub fn verify_password(password: &str, phc: &str) -> bool {
    // Checked by length first: a password too long to set can never be right, and
    // refusing it cheaply keeps megabyte "passwords" from being a load.
    if password.len() > Password::MAX * 4 {
        return false;
    }
    PasswordHash::new(phc).is_ok_and(|hash| {
        HashSlots::global().run(|| {
            Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        })
    })
}

/// A hash of a random password, checked against when the email address has no account,
/// so that an unknown address takes as long to refuse as a wrong password.
pub(super) fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut secret = [0u8; 32];
        // A fixed fallback is still a hash no one can match in practice: nothing signs in with it.
        let _ = getrandom::fill(&mut secret);
        let text: String = secret.iter().map(|b| format!("{b:02x}")).collect();
        hash_password(&text).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert!(matches!(
            Password::parse("short"),
            Err(AccountError::ShortPassword { min: 12 })
        ));
        assert!(Password::parse("correct horse battery").is_ok());
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        for common in ["qwertyuiopasdfghjkl", "QwertyUiopAsdfGhjkl", "1qaz2wsx3edc"] {
            assert!(
                matches!(Password::parse(common), Err(AccountError::CommonPassword)),
                "{common}"
            );
        }
        assert!(COMMON.len() > 40_000, "the whole list is read");
    }

    #[test]
    fn no_more_hashes_run_at_once_than_there_are_slots() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let slots = HashSlots::new(2);
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..12 {
                scope.spawn(|| {
                    slots.run(|| {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        // Real work, so that others try to start meanwhile.
                        let _ = hash_password("plum tree river lantern");
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) <= 2);
        assert!(slots.most_at_once() <= 2);
        assert_eq!(slots.counts().busy, 0, "every slot is given back");
    }

    #[test]
    fn debug_output_never_shows_a_password() {
        let password = Password::parse("correct horse battery").unwrap();
        assert!(!format!("{password:?}").contains("horse"));
    }
}
