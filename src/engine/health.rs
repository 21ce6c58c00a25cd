//! How the search index stands against the store, for the server's readiness check and
//! its metrics: read without waiting for a catch-up in progress.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::Engine;
use crate::error::Result;

/// The index's place in the store's change log, mirrored out of the catch-up lock.
#[derive(Debug)]
pub(super) struct IndexProgress {
    /// The change the index holds up to; `NONE` before its first catch-up.
    indexed: AtomicU64,
    /// Whether the index is being built again from the whole directory.
    rebuilding: AtomicBool,
}

const NONE: u64 = u64::MAX;

impl IndexProgress {
    pub(super) fn new(indexed: Option<u64>) -> IndexProgress {
        IndexProgress {
            indexed: AtomicU64::new(indexed.unwrap_or(NONE)),
            rebuilding: AtomicBool::new(false),
        }
    }

    pub(super) fn set_indexed(&self, indexed: Option<u64>) {
        self.indexed
            .store(indexed.unwrap_or(NONE), Ordering::Release);
    }

    /// Marks a rebuild until the guard is dropped (also when it fails).
    pub(super) fn rebuilding(&self) -> Rebuilding<'_> {
        self.rebuilding.store(true, Ordering::Release);
        Rebuilding(self)
    }
}

pub(super) struct Rebuilding<'a>(&'a IndexProgress);

impl Drop for Rebuilding<'_> {
    fn drop(&mut self) {
        self.0.rebuilding.store(false, Ordering::Release);
    }
}

/// The index against the store, at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexHealth {
    /// The store's latest change.
    pub head: u64,
    /// The change the index holds up to, if it was ever built.
    pub indexed: Option<u64>,
    /// Whether the index is being built again from the whole directory.
    pub rebuilding: bool,
}

impl IndexHealth {
    /// Changes in the store the index does not hold yet (a node follows them within a
    /// second or so).
    pub fn changes_behind(&self) -> u64 {
        match self.indexed {
            Some(indexed) => self.head.saturating_sub(indexed),
            None => self.head,
        }
    }

    /// Whether searches see the directory: the index was built and is not being rebuilt.
    pub fn is_ready(&self) -> bool {
        self.indexed.is_some() && !self.rebuilding
    }
}

impl Engine {
    /// How the store's database connections are used (PostgreSQL); `None` embedded.
    pub fn pool_use(&self) -> Option<crate::store::PoolUse> {
        self.store.pool_use()
    }

    /// How the index stands against the store; an error when the store cannot be read
    /// (the database is unreachable).
    pub fn index_health(&self) -> Result<IndexHealth> {
        let head = self.store.head()?;
        let indexed = self.progress.indexed.load(Ordering::Acquire);
        Ok(IndexHealth {
            head,
            indexed: (indexed != NONE).then_some(indexed),
            rebuilding: self.progress.rebuilding.load(Ordering::Acquire),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_never_built_or_being_rebuilt_is_not_ready() {
        let never = IndexHealth {
            head: 4,
            indexed: None,
            rebuilding: false,
        };
        assert!(!never.is_ready());
        assert_eq!(never.changes_behind(), 4);
        let behind = IndexHealth {
            head: 9,
            indexed: Some(7),
            rebuilding: false,
        };
        assert!(behind.is_ready());
        assert_eq!(behind.changes_behind(), 2);
        let rebuilding = IndexHealth {
            rebuilding: true,
            ..behind
        };
        assert!(!rebuilding.is_ready());
    }

    #[test]
    fn a_rebuild_is_marked_until_it_ends_even_when_it_fails() {
        let progress = IndexProgress::new(Some(3));
        {
            let _guard = progress.rebuilding();
            assert!(progress.rebuilding.load(Ordering::Acquire));
        }
        assert!(!progress.rebuilding.load(Ordering::Acquire));
    }
}
