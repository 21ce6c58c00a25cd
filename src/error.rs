//! The core's one error type. Bad input from people is not an error here: queries are
//! forgiving and report what they skipped. These are failures of the machine or the data.

/// What can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the store failed")]
    Store(#[from] crate::store::StoreError),
    #[error("the search index failed")]
    Index(#[from] tantivy::TantivyError),
    #[error("the directory does not hold together: {0}")]
    Invalid(String),
    #[error("could not read the directory file")]
    Json(#[from] serde_json::Error),
    #[error("file system error")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    PlacesFile(#[from] crate::places::PlacesFileError),
    /// The place-names file of a places import (the other file is the postcodes').
    #[error(transparent)]
    PlaceNamesFile(crate::places::PlacesFileError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
