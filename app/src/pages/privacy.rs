//! Handles `/privacy`: the privacy notice. Dayfinder tracks no one; it counts searches
//! without keeping anything personal (see docs/insight.md), and says exactly how.

use leptos::prelude::*;

use crate::components::table::ScrollTable;
use leptos_meta::Title;

use dayfinder::retention::{
    CLAIM_DAYS_AFTER_DECISION, EMAIL_DAYS_AFTER_SENDING, REPORT_CLIENT_HASH_HOURS,
    REPORT_CONTACT_DAYS_AFTER_CLOSING,
};

use crate::enhance::FocusOnArrival;
use crate::profile::{ContactWays, SiteProfile};

/// "one hour", "2 hours".
fn hours(n: i64) -> String {
    if n == 1 {
        "one hour".to_string()
    } else {
        format!("{n} hours")
    }
}

/// The privacy notice.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let profile = SiteProfile::get();
    // The area's own postcode shows what "the first half" means.
    let postcode = profile.names.example_postcode.clone();
    let outward = postcode.split(' ').next().unwrap_or_default().to_string();
    let never = if postcode.contains(' ') {
        format!("never “{postcode}”")
    } else {
        "never the whole postcode".to_string()
    };
    view! {
        <Title text="Privacy notice – Dayfinder" />
        <h1 class="heading-l">"Privacy notice"</h1>
        <p class="lead">"Dayfinder does not track you, and you do not need to tell us who you are."</p>
        <h2 class="heading-m">"What we do not do"</h2>
        <ul class="list list--bullet">
            <li>"We do not use cookies to follow you or to count visitors."</li>
            <li>"We do not use analytics, advertising or tracking of any kind."</li>
            <li>"We do not load anything from other websites: every file comes from this website."</li>
            <li>"We do not ask for your name, address or contact details."</li>
        </ul>
        <h2 class="heading-m">"Cookies"</h2>
        <p class="body">"We only set a cookie when you ask for something that needs one. Each is kept on your device, and none is shared with anyone."</p>
        // On a narrow screen the table scrolls inside its own region, never the page.
        <ScrollTable id="cookies-caption" caption="The cookies Dayfinder may set" caption_class="visually-hidden"
            headings=&["Name", "What it is for", "How long it lasts"]>
                <tr><th scope="row">"list"</th><td>"The services you add to “My list”: their ids, and nothing about you."</td><td>"1 year"</td></tr>
                <tr><th scope="row">"view"</th><td>"Remembers that you chose the easy read view."</td><td>"1 year"</td></tr>
                <tr><th scope="row">"dayfinder_editor"</th><td>"Keeps a provider or council editor signed in. Only set when an editor signs in."</td><td>"Until they sign out, 10 hours at most"</td></tr>
                <tr><th scope="row">"dayfinder_sign_in"</th><td>"Protects the sign-in form for editors from forged requests."</td><td>"Until the browser closes"</td></tr>
        </ScrollTable>
        <h2 class="heading-m">"What your searches are used for"</h2>
        <p class="body">
            "What you search for, and the town or postcode you search near, are used to show you results. "
            "They are part of the web address of the results page, so you can bookmark or share a search."
        </p>
        <h3 class="heading-s" id="counting">"Counting searches to plan services"</h3>
        <p class="body">
            "To help " {profile.names.council.clone()} " plan day opportunities, we count searches made on our results pages, "
            "including easy read. A count says what kind of thing was looked for and whether we found anything. "
            "It never says who looked."
        </p>
        <p class="body">"For each search we add one to a count of searches made that day with the same:"</p>
        <ul class="list list--bullet">
            <li>"needs, kinds of service, days, times of day and ways of paying chosen"</li>
            <li>"town, or the first half of a postcode only (for example “" {outward} "”, " {never} ")"</li>
            <li>"words typed, only when they are words the directory itself uses, like “dementia” or “day centre”: any other word is counted as “other” and is not kept"</li>
            <li>"whether the search was made in easy read"</li>
            <li>"whether it found nothing, 1 to 3 services, or more"</li>
        </ul>
        <p class="body">"With these counts we never keep:"</p>
        <ul class="list list--bullet">
            <li>"your internet address, or any cookie or other way of telling you apart from anyone else"</li>
            <li>"your full postcode, or a place you typed that is not a town or postcode we know"</li>
            <li>"any other words you typed, such as a name"</li>
            <li>"the time of your search: only the day"</li>
        </ul>
        <p class="body">
            "Only council staff who plan services can see the counts, as totals. "
            "Searches made through our open data API are not counted."
        </p>
        <p class="body">
            "Like every website, our server sees your device’s internet address when it sends you a page. "
            "Server logs are used only to keep the website working and secure."
        </p>
        <h2 class="heading-m">"Reporting a problem with a listing"</h2>
        <p class="body">
            "If you report a problem with a listing, we keep what you write, and your email or phone number if you give it, so the council’s directory team can put the listing right and reply to you. "
            {format!("We delete your email or phone number {REPORT_CONTACT_DAYS_AFTER_CLOSING} days after the team closes your report. ")}
            {format!("To stop misuse, we also keep a scrambled form (a keyed hash) of your device’s internet address for {}, then delete it. We never keep the address itself.", hours(REPORT_CLIENT_HASH_HOURS))}
        </p>
        <h2 class="heading-m" id="enquiries">"Asking about a place"</h2>
        <p class="body">
            "If you ask about a place, we keep your name, how to contact you, your message and the provider’s answers, and share them with the provider you asked, so that they can answer you. "
            "Emails to providers do not contain your details: they sign in to read them. "
            {format!("We erase your details and the messages {} months after your enquiry’s last reply or change; what was asked (the place, the days, whether it was accepted), with nothing that identifies you, is kept to count demand for places. ", profile.enquiry_keep_months)}
            "Your details never appear in our logs, search counts, downloads or the open data. "
            {format!("To stop misuse, we keep a scrambled form of your device’s internet address for {}. ", hours(REPORT_CLIENT_HASH_HOURS))}
            "To have your enquiries erased sooner, contact us (below) with the email address or phone number you gave."
        </p>
        <h2 class="heading-m" id="managing-listings">"Managing a provider’s listings"</h2>
        <p class="body">
            "If you ask to manage a provider’s listings, we keep your name, work email address and what you do there, so that the council can check your request. "
            {format!("We delete them {CLAIM_DAYS_AFTER_DECISION} days after the council decides (or after you asked, if you never confirm your email address). ")}
            "If the council approves, you get an editor’s account with your name and email address, kept while you are an editor."
        </p>
        <h2 class="heading-m">"Emails we send"</h2>
        <p class="body">
            "When this website emails you, it keeps the email, with your email address, so that it can try again if sending fails. "
            {format!("We delete it {EMAIL_DAYS_AFTER_SENDING} days after sending it (or after we stop trying, if it cannot be delivered). ")}
            "Our records of what happened to the email name it by number only, never by your address."
        </p>
        <h2 class="heading-m" id="data-controller">"Who is responsible for your data"</h2>
        <p class="body">
            {profile.data_controller} " is the data controller for this website. To ask about your data, or to complain: "
            <ContactWays lines=profile.privacy_contact /> "."
        </p>
        <h2 class="heading-m">"Contacting a service"</h2>
        <p class="body">
            "If you contact a service listed here, you are dealing with that service directly. Its own privacy notice applies."
        </p>
        <FocusOnArrival />
    }
}
