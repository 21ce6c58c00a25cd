//! `/services` and `/service_at_locations`: the directory's listings.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Json};
use dayfinder::oruk::objects::{Service, ServiceAtLocation};
use dayfinder::oruk::{Detail, Page, map};

use super::error::{ApiError, blocking};
use super::find::{self, Near};
use super::lookup::{Ids, Named};
use super::params::{self, Format, Paging, Pairs, ServiceFilters};
use crate::startup::AppState;

type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Handles `GET /api/v3/services`.
#[tracing::instrument(skip_all)]
pub async fn list(State(state): State<AppState>, query: RawQuery) -> Result<Response, ApiError> {
    let pairs = Pairs::from(query?.0);
    let filters = ServiceFilters::parse(&pairs)?;
    let format = Format::parse(&pairs)?;
    let paging = format.paging(Paging::parse(&pairs)?);
    let detail = params::detail(&pairs)?;
    let engine = state.engine.clone();
    let (total, listings) =
        blocking(move || find::services(&engine, &filters, paging, None, false)).await?;
    let contents = listings.iter().map(|l| map::service(l, detail)).collect();
    Ok(format.respond(Page::new(contents, total, paging.page, paging.per_page)))
}

/// Handles `GET /api/v3/services/{id}`: the service fully nested.
#[tracing::instrument(skip_all)]
pub async fn one(
    State(state): State<AppState>,
    Extension(ids): Extension<Arc<Ids>>,
    Path(id): Path<String>,
) -> Result<Json<Service>, ApiError> {
    let engine = state.engine.clone();
    let listing = blocking(move || match ids.slug(&engine, Named::Service, &id)? {
        Some(slug) => Ok(engine.listing(&slug)?),
        None => Ok(None),
    })
    .await?
    .ok_or_else(|| ApiError::NotFound("There is no service with that id.".into()))?;
    Ok(Json(map::service(&listing, Detail::Full)))
}

/// Handles `GET /api/v3/service_at_locations`: services with a building, each at it.
/// With `postcode`, nearest first; with `proximity` too, only those within that many metres.
#[tracing::instrument(skip_all)]
pub async fn at_locations(
    State(state): State<AppState>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let pairs = Pairs::from(query?.0);
    let filters = ServiceFilters::parse(&pairs)?;
    let format = Format::parse(&pairs)?;
    let paging = format.paging(Paging::parse(&pairs)?);
    let detail = if pairs.flag("full")? {
        Detail::Full
    } else {
        Detail::Summary
    };
    let near = near(&state, &pairs)?;
    let engine = state.engine.clone();
    let (total, listings) =
        blocking(move || find::services(&engine, &filters, paging, near, true)).await?;
    let contents = listings
        .iter()
        .filter_map(|l| map::service_at_location(l, detail))
        .collect();
    Ok(format.respond(Page::new(contents, total, paging.page, paging.per_page)))
}

/// Handles `GET /api/v3/service_at_locations/{id}`: fully nested.
#[tracing::instrument(skip_all)]
pub async fn at_location(
    State(state): State<AppState>,
    Extension(ids): Extension<Arc<Ids>>,
    Path(id): Path<String>,
) -> Result<Json<ServiceAtLocation>, ApiError> {
    let engine = state.engine.clone();
    let listing = blocking(
        move || match ids.slug(&engine, Named::ServiceAtLocation, &id)? {
            Some(slug) => Ok(engine.listing(&slug)?),
            None => Ok(None),
        },
    )
    .await?;
    listing
        .and_then(|l| map::service_at_location(&l, Detail::Full))
        .map(Json)
        .ok_or_else(|| ApiError::NotFound("There is no service at location with that id.".into()))
}

/// `postcode` and `proximity` (metres) as a point and a limit.
fn near(state: &AppState, pairs: &Pairs) -> Result<Option<Near>, ApiError> {
    let within_metres = pairs
        .one("proximity")
        .map(|v| {
            v.parse::<f64>()
                .ok()
                .filter(|m| m.is_finite() && *m > 0.0 && *m <= 1_000_000.0)
                .ok_or_else(|| {
                    ApiError::bad(
                        "proximity",
                        "must be a distance in metres, from 1 to 1000000",
                    )
                })
        })
        .transpose()?;
    let Some(postcode) = pairs.one("postcode") else {
        return match within_metres {
            Some(_) => Err(ApiError::bad(
                "proximity",
                "needs a postcode to measure from",
            )),
            None => Ok(None),
        };
    };
    let places = state.engine.places();
    let (latitude, longitude) = places
        .postcode(postcode)
        .or_else(|| places.resolve(postcode).ok().map(|p| p.position()))
        .ok_or_else(|| {
            let shown: String = postcode
                .chars()
                .filter(|c| !c.is_control())
                .take(12)
                .collect();
            ApiError::bad(
                "postcode",
                format!("“{shown}” is not a UK postcode we can place"),
            )
        })?;
    Ok(Some(Near {
        latitude,
        longitude,
        within_metres,
    }))
}
