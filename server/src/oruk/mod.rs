//! The Open Referral UK 3.0 API under `/api/v3`: open, read-only, JSON, described by
//! `/api/v3/openapi.json` and for people in `docs/api.md`.
//!
//! Handlers are short adapters: parse the query into typed parameters (`params`, a 400
//! when malformed), run the engine off the async threads (`find`, `lookup`), and map the
//! result to ORUK objects (`dayfinder::oruk`). Every response, errors included, carries
//! `Access-Control-Allow-Origin: *`; errors are JSON (`error`).

mod error;
mod find;
mod lookup;
mod openapi;
mod organizations;
mod params;
mod root;
mod services;
mod taxonomies;

use std::sync::Arc;

use axum::http::Method;
use axum::routing::{any, get};
use axum::{Extension, Router};
use tower_http::cors::{Any, CorsLayer};

use crate::startup::AppState;

/// Where the API lives.
pub const PREFIX: &str = "/api/v3";

/// The API's routes, full paths included, to merge into the app's router.
pub fn routes() -> Router<AppState> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .allow_headers(Any);
    Router::new()
        .route("/api/v3", get(root::api_details))
        .route("/api/v3/", get(root::api_details))
        .route("/api/v3/openapi.json", get(root::openapi))
        .route("/api/v3/services", get(services::list))
        .route("/api/v3/services/{id}", get(services::one))
        .route("/api/v3/service_at_locations", get(services::at_locations))
        .route(
            "/api/v3/service_at_locations/{id}",
            get(services::at_location),
        )
        .route("/api/v3/organizations", get(organizations::list))
        .route("/api/v3/organizations/{id}", get(organizations::one))
        .route("/api/v3/taxonomies", get(taxonomies::list))
        .route("/api/v3/taxonomies/{id}", get(taxonomies::one))
        .route("/api/v3/taxonomy_terms", get(taxonomies::terms))
        .route("/api/v3/taxonomy_terms/{id}", get(taxonomies::term))
        .route("/api/v3/{*rest}", any(error::unknown_path))
        .layer(Extension(Arc::new(lookup::Ids::default())))
        .layer(cors)
}
