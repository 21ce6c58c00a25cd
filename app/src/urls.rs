//! The site's URLs. A search lives entirely in its query string (see
//! `dayfinder::query::SearchQuery::from_params`), so every link here is built from the
//! search's own parameters and can be bookmarked, shared and followed without JavaScript.

use dayfinder::query::{ParamProblem, SearchQuery};

/// The results page.
pub const SEARCH_PATH: &str = "/search";

/// Reads a raw query string (`q=memory&need=dementia`, with or without `?`) into a search.
pub fn parse_search(query_string: &str) -> (SearchQuery, Vec<ParamProblem>) {
    let pairs = decode(query_string);
    SearchQuery::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The longest query string read. A search with every filter chosen is under 2 KB (twice
/// that as a listing's `back=`); the server refuses longer addresses (414) before they
/// reach a page.
pub const MAX_QUERY_BYTES: usize = 8192;
/// The most key-value pairs read from one query string.
pub const MAX_PAIRS: usize = 200;

/// Decodes a query string into its key-value pairs: at most [`MAX_PAIRS`], from its first
/// [`MAX_QUERY_BYTES`] (server functions are given query strings in their bodies, so this
/// holds for them too).
pub fn decode(query_string: &str) -> Vec<(String, String)> {
    let qs = query_string.strip_prefix('?').unwrap_or(query_string);
    let qs = match qs.len() > MAX_QUERY_BYTES {
        // Cut at a pair's end, so no pair is read half.
        true => qs[..qs.floor_char_boundary(MAX_QUERY_BYTES)]
            .rsplit_once('&')
            .map_or("", |(kept, _)| kept),
        false => qs,
    };
    form_urlencoded::parse(qs.as_bytes())
        .take(MAX_PAIRS)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Encodes key-value pairs as a query string, without the leading `?`.
pub fn encode<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        out.append_pair(k, v);
    }
    out.finish()
}

/// The query string of a search, without the leading `?`.
pub fn search_query_string(query: &SearchQuery) -> String {
    let params = query.to_params();
    encode(params.iter().map(|(k, v)| (*k, v.as_str())))
}

/// The results page for a search.
pub fn search_href(query: &SearchQuery) -> String {
    let qs = search_query_string(query);
    if qs.is_empty() {
        SEARCH_PATH.to_string()
    } else {
        format!("{SEARCH_PATH}?{qs}")
    }
}

/// The same search on another page.
pub fn page_href(query: &SearchQuery, page: usize) -> String {
    let mut q = query.clone();
    q.page = page;
    search_href(&q)
}

/// The same search without one choice (`need=dementia`), back on its first page.
pub fn without_href(query: &SearchQuery, param: &str, value: &str) -> String {
    let params: Vec<(&'static str, String)> = query
        .to_params()
        .into_iter()
        .filter(|(k, v)| !(*k == param && v == value) && *k != "page")
        .collect();
    let (q, _) = SearchQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
    search_href(&q)
}

/// The same search with one more choice, back on its first page.
pub fn with_href(query: &SearchQuery, param: &str, value: &str) -> String {
    let mut params: Vec<(&str, String)> = query
        .to_params()
        .into_iter()
        .filter(|(k, _)| *k != "page")
        .collect();
    params.push((param, value.to_string()));
    let (q, _) = SearchQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
    search_href(&q)
}

/// A listing's page, remembering the search it was found by so "Back to results" returns there.
pub fn listing_href(id: &str, from: Option<&SearchQuery>) -> String {
    let id: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
    match from.map(search_query_string).filter(|qs| !qs.is_empty()) {
        Some(qs) => format!("/services/{id}?{}", encode([("back", qs.as_str())])),
        None => format!("/services/{id}"),
    }
}

/// Where "Back to results" goes from a listing: always the results page, never elsewhere.
pub fn back_href(back: Option<&str>) -> Option<String> {
    let (q, _) = parse_search(back?);
    Some(search_href(&q))
}

/// The `{id}` in the page's address; empty once the page has gone. `try_read`: a visitor
/// who leaves mid-render takes the page's signals with them, and there is nothing to read
/// then, not a panic.
pub fn path_id(params: leptos::prelude::Memo<leptos_router::params::ParamsMap>) -> String {
    use leptos::prelude::*;
    params
        .try_read()
        .and_then(|p| p.get("id"))
        .unwrap_or_default()
}

/// A value of the page's query string, read as [`path_id`] reads the address.
pub fn query_value(
    query: leptos::prelude::Memo<leptos_router::params::ParamsMap>,
    name: &str,
) -> Option<String> {
    use leptos::prelude::*;
    query.try_read().and_then(|q| q.get(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_survives_the_round_trip_through_its_url() {
        let (q, problems) =
            parse_search("?q=memory+cafe&near=CW1+2AB&need=dementia&day=saturday&page=2");
        assert!(problems.is_empty());
        let href = search_href(&q);
        let (again, _) = parse_search(href.trim_start_matches(SEARCH_PATH));
        assert_eq!(again, q);
    }

    #[test]
    fn removing_a_filter_keeps_the_others_and_returns_to_page_one() {
        let (q, _) = parse_search("q=club&need=dementia&need=autism&page=3");
        assert_eq!(
            without_href(&q, "need", "dementia"),
            "/search?q=club&need=autism"
        );
    }

    #[test]
    fn back_links_only_ever_lead_to_the_results_page() {
        assert_eq!(back_href(Some("q=club")).as_deref(), Some("/search?q=club"));
        assert_eq!(
            back_href(Some("//evil.example/")).as_deref(),
            Some("/search")
        );
        assert_eq!(back_href(None), None);
    }

    #[test]
    fn a_listing_link_carries_its_search() {
        let (q, _) = parse_search("q=memory&near=Crewe");
        assert_eq!(
            listing_href("crewe-memory-club", Some(&q)),
            "/services/crewe-memory-club?back=q%3Dmemory%26near%3DCrewe"
        );
        assert_eq!(
            listing_href("crewe-memory-club", None),
            "/services/crewe-memory-club"
        );
    }
}
