//! Engine work the server repeats for as long as it runs (saving counts of searches,
//! purging problem reports), each run off the async threads; a failure is logged and the
//! next run tries again.

use std::sync::Arc;
use std::time::Duration;

use dayfinder::Engine;

/// Runs `job` every `period`, forever (abort the task to stop it). `what` names the job
/// in the log ("save counts of searches").
pub async fn every<T, J>(period: Duration, what: &'static str, engine: Arc<Engine>, job: J)
where
    T: std::fmt::Debug + Send + 'static,
    J: Fn(&Engine) -> dayfinder::Result<T> + Send + Sync + 'static,
{
    let job = Arc::new(job);
    let mut ticks = tokio::time::interval(period);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let engine = engine.clone();
        let job = job.clone();
        match tokio::task::spawn_blocking(move || job(&engine)).await {
            Ok(Ok(done)) => tracing::debug!(?done, "did {what}"),
            Ok(Err(error)) => tracing::warn!(?error, "could not {what} yet"),
            Err(error) => tracing::warn!(?error, "the task to {what} failed"),
        }
    }
}
