//! Imported postcode positions in PostgreSQL: the same table as `src/store/places.rs`,
//! written with `COPY` (the full ONSPD is millions of rows) and read the same way.

use std::io::{BufRead, BufReader, Write};

use super::PostgresStore;
use crate::places::PostcodePosition;
use crate::store::places::{PlacesStore, refuse_empty};
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

    fn replace_imported_postcodes(&self, postcodes: &[PostcodePosition]) -> StoreResult<()> {
        refuse_empty(postcodes)?;
        self.write(|tx| {
            tx.execute("DELETE FROM imported_postcodes", &[])?;
            let mut writer =
                tx.copy_in("COPY imported_postcodes (postcode, latitude, longitude) FROM STDIN")?;
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
            Ok(())
        })
    }
}
