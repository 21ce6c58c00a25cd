//! Open days and events over HTTP: the events page and its filters, an event's page, its
//! iCalendar file, a listing's events, and preparing for adulthood.

use std::io::BufReader;

use crate::helpers::spawn_app;

/// The value of a property of the first event in an iCalendar file.
fn property<'a>(
    event: &'a ical::parser::ical::component::IcalEvent,
    name: &str,
) -> Option<&'a str> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[tokio::test]
async fn the_events_page_lists_upcoming_events_by_day_with_a_filter_form() {
    let app = spawn_app().await;
    let page = app.get("/events").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.title(), "Open days and events – Dayfinder");
    assert_eq!(page.count("<h1"), 1);
    assert!(
        page.body.contains(r#"<form method="get" action="/events""#),
        "filtering needs no JavaScript"
    );
    assert!(page.body.contains("Planning for Adulthood evening, Crewe"));
    assert!(
        page.body
            .contains(r#"href="/events/crewe-planning-for-adulthood-evening.ics""#)
    );
    assert!(
        page.count(r#"<h2 class="heading-m event-day__date">"#) >= 10,
        "grouped by day"
    );
}

#[tokio::test]
async fn events_in_crewe_for_autistic_people_leave_out_the_rest() {
    let app = spawn_app().await;
    let page = app.get("/events?town=Crewe&need=autism").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("Earle Street autism day service: quiet open session")
    );
    assert!(page.body.contains("Planning for Adulthood evening, Crewe"));
    assert!(
        !page.body.contains("Silkmill Day Centre open day"),
        "Macclesfield"
    );
    assert!(
        !page.body.contains("Weaver Lodge taster day"),
        "Nantwich, dementia"
    );
    // Each filter in force can be removed on its own.
    assert!(page.body.contains(r#"href="/events?need=autism""#));
    assert!(page.body.contains(r#"href="/events?town=Crewe""#));
    assert!(page.body.contains(r#"<option value="Crewe" selected"#));
}

#[tokio::test]
async fn malformed_dates_and_choices_are_left_out_politely() {
    let app = spawn_app().await;
    for query in [
        "from=32%2F13%2F2026&to=banana",
        "from=9999999999999&to=-1",
        "need=%3Cscript%3E&kind=party&age=old",
        "from=2026-02-30",
    ] {
        let page = app.get(&format!("/events?{query}")).await;
        assert_eq!(page.status, 200, "{query}");
        assert!(
            page.body.contains("We could not use part of your filter"),
            "{query}"
        );
        assert!(!page.body.contains("<script>"), "{query}");
    }
    let page = app.get("/events?from=banana").await;
    assert!(page.body.contains("is not a date we can read"));
    // A town we have no events in is not an error: there are just none.
    let page = app.get("/events?town=%00%FF").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No events match your filters"));
}

#[tokio::test]
async fn a_date_range_in_the_past_finds_nothing_and_says_so() {
    let app = spawn_app().await;
    let page = app.get("/events?from=2001-01-01&to=2001-12-31").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No events match your filters"));
}

#[tokio::test]
async fn an_event_page_says_when_where_and_how_to_book() {
    let app = spawn_app().await;
    let page = app
        .get("/events/crewe-planning-for-adulthood-evening")
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(page.count("<h1"), 1);
    assert!(
        page.title()
            .starts_with("Planning for Adulthood evening, Crewe, ")
    );
    assert!(page.body.contains("6pm to 8pm"));
    assert!(
        page.body
            .contains("Earle Street Enterprise Hub, Earle Street, Crewe CW1 2LF")
    );
    assert!(page.body.contains("Booking needed by"));
    assert!(page.body.contains("Next Chapter Transitions"));
    assert!(
        page.body
            .contains(r#"href="/events/crewe-planning-for-adulthood-evening.ics""#)
    );
}

#[tokio::test]
async fn an_unknown_event_is_not_found() {
    let app = spawn_app().await;
    assert_eq!(app.get("/events/no-such-event").await.status, 404);
    assert_eq!(app.get("/events/no-such-event.ics").await.status, 404);
    assert_eq!(app.get("/events/..%2F..%2Fetc.ics").await.status, 404);
    assert_eq!(app.get("/events/Bad%20Id.ics").await.status, 404);
}

#[tokio::test]
async fn an_events_calendar_file_is_valid_icalendar_in_uk_time() {
    let app = spawn_app().await;
    let page = app
        .get("/events/crewe-carers-information-morning.ics")
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.headers["content-type"].to_str().unwrap(),
        "text/calendar; charset=utf-8"
    );
    assert_eq!(
        page.headers["content-disposition"].to_str().unwrap(),
        "attachment; filename=\"crewe-carers-information-morning.ics\""
    );
    // RFC 5545: CRLF line endings, lines folded at 75 octets.
    let body = &page.body;
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(body.lines().all(|l| l.trim_end_matches('\r').len() <= 75));
    assert!(!body.replace("\r\n", "").contains('\n'), "bare line feeds");

    let mut calendars = ical::IcalParser::new(BufReader::new(body.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("it parses as iCalendar");
    assert!(calendars.next().is_none());
    let version = calendar.properties.iter().find(|p| p.name == "VERSION");
    assert_eq!(version.and_then(|p| p.value.as_deref()), Some("2.0"));
    assert!(calendar.properties.iter().any(|p| p.name == "PRODID"));
    assert_eq!(calendar.events.len(), 1);
    let event = &calendar.events[0];
    assert_eq!(
        property(event, "UID"),
        Some("crewe-carers-information-morning@dayfinder")
    );
    assert_eq!(
        property(event, "SUMMARY"),
        Some("Carers' information morning")
    );
    assert!(
        property(event, "LOCATION")
            .unwrap()
            .starts_with(r"The Junction Rooms\, 27 Market Street\, Crewe CW1 1UG"),
        "commas are escaped: {:?}",
        property(event, "LOCATION")
    );
    assert!(property(event, "DESCRIPTION").unwrap().contains(r"\n"));

    // The event is at 10am UK time: 10:00Z in winter, 09:00Z in summer.
    let start = property(event, "DTSTART").expect("DTSTART");
    let end = property(event, "DTEND").expect("DTEND");
    let local = dayfinder::sample::cheshire_east()
        .events
        .into_iter()
        .find(|e| e.id == "crewe-carers-information-morning")
        .expect("the sample event");
    let expect = |t: jiff::civil::DateTime| {
        dayfinder::engine::uk_instant(t)
            .unwrap()
            .strftime("%Y%m%dT%H%M%SZ")
            .to_string()
    };
    assert_eq!(start, expect(local.start));
    assert_eq!(end, expect(local.end));
    assert!(start.ends_with('Z') && start.len() == 16);
}

#[tokio::test]
async fn a_listing_shows_its_open_days() {
    let app = spawn_app().await;
    let page = app.get("/services/brookhouse-day-centre").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Open days and events"));
    assert!(page.body.contains(r#"href="/events/brookhouse-open-day""#));
    // A provider's own events show on its services' pages.
    let page = app.get("/services/crewe-young-adults-friday-social").await;
    assert!(page.body.contains("Planning for Adulthood evening"));
}

#[tokio::test]
async fn the_preparing_for_adulthood_page_lists_what_suits_young_adults() {
    let app = spawn_app().await;
    let page = app.get("/preparing-for-adulthood").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.count("<h1"), 1);
    assert!(page.body.contains("EHC plan"));
    assert!(page.body.contains("Sandbach Lodge Young Adults"));
    assert!(page.body.contains("Planning for Adulthood evening"));
    assert!(!page.body.contains("Crewe Saturday Memory Club"));
    assert!(page.body.contains(r#"href="/search?age=16-25""#));
}

#[tokio::test]
async fn young_adults_is_a_search_filter_that_can_be_removed() {
    let app = spawn_app().await;
    let page = app.get("/search?age=16-25").await;
    assert_eq!(page.status, 200);
    let links = page.result_links();
    assert!(!links.is_empty());
    assert!(page.body.contains("Young adults (16 to 25)"));
    assert!(page.body.contains(r#"name="age" value="16-25" checked"#));
    assert!(
        page.body
            .contains(r#"<a href="/search" class="chosen-filter">"#),
        "removing the filter leads back to every result"
    );
    assert!(!page.body.contains("Crewe Saturday Memory Club"));
}
