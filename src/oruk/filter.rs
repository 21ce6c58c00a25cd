//! The standard's filters as checks on our model. Each value is parsed into a type that
//! validates itself, so a handler can refuse bad input with a plain message.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::model::{ClockTime, Eligibility, Service, Term, Weekday};

/// The iCalendar code of a day: `MO`... `SU`.
pub fn ical_day(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

/// A day from its iCalendar code (`SA`), or as people write it (`Weekday::parse`:
/// `saturday`, `Sat`, `Saturdays`).
pub fn parse_day(s: &str) -> Option<Weekday> {
    let s = s.trim();
    Weekday::all()
        .iter()
        .copied()
        .find(|&d| ical_day(d).eq_ignore_ascii_case(s))
        .or_else(|| Weekday::parse(s))
}

/// Why a date-time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "“{0}” is not a date-time: write it as in RFC 3339, for example 2026-11-01T09:30:00Z, or as a date, 2026-11-01"
)]
pub struct BadDateTime(pub String);

/// `modified_after`: the moment from which changes count, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModifiedSince(Timestamp);

impl ModifiedSince {
    /// Reads an RFC 3339 date-time (`2026-11-01T09:30:00Z`, `...+01:00`), a date-time
    /// without offset (taken as UTC) or a date (midnight UTC).
    pub fn parse(s: &str) -> Result<ModifiedSince, BadDateTime> {
        let s = s.trim();
        let bad = || BadDateTime(s.chars().take(40).collect());
        if let Ok(t) = s.parse::<Timestamp>() {
            return Ok(ModifiedSince(t));
        }
        let civil = match s.parse::<DateTime>() {
            Ok(dt) => dt,
            Err(_) => s.parse::<Date>().map_err(|_| bad())?.at(0, 0, 0, 0),
        };
        let t = civil
            .to_zoned(TimeZone::UTC)
            .map_err(|_| bad())?
            .timestamp();
        Ok(ModifiedSince(t))
    }

    /// Whether the service changed at or after this moment (by its `last_modified`: the
    /// day it was last reviewed, at midnight UTC).
    pub fn admits(&self, service: &Service) -> bool {
        service
            .last_reviewed
            .at(0, 0, 0, 0)
            .to_zoned(TimeZone::UTC)
            .is_ok_and(|z| z.timestamp() >= self.0)
    }
}

/// `minimum_age` and `maximum_age`: the ages of the people looking. A service admits the
/// range when the two overlap (it caters for at least some of those ages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgeRange {
    pub minimum: Option<u8>,
    pub maximum: Option<u8>,
}

impl AgeRange {
    pub fn is_open(&self) -> bool {
        self.minimum.is_none() && self.maximum.is_none()
    }

    /// The one age asked about, when both ends are the same.
    pub fn single_age(&self) -> Option<u8> {
        match (self.minimum, self.maximum) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }

    pub fn admits(&self, e: &Eligibility) -> bool {
        let below_top = self.maximum.is_none_or(|max| e.minimum_age <= max);
        let above_bottom = match (self.minimum, e.maximum_age) {
            (Some(min), Some(service_max)) => service_max >= min,
            _ => true,
        };
        below_top && above_bottom
    }
}

/// `day`, `start_time` and `end_time` together: a session on one of the days (any day if
/// none given) that opens at or after `start` and closes at or before `end`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionWindow {
    pub days: Vec<Weekday>,
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
}

impl SessionWindow {
    pub fn is_open(&self) -> bool {
        self.days.is_empty() && self.start.is_none() && self.end.is_none()
    }

    pub fn admits(&self, service: &Service) -> bool {
        self.is_open()
            || service.sessions.iter().any(|s| {
                (self.days.is_empty() || self.days.contains(&s.day))
                    && self.start.is_none_or(|start| s.start >= start)
                    && self.end.is_none_or(|end| s.end <= end)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Session;

    fn service() -> Service {
        crate::sample::cheshire_east()
            .services
            .into_iter()
            .find(|s| s.id == "crewe-saturday-memory-club")
            .unwrap()
    }

    #[test]
    fn days_are_read_as_ical_codes_or_names() {
        assert_eq!(parse_day("SA"), Some(Weekday::Saturday));
        assert_eq!(parse_day("sa"), Some(Weekday::Saturday));
        assert_eq!(parse_day("Saturday"), Some(Weekday::Saturday));
        assert_eq!(parse_day("thurs"), Some(Weekday::Thursday));
        assert_eq!(parse_day("someday"), None);
    }

    #[test]
    fn modified_after_takes_date_times_and_dates_and_refuses_the_rest() {
        let club = service(); // reviewed 2026-11-01
        assert!(ModifiedSince::parse("2026-11-01").unwrap().admits(&club));
        assert!(
            ModifiedSince::parse("2026-10-31T23:00:00Z")
                .unwrap()
                .admits(&club)
        );
        assert!(
            ModifiedSince::parse("2026-11-01T00:30:00+01:00")
                .unwrap()
                .admits(&club)
        );
        assert!(
            !ModifiedSince::parse("2026-11-01T00:00:01Z")
                .unwrap()
                .admits(&club)
        );
        assert!(
            ModifiedSince::parse("2026-10-01T12:00:00")
                .unwrap()
                .admits(&club)
        );
        for bad in ["notadate", "", "2026-13-01", "yesterday"] {
            assert!(ModifiedSince::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ages_overlap_the_services_range() {
        let e = Eligibility {
            minimum_age: 18,
            maximum_age: Some(25),
            notes: String::new(),
        };
        let range = |minimum, maximum| AgeRange { minimum, maximum };
        assert!(range(Some(20), None).admits(&e));
        assert!(!range(Some(26), None).admits(&e));
        assert!(range(None, Some(18)).admits(&e));
        assert!(!range(None, Some(17)).admits(&e));
        assert!(range(Some(10), Some(30)).admits(&e));
        assert_eq!(range(Some(19), Some(19)).single_age(), Some(19));
    }

    #[test]
    fn a_session_must_fit_the_window_on_the_day() {
        let mut club = service(); // Saturday 10:00-12:30
        let t = |s: &str| s.parse::<ClockTime>().unwrap();
        let window = |days: Vec<Weekday>, start: &str, end: &str| SessionWindow {
            days,
            start: Some(t(start)),
            end: Some(t(end)),
        };
        assert!(window(vec![Weekday::Saturday], "09:00", "13:00").admits(&club));
        assert!(!window(vec![Weekday::Saturday], "10:30", "13:00").admits(&club));
        assert!(!window(vec![Weekday::Monday], "09:00", "13:00").admits(&club));
        club.sessions.push(Session {
            day: Weekday::Monday,
            start: t("18:00"),
            end: t("20:00"),
        });
        assert!(!window(vec![Weekday::Monday], "09:00", "13:00").admits(&club));
        assert!(window(vec![], "17:00", "21:00").admits(&club));
    }
}
