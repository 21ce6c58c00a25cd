//! One directory size, measured end to end.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context;
use dayfinder::Engine;
use dayfinder::engine::listings_of;

use crate::baseline::Fts5;
use crate::queries::{Question, Shape, questions};
use crate::raw::Raw;
use crate::server::{Server, get, size_of, store_files};
use crate::stats::{Latency, time_rounds};
use crate::{Args, load_average, oha};

/// Questions of each shape.
pub const PER_SHAPE: usize = 40;
/// Connections the load runs use.
pub const CONNECTIONS: [usize; 3] = [1, 16, 64];

/// Every figure for one directory size.
pub struct SizeReport {
    pub services: usize,
    pub generate: Duration,
    pub index_build: Duration,
    pub store_bytes: u64,
    pub index_bytes: u64,
    pub fts5_build: Duration,
    pub fts5_bytes: u64,
    pub cold_start: Duration,
    /// Raw tantivy, every question's words.
    pub raw: Latency,
    /// The full core search, per shape, and over all shapes.
    pub core: Vec<(Shape, Latency)>,
    pub core_all: Latency,
    /// FTS5 on the filtered questions, and Dayfinder's core search on the same.
    pub fts5: Latency,
    /// Mean totals over the filtered questions: (Dayfinder, FTS5).
    pub totals: (f64, f64),
    /// (connections, load average before, results page run, API run).
    pub load: Vec<(usize, String, oha::Run, oha::Run)>,
    /// Results page HTML + CSS as served (brotli); hydration bundle wasm + JS (brotli).
    pub page_br: u64,
    pub page_html: u64,
    pub bundle_br: u64,
    pub vm_hwm_kib: u64,
    pub vm_rss_kib: u64,
    pub load_before: String,
    pub load_after: String,
}

/// Runs a command of the release binary against a data folder, timed.
pub fn dayfinder(args: &Args, data: &Path, command: &[&str]) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let status = Command::new(&args.bin)
        .arg("--data-dir")
        .arg(data)
        .args(command)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .status()
        .with_context(|| format!("Failed to run {}", args.bin.display()))?;
    anyhow::ensure!(status.success(), "dayfinder {command:?} failed");
    Ok(started.elapsed())
}

/// Generates `n` services (seed 1) into a fresh data folder; returns it and the time.
pub fn generate(args: &Args, n: usize) -> anyhow::Result<(PathBuf, Duration)> {
    let data = args.work.join(format!("data-{n}"));
    if data.exists() {
        std::fs::remove_dir_all(&data)?;
    }
    let n_text = n.to_string();
    let took = dayfinder(
        args,
        &data,
        &["generate", "--services", &n_text, "--seed", "1"],
    )?;
    Ok((data, took))
}

/// The towns a directory has buildings in, each with the outcode of one of its
/// postcodes (searches near a place use the outcode: the gazetteer knows every outcode,
/// but only some towns by name).
pub fn towns(engine: &Engine) -> anyhow::Result<Vec<(String, String)>> {
    let mut towns = std::collections::BTreeMap::new();
    for l in engine.directory()?.locations {
        if let Some(outcode) = l.postcode.split_whitespace().next() {
            towns
                .entry(l.town.clone())
                .or_insert_with(|| outcode.to_string());
        }
    }
    Ok(towns.into_iter().collect())
}

/// Writes one URL a line for `oha --urls-from-file`.
pub fn url_file(
    path: &Path,
    base: &str,
    paths: impl Iterator<Item = String>,
) -> anyhow::Result<()> {
    let lines: Vec<String> = paths.map(|p| format!("{base}{p}")).collect();
    std::fs::write(path, lines.join("\n") + "\n")?;
    Ok(())
}

pub fn size(args: &Args, n: usize) -> anyhow::Result<SizeReport> {
    let load_before = load_average();
    let (data, generate) = generate(args, n)?;
    eprintln!("performance: generated in {generate:.1?}; rebuilding the index");
    let index_build = dayfinder(args, &data, &["reindex"])?;
    let store_bytes = store_files(&data).iter().map(|f| size_of(f)).sum();
    let index_bytes = size_of(&data.join("index"));
    let budget = Duration::from_secs(args.in_process_seconds);

    // In this process: the core search, raw tantivy, and FTS5, one call at a time.
    let engine = Engine::open(&data)?;
    let towns = towns(&engine)?;
    let qs = questions(&towns, PER_SHAPE);
    let of_shape =
        |s: Shape| -> Vec<Question> { qs.iter().filter(|q| q.shape == s).cloned().collect() };
    eprintln!("performance: core search");
    for q in &qs {
        engine.search(&q.search())?; // warm
    }
    let mut core = Vec::new();
    let mut all_times = Vec::new();
    for shape in Shape::ALL {
        let times = time_rounds(&of_shape(shape), budget, |q| {
            engine.search(&q.search())?;
            Ok(())
        })?;
        all_times.extend(times.iter().copied());
        core.push((shape, Latency::of(times)));
    }
    let core_all = Latency::of(all_times);
    let filtered = of_shape(Shape::Filtered);
    let mut ours = 0;
    for q in &filtered {
        ours += engine.search(&q.search())?.total;
    }

    eprintln!("performance: raw tantivy");
    let raw = Raw::open(&data.join("index"))?;
    for q in &qs {
        raw.search(q.text)?;
    }
    let raw = Latency::of(time_rounds(&qs, budget, |q| {
        raw.search(q.text)?;
        Ok(())
    })?);

    eprintln!("performance: FTS5 baseline");
    let listings = listings_of(&engine.directory()?);
    drop(engine);
    let fts5_path = args.work.join(format!("fts5-{n}.sqlite3"));
    let started = Instant::now();
    let fts5_db = Fts5::build(&fts5_path, &listings)?;
    let fts5_build = started.elapsed();
    drop(listings);
    let fts5_bytes = ["", "-wal", "-shm"]
        .iter()
        .map(|s| size_of(Path::new(&format!("{}{s}", fts5_path.display()))))
        .sum();
    let mut theirs = 0;
    for q in &filtered {
        theirs += fts5_db.search(q)?.0;
    }
    let fts5 = Latency::of(time_rounds(&filtered, budget, |q| {
        fts5_db.search(q)?;
        Ok(())
    })?);
    drop(fts5_db);
    let mean = |total: usize| total as f64 / filtered.len() as f64;

    // Over HTTP: the release server in its own process.
    eprintln!("performance: starting the server");
    let server = Server::start(
        &args.bin,
        &data,
        &args.site,
        &args.work.join(format!("server-{n}.log")),
    )?;
    let cold_start = server.cold_start;
    let (page_br, page_html, bundle_br) = sizes(args, &server.base)?;
    let pages = args.work.join(format!("pages-{n}.txt"));
    let apis = args.work.join(format!("api-{n}.txt"));
    url_file(&pages, &server.base, qs.iter().map(Question::page))?;
    url_file(&apis, &server.base, qs.iter().map(Question::api))?;
    for file in [&pages, &apis] {
        let warm = oha::run(&args.oha, file, 4, 2, None)?;
        anyhow::ensure!(
            warm.failures() == 0,
            "requests failed while warming up: {warm:?}; see {}",
            file.display()
        );
    }
    let mut load = Vec::new();
    for c in CONNECTIONS {
        eprintln!("performance: load from {c} connections");
        let before = load_average();
        let page = oha::run(&args.oha, &pages, c, args.seconds, None)?;
        let api = oha::run(&args.oha, &apis, c, args.seconds, None)?;
        load.push((c, before, page, api));
    }
    let vm_hwm_kib = server.memory_kib("VmHWM")?;
    let vm_rss_kib = server.memory_kib("VmRSS")?;
    drop(server);
    if !args.keep {
        std::fs::remove_dir_all(&data)?;
        let _ = std::fs::remove_file(&fts5_path);
    }
    Ok(SizeReport {
        services: n,
        generate,
        index_build,
        store_bytes,
        index_bytes,
        fts5_build,
        fts5_bytes,
        cold_start,
        raw,
        core,
        core_all,
        fts5,
        totals: (mean(ours), mean(theirs)),
        load,
        page_br,
        page_html,
        bundle_br,
        vm_hwm_kib,
        vm_rss_kib,
        load_before,
        load_after: load_average(),
    })
}

/// The results page (unfiltered: every facet and a full page, the largest) with its
/// stylesheet as served with brotli, its raw HTML, and the hydration bundle as served
/// with brotli (as scripts/budget.mjs measures them).
fn sizes(args: &Args, base: &str) -> anyhow::Result<(u64, u64, u64)> {
    let (_, html) = get(&format!("{base}/search"), "identity")?;
    let html_text = String::from_utf8_lossy(&html);
    let css = html_text
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|h| h.starts_with("/pkg/") && h.ends_with(".css"))
        .context("no stylesheet link on the results page")?;
    let page_br =
        get(&format!("{base}/search"), "br")?.1.len() + get(&format!("{base}{css}"), "br")?.1.len();
    let mut bundle = 0;
    for entry in std::fs::read_dir(args.site.join("pkg"))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".wasm") || name.ends_with(".js") {
            bundle += get(&format!("{base}/pkg/{name}"), "br")?.1.len();
        }
    }
    Ok((page_br as u64, html.len() as u64, bundle as u64))
}
