//! Handles `/accessibility` in easy read: what you can do on this website, how we check it,
//! and who to tell when something is hard to use.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::easy_read::EasySections;
use crate::components::easy_read_data::{contact_says, say, written};
use crate::enhance::FocusOnArrival;
use crate::profile::SiteProfile;
use crate::view_mode::{ViewMode, switch_href};

/// The accessibility statement in easy read.
#[component]
pub fn EasyAccessibilityPage() -> impl IntoView {
    let profile = SiteProfile::get();
    let mut tell = vec![say(
        "person",
        format!(
            "Tell {} if something is hard to use.",
            profile.names.council
        ),
    )];
    tell.extend(contact_says(&profile.accessibility_contact));
    tell.push(say("info", "Say which page you were on."));
    tell.push(say(
        "easy-read",
        "You can ask for large print, easy read or audio.",
    ));
    let sections = written(vec![
        (
            "",
            vec![say(
                "person",
                "We want everyone to be able to use this website.",
            )],
        ),
        (
            "You can",
            vec![
                say("search", "Make the words bigger. The page still fits."),
                say("info", "Change the colours on your phone or computer."),
                say("read-aloud", "Listen to the page read out loud."),
                say("easy-read", "Read every page in easy read, with pictures."),
                say("info", "Use only a keyboard, without a mouse."),
                say("phone", "Use it on an old phone or a slow connection."),
            ],
        ),
        (
            "How we check it",
            vec![
                say(
                    "info",
                    "We check every page each time we change the website.",
                ),
                say("info", "We know of no problems. Tell us if you find one."),
                say(
                    "clock",
                    format!("We last tested this website on {}.", profile.audit_date),
                ),
            ],
        ),
        ("Tell us", tell),
        (
            "If you are not happy with our answer",
            vec![say(
                "person",
                "The Equality Advisory and Support Service can help you.",
            )],
        ),
    ]);
    let standard = switch_href(ViewMode::Standard, "/accessibility", "");
    view! {
        <Title text="Can everyone use this website – easy read – Dayfinder" />
        <h1 class="heading-l">"Can everyone use this website?"</h1>
        <EasySections sections />
        <p class="body">
            <a class="link" href=standard rel="external">"Read the full statement"</a>
        </p>
        <FocusOnArrival />
    }
}
