//! `dayfinder`: serve the site, or work with the directory from the command line.

use clap::Parser;
use dayfinder_server::{cli::Cli, commands, telemetry};

/// Rendering pages allocates many small strings; mimalloc serves them far faster than
/// glibc's malloc (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut cli = Cli::parse();
    if cli.command.is_none() {
        // No command is `serve`, read as `serve` is (its flags' environment variables
        // and defaults too): the global options given stay where they are.
        cli = Cli::parse_from(std::env::args_os().chain(["serve".into()]));
    }
    telemetry::init(cli.log_format);
    commands::run(cli).await
}
