//! The enquiry workflow over the store: sending a request, the provider's inbox and
//! answers, the chase of unanswered enquiries, erasure. Every step that writes to someone
//! puts the email in the outbox in the same transaction as the step.

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

use super::wording;
use super::{
    About, Enquiry, EnquirySettings, EnquiryStatus, MAX_REQUESTS_PER_CLIENT, NewEnquiry,
    NewRequest, Person, RequestKeys, Step, contact_key,
};
use crate::accounts::{Account, Email};
use crate::engine::Engine;
use crate::insight::{EnquiryDemand, Period};
use crate::model::Listing;
use crate::model::enquiry::MAX_REPLY;
use crate::outbox::NewEmail;
use crate::store::enquiries::{CHASE_BATCH, Chase};

/// What can go wrong beyond the person's typing.
#[derive(Debug, thiserror::Error)]
pub enum EnquiryError {
    #[error(transparent)]
    Core(#[from] crate::Error),
    #[error("the store failed")]
    Store(#[from] crate::store::StoreError),
    #[error("the operating system's random number generator failed")]
    Random,
}

type Result<T> = std::result::Result<T, EnquiryError>;

/// How sending a request went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestSent {
    /// Kept: the status page's token (shown once, never stored) and the enquiries' ids.
    Sent { token: String, ids: Vec<i64> },
    /// The client has sent too many requests in the last hour.
    TooMany,
    /// One of the services is not in the directory.
    UnknownService(String),
}

/// A provider's answer, as the inbox's form sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: EnquiryStatus,
    pub message: String,
    /// The version of the enquiry the editor saw.
    pub version: i64,
}

/// How an answer went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Responded {
    Saved(Box<Enquiry>),
    /// No such enquiry, or not this editor's to see.
    NotFound,
    /// Someone answered it first: nothing was saved.
    Changed,
    /// The personal details were erased: it can no longer be answered.
    Erased,
    /// What to put right (a message for the form).
    Invalid(String),
}

/// What one chase did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chased {
    pub reminded: usize,
    pub escalated: usize,
}

/// The enquiry workflow, for one council's settings and the address its links start with.
pub struct Enquiries<'a> {
    engine: &'a Engine,
    settings: &'a EnquirySettings,
    site: String,
}

impl Engine {
    /// Enquiries under the council's `settings`; links in emails start with `site`
    /// ("https://dayfinder.example.gov.uk").
    pub fn enquiries<'a>(&'a self, settings: &'a EnquirySettings, site: &str) -> Enquiries<'a> {
        Enquiries {
            engine: self,
            settings,
            site: site.trim_end_matches('/').to_string(),
        }
    }
}

/// The status page of a request, by its token.
pub fn status_path(token: &str) -> String {
    format!("/enquiries/{token}")
}

/// Whether a token could be one we made (64 hex digits): anything else is not looked up.
pub fn plausible_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Enquiries<'_> {
    fn store(&self) -> &dyn crate::store::EnquiryStore {
        self.engine.enquiry_store()
    }

    fn inbox_link(&self, id: i64) -> String {
        format!("{}/editor/enquiries/{id}", self.site)
    }

    fn status_link(&self, token: &str) -> String {
        format!("{}{}", self.site, status_path(token))
    }

    /// The editors who answer an organisation's enquiries: its own provider editors, or,
    /// when it has none on Dayfinder, the council's editors, who answer for it.
    fn answerers<'b>(accounts: &'b [Account], organisation_id: &str) -> Vec<&'b Email> {
        let own: Vec<&Email> = accounts
            .iter()
            .filter(|a| !a.disabled && a.role.organisation_id() == Some(organisation_id))
            .map(|a| &a.email)
            .collect();
        if own.is_empty() {
            Self::council(accounts)
        } else {
            own
        }
    }

    fn council(accounts: &[Account]) -> Vec<&Email> {
        accounts
            .iter()
            .filter(|a| !a.disabled && a.role.is_council())
            .map(|a| &a.email)
            .collect()
    }

    /// Sends a request: one enquiry per service, emails to each provider and to the
    /// person (when they gave an email), unless `client` has sent too many lately.
    pub fn send(&self, request: &NewRequest, client: &str, now: Timestamp) -> Result<RequestSent> {
        let mut listings: Vec<Listing> = Vec::new();
        for id in &request.service_ids {
            match self.engine.listing(id)? {
                Some(listing) => listings.push(listing),
                None => return Ok(RequestSent::UnknownService(id.clone())),
            }
        }
        let today = crate::engine::uk_date(now);
        let days = self.settings.response_working_days.max(1);
        let due_on = self.settings.working_days.add(today, days);
        let remind_on = self.settings.working_days.add(today, days.div_ceil(2));
        let token = crate::accounts::random_hex(32).map_err(|_| EnquiryError::Random)?;
        let person = Person {
            name: request.name.clone(),
            reply_by: request.reply_by,
            email: request.email.as_ref().map(|e| e.as_str().to_string()),
            phone: request.phone.as_ref().map(|p| p.as_str().to_string()),
            note: request.note.clone(),
            steps: Vec::new(),
            token: token.clone(),
        };
        let enquiries: Vec<NewEnquiry> = listings
            .iter()
            .map(|listing| NewEnquiry {
                service_id: listing.service.id.clone(),
                organisation_id: listing.service.organisation_id.clone(),
                due_on,
                remind_on,
                about: About {
                    service_name: listing.service.name.clone(),
                    organisation_name: listing.organisation.name.clone(),
                    needs: listing.service.needs.clone(),
                    town: listing.location.as_ref().map(|l| l.town.clone()),
                    asker: request.asker,
                    wishes: request.wishes.clone(),
                    days: request.days.clone(),
                    easy_read: request.easy_read,
                },
                person: person.clone(),
            })
            .collect();
        let hashes = self
            .engine
            .report_keys
            .hashes(&format!("enquiry:{client}"), now)?;
        let keys = RequestKeys {
            token_hash: crate::accounts::sha256_hex(&token),
            contact_key: contact_key(&request.contact()),
            client_hash: hashes.first().cloned().unwrap_or_default(),
        };
        let accounts = self.engine.account_store().accounts()?;
        let mut emails = Vec::new();
        // The inbox links name the enquiry's id, known only once it is stored: providers'
        // emails link to the inbox's list instead, which shows the newest first.
        let inbox = format!("{}/editor/enquiries", self.site);
        for enquiry in &enquiries {
            for to in Self::answerers(&accounts, &enquiry.organisation_id) {
                emails.push(wording::new_for_provider(
                    &enquiry.about,
                    due_on,
                    &inbox,
                    to,
                ));
            }
        }
        if let Some(email) = &request.email {
            let abouts: Vec<&About> = enquiries.iter().map(|e| &e.about).collect();
            emails.push(wording::sent_to_person(
                &abouts,
                &request.name,
                due_on,
                &self.status_link(&token),
                email,
            ));
        }
        let since = now - crate::moderation::REPORT_WINDOW;
        match self.store().add_request(
            &enquiries,
            &keys,
            &hashes,
            since,
            MAX_REQUESTS_PER_CLIENT,
            &emails,
            now,
        )? {
            Some(ids) => Ok(RequestSent::Sent { token, ids }),
            None => Ok(RequestSent::TooMany),
        }
    }

    /// The enquiries an editor answers, newest first: their organisation's, or every one
    /// for a council editor.
    pub fn inbox(&self, editor: &Account) -> Result<Vec<Enquiry>> {
        Ok(self.store().enquiries(editor.role.organisation_id(), 500)?)
    }

    /// One enquiry, if the editor may see it.
    pub fn get(&self, editor: &Account, id: i64) -> Result<Option<Enquiry>> {
        Ok(self
            .store()
            .enquiry(id)?
            .filter(|e| editor.role.may_edit(&e.organisation_id)))
    }

    /// A request's enquiries, by the token in its status page's address.
    pub fn by_token(&self, token: &str) -> Result<Vec<Enquiry>> {
        if !plausible_token(token) {
            return Ok(Vec::new());
        }
        Ok(self
            .store()
            .enquiries_by_token(&crate::accounts::sha256_hex(&token.to_ascii_lowercase()))?)
    }

    /// Answers an enquiry: the new status and a message, emailed to the person.
    pub fn answer(
        &self,
        editor: &Account,
        id: i64,
        answer: &Answer,
        now: Timestamp,
    ) -> Result<Responded> {
        let Some(mut enquiry) = self.get(editor, id)? else {
            return Ok(Responded::NotFound);
        };
        let message = answer.message.trim().replace("\r\n", "\n");
        if message.chars().count() > MAX_REPLY {
            return Ok(Responded::Invalid(format!(
                "Your reply must be {MAX_REPLY} characters or fewer"
            )));
        }
        if answer.status == EnquiryStatus::Replied && message.is_empty() {
            return Ok(Responded::Invalid("Write your reply".into()));
        }
        if answer.status == EnquiryStatus::New {
            return Ok(Responded::Invalid(
                "Choose how to answer the enquiry".into(),
            ));
        }
        if enquiry.status == EnquiryStatus::Closed {
            return Ok(Responded::Invalid("This enquiry is closed".into()));
        }
        if enquiry.version != answer.version {
            return Ok(Responded::Changed);
        }
        let Some(person) = enquiry.person.as_mut() else {
            return Ok(Responded::Erased);
        };
        let step = Step {
            at: now,
            status: answer.status,
            by: editor.name.clone(),
            message,
        };
        person.steps.push(step.clone());
        // Whoever gave an email hears by email, whichever way they asked to be answered.
        let to = person.email.as_deref().and_then(|e| Email::parse(e).ok());
        let status_page = self.status_link(&person.token);
        enquiry.status = answer.status;
        enquiry.updated_at = now;
        let emails: Vec<NewEmail> = to
            .iter()
            .map(|to| wording::answered(&enquiry, &step, &status_page, to))
            .collect();
        if self.store().answer_enquiry(&enquiry, &emails)? {
            enquiry.version += 1;
            Ok(Responded::Saved(Box::new(enquiry)))
        } else {
            Ok(Responded::Changed)
        }
    }

    /// Sends the reminders and escalations that are due: once each, whatever restarts or
    /// how many nodes.
    pub fn chase(&self, now: Timestamp) -> Result<Chased> {
        let accounts = self.engine.account_store().accounts()?;
        let today = crate::engine::uk_date(now);
        let write = |chase: Chase, enquiry: &Enquiry| -> Vec<NewEmail> {
            let inbox = self.inbox_link(enquiry.id);
            match chase {
                Chase::Reminder => Self::answerers(&accounts, &enquiry.organisation_id)
                    .into_iter()
                    .map(|to| wording::reminder(enquiry, &inbox, to))
                    .collect(),
                Chase::Escalation => Self::council(&accounts)
                    .into_iter()
                    .map(|to| wording::escalation(enquiry, &inbox, to))
                    .collect(),
            }
        };
        let done = self
            .store()
            .chase_enquiries(today, now, CHASE_BATCH, &write)?;
        Ok(Chased {
            reminded: done.iter().filter(|(c, _)| *c == Chase::Reminder).count(),
            escalated: done.iter().filter(|(c, _)| *c == Chase::Escalation).count(),
        })
    }

    /// Erases the people of enquiries whose last step is older than the retention time,
    /// and forgets client hashes past the hour the limit needs them.
    pub fn erase_due(&self, now: Timestamp) -> Result<u64> {
        let months = i64::from(self.settings.keep_months);
        let before = now
            .to_zoned(crate::engine::uk_time_zone())
            .checked_sub(months.months())
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH);
        self.store()
            .forget_enquiry_clients(now - crate::moderation::REPORT_WINDOW)?;
        Ok(self.store().erase_enquiries_before(before, now)?)
    }

    /// Erases every enquiry a person sent, found by their email or phone.
    pub fn erase_person(&self, email_or_phone: &str, now: Timestamp) -> Result<u64> {
        Ok(self
            .store()
            .erase_enquiries_of(&contact_key(email_or_phone), now)?)
    }

    /// Enquiries sent in a period, without anyone's details (the insight counts).
    pub fn sent_between(&self, from: Timestamp, to: Timestamp) -> Result<Vec<Enquiry>> {
        Ok(self.store().enquiries_sent_between(from, to)?)
    }

    /// The commissioners' report on enquiries sent in `period` (UK days), as they stand
    /// on `today`. Read without anyone's details.
    pub fn demand(&self, period: Period, today: Date) -> Result<EnquiryDemand> {
        let start =
            |day: Date| crate::engine::uk_instant(day.to_datetime(jiff::civil::Time::midnight()));
        let from = start(period.from)?;
        let to = match period.to.tomorrow() {
            Ok(next) => start(next)?,
            Err(_) => Timestamp::MAX,
        };
        let sent = self.sent_between(from, to)?;
        Ok(EnquiryDemand::of(period, &sent, today))
    }

    pub fn settings(&self) -> &EnquirySettings {
        self.settings
    }
}
