//! No address, form or body can ask for unbounded work: each hostile shape gets a bounded
//! answer. Bounds are checked by size and by counts of what the page holds, never by time.

use super::helpers::spawn_app;

/// `town=t0&town=t1...`: `n` towns, none of them real.
fn towns(n: usize) -> String {
    (0..n)
        .map(|i| format!("town=t{i}"))
        .collect::<Vec<_>>()
        .join("&")
}

#[tokio::test]
async fn a_two_thousand_town_address_is_refused_politely_and_at_once() {
    let app = spawn_app().await;
    let page = app.get(&format!("/search?{}", towns(2_000))).await;
    assert_eq!(page.status, 414);
    assert!(page.body.contains("That web address is too long"));
    assert!(page.body.len() < 2_000, "{} bytes", page.body.len());
}

#[tokio::test]
async fn many_towns_under_the_length_limit_are_cut_to_the_most_a_search_can_choose() {
    let app = spawn_app().await;
    // About 4.4 KB of address: 400 towns.
    let page = app.get(&format!("/search?{}", towns(400))).await;
    assert_eq!(page.status, 200);
    let chosen = page.count("class=\"chosen-filter\"");
    assert!(
        chosen <= dayfinder::query::MAX_TOWNS,
        "{chosen} remove links"
    );
    assert!(page.body.contains("You can choose up to"));
    // Past the limit, a town is echoed only in the address of the view switch (which is
    // itself bounded): nothing grows with the square of the count.
    assert!(
        page.count("t399") <= 1,
        "towns past the limit are not echoed"
    );
    assert!(page.body.len() < 400_000, "{} bytes", page.body.len());
}

#[tokio::test]
async fn hundreds_of_unknown_choices_are_summed_up_in_one_line() {
    let app = spawn_app().await;
    let needs: Vec<String> = (0..500).map(|i| format!("need=n{i}")).collect();
    let page = app.get(&format!("/search?{}", needs.join("&"))).await;
    assert_eq!(page.status, 200);
    let listed = page.count("We do not recognise");
    assert!(listed <= dayfinder::query::MAX_PROBLEMS, "{listed} listed");
    assert!(
        page.body.contains("more parts of the address"),
        "the rest is summed up"
    );
}

#[tokio::test]
async fn repeated_words_are_cut_to_one_searchs_length() {
    let app = spawn_app().await;
    let word = "a".repeat(150);
    let qs: Vec<String> = (0..20).map(|_| format!("q={word}")).collect();
    let page = app.get(&format!("/search?{}", qs.join("&"))).await;
    assert_eq!(page.status, 200);
    // The words appear in the box, the title and a few links; each at most 200 letters.
    let longest = page
        .body
        .split(|c: char| c != 'a')
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest <= 200, "a run of {longest} letters");
}

#[tokio::test]
async fn an_overlong_events_address_is_bounded_too() {
    let app = spawn_app().await;
    let page = app.get(&format!("/events?{}", towns(350))).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("You can choose up to"));
    assert!(page.count("t349") <= 1);
    assert!(page.body.len() < 400_000, "{} bytes", page.body.len());
}

#[tokio::test]
async fn a_body_larger_than_any_form_is_refused() {
    let app = spawn_app().await;
    let huge = "x".repeat(256 * 1024);
    for path in ["/api/search", "/my-list/add", "/editor/sign-in"] {
        let response = app
            .client
            .post(format!("{}{path}", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", &app.address)
            .body(format!("query_string={huge}"))
            .send()
            .await;
        // Refused as soon as its length is read: the answer is a 413, or the server has
        // closed the connection before the client finished sending.
        match response {
            Ok(response) => assert_eq!(response.status().as_u16(), 413, "{path}"),
            Err(error) => assert!(error.is_request(), "{path}: {error}"),
        }
    }
}

/// Past the limit of requests at once, a request waits for a turn instead of being worked
/// on: a slow page cannot hold every worker. Counted by handlers entered, not by time.
#[tokio::test]
async fn requests_past_the_limit_wait_their_turn() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let entered = Arc::new(AtomicUsize::new(0));
    let release = Arc::new(tokio::sync::Semaphore::new(0));
    let router = axum::Router::new().route(
        "/slow",
        axum::routing::get({
            let entered = entered.clone();
            let release = release.clone();
            move || async move {
                entered.fetch_add(1, Ordering::SeqCst);
                release.acquire().await.expect("open").forget();
                "done"
            }
        }),
    );
    let router = dayfinder_server::limits::bound_to(router, 2);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let address = format!("http://{}/slow", listener.local_addr().expect("an address"));
    tokio::spawn(async move { axum::serve(listener, router).await });

    let client = reqwest::Client::new();
    let requests: Vec<_> = (0..5)
        .map(|_| tokio::spawn(client.get(&address).send()))
        .collect();
    // Wait until two are being worked on, then give the other three every chance to start.
    while entered.load(Ordering::SeqCst) < 2 {
        tokio::task::yield_now().await;
    }
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(entered.load(Ordering::SeqCst), 2, "only two at once");

    release.add_permits(5);
    for request in requests {
        let response = request.await.expect("joins").expect("answered");
        assert_eq!(response.status(), 200);
    }
    assert_eq!(entered.load(Ordering::SeqCst), 5, "the rest had their turn");
}
