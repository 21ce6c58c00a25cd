//! "Ask about a place" (`/ask?service=ID`, or `/ask?list=yes` for the places in "My
//! list"), and a request's private status page (`/enquiries/{token}`). The form posts to
//! the server crate (`server/src/enquiries.rs`), which answers a mistake by showing this
//! page again with what was typed ([`EnquiryForm`] in context), and a sent request by
//! going to its status page. Standard and easy read share the form; only the words change.

use dayfinder::model::enquiry::{
    Asker, EnquiryForm, EnquiryStatus, MAX_NOTE, MAX_SERVICES, ReplyBy, Wish,
};
use dayfinder::model::{Term, Weekday};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::components::form::{ErrorSummary, FieldErrors, TextInput};
use crate::components::form_choices::{Choice, Choices};
use crate::components::form_textarea::Textarea;
use crate::enhance::FocusOnArrival;
use crate::enquiry_api::{
    AskPlaces, EnquiryStatusPage as StatusData, load_ask_places, load_enquiry_status,
};
use crate::profile::SiteProfile;
use crate::view_mode::ViewMode;

/// The form page.
#[component]
pub fn AskPage() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let typed = use_context::<EnquiryForm>().unwrap_or_default();
    let places = PageResource::new_with_options(
        move || location.search.get(),
        |query| load_ask_places(query.trim_start_matches('?').to_string()),
        false,
    );
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || {
                let places = places.clone();
                let typed = typed.clone();
                Suspend::new(async move {
                    match places.await {
                        Ok(places) => view! { <AskForm places typed /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn AskForm(places: AskPlaces, typed: EnquiryForm) -> impl IntoView {
    let easy = ViewMode::get().is_easy();
    let profile = SiteProfile::get();
    let errors: FieldErrors = typed.errors.iter().cloned().collect();
    let sent_back = !typed.errors.is_empty();
    // The boxes of the places: what was sent back, or every place the page names.
    let chosen = |id: &str| !sent_back || typed.services.iter().any(|s| s == id);
    let providers = {
        let mut names: Vec<String> = places
            .places
            .iter()
            .map(|p| p.organisation.clone())
            .collect();
        names.dedup();
        names.join(", ")
    };
    let heading = if places.from_list {
        "Ask about places on your list"
    } else {
        "Ask about a place"
    };
    let title = format!(
        "{}{heading}{} – Dayfinder",
        if sent_back { "Error: " } else { "" },
        if easy { " – easy read" } else { "" }
    );
    let choice = |value: &str, label: &str, checked: bool| Choice::new(value, label, checked);
    let place_field = if places.places.len() == 1 && !places.from_list {
        let place = places.places[0].clone();
        view! {
            <p class="body">"You are asking about:"</p>
            <p class="body"><strong>{place.name.clone()}</strong>{format!(" ({})", place.organisation)}</p>
            <input type="hidden" name="service" value=place.id />
        }
        .into_any()
    } else if places.places.is_empty() {
        view! {
            <p class="body">"Your list is empty. Add places to your list, then come back to ask about them."</p>
        }
        .into_any()
    } else {
        let choices = places
            .places
            .iter()
            .map(|p| {
                choice(
                    &p.id,
                    &format!("{} ({})", p.name, p.organisation),
                    chosen(&p.id),
                )
            })
            .collect();
        view! {
            <Choices errors=errors.clone() name="service"
                legend=if easy { "Which places do you want to ask?" } else { "Which places are you asking about?" }
                hint=format!("Choose up to {MAX_SERVICES}. Each provider gets your enquiry and answers it.")
                choices />
        }
        .into_any()
    };
    let asker_choices = Asker::all()
        .iter()
        .map(|a| {
            choice(
                a.slug(),
                if easy { a.easy_label() } else { a.label() },
                typed.asker == a.slug(),
            )
        })
        .collect();
    let reply_choices = ReplyBy::all()
        .iter()
        .map(|r| {
            choice(
                r.slug(),
                if easy { r.easy_label() } else { r.label() },
                typed.reply_by == r.slug(),
            )
        })
        .collect();
    let wish_choices = Wish::all()
        .iter()
        .map(|w| {
            choice(
                w.slug(),
                if easy { w.easy_label() } else { w.label() },
                typed.wishes.iter().any(|t| t == w.slug()),
            )
        })
        .collect();
    let day_choices = Weekday::all()
        .iter()
        .map(|d| {
            choice(
                d.slug(),
                d.label(),
                typed.days.iter().any(|t| t == d.slug()),
            )
        })
        .collect();
    let months = profile.enquiry_keep_months;
    let days = profile.enquiry_response_days;
    let consent_hint = if easy {
        format!(
            "We send your name, how to contact you and your message to {providers}. They use it only to answer you. We delete it {months} months after the last answer."
        )
    } else {
        format!(
            "We will share your name, your contact details and your message with {providers}, so they can answer you. They are asked to reply within {days} working days. Dayfinder keeps your details for {months} months after your enquiry’s last reply or change, then deletes them. We never put them in search counts, downloads or the open data."
        )
    };
    let intro = if easy {
        view! {
            <p class="body">"Ask the people who run a place if you can visit it or try it."</p>
            <p class="body">"They will answer you. You do not need to sign in."</p>
        }
        .into_any()
    } else {
        view! {
            <p class="body">
                {format!("Send your question to the provider. They are asked to reply within {days} working days. You do not need an account: we give you a private page to follow your enquiry.")}
            </p>
        }
        .into_any()
    };
    let has_places = !places.places.is_empty();
    view! {
        <Title text=title />
        <a class="back-link" href=if places.from_list { "/my-list".to_string() } else { places.places.first().map(|p| format!("/services/{}", p.id)).unwrap_or_else(|| "/".into()) }>
            {if places.from_list { "Back to your list" } else { "Back to the listing" }}
        </a>
        <ErrorSummary errors=errors.clone() />
        <h1 class="heading-l">{heading}</h1>
        {intro}
        {has_places.then(|| view! {
            <form method="post" action="/ask" novalidate>
                {places.from_list.then(|| view! { <input type="hidden" name="from" value="list" /> })}
                {place_field}
                <Choices errors=errors.clone() name="asker" radio=true
                    legend=if easy { "Who is it for?" } else { "Who are you asking for?" }
                    choices=asker_choices />
                <TextInput errors=errors.clone() name="name" label="Your name"
                    value=typed.name.clone() autocomplete="name" spellcheck=false />
                <Choices errors=errors.clone() name="reply-by" radio=true
                    legend=if easy { "How should they answer you?" } else { "How would you like a reply?" }
                    hint=if easy { "Then write your email or phone number below." } else { "Then give your email address or phone number below." }
                    choices=reply_choices />
                <TextInput errors=errors.clone() name="email" label=if easy { "Your email" } else { "Email address" }
                    hint=if easy { "If you want an email." } else { "We also email you when the provider answers." }
                    value=typed.email.clone() kind="email" autocomplete="email" spellcheck=false />
                <TextInput errors=errors.clone() name="phone" label=if easy { "Your phone number" } else { "Phone number" }
                    hint=if easy { "If you want a phone call." } else { "For a phone reply. For international numbers include the country code." }
                    value=typed.phone.clone() kind="tel" autocomplete="tel" width="input--width-20" />
                <Choices errors=errors.clone() name="wishes"
                    legend=if easy { "What do you want?" } else { "What would you like?" }
                    hint=if easy { "Tick all you want." } else { "Select all that apply." }
                    choices=wish_choices />
                <Choices errors=errors.clone() name="days"
                    legend=if easy { "Which days are good for you?" } else { "Which days suit you? (optional)" }
                    choices=day_choices />
                <Textarea errors=errors.clone() name="note"
                    label=if easy { "Anything else to tell them? You do not have to." } else { "Anything else they should know? (optional)" }
                    hint=format!("For example, what help you need to take part. Do not include medical details. Up to {MAX_NOTE} characters.")
                    value=typed.note.clone() rows=5 />
                <Choices errors=errors.clone() name="consent"
                    legend="Sharing your details"
                    hint=consent_hint
                    choices=vec![choice("yes", if easy { "Yes, send my details" } else { "I agree to share these details with the provider" }, typed.consent)] />
                // A field people never see or reach: software filling in every field gives itself away.
                <div class="visually-hidden" aria-hidden="true">
                    <label for="website">"Leave this empty"</label>
                    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
                </div>
                <button type="submit" class="button">{if easy { "Send" } else { "Send enquiry" }}</button>
            </form>
        })}
        <p class="body-s">
            {if easy { "We keep a mixed up code for your device for 1 hour. Then we delete it. " } else { "To stop misuse, we keep a scrambled form of your device’s internet address for one hour, then delete it. " }}
            <a class="link" href="/privacy">"Privacy notice"</a>
        </p>
        <FocusOnArrival />
    }
}

/// A request's status page: where each of its enquiries has got to.
#[component]
pub fn EnquiryStatusPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let sent = move || query.with(|q| q.get("sent").is_some_and(|v| v == "yes"));
    let data = PageResource::new_with_options(
        move || crate::urls::path_id(params),
        load_enquiry_status,
        false,
    );
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || {
                let data = data.clone();
                let sent = sent();
                Suspend::new(async move {
                    match data.await {
                        Ok(page) => view! { <Status page sent /> }.into_any(),
                        Err(_) => view! { <NoSuchEnquiry /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn NoSuchEnquiry() -> impl IntoView {
    let months = SiteProfile::get().enquiry_keep_months;
    if ViewMode::get().is_easy() {
        return view! {
            <Title text="We cannot find your question – easy read – Dayfinder" />
            <h1 class="heading-l">"We cannot find your question"</h1>
            <p class="body">"Check you have the whole link from your email."</p>
            <p class="body">{format!("We delete questions after {months} months. Then the link stops working.")}</p>
            <p class="body"><a class="link" href="/">"Find something to do"</a></p>
        }
        .into_any();
    }
    view! {
        <Title text="Enquiry not found – Dayfinder" />
        <h1 class="heading-l">"We cannot find that enquiry"</h1>
        <p class="body">"Check the link is the whole address from your email or the page you saved."</p>
        <p class="body">{format!("We delete enquiries {months} months after their last reply or change, so an old link no longer works.")}</p>
        <p class="body"><a class="link" href="/">"Search for day opportunities"</a></p>
    }
    .into_any()
}

#[component]
fn Status(page: StatusData, sent: bool) -> impl IntoView {
    let easy = ViewMode::get().is_easy();
    let months = SiteProfile::get().enquiry_keep_months;
    let confirmation = sent.then(|| {
        view! {
            <div class="panel panel--confirmation">
                <h1 class="panel__title">{if easy { "We sent your question" } else { "Your enquiry has been sent" }}</h1>
            </div>
            <p class="body">
                {if easy {
                    "Save this page. It shows when they answer. Only people with this link can see it."
                } else {
                    "Bookmark this page or copy its address: it shows where your enquiry has got to. Anyone with the link can see it, so do not share it. If you gave an email address, we have emailed you the link."
                }}
            </p>
        }
    });
    let heading = (!sent).then(|| view! { <h1 class="heading-l">{if easy { "Your question" } else { "Your enquiry" }}</h1> });
    let items = page
        .enquiries
        .into_iter()
        .map(|line| {
            let steps = line
                .steps
                .into_iter()
                .map(|(date, status, message)| {
                    let lines = message
                        .split('\n')
                        .enumerate()
                        .map(|(i, l)| view! { {(i > 0).then(|| view! { <br /> })}{l.to_string()} })
                        .collect_view();
                    view! {
                        <li>
                            <p class="body-s">{format!("{date}: {}", status.label())}</p>
                            {(!message.is_empty()).then(|| view! { <p class="body">{lines}</p> })}
                        </li>
                    }
                })
                .collect_view();
            let waiting = (line.status == EnquiryStatus::New).then(|| {
                view! { <p class="body">{format!("They are asked to reply by {}.", line.due_on)}</p> }
            });
            view! {
                <div class="enquiry-card">
                    <h2 class="heading-m">
                        <a class="link" href=format!("/services/{}", line.service_id)>{line.service_name.clone()}</a>
                    </h2>
                    <p class="body">{format!("{}. Sent on {}.", line.organisation, line.sent_on)}</p>
                    <p class="body"><strong class=line.status.tag_class()>{line.status.label()}</strong>" "{line.status.for_the_asker()}</p>
                    {waiting}
                    <ul class="list">{steps}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=if easy { "Your question – easy read – Dayfinder" } else { "Your enquiry – Dayfinder" } />
        {confirmation}
        {heading}
        {(!page.name.is_empty()).then(|| view! { <p class="body">{format!("From {}.", page.name)}</p> })}
        {items}
        <p class="body-s">
            {format!("We delete your details {months} months after the last reply or change. ")}
            <a class="link" href="/privacy">"Privacy notice"</a>
        </p>
        <p class="body"><a class="link" href="/">"Search for something else"</a></p>
        <FocusOnArrival />
    }
}
