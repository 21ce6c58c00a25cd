//! The API's front door: what it is (`GET /`) and its description (`GET /openapi.json`).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use dayfinder::oruk::{map, objects::ApiDetails};
use serde_json::Value;

use super::error::{ApiError, blocking};
use super::{PREFIX, openapi};
use crate::startup::AppState;

/// Handles `GET /api/v3/`.
#[tracing::instrument(skip_all)]
pub async fn api_details(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<ApiDetails>, ApiError> {
    let base = api_base(&headers);
    let engine = state.engine.clone();
    let profile = state.profile.clone();
    let source = blocking(move || Ok(profile.data_source(engine.source()?))).await?;
    Ok(Json(map::api_details(
        format!("{base}/openapi.json"),
        source,
        &state.profile,
    )))
}

/// Handles `GET /api/v3/openapi.json`.
pub async fn openapi(headers: HeaderMap) -> Json<Value> {
    Json(openapi::document(&api_base(&headers)))
}

/// The API's address as the caller reached it: `https://host/api/v3`. Behind a proxy,
/// `X-Forwarded-Proto` says whether that was https.
pub fn api_base(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
        })
        .unwrap_or("localhost");
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}{PREFIX}")
}
