//! The API's one error type: every failure is JSON `{ "message": ..., "code": ... }` with
//! the real status. Bad input is a 400 that says what to change; an unknown id is a 404;
//! anything else is logged with its cause chain and shown as "Something went wrong".

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// What went wrong, by who can fix it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter the caller can correct.
    #[error("{message}")]
    BadParameter { message: String },
    /// No such thing (an unknown id or path).
    #[error("{0}")]
    NotFound(String),
    /// Our failure, not the caller's.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

/// The body of every error response.
#[derive(Serialize)]
struct ErrorBody<'a> {
    message: &'a str,
    code: &'a str,
}

impl ApiError {
    /// A 400 about one parameter: "`page` must be a whole number from 1".
    pub fn bad(param: &str, problem: impl std::fmt::Display) -> ApiError {
        ApiError::BadParameter {
            message: format!("`{param}` {problem}"),
        }
    }

    pub fn internal(e: impl Into<anyhow::Error>) -> ApiError {
        ApiError::Internal(e.into())
    }

    fn status_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::BadParameter { .. } => (StatusCode::BAD_REQUEST, "bad_parameter"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
        }
    }
}

impl From<dayfinder::Error> for ApiError {
    fn from(e: dayfinder::Error) -> Self {
        ApiError::internal(e)
    }
}

impl From<QueryRejection> for ApiError {
    fn from(e: QueryRejection) -> Self {
        ApiError::BadParameter {
            message: format!("The query string could not be read: {}", e.body_text()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_code();
        let message = match &self {
            ApiError::Internal(cause) => {
                tracing::error!(error = ?cause, "ORUK API request failed");
                "Something went wrong. Please try again later.".to_string()
            }
            other => other.to_string(),
        };
        (
            status,
            Json(ErrorBody {
                message: &message,
                code,
            }),
        )
            .into_response()
    }
}

/// Handles any other path under the API prefix.
pub async fn unknown_path(uri: Uri) -> ApiError {
    ApiError::NotFound(format!(
        "There is no {} in this API. See /api/v3/openapi.json for what there is.",
        uri.path()
    ))
}

/// Runs blocking work (the store, the index) off the async threads.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(ApiError::internal)?
}
