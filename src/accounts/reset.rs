//! A forgotten password, by email: an editor asks at the sign-in page and gets a link
//! that sets a new one. The link is random (32 bytes), single use, works for an hour, and
//! the store keeps only its hash. Asking gets the same answer whether or not the address
//! has an account, so the form tells no one who has one; a few links an hour at most per
//! account. Setting the password ends every session of the account. A new editor (invited,
//! or a provider whose claim was approved) chooses a first password the same way.

use jiff::{SignedDuration, Timestamp};

use super::{
    Account, AccountError, AccountId, Email, Password, hash_password, random_hex, sha256_hex,
};
use crate::engine::Engine;
use crate::moderation::{AuditAction, Editor, NewAudit};
use crate::outbox::Words;

/// How long a link to set a new password works.
pub const PASSWORD_LINK_LIFETIME: SignedDuration = SignedDuration::from_hours(1);
/// How long a new editor's link to choose their first password works.
pub const WELCOME_LINK_LIFETIME: SignedDuration = SignedDuration::from_hours(7 * 24);
/// Most links one account may be sent an hour (more asks are answered the same, and
/// send nothing).
pub const MAX_PASSWORD_LINKS_AN_HOUR: u64 = 3;

/// A link to keep: only the hash of its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPasswordLink {
    pub token_hash: String,
    pub account_id: AccountId,
    pub expires_at: Timestamp,
}

/// A link as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordLink {
    pub account_id: AccountId,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
}

/// Where a link stands.
#[derive(Debug, Clone, PartialEq)]
pub enum PasswordLinkState {
    Ready(Box<Account>),
    /// Used, expired, or for an account that is disabled or gone.
    NotValid,
}

/// What came of setting a password from a link.
#[derive(Debug, Clone, PartialEq)]
pub enum PasswordSet {
    Done(Box<Account>),
    NotValid,
}

/// Forgotten passwords, with links starting with `site`.
pub struct PasswordResets<'a> {
    engine: &'a Engine,
    site: String,
}

impl Engine {
    pub fn password_resets(&self, site: &str) -> PasswordResets<'_> {
        PasswordResets {
            engine: self,
            site: site.trim_end_matches('/').to_string(),
        }
    }
}

/// The page a link opens.
pub fn password_link_path(token: &str) -> String {
    format!("/editor/reset-password/{token}")
}

impl PasswordResets<'_> {
    fn store(&self) -> &dyn crate::store::PasswordLinkStore {
        self.engine.password_link_store()
    }

    /// "I have forgotten my password": if `email` is an enabled account's, and it has not
    /// been sent too many links this hour, a link goes to it (kept with its email in one
    /// transaction). The same `Ok` in every case.
    pub fn ask(&self, email: &str, now: Timestamp) -> Result<(), AccountError> {
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        let Some((account, _)) = self.engine.account_store().account_by_email(&email)? else {
            return Ok(());
        };
        if account.disabled {
            return Ok(());
        }
        let sent = self
            .store()
            .password_links_since(account.id, now - SignedDuration::from_hours(1))?;
        if sent >= MAX_PASSWORD_LINKS_AN_HOUR {
            return Ok(());
        }
        let site = self.site.clone();
        self.send_link(&account, PASSWORD_LINK_LIFETIME, now, |link| Words {
            subject: "Set a new password for Dayfinder".to_string(),
            paragraphs: vec![
                format!(
                    "Hello {}. Someone asked to set a new password for your Dayfinder editor's account.",
                    account.name
                ),
                "Open the link to choose a new password. It works once, for one hour.".to_string(),
                "If you did not ask, you can ignore this email: your password has not changed."
                    .to_string(),
            ],
            links: vec![("Set a new password".to_string(), format!("{site}{link}"))],
        })
    }

    /// A new editor's first password: a link that works for [`WELCOME_LINK_LIFETIME`],
    /// in an email that says why they have an account (`why`: "Sam Jones invited you to
    /// keep Weaver Paddlers' listings on Dayfinder.").
    pub fn welcome(
        &self,
        account: &Account,
        why: &str,
        now: Timestamp,
    ) -> Result<(), AccountError> {
        let site = self.site.clone();
        self.send_link(account, WELCOME_LINK_LIFETIME, now, |link| Words {
            subject: "Your Dayfinder editor's account".to_string(),
            paragraphs: vec![
                format!("Hello {}. {why}", account.name),
                "Open the link to choose your password, then sign in. The link works once, for 7 days. \
                 If it has expired, use \"Forgotten your password?\" on the sign-in page."
                    .to_string(),
            ],
            links: vec![("Choose your password".to_string(), format!("{site}{link}"))],
        })
    }

    /// Keeps a link for `account` and queues the email `words` writes around its path.
    fn send_link(
        &self,
        account: &Account,
        lifetime: SignedDuration,
        now: Timestamp,
        words: impl FnOnce(&str) -> Words,
    ) -> Result<(), AccountError> {
        let token = random_hex(32)?;
        let link = NewPasswordLink {
            token_hash: sha256_hex(&token),
            account_id: account.id,
            expires_at: now + lifetime,
        };
        let email = words(&password_link_path(&token)).to(&account.email);
        self.store().add_password_link(&link, &email, now)?;
        Ok(())
    }

    /// Where the link with `token` stands at `now`.
    pub fn link(&self, token: &str, now: Timestamp) -> Result<PasswordLinkState, AccountError> {
        if !crate::reviews::plausible_token(token) {
            return Ok(PasswordLinkState::NotValid);
        }
        let Some(link) = self.store().password_link(&sha256_hex(token))? else {
            return Ok(PasswordLinkState::NotValid);
        };
        if link.used_at.is_some() || now >= link.expires_at {
            return Ok(PasswordLinkState::NotValid);
        }
        match self.engine.account_store().account(link.account_id)? {
            Some(account) if !account.disabled => Ok(PasswordLinkState::Ready(Box::new(account))),
            _ => Ok(PasswordLinkState::NotValid),
        }
    }

    /// Sets the account's new password from the link, ending all its sessions, and uses
    /// the link up.
    pub fn set(
        &self,
        token: &str,
        password: &Password,
        now: Timestamp,
    ) -> Result<PasswordSet, AccountError> {
        let PasswordLinkState::Ready(account) = self.link(token, now)? else {
            return Ok(PasswordSet::NotValid);
        };
        // Used up first: a link read twice at once sets one password.
        if !self.store().use_password_link(&sha256_hex(token), now)? {
            return Ok(PasswordSet::NotValid);
        }
        let hash = hash_password(password.expose())?;
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(account.as_ref())),
            action: AuditAction::PasswordReset,
            summary: format!("{} <{}>", account.name, account.email.as_str()),
        };
        if !self
            .engine
            .account_store()
            .set_password(account.id, &hash, false, None, &audit)?
        {
            return Ok(PasswordSet::NotValid);
        }
        Ok(PasswordSet::Done(account))
    }
}
