//! `dayfinder places import FILE`: the directory's postcodes from ONS open data
//! (docs/places.md). The reading and storing is the core's (`Engine::import_places`).

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct PlacesArgs {
    #[command(subcommand)]
    pub command: PlacesCommand,
}

#[derive(Debug, Subcommand)]
pub enum PlacesCommand {
    /// Replace the directory's postcodes with those of an ONS Postcode Directory (ONSPD)
    /// or NSPL CSV file, an Ordnance Survey Code-Point Open CSV file, or a
    /// `Postcode,lat,long` file, in one step. Terminated postcodes are skipped. Site nodes use them from their next start.
    Import(PlacesImportArgs),
}

#[derive(Debug, Args)]
pub struct PlacesImportArgs {
    /// The CSV file (columns in any order, named in its first line; Code-Point Open
    /// with or without its header line).
    pub file: PathBuf,
}

pub async fn run(data_dir: &std::path::Path, args: PlacesArgs) -> anyhow::Result<()> {
    let PlacesCommand::Import(args) = args.command;
    let file = std::fs::File::open(&args.file)
        .with_context(|| format!("Could not open {}", args.file.display()))?;
    let engine = crate::commands::open(data_dir).await?;
    let shown = args.file.display().to_string();
    let done = crate::commands::blocking(move || {
        engine
            .import_places(std::io::BufReader::new(file))
            .map_err(|e| anyhow::anyhow!("{shown}: {e}"))
    })
    .await?;
    println!(
        "Imported {} postcodes in {} outward codes ({}); skipped {} terminated or without a position.",
        done.postcodes,
        done.outward_codes.len(),
        shown_codes(&done.outward_codes),
        done.skipped
    );
    println!("Restart the site (every node) to use them.");
    Ok(())
}

/// The first few outward codes, enough to check the area at a glance.
fn shown_codes(codes: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut out = codes
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if codes.len() > SHOWN {
        out.push_str(", …");
    }
    out
}
