//! `dayfinder`: serve the site, or work with the directory from the command line.

use clap::Parser;
use dayfinder_server::{cli::Cli, commands, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init();
    commands::run(cli).await
}
