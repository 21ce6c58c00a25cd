//! "Insight", for council editors: what residents search for and cannot find (unmet
//! demand, from the counts of searches), and what the directory offers (supply, counted
//! from the directory). The pages are `dayfinder_app::editor::{UnmetDemandPage, SupplyPage}`;
//! each table is also a CSV download, written here. Read-only GET pages: the period is a
//! GET form, so a report can be bookmarked and works without JavaScript.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::Engine;
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::insight::reports::MAX_PERIOD_DAYS;
use dayfinder::insight::{EnquiryDemand, Period, Table};
use dayfinder_app::components::form::FieldErrors;
use dayfinder_app::editor::{EnquiryDemandPage, PeriodForm, SupplyPage, UnmetDemandPage};
use jiff::civil::Date;
use leptos::prelude::*;

use super::layout;
use super::sign_in::redirect;
use crate::security::current_session;
use crate::startup::AppState;

/// How often counts of searches go from memory to the store.
pub const FLUSH_EVERY: Duration = Duration::from_secs(5);

/// Writes the counts of searches to the store every few seconds, for as long as the
/// server runs (the last are written when it stops: see `startup`).
pub async fn keep_counts_flushed(engine: Arc<Engine>) {
    crate::periodic::every(
        FLUSH_EVERY,
        "save counts of searches",
        engine,
        Engine::flush_search_counts,
    )
    .await;
}

/// The signed-in council editor, or the response to send instead.
async fn council_editor(state: &AppState, headers: &HeaderMap) -> Result<EditorSession, Response> {
    match current_session(state, headers).await? {
        Some((_, session)) if session.account.role.is_council() => Ok(session),
        Some(_) => Err(layout::problem(
            StatusCode::FORBIDDEN,
            &state.leptos_options,
            "Only council editors can see insight reports",
            "These reports are for the council’s commissioners. Ask the council’s directory team if you need figures.",
        )),
        None => Err(redirect("/editor/sign-in", None)),
    }
}

fn params(query: &Option<String>) -> Vec<(String, String)> {
    dayfinder_app::urls::decode(query.as_deref().unwrap_or(""))
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// The period asked for: `period=7|30|90` (30 unless said), or `period=dates` with
/// `from` and `to` as YYYY-MM-DD.
fn read_period(params: &[(String, String)]) -> PeriodForm {
    let clip = |v: Option<&str>| v.unwrap_or("").chars().take(20).collect::<String>();
    PeriodForm {
        choice: clip(param(params, "period").or(Some("30"))),
        from: clip(param(params, "from")),
        to: clip(param(params, "to")),
    }
}

/// The period, or what is wrong with the form, field by field.
fn period_of(asked: &PeriodForm, today: Date) -> Result<Period, Vec<(&'static str, String)>> {
    match asked.choice.as_str() {
        "7" => return Ok(Period::last_days(7, today)),
        "30" => return Ok(Period::last_days(30, today)),
        "90" => return Ok(Period::last_days(90, today)),
        "dates" => {}
        _ => return Err(vec![("period-30", "Choose the period to report on".into())]),
    }
    let mut errors = Vec::new();
    let from = read_day(&asked.from);
    let to = read_day(&asked.to);
    if from.is_none() {
        errors.push((
            "from",
            "Enter the first day as a date, for example 1/6/2025".to_string(),
        ));
    }
    if to.is_none() {
        errors.push((
            "to",
            "Enter the last day as a date, for example 30/6/2025".to_string(),
        ));
    }
    let (Some(from), Some(to)) = (from, to) else {
        return Err(errors);
    };
    if to > today {
        return Err(vec![("to", "The last day must be today or before".into())]);
    }
    if from > to {
        return Err(vec![(
            "from",
            "The first day must be the same as or before the last day".into(),
        )]);
    }
    Period::between(from, to).ok_or_else(|| {
        vec![(
            "from",
            format!("The period can be at most {MAX_PERIOD_DAYS} days"),
        )]
    })
}

/// A day as people write it in the UK ("1/6/2025", "01/06/2025") or as the downloads
/// write it ("2025-06-01").
fn read_day(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let mut parts = text.split(['/', '.', ' ']).filter(|p| !p.is_empty());
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// The council editor asking for a period report, the period form as sent, and the
/// period or what is wrong with the form.
async fn period_asked(
    state: &AppState,
    headers: &HeaderMap,
    query: &Option<String>,
) -> Result<(EditorSession, PeriodForm, Result<Period, FieldErrors>), Response> {
    let session = council_editor(state, headers).await?;
    let form = read_period(&params(query));
    let period = period_of(&form, uk_today()).map_err(|errors| errors.into_iter().collect());
    Ok((session, form, period))
}

/// A report page: 200 with its report, or 400 with the form and what is wrong.
fn report_page<R, V>(
    state: &AppState,
    report: Option<R>,
    page: impl FnOnce(Option<R>) -> V + Send + 'static,
) -> Response
where
    R: Send + 'static,
    V: IntoView + 'static,
{
    let status = if report.is_some() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    (
        status,
        Html(dayfinder_app::editor::render(
            &state.leptos_options,
            move || page(report),
        )),
    )
        .into_response()
}

/// Handles `GET /editor/insight`: searches that found nothing or few.
#[tracing::instrument(skip_all)]
pub async fn unmet_demand(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let (session, form, period) = match period_asked(&state, &headers, &query).await {
        Ok(asked) => asked,
        Err(response) => return response,
    };
    let (report, errors) = match period {
        Ok(period) => {
            let engine = state.engine.clone();
            match super::blocking("report unmet demand", move || engine.unmet_demand(period)).await
            {
                Ok(report) => (Some(report), FieldErrors::new()),
                Err(response) => return response,
            }
        }
        Err(errors) => (None, errors),
    };
    report_page(&state, report, move |report| {
        view! { <UnmetDemandPage editor=session form errors report /> }
    })
}

/// Handles `GET /editor/insight/unmet-demand.csv?period=..&table=need-town|day|date`.
#[tracing::instrument(skip_all)]
pub async fn unmet_demand_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let (period, which) = match table_asked(&state, &headers, &query, &["day", "date"]).await {
        Ok(asked) => asked,
        Err(response) => return response,
    };
    let engine = state.engine.clone();
    let report =
        match super::blocking("report unmet demand", move || engine.unmet_demand(period)).await {
            Ok(report) => report,
            Err(response) => return response,
        };
    let table = match which.as_str() {
        "day" => report.day_table(),
        "date" => report.date_table(),
        _ => report.need_and_town_table(),
    };
    csv_response(
        &format!(
            "unmet-demand-by-{which}-{}-to-{}.csv",
            period.from, period.to
        ),
        &table,
    )
}

/// The enquiries report for `period`, read in the blocking pool.
async fn enquiry_report(state: &AppState, period: Period) -> Result<EnquiryDemand, Response> {
    let engine = state.engine.clone();
    let settings = state.profile.enquiries.settings();
    let site = state.site_url.clone();
    super::blocking("report enquiries", move || {
        engine
            .enquiries(&settings, &site)
            .demand(period, uk_today())
    })
    .await
}

/// Handles `GET /editor/insight/enquiries`: enquiries by need, town and outcome.
#[tracing::instrument(skip_all)]
pub async fn enquiry_demand(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let (session, form, period) = match period_asked(&state, &headers, &query).await {
        Ok(asked) => asked,
        Err(response) => return response,
    };
    let (report, errors) = match period {
        Ok(period) => match enquiry_report(&state, period).await {
            Ok(report) => (Some(report), FieldErrors::new()),
            Err(response) => return response,
        },
        Err(errors) => (None, errors),
    };
    report_page(&state, report, move |report| {
        view! { <EnquiryDemandPage editor=session form errors report /> }
    })
}

/// Handles `GET /editor/insight/enquiries.csv?period=..&table=need-town|wish|asker`.
#[tracing::instrument(skip_all)]
pub async fn enquiry_demand_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let (period, which) = match table_asked(&state, &headers, &query, &["wish", "asker"]).await {
        Ok(asked) => asked,
        Err(response) => return response,
    };
    let report = match enquiry_report(&state, period).await {
        Ok(report) => report,
        Err(response) => return response,
    };
    let table = match which.as_str() {
        "wish" => report.wish_table(),
        "asker" => report.asker_table(),
        _ => report.need_and_town_table(),
    };
    csv_response(
        &format!("enquiries-by-{which}-{}-to-{}.csv", period.from, period.to),
        &table,
    )
}

/// For a CSV download of a period report: the period and the table asked for (`need-town`
/// unless one of `others`), or the answer for a stranger, a bad period or no such table.
async fn table_asked(
    state: &AppState,
    headers: &HeaderMap,
    query: &Option<String>,
    others: &[&str],
) -> Result<(Period, String), Response> {
    council_editor(state, headers).await?;
    let params = params(query);
    let Ok(period) = period_of(&read_period(&params), uk_today()) else {
        return Err((
            StatusCode::BAD_REQUEST,
            "That period could not be used. Choose it again on the report page.",
        )
            .into_response());
    };
    let which = param(&params, "table").unwrap_or("need-town");
    if which != "need-town" && !others.contains(&which) {
        return Err(not_a_table(state));
    }
    Ok((period, which.to_string()))
}

fn not_a_table(state: &AppState) -> Response {
    layout::problem(
        StatusCode::NOT_FOUND,
        &state.leptos_options,
        "There is no such table",
        "Go back to the report and choose one of its download links.",
    )
}

fn csv_response(file_name: &str, table: &Table) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        table.to_csv(),
    )
        .into_response()
}

/// Handles `GET /editor/insight/supply`: what the directory offers.
#[tracing::instrument(skip_all)]
pub async fn supply(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let session = match council_editor(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let engine = state.engine.clone();
    let supply = match super::blocking("count the directory", move || engine.supply()).await {
        Ok(supply) => supply,
        Err(response) => return response,
    };
    let today = uk_today();
    let page = move || view! { <SupplyPage editor=session supply today /> };
    Html(dayfinder_app::editor::render(&state.leptos_options, page)).into_response()
}

/// Handles `GET /editor/insight/supply.csv?table=need|tier|weekday|need-town`.
#[tracing::instrument(skip_all)]
pub async fn supply_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    if let Err(response) = council_editor(&state, &headers).await {
        return response;
    }
    let params = params(&query);
    let which = param(&params, "table").unwrap_or("need-town").to_string();
    if !matches!(which.as_str(), "need" | "tier" | "weekday" | "need-town") {
        return not_a_table(&state);
    }
    let engine = state.engine.clone();
    let supply = match super::blocking("count the directory", move || engine.supply()).await {
        Ok(supply) => supply,
        Err(response) => return response,
    };
    let table = match which.as_str() {
        "need" => supply.need_table(),
        "tier" => supply.tier_table(),
        "weekday" => supply.weekday_table(),
        _ => supply.need_and_town_table(),
    };
    csv_response(&format!("supply-by-{which}-{}.csv", uk_today()), &table)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The period a form with these fields asks for, or what is wrong with it.
    fn period_asked(
        pairs: &[(&str, &str)],
        today: Date,
    ) -> Result<Period, Vec<(&'static str, String)>> {
        let params: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        period_of(&read_period(&params), today)
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_last_thirty_days_unless_asked_otherwise() {
        let today = day("2025-06-30");
        let period = period_asked(&[], today).unwrap();
        assert_eq!((period.from, period.to), (day("2025-06-01"), today));
        assert_eq!(period_asked(&[("period", "7")], today).unwrap().days(), 7);
    }

    #[test]
    fn dates_out_of_order_or_unreadable_are_explained_by_field() {
        let today = day("2025-06-30");
        let errors = period_asked(
            &[
                ("period", "dates"),
                ("from", "2025-06-10"),
                ("to", "2025-06-01"),
            ],
            today,
        )
        .unwrap_err();
        assert_eq!(errors[0].0, "from");
        let errors = period_asked(
            &[("period", "dates"), ("from", "soon"), ("to", "<b>")],
            today,
        )
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(
            period_asked(
                &[
                    ("period", "dates"),
                    ("from", "2025-06-01"),
                    ("to", "2025-07-01")
                ],
                today
            )
            .is_err()
        );
        assert!(period_asked(&[("period", "1000")], today).is_err());
        let period = period_asked(
            &[
                ("period", "dates"),
                ("from", "2025-06-01"),
                ("to", "2025-06-10"),
            ],
            today,
        )
        .unwrap();
        assert_eq!(period.days(), 10);
        let period = period_asked(
            &[
                ("period", "dates"),
                ("from", "1/6/2025"),
                ("to", "09/06/2025"),
            ],
            today,
        )
        .unwrap();
        assert_eq!(
            (period.from, period.to),
            (day("2025-06-01"), day("2025-06-09"))
        );
        assert!(read_day("31/2/2025").is_none());
        assert!(read_day("1/6/25").is_none());
    }
}
