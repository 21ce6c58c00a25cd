//! The feeds the directory follows (`dayfinder feeds add`, docs/feeds.md): one table, with
//! when each was last claimed by a node and how its last pull went.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Row, params};

use super::{SqliteStore, StoreError, StoreResult};
use crate::feeds::{Every, Feed, FeedId, FeedRun};

/// Where followed feeds are kept. Both backends implement it.
pub trait FeedsStore: Send + Sync {
    /// Follows a feed; a feed followed already (the same address) is refused.
    fn add_feed(&self, url: &str, every: Every, at: Timestamp) -> StoreResult<Feed>;
    /// Every followed feed, in the order they were added.
    fn feeds(&self) -> StoreResult<Vec<Feed>>;
    /// Stops following a feed (its listings stay); false when there was no such feed.
    fn remove_feed(&self, id: FeedId) -> StoreResult<bool>;
    /// Takes the feed most overdue at `now`, if any, and marks it started, in one
    /// transaction: of several nodes sharing a store, only one pulls each feed each time.
    fn claim_due_feed(&self, now: Timestamp) -> StoreResult<Option<Feed>>;
    /// Marks a feed to be pulled at the next check, whatever its schedule ("Run now").
    fn make_feed_due(&self, id: FeedId) -> StoreResult<bool>;
    /// How a pull went.
    fn record_feed_run(&self, id: FeedId, run: &FeedRun) -> StoreResult<()>;
}

/// The columns a feed is read from, in [`feed_of`]'s order.
pub(super) const FEED_COLUMNS: &str =
    "id, url, every_seconds, added_at, started_at, run_at, run_ok, run_message";

fn from_seconds(s: i64) -> Timestamp {
    Timestamp::from_second(s).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A feed from its stored parts (both backends read the same columns).
#[allow(clippy::too_many_arguments)]
pub(super) fn feed_from(
    id: i64,
    url: String,
    every_seconds: i64,
    added_at: i64,
    started_at: Option<i64>,
    run_at: Option<i64>,
    run_ok: Option<bool>,
    run_message: Option<String>,
) -> StoreResult<Feed> {
    let every = Every::from_seconds(every_seconds.max(0) as u64)
        .map_err(|e| StoreError::Invalid(format!("feed {id}: {e}")))?;
    Ok(Feed {
        id: FeedId(id),
        url,
        every,
        added_at: from_seconds(added_at),
        started_at: started_at.map(from_seconds),
        last_run: run_at.map(|at| FeedRun {
            at: from_seconds(at),
            ok: run_ok.unwrap_or(false),
            message: run_message.unwrap_or_default(),
        }),
    })
}

fn feed_of(row: &Row) -> rusqlite::Result<StoreResult<Feed>> {
    Ok(feed_from(
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

pub(super) fn already_followed(url: &str) -> StoreError {
    StoreError::Invalid(format!("the feed {url} is followed already"))
}

impl FeedsStore for SqliteStore {
    fn add_feed(&self, url: &str, every: Every, at: Timestamp) -> StoreResult<Feed> {
        self.write(|tx| {
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM feeds WHERE url = ?1", [url], |r| r.get(0))
                .optional()?;
            if exists.is_some() {
                return Err(already_followed(url));
            }
            tx.execute(
                "INSERT INTO feeds (url, every_seconds, added_at) VALUES (?1, ?2, ?3)",
                params![url, every.seconds() as i64, at.as_second()],
            )?;
            let id = tx.last_insert_rowid();
            tx.query_row(
                &format!("SELECT {FEED_COLUMNS} FROM feeds WHERE id = ?1"),
                [id],
                feed_of,
            )?
        })
    }

    fn feeds(&self) -> StoreResult<Vec<Feed>> {
        self.with(|conn| {
            let mut stmt =
                conn.prepare(&format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY id"))?;
            let rows = stmt.query_map([], feed_of)?;
            let mut out = Vec::new();
            for row in rows {
                out.push(row??);
            }
            Ok(out)
        })
    }

    fn remove_feed(&self, id: FeedId) -> StoreResult<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM feeds WHERE id = ?1", [id.0])? > 0))
    }

    fn claim_due_feed(&self, now: Timestamp) -> StoreResult<Option<Feed>> {
        let now = now.as_second();
        self.write(|tx| {
            let due: Option<i64> = tx
                .query_row(
                    "SELECT id FROM feeds
                     WHERE started_at IS NULL OR started_at + every_seconds <= ?1
                     ORDER BY coalesce(started_at, 0), id LIMIT 1",
                    [now],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(id) = due else {
                return Ok(None);
            };
            tx.execute("UPDATE feeds SET started_at = ?1 WHERE id = ?2", [now, id])?;
            tx.query_row(
                &format!("SELECT {FEED_COLUMNS} FROM feeds WHERE id = ?1"),
                [id],
                feed_of,
            )?
            .map(Some)
        })
    }

    fn make_feed_due(&self, id: FeedId) -> StoreResult<bool> {
        self.write(|tx| {
            Ok(tx.execute("UPDATE feeds SET started_at = NULL WHERE id = ?1", [id.0])? > 0)
        })
    }

    fn record_feed_run(&self, id: FeedId, run: &FeedRun) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE feeds SET run_at = ?1, run_ok = ?2, run_message = ?3 WHERE id = ?4",
                params![run.at.as_second(), run.ok, run.message, id.0],
            )?;
            Ok(())
        })
    }
}
