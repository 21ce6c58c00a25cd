//! Imported postcode positions (`dayfinder places import`, docs/places.md): one table,
//! replaced whole in one transaction, read by every node at start.

use rusqlite::params;

use super::{SqliteStore, StoreResult};
use crate::places::PostcodePosition;

/// Where the imported postcode table is kept. Both backends implement it.
pub trait PlacesStore: Send + Sync {
    /// The imported postcodes, sorted by key; empty when none were imported.
    fn imported_postcodes(&self) -> StoreResult<Vec<PostcodePosition>>;
    /// Replaces the imported postcodes with these, in one transaction. An empty list
    /// is refused: a failed import must never leave a directory with no places.
    fn replace_imported_postcodes(&self, postcodes: &[PostcodePosition]) -> StoreResult<()>;
}

pub(super) fn refuse_empty(postcodes: &[PostcodePosition]) -> StoreResult<()> {
    if postcodes.is_empty() {
        return Err(super::StoreError::Invalid(
            "no postcodes to import, so the imported table was kept".to_string(),
        ));
    }
    Ok(())
}

impl PlacesStore for SqliteStore {
    fn imported_postcodes(&self) -> StoreResult<Vec<PostcodePosition>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(
                "SELECT postcode, latitude, longitude FROM imported_postcodes ORDER BY postcode",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, f64>(1)?,
                    r.get::<_, f64>(2)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (pc, lat, lon) = row?;
                out.extend(PostcodePosition::new(&pc, lat, lon));
            }
            Ok(out)
        })
    }

    fn replace_imported_postcodes(&self, postcodes: &[PostcodePosition]) -> StoreResult<()> {
        refuse_empty(postcodes)?;
        self.write(|tx| {
            tx.execute("DELETE FROM imported_postcodes", [])?;
            let mut insert = tx.prepare(
                "INSERT OR REPLACE INTO imported_postcodes (postcode, latitude, longitude)
                 VALUES (?1, ?2, ?3)",
            )?;
            for p in postcodes {
                insert.execute(params![
                    p.key(),
                    f64::from(p.latitude),
                    f64::from(p.longitude)
                ])?;
            }
            Ok(())
        })
    }
}
