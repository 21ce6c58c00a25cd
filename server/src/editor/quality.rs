//! For council editors: "Stale listings" (not reviewed for six months, oldest first, with
//! who to ask, also as a CSV download) and "Data quality" (listings missing facts, and
//! likely duplicates). Read-only pages: GET only, so no forms and no CSRF tokens.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::quality::QualityReport;
use dayfinder::quality::missing::{Gap, count_by_gap};
use dayfinder::quality::stale::{STALE_AFTER_MONTHS, StaleListing, to_csv};
use dayfinder_app::components::format::long_date;

use super::layout::{self, escape};
use super::sign_in::redirect;
use crate::security::current_session;
use crate::startup::AppState;

/// The signed-in council editor, or the response to send instead (a provider is refused
/// as on the other council pages).
async fn council_editor(state: &AppState, headers: &HeaderMap) -> Result<EditorSession, Response> {
    match current_session(state, headers).await? {
        Some((_, session)) if session.account.role.is_council() => Ok(session),
        Some((_, session)) => {
            tracing::warn!(
                account = session.account.id.0,
                "refused a council report to a provider editor"
            );
            Err(layout::problem(
                StatusCode::FORBIDDEN,
                &state.leptos_options,
                "Only council editors can see this page",
                "It lists every provider’s listings. Ask the council’s directory team if you need it.",
            ))
        }
        None => Err(redirect("/editor/sign-in", None)),
    }
}

/// The stale listings as of today.
async fn stale(state: &AppState) -> Result<Vec<StaleListing>, Response> {
    let engine = state.engine.clone();
    super::blocking("list stale listings", move || {
        engine.stale_listings(uk_today())
    })
    .await
}

/// Handles `GET /editor/stale`.
#[tracing::instrument(skip_all)]
pub async fn stale_page(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let session = match council_editor(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let rows = match stale(&state).await {
        Ok(rows) => rows,
        Err(response) => return response,
    };
    let main = render_stale(&rows);
    Html(layout::page(
        &state.leptos_options,
        "Stale listings",
        Some(&session),
        &main,
    ))
    .into_response()
}

/// "2 months", "1 month".
fn months(n: i32) -> String {
    if n == 1 {
        "1 month".into()
    } else {
        format!("{n} months")
    }
}

fn mail(email: &Option<String>) -> Option<String> {
    email.as_deref().map(|e| {
        format!(
            "<a href=\"mailto:{e}\" class=\"link\">{e}</a>",
            e = escape(e)
        )
    })
}

fn phone(number: &Option<String>) -> Option<String> {
    number.as_deref().map(escape)
}

/// Lines of contact details, or a dash when there are none.
fn lines(parts: impl IntoIterator<Item = Option<String>>) -> String {
    let parts: Vec<String> = parts.into_iter().flatten().collect();
    if parts.is_empty() {
        "<span class=\"body-s\">None given</span>".into()
    } else {
        parts.join("<br>")
    }
}

fn render_stale(rows: &[StaleListing]) -> String {
    let mut out = format!(
        "<h1 class=\"heading-xl\">Stale listings</h1>\
         <p class=\"body\">Listings nobody has reviewed for {} or more, oldest first. Residents \
         see “may be out of date” on them. Ask the provider to check the listing and tell you \
         what has changed.</p>",
        months(STALE_AFTER_MONTHS)
    );
    if rows.is_empty() {
        out.push_str(&format!(
            "<p class=\"body\">No listings are stale: every listing was reviewed in the last {}.</p>",
            months(STALE_AFTER_MONTHS)
        ));
        return out;
    }
    let count = if rows.len() == 1 {
        "1 listing".to_string()
    } else {
        format!("{} listings", rows.len())
    };
    out.push_str(&format!(
        "<p class=\"body\"><strong>{count}</strong> may be out of date. \
         <a href=\"/editor/stale.csv\" class=\"link\" download>Download the list as a spreadsheet \
         (CSV, {count})</a></p>"
    ));
    let body: String = rows
        .iter()
        .map(|r| {
            format!(
                "<tr><td><a href=\"/services/{id}\" class=\"link\">{name}</a></td>\
                 <td>{provider}</td>\
                 <td>{reviewed}<br><span class=\"body-s\">{ago} ago</span></td>\
                 <td>{provider_contact}</td><td>{service_contact}</td></tr>",
                id = escape(&r.service_id),
                name = escape(&r.service_name),
                provider = escape(&r.organisation_name),
                reviewed = long_date(r.last_reviewed),
                ago = months(r.months),
                provider_contact =
                    lines([mail(&r.organisation_email), phone(&r.organisation_phone)]),
                service_contact = lines([
                    r.contact.name.as_deref().map(escape),
                    phone(&r.contact.phone),
                    mail(&r.contact.email),
                ]),
            )
        })
        .collect();
    out.push_str(&format!(
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"stale-caption\" tabindex=\"0\">\
         <table class=\"table\"><caption class=\"heading-m\" id=\"stale-caption\">Listings to review, oldest first</caption>\
         <thead><tr><th scope=\"col\">Listing</th><th scope=\"col\">Provider</th>\
         <th scope=\"col\">Last reviewed</th><th scope=\"col\">Provider’s contact</th>\
         <th scope=\"col\">Listing’s contact</th></tr></thead>\
         <tbody>{body}</tbody></table></div>"
    ));
    out
}

/// Handles `GET /editor/stale.csv`: the same list as a spreadsheet.
#[tracing::instrument(skip_all)]
pub async fn stale_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(response) = council_editor(&state, &headers).await {
        return response;
    }
    let rows = match stale(&state).await {
        Ok(rows) => rows,
        Err(response) => return response,
    };
    let text = match to_csv(&rows) {
        Ok(text) => text,
        Err(error) => {
            tracing::error!(?error, "Failed to write the stale listings as CSV");
            return layout::went_wrong();
        }
    };
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let disposition = format!(
        "attachment; filename=\"dayfinder-stale-listings-{}.csv\"",
        uk_today()
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Handles `GET /editor/quality` (optional `missing=<gap>` shows only listings missing it).
#[tracing::instrument(skip_all)]
pub async fn quality_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let session = match council_editor(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let engine = state.engine.clone();
    let report = match super::blocking("check the directory's quality", move || {
        engine.quality_report()
    })
    .await
    {
        Ok(report) => report,
        Err(response) => return response,
    };
    // An unknown gap is ignored: the page shows every listing instead.
    let only = dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "missing")
        .and_then(|(_, v)| Gap::all().iter().copied().find(|g| g.slug() == v));
    let main = render_quality(&report, only);
    Html(layout::page(
        &state.leptos_options,
        "Data quality",
        Some(&session),
        &main,
    ))
    .into_response()
}

fn render_quality(report: &QualityReport, only: Option<Gap>) -> String {
    let mut out = String::from(
        "<h1 class=\"heading-xl\">Data quality</h1>\
         <p class=\"body\">Listings missing facts residents need, and listings that may be the \
         same service entered twice. Stale listings have <a href=\"/editor/stale\" class=\"link\">their own page</a>.</p>\
         <ul class=\"list list--bullet\">\
         <li><a href=\"#missing\" class=\"link\">Listings with missing facts</a></li>\
         <li><a href=\"#duplicates\" class=\"link\">Likely duplicates</a></li></ul>",
    );

    out.push_str("<h2 class=\"heading-l\" id=\"missing\">Listings with missing facts</h2>");
    let counts = count_by_gap(&report.gaps);
    if counts.is_empty() {
        out.push_str(&format!(
            "<p class=\"body\">None of the {} listings is missing anything we check.</p>",
            report.services
        ));
    } else {
        out.push_str(&format!(
            "<p class=\"body\"><strong>{} of {}</strong> listings miss something.</p>",
            report.gaps.len(),
            report.services
        ));
        let rows: String = counts
            .iter()
            .map(|(gap, n)| {
                format!(
                    "<tr><td><a href=\"/editor/quality?missing={slug}#missing-listings\" class=\"link\">{label}</a></td><td>{n}</td></tr>",
                    slug = gap.slug(),
                    label = gap.label()
                )
            })
            .collect();
        out.push_str(&format!(
            "<table class=\"table\"><caption class=\"heading-m\">What is missing</caption>\
             <thead><tr><th scope=\"col\">Missing</th><th scope=\"col\">Listings</th></tr></thead>\
             <tbody>{rows}</tbody></table>"
        ));
        let shown: Vec<_> = report
            .gaps
            .iter()
            .filter(|l| only.is_none_or(|g| l.gaps.contains(&g)))
            .collect();
        let caption = match only {
            Some(gap) => format!(
                "Listings with: {} ({}) <a href=\"/editor/quality#missing-listings\" class=\"link body-s\">Show all</a>",
                gap.label(),
                shown.len()
            ),
            None => "Every listing missing something, most gaps first".to_string(),
        };
        let body: String = shown
            .iter()
            .map(|l| {
                let gaps: String = l
                    .gaps
                    .iter()
                    .map(|g| format!("<li>{}</li>", g.label()))
                    .collect();
                format!(
                    "<tr><td><a href=\"/services/{id}\" class=\"link\">{name}</a></td><td>{provider}</td>\
                     <td><ul class=\"list list--bullet\">{gaps}</ul></td></tr>",
                    id = escape(&l.service_id),
                    name = escape(&l.service_name),
                    provider = escape(&l.organisation_name),
                )
            })
            .collect();
        out.push_str(&format!(
            "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"missing-listings\" tabindex=\"0\">\
             <table class=\"table\"><caption class=\"heading-m\" id=\"missing-listings\">{caption}</caption>\
             <thead><tr><th scope=\"col\">Listing</th><th scope=\"col\">Provider</th>\
             <th scope=\"col\">Missing</th></tr></thead><tbody>{body}</tbody></table></div>"
        ));
    }

    out.push_str(
        "<h2 class=\"heading-l\" id=\"duplicates\">Likely duplicates</h2>\
         <p class=\"body\">Listings with the same name at the same postcode (ignoring capitals, \
         punctuation and “the”). Check whether they are one service, and remove or merge the extra one.</p>",
    );
    if report.duplicates.is_empty() {
        out.push_str("<p class=\"body\">No likely duplicates.</p>");
    } else {
        for (i, group) in report.duplicates.iter().enumerate() {
            let items: String = group
                .listings
                .iter()
                .map(|l| {
                    format!(
                        "<li><a href=\"/services/{id}\" class=\"link\">{name}</a> ({provider}, id {id})</li>",
                        id = escape(&l.service_id),
                        name = escape(&l.service_name),
                        provider = escape(&l.organisation_name),
                    )
                })
                .collect();
            out.push_str(&format!(
                "<section class=\"editor-service\" aria-labelledby=\"duplicate-{i}\">\
                 <h3 class=\"heading-m\" id=\"duplicate-{i}\">{name} at {postcode}</h3>\
                 <ul class=\"list list--bullet\">{items}</ul></section>",
                name = escape(&group.listings[0].service_name),
                postcode = escape(&group.postcode),
            ));
        }
    }
    out
}
