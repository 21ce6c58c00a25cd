//! Logging: to standard error, so that `--json` output on standard out stays clean; as
//! text for people or JSON lines for a log collector (`--log-format json`).

use tracing_subscriber::EnvFilter;

use crate::cli::LogFormat;

/// Logs at `info` unless `RUST_LOG` says otherwise.
pub fn init(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tantivy=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        // One object per line, its fields at the top level: what collectors index.
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}
