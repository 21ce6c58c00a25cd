//! Easy read on "My list" and its pages: the list (empty and full), a shared list, clearing
//! it, comparing places as stacked cards, and the easy-read sheet to print, each asked for
//! by `?view=easy` and by the `view=easy` cookie, over HTTP. The list lives in the `list`
//! cookie, which these tests carry by hand.

use scraper::{Html, Selector};

use crate::helpers::{Page, TestApp, spawn_app};

/// Services in the sample directory.
const CLUB: &str = "sandbach-stars-social-club";
const AUTISM_CLUB: &str = "macclesfield-autism-social-club";
const MEMORY_CLUB: &str = "crewe-saturday-memory-club";
/// Paid for by the council or a direct payment, with transport and parking.
const DAY_CENTRE: &str = "dane-mill-day-centre";

const TITLE_END: &str = " – easy read – Dayfinder";

/// A page with a list in the cookie, in easy read by the cookie.
async fn easy_with_list(app: &TestApp, path: &str, list: &str) -> Page {
    app.get_with_cookie(path, &format!("list={list}; view=easy"))
        .await
}

/// The same page with the list, asked for by `?view=easy` (no view cookie).
async fn easy_by_query(app: &TestApp, path: &str, list: &str) -> Page {
    let sep = if path.contains('?') { '&' } else { '?' };
    app.get_with_cookie(&format!("{path}{sep}view=easy"), &format!("list={list}"))
        .await
}

async fn standard_with_list(app: &TestApp, path: &str, list: &str) -> Page {
    app.get_with_cookie(path, &format!("list={list}")).await
}

fn select(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).expect("a selector");
    html.select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The text inside `<main>`.
fn main_text(page: &Page) -> String {
    select(&Html::parse_document(&page.body), "main").join(" ")
}

/// Every sentence an easy-read page says: its points, and the paragraphs, list items and
/// headings of `<main>` (a list item holding a point is its point).
fn sentences_of(page: &Page) -> Vec<String> {
    let html = Html::parse_document(&page.body);
    let mut all = select(&html, "main .point__words");
    all.extend(select(
        &html,
        "main p:not(.point), main li:not(.point), main h1, main h2, main h3",
    ));
    all.retain(|s| !s.is_empty());
    all
}

/// Whether a sentence only quotes a provider's own name or email address ("It is run by
/// Dane Valley Day Opportunities.", "Email siobhan@example.org"): names are not ours to
/// shorten.
fn quotes_a_name(sentence: &str) -> bool {
    sentence.contains('@') || sentence.starts_with("It is run by ")
}

/// Checks every sentence on the page with the easy-read checker, the services' own
/// summaries too (names are kept as they are).
fn assert_easy_words(page: &Page, what: &str) {
    let mut problems = Vec::new();
    for sentence in sentences_of(page) {
        if quotes_a_name(&sentence) {
            continue;
        }
        let report = dayfinder::easyread::check(&sentence);
        if !report.passes() {
            problems.push(format!("{sentence:?}: {:?}", report.advice));
        }
    }
    assert!(problems.is_empty(), "{what}: {problems:#?}");
}

/// The page is an easy-read page: its title, one heading, and a picture for every point.
fn assert_easy_page(page: &Page, h1: &str) {
    assert_eq!(page.count("<h1"), 1, "one heading");
    assert!(page.title().ends_with(TITLE_END), "{}", page.title());
    assert!(page.body.contains(&format!(">{h1}</h1>")), "{h1}");
    let html = Html::parse_document(&page.body);
    let points = Selector::parse("main li.point, main p.point").unwrap();
    let picture = Selector::parse("img.picture").unwrap();
    let mut n = 0;
    for point in html.select(&points) {
        n += 1;
        assert!(
            point.select(&picture).next().is_some(),
            "a point without a picture: {}",
            point.html()
        );
    }
    assert!(n > 0, "the page has points with pictures");
}

/// A form POSTed with the list cookie; the answer's status, location and new list.
async fn post_list(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    list: &str,
) -> (u16, String, Option<String>) {
    let response = app
        .client
        .post(format!("{}{path}", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", format!("list={list}; view=easy"))
        .header("origin", &app.address)
        .body(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(form)
                .finish(),
        )
        .send()
        .await
        .expect("answered");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let list = header("set-cookie")
        .strip_prefix("list=")
        .map(|rest| rest.split(';').next().unwrap_or_default().to_string());
    (response.status().as_u16(), header("location"), list)
}

fn three() -> String {
    format!("{CLUB}.{AUTISM_CLUB}.{MEMORY_CLUB}")
}

#[tokio::test]
async fn an_empty_list_in_easy_read_says_so_and_starts_the_guided_search() {
    let app = spawn_app().await;
    let standard = standard_with_list(&app, "/my-list", "").await;
    for page in [
        easy_with_list(&app, "/my-list", "").await,
        easy_by_query(&app, "/my-list", "").await,
    ] {
        assert_eq!(page.status, 200);
        assert_easy_page(&page, "Your list");
        assert_eq!(page.title(), "Your list – easy read – Dayfinder");
        assert!(page.body.contains("Your list is empty."));
        assert!(page.body.contains(r#"href="/guided-search""#));
        assert!(page.body.contains("Find things to do"));
        assert_ne!(main_text(&page), main_text(&standard));
        assert_easy_words(&page, "the empty list");
    }
}

#[tokio::test]
async fn a_list_of_three_in_easy_read_is_three_pictured_cards_with_the_standard_remove_form() {
    let app = spawn_app().await;
    let list = three();
    let standard = standard_with_list(&app, "/my-list", &list).await;
    for page in [
        easy_with_list(&app, "/my-list", &list).await,
        easy_by_query(&app, "/my-list", &list).await,
    ] {
        assert_eq!(page.status, 200);
        assert_easy_page(&page, "Your list");
        assert!(page.body.contains("You have 3 places on your list."));
        assert_eq!(page.count(r#"class="easy-card easy-list__card""#), 3);
        // What, where, when, cost and spaces, each beside its picture.
        for words in [
            "This is a club for adults with learning disabilities.",
            "In Sandbach.",
            "On Wednesday, in the evening.",
            "It costs £3 each time.",
            "It is free.",
            "There are spaces now.",
        ] {
            assert!(page.body.contains(words), "{words}");
        }
        for picture in ["address", "day-wednesday", "cost", "free", "spaces"] {
            assert!(
                page.body.contains(&format!("/icons/{picture}.svg")),
                "{picture}"
            );
        }
        // The same form, action and fields as the standard page's button.
        assert!(
            page.body
                .contains(r#"<form id="shortlist-form" method="post" action="/my-list/add""#)
        );
        assert_eq!(page.count(r#"formaction="/my-list/remove" name="id""#), 3);
        assert!(page.body.contains(&format!(r#"value="{CLUB}""#)));
        // Share, compare, print and clear.
        assert!(page.body.contains("/my-list/shared?ids="));
        assert!(
            page.body
                .contains(&format!("/compare?ids={CLUB},{AUTISM_CLUB},{MEMORY_CLUB}"))
        );
        assert!(page.body.contains(r#"href="/my-list/print?view=easy""#));
        assert!(
            page.body
                .contains(r#"href="/my-list/print?view=easy&amp;pages=one""#)
        );
        assert!(page.body.contains(r#"href="/my-list/clear""#));
        assert!(
            !page.body.contains("summary-list"),
            "no standard facts list"
        );
        assert_ne!(main_text(&page), main_text(&standard));
        assert_easy_words(&page, "a list of three");
    }
}

#[tokio::test]
async fn a_council_paid_place_in_easy_read_keeps_only_the_plain_cost_sentence() {
    let app = spawn_app().await;
    let page = easy_with_list(&app, "/my-list", DAY_CENTRE).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("The council may pay for it."));
    assert!(!page.body.contains("direct payment"));
    assert_easy_words(&page, "a council-paid place");
}

#[tokio::test]
async fn taking_a_place_off_in_easy_read_is_a_post_and_a_redirect() {
    let app = spawn_app().await;
    let list = three();
    // The header form's `back` is the page it is on, `?view=easy` and all.
    let (status, location, kept) = post_list(
        &app,
        "/my-list/remove",
        &[("id", CLUB), ("back", "/my-list?view=easy")],
        &list,
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(location, format!("/my-list?removed={CLUB}"));
    let kept = kept.expect("the list cookie is set");
    assert_eq!(kept, format!("{AUTISM_CLUB}.{MEMORY_CLUB}"));
    let page = easy_with_list(&app, &location, &kept).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("Sandbach Stars Social Club is off your list now.")
    );
    assert!(page.body.contains("You have 2 places on your list."));
    assert_eq!(page.count(r#"class="easy-card easy-list__card""#), 2);
    assert_easy_words(&page, "after taking one off");
}

#[tokio::test]
async fn a_full_list_warns_in_easy_words() {
    let app = spawn_app().await;
    let page = easy_with_list(&app, "/my-list?done=full", CLUB).await;
    assert!(
        page.body
            .contains("Your list is full. It can hold 20 places.")
    );
    assert_easy_words(&page, "a full list");
}

#[tokio::test]
async fn a_shared_list_in_easy_read_can_be_saved_and_printed() {
    let app = spawn_app().await;
    let path = format!("/my-list/shared?ids={CLUB},{MEMORY_CLUB},no-such-place");
    let standard = app.get(&path).await;
    for page in [
        app.get_with_cookie(&path, "view=easy").await,
        app.get(&format!("{path}&view=easy")).await,
    ] {
        assert_eq!(page.status, 200);
        assert_easy_page(&page, "A list someone sent you");
        assert!(page.body.contains("Someone sent you a list of 2 places."));
        assert!(
            page.body
                .contains("1 place in this link is not on Dayfinder now.")
        );
        assert!(
            page.body
                .contains(r#"<form method="post" action="/my-list/save">"#)
        );
        assert!(
            page.body
                .contains(&format!(r#"name="ids" value="{CLUB},{MEMORY_CLUB}""#))
        );
        assert_eq!(page.count(r#"class="easy-card easy-list__card""#), 2);
        assert!(!page.body.contains(r#"formaction="/my-list/remove""#));
        assert!(page.body.contains(&format!(
            r#"href="/my-list/print?ids={CLUB},{MEMORY_CLUB}&amp;view=easy""#
        )));
        assert_ne!(main_text(&page), main_text(&standard));
        assert_easy_words(&page, "a shared list");
    }
    let (status, location, saved) = post_list(
        &app,
        "/my-list/save",
        &[("ids", &format!("{CLUB},{MEMORY_CLUB}"))],
        "",
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(location, "/my-list?done=saved");
    let page = easy_with_list(&app, &location, &saved.expect("saved")).await;
    assert!(page.body.contains("We saved the places to your list."));
}

#[tokio::test]
async fn a_shared_link_to_nothing_is_a_polite_easy_404() {
    let app = spawn_app().await;
    for ids in [
        "no-such-place",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "..%2F..%2Fetc%2Fpasswd",
        "",
    ] {
        let page = app
            .get_with_cookie(&format!("/my-list/shared?ids={ids}"), "view=easy")
            .await;
        assert_eq!(page.status, 404, "{ids}");
        assert!(
            page.body
                .contains("We could not find the places in this link."),
            "{ids}"
        );
        assert!(!page.body.contains("<script>alert"), "{ids}");
        assert_easy_words(&page, "a link to nothing");
    }
}

#[tokio::test]
async fn clearing_the_list_in_easy_read_asks_then_posts_and_says_it_is_empty() {
    let app = spawn_app().await;
    let list = three();
    let standard = standard_with_list(&app, "/my-list/clear", &list).await;
    for page in [
        easy_with_list(&app, "/my-list/clear", &list).await,
        easy_by_query(&app, "/my-list/clear", &list).await,
    ] {
        assert_eq!(page.status, 200);
        assert_easy_page(&page, "Do you want to clear your list?");
        assert!(page.body.contains("This takes all 3 places off your list."));
        assert!(
            page.body
                .contains(r#"<form method="post" action="/my-list/clear""#)
        );
        assert!(page.body.contains("Yes, clear my list"));
        assert!(page.body.contains(r#"href="/my-list""#));
        assert_ne!(main_text(&page), main_text(&standard));
        assert_easy_words(&page, "clear the list");
    }
    let (status, location, cleared) = post_list(&app, "/my-list/clear", &[], &list).await;
    assert_eq!(status, 303);
    assert_eq!(location, "/my-list?done=cleared");
    let page = easy_with_list(&app, &location, &cleared.unwrap_or_default()).await;
    assert!(page.body.contains("Your list is empty now."));
    assert!(page.body.contains("Your list is empty."));
}

#[tokio::test]
async fn compare_in_easy_read_is_stacked_cards_with_pictures_and_no_table() {
    let app = spawn_app().await;
    let path = format!("/compare?ids={CLUB},{MEMORY_CLUB},{DAY_CENTRE}");
    let standard = app.get(&path).await;
    assert!(
        standard.body.contains("<table"),
        "the standard page is a table"
    );
    for page in [
        app.get_with_cookie(&path, "view=easy").await,
        app.get(&format!("{path}&view=easy")).await,
    ] {
        assert_eq!(page.status, 200);
        assert_easy_page(&page, "Compare places");
        assert!(!page.body.contains("<table"), "no wide table");
        assert!(!page.body.contains("table-scroll"));
        assert_eq!(page.count(r#"class="easy-card easy-compare__place""#), 3);
        assert_eq!(page.count(">When</h3>"), 3);
        assert_eq!(page.count(">Cost</h3>"), 3);
        assert!(page.body.contains("You are comparing 3 places."));
        for picture in [
            "day-wednesday",
            "day-saturday",
            "cost",
            "free",
            "wheelchair",
            "toilet",
            "parking",
            "transport",
            "quiet-space",
            "spaces",
        ] {
            assert!(
                page.body.contains(&format!("/icons/{picture}.svg")),
                "{picture}"
            );
        }
        assert!(page.body.contains("You can get in with a wheelchair."));
        assert!(page.body.contains("There is parking."));
        assert!(page.body.contains("They can help you get there and back."));
        assert!(page.body.contains("It costs £3 each time."));
        assert_ne!(main_text(&page), main_text(&standard));
        assert_easy_words(&page, "compare");
    }
}

#[tokio::test]
async fn comparing_too_many_or_hostile_ids_in_easy_read_is_a_polite_answer() {
    let app = spawn_app().await;
    let five = "sandbach-stars-social-club,macclesfield-autism-social-club,\
                crewe-saturday-memory-club,dane-mill-day-centre,brookhouse-day-centre";
    let page = app
        .get_with_cookie(&format!("/compare?ids={five}"), "view=easy")
        .await;
    assert_eq!(page.status, 400);
    assert!(page.title().starts_with("Error: "));
    assert!(page.title().ends_with(TITLE_END));
    assert!(
        page.body
            .contains("You chose 5 places. You can compare up to 4.")
    );
    assert!(
        page.body
            .contains(r#"<form method="get" action="/compare">"#)
    );
    assert_eq!(page.count(r#"type="checkbox""#), 5);
    assert_easy_words(&page, "too many");

    let long = "a".repeat(5000);
    for ids in [
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "..%2F..%2Fetc%2Fpasswd",
        "%FF%FE",
        long.as_str(),
        ",,,,,,",
        "",
    ] {
        let page = app
            .get_with_cookie(&format!("/compare?ids={ids}"), "view=easy")
            .await;
        assert!(page.status < 500, "{ids:.40}: {}", page.status);
        assert!(!page.body.contains("<script>alert"));
        if page.status == 200 {
            assert!(page.body.contains("You can compare 2, 3 or 4 places."));
        }
    }
    let one = app
        .get_with_cookie(&format!("/compare?ids={CLUB}"), "view=easy")
        .await;
    assert_eq!(one.status, 200);
    assert!(one.body.contains("You can compare 2, 3 or 4 places."));
}

#[tokio::test]
async fn the_sheet_by_the_easy_read_cookie_is_the_easy_sheet_with_the_phone_number() {
    let app = spawn_app().await;
    let list = format!("{MEMORY_CLUB}.{DAY_CENTRE}");
    let standard = standard_with_list(&app, "/my-list/print", &list).await;
    assert_eq!(standard.title(), "Your list to print – Dayfinder");
    assert!(standard.body.contains("Day opportunities to look into"));
    for page in [
        easy_with_list(&app, "/my-list/print", &list).await,
        easy_by_query(&app, "/my-list/print", &list).await,
    ] {
        assert_eq!(page.status, 200);
        assert_eq!(page.title(), "Your list to print – easy read – Dayfinder");
        assert_easy_page(&page, "My list of places to try");
        assert_eq!(
            page.count(r#"class="print-entry easy-entry easy-sheet__entry""#),
            2
        );
        // Its own summary, how to get there, when, the cost and who to phone, large.
        for words in [
            "This is a club for people with memory problems.",
            "How to get there",
            "There is an accessible toilet.",
            "They can help you get there and back.",
            "Saturday, 10am to 12:30pm.",
            "It is free.",
            "The council may pay for it.",
            "Who to phone",
            "Ask for Emma Twiss.",
        ] {
            assert!(page.body.contains(words), "{words}");
        }
        let phone = page
            .body
            .split(r#"<p class="body point easy-sheet__phone">"#)
            .nth(1)
            .unwrap_or_else(|| panic!("no phone line: {}", page.body));
        assert!(phone.contains("/icons/phone.svg"), "{phone:.300}");
        assert!(page.body.contains(r#"href="tel:01632960550""#));
        assert!(page.body.contains(">01632 960550</a>"));
        // One place on each page, by a link that needs no JavaScript.
        assert!(
            page.body
                .contains(r#"href="/my-list/print?view=easy&amp;pages=one""#)
        );
        assert!(page.body.contains("Print one place on each page"));
        assert!(!page.body.contains("easy-sheet--one-a-page"));
        assert!(
            page.body
                .contains(r#"href="/my-list/print?sheet=standard""#)
        );
        assert_ne!(main_text(&page), main_text(&standard));
        assert_easy_words(&page, "the easy sheet");
    }
}

#[tokio::test]
async fn one_place_on_each_page_breaks_the_printed_sheet_before_each_place() {
    let app = spawn_app().await;
    let list = format!("{MEMORY_CLUB}.{DAY_CENTRE}");
    let page = easy_with_list(&app, "/my-list/print?pages=one", &list).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains(r#"class="easy-sheet easy-sheet--one-a-page""#)
    );
    assert!(page.body.contains("Now each place goes on its own page."));
    assert!(page.body.contains(r#"href="/my-list/print?view=easy""#));
    assert_easy_words(&page, "one place on each page");
    let css = include_str!("../../../style/main.css");
    assert!(css.contains(
        ".easy-sheet--one-a-page .easy-sheet__entry + .easy-sheet__entry { break-before: page;"
    ));
    // Nonsense is the usual sheet, never an error.
    let odd = easy_with_list(&app, "/my-list/print?pages=%3Cscript%3E", &list).await;
    assert_eq!(odd.status, 200);
    assert!(!odd.body.contains("easy-sheet--one-a-page"));
}

#[tokio::test]
async fn the_standard_sheet_stays_as_it_was_and_can_be_had_in_easy_read() {
    let app = spawn_app().await;
    let page = easy_with_list(&app, "/my-list/print?sheet=standard", MEMORY_CLUB).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.title(), "Your list to print – Dayfinder");
    assert!(page.body.contains("Day opportunities to look into"));
    let shared = app
        .get_with_cookie(
            &format!("/my-list/print?ids={CLUB},{MEMORY_CLUB}"),
            "view=easy",
        )
        .await;
    assert_eq!(shared.title(), "Your list to print – easy read – Dayfinder");
    // The shared list's ids are kept by the links to the other sheets.
    let ids = format!("{CLUB}%2C{MEMORY_CLUB}");
    assert!(shared.body.contains(&format!(
        r#"href="/my-list/print?ids={ids}&amp;sheet=standard""#
    )));
    assert!(shared.body.contains(&format!(
        r#"href="/my-list/print?ids={ids}&amp;view=easy&amp;pages=one""#
    )));
    let one = app
        .get_with_cookie(&format!("/my-list/print?ids={ids}&view=easy&pages=one"), "")
        .await;
    assert_eq!(
        one.count(r#"class="print-entry easy-entry easy-sheet__entry""#),
        2
    );
    assert!(one.body.contains("easy-sheet--one-a-page"));
    let empty = easy_with_list(&app, "/my-list/print", "").await;
    assert_eq!(empty.status, 200);
    assert!(
        empty
            .body
            .contains("There is nothing on this list to print.")
    );
    assert_easy_words(&empty, "an empty sheet");
}

#[tokio::test]
async fn hostile_query_strings_on_the_easy_list_pages_are_never_an_error() {
    let app = spawn_app().await;
    let long = "a".repeat(5000);
    for path in [
        "/my-list?removed=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
        "/my-list?done=%3Cscript%3E&removed=".to_string(),
        format!("/my-list?removed={long}"),
        "/my-list/clear?x=%FF%FE".to_string(),
        "/my-list/print?ids=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
        format!("/my-list/print?ids={long}&pages=one"),
        "/my-list/print?ids=,,,&sheet=%3Cscript%3E".to_string(),
        "/my-list/shared?ids=a&ids=b&id=%00".to_string(),
    ] {
        let page = easy_with_list(&app, &path, CLUB).await;
        assert!(page.status < 500, "{path:.60}: {}", page.status);
        assert!(!page.body.contains("<script>alert"), "{path:.60}");
        assert!(
            page.title().ends_with(TITLE_END),
            "{path:.60}: {}",
            page.title()
        );
    }
}
