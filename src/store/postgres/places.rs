//! Imported places in PostgreSQL: the same tables as `src/store/places.rs`, the postcodes
//! written with `COPY` (the full ONSPD is millions of rows) and read the same way.

use std::io::{BufRead, BufReader, Write};

use super::PostgresStore;
use crate::places::{PlaceName, PostcodePosition};
use crate::store::places::{
    PLACES_VERSION, PlacesReplacement, PlacesStore, joined_codes, place_name, refuse_empty,
};
use crate::store::{StoreError, StoreResult};

impl PlacesStore for PostgresStore {
    fn imported_postcodes(&self) -> StoreResult<Vec<PostcodePosition>> {
        self.read(|tx| {
            let reader = tx.copy_out(
                "COPY (SELECT postcode, latitude, longitude FROM imported_postcodes
                       ORDER BY postcode) TO STDOUT",
            )?;
            let mut out = Vec::new();
            for line in BufReader::new(reader).lines() {
                let line = line.map_err(|e| StoreError::Invalid(e.to_string()))?;
                let mut f = line.split('\t');
                let (Some(pc), Some(lat), Some(lon)) = (f.next(), f.next(), f.next()) else {
                    continue;
                };
                if let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) {
                    out.extend(PostcodePosition::new(pc, lat, lon));
                }
            }
            Ok(out)
        })
    }

    fn imported_place_names(&self) -> StoreResult<Vec<PlaceName>> {
        self.read(|tx| {
            let rows = tx.query(
                "SELECT name, kind, latitude, longitude, outward_codes
                 FROM imported_place_names ORDER BY name",
                &[],
            )?;
            rows.iter()
                .map(|r| {
                    Ok(place_name(
                        r.try_get(0)?,
                        r.try_get(1)?,
                        r.try_get(2)?,
                        r.try_get(3)?,
                        r.try_get::<_, &str>(4)?,
                    ))
                })
                .collect()
        })
    }

    fn replace_imported_places(&self, replacement: PlacesReplacement<'_>) -> StoreResult<()> {
        refuse_empty(&replacement)?;
        self.write(|tx| {
            if let Some(postcodes) = replacement.postcodes {
                tx.execute("DELETE FROM imported_postcodes", &[])?;
                let mut writer = tx.copy_in(
                    "COPY imported_postcodes (postcode, latitude, longitude) FROM STDIN",
                )?;
                let mut buf = Vec::with_capacity(64 * 1024);
                for p in postcodes {
                    // Keys are letters and digits only: nothing to escape in COPY's text form.
                    writeln!(buf, "{}\t{}\t{}", p.key(), p.latitude, p.longitude)
                        .map_err(|e| StoreError::Invalid(e.to_string()))?;
                    if buf.len() > 60 * 1024 {
                        writer
                            .write_all(&buf)
                            .map_err(|e| StoreError::Invalid(e.to_string()))?;
                        buf.clear();
                    }
                }
                writer
                    .write_all(&buf)
                    .map_err(|e| StoreError::Invalid(e.to_string()))?;
                writer.finish()?;
            }
            if let Some(names) = replacement.names {
                tx.execute("DELETE FROM imported_place_names", &[])?;
                let insert = tx.prepare(
                    "INSERT INTO imported_place_names
                         (name, kind, latitude, longitude, outward_codes)
                     VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,
                         latitude = excluded.latitude, longitude = excluded.longitude,
                         outward_codes = excluded.outward_codes",
                )?;
                for n in names {
                    tx.execute(
                        &insert,
                        &[
                            &n.name,
                            &n.kind,
                            &n.latitude,
                            &n.longitude,
                            &joined_codes(n),
                        ],
                    )?;
                }
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ($1, '1')
                 ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text",
                &[&PLACES_VERSION],
            )?;
            Ok(())
        })
    }

    fn places_version(&self) -> StoreResult<u64> {
        self.with(|conn| {
            let row =
                conn.query_opt("SELECT value FROM meta WHERE key = $1", &[&PLACES_VERSION])?;
            let value: Option<String> = row.map(|r| r.try_get(0)).transpose()?;
            Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
        })
    }
}
