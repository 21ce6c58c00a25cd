//! Places imported from ONS open data (`dayfinder places import`, docs/places.md): read
//! the file, replace the store's imported table, and build the gazetteer from it at start.

use std::io::Read;

use super::Engine;
use crate::error::Result;
use crate::places::{Gazetteer, outcode_centroids, read_postcodes};
use crate::store::PlacesStore;

/// What `places import` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacesImported {
    /// Live postcodes with a position, now the directory's exact postcodes.
    pub postcodes: usize,
    /// Their outward codes ("WA1", "WA2", ...), placed at the mean of their postcodes.
    pub outward_codes: Vec<String>,
    /// Rows passed over: terminated postcodes and postcodes with no position.
    pub skipped: usize,
}

impl Engine {
    /// Reads an ONSPD, NSPL, Code-Point Open or `Postcode,lat,long` file and replaces the imported postcode
    /// table with it, in one transaction; a bad file (with the line at fault) or one with
    /// no usable postcodes changes nothing. Site nodes use it from their next start.
    pub fn import_places(&self, file: impl Read) -> Result<PlacesImported> {
        let read = read_postcodes(file)?;
        self.places_store
            .replace_imported_postcodes(&read.postcodes)?;
        Ok(PlacesImported {
            postcodes: read.postcodes.len(),
            outward_codes: outcode_centroids(&read.postcodes)
                .into_iter()
                .map(|(oc, ..)| oc)
                .collect(),
            skipped: read.skipped,
        })
    }
}

/// The gazetteer for a store: the built-in one when nothing was imported, else one built
/// from the imported postcodes. It lives as long as the process, as the built-in one does
/// (one per engine opened, which is once in a server's life).
/// Its towns are those the directory's addresses name (read at open: a restart picks up
/// towns of listings added since).
pub(super) fn gazetteer_for(
    store: &dyn PlacesStore,
    directory: &dyn crate::store::Store,
) -> Result<&'static Gazetteer> {
    let imported = store.imported_postcodes()?;
    if imported.is_empty() {
        return Ok(Gazetteer::embedded());
    }
    let directory = directory.directory()?;
    let towns = crate::places::Town::of_addresses(directory.locations.iter().map(|l| {
        (
            l.town.as_str(),
            l.postcode.as_str(),
            l.latitude,
            l.longitude,
        )
    }));
    Ok(Box::leak(Box::new(Gazetteer::with_imported(
        imported, towns,
    ))))
}
