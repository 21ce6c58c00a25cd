//! An editor invites a colleague by email: a provider editor to their own organisation, a
//! council editor to the council's team. The colleague gets an account and an email with
//! a link to choose their password (`reset.rs`); nobody else ever knows it.

use jiff::Timestamp;

use super::{Account, AccountError, NewAccount, Password, Role, random_hex};
use crate::engine::Engine;
use crate::moderation::Editor;

impl Engine {
    /// Adds `name <email>` with the inviter's role (their organisation, or the council),
    /// and emails them a link to choose a password. Links start with `site`.
    pub fn invite(
        &self,
        inviter: &Account,
        email: &str,
        name: &str,
        site: &str,
        now: Timestamp,
    ) -> Result<Account, AccountError> {
        let role = match &inviter.role {
            Role::Council => Role::Council,
            Role::Provider { organisation_id } => Role::Provider {
                organisation_id: organisation_id.clone(),
            },
        };
        let new = NewAccount {
            added_by: Some(Editor::from(inviter)),
            ..NewAccount::parse(email, name, role.clone())?
        };
        // Nobody knows this password: the colleague chooses theirs from the link.
        let unknown = Password::parse(&random_hex(32)?)?;
        let account = self.add_editor(&new, &unknown, now)?;
        let why = match &role {
            Role::Council => format!(
                "{} invited you to join the council's directory team on Dayfinder.",
                inviter.name
            ),
            Role::Provider { organisation_id } => {
                let organisation = self
                    .organisation_services(organisation_id)
                    .map_err(Box::new)?
                    .map_or_else(|| organisation_id.clone(), |(o, _)| o.name);
                format!(
                    "{} invited you to keep {organisation}'s listings on Dayfinder.",
                    inviter.name
                )
            }
        };
        self.password_resets(site).welcome(&account, &why, now)?;
        Ok(account)
    }
}
