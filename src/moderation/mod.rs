//! Keeping listings true together: providers' changes wait for a council editor, every
//! change is written down (the audit log), and anyone can report a listing that is wrong.
//!
//! The rules live here, in the core, whichever page asks: council editors change listings
//! directly; a provider's change waits in the queue until a council editor approves it
//! (the provider sees the reason for a rejection); vacancies and "still right"
//! confirmations need no approval. Each of these is one transaction with its audit entry.

mod client_keys;
mod diff;
mod problems;
mod review;

pub use client_keys::ClientKeys;
pub use diff::{FieldChange, changes, event_changes, merge, place_changes, provider_changes};
pub use problems::{
    MAX_REPORTS_PER_CLIENT, NewProblemReport, ProblemKind, REPORT_CONTACT_RETENTION, REPORT_WINDOW,
    ReportProblems,
};
pub use review::{Decision, DecisionOutcome, EditOutcome, PlaceToEdit};

use jiff::Timestamp;

use crate::accounts::{Account, AccountId};
use serde::{Deserialize, Serialize};

use crate::model::{Event, Location, Organisation, Service, Term};
use crate::store::StoreResult;

/// Who did something, as they were when they did it (the log outlives accounts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub account_id: Option<AccountId>,
    pub name: String,
    pub email: String,
}

impl From<&Account> for Editor {
    fn from(account: &Account) -> Editor {
        Editor {
            account_id: Some(account.id),
            name: account.name.clone(),
            email: account.email.as_str().to_string(),
        }
    }
}

/// A proposed change's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProposalId(pub i64);

/// Where a proposed change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalStatus {
    /// Waiting for a council editor.
    Pending,
    Approved,
    Rejected,
    /// Replaced by a later change to the same service before anyone decided.
    Superseded,
}

impl ProposalStatus {
    pub fn slug(self) -> &'static str {
        match self {
            ProposalStatus::Pending => "pending",
            ProposalStatus::Approved => "approved",
            ProposalStatus::Rejected => "rejected",
            ProposalStatus::Superseded => "superseded",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ProposalStatus> {
        [
            ProposalStatus::Pending,
            ProposalStatus::Approved,
            ProposalStatus::Rejected,
            ProposalStatus::Superseded,
        ]
        .into_iter()
        .find(|s| s.slug() == slug)
    }

    /// How the status is shown to people.
    pub fn label(self) -> &'static str {
        match self {
            ProposalStatus::Pending => "Waiting for approval",
            ProposalStatus::Approved => "Approved",
            ProposalStatus::Rejected => "Not approved",
            ProposalStatus::Superseded => "Replaced by a later change",
        }
    }
}

/// What a proposal changes: a listing, or one of its open days and events.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Service {
        before: Box<Service>,
        after: Box<Service>,
    },
    /// A new event (nothing before), a changed one, or one to remove (nothing after).
    Event {
        before: Option<Box<Event>>,
        after: Option<Box<Event>>,
    },
    /// A place's name, address, position or access: every listing there changes with it.
    Place {
        before: Box<Location>,
        after: Box<Location>,
    },
    /// A provider's name, description and contact details.
    Provider {
        before: Box<Organisation>,
        after: Box<Organisation>,
    },
}

impl Change {
    /// What changes, field by field.
    pub fn changes(&self) -> Vec<FieldChange> {
        match self {
            Change::Service { before, after } => changes(before, after),
            Change::Event { before, after } => event_changes(before.as_deref(), after.as_deref()),
            Change::Place { before, after } => place_changes(before, after),
            Change::Provider { before, after } => provider_changes(before, after),
        }
    }

    /// What the store calls this kind of change.
    pub fn subject(&self) -> &'static str {
        match self {
            Change::Service { .. } => "service",
            Change::Event { .. } => "event",
            Change::Place { .. } => "place",
            Change::Provider { .. } => "provider",
        }
    }

    /// The id of the event, place or provider changed (None for a listing).
    pub fn record_id(&self) -> Option<String> {
        match self {
            Change::Service { .. } => None,
            Change::Event { before, after } => {
                before.as_ref().or(after.as_ref()).map(|e| e.id.clone())
            }
            Change::Place { before, .. } => Some(before.id.clone()),
            Change::Provider { before, .. } => Some(before.id.clone()),
        }
    }

    /// What it was and what it becomes, as kept in the audit log.
    pub fn snapshots(&self) -> (Option<Snapshot>, Option<Snapshot>) {
        match self {
            Change::Service { before, after } => (
                Some(Snapshot::Service(before.clone())),
                Some(Snapshot::Service(after.clone())),
            ),
            Change::Event { before, after } => (
                before.clone().map(Snapshot::Event),
                after.clone().map(Snapshot::Event),
            ),
            Change::Place { before, after } => (
                Some(Snapshot::Place(before.clone())),
                Some(Snapshot::Place(after.clone())),
            ),
            Change::Provider { before, after } => (
                Some(Snapshot::Provider(before.clone())),
                Some(Snapshot::Provider(after.clone())),
            ),
        }
    }

    /// Before and after as stored (JSON; `null` for a missing event).
    pub fn to_json(&self) -> serde_json::Result<(String, String)> {
        match self {
            Change::Service { before, after } => Ok((
                serde_json::to_string(before)?,
                serde_json::to_string(after)?,
            )),
            Change::Event { before, after } => Ok((
                serde_json::to_string(before)?,
                serde_json::to_string(after)?,
            )),
            Change::Place { before, after } => Ok((
                serde_json::to_string(before)?,
                serde_json::to_string(after)?,
            )),
            Change::Provider { before, after } => Ok((
                serde_json::to_string(before)?,
                serde_json::to_string(after)?,
            )),
        }
    }

    /// A change read back from the store.
    pub fn from_json(subject: &str, before: &str, after: &str) -> serde_json::Result<Change> {
        Ok(match subject {
            "event" => Change::Event {
                before: serde_json::from_str(before)?,
                after: serde_json::from_str(after)?,
            },
            "place" => Change::Place {
                before: serde_json::from_str(before)?,
                after: serde_json::from_str(after)?,
            },
            "provider" => Change::Provider {
                before: serde_json::from_str(before)?,
                after: serde_json::from_str(after)?,
            },
            _ => Change::Service {
                before: serde_json::from_str(before)?,
                after: serde_json::from_str(after)?,
            },
        })
    }

    /// What the change is to, as people name it: the listing, or the event and what
    /// becomes of it.
    pub fn title(&self) -> String {
        match self {
            Change::Service { after, .. } => after.name.clone(),
            Change::Event {
                before,
                after: Some(after),
            } => format!(
                "{}{} ({})",
                if before.is_none() { "New event: " } else { "" },
                after.title,
                after.kind.label()
            ),
            Change::Event {
                before: Some(before),
                after: None,
            } => format!("Remove event: {}", before.title),
            Change::Event { .. } => "An event".into(),
            Change::Place { after, .. } => format!("Place: {}", after.name),
            Change::Provider { after, .. } => format!("Provider: {}", after.name),
        }
    }
}

/// A proposed change to a listing or its events, and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub id: ProposalId,
    /// The listing it is about (an event's service).
    pub service_id: String,
    pub organisation_id: String,
    pub proposed_by: Editor,
    pub proposed_at: Timestamp,
    pub change: Change,
    pub status: ProposalStatus,
    pub decided_by: Option<Editor>,
    pub decided_at: Option<Timestamp>,
    /// Why it was not approved (shown to the provider), or a note on approval.
    pub reason: String,
}

impl Proposal {
    /// What the change changes, field by field.
    pub fn changes(&self) -> Vec<FieldChange> {
        self.change.changes()
    }

    pub fn title(&self) -> String {
        self.change.title()
    }
}

/// A change to put in the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProposal {
    pub proposed_by: Editor,
    pub proposed_at: Timestamp,
    pub service_id: String,
    pub organisation_id: String,
    pub change: Change,
}

/// Which proposals to list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProposalFilter {
    pub status: Option<ProposalStatus>,
    pub organisation_id: Option<String>,
    pub service_id: Option<String>,
}

/// What an audit entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    /// A vacancy was set (and so confirmed).
    VacancySet,
    /// A council editor changed a listing directly.
    Edited,
    /// An editor confirmed a listing is still right, changing nothing else.
    Confirmed,
    /// A provider proposed a change.
    Proposed,
    /// A council editor approved a proposed change (the listing changed).
    Approved,
    /// A council editor rejected a proposed change.
    Rejected,
    /// Someone reported a problem with a listing.
    ProblemReported,
    /// A council editor closed a problem report.
    ProblemClosed,
    /// An administrator restored the directory from a backup (`dayfinder restore`).
    Restored,
    /// An editor's account was added (by a council editor, or on the command line).
    AccountAdded,
    /// An editor changed their own password.
    PasswordChanged,
    /// An editor set a new password from an emailed link (forgotten, or a first one).
    PasswordReset,
    /// A council editor disabled an account (its sessions ended).
    AccountDisabled,
    /// A council editor re-enabled an account.
    AccountEnabled,
    /// A council editor set up the second step of signing in (a code from an app).
    TwoStepSetUp,
    /// An administrator turned an editor's second step off (`dayfinder reset-totp`).
    TwoStepReset,
}

impl AuditAction {
    pub fn slug(self) -> &'static str {
        match self {
            AuditAction::VacancySet => "vacancy-set",
            AuditAction::Edited => "edited",
            AuditAction::Confirmed => "confirmed",
            AuditAction::Proposed => "proposed",
            AuditAction::Approved => "approved",
            AuditAction::Rejected => "rejected",
            AuditAction::ProblemReported => "problem-reported",
            AuditAction::ProblemClosed => "problem-closed",
            AuditAction::Restored => "restored",
            AuditAction::AccountAdded => "account-added",
            AuditAction::PasswordChanged => "password-changed",
            AuditAction::PasswordReset => "password-reset",
            AuditAction::AccountDisabled => "account-disabled",
            AuditAction::AccountEnabled => "account-enabled",
            AuditAction::TwoStepSetUp => "two-step-set-up",
            AuditAction::TwoStepReset => "two-step-reset",
        }
    }

    pub fn from_slug(slug: &str) -> Option<AuditAction> {
        [
            AuditAction::VacancySet,
            AuditAction::Edited,
            AuditAction::Confirmed,
            AuditAction::Proposed,
            AuditAction::Approved,
            AuditAction::Rejected,
            AuditAction::ProblemReported,
            AuditAction::ProblemClosed,
            AuditAction::Restored,
            AuditAction::AccountAdded,
            AuditAction::PasswordChanged,
            AuditAction::PasswordReset,
            AuditAction::AccountDisabled,
            AuditAction::AccountEnabled,
            AuditAction::TwoStepSetUp,
            AuditAction::TwoStepReset,
        ]
        .into_iter()
        .find(|a| a.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            AuditAction::VacancySet => "Set vacancies",
            AuditAction::Edited => "Changed the listing",
            AuditAction::Confirmed => "Confirmed the listing is right",
            AuditAction::Proposed => "Proposed a change",
            AuditAction::Approved => "Approved a change",
            AuditAction::Rejected => "Did not approve a change",
            AuditAction::ProblemReported => "Reported a problem",
            AuditAction::ProblemClosed => "Closed a problem report",
            AuditAction::Restored => "Restored the directory from a backup",
            AuditAction::AccountAdded => "Added an editor",
            AuditAction::PasswordChanged => "Changed their password",
            AuditAction::PasswordReset => "Set a new password from an emailed link",
            AuditAction::AccountDisabled => "Disabled an editor’s account",
            AuditAction::AccountEnabled => "Re-enabled an editor’s account",
            AuditAction::TwoStepSetUp => "Set up a code from an app for signing in",
            AuditAction::TwoStepReset => "Turned off an editor’s code from an app",
        }
    }
}

/// An entry to add to the audit log. The store fills in the service before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAudit {
    pub at: Timestamp,
    /// None for a member of the public (a problem report).
    pub editor: Option<Editor>,
    pub action: AuditAction,
    pub summary: String,
}

/// A listing or an event as it was, in the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Snapshot {
    Service(Box<Service>),
    Event(Box<Event>),
    Place(Box<Location>),
    Provider(Box<Organisation>),
}

impl Snapshot {
    /// What differs between two snapshots of the same thing (every field of one added
    /// or removed).
    pub fn changes(before: Option<&Snapshot>, after: Option<&Snapshot>) -> Vec<FieldChange> {
        let event = |s: Option<&Snapshot>| match s {
            Some(Snapshot::Event(e)) => Some(e.as_ref().clone()),
            _ => None,
        };
        match (before, after) {
            (Some(Snapshot::Service(b)), Some(Snapshot::Service(a))) => changes(b, a),
            (Some(Snapshot::Place(b)), Some(Snapshot::Place(a))) => place_changes(b, a),
            (Some(Snapshot::Provider(b)), Some(Snapshot::Provider(a))) => provider_changes(b, a),
            (b, a) => event_changes(event(b).as_ref(), event(a).as_ref()),
        }
    }
}

/// One line of the audit log: who did what, when, with the listing before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Timestamp,
    pub editor: Option<Editor>,
    pub action: AuditAction,
    pub service_id: Option<String>,
    pub summary: String,
    pub before: Option<Snapshot>,
    pub after: Option<Snapshot>,
}

/// A problem someone reported with a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemReport {
    pub id: i64,
    pub service_id: String,
    pub kind: ProblemKind,
    pub details: String,
    /// How to reach the person, if they chose to say.
    pub contact: Option<String>,
    pub reported_at: Timestamp,
    pub open: bool,
    pub closed_by: Option<Editor>,
    pub closed_at: Option<Timestamp>,
    pub note: String,
}

/// What a purge of problem reports forgot: how many client hashes, and how many
/// reporters' contact details.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgedReports {
    pub client_hashes: usize,
    pub contacts: usize,
}

/// What a store-side edit did: the service before and after, and the change log's head.
#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    pub before: Service,
    pub after: Service,
    pub seq: u64,
}

/// How a decision on a proposal went in the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Decided {
    /// Approved and saved: the listing as it now is.
    Approved(Box<Edited>),
    /// A change to an event, a place or a provider approved and saved.
    RecordApproved,
    Rejected,
    /// No such proposal.
    NotFound,
    /// Someone already decided it (or it was superseded).
    AlreadyDecided(ProposalStatus),
    /// The service has gone from the directory since.
    ServiceGone,
}

/// Where moderation, the audit log and problem reports are kept. Every method that
/// writes is one transaction, audit entry included.
pub trait ModerationStore: Send + Sync {
    /// Changes a stored service with `edit` (given the stored service, returns the new
    /// one) and logs `audit` with the before and after. None when there is no such service.
    fn edit_service(
        &self,
        service_id: &str,
        edit: &dyn Fn(&Service) -> Service,
        audit: &NewAudit,
    ) -> StoreResult<Option<Edited>>;
    /// Adds, changes (`after` given) or removes (`after` None) event `event_id`, logging
    /// `audit` with the event before and after. Returns the event as it was.
    fn save_event(
        &self,
        event_id: &str,
        after: Option<&Event>,
        audit: &NewAudit,
    ) -> StoreResult<Option<Event>>;
    /// Saves a changed place or provider (`after`, a `Snapshot::Place` or
    /// `Snapshot::Provider`) with a change-log line for every listing of it (so search
    /// follows), and `audit` with the before and after. Returns it as it was; None when
    /// there is no such place or provider.
    fn save_record(&self, after: &Snapshot, audit: &NewAudit) -> StoreResult<Option<Snapshot>>;
    /// Queues a change (superseding any pending one for the same listing, event, place
    /// or provider) and logs it.
    fn propose(&self, proposal: &NewProposal) -> StoreResult<ProposalId>;
    /// Proposals, newest first.
    fn proposals(&self, filter: &ProposalFilter, limit: usize) -> StoreResult<Vec<Proposal>>;
    fn proposal(&self, id: ProposalId) -> StoreResult<Option<Proposal>>;
    /// Approves (saving `merge(stored service, proposal)`, or the event as proposed) or
    /// rejects a pending proposal, with its audit entry, in one transaction.
    fn decide(
        &self,
        id: ProposalId,
        approve: bool,
        reason: &str,
        audit: &NewAudit,
        merge: &dyn Fn(&Service, &Proposal) -> Service,
    ) -> StoreResult<Decided>;
    /// The audit log, newest first, of one service or all.
    fn audit_log(&self, service_id: Option<&str>, limit: usize) -> StoreResult<Vec<AuditEntry>>;
    /// Each (service, account) pair with an entry of one of `actions` in the audit log.
    fn audited_by(&self, actions: &[AuditAction]) -> StoreResult<Vec<(String, i64)>>;
    /// Keeps a problem report under the first of `client_hashes`, unless reports under
    /// any of them already number `max` since `since` (then None). Logged in the audit log.
    fn report_problem(
        &self,
        report: &NewProblemReport,
        client_hashes: &[String],
        since: Timestamp,
        max: usize,
        audit: &NewAudit,
    ) -> StoreResult<Option<i64>>;
    /// Problem reports, newest first: open ones only, or all.
    fn problem_reports(&self, open_only: bool, limit: usize) -> StoreResult<Vec<ProblemReport>>;
    fn problem_report(&self, id: i64) -> StoreResult<Option<ProblemReport>>;
    /// Closes an open report with a note; false when it was not open.
    fn close_problem(&self, id: i64, note: &str, audit: &NewAudit) -> StoreResult<bool>;
    /// Forgets the client hashes of reports made before `hashes_before`, and erases the
    /// contact details of reports closed before `contacts_closed_before`.
    fn purge_problem_reports(
        &self,
        hashes_before: Timestamp,
        contacts_closed_before: Timestamp,
    ) -> StoreResult<PurgedReports>;
}
