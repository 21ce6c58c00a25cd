//! `dayfinder places import FILE [--names NAMES]` and `dayfinder places names NAMES`: the
//! directory's postcodes and place names from open data (docs/places.md). The reading and
//! storing is the core's (`Engine::import_places`, `Engine::import_place_names`).

use std::path::{Path, PathBuf};

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
    /// `Postcode,lat,long` file, in one step. Terminated postcodes are skipped. Running
    /// site nodes use them within a few seconds.
    Import(PlacesImportArgs),
    /// Replace the area's place names with those of the ONS Index of Place Names that lie
    /// inside the postcodes imported before.
    Names(PlacesNamesArgs),
}

#[derive(Debug, Args)]
pub struct PlacesImportArgs {
    /// The CSV file (columns in any order, named in its first line; Code-Point Open
    /// with or without its header line).
    pub file: PathBuf,
    /// The ONS Index of Place Names CSV: its towns and villages inside the area become
    /// names people can search by, in the same step.
    #[arg(long, value_name = "NAMES.csv")]
    pub names: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PlacesNamesArgs {
    /// The ONS Index of Place Names CSV, as downloaded.
    pub file: PathBuf,
}

pub async fn run(data_dir: &Path, args: PlacesArgs) -> anyhow::Result<()> {
    match args.command {
        PlacesCommand::Import(args) => import(data_dir, args).await,
        PlacesCommand::Names(args) => names(data_dir, args).await,
    }
}

fn open(path: &Path) -> anyhow::Result<std::io::BufReader<std::fs::File>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("Could not open {}", path.display()))?;
    Ok(std::io::BufReader::new(file))
}

async fn import(data_dir: &Path, args: PlacesImportArgs) -> anyhow::Result<()> {
    let file = open(&args.file)?;
    let names = args.names.as_deref().map(open).transpose()?;
    let store = crate::commands::open_places(data_dir).await?;
    let shown = args.file.display().to_string();
    let names_shown = args.names.as_ref().map(|p| p.display().to_string());
    let done = crate::commands::blocking(move || {
        let mut names = names;
        dayfinder::engine::import_places(
            store.as_ref(),
            file,
            names.as_mut().map(|n| n as &mut dyn std::io::Read),
        )
        .map_err(|e| {
            // Name the file at fault: a line number is of one of the two.
            let at = match (&e, &names_shown) {
                (dayfinder::Error::PlaceNamesFile(_), Some(names)) => names,
                _ => &shown,
            };
            anyhow::anyhow!("{at}: {e}")
        })
    })
    .await?;
    println!(
        "Imported {} postcodes in {} outward codes ({}); skipped {} terminated or without a position.",
        done.postcodes,
        done.outward_codes.len(),
        shown_codes(&done.outward_codes),
        done.skipped
    );
    if let Some(names) = &done.names {
        print_names(names);
    }
    println!("Running site nodes use them within a few seconds.");
    Ok(())
}

async fn names(data_dir: &Path, args: PlacesNamesArgs) -> anyhow::Result<()> {
    let file = open(&args.file)?;
    let store = crate::commands::open_places(data_dir).await?;
    let shown = args.file.display().to_string();
    let done = crate::commands::blocking(move || {
        dayfinder::engine::import_place_names(store.as_ref(), file)
            .map_err(|e| anyhow::anyhow!("{shown}: {e}"))
    })
    .await?;
    print_names(&done);
    println!("Running site nodes use them within a few seconds.");
    Ok(())
}

fn print_names(names: &dayfinder::engine::NamesImported) {
    println!(
        "Kept {} place names inside the area; left out {} outside it.",
        names.kept, names.outside
    );
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
