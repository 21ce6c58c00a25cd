//! The baseline: the same directory in SQLite FTS5, as most teams would build it. One
//! table of services with the filters as columns (town indexed, needs and days as bit
//! sets), an FTS5 index of the same text fields Dayfinder searches (Porter stemming, the
//! same field weights in bm25), and for each question the top 20 by bm25 plus the total.

use std::path::Path;

use anyhow::Context;
use dayfinder::model::{Listing, Term, Weekday};
use dayfinder::search::schema::town_of;
use rusqlite::{Connection, params};

use crate::queries::Question;

pub struct Fts5 {
    db: Connection,
}

/// Words that carry no meaning (as Dayfinder skips them too).
const FILLER: &[&str] = &["and", "the", "for", "with", "of", "a", "an", "in", "on"];

fn bit<T: Term + PartialEq>(t: &T) -> i64 {
    1 << T::all().iter().position(|x| x == t).unwrap_or(0)
}

impl Fts5 {
    /// Builds the database at `path` from these listings.
    pub fn build(path: &Path, listings: &[Listing]) -> anyhow::Result<Fts5> {
        let _ = std::fs::remove_file(path);
        let mut db = Connection::open(path)?;
        db.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             CREATE TABLE service (
                 id INTEGER PRIMARY KEY,
                 slug TEXT NOT NULL UNIQUE,
                 town TEXT NOT NULL,
                 needs INTEGER NOT NULL,
                 days INTEGER NOT NULL,
                 card TEXT NOT NULL
             );
             CREATE INDEX service_town ON service (town);
             CREATE VIRTUAL TABLE service_text USING fts5 (
                 name, tags, provider, town, body,
                 content = '', tokenize = 'porter unicode61'
             );",
        )?;
        let tx = db.transaction()?;
        {
            let mut row = tx.prepare(
                "INSERT INTO service (id, slug, town, needs, days, card) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut text = tx.prepare(
                "INSERT INTO service_text (rowid, name, tags, provider, town, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (i, l) in listings.iter().enumerate() {
                let s = &l.service;
                let town = town_of(l);
                let needs = s.needs.iter().map(bit).fold(0, |a, b| a | b);
                let days = s.sessions.iter().map(|x| bit(&x.day)).fold(0, |a, b| a | b);
                let mut tags = vec![s.tier.label()];
                tags.extend(s.needs.iter().map(|n| n.label()));
                tags.extend(s.kinds.iter().map(|k| k.label()));
                let body = [s.summary.as_str(), s.description.as_str()]
                    .into_iter()
                    .chain(s.activities.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join("\n");
                // What a results card shows, so the baseline reads as much as Dayfinder does.
                let card = serde_json::json!({
                    "id": s.id, "name": s.name, "organisation": l.organisation.name,
                    "summary": s.summary, "town": town, "cost": s.cost.summary(),
                })
                .to_string();
                let id = i as i64 + 1;
                row.execute(params![id, s.id, town, needs, days, card])?;
                text.execute(params![
                    id,
                    s.name,
                    tags.join(" "),
                    l.organisation.name,
                    town,
                    body
                ])?;
            }
        }
        tx.commit()?;
        db.execute_batch("INSERT INTO service_text (service_text) VALUES ('optimize'); ANALYZE;")?;
        Ok(Fts5 { db })
    }

    /// The FTS5 query for some words: any of them, each as a quoted term.
    pub fn match_of(text: &str) -> String {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !FILLER.contains(&w.to_lowercase().as_str()))
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" OR ")
    }

    /// The top 20 (their cards, read) and the total, for a words + need + town + day
    /// question.
    pub fn search(&self, q: &Question) -> anyhow::Result<(usize, usize)> {
        let words = Fts5::match_of(q.text);
        let (need, day) = (bit(&q.need), bit::<Weekday>(&q.day));
        let mut top = self.db.prepare_cached(
            "SELECT s.card FROM service_text JOIN service s ON s.id = service_text.rowid
             WHERE service_text MATCH ?1 AND s.town = ?2 AND s.needs & ?3 != 0 AND s.days & ?4 != 0
             ORDER BY bm25(service_text, 3.0, 2.0, 1.5, 1.0, 1.0) LIMIT 20",
        )?;
        let mut shown = 0;
        let mut rows = top.query(params![words, q.town, need, day])?;
        while let Some(row) = rows.next()? {
            let card: String = row.get(0)?;
            shown += card.len().min(1);
        }
        let mut count = self.db.prepare_cached(
            "SELECT count(*) FROM service_text JOIN service s ON s.id = service_text.rowid
             WHERE service_text MATCH ?1 AND s.town = ?2 AND s.needs & ?3 != 0 AND s.days & ?4 != 0",
        )?;
        let total: i64 = count
            .query_row(params![words, q.town, need, day], |r| r.get(0))
            .context("FTS5 count")?;
        Ok((total as usize, shown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_alternatives_without_filler() {
        assert_eq!(Fts5::match_of("arts and crafts"), "\"arts\" OR \"crafts\"");
        assert_eq!(Fts5::match_of("tea \"chat"), "\"tea\" OR \"chat\"");
    }
}
