//! Counting searches on the hot path: a search adds one to a count in memory (one short
//! lock, no I/O); the counts go to the store every few seconds, all in one transaction,
//! and when the engine is dropped.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use jiff::civil::Date;

use super::tally::{Outcome, TallyKey};
use crate::store::StoreResult;
use crate::store::insight::{InsightStore, SearchCount};

/// Counts waiting to be written, and where they go.
pub struct Recorder {
    store: Arc<dyn InsightStore>,
    pending: Mutex<HashMap<(Date, TallyKey, Outcome), u64>>,
}

impl Recorder {
    pub fn new(store: Arc<dyn InsightStore>) -> Recorder {
        Recorder {
            store,
            pending: Mutex::new(HashMap::new()),
        }
    }

    /// The store the counts are written to (reports read them from it).
    pub fn store(&self) -> &dyn InsightStore {
        self.store.as_ref()
    }

    /// Counts one search.
    pub fn record(&self, day: Date, key: TallyKey, outcome: Outcome) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        *pending.entry((day, key, outcome)).or_insert(0) += 1;
    }

    /// How many searches are counted but not yet written.
    pub fn pending(&self) -> u64 {
        self.pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .sum()
    }

    /// Writes the counts so far to the store in one transaction; returns how many
    /// searches they counted. If the store fails, the counts are kept for the next try.
    pub fn flush(&self) -> StoreResult<u64> {
        // Taken out under the lock, written without it, so searches never wait on the disk.
        let taken = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|e| e.into_inner()));
        if taken.is_empty() {
            return Ok(0);
        }
        let counts: Vec<SearchCount> = taken
            .iter()
            .map(|((day, key, outcome), count)| SearchCount {
                day: *day,
                key: key.clone(),
                outcome: *outcome,
                count: *count,
            })
            .collect();
        match self.store.add_search_counts(&counts) {
            Ok(()) => Ok(counts.iter().map(|c| c.count).sum()),
            Err(error) => {
                let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
                for (entry, count) in taken {
                    *pending.entry(entry).or_insert(0) += count;
                }
                Err(error)
            }
        }
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        if let Err(error) = self.flush() {
            tracing::warn!(?error, "the last counts of searches could not be saved");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Need;
    use crate::store::SqliteStore;

    #[test]
    fn searches_counted_from_many_threads_at_once_are_all_stored() {
        let store = Arc::new(SqliteStore::in_memory().unwrap());
        let recorder = Arc::new(Recorder::new(store.clone()));
        let day: Date = "2025-06-02".parse().unwrap();
        let keys: Vec<TallyKey> = [Need::Dementia, Need::Autism, Need::MentalHealth]
            .into_iter()
            .map(|need| TallyKey {
                needs: vec![need],
                ..TallyKey::default()
            })
            .collect();
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let recorder = recorder.clone();
                let keys = keys.clone();
                std::thread::spawn(move || {
                    for i in 0..1_000 {
                        let outcome = if i % 2 == 0 {
                            Outcome::Nothing
                        } else {
                            Outcome::Some
                        };
                        recorder.record(day, keys[(t + i) % keys.len()].clone(), outcome);
                        // Flushing while others count must lose nothing and count nothing twice.
                        if i % 250 == 0 {
                            recorder.flush().unwrap();
                        }
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        recorder.flush().unwrap();
        assert_eq!(recorder.pending(), 0);
        let stored = store.search_counts(day, day).unwrap();
        let total: u64 = stored.iter().map(|c| c.count).sum();
        assert_eq!(total, 8_000);
        let nothing: u64 = stored
            .iter()
            .filter(|c| c.outcome == Outcome::Nothing)
            .map(|c| c.count)
            .sum();
        assert_eq!(nothing, 4_000);
        assert_eq!(stored.len(), 6, "three needs, two outcomes");
    }
}
