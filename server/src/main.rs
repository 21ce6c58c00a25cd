//! `dayfinder`: serve the site, or work with the directory from the command line.

use dayfinder_server::{commands, config, telemetry};

/// Rendering pages allocates many small strings; mimalloc serves them far faster than
/// glibc's malloc (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Flags, then the environment, then the profile's `[serve]` table (docs/deploy.md).
    let cli = config::parse(std::env::args_os().collect())?;
    telemetry::init(cli.log_format);
    commands::run(cli).await
}
