//! Dayfinder's speed, measured side by side with an SQLite FTS5 baseline (issue 9): index
//! build, store size, cold start, search latency at every layer, load from `oha` on
//! loopback, page and bundle size, peak memory; or, with `--soak-minutes`, a soak.
//! A benchmark, not a test. Run it with `scripts/performance.sh`, which builds everything
//! in release first and installs `oha`; see docs/performance.md.

mod baseline;
mod measure;
mod oha;
mod queries;
mod raw;
mod report;
mod server;
mod soak;
mod stats;

use std::path::PathBuf;

use clap::Parser;

#[derive(Parser, Debug, Clone)]
#[command(about = "Measures Dayfinder's speed against an SQLite FTS5 baseline")]
pub struct Args {
    /// Directory sizes to measure (services), comma separated.
    #[arg(long, value_delimiter = ',', default_value = "10000,100000")]
    pub sizes: Vec<usize>,
    /// The release server binary.
    #[arg(long, default_value = "target/release/dayfinder")]
    pub bin: PathBuf,
    /// The built site (`cargo leptos build --release --precompress`).
    #[arg(long, default_value = "target/site")]
    pub site: PathBuf,
    /// The `oha` load generator.
    #[arg(long, default_value = "target/tools/bin/oha")]
    pub oha: PathBuf,
    /// Where directories, URL lists and logs go (emptied first).
    #[arg(long, default_value = "target/performance")]
    pub work: PathBuf,
    /// The Markdown report, also printed (default: report.md, or soak.md, in `work`).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Seconds of each load run.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// Seconds of each in-process latency measure.
    #[arg(long, default_value_t = 3)]
    pub in_process_seconds: u64,
    /// Soak instead: this many minutes of mixed load on the first size.
    #[arg(long)]
    pub soak_minutes: Option<u64>,
    /// Keep the generated directories.
    #[arg(long)]
    pub keep: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.work)?;
    let report = match args.soak_minutes {
        Some(minutes) => {
            let size = *args.sizes.first().unwrap_or(&10_000);
            report::soak(&soak::run(&args, size, minutes)?)
        }
        None => {
            let mut sizes = Vec::new();
            for &n in &args.sizes {
                eprintln!("performance: measuring {n} services");
                sizes.push(measure::size(&args, n)?);
            }
            report::full(&args, &sizes)
        }
    };
    let out = args.out.clone().unwrap_or_else(|| {
        args.work.join(match args.soak_minutes {
            Some(_) => "soak.md",
            None => "report.md",
        })
    });
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, &report)?;
    println!("{report}");
    eprintln!("performance: report written to {}", out.display());
    Ok(())
}

/// The load average now (1, 5 and 15 minutes), as /proc/loadavg gives it.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}
