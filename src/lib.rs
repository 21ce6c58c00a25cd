//! Dayfinder's directory core: the listing model, places, the store and search.
//!
//! Nothing here knows about the web. The `engine` feature (on by default) adds the parts
//! that only a server needs: the SQLite store, the tantivy index and the postcode table.
//! Without it, the crate is the model and query types the browser build shares.

pub mod easyread;
pub mod model;
pub mod quality;
pub mod query;
pub mod retention;

#[cfg(feature = "engine")]
pub mod accounts;
#[cfg(feature = "engine")]
pub mod engine;
#[cfg(feature = "engine")]
pub mod enquiries;
#[cfg(feature = "engine")]
pub mod error;
#[cfg(feature = "engine")]
pub mod feeds;
#[cfg(feature = "engine")]
pub mod insight;
#[cfg(feature = "engine")]
pub mod moderation;
#[cfg(feature = "engine")]
pub mod oruk;
#[cfg(feature = "engine")]
pub mod outbox;
#[cfg(feature = "engine")]
pub mod places;
#[cfg(feature = "engine")]
pub mod profile;
#[cfg(feature = "engine")]
pub mod reviews;
#[cfg(feature = "engine")]
pub mod sample;
#[cfg(feature = "engine")]
pub mod search;
#[cfg(feature = "engine")]
pub mod store;

#[cfg(feature = "engine")]
pub use engine::{Engine, Stats};
#[cfg(feature = "engine")]
pub use error::{Error, Result};
