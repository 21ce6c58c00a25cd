//! The shared store: PostgreSQL, for many site nodes on one database (docs/scaling.md).
//!
//! It keeps exactly what the embedded store keeps, the same way: JSON bodies as the truth
//! with the columns queries need beside them, one transaction per write, and the ordered
//! `changes` log that each node's search index follows. Writers take one advisory lock
//! per transaction, as SQLite's single writer does, so the log's `seq` order is also the
//! order in which changes became visible: a node reading `changes_since(n)` never misses
//! a change that commits later with a smaller `seq`.
//!
//! The client is the synchronous `postgres` crate behind an r2d2 pool, which fits the
//! store's blocking traits. TLS follows the URL's `sslmode` (see `tls.rs`, docs/scaling.md).

mod accounts;
mod claims;
mod directory;
mod enquiries;
mod feed;
mod followed_feeds;
mod insight;
mod migrations;
mod moderation;
mod outbox;
mod password_links;
mod places;
mod reviews;
mod tls;

pub use tls::{SslMode, TlsSettings, parse_url};

use std::time::Duration;

use postgres::{Client, IsolationLevel, Transaction};
use postgres_native_tls::MakeTlsConnector;
use r2d2_postgres::PostgresConnectionManager;

use super::StoreResult;

/// How many connections one site node keeps open at most.
const POOL_SIZE: u32 = 16;

/// The directory, accounts, moderation and search counts in a PostgreSQL database.
pub struct PostgresStore {
    pool: r2d2::Pool<PostgresConnectionManager<MakeTlsConnector>>,
    /// For the change feed's connection of its own (see `feed.rs`).
    config: postgres::Config,
    tls: MakeTlsConnector,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/dbname`, or
    /// a `key=value` connection string, with `sslmode` and `sslrootcert` as libpq reads
    /// them) and brings its schema up to date.
    pub fn connect(url: &str) -> StoreResult<Self> {
        let (config, tls) = parse_url(url)?;
        Self::connect_with_tls(config, &tls)
    }

    /// Connects with a ready-made configuration (tests set a schema per test with
    /// `options("-c search_path=...")`), TLS when the server offers it.
    pub fn connect_with(config: postgres::Config) -> StoreResult<Self> {
        Self::connect_with_tls(config, &TlsSettings::default())
    }

    /// As `connect_with`, with TLS as `tls` says.
    pub fn connect_with_tls(mut config: postgres::Config, tls: &TlsSettings) -> StoreResult<Self> {
        let tls = tls.connector()?;
        if config.get_connect_timeout().is_none() {
            // A node that cannot reach its database should say so soon, not hang.
            config.connect_timeout(Duration::from_secs(5));
        }
        // One plain connection first: an unreachable database fails at once with the
        // reason ("connection refused", "password authentication failed"), where the
        // pool would retry for its whole timeout; and the schema is ready before the
        // pool hands out connections.
        off_async(|| -> StoreResult<()> {
            let mut first = config.connect(tls.clone())?;
            migrations::to_latest(&mut first)?;
            Ok(())
        })?;
        let manager = PostgresConnectionManager::new(config.clone(), tls.clone());
        let pool = off_async(|| {
            r2d2::Pool::builder()
                .max_size(POOL_SIZE)
                .min_idle(Some(1))
                .connection_timeout(Duration::from_secs(10))
                .build(manager)
        })?;
        Ok(PostgresStore { pool, config, tls })
    }

    /// Runs `f` with a connection from the pool.
    pub(super) fn with<T>(&self, f: impl FnOnce(&mut Client) -> StoreResult<T>) -> StoreResult<T> {
        off_async(|| {
            let mut conn = self.pool.get()?;
            f(&mut conn)
        })
    }

    /// Reads that must see one moment of the database (a listing and its organisation,
    /// the whole directory): one read-only, repeatable-read transaction.
    pub(super) fn read<T>(
        &self,
        f: impl FnOnce(&mut Transaction) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.with(|conn| {
            let mut tx = conn
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let out = f(&mut tx)?;
            tx.commit()?;
            Ok(out)
        })
    }

    /// One write transaction. Writers queue on one advisory lock per schema, as SQLite's
    /// `BEGIN IMMEDIATE` makes them queue: read-then-write steps (merge, supersede, rate
    /// limits) stay correct across nodes, and `changes.seq` commits in order.
    pub(super) fn write<T>(
        &self,
        f: impl FnOnce(&mut Transaction) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.with(|conn| {
            let mut tx = conn.transaction()?;
            tx.execute(WRITE_LOCK, &[])?;
            let out = f(&mut tx)?;
            tx.commit()?;
            Ok(out)
        })
    }
}

/// Taken by every write transaction and by migrations; released at commit or rollback.
const WRITE_LOCK: &str =
    "SELECT pg_advisory_xact_lock(hashtext('dayfinder writes ' || current_schema()))";

/// The `postgres` client blocks on a runtime of its own, which tokio forbids on an async
/// worker thread; step off it first. (Everywhere else, e.g. in `spawn_blocking`, this
/// just runs `f`.)
fn off_async<T>(f: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) if handle.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}

/// Seconds since the Unix epoch back to a time (as the embedded store keeps times).
fn from_seconds(s: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(s).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}
