//! The commissioners' reports: unmet demand (searches that found nothing or few, from the
//! stored counts) and supply (what the directory offers, from the directory itself). Each
//! report gives its figures as typed rows, for pages and charts, and as [`Table`]s, for
//! tables and CSV downloads, so that what is shown and what is downloaded agree.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use super::tally::{OTHER, Outcome, town_of_place};
use crate::model::{DayPart, Listing, Need, Term, Tier, VacancyStatus, Weekday};
use crate::places::Gazetteer;
use crate::store::insight::SearchCount;

/// The longest period a report covers.
pub const MAX_PERIOD_DAYS: i32 = 366;

/// What a search without a place is grouped under.
pub const ANYWHERE: &str = "Anywhere";
/// What a search near a place we did not recognise is grouped under.
pub const NOT_RECOGNISED: &str = "Place not recognised";

/// A stretch of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// The last `days` days up to and including `today`.
    pub fn last_days(days: i32, today: Date) -> Period {
        let days = days.clamp(1, MAX_PERIOD_DAYS);
        Period {
            from: today.checked_sub((days - 1).days()).unwrap_or(Date::MIN),
            to: today,
        }
    }

    /// From `from` to `to`, if `from` is not after `to` and the period is not too long.
    pub fn between(from: Date, to: Date) -> Option<Period> {
        let period = Period { from, to };
        (from <= to && period.days() <= i64::from(MAX_PERIOD_DAYS)).then_some(period)
    }

    /// How many days it covers.
    pub fn days(&self) -> i64 {
        self.from
            .until(self.to)
            .map(|span| i64::from(span.get_days()) + 1)
            .unwrap_or(1)
    }

    /// The period of the same length just before this one, for the trend.
    pub fn previous(&self) -> Period {
        let to = self.from.checked_sub(1.day()).unwrap_or(Date::MIN);
        let from = to
            .checked_sub((self.days() - 1).days())
            .unwrap_or(Date::MIN);
        Period { from, to }
    }

    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// Every day of the period, in order.
    pub fn each_day(&self) -> impl Iterator<Item = Date> + '_ {
        self.from.series(1.day()).take_while(|d| *d <= self.to)
    }
}

/// A table of figures: headings and rows of text, as shown and as downloaded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(columns: &[&str]) -> Table {
        Table {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// The table as CSV, with a header row.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail; the cells are plain text.
        let _ = writer.write_record(&self.columns);
        for row in &self.rows {
            let _ = writer.write_record(row);
        }
        let bytes = writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// Searches, and how many of them found nothing or few.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub searches: u64,
    pub nothing: u64,
    pub few: u64,
}

impl Totals {
    fn add(&mut self, outcome: Outcome, count: u64) {
        self.searches += count;
        match outcome {
            Outcome::Nothing => self.nothing += count,
            Outcome::Few => self.few += count,
            Outcome::Some => {}
        }
    }

    /// Searches that found nothing or few.
    pub fn unmet(&self) -> u64 {
        self.nothing + self.few
    }
}

/// Searches for one need in one town.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemandRow {
    /// `None`: no need was asked for.
    pub need: Option<Need>,
    /// A town, an outward code outside the directory's towns, [`ANYWHERE`] or
    /// [`NOT_RECOGNISED`].
    pub town: String,
    pub now: Totals,
    pub before: Totals,
}

impl DemandRow {
    pub fn need_label(&self) -> &'static str {
        self.need.map_or("Any need", |n| n.label())
    }
}

/// Searches for one day of the week (`None`: no day asked for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRow {
    pub day: Option<Weekday>,
    pub now: Totals,
}

/// Unmet demand over a period, with the period before it for the trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmetDemand {
    pub period: Period,
    pub previous: Period,
    pub now: Totals,
    pub before: Totals,
    /// By need and town: a search for two needs counts under each. Groups with any search
    /// that found nothing or few, in either period; most "found nothing" first.
    pub by_need_and_town: Vec<DemandRow>,
    /// By the day of the week asked for; a search for two days counts under each.
    pub by_day: Vec<DayRow>,
    /// Each day of the period.
    pub by_date: Vec<(Date, Totals)>,
}

/// A change as people read it: "up 3", "down 2", "no change".
pub fn change(now: u64, before: u64) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("up {}", now - before),
        std::cmp::Ordering::Less => format!("down {}", before - now),
        std::cmp::Ordering::Equal => "no change".to_string(),
    }
}

fn town_label(place: &str, places: &Gazetteer) -> String {
    if place == OTHER {
        NOT_RECOGNISED.to_string()
    } else {
        town_of_place(place, places)
    }
}

impl UnmetDemand {
    /// The report for `period` from stored counts (those outside the period and the one
    /// before it are ignored).
    pub fn from_counts(period: Period, counts: &[SearchCount], places: &Gazetteer) -> UnmetDemand {
        let previous = period.previous();
        let mut now = Totals::default();
        let mut before = Totals::default();
        let mut groups: BTreeMap<(Option<Need>, String), (Totals, Totals)> = BTreeMap::new();
        let mut days: BTreeMap<Option<Weekday>, Totals> = BTreeMap::new();
        let mut dates: BTreeMap<Date, Totals> =
            period.each_day().map(|d| (d, Totals::default())).collect();
        for c in counts {
            let current = period.contains(c.day);
            if !current && !previous.contains(c.day) {
                continue;
            }
            if current {
                now.add(c.outcome, c.count);
                if let Some(t) = dates.get_mut(&c.day) {
                    t.add(c.outcome, c.count);
                }
                let asked: Vec<Option<Weekday>> = if c.key.days.is_empty() {
                    vec![None]
                } else {
                    c.key.days.iter().copied().map(Some).collect()
                };
                for day in asked {
                    days.entry(day).or_default().add(c.outcome, c.count);
                }
            } else {
                before.add(c.outcome, c.count);
            }
            let needs: Vec<Option<Need>> = if c.key.needs.is_empty() {
                vec![None]
            } else {
                c.key.needs.iter().copied().map(Some).collect()
            };
            let mut towns: Vec<String> = if c.key.places.is_empty() {
                vec![ANYWHERE.to_string()]
            } else {
                c.key.places.iter().map(|p| town_label(p, places)).collect()
            };
            // "CW1" and "Crewe" in one search are one town.
            towns.sort();
            towns.dedup();
            for need in &needs {
                for town in &towns {
                    let (n, b) = groups.entry((*need, town.clone())).or_default();
                    if current { n } else { b }.add(c.outcome, c.count);
                }
            }
        }
        let mut by_need_and_town: Vec<DemandRow> = groups
            .into_iter()
            .filter(|(_, (n, b))| n.unmet() + b.unmet() > 0)
            .map(|((need, town), (now, before))| DemandRow {
                need,
                town,
                now,
                before,
            })
            .collect();
        by_need_and_town.sort_by(|a, b| {
            b.now
                .nothing
                .cmp(&a.now.nothing)
                .then(b.now.few.cmp(&a.now.few))
                .then(b.now.searches.cmp(&a.now.searches))
                .then(a.need.cmp(&b.need))
                .then(a.town.cmp(&b.town))
        });
        let by_day = Weekday::all()
            .iter()
            .map(|d| Some(*d))
            .chain([None])
            .map(|day| DayRow {
                day,
                now: days.get(&day).copied().unwrap_or_default(),
            })
            .collect();
        UnmetDemand {
            period,
            previous,
            now,
            before,
            by_need_and_town,
            by_day,
            by_date: dates.into_iter().collect(),
        }
    }

    /// By need and town, as shown and downloaded.
    pub fn need_and_town_table(&self) -> Table {
        let mut table = Table::new(&[
            "Need",
            "Town",
            "Searches",
            "Found nothing",
            "Found few",
            "Found nothing, previous period",
            "Change in found nothing",
        ]);
        for row in &self.by_need_and_town {
            table.rows.push(vec![
                row.need_label().to_string(),
                row.town.clone(),
                row.now.searches.to_string(),
                row.now.nothing.to_string(),
                row.now.few.to_string(),
                row.before.nothing.to_string(),
                change(row.now.nothing, row.before.nothing),
            ]);
        }
        table
    }

    /// By the day of the week asked for.
    pub fn day_table(&self) -> Table {
        let mut table = Table::new(&["Day asked for", "Searches", "Found nothing", "Found few"]);
        for row in &self.by_day {
            table.rows.push(vec![
                row.day.map_or("Any day", |d| d.label()).to_string(),
                row.now.searches.to_string(),
                row.now.nothing.to_string(),
                row.now.few.to_string(),
            ]);
        }
        table
    }

    /// Day by day.
    pub fn date_table(&self) -> Table {
        let mut table = Table::new(&["Date", "Searches", "Found nothing", "Found few"]);
        for (date, t) in &self.by_date {
            table.rows.push(vec![
                date.to_string(),
                t.searches.to_string(),
                t.nothing.to_string(),
                t.few.to_string(),
            ]);
        }
        table
    }
}

/// Services for one need in one town, and their vacancies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplyRow {
    pub need: Need,
    pub town: String,
    pub services: usize,
    pub spaces: usize,
    pub waiting_list: usize,
    pub full: usize,
}

/// Services running on one day of the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekdayRow {
    pub day: Weekday,
    pub services: usize,
    /// Of those, services with a session from 5pm that day.
    pub evening: usize,
}

/// What the directory offers, counted in services.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Supply {
    pub services: usize,
    /// Services for each need (a service for two needs counts under each), in the
    /// vocabulary's order.
    pub by_need: Vec<(Need, usize)>,
    /// By need and town, in the vocabulary's order then by town.
    pub by_need_and_town: Vec<SupplyRow>,
    pub by_tier: Vec<(Tier, usize)>,
    pub by_weekday: Vec<WeekdayRow>,
    /// Services with a session on Saturday or Sunday.
    pub weekends: usize,
    /// Services with a session from 5pm.
    pub evenings: usize,
    /// Services without fixed sessions (arranged with each person).
    pub no_fixed_days: usize,
}

impl Supply {
    /// Counts the directory's services.
    pub fn of(listings: &[Listing]) -> Supply {
        let mut supply = Supply {
            services: listings.len(),
            ..Supply::default()
        };
        let mut groups: BTreeMap<(Need, String), SupplyRow> = BTreeMap::new();
        let mut needs: BTreeMap<Need, usize> = BTreeMap::new();
        let mut tiers: BTreeMap<Tier, usize> = BTreeMap::new();
        let mut weekdays: BTreeMap<Weekday, (usize, usize)> = BTreeMap::new();
        for listing in listings {
            let service = &listing.service;
            let town = crate::search::schema::town_of(listing);
            for need in sorted_unique(&service.needs) {
                *needs.entry(need).or_default() += 1;
                let row = groups
                    .entry((need, town.clone()))
                    .or_insert_with(|| SupplyRow {
                        need,
                        town: town.clone(),
                        services: 0,
                        spaces: 0,
                        waiting_list: 0,
                        full: 0,
                    });
                row.services += 1;
                match service.vacancy.status {
                    VacancyStatus::Spaces => row.spaces += 1,
                    VacancyStatus::WaitingList => row.waiting_list += 1,
                    VacancyStatus::Full => row.full += 1,
                }
            }
            *tiers.entry(service.tier).or_default() += 1;
            for &day in Weekday::all() {
                let sessions: Vec<_> = service.sessions.iter().filter(|s| s.day == day).collect();
                if sessions.is_empty() {
                    continue;
                }
                let entry = weekdays.entry(day).or_default();
                entry.0 += 1;
                if sessions
                    .iter()
                    .any(|s| s.parts().any(|p| p == DayPart::Evening))
                {
                    entry.1 += 1;
                }
            }
            if service.runs_at_weekends() {
                supply.weekends += 1;
            }
            if service
                .sessions
                .iter()
                .any(|s| s.parts().any(|p| p == DayPart::Evening))
            {
                supply.evenings += 1;
            }
            if service.sessions.is_empty() {
                supply.no_fixed_days += 1;
            }
        }
        supply.by_need = Need::all()
            .iter()
            .map(|n| (*n, needs.get(n).copied().unwrap_or(0)))
            .collect();
        supply.by_need_and_town = groups.into_values().collect();
        supply.by_tier = Tier::all()
            .iter()
            .map(|t| (*t, tiers.get(t).copied().unwrap_or(0)))
            .collect();
        supply.by_weekday = Weekday::all()
            .iter()
            .map(|d| {
                let (services, evening) = weekdays.get(d).copied().unwrap_or_default();
                WeekdayRow {
                    day: *d,
                    services,
                    evening,
                }
            })
            .collect();
        supply
    }

    /// Services and vacancies by need and town.
    pub fn need_and_town_table(&self) -> Table {
        let mut table = Table::new(&[
            "Need",
            "Town",
            "Services",
            "Spaces available",
            "Waiting list",
            "Full",
        ]);
        for row in &self.by_need_and_town {
            table.rows.push(vec![
                row.need.label().to_string(),
                row.town.clone(),
                row.services.to_string(),
                row.spaces.to_string(),
                row.waiting_list.to_string(),
                row.full.to_string(),
            ]);
        }
        table
    }

    pub fn need_table(&self) -> Table {
        let mut table = Table::new(&["Need", "Services"]);
        for (need, n) in &self.by_need {
            table
                .rows
                .push(vec![need.label().to_string(), n.to_string()]);
        }
        table
    }

    pub fn tier_table(&self) -> Table {
        let mut table = Table::new(&["Tier", "Services"]);
        for (tier, n) in &self.by_tier {
            table
                .rows
                .push(vec![tier.label().to_string(), n.to_string()]);
        }
        table
    }

    pub fn weekday_table(&self) -> Table {
        let mut table = Table::new(&["Day", "Weekend", "Services", "With an evening session"]);
        for row in &self.by_weekday {
            table.rows.push(vec![
                row.day.label().to_string(),
                if row.day.is_weekend() { "Yes" } else { "No" }.to_string(),
                row.services.to_string(),
                row.evening.to_string(),
            ]);
        }
        table
    }
}

fn sorted_unique<T: Ord + Copy>(items: &[T]) -> Vec<T> {
    let mut out = items.to_vec();
    out.sort();
    out.dedup();
    out
}
