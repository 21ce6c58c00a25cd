//! Load from `oha` (crates.io), run on loopback, read from its JSON output.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use anyhow::Context;
use serde::Deserialize;

/// What one `oha` run reports (the fields we use of `--output-format json`).
#[derive(Debug, Clone, Deserialize)]
pub struct Run {
    pub metrics: Metrics,
    #[serde(rename = "statusCodeDistribution", default)]
    pub statuses: BTreeMap<String, usize>,
    #[serde(rename = "errorDistribution", default)]
    pub errors: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Metrics {
    pub requests_per_sec: f64,
    pub latency_ms: LatencyMs,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LatencyMs {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
}

impl Run {
    pub fn parse(json: &str) -> anyhow::Result<Run> {
        serde_json::from_str(json).context("oha's JSON output is not what we expect")
    }

    /// Responses that were not 200, and requests that failed, leaving out those `oha`
    /// cut off itself when the time was up.
    pub fn failures(&self) -> usize {
        let statuses: usize = self
            .statuses
            .iter()
            .filter(|(code, _)| code.as_str() != "200")
            .map(|(_, n)| n)
            .sum();
        let errors: usize = self
            .errors
            .iter()
            .filter(|(what, _)| !what.contains("deadline"))
            .map(|(_, n)| n)
            .sum();
        statuses + errors
    }

    pub fn requests(&self) -> usize {
        self.statuses.values().sum()
    }
}

/// Sends requests to the URLs in `urls` (one a line, picked at random) from `connections`
/// connections for `seconds`, at most `rate` a second if given.
pub fn run(
    oha: &Path,
    urls: &Path,
    connections: usize,
    seconds: u64,
    rate: Option<u32>,
) -> anyhow::Result<Run> {
    let mut cmd = Command::new(oha);
    cmd.args(["--no-tui", "--output-format", "json", "--urls-from-file"])
        .args(["-c", &connections.to_string()])
        .args(["-z", &format!("{seconds}s")])
        // Compressed, as browsers ask for it.
        .args(["-H", "accept-encoding: br, gzip"]);
    if let Some(rate) = rate {
        cmd.args(["-q", &rate.to_string()]);
    }
    cmd.arg(urls);
    let out = cmd
        .output()
        .with_context(|| format!("Failed to run {}", oha.display()))?;
    anyhow::ensure!(
        out.status.success(),
        "oha failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Run::parse(&String::from_utf8_lossy(&out.stdout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_throughput_latency_and_failures_from_oha_json() {
        let json = r#"{"summary":{"successRate":1.0,"requestsPerSec":2500.5},
            "metrics":{"success_rate":1.0,"requests_per_sec":2500.5,
              "latency_ms":{"min":0.1,"mean":2.0,"p50":1.5,"p95":4.25,"p99":9.0,"max":20.0}},
            "latencyPercentiles":{"p50":0.0015},
            "statusCodeDistribution":{"200":25000,"500":2},
            "errorDistribution":{"aborted due to deadline":16,"connection refused":1}}"#;
        let run = Run::parse(json).unwrap();
        assert_eq!(run.metrics.requests_per_sec, 2500.5);
        assert_eq!(run.metrics.latency_ms.p95, 4.25);
        assert_eq!(run.failures(), 3);
        assert_eq!(run.requests(), 25002);
    }
}
