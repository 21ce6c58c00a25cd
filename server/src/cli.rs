//! The command line: one clap struct is the whole configuration, with environment
//! variable fallbacks. The `///` comments are the `--help` text.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Dayfinder: a directory of day opportunities for adults in Cheshire East.
///
/// With no command, serves the site (this is how `cargo leptos serve` runs it).
#[derive(Debug, Parser)]
#[command(name = "dayfinder", version, about, long_about)]
pub struct Cli {
    /// Folder holding the directory's store and search index; created if missing.
    #[arg(
        long,
        global = true,
        env = "DAYFINDER_DATA",
        default_value = "./dayfinder-data"
    )]
    pub data_dir: PathBuf,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the website. An empty store is first filled with the Cheshire East sample.
    Serve(ServeArgs),
    /// Rebuild the search index from the store.
    Reindex,
    /// Make a synthetic directory of any size, for tests and benchmarks.
    Generate(GenerateArgs),
    /// Import services from Open Referral UK 3.0 JSON, our CSV or a Dayfinder directory
    /// file, adding and updating by id (docs/import-export.md).
    Import(crate::transfer::ImportArgs),
    /// Export the whole directory as Open Referral UK 3.0 JSON or CSV.
    Export(crate::transfer::ExportArgs),
    /// Count services, providers and towns, and services by need.
    Stats(StatsArgs),
    /// Search the directory and print the results, best first.
    Search(SearchArgs),
}

#[derive(Debug, Clone, Default, Args)]
pub struct ServeArgs {
    /// Address to listen on [default: LEPTOS_SITE_ADDR, or 127.0.0.1:3000].
    #[arg(long, env = "DAYFINDER_ADDR")]
    pub addr: Option<SocketAddr>,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many services to make.
    #[arg(long)]
    pub services: usize,
    /// Seed: the same seed always makes the same directory.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Write the directory to this JSON file instead of loading it into the store.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for, in any words: "saturday dementia", "autism friendly social group".
    #[arg(default_value = "")]
    pub text: String,
    /// A town, postcode or outward code to search around: Crewe, CW1, "CW11 1AA".
    #[arg(long)]
    pub near: Option<String>,
    /// Radius around --near, in miles.
    #[arg(long)]
    pub within: Option<f64>,
    /// Support need (repeatable): learning-disability, autism, physical-disability,
    /// sensory-impairment, mental-health, dementia, older-people, carers-break.
    #[arg(long = "need")]
    pub needs: Vec<String>,
    /// Kind (repeatable): day-centre, community-group, skills-learning,
    /// supported-employment, volunteering, befriending, shared-lives, outreach, online.
    #[arg(long = "kind")]
    pub kinds: Vec<String>,
    /// Day of the week (repeatable): monday ... sunday, or weekend.
    #[arg(long = "day")]
    pub days: Vec<String>,
    /// Order: relevance, distance or name.
    #[arg(long)]
    pub order: Option<String>,
    /// How many results to print.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
}
