//! Keeping a node's search index in step with changes other processes write to the store
//! (other site nodes, `import`, `restore`). Changes made through this node are indexed as
//! they are saved; these two find everyone else's:
//!
//! - **the change feed**, where the store has one (PostgreSQL's `LISTEN/NOTIFY`): a
//!   thread of its own waits on a listening connection and catches up as soon as a
//!   write commits anywhere, reconnecting if the connection drops;
//! - **polling**, always: one cheap read of the change log's head every second, and a
//!   catch-up when it moved. On the embedded store it is the only way; with a feed it is
//!   the fallback (a notice lost while reconnecting, a feed that cannot connect).
//!
//! Both call `Engine::catch_up`, which holds the index's position while it works, so they
//! never apply the same change twice.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use dayfinder::Engine;

/// How often the site looks for changes other processes made to the store.
pub const FOLLOW_EVERY: Duration = Duration::from_secs(1);

/// How long the feed's thread waits on its connection before looking whether the site
/// is stopping.
const FEED_WAIT: Duration = Duration::from_secs(2);

/// How long to wait before reconnecting a broken feed (polling carries on meanwhile).
const FEED_RETRY: Duration = Duration::from_secs(5);

/// The running followers; dropping it stops them.
pub struct Following {
    poll: tokio::task::JoinHandle<()>,
    stop: Arc<AtomicBool>,
}

impl Drop for Following {
    fn drop(&mut self) {
        self.poll.abort();
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Starts following the store: polling on the async runtime, and the change feed (if
/// the store has one) on a thread of its own, since its client blocks.
pub fn follow_the_store(engine: Arc<Engine>) -> Following {
    let stop = Arc::new(AtomicBool::new(false));
    let poll = tokio::spawn(poll(engine.clone()));
    let stopping = stop.clone();
    let spawned = std::thread::Builder::new()
        .name("change-feed".into())
        .spawn(move || listen(&engine, &stopping));
    if let Err(error) = spawned {
        tracing::warn!(
            ?error,
            "no change feed: following the store by polling only"
        );
    }
    Following { poll, stop }
}

async fn poll(engine: Arc<Engine>) {
    let mut every = tokio::time::interval(FOLLOW_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let engine = engine.clone();
        match tokio::task::spawn_blocking(move || engine.catch_up()).await {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => tracing::debug!(services = n, "indexed changes from the store"),
            Ok(Err(error)) => tracing::warn!(?error, "could not follow the store's changes"),
            Err(error) => tracing::warn!(?error, "the task following the store failed"),
        }
    }
}

/// The feed's thread: listen, catch up when woken; on a broken connection, wait and
/// listen again. Returns at once on a store without a feed.
fn listen(engine: &Engine, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        let mut feed = match engine.change_feed() {
            Ok(Some(feed)) => feed,
            Ok(None) => return,
            Err(error) => {
                tracing::warn!(?error, "could not listen for the store's changes; polling");
                std::thread::sleep(FEED_RETRY);
                continue;
            }
        };
        tracing::info!("listening for changes from other nodes");
        // Changes committed while no one listened were announced to no one.
        catch_up(engine);
        while !stop.load(Ordering::Relaxed) {
            match feed.wait(FEED_WAIT) {
                Ok(true) => catch_up(engine),
                Ok(false) => {}
                Err(error) => {
                    tracing::warn!(?error, "the change feed broke; polling until it is back");
                    std::thread::sleep(FEED_RETRY);
                    break;
                }
            }
        }
    }
}

fn catch_up(engine: &Engine) {
    match engine.catch_up() {
        Ok(0) => {}
        Ok(n) => tracing::debug!(services = n, "indexed changes announced by the store"),
        Err(error) => tracing::warn!(?error, "could not follow the store's changes"),
    }
}
