//! How up to date the directory is, for everyone (`/data-quality`): the share of listings
//! a person confirmed in the last 6 and 12 months, by town and by kind, and how many no one
//! from their provider has ever confirmed on Dayfinder (the council or an import may have).

use std::collections::{BTreeMap, HashSet};

use jiff::ToSpan;
use jiff::civil::Date;

use crate::accounts::Role;
use crate::engine::Engine;
use crate::model::{Listing, Term};
use crate::moderation::AuditAction;

/// Listings in one group, and how fresh they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FreshnessRow {
    /// A town, a kind's label, or "All listings".
    pub group: String,
    pub listings: usize,
    /// Confirmed by a person in the last 6 months...
    pub within_6_months: usize,
    /// ...and in the last 12.
    pub within_12_months: usize,
    /// Never confirmed by someone from their provider on Dayfinder.
    pub never_by_provider: usize,
}

impl FreshnessRow {
    fn add(&mut self, reviewed: Date, by_provider: bool, six: Date, twelve: Date) {
        self.listings += 1;
        self.within_6_months += usize::from(reviewed > six);
        self.within_12_months += usize::from(reviewed > twelve);
        self.never_by_provider += usize::from(!by_provider);
    }
}

/// The directory's freshness on `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freshness {
    pub today: Date,
    pub all: FreshnessRow,
    /// By town (online and at home too), most listings first.
    pub by_town: Vec<FreshnessRow>,
    /// By kind; a listing of two kinds counts under each.
    pub by_kind: Vec<FreshnessRow>,
}

/// The audit entries that show someone reviewed a listing.
const CHECKS: [AuditAction; 4] = [
    AuditAction::Confirmed,
    AuditAction::VacancySet,
    AuditAction::Proposed,
    AuditAction::Edited,
];

impl Freshness {
    /// Counts `listings`; `by_provider` holds the ids of those someone from their provider
    /// has confirmed, changed or set the vacancies of on Dayfinder.
    pub fn of(listings: &[Listing], by_provider: &HashSet<String>, today: Date) -> Freshness {
        let six = today.checked_sub(6.months()).unwrap_or(Date::MIN);
        let twelve = today.checked_sub(12.months()).unwrap_or(Date::MIN);
        let mut all = FreshnessRow {
            group: "All listings".to_string(),
            ..FreshnessRow::default()
        };
        let mut towns: BTreeMap<String, FreshnessRow> = BTreeMap::new();
        let mut kinds: BTreeMap<crate::model::Kind, FreshnessRow> = BTreeMap::new();
        for listing in listings {
            let s = &listing.service;
            let provider = by_provider.contains(&s.id);
            all.add(s.last_reviewed, provider, six, twelve);
            let town = crate::search::schema::town_of(listing);
            towns
                .entry(town.clone())
                .or_insert_with(|| FreshnessRow {
                    group: town,
                    ..FreshnessRow::default()
                })
                .add(s.last_reviewed, provider, six, twelve);
            let mut own = s.kinds.clone();
            own.sort();
            own.dedup();
            for kind in own {
                kinds
                    .entry(kind)
                    .or_insert_with(|| FreshnessRow {
                        group: kind.label().to_string(),
                        ..FreshnessRow::default()
                    })
                    .add(s.last_reviewed, provider, six, twelve);
            }
        }
        let mut by_town: Vec<FreshnessRow> = towns.into_values().collect();
        by_town.sort_by_key(|r| std::cmp::Reverse(r.listings));
        Freshness {
            today,
            all,
            by_town,
            by_kind: kinds.into_values().collect(),
        }
    }
}

impl Engine {
    /// How up to date the directory is on `today`.
    pub fn freshness(&self, today: Date) -> crate::Result<Freshness> {
        let directory = self.directory()?;
        let listings = crate::engine::listings_of(&directory);
        let accounts = self.account_store().accounts()?;
        let providers: BTreeMap<i64, &str> = accounts
            .iter()
            .filter_map(|a| match &a.role {
                Role::Provider { organisation_id } => Some((a.id.0, organisation_id.as_str())),
                Role::Council => None,
            })
            .collect();
        let organisation_of: BTreeMap<&str, &str> = directory
            .services
            .iter()
            .map(|s| (s.id.as_str(), s.organisation_id.as_str()))
            .collect();
        // A check counts when it was by an editor of the listing's own provider.
        let by_provider: HashSet<String> = self
            .moderation
            .audited_by(&CHECKS)?
            .into_iter()
            .filter(|(service, account)| {
                providers
                    .get(account)
                    .is_some_and(|org| organisation_of.get(service.as_str()) == Some(org))
            })
            .map(|(service, _)| service)
            .collect();
        Ok(Freshness::of(&listings, &by_provider, today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_counted_by_town_and_kind_and_who_confirmed() {
        let today: Date = "2026-12-01".parse().unwrap();
        let mut directory = crate::sample::cheshire_east();
        for (i, s) in directory.services.iter_mut().enumerate() {
            s.last_reviewed = match i % 3 {
                0 => today,
                1 => "2026-03-01".parse().unwrap(),
                _ => "2025-01-01".parse().unwrap(),
            };
        }
        let listings = crate::engine::listings_of(&directory);
        let first = directory.services[0].id.clone();
        let report = Freshness::of(&listings, &HashSet::from([first]), today);
        let n = listings.len();
        assert_eq!(report.all.listings, n);
        assert_eq!(report.all.within_6_months, n.div_ceil(3));
        assert_eq!(report.all.within_12_months, n.div_ceil(3) + (n + 1) / 3);
        assert_eq!(report.all.never_by_provider, n - 1);
        assert_eq!(
            report.by_town.iter().map(|r| r.listings).sum::<usize>(),
            n,
            "each listing has one town"
        );
        assert!(report.by_kind.iter().all(|r| r.listings > 0));
    }
}
