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

/// A download's name, after the area it covers: "North Shire" gives
/// "north-shire-day-opportunities.csv".
/// Letters and digits only, so the header needs no quoting rules.
fn file_name(area: &str, extension: &str) -> String {
    let words: Vec<String> = area
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    match words.is_empty() {
        true => format!("day-opportunities.{extension}"),
        false => format!("{}-day-opportunities.{extension}", words.join("-")),
    }
}

/// The export as an attachment named after the area (see `file_name`).
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
        "attachment; filename=\"{}\"",
        file_name(&state.profile.area.name.to_string(), format.extension())
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

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn a_download_is_named_after_the_area_in_plain_letters() {
        assert_eq!(
            file_name("St Helens & Knowsley", "csv"),
            "st-helens-knowsley-day-opportunities.csv"
        );
        assert_eq!(
            file_name("Ynys Môn", "json"),
            "ynys-m-n-day-opportunities.json"
        );
        assert_eq!(file_name("“”", "csv"), "day-opportunities.csv");
    }
}
