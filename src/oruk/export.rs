//! Export: the whole directory as Open Referral UK 3.0 JSON (an array of full services,
//! exactly as `GET /api/v3/services/{id}` gives each one) or as our CSV columns
//! ([`super::csv`]). Both read back in with [`super::import`] to the same directory.

use crate::engine::listings_of;
use crate::model::Directory;

use super::map::{self, Detail};
use super::objects::Service;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the directory could not be read")]
    Engine(#[from] crate::Error),
    #[error("the directory could not be written as JSON")]
    Json(#[from] serde_json::Error),
    #[error("the directory could not be written as CSV")]
    Csv(#[from] csv::Error),
}

/// Every service, fully nested, sorted by our id. The organisation nested in each carries
/// its phone number too, so nothing of ours is left out.
pub fn services(directory: &Directory) -> Vec<Service> {
    let mut listings = listings_of(directory);
    listings.sort_by(|a, b| a.service.id.cmp(&b.service.id));
    listings
        .iter()
        .map(|listing| {
            let mut service = map::service(listing, Detail::Full);
            service.organization = Some(Box::new(map::organization(&listing.organisation, true)));
            service
        })
        .collect()
}

/// The directory as ORUK 3.0 JSON: a pretty-printed array of full services.
pub fn json(directory: &Directory) -> Result<Vec<u8>, ExportError> {
    let mut out = serde_json::to_vec_pretty(&services(directory))?;
    out.push(b'\n');
    Ok(out)
}

/// The directory as CSV, one row per service.
pub fn csv(directory: &Directory) -> Result<Vec<u8>, ExportError> {
    Ok(super::csv::write(directory)?)
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    /// The file's media type, for a download.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// The directory in this format.
pub fn export(directory: &Directory, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Json => json(directory),
        Format::Csv => csv(directory),
    }
}
