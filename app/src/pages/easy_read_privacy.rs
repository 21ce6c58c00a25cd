//! Handles `/privacy` in easy read: what we keep about you and for how long, a short
//! sentence each beside its picture. It says the same as the privacy notice, in fewer words.

use leptos::prelude::*;
use leptos_meta::Title;

use dayfinder::retention::{
    CLAIM_DAYS_AFTER_DECISION, EMAIL_DAYS_AFTER_SENDING, REPORT_CLIENT_HASH_HOURS,
    REPORT_CONTACT_DAYS_AFTER_CLOSING,
};

use crate::components::easy_read::EasySections;
use crate::components::easy_read_data::{contact_says, say, written};
use crate::enhance::FocusOnArrival;
use crate::profile::SiteProfile;
use crate::view_mode::{ViewMode, switch_href};

/// The privacy notice in easy read.
#[component]
pub fn EasyPrivacyPage() -> impl IntoView {
    let profile = SiteProfile::get();
    let hours = if REPORT_CLIENT_HASH_HOURS == 1 {
        "1 hour".to_string()
    } else {
        format!("{REPORT_CLIENT_HASH_HOURS} hours")
    };
    let mut who = vec![say(
        "person",
        format!("{} looks after your information.", profile.data_controller),
    )];
    who.push(say("info", "You can ask what we keep about you."));
    who.extend(contact_says(&profile.privacy_contact));
    let sections = written(vec![
        (
            "",
            vec![
                say("person", "You do not need to tell us who you are."),
                say("search", "We do not follow what you do on this website."),
            ],
        ),
        (
            "What we do not do",
            vec![
                say("info", "We do not show adverts."),
                say("info", "We do not ask for your name or address."),
                say("info", "We do not share anything about you."),
            ],
        ),
        (
            "Cookies",
            vec![
                say(
                    "info",
                    "A cookie is a small file on your phone or computer.",
                ),
                say(
                    "easy-read",
                    "One cookie remembers that you chose easy read. It lasts 1 year.",
                ),
                say(
                    "spaces",
                    "One cookie remembers the places on your list. It lasts 1 year.",
                ),
                say(
                    "person",
                    "People who run services get a cookie when they sign in.",
                ),
            ],
        ),
        (
            "Your searches",
            vec![
                say("search", "We use what you search for to show you places."),
                say("days", "We count searches to help the council plan."),
                say("person", "We never count who searched."),
                say("address", "We only keep the first half of a postcode."),
                say("clock", "We keep the day you searched, not the time."),
            ],
        ),
        (
            "If you tell us something is wrong",
            vec![
                say("phone", "You can give us your email or phone number."),
                say("person", "Then we can reply to you."),
                say(
                    "clock",
                    format!(
                        "We delete them {REPORT_CONTACT_DAYS_AFTER_CLOSING} days after we put it right."
                    ),
                ),
                say(
                    "info",
                    format!("We keep a mixed up code for your device for {hours}."),
                ),
                say(
                    "info",
                    "Then we delete it. It stops people who misuse the form.",
                ),
            ],
        ),
        (
            "If you ask about a place",
            vec![
                say(
                    "person",
                    "We send your name and your message to the people who run the place.",
                ),
                say("phone", "We send them your email or phone number too."),
                say(
                    "clock",
                    format!(
                        "We delete them {} months after the last answer.",
                        profile.enquiry_keep_months
                    ),
                ),
                say("info", "You can ask us to delete them sooner."),
            ],
        ),
        (
            "If you run a place and ask to manage it here",
            vec![
                say("person", "We keep your name, your work email and your job."),
                say("info", "The council uses them to check you work there."),
                say(
                    "clock",
                    format!(
                        "We delete them {CLAIM_DAYS_AFTER_DECISION} days after the council decides."
                    ),
                ),
            ],
        ),
        (
            "If we email you",
            vec![
                say("info", "We keep the email until it is sent."),
                say(
                    "clock",
                    format!("We delete it {EMAIL_DAYS_AFTER_SENDING} days after we send it."),
                ),
            ],
        ),
        ("Who to ask", who),
        (
            "Phoning a service",
            vec![say(
                "phone",
                "If you phone a service, they look after what you tell them.",
            )],
        ),
    ]);
    let standard = switch_href(ViewMode::Standard, "/privacy", "");
    view! {
        <Title text="What we keep about you – easy read – Dayfinder" />
        <h1 class="heading-l">"What we keep about you"</h1>
        <EasySections sections />
        <p class="body">
            <a class="link" href=standard rel="external">"Read the full privacy notice"</a>
        </p>
        <FocusOnArrival />
    }
}
