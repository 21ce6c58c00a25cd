//! Working days in England: Monday to Friday, except England and Wales's bank holidays.
//! A provider's response target ("10 working days") is counted in these. The regular
//! holidays follow their rules (Easter from the `computus` crate); the one-off changes
//! the government has made are listed, and a council adds any later ones, or its own
//! closure days, in its profile (`[enquiries] closed_days`).

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// One-off changes to England's bank holidays: days added, and regular days moved away.
const ADDED: &[(i16, i8, i8)] = &[
    (2002, 6, 3),  // Golden Jubilee
    (2002, 6, 4),  // the spring bank holiday, moved
    (2011, 4, 29), // a royal wedding
    (2012, 6, 4),  // the spring bank holiday, moved
    (2012, 6, 5),  // Diamond Jubilee
    (2020, 5, 8),  // VE Day 75 (the early May bank holiday, moved)
    (2022, 6, 2),  // the spring bank holiday, moved
    (2022, 6, 3),  // Platinum Jubilee
    (2022, 9, 19), // a state funeral
    (2023, 5, 8),  // a coronation
];
const MOVED_AWAY: &[(i16, i8, i8)] = &[(2002, 5, 27), (2012, 5, 28), (2020, 5, 4), (2022, 5, 30)];

fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// The first `weekday` on or after `from`.
fn first_on_or_after(from: Date, weekday: Weekday) -> Date {
    let ahead = (7 + weekday.to_monday_zero_offset() - from.weekday().to_monday_zero_offset()) % 7;
    from.checked_add(i64::from(ahead).days()).unwrap_or(from)
}

/// The last Monday of a month.
fn last_monday(year: i16, month: i8) -> Option<Date> {
    let last = date(year, month, 1)?.last_of_month();
    let back = last.weekday().to_monday_zero_offset();
    last.checked_sub(i64::from(back).days()).ok()
}

/// A fixed holiday that falls at a weekend is taken on the next weekday(s) free.
fn substitute(day: Date, taken: &[Date]) -> Date {
    let mut day = day;
    while matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) || taken.contains(&day) {
        day = day.tomorrow().unwrap_or(day);
    }
    day
}

/// England and Wales's bank holidays in `year`.
pub fn bank_holidays(year: i16) -> Vec<Date> {
    let mut days = Vec::new();
    if let Some(new_year) = date(year, 1, 1) {
        days.push(substitute(new_year, &[]));
    }
    if let Ok(easter) = computus::gregorian(i32::from(year))
        && let Some(sunday) = date(year, easter.month as i8, easter.day as i8)
    {
        days.extend(sunday.checked_sub(2.days()).ok());
        days.extend(sunday.checked_add(1.days()).ok());
    }
    if let Some(may) = date(year, 5, 1) {
        days.push(first_on_or_after(may, Weekday::Monday));
    }
    days.extend(last_monday(year, 5));
    days.extend(last_monday(year, 8));
    if let (Some(christmas), Some(boxing)) = (date(year, 12, 25), date(year, 12, 26)) {
        let christmas = substitute(christmas, &[]);
        days.push(christmas);
        days.push(substitute(boxing, &[christmas]));
    }
    days.retain(|d| {
        !MOVED_AWAY
            .iter()
            .any(|&(y, m, dd)| date(y, m, dd) == Some(*d))
    });
    days.extend(
        ADDED
            .iter()
            .filter(|(y, _, _)| *y == year)
            .filter_map(|&(y, m, d)| date(y, m, d)),
    );
    days.sort();
    days.dedup();
    days
}

/// Working days in England, with a council's own closure days besides the bank holidays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingDays {
    closed: Vec<Date>,
}

impl WorkingDays {
    pub fn new(closed: Vec<Date>) -> WorkingDays {
        WorkingDays { closed }
    }

    pub fn is_working_day(&self, day: Date) -> bool {
        !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.closed.contains(&day)
            && !bank_holidays(day.year()).contains(&day)
    }

    /// The day `n` working days after `from` (`from` itself does not count: an enquiry
    /// sent on a Friday with a target of one working day is due on Monday).
    pub fn add(&self, from: Date, n: u32) -> Date {
        let mut day = from;
        let mut left = n;
        // A year holds 250-odd working days; the bound keeps a bad profile from looping.
        for _ in 0..(n as usize * 3 + 30) {
            if left == 0 {
                break;
            }
            day = match day.tomorrow() {
                Ok(next) => next,
                Err(_) => break,
            };
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, dd: i8) -> Date {
        Date::new(y, m, dd).unwrap()
    }

    #[test]
    fn the_bank_holidays_of_2026_are_englands() {
        assert_eq!(
            bank_holidays(2026),
            vec![
                d(2026, 1, 1),
                d(2026, 4, 3),
                d(2026, 4, 6),
                d(2026, 5, 4),
                d(2026, 5, 25),
                d(2026, 8, 31),
                d(2026, 12, 25),
                d(2026, 12, 28),
            ]
        );
    }

    #[test]
    fn christmas_at_a_weekend_moves_to_the_next_weekdays() {
        // 2027: Christmas on a Saturday, Boxing Day on a Sunday.
        let days = bank_holidays(2027);
        assert!(days.contains(&d(2027, 12, 27)));
        assert!(days.contains(&d(2027, 12, 28)));
        assert!(!days.contains(&d(2027, 12, 25)));
    }

    #[test]
    fn one_off_holidays_are_kept_and_moved_ones_dropped() {
        let days = bank_holidays(2022);
        assert!(days.contains(&d(2022, 6, 3)));
        assert!(days.contains(&d(2022, 9, 19)));
        assert!(!days.contains(&d(2022, 5, 30)));
    }

    #[test]
    fn ten_working_days_skip_weekends_and_christmas() {
        let days = WorkingDays::default();
        // From Monday 14 December 2026: two weeks, less Christmas Day and the substitute
        // Boxing Day, so the tenth working day is Wednesday 30 December.
        assert_eq!(days.add(d(2026, 12, 14), 10), d(2026, 12, 30));
        assert_eq!(
            days.add(d(2026, 12, 4), 1),
            d(2026, 12, 7),
            "Friday to Monday"
        );
        assert_eq!(days.add(d(2026, 4, 2), 1), d(2026, 4, 7), "over Easter");
    }

    #[test]
    fn a_councils_own_closure_days_are_not_working_days() {
        let days = WorkingDays::new(vec![d(2026, 12, 29)]);
        assert!(!days.is_working_day(d(2026, 12, 29)));
        assert_eq!(days.add(d(2026, 12, 24), 1), d(2026, 12, 30));
    }
}
