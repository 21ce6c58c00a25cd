//! What changes about an account after it is added: an editor's own password and second
//! step, and a council editor disabling and re-enabling others. Each is one store
//! transaction with its audit entry.

use jiff::Timestamp;

use super::limits::{Attempt, Keys};
use super::{
    Account, AccountError, AccountId, Accounts, EditorSession, Email, Password, SessionToken,
    TwoStepSecret, hash_password, verify_password,
};
use crate::moderation::{AuditAction, Editor, NewAudit};

/// How an account is named in the audit log.
fn named(account: &Account) -> String {
    format!("{} <{}>", account.name, account.email)
}

impl Accounts<'_> {
    /// Changes the signed-in editor's password, given their current one (checked within
    /// the limits on guessing, as at sign-in, from `client`). Their other sessions end;
    /// this one (`token`) goes on.
    pub fn change_password(
        &self,
        session: &EditorSession,
        token: &SessionToken,
        current: &str,
        new: &Password,
        client: &str,
        now: Timestamp,
    ) -> Result<(), AccountError> {
        let account = &session.account;
        let attempt = Attempt::reserve(self.store, Keys::new(account.email.as_str(), client), now)?;
        let Some((_, credentials)) = self.store.account_by_email(&account.email)? else {
            return Err(AccountError::NoSuchAccount);
        };
        if !verify_password(current, &credentials.password_hash) {
            return Err(AccountError::WrongCurrentPassword);
        }
        attempt.succeeded(self.store, true)?;
        if current == new.expose() {
            return Err(AccountError::SamePassword);
        }
        let hash = hash_password(new.expose())?;
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(account)),
            action: AuditAction::PasswordChanged,
            summary: named(account),
        };
        if self
            .store
            .set_password(account.id, &hash, false, Some(&token.hash()), &audit)?
        {
            Ok(())
        } else {
            Err(AccountError::NoSuchAccount)
        }
    }

    /// Disables (`disabled`) or re-enables account `id`, by council editor `by`. A
    /// disabled account's sessions end at once. Nobody can disable themselves.
    pub fn set_disabled(
        &self,
        by: &Account,
        id: AccountId,
        disabled: bool,
        now: Timestamp,
    ) -> Result<Account, AccountError> {
        if !by.role.may_manage_accounts() {
            return Err(AccountError::NotAllowed);
        }
        if disabled && by.id == id {
            return Err(AccountError::CannotDisableYourself);
        }
        let target = self.store.account(id)?.ok_or(AccountError::NoSuchAccount)?;
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(by)),
            action: if disabled {
                AuditAction::AccountDisabled
            } else {
                AuditAction::AccountEnabled
            },
            summary: named(&target),
        };
        self.store
            .set_disabled(id, disabled, &audit)?
            .ok_or(AccountError::NoSuchAccount)
    }

    /// Sets up the second step for the signed-in council editor: `secret` as their app
    /// has it, proved by a `code` from the app. That code's step is then used.
    pub fn set_up_two_step(
        &self,
        account: &Account,
        secret: &TwoStepSecret,
        code: &str,
        now: Timestamp,
    ) -> Result<(), AccountError> {
        if !account.role.may_use_two_step() {
            return Err(AccountError::NotAllowed);
        }
        let step = secret.check(code, now).ok_or(AccountError::WrongCode)?;
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(account)),
            action: AuditAction::TwoStepSetUp,
            summary: named(account),
        };
        let text = secret.to_base32();
        if self
            .store
            .set_two_step(account.id, Some(&text), Some(step), &audit)?
        {
            Ok(())
        } else {
            Err(AccountError::NoSuchAccount)
        }
    }

    /// Turns the second step off for `email` (an administrator, on the command line, for
    /// an editor who lost their phone): they sign in with their password alone, and can
    /// set it up again. The account as it now is.
    pub fn reset_two_step(&self, email: &Email, now: Timestamp) -> Result<Account, AccountError> {
        let (account, _) = self
            .store
            .account_by_email(email)?
            .ok_or(AccountError::NoSuchAccount)?;
        let audit = NewAudit {
            at: now,
            editor: None,
            action: AuditAction::TwoStepReset,
            summary: named(&account),
        };
        self.store.set_two_step(account.id, None, None, &audit)?;
        self.store
            .account(account.id)?
            .ok_or(AccountError::NoSuchAccount)
    }
}
