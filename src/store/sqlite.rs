//! The embedded store: one SQLite file, nothing to install.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{
    Change, ChangeKind, MergeCounts, Store, StoreError, StoreResult, migrations::migrations,
};
use crate::model::{Directory, Event, Listing, Location, Organisation, Service};

/// The directory in a SQLite file, in WAL mode so readers do not wait for writers.
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

impl SqliteStore {
    /// Opens or creates the store at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> StoreResult<Self> {
        Self::setup(Connection::open(path)?)
    }

    /// A store that lives only in memory, for tests.
    pub fn in_memory() -> StoreResult<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    pub(super) fn setup(mut conn: Connection) -> StoreResult<Self> {
        // WAL + synchronous=FULL: an acknowledged write survives a crash or power cut.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations().to_latest(&mut conn)?;
        Ok(SqliteStore {
            conn: Mutex::new(conn),
        })
    }

    pub(super) fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> StoreResult<T>,
    ) -> StoreResult<T> {
        // A poisoned lock only means another thread panicked mid-call; SQLite rolled back.
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut conn)
    }

    /// One write transaction (`BEGIN IMMEDIATE`, so writers queue instead of failing).
    pub(super) fn write<T>(
        &self,
        f: impl FnOnce(&Transaction) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.with(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
    }
}

pub(super) fn log(tx: &Transaction, service_id: Option<&str>, op: &str) -> StoreResult<u64> {
    tx.execute(
        "INSERT INTO changes (service_id, op) VALUES (?1, ?2)",
        params![service_id, op],
    )?;
    Ok(tx.last_insert_rowid() as u64)
}

/// Replaces the whole directory inside `tx`, logging a `replace` change; returns its seq.
pub(super) fn replace_in(tx: &Transaction, directory: &Directory) -> StoreResult<u64> {
    tx.execute_batch("DELETE FROM events; DELETE FROM services; DELETE FROM locations; DELETE FROM organisations;")?;
    for o in &directory.organisations {
        tx.execute(
            "INSERT INTO organisations (id, body) VALUES (?1, ?2)",
            params![o.id, serde_json::to_string(o)?],
        )?;
    }
    for l in &directory.locations {
        tx.execute(
            "INSERT INTO locations (id, body) VALUES (?1, ?2)",
            params![l.id, serde_json::to_string(l)?],
        )?;
    }
    for s in &directory.services {
        put_service(tx, s)?;
    }
    for e in &directory.events {
        put_event(tx, e)?;
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('source', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [&directory.source],
    )?;
    log(tx, None, "replace")
}

pub(super) fn put_service(tx: &Transaction, s: &Service) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO services (id, organisation_id, location_id, body) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET organisation_id = excluded.organisation_id,
           location_id = excluded.location_id, body = excluded.body,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        params![
            s.id,
            s.organisation_id,
            s.location_id,
            serde_json::to_string(s)?
        ],
    )?;
    Ok(())
}

pub(super) fn put_event(tx: &Transaction, e: &Event) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO events (id, service_id, organisation_id, starts_at, body) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET service_id = excluded.service_id,
           organisation_id = excluded.organisation_id, starts_at = excluded.starts_at,
           body = excluded.body",
        params![
            e.id,
            e.service_id,
            e.organisation_id,
            e.start.to_string(),
            serde_json::to_string(e)?
        ],
    )?;
    Ok(())
}

/// Every event, soonest first.
fn events(conn: &Connection) -> StoreResult<Vec<Event>> {
    let mut stmt = conn.prepare("SELECT body FROM events ORDER BY starts_at, id")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.map(|body| Ok(serde_json::from_str(&body?)?)).collect()
}

fn get<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    table: &str,
    id: &str,
) -> StoreResult<Option<T>> {
    let sql = format!("SELECT body FROM {table} WHERE id = ?1");
    // Cached: an API page reads 20 listings, three rows each, and preparing the
    // statement every time cost more than the read.
    let body: Option<String> = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
}

fn all<T: serde::de::DeserializeOwned>(conn: &Connection, table: &str) -> StoreResult<Vec<T>> {
    let mut stmt = conn.prepare(&format!("SELECT body FROM {table} ORDER BY id"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.map(|body| Ok(serde_json::from_str(&body?)?)).collect()
}

fn listing_of(conn: &Connection, service: Service) -> StoreResult<Listing> {
    let organisation: Organisation = get(conn, "organisations", &service.organisation_id)?
        .ok_or(StoreError::NotFound("organisation"))?;
    let location: Option<Location> = match &service.location_id {
        Some(id) => get(conn, "locations", id)?,
        None => None,
    };
    Ok(Listing {
        service,
        organisation,
        location,
    })
}

/// Merges records by id inside a write (see [`Store::merge`]).
pub(super) fn merge_in(tx: &Transaction, directory: &Directory) -> StoreResult<MergeCounts> {
    let upsert = |table: &str, id: &str, body: String| -> StoreResult<()> {
        tx.execute(
            &format!("INSERT INTO {table} (id, body) VALUES (?1, ?2) ON CONFLICT(id) DO UPDATE SET body = excluded.body"),
            params![id, body],
        )?;
        Ok(())
    };
    for o in &directory.organisations {
        upsert("organisations", &o.id, serde_json::to_string(o)?)?;
    }
    for l in &directory.locations {
        upsert("locations", &l.id, serde_json::to_string(l)?)?;
    }
    let mut counts = MergeCounts::default();
    for s in &directory.services {
        let body = serde_json::to_string(s)?;
        let old: Option<String> = tx
            .query_row("SELECT body FROM services WHERE id = ?1", [&s.id], |r| {
                r.get(0)
            })
            .optional()?;
        match old {
            Some(old) if old == body => {
                counts.unchanged += 1;
                continue;
            }
            Some(_) => counts.changed += 1,
            None => counts.added += 1,
        }
        put_service(tx, s)?;
        log(tx, Some(&s.id), "upsert")?;
    }
    // A changed organisation or location changes how its services are shown.
    if !directory.organisations.is_empty() || !directory.locations.is_empty() {
        let mut stmt = tx.prepare(
            "SELECT id FROM services WHERE organisation_id IN (SELECT value FROM json_each(?1))
             OR location_id IN (SELECT value FROM json_each(?2))",
        )?;
        let orgs = serde_json::to_string(
            &directory
                .organisations
                .iter()
                .map(|o| &o.id)
                .collect::<Vec<_>>(),
        )?;
        let locs = serde_json::to_string(
            &directory
                .locations
                .iter()
                .map(|l| &l.id)
                .collect::<Vec<_>>(),
        )?;
        let ids: Vec<String> = stmt
            .query_map(params![orgs, locs], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for id in ids
            .iter()
            .filter(|id| !directory.services.iter().any(|s| &s.id == *id))
        {
            log(tx, Some(id), "upsert")?;
        }
    }
    // Events are not indexed for search, so they need no entry in the change log.
    for e in &directory.events {
        put_event(tx, e)?;
    }
    if !directory.source.is_empty() {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('source', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [&directory.source],
        )?;
    }
    Ok(counts)
}

impl Store for SqliteStore {
    fn directory(&self) -> StoreResult<Directory> {
        self.with(|conn| {
            Ok(Directory {
                source: source(conn)?,
                organisations: all(conn, "organisations")?,
                locations: all(conn, "locations")?,
                services: all(conn, "services")?,
                events: events(conn)?,
            })
        })
    }

    fn listing(&self, service_id: &str) -> StoreResult<Option<Listing>> {
        self.with(|conn| match get::<Service>(conn, "services", service_id)? {
            Some(service) => Ok(Some(listing_of(conn, service)?)),
            None => Ok(None),
        })
    }

    fn listings(&self, service_ids: &[String]) -> StoreResult<Vec<Listing>> {
        self.with(|conn| {
            let mut out = Vec::with_capacity(service_ids.len());
            for id in service_ids {
                if let Some(service) = get::<Service>(conn, "services", id)? {
                    out.push(listing_of(conn, service)?);
                }
            }
            Ok(out)
        })
    }

    fn organisation_services(
        &self,
        organisation_id: &str,
    ) -> StoreResult<Option<(Organisation, Vec<Service>)>> {
        self.with(|conn| {
            let Some(organisation) = get::<Organisation>(conn, "organisations", organisation_id)?
            else {
                return Ok(None);
            };
            let mut stmt = conn.prepare_cached(
                "SELECT body FROM services WHERE organisation_id = ?1 ORDER BY id",
            )?;
            let services = stmt
                .query_map([organisation_id], |r| r.get::<_, String>(0))?
                .map(|body| Ok(serde_json::from_str(&body?)?))
                .collect::<StoreResult<Vec<Service>>>()?;
            Ok(Some((organisation, services)))
        })
    }

    fn service_count(&self) -> StoreResult<usize> {
        self.with(|conn| {
            Ok(
                conn.query_row("SELECT count(*) FROM services", [], |r| r.get::<_, i64>(0))?
                    as usize,
            )
        })
    }

    fn provider_count(&self) -> StoreResult<usize> {
        self.with(|conn| {
            Ok(conn.query_row(
                "SELECT count(DISTINCT organisation_id) FROM services",
                [],
                |r| r.get::<_, i64>(0),
            )? as usize)
        })
    }

    fn replace_all(&self, directory: &Directory) -> StoreResult<u64> {
        if let Some(problem) = directory.problems().into_iter().next() {
            return Err(StoreError::Invalid(problem.to_string()));
        }
        self.write(|tx| replace_in(tx, directory))
    }

    fn merge(&self, directory: &Directory) -> StoreResult<MergeCounts> {
        self.write(|tx| merge_in(tx, directory))
    }

    fn save_service(&self, service: &Service) -> StoreResult<u64> {
        if !crate::model::validate::valid_id(&service.id) {
            return Err(StoreError::Invalid(
                "a service id must be lower-case letters, digits and hyphens".into(),
            ));
        }
        self.write(|tx| {
            let org: Option<String> = tx
                .query_row(
                    "SELECT id FROM organisations WHERE id = ?1",
                    [&service.organisation_id],
                    |r| r.get(0),
                )
                .optional()?;
            if org.is_none() {
                return Err(StoreError::NotFound("organisation"));
            }
            put_service(tx, service)?;
            log(tx, Some(&service.id), "upsert")
        })
    }

    fn delete_service(&self, service_id: &str) -> StoreResult<u64> {
        self.write(|tx| {
            if tx.execute("DELETE FROM services WHERE id = ?1", [service_id])? == 0 {
                return Err(StoreError::NotFound("service"));
            }
            // A service's open days go with it.
            tx.execute("DELETE FROM events WHERE service_id = ?1", [service_id])?;
            log(tx, Some(service_id), "delete")
        })
    }

    fn head(&self) -> StoreResult<u64> {
        self.with(|conn| {
            Ok(
                conn.query_row("SELECT coalesce(max(seq), 0) FROM changes", [], |r| {
                    r.get::<_, i64>(0)
                })? as u64,
            )
        })
    }

    fn changes_since(&self, seq: u64) -> StoreResult<Vec<Change>> {
        self.with(|conn| {
            let mut stmt = conn
                .prepare("SELECT seq, service_id, op FROM changes WHERE seq > ?1 ORDER BY seq")?;
            let rows = stmt.query_map([seq as i64], |r| {
                Ok((
                    r.get::<_, i64>(0)? as u64,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (seq, id, op) = row?;
                let kind = match (op.as_str(), id) {
                    ("upsert", Some(id)) => ChangeKind::Upserted(id),
                    ("delete", Some(id)) => ChangeKind::Deleted(id),
                    _ => ChangeKind::Replaced,
                };
                out.push(Change { seq, kind });
            }
            Ok(out)
        })
    }

    fn source(&self) -> StoreResult<String> {
        self.with(|conn| source(conn))
    }
}

fn source(conn: &Connection) -> StoreResult<String> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = 'source'", [], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use rusqlite::{Connection, params};

    use super::*;
    use crate::sample::events::REFERENCE_DAY;

    /// A store file as the first schema left it, holding the Brookhouse day centre.
    fn store_from_before_events(path: &Path) -> Directory {
        let sample = crate::sample::cheshire_east_on(REFERENCE_DAY);
        let find = |id: &str| sample.services.iter().find(|s| s.id == id).cloned();
        let service = find("brookhouse-day-centre").expect("the sample's day centre");
        let organisation = sample
            .organisations
            .iter()
            .find(|o| o.id == service.organisation_id)
            .cloned()
            .expect("its provider");
        let location = sample
            .locations
            .iter()
            .find(|l| Some(&l.id) == service.location_id.as_ref())
            .cloned()
            .expect("its building");
        let mut conn = Connection::open(path).expect("a new file");
        migrations()
            .to_version(&mut conn, 1)
            .expect("the first schema");
        conn.execute(
            "INSERT INTO organisations (id, body) VALUES (?1, ?2)",
            params![organisation.id, json(&organisation)],
        )
        .expect("an organisation");
        conn.execute(
            "INSERT INTO locations (id, body) VALUES (?1, ?2)",
            params![location.id, json(&location)],
        )
        .expect("a location");
        conn.execute(
            "INSERT INTO services (id, organisation_id, location_id, body) VALUES (?1, ?2, ?3, ?4)",
            params![
                service.id,
                service.organisation_id,
                service.location_id,
                json(&service)
            ],
        )
        .expect("a service");
        Directory {
            source: String::new(),
            organisations: vec![organisation],
            locations: vec![location],
            services: vec![service],
            events: Vec::new(),
        }
    }

    /// A model record as its stored JSON.
    fn json<T: serde::Serialize>(record: &T) -> String {
        serde_json::to_string(record).expect("model records serialise")
    }

    #[test]
    fn a_store_from_before_events_keeps_its_data_and_can_hold_events() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("old.sqlite3");
        let before = store_from_before_events(&path);

        let store = SqliteStore::open(&path).expect("the old store opens and migrates");
        let after = store.directory().expect("the directory reads");
        assert_eq!(after, before);

        let open_day = crate::sample::events::for_today(REFERENCE_DAY)
            .into_iter()
            .find(|e| e.id == "brookhouse-open-day")
            .expect("the day centre's open day");
        let with_event = Directory {
            events: vec![open_day],
            ..Directory::default()
        };
        store.merge(&with_event).expect("the event is stored");
        assert_eq!(store.directory().expect("reads").events, with_event.events);
    }
}
