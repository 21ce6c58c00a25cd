//! The second step of signing in: a 6-digit code from an authenticator app (TOTP, RFC
//! 6238: SHA-1, 30-second steps, one step either side for a clock that is a little out),
//! with `totp-rs`. Each step's code is accepted once: the store keeps the last step used.

use jiff::Timestamp;
use totp_rs::{Builder, Secret, Totp};

use super::{AccountError, Email};

/// What the app shows as the code's issuer.
const ISSUER: &str = "Dayfinder";
/// 160 bits, as RFC 4226 recommends.
const SECRET_BYTES: usize = 20;

/// The secret an editor's app and the store share.
#[derive(Clone, PartialEq, Eq)]
pub struct TwoStepSecret(Vec<u8>);

impl TwoStepSecret {
    /// A new secret from the operating system's CSPRNG.
    pub fn generate() -> Result<TwoStepSecret, AccountError> {
        let mut bytes = vec![0u8; SECRET_BYTES];
        getrandom::fill(&mut bytes).map_err(|_| AccountError::Random)?;
        Ok(TwoStepSecret(bytes))
    }

    /// A secret as stored or sent back by the setup form (base32, spaces ignored).
    pub fn parse(base32: &str) -> Option<TwoStepSecret> {
        let text: String = base32
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        let secret = Secret::try_from_base32(&text).ok()?;
        (secret.as_bytes().len() >= 16).then(|| TwoStepSecret(secret.as_bytes().to_vec()))
    }

    /// The secret as people type it into an app, and as the store keeps it.
    pub fn to_base32(&self) -> String {
        Secret::new(self.0.clone().into_boxed_slice()).to_base32()
    }

    fn totp(&self, account: Option<&Email>) -> Result<Totp, AccountError> {
        let mut builder = Builder::new().with_secret(self.0.clone());
        if let Some(email) = account {
            builder = builder
                .with_account_name(email.as_str().replace(':', "_"))
                .with_issuer(Some(ISSUER));
        }
        builder
            .build()
            .map_err(|e| AccountError::Hashing(format!("the second step's settings: {e}")))
    }

    /// The `otpauth://` address an app reads (from the QR code, or pasted).
    pub fn otpauth_url(&self, email: &Email) -> Result<String, AccountError> {
        self.totp(Some(email))?
            .to_url()
            .map_err(|e| AccountError::Hashing(format!("the second step's address: {e}")))
    }

    /// The time step of `code` if it is right at `now` (give or take a step). Spaces and
    /// dashes in what was typed are ignored.
    pub fn check(&self, code: &str, now: Timestamp) -> Option<i64> {
        let code: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let seconds = u64::try_from(now.as_second()).ok()?;
        let step = self.totp(None).ok()?.check(&code, seconds)?;
        i64::try_from(step).ok()
    }

    /// The code an app shows at `at` (for tests, and to check the setup).
    pub fn code_at(&self, at: Timestamp) -> String {
        let seconds = u64::try_from(at.as_second()).unwrap_or(0);
        self.totp(None)
            .map(|totp| totp.generate(seconds).to_string())
            .unwrap_or_default()
    }
}

/// Never printed, even in debug output.
impl std::fmt::Debug for TwoStepSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TwoStepSecret(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(seconds).unwrap()
    }

    #[test]
    fn codes_are_those_of_rfc_6238() {
        // RFC 6238's SHA-1 test secret; its 8-digit codes end in these six digits.
        let secret = TwoStepSecret(b"12345678901234567890".to_vec());
        assert_eq!(secret.code_at(at(59)), "287082");
        assert_eq!(secret.code_at(at(1_111_111_109)), "081804");
        assert_eq!(secret.check("287 082", at(59)), Some(1));
        assert_eq!(secret.check("287082", at(59 + 30)), Some(1), "a step late");
        assert_eq!(secret.check("287082", at(59 + 90)), None, "too late");
        for bad in ["", "28708", "2870822", "abcdef"] {
            assert_eq!(secret.check(bad, at(59)), None, "{bad:?}");
        }
    }

    #[test]
    fn a_secret_reads_back_from_its_text() {
        let secret = TwoStepSecret::generate().unwrap();
        let text = secret.to_base32();
        assert_eq!(TwoStepSecret::parse(&text), Some(secret.clone()));
        assert_eq!(TwoStepSecret::parse(&text.to_lowercase()), Some(secret));
        assert_eq!(TwoStepSecret::parse("not base32!"), None);
        assert_eq!(TwoStepSecret::parse("MFRGG"), None, "too short to be ours");
    }

    #[test]
    fn the_apps_address_names_the_site_and_the_editor() {
        let secret = TwoStepSecret::generate().unwrap();
        let email = Email::parse("sam@example.org").unwrap();
        let url = secret.otpauth_url(&email).unwrap();
        assert!(url.starts_with("otpauth://totp/Dayfinder:sam"), "{url}");
        assert!(
            url.contains(&format!("secret={}", secret.to_base32())),
            "{url}"
        );
        assert!(url.contains("issuer=Dayfinder"), "{url}");
    }
}
