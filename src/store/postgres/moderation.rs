//! Proposed changes, the audit log and problem reports in PostgreSQL: the same steps as
//! `src/store/moderation.rs`. Each write is one transaction with its audit entry and,
//! when a service changes, its change-log line.

use jiff::Timestamp;
use postgres::{Row, Transaction};

use super::directory::{get, log, put_event, put_service};
use super::{PostgresStore, from_seconds};
use crate::accounts::AccountId;
use crate::model::{Event, Service};
use crate::moderation::{
    AuditAction, AuditEntry, Change, Decided, Edited, Editor, ModerationStore, NewAudit,
    NewProblemReport, NewProposal, ProblemKind, ProblemReport, Proposal, ProposalFilter,
    ProposalId, ProposalStatus, PurgedReports, Snapshot,
};
use crate::store::{StoreError, StoreResult};

fn editor_at(row: &Row, at: usize) -> StoreResult<Option<Editor>> {
    let id: Option<i64> = row.try_get(at)?;
    let name: Option<String> = row.try_get(at + 1)?;
    let email: Option<String> = row.try_get(at + 2)?;
    Ok(name.map(|name| Editor {
        account_id: id.map(AccountId),
        name,
        email: email.unwrap_or_default(),
    }))
}

const PROPOSAL_COLUMNS: &str = "id, service_id, organisation_id, account_id, editor_name, \
     editor_email, proposed_at, before, after, status, decided_by_id, decided_by_name, \
     decided_by_email, decided_at, reason, subject";

fn proposal_of(row: &Row) -> StoreResult<Proposal> {
    let status: &str = row.try_get(9)?;
    let subject: &str = row.try_get(15)?;
    Ok(Proposal {
        id: ProposalId(row.try_get(0)?),
        service_id: row.try_get(1)?,
        organisation_id: row.try_get(2)?,
        proposed_by: editor_at(row, 3)?.unwrap_or(Editor {
            account_id: None,
            name: String::new(),
            email: String::new(),
        }),
        proposed_at: from_seconds(row.try_get(6)?),
        change: Change::from_json(subject, row.try_get(7)?, row.try_get(8)?)?,
        status: ProposalStatus::from_slug(status).unwrap_or(ProposalStatus::Pending),
        decided_by: editor_at(row, 10)?,
        decided_at: row.try_get::<_, Option<i64>>(13)?.map(from_seconds),
        reason: row.try_get(14)?,
    })
}

const AUDIT_COLUMNS: &str =
    "id, at, account_id, editor_name, editor_email, action, service_id, summary, before, after";

fn audit_of(row: &Row) -> StoreResult<AuditEntry> {
    let action: &str = row.try_get(5)?;
    let snapshot = |at: usize| -> StoreResult<Option<Snapshot>> {
        row.try_get::<_, Option<&str>>(at)?
            .map(serde_json::from_str)
            .transpose()
            .map_err(StoreError::from)
    };
    Ok(AuditEntry {
        id: row.try_get(0)?,
        at: from_seconds(row.try_get(1)?),
        editor: editor_at(row, 2)?,
        action: AuditAction::from_slug(action).unwrap_or(AuditAction::Edited),
        service_id: row.try_get(6)?,
        summary: row.try_get(7)?,
        before: snapshot(8)?,
        after: snapshot(9)?,
    })
}

const REPORT_COLUMNS: &str = "id, service_id, kind, details, contact, reported_at, open, \
     closed_by_id, closed_by_name, closed_by_email, closed_at, note";

fn report_of(row: &Row) -> StoreResult<ProblemReport> {
    let kind: &str = row.try_get(2)?;
    Ok(ProblemReport {
        id: row.try_get(0)?,
        service_id: row.try_get(1)?,
        kind: ProblemKind::from_slug(kind).unwrap_or(ProblemKind::Other),
        details: row.try_get(3)?,
        contact: row.try_get(4)?,
        reported_at: from_seconds(row.try_get(5)?),
        open: row.try_get(6)?,
        closed_by: editor_at(row, 7)?,
        closed_at: row.try_get::<_, Option<i64>>(10)?.map(from_seconds),
        note: row.try_get(11)?,
    })
}

pub(super) fn write_audit<T: serde::Serialize>(
    tx: &mut Transaction,
    audit: &NewAudit,
    service_id: Option<&str>,
    before: Option<&T>,
    after: Option<&T>,
) -> StoreResult<()> {
    let editor = audit.editor.as_ref();
    let body = |s: Option<&T>| s.map(serde_json::to_string).transpose();
    tx.execute(
        "INSERT INTO audit_log (at, account_id, editor_name, editor_email, action, service_id,
             summary, before, after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            &audit.at.as_second(),
            &editor.and_then(|e| e.account_id).map(|id| id.0),
            &editor.map(|e| e.name.as_str()),
            &editor.map(|e| e.email.as_str()),
            &audit.action.slug(),
            &service_id,
            &audit.summary,
            &body(before)?,
            &body(after)?,
        ],
    )?;
    Ok(())
}

fn proposal_in(tx: &mut Transaction, id: ProposalId) -> StoreResult<Option<Proposal>> {
    tx.query_opt(
        &format!("SELECT {PROPOSAL_COLUMNS} FROM proposals WHERE id = $1"),
        &[&id.0],
    )?
    .map(|row| proposal_of(&row))
    .transpose()
}

/// The service an event change is about.
fn service_of<'e>(before: Option<&'e Event>, after: Option<&'e Event>) -> Option<&'e str> {
    after.or(before).and_then(|e| e.service_id.as_deref())
}

/// Adds, changes or (with no `after`) removes an event; returns it as it was. Events are
/// read from the store by each page that shows them, so they need no change-log line.
fn apply_event(
    tx: &mut Transaction,
    id: &str,
    after: Option<&Event>,
) -> StoreResult<Option<Event>> {
    let before: Option<Event> = get(tx, "events", id)?;
    match after {
        Some(event) if event.id == id => put_event(tx, event)?,
        Some(_) => return Err(StoreError::Invalid("an event's id may not change".into())),
        None => {
            tx.execute("DELETE FROM events WHERE id = $1", &[&id])?;
        }
    }
    Ok(before)
}

/// Saves a changed place or provider, with a change-log line for each of its listings;
/// returns it as it was and one of its listings (for the audit log), or None when there is
/// no such place or provider.
fn apply_record(
    tx: &mut Transaction,
    after: &Snapshot,
) -> StoreResult<Option<(Snapshot, Option<String>)>> {
    let (table, column, id, body) = match after {
        Snapshot::Place(l) => (
            "locations",
            "location_id",
            l.id.clone(),
            serde_json::to_string(l)?,
        ),
        Snapshot::Provider(o) => (
            "organisations",
            "organisation_id",
            o.id.clone(),
            serde_json::to_string(o)?,
        ),
        _ => {
            return Err(StoreError::Invalid(
                "only a place or a provider is saved this way".into(),
            ));
        }
    };
    let before = match after {
        Snapshot::Place(_) => get(tx, table, &id)?.map(Snapshot::Place),
        _ => get(tx, table, &id)?.map(Snapshot::Provider),
    };
    let Some(before) = before else {
        return Ok(None);
    };
    tx.execute(
        &format!("UPDATE {table} SET body = $2 WHERE id = $1"),
        &[&id, &body],
    )?;
    let services: Vec<String> = tx
        .query(
            &format!("SELECT id FROM services WHERE {column} = $1 ORDER BY id"),
            &[&id],
        )?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    for service in &services {
        log(tx, Some(service), "upsert")?;
    }
    Ok(Some((before, services.into_iter().next())))
}

/// Saves `after` in place of `before` (same id and organisation), logging the change.
fn save_edit(tx: &mut Transaction, before: Service, after: Service) -> StoreResult<Edited> {
    if after.id != before.id || after.organisation_id != before.organisation_id {
        return Err(StoreError::Invalid(
            "an edit may not change a service's id or organisation".into(),
        ));
    }
    if let Some(location) = &after.location_id
        && tx
            .query_opt("SELECT id FROM locations WHERE id = $1", &[location])?
            .is_none()
    {
        return Err(StoreError::NotFound("location"));
    }
    put_service(tx, &after)?;
    let seq = log(tx, Some(&after.id), "upsert")?;
    Ok(Edited { before, after, seq })
}

impl ModerationStore for PostgresStore {
    fn edit_service(
        &self,
        service_id: &str,
        edit: &dyn Fn(&Service) -> Service,
        audit: &NewAudit,
    ) -> StoreResult<Option<Edited>> {
        self.write(|tx| {
            let Some(before) = get::<Service>(tx, "services", service_id)? else {
                return Ok(None);
            };
            let after = edit(&before);
            let edited = save_edit(tx, before, after)?;
            write_audit(
                tx,
                audit,
                Some(service_id),
                Some(&edited.before),
                Some(&edited.after),
            )?;
            Ok(Some(edited))
        })
    }

    fn save_event(
        &self,
        event_id: &str,
        after: Option<&Event>,
        audit: &NewAudit,
    ) -> StoreResult<Option<Event>> {
        self.write(|tx| {
            let before = apply_event(tx, event_id, after)?;
            write_audit(
                tx,
                audit,
                service_of(before.as_ref(), after),
                before.as_ref(),
                after,
            )?;
            Ok(before)
        })
    }

    fn save_record(&self, after: &Snapshot, audit: &NewAudit) -> StoreResult<Option<Snapshot>> {
        self.write(|tx| {
            let Some((before, service)) = apply_record(tx, after)? else {
                return Ok(None);
            };
            write_audit(tx, audit, service.as_deref(), Some(&before), Some(after))?;
            Ok(Some(before))
        })
    }

    fn propose(&self, p: &NewProposal) -> StoreResult<ProposalId> {
        self.write(|tx| {
            let subject = p.change.subject();
            let record_id = p.change.record_id();
            let (before, after) = p.change.to_json()?;
            // A later change to the same listing (or event, place or provider) replaces
            // one still waiting.
            tx.execute(
                "UPDATE proposals SET status = 'superseded'
                 WHERE status = 'pending' AND subject = $1
                   AND (($1 = 'service' AND service_id = $2)
                        OR ($1 <> 'service' AND record_id = $3::text))",
                &[&subject, &p.service_id, &record_id],
            )?;
            let row = tx.query_one(
                "INSERT INTO proposals (subject, service_id, record_id, organisation_id, account_id,
                     editor_name, editor_email, proposed_at, before, after, status)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending') RETURNING id",
                &[
                    &subject,
                    &p.service_id,
                    &record_id,
                    &p.organisation_id,
                    &p.proposed_by.account_id.map(|id| id.0),
                    &p.proposed_by.name,
                    &p.proposed_by.email,
                    &p.proposed_at.as_second(),
                    &before,
                    &after,
                ],
            )?;
            let id = ProposalId(row.try_get(0)?);
            let fields: Vec<&str> = p.change.changes().iter().map(|c| c.field).collect();
            let audit = NewAudit {
                at: p.proposed_at,
                editor: Some(p.proposed_by.clone()),
                action: AuditAction::Proposed,
                summary: format!(
                    "Change {}: {}: {}",
                    id.0,
                    p.change.title(),
                    fields.join(", ")
                ),
            };
            let (before, after) = p.change.snapshots();
            write_audit(
                tx,
                &audit,
                Some(&p.service_id),
                before.as_ref(),
                after.as_ref(),
            )?;
            Ok(id)
        })
    }

    fn proposals(&self, filter: &ProposalFilter, limit: usize) -> StoreResult<Vec<Proposal>> {
        self.with(|conn| {
            conn.query(
                &format!(
                    "SELECT {PROPOSAL_COLUMNS} FROM proposals
                     WHERE ($1::text IS NULL OR status = $1)
                       AND ($2::text IS NULL OR organisation_id = $2)
                       AND ($3::text IS NULL OR service_id = $3)
                     ORDER BY id DESC LIMIT $4"
                ),
                &[
                    &filter.status.map(ProposalStatus::slug),
                    &filter.organisation_id,
                    &filter.service_id,
                    &(limit as i64),
                ],
            )?
            .iter()
            .map(proposal_of)
            .collect()
        })
    }

    fn proposal(&self, id: ProposalId) -> StoreResult<Option<Proposal>> {
        self.with(|conn| {
            conn.query_opt(
                &format!("SELECT {PROPOSAL_COLUMNS} FROM proposals WHERE id = $1"),
                &[&id.0],
            )?
            .map(|row| proposal_of(&row))
            .transpose()
        })
    }

    fn decide(
        &self,
        id: ProposalId,
        approve: bool,
        reason: &str,
        audit: &NewAudit,
        merge: &dyn Fn(&Service, &Proposal) -> Service,
    ) -> StoreResult<Decided> {
        self.write(|tx| {
            let Some(proposal) = proposal_in(tx, id)? else {
                return Ok(Decided::NotFound);
            };
            if proposal.status != ProposalStatus::Pending {
                return Ok(Decided::AlreadyDecided(proposal.status));
            }
            let editor = audit.editor.as_ref();
            tx.execute(
                "UPDATE proposals SET status = $2, decided_by_id = $3, decided_by_name = $4,
                     decided_by_email = $5, decided_at = $6, reason = $7
                 WHERE id = $1",
                &[
                    &id.0,
                    &if approve { "approved" } else { "rejected" },
                    &editor.and_then(|e| e.account_id).map(|a| a.0),
                    &editor.map(|e| e.name.as_str()),
                    &editor.map(|e| e.email.as_str()),
                    &audit.at.as_second(),
                    &reason,
                ],
            )?;
            if !approve {
                let (before, after) = proposal.change.snapshots();
                write_audit(
                    tx,
                    audit,
                    Some(&proposal.service_id),
                    before.as_ref(),
                    after.as_ref(),
                )?;
                return Ok(Decided::Rejected);
            }
            let Some(current) = get::<Service>(tx, "services", &proposal.service_id)? else {
                return Ok(Decided::ServiceGone);
            };
            match &proposal.change {
                Change::Service { .. } => {
                    let after = merge(&current, &proposal);
                    let edited = save_edit(tx, current, after)?;
                    write_audit(
                        tx,
                        audit,
                        Some(&proposal.service_id),
                        Some(&edited.before),
                        Some(&edited.after),
                    )?;
                    Ok(Decided::Approved(Box::new(edited)))
                }
                Change::Event { before, after } => {
                    let Some(id) = before.as_ref().or(after.as_ref()).map(|e| e.id.clone()) else {
                        return Ok(Decided::NotFound);
                    };
                    let was = apply_event(tx, &id, after.as_deref())?;
                    write_audit(
                        tx,
                        audit,
                        Some(&proposal.service_id),
                        was.as_ref(),
                        after.as_deref(),
                    )?;
                    Ok(Decided::RecordApproved)
                }
                Change::Place { .. } | Change::Provider { .. } => {
                    let (_, Some(after)) = proposal.change.snapshots() else {
                        return Ok(Decided::NotFound);
                    };
                    let Some((before, _)) = apply_record(tx, &after)? else {
                        return Ok(Decided::NotFound);
                    };
                    write_audit(
                        tx,
                        audit,
                        Some(&proposal.service_id),
                        Some(&before),
                        Some(&after),
                    )?;
                    Ok(Decided::RecordApproved)
                }
            }
        })
    }

    fn audit_log(&self, service_id: Option<&str>, limit: usize) -> StoreResult<Vec<AuditEntry>> {
        self.with(|conn| {
            conn.query(
                &format!(
                    "SELECT {AUDIT_COLUMNS} FROM audit_log
                     WHERE ($1::text IS NULL OR service_id = $1) ORDER BY id DESC LIMIT $2"
                ),
                &[&service_id, &(limit as i64)],
            )?
            .iter()
            .map(audit_of)
            .collect()
        })
    }

    fn audited_by(&self, actions: &[AuditAction]) -> StoreResult<Vec<(String, i64)>> {
        let slugs: Vec<&str> = actions.iter().map(|a| a.slug()).collect();
        self.read(|tx| {
            tx.query(
                "SELECT DISTINCT service_id, account_id FROM audit_log
                 WHERE service_id IS NOT NULL AND account_id IS NOT NULL
                     AND action = ANY($1)",
                &[&slugs],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
        })
    }

    fn report_problem(
        &self,
        report: &NewProblemReport,
        client_hashes: &[String],
        since: Timestamp,
        max: usize,
        audit: &NewAudit,
    ) -> StoreResult<Option<i64>> {
        let Some(client_hash) = client_hashes.first() else {
            return Ok(None);
        };
        self.write(|tx| {
            let recent: i64 = tx
                .query_one(
                    "SELECT count(*) FROM problem_reports
                     WHERE client_hash = ANY($1) AND reported_at >= $2",
                    &[&client_hashes, &since.as_second()],
                )?
                .try_get(0)?;
            if recent as usize >= max {
                return Ok(None);
            }
            let row = tx.query_one(
                "INSERT INTO problem_reports (service_id, kind, details, contact, client_hash,
                     reported_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                &[
                    &report.service_id,
                    &report.kind.slug(),
                    &report.details,
                    &report.contact,
                    &client_hash,
                    &report.reported_at.as_second(),
                ],
            )?;
            let id: i64 = row.try_get(0)?;
            write_audit::<Service>(tx, audit, Some(&report.service_id), None, None)?;
            Ok(Some(id))
        })
    }

    fn problem_reports(&self, open_only: bool, limit: usize) -> StoreResult<Vec<ProblemReport>> {
        self.with(|conn| {
            conn.query(
                &format!(
                    "SELECT {REPORT_COLUMNS} FROM problem_reports
                     WHERE (NOT $1 OR open) ORDER BY id DESC LIMIT $2"
                ),
                &[&open_only, &(limit as i64)],
            )?
            .iter()
            .map(report_of)
            .collect()
        })
    }

    fn problem_report(&self, id: i64) -> StoreResult<Option<ProblemReport>> {
        self.with(|conn| {
            conn.query_opt(
                &format!("SELECT {REPORT_COLUMNS} FROM problem_reports WHERE id = $1"),
                &[&id],
            )?
            .map(|row| report_of(&row))
            .transpose()
        })
    }

    fn close_problem(&self, id: i64, note: &str, audit: &NewAudit) -> StoreResult<bool> {
        self.write(|tx| {
            let editor = audit.editor.as_ref();
            let closed = tx.query_opt(
                "UPDATE problem_reports SET open = false, closed_by_id = $2, closed_by_name = $3,
                     closed_by_email = $4, closed_at = $5, note = $6
                 WHERE id = $1 AND open
                 RETURNING service_id",
                &[
                    &id,
                    &editor.and_then(|e| e.account_id).map(|a| a.0),
                    &editor.map(|e| e.name.as_str()),
                    &editor.map(|e| e.email.as_str()),
                    &audit.at.as_second(),
                    &note,
                ],
            )?;
            let Some(row) = closed else {
                return Ok(false);
            };
            let service: String = row.try_get(0)?;
            write_audit::<Service>(tx, audit, Some(&service), None, None)?;
            Ok(true)
        })
    }

    fn purge_problem_reports(
        &self,
        hashes_before: Timestamp,
        contacts_closed_before: Timestamp,
    ) -> StoreResult<PurgedReports> {
        self.write(|tx| {
            let client_hashes = tx.execute(
                "UPDATE problem_reports SET client_hash = ''
                 WHERE reported_at < $1 AND client_hash != ''",
                &[&hashes_before.as_second()],
            )?;
            let contacts = tx.execute(
                "UPDATE problem_reports SET contact = NULL
                 WHERE NOT open AND closed_at < $1 AND contact IS NOT NULL",
                &[&contacts_closed_before.as_second()],
            )?;
            Ok(PurgedReports {
                client_hashes: client_hashes as usize,
                contacts: contacts as usize,
            })
        })
    }
}
