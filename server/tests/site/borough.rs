//! The site run for the invented second council, Mersey Vale, on its own feed
//! (`data/another-council/`): residents' questions find the right place first, and its
//! postcodes resolve. (Its name on every page: `profile.rs`.)

use super::helpers::spawn_app_for_another_council;

/// The name in the first result card of a results page.
fn first_result(body: &str) -> Option<String> {
    let card = body
        .split("<h3 class=\"heading-m result__title\"><a href=\"")
        .nth(1)?;
    let text = card.split_once('>')?.1.split("</a>").next()?;
    Some(
        text.replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

fn encoded(q: &str) -> String {
    q.replace(' ', "+").replace('\'', "%27")
}

#[tokio::test]
async fn residents_questions_find_the_right_place_first() {
    let app = spawn_app_for_another_council().await;
    for (question, name) in [
        ("hearing loop", "Orford Deaf Social Club"),
        ("autism quiet room", "Birchwood Quiet Space Autism Group"),
        (
            "day centre with a hoist and changing places",
            "Great Sankey Changing Places Day Centre",
        ),
        ("saturday dementia", "Lymm Saturday Memory Club"),
        ("carers break", "Culcheth Carers' Break Afternoons"),
        ("men's shed woodwork", "Burtonwood Men's Shed"),
    ] {
        let page = app.get(&format!("/search?q={}", encoded(question))).await;
        assert_eq!(page.status, 200, "{question}");
        assert_eq!(
            first_result(&page.body).as_deref(),
            Some(name),
            "“{question}”"
        );
    }
}

#[tokio::test]
async fn a_postcode_of_the_area_places_the_search() {
    let app = spawn_app_for_another_council().await;
    let page = app.get("/search?near=WA13&within=5").await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("We could not find"),
        "an outward code of the area is understood"
    );
    assert!(page.body.contains("miles"), "results show their distance");
}

#[tokio::test]
async fn a_full_postcode_of_the_area_is_placed_exactly() {
    let app = spawn_app_for_another_council().await;
    let page = app.get("/search?near=WA13+0AA&within=3").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("WA13 0AA"), "the postcode is shown back");
    assert!(!page.body.contains("We could not find"));
}

/// A listing the feed placed only by its postcode sits at that postcode, not in the
/// middle of its district.
#[tokio::test]
async fn a_listing_given_only_a_postcode_is_placed_at_it() {
    let app = spawn_app_for_another_council().await;
    // The feed gives this group's address as WA3 6EU, with no latitude and longitude.
    let page = app.get("/search?q=autism+quiet+room&near=WA3+6EU").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        first_result(&page.body).as_deref(),
        Some("Birchwood Quiet Space Autism Group")
    );
    assert!(
        page.body.contains("Birchwood, 0.0 miles away"),
        "placed at its postcode: {:?}",
        page.body
            .split(" away")
            .next()
            .map(|s| &s[s.len().saturating_sub(40)..])
    );
}

#[tokio::test]
async fn the_towns_the_feed_names_can_be_searched_by_name() {
    let app = spawn_app_for_another_council().await;
    let page = app.get("/search?q=saturday+dementia+near+Lymm").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        first_result(&page.body).as_deref(),
        Some("Lymm Saturday Memory Club")
    );
    let page = app.get("/search?near=great+sankey&within=2").await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("We could not find"),
        "Great Sankey is a town"
    );
    assert!(page.body.contains("Great Sankey"));
}

#[tokio::test]
async fn a_postcode_outside_the_area_is_told_so_and_still_finds_the_nearest() {
    let app = spawn_app_for_another_council().await;
    // Newton-le-Willows: a WA postcode, but not one of Mersey Vale's districts.
    let page = app.get("/search?near=WA12+9AA").await;
    assert_eq!(page.status, 200);
    assert!(
        // Not imported (it is not the area's), it is placed by its outward code.
        page.body.contains("WA12 is outside Mersey Vale."),
        "told it is outside the area: {}",
        page.title()
    );
    assert!(
        first_result(&page.body).is_some(),
        "the nearest are still listed"
    );
    let inside = app.get("/search?near=WA13+0AA").await;
    assert!(!inside.body.contains("is outside Mersey Vale"));
    let town = app.get("/search?near=Lymm").await;
    assert!(!town.body.contains("is outside Mersey Vale"));
}
