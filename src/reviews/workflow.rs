//! The review cycle through the engine: a pass that marks and mails the stages due, and
//! the one-click link that confirms a listing.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use super::wording::{self, Line};
use super::{DueReview, NewReviewLink, ReviewSettings, ReviewStage};
use crate::accounts::{Account, AccountId, sha256_hex};
use crate::engine::{Engine, uk_date};
use crate::error::Result;
use crate::model::{Listing, Service};
use crate::moderation::{AuditAction, Editor, NewAudit};
use crate::outbox::NewEmail;
use crate::store::StoreError;
use crate::store::reviews::ReviewMail;

/// Most listings one pass marks (the next pass takes the rest): a directory imported with
/// old dates is worked through in steps, not in one long transaction.
pub const PASS_BATCH: usize = 500;

/// What one pass did, in listings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewPass {
    /// Listings whose provider's editors were reminded.
    pub reminded: usize,
    /// Reminders due for listings no provider editor manages (no one to send them to).
    pub unmanaged: usize,
    /// Listings the council's editors were told about (past `tell_council_months`).
    pub council_told: usize,
    /// Listings that became overdue.
    pub overdue: usize,
}

/// Where a one-click link stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkState {
    /// It can confirm this listing, for this editor.
    Ready {
        listing: Box<Listing>,
        editor_name: String,
    },
    /// It was used (at this time).
    Used {
        at: Timestamp,
    },
    /// Someone confirmed the listing since the link was sent (on this day).
    AlreadyConfirmed {
        on: Date,
    },
    Expired,
    /// No such link (or its listing or editor has gone).
    NotFound,
}

/// What came of pressing "Yes, this is all correct".
#[derive(Debug, Clone, PartialEq)]
pub enum Confirmed {
    Done {
        service_id: String,
        name: String,
    },
    /// Not confirmed: the link was not ready (why, as the page shows it).
    NotReady(LinkState),
}

/// The review cycle, for one council's settings and the address its links start with.
pub struct Reviews<'a> {
    engine: &'a Engine,
    settings: &'a ReviewSettings,
    site: String,
}

impl Engine {
    /// The review cycle under the council's `settings`; links in emails start with `site`.
    pub fn reviews<'a>(&'a self, settings: &'a ReviewSettings, site: &str) -> Reviews<'a> {
        Reviews {
            engine: self,
            settings,
            site: site.trim_end_matches('/').to_string(),
        }
    }
}

/// The page a one-click link opens.
pub fn link_path(token: &str) -> String {
    format!("/review/{token}")
}

fn random_token() -> std::result::Result<String, StoreError> {
    crate::accounts::random_hex(32)
        .map_err(|_| StoreError::Invalid("no randomness for a link".to_string()))
}

impl Reviews<'_> {
    fn store(&self) -> &dyn crate::store::ReviewStore {
        self.engine.review_store()
    }

    /// Marks and mails every stage due by `now` that is not marked yet (at most
    /// [`PASS_BATCH`] listings): once each, whatever restarts or how many nodes.
    pub fn run(&self, now: Timestamp) -> Result<ReviewPass> {
        let today = uk_date(now);
        let directory = self.engine.directory()?;
        let marked = self.store().review_stages_marked()?;
        let due: Vec<DueReview> = directory
            .services
            .iter()
            .filter_map(|s| {
                let stage = self.settings.stage_reached(s.last_reviewed, today)?;
                let key = (s.id.clone(), s.last_reviewed, stage);
                (!marked.contains(&key)).then(|| DueReview {
                    service_id: s.id.clone(),
                    reviewed_on: s.last_reviewed,
                    stage,
                })
            })
            .take(PASS_BATCH)
            .collect();
        if due.is_empty() {
            return Ok(ReviewPass::default());
        }
        let services: BTreeMap<&str, &Service> = directory
            .services
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let organisations: BTreeMap<&str, &str> = directory
            .organisations
            .iter()
            .map(|o| (o.id.as_str(), o.name.as_str()))
            .collect();
        let accounts = self.engine.account_store().accounts()?;
        let active: Vec<&Account> = accounts.iter().filter(|a| !a.disabled).collect();
        let editors_of = |organisation_id: &str| -> Vec<&Account> {
            active
                .iter()
                .copied()
                .filter(|a| a.role.organisation_id() == Some(organisation_id))
                .collect()
        };
        let pass = std::cell::RefCell::new(ReviewPass::default());
        let write = |marked: &[DueReview]| -> std::result::Result<ReviewMail, StoreError> {
            let mut tally = ReviewPass::default();
            let mut emails: Vec<NewEmail> = Vec::new();
            let mut links: Vec<NewReviewLink> = Vec::new();
            // Each provider editor: one email per stage, a link per listing.
            let mut to_providers: BTreeMap<(AccountId, ReviewStage), Vec<Line>> = BTreeMap::new();
            let mut to_council: BTreeMap<ReviewStage, Vec<Line>> = BTreeMap::new();
            let expires_at =
                now + SignedDuration::from_hours(24 * i64::from(self.settings.link_days));
            for d in marked {
                let Some(service) = services.get(d.service_id.as_str()) else {
                    continue;
                };
                let organisation_name = organisations
                    .get(service.organisation_id.as_str())
                    .copied()
                    .unwrap_or("")
                    .to_string();
                let editors = editors_of(&service.organisation_id);
                let line = |link: String| Line {
                    service_name: service.name.clone(),
                    organisation_name: organisation_name.clone(),
                    reviewed_on: d.reviewed_on,
                    unmanaged: editors.is_empty(),
                    link,
                };
                if d.stage.is_for_provider() {
                    if editors.is_empty() {
                        tally.unmanaged += 1;
                    } else {
                        tally.reminded += 1;
                    }
                    for editor in &editors {
                        let token = random_token()?;
                        links.push(NewReviewLink {
                            token_hash: sha256_hex(&token),
                            service_id: service.id.clone(),
                            reviewed_on: d.reviewed_on,
                            account_id: editor.id.0,
                            expires_at,
                        });
                        to_providers
                            .entry((editor.id, d.stage))
                            .or_default()
                            .push(line(format!("{}{}", self.site, link_path(&token))));
                    }
                } else {
                    if d.stage == ReviewStage::Overdue {
                        tally.overdue += 1;
                    } else {
                        tally.council_told += 1;
                    }
                    to_council.entry(d.stage).or_default().push(line(format!(
                        "{}/editor/services/{}/edit",
                        self.site, service.id
                    )));
                }
            }
            for ((account, stage), lines) in &to_providers {
                if let Some(editor) = active.iter().find(|a| a.id == *account) {
                    emails.push(wording::reminder(
                        *stage,
                        self.settings,
                        lines,
                        &editor.email,
                    ));
                }
            }
            let stale_page = format!("{}/editor/stale", self.site);
            for (stage, lines) in &to_council {
                for editor in active.iter().filter(|a| a.role.is_council()) {
                    emails.push(wording::to_council(
                        *stage,
                        self.settings,
                        lines,
                        &stale_page,
                        &editor.email,
                    ));
                }
            }
            *pass.borrow_mut() = tally;
            Ok((emails, links))
        };
        self.store().mark_reviews_due(&due, now, &write)?;
        Ok(pass.into_inner())
    }

    /// Where the link with `token` stands at `now`.
    pub fn link(&self, token: &str, now: Timestamp) -> Result<LinkState> {
        Ok(self
            .ready(token, now)?
            .map_or_else(|state| state, |(state, _)| state))
    }

    /// The link's state, and when it is ready, the editor it was sent to.
    fn ready(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<std::result::Result<(LinkState, Account), LinkState>> {
        if !super::plausible_token(token) {
            return Ok(Err(LinkState::NotFound));
        }
        let Some(link) = self.store().review_link(&sha256_hex(token))? else {
            return Ok(Err(LinkState::NotFound));
        };
        if let Some(at) = link.used_at {
            return Ok(Err(LinkState::Used { at }));
        }
        if now >= link.expires_at {
            return Ok(Err(LinkState::Expired));
        }
        let Some(listing) = self.engine.listing(&link.service_id)? else {
            return Ok(Err(LinkState::NotFound));
        };
        if listing.service.last_reviewed != link.reviewed_on {
            return Ok(Err(LinkState::AlreadyConfirmed {
                on: listing.service.last_reviewed,
            }));
        }
        let account = self
            .engine
            .account_store()
            .account(AccountId(link.account_id))?
            .filter(|a| !a.disabled && a.role.may_edit(&listing.service.organisation_id));
        let Some(account) = account else {
            return Ok(Err(LinkState::NotFound));
        };
        let state = LinkState::Ready {
            editor_name: account.name.clone(),
            listing: Box::new(listing),
        };
        Ok(Ok((state, account)))
    }

    /// "Yes, this is all correct": records a human check by the link's editor, today, in
    /// the audit log, and uses the link up.
    pub fn confirm(&self, token: &str, now: Timestamp) -> Result<Confirmed> {
        let (listing, account) = match self.ready(token, now)? {
            Ok((LinkState::Ready { listing, .. }, account)) => (listing, account),
            Ok((state, _)) | Err(state) => return Ok(Confirmed::NotReady(state)),
        };
        let today = uk_date(now);
        let audit = NewAudit {
            at: now,
            editor: Some(Editor::from(&account)),
            action: AuditAction::Confirmed,
            summary: format!(
                "{}: confirmed as all correct, from the link in a review reminder",
                listing.service.name
            ),
        };
        let edit = |current: &Service| {
            let mut next = current.clone();
            next.last_reviewed = today;
            next
        };
        // The check first, then the link: a crash between them leaves a link that can
        // confirm again, never a used link with nothing confirmed.
        if self
            .engine
            .moderation
            .edit_service(&listing.service.id, &edit, &audit)?
            .is_none()
        {
            return Ok(Confirmed::NotReady(LinkState::NotFound));
        }
        self.engine.after_write()?;
        self.store().use_review_link(&sha256_hex(token), now)?;
        Ok(Confirmed::Done {
            service_id: listing.service.id.clone(),
            name: listing.service.name.clone(),
        })
    }

    /// Forgets links that expired more than a link's lifetime ago.
    pub fn forget_old_links(&self, now: Timestamp) -> Result<u64> {
        let keep = SignedDuration::from_hours(24 * i64::from(self.settings.link_days));
        Ok(self.store().forget_review_links(now - keep)?)
    }

    pub fn settings(&self) -> &ReviewSettings {
        self.settings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::SearchQuery;
    use crate::reviews::WhenOverdue;
    use jiff::ToSpan;

    fn finds(engine: &Engine, name: &str) -> bool {
        engine
            .search(&SearchQuery::text(name))
            .unwrap()
            .hits
            .iter()
            .any(|h| h.name == name)
    }

    #[test]
    fn a_council_that_hides_overdue_listings_shows_them_again_once_confirmed() {
        let today = crate::engine::uk_today();
        let mut directory = crate::sample::cheshire_east();
        for s in &mut directory.services {
            s.last_reviewed = today;
        }
        directory.services[0].last_reviewed = today.checked_sub(13.months()).unwrap();
        let name = directory.services[0].name.clone();

        let warns = Engine::in_memory(&directory).unwrap();
        warns.follow_review_rules(ReviewSettings::default());
        assert!(finds(&warns, &name), "a warning only: still in search");

        let hides = Engine::in_memory(&directory).unwrap();
        hides.follow_review_rules(ReviewSettings {
            when_overdue: WhenOverdue::Hide,
            ..ReviewSettings::default()
        });
        assert!(!finds(&hides, &name), "hidden until confirmed");
        let total = hides.search(&SearchQuery::text("")).unwrap().total;
        assert_eq!(total, directory.services.len() - 1);

        directory.services[0].last_reviewed = today;
        hides.import(&directory).unwrap();
        assert!(finds(&hides, &name), "confirmed: back in search");
    }
}
