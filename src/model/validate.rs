//! Checks that a directory holds together before it is stored: ids unique, references
//! resolved, sessions and events that end after they start, places in Great Britain, and
//! no text longer than its field's rule (`fields`). A missing optional-looking field is
//! not refused here: the editors' forms ask for it, and the data-quality report lists it.

use std::collections::HashSet;

use super::fields::TextError;
use super::listing::Directory;

/// One thing wrong with a directory, said so an editor can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{subject}: {problem}")]
pub struct Problem {
    /// What the problem is in: "service crewe-memory-club".
    pub subject: String,
    pub problem: String,
}

impl Directory {
    /// Every problem found; an empty list means the directory may be stored.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut say = |subject: String, problem: &str| {
            problems.push(Problem {
                subject,
                problem: problem.to_string(),
            })
        };

        let mut org_ids = HashSet::new();
        for o in &self.organisations {
            if !valid_id(&o.id) {
                say(
                    format!("organisation {}", o.id),
                    "id must be lower-case letters, digits and hyphens",
                );
            }
            if !org_ids.insert(o.id.as_str()) {
                say(format!("organisation {}", o.id), "id is used twice");
            }
            if o.name.trim().is_empty() {
                say(format!("organisation {}", o.id), "has no name");
            }
            for (_, rule, error) in o.broken_fields() {
                if error == TextError::Missing {
                    continue;
                }
                say(format!("organisation {}", o.id), &rule.message(error));
            }
        }
        let mut location_ids = HashSet::new();
        for l in &self.locations {
            if !location_ids.insert(l.id.as_str()) {
                say(format!("location {}", l.id), "id is used twice");
            }
            if !(49.0..61.0).contains(&l.latitude) || !(-9.0..2.5).contains(&l.longitude) {
                say(
                    format!("location {}", l.id),
                    "coordinates are not in Great Britain",
                );
            }
            for (_, rule, error) in l.broken_fields() {
                if error == TextError::Missing {
                    continue;
                }
                say(format!("location {}", l.id), &rule.message(error));
            }
        }
        let mut service_ids = HashSet::new();
        for s in &self.services {
            let subject = || format!("service {}", s.id);
            if !valid_id(&s.id) {
                say(
                    subject(),
                    "id must be lower-case letters, digits and hyphens",
                );
            }
            if !service_ids.insert(s.id.as_str()) {
                say(subject(), "id is used twice");
            }
            if s.name.trim().is_empty() {
                say(subject(), "has no name");
            }
            for (_, rule, error) in s.broken_fields() {
                if error == TextError::Missing {
                    continue;
                }
                say(subject(), &rule.message(error));
            }
            if !org_ids.contains(s.organisation_id.as_str()) {
                say(
                    subject(),
                    "refers to an organisation that is not in the directory",
                );
            }
            if let Some(l) = &s.location_id
                && !location_ids.contains(l.as_str())
            {
                say(
                    subject(),
                    "refers to a location that is not in the directory",
                );
            }
            if s.needs.is_empty() || s.kinds.is_empty() {
                say(subject(), "needs at least one support need and one kind");
            }
            if s.sessions.iter().any(|x| x.end <= x.start) {
                say(subject(), "has a session that ends before it starts");
            }
            if s.eligibility
                .maximum_age
                .is_some_and(|max| max < s.eligibility.minimum_age)
            {
                say(subject(), "maximum age is below minimum age");
            }
        }
        let mut event_ids = HashSet::new();
        for e in &self.events {
            let subject = || format!("event {}", e.id);
            if !valid_id(&e.id) {
                say(
                    subject(),
                    "id must be lower-case letters, digits and hyphens",
                );
            }
            if !event_ids.insert(e.id.as_str()) {
                say(subject(), "id is used twice");
            }
            if e.title.trim().is_empty() {
                say(subject(), "has no title");
            }
            for (_, rule, error) in e.broken_fields() {
                if error == TextError::Missing {
                    continue;
                }
                say(subject(), &rule.message(error));
            }
            if e.end <= e.start {
                say(subject(), "ends before it starts");
            }
            if e.service_id.is_none() && e.organisation_id.is_none() {
                say(subject(), "belongs to no service or organisation");
            }
            if e.service_id
                .as_deref()
                .is_some_and(|id| !service_ids.contains(id))
            {
                say(
                    subject(),
                    "refers to a service that is not in the directory",
                );
            }
            if e.organisation_id
                .as_deref()
                .is_some_and(|id| !org_ids.contains(id))
            {
                say(
                    subject(),
                    "refers to an organisation that is not in the directory",
                );
            }
            match &e.place.location_id {
                Some(l) if !location_ids.contains(l.as_str()) => say(
                    subject(),
                    "refers to a location that is not in the directory",
                ),
                Some(_) => {}
                None if e.place.town.trim().is_empty()
                    || (e.place.address.trim().is_empty() && e.place.name.trim().is_empty()) =>
                {
                    say(subject(), "needs a location, or an address and a town")
                }
                None => {}
            }
            if e.audience
                .maximum_age
                .zip(e.audience.minimum_age)
                .is_some_and(|(max, min)| max < min)
            {
                say(subject(), "maximum age is below minimum age");
            }
        }
        problems
    }
}

/// Ids appear in URLs, so keep them to `a-z`, `0-9` and `-`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
