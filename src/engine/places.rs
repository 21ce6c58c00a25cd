//! Places imported from open data (`dayfinder places import`, docs/places.md): read the
//! files, replace the store's imported tables, and keep each engine's gazetteer in step
//! with them and with the towns the directory's addresses name, without a restart.

use std::io::Read;
use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;

use super::Engine;
use crate::error::{Error, Result};
use crate::model::{Directory, Listing};
use crate::places::{
    AreaTown, Gazetteer, PlaceName, PlaceNamesFile, PlacesFileError, outcode_centroids,
    read_place_names, read_postcodes,
};
use crate::store::{PlacesReplacement, PlacesStore, Store};

/// What `places import` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacesImported {
    /// Live postcodes with a position, now the directory's exact postcodes (0 when only
    /// place names were imported).
    pub postcodes: usize,
    /// Their outward codes ("WA1", "WA2", ...), placed at the mean of their postcodes.
    pub outward_codes: Vec<String>,
    /// Rows passed over: terminated postcodes and postcodes with no position.
    pub skipped: usize,
    /// Place names kept for the area, when a names file was given.
    pub names: Option<NamesImported>,
}

/// What a place-names file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamesImported {
    /// Places inside the area, one per name.
    pub kept: usize,
    /// Places outside it, left out.
    pub outside: usize,
}

impl Engine {
    /// [`import_places`] into this engine's store; this engine uses them at once.
    pub fn import_places(
        &self,
        postcodes: impl Read,
        names: Option<&mut dyn Read>,
    ) -> Result<PlacesImported> {
        let done = import_places(self.places_store.as_ref(), postcodes, names)?;
        self.follow_places()?;
        Ok(done)
    }

    /// [`import_place_names`] into this engine's store; this engine uses them at once.
    pub fn import_place_names(&self, names: impl Read) -> Result<NamesImported> {
        let done = import_place_names(self.places_store.as_ref(), names)?;
        self.follow_places()?;
        Ok(done)
    }

    /// Reloads the gazetteer when a places import was made since it was loaded (here, or
    /// by another process: the command line, another node). One read of the store when
    /// nothing changed; called each time the engine catches up with the store.
    pub(super) fn follow_places(&self) -> Result<()> {
        let version = self.places_store.places_version()?;
        let mut loaded = self.places.loaded.lock().unwrap_or_else(|e| e.into_inner());
        if loaded.version == version {
            return Ok(());
        }
        let (fresh, gazetteer) =
            Loaded::read(version, self.places_store.as_ref(), self.store.as_ref())?;
        self.places.current.store(gazetteer);
        *loaded = fresh;
        tracing::info!(
            version,
            postcodes = self.places.current.load().postcode_count(),
            "places reloaded after an import"
        );
        Ok(())
    }

    /// After the directory changed: when the area is imported and a changed listing names
    /// a town the gazetteer does not know, its towns are made again from the directory.
    pub(super) fn follow_towns(&self, changed: &[Listing]) -> Result<()> {
        let gazetteer = self.places.current.load();
        if !gazetteer.is_imported() {
            return Ok(());
        }
        let unknown = changed
            .iter()
            .filter_map(|l| l.location.as_ref())
            .any(|l| !l.town.trim().is_empty() && gazetteer.town(&l.town).is_none());
        if unknown {
            self.refresh_towns(&self.store.directory()?)?;
        }
        Ok(())
    }

    /// The area's towns made again from `directory` (after it was replaced, or named a
    /// new town); kept only when they differ, so an unchanged directory makes none.
    pub(super) fn refresh_towns(&self, directory: &Directory) -> Result<()> {
        let loaded = self.places.loaded.lock().unwrap_or_else(|e| e.into_inner());
        let gazetteer = self.places.current.load_full();
        if !gazetteer.is_imported() {
            return Ok(());
        }
        let towns = area_towns(directory, &loaded.names);
        let same = towns.len() == gazetteer.towns().len()
            && towns.iter().zip(gazetteer.towns()).all(|(a, t)| a.is(t));
        if !same {
            let towns = AreaTown::leak_all(towns);
            self.places
                .current
                .store(Arc::new(gazetteer.with_towns(towns)));
        }
        Ok(())
    }
}

/// Reads an ONSPD, NSPL, Code-Point Open or `Postcode,lat,long` file, and if given the ONS
/// Index of Place Names, and replaces the imported tables with them in one transaction; a
/// bad file (with the line at fault), one with no usable postcodes, or names with none in
/// the area change nothing. It needs the store alone, so the command line runs it while
/// the site does; running nodes follow within a second or so.
pub fn import_places(
    store: &dyn PlacesStore,
    postcodes: impl Read,
    names: Option<&mut dyn Read>,
) -> Result<PlacesImported> {
    let read = read_postcodes(postcodes)?;
    let names = names
        .map(|file| names_in_area(file, &read.postcodes))
        .transpose()?;
    store.replace_imported_places(PlacesReplacement {
        postcodes: Some(&read.postcodes),
        names: names.as_ref().map(|n| n.names.as_slice()),
    })?;
    Ok(PlacesImported {
        postcodes: read.postcodes.len(),
        outward_codes: outcode_centroids(&read.postcodes)
            .into_iter()
            .map(|(oc, ..)| oc)
            .collect(),
        skipped: read.skipped,
        names: names.as_ref().map(NamesImported::of),
    })
}

/// Reads the ONS Index of Place Names and replaces the imported place names with the
/// places inside the area of the postcodes imported before (`places names FILE`).
pub fn import_place_names(store: &dyn PlacesStore, names: impl Read) -> Result<NamesImported> {
    let area = store.imported_postcodes()?;
    if area.is_empty() {
        return Err(Error::Invalid(
            "import the area's postcodes first (dayfinder places import FILE): place \
             names are kept for the area they cover"
                .to_string(),
        ));
    }
    let file = names_in_area(names, &area)?;
    store.replace_imported_places(PlacesReplacement {
        postcodes: None,
        names: Some(&file.names),
    })?;
    Ok(NamesImported::of(&file))
}

impl NamesImported {
    fn of(file: &PlaceNamesFile) -> NamesImported {
        NamesImported {
            kept: file.names.len(),
            outside: file.outside,
        }
    }
}

/// The places of a names file inside the area; a file with none there is refused, so a
/// wrong file (another region's) never empties the names.
fn names_in_area(
    file: impl Read,
    area: &[crate::places::PostcodePosition],
) -> Result<PlaceNamesFile> {
    let read = read_place_names(file, area).map_err(Error::PlaceNamesFile)?;
    if read.names.is_empty() {
        return Err(Error::PlaceNamesFile(PlacesFileError::NoneInArea {
            outside: read.outside,
        }));
    }
    Ok(read)
}

/// An engine's places: the gazetteer searches read (swapped whole, so a search never
/// sees half an import), and what it was made from.
pub(super) struct Places {
    current: ArcSwap<Gazetteer>,
    /// Held while reloading, so two catch-ups never load the same import twice.
    loaded: Mutex<Loaded>,
}

/// The import a gazetteer was made from: its version and place names.
struct Loaded {
    version: u64,
    names: Vec<PlaceName>,
}

impl Places {
    /// The places of a store, as an engine opens on it.
    pub(super) fn open(store: &dyn PlacesStore, directory: &dyn Store) -> Result<Places> {
        let (loaded, gazetteer) = Loaded::read(store.places_version()?, store, directory)?;
        Ok(Places {
            current: ArcSwap::new(gazetteer),
            loaded: Mutex::new(loaded),
        })
    }

    pub(super) fn current(&self) -> Arc<Gazetteer> {
        self.current.load_full()
    }
}

impl Loaded {
    /// The built-in gazetteer when nothing was imported, else one made from the imported
    /// postcodes, with the towns of the directory's addresses and the imported names.
    /// (The version is read first: an import landing meanwhile is loaded again later.)
    fn read(
        version: u64,
        store: &dyn PlacesStore,
        directory: &dyn Store,
    ) -> Result<(Loaded, Arc<Gazetteer>)> {
        let imported = store.imported_postcodes()?;
        if imported.is_empty() {
            let names = Vec::new();
            return Ok((Loaded { version, names }, Gazetteer::shared()));
        }
        let names = store.imported_place_names()?;
        let towns = AreaTown::leak_all(area_towns(&directory.directory()?, &names));
        let gazetteer = Arc::new(Gazetteer::with_imported(imported, towns));
        Ok((Loaded { version, names }, gazetteer))
    }
}

/// The towns of an imported area: its addresses' and its imported place names.
fn area_towns(directory: &Directory, names: &[PlaceName]) -> Vec<AreaTown> {
    let addresses = directory.locations.iter().map(|l| {
        (
            l.town.as_str(),
            l.postcode.as_str(),
            l.latitude,
            l.longitude,
        )
    });
    AreaTown::of_area(addresses, names)
}
