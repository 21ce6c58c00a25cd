//! Passwords: argon2id with the crate's default parameters, kept as PHC strings
//! (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), so the parameters can be raised later
//! and old hashes still verify.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::AccountError;

/// A new password, long enough to resist guessing (NCSC: length over complexity).
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

/// The PHC string of `password` with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| AccountError::Random)?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AccountError::Hashing(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AccountError::Hashing(e.to_string()))
}

/// Whether `password` matches the PHC string `phc`; a malformed hash matches nothing.
pub fn verify_password(password: &str, phc: &str) -> bool {
    // Checked by length first: a password too long to set can never be right, and
    // refusing it cheaply keeps megabyte "passwords" from being a load.
    if password.len() > Password::MAX * 4 {
        return false;
    }
    PasswordHash::new(phc).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
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
    fn debug_output_never_shows_a_password() {
        let password = Password::parse("correct horse battery").unwrap();
        assert!(!format!("{password:?}").contains("horse"));
    }
}
