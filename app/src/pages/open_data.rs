//! Handles `/open-data`: the whole directory to download, and the Open Referral UK API
//! described for people (the machine-readable description is `/api/v3/openapi.json`).

use leptos::prelude::*;

use crate::components::table::ScrollTable;
use leptos_meta::Title;

use crate::enhance::FocusOnArrival;

/// The open data and API page.
#[component]
pub fn OpenDataPage() -> impl IntoView {
    // The example asks for a town of this area.
    let mut example = vec![("need", "dementia"), ("day", "SA")];
    let names = crate::profile::SiteNames::get();
    if let Some(town) = names.towns.first() {
        example.push(("town", town));
    }
    let example = format!("/api/v3/services?{}", crate::urls::encode(example));
    view! {
        <Title text="Open data and API – Dayfinder" />
        <h1 class="heading-l">"Open data and API"</h1>
        <p class="lead">
            "Everything in Dayfinder is open: download the whole directory, or read it from our API in the Open Referral UK standard that councils and the NHS use."
        </p>

        <h2 class="heading-m" id="download">"Download the directory"</h2>
        <ul class="list list--bullet">
            <li><a class="link" href="/download/directory.csv" download="">"The whole directory as a spreadsheet (CSV)"</a></li>
            <li><a class="link" href="/download/directory.json" download="">"The whole directory as Open Referral UK 3.0 JSON"</a></li>
        </ul>
        <p class="body">"The spreadsheet has one row for each service. Its columns are the same ones our import reads, so a council can edit it and load it back."</p>

        <h2 class="heading-m" id="api">"The API"</h2>
        <p class="body">
            "The API follows Open Referral UK 3.0. It needs no key, answers only GET requests with JSON, and can be read from any website."
        </p>
        // On a narrow screen the table scrolls inside its own region, never the page.
        <ScrollTable id="api-caption" caption="Addresses of the API" headings=&["Address", "What it gives"]>
                <tr><td><a class="link" href="/api/v3/"><code>"/api/v3/"</code></a></td><td>"Which version of the standard we follow"</td></tr>
                <tr><td><a class="link" href="/api/v3/openapi.json"><code>"/api/v3/openapi.json"</code></a></td><td>"The full description, for programs"</td></tr>
                <tr><td><a class="link" href="/api/v3/services"><code>"/api/v3/services"</code></a></td><td>"Services, a page at a time"</td></tr>
                <tr><td><code>"/api/v3/services/{id}"</code></td><td>"One service with everything about it"</td></tr>
                <tr><td><a class="link" href="/api/v3/service_at_locations"><code>"/api/v3/service_at_locations"</code></a></td><td>"Services at their buildings; add postcode and proximity (metres) to search near a place"</td></tr>
                <tr><td><a class="link" href="/api/v3/organizations"><code>"/api/v3/organizations"</code></a></td><td>"Providers"</td></tr>
                <tr><td><a class="link" href="/api/v3/taxonomies"><code>"/api/v3/taxonomies"</code></a></td><td>"Our lists of needs, kinds of activity, tiers, costs and access features"</td></tr>
                <tr><td><a class="link" href="/api/v3/taxonomy_terms"><code>"/api/v3/taxonomy_terms"</code></a></td><td>"Every term in those lists"</td></tr>
        </ScrollTable>
        <h3 class="heading-s">"Searching services"</h3>
        <p class="body">
            "Besides the standard’s search, page, per_page, taxonomy_term_id, taxonomy_id, organization_id, modified_after, minimal and full, "
            <code>"/api/v3/services"</code>
            " takes the UK profile’s day, start_time, end_time, minimum_age and maximum_age, and our own need, kind, tier, vacancy, cost, access and town. "
            "For example: "
            <a class="link" href=example.clone()><code>{example.clone()}</code></a>"."
        </p>
        <p class="body">
            "Our own facts (tier, vacancy and when it was confirmed, the easy-read summary) are taxonomy terms linked to each service, and an "
            <code>"x_dayfinder"</code>
            " object that the standard’s schemas allow. Bad parameters get a 400 answer with a message in JSON; unknown ids get a 404."
        </p>
        <FocusOnArrival />
    }
}
