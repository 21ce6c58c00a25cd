//! The change feed: `LISTEN/NOTIFY` on a connection of its own, so that a node learns of
//! another node's write at once rather than at its next poll.
//!
//! Every append to the `changes` log also sends a notice on [`CHANNEL`] in the same
//! transaction (`directory::log`), with the schema's name as its payload: the channel is
//! shared by the whole database, and a node follows only its own schema's log. PostgreSQL
//! delivers notices only after their transaction commits, so a woken node always finds
//! the change it was told of.

use std::time::Duration;

use postgres::Client;
use postgres::fallible_iterator::FallibleIterator;

use super::{PostgresStore, off_async};
use crate::store::{ChangeFeed, StoreResult};

/// The channel every write announces itself on.
pub(super) const CHANNEL: &str = "dayfinder_changes";

/// A listening connection (not from the pool: it is held for the node's whole life).
pub struct NotifyFeed {
    client: Client,
    /// The schema whose log this node follows: notices from other schemas are ignored.
    schema: String,
}

impl std::fmt::Debug for NotifyFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NotifyFeed")
            .field("schema", &self.schema)
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Opens a connection that listens for changes to this store.
    pub fn listen(&self) -> StoreResult<NotifyFeed> {
        off_async(|| {
            let mut client = self.config.connect(self.tls.clone())?;
            let schema: String = client
                .query_one("SELECT coalesce(current_schema(), '')", &[])?
                .try_get(0)?;
            client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
            Ok(NotifyFeed { client, schema })
        })
    }
}

impl ChangeFeed for NotifyFeed {
    fn wait(&mut self, timeout: Duration) -> StoreResult<bool> {
        off_async(|| {
            let mut notices = self.client.notifications();
            let mut woken = false;
            // The first notice, waiting for it; then any already here, without waiting,
            // so a burst of writes makes one catch-up, not one each.
            let first = notices.timeout_iter(timeout).next()?;
            if let Some(notice) = first {
                woken |= notice.payload() == self.schema;
                let mut pending = notices.iter();
                while let Some(notice) = pending.next()? {
                    woken |= notice.payload() == self.schema;
                }
            }
            Ok(woken)
        })
    }
}
