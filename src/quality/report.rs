//! The quality reports of the stored directory.

use jiff::civil::Date;

use super::duplicates::{DuplicateGroup, likely_duplicates};
use super::missing::{ListingGaps, listings_with_gaps};
use super::stale::{StaleListing, stale_listings};
use crate::Engine;

/// The data-quality page's findings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QualityReport {
    /// How many services the directory holds.
    pub services: usize,
    /// Listings missing facts, most gaps first.
    pub gaps: Vec<ListingGaps>,
    /// Groups of likely duplicates.
    pub duplicates: Vec<DuplicateGroup>,
}

/// Quality reports for council editors.
impl Engine {
    /// Listings not reviewed for six months by `today`, oldest first.
    pub fn stale_listings(&self, today: Date) -> crate::Result<Vec<StaleListing>> {
        Ok(stale_listings(&self.directory()?, today))
    }

    /// Listings missing facts, and likely duplicates.
    pub fn quality_report(&self) -> crate::Result<QualityReport> {
        let directory = self.directory()?;
        Ok(QualityReport {
            services: directory.services.len(),
            gaps: listings_with_gaps(&directory),
            duplicates: likely_duplicates(&directory),
        })
    }
}
