//! Handles `/accessibility`: the accessibility statement.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::enhance::FocusOnArrival;
use crate::profile::{ContactWays, SiteProfile};

/// The accessibility statement.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let profile = SiteProfile::get();
    view! {
        <Title text="Accessibility statement – Dayfinder" />
        <h1 class="heading-l">"Accessibility statement for Dayfinder"</h1>
        <p class="body">
            "We want as many people as possible to be able to use this website. You should be able to:"
        </p>
        <ul class="list list--bullet">
            <li>"change colours, contrast levels and fonts using your browser or device settings"</li>
            <li>"zoom in up to 400% without the text spilling off the screen"</li>
            <li>"navigate the whole website using just a keyboard"</li>
            <li>"navigate most of the website using speech recognition software"</li>
            <li>"listen to the website using a screen reader (including JAWS, NVDA and VoiceOver)"</li>
            <li>"use every part of the website with JavaScript turned off"</li>
        </ul>
        <p class="body">"We have also made the text as simple as possible to understand."</p>
        <h2 class="heading-m">"How accessible this website is"</h2>
        <p class="body">
            "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page type is checked "
            "automatically with axe-core, with and without JavaScript, each time the website changes, and we test journeys using only a keyboard."
        </p>
        <p class="body">"We know of no parts of this website that are not accessible. If you find one, please tell us."</p>
        <h2 class="heading-m">"Feedback and contact information"</h2>
        <p class="body">
            "If you find a problem, or need information on this website in a different format like large print, easy read or audio, "
            "contact " {profile.names.council} ": " <ContactWays lines=profile.accessibility_contact />
            ". Say which page you were on."
        </p>
        <h2 class="heading-m">"Enforcement procedure"</h2>
        <p class="body">
            "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
            "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond "
            "to your complaint, contact the Equality Advisory and Support Service (EASS)."
        </p>
        <h2 class="heading-m">"Preparation of this statement"</h2>
        <p class="body">"This website was last tested for accessibility on " {profile.audit_date} ". This statement is reviewed whenever the website changes."</p>
        <FocusOnArrival />
    }
}
