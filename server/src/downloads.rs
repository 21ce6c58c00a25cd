//! The whole directory as a download, for anyone to reuse: Open Referral UK 3.0 JSON and
//! our CSV (the same files as `dayfinder export`; see `docs/import-export.md`).

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dayfinder::oruk::export::{self, Format};

use crate::startup::AppState;

/// The download routes, full paths included, to merge into the app's router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/download/directory.json", get(json))
        .route("/download/directory.csv", get(csv))
}

/// Handles `GET /download/directory.json`.
#[tracing::instrument(skip_all)]
async fn json(State(state): State<AppState>) -> Response {
    download(state, Format::Json).await
}

/// Handles `GET /download/directory.csv`.
#[tracing::instrument(skip_all)]
async fn csv(State(state): State<AppState>) -> Response {
    download(state, Format::Csv).await
}

/// The export as an attachment named `dayfinder-directory.json` (or `.csv`).
async fn download(state: AppState, format: Format) -> Response {
    let engine = state.engine.clone();
    let made = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<u8>> {
        let directory = engine.directory()?;
        Ok(export::export(&directory, format)?)
    })
    .await;
    let bytes = match made {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(e)) => return failed(e),
        Err(e) => return failed(e.into()),
    };
    let disposition = format!(
        "attachment; filename=\"dayfinder-directory.{}\"",
        format.extension()
    );
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.media_type()),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    // Open data: other sites may fetch it too.
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

fn failed(e: anyhow::Error) -> Response {
    tracing::error!(error = ?e, "Failed to export the directory for download");
    (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong").into_response()
}
