//! Imported places (`dayfinder places import`, docs/places.md): the postcode table and the
//! place-names table, each replaced whole in one transaction, and a version every import
//! moves, by which running nodes notice it.

use rusqlite::params;

use super::{SqliteStore, StoreResult};
use crate::places::{PlaceName, PostcodePosition};

/// The `meta` key counting places imports. A key, not a change-log entry: the log is the
/// directory's (its `op` is one of three), and nodes read this beside it when they follow.
pub(super) const PLACES_VERSION: &str = "places_version";

/// What one places import replaces: the postcodes, the place names, or both at once.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlacesReplacement<'a> {
    pub postcodes: Option<&'a [PostcodePosition]>,
    pub names: Option<&'a [PlaceName]>,
}

/// Where imported places are kept. Both backends implement it.
pub trait PlacesStore: Send + Sync {
    /// The imported postcodes, sorted by key; empty when none were imported.
    fn imported_postcodes(&self) -> StoreResult<Vec<PostcodePosition>>;
    /// The imported place names, sorted by name; empty when none were imported.
    fn imported_place_names(&self) -> StoreResult<Vec<PlaceName>>;
    /// Replaces what `replacement` gives (and keeps the rest), in one transaction that
    /// also moves [`PlacesStore::places_version`]. An empty list of postcodes is refused:
    /// a failed import must never leave a directory with no places.
    fn replace_imported_places(&self, replacement: PlacesReplacement<'_>) -> StoreResult<()>;
    /// How many places imports the store has had: a node whose places are older reloads.
    fn places_version(&self) -> StoreResult<u64>;

    /// Replaces the imported postcodes alone (the place names are kept).
    fn replace_imported_postcodes(&self, postcodes: &[PostcodePosition]) -> StoreResult<()> {
        self.replace_imported_places(PlacesReplacement {
            postcodes: Some(postcodes),
            names: None,
        })
    }
}

pub(super) fn refuse_empty(replacement: &PlacesReplacement<'_>) -> StoreResult<()> {
    if replacement.postcodes.is_some_and(<[_]>::is_empty) {
        return Err(super::StoreError::Invalid(
            "no postcodes to import, so the imported table was kept".to_string(),
        ));
    }
    Ok(())
}

/// A place's outward codes as stored: "WA4 WA13".
pub(super) fn joined_codes(name: &PlaceName) -> String {
    name.outward_codes.join(" ")
}

/// A place name from its stored columns.
pub(super) fn place_name(
    name: String,
    kind: String,
    latitude: f64,
    longitude: f64,
    outward_codes: &str,
) -> PlaceName {
    PlaceName {
        name,
        kind,
        latitude,
        longitude,
        outward_codes: outward_codes.split_whitespace().map(String::from).collect(),
    }
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

    fn imported_place_names(&self) -> StoreResult<Vec<PlaceName>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(
                "SELECT name, kind, latitude, longitude, outward_codes
                 FROM imported_place_names ORDER BY name",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(place_name(
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    &r.get::<_, String>(4)?,
                ))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    fn replace_imported_places(&self, replacement: PlacesReplacement<'_>) -> StoreResult<()> {
        refuse_empty(&replacement)?;
        self.write(|tx| {
            if let Some(postcodes) = replacement.postcodes {
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
            }
            if let Some(names) = replacement.names {
                tx.execute("DELETE FROM imported_place_names", [])?;
                let mut insert = tx.prepare(
                    "INSERT OR REPLACE INTO imported_place_names
                         (name, kind, latitude, longitude, outward_codes)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for n in names {
                    insert.execute(params![
                        n.name,
                        n.kind,
                        n.latitude,
                        n.longitude,
                        joined_codes(n)
                    ])?;
                }
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, '1')
                 ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
                params![PLACES_VERSION],
            )?;
            Ok(())
        })
    }

    fn places_version(&self) -> StoreResult<u64> {
        self.with(|conn| {
            let value: Option<String> = conn
                .query_row(
                    "SELECT value FROM meta WHERE key = ?1",
                    params![PLACES_VERSION],
                    |r| r.get(0),
                )
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })?;
            Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
        })
    }
}
