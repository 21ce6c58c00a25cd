//! Listings found only by their own words: the results page says how many, in plain
//! words, and its form keeps the filters read from the question's words as loose as
//! they were.

use crate::helpers::spawn_app;

#[tokio::test]
async fn quiet_room_says_how_many_more_mention_one_in_their_description() {
    let app = spawn_app().await;
    // The sample's Heathside Day Centre has "a large sensory room" in its description
    // only, and three more a "chill-out room": found by their words, they come last.
    let first = app.get("/search?q=quiet+room").await;
    assert_eq!(first.status, 200);
    assert!(
        first.body.contains(
            "4 more mention a quiet space in their description and are listed after the others."
        ),
        "{}",
        first.body
    );
    assert!(
        first
            .body
            .contains(r#"<input type="hidden" name="said" value="quiet-space">"#),
        "the form keeps the filter read from the words"
    );
    assert!(!first.body.contains("heathside-day-centre"));
    let last = app
        .get("/search?access=quiet-space&said=quiet-space&page=4")
        .await;
    let links = last.result_links();
    assert!(
        links
            .iter()
            .rev()
            .take(4)
            .any(|l| l.contains("heathside-day-centre")),
        "{links:?}"
    );
    assert!(links.iter().all(|l| l.contains("said%3Dquiet-space")));
}

#[tokio::test]
async fn a_quiet_space_chosen_in_the_filter_boxes_finds_only_the_facts() {
    let app = spawn_app().await;
    let page = app.get("/search?access=quiet-space").await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("in its description"));
    assert!(!page.body.contains("in their description"));
    assert!(!page.body.contains("heathside-day-centre"));
}
