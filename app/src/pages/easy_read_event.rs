//! Handles `/events/{id}` in easy read: what the event is, when, where and how to get
//! there, what it costs, whether to book and how, and who it is for, each fact a short
//! sentence beside a picture, with its calendar file. An unknown event is still a 404.

use leptos::prelude::*;

use crate::urls;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::codec::PageResource;
use crate::components::easy_read::Points;
use crate::components::error_view::ErrorView;
use crate::components::pictures::Picture;
use crate::enhance::FocusOnArrival;
use crate::error::AppError;
use crate::events::{EasyEventSheet, get_easy_event};
use crate::view_mode::{ViewMode, switch_href};

/// The easy-read event page.
#[component]
pub fn EasyEventPage() -> impl IntoView {
    let params = use_params_map();
    let sheet =
        PageResource::new_with_options(move || urls::path_id(params), get_easy_event, false);
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let sheet = sheet.clone(); Suspend::new(async move {
                match sheet.clone().await {
                    Ok(sheet) => view! { <EasyEventView sheet /> }.into_any(),
                    Err(AppError::NotFound) => view! { <EasyEventNotFound /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            }) }}
        </Transition>
    }
}

/// No such event, in easy words; still a 404.
#[component]
fn EasyEventNotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(404);
    view! {
        <Title text="We cannot find this event – easy read – Dayfinder" />
        <h1 class="heading-l">"We cannot find this event"</h1>
        <ul class="points">
            <li class="point">
                <Picture name="info" />
                <span class="point__words">"The event may be over. Or the web address may be wrong."</span>
            </li>
            <li class="point">
                <Picture name="days" />
                <span class="point__words"><a class="link" href="/events">"See all the open days and events."</a></span>
            </li>
        </ul>
        <FocusOnArrival />
    }
}

#[component]
fn EasyEventView(sheet: EasyEventSheet) -> impl IntoView {
    let EasyEventSheet {
        id,
        title,
        kind,
        finished,
        sections,
        ics_href,
    } = sheet;
    let page_title = format!("{title} – easy read – Dayfinder");
    let standard = switch_href(ViewMode::Standard, &format!("/events/{id}"), "");
    let finished = finished.then(|| {
        view! {
            <div class="inset-text">
                <ul class="points">
                    <li class="point">
                        <Picture name="info" />
                        <span class="point__words">"This event is over. " <a class="link" href="/events">"See the events coming up."</a></span>
                    </li>
                </ul>
            </div>
        }
    });
    let sections = sections
        .into_iter()
        .map(|section| {
            view! {
                <h2 class="heading-m">{section.heading}</h2>
                <Points points=section.points />
            }
        })
        .collect_view();
    view! {
        <Title text=page_title />
        <a class="back-link" href="/events">"All open days and events"</a>
        <span class="caption-l">{kind}</span>
        <h1 class="heading-l">{title}</h1>
        {finished}
        <div class="easy-events-page">{sections}</div>
        <h2 class="heading-m">"Add it to your calendar"</h2>
        <ul class="points">
            <li class="point">
                <Picture name="days" />
                <span class="point__words">
                    <a class="link" href=ics_href download="" rel="external">"Add it to your calendar"</a>
                </span>
            </li>
            <li class="point">
                <Picture name="phone" />
                <span class="point__words">"Your phone or computer can open the file."</span>
            </li>
        </ul>
        <p class="body">
            <a class="link" href=standard rel="external">"See all the details in the standard view"</a>
        </p>
        <FocusOnArrival />
    }
}
