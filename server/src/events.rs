//! Each event as an iCalendar file (RFC 5545), at `/events/{id}.ics`, so people can put
//! an open day in their own calendar.
//!
//! The event page `/events/{id}` is a Leptos route, and the router cannot tell
//! `{id}.ics` from `{id}` by a suffix, so a small middleware answers `.ics` requests before
//! they reach the pages.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use dayfinder::engine::uk_instant;
use dayfinder::model::{EventListing, validate::valid_id};
use icalendar::{Calendar, Component, EventLike, Property};

use crate::startup::AppState;

/// Where event calendars live: `/events/{id}.ics`.
const PREFIX: &str = "/events/";
const SUFFIX: &str = ".ics";

/// Handles `GET /events/{id}.ics`; passes every other request on.
pub async fn calendar_files(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let id = path
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .map(str::to_string);
    let Some(id) = id.filter(|_| matches!(*request.method(), Method::GET | Method::HEAD)) else {
        return next.run(request).await;
    };
    calendar_file(state, id).await
}

/// The calendar file of one event, or a plain 404.
#[tracing::instrument(skip(state))]
async fn calendar_file(state: AppState, id: String) -> Response {
    if !valid_id(&id) {
        return not_found();
    }
    let engine = state.engine.clone();
    let found = tokio::task::spawn_blocking(move || engine.event(&id)).await;
    let listing = match found {
        Ok(Ok(Some(listing))) => listing,
        Ok(Ok(None)) => return not_found(),
        Ok(Err(e)) => return failed(&e),
        Err(e) => return failed(&e),
    };
    let text = match ics(&listing) {
        Ok(text) => text,
        Err(e) => return failed(&e),
    };
    let mut response = Response::new(Body::from(text));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    // The id is `a-z0-9-` only (checked above), so it is safe in the header.
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{}.ics\"",
        listing.event.id
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// The event as an iCalendar file. Times are written in UTC (`...Z`), converted from UK
/// local time, so every calendar shows them right without a VTIMEZONE block.
pub fn ics(listing: &EventListing) -> dayfinder::Result<String> {
    let e = &listing.event;
    let utc = |t: jiff::Timestamp| t.strftime("%Y%m%dT%H%M%SZ").to_string();
    let start = utc(uk_instant(e.start)?);
    let end = utc(uk_instant(e.end)?);
    let stamp = utc(jiff::Timestamp::now());

    let mut description = e.description.replace("\n\n", "\n");
    description.push_str(&format!(
        "\n\nWho it is for: {}\nCost: {}{}\nBooking: {}",
        e.audience.summary(),
        e.cost(),
        if e.cost_notes.is_empty() {
            String::new()
        } else {
            format!(". {}", e.cost_notes)
        },
        e.booking.summary()
    ));
    if let Some(org) = &listing.organisation {
        description.push_str(&format!("\nRun by: {}", org.name));
        if let Some(phone) = &org.phone {
            description.push_str(&format!(" ({phone})"));
        }
    }

    let mut event = icalendar::Event::new();
    event
        .uid(&format!("{}@dayfinder", e.id))
        .summary(&e.title)
        .description(&description)
        .location(&e.place.one_line())
        .add_property("DTSTAMP", stamp)
        .add_property("DTSTART", start)
        .add_property("DTEND", end)
        .add_property("STATUS", "CONFIRMED");
    if let Some(link) = &e.booking.link {
        event.url(link);
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            "-//Dayfinder//Open days and events//EN",
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .push(event.done());
    Ok(calendar.done().to_string())
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        "There is no event at this address. It may have been cancelled: see the list of events at /events.",
    )
        .into_response()
}

fn failed(e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "Failed to make an event's calendar file");
    (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong").into_response()
}

/// How often a server on the sample directory re-dates its events.
const SAMPLE_REFRESH: std::time::Duration = std::time::Duration::from_secs(6 * 60 * 60);

/// Keeps the sample directory's events upcoming: re-dates them from today now, and every
/// six hours while the server runs (see `dayfinder::sample::events`). Any other directory
/// is left alone.
pub async fn keep_sample_events_current(engine: std::sync::Arc<dayfinder::Engine>) {
    let mut every = tokio::time::interval(SAMPLE_REFRESH);
    loop {
        every.tick().await;
        let engine = engine.clone();
        let done = tokio::task::spawn_blocking(move || {
            engine.refresh_sample_events(dayfinder::engine::uk_today())
        })
        .await;
        match done {
            Ok(Ok(true)) => tracing::info!("the sample directory's events were dated from today"),
            Ok(Ok(false)) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "Failed to re-date the sample events"),
            Err(e) => tracing::error!(error = %e, "The task re-dating the sample events failed"),
        }
    }
}
