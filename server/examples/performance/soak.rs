//! The soak: minutes of mixed load (results pages, listing pages, the API's lists and
//! single services) on loopback, bounded in time and rate, with the server's resident
//! memory sampled throughout.

use std::time::{Duration, Instant};

use dayfinder::Engine;

use crate::measure::{generate, towns, url_file};
use crate::queries::questions;
use crate::server::Server;
use crate::{Args, load_average, oha};

/// Connections during the soak, and the most requests a second they may send (so the
/// count is bounded: minutes × 60 × RATE).
pub const CONNECTIONS: usize = 8;
pub const RATE: u32 = 400;
/// Resident memory is compared from this point on (caches and mapped index pages warm).
pub const WARM: Duration = Duration::from_secs(60);
const SAMPLE_EVERY: Duration = Duration::from_secs(10);

pub struct SoakReport {
    pub services: usize,
    pub minutes: u64,
    pub urls: usize,
    pub run: oha::Run,
    /// (seconds since the start, VmRSS KiB, RssAnon KiB)
    pub samples: Vec<(u64, u64, u64)>,
    pub vm_hwm_kib: u64,
    pub load_before: String,
    pub load_after: String,
}

impl SoakReport {
    /// Growth of resident memory from the first sample after warming up to the last.
    pub fn growth(&self) -> f64 {
        let after: Vec<_> = self
            .samples
            .iter()
            .filter(|s| s.0 >= WARM.as_secs())
            .collect();
        match (after.first(), after.last()) {
            (Some(a), Some(b)) if a.1 > 0 => (b.1 as f64 - a.1 as f64) / a.1 as f64,
            _ => 0.0,
        }
    }
}

pub fn run(args: &Args, n: usize, minutes: u64) -> anyhow::Result<SoakReport> {
    let load_before = load_average();
    let (data, _) = generate(args, n)?;
    let (qs, ids) = {
        let engine = Engine::open(&data)?;
        let qs = questions(&towns(&engine)?, 40);
        let mut ids = Vec::new();
        for q in &qs {
            ids.extend(engine.search(&q.search())?.hits.into_iter().map(|h| h.id));
        }
        ids.sort();
        ids.dedup();
        ids.truncate(200);
        (qs, ids)
    };
    let server = Server::start(
        &args.bin,
        &data,
        &args.site,
        &args.work.join(format!("soak-{n}.log")),
    )?;
    let mut paths: Vec<String> = Vec::new();
    for q in &qs {
        paths.push(q.page());
        paths.push(q.api());
    }
    for id in &ids {
        paths.push(format!("/services/{id}"));
        paths.push(format!("/api/v3/services/{id}"));
    }
    paths.extend([
        "/".into(),
        "/search".into(),
        "/api/v3/services?page=2".into(),
    ]);
    let urls = args.work.join(format!("soak-{n}.txt"));
    url_file(&urls, &server.base, paths.iter().cloned())?;

    eprintln!("performance: soaking for {minutes} minutes");
    let pid = server.pid();
    let oha_path = args.oha.clone();
    let urls_path = urls.clone();
    let load = std::thread::spawn(move || {
        oha::run(&oha_path, &urls_path, CONNECTIONS, minutes * 60, Some(RATE))
    });
    let started = Instant::now();
    let mut samples = Vec::new();
    while !load.is_finished() {
        let rss = crate::server::memory_kib(pid, "VmRSS").unwrap_or(0);
        let anon = crate::server::memory_kib(pid, "RssAnon").unwrap_or(0);
        samples.push((started.elapsed().as_secs(), rss, anon));
        let next = started.elapsed() + SAMPLE_EVERY;
        while started.elapsed() < next && !load.is_finished() {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    let run = load
        .join()
        .map_err(|_| anyhow::anyhow!("the load thread panicked"))??;
    let vm_hwm_kib = server.memory_kib("VmHWM")?;
    drop(server);
    if !args.keep {
        std::fs::remove_dir_all(&data)?;
    }
    Ok(SoakReport {
        services: n,
        minutes,
        urls: paths.len(),
        run,
        samples,
        vm_hwm_kib,
        load_before,
        load_after: load_average(),
    })
}
