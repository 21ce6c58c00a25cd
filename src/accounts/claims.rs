//! Claim a listing: someone from a provider asks to keep its listings on Dayfinder. They
//! give their name, work email and job; the address is proved by an emailed link (random,
//! single use, a day, kept hashed); a council editor then approves or turns down the
//! claim. Approval makes them the organisation's editor and emails a link to choose a
//! password (`reset.rs`). A claim's details are forgotten [`CLAIM_DAYS`] after it was
//! decided, or after it was made if never proved. A few claims an hour per client.

use jiff::{SignedDuration, Timestamp};

use super::{Account, AccountError, Email, NewAccount, Password, Role, random_hex, sha256_hex};
use crate::engine::Engine;
use crate::outbox::Words;

/// Days a claim's details are kept after it was decided (or made, if never proved).
pub const CLAIM_DAYS: i64 = crate::retention::CLAIM_DAYS_AFTER_DECISION;
/// How long the link that proves the email address works.
pub const CLAIM_LINK_LIFETIME: SignedDuration = SignedDuration::from_hours(24);
/// Claims one client may make an hour.
pub const MAX_CLAIMS_PER_CLIENT: usize = 5;
/// The longest job title or note accepted.
pub const MAX_JOB: usize = 200;

/// Where a claim has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStatus {
    /// Made; the email address is not proved yet.
    Unproved,
    /// Proved; waiting for a council editor.
    Waiting,
    Approved,
    TurnedDown,
}

impl ClaimStatus {
    pub fn slug(self) -> &'static str {
        match self {
            ClaimStatus::Unproved => "unproved",
            ClaimStatus::Waiting => "waiting",
            ClaimStatus::Approved => "approved",
            ClaimStatus::TurnedDown => "turned-down",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ClaimStatus> {
        [
            ClaimStatus::Unproved,
            ClaimStatus::Waiting,
            ClaimStatus::Approved,
            ClaimStatus::TurnedDown,
        ]
        .into_iter()
        .find(|s| s.slug() == slug)
    }
}

/// A claim to keep, as the form made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClaim {
    pub service_id: String,
    pub organisation_id: String,
    pub name: String,
    pub email: Email,
    pub job: String,
    pub proof_hash: String,
    pub proof_expires_at: Timestamp,
    pub client_hash: String,
}

/// A claim as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: i64,
    pub service_id: String,
    pub organisation_id: String,
    pub name: String,
    pub email: String,
    pub job: String,
    pub status: ClaimStatus,
    pub made_at: Timestamp,
    pub proof_expires_at: Timestamp,
    pub proved_at: Option<Timestamp>,
    pub decided_at: Option<Timestamp>,
    /// The council editor who decided.
    pub decided_by: Option<String>,
    pub reason: String,
}

/// What the claim form sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimForm {
    pub service: String,
    pub name: String,
    pub email: String,
    pub job: String,
    pub consent: bool,
}

/// What came of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimMade {
    /// Kept; the link to prove the address is on its way.
    Sent,
    /// What to put right, field by field.
    Invalid(Vec<(&'static str, String)>),
    UnknownService,
    TooMany,
}

/// Where a link to prove an address stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofLink {
    /// It can prove the address of this claim (about this listing).
    Ready {
        service_name: String,
    },
    /// Already proved: the claim waits for the council (or was decided).
    Proved,
    NotValid,
}

/// A council editor's decision.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimDecided {
    Approved(Box<Account>),
    TurnedDown,
    /// There is already an account with that address, for someone else.
    EmailTaken,
    /// No such claim waiting, or not a council editor.
    NotFound,
}

/// Claims, with links starting with `site`.
pub struct Claims<'a> {
    engine: &'a Engine,
    site: String,
}

impl Engine {
    pub fn claims(&self, site: &str) -> Claims<'_> {
        Claims {
            engine: self,
            site: site.trim_end_matches('/').to_string(),
        }
    }
}

/// The page a proof link opens.
pub fn proof_path(token: &str) -> String {
    format!("/claim/prove/{token}")
}

impl ClaimForm {
    fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(("name", "Enter your full name".to_string()));
        } else if name.chars().count() > 100 {
            problems.push((
                "name",
                "Your name must be 100 characters or fewer".to_string(),
            ));
        }
        if self.email.trim().is_empty() {
            problems.push(("email", "Enter your work email address".to_string()));
        } else if Email::parse(&self.email).is_err() {
            problems.push(("email", AccountError::InvalidEmail.to_string()));
        }
        let job = self.job.trim();
        if job.is_empty() {
            problems.push((
                "job",
                "Say what you do for the organisation, for example manager".to_string(),
            ));
        } else if job.chars().count() > MAX_JOB {
            problems.push(("job", format!("This must be {MAX_JOB} characters or fewer")));
        }
        if !self.consent {
            problems.push((
                "consent",
                "Confirm you work for the organisation and may keep its listings".to_string(),
            ));
        }
        problems
    }
}

impl Claims<'_> {
    fn store(&self) -> &dyn crate::store::ClaimStore {
        self.engine.claim_store()
    }

    /// Keeps a claim and emails the link that proves its address, in one transaction.
    pub fn make(
        &self,
        form: &ClaimForm,
        client: &str,
        now: Timestamp,
    ) -> Result<ClaimMade, AccountError> {
        let problems = form.problems();
        if !problems.is_empty() {
            return Ok(ClaimMade::Invalid(problems));
        }
        let Some(listing) = self.engine.listing(form.service.trim()).map_err(Box::new)? else {
            return Ok(ClaimMade::UnknownService);
        };
        let email = Email::parse(&form.email)?;
        let token = random_hex(32)?;
        let hashes = self
            .engine
            .report_keys
            .hashes(&format!("claim:{client}"), now)
            .map_err(Box::new)?;
        let claim = NewClaim {
            service_id: listing.service.id.clone(),
            organisation_id: listing.service.organisation_id.clone(),
            name: form.name.trim().to_string(),
            email: email.clone(),
            job: form.job.trim().to_string(),
            proof_hash: sha256_hex(&token),
            proof_expires_at: now + CLAIM_LINK_LIFETIME,
            client_hash: hashes.first().cloned().unwrap_or_default(),
        };
        let message = Words {
            subject: "Confirm your email address for Dayfinder".to_string(),
            paragraphs: vec![
                format!(
                    "Hello {}. You asked to keep {}'s listings on Dayfinder, starting with {}.",
                    claim.name, listing.organisation.name, listing.service.name
                ),
                "Open the link to confirm this is your email address. It works for one day. \
                 Then the council checks your request and emails you."
                    .to_string(),
                "If you did not ask, you can ignore this email.".to_string(),
            ],
            links: vec![(
                "Confirm my email address".to_string(),
                format!("{}{}", self.site, proof_path(&token)),
            )],
        }
        .to(&email);
        let since = now - crate::moderation::REPORT_WINDOW;
        match self.store().add_claim(
            &claim,
            &hashes,
            since,
            MAX_CLAIMS_PER_CLIENT,
            &message,
            now,
        )? {
            Some(_) => Ok(ClaimMade::Sent),
            None => Ok(ClaimMade::TooMany),
        }
    }

    /// Where the proof link with `token` stands.
    pub fn proof(&self, token: &str, now: Timestamp) -> Result<ProofLink, AccountError> {
        let Some(claim) = self.by_token(token)? else {
            return Ok(ProofLink::NotValid);
        };
        if claim.status != ClaimStatus::Unproved {
            return Ok(ProofLink::Proved);
        }
        if now >= claim.proof_expires_at {
            return Ok(ProofLink::NotValid);
        }
        let service_name = self
            .engine
            .listing(&claim.service_id)
            .map_err(Box::new)?
            .map(|l| l.service.name)
            .unwrap_or_default();
        Ok(ProofLink::Ready { service_name })
    }

    fn by_token(&self, token: &str) -> Result<Option<Claim>, AccountError> {
        if !crate::reviews::plausible_token(token) {
            return Ok(None);
        }
        Ok(self.store().claim_by_proof(&sha256_hex(token))?)
    }

    /// Proves the claim's address; the council's editors are told it waits for them.
    pub fn prove(&self, token: &str, now: Timestamp) -> Result<ProofLink, AccountError> {
        let state = self.proof(token, now)?;
        let ProofLink::Ready { service_name } = &state else {
            return Ok(state);
        };
        let Some(claim) = self.by_token(token)? else {
            return Ok(ProofLink::NotValid);
        };
        let accounts = self.engine.account_store().accounts()?;
        let emails: Vec<_> = accounts
            .iter()
            .filter(|a| !a.disabled && a.role.is_council())
            .map(|a| {
                Words {
                    subject: format!("A request to keep {service_name}'s listing waits for you"),
                    paragraphs: vec![
                        format!(
                            "Someone from the provider of {service_name} asks to keep its listings on Dayfinder. \
                             Check they work there, then approve or turn down the request."
                        ),
                    ],
                    links: vec![(
                        "See the request".to_string(),
                        format!("{}/editor/claims", self.site),
                    )],
                }
                .to(&a.email)
            })
            .collect();
        self.store().prove_claim(claim.id, now, &emails)?;
        Ok(ProofLink::Proved)
    }

    /// Claims waiting for a council editor, oldest first (none for a provider editor).
    pub fn waiting(&self, editor: &Account) -> Result<Vec<Claim>, AccountError> {
        if !editor.role.is_council() {
            return Ok(Vec::new());
        }
        Ok(self.store().claims(ClaimStatus::Waiting)?)
    }

    /// A council editor's decision on a waiting claim: approving makes its maker the
    /// organisation's editor and emails them a link to choose a password; turning it down
    /// tells them why.
    pub fn decide(
        &self,
        editor: &Account,
        id: i64,
        approve: bool,
        reason: &str,
        now: Timestamp,
    ) -> Result<ClaimDecided, AccountError> {
        if !editor.role.is_council() {
            return Ok(ClaimDecided::NotFound);
        }
        let Some(claim) = self
            .store()
            .claim(id)?
            .filter(|c| c.status == ClaimStatus::Waiting)
        else {
            return Ok(ClaimDecided::NotFound);
        };
        let reason: String = reason.trim().chars().take(MAX_JOB * 5).collect();
        let email = Email::parse(&claim.email)?;
        let organisation = self
            .engine
            .organisation_services(&claim.organisation_id)
            .map_err(Box::new)?
            .map(|(o, _)| o.name)
            .unwrap_or_default();
        if !approve {
            let message = Words {
                subject: "Your request to keep listings on Dayfinder".to_string(),
                paragraphs: vec![
                    format!(
                        "Hello {}. The council could not approve your request to keep {organisation}'s listings on Dayfinder.",
                        claim.name
                    ),
                    if reason.is_empty() {
                        "Contact the council's directory team if you would like to know more.".to_string()
                    } else {
                        format!("The council says: {reason}")
                    },
                ],
                links: Vec::new(),
            }
            .to(&email);
            self.store().decide_claim(
                id,
                ClaimStatus::TurnedDown,
                &editor.name,
                &reason,
                now,
                &[message],
            )?;
            return Ok(ClaimDecided::TurnedDown);
        }
        let role = Role::Provider {
            organisation_id: claim.organisation_id.clone(),
        };
        // A claim approved once before a crash may have its account already: go on.
        let account = match self.engine.account_store().account_by_email(&email)? {
            Some((account, _)) if account.role == role => account,
            Some(_) => return Ok(ClaimDecided::EmailTaken),
            None => {
                let new = NewAccount::parse(&claim.email, &claim.name, role)?;
                let new = NewAccount {
                    added_by: Some(crate::moderation::Editor::from(editor)),
                    ..new
                };
                // Nobody knows this password: the editor chooses theirs from the link.
                let unknown = Password::parse(&random_hex(32)?)?;
                self.engine.add_editor(&new, &unknown, now)?
            }
        };
        self.engine.password_resets(&self.site).welcome(
            &account,
            &format!(
                "The council approved your request to keep {organisation}'s listings on Dayfinder."
            ),
            now,
        )?;
        self.store()
            .decide_claim(id, ClaimStatus::Approved, &editor.name, &reason, now, &[])?;
        Ok(ClaimDecided::Approved(Box::new(account)))
    }

    /// Forgets claims decided (or made and never proved) more than [`CLAIM_DAYS`] ago.
    pub fn forget_old(&self, now: Timestamp) -> Result<u64, AccountError> {
        let before = now - SignedDuration::from_hours(24 * CLAIM_DAYS);
        Ok(self.store().forget_claims(before)?)
    }
}
