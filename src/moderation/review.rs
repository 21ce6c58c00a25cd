//! Editors' changes to listings through the engine: edits, the queue, decisions, the
//! audit log and problem reports, with permissions checked here.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{
    AuditAction, AuditEntry, Change, Decided, Edited, Editor, MAX_REPORTS_PER_CLIENT, NewAudit,
    NewProblemReport, NewProposal, ProblemReport, Proposal, ProposalFilter, ProposalId,
    ProposalStatus, PurgedReports, REPORT_CONTACT_RETENTION, REPORT_WINDOW, changes, merge,
};
use crate::Engine;
use crate::accounts::Account;
use crate::model::{Event, Location, Organisation, Service};

/// What came of saving an edit.
#[derive(Debug, Clone, PartialEq)]
pub enum EditOutcome {
    /// Saved and searchable now (a council editor's change).
    Saved(Box<Edited>),
    /// Nothing but the review date changed: the listing is confirmed as right.
    Confirmed(Box<Edited>),
    /// Waiting for a council editor (a provider's change).
    Proposed(ProposalId),
    /// An event, place or provider saved at once (a council editor's change).
    Published,
    /// Nothing in the form differs from what is published.
    Unchanged,
    NotFound,
    NotAllowed,
}

/// A place as an editor starts changing it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceToEdit {
    /// The place as published, or as the editor's own waiting change has it.
    pub place: Location,
    pub pending: Option<Proposal>,
    /// Every listing at the place (they all change with it).
    pub listings: Vec<Service>,
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
            service_id: stored.id.clone(),
            organisation_id: stored.organisation_id.clone(),
            change: Change::Service {
                before: Box::new(stored),
                after: Box::new(proposed),
            },
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
                50,
            )?
            .into_iter()
            .find(|p| matches!(p.change, Change::Service { .. }));
        let start = match pending.as_ref().map(|p| &p.change) {
            Some(Change::Service { before, after }) => merge(&listing.service, before, after),
            _ => listing.service,
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
                let fields: Vec<&str> = p.changes().iter().map(|c| c.field).collect();
                let what = format!("{}: {}", p.title(), fields.join(", "));
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
            let mut next = match &p.change {
                Change::Service { before, after } => merge(current, before, after),
                _ => current.clone(),
            };
            next.last_reviewed = today;
            next
        };
        let decided = self
            .moderation
            .decide(id, approve, reason, &audit, &merge_in)?;
        if matches!(decided, Decided::Approved(_) | Decided::RecordApproved) {
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
    /// coarse network address, kept only as a keyed hash (see [`super::ClientKeys`]) and
    /// only for as long as the limit needs it. Ok(None) when that client has sent too many reports lately.
    pub fn report_problem(
        &self,
        report: &NewProblemReport,
        client: &str,
    ) -> crate::Result<Option<i64>> {
        let client_hashes = self.report_keys.hashes(client, report.reported_at)?;
        let audit = NewAudit {
            at: report.reported_at,
            editor: None,
            action: AuditAction::ProblemReported,
            summary: format!("{}: {}", report.service_id, report.kind.label()),
        };
        Ok(self.moderation.report_problem(
            report,
            &client_hashes,
            report.reported_at - REPORT_WINDOW,
            MAX_REPORTS_PER_CLIENT,
            &audit,
        )?)
    }

    /// Forgets what no longer needs keeping: client hashes older than the limit's window
    /// (and the keys they were made with), and the contact details of reports closed
    /// longer ago than the privacy notice says they are kept. The server runs it on a timer.
    pub fn purge_problem_reports(&self, now: Timestamp) -> crate::Result<PurgedReports> {
        self.report_keys.forget_old(now);
        Ok(self
            .moderation
            .purge_problem_reports(now - REPORT_WINDOW, now - REPORT_CONTACT_RETENTION)?)
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

    /// The events of a listing an editor may change, soonest first; None when the
    /// editor may not change the listing.
    pub fn events_to_edit(
        &self,
        editor: &Account,
        service_id: &str,
    ) -> crate::Result<Option<Vec<Event>>> {
        let Some(listing) = self.listing(service_id)? else {
            return Ok(None);
        };
        if !editor.role.may_edit(&listing.service.organisation_id) {
            return Ok(None);
        }
        let mut events: Vec<Event> = self
            .directory()?
            .events
            .into_iter()
            .filter(|e| e.service_id.as_deref() == Some(service_id))
            .collect();
        events.sort_by_key(|e| e.start);
        Ok(Some(events))
    }

    /// One event to change, if the editor may change its listing, with the editor's own
    /// change to it still waiting, if there is one (shown instead of the published event).
    pub fn event_to_edit(
        &self,
        editor: &Account,
        event_id: &str,
    ) -> crate::Result<Option<(Event, Option<Proposal>)>> {
        let Some(event) = self
            .directory()?
            .events
            .into_iter()
            .find(|e| e.id == event_id)
        else {
            return Ok(None);
        };
        let Some(service_id) = event.service_id.clone() else {
            return Ok(None);
        };
        if self.events_to_edit(editor, &service_id)?.is_none() {
            return Ok(None);
        }
        let pending = self
            .moderation
            .proposals(
                &ProposalFilter {
                    status: Some(ProposalStatus::Pending),
                    service_id: Some(service_id),
                    ..ProposalFilter::default()
                },
                50,
            )?
            .into_iter()
            .find(|p| {
                matches!(&p.change, Change::Event { after: Some(after), .. } if after.id == event_id)
            });
        let start = match pending.as_ref().map(|p| &p.change) {
            Some(Change::Event {
                after: Some(after), ..
            }) => after.as_ref().clone(),
            _ => event,
        };
        Ok(Some((start, pending)))
    }

    /// Adds or changes (`after`), or removes (`after` None), an event of listing
    /// `service_id`: at once for a council editor, after approval for a provider. An
    /// event keeps its id and belongs to the listing's service and provider whatever the
    /// form said; a new event gets an id made from its title and date.
    pub fn edit_event(
        &self,
        editor: &Account,
        service_id: &str,
        event_id: Option<&str>,
        after: Option<Event>,
        now: Timestamp,
    ) -> crate::Result<EditOutcome> {
        let Some(events) = self.events_to_edit(editor, service_id)? else {
            return Ok(EditOutcome::NotAllowed);
        };
        let Some(listing) = self.listing(service_id)? else {
            return Ok(EditOutcome::NotFound);
        };
        let before = match event_id {
            Some(id) => match self.directory()?.events.into_iter().find(|e| e.id == id) {
                Some(e) if e.service_id.as_deref() == Some(service_id) => Some(e),
                Some(_) => return Ok(EditOutcome::NotAllowed),
                None => return Ok(EditOutcome::NotFound),
            },
            None => None,
        };
        let after = after.map(|mut e| {
            e.service_id = Some(service_id.to_string());
            e.organisation_id = Some(listing.service.organisation_id.clone());
            e.id = match &before {
                Some(b) => b.id.clone(),
                None => new_event_id(
                    &e,
                    &events,
                    &self.directory().map(|d| d.events).unwrap_or_default(),
                ),
            };
            e
        });
        if before.is_none() && after.is_none() {
            return Ok(EditOutcome::NotFound);
        }
        let change = Change::Event {
            before: before.clone().map(Box::new),
            after: after.clone().map(Box::new),
        };
        if !editor.role.is_council() {
            let id = self.moderation.propose(&NewProposal {
                proposed_by: Editor::from(editor),
                proposed_at: now,
                service_id: service_id.to_string(),
                organisation_id: listing.service.organisation_id.clone(),
                change,
            })?;
            return Ok(EditOutcome::Proposed(id));
        }
        let fields: Vec<&str> = change.changes().iter().map(|c| c.field).collect();
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(editor)),
            action: AuditAction::Edited,
            summary: format!("{}: {}", change.title(), fields.join(", ")),
        };
        let id = after
            .as_ref()
            .or(before.as_ref())
            .map(|e| e.id.clone())
            .unwrap_or_default();
        self.moderation.save_event(&id, after.as_ref(), &audit)?;
        self.after_write()?;
        Ok(EditOutcome::Published)
    }

    /// A place to change, if the editor may change one of the listings there, with the
    /// editor's own change to it still waiting (shown instead), and the listings there.
    pub fn place_to_edit(
        &self,
        editor: &Account,
        location_id: &str,
    ) -> crate::Result<Option<PlaceToEdit>> {
        let directory = self.directory()?;
        let Some(place) = directory
            .locations
            .iter()
            .find(|l| l.id == location_id)
            .cloned()
        else {
            return Ok(None);
        };
        let services: Vec<Service> = directory
            .services
            .into_iter()
            .filter(|s| s.location_id.as_deref() == Some(location_id))
            .collect();
        if !services
            .iter()
            .any(|s| editor.role.may_edit(&s.organisation_id))
        {
            return Ok(None);
        }
        let pending = self.pending_record(editor, "place", location_id)?;
        let start = match pending.as_ref().map(|p| &p.change) {
            Some(Change::Place { after, .. }) => after.as_ref().clone(),
            _ => place,
        };
        Ok(Some(PlaceToEdit {
            place: start,
            pending,
            listings: services,
        }))
    }

    /// A provider's details to change, if the editor may change its listings.
    pub fn provider_to_edit(
        &self,
        editor: &Account,
        organisation_id: &str,
    ) -> crate::Result<Option<(Organisation, Option<Proposal>)>> {
        if !editor.role.may_edit(organisation_id) {
            return Ok(None);
        }
        let Some(provider) = self
            .directory()?
            .organisations
            .into_iter()
            .find(|o| o.id == organisation_id)
        else {
            return Ok(None);
        };
        let pending = self.pending_record(editor, "provider", organisation_id)?;
        let start = match pending.as_ref().map(|p| &p.change) {
            Some(Change::Provider { after, .. }) => after.as_ref().clone(),
            _ => provider,
        };
        Ok(Some((start, pending)))
    }

    fn pending_record(
        &self,
        editor: &Account,
        subject: &str,
        id: &str,
    ) -> crate::Result<Option<Proposal>> {
        Ok(self
            .proposals_for(editor, Some(ProposalStatus::Pending), 500)?
            .into_iter()
            .find(|p| p.change.subject() == subject && p.change.record_id().as_deref() == Some(id)))
    }

    /// Changes a place (its id stays): at once for a council editor, after approval for a
    /// provider, who may change a place one of their listings is at. `from` is the
    /// listing the editor came from, named in the queue.
    pub fn edit_place(
        &self,
        editor: &Account,
        from: &str,
        after: Location,
        now: Timestamp,
    ) -> crate::Result<EditOutcome> {
        let Some(PlaceToEdit {
            listings: services, ..
        }) = self.place_to_edit(editor, &after.id)?
        else {
            return Ok(EditOutcome::NotAllowed);
        };
        let Some(before) = self
            .directory()?
            .locations
            .into_iter()
            .find(|l| l.id == after.id)
        else {
            return Ok(EditOutcome::NotFound);
        };
        let listing = services
            .iter()
            .find(|s| s.id == from && editor.role.may_edit(&s.organisation_id))
            .or_else(|| {
                services
                    .iter()
                    .find(|s| editor.role.may_edit(&s.organisation_id))
            })
            .cloned();
        let Some(listing) = listing else {
            return Ok(EditOutcome::NotAllowed);
        };
        self.record_change(
            editor,
            &listing,
            Change::Place {
                before: Box::new(before),
                after: Box::new(after),
            },
            now,
        )
    }

    /// Changes a provider's details (its id stays), like `edit_place`.
    pub fn edit_provider(
        &self,
        editor: &Account,
        from: &str,
        after: Organisation,
        now: Timestamp,
    ) -> crate::Result<EditOutcome> {
        let Some((_, _)) = self.provider_to_edit(editor, &after.id)? else {
            return Ok(EditOutcome::NotAllowed);
        };
        let directory = self.directory()?;
        let Some(before) = directory
            .organisations
            .iter()
            .find(|o| o.id == after.id)
            .cloned()
        else {
            return Ok(EditOutcome::NotFound);
        };
        let Some(listing) = directory
            .services
            .iter()
            .filter(|s| s.organisation_id == after.id)
            .find(|s| s.id == from)
            .or_else(|| {
                directory
                    .services
                    .iter()
                    .find(|s| s.organisation_id == after.id)
            })
            .cloned()
        else {
            return Ok(EditOutcome::NotFound);
        };
        self.record_change(
            editor,
            &listing,
            Change::Provider {
                before: Box::new(before),
                after: Box::new(after),
            },
            now,
        )
    }

    fn record_change(
        &self,
        editor: &Account,
        listing: &Service,
        change: Change,
        now: Timestamp,
    ) -> crate::Result<EditOutcome> {
        if change.changes().is_empty() {
            return Ok(EditOutcome::Unchanged);
        }
        if !editor.role.is_council() {
            let id = self.moderation.propose(&NewProposal {
                proposed_by: Editor::from(editor),
                proposed_at: now,
                service_id: listing.id.clone(),
                organisation_id: listing.organisation_id.clone(),
                change,
            })?;
            return Ok(EditOutcome::Proposed(id));
        }
        let fields: Vec<&str> = change.changes().iter().map(|c| c.field).collect();
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(editor)),
            action: AuditAction::Edited,
            summary: format!("{}: {}", change.title(), fields.join(", ")),
        };
        let (_, Some(after)) = change.snapshots() else {
            return Ok(EditOutcome::NotFound);
        };
        if self.moderation.save_record(&after, &audit)?.is_none() {
            return Ok(EditOutcome::NotFound);
        }
        self.after_write()?;
        Ok(EditOutcome::Published)
    }
}

/// A readable id for a new event, not yet used: "knutsford-club-open-day-2026-12-05".
fn new_event_id(event: &Event, _listing_events: &[Event], all: &[Event]) -> String {
    let mut slug = String::new();
    for c in event.title.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = if slug.is_empty() {
        "event".to_string()
    } else {
        slug
    };
    let base = format!("{}-{}", slug.trim_end_matches('-'), event.start.date());
    let taken = |id: &str| all.iter().any(|e| e.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}
