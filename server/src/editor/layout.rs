//! The editors' answers that are not a page of their own: why nothing happened, and the
//! page for a failure of the machine. Every page is a component in `dayfinder_app::editor`.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dayfinder_app::editor::MessagePage;
use leptos::config::LeptosOptions;
use leptos::prelude::*;

/// The 403 page for a page only council editors may use: "Only council editors can
/// <what>", and who to ask.
pub fn council_only(options: &LeptosOptions, what: &str) -> Response {
    problem(
        StatusCode::FORBIDDEN,
        options,
        &format!("Only council editors can {what}"),
        "Ask the council’s directory team.",
    )
}

/// A short page saying why nothing happened, with a way on.
pub fn problem(
    status: StatusCode,
    options: &LeptosOptions,
    heading: &str,
    message: &str,
) -> Response {
    let (heading, message) = (heading.to_string(), message.to_string());
    let page = move || view! { <MessagePage heading message /> };
    (status, Html(dayfinder_app::editor::render(options, page))).into_response()
}

/// The page for a failure of the machine (the cause is in the log).
pub fn went_wrong() -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Html(dayfinder_app::editor::went_wrong()),
    )
        .into_response()
}
