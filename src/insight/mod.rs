//! Insight for commissioners: what people look for and cannot find, counted without
//! watching anyone (see docs/insight.md).
//!
//! A search made on the public results page or in easy read becomes a [`TallyKey`] (its
//! filters in the directory's own words, never an address, a cookie, a full postcode or
//! free text) and one more in that day's count for the key and its [`Outcome`]. Counts
//! gather in memory and go to the [`InsightStore`](crate::store::insight::InsightStore)
//! every few seconds. The reports read them back, and count the directory for supply.

pub mod enquiries;
mod recorder;
pub mod reports;
pub mod tally;

pub use enquiries::{EnquiryDemand, EnquiryOutcomes};
pub use recorder::Recorder;
pub use reports::{Period, Supply, Table, UnmetDemand};
pub use tally::{FEW, KeyColumns, OTHER, Outcome, TallyKey};

use crate::Engine;
use crate::error::Result;
use crate::query::{SearchQuery, SearchResults};
use crate::store::insight::SearchCount;

/// Where a person made a search that is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchedFrom {
    /// The results page (`/search`), with or without JavaScript.
    Results,
    /// The easy read results.
    EasyRead,
}

/// Counting searches and the reports on them.
impl Engine {
    /// Answers a search a person made on the site and counts it. Only the site's own
    /// results pages call this: the open data API and editors' pages search with
    /// [`Engine::search`], because programs and staff are not residents looking for
    /// something, and counting them would drown the demand the reports are about.
    pub fn search_and_count(
        &self,
        query: &SearchQuery,
        from: SearchedFrom,
    ) -> Result<SearchResults> {
        let results = self.search(query)?;
        // Later pages of a search are the same question asked once.
        if query.page <= 1 {
            let asked = results.interpreted.as_ref().unwrap_or(query);
            self.count_search(asked, results.total, from);
        }
        Ok(results)
    }

    /// Counts a search (as the engine read it) that found `total` results, today.
    pub fn count_search(&self, query: &SearchQuery, total: usize, from: SearchedFrom) {
        let key = TallyKey::of(query, from == SearchedFrom::EasyRead, &self.places());
        self.insight
            .record(crate::engine::uk_today(), key, Outcome::of(total));
    }

    /// Writes the counts gathered in memory to the store; returns how many searches they
    /// counted. The server calls this every few seconds and when it stops.
    pub fn flush_search_counts(&self) -> Result<u64> {
        Ok(self.insight.flush()?)
    }

    /// Searches that found nothing or few over `period`, with the period before it.
    /// Counts still in memory are written first, so the report is up to the minute.
    pub fn unmet_demand(&self, period: Period) -> Result<UnmetDemand> {
        self.flush_search_counts()?;
        let counts = self
            .insight
            .store()
            .search_counts(period.previous().from, period.to)?;
        Ok(UnmetDemand::from_counts(period, &counts, &self.places()))
    }

    /// The stored counts of searches over `period` (after writing those in memory).
    pub fn search_counts(&self, period: Period) -> Result<Vec<SearchCount>> {
        self.flush_search_counts()?;
        Ok(self.insight.store().search_counts(period.from, period.to)?)
    }

    /// What the directory offers, by need, town, tier and day.
    pub fn supply(&self) -> Result<Supply> {
        let directory = self.directory()?;
        Ok(Supply::of(&crate::engine::listings_of(&directory)))
    }
}

#[cfg(test)]
mod tests;
