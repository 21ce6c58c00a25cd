//! What operators watch: `/healthz` (the process answers), `/readyz` (it can serve
//! searches: the store answers and the index is built), and `/metrics` in the Prometheus
//! text format on an address of its own (`serve --metrics-addr`), so it is never public.
//!
//! Figures are counts and timings only: no address, query or anything personal is ever a
//! label (a route is its pattern, `/services/{id}`, never the id).

use std::sync::{Arc, OnceLock};
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dayfinder::Engine;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

/// Seconds: from a static file's fraction of a millisecond to a slow page.
const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// The process's recorder, installed on first use (one per process: the tests run many
/// servers in one).
fn recorder() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets(LATENCY_BUCKETS)
            .expect("the latency buckets are not empty");
        match builder.install_recorder() {
            Ok(handle) => handle,
            // Another recorder was installed first: figures go there, and this one,
            // never installed, renders what it holds (nothing).
            Err(error) => {
                tracing::warn!(%error, "the metrics recorder was not installed");
                PrometheusBuilder::new().build_recorder().handle()
            }
        }
    })
}

/// Makes sure figures are recorded from the first request on.
pub fn install() {
    let _ = recorder();
}

/// Counts each request by route, method and status, and times it by route.
pub async fn count_requests(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "other".to_string(), |p| p.as_str().to_string());
    // Only the methods the site answers: anything else is one label, so no client can
    // make new series.
    let method: &'static str = match request.method().as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        _ => "other",
    };
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!(
        "dayfinder_http_requests_total",
        "route" => route.clone(),
        "method" => method,
        "status" => status
    )
    .increment(1);
    metrics::histogram!("dayfinder_http_request_duration_seconds", "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// `/healthz`: the process is up and answering.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `/readyz`: 200 when searches see the directory; 503 while the index is being built or
/// the store cannot be read, so a load balancer sends people to another node meanwhile.
pub async fn readyz(State(state): State<crate::startup::AppState>) -> Response {
    let engine = state.engine.clone();
    let health = tokio::task::spawn_blocking(move || engine.index_health()).await;
    match health {
        Ok(Ok(health)) if health.is_ready() => (StatusCode::OK, "ready").into_response(),
        Ok(Ok(health)) if health.rebuilding => (
            StatusCode::SERVICE_UNAVAILABLE,
            "the search index is being rebuilt",
        )
            .into_response(),
        Ok(Ok(_)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "the search index is not built yet",
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::warn!(%error, "not ready: the store cannot be read");
            (StatusCode::SERVICE_UNAVAILABLE, "the store cannot be read").into_response()
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "not ready").into_response(),
    }
}

/// The metrics address's router: `/metrics` only.
pub fn metrics_router(engine: Arc<Engine>) -> Router {
    Router::new()
        .route("/metrics", get(render))
        .with_state(engine)
}

/// `/metrics`: the figures recorded so far, with the ones read at scrape time (the
/// index's lag, the outbox, the store's connections).
async fn render(State(engine): State<Arc<Engine>>) -> Response {
    let _ = tokio::task::spawn_blocking(move || read_gauges(&engine)).await;
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        recorder().render(),
    )
        .into_response()
}

/// The figures that are a state rather than events, read now.
fn read_gauges(engine: &Engine) {
    match engine.index_health() {
        Ok(health) => {
            metrics::gauge!("dayfinder_store_up").set(1.0);
            metrics::gauge!("dayfinder_index_ready").set(if health.is_ready() { 1.0 } else { 0.0 });
            metrics::gauge!("dayfinder_index_changes_behind").set(health.changes_behind() as f64);
        }
        Err(_) => {
            metrics::gauge!("dayfinder_store_up").set(0.0);
            metrics::gauge!("dayfinder_index_ready").set(0.0);
        }
    }
    metrics::gauge!("dayfinder_index_services").set(engine.indexed_count() as f64);
    if let Ok(counts) = engine.outbox().outbox_counts() {
        metrics::gauge!("dayfinder_outbox_waiting").set(counts.waiting as f64);
        metrics::gauge!("dayfinder_outbox_given_up").set(counts.given_up as f64);
        metrics::gauge!("dayfinder_outbox_sent").set(counts.sent as f64);
    }
    if let Some(pool) = engine.pool_use() {
        metrics::gauge!("dayfinder_store_connections").set(pool.connections as f64);
        metrics::gauge!("dayfinder_store_connections_idle").set(pool.idle as f64);
        metrics::gauge!("dayfinder_store_connections_max").set(pool.max as f64);
    }
}
