//! "My list": adding, removing, clearing, sharing, comparing and printing, over HTTP. The
//! list lives in the `list` cookie, which these tests carry by hand.

use crate::helpers::{Page, TestApp, spawn_app};

/// Three services in the sample directory.
const CLUB: &str = "sandbach-stars-social-club";
const AUTISM_CLUB: &str = "macclesfield-autism-social-club";
const THIRD: &str = "crewe-saturday-memory-club";

/// What a list form's POST returned.
struct Answer {
    status: u16,
    location: String,
    /// The `list` cookie's new value (`a.b`), or `None` when the answer did not set it.
    list: Option<String>,
    cookie: String,
    body: String,
}

impl TestApp {
    /// POSTs a list form with the given cookie (`a.b`) and, when given, an Origin header.
    async fn post_list(
        &self,
        path: &str,
        form: &[(&str, &str)],
        list: &str,
        origin: Option<&str>,
    ) -> Answer {
        let mut request = self
            .client
            .post(format!("{}{path}", self.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", format!("list={list}"))
            .body(
                form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(form)
                    .finish(),
            );
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.expect("answered");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        let cookie = header("set-cookie");
        let location = header("location");
        let status = response.status().as_u16();
        let list = cookie
            .strip_prefix("list=")
            .map(|rest| rest.split(';').next().unwrap_or_default().to_string());
        let body = response.text().await.expect("a body");
        Answer {
            status,
            location,
            list,
            cookie,
            body,
        }
    }

    /// GETs a page with a `list` cookie.
    async fn get_with_list(&self, path: &str, list: &str) -> Page {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .header("cookie", format!("list={list}"))
            .send()
            .await
            .expect("answered");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.text().await.expect("a body").replace("<!>", "");
        Page {
            status,
            headers,
            body,
        }
    }

    fn origin(&self) -> String {
        self.address.clone()
    }
}

#[tokio::test]
async fn adding_a_service_stores_it_in_a_lax_cookie_and_goes_back_to_the_button() {
    let app = spawn_app().await;
    let answer = app
        .post_list(
            "/my-list/add",
            &[("id", CLUB), ("back", "/search?q=club")],
            "",
            Some(&app.origin()),
        )
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location, format!("/search?q=club#shortlist-{CLUB}"));
    assert_eq!(answer.list.as_deref(), Some(CLUB));
    assert!(answer.cookie.contains("SameSite=Lax"), "{}", answer.cookie);
    assert!(answer.cookie.contains("HttpOnly"), "{}", answer.cookie);

    let again = app
        .post_list("/my-list/add", &[("id", AUTISM_CLUB)], CLUB, None)
        .await;
    assert_eq!(again.list, Some(format!("{CLUB}.{AUTISM_CLUB}")));
    assert_eq!(again.location, format!("/my-list#shortlist-{AUTISM_CLUB}"));
}

#[tokio::test]
async fn a_listed_service_shows_remove_and_the_header_counts_the_list() {
    let app = spawn_app().await;
    let page = app
        .get_with_list(
            &format!("/services/{CLUB}"),
            &format!("{CLUB}.{AUTISM_CLUB}"),
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(">My list (2)</a>"), "the header counts");
    assert!(page.body.contains(r#"formaction="/my-list/remove""#));
    assert!(page.body.contains("Remove from my list"));
    assert!(
        page.body
            .contains(r#"<form id="shortlist-form" method="post" action="/my-list/add""#)
    );

    let elsewhere = app.get(&format!("/services/{CLUB}")).await;
    assert!(elsewhere.body.contains(">My list (0)</a>"));
    assert!(elsewhere.body.contains("Add to my list"));
}

#[tokio::test]
async fn the_going_back_address_never_leads_to_another_site() {
    let app = spawn_app().await;
    for back in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "/a\r\nSet-Cookie: x=1",
    ] {
        let answer = app
            .post_list("/my-list/add", &[("id", CLUB), ("back", back)], "", None)
            .await;
        assert_eq!(answer.status, 303, "{back:?}");
        assert_eq!(
            answer.location,
            format!("/my-list#shortlist-{CLUB}"),
            "{back:?}"
        );
    }
}

#[tokio::test]
async fn removing_a_service_from_the_list_page_says_so() {
    let app = spawn_app().await;
    let answer = app
        .post_list(
            "/my-list/remove",
            &[("id", CLUB), ("back", "/my-list")],
            &format!("{CLUB}.{AUTISM_CLUB}"),
            Some(&app.origin()),
        )
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.list.as_deref(), Some(AUTISM_CLUB));
    assert_eq!(answer.location, format!("/my-list?removed={CLUB}"));
    let page = app.get_with_list(&answer.location, AUTISM_CLUB).await;
    assert!(
        page.body
            .contains("Sandbach Stars Social Club has been removed from your list.")
    );
    assert!(
        page.body
            .contains("You have 1 day opportunity on your list.")
    );
}

#[tokio::test]
async fn clearing_the_list_asks_first_then_removes_the_cookie() {
    let app = spawn_app().await;
    let question = app.get_with_list("/my-list/clear", CLUB).await;
    assert_eq!(question.status, 200);
    assert_eq!(question.count("<h1"), 1);
    assert!(
        question
            .body
            .contains("Are you sure you want to clear your list?")
    );
    assert!(
        question
            .body
            .contains(r#"<form method="post" action="/my-list/clear""#)
    );

    let answer = app
        .post_list("/my-list/clear", &[], CLUB, Some(&app.origin()))
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location, "/my-list?done=cleared");
    assert_eq!(answer.list.as_deref(), Some(""));
    assert!(answer.cookie.contains("Max-Age=0"), "{}", answer.cookie);
    let page = app.get(&answer.location).await;
    assert!(page.body.contains("Your list has been cleared."));
    assert!(page.body.contains("Your list is empty."));
}

#[tokio::test]
async fn a_full_list_says_so_instead_of_adding_a_twenty_first() {
    let app = spawn_app().await;
    let everything = app.get("/search?q=").await;
    assert!(everything.status == 200);
    let full: Vec<String> = (0..20).map(|n| format!("made-up-{n}")).collect();
    let answer = app
        .post_list("/my-list/add", &[("id", CLUB)], &full.join("."), None)
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location, "/my-list?done=full");
    assert_eq!(answer.list, None, "the cookie is left as it was");
    let page = app.get_with_list(&answer.location, &full.join(".")).await;
    assert!(page.body.contains("Your list is full"));
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_refused_politely() {
    let app = spawn_app().await;
    let unknown = app
        .post_list("/my-list/add", &[("id", "no-such-service")], "", None)
        .await;
    assert_eq!(unknown.status, 404);
    assert!(unknown.body.contains("Your list was not changed"));
    assert_eq!(unknown.list, None);
    for bad in ["", "<script>", "UPPER", &"a".repeat(500)] {
        let answer = app
            .post_list("/my-list/add", &[("id", bad)], "", None)
            .await;
        assert_eq!(answer.status, 400, "{bad:?}");
        assert_eq!(answer.list, None);
    }
    let no_form = app
        .client
        .post(format!("{}/my-list/add", app.address))
        .body("\u{0}\u{1}%%%")
        .send()
        .await
        .expect("answered");
    assert_eq!(no_form.status().as_u16(), 400);
}

#[tokio::test]
async fn malformed_cookies_are_ignored_never_a_server_error() {
    let app = spawn_app().await;
    for cookie in [
        "%%%",
        "....",
        "a..b..<script>",
        "\"quoted\"",
        &"x".repeat(3000),
        "UPPER.CASE",
    ] {
        for path in [
            "/my-list",
            "/my-list/print",
            "/my-list/clear",
            "/search?q=club",
        ] {
            let page = app.get_with_list(path, cookie).await;
            assert_eq!(page.status, 200, "{path} with list={cookie:?}");
        }
        let answer = app
            .post_list("/my-list/add", &[("id", CLUB)], cookie, None)
            .await;
        assert_eq!(answer.status, 303);
    }
    let page = app.get_with_list("/my-list", "a-b.UPPER.<x>").await;
    assert!(page.body.contains("Your list is empty."));
}

#[tokio::test]
async fn a_change_posted_from_another_site_is_refused() {
    let app = spawn_app().await;
    let answer = app
        .post_list(
            "/my-list/add",
            &[("id", CLUB)],
            "",
            Some("https://evil.example"),
        )
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(answer.list, None);
    assert!(
        answer
            .body
            .contains("the request came from another website")
    );
    let referred = app
        .client
        .post(format!("{}/my-list/clear", app.address))
        .header("referer", "https://evil.example/page")
        .header("cookie", format!("list={CLUB}"))
        .send()
        .await
        .expect("answered");
    assert_eq!(referred.status().as_u16(), 403);
    assert!(referred.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn a_forwarded_host_header_cannot_make_another_site_look_like_this_one() {
    // The list's forms follow the site's one origin rule (`security::sent_from_this_site`):
    // anyone can send X-Forwarded-Host, so it is never believed.
    let app = spawn_app().await;
    let forged = app
        .client
        .post(format!("{}/my-list/add", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "https://evil.example")
        .header("x-forwarded-host", "evil.example")
        .body(format!("id={CLUB}"))
        .send()
        .await
        .expect("answered");
    assert_eq!(forged.status().as_u16(), 403);
    assert!(forged.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn a_carer_can_open_a_shared_list_and_save_it_to_their_own() {
    let app = spawn_app().await;
    let list = format!("{CLUB}.{AUTISM_CLUB}.{THIRD}");
    let mine = app.get_with_list("/my-list", &list).await;
    let share = format!("/my-list/shared?ids={CLUB},{AUTISM_CLUB},{THIRD}");
    assert!(
        mine.body.contains(&format!(">{}{share}</a>", app.address)),
        "the list page gives its share link"
    );
    assert!(mine.body.contains("Compare these 3 side by side"));

    let shared = app.get(&share).await;
    assert_eq!(shared.status, 200);
    for name in [
        "Sandbach Stars Social Club",
        "Macclesfield Autism Social Club",
    ] {
        assert!(shared.body.contains(name), "{name}");
    }
    assert!(shared.body.contains("Save these to my list"));

    let saved = app
        .post_list(
            "/my-list/save",
            &[("ids", &format!("{CLUB},{AUTISM_CLUB},{THIRD},no-such-one"))],
            "",
            Some(&app.origin()),
        )
        .await;
    assert_eq!(saved.status, 303);
    assert_eq!(saved.location, "/my-list?done=saved");
    assert_eq!(saved.list.as_deref(), Some(list.as_str()));
}

#[tokio::test]
async fn a_share_link_with_nothing_we_know_is_a_polite_404() {
    let app = spawn_app().await;
    for ids in ["%3Cscript%3E,,,", "no-such-one", "", "a,b,c"] {
        let page = app.get(&format!("/my-list/shared?ids={ids}")).await;
        assert_eq!(page.status, 404, "{ids}");
        assert!(
            page.body
                .contains("We could not find the day opportunities in this link.")
        );
    }
}

#[tokio::test]
async fn compare_puts_the_listings_side_by_side_with_distances() {
    let app = spawn_app().await;
    let page = app
        .get(&format!("/compare?ids={CLUB},{AUTISM_CLUB}&near=Crewe"))
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(page.title(), "Compare day opportunities – Dayfinder");
    assert!(
        page.body
            .contains(r#"role="region" aria-labelledby="compare-caption" tabindex="0""#)
    );
    for row in [
        "Days and times",
        "Cost",
        "How to get a place",
        "Access",
        "Places",
        "Distance from Crewe",
    ] {
        assert!(
            page.body
                .contains(&format!(r#"<th scope="row">{row}</th>"#)),
            "{row}"
        );
    }
    assert!(page.body.contains("4.7 miles from Crewe town centre"));
    assert!(
        page.body
            .contains(r#"<form method="get" action="/compare""#)
    );
}

#[tokio::test]
async fn comparing_five_asks_to_choose_four() {
    let app = spawn_app().await;
    let everything = app.get("/search?q=club").await;
    let ids: Vec<String> = everything
        .result_links()
        .iter()
        .filter_map(|href| href.strip_prefix("/services/"))
        .map(|rest| rest.split('?').next().unwrap_or_default().to_string())
        .take(5)
        .collect();
    assert_eq!(ids.len(), 5, "the sample has five clubs");
    let page = app.get(&format!("/compare?ids={}", ids.join(","))).await;
    assert_eq!(page.status, 400);
    assert!(
        page.body
            .contains("You can compare up to 4 at a time. You chose 5.")
    );
    assert!(!page.body.contains("<table"));
}

#[tokio::test]
async fn the_print_sheet_has_each_listing_its_contact_and_space_for_notes() {
    let app = spawn_app().await;
    let page = app
        .get_with_list("/my-list/print", &format!("{CLUB}.{AUTISM_CLUB}"))
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(page.title(), "Your list to print – Dayfinder");
    assert_eq!(page.count(r#" class="print-entry">"#), 2);
    assert_eq!(
        page.count("<h3 class=\"heading-s\">How to get a place</h3>"),
        2
    );
    assert_eq!(page.count("<h3 class=\"heading-s\">Contact</h3>"), 2);
    assert_eq!(page.count("<h3 class=\"heading-s\">Notes</h3>"), 2);
    assert!(page.body.contains(r#"<script src="/print.js" defer"#));
    assert!(page.body.contains("use your browser’s Print command"));

    let shared = app
        .get(&format!("/my-list/print?ids={CLUB}&view=easy"))
        .await;
    assert_eq!(shared.status, 200);
    // The easy-read sheet (its own tests: `easy_read_lists.rs`).
    assert_eq!(shared.title(), "Your list to print – easy read – Dayfinder");
    assert!(shared.body.contains("Sandbach Stars Social Club"));
    assert!(shared.body.contains("Wednesday, 6:30pm to 8:30pm."));
}
