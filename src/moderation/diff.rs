//! What a change changes, field by field, in words a council editor can check; and how
//! an approved change is laid over a listing that moved on meanwhile.

use serde_json::Value;

use crate::model::{Event, Location, Organisation, Service, Term, format_pounds};

/// One field that differs, with both values as people read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

fn terms<T: Term + std::fmt::Display>(list: &[T]) -> String {
    if list.is_empty() {
        return "None".into();
    }
    list.iter()
        .map(|t| t.label())
        .collect::<Vec<_>>()
        .join(", ")
}

fn optional(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "None".into())
}

fn text(value: &str) -> String {
    if value.trim().is_empty() {
        "None".into()
    } else {
        value.to_string()
    }
}

/// Each field of a service that people edit, named and written out.
fn fields(s: &Service) -> Vec<(&'static str, String)> {
    let sessions = if s.sessions.is_empty() {
        "None".to_string()
    } else {
        s.sessions
            .iter()
            .map(|x| format!("{} {} to {}", x.day.label(), x.start, x.end))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let ages = match s.eligibility.maximum_age {
        Some(max) => format!("{} to {max}", s.eligibility.minimum_age),
        None => format!("{} and over", s.eligibility.minimum_age),
    };
    vec![
        ("Name", s.name.clone()),
        ("Place", optional(&s.location_id)),
        ("Summary", text(&s.summary)),
        ("Description", text(&s.description)),
        (
            "Activities",
            if s.activities.is_empty() {
                "None".into()
            } else {
                s.activities.join(", ")
            },
        ),
        ("Easy read summary", text(&s.easy_read)),
        ("Tier", s.tier.label().to_string()),
        ("Kind", terms(&s.kinds)),
        ("Who it is for", terms(&s.needs)),
        ("Sessions", sessions),
        ("Timetable notes", text(&s.schedule_notes)),
        (
            "Length of course",
            s.duration_weeks
                .map_or("None".into(), |w| format!("{w} weeks")),
        ),
        ("Ages", ages),
        ("Who can go: notes", text(&s.eligibility.notes)),
        ("Ways to pay", terms(&s.cost.kinds)),
        (
            "Price per session",
            s.cost
                .price_per_session_pence
                .map_or("None".into(), format_pounds),
        ),
        ("Cost notes", text(&s.cost.notes)),
        ("How to join", terms(&s.join)),
        ("Transport", if s.transport { "Yes" } else { "No" }.into()),
        ("Contact name", optional(&s.contact.name)),
        ("Phone", optional(&s.contact.phone)),
        ("Email", optional(&s.contact.email)),
        ("Website", optional(&s.contact.website)),
        ("Vacancies", s.vacancy.status.label().to_string()),
    ]
}

/// "14 March 2027, 10:00 to 12:00".
fn when(e: &Event) -> String {
    let (start, end) = (e.start, e.end);
    let day = |d: jiff::civil::Date| d.strftime("%-d %B %Y").to_string();
    let time = |t: jiff::civil::Time| t.strftime("%H:%M").to_string();
    if start.date() == end.date() {
        format!(
            "{}, {} to {}",
            day(start.date()),
            time(start.time()),
            time(end.time())
        )
    } else {
        format!(
            "{} {} to {} {}",
            day(start.date()),
            time(start.time()),
            day(end.date()),
            time(end.time())
        )
    }
}

/// Each field of an event that people edit, named and written out.
fn event_fields(e: &Event) -> Vec<(&'static str, String)> {
    let booking = &e.booking;
    vec![
        ("Title", e.title.clone()),
        ("Kind", e.kind.label().to_string()),
        ("When", when(e)),
        ("Place", text(&e.place.one_line())),
        ("Description", text(&e.description)),
        ("Who it is for", e.audience.summary()),
        (
            "Price",
            if e.price_pence == 0 {
                "Free".into()
            } else {
                format_pounds(e.price_pence)
            },
        ),
        ("Cost notes", text(&e.cost_notes)),
        ("Booking", booking.summary()),
    ]
}

/// The fields of an event that differ: every field of a new event, and of one removed.
pub fn event_changes(before: Option<&Event>, after: Option<&Event>) -> Vec<FieldChange> {
    let none = |fields: &Vec<(&'static str, String)>, word: &str| -> Vec<(&'static str, String)> {
        fields.iter().map(|(f, _)| (*f, word.to_string())).collect()
    };
    let (before, after) = match (before, after) {
        (Some(b), Some(a)) => (event_fields(b), event_fields(a)),
        (None, Some(a)) => {
            let after = event_fields(a);
            (none(&after, "None (a new event)"), after)
        }
        (Some(b), None) => {
            let before = event_fields(b);
            let removed = none(&before, "Removed");
            (before, removed)
        }
        (None, None) => return Vec::new(),
    };
    before
        .into_iter()
        .zip(after)
        .filter(|((_, b), (_, a))| a != b)
        .map(|((field, before), (_, after))| FieldChange {
            field,
            before,
            after,
        })
        .collect()
}

fn differing(
    before: Vec<(&'static str, String)>,
    after: Vec<(&'static str, String)>,
) -> Vec<FieldChange> {
    before
        .into_iter()
        .zip(after)
        .filter(|((_, b), (_, a))| a != b)
        .map(|((field, before), (_, after))| FieldChange {
            field,
            before,
            after,
        })
        .collect()
}

/// What changes in a place.
pub fn place_changes(before: &Location, after: &Location) -> Vec<FieldChange> {
    let fields = |l: &Location| {
        vec![
            ("Name of the place", l.name.clone()),
            ("Address", text(&l.address)),
            ("Town", l.town.clone()),
            ("Postcode", l.postcode.clone()),
            ("Access", terms(&l.accessibility)),
            ("Access notes", text(&l.access_notes)),
        ]
    };
    differing(fields(before), fields(after))
}

/// What changes in a provider's details.
pub fn provider_changes(before: &Organisation, after: &Organisation) -> Vec<FieldChange> {
    let fields = |o: &Organisation| {
        vec![
            ("Provider’s name", o.name.clone()),
            ("About the provider", text(&o.description)),
            ("Provider’s website", optional(&o.website)),
            ("Provider’s email", optional(&o.email)),
            ("Provider’s phone", optional(&o.phone)),
        ]
    };
    differing(fields(before), fields(after))
}

/// The fields that differ between `before` and `after`, in form order.
pub fn changes(before: &Service, after: &Service) -> Vec<FieldChange> {
    fields(before)
        .into_iter()
        .zip(fields(after))
        .filter(|((_, b), (_, a))| a != b)
        .map(|((field, before), (_, after))| FieldChange {
            field,
            before,
            after,
        })
        .collect()
}

/// Lays a change (from `before` to `after`) over `current`, the service as stored now:
/// each top-level field the change touched takes its new value; every other field keeps
/// what it has now, so a vacancy set while the change waited is not undone by approving it.
pub fn merge(current: &Service, before: &Service, after: &Service) -> Service {
    let (Ok(Value::Object(mut now)), Ok(Value::Object(was)), Ok(Value::Object(new))) = (
        serde_json::to_value(current),
        serde_json::to_value(before),
        serde_json::to_value(after),
    ) else {
        return after.clone();
    };
    let keys: Vec<String> = was.keys().chain(new.keys()).cloned().collect();
    for key in keys {
        if was.get(&key) != new.get(&key) {
            match new.get(&key) {
                Some(value) => now.insert(key, value.clone()),
                None => now.remove(&key),
            };
        }
    }
    serde_json::from_value(Value::Object(now)).unwrap_or_else(|_| after.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClockTime, VacancyStatus};
    use crate::sample::cheshire_east as sample_directory;

    fn a_service() -> Service {
        sample_directory().services[0].clone()
    }

    #[test]
    fn a_changed_session_time_shows_as_the_sessions_before_and_after() {
        let before = a_service();
        let mut after = before.clone();
        after.sessions[0].start = ClockTime::new(9, 15).unwrap();
        let changes = changes(&before, &after);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "Sessions");
        assert!(changes[0].after.contains("09:15"), "{:?}", changes[0]);
    }

    #[test]
    fn approving_an_old_change_keeps_a_vacancy_set_since() {
        let before = a_service();
        let mut after = before.clone();
        after.name = "The Renamed Club".into();
        let mut current = before.clone();
        current.vacancy.status = if before.vacancy.status == VacancyStatus::Full {
            VacancyStatus::Spaces
        } else {
            VacancyStatus::Full
        };
        let merged = merge(&current, &before, &after);
        assert_eq!(merged.name, "The Renamed Club");
        assert_eq!(merged.vacancy, current.vacancy);
    }

    #[test]
    fn nothing_changed_lists_no_changes() {
        let s = a_service();
        assert!(changes(&s, &s).is_empty());
    }
}
