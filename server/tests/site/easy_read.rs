//! Easy read: the switch and its cookie, `?view=easy`, easy-read pages in the first HTML,
//! the guided search, and "Words we use".

use crate::helpers::{Page, spawn_app};

const EASY: &str = "view=easy";

fn header<'a>(page: &'a Page, name: &str) -> &'a str {
    page.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// The listing links of an easy-read results page.
fn easy_result_links(page: &Page) -> Vec<String> {
    page.body
        .split("<h2 class=\"heading-m easy-card__title\"><a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

#[tokio::test]
async fn the_easy_read_switch_remembers_the_choice_and_returns_to_the_same_page() {
    let app = spawn_app().await;
    let page = app
        .get("/view/easy?return=%2Fsearch%3Fq%3Dclub%26near%3DCrewe")
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(header(&page, "location"), "/search?q=club&near=Crewe");
    let cookie = header(&page, "set-cookie");
    for part in ["view=easy", "Path=/", "Max-Age=31536000", "SameSite=Lax"] {
        assert!(cookie.contains(part), "{cookie}");
    }

    let back = app.get("/view/standard?return=%2F").await;
    assert_eq!(back.status, 303);
    assert_eq!(header(&back, "location"), "/");
    assert!(header(&back, "set-cookie").contains("Max-Age=0"));
}

#[tokio::test]
async fn the_switch_never_sends_anyone_to_another_site() {
    let app = spawn_app().await;
    for evil in [
        "//evil.example/",
        "https://evil.example/",
        "/%5Cevil.example",
        "%2F%2Fevil.example",
        "evil.example",
        "/ok%0D%0ASet-Cookie:%20x=1",
        "",
    ] {
        let page = app.get(&format!("/view/easy?return={evil}")).await;
        assert_eq!(page.status, 303, "{evil}");
        let location = header(&page, "location");
        assert!(
            location.starts_with('/') && !location.starts_with("//") && !location.contains('\\'),
            "{evil} went to {location}"
        );
    }
    let page = app.get("/view/easy").await;
    assert_eq!(header(&page, "location"), "/");
}

#[tokio::test]
async fn an_unknown_view_is_a_polite_404() {
    let app = spawn_app().await;
    let page = app.get("/view/purple?return=/").await;
    assert_eq!(page.status, 404);
    assert!(page.body.contains("Easy read"));
}

#[tokio::test]
async fn every_page_has_the_switch_and_says_its_view_on_html() {
    let app = spawn_app().await;
    let page = app.get("/search?q=club").await;
    assert!(page.body.contains(r#"data-view="standard""#));
    assert!(
        page.body.contains(
            r#"<a href="/view/easy?return=%2Fsearch%3Fq%3Dclub" rel="external" class="view-bar__link view-bar__switch">"#
        ),
        "the switch is a plain link back to this page"
    );
    let easy = app.get_with_cookie("/search?q=club", EASY).await;
    assert!(easy.body.contains(r#"data-view="easy""#));
    assert!(easy.body.contains("view-easy"));
    assert!(
        easy.body
            .contains("/view/standard?return=%2Fsearch%3Fq%3Dclub")
    );
    assert!(easy.body.contains("Standard view"));
}

#[tokio::test]
async fn with_the_cookie_the_home_page_is_easy_read_from_the_first_html() {
    let app = spawn_app().await;
    let page = app.get_with_cookie("/", "other=1; view=easy").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.title(),
        "Find things to do in the day – easy read – Dayfinder"
    );
    assert_eq!(page.count("<h1"), 1);
    assert!(page.body.contains(r#"href="/guided-search""#));
    assert!(page.body.contains(r#"src="/icons/search.svg""#));
}

#[tokio::test]
async fn nonsense_in_the_cookie_shows_the_standard_view() {
    let app = spawn_app().await;
    let page = app.get_with_cookie("/", "view=%3Cscript%3E").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"data-view="standard""#));
}

#[tokio::test]
async fn view_easy_in_the_address_shows_easy_read_and_remembers_it() {
    let app = spawn_app().await;
    let page = app
        .get("/search?need=dementia&near=Crewe&day=saturday&view=easy")
        .await;
    assert_eq!(page.status, 200);
    assert!(header(&page, "set-cookie").starts_with("view=easy"));
    assert!(page.body.contains(r#"data-view="easy""#));
    assert!(
        page.body.contains("Things to do near Crewe"),
        "{}",
        page.title()
    );
    assert!(page.body.contains("Days: Saturday."));
    assert!(
        page.body
            .contains(r#"src="/icons/day-saturday.svg" alt="""#)
    );
    assert!(
        !easy_result_links(&page).is_empty(),
        "the sample has a Saturday memory club in Crewe"
    );
    assert!(
        !page.body.contains("Apply filters"),
        "easy read offers fewer choices at once"
    );
}

#[tokio::test]
async fn an_easy_read_listing_shows_its_summary_with_a_picture_beside_each_point() {
    let app = spawn_app().await;
    let page = app
        .get_with_cookie("/services/crewe-saturday-memory-club", EASY)
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(page.count("<h1"), 1);
    assert!(page.title().contains("easy read"), "{}", page.title());
    assert!(
        page.body
            .contains("This is a club for people with memory problems.")
    );
    for picture in [
        "day-saturday",
        "morning",
        "address",
        "free",
        "phone",
        "need-dementia",
    ] {
        assert!(
            page.body
                .contains(&format!(r#"<img src="/icons/{picture}.svg" alt="""#)),
            "{picture} is missing"
        );
    }
    assert!(page.body.contains("Saturday, 10am to 12:30pm."));
}

#[tokio::test]
async fn an_unknown_listing_in_easy_read_is_still_a_404() {
    let app = spawn_app().await;
    let page = app.get_with_cookie("/services/no-such-service", EASY).await;
    assert_eq!(page.status, 404);
}

#[tokio::test]
async fn hard_words_on_easy_read_listings_link_to_words_we_use() {
    let app = spawn_app().await;
    let results = app.get("/search?cost=funded&view=easy").await;
    let href = easy_result_links(&results)
        .into_iter()
        .next()
        .expect("a service funded after a care assessment");
    let page = app.get_with_cookie(&href, EASY).await;
    assert!(
        page.body.contains(r#"href="/words#care-assessment""#),
        "{href}"
    );
}

#[tokio::test]
async fn words_we_use_explains_the_hard_words_in_plain_words() {
    let app = spawn_app().await;
    let page = app.get("/words").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.title(), "Words we use – Dayfinder");
    assert_eq!(page.count("<h1"), 1);
    for id in [
        "direct-payment",
        "enablement",
        "referral",
        "assessment",
        "respite",
        "shared-lives",
        "personal-budget",
        "care-assessment",
        "ehc-plan",
        "supported-employment",
        "day-centre",
    ] {
        assert!(page.body.contains(&format!(r#"id="{id}""#)), "{id}");
    }
    assert!(
        page.body
            .contains("A direct payment is money from the council.")
    );
}

#[tokio::test]
async fn each_guided_step_is_a_plain_form_carrying_the_earlier_answers() {
    let app = spawn_app().await;
    let who = app.get("/guided-search").await;
    assert_eq!(who.status, 200);
    assert!(who.body.contains(r#"action="/guided-search/where""#));
    assert!(who.body.contains(r#"name="need" value="dementia""#));

    let place = app.get("/guided-search/where?need=dementia").await;
    assert_eq!(place.status, 200);
    assert_eq!(place.count("<h1"), 1);
    assert!(place.body.contains(r#"action="/guided-search/days""#));
    assert!(
        place
            .body
            .contains(r#"<input type="hidden" name="need" value="dementia""#)
    );
    assert!(
        place
            .body
            .contains(r#"href="/guided-search?need=dementia""#),
        "a way back"
    );
    assert!(place.body.contains(r#"name="near" value="Crewe""#));

    // A town button comes after the empty box: the button wins.
    let days = app
        .get("/guided-search/days?need=dementia&near=&near=Crewe")
        .await;
    assert_eq!(days.status, 200);
    assert!(days.body.contains(r#"action="/search""#));
    assert!(
        days.body
            .contains(r#"<input type="hidden" name="view" value="easy""#)
    );
    assert!(
        days.body
            .contains(r#"<input type="hidden" name="near" value="Crewe""#)
    );
    assert!(
        days.body
            .contains(r#"<input type="hidden" name="need" value="dementia""#)
    );
    assert!(days.body.contains(r#"value="saturday""#));
    assert!(
        days.body
            .contains(r#"href="/guided-search/where?need=dementia&amp;near=Crewe""#)
    );
}

#[tokio::test]
async fn guided_steps_with_nonsense_answers_say_so_and_never_fail() {
    let app = spawn_app().await;
    for path in [
        "/guided-search?need=%3Cscript%3E",
        "/guided-search/where?need=nobody&day=funday",
        "/guided-search/days?need=dementia&near=%00%FF%FE&day=%E2%82",
        "/guided-search/days?near=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "/guided-search/where?need=&need=&near=anywhere",
    ] {
        let page = app.get(path).await;
        assert!(page.status < 500, "{path} gave {}", page.status);
        assert_eq!(page.count("<h1"), 1, "{path}");
    }
    let page = app.get("/guided-search?need=%3Cscript%3E").await;
    assert!(page.body.contains("Please choose again."));
    assert!(!page.body.contains("<script>"));
}

#[tokio::test]
async fn read_aloud_is_a_small_script_from_this_site_the_policy_allows() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert!(
        page.body
            .contains(r#"<script src="/read-aloud.js" defer></script>"#)
    );
    assert!(
        page.body
            .contains(r#"<button type="button" id="read-aloud" hidden"#),
        "hidden until the script finds speech"
    );
    let policy = header(&page, "content-security-policy");
    assert!(policy.contains("script-src 'self'"), "{policy}");
    // The tests serve no static files: read the script where the build copies it from.
    let script = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/read-aloud.js"),
    )
    .expect("public/read-aloud.js");
    assert!(script.contains("speechSynthesis"));
    assert!(script.lines().count() < 100, "a small script");
    assert!(!script.contains("eval(") && !script.contains("innerHTML"));
}
