//! Changes to the visitor's list ("My list"): add, remove, clear, and save a shared list.
//!
//! Each is a plain POST form answered with a 303 redirect, so it works without JavaScript.
//! The list lives only in the visitor's `list` cookie (see `dayfinder_app::shortlist`):
//! the server keeps nothing. A POST from another site is refused (its Origin or Referer
//! names another host), on top of the cookie being `SameSite=Lax`; the page to go back to
//! is only ever a path on this site.

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::post;
use dayfinder::model::validate::valid_id;
use dayfinder_app::components::bare_page::render_bare;
use dayfinder_app::pages::list_not_changed::ListNotChangedPage;
use dayfinder_app::shortlist::{MAX, Shortlist};
use leptos::prelude::*;

use crate::startup::AppState;

/// The list routes, full paths included, to merge into the app's router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/my-list/add", post(add))
        .route("/my-list/remove", post(remove))
        .route("/my-list/clear", post(clear))
        .route("/my-list/save", post(save))
}

/// Where people go after a change when the form names nowhere (or somewhere not allowed).
const MY_LIST: &str = "/my-list";

/// Handles `POST /my-list/add` (`id`, `back`): adds a listing and goes back to the page.
#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, NotChanged> {
    from_this_site(&headers, &state)?;
    let form = Form::parse(&body);
    let id = form.id().ok_or(NotChanged::NoId("add to"))?;
    if !listing_exists(&state, &id).await? {
        return Err(NotChanged::UnknownListing);
    }
    let mut list = Shortlist::from_headers(&headers);
    Ok(match list.add(&id) {
        Ok(()) => changed(&list, &format!("{}#shortlist-{id}", form.back())),
        Err(_full) => redirect(&format!("{MY_LIST}?done=full"), None),
    })
}

/// Handles `POST /my-list/remove` (`id`, `back`): takes a listing off and goes back.
#[tracing::instrument(skip_all)]
async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, NotChanged> {
    from_this_site(&headers, &state)?;
    let form = Form::parse(&body);
    let id = form.id().ok_or(NotChanged::NoId("remove from"))?;
    let mut list = Shortlist::from_headers(&headers);
    list.remove(&id);
    let back = form.back();
    // On the list itself, say what was removed; elsewhere, return to the button.
    let to = if back == MY_LIST || back.starts_with("/my-list?") {
        format!("{MY_LIST}?removed={id}")
    } else {
        format!("{back}#shortlist-{id}")
    };
    Ok(changed(&list, &to))
}

/// Handles `POST /my-list/clear`: empties the list (the page before it asked to be sure).
#[tracing::instrument(skip_all)]
async fn clear(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, NotChanged> {
    from_this_site(&headers, &state)?;
    Ok(changed(
        &Shortlist::default(),
        &format!("{MY_LIST}?done=cleared"),
    ))
}

/// Handles `POST /my-list/save` (`ids=a,b,c`): adds a shared list's listings to the
/// visitor's own, as many as fit.
#[tracing::instrument(skip_all)]
async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, NotChanged> {
    from_this_site(&headers, &state)?;
    let form = Form::parse(&body);
    let shared = Shortlist::from_link(form.get("ids").unwrap_or_default(), MAX);
    let mut list = Shortlist::from_headers(&headers);
    let mut full = false;
    for id in shared.ids() {
        if listing_exists(&state, id).await? {
            full |= list.add(id).is_err();
        }
    }
    let done = if full { "full" } else { "saved" };
    Ok(changed(&list, &format!("{MY_LIST}?done={done}")))
}

/// The fields of a posted form; a body that is not a form reads as no fields.
struct Form(Vec<(String, String)>);

impl Form {
    fn parse(body: &[u8]) -> Form {
        Form(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The listing's id, when it is well formed.
    fn id(&self) -> Option<String> {
        self.get("id")
            .map(str::trim)
            .filter(|id| valid_id(id))
            .map(str::to_string)
    }

    /// The page to go back to: a path on this site, or the list.
    fn back(&self) -> String {
        self.get("back")
            .and_then(local_path)
            .unwrap_or_else(|| MY_LIST.to_string())
    }
}

/// `back` as a path and query on this site, or `None`: never another site (`//evil.example`,
/// `https://...`, `/\evil.example`), never a header split by control characters.
fn local_path(back: &str) -> Option<String> {
    let back = back.split('#').next().unwrap_or_default();
    let ok = back.starts_with('/')
        && !back.starts_with("//")
        && back.len() <= 2000
        && !back
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if !ok {
        return None;
    }
    let path: axum::http::uri::PathAndQuery = back.parse().ok()?;
    Some(path.to_string())
}

/// Whether the form was sent from a page of this site (the site's one origin rule,
/// [`crate::security::sent_from_this_site`]). Requests that carry neither Origin nor
/// Referer are let through: the change is only to the sender's own cookie, which browsers
/// do not send with other sites' forms anyway (`SameSite=Lax`).
fn from_this_site(headers: &HeaderMap, state: &AppState) -> Result<(), NotChanged> {
    if crate::security::sent_from_this_site(state, headers) {
        Ok(())
    } else {
        Err(NotChanged::FromAnotherSite)
    }
}

/// Whether a listing with this id is in the directory.
async fn listing_exists(state: &AppState, id: &str) -> Result<bool, NotChanged> {
    let engine = state.engine.clone();
    let id = id.to_string();
    match tokio::task::spawn_blocking(move || engine.listing(&id)).await {
        Ok(Ok(found)) => Ok(found.is_some()),
        Ok(Err(error)) => {
            tracing::error!(error = ?error, "Failed to read a listing for a list");
            Err(NotChanged::Failed)
        }
        Err(error) => {
            tracing::error!(error = ?error, "The task reading a listing failed");
            Err(NotChanged::Failed)
        }
    }
}

/// Why a list was not changed. Each is a short page with its status.
#[derive(Debug)]
enum NotChanged {
    /// The form was posted from another site's page.
    FromAnotherSite,
    /// No well-formed id; says what the form was to do ("add to").
    NoId(&'static str),
    /// The id names nothing in the directory.
    UnknownListing,
    /// The directory could not be read (logged where it happened).
    Failed,
}

impl IntoResponse for NotChanged {
    fn into_response(self) -> Response {
        match self {
            NotChanged::FromAnotherSite => problem(
                StatusCode::FORBIDDEN,
                "Your list was not changed: the request came from another website. \
                 To change your list, use the buttons on Dayfinder’s own pages.",
            ),
            NotChanged::NoId(action) => problem(
                StatusCode::BAD_REQUEST,
                &format!("We could not tell which day opportunity to {action} your list."),
            ),
            NotChanged::UnknownListing => problem(
                StatusCode::NOT_FOUND,
                "That day opportunity is not in the directory: it may have closed.",
            ),
            NotChanged::Failed => problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Sorry, there is a problem with the service. Try again later.",
            ),
        }
    }
}

/// Stores the list in the cookie and sends the browser on to `to`.
fn changed(list: &Shortlist, to: &str) -> Response {
    redirect(to, Some(list.set_cookie()))
}

/// A 303 See Other to a path on this site, setting a cookie when given one.
fn redirect(to: &str, cookie: Option<String>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    let location = HeaderValue::from_str(to).unwrap_or_else(|_| HeaderValue::from_static(MY_LIST));
    headers.insert(header::LOCATION, location);
    if let Some(value) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        headers.insert(header::SET_COOKIE, value);
    }
    response
}

/// A short page saying what went wrong, with the way back to the list.
fn problem(status: StatusCode, message: &str) -> Response {
    let message = message.to_string();
    let page = render_bare(move || view! { <ListNotChangedPage message /> });
    (status, Html(page)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn going_back_never_leaves_the_site() {
        assert_eq!(
            local_path("/search?q=club&near=Crewe").as_deref(),
            Some("/search?q=club&near=Crewe")
        );
        assert_eq!(
            local_path("/services/a#top").as_deref(),
            Some("/services/a")
        );
        for bad in [
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "evil",
            "/a\r\nSet-Cookie: x=1",
            "",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }
}
