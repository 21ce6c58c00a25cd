//! Keeping the directory true: which listings may be out of date ([`stale`]), which miss
//! facts residents need ([`missing`]), and which are likely the same service entered
//! twice ([`duplicates`]). The council's "Stale listings" and "Data quality" pages show
//! these; the freshness rule is also what the public listing page uses.
//!
//! Pure functions of a [`Directory`](crate::model::Directory), so they need no engine;
//! the engine asks them of the stored directory.

pub mod duplicates;
pub mod missing;
pub mod stale;

#[cfg(feature = "engine")]
pub mod freshness;
#[cfg(feature = "engine")]
mod report;

#[cfg(feature = "engine")]
pub use freshness::{Freshness, FreshnessRow};
#[cfg(feature = "engine")]
pub use report::QualityReport;
