//! The store: the directory's source of truth. The search index is derived from it and
//! can always be rebuilt from it.
//!
//! [`Store`] is the one seam between the core and a database. The embedded SQLite store
//! is the default; a shared PostgreSQL store for many site nodes plugs in behind the same
//! trait. Every write is one transaction and appends to an ordered change log, which is
//! how an index (or another node's index) learns what to update.

mod accounts;
mod backup;
pub mod claims;
pub mod enquiries;
pub mod followed_feeds;
pub mod insight;
mod migrations;
mod moderation;
pub mod outbox;
pub mod password_links;
pub mod places;
#[cfg(feature = "postgres")]
pub mod postgres;
pub mod reviews;
mod sqlite;
mod sqlite_insight;

pub use backup::{BackupSummary, STORE_FILE, read_backup};
pub use claims::ClaimStore;
pub use enquiries::EnquiryStore;
pub use followed_feeds::FeedsStore;
pub use outbox::OutboxStore;
pub use password_links::PasswordLinkStore;
pub use places::{PlacesReplacement, PlacesStore};
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
pub use reviews::ReviewStore;
pub use sqlite::SqliteStore;

use crate::model::{Directory, Listing, Organisation, Service};

/// A failure of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("SQLite failed")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the store's schema could not be brought up to date")]
    Migration(#[from] rusqlite_migration::Error),
    #[cfg(feature = "postgres")]
    #[error("PostgreSQL failed")]
    Postgres(#[from] ::postgres::Error),
    #[cfg(feature = "postgres")]
    #[error("could not connect to PostgreSQL")]
    Connect(#[from] r2d2::Error),
    #[cfg(feature = "postgres")]
    #[error("TLS to PostgreSQL could not be set up")]
    Tls(#[from] native_tls::Error),
    #[error("a stored record could not be read")]
    Corrupt(#[from] serde_json::Error),
    #[error("{0}")]
    Invalid(String),
    #[error("no {0} with that id")]
    NotFound(&'static str),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// What a merge did, counted in services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeCounts {
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

/// What happened to the directory, in order. `seq` only ever grows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: u64,
    pub kind: ChangeKind,
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// A service was added or changed (or its organisation or location was).
    Upserted(String),
    /// A service was removed.
    Deleted(String),
    /// The whole directory was replaced: rebuild everything.
    Replaced,
}

/// The directory's storage. Implementations must make every write one transaction.
pub trait Store: Send + Sync {
    /// The whole directory (for rebuilding the index and for export).
    fn directory(&self) -> StoreResult<Directory>;
    /// One service with its organisation and location.
    fn listing(&self, service_id: &str) -> StoreResult<Option<Listing>>;
    /// Listings for these services (missing ids are skipped).
    fn listings(&self, service_ids: &[String]) -> StoreResult<Vec<Listing>>;
    /// One organisation and its services (by id), without reading the rest of the
    /// directory: a provider's own pages at national scale. `None`: no such organisation.
    fn organisation_services(
        &self,
        organisation_id: &str,
    ) -> StoreResult<Option<(Organisation, Vec<Service>)>>;
    /// How many services are stored.
    fn service_count(&self) -> StoreResult<usize>;
    /// How many providers have at least one service.
    fn provider_count(&self) -> StoreResult<usize>;
    /// Replaces everything with this directory; returns the new head of the change log.
    fn replace_all(&self, directory: &Directory) -> StoreResult<u64>;
    /// Adds or updates everything in `directory` by id, in one transaction, keeping what
    /// it does not mention. Records identical to the stored ones are left alone, so
    /// importing the same data twice changes nothing.
    fn merge(&self, directory: &Directory) -> StoreResult<MergeCounts>;
    /// Adds or changes one service; its organisation and location must exist.
    fn save_service(&self, service: &Service) -> StoreResult<u64>;
    /// Removes one service.
    fn delete_service(&self, service_id: &str) -> StoreResult<u64>;
    /// The latest change's `seq` (0 for a new store).
    fn head(&self) -> StoreResult<u64>;
    /// Changes after `seq`, oldest first.
    fn changes_since(&self, seq: u64) -> StoreResult<Vec<Change>>;
    /// The directory's source line ("Sample data: ...").
    fn source(&self) -> StoreResult<String>;
    /// A feed that wakes its holder when any process appends to the change log, where the
    /// database can announce writes (PostgreSQL's `LISTEN/NOTIFY`). `None` (the embedded
    /// store): followers find changes by polling `head` alone.
    fn change_feed(&self) -> StoreResult<Option<Box<dyn ChangeFeed>>> {
        Ok(None)
    }
    /// How the store's pool of database connections is used, where it has one
    /// (PostgreSQL); `None` for the embedded store.
    fn pool_use(&self) -> Option<PoolUse> {
        None
    }
}

/// A connection pool's use, at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUse {
    /// Connections open, in use or idle.
    pub connections: u32,
    pub idle: u32,
    /// The most it opens.
    pub max: u32,
}

/// News that the change log may have moved, from a connection of its own. It says only
/// "look again", never what changed: the log itself stays the one account of that, so a
/// missed or merged notice costs a little delay (polling catches it), never a change.
pub trait ChangeFeed: Send {
    /// Waits up to `timeout` for news of a change; `Ok(true)` when some came (several
    /// notices come as one). An error means the feed is broken: open another.
    fn wait(&mut self, timeout: std::time::Duration) -> StoreResult<bool>;
}
