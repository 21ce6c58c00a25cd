//! Handles `/about-the-data` in easy read: where the facts come from, how new they are, and
//! how distances are measured. The postcode data's licence line stays word for word.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::directory_overview;
use crate::codec::PageOnceResource;
use crate::components::easy_read::EasySections;
use crate::components::easy_read_data::{say, say_link, written};
use crate::components::layout::{POSTCODE_ATTRIBUTION, is_sample};
use crate::enhance::FocusOnArrival;
use crate::profile::SiteProfile;
use crate::view_mode::{ViewMode, switch_href};

/// The about-the-data page in easy read.
#[component]
pub fn EasyAboutPage() -> impl IntoView {
    let overview = PageOnceResource::new_with_options(directory_overview(), false);
    let names = SiteProfile::get().names;
    let standard = switch_href(ViewMode::Standard, "/about-the-data", "");
    view! {
           <Title text="Where our facts come from – easy read – Dayfinder" />
           <h1 class="heading-l">"Where our facts come from"</h1>
           <Suspense fallback=|| view! { <p class="body">"Loading…"</p> }>
               {move || {
    let overview_res = overview.clone();
                   let names = names.clone();
                   Suspend::new(async move {
                       let overview = overview_res.await.unwrap_or_default();
                       let mut first = vec![
                           say(
                               "search",
                               format!(
                                   "This website lists {} things to do in {}.",
                                   overview.services, names.area
                               ),
                           ),
                           say(
                               "person",
                               format!("{} groups and services run them.", overview.providers),
                           ),
                       ];
                       if is_sample(&overview.source) {
                           first.extend([
                               say("info", "These places are made up to show how the website works."),
                               say("phone", "Please do not contact them."),
                               say("address", "The towns and postcodes are real."),
                           ]);
                       } else {
                           first.push(say("info", format!("{} keeps this list.", names.council)));
                       }
                       let sections = written(vec![
                           ("", first),
                           (
                               "Check before you go",
                               vec![
                                   say("clock", "Each place shows the day we last checked it."),
                                   say("spaces", "Spaces change often."),
                                   say("phone", "Phone the place to check before you go."),
                               ],
                           ),
                           (
                               "How far away",
                               vec![
                                   say("address", "We work out how far away each place is."),
                                   say("address", "We measure in a straight line, not by road."),
                               ],
                           ),
                           (
                               "Use the facts",
                               vec![say_link("info", "Anyone can use our facts for free.", "/open-data")],
                           ),
                       ]);
                       view! { <EasySections sections /> }
                   })
               }}
           </Suspense>
           <h2 class="heading-m" id="attribution">"Postcodes"</h2>
           // The licence asks for these words as they are.
           <p class="body attribution">{POSTCODE_ATTRIBUTION}</p>
           <p class="body">
               <a class="link" href=standard rel="external">"Read more in the standard view"</a>
           </p>
           <FocusOnArrival />
       }
}
