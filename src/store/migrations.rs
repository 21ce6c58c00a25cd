//! Versioned schema migrations for the embedded store. Append new steps; never edit old ones.

use rusqlite_migration::{M, Migrations};

/// Services, organisations and locations are kept as JSON documents (the model is the
/// schema), with the columns that queries and integrity need pulled out beside them.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
         CREATE TABLE organisations (id TEXT PRIMARY KEY, body TEXT NOT NULL);
         CREATE TABLE locations (id TEXT PRIMARY KEY, body TEXT NOT NULL);
         CREATE TABLE services (
             id TEXT PRIMARY KEY,
             organisation_id TEXT NOT NULL REFERENCES organisations(id),
             location_id TEXT REFERENCES locations(id),
             body TEXT NOT NULL,
             updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         );
         CREATE INDEX services_by_organisation ON services(organisation_id);
         CREATE TABLE changes (
             seq INTEGER PRIMARY KEY AUTOINCREMENT,
             service_id TEXT,
             op TEXT NOT NULL CHECK (op IN ('upsert', 'delete', 'replace')),
             at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         );",
    )])
}
