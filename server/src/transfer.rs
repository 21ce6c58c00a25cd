//! `dayfinder import` and `dayfinder export`: the directory in and out as Open Referral
//! UK 3.0 JSON or our CSV columns. The work is the core's (`dayfinder::oruk::import` and
//! `export`); this is the command line around it: arguments, a progress bar, the report.
//! `docs/import-export.md` is the guide.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use dayfinder::oruk::export;
use dayfinder::oruk::import::{self, ImportError, Options, Progress, Report};
use dayfinder::oruk::mapping::Mapping;
use indicatif::{ProgressBar, ProgressStyle};

/// A file format on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    /// Open Referral UK 3.0 JSON.
    Json,
    /// Dayfinder's CSV columns (see docs/import-export.md).
    Csv,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: Open Referral UK 3.0 JSON (full services, or saved pages of a feed's
    /// /services?full=true), our CSV columns, or a Dayfinder directory file. At most 25 MB.
    pub file: PathBuf,
    /// The file's format [default: from its name (.json, .csv), or else its content].
    #[arg(long, value_enum)]
    pub format: Option<FileFormat>,
    /// Import the valid records even if some are invalid; the rest are reported.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Write the whole report to this file (JSON if its name ends in .json, text otherwise).
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// A taxonomy mapping file to use instead of the built-in one
    /// (data/oruk/taxonomy-mapping.toml is the one to copy and edit).
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Replace the whole directory with the file's, instead of adding and updating by id.
    #[arg(long)]
    pub replace: bool,
    /// Where the data comes from, shown on the site ("the council's directory team, November 2026").
    #[arg(long)]
    pub source: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// json (Open Referral UK 3.0, an array of full services) or csv (our columns).
    #[arg(long, value_enum, default_value_t = FileFormat::Json)]
    pub format: FileFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// How many lines of each list the terminal is shown (the report file has them all).
const SHOWN: usize = 30;

/// Runs `dayfinder import`.
pub async fn import(data_dir: &Path, args: ImportArgs) -> anyhow::Result<()> {
    let options = options(&args)?;
    let engine = crate::commands::open(data_dir).await?;
    let file = args.file.clone();
    let bar = progress_bar();
    let tick = bar.clone();
    let result = tokio::task::spawn_blocking(move || {
        import::import_file(&engine, &file, &options, &mut |p| show(&tick, p))
    })
    .await
    .context("The import stopped unexpectedly")?;
    bar.finish_and_clear();
    match result {
        Ok(report) => {
            write_report(&args, &report)?;
            println!("{}", report.summary());
            print_details(&report, args.report.is_some());
            Ok(())
        }
        Err(ImportError::Invalid(report)) => {
            write_report(&args, &report)?;
            print_details(&report, args.report.is_some());
            bail!(
                "{} Fix the file, or import the valid records with --skip-invalid.",
                report.summary()
            )
        }
        Err(e) => Err(e).with_context(|| format!("Could not import {}", args.file.display())),
    }
}

fn options(args: &ImportArgs) -> anyhow::Result<Options> {
    let mapping = match &args.mapping {
        Some(path) => Mapping::from_file(path)?,
        None => Mapping::embedded().clone(),
    };
    Ok(Options {
        format: args.format.map(|f| match f {
            FileFormat::Json => import::Format::Json,
            FileFormat::Csv => import::Format::Csv,
        }),
        skip_invalid: args.skip_invalid,
        replace: args.replace,
        mapping,
        source: args.source.clone(),
        ..Options::default()
    })
}

/// A bar on standard error while records are read, then a spinner while they are saved;
/// nothing when standard error is not a terminal (scripts, CI, tests).
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("Reading {bar:40} {pos}/{len} records ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

fn show(bar: &ProgressBar, progress: Progress) {
    match progress {
        Progress::Reading { done, total } => {
            bar.set_length(total.max(done) as u64);
            bar.set_position(done as u64);
        }
        Progress::Saving => {
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.set_message("Saving to the store and updating search…");
            bar.enable_steady_tick(Duration::from_millis(120));
        }
    }
}

/// Writes the report file, if one was asked for.
fn write_report(args: &ImportArgs, report: &Report) -> anyhow::Result<()> {
    let Some(path) = &args.report else {
        return Ok(());
    };
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let text = if is_json {
        serde_json::to_string_pretty(report)? + "\n"
    } else {
        report.to_string()
    };
    std::fs::write(path, text).with_context(|| format!("Failed to write {}", path.display()))?;
    eprintln!("The full report is in {}.", path.display());
    Ok(())
}

/// What was invalid, the warnings and the unmapped terms, on standard error.
fn print_details(report: &Report, in_file: bool) {
    let more = |n: usize| {
        if n > SHOWN {
            let see = if in_file {
                "see the report file"
            } else {
                "use --report FILE to see them all"
            };
            eprintln!("  …and {} more ({see})", n - SHOWN);
        }
    };
    let heading = |title: &str| eprintln!("\n{title}");
    if !report.invalid.is_empty() {
        heading(if report.refused {
            "Invalid:"
        } else {
            "Skipped, invalid:"
        });
        for issue in report.invalid.iter().take(SHOWN) {
            eprintln!("  {issue}");
        }
        more(report.invalid.len());
    }
    if !report.warnings.is_empty() {
        heading("Warnings:");
        for issue in report.warnings.iter().take(SHOWN) {
            eprintln!("  {issue}");
        }
        more(report.warnings.len());
    }
    if !report.unmapped_terms.is_empty() {
        heading("Taxonomy terms not in the mapping (see --mapping in docs/import-export.md):");
        for t in report.unmapped_terms.iter().take(SHOWN) {
            let taxonomy = t
                .taxonomy
                .as_deref()
                .map(|x| format!(" in “{x}”"))
                .unwrap_or_default();
            eprintln!("  “{}”{taxonomy}, first in {}", t.term, t.first);
        }
        more(report.unmapped_terms.len());
    }
}

/// Runs `dayfinder export`.
pub async fn export(data_dir: &Path, args: ExportArgs) -> anyhow::Result<()> {
    let engine = crate::commands::open(data_dir).await?;
    let format = match args.format {
        FileFormat::Json => export::Format::Json,
        FileFormat::Csv => export::Format::Csv,
    };
    let (bytes, count) = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let directory = engine.directory().context("Failed to read the directory")?;
        let bytes = export::export(&directory, format).context("Failed to write the directory")?;
        Ok((bytes, directory.services.len()))
    })
    .await
    .context("The export stopped unexpectedly")??;
    match &args.out {
        Some(path) => {
            std::fs::write(path, &bytes)
                .with_context(|| format!("Failed to write {}", path.display()))?;
            eprintln!("Wrote {count} services to {}.", path.display());
        }
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(&bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.context("Failed to write to standard output")?,
            }
        }
    }
    Ok(())
}
