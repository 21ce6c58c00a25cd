//! Easy read everywhere: every page the site has reads differently in easy read, and every
//! sentence an easy-read page shows passes the core's easy-read checker.

use scraper::{ElementRef, Html, Selector};

use crate::helpers::{Page, TestApp, spawn_app};

const EASY: &str = "view=easy";
const LISTED: &str =
    "sandbach-stars-social-club,macclesfield-autism-social-club,crewe-saturday-memory-club";

/// Pages written in easy read for everyone: the same in both views by design.
const EASY_FOR_EVERYONE: &[&str] = &[
    "/guided-search",
    "/guided-search/where",
    "/guided-search/days",
    "/words",
];

/// A real address on the sample directory for each page the router has. A new page fails
/// this test until it has one here, so every page is checked in both views.
fn sample_addresses(path: &str) -> Vec<String> {
    let one = |s: &str| vec![s.to_string()];
    match path.replace(['{', '}'], "").replace("/:", "/").as_str() {
        "/" => one("/"),
        "/search" => vec![
            "/search?q=club&near=Crewe".into(),
            "/search?q=zzzzqqqq&near=Crewe&within=1".into(),
        ],
        "/services/id" => vec![
            "/services/crewe-saturday-memory-club".into(),
            "/services/no-such-service".into(),
        ],
        "/services/id/report-a-problem" => {
            one("/services/crewe-saturday-memory-club/report-a-problem")
        }
        "/services/id/report-a-problem/sent" => {
            one("/services/crewe-saturday-memory-club/report-a-problem/sent")
        }
        "/ask" => one("/ask?service=crewe-saturday-memory-club"),
        // A request's private page: one that does not exist (a real one needs a request).
        "/enquiries/id" => one(&format!("/enquiries/{}", "b".repeat(64))),
        "/about-the-data" => one("/about-the-data"),
        "/accessibility" => one("/accessibility"),
        "/privacy" => one("/privacy"),
        "/open-data" => one("/open-data"),
        "/data-quality" => one("/data-quality"),
        "/my-list" => one("/my-list"),
        "/my-list/shared" => one(&format!("/my-list/shared?ids={LISTED}")),
        "/my-list/clear" => one("/my-list/clear"),
        "/my-list/print" => one(&format!("/my-list/print?ids={LISTED}")),
        "/compare" => one(&format!("/compare?ids={LISTED}&near=Crewe")),
        "/events" => vec!["/events".into(), "/events?town=Crewe&from=banana".into()],
        "/events/id" => one("/events/crewe-planning-for-adulthood-evening"),
        "/preparing-for-adulthood" => one("/preparing-for-adulthood"),
        other if EASY_FOR_EVERYONE.contains(&other) => Vec::new(),
        other => panic!("give the new page {other} a sample address here"),
    }
}

/// Every address to visit: the router's pages, the editors' sign-in page (the one editor
/// page the public meets), and an address the site does not have.
fn addresses() -> Vec<String> {
    let mut all: Vec<String> = dayfinder_server::startup::page_paths()
        .iter()
        .flat_map(|p| sample_addresses(p))
        .collect();
    all.sort();
    all.dedup();
    all.push("/editor/sign-in".into());
    all.push("/no-such-page".into());
    all
}

fn main_of(document: &Html) -> ElementRef<'_> {
    document
        .select(&Selector::parse("main").expect("a selector"))
        .next()
        .expect("every page has a <main>")
}

/// The words of a page's main content, spaces made even.
fn main_text(page: &Page) -> String {
    let document = Html::parse_document(&page.body);
    main_of(&document)
        .text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

async fn both_views(app: &TestApp, address: &str) -> (Page, Page) {
    let standard = app.get(address).await;
    let easy = app.get_with_cookie(address, EASY).await;
    (standard, easy)
}

#[tokio::test]
async fn no_page_says_the_same_in_easy_read_as_in_the_standard_view() {
    let app = spawn_app().await;
    let mut same = Vec::new();
    for address in addresses() {
        let (standard, easy) = both_views(&app, &address).await;
        assert!(standard.status < 500, "{address}: {}", standard.status);
        assert_eq!(standard.status, easy.status, "{address}");
        assert_ne!(standard.title(), easy.title(), "{address}: the same title");
        if main_text(&standard) == main_text(&easy) {
            same.push(address);
        }
    }
    assert!(same.is_empty(), "the same in both views: {same:?}");
}

/// The sentences an easy-read page shows, from its main content: points, paragraphs, list
/// items, headings, form labels, hints and table cells, each the innermost of these (a card
/// is checked sentence by sentence, not as one run of words). The postcode licence line is
/// quoted as it must be. Also gives the words taken as explained: those "Words we use"
/// explains, and names (of services, events and providers), which are links.
fn easy_sentences(page: &Page) -> (Vec<String>, Vec<String>) {
    let document = Html::parse_document(&page.body);
    let main = main_of(&document);
    let texts = Selector::parse(
        ".point__words, p, li, h1, h2, h3, legend, label, .hint, th, td, dt, dd, .easy-lines__text",
    )
    .expect("a selector");
    let quoted = Selector::parse(".attribution").expect("a selector");
    let explained = Selector::parse(
        r#"a[href^="/words#"], a[href^="/services/"], a[href^="/events/"], a[href^="http"], a[href^="mailto:"], a[href^="tel:"]"#,
    )
    .expect("a selector");
    let explained: Vec<String> = main
        .select(&explained)
        .map(|a| a.text().collect::<String>().trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    let quoted: Vec<_> = main.select(&quoted).map(|e| e.id()).collect();
    let sentences = main
        .select(&texts)
        .filter(|e| !e.ancestors().any(|a| quoted.contains(&a.id())) && !quoted.contains(&e.id()))
        .filter(|e| !e.select(&texts).any(|inner| inner.id() != e.id()))
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect();
    (sentences, explained)
}

/// Advice on a text, once the words "Words we use" explains are taken as explained.
fn advice(text: &str, explained: &[String]) -> Vec<String> {
    let mut plain = text.to_lowercase();
    // Longest first, so a name that holds a glossary word goes whole.
    let mut explained = explained.to_vec();
    explained.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for word in &explained {
        plain = plain.replace(word.as_str(), "word");
    }
    dayfinder::easyread::check(&plain)
        .advice
        .into_iter()
        .map(|a| a.message)
        .collect()
}

#[tokio::test]
async fn every_sentence_on_every_easy_read_page_passes_the_checker() {
    let app = spawn_app().await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for address in addresses() {
        let page = app.get_with_cookie(&address, EASY).await;
        let (sentences, explained) = easy_sentences(&page);
        for text in sentences {
            checked += 1;
            let advice = advice(&text, &explained);
            if !advice.is_empty() {
                failures.push(format!(
                    "{address}: “{}”: {}",
                    text.trim(),
                    advice.join(" ")
                ));
            }
        }
    }
    assert!(checked > 300, "only {checked} texts were checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn the_tables_on_the_privacy_and_open_data_pages_scroll_inside_their_own_region() {
    let app = spawn_app().await;
    for address in ["/privacy", "/open-data"] {
        let page = app.get(address).await;
        let document = Html::parse_document(&page.body);
        let tables = Selector::parse("table").expect("a selector");
        for table in main_of(&document).select(&tables) {
            let region = table
                .parent()
                .and_then(ElementRef::wrap)
                .expect("a table sits in an element");
            assert_eq!(
                region.value().attr("class"),
                Some("table-scroll"),
                "{address}"
            );
            assert_eq!(region.value().attr("role"), Some("region"), "{address}");
            let caption = region.value().attr("aria-labelledby").expect("a label");
            assert!(
                page.body.contains(&format!("id=\"{caption}\"")),
                "{address}"
            );
        }
    }
}
