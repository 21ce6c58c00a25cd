//! Followed feeds in PostgreSQL: the same table and steps as `src/store/followed_feeds.rs`.
//! Claiming a due feed skips rows another node holds (`FOR UPDATE SKIP LOCKED`), so of
//! several nodes only one pulls each feed each time.

use jiff::Timestamp;
use postgres::Row;

use super::PostgresStore;
use crate::feeds::{Every, Feed, FeedApplied, FeedId, FeedRead, FeedRun, ListingSource};
use crate::model::{Directory, Event, Service};
use crate::store::followed_feeds::{
    FEED_COLUMNS, FeedsStore, SOURCE_COLUMNS, Withdrawn, already_followed, feed_from, source_from,
};
use crate::store::{MergeCounts, StoreResult};

fn source_of(row: &Row) -> StoreResult<ListingSource> {
    Ok(source_from(
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
    ))
}

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

    fn apply_feed_read(
        &self,
        delta: &Directory,
        read: &FeedRead,
    ) -> StoreResult<(MergeCounts, FeedApplied)> {
        self.write(|tx| {
            let counts = super::directory::merge_in(tx, delta)?;
            let present: Vec<&str> = read.present.iter().map(String::as_str).collect();
            let mut applied = FeedApplied::default();
            // Withdrawn listings the feed has again (see the SQLite store).
            for row in tx.query(
                "SELECT withdrawn_body FROM listing_sources
                 WHERE withdrawn_body IS NOT NULL AND service_id = ANY($1)",
                &[&present],
            )? {
                let kept: Withdrawn = serde_json::from_str(row.try_get::<_, &str>(0)?)?;
                for e in &kept.events {
                    super::directory::put_event(tx, e)?;
                }
                applied.restored += 1;
            }
            let gone: Vec<String> = tx
                .query(
                    "SELECT service_id FROM listing_sources
                     WHERE feed_url = $1 AND withdrawn_at IS NULL
                     AND NOT (service_id = ANY($2)) ORDER BY service_id",
                    &[&read.url, &present],
                )?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
            for id in &gone {
                let Some(row) = tx.query_opt("SELECT body FROM services WHERE id = $1", &[id])?
                else {
                    tx.execute("DELETE FROM listing_sources WHERE service_id = $1", &[id])?;
                    continue;
                };
                let service: Service = serde_json::from_str(row.try_get::<_, &str>(0)?)?;
                let events: Vec<Event> = tx
                    .query(
                        "SELECT body FROM events WHERE service_id = $1 ORDER BY id",
                        &[id],
                    )?
                    .iter()
                    .map(|r| Ok(serde_json::from_str(r.try_get::<_, &str>(0)?)?))
                    .collect::<StoreResult<_>>()?;
                let name = service.name.clone();
                let kept = serde_json::to_string(&Withdrawn { service, events })?;
                tx.execute(
                    "UPDATE listing_sources SET withdrawn_at = $1, withdrawn_name = $2,
                     withdrawn_body = $3 WHERE service_id = $4",
                    &[&read.at.as_second(), &name, &kept, id],
                )?;
                tx.execute("DELETE FROM events WHERE service_id = $1", &[id])?;
                tx.execute("DELETE FROM services WHERE id = $1", &[id])?;
                super::directory::log(tx, Some(id), "delete")?;
                applied.withdrawn += 1;
            }
            tx.execute(
                "INSERT INTO listing_sources (service_id, feed_url, read_at)
                 SELECT id, $1, $2 FROM unnest($3::text[]) AS id
                 ON CONFLICT (service_id) DO UPDATE SET feed_url = excluded.feed_url,
                   read_at = excluded.read_at, withdrawn_at = NULL, withdrawn_name = NULL,
                   withdrawn_body = NULL",
                &[&read.url, &read.at.as_second(), &present],
            )?;
            Ok((counts, applied))
        })
    }

    fn listing_source(&self, service_id: &str) -> StoreResult<Option<ListingSource>> {
        self.read(|tx| {
            tx.query_opt(
                &format!("SELECT {SOURCE_COLUMNS} FROM listing_sources WHERE service_id = $1"),
                &[&service_id],
            )?
            .as_ref()
            .map(source_of)
            .transpose()
        })
    }

    fn feed_listings(&self, url: &str) -> StoreResult<Vec<ListingSource>> {
        self.read(|tx| {
            tx.query(
                &format!(
                    "SELECT {SOURCE_COLUMNS} FROM listing_sources WHERE feed_url = $1 ORDER BY service_id"
                ),
                &[&url],
            )?
            .iter()
            .map(source_of)
            .collect()
        })
    }
}
