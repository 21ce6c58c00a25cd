//! `/organizations`: the providers, read from the whole directory (fine at the scale of
//! one council's directory; the store has no organisation search of its own).

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Json};
use dayfinder::engine::listings_of;
use dayfinder::model::{Listing, Organisation};
use dayfinder::oruk::objects::Organization;
use dayfinder::oruk::{Detail, map};

use super::error::{ApiError, blocking};
use super::lookup::{Ids, Named};
use super::params::{Format, Paging, Pairs};
use crate::startup::AppState;

/// Which of an organisation's services to nest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nested {
    None,
    Summary,
    Full,
}

/// Handles `GET /api/v3/organizations`: `search` in names and descriptions; `full=true`
/// nests each one's services, `full_service=true` fully.
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let pairs = Pairs::from(query?.0);
    let format = Format::parse(&pairs)?;
    let paging = format.paging(Paging::parse(&pairs)?);
    let nested = match (pairs.flag("full_service")?, pairs.flag("full")?) {
        (true, _) => Nested::Full,
        (false, true) => Nested::Summary,
        (false, false) => Nested::None,
    };
    let words: Vec<String> = pairs
        .search()
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let engine = state.engine.clone();
    let page = blocking(move || {
        let directory = engine.directory()?;
        let listings = listings_of(&directory);
        let mut found: Vec<&Organisation> = directory
            .organisations
            .iter()
            .filter(|o| {
                let text = format!("{} {}", o.name, o.description).to_lowercase();
                words.iter().all(|w| text.contains(w.as_str()))
            })
            .collect();
        found.sort_by_cached_key(|o| o.name.to_lowercase());
        Ok(paging
            .slice(found)
            .map(|o| organization(&listings, o, nested)))
    })
    .await?;
    Ok(format.respond(page))
}

/// Handles `GET /api/v3/organizations/{id}`: with its services (fully, with
/// `full_service=true`).
#[tracing::instrument(skip_all)]
pub async fn one(
    State(state): State<AppState>,
    Extension(ids): Extension<Arc<Ids>>,
    Path(id): Path<String>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Organization>, ApiError> {
    let pairs = Pairs::from(query?.0);
    let nested = if pairs.flag("full_service")? {
        Nested::Full
    } else {
        Nested::Summary
    };
    let engine = state.engine.clone();
    blocking(move || {
        let Some(slug) = ids.slug(&engine, Named::Organization, &id)? else {
            return Ok(None);
        };
        let directory = engine.directory()?;
        let listings = listings_of(&directory);
        Ok(directory
            .organisations
            .iter()
            .find(|o| o.id == slug)
            .map(|o| organization(&listings, o, nested)))
    })
    .await?
    .map(Json)
    .ok_or_else(|| ApiError::NotFound("There is no organization with that id.".into()))
}

/// An organisation, with its services nested as asked (without repeating the
/// organisation inside each).
fn organization(listings: &[Listing], org: &Organisation, nested: Nested) -> Organization {
    let mut out = map::organization(org, nested != Nested::None);
    let detail = match nested {
        Nested::None => return out,
        Nested::Summary => Detail::Summary,
        Nested::Full => Detail::Full,
    };
    let mut listings: Vec<&Listing> = listings
        .iter()
        .filter(|l| l.service.organisation_id == org.id)
        .collect();
    listings.sort_by_cached_key(|l| l.service.name.to_lowercase());
    out.services = listings
        .iter()
        .map(|l| {
            let mut service = map::service(l, detail);
            service.organization = None;
            service
        })
        .collect();
    out
}
