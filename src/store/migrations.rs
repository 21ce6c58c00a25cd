//! Versioned schema migrations for the embedded store. Append new steps; never edit old ones.

use rusqlite_migration::{M, Migrations};

/// Services, organisations and locations are kept as JSON documents (the model is the
/// schema), with the columns that queries and integrity need pulled out beside them.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        // 1: the directory and its change log.
        M::up(
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
        ),
        // 2: open days and events. Kept as documents like the rest; the columns beside
        // the body are what listing pages and the events page look events up by.
        M::up(
            "CREATE TABLE events (
                 id TEXT PRIMARY KEY,
                 service_id TEXT,
                 organisation_id TEXT,
                 starts_at TEXT NOT NULL,
                 body TEXT NOT NULL
             );
             CREATE INDEX events_by_start ON events(starts_at);
             CREATE INDEX events_by_service ON events(service_id);",
        ),
        // 3: editor accounts, their sessions, and failed sign-ins for rate limiting. Times
        // are Unix seconds. Sessions and failures keep only SHA-256 hashes of their keys.
        // Accounts name their organisation without a foreign key: replacing the directory
        // must not be blocked by (or delete) the accounts of its providers.
        M::up(
            "CREATE TABLE accounts (
                 id INTEGER PRIMARY KEY,
                 email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                 name TEXT NOT NULL,
                 role TEXT NOT NULL CHECK (role IN ('council', 'provider')),
                 organisation_id TEXT,
                 password_hash TEXT NOT NULL,
                 created_at INTEGER NOT NULL,
                 CHECK ((role = 'council') = (organisation_id IS NULL))
             );
             CREATE TABLE sessions (
                 token_hash TEXT PRIMARY KEY,
                 account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                 csrf_token TEXT NOT NULL,
                 created_at INTEGER NOT NULL,
                 expires_at INTEGER NOT NULL
             );
             CREATE INDEX sessions_by_expiry ON sessions(expires_at);
             CREATE TABLE sign_in_failures (
                 key_hash TEXT NOT NULL,
                 at INTEGER NOT NULL
             );
             CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key_hash, at);",
        ),
        // 4: keeping listings true: providers' changes (to a listing, or to one of its
        // events: before and after as JSON, null for a new or removed event) waiting for
        // approval, the audit log (who changed what, with before and after) and the public's
        // problem reports. Editors are copied by name and email, so the log outlives
        // accounts. A report's client hash is blanked once the rate limit no longer needs it.
        M::up(
            "CREATE TABLE proposals (
                 id INTEGER PRIMARY KEY,
                 subject TEXT NOT NULL DEFAULT 'service' CHECK (subject IN ('service', 'event', 'place', 'provider')),
                 service_id TEXT NOT NULL,
                 record_id TEXT,
                 organisation_id TEXT NOT NULL,
                 account_id INTEGER,
                 editor_name TEXT NOT NULL,
                 editor_email TEXT NOT NULL,
                 proposed_at INTEGER NOT NULL,
                 before TEXT NOT NULL,
                 after TEXT NOT NULL,
                 status TEXT NOT NULL
                     CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
                 decided_by_id INTEGER,
                 decided_by_name TEXT,
                 decided_by_email TEXT,
                 decided_at INTEGER,
                 reason TEXT NOT NULL DEFAULT ''
             );
             CREATE INDEX proposals_by_status ON proposals(status, id);
             CREATE INDEX proposals_by_organisation ON proposals(organisation_id, id);
             CREATE INDEX proposals_by_service ON proposals(service_id, status);
             CREATE TABLE audit_log (
                 id INTEGER PRIMARY KEY,
                 at INTEGER NOT NULL,
                 account_id INTEGER,
                 editor_name TEXT,
                 editor_email TEXT,
                 action TEXT NOT NULL,
                 service_id TEXT,
                 summary TEXT NOT NULL,
                 before TEXT,
                 after TEXT
             );
             CREATE INDEX audit_log_by_service ON audit_log(service_id, id);
             CREATE TABLE problem_reports (
                 id INTEGER PRIMARY KEY,
                 service_id TEXT NOT NULL,
                 kind TEXT NOT NULL,
                 details TEXT NOT NULL,
                 contact TEXT,
                 client_hash TEXT NOT NULL,
                 reported_at INTEGER NOT NULL,
                 open INTEGER NOT NULL DEFAULT 1,
                 closed_by_id INTEGER,
                 closed_by_name TEXT,
                 closed_by_email TEXT,
                 closed_at INTEGER,
                 note TEXT NOT NULL DEFAULT ''
             );
             CREATE INDEX problem_reports_by_client ON problem_reports(client_hash, reported_at);
             CREATE INDEX problem_reports_by_open ON problem_reports(open, id);",
        ),
        // 5: counts of searches for the commissioners' reports (see docs/insight.md): per
        // day, the search's privacy-safe key and whether it found anything. No time finer
        // than a day, no address, no cookie, no full postcode, no free text.
        M::up(
            "CREATE TABLE search_counts (
                 day TEXT NOT NULL,
                 needs TEXT NOT NULL,
                 kinds TEXT NOT NULL,
                 places TEXT NOT NULL,
                 days TEXT NOT NULL,
                 times TEXT NOT NULL,
                 costs TEXT NOT NULL,
                 easy_read INTEGER NOT NULL,
                 words TEXT NOT NULL,
                 outcome TEXT NOT NULL CHECK (outcome IN ('nothing', 'few', 'some')),
                 count INTEGER NOT NULL,
                 PRIMARY KEY (day, needs, kinds, places, days, times, costs, easy_read, words, outcome)
             ) WITHOUT ROWID;",
        ),
        // 6 (issue 15, managing accounts): an account's password set by someone else is to
        // be changed; a disabled account cannot sign in; a council editor's second step
        // (the TOTP secret, and the last step used, so no code works twice); a session
        // may be awaiting its code; and every sign-in attempt is reserved before it is
        // checked, under an id of its own, so a right one can be forgotten.
        M::up(
            "ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
             ALTER TABLE accounts ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
             ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
             ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER;
             ALTER TABLE sessions ADD COLUMN awaiting_code INTEGER NOT NULL DEFAULT 0;
             CREATE INDEX sessions_by_account ON sessions(account_id);
             ALTER TABLE sign_in_failures ADD COLUMN attempt TEXT;
             CREATE INDEX sign_in_failures_by_attempt ON sign_in_failures(attempt);",
        ),
        // 7 (issue 22): postcode positions imported from ONS open data
        // (`dayfinder places import`, docs/places.md); when it has rows they replace the
        // built-in Cheshire East table. Keys are postcodes without the space ("CW111AA").
        M::up(
            "CREATE TABLE imported_postcodes (
                 postcode TEXT PRIMARY KEY,
                 latitude REAL NOT NULL,
                 longitude REAL NOT NULL
             ) WITHOUT ROWID;",
        ),
        // 8 (issue 22): feeds the directory follows (`dayfinder feeds add`, docs/feeds.md).
        // `started_at` is when a node last claimed the feed (the schedule counts from it);
        // `run_*` is how the last pull went. Times are Unix seconds.
        M::up(
            "CREATE TABLE feeds (
                 id INTEGER PRIMARY KEY,
                 url TEXT NOT NULL UNIQUE,
                 every_seconds INTEGER NOT NULL,
                 added_at INTEGER NOT NULL,
                 started_at INTEGER,
                 run_at INTEGER,
                 run_ok INTEGER,
                 run_message TEXT
             );",
        ),
        // 9 (issue 17): the email outbox (`crate::outbox`). An email waits while
        // `sent_at` and `given_up_at` are empty; `next_try_at` is when it may be tried
        // (a node holding it moves it on by the lease). Times are Unix seconds.
        M::up(
            "CREATE TABLE outbox (
                 id INTEGER PRIMARY KEY,
                 token TEXT NOT NULL UNIQUE,
                 recipient TEXT NOT NULL,
                 subject TEXT NOT NULL,
                 body_text TEXT NOT NULL,
                 body_html TEXT,
                 queued_at INTEGER NOT NULL,
                 attempts INTEGER NOT NULL,
                 next_try_at INTEGER NOT NULL,
                 sent_at INTEGER,
                 given_up_at INTEGER,
                 last_error TEXT
             );
             CREATE INDEX outbox_due ON outbox (next_try_at) WHERE sent_at IS NULL AND given_up_at IS NULL;",
        ),
        // 10 (issue 17): enquiries (`crate::enquiries`), one row per service asked about.
        // `about` (what was asked, kept) and `person` (who asked, erased) are JSON; the
        // status page finds a request by `token_hash`, erasure a person by `contact_key`,
        // the limit on requests a client by `client_hash` (forgotten after an hour).
        // Dates are `YYYY-MM-DD`, times Unix seconds.
        M::up(
            "CREATE TABLE enquiries (
                 id INTEGER PRIMARY KEY,
                 service_id TEXT NOT NULL,
                 organisation_id TEXT NOT NULL,
                 status TEXT NOT NULL,
                 sent_at INTEGER NOT NULL,
                 updated_at INTEGER NOT NULL,
                 due_on TEXT NOT NULL,
                 remind_on TEXT NOT NULL,
                 reminded_at INTEGER,
                 escalated_at INTEGER,
                 version INTEGER NOT NULL,
                 about TEXT NOT NULL,
                 person TEXT,
                 token_hash TEXT NOT NULL,
                 contact_key TEXT NOT NULL,
                 client_hash TEXT NOT NULL,
                 erased_at INTEGER
             );
             CREATE INDEX enquiries_by_organisation ON enquiries (organisation_id, sent_at);
             CREATE INDEX enquiries_by_token ON enquiries (token_hash);
             CREATE INDEX enquiries_by_contact ON enquiries (contact_key);
             CREATE INDEX enquiries_by_sent ON enquiries (sent_at);",
        ),
        // 11 (issue 18): the review cycle (`crate::reviews`): each stage reached, once per
        // listing and confirmation date; one-click links by the hash of their token.
        M::up(
            "CREATE TABLE review_stages (
                 service_id TEXT NOT NULL,
                 reviewed_on TEXT NOT NULL,
                 stage TEXT NOT NULL,
                 marked_at INTEGER NOT NULL,
                 PRIMARY KEY (service_id, reviewed_on, stage)
             );
             CREATE TABLE review_links (
                 token_hash TEXT PRIMARY KEY,
                 service_id TEXT NOT NULL,
                 reviewed_on TEXT NOT NULL,
                 account_id INTEGER NOT NULL,
                 created_at INTEGER NOT NULL,
                 expires_at INTEGER NOT NULL,
                 used_at INTEGER
             );",
        ),
        // 12 (issue 18): links to set a forgotten password, by the hash of their token.
        M::up(
            "CREATE TABLE password_links (
                 token_hash TEXT PRIMARY KEY,
                 account_id INTEGER NOT NULL,
                 created_at INTEGER NOT NULL,
                 expires_at INTEGER NOT NULL,
                 used_at INTEGER
             );
             CREATE INDEX password_links_by_account ON password_links (account_id, created_at);",
        ),
        // 13 (issue 18): claims to keep a provider's listings (`crate::accounts::claims`):
        // the maker's name, work email and job (forgotten 30 days after the decision), the
        // hash of the link that proves the address, the client's keyed hash for the limit.
        M::up(
            "CREATE TABLE claims (
                 id INTEGER PRIMARY KEY,
                 service_id TEXT NOT NULL,
                 organisation_id TEXT NOT NULL,
                 name TEXT NOT NULL,
                 email TEXT NOT NULL,
                 job TEXT NOT NULL,
                 status TEXT NOT NULL,
                 made_at INTEGER NOT NULL,
                 proof_hash TEXT NOT NULL UNIQUE,
                 proof_expires_at INTEGER NOT NULL,
                 proved_at INTEGER,
                 decided_at INTEGER,
                 decided_by TEXT,
                 reason TEXT NOT NULL,
                 client_hash TEXT NOT NULL
             );
             CREATE INDEX claims_by_status ON claims (status, id);
             CREATE INDEX claims_by_client ON claims (client_hash, made_at);",
        ),
        // 14 (issue 22): where each listing read from a feed came from, and when it was
        // last read; a listing its feed stopped listing is withdrawn: its service and open
        // days kept here (JSON) and taken off the site, until the feed lists it again.
        M::up(
            "CREATE TABLE listing_sources (
                 service_id TEXT PRIMARY KEY,
                 feed_url TEXT NOT NULL,
                 read_at INTEGER NOT NULL,
                 withdrawn_at INTEGER,
                 withdrawn_name TEXT,
                 withdrawn_body TEXT
             );
             CREATE INDEX listing_sources_by_feed ON listing_sources (feed_url);",
        ),
        // 15 (issue 22): town
        // and village names from the ONS Index of Place Names for the imported area
        // (`places import --names`, docs/places.md), each with the outward codes around
        // it, space-separated. Nodes reload places when `meta.places_version` moves.
        M::up(
            "CREATE TABLE imported_place_names (
                 name TEXT PRIMARY KEY,
                 kind TEXT NOT NULL,
                 latitude REAL NOT NULL,
                 longitude REAL NOT NULL,
                 outward_codes TEXT NOT NULL
             ) WITHOUT ROWID;",
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::migrations;

    #[test]
    fn the_migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }
}
