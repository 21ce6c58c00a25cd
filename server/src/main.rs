//! `dayfinder`: serve the site, or work with the directory from the command line.

use clap::Parser;
use dayfinder_server::{cli::Cli, commands, telemetry};

/// Rendering pages allocates many small strings; mimalloc serves them far faster than
/// glibc's malloc (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init();
    commands::run(cli).await
}
