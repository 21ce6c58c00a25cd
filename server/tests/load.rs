//! A busy hour on loopback: many results pages and listings at once, some of them left by
//! their visitor before the answer (as browsers and load balancers do), and not one panic
//! anywhere in the server. Bounded: a fixed number of requests, then it stops.
//!
//! Its own test binary, so that the panic hook it installs counts only this server.

#[allow(dead_code)]
#[path = "site/helpers.rs"]
mod helpers;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

static PANICS: AtomicUsize = AtomicUsize::new(0);
static FIRST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Counts every panic in the process, in any thread, and keeps the first one's message.
fn count_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut first) = FIRST_PANIC.lock() {
            first.get_or_insert_with(|| info.to_string());
        }
        previous(info);
    }));
}

/// The addresses a busy day asks for: searches of every shape, listings, the easy read.
fn addresses() -> Vec<String> {
    let mut out = vec![
        "/search?q=club".to_string(),
        "/search?q=saturday+dementia&near=Crewe".into(),
        "/search?need=learning-disability&day=saturday".into(),
        "/search?near=Macclesfield&within=10&order=distance".into(),
        "/search?q=autism+friendly&page=2".into(),
        "/search?q=memory&view=easy".into(),
        "/search?town=Crewe&town=Nantwich&need=dementia".into(),
        "/".into(),
        "/events".into(),
    ];
    let ids: Vec<String> = dayfinder::sample::cheshire_east()
        .services
        .iter()
        .take(6)
        .map(|s| s.id.clone())
        .collect();
    for id in ids {
        out.push(format!("/services/{id}?back=q%3Dclub"));
    }
    out
}

/// Sends a request and hangs up after reading `keep` bytes of the answer (0: at once).
async fn ask_and_leave(host: &str, path: &str, keep: usize) -> std::io::Result<()> {
    let mut stream = tokio::net::TcpStream::connect(host).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut buf = vec![0; keep];
    if keep > 0 {
        let _ = stream.read(&mut buf).await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_busy_hour_with_visitors_who_leave_early_has_no_panic() {
    count_panics();
    let app = helpers::spawn_app().await;
    let host = app.address.trim_start_matches("http://").to_string();
    let addresses = addresses();
    const WORKERS: usize = 24;
    const EACH: usize = 40;
    let mut tasks = Vec::new();
    for worker in 0..WORKERS {
        let client = app.client.clone();
        let base = app.address.clone();
        let host = host.clone();
        let addresses = addresses.clone();
        tasks.push(tokio::spawn(async move {
            let mut statuses = Vec::new();
            for i in 0..EACH {
                let path = &addresses[(worker * 7 + i) % addresses.len()];
                // Every third visitor leaves early: before the answer, or halfway through it.
                if i % 3 == 0 {
                    let _ = ask_and_leave(&host, path, (i % 2) * 512).await;
                    continue;
                }
                match client.get(format!("{base}{path}")).send().await {
                    Ok(response) => {
                        let status = response.status().as_u16();
                        let _ = response.bytes().await;
                        statuses.push((path.clone(), status));
                    }
                    Err(error) => statuses.push((format!("{path}: {error}"), 0)),
                }
            }
            statuses
        }));
    }
    let mut answered = 0;
    for task in tasks {
        for (path, status) in task.await.expect("the worker finishes") {
            assert_eq!(status, 200, "{path}");
            answered += 1;
        }
    }
    assert!(answered > WORKERS * EACH / 2);
    // Let the pages whose visitors left finish on the server: that is where it panicked.
    let check = helpers::spawn_app().await;
    for _ in 0..20 {
        assert_eq!(check.get("/healthz").await.status, 200);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let first = FIRST_PANIC.lock().map(|f| f.clone()).unwrap_or_default();
    assert_eq!(
        PANICS.load(Ordering::SeqCst),
        0,
        "the server panicked: {first:?}"
    );
}
