//! Backups of the embedded store, taken and restored while the site runs.
//!
//! A backup is a SQLite file written by `VACUUM INTO`: one read transaction, so it is a
//! consistent copy even while the site writes (WAL readers never block writers), compact,
//! and openable by any SQLite tool. Editors' sessions and failed sign-ins are left out of
//! it, so a backup never brings a signed-out session back.
//!
//! Restoring reads the backup's directory (its schema brought up to date in memory, the
//! file itself untouched) and replaces the live directory with it in one transaction that
//! logs a `replace` change: every site process watching the change log rebuilds its index.
//! Accounts, the moderation queue, the audit log and problem reports are left as they are
//! (see docs/backup.md for why).

use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{SqliteStore, Store, StoreError, StoreResult};
use crate::model::Directory;
use crate::moderation::{AuditAction, NewAudit};

/// The store's file name inside the data folder.
pub const STORE_FILE: &str = "dayfinder.sqlite3";

/// What a backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub services: usize,
    pub organisations: usize,
    /// The file's size in bytes.
    pub bytes: u64,
}

impl SqliteStore {
    /// Opens (or creates) the store in a data folder: the same file the engine opens, but
    /// without the search index, so it can be opened beside a running site.
    pub fn open_in(data_dir: &Path) -> StoreResult<SqliteStore> {
        std::fs::create_dir_all(data_dir).map_err(io)?;
        SqliteStore::open(&data_dir.join(STORE_FILE))
    }

    /// Writes a consistent copy of the whole store to `to`, replacing any file there only
    /// once the copy is complete and on disk.
    pub fn back_up(&self, to: &Path) -> StoreResult<BackupSummary> {
        let partial = partial_path(to);
        if partial.exists() {
            std::fs::remove_file(&partial).map_err(io)?;
        }
        let target = partial
            .to_str()
            .ok_or_else(|| StoreError::Invalid("the backup's path must be valid UTF-8".into()))?
            .to_string();
        let written = self
            .with(|conn| {
                conn.execute("VACUUM INTO ?1", [&target])?;
                Ok(())
            })
            .and_then(|()| forget_sessions(&partial))
            .and_then(|()| summarise(&partial));
        let summary = match written {
            Ok(summary) => summary,
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                return Err(e);
            }
        };
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(io)?;
        std::fs::rename(&partial, to).map_err(io)?;
        sync_parent(to);
        Ok(summary)
    }

    /// Replaces the directory with the one in the backup at `from`, in one transaction;
    /// returns what the backup held and the change log's new head (a `replace`).
    pub fn restore(&self, from: &Path) -> StoreResult<(BackupSummary, u64)> {
        let summary = summarise(from)?;
        let directory = read_backup(from)?;
        if let Some(problem) = directory.problems().into_iter().next() {
            return Err(StoreError::Invalid(problem.to_string()));
        }
        let audit = NewAudit {
            at: jiff::Timestamp::now(),
            editor: None,
            action: AuditAction::Restored,
            summary: format!(
                "The directory was restored from the backup {} ({} services)",
                from.display(),
                directory.services.len()
            ),
        };
        // The replacement and its audit entry are one transaction, like every write.
        let head = self.write(|tx| {
            let head = super::sqlite::replace_in(tx, &directory)?;
            super::moderation::write_audit::<crate::model::Service>(tx, &audit, None, None, None)?;
            Ok(head)
        })?;
        Ok((summary, head))
    }
}

/// The directory held in a backup file, which is not changed (its schema is brought up
/// to date in a copy in memory).
pub fn read_backup(path: &Path) -> StoreResult<Directory> {
    let source = open_read_only(path)?;
    let version: i64 = source
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| not_a_backup(path, e))?;
    if version == 0 {
        return Err(StoreError::Invalid(format!(
            "{} is not a Dayfinder backup (it holds no directory)",
            path.display()
        )));
    }
    let mut copy = Connection::open_in_memory()?;
    {
        let backup = Backup::new(&source, &mut copy)?;
        match backup.step(-1).map_err(|e| not_a_backup(path, e))? {
            StepResult::Done => {}
            _ => {
                return Err(StoreError::Invalid(format!(
                    "{} is in use; try again",
                    path.display()
                )));
            }
        }
    }
    let store = SqliteStore::setup(copy).map_err(|e| match e {
        StoreError::Migration(rusqlite_migration::Error::MigrationDefinition(
            rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
        )) => StoreError::Invalid(format!(
            "{} was made by a newer version of Dayfinder: restore it with that version",
            path.display()
        )),
        other => other,
    })?;
    store.directory()
}

/// How many services and organisations a backup holds, and its size; checks that it is
/// a whole SQLite file first.
fn summarise(path: &Path) -> StoreResult<BackupSummary> {
    let conn = open_read_only(path)?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| not_a_backup(path, e))?;
    if check != "ok" {
        return Err(StoreError::Invalid(format!(
            "{} is damaged: {check}",
            path.display()
        )));
    }
    let count = |table: &str| -> StoreResult<usize> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| n as usize)
        .map_err(|e| not_a_backup(path, e))
    };
    Ok(BackupSummary {
        services: count("services")?,
        organisations: count("organisations")?,
        bytes: std::fs::metadata(path).map_err(io)?.len(),
    })
}

/// Drops sessions and failed sign-ins from a fresh backup (they are only good for now),
/// and makes it one self-contained file (no WAL beside it), readable from read-only media.
fn forget_sessions(path: &Path) -> StoreResult<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.execute_batch("BEGIN; DELETE FROM sessions; DELETE FROM sign_in_failures; COMMIT;")?;
    Ok(())
}

fn open_read_only(path: &Path) -> StoreResult<Connection> {
    if !path.is_file() {
        return Err(StoreError::Invalid(format!(
            "there is no backup file at {}",
            path.display()
        )));
    }
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// A file that SQLite cannot read as a store is the person's mistake, said plainly.
fn not_a_backup(path: &Path, error: rusqlite::Error) -> StoreError {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::Invalid(format!(
            "{} is not a Dayfinder backup (not a SQLite database)",
            path.display()
        )),
        _ if matches!(error, rusqlite::Error::SqliteFailure(_, Some(ref m)) if m.starts_with("no such table")) => {
            StoreError::Invalid(format!(
                "{} is not a Dayfinder backup (it holds no directory)",
                path.display()
            ))
        }
        _ => StoreError::Sqlite(error),
    }
}

/// `dir/.name.partial`: beside the target, so the final rename is atomic.
fn partial_path(to: &Path) -> PathBuf {
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".into());
    to.with_file_name(format!(".{name}.partial"))
}

/// Makes a rename durable (best effort: not every platform can open a directory).
fn sync_parent(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(dir) = std::fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
}

fn io(error: std::io::Error) -> StoreError {
    StoreError::Invalid(format!("the file system failed: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::{AccountStore, Accounts, NewAccount, NewSession, Password, Role};
    use crate::sample::events::REFERENCE_DAY;
    use crate::store::ChangeKind;

    fn sample() -> Directory {
        crate::sample::cheshire_east_on(REFERENCE_DAY)
    }

    #[test]
    fn a_restore_is_written_in_the_audit_log() {
        use crate::moderation::{AuditAction, ModerationStore};
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in(dir.path()).unwrap();
        store.replace_all(&sample()).unwrap();
        let file = dir.path().join("backup.sqlite3");
        store.back_up(&file).unwrap();
        store.restore(&file).unwrap();
        let log = store.audit_log(None, 1).unwrap();
        assert_eq!(log[0].action, AuditAction::Restored);
        assert!(log[0].editor.is_none());
        assert!(
            log[0].summary.contains("backup.sqlite3"),
            "{}",
            log[0].summary
        );
    }

    #[test]
    fn a_backup_restored_brings_back_the_directory_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in(dir.path()).unwrap();
        store.replace_all(&sample()).unwrap();
        let before = store.directory().unwrap();
        let file = dir.path().join("monday.sqlite3");
        let summary = store.back_up(&file).unwrap();
        assert_eq!(summary.services, before.services.len());
        // One whole file, nothing half-written or beside it.
        let beside: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains("monday"))
            .collect();
        assert_eq!(beside, ["monday.sqlite3"]);

        // Someone changes a listing and removes another after the backup.
        let mut changed = before.services[0].clone();
        changed.name = "Renamed by mistake".into();
        store.save_service(&changed).unwrap();
        store.delete_service(&before.services[1].id).unwrap();
        let head_before = store.head().unwrap();

        let (restored, head) = store.restore(&file).unwrap();
        assert_eq!(restored.services, before.services.len());
        assert!(
            store.directory().unwrap() == before,
            "the directory is as it was"
        );
        // The index learns of it as a replacement, after everything before.
        assert!(head > head_before);
        let changes = store.changes_since(head_before).unwrap();
        assert_eq!(changes.last().map(|c| &c.kind), Some(&ChangeKind::Replaced));
    }

    #[test]
    fn a_backup_keeps_accounts_but_not_sessions_and_restore_keeps_todays_accounts() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in(dir.path()).unwrap();
        store.replace_all(&sample()).unwrap();
        let now = jiff::Timestamp::now();
        let password = Password::parse("plum tree river lantern").unwrap();
        let council = NewAccount::parse("council@example.org", "Chris", Role::Council).unwrap();
        let account = Accounts::new(&store).add(&council, &password, now).unwrap();
        store
            .start_session(&NewSession {
                token_hash: "abc".into(),
                account_id: account.id,
                csrf_token: crate::accounts::CsrfToken::generate().unwrap(),
                created_at: now,
                expires_at: now + jiff::SignedDuration::from_hours(1),
                awaiting_code: false,
            })
            .unwrap();
        let file = dir.path().join("backup.sqlite3");
        store.back_up(&file).unwrap();
        let copy = Connection::open(&file).unwrap();
        let count = |table: &str| -> i64 {
            copy.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(count("accounts"), 1);
        assert_eq!(count("sessions"), 0);

        // An editor added after the backup is still there after restoring it.
        let later = NewAccount::parse("later@example.org", "Lee", Role::Council).unwrap();
        Accounts::new(&store).add(&later, &password, now).unwrap();
        store.restore(&file).unwrap();
        assert_eq!(store.accounts().unwrap().len(), 2);
    }

    #[test]
    fn restoring_a_file_that_is_not_a_backup_changes_nothing_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in(dir.path()).unwrap();
        store.replace_all(&sample()).unwrap();
        let before = store.directory().unwrap();
        let head = store.head().unwrap();

        let text = dir.path().join("notes.txt");
        std::fs::write(
            &text,
            "not a database at all, but long enough to look like one ".repeat(20),
        )
        .unwrap();
        let empty_db = dir.path().join("empty.sqlite3");
        Connection::open(&empty_db)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        let missing = dir.path().join("missing.sqlite3");
        for (file, says) in [
            (&text, "not a Dayfinder backup"),
            (&empty_db, "not a Dayfinder backup"),
            (&missing, "no backup file"),
        ] {
            let error = store.restore(file).unwrap_err().to_string();
            assert!(error.contains(says), "{}: {error}", file.display());
        }
        assert!(!missing.exists(), "nothing is created where no file was");
        assert_eq!(store.head().unwrap(), head);
        assert!(store.directory().unwrap() == before, "nothing changed");
    }
}
