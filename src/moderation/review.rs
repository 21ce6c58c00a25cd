//! Editors' changes to listings through the engine: edits, the queue, decisions, the
//! audit log and problem reports, with permissions checked here.

use jiff::Timestamp;
use jiff::civil::Date;
use sha2::{Digest, Sha256};

use super::{
    AuditAction, AuditEntry, Decided, Edited, Editor, MAX_REPORTS_PER_CLIENT, NewAudit,
    NewProblemReport, NewProposal, ProblemReport, Proposal, ProposalFilter, ProposalId,
    ProposalStatus, REPORT_WINDOW, changes, merge,
};
use crate::Engine;
use crate::accounts::Account;
use crate::model::Service;

/// What came of saving an edit.
#[derive(Debug, Clone, PartialEq)]
pub enum EditOutcome {
    /// Saved and searchable now (a council editor's change).
    Saved(Box<Edited>),
    /// Nothing but the review date changed: the listing is confirmed as right.
    Confirmed(Box<Edited>),
    /// Waiting for a council editor (a provider's change).
    Proposed(ProposalId),
    NotFound,
    NotAllowed,
}

/// A council editor's decision on a proposed change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    /// With the reason the provider will read.
    Reject(String),
}

/// What came of a decision.
#[derive(Debug, Clone, PartialEq)]
pub enum DecisionOutcome {
    Done(Box<Decided>),
    NotAllowed,
}

/// The parts of a service an edit form may not change: who it belongs to, its id, the
/// vacancy (set in one click elsewhere) and the review date (set by saving).
fn keep_fixed(edited: &Service, stored: &Service) -> Service {
    let mut s = edited.clone();
    s.id = stored.id.clone();
    s.organisation_id = stored.organisation_id.clone();
    s.vacancy = stored.vacancy.clone();
    s.last_reviewed = stored.last_reviewed;
    s
}

fn summary_of(before: &Service, after: &Service) -> String {
    let fields: Vec<&str> = changes(before, after).iter().map(|c| c.field).collect();
    if fields.is_empty() {
        format!("{}: no fields changed", after.name)
    } else {
        format!("{}: {}", after.name, fields.join(", "))
    }
}

impl Engine {
    /// Saves an editor's version of a service. A council editor's change is saved at
    /// once; a provider's waits for approval, unless it changes nothing, when it confirms
    /// the listing is still right. Either way nothing outside the form's fields changes.
    pub fn edit_listing(
        &self,
        editor: &Account,
        edited: &Service,
        today: Date,
        now: Timestamp,
    ) -> crate::Result<EditOutcome> {
        let Some(stored) = self.listing(&edited.id)? else {
            return Ok(EditOutcome::NotFound);
        };
        let stored = stored.service;
        if !editor.role.may_edit(&stored.organisation_id) {
            return Ok(EditOutcome::NotAllowed);
        }
        let proposed = keep_fixed(edited, &stored);
        let unchanged = changes(&stored, &proposed).is_empty();
        if editor.role.is_council() || unchanged {
            let action = if unchanged {
                AuditAction::Confirmed
            } else {
                AuditAction::Edited
            };
            let audit = NewAudit {
                at: now,
                editor: Some(Editor::from(editor)),
                action,
                summary: summary_of(&stored, &proposed),
            };
            let edit = |current: &Service| {
                let mut next = merge(current, &stored, &proposed);
                next.last_reviewed = today;
                next
            };
            let Some(done) = self.moderation.edit_service(&stored.id, &edit, &audit)? else {
                return Ok(EditOutcome::NotFound);
            };
            self.after_write()?;
            return Ok(if unchanged {
                EditOutcome::Confirmed(Box::new(done))
            } else {
                EditOutcome::Saved(Box::new(done))
            });
        }
        let id = self.moderation.propose(&NewProposal {
            proposed_by: Editor::from(editor),
            proposed_at: now,
            before: stored,
            after: proposed,
        })?;
        Ok(EditOutcome::Proposed(id))
    }

    /// The version of a service an editor should start editing from: their own change
    /// still waiting for approval, if there is one, or the listing as published.
    pub fn service_to_edit(
        &self,
        editor: &Account,
        service_id: &str,
    ) -> crate::Result<Option<(Service, Option<Proposal>)>> {
        let Some(listing) = self.listing(service_id)? else {
            return Ok(None);
        };
        if !editor.role.may_edit(&listing.service.organisation_id) {
            return Ok(None);
        }
        let pending = self
            .moderation
            .proposals(
                &ProposalFilter {
                    status: Some(ProposalStatus::Pending),
                    service_id: Some(service_id.to_string()),
                    ..ProposalFilter::default()
                },
                1,
            )?
            .into_iter()
            .next();
        let start = match &pending {
            Some(p) => merge(&listing.service, &p.before, &p.after),
            None => listing.service,
        };
        Ok(Some((start, pending)))
    }

    /// The changes an editor may see: for a council editor every organisation's (or one
    /// status), for a provider only their organisation's.
    pub fn proposals_for(
        &self,
        editor: &Account,
        status: Option<ProposalStatus>,
        limit: usize,
    ) -> crate::Result<Vec<Proposal>> {
        let filter = ProposalFilter {
            status,
            organisation_id: editor.role.organisation_id().map(str::to_string),
            service_id: None,
        };
        Ok(self.moderation.proposals(&filter, limit)?)
    }

    /// One proposed change, if the editor may see it.
    pub fn proposal_for(
        &self,
        editor: &Account,
        id: ProposalId,
    ) -> crate::Result<Option<Proposal>> {
        Ok(self
            .moderation
            .proposal(id)?
            .filter(|p| editor.role.may_edit(&p.organisation_id)))
    }

    /// Approves or rejects a proposed change; only council editors may. An approved
    /// change is searchable when this returns.
    pub fn decide(
        &self,
        editor: &Account,
        id: ProposalId,
        decision: &Decision,
        today: Date,
        now: Timestamp,
    ) -> crate::Result<DecisionOutcome> {
        if !editor.role.is_council() {
            return Ok(DecisionOutcome::NotAllowed);
        }
        let (approve, reason, action) = match decision {
            Decision::Approve => (true, "", AuditAction::Approved),
            Decision::Reject(reason) => (false, reason.as_str(), AuditAction::Rejected),
        };
        let summary = match self.moderation.proposal(id)? {
            Some(p) => {
                let what = summary_of(&p.before, &p.after);
                if approve {
                    format!("Change {} by {}: {what}", id.0, p.proposed_by.name)
                } else {
                    format!(
                        "Change {} by {}: {what}. Reason: {reason}",
                        id.0, p.proposed_by.name
                    )
                }
            }
            None => format!("Change {}", id.0),
        };
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(editor)),
            action,
            summary,
        };
        let merge_in = |current: &Service, p: &Proposal| {
            let mut next = merge(current, &p.before, &p.after);
            next.last_reviewed = today;
            next
        };
        let decided = self
            .moderation
            .decide(id, approve, reason, &audit, &merge_in)?;
        if matches!(decided, Decided::Approved(_)) {
            self.after_write()?;
        }
        Ok(DecisionOutcome::Done(Box::new(decided)))
    }

    /// The audit log, newest first; only council editors may read it.
    pub fn audit_log(
        &self,
        editor: &Account,
        service_id: Option<&str>,
        limit: usize,
    ) -> crate::Result<Option<Vec<AuditEntry>>> {
        if !editor.role.is_council() {
            return Ok(None);
        }
        Ok(Some(self.moderation.audit_log(service_id, limit)?))
    }

    /// Keeps a member of the public's report of a problem with a listing. `client` is a
    /// coarse network address, kept only as a hash and only for as long as the limit
    /// needs it. Ok(None) when that client has sent too many reports lately.
    pub fn report_problem(
        &self,
        report: &NewProblemReport,
        client: &str,
    ) -> crate::Result<Option<i64>> {
        let client_hash = format!(
            "{:x}",
            Sha256::digest(format!("problem-report:{client}").as_bytes())
        );
        let audit = NewAudit {
            at: report.reported_at,
            editor: None,
            action: AuditAction::ProblemReported,
            summary: format!("{}: {}", report.service_id, report.kind.label()),
        };
        Ok(self.moderation.report_problem(
            report,
            &client_hash,
            report.reported_at - REPORT_WINDOW,
            MAX_REPORTS_PER_CLIENT,
            &audit,
        )?)
    }

    /// Problem reports for council editors (None for anyone else).
    pub fn problem_reports(
        &self,
        editor: &Account,
        open_only: bool,
        limit: usize,
    ) -> crate::Result<Option<Vec<ProblemReport>>> {
        if !editor.role.is_council() {
            return Ok(None);
        }
        Ok(Some(self.moderation.problem_reports(open_only, limit)?))
    }

    /// Closes a problem report with a note on what was done; council editors only.
    pub fn close_problem(
        &self,
        editor: &Account,
        id: i64,
        note: &str,
        now: Timestamp,
    ) -> crate::Result<Option<bool>> {
        if !editor.role.is_council() {
            return Ok(None);
        }
        let service = self
            .moderation
            .problem_report(id)?
            .map(|r| r.service_id)
            .unwrap_or_default();
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(editor)),
            action: AuditAction::ProblemClosed,
            summary: format!("Report {id} about {service}: {note}"),
        };
        Ok(Some(self.moderation.close_problem(id, note, &audit)?))
    }
}
