//! "Insight", for council editors: what residents search for and cannot find (unmet
//! demand, from the counts of searches), and what the directory offers (supply, counted
//! from the directory). Each chart is an SVG drawn here, with its table beside it and the
//! table as a CSV download. Read-only GET pages: the period is a GET form, so a report
//! can be bookmarked and works without JavaScript.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use dayfinder::Engine;
use dayfinder::accounts::EditorSession;
use dayfinder::engine::uk_today;
use dayfinder::insight::reports::{MAX_PERIOD_DAYS, change};
use dayfinder::insight::{FEW, Period, Supply, Table, UnmetDemand};
use dayfinder::model::Term;
use jiff::civil::Date;

use super::charts::{Bar, bar_chart};
use super::layout::{self, error_summary, escape, field_error};
use super::sign_in::redirect;
use crate::security::current_session;
use crate::startup::AppState;

/// How often counts of searches go from memory to the store.
pub const FLUSH_EVERY: Duration = Duration::from_secs(5);

/// Most rows of a table shown on the page; the CSV download has them all.
const MAX_ROWS_SHOWN: usize = 50;
/// Bars in a chart of needs and towns.
const MAX_BARS: usize = 10;

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
#[derive(Debug, Clone, PartialEq)]
struct Asked {
    choice: String,
    from: String,
    to: String,
}

impl Asked {
    fn read(params: &[(String, String)]) -> Asked {
        let clip = |v: Option<&str>| v.unwrap_or("").chars().take(20).collect::<String>();
        Asked {
            choice: clip(param(params, "period").or(Some("30"))),
            from: clip(param(params, "from")),
            to: clip(param(params, "to")),
        }
    }

    /// The period, or what is wrong with the form, field by field.
    fn period(&self, today: Date) -> Result<Period, Vec<(&'static str, String)>> {
        match self.choice.as_str() {
            "7" => return Ok(Period::last_days(7, today)),
            "30" => return Ok(Period::last_days(30, today)),
            "90" => return Ok(Period::last_days(90, today)),
            "dates" => {}
            _ => return Err(vec![("period-30", "Choose the period to report on".into())]),
        }
        let mut errors = Vec::new();
        let from = read_day(&self.from);
        let to = read_day(&self.to);
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

    /// The query string of this period, for links to the downloads.
    fn query(&self) -> String {
        if self.choice == "dates" {
            dayfinder_app::urls::encode([
                ("period", "dates"),
                ("from", self.from.as_str()),
                ("to", self.to.as_str()),
            ])
        } else {
            dayfinder_app::urls::encode([("period", self.choice.as_str())])
        }
    }

    fn describe(&self, period: &Period) -> String {
        let dates = format!("{} to {}", long_date(period.from), long_date(period.to));
        match self.choice.as_str() {
            "dates" => dates,
            days => format!("Last {days} days: {dates}"),
        }
    }
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

fn long_date(date: Date) -> String {
    date.strftime("%-d %B %Y").to_string()
}

/// A table in the site's style, in a scrolling region for narrow screens.
fn table_html(id: &str, caption: &str, table: &Table, limit: usize) -> String {
    let head: String = table
        .columns
        .iter()
        .map(|c| format!("<th scope=\"col\">{}</th>", escape(c)))
        .collect();
    let rows: String = table
        .rows
        .iter()
        .take(limit)
        .map(|row| {
            let cells: String = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i == 0 {
                        format!("<th scope=\"row\">{}</th>", escape(cell))
                    } else {
                        format!("<td>{}</td>", escape(cell))
                    }
                })
                .collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    let more = if table.rows.len() > limit {
        format!(
            "<p class=\"body-s\">Showing the first {limit} of {} rows. The CSV download has them all.</p>",
            table.rows.len()
        )
    } else {
        String::new()
    };
    let empty = if table.rows.is_empty() {
        "<p class=\"body\">There are no figures to show.</p>"
    } else {
        ""
    };
    format!(
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{id}-caption\" tabindex=\"0\">\
         <table class=\"table\"><caption class=\"heading-s\" id=\"{id}-caption\">{caption}</caption>\
         <thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>{more}{empty}",
        id = escape(id),
        caption = escape(caption),
    )
}

fn download_link(href: &str, what: &str) -> String {
    format!(
        "<p class=\"body\"><a class=\"link\" href=\"{}\" download>Download {} (CSV)</a></p>",
        escape(href),
        escape(what)
    )
}

/// A chart and its table, the table straight after the chart. (Side by side they would
/// squeeze wide tables; the classes are there for a wide-screen layout.)
fn chart_and_table(chart: &str, table: &str) -> String {
    format!(
        "<div class=\"insight-pair\"><div class=\"insight-pair__chart\">{chart}</div>\
         <div class=\"insight-pair__table\">{table}</div></div>"
    )
}

fn describe_bars(bars: &[Bar]) -> String {
    if bars.is_empty() {
        return "No figures for this period.".to_string();
    }
    let parts: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.figure))
        .collect();
    format!("{}.", parts.join("; "))
}

fn searches(n: u64) -> String {
    if n == 1 {
        "1 search".to_string()
    } else {
        format!("{n} searches")
    }
}

fn services(n: usize) -> String {
    if n == 1 {
        "1 service".to_string()
    } else {
        format!("{n} services")
    }
}

/// The insight pages' own links, under the heading.
fn insight_nav(current: &str) -> String {
    let link = |href: &str, text: &str| {
        if href == current {
            format!("<li><a class=\"link\" href=\"{href}\" aria-current=\"page\">{text}</a></li>")
        } else {
            format!("<li><a class=\"link\" href=\"{href}\">{text}</a></li>")
        }
    };
    format!(
        "<nav aria-label=\"Insight reports\"><ul class=\"list list--bullet\">{}{}</ul></nav>",
        link(
            "/editor/insight",
            "Searches that found nothing (unmet demand)"
        ),
        link(
            "/editor/insight/supply",
            "What the directory offers (supply)"
        )
    )
}

fn period_form(asked: &Asked, errors: &[(&str, String)]) -> String {
    let radio = |value: &str, label: &str| {
        let id = format!("period-{value}");
        format!(
            "<div class=\"checkboxes__item\"><input class=\"checkboxes__input\" id=\"{id}\" name=\"period\" type=\"radio\" value=\"{value}\"{checked}>\
             <label class=\"label checkboxes__label\" for=\"{id}\">{label}</label></div>",
            checked = if asked.choice == value {
                " checked"
            } else {
                ""
            },
        )
    };
    let date_field = |field: &str, label: &str, value: &str| {
        let error = field_error(errors, field);
        let described = if error.is_some() {
            format!(" aria-describedby=\"{field}-hint {field}-error\"")
        } else {
            format!(" aria-describedby=\"{field}-hint\"")
        };
        format!(
            "<div class=\"form-group{group}\"><label class=\"label\" for=\"{field}\">{label}</label>\
             <div id=\"{field}-hint\" class=\"hint\">For example, 1/6/2025</div>{error}\
             <input class=\"input\" id=\"{field}\" name=\"{field}\" type=\"text\" autocomplete=\"off\" spellcheck=\"false\" value=\"{value}\"{described}></div>",
            group = if error.is_some() {
                " form-group--error"
            } else {
                ""
            },
            error = error.unwrap_or_default(),
            value = escape(value),
        )
    };
    format!(
        "<form method=\"get\" action=\"/editor/insight\" novalidate>\
         <fieldset class=\"fieldset\"><legend class=\"fieldset__legend\">Period</legend>\
         {error}{r7}{r30}{r90}{rdates}\
         {from}{to}</fieldset>\
         <button type=\"submit\" class=\"button\">Show the report</button></form>",
        error = field_error(errors, "period-30").unwrap_or_default(),
        r7 = radio("7", "Last 7 days"),
        r30 = radio("30", "Last 30 days"),
        r90 = radio("90", "Last 90 days"),
        rdates = radio("dates", "Between these dates"),
        from = date_field("from", "First day", &asked.from),
        to = date_field("to", "Last day", &asked.to),
    )
}

/// Handles `GET /editor/insight`: searches that found nothing or few.
#[tracing::instrument(skip_all)]
pub async fn unmet_demand(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let session = match council_editor(&state, &headers).await {
        Ok(session) => session,
        Err(response) => return response,
    };
    let asked = Asked::read(&params(&query));
    let title = "Searches that found nothing";
    let mut main = String::new();
    let period = match asked.period(uk_today()) {
        Ok(period) => period,
        Err(errors) => {
            main.push_str(&error_summary(&errors));
            main.push_str(&heading(title));
            main.push_str(&period_form(&asked, &errors));
            let html = layout::page(
                &state.leptos_options,
                &format!("Error: {title}"),
                Some(&session),
                &main,
            );
            return (StatusCode::BAD_REQUEST, Html(html)).into_response();
        }
    };
    let engine = state.engine.clone();
    let report =
        match super::blocking("report unmet demand", move || engine.unmet_demand(period)).await {
            Ok(report) => report,
            Err(response) => return response,
        };
    main.push_str(&heading(title));
    main.push_str(
        "<p class=\"body\">What residents searched for on Dayfinder and found nothing, or only a few \
         services, for. Searches are counted by what they asked for (need, kind, town or postcode \
         district, days, time of day, cost, easy read) and whether they found anything: never who \
         made them. <a class=\"link\" href=\"/privacy\">What we count and what we never keep</a>.</p>",
    );
    main.push_str(&insight_nav("/editor/insight"));
    main.push_str(&period_form(&asked, &[]));
    main.push_str(&unmet_demand_html(&asked, &report));
    Html(layout::page(
        &state.leptos_options,
        title,
        Some(&session),
        &main,
    ))
    .into_response()
}

fn heading(title: &str) -> String {
    format!(
        "<span class=\"caption-l\">Insight</span><h1 class=\"heading-xl\">{}</h1>",
        escape(title)
    )
}

fn unmet_demand_html(asked: &Asked, report: &UnmetDemand) -> String {
    let csv = |table: &str| {
        format!(
            "/editor/insight/unmet-demand.csv?{}&table={table}",
            asked.query()
        )
    };
    let mut out = format!(
        "<h2 class=\"heading-l\">{}</h2>",
        escape(&asked.describe(&report.period))
    );
    out.push_str(&format!(
        "<ul class=\"list list--bullet\"><li>{} in all</li>\
         <li><strong>{} found nothing</strong> ({} on the {} days before)</li>\
         <li>{} found few ({FEW} or fewer services)</li></ul>",
        searches(report.now.searches),
        searches(report.now.nothing),
        change(report.now.nothing, report.before.nothing),
        report.period.days(),
        searches(report.now.few),
    ));

    // By need and town.
    let bars: Vec<Bar> = report
        .by_need_and_town
        .iter()
        .filter(|r| r.now.nothing > 0)
        .take(MAX_BARS)
        .map(|r| Bar {
            label: format!("{} – {}", r.need_label(), r.town),
            value: r.now.nothing,
            figure: r.now.nothing.to_string(),
        })
        .collect();
    let chart_title = format!(
        "Needs and towns with the most searches that found nothing, {}",
        asked.describe(&report.period)
    );
    let chart = bar_chart(
        "need-town-chart",
        &chart_title,
        &format!(
            "Searches that found nothing, most first. {}",
            describe_bars(&bars)
        ),
        &bars,
    );
    out.push_str(
        "<h3 class=\"heading-m\" id=\"need-town\">Needs and towns: searches that found nothing or few</h3>\
         <p class=\"body\">A search for two needs, or near two places, counts under each. A postcode \
         district counts under its town. “Any need”: no need was chosen or named.</p>",
    );
    out.push_str(&chart_and_table(
        &chart,
        &table_html(
            "need-town-table",
            "Searches by need and town",
            &report.need_and_town_table(),
            MAX_ROWS_SHOWN,
        ),
    ));
    out.push_str(&download_link(
        &csv("need-town"),
        "searches by need and town",
    ));

    // By day asked for.
    let bars: Vec<Bar> = report
        .by_day
        .iter()
        .map(|r| Bar {
            label: r.day.map_or("Any day", |d| d.label()).to_string(),
            value: r.now.nothing,
            figure: r.now.nothing.to_string(),
        })
        .collect();
    let chart = bar_chart(
        "day-chart",
        "Searches that found nothing, by the day asked for",
        &describe_bars(&bars),
        &bars,
    );
    out.push_str(
        "<h3 class=\"heading-m\" id=\"days\">Days asked for</h3>\
         <p class=\"body\">A search for the weekend counts under Saturday and Sunday. \
         “Any day”: no day was chosen or named.</p>",
    );
    out.push_str(&chart_and_table(
        &chart,
        &table_html(
            "day-table",
            "Searches by the day asked for",
            &report.day_table(),
            8,
        ),
    ));
    out.push_str(&download_link(&csv("day"), "searches by the day asked for"));

    // Day by day: the trend within the period.
    out.push_str("<h3 class=\"heading-m\" id=\"dates\">Day by day</h3>");
    out.push_str(&download_link(&csv("date"), "searches on each day"));
    out.push_str(
        "<details class=\"details\"><summary class=\"link\">Show searches on each day of the period</summary>",
    );
    out.push_str(&table_html(
        "date-table",
        "Searches on each day",
        &report.date_table(),
        MAX_PERIOD_DAYS as usize,
    ));
    out.push_str("</details>");
    out
}

/// Handles `GET /editor/insight/unmet-demand.csv?period=..&table=need-town|day|date`.
#[tracing::instrument(skip_all)]
pub async fn unmet_demand_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    if let Err(response) = council_editor(&state, &headers).await {
        return response;
    }
    let params = params(&query);
    let asked = Asked::read(&params);
    let Ok(period) = asked.period(uk_today()) else {
        return (
            StatusCode::BAD_REQUEST,
            "That period could not be used. Choose it again on the report page.",
        )
            .into_response();
    };
    let which = param(&params, "table").unwrap_or("need-town").to_string();
    if !matches!(which.as_str(), "need-town" | "day" | "date") {
        return not_a_table(&state);
    }
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
    let title = "What the directory offers";
    let mut main = heading(title);
    main.push_str(&format!(
        "<p class=\"body\">Counted from the directory as it is today ({}). \
         A service for two needs counts under each.</p>",
        long_date(uk_today())
    ));
    main.push_str(&insight_nav("/editor/insight/supply"));
    main.push_str(&supply_html(&supply));
    Html(layout::page(
        &state.leptos_options,
        title,
        Some(&session),
        &main,
    ))
    .into_response()
}

fn supply_html(supply: &Supply) -> String {
    let csv = |table: &str| format!("/editor/insight/supply.csv?table={table}");
    let mut out = format!(
        "<ul class=\"list list--bullet\"><li>{} in all</li>\
         <li><strong>{} at weekends</strong> (a session on Saturday or Sunday)</li>\
         <li><strong>{} in the evening</strong> (a session from 5pm)</li>\
         <li>{} with no fixed days (arranged with each person)</li></ul>",
        services(supply.services),
        services(supply.weekends),
        services(supply.evenings),
        services(supply.no_fixed_days),
    );

    let bars: Vec<Bar> = supply
        .by_need
        .iter()
        .map(|(need, n)| Bar {
            label: need.label().to_string(),
            value: *n as u64,
            figure: n.to_string(),
        })
        .collect();
    out.push_str("<h2 class=\"heading-m\" id=\"needs\">Services by need</h2>");
    out.push_str(&chart_and_table(
        &bar_chart(
            "need-chart",
            "Services by need",
            &describe_bars(&bars),
            &bars,
        ),
        &table_html("need-table", "Services by need", &supply.need_table(), 20),
    ));
    out.push_str(&download_link(&csv("need"), "services by need"));

    let bars: Vec<Bar> = supply
        .by_tier
        .iter()
        .map(|(tier, n)| Bar {
            label: tier.label().to_string(),
            value: *n as u64,
            figure: n.to_string(),
        })
        .collect();
    out.push_str("<h2 class=\"heading-m\" id=\"tiers\">Services by tier</h2>");
    out.push_str(&chart_and_table(
        &bar_chart(
            "tier-chart",
            "Services by tier",
            &describe_bars(&bars),
            &bars,
        ),
        &table_html("tier-table", "Services by tier", &supply.tier_table(), 10),
    ));
    out.push_str(&download_link(&csv("tier"), "services by tier"));

    let bars: Vec<Bar> = supply
        .by_weekday
        .iter()
        .map(|r| Bar {
            label: if r.day.is_weekend() {
                format!("{} (weekend)", r.day.label())
            } else {
                r.day.label().to_string()
            },
            value: r.services as u64,
            figure: format!("{}, {} evening", r.services, r.evening),
        })
        .collect();
    out.push_str(
        "<h2 class=\"heading-m\" id=\"days\">Services by day of the week</h2>\
         <p class=\"body\">Services with a session on each day; of those, how many have a session \
         from 5pm. Weekends are marked.</p>",
    );
    out.push_str(&chart_and_table(
        &bar_chart(
            "weekday-chart",
            "Services by day of the week, with how many run in the evening",
            &describe_bars(&bars),
            &bars,
        ),
        &table_html(
            "weekday-table",
            "Services by day of the week",
            &supply.weekday_table(),
            7,
        ),
    ));
    out.push_str(&download_link(
        &csv("weekday"),
        "services by day of the week",
    ));

    let spaces: Vec<Bar> = supply
        .by_need
        .iter()
        .map(|(need, _)| {
            let n: usize = supply
                .by_need_and_town
                .iter()
                .filter(|r| r.need == *need)
                .map(|r| r.spaces)
                .sum();
            Bar {
                label: need.label().to_string(),
                value: n as u64,
                figure: n.to_string(),
            }
        })
        .collect();
    out.push_str(
        "<h2 class=\"heading-m\" id=\"vacancies\">Services and vacancies by need and town</h2>\
         <p class=\"body\">Vacancies as providers last confirmed them. Services without a building \
         are under “Online” or “At home”.</p>",
    );
    out.push_str(&chart_and_table(
        &bar_chart(
            "spaces-chart",
            "Services with spaces available, by need",
            &describe_bars(&spaces),
            &spaces,
        ),
        &table_html(
            "vacancy-table",
            "Services and vacancies by need and town",
            &supply.need_and_town_table(),
            usize::MAX,
        ),
    ));
    out.push_str(&download_link(
        &csv("need-town"),
        "services and vacancies by need and town",
    ));
    out
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

    fn asked(pairs: &[(&str, &str)]) -> Asked {
        let params: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Asked::read(&params)
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_last_thirty_days_unless_asked_otherwise() {
        let today = day("2025-06-30");
        let period = asked(&[]).period(today).unwrap();
        assert_eq!((period.from, period.to), (day("2025-06-01"), today));
        assert_eq!(asked(&[("period", "7")]).period(today).unwrap().days(), 7);
    }

    #[test]
    fn dates_out_of_order_or_unreadable_are_explained_by_field() {
        let today = day("2025-06-30");
        let errors = asked(&[
            ("period", "dates"),
            ("from", "2025-06-10"),
            ("to", "2025-06-01"),
        ])
        .period(today)
        .unwrap_err();
        assert_eq!(errors[0].0, "from");
        let errors = asked(&[("period", "dates"), ("from", "soon"), ("to", "<b>")])
            .period(today)
            .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(
            asked(&[
                ("period", "dates"),
                ("from", "2025-06-01"),
                ("to", "2025-07-01")
            ])
            .period(today)
            .is_err()
        );
        assert!(asked(&[("period", "1000")]).period(today).is_err());
        let period = asked(&[
            ("period", "dates"),
            ("from", "2025-06-01"),
            ("to", "2025-06-10"),
        ])
        .period(today)
        .unwrap();
        assert_eq!(period.days(), 10);
        let period = asked(&[
            ("period", "dates"),
            ("from", "1/6/2025"),
            ("to", "09/06/2025"),
        ])
        .period(today)
        .unwrap();
        assert_eq!(
            (period.from, period.to),
            (day("2025-06-01"), day("2025-06-09"))
        );
        assert!(read_day("31/2/2025").is_none());
        assert!(read_day("1/6/25").is_none());
    }
}
