//! Handles `/data-quality`: how up to date the listings are, for everyone. The share a
//! person confirmed in the last 6 and 12 months, by town and by kind, and how many no one
//! from their provider has ever confirmed on Dayfinder, as a chart with its table.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::directory_freshness;
use crate::codec::PageOnceResource;
use crate::components::charts::{Bar, BarChart};
use crate::components::table::ScrollTable;
use crate::enhance::FocusOnArrival;
use crate::view_models::{FreshnessLine, FreshnessSheet};

fn rows(lines: &[FreshnessLine]) -> impl IntoView + use<> {
    lines
        .iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">{l.group.clone()}</th>
                    <td>{l.listings}</td>
                    <td>{format!("{} ({})", l.within_6_months, l.share(l.within_6_months))}</td>
                    <td>{format!("{} ({})", l.within_12_months, l.share(l.within_12_months))}</td>
                    <td>{l.never_by_provider}</td>
                </tr>
            }
        })
        .collect_view()
}

const HEADINGS: &[&str] = &[
    "Group",
    "Listings",
    "Checked in the last 6 months",
    "Checked in the last 12 months",
    "Never checked by their provider on Dayfinder",
];

fn report(sheet: FreshnessSheet) -> impl IntoView {
    let all = sheet.all.clone();
    let bars: Vec<Bar> = sheet
        .by_town
        .iter()
        .take(12)
        .map(|l| {
            let share = (l.within_6_months * 100)
                .checked_div(l.listings)
                .unwrap_or(0);
            Bar {
                label: l.group.clone(),
                value: share as u64,
                figure: format!("{} of {}", l.share(l.within_6_months), l.listings),
            }
        })
        .collect();
    let description = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.figure))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <ul class="list list--bullet">
            <li><strong>{format!("{} of {} listings", all.share(all.within_6_months), all.listings)}</strong>
                " were checked by a person in the last 6 months"</li>
            <li>{format!("{} in the last 12 months", all.share(all.within_12_months))}</li>
            <li>{format!("{} listings have never been checked by their provider on Dayfinder", all.never_by_provider)}
                " (the council may have checked them)"</li>
        </ul>
        <h2 class="heading-m" id="towns">"By town"</h2>
        <BarChart id="fresh-town-chart" title="Listings checked in the last 6 months, by town"
            description=format!("{description}.") bars />
        <ScrollTable id="fresh-towns" caption="Listings checked, by town" headings=HEADINGS>
            {rows(&sheet.by_town)}
        </ScrollTable>
        <h2 class="heading-m" id="kinds">"By kind of opportunity"</h2>
        <p class="body">"A listing of two kinds counts under each."</p>
        <ScrollTable id="fresh-kinds" caption="Listings checked, by kind" headings=HEADINGS>
            {rows(&sheet.by_kind)}
        </ScrollTable>
    }
}

/// The data quality page.
#[component]
pub fn DataQualityPage() -> impl IntoView {
    let sheet = PageOnceResource::new_with_options(directory_freshness(), false);
    view! {
        <Title text="How up to date the listings are – Dayfinder" />
        <h1 class="heading-l">"How up to date the listings are"</h1>
        <p class="lead">
            "Providers are asked to check their listings every few months. Each listing shows when it was last checked."
        </p>
        <Suspense fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let sheet = sheet.clone(); Suspend::new(async move {
                match sheet.await {
                    Ok(sheet) => view! {
                        <p class="body">{format!("Counted today, {}.", sheet.today)}</p>
                        {report(sheet)}
                    }.into_any(),
                    Err(_) => view! { <p class="body">"The figures cannot be shown just now. Try again later."</p> }.into_any(),
                }
            }) }}
        </Suspense>
        <FocusOnArrival />
    }
}

/// The data quality page in easy read.
#[component]
pub fn EasyDataQualityPage() -> impl IntoView {
    let sheet = PageOnceResource::new_with_options(directory_freshness(), false);
    view! {
        <Title text="Are the facts up to date – easy read – Dayfinder" />
        <h1 class="heading-l">"Are the facts up to date?"</h1>
        <p class="body">"The people who run each place check the facts."</p>
        <p class="body">"We ask them to check every few months."</p>
        <Suspense fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let sheet = sheet.clone(); Suspend::new(async move {
                let sheet = sheet.await.unwrap_or_default();
                let all = sheet.all;
                view! {
                    <p class="body">{format!("We have {} places.", all.listings)}</p>
                    <p class="body">{format!("People checked {} of them in the last 6 months.", all.within_6_months)}</p>
                    <p class="body">"Each place shows the day someone last checked it."</p>
                }
            }) }}
        </Suspense>
        <FocusOnArrival />
    }
}
