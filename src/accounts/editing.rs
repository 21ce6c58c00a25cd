//! What editors do to the directory through the engine, with their permissions checked
//! here, in the core, whichever page or command asks.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Account, AccountError, NewAccount, Password, Role};
use crate::Engine;
use crate::model::{Listing, Organisation, Service, Term, Vacancy, VacancyStatus};
use crate::moderation::{AuditAction, Editor, NewAudit};

/// What came of a vacancy change.
#[derive(Debug, Clone, PartialEq)]
pub enum VacancyChange {
    /// Saved, and searchable as it now is.
    Saved(Box<Listing>),
    /// There is no such service.
    NotFound,
    /// The editor may not change this service.
    NotAllowed,
}

/// The services an editor may change, with their organisations.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EditableServices {
    /// Organisations the editor may choose between (all for the council), by name.
    pub organisations: Vec<Organisation>,
    /// Services, by organisation then name.
    pub services: Vec<Service>,
}

/// Editors' work on the directory.
impl Engine {
    /// Adds an editor's account; a provider's organisation must be in the directory.
    pub fn add_editor(
        &self,
        account: &NewAccount,
        password: &Password,
        now: Timestamp,
    ) -> Result<Account, AccountError> {
        if let Role::Provider { organisation_id } = &account.role
            && self
                .organisation_services(organisation_id)
                .map_err(Box::new)?
                .is_none()
        {
            return Err(AccountError::UnknownOrganisation(organisation_id.clone()));
        }
        self.accounts().add(account, password, now)
    }

    /// Whether an enabled provider editor keeps the organisation's listings (the listing
    /// says so; otherwise it offers "Manage this listing").
    pub fn has_provider_editors(&self, organisation_id: &str) -> crate::Result<bool> {
        Ok(self
            .account_store()
            .accounts()
            .map_err(crate::Error::from)?
            .iter()
            .any(|a| !a.disabled && a.role.organisation_id() == Some(organisation_id)))
    }

    /// The services `role` may change, of one organisation when `organisation` is given.
    pub fn editable_services(
        &self,
        role: &Role,
        organisation: Option<&str>,
    ) -> crate::Result<EditableServices> {
        // A provider's page reads only their organisation, however big the directory.
        if let Role::Provider { organisation_id } = role {
            let mut services = Vec::new();
            let mut organisations = Vec::new();
            if organisation.is_none_or(|id| id == organisation_id.as_str())
                && let Some((own, theirs)) = self.organisation_services(organisation_id)?
            {
                organisations.push(own);
                services = theirs;
            }
            services.sort_by(|a, b| a.name.cmp(&b.name));
            return Ok(EditableServices {
                organisations,
                services,
            });
        }
        let directory = self.directory()?;
        let mut organisations: Vec<Organisation> = directory
            .organisations
            .into_iter()
            .filter(|o| role.may_edit(&o.id))
            .collect();
        organisations.sort_by(|a, b| a.name.cmp(&b.name));
        let mut services: Vec<Service> = directory
            .services
            .into_iter()
            .filter(|s| role.may_edit(&s.organisation_id))
            .filter(|s| organisation.is_none_or(|id| s.organisation_id == id))
            .collect();
        let position = |id: &str| organisations.iter().position(|o| o.id == id);
        services.sort_by(|a, b| {
            position(&a.organisation_id)
                .cmp(&position(&b.organisation_id))
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(EditableServices {
            organisations,
            services,
        })
    }

    /// Sets a service's vacancy, confirmed `today`, if `editor` may change it. Vacancies
    /// need no moderation: the change is searchable when this returns, and it is in the
    /// audit log.
    pub fn set_vacancy(
        &self,
        editor: &Account,
        service_id: &str,
        status: VacancyStatus,
        today: Date,
    ) -> crate::Result<VacancyChange> {
        let Some(listing) = self.listing(service_id)? else {
            return Ok(VacancyChange::NotFound);
        };
        if !editor.role.may_edit(&listing.service.organisation_id) {
            return Ok(VacancyChange::NotAllowed);
        }
        let audit = NewAudit {
            at: Timestamp::now(),
            editor: Some(Editor::from(editor)),
            action: AuditAction::VacancySet,
            summary: format!("{}: {}", listing.service.name, status.label()),
        };
        let edit = |current: &Service| {
            let mut next = current.clone();
            next.vacancy = Vacancy {
                status,
                confirmed: today,
            };
            next
        };
        let Some(edited) = self.moderation.edit_service(service_id, &edit, &audit)? else {
            return Ok(VacancyChange::NotFound);
        };
        self.after_write()?;
        Ok(VacancyChange::Saved(Box::new(Listing {
            service: edited.after,
            ..listing
        })))
    }
}
