//! Which view of the site a person chose: the standard view, or easy read (short words,
//! big type and pictures).
//!
//! The choice is a long-lived `view` cookie, set by the server's `/view/easy` and
//! `/view/standard` links (which return to the same page) or by any URL with `?view=easy`
//! or `?view=standard` in it (the query wins over the cookie, and the server remembers it).
//! The server renders the chosen view in the first HTML and writes it on `<html>` as
//! `data-view`; the browser reads it from there when it hydrates, so both always agree. A
//! change of view is always a full page load.

use leptos::prelude::*;

/// The name of the cookie, and of the query parameter, that hold the choice.
pub const NAME: &str = "view";

/// How long the choice is remembered: a year.
const REMEMBER_SECONDS: u32 = 365 * 24 * 60 * 60;

/// One of the site's two views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewMode {
    #[default]
    Standard,
    Easy,
}

impl ViewMode {
    /// `easy` or `standard`, as in the cookie, the query and the switch's path.
    pub fn slug(self) -> &'static str {
        match self {
            ViewMode::Standard => "standard",
            ViewMode::Easy => "easy",
        }
    }

    /// The mode a slug names; anything else is not a mode.
    pub fn from_slug(slug: &str) -> Option<ViewMode> {
        match slug.trim() {
            "easy" => Some(ViewMode::Easy),
            "standard" => Some(ViewMode::Standard),
            _ => None,
        }
    }

    pub fn is_easy(self) -> bool {
        self == ViewMode::Easy
    }

    /// The mode a query string asks for (`?q=club&view=easy`), if it asks; the last wins.
    pub fn in_query(query: &str) -> Option<ViewMode> {
        crate::urls::decode(query)
            .into_iter()
            .filter(|(k, _)| k == NAME)
            .rev()
            .find_map(|(_, v)| ViewMode::from_slug(&v))
    }

    /// The mode a `Cookie` header holds, if any. Unknown values count as no choice.
    pub fn in_cookie_header(header: &str) -> Option<ViewMode> {
        header
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .filter(|(k, _)| k.trim() == NAME)
            .find_map(|(_, v)| ViewMode::from_slug(v.trim().trim_matches('"')))
    }

    /// The mode of a request: its query first, then its cookie, else standard.
    pub fn of_request(cookie_header: Option<&str>, query: Option<&str>) -> ViewMode {
        query
            .and_then(ViewMode::in_query)
            .or_else(|| cookie_header.and_then(ViewMode::in_cookie_header))
            .unwrap_or_default()
    }

    /// The `Set-Cookie` value that remembers this mode. Standard is the default, so
    /// choosing it clears the cookie. Not `HttpOnly`: nothing secret, and nothing reads it
    /// in the page either (the page reads `data-view`).
    pub fn set_cookie(self) -> String {
        match self {
            ViewMode::Easy => {
                format!("{NAME}=easy; Path=/; Max-Age={REMEMBER_SECONDS}; SameSite=Lax")
            }
            ViewMode::Standard => format!("{NAME}=; Path=/; Max-Age=0; SameSite=Lax"),
        }
    }

    /// The mode of the page being rendered: on the server from the request, in the browser
    /// from the `data-view` the server wrote on `<html>`.
    pub fn detect() -> ViewMode {
        #[cfg(feature = "ssr")]
        {
            use_context::<http::request::Parts>()
                .map(|parts| {
                    let cookie = parts
                        .headers
                        .get_all(http::header::COOKIE)
                        .iter()
                        .filter_map(|v| v.to_str().ok())
                        .collect::<Vec<_>>()
                        .join("; ");
                    ViewMode::of_request(Some(&cookie), parts.uri.query())
                })
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            document()
                .document_element()
                .and_then(|html| html.get_attribute("data-view"))
                .and_then(|slug| ViewMode::from_slug(&slug))
                .unwrap_or_default()
        }
    }

    /// Puts the page's mode in context for every page below.
    pub fn provide() -> ViewMode {
        let mode = ViewMode::detect();
        provide_context(mode);
        mode
    }

    /// The mode in context (standard when none was provided).
    pub fn get() -> ViewMode {
        use_context::<ViewMode>().unwrap_or_default()
    }
}

/// A route's view that depends on the mode: the standard page, or its easy-read page.
pub fn by_view<S, SV, E, EV>(standard: S, easy: E) -> impl Fn() -> AnyView + Send + Clone + 'static
where
    S: Fn() -> SV + Send + Clone + 'static,
    SV: IntoView + 'static,
    E: Fn() -> EV + Send + Clone + 'static,
    EV: IntoView + 'static,
{
    move || {
        if ViewMode::get().is_easy() {
            easy().into_any()
        } else {
            standard().into_any()
        }
    }
}

/// The switch's link to `mode` from the page at `path` with `query` (without `?`): the
/// server sets the cookie and comes back here. Any `view` parameter is dropped from the
/// way back, so it cannot undo the choice.
pub fn switch_href(mode: ViewMode, path: &str, query: &str) -> String {
    let back = local_target(path, query);
    format!(
        "/view/{}?{}",
        mode.slug(),
        crate::urls::encode([("return", back.as_str())])
    )
}

/// `path?query` without any `view` parameter.
fn local_target(path: &str, query: &str) -> String {
    let kept: Vec<(String, String)> = crate::urls::decode(query)
        .into_iter()
        .filter(|(k, _)| k != NAME)
        .collect();
    let query = crate::urls::encode(kept.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// Where the switch may send a person back to: a path on this site (`/search?q=club`),
/// never another site. Anything else (`//evil.example`, `https://...`, `/\evil`, control
/// characters) is `None`.
pub fn safe_return(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let local = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.starts_with("/\\")
        && !raw
            .chars()
            .any(|c| c.is_control() || c == '\\' || c.is_whitespace());
    if !local {
        return None;
    }
    let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
    let (query, _fragment) = query.split_once('#').unwrap_or((query, ""));
    let (path, _fragment) = path.split_once('#').unwrap_or((path, ""));
    // The path is re-encoded character by character, so it can only ever be a local path.
    let path: String = path
        .split('/')
        .map(|segment| {
            percent_decode(segment)
                .map(|s| {
                    form_urlencoded::byte_serialize(s.as_bytes())
                        .collect::<String>()
                        .replace('+', "%20")
                })
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("/");
    if path.starts_with("//") || !path.starts_with('/') {
        return None;
    }
    Some(local_target(&path, query))
}

/// Decodes `%41`-style escapes; `None` for invalid escapes or bytes that are not UTF-8.
fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_wins_over_the_cookie() {
        assert_eq!(
            ViewMode::of_request(Some("view=easy"), Some("q=club&view=standard")),
            ViewMode::Standard
        );
        assert_eq!(
            ViewMode::of_request(Some("a=1; view=easy"), Some("q=club")),
            ViewMode::Easy
        );
        assert_eq!(ViewMode::of_request(None, None), ViewMode::Standard);
    }

    #[test]
    fn nonsense_in_the_cookie_or_query_means_the_standard_view() {
        assert_eq!(
            ViewMode::of_request(Some("view=<script>; view"), Some("view=%FF%FE")),
            ViewMode::Standard
        );
    }

    #[test]
    fn the_switch_returns_to_the_same_page_without_its_old_choice() {
        assert_eq!(
            switch_href(ViewMode::Easy, "/search", "q=club&view=standard&near=Crewe"),
            "/view/easy?return=%2Fsearch%3Fq%3Dclub%26near%3DCrewe"
        );
        assert_eq!(
            switch_href(ViewMode::Standard, "/", ""),
            "/view/standard?return=%2F"
        );
    }

    #[test]
    fn only_paths_on_this_site_are_places_to_return_to() {
        assert_eq!(
            safe_return("/search?q=club&view=easy").as_deref(),
            Some("/search?q=club")
        );
        assert_eq!(
            safe_return("/services/crewe-club").as_deref(),
            Some("/services/crewe-club")
        );
        for bad in [
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "evil.example",
            "",
            "/%2F/evil.example",
            "/ok\r\nSet-Cookie: x=1",
            "javascript:alert(1)",
        ] {
            let back = safe_return(bad);
            assert!(
                back.as_deref().is_none_or(|b| b.starts_with('/')
                    && !b.starts_with("//")
                    && !b.contains(['\r', '\n'])),
                "{bad:?} gave {back:?}"
            );
        }
        assert_eq!(safe_return("//evil.example/"), None);
        assert_eq!(safe_return("https://evil.example/"), None);
    }

    #[test]
    fn choosing_easy_read_is_remembered_for_a_year_and_standard_clears_it() {
        assert!(
            ViewMode::Easy
                .set_cookie()
                .starts_with("view=easy; Path=/; Max-Age=31536000")
        );
        assert!(ViewMode::Standard.set_cookie().contains("Max-Age=0"));
    }
}
