//! A time of day on a weekly timetable ("10:00"), and a weekly session.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::taxonomy::{DayPart, Weekday};

/// A time of day to the minute, written `HH:MM` (24 hour clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

/// Why a time of day could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a time of day: write it as 24 hour HH:MM, for example 09:30 or 14:00")]
pub struct BadClockTime(pub String);

impl ClockTime {
    /// A time from hours and minutes, if both are in range.
    pub fn new(hour: u16, minute: u16) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(Self(hour * 60 + minute))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    pub fn hour(self) -> u16 {
        self.0 / 60
    }

    pub fn minute(self) -> u16 {
        self.0 % 60
    }

    /// "10am", "1:30pm": how times are written for residents.
    pub fn friendly(self) -> String {
        let (h, m) = (self.hour(), self.minute());
        let suffix = if h < 12 { "am" } else { "pm" };
        let h12 = match h % 12 {
            0 => 12,
            h => h,
        };
        if m == 0 {
            format!("{h12}{suffix}")
        } else {
            format!("{h12}:{m:02}{suffix}")
        }
    }
}

impl FromStr for ClockTime {
    type Err = BadClockTime;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadClockTime(s.chars().take(20).collect());
        let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
        let (h, m) = (
            h.parse::<u16>().map_err(|_| bad())?,
            m.get(..2).unwrap_or(m).parse::<u16>().map_err(|_| bad())?,
        );
        ClockTime::new(h, m).ok_or_else(bad)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One weekly session: a day and a time span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Session {
    pub day: Weekday,
    pub start: ClockTime,
    pub end: ClockTime,
}

impl Session {
    /// The parts of the day this session touches: 10:00-15:00 is morning and afternoon.
    pub fn parts(&self) -> impl Iterator<Item = DayPart> + '_ {
        const NOON: u16 = 12 * 60;
        const FIVE_PM: u16 = 17 * 60;
        let (start, end) = (
            self.start.minutes(),
            self.end.minutes().max(self.start.minutes() + 1),
        );
        [
            (DayPart::Morning, 0, NOON),
            (DayPart::Afternoon, NOON, FIVE_PM),
            (DayPart::Evening, FIVE_PM, 24 * 60),
        ]
        .into_iter()
        .filter(move |&(_, from, to)| start < to && end > from)
        .map(|(part, _, _)| part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> ClockTime {
        s.parse().unwrap()
    }

    #[test]
    fn times_read_and_print_as_hh_mm() {
        assert_eq!(t("9:30").to_string(), "09:30");
        assert_eq!(t("14:00").friendly(), "2pm");
        assert_eq!(t("00:15").friendly(), "12:15am");
        assert_eq!(t("12:05").friendly(), "12:05pm");
    }

    #[test]
    fn nonsense_times_are_refused_politely() {
        for bad in ["", "25:00", "10:60", "ten", "10", "-1:00", "🙂:00"] {
            let err = bad.parse::<ClockTime>().unwrap_err();
            assert!(err.to_string().contains("HH:MM"), "{bad}");
        }
    }

    #[test]
    fn a_day_session_is_morning_and_afternoon_but_not_evening() {
        let s = Session {
            day: Weekday::Monday,
            start: t("10:00"),
            end: t("15:00"),
        };
        assert_eq!(
            s.parts().collect::<Vec<_>>(),
            [DayPart::Morning, DayPart::Afternoon]
        );
        let evening = Session {
            day: Weekday::Friday,
            start: t("18:30"),
            end: t("20:30"),
        };
        assert_eq!(evening.parts().collect::<Vec<_>>(), [DayPart::Evening]);
        let ends_at_noon = Session {
            day: Weekday::Friday,
            start: t("09:00"),
            end: t("12:00"),
        };
        assert_eq!(ends_at_noon.parts().collect::<Vec<_>>(), [DayPart::Morning]);
    }
}
