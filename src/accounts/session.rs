//! Sessions: a random token in the editor's cookie, its SHA-256 hash in the store, and a
//! CSRF token for the session's forms.

use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::{Account, AccountError};

/// How long a sign-in lasts: a working day. Then the editor signs in again.
pub const SESSION_LIFETIME: SignedDuration = SignedDuration::from_hours(10);

/// How long the code's form waits after the right password: enough to open an app.
pub const CODE_STEP_LIFETIME: SignedDuration = SignedDuration::from_mins(5);

/// Random bytes in a token: 256 bits, beyond guessing.
const TOKEN_BYTES: usize = 32;

/// `n` bytes from the operating system's CSPRNG, as lower-case hex.
pub(crate) fn random_hex(n: usize) -> Result<String, AccountError> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|_| AccountError::Random)?;
    Ok(hex(&bytes))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// SHA-256 of `text`, as hex. Tokens are random and long, so a fast hash is enough: a
/// copy of the store gives no one a session.
pub(crate) fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// The secret in a signed-in editor's cookie.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    pub fn generate() -> Result<SessionToken, AccountError> {
        Ok(SessionToken(random_hex(TOKEN_BYTES)?))
    }

    /// A token as read from a cookie: only the shape a generated token has, so a cookie
    /// value that is anything else is simply no session.
    pub fn parse(text: &str) -> Option<SessionToken> {
        let ok = text.len() == TOKEN_BYTES * 2
            && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        ok.then(|| SessionToken(text.to_string()))
    }

    /// The value for the cookie.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the store keeps.
    pub fn hash(&self) -> String {
        sha256_hex(&self.0)
    }
}

/// Never printed, even in debug output.
impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(..)")
    }
}

/// A session's CSRF token: in a hidden field of each of its forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsrfToken(String);

impl CsrfToken {
    pub fn generate() -> Result<CsrfToken, AccountError> {
        Ok(CsrfToken(random_hex(TOKEN_BYTES)?))
    }

    /// A token as stored.
    pub fn from_stored(text: String) -> CsrfToken {
        CsrfToken(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a form's token is this one, compared in constant time.
    pub fn matches(&self, given: &str) -> bool {
        // Lengths are not secret (every token has the same length); contents are.
        self.0.len() == given.len() && bool::from(self.0.as_bytes().ct_eq(given.as_bytes()))
    }
}

/// A signed-in editor, as found from their cookie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorSession {
    pub account: Account,
    pub csrf_token: CsrfToken,
    pub expires_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_parse_back() {
        let a = SessionToken::generate().unwrap();
        let b = SessionToken::generate().unwrap();
        assert_ne!(a, b);
        assert_eq!(SessionToken::parse(a.expose()), Some(a.clone()));
        assert_eq!(a.hash().len(), 64);
        assert_ne!(a.hash(), a.expose());
        for bad in ["", "abc", &"z".repeat(64), &"A".repeat(64)] {
            assert_eq!(SessionToken::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_csrf_token_matches_only_itself() {
        let token = CsrfToken::generate().unwrap();
        assert!(token.matches(token.as_str()));
        assert!(!token.matches(""));
        assert!(!token.matches(&"0".repeat(64)));
    }
}
