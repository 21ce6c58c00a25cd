//! The one error type of the site's boundary. Server functions return it; pages turn it
//! into words for people and a real HTTP status. Causes are logged on the server, never
//! shown (see `ssr::blocking`).

use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What can go wrong when a page asks the server for something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// There is nothing at this address (an unknown listing).
    #[error("Page not found")]
    NotFound,
    /// A listing its feed stopped listing: kept aside, not shown (HTTP 410).
    #[error("This listing has been withdrawn")]
    Withdrawn(WithdrawnListing),
    /// The server failed; the cause is in its log.
    #[error("Sorry, there is a problem with the service")]
    Internal,
    /// The request could not reach the server or its answer could not be read.
    #[error("The page could not be loaded")]
    Transport(String),
}

/// What the page of a withdrawn listing says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawnListing {
    pub name: String,
    /// "7 December 2026".
    pub on: String,
    /// The host of the directory it came from ("directory.example.gov.uk").
    pub from: String,
}

impl AppError {
    /// The HTTP status a page showing this error should have.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Withdrawn(_) => 410,
            AppError::Internal => 500,
            AppError::Transport(_) => 503,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = crate::codec::PostcardEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}
