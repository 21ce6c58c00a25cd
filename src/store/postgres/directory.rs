//! The directory and its change log in PostgreSQL: the same steps as `sqlite.rs`.

use std::collections::{BTreeSet, HashMap};

use postgres::{GenericClient, Transaction};

use super::PostgresStore;
use crate::model::{Directory, Event, Listing, Location, Organisation, Service};
use crate::store::{Change, ChangeKind, MergeCounts, Store, StoreError, StoreResult};

/// Appends one line to the change log and announces it to every node listening (see
/// `feed.rs`); returns its `seq`. The notice is sent at commit, and only if the
/// transaction commits; PostgreSQL folds a transaction's identical notices into one, so a
/// merge of thousands of services wakes each node once. (`pg_notify` returns `void`;
/// `IS NULL` only gives its column a type the client can read.)
pub(super) fn log(tx: &mut Transaction, service_id: Option<&str>, op: &str) -> StoreResult<u64> {
    let row = tx.query_one(
        "WITH logged AS (INSERT INTO changes (service_id, op) VALUES ($1, $2) RETURNING seq)
         SELECT seq, pg_notify($3, coalesce(current_schema(), '')) IS NULL FROM logged",
        &[&service_id, &op, &super::feed::CHANNEL],
    )?;
    Ok(row.try_get::<_, i64>(0)? as u64)
}

pub(super) fn put_service(tx: &mut Transaction, s: &Service) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO services (id, organisation_id, location_id, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET organisation_id = excluded.organisation_id,
           location_id = excluded.location_id, body = excluded.body, updated_at = now()",
        &[
            &s.id,
            &s.organisation_id,
            &s.location_id,
            &serde_json::to_string(s)?,
        ],
    )?;
    Ok(())
}

pub(super) fn put_event(tx: &mut Transaction, e: &Event) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO events (id, service_id, organisation_id, starts_at, body)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id,
           organisation_id = excluded.organisation_id, starts_at = excluded.starts_at,
           body = excluded.body",
        &[
            &e.id,
            &e.service_id,
            &e.organisation_id,
            &e.start.to_string(),
            &serde_json::to_string(e)?,
        ],
    )?;
    Ok(())
}

/// One record's JSON body, by id.
pub(super) fn get<T: serde::de::DeserializeOwned>(
    conn: &mut impl GenericClient,
    table: &str,
    id: &str,
) -> StoreResult<Option<T>> {
    let row = conn.query_opt(&format!("SELECT body FROM {table} WHERE id = $1"), &[&id])?;
    match row {
        Some(row) => Ok(Some(serde_json::from_str(row.try_get::<_, &str>(0)?)?)),
        None => Ok(None),
    }
}

/// The records of `table` with these ids, by id (missing ones are simply absent).
fn by_ids<T: serde::de::DeserializeOwned>(
    conn: &mut impl GenericClient,
    table: &str,
    ids: &[String],
) -> StoreResult<HashMap<String, T>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    conn.query(
        &format!("SELECT id, body FROM {table} WHERE id = ANY($1)"),
        &[&ids],
    )?
    .iter()
    .map(|row| {
        let id: String = row.try_get(0)?;
        Ok((id, serde_json::from_str(row.try_get::<_, &str>(1)?)?))
    })
    .collect()
}

/// Each id once, for `WHERE id = ANY(...)`.
fn distinct<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<String> {
    ids.collect::<BTreeSet<_>>().into_iter().cloned().collect()
}

/// Bodies from `sql` (whose first column is the body), in its order.
fn bodies<T: serde::de::DeserializeOwned>(
    conn: &mut impl GenericClient,
    sql: &str,
) -> StoreResult<Vec<T>> {
    conn.query(sql, &[])?
        .iter()
        .map(|row| Ok(serde_json::from_str(row.try_get::<_, &str>(0)?)?))
        .collect()
}

/// Every record of a table, by id (byte order: the ids are `COLLATE "C"`, as SQLite sorts).
fn all<T: serde::de::DeserializeOwned>(
    conn: &mut impl GenericClient,
    table: &str,
) -> StoreResult<Vec<T>> {
    bodies(conn, &format!("SELECT body FROM {table} ORDER BY id"))
}

fn listing_of(conn: &mut impl GenericClient, service: Service) -> StoreResult<Listing> {
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

fn source(conn: &mut impl GenericClient) -> StoreResult<String> {
    Ok(conn
        .query_opt("SELECT value FROM meta WHERE key = 'source'", &[])?
        .map(|row| row.try_get(0))
        .transpose()?
        .unwrap_or_default())
}

fn set_source(tx: &mut Transaction, source: &str) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('source', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&source],
    )?;
    Ok(())
}

fn count(conn: &mut impl GenericClient, sql: &str) -> StoreResult<usize> {
    Ok(conn.query_one(sql, &[])?.try_get::<_, i64>(0)? as usize)
}

/// Merges records by id inside a write (see [`Store::merge`]).
pub(super) fn merge_in(tx: &mut Transaction, directory: &Directory) -> StoreResult<MergeCounts> {
    for (table, id, body) in directory
        .organisations
        .iter()
        .map(|o| Ok(("organisations", &o.id, serde_json::to_string(o)?)))
        .chain(
            directory
                .locations
                .iter()
                .map(|l| Ok(("locations", &l.id, serde_json::to_string(l)?))),
        )
        .collect::<StoreResult<Vec<_>>>()?
    {
        tx.execute(
            &format!(
                "INSERT INTO {table} (id, body) VALUES ($1, $2)
                 ON CONFLICT (id) DO UPDATE SET body = excluded.body"
            ),
            &[id, &body],
        )?;
    }
    let mut counts = MergeCounts::default();
    for s in &directory.services {
        let body = serde_json::to_string(s)?;
        let old = tx.query_opt("SELECT body FROM services WHERE id = $1", &[&s.id])?;
        match old {
            Some(old) if old.try_get::<_, &str>(0)? == body => {
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
        let orgs: Vec<&str> = directory.organisations.iter().map(|o| &*o.id).collect();
        let locs: Vec<&str> = directory.locations.iter().map(|l| &*l.id).collect();
        let ids: Vec<String> = tx
            .query(
                "SELECT id FROM services WHERE organisation_id = ANY($1)
                 OR location_id = ANY($2) ORDER BY id",
                &[&orgs, &locs],
            )?
            .iter()
            .map(|row| row.try_get(0))
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
        set_source(tx, &directory.source)?;
    }
    Ok(counts)
}

impl Store for PostgresStore {
    fn directory(&self) -> StoreResult<Directory> {
        self.read(|tx| {
            Ok(Directory {
                source: source(tx)?,
                organisations: all(tx, "organisations")?,
                locations: all(tx, "locations")?,
                services: all(tx, "services")?,
                events: bodies(tx, "SELECT body FROM events ORDER BY starts_at, id")?,
            })
        })
    }

    fn listing(&self, service_id: &str) -> StoreResult<Option<Listing>> {
        self.read(|tx| match get::<Service>(tx, "services", service_id)? {
            Some(service) => Ok(Some(listing_of(tx, service)?)),
            None => Ok(None),
        })
    }

    fn listings(&self, service_ids: &[String]) -> StoreResult<Vec<Listing>> {
        // Three queries, not three per listing: each is a round trip to the database, and
        // an API page or a catch-up asks for many listings at once.
        self.read(|tx| {
            let services: HashMap<String, Service> = by_ids(tx, "services", service_ids)?;
            let organisation_ids = distinct(services.values().map(|s| &s.organisation_id));
            let location_ids = distinct(services.values().filter_map(|s| s.location_id.as_ref()));
            let organisations: HashMap<String, Organisation> =
                by_ids(tx, "organisations", &organisation_ids)?;
            let locations: HashMap<String, Location> = by_ids(tx, "locations", &location_ids)?;
            service_ids
                .iter()
                .filter_map(|id| services.get(id))
                .map(|service| {
                    Ok(Listing {
                        organisation: organisations
                            .get(&service.organisation_id)
                            .cloned()
                            .ok_or(StoreError::NotFound("organisation"))?,
                        location: service
                            .location_id
                            .as_ref()
                            .and_then(|id| locations.get(id).cloned()),
                        service: service.clone(),
                    })
                })
                .collect()
        })
    }

    fn organisation_services(
        &self,
        organisation_id: &str,
    ) -> StoreResult<Option<(Organisation, Vec<Service>)>> {
        self.read(|tx| {
            let Some(organisation) = get::<Organisation>(tx, "organisations", organisation_id)?
            else {
                return Ok(None);
            };
            let services = tx
                .query(
                    "SELECT body FROM services WHERE organisation_id = $1 ORDER BY id",
                    &[&organisation_id],
                )?
                .iter()
                .map(|row| Ok(serde_json::from_str(row.try_get::<_, &str>(0)?)?))
                .collect::<StoreResult<Vec<Service>>>()?;
            Ok(Some((organisation, services)))
        })
    }

    fn service_count(&self) -> StoreResult<usize> {
        self.with(|conn| count(conn, "SELECT count(*) FROM services"))
    }

    fn provider_count(&self) -> StoreResult<usize> {
        self.with(|conn| count(conn, "SELECT count(DISTINCT organisation_id) FROM services"))
    }

    fn replace_all(&self, directory: &Directory) -> StoreResult<u64> {
        if let Some(problem) = directory.problems().into_iter().next() {
            return Err(StoreError::Invalid(problem.to_string()));
        }
        self.write(|tx| {
            tx.batch_execute(
                "DELETE FROM events; DELETE FROM services; DELETE FROM locations;
                 DELETE FROM organisations;",
            )?;
            let org = tx.prepare("INSERT INTO organisations (id, body) VALUES ($1, $2)")?;
            for o in &directory.organisations {
                tx.execute(&org, &[&o.id, &serde_json::to_string(o)?])?;
            }
            let loc = tx.prepare("INSERT INTO locations (id, body) VALUES ($1, $2)")?;
            for l in &directory.locations {
                tx.execute(&loc, &[&l.id, &serde_json::to_string(l)?])?;
            }
            for s in &directory.services {
                put_service(tx, s)?;
            }
            for e in &directory.events {
                put_event(tx, e)?;
            }
            set_source(tx, &directory.source)?;
            log(tx, None, "replace")
        })
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
            let org = tx.query_opt(
                "SELECT id FROM organisations WHERE id = $1",
                &[&service.organisation_id],
            )?;
            if org.is_none() {
                return Err(StoreError::NotFound("organisation"));
            }
            put_service(tx, service)?;
            log(tx, Some(&service.id), "upsert")
        })
    }

    fn delete_service(&self, service_id: &str) -> StoreResult<u64> {
        self.write(|tx| {
            if tx.execute("DELETE FROM services WHERE id = $1", &[&service_id])? == 0 {
                return Err(StoreError::NotFound("service"));
            }
            // A service's open days go with it.
            tx.execute("DELETE FROM events WHERE service_id = $1", &[&service_id])?;
            log(tx, Some(service_id), "delete")
        })
    }

    fn head(&self) -> StoreResult<u64> {
        self.with(|conn| {
            Ok(conn
                .query_one("SELECT coalesce(max(seq), 0) FROM changes", &[])?
                .try_get::<_, i64>(0)? as u64)
        })
    }

    fn changes_since(&self, seq: u64) -> StoreResult<Vec<Change>> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT seq, service_id, op FROM changes WHERE seq > $1 ORDER BY seq",
                &[&(seq as i64)],
            )?;
            rows.iter()
                .map(|row| {
                    let seq = row.try_get::<_, i64>(0)? as u64;
                    let id: Option<String> = row.try_get(1)?;
                    let op: &str = row.try_get(2)?;
                    let kind = match (op, id) {
                        ("upsert", Some(id)) => ChangeKind::Upserted(id),
                        ("delete", Some(id)) => ChangeKind::Deleted(id),
                        _ => ChangeKind::Replaced,
                    };
                    Ok(Change { seq, kind })
                })
                .collect()
        })
    }

    fn source(&self) -> StoreResult<String> {
        self.with(source)
    }

    fn pool_use(&self) -> Option<crate::store::PoolUse> {
        let state = self.pool.state();
        Some(crate::store::PoolUse {
            connections: state.connections,
            idle: state.idle_connections,
            max: self.pool.max_size(),
        })
    }

    fn change_feed(&self) -> StoreResult<Option<Box<dyn crate::store::ChangeFeed>>> {
        Ok(Some(Box::new(self.listen()?)))
    }
}
