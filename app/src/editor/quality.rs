//! For council editors: "Stale listings" (not reviewed for six months, oldest first, with
//! who to ask) and "Data quality" (listings missing facts, and likely duplicates).
//! Read-only pages: no forms.

use dayfinder::accounts::EditorSession;
use dayfinder::quality::QualityReport;
use dayfinder::quality::duplicates::DuplicateGroup;
use dayfinder::quality::missing::{Gap, ListingGaps, count_by_gap};
use dayfinder::quality::stale::{STALE_AFTER_MONTHS, StaleListing};
use leptos::prelude::*;

use super::EditorFrame;
use crate::components::format::long_date;

/// "2 months", "1 month".
fn months(n: i32) -> String {
    if n == 1 {
        "1 month".into()
    } else {
        format!("{n} months")
    }
}

/// The listings not reviewed for six months or more, oldest first.
#[component]
pub fn StalePage(editor: EditorSession, rows: Vec<StaleListing>) -> impl IntoView {
    let listed = if rows.is_empty() {
        view! {
            <p class="body">
                {format!(
                    "No listings are stale: every listing was reviewed in the last {}.",
                    months(STALE_AFTER_MONTHS),
                )}
            </p>
        }
        .into_any()
    } else {
        view! { <StaleTable rows /> }.into_any()
    };
    view! {
        <EditorFrame title="Stale listings" editor>
            <h1 class="heading-xl">"Stale listings"</h1>
            <p class="body">
                {format!(
                    "Listings nobody has reviewed for {} or more, oldest first. Residents see “may be out of date” on them. Ask the provider to check the listing and tell you what has changed.",
                    months(STALE_AFTER_MONTHS),
                )}
            </p>
            {listed}
        </EditorFrame>
    }
}

#[component]
fn StaleTable(rows: Vec<StaleListing>) -> impl IntoView {
    let count = if rows.len() == 1 {
        "1 listing".to_string()
    } else {
        format!("{} listings", rows.len())
    };
    let body = rows
        .into_iter()
        .map(|r| {
            let provider_contact = vec![
                r.organisation_email.map(mail),
                r.organisation_phone.map(IntoAny::into_any),
            ];
            let service_contact = vec![
                r.contact.name.map(IntoAny::into_any),
                r.contact.phone.map(IntoAny::into_any),
                r.contact.email.map(mail),
            ];
            view! {
                <tr>
                    <td><a href=format!("/services/{}", r.service_id) class="link">{r.service_name}</a></td>
                    <td>{r.organisation_name}</td>
                    <td>
                        {long_date(r.last_reviewed)}<br />
                        <span class="body-s">{format!("{} ago", months(r.months))}</span>
                    </td>
                    <td><Lines parts=provider_contact /></td>
                    <td><Lines parts=service_contact /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="body">
            <strong>{count.clone()}</strong>" may be out of date. "
            <a href="/editor/stale.csv" class="link" download>
                {format!("Download the list as a spreadsheet (CSV, {count})")}
            </a>
        </p>
        <div class="table-scroll" role="region" aria-labelledby="stale-caption" tabindex="0">
            <table class="table">
                <caption class="heading-m" id="stale-caption">"Listings to review, oldest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Listing"</th>
                        <th scope="col">"Provider"</th>
                        <th scope="col">"Last reviewed"</th>
                        <th scope="col">"Provider’s contact"</th>
                        <th scope="col">"Listing’s contact"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

fn mail(email: String) -> AnyView {
    let href = format!("mailto:{email}");
    view! { <a href=href class="link">{email}</a> }.into_any()
}

/// Lines of contact details, or "None given" when there are none.
#[component]
fn Lines(parts: Vec<Option<AnyView>>) -> impl IntoView {
    let parts: Vec<AnyView> = parts.into_iter().flatten().collect();
    if parts.is_empty() {
        return view! { <span class="body-s">"None given"</span> }.into_any();
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| view! { {(i > 0).then(|| view! { <br /> })}{part} })
        .collect_view()
        .into_any()
}

/// Listings missing facts (only those missing `only`, when given) and likely duplicates.
#[component]
pub fn QualityPage(
    editor: EditorSession,
    report: QualityReport,
    only: Option<Gap>,
) -> impl IntoView {
    view! {
        <EditorFrame title="Data quality" editor>
            <h1 class="heading-xl">"Data quality"</h1>
            <p class="body">
                "Listings missing facts residents need, and listings that may be the same service entered twice. Stale listings have "
                <a href="/editor/stale" class="link">"their own page"</a>"."
            </p>
            <ul class="list list--bullet">
                <li><a href="#missing" class="link">"Listings with missing facts"</a></li>
                <li><a href="#duplicates" class="link">"Likely duplicates"</a></li>
            </ul>
            <h2 class="heading-l" id="missing">"Listings with missing facts"</h2>
            <Missing services=report.services gaps=report.gaps only />
            <h2 class="heading-l" id="duplicates">"Likely duplicates"</h2>
            <p class="body">
                "Listings with the same name at the same postcode (ignoring capitals, punctuation and “the”). Check whether they are one service, and remove or merge the extra one."
            </p>
            <Duplicates groups=report.duplicates />
        </EditorFrame>
    }
}

#[component]
fn Missing(services: usize, gaps: Vec<ListingGaps>, only: Option<Gap>) -> impl IntoView {
    let counts = count_by_gap(&gaps);
    if counts.is_empty() {
        return view! {
            <p class="body">
                {format!("None of the {services} listings is missing anything we check.")}
            </p>
        }
        .into_any();
    }
    let summary = format!("{} of {services}", gaps.len());
    let counted = counts
        .iter()
        .map(|(gap, n)| {
            view! {
                <tr>
                    <td>
                        <a href=format!("/editor/quality?missing={}#missing-listings", gap.slug())
                            class="link">{gap.label()}</a>
                    </td>
                    <td>{n.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let shown: Vec<ListingGaps> = gaps
        .into_iter()
        .filter(|l| only.is_none_or(|g| l.gaps.contains(&g)))
        .collect();
    let caption = match only {
        Some(gap) => view! {
            {format!("Listings with: {} ({}) ", gap.label(), shown.len())}
            <a href="/editor/quality#missing-listings" class="link body-s">"Show all"</a>
        }
        .into_any(),
        None => "Every listing missing something, most gaps first".into_any(),
    };
    let listed = shown
        .into_iter()
        .map(|l| {
            let gaps = l
                .gaps
                .iter()
                .map(|g| view! { <li>{g.label()}</li> })
                .collect_view();
            view! {
                <tr>
                    <td><a href=format!("/services/{}", l.service_id) class="link">{l.service_name}</a></td>
                    <td>{l.organisation_name}</td>
                    <td><ul class="list list--bullet">{gaps}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="body"><strong>{summary}</strong>" listings miss something."</p>
        <table class="table">
            <caption class="heading-m">"What is missing"</caption>
            <thead><tr><th scope="col">"Missing"</th><th scope="col">"Listings"</th></tr></thead>
            <tbody>{counted}</tbody>
        </table>
        <div class="table-scroll" role="region" aria-labelledby="missing-listings" tabindex="0">
            <table class="table">
                <caption class="heading-m" id="missing-listings">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Listing"</th>
                        <th scope="col">"Provider"</th>
                        <th scope="col">"Missing"</th>
                    </tr>
                </thead>
                <tbody>{listed}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Duplicates(groups: Vec<DuplicateGroup>) -> impl IntoView {
    if groups.is_empty() {
        return view! { <p class="body">"No likely duplicates."</p> }.into_any();
    }
    groups
        .into_iter()
        .enumerate()
        .map(|(i, group)| {
            let heading = format!(
                "{} at {}",
                group
                    .listings
                    .first()
                    .map(|l| l.service_name.as_str())
                    .unwrap_or_default(),
                group.postcode
            );
            let items = group
                .listings
                .into_iter()
                .map(|l| {
                    let id = l.service_id;
                    view! {
                        <li>
                            <a href=format!("/services/{id}") class="link">{l.service_name}</a>
                            {format!(" ({}, id {id})", l.organisation_name)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="editor-service" aria-labelledby=format!("duplicate-{i}")>
                    <h3 class="heading-m" id=format!("duplicate-{i}")>{heading}</h3>
                    <ul class="list list--bullet">{items}</ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}
