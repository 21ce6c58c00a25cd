//! "Insight", for council editors: what residents search for and cannot find (unmet
//! demand), and what the directory offers (supply). Each chart has its table straight
//! after it and the table as a CSV download. The period is a GET form, so a report can be
//! bookmarked and works without JavaScript.

use dayfinder::accounts::EditorSession;
use dayfinder::insight::reports::{MAX_PERIOD_DAYS, change};
use dayfinder::insight::{EnquiryDemand, EnquiryOutcomes, FEW, Period, Supply, Table, UnmetDemand};
use dayfinder::model::Term;
use jiff::civil::Date;
use leptos::prelude::*;

use super::EditorFrame;
use crate::components::charts::{Bar, BarChart};
use crate::components::form::{ErrorSummary, FieldError, FieldErrors, TextInput};
use crate::components::format::long_date;

/// Most rows of a table shown on the page; the CSV download has them all.
const MAX_ROWS_SHOWN: usize = 50;
/// Bars in a chart of needs and towns.
const MAX_BARS: usize = 10;

const UNMET_TITLE: &str = "Searches that found nothing";
const SUPPLY_TITLE: &str = "What the directory offers";
const ENQUIRIES_TITLE: &str = "Enquiries and where they got to";

/// The period form as it was sent: `choice` is `7`, `30`, `90` or `dates` (then `from`
/// and `to` are the days as typed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodForm {
    pub choice: String,
    pub from: String,
    pub to: String,
}

impl PeriodForm {
    /// The query string of this period, for links to the downloads.
    pub fn query(&self) -> String {
        if self.choice == "dates" {
            crate::urls::encode([
                ("period", "dates"),
                ("from", self.from.as_str()),
                ("to", self.to.as_str()),
            ])
        } else {
            crate::urls::encode([("period", self.choice.as_str())])
        }
    }

    /// "Last 30 days: 1 June 2025 to 30 June 2025", or just the dates when chosen by date.
    pub fn describe(&self, period: &Period) -> String {
        let dates = format!("{} to {}", long_date(period.from), long_date(period.to));
        match self.choice.as_str() {
            "dates" => dates,
            days => format!("Last {days} days: {dates}"),
        }
    }
}

/// "Searches that found nothing": the report for the period asked for, or, when the form
/// could not make a period (`report` is `None`), the form again with what is wrong.
#[component]
pub fn UnmetDemandPage(
    editor: EditorSession,
    form: PeriodForm,
    errors: FieldErrors,
    report: Option<UnmetDemand>,
) -> impl IntoView {
    let intro = view! {
        <p class="body">
            "What residents searched for on Dayfinder and found nothing, or only a few services, for. "
            "Searches are counted by what they asked for (need, kind, town or postcode district, days, time of day, cost, easy read) "
            "and whether they found anything: never who made them. "
            <a class="link" href="/privacy">"What we count and what we never keep"</a>"."
        </p>
    };
    let report =
        report.map(|report| view! { <UnmetDemandReport form=form.clone() report /> }.into_any());
    view! {
        <PeriodReportFrame editor title=UNMET_TITLE path="/editor/insight" intro=intro.into_any()
            form errors report />
    }
}

/// A report over a period asked for at `path`: its heading, `intro`, the reports' links,
/// the period form and the report; or, with no report, the form and what is wrong.
#[component]
fn PeriodReportFrame(
    editor: EditorSession,
    title: &'static str,
    path: &'static str,
    intro: AnyView,
    form: PeriodForm,
    errors: FieldErrors,
    report: Option<AnyView>,
) -> impl IntoView {
    let Some(report) = report else {
        return view! {
            <EditorFrame title=format!("Error: {title}") editor>
                <ErrorSummary errors=errors.clone() />
                <Heading title />
                <PeriodChoice action=path form errors />
            </EditorFrame>
        }
        .into_any();
    };
    view! {
        <EditorFrame title editor>
            <Heading title />
            {intro}
            <InsightNav current=path />
            <PeriodChoice action=path form errors />
            {report}
        </EditorFrame>
    }
    .into_any()
}

/// "What the directory offers", counted from the directory as it is on `today`.
#[component]
pub fn SupplyPage(editor: EditorSession, supply: Supply, today: Date) -> impl IntoView {
    view! {
        <EditorFrame title=SUPPLY_TITLE editor>
            <Heading title=SUPPLY_TITLE />
            <p class="body">
                {format!(
                    "Counted from the directory as it is today ({}). A service for two needs counts under each.",
                    long_date(today),
                )}
            </p>
            <InsightNav current="/editor/insight/supply" />
            <SupplyReport supply />
        </EditorFrame>
    }
}

#[component]
fn Heading(title: &'static str) -> impl IntoView {
    view! {
        <span class="caption-l">"Insight"</span>
        <h1 class="heading-xl">{title}</h1>
    }
}

/// The insight pages' own links, under the heading.
#[component]
fn InsightNav(current: &'static str) -> impl IntoView {
    let links = [
        (
            "/editor/insight",
            "Searches that found nothing (unmet demand)",
        ),
        (
            "/editor/insight/supply",
            "What the directory offers (supply)",
        ),
        (
            "/editor/insight/enquiries",
            "Enquiries: demand that found a place and demand that did not",
        ),
    ]
    .into_iter()
    .map(|(href, text)| {
        view! {
            <li><a class="link" href=href aria-current=(href == current).then_some("page")>{text}</a></li>
        }
    })
    .collect_view();
    view! {
        <nav aria-label="Insight reports"><ul class="list list--bullet">{links}</ul></nav>
    }
}

/// The period: a radio for each choice, and the two days for "Between these dates".
#[component]
fn PeriodChoice(action: &'static str, form: PeriodForm, errors: FieldErrors) -> impl IntoView {
    let radios = [
        ("7", "Last 7 days"),
        ("30", "Last 30 days"),
        ("90", "Last 90 days"),
        ("dates", "Between these dates"),
    ]
    .into_iter()
    .map(|(value, label)| {
        let id = format!("period-{value}");
        view! {
            <div class="checkboxes__item">
                <input class="checkboxes__input" id=id.clone() name="period" type="radio"
                    value=value checked=form.choice == value />
                <label class="label checkboxes__label" for=id>{label}</label>
            </div>
        }
    })
    .collect_view();
    let day = |name: &'static str, label: &'static str, value: String| {
        view! {
            <TextInput errors=errors.clone() name label value hint="For example, 1/6/2025"
                autocomplete="off" spellcheck=false />
        }
    };
    view! {
        <form method="get" action=action novalidate>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Period"</legend>
                <FieldError errors=errors.clone() field="period-30" />
                {radios}
                {day("from", "First day", form.from.clone())}
                {day("to", "Last day", form.to.clone())}
            </fieldset>
            <button type="submit" class="button">"Show the report"</button>
        </form>
    }
}

/// A table in the site's style, in a scrolling region for narrow screens, showing at most
/// `limit` rows.
#[component]
fn DataTable(id: &'static str, caption: &'static str, table: Table, limit: usize) -> impl IntoView {
    let total = table.rows.len();
    let head = table
        .columns
        .into_iter()
        .map(|c| view! { <th scope="col">{c}</th> })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .take(limit)
        .map(|row| {
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i == 0 {
                        view! { <th scope="row">{cell}</th> }.into_any()
                    } else {
                        view! { <td>{cell}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let more = (total > limit).then(|| {
        view! {
            <p class="body-s">
                {format!("Showing the first {limit} of {total} rows. The CSV download has them all.")}
            </p>
        }
    });
    let empty = (total == 0).then(|| view! { <p class="body">"There are no figures to show."</p> });
    view! {
        <div class="table-scroll" role="region" aria-labelledby=format!("{id}-caption") tabindex="0">
            <table class="table">
                <caption class="heading-s" id=format!("{id}-caption")>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {more}
        {empty}
    }
}

/// A chart and its table, the table straight after the chart. (Side by side they would
/// squeeze wide tables; the classes are there for a wide-screen layout.)
#[component]
fn ChartAndTable(chart: AnyView, table: AnyView) -> impl IntoView {
    view! {
        <div class="insight-pair">
            <div class="insight-pair__chart">{chart}</div>
            <div class="insight-pair__table">{table}</div>
        </div>
    }
}

#[component]
fn DownloadLink(href: String, what: &'static str) -> impl IntoView {
    view! {
        <p class="body"><a class="link" href=href download>{format!("Download {what} (CSV)")}</a></p>
    }
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

#[component]
fn UnmetDemandReport(form: PeriodForm, report: UnmetDemand) -> impl IntoView {
    let query = form.query();
    let csv = move |table: &str| format!("/editor/insight/unmet-demand.csv?{query}&table={table}");
    let described = form.describe(&report.period);

    let need_town_bars: Vec<Bar> = report
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
    let need_town_chart = view! {
        <BarChart id="need-town-chart"
            title=format!("Needs and towns with the most searches that found nothing, {described}")
            description=format!("Searches that found nothing, most first. {}", describe_bars(&need_town_bars))
            bars=need_town_bars />
    };
    let need_town_table = view! {
        <DataTable id="need-town-table" caption="Searches by need and town"
            table=report.need_and_town_table() limit=MAX_ROWS_SHOWN />
    };

    let day_bars: Vec<Bar> = report
        .by_day
        .iter()
        .map(|r| Bar {
            label: r.day.map_or("Any day", |d| d.label()).to_string(),
            value: r.now.nothing,
            figure: r.now.nothing.to_string(),
        })
        .collect();
    let day_chart = view! {
        <BarChart id="day-chart" title="Searches that found nothing, by the day asked for"
            description=describe_bars(&day_bars) bars=day_bars />
    };
    let day_table = view! {
        <DataTable id="day-table" caption="Searches by the day asked for"
            table=report.day_table() limit=8 />
    };

    view! {
        <h2 class="heading-l">{described.clone()}</h2>
        <ul class="list list--bullet">
            <li>{format!("{} in all", searches(report.now.searches))}</li>
            <li>
                <strong>{format!("{} found nothing", searches(report.now.nothing))}</strong>
                {format!(
                    " ({} on the {} days before)",
                    change(report.now.nothing, report.before.nothing),
                    report.period.days(),
                )}
            </li>
            <li>{format!("{} found few ({FEW} or fewer services)", searches(report.now.few))}</li>
        </ul>

        <h3 class="heading-m" id="need-town">"Needs and towns: searches that found nothing or few"</h3>
        <p class="body">
            "A search for two needs, or near two places, counts under each. A postcode district counts under its town. "
            "“Any need”: no need was chosen or named."
        </p>
        <ChartAndTable chart=need_town_chart.into_any() table=need_town_table.into_any() />
        <DownloadLink href=csv("need-town") what="searches by need and town" />

        <h3 class="heading-m" id="days">"Days asked for"</h3>
        <p class="body">
            "A search for the weekend counts under Saturday and Sunday. "
            "“Any day”: no day was chosen or named."
        </p>
        <ChartAndTable chart=day_chart.into_any() table=day_table.into_any() />
        <DownloadLink href=csv("day") what="searches by the day asked for" />

        // Day by day: the trend within the period.
        <h3 class="heading-m" id="dates">"Day by day"</h3>
        <DownloadLink href=csv("date") what="searches on each day" />
        <details class="details">
            <summary class="link">"Show searches on each day of the period"</summary>
            <DataTable id="date-table" caption="Searches on each day"
                table=report.date_table() limit=MAX_PERIOD_DAYS as usize />
        </details>
    }
}

/// "Enquiries and where they got to": enquiries sent in the period asked for, by need,
/// town and outcome, or the form again with what is wrong (`report` is `None`).
#[component]
pub fn EnquiryDemandPage(
    editor: EditorSession,
    form: PeriodForm,
    errors: FieldErrors,
    report: Option<EnquiryDemand>,
) -> impl IntoView {
    let intro = view! {
        <p class="body">
            "Enquiries people sent through Dayfinder’s “Ask about a place”, counted by the service’s needs and town, "
            "what they asked for and who was asking, and whether the provider could offer it. "
            "Counted from what each enquiry was about: never who sent it. "
            <a class="link" href="/privacy">"What we keep and for how long"</a>"."
        </p>
    };
    let report =
        report.map(|report| view! { <EnquiryReport form=form.clone() report /> }.into_any());
    view! {
        <PeriodReportFrame editor title=ENQUIRIES_TITLE path="/editor/insight/enquiries"
            intro=intro.into_any() form errors report />
    }
}

fn enquiries(n: u64) -> String {
    if n == 1 {
        "1 enquiry".to_string()
    } else {
        format!("{n} enquiries")
    }
}

/// The outcomes as the chart's bars, in the tables' order.
fn outcome_bars(outcomes: &EnquiryOutcomes) -> Vec<Bar> {
    [
        ("Accepted", outcomes.accepted),
        ("Declined", outcomes.declined),
        ("Answered without a yes or no", outcomes.answered),
        ("Not answered", outcomes.unanswered),
    ]
    .into_iter()
    .map(|(label, n)| Bar {
        label: label.to_string(),
        value: n,
        figure: n.to_string(),
    })
    .collect()
}

#[component]
fn EnquiryReport(form: PeriodForm, report: EnquiryDemand) -> impl IntoView {
    let query = form.query();
    let csv = move |table: &str| format!("/editor/insight/enquiries.csv?{query}&table={table}");
    let described = form.describe(&report.period);
    let total = report.total;
    let bars = outcome_bars(&total);
    let outcome_chart = view! {
        <BarChart id="outcome-chart" title=format!("Where enquiries got to, {described}")
            description=describe_bars(&bars) bars />
    };
    let need_town_table = view! {
        <DataTable id="enquiry-need-town-table" caption="Enquiries by need and town"
            table=report.need_and_town_table() limit=MAX_ROWS_SHOWN />
    };
    let declined_bars: Vec<Bar> = report
        .by_need_and_town
        .iter()
        .filter(|r| r.outcomes.declined + r.outcomes.unanswered > 0)
        .take(MAX_BARS)
        .map(|r| {
            let n = r.outcomes.declined + r.outcomes.unanswered;
            Bar {
                label: format!("{} – {}", r.need.label(), r.town),
                value: n,
                figure: n.to_string(),
            }
        })
        .collect();
    let declined_chart = view! {
        <BarChart id="enquiry-unmet-chart"
            title="Needs and towns with enquiries declined or not answered"
            description=describe_bars(&declined_bars) bars=declined_bars />
    };
    view! {
        <h2 class="heading-l">{described.clone()}</h2>
        <ul class="list list--bullet">
            <li>{format!("{} sent", enquiries(total.sent))}</li>
            <li><strong>{format!("{} accepted", enquiries(total.accepted))}</strong>" (the provider could offer what was asked)"</li>
            <li><strong>{format!("{} declined", enquiries(total.declined))}</strong>" (the provider could not)"</li>
            <li>{format!("{} answered without a yes or no", enquiries(total.answered))}</li>
            <li>{format!(
                "{} not answered yet, {} of them past the response target",
                enquiries(total.unanswered),
                total.overdue,
            )}</li>
        </ul>
        <ChartAndTable chart=outcome_chart.into_any() table=view! {
            <DataTable id="enquiry-asker-table" caption="Enquiries by who was asking"
                table=report.asker_table() limit=10 />
        }.into_any() />
        <DownloadLink href=csv("asker") what="enquiries by who was asking" />

        <h3 class="heading-m" id="need-town">"Needs and towns"</h3>
        <p class="body">
            "An enquiry about a service for two needs counts under each. The town is the service’s; "
            "services online or at people’s homes are under “No fixed place”."
        </p>
        <ChartAndTable chart=declined_chart.into_any() table=need_town_table.into_any() />
        <DownloadLink href=csv("need-town") what="enquiries by need and town" />

        <h3 class="heading-m" id="wishes">"What people asked for"</h3>
        <p class="body">"An enquiry asking for two things (a visit and a place) counts under each."</p>
        <DataTable id="enquiry-wish-table" caption="Enquiries by what was asked for"
            table=report.wish_table() limit=10 />
        <DownloadLink href=csv("wish") what="enquiries by what was asked for" />
    }
}

/// One chart of the supply report: its bars and its table.
fn supply_pair(
    chart_id: &'static str,
    chart_title: &'static str,
    bars: Vec<Bar>,
    table_id: &'static str,
    caption: &'static str,
    table: Table,
    limit: usize,
) -> impl IntoView {
    let chart = view! {
        <BarChart id=chart_id title=chart_title description=describe_bars(&bars) bars />
    };
    let table = view! { <DataTable id=table_id caption table limit /> };
    view! { <ChartAndTable chart=chart.into_any() table=table.into_any() /> }
}

#[component]
fn SupplyReport(supply: Supply) -> impl IntoView {
    let csv = |table: &str| format!("/editor/insight/supply.csv?table={table}");
    let need_bars: Vec<Bar> = supply
        .by_need
        .iter()
        .map(|(need, n)| Bar {
            label: need.label().to_string(),
            value: *n as u64,
            figure: n.to_string(),
        })
        .collect();
    let tier_bars: Vec<Bar> = supply
        .by_tier
        .iter()
        .map(|(tier, n)| Bar {
            label: tier.label().to_string(),
            value: *n as u64,
            figure: n.to_string(),
        })
        .collect();
    let weekday_bars: Vec<Bar> = supply
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
    let space_bars: Vec<Bar> = supply
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
    view! {
        <ul class="list list--bullet">
            <li>{format!("{} in all", services(supply.services))}</li>
            <li>
                <strong>{format!("{} at weekends", services(supply.weekends))}</strong>
                " (a session on Saturday or Sunday)"
            </li>
            <li>
                <strong>{format!("{} in the evening", services(supply.evenings))}</strong>
                " (a session from 5pm)"
            </li>
            <li>{format!("{} with no fixed days (arranged with each person)", services(supply.no_fixed_days))}</li>
        </ul>

        <h2 class="heading-m" id="needs">"Services by need"</h2>
        {supply_pair("need-chart", "Services by need", need_bars,
            "need-table", "Services by need", supply.need_table(), 20)}
        <DownloadLink href=csv("need") what="services by need" />

        <h2 class="heading-m" id="tiers">"Services by tier"</h2>
        {supply_pair("tier-chart", "Services by tier", tier_bars,
            "tier-table", "Services by tier", supply.tier_table(), 10)}
        <DownloadLink href=csv("tier") what="services by tier" />

        <h2 class="heading-m" id="days">"Services by day of the week"</h2>
        <p class="body">
            "Services with a session on each day; of those, how many have a session from 5pm. Weekends are marked."
        </p>
        {supply_pair("weekday-chart", "Services by day of the week, with how many run in the evening",
            weekday_bars, "weekday-table", "Services by day of the week", supply.weekday_table(), 7)}
        <DownloadLink href=csv("weekday") what="services by day of the week" />

        <h2 class="heading-m" id="vacancies">"Services and vacancies by need and town"</h2>
        <p class="body">
            "Vacancies as providers last confirmed them. Services without a building are under “Online” or “At home”."
        </p>
        {supply_pair("spaces-chart", "Services with spaces available, by need", space_bars,
            "vacancy-table", "Services and vacancies by need and town",
            supply.need_and_town_table(), usize::MAX)}
        <DownloadLink href=csv("need-town") what="services and vacancies by need and town" />
    }
}
