//! Counts of searches in the embedded store: one row per day, search key and outcome,
//! added to with an upsert (`count = count + excluded.count`), which PostgreSQL reads the
//! same way.

use jiff::civil::Date;
use rusqlite::params;

use super::insight::{InsightStore, SearchCount};
use super::{SqliteStore, StoreError, StoreResult};
use crate::insight::{Outcome, TallyKey};

impl InsightStore for SqliteStore {
    fn add_search_counts(&self, counts: &[SearchCount]) -> StoreResult<()> {
        if counts.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            let mut upsert = tx.prepare_cached(
                "INSERT INTO search_counts
                     (day, needs, kinds, places, days, times, costs, easy_read, words, outcome, count)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (day, needs, kinds, places, days, times, costs, easy_read, words, outcome)
                 DO UPDATE SET count = count + excluded.count",
            )?;
            for c in counts {
                let k = c.key.columns();
                upsert.execute(params![
                    c.day.to_string(),
                    k.needs,
                    k.kinds,
                    k.places,
                    k.days,
                    k.times,
                    k.costs,
                    c.key.easy_read,
                    k.words,
                    c.outcome.slug(),
                    i64::try_from(c.count).unwrap_or(i64::MAX),
                ])?;
            }
            Ok(())
        })
    }

    fn search_counts(&self, from: Date, to: Date) -> StoreResult<Vec<SearchCount>> {
        self.with(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT day, needs, kinds, places, days, times, costs, easy_read, words, outcome, count
                 FROM search_counts WHERE day >= ?1 AND day <= ?2
                 ORDER BY day, needs, kinds, places, days, times, costs, easy_read, words, outcome",
            )?;
            let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    crate::insight::KeyColumns {
                        needs: r.get(1)?,
                        kinds: r.get(2)?,
                        places: r.get(3)?,
                        days: r.get(4)?,
                        times: r.get(5)?,
                        costs: r.get(6)?,
                        words: r.get(8)?,
                    },
                    r.get::<_, bool>(7)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, i64>(10)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (day, columns, easy_read, outcome, count) = row?;
                let day: Date = day
                    .parse()
                    .map_err(|_| StoreError::Invalid(format!("a stored day is not a date: {day}")))?;
                let outcome = Outcome::from_slug(&outcome).ok_or_else(|| {
                    StoreError::Invalid(format!("a stored outcome is unknown: {outcome}"))
                })?;
                out.push(SearchCount {
                    day,
                    key: TallyKey::from_columns(&columns, easy_read),
                    outcome,
                    count: u64::try_from(count).unwrap_or(0),
                });
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Need, Weekday};

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn counts_for_the_same_day_and_key_add_up() {
        let store = SqliteStore::in_memory().unwrap();
        let key = TallyKey {
            needs: vec![Need::Dementia],
            places: vec!["Crewe".into()],
            days: vec![Weekday::Saturday],
            ..TallyKey::default()
        };
        let count = |d: &str, n| SearchCount {
            day: day(d),
            key: key.clone(),
            outcome: Outcome::Nothing,
            count: n,
        };
        store
            .add_search_counts(&[count("2025-06-01", 2), count("2025-06-02", 1)])
            .unwrap();
        store.add_search_counts(&[count("2025-06-01", 3)]).unwrap();
        let stored = store
            .search_counts(day("2025-06-01"), day("2025-06-01"))
            .unwrap();
        assert_eq!(stored, [count("2025-06-01", 5)]);
        assert_eq!(
            store
                .search_counts(day("2025-05-01"), day("2025-06-30"))
                .unwrap()
                .len(),
            2
        );
    }
}
