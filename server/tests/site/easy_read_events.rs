//! Easy read for open days and events and for preparing for adulthood: the events list
//! with its short GET filter, one event, and the page for young people, each by
//! `?view=easy` and by the cookie; every sentence on them passes the easy-read checker.

use dayfinder::profile::CouncilProfile;
use scraper::{ElementRef, Html, Selector};

use crate::helpers::{ANOTHER_COUNCIL, Page, TestApp, spawn_app, spawn_app_for_another_council};

const EASY: &str = "view=easy";

/// A page asked for with the easy-read cookie.
async fn get_easy(app: &TestApp, path: &str) -> Page {
    app.get_with_cookie(path, EASY).await
}

/// `path` with `view=easy` added to its query.
fn with_view(path: &str) -> String {
    let join = if path.contains('?') { '&' } else { '?' };
    format!("{path}{join}view=easy")
}

fn select(selector: &str) -> Selector {
    Selector::parse(selector).expect("a valid selector")
}

fn text(element: ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of the page's `<main>`.
fn main_text(page: &Page) -> String {
    let html = Html::parse_document(&page.body);
    html.select(&select("main"))
        .next()
        .map(text)
        .expect("the page has a main")
}

/// The sentences beside the pictures.
fn point_words(page: &Page) -> Vec<String> {
    let html = Html::parse_document(&page.body);
    html.select(&select("main .point__words"))
        .map(text)
        .collect()
}

/// Whether every point in `<main>` has its picture, and how many points there are.
fn pictured_points(page: &Page) -> usize {
    let html = Html::parse_document(&page.body);
    let points: Vec<ElementRef> = html.select(&select("main .point")).collect();
    for point in &points {
        assert!(
            point.select(&select("img.picture")).next().is_some(),
            "a point without its picture: {}",
            text(*point)
        );
        let img = point
            .select(&select("img.picture"))
            .next()
            .expect("a picture");
        assert_eq!(img.value().attr("alt"), Some(""), "pictures are decorative");
    }
    points.len()
}

/// Every sentence of the page's points, paragraphs, list items and headings passes the
/// easy-read checker.
fn assert_easy_words(page: &Page, path: &str) {
    let html = Html::parse_document(&page.body);
    // A list item holding headings or lists of its own (a card) is read by its parts.
    let blocks = select("ul, ol, p, h1, h2, h3");
    let texts: Vec<String> = html
        .select(&select(
            "main .point__words, main p, main li, main h1, main h2, main h3",
        ))
        .filter(|e| e.value().name() != "li" || e.select(&blocks).next().is_none())
        .map(text)
        .collect();
    assert!(!texts.is_empty(), "{path} has words");
    for t in texts {
        let report = dayfinder::easyread::check(&t);
        assert!(report.passes(), "{path}: “{t}”: {:?}", report.advice);
    }
}

/// The links of the event cards.
fn event_links(page: &Page) -> Vec<String> {
    let html = Html::parse_document(&page.body);
    html.select(&select("main .easy-card__title a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

/// Both ways into easy read give the same easy page.
async fn both_ways(app: &TestApp, path: &str) -> [Page; 2] {
    [app.get(&with_view(path)).await, get_easy(app, path).await]
}

fn assert_easy_page(page: &Page, standard: &Page, path: &str) {
    assert_eq!(page.status, 200, "{path}");
    assert_eq!(page.count("<h1"), 1, "{path}");
    assert!(
        page.title().ends_with(" – easy read – Dayfinder"),
        "{path}: {}",
        page.title()
    );
    assert_ne!(page.title(), standard.title(), "{path}");
    assert!(page.body.contains(r#"data-view="easy""#), "{path}");
    assert_ne!(main_text(page), main_text(standard), "{path}");
    assert!(pictured_points(page) >= 5, "{path} has pictured points");
}

#[tokio::test]
async fn the_easy_events_list_says_what_open_days_are_and_shows_each_event_as_pictured_points() {
    let app = spawn_app().await;
    let standard = app.get("/events").await;
    for page in both_ways(&app, "/events").await {
        assert_easy_page(&page, &standard, "/events");
        let words = point_words(&page);
        assert!(words.contains(&"An open day is a day to visit a place.".to_string()));
        assert!(words.contains(&"In Crewe.".to_string()), "where, as a town");
        assert!(words.contains(&"It is free.".to_string()), "what it costs");
        assert!(
            words.contains(&"An open day. You can visit and look round.".to_string()),
            "what it is"
        );
        assert!(
            words.iter().any(|w| w.ends_with(", 6pm to 8pm.")),
            "the day and time"
        );
        assert!(
            words.iter().any(|w| w.starts_with("For autistic people")),
            "who it is for"
        );
        let links = event_links(&page);
        assert!(
            links.contains(&"/events/crewe-planning-for-adulthood-evening".to_string()),
            "{links:?}"
        );
        assert!(links.len() >= 10, "every upcoming event");
        assert!(
            !page.body.contains("event-day__date"),
            "cards, not the standard list by day"
        );
    }
}

#[tokio::test]
async fn the_easy_events_filter_is_a_get_form_with_the_standard_names() {
    let app = spawn_app().await;
    let page = get_easy(&app, "/events").await;
    let html = Html::parse_document(&page.body);
    let form = html
        .select(&select(r#"main form[method="get"][action="/events"]"#))
        .next()
        .expect("a GET form, so it needs no JavaScript");
    let names: Vec<&str> = form
        .select(&select("select, input"))
        .filter_map(|e| e.value().attr("name"))
        .collect();
    assert_eq!(names, ["town", "need", "age"]);
    let age = form
        .select(&select(r#"input[name="age"]"#))
        .next()
        .expect("the young people box");
    assert_eq!(age.value().attr("value"), Some("16-25"));
    assert!(
        form.select(&select(r#"button[type="submit"]"#))
            .next()
            .is_some()
    );
}

#[tokio::test]
async fn choosing_a_town_in_easy_read_narrows_the_events_to_it() {
    let app = spawn_app().await;
    let all = get_easy(&app, "/events").await;
    // What the form sends, with "Anyone" left as it is.
    let page = get_easy(&app, "/events?town=Macclesfield&need=").await;
    assert_eq!(page.status, 200);
    let links = event_links(&page);
    assert!(!links.is_empty());
    assert!(links.len() < event_links(&all).len(), "fewer events");
    assert!(links.contains(&"/events/silkmill-open-day".to_string()));
    assert!(!links.contains(&"/events/crewe-planning-for-adulthood-evening".to_string()));
    let words = point_words(&page);
    assert!(
        !words.contains(&"In Crewe.".to_string()),
        "no event in another town"
    );
    assert!(
        page.body
            .contains(r#"<option value="Macclesfield" selected"#)
    );
    assert!(page.title().contains("you chose"), "{}", page.title());
    // The same address narrows the standard view in the same way.
    let standard = app.get("/events?town=Macclesfield&need=").await;
    assert!(standard.body.contains("Silkmill Day Centre open day"));
    assert!(
        !standard
            .body
            .contains("Planning for Adulthood evening, Crewe")
    );
}

#[tokio::test]
async fn only_events_for_young_people_in_easy_read() {
    let app = spawn_app().await;
    let page = get_easy(&app, "/events?age=16-25").await;
    assert_eq!(page.status, 200);
    let links = event_links(&page);
    assert!(links.contains(&"/events/crewe-planning-for-adulthood-evening".to_string()));
    assert!(
        !links.contains(&"/events/weaver-lodge-taster-day".to_string()),
        "for over 65s"
    );
    assert!(
        point_words(&page).contains(&"Only events for young people aged 16 to 25.".to_string())
    );
    assert!(page.body.contains(r#"value="16-25" checked"#));
}

#[tokio::test]
async fn nonsense_in_the_easy_events_filter_is_said_politely_and_never_fails() {
    let app = spawn_app().await;
    for (query, said) in [
        (
            "from=banana",
            "We could not read a date you gave. So we left it out.",
        ),
        (
            "from=32%2F13%2F2026&to=-1",
            "We could not read a date you gave. So we left it out.",
        ),
        (
            "need=%3Cscript%3E&age=old",
            "We did not understand one of your choices. So we left it out.",
        ),
        (
            "town=Atlantis",
            "We have no events in a town you chose. Choose a town from the list.",
        ),
        (
            "town=%00%FF%3Cscript%3E",
            "We have no events in a town you chose. Choose a town from the list.",
        ),
        (
            "from=2026-12-31&to=2026-12-01",
            "Your dates were the wrong way round. We swapped them.",
        ),
    ] {
        let page = get_easy(&app, &format!("/events?{query}")).await;
        assert_eq!(page.status, 200, "{query}");
        assert!(point_words(&page).contains(&said.to_string()), "{query}");
        assert!(!page.body.contains("<script>"), "{query}");
        assert!(
            !main_text(&page).contains("Atlantis"),
            "not echoed: {query}"
        );
        assert_easy_words(&page, query);
    }
    let page = get_easy(&app, "/events?from=2001-01-01&to=2001-12-31").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("We found no events."));
}

#[tokio::test]
async fn an_easy_event_says_what_when_where_cost_booking_and_who() {
    let app = spawn_app().await;
    let path = "/events/crewe-planning-for-adulthood-evening";
    let standard = app.get(path).await;
    for page in both_ways(&app, path).await {
        assert_easy_page(&page, &standard, path);
        assert!(
            page.title()
                .starts_with("Planning for Adulthood evening, Crewe – easy read")
        );
        let words = point_words(&page);
        for said in [
            "An event for young people about life after school.",
            "It starts at 6pm.",
            "It ends at 8pm.",
            "It is in Crewe.",
            "The address is Earle Street Enterprise Hub, Earle Street, Crewe CW1 2LF.",
            "It is free.",
            "You need to book a place.",
            "Phone 01632 960667.",
            "Email nextchapter@example.org.",
            "For people aged 16 to 25.",
            "Next Chapter Transitions runs it.",
            "Add it to your calendar",
        ] {
            assert!(words.contains(&said.to_string()), "{said}: {words:?}");
        }
        assert!(words.iter().any(|w| w.starts_with("It is on ")), "the date");
        assert!(words.iter().any(|w| w.starts_with("Book by ")));
        for href in [
            r#"href="tel:01632960667""#,
            r#"href="mailto:nextchapter@example.org""#,
            r#"href="/events/crewe-planning-for-adulthood-evening.ics""#,
            r#"href="/words#ehc-plan""#,
        ] {
            assert!(page.body.contains(href), "{href}");
        }
        for picture in ["evening", "clock", "address", "free", "phone", "email"] {
            assert!(
                page.body.contains(&format!("/icons/{picture}.svg")),
                "{picture}"
            );
        }
    }
}

#[tokio::test]
async fn an_easy_event_at_a_service_links_its_listing_and_says_how_to_get_in() {
    let app = spawn_app().await;
    let page = get_easy(&app, "/events/brookhouse-open-day").await;
    assert_eq!(page.status, 200);
    let words = point_words(&page);
    assert!(words.contains(&"You do not need to book. You can just go.".to_string()));
    assert!(
        words.contains(&"Tea, coffee and cake are free.".to_string()),
        "{words:?}"
    );
    assert!(
        page.body
            .contains(r#"href="/services/brookhouse-day-centre""#)
    );
    assert!(
        words.iter().any(|w| w.starts_with("Read about ")),
        "the place's own listing"
    );
}

#[tokio::test]
async fn an_unknown_event_in_easy_read_is_still_a_404() {
    let app = spawn_app().await;
    for page in both_ways(&app, "/events/no-such-event").await {
        assert_eq!(page.status, 404);
        assert_eq!(page.count("<h1"), 1);
        assert!(page.title().ends_with(" – easy read – Dayfinder"));
        assert!(page.body.contains(r#"href="/events""#));
    }
    let page = get_easy(&app, "/events/%3Cscript%3E").await;
    assert_eq!(page.status, 404);
    assert!(!page.body.contains("<script>alert"));
}

#[tokio::test]
async fn preparing_for_adulthood_in_easy_read_speaks_to_the_young_person() {
    let app = spawn_app().await;
    let path = "/preparing-for-adulthood";
    let standard = app.get(path).await;
    let council = CouncilProfile::sample().council.name.to_string();
    for page in both_ways(&app, path).await {
        assert_easy_page(&page, &standard, path);
        let words = point_words(&page);
        assert_eq!(
            words.first().map(String::as_str),
            Some("You are 16 to 25. Here is what can happen next.")
        );
        for said in [
            "When you are 18, you are an adult.",
            "You can go to college.",
            "You can get help to find a job.",
            "You can join a club or a group.",
            "You can go to a day centre.",
        ] {
            assert!(words.contains(&said.to_string()), "{said}");
        }
        assert!(
            words.iter().any(|w| w.contains(&council)),
            "the council's name from its profile"
        );
        let html = Html::parse_document(&page.body);
        let headings: Vec<String> = html.select(&select("main h2")).map(text).collect();
        for h in [
            "When you are 18",
            "Things you can do",
            "Open days",
            "Who can help",
            "For your family",
        ] {
            assert!(headings.contains(&h.to_string()), "{h}: {headings:?}");
        }
        assert!(
            headings.last().map(String::as_str) == Some("For your family"),
            "the family's part comes last"
        );
        assert!(page.body.contains(r#"href="/events?age=16-25""#));
        assert!(page.body.contains(r#"href="/words#ehc-plan""#));
    }
}

#[tokio::test]
async fn every_sentence_on_the_easy_event_pages_passes_the_easy_read_checker() {
    let app = spawn_app().await;
    let list = get_easy(&app, "/events").await;
    assert_easy_words(&list, "/events");
    for path in [
        "/events?town=Crewe&need=autism",
        "/events?age=16-25",
        "/events?kind=open-day&kind=drop-in&kind=taster&kind=transition&kind=information",
        "/events?from=2026-12-01&to=2027-12-01",
        "/preparing-for-adulthood",
        "/events/no-such-event",
    ] {
        let page = get_easy(&app, path).await;
        assert_easy_words(&page, path);
    }
    // Every upcoming event's own page.
    let links = event_links(&list);
    assert!(links.len() >= 10);
    for href in links {
        let page = get_easy(&app, &href).await;
        assert_eq!(page.status, 200, "{href}");
        assert!(pictured_points(&page) >= 8, "{href}");
        assert_easy_words(&page, &href);
    }
}

#[tokio::test]
async fn another_councils_easy_read_adulthood_page_names_that_council() {
    let app = spawn_app_for_another_council().await;
    let profile = CouncilProfile::parse(ANOTHER_COUNCIL, "profile.toml")
        .expect("the second council's profile is valid");
    let council = profile.council.name.to_string();
    let sample = CouncilProfile::sample().council.name.to_string();
    let page = get_easy(&app, "/preparing-for-adulthood").await;
    assert_eq!(page.status, 200);
    let words = point_words(&page);
    assert!(words.iter().any(|w| w.contains(&council)), "{words:?}");
    assert!(!main_text(&page).contains(&sample));
    assert_easy_words(&page, "/preparing-for-adulthood");
    let events = get_easy(&app, "/events").await;
    assert_eq!(events.status, 200);
    assert_easy_words(&events, "/events");
}
