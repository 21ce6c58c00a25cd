//! Logging: to standard error, so that `--json` output on standard out stays clean.

use tracing_subscriber::EnvFilter;

/// Logs at `info` unless `RUST_LOG` says otherwise.
pub fn init() {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tantivy=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
