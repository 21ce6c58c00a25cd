//! Request security, in one place for every route: that a POST came from a page of this
//! site (the one origin rule), which client is asking (for rate limits), the posted form,
//! cookies, and for the editors the session cookie and the form's CSRF token.

use std::net::{IpAddr, SocketAddr};

use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Request, StatusCode, Uri, header};
use axum::response::Response;
use dayfinder::accounts::{EditorSession, SESSION_LIFETIME, SessionToken};
use jiff::Timestamp;
use subtle::ConstantTimeEq;

use crate::editor::layout;
use crate::startup::AppState;

/// The cookie holding a signed-in editor's session token (see [`cookie_name`]).
pub const SESSION_COOKIE: &str = "dayfinder_editor";
/// The cookie holding the sign-in form's CSRF token (there is no session yet).
pub const SIGN_IN_COOKIE: &str = "dayfinder_sign_in";

/// A cookie's name as sent and read: with `--secure-cookies`, `__Host-` before it, so a
/// browser keeps it only if it is Secure, for this host alone (no Domain) and Path=/,
/// and no neighbouring subdomain can plant one in its place.
pub fn cookie_name(state: &AppState, name: &str) -> String {
    if state.editor.secure_cookies {
        format!("__Host-{name}")
    } else {
        name.to_string()
    }
}

/// The largest editor form accepted.
const MAX_FORM: usize = 64 * 1024;

/// A posted form: the request's head and its fields.
pub struct Post {
    pub parts: Parts,
    fields: Vec<(String, String)>,
}

impl Post {
    /// Reads the form; a body that is too large or not a form reads as no fields.
    pub async fn read(request: Request<Body>) -> Post {
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_FORM)
            .await
            .unwrap_or_default();
        let fields = form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Post { parts, fields }
    }

    /// Every field, in order (a field may repeat, as checkboxes do).
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }

    /// A field's value, or "" when the form has none.
    pub fn field(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
}

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// Whether the request came over TLS (to the proxy in front of us), or the site is set
/// to be reached only over HTTPS.
fn secure(state: &AppState, headers: &HeaderMap) -> bool {
    state.editor.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure over TLS; `max_age` in
/// seconds (0 deletes the cookie; `None` lasts as long as the browser session).
pub fn set_cookie(
    state: &AppState,
    headers: &HeaderMap,
    name: &str,
    value: &str,
    max_age: Option<i64>,
) -> String {
    let name = cookie_name(state, name);
    let mut cookie = format!("{name}={value}; HttpOnly; SameSite=Lax; Path=/");
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure(state, headers) {
        cookie.push_str("; Secure");
    }
    cookie
}

/// The session cookie for a new sign-in.
pub fn session_cookie(state: &AppState, headers: &HeaderMap, token: &SessionToken) -> String {
    set_cookie(
        state,
        headers,
        SESSION_COOKIE,
        token.expose(),
        Some(SESSION_LIFETIME.as_secs()),
    )
}

/// The signed-in editor, if the request's cookie names a current session.
pub async fn current_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(SessionToken, EditorSession)>, Response> {
    let name = cookie_name(state, SESSION_COOKIE);
    let Some(token) = cookie(headers, &name).and_then(SessionToken::parse) else {
        return Ok(None);
    };
    let engine = state.engine.clone();
    let lookup = token.clone();
    let session = crate::editor::blocking("look up a session", move || {
        engine.accounts().session(&lookup, Timestamp::now())
    })
    .await?;
    Ok(session.map(|s| (token, s)))
}

/// Whether a POST came from a page of this site: its Origin (or, without one, its Referer)
/// must name the host it was sent to, or the public address (`--public-url`). A request
/// with neither is let through: browsers send Origin with every form POST, and each route
/// has a second guard (the editors' CSRF token, `SameSite=Lax` cookies). Forwarded-host
/// headers are never believed: anyone can send one; behind a proxy that rewrites Host,
/// `--public-url` names the site.
pub fn sent_from_this_site(state: &AppState, headers: &HeaderMap) -> bool {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let Some(sender) = text(header::ORIGIN).or_else(|| text(header::REFERER)) else {
        return true;
    };
    let sender_host = sender
        .parse::<Uri>()
        .ok()
        .and_then(|u| u.authority().map(|a| a.as_str().to_ascii_lowercase()));
    let public_host = state
        .public_url
        .as_deref()
        .and_then(|url| url.parse::<Uri>().ok())
        .and_then(|u| u.authority().map(|a| a.as_str().to_string()));
    let ours = [text(header::HOST).map(str::to_string), public_host];
    let same = sender_host.is_some_and(|sender| {
        ours.iter()
            .flatten()
            .any(|host| host.eq_ignore_ascii_case(&sender))
    });
    if !same {
        tracing::warn!(sender, "refused a form sent from another site");
    }
    same
}

/// The refusal for an editor's (or a report's) POST that did not come from a page of this
/// site (see [`sent_from_this_site`]): "Nothing was changed".
pub fn refused_origin(state: &AppState, parts: &Parts) -> Option<Response> {
    (!sent_from_this_site(state, &parts.headers)).then(|| forbidden_form(state))
}

/// The checks every editor form goes through, in order: sent from this site, signed in,
/// and carrying the session's CSRF token. Gives the form and the editor, or the response
/// that refuses it (a redirect to sign in, or "Nothing was changed").
pub async fn checked_post(
    state: &AppState,
    request: Request<Body>,
) -> Result<(Post, EditorSession), Response> {
    let post = Post::read(request).await;
    if let Some(refused) = refused_origin(state, &post.parts) {
        return Err(refused);
    }
    let session = match current_session(state, &post.parts.headers).await? {
        Some((_, session)) => session,
        None => return Err(crate::editor::sign_in::redirect("/editor/sign-in", None)),
    };
    if !csrf_ok(&session, &post) {
        tracing::warn!(
            account = session.account.id.0,
            path = %post.parts.uri.path(),
            "refused an editor form without its token"
        );
        return Err(forbidden_form(state));
    }
    Ok((post, session))
}

/// The signed-in editor, as a handler's argument: a request without a current session is
/// sent to sign in before the handler runs.
pub struct SignedIn(pub EditorSession);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        signed_in(state, &parts.headers).await.map(SignedIn)
    }
}

/// A form posted from this site (the origin check of every POST), as a handler's last
/// argument; a form from anywhere else is refused before the handler runs. Forms of
/// signed-in editors take [`EditorPost`], which checks their token as well.
pub struct SiteForm(pub Post);

impl FromRequest<AppState> for SiteForm {
    type Rejection = Response;

    async fn from_request(request: Request<Body>, state: &AppState) -> Result<Self, Response> {
        let post = Post::read(request).await;
        match refused_origin(state, &post.parts) {
            Some(refused) => Err(refused),
            None => Ok(SiteForm(post)),
        }
    }
}

/// An editor's posted form that passed every check ([`checked_post`]), as a handler's last
/// argument: the form and the signed-in editor.
pub struct EditorPost(pub Post, pub EditorSession);

impl FromRequest<AppState> for EditorPost {
    type Rejection = Response;

    async fn from_request(request: Request<Body>, state: &AppState) -> Result<Self, Response> {
        checked_post(state, request)
            .await
            .map(|(post, session)| EditorPost(post, session))
    }
}

/// The signed-in editor for a page, or the redirect to sign in.
pub async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<EditorSession, Response> {
    match current_session(state, headers).await? {
        Some((_, session)) => Ok(session),
        None => Err(crate::editor::sign_in::redirect("/editor/sign-in", None)),
    }
}

/// Whether a form's CSRF token is the session's.
pub fn csrf_ok(session: &EditorSession, post: &Post) -> bool {
    session.csrf_token.matches(post.field("csrf"))
}

/// Whether the sign-in form's token matches its cookie (compared in constant time).
pub fn sign_in_csrf_ok(state: &AppState, post: &Post) -> bool {
    let given = post.field("csrf");
    let name = cookie_name(state, SIGN_IN_COOKIE);
    cookie(&post.parts.headers, &name).is_some_and(|expected| {
        !given.is_empty()
            && expected.len() == given.len()
            && bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
    })
}

/// The page for a form that fails the CSRF or Origin check: nothing was changed.
pub fn forbidden_form(state: &AppState) -> Response {
    layout::problem(
        StatusCode::FORBIDDEN,
        &state.leptos_options,
        "Nothing was changed",
        "The form was out of date or was sent from another website. \
         Go back to the page, reload it, and try again.",
    )
}

/// Which client is asking, coarsely: its IP address (an IPv6 address by its /64, which
/// one household or office usually has). Behind proxies we trust (one on this machine,
/// or `trusted`: the load balancers), the client is the last address in
/// `X-Forwarded-For` that is not one of them: each proxy appends the address it saw, and
/// what comes before a trusted proxy's entry could be made up by the client.
pub fn client_key(parts: &Parts, trusted: &[ipnet::IpNet]) -> String {
    let is_trusted = |ip: &IpAddr| ip.is_loopback() || trusted.iter().any(|net| net.contains(ip));
    let Some(peer) = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_canonical())
    else {
        return "unknown".to_string();
    };
    let ip = if is_trusted(&peer) {
        let chain: Vec<IpAddr> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse::<IpAddr>().ok())
            .map(|a| a.to_canonical())
            .collect();
        // Every entry a proxy of ours: the first is as near the client as we can see.
        chain
            .iter()
            .rev()
            .find(|ip| !is_trusted(ip))
            .or(chain.first())
            .copied()
            .unwrap_or(peer)
    } else {
        peer
    };
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(peer: &str, forwarded: Option<&str>) -> Parts {
        let mut request = Request::builder().uri("/editor/sign-in");
        if let Some(f) = forwarded {
            request = request.header("x-forwarded-for", f);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        parts
            .extensions
            .insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        parts
    }

    #[test]
    fn a_forwarded_address_counts_only_from_a_proxy_on_this_machine() {
        assert_eq!(
            client_key(&parts("127.0.0.1:5000", Some("10.0.0.1, 203.0.113.7")), &[]),
            "203.0.113.7"
        );
        assert_eq!(
            client_key(&parts("198.51.100.2:5000", Some("203.0.113.7")), &[]),
            "198.51.100.2"
        );
        assert_eq!(
            client_key(&parts("[2001:db8:1:2:3:4:5:6]:5000", None), &[]),
            "2001:db8:1:2::/64"
        );
    }

    fn balancers() -> Vec<ipnet::IpNet> {
        vec!["10.0.0.0/24".parse().unwrap()]
    }

    #[test]
    fn behind_a_trusted_load_balancer_each_person_is_counted_by_their_own_address() {
        assert_eq!(
            client_key(&parts("10.0.0.2:5000", Some("203.0.113.7")), &balancers()),
            "203.0.113.7"
        );
        assert_eq!(
            client_key(&parts("10.0.0.2:5000", Some("198.51.100.9")), &balancers()),
            "198.51.100.9"
        );
        // Two balancers in a row: the address the first one saw.
        assert_eq!(
            client_key(
                &parts("10.0.0.2:5000", Some("203.0.113.7, 10.0.0.3")),
                &balancers()
            ),
            "203.0.113.7"
        );
    }

    #[test]
    fn an_address_a_client_writes_itself_is_not_believed() {
        // The client sent "X-Forwarded-For: 192.0.2.1"; the balancer appended what it saw.
        assert_eq!(
            client_key(
                &parts("10.0.0.2:5000", Some("192.0.2.1, 203.0.113.7")),
                &balancers()
            ),
            "203.0.113.7"
        );
        // Straight to the node, not through a balancer: the header is ignored.
        assert_eq!(
            client_key(&parts("203.0.113.7:5000", Some("192.0.2.1")), &balancers()),
            "203.0.113.7"
        );
        // The balancer itself, with no header: counted as the balancer.
        assert_eq!(
            client_key(&parts("10.0.0.2:5000", None), &balancers()),
            "10.0.0.2"
        );
    }

    #[test]
    fn cookies_are_read_by_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            "a=1; dayfinder_editor=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&headers, "c"), None);
    }
}
