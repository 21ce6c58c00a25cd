//! Handles `/` in easy read: what the site is, in a few short sentences with pictures, and
//! one big button to start the search in steps.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::pictures::Picture;
use crate::enhance::FocusOnArrival;

/// Short sentences, each with its picture (`{area}`: the area's name, from the council profile).
const ABOUT: &[(&str, &str)] = &[
    (
        "search",
        "This website helps you find things to do in the day.",
    ),
    (
        "kind-community-group",
        "There are clubs, groups and day centres.",
    ),
    (
        "kind-skills-learning",
        "There are courses to learn new skills.",
    ),
    ("kind-supported-employment", "There is help to find a job."),
    ("address", "They are all in {area}."),
    ("person", "They are for adults, and for family carers."),
];

/// The easy-read home page.
#[component]
pub fn EasyHomePage() -> impl IntoView {
    let area = crate::profile::SiteProfile::get().names.area;
    view! {
        <Title text="Find things to do in the day – easy read – Dayfinder" />
        <h1 class="heading-xl">"Find things to do in the day"</h1>
        <ul class="points">
            {ABOUT
                .iter()
                .map(|(picture, text)| view! {
                    <li class="point"><Picture name=*picture /><span class="point__words">{text.replace("{area}", &area)}</span></li>
                })
                .collect_view()}
        </ul>
        <p class="body">"We ask you 3 questions. Then we show you what you can do."</p>
        <a class="button button--start big-button" href="/guided-search">
            <Picture name="search" />
            <span>"Start"</span>
        </a>
        <h2 class="heading-m">"More to find"</h2>
        <ul class="points">
            <li class="point">
                <Picture name="days" />
                <span class="point__words"><a class="link" href="/events">"Open days: go and see a place before you choose."</a></span>
            </li>
            <li class="point">
                <Picture name="person" />
                <span class="point__words"><a class="link" href="/preparing-for-adulthood">"Are you 16 to 25? Find out what can happen next."</a></span>
            </li>
        </ul>
        <h2 class="heading-m">"Hard words"</h2>
        <p class="body point">
            <Picture name="words" />
            <span class="point__words">"Some words are hard. " <a class="link" href="/words">"Words we use"</a> " says what they mean."</span>
        </p>
        <FocusOnArrival />
    }
}
