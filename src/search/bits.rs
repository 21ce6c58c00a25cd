//! Filters as bits. Every filterable fact of a service is one bit in a fast field, so one
//! pass over the matching documents can test every filter and count every facet.

use crate::model::{
    AccessFeature, CostKind, DayPart, Kind, Need, Session, Term, Tier, VacancyStatus, Weekday,
};

/// A filter dimension held in the `mask` fast field, and where its bits start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    Need,
    Kind,
    Tier,
    Cost,
    Access,
    Vacancy,
}

impl Dim {
    pub const ALL: [Dim; 6] = [
        Dim::Need,
        Dim::Kind,
        Dim::Tier,
        Dim::Cost,
        Dim::Access,
        Dim::Vacancy,
    ];

    const fn offset(self) -> u32 {
        match self {
            Dim::Need => 0,
            Dim::Kind => 8,
            Dim::Tier => 17,
            Dim::Cost => 20,
            Dim::Access => 24,
            Dim::Vacancy => 32,
        }
    }

    const fn width(self) -> u32 {
        match self {
            Dim::Need => 8,
            Dim::Kind => 9,
            Dim::Tier => 3,
            Dim::Cost => 4,
            Dim::Access => 8,
            Dim::Vacancy => 3,
        }
    }

    /// All of this dimension's bits.
    pub fn full(self) -> u64 {
        ((1u64 << self.width()) - 1) << self.offset()
    }

    /// The bit of the `i`th term of this dimension.
    pub fn bit(self, i: usize) -> u64 {
        1u64 << (self.offset() + i as u32)
    }

    /// Number of terms in this dimension.
    pub fn terms(self) -> usize {
        self.width() as usize
    }

    pub fn param(self) -> &'static str {
        match self {
            Dim::Need => "need",
            Dim::Kind => "kind",
            Dim::Tier => "tier",
            Dim::Cost => "cost",
            Dim::Access => "access",
            Dim::Vacancy => "vacancy",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Dim::Need => "Who it is for",
            Dim::Kind => "Type of activity",
            Dim::Tier => "Type of support",
            Dim::Cost => "Cost",
            Dim::Access => "Access",
            Dim::Vacancy => "Spaces",
        }
    }

    /// (slug, label) of the `i`th term.
    pub fn term(self, i: usize) -> (&'static str, &'static str) {
        fn nth<T: Term>(i: usize) -> (&'static str, &'static str) {
            let t = T::all()[i];
            (t.slug(), t.label())
        }
        match self {
            Dim::Need => nth::<Need>(i),
            Dim::Kind => nth::<Kind>(i),
            Dim::Tier => nth::<Tier>(i),
            Dim::Cost => nth::<CostKind>(i),
            Dim::Access => nth::<AccessFeature>(i),
            Dim::Vacancy => nth::<VacancyStatus>(i),
        }
    }
}

/// The bits of these terms in their dimension.
pub fn mask_of<T: Term>(dim: Dim, terms: &[T]) -> u64 {
    terms.iter().fold(0, |m, t| m | dim.bit(position(*t)))
}

/// A term's place in its vocabulary.
pub fn position<T: Term>(t: T) -> usize {
    T::all().iter().position(|x| *x == t).unwrap_or(0)
}

/// Where days sit in the `mentions` fast field, above every mask dimension (the access
/// features a listing's words mention keep their `Dim::Access` bits there).
const MENTIONED_DAYS: u32 = 48;

/// The bit of a day in the `mentions` field.
pub fn day_bit(day: Weekday) -> u64 {
    1u64 << (MENTIONED_DAYS + day.index() as u32)
}

/// The bits of these days in the `mentions` field.
pub fn day_bits(days: &[Weekday]) -> u64 {
    days.iter().fold(0, |m, d| m | day_bit(*d))
}

/// The `mentions` fast field: the access features and days a listing's own words name.
pub fn mentions_of(access: &[AccessFeature], days: &[Weekday]) -> u64 {
    mask_of(Dim::Access, access) | day_bits(days)
}

/// The `slots` fast field: one bit for each (day, part of day) a service runs in.
pub fn slot(day: Weekday, part: DayPart) -> u64 {
    1u64 << (day.index() * 3 + position(part))
}

/// All slots a timetable touches.
pub fn slots_of(sessions: &[Session]) -> u64 {
    sessions
        .iter()
        .flat_map(|s| s.parts().map(move |p| slot(s.day, p)))
        .fold(0, |m, b| m | b)
}

/// Slots allowed by a choice of days and parts (an empty choice allows all).
pub fn allowed_slots(days: &[Weekday], parts: &[DayPart]) -> u64 {
    let days: &[Weekday] = if days.is_empty() {
        Weekday::all()
    } else {
        days
    };
    let parts: &[DayPart] = if parts.is_empty() {
        DayPart::all()
    } else {
        parts
    };
    days.iter()
        .flat_map(|d| parts.iter().map(|p| slot(*d, *p)))
        .fold(0, |m, b| m | b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_do_not_overlap_and_fit_their_vocabularies() {
        let mut seen = 0u64;
        for dim in Dim::ALL {
            assert_eq!(seen & dim.full(), 0, "{dim:?} overlaps");
            seen |= dim.full();
        }
        assert_eq!(Dim::Need.terms(), Need::all().len());
        assert_eq!(Dim::Kind.terms(), Kind::all().len());
        assert_eq!(Dim::Tier.terms(), Tier::all().len());
        assert_eq!(Dim::Cost.terms(), CostKind::all().len());
        assert_eq!(Dim::Access.terms(), AccessFeature::all().len());
        assert_eq!(Dim::Vacancy.terms(), VacancyStatus::all().len());
    }

    #[test]
    fn mentioned_days_sit_above_every_dimension() {
        let all = Dim::ALL.iter().fold(0, |m, d| m | d.full());
        assert_eq!(day_bits(Weekday::all()) & all, 0);
    }

    #[test]
    fn saturday_morning_is_allowed_by_saturday_but_not_by_evenings() {
        let sat_morning = slot(Weekday::Saturday, DayPart::Morning);
        assert_ne!(allowed_slots(&[Weekday::Saturday], &[]) & sat_morning, 0);
        assert_eq!(allowed_slots(&[], &[DayPart::Evening]) & sat_morning, 0);
    }
}
