//! The editors' pages: signing in and out, "Services" (vacancies in one click), changing a
//! listing and its events, "Changes" (the moderation queue), and for council editors
//! problem reports, the audit log, reports and "Accounts"; "Your account" (the password,
//! and a council editor's second step of signing in).
//!
//! Plain server-rendered HTML from axum handlers, in the site's styles: every change is a
//! POST form answered with a 303 redirect, so everything works without JavaScript, and
//! each handler reads as its checks in order: from this site (Origin), signed in (session
//! cookie), the form's CSRF token, allowed (role), then the change. Before all of them, an
//! editor whose password someone else set is sent to change it (`gate.rs`). Every response
//! here is `Cache-Control: no-store` and `X-Robots-Tag: noindex`.

mod account;
mod accounts;
mod audit;
mod claims;
mod edit;
mod enquiries;
mod event_form;
mod events;
mod feeds;
mod gate;
mod insight;
mod invite;
pub(crate) mod layout;
mod listing_form;
mod moderation;
mod password_reset;
mod places;
mod problems;
mod quality;
pub(crate) mod sign_in;
mod two_step;
mod vacancies;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::{get, post};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::startup::AppState;

pub use crate::security::SESSION_COOKIE;
pub use insight::keep_counts_flushed;
pub use layout::went_wrong;

/// How the editors' pages behave where the site is deployed.
#[derive(Debug, Clone, Default)]
pub struct EditorOptions {
    /// Mark cookies `Secure` on every response, not only on requests that came over TLS
    /// (`X-Forwarded-Proto: https`), and name them with the `__Host-` prefix (HSTS too:
    /// see `crate::headers`). Set this when the site is only reached over HTTPS.
    pub secure_cookies: bool,
    /// Load balancers and proxies whose `X-Forwarded-For` is believed (loopback always
    /// is), so that sign-in and report limits count each person, not the balancer.
    pub trusted_proxies: std::sync::Arc<[ipnet::IpNet]>,
}

/// The editors' routes, full paths included, to merge into the app's router.
pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/editor", get(vacancies::page))
        .route(
            "/editor/vacancies",
            get(vacancies::page).post(vacancies::set),
        )
        .route("/editor/sign-in", get(sign_in::page).post(sign_in::sign_in))
        .route(
            "/editor/sign-in/code",
            get(two_step::code_form).post(two_step::enter_code),
        )
        .route("/editor/sign-out", axum::routing::post(sign_in::sign_out))
        .route(
            "/editor/forgot-password",
            get(password_reset::forgot).post(password_reset::ask),
        )
        .route(
            "/editor/reset-password/{token}",
            get(password_reset::link).post(password_reset::set),
        )
        .route("/editor/account", get(account::page))
        .route(
            gate::PASSWORD_PAGE,
            get(account::password_form).post(account::change_password),
        )
        .route(
            "/editor/account/two-step",
            get(two_step::setup_form).post(two_step::set_up),
        )
        .route("/editor/accounts", get(accounts::page).post(accounts::add))
        .route(
            "/editor/accounts/{id}/disable",
            get(accounts::confirm_disable).post(accounts::disable),
        )
        .route("/editor/accounts/{id}/enable", post(accounts::enable))
        .route(
            "/editor/account/invite",
            get(invite::form).post(invite::send),
        )
        .route("/editor/claims", get(claims::list))
        .route("/editor/feeds", get(feeds::list).post(feeds::follow))
        .route("/editor/feeds/{id}/run", post(feeds::run_now))
        .route("/editor/feeds/{id}/stop", post(feeds::stop))
        .route("/editor/claims/{id}/approve", post(claims::approve))
        .route("/editor/claims/{id}/turn-down", post(claims::turn_down))
        .route("/editor/insight", get(insight::unmet_demand))
        .route(
            "/editor/insight/unmet-demand.csv",
            get(insight::unmet_demand_csv),
        )
        .route("/editor/insight/supply", get(insight::supply))
        .route("/editor/insight/supply.csv", get(insight::supply_csv))
        .route("/editor/insight/enquiries", get(insight::enquiry_demand))
        .route(
            "/editor/insight/enquiries.csv",
            get(insight::enquiry_demand_csv),
        )
        .route(
            "/editor/services/{id}/edit",
            get(edit::page).post(edit::save),
        )
        .route(
            "/editor/services/{id}/events/new",
            get(events::new_page).post(events::add),
        )
        .route(
            "/editor/events/{id}/edit",
            get(events::edit_page).post(events::change),
        )
        .route("/editor/events/{id}/remove", post(events::remove))
        .route(
            "/editor/places/{id}/edit",
            get(places::place_page).post(places::place_save),
        )
        .route(
            "/editor/providers/{id}/edit",
            get(places::provider_page).post(places::provider_save),
        )
        .route("/editor/changes", get(moderation::list))
        .route("/editor/changes/{id}", get(moderation::show))
        .route("/editor/changes/{id}/approve", post(moderation::approve))
        .route("/editor/changes/{id}/reject", post(moderation::reject))
        .route("/editor/enquiries", get(enquiries::list))
        .route("/editor/enquiries/{id}", get(enquiries::show))
        .route("/editor/enquiries/{id}/answer", post(enquiries::answer))
        .route("/editor/problems", get(problems::list))
        .route("/editor/problems/{id}/close", post(problems::close))
        .route("/editor/audit", get(audit::page))
        .route("/editor/stale", get(quality::stale_page))
        .route("/editor/stale.csv", get(quality::stale_csv))
        .route("/editor/quality", get(quality::quality_page))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            gate::password_first,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(axum::middleware::map_response(
            |mut response: axum::response::Response| async move {
                response
                    .extensions_mut()
                    .insert(crate::startup::Uncompressed);
                response
            },
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-robots-tag"),
            HeaderValue::from_static("noindex, nofollow"),
        ))
}

/// Runs blocking engine work (SQLite, argon2) off the async threads; a failure is logged
/// and becomes the "Something went wrong" page.
pub(crate) async fn blocking<T: Send + 'static, E: std::fmt::Debug + Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, axum::response::Response> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => {
            tracing::error!(?error, "Failed to {what}");
            Err(layout::went_wrong())
        }
        Err(error) => {
            tracing::error!(?error, "The task to {what} failed");
            Err(layout::went_wrong())
        }
    }
}
