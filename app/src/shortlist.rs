//! A visitor's own list of day opportunities ("My list"), kept in their browser in a
//! cookie: no account, and nothing about them kept on the server. A share link carries the
//! same ids in its query string (`/my-list/shared?ids=a,b,c`).
//!
//! Whatever a cookie or a link holds, reading it never fails: ids that are not well formed
//! are dropped, repeats are kept once, and only the first `MAX` are read.

use cookie::{Cookie, SameSite, time::Duration};
use dayfinder::model::validate::valid_id;
use http::HeaderMap;

/// The cookie's name.
pub const COOKIE: &str = "list";
/// How many listings a list holds (a cookie stays well under browsers' 4 KB limit).
pub const MAX: usize = 20;
/// How many listings the compare page shows side by side.
pub const COMPARE_MAX: usize = 4;
/// How long the browser keeps the list: families collect options over weeks and months.
const KEEP_DAYS: i64 = 365;
/// Ids in the cookie are joined with a dot (a comma is not allowed in a cookie value).
const COOKIE_SEPARATOR: char = '.';
/// Ids in a share link are joined with commas.
const LINK_SEPARATOR: char = ',';

/// The listings' ids, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortlist(Vec<String>);

/// Adding failed: the list already holds `MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the list already holds {MAX} listings")]
pub struct ListFull;

impl Shortlist {
    /// Reads ids split by `separator`, keeping the well-formed ones, once each, up to `limit`.
    fn read(text: &str, separator: char, limit: usize) -> Shortlist {
        let mut ids: Vec<String> = Vec::new();
        for id in text.split(separator).map(str::trim) {
            if ids.len() == limit {
                break;
            }
            if valid_id(id) && !ids.iter().any(|known| known == id) {
                ids.push(id.to_string());
            }
        }
        Shortlist(ids)
    }

    /// The list in a cookie's value (`a.b.c`).
    pub fn from_cookie_value(value: &str) -> Shortlist {
        Shortlist::read(value, COOKIE_SEPARATOR, MAX)
    }

    /// The list in a request's `Cookie` headers; empty when there is none or it is unreadable.
    pub fn from_headers(headers: &HeaderMap) -> Shortlist {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(Cookie::split_parse)
            .filter_map(Result::ok)
            .find(|cookie| cookie.name() == COOKIE)
            .map(|cookie| Shortlist::from_cookie_value(cookie.value()))
            .unwrap_or_default()
    }

    /// The list a share link's `ids` parameter holds (`a,b,c`), up to `limit` ids.
    pub fn from_link(ids: &str, limit: usize) -> Shortlist {
        Shortlist::read(ids, LINK_SEPARATOR, limit)
    }

    pub fn ids(&self) -> &[String] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.iter().any(|known| known == id)
    }

    /// Adds an id at the end; adding one already there changes nothing.
    pub fn add(&mut self, id: &str) -> Result<(), ListFull> {
        if self.contains(id) {
            return Ok(());
        }
        if self.0.len() >= MAX {
            return Err(ListFull);
        }
        self.0.push(id.to_string());
        Ok(())
    }

    pub fn remove(&mut self, id: &str) {
        self.0.retain(|known| known != id);
    }

    /// Keeps only the ids `keep` says are wanted (those still in the directory).
    pub fn retain(&mut self, keep: impl FnMut(&String) -> bool) {
        self.0.retain(keep);
    }

    /// The `Set-Cookie` header value that stores this list, or removes the cookie when the
    /// list is empty. Lax same-site: the browser sends it on links from other sites (a share
    /// link in an email) but not on their forms.
    pub fn set_cookie(&self) -> String {
        let value = self.0.join(&COOKIE_SEPARATOR.to_string());
        let max_age = if self.is_empty() {
            Duration::ZERO
        } else {
            Duration::days(KEEP_DAYS)
        };
        Cookie::build((COOKIE, value))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .max_age(max_age)
            .build()
            .to_string()
    }

    /// The ids as a share link's `ids` parameter (`a,b,c`).
    pub fn link_param(&self) -> String {
        self.0.join(&LINK_SEPARATOR.to_string())
    }

    /// The share link's path: `/my-list/shared?ids=a,b,c`.
    pub fn share_path(&self) -> String {
        format!("/my-list/shared?ids={}", self.link_param())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookie: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::COOKIE,
            cookie.parse().expect("a header value"),
        );
        headers
    }

    #[test]
    fn a_list_survives_the_round_trip_through_its_cookie() {
        let mut list = Shortlist::default();
        list.add("crewe-memory-club").expect("room");
        list.add("macclesfield-art-group").expect("room");
        let set = list.set_cookie();
        assert!(set.starts_with("list=crewe-memory-club.macclesfield-art-group;"));
        assert!(set.contains("SameSite=Lax") && set.contains("HttpOnly") && set.contains("Path=/"));
        let value = set.split(';').next().unwrap_or_default();
        assert_eq!(Shortlist::from_headers(&headers(value)), list);
    }

    #[test]
    fn malformed_cookies_read_as_what_they_hold_that_is_well_formed() {
        let list = Shortlist::from_headers(&headers(
            "other=1; list=ok-one.BAD.ok-one.<script>..%00.ok-two; more=x",
        ));
        assert_eq!(list.ids(), ["ok-one", "ok-two"]);
        assert!(Shortlist::from_headers(&headers("list")).is_empty());
        assert!(Shortlist::from_headers(&headers(";;;=")).is_empty());
        assert!(Shortlist::from_headers(&HeaderMap::new()).is_empty());
    }

    #[test]
    fn a_list_holds_at_most_twenty() {
        let mut list = Shortlist::default();
        for n in 0..MAX {
            list.add(&format!("service-{n}")).expect("room");
        }
        assert_eq!(list.add("one-more"), Err(ListFull));
        assert_eq!(list.add("service-3"), Ok(()), "already there");
        let long: Vec<String> = (0..50).map(|n| format!("s-{n}")).collect();
        assert_eq!(Shortlist::from_cookie_value(&long.join(".")).len(), MAX);
    }

    #[test]
    fn an_emptied_list_removes_its_cookie() {
        let mut list = Shortlist::from_cookie_value("a-b");
        list.remove("a-b");
        assert!(list.set_cookie().contains("Max-Age=0"));
    }

    #[test]
    fn a_share_link_carries_the_ids() {
        let list = Shortlist::from_link("a, b,,c,a", MAX);
        assert_eq!(list.share_path(), "/my-list/shared?ids=a,b,c");
    }
}
