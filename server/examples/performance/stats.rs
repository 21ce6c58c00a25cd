//! Percentiles of a set of timings.

use std::time::Duration;

/// p50, p95 and p99 of some timings, in milliseconds, and the rate one at a time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Latency {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    /// Calls a second, one at a time (1000 / mean).
    pub per_second: f64,
}

impl Latency {
    pub fn of(mut times: Vec<Duration>) -> Latency {
        if times.is_empty() {
            return Latency::default();
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        // Nearest rank: the smallest value with at least p% of the values at or below it.
        let at = |p: f64| {
            let rank = ((p / 100.0) * times.len() as f64).ceil() as usize;
            ms(times[rank.clamp(1, times.len()) - 1])
        };
        let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
        Latency {
            p50: at(50.0),
            p95: at(95.0),
            p99: at(99.0),
            per_second: if mean > 0.0 { 1000.0 / mean } else { 0.0 },
        }
    }
}

/// Runs `call` over `items` in rounds until `budget` has passed (at least one round),
/// timing each call.
pub fn time_rounds<T>(
    items: &[T],
    budget: Duration,
    mut call: impl FnMut(&T) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<Duration>> {
    let started = std::time::Instant::now();
    let mut times = Vec::new();
    loop {
        for item in items {
            let t = std::time::Instant::now();
            call(item)?;
            times.push(t.elapsed());
        }
        if started.elapsed() >= budget {
            break;
        }
    }
    Ok(times)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_of_one_to_a_hundred_milliseconds() {
        let times = (1..=100).rev().map(Duration::from_millis).collect();
        let l = Latency::of(times);
        assert_eq!((l.p50, l.p95, l.p99), (50.0, 95.0, 99.0));
        assert!((l.per_second - 1000.0 / 50.5).abs() < 1e-9);
    }
}
