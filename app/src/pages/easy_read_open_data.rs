//! Handles `/open-data` in easy read: anyone may use the directory, and where to get it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::easy_read::EasySections;
use crate::components::easy_read_data::{say, say_link, written};
use crate::enhance::FocusOnArrival;
use crate::view_mode::{ViewMode, switch_href};

/// The open data page in easy read.
#[component]
pub fn EasyOpenDataPage() -> impl IntoView {
    let sections = written(vec![
        (
            "",
            vec![
                say("info", "Anyone can use the facts on this website."),
                say("free", "It is free."),
                say("search", "Other websites and apps can show the places too."),
            ],
        ),
        (
            "Get the facts",
            vec![
                say_link(
                    "days",
                    "Download the list as a spreadsheet.",
                    "/download/directory.csv",
                ),
                say_link(
                    "info",
                    "Download the list for computer programs.",
                    "/download/directory.json",
                ),
            ],
        ),
    ]);
    let standard = switch_href(ViewMode::Standard, "/open-data", "");
    view! {
        <Title text="Use our facts – easy read – Dayfinder" />
        <h1 class="heading-l">"Use our facts"</h1>
        <EasySections sections />
        <h2 class="heading-m">"For people who write programs"</h2>
        <p class="body">
            <a class="link" href=standard rel="external">"Read how to use our API in the standard view"</a>
        </p>
        <FocusOnArrival />
    }
}
