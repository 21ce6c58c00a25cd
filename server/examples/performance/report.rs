//! The report, in Markdown.

use std::fmt::Write;
use std::time::Duration;

use crate::Args;
use crate::measure::SizeReport;
use crate::queries::Shape;
use crate::soak::{self, SoakReport};
use crate::stats::Latency;

/// Above this one-minute load average (on a 2-core machine), other work shared the cores.
const BUSY: f64 = 1.0;

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn secs(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{:.0} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

fn yes(ok: bool) -> &'static str {
    if ok { "yes" } else { "**no**" }
}

fn busy(load: &str) -> bool {
    load.split_whitespace()
        .next()
        .and_then(|l| l.parse::<f64>().ok())
        .is_some_and(|l| l > BUSY)
}

fn command_output(cmd: &str, args: &[&str]) -> String {
    std::process::Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "?".into())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("model name")?
                    .split(':')
                    .nth(1)
                    .map(str::trim)
                    .map(String::from)
            })
        })
        .unwrap_or_else(|| "?".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!(
        "{} (commit {}), {cores} cores ({cpu}), everything on loopback",
        jiff::Zoned::now().strftime("%Y-%m-%d %H:%M %Z"),
        command_output("git", &["rev-parse", "--short", "HEAD"]),
    )
}

fn latency_row(out: &mut String, what: &str, n: &str, l: &Latency) {
    let _ = writeln!(
        out,
        "| {what} | {n} | {:.2} | {:.2} | {:.2} | {:.0} |",
        l.p50, l.p95, l.p99, l.per_second
    );
}

fn best_rate(s: &SizeReport, page: bool) -> f64 {
    s.load
        .iter()
        .map(|(_, _, p, a)| if page { p } else { a }.metrics.requests_per_sec)
        .fold(0.0, f64::max)
}

fn at16(s: &SizeReport) -> Option<&crate::oha::Run> {
    s.load.iter().find(|l| l.0 == 16).map(|l| &l.2)
}

fn targets(out: &mut String, sizes: &[SizeReport]) {
    let _ = writeln!(
        out,
        "## Targets\n\n| target | figure | met |\n|---|---|---|"
    );
    if let Some(s) = sizes.iter().find(|s| s.services == 10_000) {
        if let Some(p) = at16(s) {
            let _ = writeln!(
                out,
                "| 10,000: results page p95 at 16 connections under 20 ms | {:.1} ms | {} |",
                p.metrics.latency_ms.p95,
                yes(p.metrics.latency_ms.p95 < 20.0)
            );
        }
        let pages = best_rate(s, true);
        let api = best_rate(s, false);
        let _ = writeln!(
            out,
            "| 10,000: at least 2,000 results pages a second | {pages:.0}/s | {} |",
            yes(pages >= 2000.0)
        );
        let _ = writeln!(
            out,
            "| 10,000: JSON API at least 4,000 a second | {api:.0}/s | {} |",
            yes(api >= 4000.0)
        );
        let ours = s.core.iter().find(|c| c.0 == Shape::Filtered).map(|c| c.1);
        if let Some(ours) = ours {
            let _ = writeln!(
                out,
                "| 10,000: ahead of SQLite FTS5 (full search vs FTS5, same questions, p50 / p95) | Dayfinder/FTS5 = {:.2} / {:.2} | {} |",
                ours.p50 / s.fts5.p50,
                ours.p95 / s.fts5.p95,
                yes(ours.p50 < s.fts5.p50 && ours.p95 < s.fts5.p95)
            );
        }
    }
    if let Some(s) = sizes.iter().find(|s| s.services == 100_000)
        && let Some(p) = at16(s)
    {
        let _ = writeln!(
            out,
            "| 100,000: results page p95 at 16 connections under 50 ms | {:.1} ms | {} |",
            p.metrics.latency_ms.p95,
            yes(p.metrics.latency_ms.p95 < 50.0)
        );
    }
    let _ = writeln!(out);
}

fn size(out: &mut String, s: &SizeReport, seconds: u64) {
    let noisy = busy(&s.load_before) || busy(&s.load_after) || s.load.iter().any(|l| busy(&l.1));
    let _ = writeln!(
        out,
        "## {} services\n\nLoad average (1, 5, 15 min) before: {}; after: {}.{}\n",
        s.services,
        s.load_before,
        s.load_after,
        if noisy {
            " **The machine was busy with other work during this run: figures are noisy.**"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "### Building and starting\n\n| measure | Dayfinder | SQLite FTS5 baseline |\n|---|---|---|"
    );
    let _ = writeln!(
        out,
        "| generate (store + index, one command) | {} | |",
        secs(s.generate)
    );
    let _ = writeln!(
        out,
        "| index build (`reindex`: read the store, rebuild) | {} | {} (insert + optimize) |",
        secs(s.index_build),
        secs(s.fts5_build)
    );
    let _ = writeln!(
        out,
        "| size on disk | store {} + index {} | {} |",
        mb(s.store_bytes),
        mb(s.index_bytes),
        mb(s.fts5_bytes)
    );
    let _ = writeln!(
        out,
        "| cold start: process start to first results page | {} | |\n",
        secs(s.cold_start)
    );

    let _ = writeln!(
        out,
        "### Search latency, one at a time (ms)\n\n| layer | questions | p50 | p95 | p99 | per second |\n|---|---|---|---|---|---|"
    );
    let n = |shape: Option<Shape>| match shape {
        Some(sh) => format!("{} ({})", sh.label(), crate::measure::PER_SHAPE),
        None => format!("all ({})", crate::measure::PER_SHAPE * 3),
    };
    latency_row(
        out,
        "raw tantivy query (words only: top 20 + count)",
        &n(None),
        &s.raw,
    );
    for (shape, l) in &s.core {
        latency_row(
            out,
            "full core search (filters, facets, place)",
            &n(Some(*shape)),
            l,
        );
    }
    latency_row(out, "full core search", &n(None), &s.core_all);
    latency_row(
        out,
        "SQLite FTS5 baseline (top 20 by bm25 + count)",
        &n(Some(Shape::Filtered)),
        &s.fts5,
    );
    if let Some((_, ours)) = s.core.iter().find(|c| c.0 == Shape::Filtered) {
        let _ = writeln!(
            out,
            "| **ratio Dayfinder / FTS5** (full search / FTS5, same questions) | {} | {:.2} | {:.2} | {:.2} | |",
            Shape::Filtered.label(),
            ours.p50 / s.fts5.p50,
            ours.p95 / s.fts5.p95,
            ours.p99 / s.fts5.p99
        );
    }
    if let Some((_, _, page, api)) = s.load.iter().find(|l| l.0 == 1) {
        for (what, run) in [
            ("JSON API over HTTP", api),
            ("results page over HTTP", page),
        ] {
            let m = &run.metrics;
            let _ = writeln!(
                out,
                "| {what} (1 connection, oha) | {} | {:.2} | {:.2} | {:.2} | {:.0} |",
                n(None),
                m.latency_ms.p50,
                m.latency_ms.p95,
                m.latency_ms.p99,
                m.requests_per_sec
            );
        }
    }
    let _ = writeln!(
        out,
        "\nResults per filtered question, on average: Dayfinder {:.1}, FTS5 {:.1} (Dayfinder also \
         matches concepts, such as \"memory\" for dementia, and small typos; FTS5 only the words).\n",
        s.totals.0, s.totals.1
    );

    let _ = writeln!(
        out,
        "### Under load (oha on loopback, keep-alive, brotli, a random one of the {} questions each request, {} s each)\n",
        crate::measure::PER_SHAPE * 3,
        seconds
    );
    let _ = writeln!(
        out,
        "| connections | load average before | results pages/s | p50 | p95 | p99 | failed | API/s | p50 | p95 | p99 | failed |\n|---|---|---|---|---|---|---|---|---|---|---|---|"
    );
    for (c, load, page, api) in &s.load {
        let (p, a) = (&page.metrics, &api.metrics);
        let _ = writeln!(
            out,
            "| {c} | {load} | {:.0} | {:.1} | {:.1} | {:.1} | {} | {:.0} | {:.1} | {:.1} | {:.1} | {} |",
            p.requests_per_sec,
            p.latency_ms.p50,
            p.latency_ms.p95,
            p.latency_ms.p99,
            page.failures(),
            a.requests_per_sec,
            a.latency_ms.p50,
            a.latency_ms.p95,
            a.latency_ms.p99,
            api.failures()
        );
    }
    let _ = writeln!(
        out,
        "\n### Size and memory\n\n| measure | figure |\n|---|---|\n\
         | results page (unfiltered: full page, every facet) HTML + CSS as served, brotli | {} |\n\
         | of which HTML, uncompressed | {} |\n\
         | hydration bundle wasm + JS as served, brotli | {} |\n\
         | server peak memory (VmHWM) after every measure above | {} |\n\
         | server resident memory at the end (VmRSS) | {} |\n",
        kb(s.page_br),
        kb(s.page_html),
        kb(s.bundle_br),
        mib(s.vm_hwm_kib),
        mib(s.vm_rss_kib)
    );
}

pub fn full(args: &Args, sizes: &[SizeReport]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Dayfinder performance report\n\n{}. Directories from `dayfinder generate --services N --seed 1`; \
         in-process measures run {} s each, one call at a time; load from `oha`, sharing the \
         cores with the server.\n",
        machine(),
        args.in_process_seconds
    );
    targets(&mut out, sizes);
    for s in sizes {
        size(&mut out, s, args.seconds);
    }
    out
}

pub fn soak(s: &SoakReport) -> String {
    let mut out = String::new();
    let growth = s.growth();
    let failures = s.run.failures();
    let m = &s.run.metrics;
    let _ = writeln!(
        out,
        "# Dayfinder soak report\n\n{}. Load average before: {}; after: {}.{}\n",
        machine(),
        s.load_before,
        s.load_after,
        if busy(&s.load_before) || busy(&s.load_after) {
            " **The machine was busy with other work: figures are noisy.**"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "| measure | figure |\n|---|---|\n\
         | directory | {} services |\n\
         | load | {} minutes, {} connections, at most {}/s (so at most {} requests), a random one of {} URLs: results pages, listing pages, API lists and API services |\n\
         | requests answered | {} ({:.0}/s) |\n\
         | latency p50 / p95 / p99 | {:.1} / {:.1} / {:.1} ms |\n\
         | failed (not 200, or errors) | {} |\n\
         | resident memory (VmRSS) after {} s → at the end | {} → {} |\n\
         | growth | {:.1}% |\n\
         | peak (VmHWM) | {} |\n\
         | **no errors, growth under 10%** | {} |\n",
        s.services,
        s.minutes,
        soak::CONNECTIONS,
        soak::RATE,
        s.minutes * 60 * u64::from(soak::RATE),
        s.urls,
        s.run.requests(),
        m.requests_per_sec,
        m.latency_ms.p50,
        m.latency_ms.p95,
        m.latency_ms.p99,
        failures,
        soak::WARM.as_secs(),
        mib(s
            .samples
            .iter()
            .find(|x| x.0 >= soak::WARM.as_secs())
            .map_or(0, |x| x.1)),
        mib(s.samples.last().map_or(0, |x| x.1)),
        growth * 100.0,
        mib(s.vm_hwm_kib),
        yes(failures == 0 && growth < 0.10),
    );
    let _ = writeln!(
        out,
        "Resident memory each minute (VmRSS; RssAnon is the heap, the rest mapped index and store pages):\n\n| second | VmRSS | RssAnon |\n|---|---|---|"
    );
    let mut last_minute = None;
    for (t, rss, anon) in &s.samples {
        if last_minute != Some(t / 60) {
            last_minute = Some(t / 60);
            let _ = writeln!(out, "| {t} | {} | {} |", mib(*rss), mib(*anon));
        }
    }
    out
}
