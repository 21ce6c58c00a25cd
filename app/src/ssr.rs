//! Server-only glue: the engine the server puts in context, running its blocking calls
//! off the async threads, and the response headers and statuses pages set.

use std::sync::Arc;

use dayfinder::Engine;
use http::{HeaderValue, StatusCode, header};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::error::AppError;

/// The directory engine, shared by every request. The server provides it as context.
pub type SharedEngine = Arc<Engine>;

/// The engine in context.
pub fn engine() -> Result<SharedEngine, AppError> {
    use_context::<SharedEngine>().ok_or_else(|| {
        tracing::error!("the directory engine is not in context");
        AppError::Internal
    })
}

/// The council profile of this request (the server puts it in context with the engine).
pub fn council() -> Result<std::sync::Arc<dayfinder::profile::CouncilProfile>, AppError> {
    use_context::<std::sync::Arc<dayfinder::profile::CouncilProfile>>().ok_or_else(|| {
        tracing::error!("the council profile is not in context");
        AppError::Internal
    })
}

/// Runs a blocking engine call on the blocking thread pool. Failures are logged with their
/// cause chain and become `AppError::Internal`: people see plain words, the log the detail.
pub async fn blocking<T, F>(what: &'static str, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> dayfinder::Result<T> + Send + 'static,
{
    // How long the directory's work takes apart from rendering, for operators (`/metrics`).
    let timed = move || {
        let started = std::time::Instant::now();
        let result = f();
        metrics::histogram!("dayfinder_engine_call_seconds", "call" => what)
            .record(started.elapsed().as_secs_f64());
        result
    };
    match tokio::task::spawn_blocking(timed).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => {
            tracing::error!(error = %error_chain(&error), "failed to {what}");
            Err(AppError::Internal)
        }
        Err(join_error) => {
            tracing::error!(error = %join_error, "the task to {what} panicked or was cancelled");
            Err(AppError::Internal)
        }
    }
}

/// "the store failed: SQLite failed: disk I/O error".
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

/// The site's public address, when it is configured (`serve --public-url`).
#[derive(Debug, Clone)]
pub struct PublicUrl(pub String);

/// The address people reach the site at, without a trailing slash: the configured public
/// URL, or else the Host the request came to (only if it looks like a host name, so a
/// forged header cannot put markup or another path in a share link).
pub fn public_origin() -> String {
    if let Some(PublicUrl(url)) = use_context::<PublicUrl>() {
        return url.trim_end_matches('/').to_string();
    }
    let parts = use_context::<http::request::Parts>();
    let header = |name: &str| {
        parts
            .as_ref()
            .and_then(|p| p.headers.get(name))
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let host = header("host").filter(|h| {
        !h.is_empty()
            && h.len() <= 255
            && h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    });
    let scheme = match header("x-forwarded-proto").as_deref() {
        Some("https") => "https",
        _ => "http",
    };
    host.map(|h| format!("{scheme}://{h}")).unwrap_or_default()
}

/// Where places are: the directory's imported postcodes (`dayfinder places import`), or the
/// built-in ones.
pub fn places() -> std::sync::Arc<dayfinder::places::Gazetteer> {
    engine()
        .map(|engine| engine.places())
        .unwrap_or_else(|_| dayfinder::places::Gazetteer::shared())
}

/// A listing's nearest town, and how far it is from where the person searched ("2.3 miles
/// from Crewe"), when it has an address and the place is known.
pub fn place_listing(
    listing: &dayfinder::model::Listing,
    near: Option<&str>,
) -> (Option<String>, Option<String>) {
    use dayfinder::places::{PlaceKind, distance_miles};
    let places = places();
    let point = listing.location.as_ref().map(|l| (l.latitude, l.longitude));
    let nearest_town = point.map(|(lat, lon)| places.nearest_town(lat, lon).name.to_string());
    let distance = near
        .and_then(|n| places.resolve(n).ok())
        .zip(point)
        .map(|(from, to)| {
            let miles = crate::components::format::miles(distance_miles(from.position(), to));
            match from.kind {
                PlaceKind::Town => format!("{miles} from {} town centre", from.name),
                PlaceKind::Postcode | PlaceKind::Outcode => format!("{miles} from {}", from.name),
            }
        });
    (nearest_town, distance)
}

/// Sets the status of the page being rendered (404 for an unknown listing).
/// A listing and the feed it came from (if any), or why there is none: withdrawn by its
/// feed (`AppError::Withdrawn`) or never known (`AppError::NotFound`).
pub fn read_listing(
    engine: &Engine,
    id: &str,
) -> dayfinder::Result<Result<(dayfinder::model::Listing, Option<ListingFrom>), AppError>> {
    let source = engine.feeds().listing_source(id)?;
    let Some(listing) = engine.listing(id)? else {
        let withdrawn = source.and_then(|s| s.withdrawn.map(|w| (w, s.feed_url)));
        return Ok(Err(match withdrawn {
            Some((w, url)) => AppError::Withdrawn(crate::error::WithdrawnListing {
                name: w.name,
                on: uk_date(w.at),
                from: dayfinder::feeds::feed_host(&url).to_string(),
            }),
            None => AppError::NotFound,
        }));
    };
    let from = source.map(|s| ListingFrom {
        host: dayfinder::feeds::feed_host(&s.feed_url).to_string(),
        read_on: uk_date(s.read_at),
    });
    Ok(Ok((listing, from)))
}

/// Where a listing read from a feed came from, as its page says it.
#[derive(Debug, Clone)]
pub struct ListingFrom {
    pub host: String,
    /// "7 December 2026".
    pub read_on: String,
}

/// A moment's date in the UK: "7 December 2026".
fn uk_date(at: jiff::Timestamp) -> String {
    let date = at
        .in_tz("Europe/London")
        .map(|z| z.date())
        .unwrap_or_else(|_| at.to_zoned(jiff::tz::TimeZone::UTC).date());
    dayfinder::outbox::long_date(date)
}

pub fn set_status(code: u16) {
    if let (Some(response), Ok(status)) =
        (use_context::<ResponseOptions>(), StatusCode::from_u16(code))
    {
        response.set_status(status);
    }
}

/// The Content-Security-Policy of an HTML page: nothing from other sites, and scripts only
/// from this site or inline with this response's nonce (the hydration bootstrap and its data).
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(nonce) => format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "script-src 'self' 'wasm-unsafe-eval'".to_string(),
    };
    format!(
        "default-src 'self'; {scripts}; style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Gives an HTML page its Content-Security-Policy, with the nonce of this response.
///
/// The server's middleware also sets it from the same nonce (see `use_request_nonce`):
/// headers set here through `ResponseOptions` were now and then missing from the response.
pub fn set_security_headers() {
    let Some(response) = use_context::<ResponseOptions>() else {
        return;
    };
    let nonce = leptos::nonce::use_nonce();
    let policy = content_security_policy(nonce.as_deref());
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Uses the nonce the server's middleware made for this request (a request extension), so
/// the page's scripts and the Content-Security-Policy header it sets agree. Call it in the
/// context function given to `leptos_routes_with_context`.
pub fn use_request_nonce() {
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<leptos::nonce::Nonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(nonce);
    }
}
