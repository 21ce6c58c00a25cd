//! Counts of searches in PostgreSQL: the same upsert as `sqlite_insight.rs`, so every
//! node adds to one set of counts.

use jiff::civil::Date;

use super::PostgresStore;
use crate::insight::{KeyColumns, Outcome, TallyKey};
use crate::store::insight::{InsightStore, SearchCount};
use crate::store::{StoreError, StoreResult};

impl InsightStore for PostgresStore {
    fn add_search_counts(&self, counts: &[SearchCount]) -> StoreResult<()> {
        if counts.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            let upsert = tx.prepare(
                "INSERT INTO search_counts
                     (day, needs, kinds, places, days, times, costs, easy_read, words, outcome, count)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                 ON CONFLICT (day, needs, kinds, places, days, times, costs, easy_read, words, outcome)
                 DO UPDATE SET count = search_counts.count + excluded.count",
            )?;
            for c in counts {
                let k = c.key.columns();
                tx.execute(
                    &upsert,
                    &[
                        &c.day.to_string(),
                        &k.needs,
                        &k.kinds,
                        &k.places,
                        &k.days,
                        &k.times,
                        &k.costs,
                        &c.key.easy_read,
                        &k.words,
                        &c.outcome.slug(),
                        &i64::try_from(c.count).unwrap_or(i64::MAX),
                    ],
                )?;
            }
            Ok(())
        })
    }

    fn search_counts(&self, from: Date, to: Date) -> StoreResult<Vec<SearchCount>> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT day, needs, kinds, places, days, times, costs, easy_read, words, outcome, count
                 FROM search_counts WHERE day >= $1 AND day <= $2
                 ORDER BY day, needs, kinds, places, days, times, costs, easy_read, words, outcome",
                &[&from.to_string(), &to.to_string()],
            )?;
            rows.iter()
                .map(|r| {
                    let day: &str = r.try_get(0)?;
                    let day: Date = day.parse().map_err(|_| {
                        StoreError::Invalid(format!("a stored day is not a date: {day}"))
                    })?;
                    let columns = KeyColumns {
                        needs: r.try_get(1)?,
                        kinds: r.try_get(2)?,
                        places: r.try_get(3)?,
                        days: r.try_get(4)?,
                        times: r.try_get(5)?,
                        costs: r.try_get(6)?,
                        words: r.try_get(8)?,
                    };
                    let outcome: &str = r.try_get(9)?;
                    let outcome = Outcome::from_slug(outcome).ok_or_else(|| {
                        StoreError::Invalid(format!("a stored outcome is unknown: {outcome}"))
                    })?;
                    Ok(SearchCount {
                        day,
                        key: TallyKey::from_columns(&columns, r.try_get(7)?),
                        outcome,
                        count: u64::try_from(r.try_get::<_, i64>(10)?).unwrap_or(0),
                    })
                })
                .collect()
        })
    }
}
