//! Followed feeds in PostgreSQL: the same table and steps as `src/store/followed_feeds.rs`.
//! Claiming a due feed skips rows another node holds (`FOR UPDATE SKIP LOCKED`), so of
//! several nodes only one pulls each feed each time.

use jiff::Timestamp;
use postgres::Row;

use super::PostgresStore;
use crate::feeds::{Every, Feed, FeedId, FeedRun};
use crate::store::StoreResult;
use crate::store::followed_feeds::{FEED_COLUMNS, FeedsStore, already_followed, feed_from};

fn feed_of(row: &Row) -> StoreResult<Feed> {
    feed_from(
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
        row.try_get(5)?,
        row.try_get(6)?,
        row.try_get(7)?,
    )
}

impl FeedsStore for PostgresStore {
    fn add_feed(&self, url: &str, every: Every, at: Timestamp) -> StoreResult<Feed> {
        self.write(|tx| {
            let row = tx.query_opt(
                &format!(
                    "INSERT INTO feeds (url, every_seconds, added_at) VALUES ($1, $2, $3)
                     ON CONFLICT (url) DO NOTHING RETURNING {FEED_COLUMNS}"
                ),
                &[&url, &(every.seconds() as i64), &at.as_second()],
            )?;
            match row {
                Some(row) => feed_of(&row),
                None => Err(already_followed(url)),
            }
        })
    }

    fn feeds(&self) -> StoreResult<Vec<Feed>> {
        self.read(|tx| {
            tx.query(
                &format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY id"),
                &[],
            )?
            .iter()
            .map(feed_of)
            .collect()
        })
    }

    fn remove_feed(&self, id: FeedId) -> StoreResult<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM feeds WHERE id = $1", &[&id.0])? > 0))
    }

    fn claim_due_feed(&self, now: Timestamp) -> StoreResult<Option<Feed>> {
        let now = now.as_second();
        self.write(|tx| {
            let row = tx.query_opt(
                &format!(
                    "UPDATE feeds SET started_at = $1 WHERE id = (
                         SELECT id FROM feeds
                         WHERE started_at IS NULL OR started_at + every_seconds <= $1
                         ORDER BY coalesce(started_at, 0), id LIMIT 1
                         FOR UPDATE SKIP LOCKED)
                     RETURNING {FEED_COLUMNS}"
                ),
                &[&now],
            )?;
            row.as_ref().map(feed_of).transpose()
        })
    }

    fn make_feed_due(&self, id: FeedId) -> StoreResult<bool> {
        self.write(|tx| {
            Ok(tx.execute("UPDATE feeds SET started_at = NULL WHERE id = $1", &[&id.0])? > 0)
        })
    }

    fn record_feed_run(&self, id: FeedId, run: &FeedRun) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE feeds SET run_at = $1, run_ok = $2, run_message = $3 WHERE id = $4",
                &[&run.at.as_second(), &run.ok, &run.message, &id.0],
            )?;
            Ok(())
        })
    }
}
