//! Export: the whole directory as Open Referral UK 3.0 JSON (an array of full services,
//! as `GET /api/v3/services/{id}` gives each one) or as our CSV columns ([`super::csv`]).
//! Both read back in with [`super::import`] to the same directory.
//!
//! The JSON adds two things the API leaves out, so that nothing of ours is lost: each
//! nested organisation's phone number, and `x_dayfinder.cost_notes`, the cost notes as
//! written (the API has them only inside `fees`, after the price, where they cannot
//! always be told apart from it).

use std::collections::HashMap;

use serde::Serialize;

use crate::engine::listings_of;
use crate::model::Directory;

use super::ids;
use super::map::{self, Detail};
use super::objects::{Service, ServiceExtension};

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

/// The directory as ORUK 3.0 JSON: an array of full services, one service to a line
/// (compact, so that large directories stay well within the import's size limit, and
/// still easy to compare line by line).
pub fn json(directory: &Directory) -> Result<Vec<u8>, ExportError> {
    let notes: HashMap<String, &str> = directory
        .services
        .iter()
        .filter(|s| !s.cost.notes.is_empty())
        .map(|s| (ids::service(&s.id), s.cost.notes.as_str()))
        .collect();
    let mut out = b"[".to_vec();
    for (i, mut service) in services(directory).into_iter().enumerate() {
        let cost_notes = notes.get(&service.id).copied();
        let extension = service.x_dayfinder.take();
        let line = Exported {
            service: &service,
            x_dayfinder: extension.as_ref().map(|extension| ExportedExtension {
                extension,
                cost_notes,
            }),
        };
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut out, &line)?;
    }
    out.extend_from_slice(b"\n]\n");
    Ok(out)
}

/// A service as exported: as the API gives it, with the cost notes in its extension.
#[derive(Serialize)]
struct Exported<'a> {
    #[serde(flatten)]
    service: &'a Service,
    #[serde(skip_serializing_if = "Option::is_none")]
    x_dayfinder: Option<ExportedExtension<'a>>,
}

#[derive(Serialize)]
struct ExportedExtension<'a> {
    #[serde(flatten)]
    extension: &'a ServiceExtension,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost_notes: Option<&'a str>,
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
