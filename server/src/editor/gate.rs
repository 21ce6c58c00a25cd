//! One check before every editor page: an editor whose password was set by someone else
//! goes to "Change your password" first, whatever page they asked for, until they have.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::sign_in::redirect;
use crate::security::current_session;
use crate::startup::AppState;

/// Where the new password is chosen.
pub const PASSWORD_PAGE: &str = "/editor/account/password";

/// The pages open before the password is changed: that page itself, and signing in
/// and out.
fn open_before_the_change(path: &str) -> bool {
    path == PASSWORD_PAGE || path == "/editor/sign-out" || path.starts_with("/editor/sign-in")
}

/// Sends a signed-in editor who must change their password to [`PASSWORD_PAGE`].
pub async fn password_first(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if open_before_the_change(request.uri().path()) {
        return next.run(request).await;
    }
    match current_session(&state, request.headers()).await {
        Ok(Some((_, session))) if session.account.must_change_password => {
            redirect(PASSWORD_PAGE, None)
        }
        // Not signed in, or free to go on: the page's own checks follow.
        Ok(_) => next.run(request).await,
        Err(response) => response,
    }
}
