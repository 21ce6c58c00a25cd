//! What each page sends, without a browser.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_home_page_has_a_title_one_h1_a_skip_link_and_the_attribution() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.title(),
        "Find day opportunities in Cheshire East – Dayfinder"
    );
    assert_eq!(page.count("<h1"), 1);
    assert!(
        page.body
            .contains(r##"<a href="#main-content" class="skip-link">"##)
    );
    assert!(
        page.body
            .contains("Contains OS data © Crown copyright and database right 2025")
    );
    assert!(
        page.body.contains(r#"<form method="GET" action="/search""#),
        "searching needs no JavaScript"
    );
}

#[tokio::test]
async fn saturday_dementia_near_crewe_lists_results_that_link_back_to_the_search() {
    let app = spawn_app().await;
    let page = app.get("/search?q=saturday+dementia&near=Crewe").await;
    assert_eq!(page.status, 200);
    assert!(
        page.title().contains("‘dementia’ near Crewe"),
        "{}",
        page.title()
    );
    assert_eq!(page.count("<h1"), 1);
    let links = page.result_links();
    assert!(!links.is_empty(), "the sample has something for this");
    assert!(links[0].starts_with("/services/"));
    assert!(
        links[0].contains("back=q%3Ddementia%26near%3DCrewe%26day%3Dsaturday"),
        "{}",
        links[0]
    );
    assert!(page.body.contains("Apply filters"));
}

#[tokio::test]
async fn a_listing_shows_its_timetable_as_a_table_its_json_ld_and_a_way_back() {
    let app = spawn_app().await;
    let results = app.get("/search?day=saturday").await;
    let href = results
        .result_links()
        .into_iter()
        .next()
        .expect("a Saturday service");
    let page = app.get(&href).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.count("<h1"), 1);
    assert!(page.body.contains("<table class=\"table\">"));
    assert!(page.body.contains(r#"<th scope="row">Saturday</th>"#));
    assert!(
        page.body
            .contains(r#"<script type="application/ld+json">{"#)
    );
    assert!(
        page.body
            .contains(r#"<a href="/search?day=saturday" class="back-link">Back to results</a>"#)
    );
    assert!(page.body.contains("Last checked: "));
    let share = format!(
        "{}{}",
        app.address,
        href.split('?').next().unwrap_or_default()
    );
    assert!(
        page.body.contains(&format!(">{share}</a>")),
        "the share link is the listing's full address: {share}"
    );
}

#[tokio::test]
async fn a_forged_host_header_cannot_put_markup_in_the_share_link() {
    let app = spawn_app().await;
    let results = app.get("/search?day=saturday").await;
    let href = results
        .result_links()
        .into_iter()
        .next()
        .expect("a service");
    let body = app
        .client
        .get(format!("{}{href}", app.address))
        .header("host", "evil.example/\"><script>")
        .send()
        .await
        .expect("answered")
        .text()
        .await
        .expect("a body");
    assert!(!body.contains("evil.example"));
}

#[tokio::test]
async fn an_unknown_listing_is_a_404_in_plain_words() {
    let app = spawn_app().await;
    let page = app.get("/services/no-such-service").await;
    assert_eq!(page.status, 404);
    assert_eq!(page.title(), "Page not found – Dayfinder");
}

#[tokio::test]
async fn an_unknown_address_is_a_404_page() {
    let app = spawn_app().await;
    let page = app.get("/this/is/not/here").await;
    assert_eq!(page.status, 404);
    assert!(
        page.body
            .contains("<h1 class=\"heading-l\">Page not found</h1>")
    );
}

#[tokio::test]
async fn nonsense_in_the_address_never_gives_a_server_error() {
    let app = spawn_app().await;
    let long = "a".repeat(10_000);
    let nonsense = [
        "q=%22unbalanced".to_string(),
        "q=AND(".to_string(),
        "q=name%3Afoo*".to_string(),
        format!("q={long}"),
        "q=%F0%9F%98%80%E2%9D%A4".to_string(),
        "q=%00%01%1B".to_string(),
        "need=%3Cscript%3E&kind=&tier=x&day=funday&time=noon".to_string(),
        "page=-1&within=NaN&age=old&order=sideways".to_string(),
        "page=999999&within=1e308".to_string(),
        "near=%%%%".to_string(),
        "near=ZZ99+9ZZ&within=0".to_string(),
    ];
    for query in nonsense {
        let page = app.get(&format!("/search?{query}")).await;
        // An address past the longest the site reads is refused politely, not cut.
        let expected = match query.len() > dayfinder_app::urls::MAX_QUERY_BYTES {
            true => 414,
            false => 200,
        };
        assert_eq!(
            page.status,
            expected,
            "/search?{}",
            query.chars().take(60).collect::<String>()
        );
        assert_eq!(page.count("<h1"), 1);
    }
}

#[tokio::test]
async fn parameters_the_search_cannot_use_are_named_on_the_page() {
    let app = spawn_app().await;
    let page = app.get("/search?need=%3Cscript%3E").await;
    assert!(page.body.contains("We could not use part of your search:"));
    assert!(!page.body.contains("<script>"), "input is escaped");
}

#[tokio::test]
async fn an_unknown_place_is_named_with_suggestions() {
    let app = spawn_app().await;
    let page = app.get("/search?near=Crwe").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("place-notice"));
    assert!(
        page.body.contains("near=Crewe"),
        "a suggestion links to the search near Crewe"
    );
}

#[tokio::test]
async fn the_static_pages_have_unique_titles() {
    let app = spawn_app().await;
    let mut titles = Vec::new();
    for path in [
        "/",
        "/search",
        "/about-the-data",
        "/accessibility",
        "/privacy",
        "/open-data",
        "/nope",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.count("<h1"), 1, "{path}");
        titles.push(page.title().to_string());
    }
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "{titles:?}");
}

#[tokio::test]
async fn the_about_page_carries_the_full_postcode_attribution() {
    let app = spawn_app().await;
    let page = app.get("/about-the-data").await;
    assert!(
        page.body
            .contains(dayfinder_app::components::layout::POSTCODE_ATTRIBUTION)
    );
}

#[tokio::test]
async fn a_question_comes_back_as_filters_that_can_be_removed_one_by_one() {
    let app = spawn_app().await;
    let page = app
        .get("/search?q=something+on+Saturdays+near+Crewe+for+my+dad%2C+he+has+dementia")
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains(r#"id="near" name="near" type="text" value="Crewe""#),
        "the place moved to Where?"
    );
    let q = page
        .body
        .split(r#"id="q""#)
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or("");
    assert!(
        q.contains(r#"value="dementia""#),
        "only the words are left: {q}"
    );
    let first = page.result_links().into_iter().next().expect("a result");
    assert!(
        first.starts_with("/services/crewe-saturday-memory-club"),
        "{first}"
    );
}

#[tokio::test]
async fn the_open_data_page_links_the_downloads_and_the_api_and_they_answer() {
    let app = spawn_app().await;
    let page = app.get("/open-data").await;
    assert_eq!(page.status, 200);
    for link in [
        "/download/directory.csv",
        "/download/directory.json",
        "/api/v3/openapi.json",
        "/api/v3/services",
    ] {
        assert!(page.body.contains(&format!(r#"href="{link}""#)), "{link}");
        assert_eq!(app.get(link).await.status, 200, "{link}");
    }
}

#[tokio::test]
async fn every_signed_out_page_in_the_editors_frame_has_the_sites_stylesheet() {
    let app = crate::helpers::spawn_app().await;
    let token = "0".repeat(64);
    for path in [
        "/editor/sign-in".to_string(),
        "/editor/forgot-password".to_string(),
        "/editor/forgot-password?sent=yes".to_string(),
        format!("/editor/reset-password/{token}"),
        format!("/review/{token}"),
        "/claim?service=crewe-saturday-memory-club".to_string(),
        "/claim/sent".to_string(),
        format!("/claim/prove/{token}"),
    ] {
        let page = app.get(&path).await;
        assert!(
            page.body.contains("rel=\"stylesheet\""),
            "{path} has no stylesheet: a page built outside the render"
        );
    }
}
