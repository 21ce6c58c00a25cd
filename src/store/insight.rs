//! Where the counts of searches are kept: [`InsightStore`], the seam between the insight
//! reports and a database. The embedded SQLite store implements it (see
//! `sqlite_insight.rs`); a shared PostgreSQL store for many site nodes would implement it
//! too, so every node adds to the same counts.
//!
//! Only counts are stored: a day, the privacy-safe key of a search (see
//! `crate::insight::tally`) and how many searches had it. Never a time finer than a day.

use jiff::civil::Date;

use super::StoreResult;
use crate::insight::{Outcome, TallyKey};

/// How many searches with this key were made on this day, with this outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchCount {
    pub day: Date,
    pub key: TallyKey,
    pub outcome: Outcome,
    pub count: u64,
}

/// Counts of searches, added to and read back by day.
pub trait InsightStore: Send + Sync {
    /// Adds these counts to what is stored (a count for a day, key and outcome already
    /// stored grows by the new one), all in one transaction.
    fn add_search_counts(&self, counts: &[SearchCount]) -> StoreResult<()>;
    /// Every stored count from `from` to `to`, both days included.
    fn search_counts(&self, from: Date, to: Date) -> StoreResult<Vec<SearchCount>>;
}
