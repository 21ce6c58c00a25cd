//! Which events to show, as URL parameters: `/events?town=Crewe&need=autism&from=2026-12-01`.
//!
//! Reading is forgiving like a search's: a date that cannot be read is left out and said
//! so, never an error.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::params::{ParamProblem, Problems, TownChoices, clean_text};
use crate::model::event::YOUNG_ADULT_AGES;
pub use crate::model::event::{long_date, time_span};
use crate::model::{EventKind, EventListing, Need, Term};

/// A filter over events. Within one filter the choices are alternatives; different
/// filters must all hold.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventQuery {
    /// Town names as the directory writes them ("Holmes Chapel").
    pub towns: Vec<String>,
    /// Events for any of these needs (events for everyone always match).
    pub needs: Vec<Need>,
    pub kinds: Vec<EventKind>,
    /// On or after this day.
    pub from: Option<Date>,
    /// On or before this day.
    pub to: Option<Date>,
    /// Events that suit young adults (16 to 25): see `Event::suits_young_adults`.
    pub young_adults: bool,
    /// Only this service's events.
    pub service_id: Option<String>,
    /// Only this provider's events.
    pub organisation_id: Option<String>,
}

impl EventQuery {
    /// Whether an event passes every filter. (Whether it is still to come is the
    /// engine's business: it knows the time.)
    pub fn matches(&self, listing: &EventListing) -> bool {
        let e = &listing.event;
        let day = e.start.date();
        (self.towns.is_empty()
            || self
                .towns
                .iter()
                .any(|t| t.eq_ignore_ascii_case(&e.place.town)))
            && (self.needs.is_empty()
                || e.audience.needs.is_empty()
                || e.audience.needs.iter().any(|n| self.needs.contains(n)))
            && (self.kinds.is_empty() || self.kinds.contains(&e.kind))
            && self.from.is_none_or(|from| e.end.date() >= from)
            && self.to.is_none_or(|to| day <= to)
            && (!self.young_adults || e.suits_young_adults())
            && self
                .service_id
                .as_deref()
                .is_none_or(|id| e.service_id.as_deref() == Some(id))
            && self
                .organisation_id
                .as_deref()
                .is_none_or(|id| listing.organisation_id() == Some(id))
    }

    /// Whether any filter is chosen.
    pub fn is_empty(&self) -> bool {
        *self == EventQuery::default()
    }

    /// Reads a filter from URL parameters; what cannot be used is skipped and listed.
    pub fn from_params<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Self, Vec<ParamProblem>) {
        let mut q = EventQuery::default();
        let mut problems = Problems::default();
        let mut towns = TownChoices::default();
        let mut dates = Vec::new();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "town" => towns.push(&mut q.towns, value, &mut problems),
                "need" => match Need::from_slug(value) {
                    Some(n) if !q.needs.contains(&n) => q.needs.push(n),
                    Some(_) => {}
                    None => problems.unknown(key, value),
                },
                "kind" => match EventKind::from_slug(value) {
                    Some(k) if !q.kinds.contains(&k) => q.kinds.push(k),
                    Some(_) => {}
                    None => problems.unknown(key, value),
                },
                "age" if value == young_adults_param() => q.young_adults = true,
                "age" => problems.unknown(key, value),
                // Only the last of each date is used: no list to grow.
                "from" | "to" => {
                    dates.retain(|(k, _)| *k != key);
                    dates.push((key, value.to_string()));
                }
                "service" => q.service_id = Some(clean_text(value, 100)),
                "organisation" => q.organisation_id = Some(clean_text(value, 100)),
                _ => {}
            }
        }
        for (key, value) in dates {
            match read_date(&value) {
                Some(day) if key == "from" => q.from = Some(day),
                Some(day) => q.to = Some(day),
                None => problems.push(ParamProblem {
                    param: key.into(),
                    message: format!(
                        "“{}” is not a date we can read, so we left it out. Write dates like 2026-12-01 or 1/12/2026.",
                        clean_text(&value, 30)
                    ),
                }),
            }
        }
        if let (Some(from), Some(to)) = (q.from, q.to)
            && to < from
        {
            problems.push(ParamProblem {
                param: "to".into(),
                message: "The end date was before the start date, so we swapped them.".into(),
            });
            (q.from, q.to) = (Some(to), Some(from));
        }
        (q, problems.finish())
    }

    /// The URL parameters of this filter, in a stable order.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> =
            self.towns.iter().map(|t| ("town", t.clone())).collect();
        out.extend(self.needs.iter().map(|n| ("need", n.slug().to_string())));
        out.extend(self.kinds.iter().map(|k| ("kind", k.slug().to_string())));
        if self.young_adults {
            out.push(("age", young_adults_param()));
        }
        if let Some(d) = self.from {
            out.push(("from", d.to_string()));
        }
        if let Some(d) = self.to {
            out.push(("to", d.to_string()));
        }
        if let Some(id) = &self.service_id {
            out.push(("service", id.clone()));
        }
        if let Some(id) = &self.organisation_id {
            out.push(("organisation", id.clone()));
        }
        out
    }
}

/// `16-25`: the `age` value that means young adults, in searches and on the events page.
pub fn young_adults_param() -> String {
    let (from, to) = YOUNG_ADULT_AGES;
    format!("{from}-{to}")
}

/// A day as people write it: `2026-12-01` (what date fields send), `1/12/2026`, `1-12-2026`.
pub fn read_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(d) = text.parse::<Date>() {
        return Some(d);
    }
    // Day first, as in the UK, with any of / - . between.
    let parts: Vec<&str> = text.split(['/', '-', '.', ' ']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y) = (
        d.parse::<i8>().ok()?,
        m.parse::<i8>().ok()?,
        y.parse::<i16>().ok()?,
    );
    let y = if (0..100).contains(&y) { 2000 + y } else { y };
    Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_date_fields_and_people_write_them() {
        let d = Date::constant(2026, 12, 1);
        assert_eq!(read_date("2026-12-01"), Some(d));
        assert_eq!(read_date("1/12/2026"), Some(d));
        assert_eq!(read_date("01-12-26"), Some(d));
        for bad in ["2026-13-01", "31/2/2026", "tomorrow", "1/12", "9999999999"] {
            assert_eq!(read_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_events_filter_reads_back_the_same_from_its_url() {
        let (q, problems) = EventQuery::from_params([
            ("town", "Crewe"),
            ("need", "autism"),
            ("kind", "open-day"),
            ("age", "16-25"),
            ("from", "2026-12-01"),
            ("to", "31/12/2026"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        let params = q.to_params();
        let (again, _) = EventQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, q);
        assert!(q.young_adults);
    }

    #[test]
    fn a_malformed_date_is_left_out_and_said_so() {
        let (q, problems) =
            EventQuery::from_params([("from", "32/13/2026"), ("to", "<script>"), ("need", "x")]);
        assert_eq!(q, EventQuery::default());
        assert_eq!(problems.len(), 3);
        assert!(problems.iter().any(|p| p.message.contains("not a date")));
    }

    #[test]
    fn dates_the_wrong_way_round_are_swapped() {
        let (q, problems) = EventQuery::from_params([("from", "2026-12-31"), ("to", "2026-12-01")]);
        assert_eq!(q.from, Some(Date::constant(2026, 12, 1)));
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn times_read_as_people_say_them() {
        let day = Date::constant(2026, 12, 1);
        assert_eq!(
            time_span(day.at(10, 0, 0, 0), day.at(12, 30, 0, 0)),
            "10am to 12:30pm"
        );
        assert_eq!(long_date(day), "Tuesday 1 December 2026");
    }
}
