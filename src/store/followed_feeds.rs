//! The feeds the directory follows (`dayfinder feeds add`, docs/feeds.md): one table, with
//! when each was last claimed by a node and how its last pull went.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Row, params};

use serde::{Deserialize, Serialize};

use super::{MergeCounts, SqliteStore, StoreError, StoreResult};
use crate::feeds::{
    Every, Feed, FeedApplied, FeedId, FeedRead, FeedRun, ListingSource, Withdrawal,
};
use crate::model::{Directory, Event, Service};

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
    /// Applies a good read of a feed in one transaction: merges `delta` (the records that
    /// differ from the store), withdraws the listings this feed brought that it no longer
    /// has (kept aside with their open days), restores withdrawn ones it has again, and
    /// records each present listing's source and read time.
    fn apply_feed_read(
        &self,
        delta: &Directory,
        read: &FeedRead,
    ) -> StoreResult<(MergeCounts, FeedApplied)>;
    /// Where a listing (on the site or withdrawn) came from, if it came from a feed.
    fn listing_source(&self, service_id: &str) -> StoreResult<Option<ListingSource>>;
    /// The listings a feed brought, withdrawn ones too, by id.
    fn feed_listings(&self, url: &str) -> StoreResult<Vec<ListingSource>>;
}

/// A withdrawn listing as it is kept aside: its service and its open days.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Withdrawn {
    pub service: Service,
    pub events: Vec<Event>,
}

/// The columns a listing's source is read from, in [`source_from`]'s order.
pub(super) const SOURCE_COLUMNS: &str =
    "service_id, feed_url, read_at, withdrawn_at, withdrawn_name";

pub(super) fn source_from(
    service_id: String,
    feed_url: String,
    read_at: i64,
    withdrawn_at: Option<i64>,
    withdrawn_name: Option<String>,
) -> ListingSource {
    ListingSource {
        service_id,
        feed_url,
        read_at: from_seconds(read_at),
        withdrawn: withdrawn_at.map(|at| Withdrawal {
            at: from_seconds(at),
            name: withdrawn_name.unwrap_or_default(),
        }),
    }
}

fn source_of(row: &Row) -> rusqlite::Result<ListingSource> {
    Ok(source_from(
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
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

    fn apply_feed_read(
        &self,
        delta: &Directory,
        read: &FeedRead,
    ) -> StoreResult<(MergeCounts, FeedApplied)> {
        self.write(|tx| {
            let counts = super::sqlite::merge_in(tx, delta)?;
            let present = serde_json::to_string(&read.present)?;
            let mut applied = FeedApplied::default();
            // Withdrawn listings the feed has again (whichever feed they left): their
            // service came back in `delta`; their open days come back from the side.
            let back: Vec<(String, String)> = tx
                .prepare(
                    "SELECT service_id, withdrawn_body FROM listing_sources
                     WHERE withdrawn_body IS NOT NULL
                     AND service_id IN (SELECT value FROM json_each(?1))",
                )?
                .query_map([&present], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (_, body) in &back {
                let kept: Withdrawn = serde_json::from_str(body)?;
                for e in &kept.events {
                    super::sqlite::put_event(tx, e)?;
                }
                applied.restored += 1;
            }
            // This feed's listings that it no longer has.
            let gone: Vec<String> = tx
                .prepare(
                    "SELECT service_id FROM listing_sources
                     WHERE feed_url = ?1 AND withdrawn_at IS NULL
                     AND service_id NOT IN (SELECT value FROM json_each(?2))",
                )?
                .query_map(params![read.url, present], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for id in &gone {
                let body: Option<String> = tx
                    .query_row("SELECT body FROM services WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .optional()?;
                let Some(body) = body else {
                    // Deleted by hand since: nothing to keep aside.
                    tx.execute("DELETE FROM listing_sources WHERE service_id = ?1", [id])?;
                    continue;
                };
                let service: Service = serde_json::from_str(&body)?;
                let events: Vec<Event> = tx
                    .prepare("SELECT body FROM events WHERE service_id = ?1 ORDER BY id")?
                    .query_map([id], |r| r.get::<_, String>(0))?
                    .map(|b| Ok(serde_json::from_str(&b?)?))
                    .collect::<StoreResult<_>>()?;
                let name = service.name.clone();
                let kept = serde_json::to_string(&Withdrawn { service, events })?;
                tx.execute(
                    "UPDATE listing_sources SET withdrawn_at = ?1, withdrawn_name = ?2,
                     withdrawn_body = ?3 WHERE service_id = ?4",
                    params![read.at.as_second(), name, kept, id],
                )?;
                tx.execute("DELETE FROM events WHERE service_id = ?1", [id])?;
                tx.execute("DELETE FROM services WHERE id = ?1", [id])?;
                super::sqlite::log(tx, Some(id), "delete")?;
                applied.withdrawn += 1;
            }
            tx.execute(
                "INSERT INTO listing_sources (service_id, feed_url, read_at)
                 SELECT value, ?1, ?2 FROM json_each(?3) WHERE true
                 ON CONFLICT(service_id) DO UPDATE SET feed_url = excluded.feed_url,
                   read_at = excluded.read_at, withdrawn_at = NULL, withdrawn_name = NULL,
                   withdrawn_body = NULL",
                params![read.url, read.at.as_second(), present],
            )?;
            Ok((counts, applied))
        })
    }

    fn listing_source(&self, service_id: &str) -> StoreResult<Option<ListingSource>> {
        self.with(|conn| {
            Ok(conn
                .query_row(
                    &format!("SELECT {SOURCE_COLUMNS} FROM listing_sources WHERE service_id = ?1"),
                    [service_id],
                    source_of,
                )
                .optional()?)
        })
    }

    fn feed_listings(&self, url: &str) -> StoreResult<Vec<ListingSource>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {SOURCE_COLUMNS} FROM listing_sources WHERE feed_url = ?1 ORDER BY service_id"
            ))?;
            Ok(stmt.query_map([url], source_of)?.collect::<Result<_, _>>()?)
        })
    }
}
