//! `backup` and `restore`: both open only the store (never the search index, whose one
//! writer is the running site), so both work while the site runs. See docs/backup.md.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Args;
use dayfinder::store::{STORE_FILE, Store, StoreError};

use crate::commands::{blocking, open_store};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The file to write, e.g. backups/dayfinder-2026-05-04.sqlite3 (its folder is made
    /// if missing).
    pub file: PathBuf,
    /// Replace the file if there is one already.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to put back, as written by `backup`.
    pub file: PathBuf,
}

/// Writes a consistent copy of the store to a file.
pub async fn backup(data_dir: &Path, args: BackupArgs) -> anyhow::Result<()> {
    if !data_dir.join(STORE_FILE).is_file() {
        bail!(
            "There is no store in {}: nothing to back up. (Use --data-dir to say where it is.)",
            data_dir.display()
        );
    }
    if args.file.exists() && !args.force {
        bail!(
            "{} already exists. Choose another name, or add --force to replace it.",
            args.file.display()
        );
    }
    if let Some(folder) = args.file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("Failed to create the folder {}", folder.display()))?;
    }
    let store = open_store(data_dir).await?;
    let file = args.file.clone();
    let summary = blocking(move || store.back_up(&file).map_err(said)).await?;
    println!(
        "Backed up {} services of {} organisations to {} ({} KB).",
        summary.services,
        summary.organisations,
        args.file.display(),
        summary.bytes.div_ceil(1024)
    );
    Ok(())
}

/// Replaces the directory with a backup's, after keeping a copy of what it replaces.
pub async fn restore(data_dir: &Path, args: RestoreArgs) -> anyhow::Result<()> {
    if !args.file.is_file() {
        bail!("There is no backup file at {}.", args.file.display());
    }
    let store = open_store(data_dir).await?;
    let file = args.file.clone();
    let dir = data_dir.to_path_buf();
    let (kept, summary) = blocking(move || {
        // Check the backup before touching anything: a wrong file changes nothing.
        dayfinder::store::read_backup(&file).map_err(said)?;
        let kept = if store.service_count()? > 0 {
            let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
            let copy = dir
                .join("backups")
                .join(format!("before-restore-{stamp}.sqlite3"));
            std::fs::create_dir_all(copy.parent().unwrap_or(&dir))?;
            store
                .back_up(&copy)
                .map_err(said)
                .context("Failed to keep a copy of the directory before restoring")?;
            Some(copy)
        } else {
            None
        };
        let (summary, _) = store.restore(&file).map_err(said)?;
        Ok((kept, summary))
    })
    .await?;
    println!(
        "Restored {} services of {} organisations from {}.",
        summary.services,
        summary.organisations,
        args.file.display()
    );
    if let Some(kept) = kept {
        println!(
            "The directory as it was is kept in {} (restore that to undo).",
            kept.display()
        );
    }
    println!(
        "A running site shows the restored directory within a second. Editors' accounts are unchanged."
    );
    Ok(())
}

/// A store error as the person should read it: their mistake in its own words, anything
/// else with its cause.
fn said(error: StoreError) -> anyhow::Error {
    match error {
        StoreError::Invalid(message) => anyhow::anyhow!(capitalise(&message)),
        other => anyhow::Error::new(other),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
