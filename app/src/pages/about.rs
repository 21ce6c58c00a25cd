//! Handles `/about-the-data`: where the listings come from, how current they are, and the
//! attribution the postcode data's licence asks for.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::codec::PageOnceResource;
use crate::enhance::FocusOnArrival;

use crate::api::directory_overview;
use crate::components::layout::{POSTCODE_ATTRIBUTION, is_sample};

/// The about-the-data page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let overview = PageOnceResource::new_with_options(directory_overview(), false);
    let profile = crate::profile::SiteProfile::get();
    view! {
        <Title text="About the data – Dayfinder" />
        <h1 class="heading-l">"About the data"</h1>
        <p class="body">
            "Dayfinder lists day opportunities in " {profile.names.area} " for "
            <a class="link" href=profile.website>{profile.names.council}</a> "."
        </p>
        <Suspense fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let overview_res = overview.clone(); Suspend::new(async move {
                let overview = overview_res.await.unwrap_or_default();
                let sample = is_sample(&overview.source);
                view! {
                    <h2 class="heading-m">"Where the listings come from"</h2>
                    <p class="body source">{overview.source.clone()}</p>
                    {sample.then(|| view! {
                        <div class="inset-text sample-notice">
                            <p class="body">
                                "This is sample data, made to show how Dayfinder works. The services, providers and contact details are invented: "
                                "please do not contact them. The towns, postcodes and their locations are real."
                            </p>
                        </div>
                    })}
                    <p class="body">
                        {format!("The directory lists {} day opportunities from {} providers.", overview.services, overview.providers)}
                    </p>
                }
            }) }}
        </Suspense>
        <h2 class="heading-m">"Use the data"</h2>
        <p class="body">
            "The whole directory is open data: "
            <a class="link" href="/open-data">"download it, or read it from our Open Referral UK API"</a>"."
        </p>
        <h2 class="heading-m">"How up to date it is"</h2>
        <p class="body">
            "Each listing shows the date it was last checked, and the date its vacancies were last confirmed. "
            "Spaces change often: contact the service to check before you visit. "
            <a class="link" href="/data-quality">"See how up to date the listings are"</a>"."
        </p>
        <h2 class="heading-m" id="attribution">"Postcodes and places"</h2>
        <p class="body">
            "Distances are worked out from the postcode of each service and the town or postcode you search from, "
            "using the ONS Postcode Directory. Distances are in a straight line, not by road."
        </p>
        <p class="body attribution">{POSTCODE_ATTRIBUTION}</p>
        <p class="body">
            "The Open Government Licence is at "
            <a class="link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">"nationalarchives.gov.uk"</a>"."
        </p>
        <FocusOnArrival />
    }
}
