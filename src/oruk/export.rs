//! Export: the whole directory as Open Referral UK 3.0 JSON (an array of full services,
//! as `GET /api/v3/services/{id}` gives each one) or as our CSV columns ([`super::csv`]).
//! Both read back in with [`super::import`] to the same directory.
//!
//! The JSON adds two things the API leaves out, so that nothing of ours is lost: each
//! nested organisation's phone number, and `x_dayfinder.cost_notes`, the cost notes as
//! written (the API has them only inside `fees`, after the price, where they cannot
//! always be told apart from it).

use std::collections::HashMap;

use serde_json::Value;

use crate::engine::listings_of;
use crate::model::Directory;

use super::ids;
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
    let notes: HashMap<String, &str> = directory
        .services
        .iter()
        .filter(|s| !s.cost.notes.is_empty())
        .map(|s| (ids::service(&s.id), s.cost.notes.as_str()))
        .collect();
    let mut all = Vec::new();
    for service in services(directory) {
        let notes = notes.get(&service.id).copied();
        let mut value = serde_json::to_value(service)?;
        if let Some(notes) = notes
            && let Some(x) = value.get_mut("x_dayfinder").and_then(Value::as_object_mut)
        {
            x.insert("cost_notes".into(), Value::String(notes.to_string()));
        }
        all.push(value);
    }
    let mut out = serde_json::to_vec_pretty(&all)?;
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
