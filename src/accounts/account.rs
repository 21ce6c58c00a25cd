//! Accounts and their roles.

use jiff::Timestamp;

use super::AccountError;
use crate::moderation::Editor;

/// An account's number in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(pub i64);

/// An email address, trimmed and in lower case: the same person however they type it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// The longest address the standards allow.
    const MAX: usize = 254;

    /// A plausible address: something, an `@`, a domain with a dot, no spaces. (Whether it
    /// works is only known by writing to it; this catches typing slips.)
    pub fn parse(text: &str) -> Result<Email, AccountError> {
        let email = text.trim().to_lowercase();
        let plausible = email.len() <= Self::MAX
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            });
        if plausible {
            Ok(Email(email))
        } else {
            Err(AccountError::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an editor may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Changes and moderates any listing, and manages accounts.
    Council,
    /// Changes only the listings of one organisation.
    Provider { organisation_id: String },
}

impl Role {
    /// The role's name in the store and on the command line.
    pub fn slug(&self) -> &'static str {
        match self {
            Role::Council => "council",
            Role::Provider { .. } => "provider",
        }
    }

    /// The role's name for people.
    pub fn label(&self) -> &'static str {
        match self {
            Role::Council => "Council editor",
            Role::Provider { .. } => "Provider editor",
        }
    }

    pub fn is_council(&self) -> bool {
        matches!(self, Role::Council)
    }

    /// The organisation a provider editor belongs to.
    pub fn organisation_id(&self) -> Option<&str> {
        match self {
            Role::Council => None,
            Role::Provider { organisation_id } => Some(organisation_id),
        }
    }

    /// Whether this role may change the listings of `organisation_id`.
    pub fn may_edit(&self, organisation_id: &str) -> bool {
        match self {
            Role::Council => true,
            Role::Provider {
                organisation_id: own,
            } => own == organisation_id,
        }
    }

    /// Whether this role may add, list, disable and re-enable accounts.
    pub fn may_manage_accounts(&self) -> bool {
        self.is_council()
    }

    /// Whether this role may sign in with a second step (a code from an app): council
    /// editors, who can change every listing and manage accounts.
    pub fn may_use_two_step(&self) -> bool {
        self.is_council()
    }
}

/// An editor's account (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub email: Email,
    pub name: String,
    pub role: Role,
    pub created_at: Timestamp,
    /// Someone else chose the password: every editor page asks for a new one first.
    pub must_change_password: bool,
    /// A council editor disabled it: it cannot sign in and has no sessions.
    pub disabled: bool,
    /// Signing in also asks for a code from an app (TOTP).
    pub two_step: bool,
}

/// An account to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub email: Email,
    pub name: String,
    pub role: Role,
    /// Someone other than the editor chose the password (see [`NewAccount::set_by`]).
    pub must_change_password: bool,
    /// Who added it, for the audit log; None: an administrator, on the command line.
    pub added_by: Option<Editor>,
}

impl NewAccount {
    /// Checks what people type: a plausible email address and a name. The password is
    /// taken to be the editor's own; see [`NewAccount::set_by`].
    pub fn parse(email: &str, name: &str, role: Role) -> Result<NewAccount, AccountError> {
        let email = Email::parse(email)?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(AccountError::MissingName);
        }
        Ok(NewAccount {
            email,
            name: name.to_string(),
            role,
            must_change_password: false,
            added_by: None,
        })
    }

    /// The password was chosen by `by` (None: an administrator, on the command line),
    /// not by the editor, so they must change it when they first sign in.
    pub fn set_by(self, by: Option<&Account>) -> NewAccount {
        NewAccount {
            must_change_password: true,
            added_by: by.map(Editor::from),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_the_same_however_they_are_typed() {
        assert_eq!(
            Email::parse("  Sam.Jones@Example.ORG ").unwrap().as_str(),
            "sam.jones@example.org"
        );
        for bad in [
            "",
            "sam",
            "sam@",
            "@example.org",
            "sam@example",
            "sam jones@example.org",
            "a@b@c.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_provider_may_edit_only_their_own_organisation() {
        let provider = Role::Provider {
            organisation_id: "brookhouse".into(),
        };
        assert!(provider.may_edit("brookhouse"));
        assert!(!provider.may_edit("other"));
        assert!(Role::Council.may_edit("other"));
        assert!(!provider.may_manage_accounts());
    }
}
