//! Handles `/services/{id}/report-a-problem`: anyone can tell the council a listing is
//! wrong, without signing in. The form posts to the server crate (`report_problem.rs`),
//! which answers a mistake by showing this page again with what was typed
//! ([`ProblemForm`]), and a report by sending people to the thank-you page.

use leptos::prelude::*;

use crate::urls;

use crate::components::form::FieldErrors;
use crate::components::form_textarea::Textarea;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::get_listing;
use crate::codec::PageResource;
use crate::components::error_view::ErrorView;
use crate::components::pictures::Picture;
use crate::enhance::FocusOnArrival;

/// What was typed into the form, and what is wrong with it, when it comes back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProblemForm {
    pub kind: String,
    pub details: String,
    pub contact: String,
    /// (field id, message), in the form's order.
    pub errors: Vec<(String, String)>,
}

/// The kinds of problem, as the form offers them: (value, label).
pub const KINDS: [(&str, &str); 4] = [
    ("closed", "It has closed or moved"),
    (
        "wrong-details",
        "A phone number, address, time or other detail is wrong",
    ),
    ("wrong-vacancy", "The vacancies are wrong"),
    ("other", "Something else"),
];

/// The kinds of problem in easy read, in the same order as [`KINDS`].
const EASY_KINDS: [&str; 4] = [
    "It has closed or moved.",
    "A phone number, address or time is wrong.",
    "It is wrong about spaces.",
    "Something else.",
];

/// What the form says, in the standard view or in easy read. The form itself (its fields,
/// errors and the POST it makes) is the same in both.
struct Wording {
    title: &'static str,
    heading: &'static str,
    intro: &'static [(&'static str, &'static str)],
    kinds_legend: &'static str,
    details_hint: &'static str,
    contact_label: &'static str,
    contact_hint: &'static str,
    send: &'static str,
    misuse: &'static str,
}

const STANDARD: Wording = Wording {
    title: "Report a problem with {name} – Dayfinder",
    heading: "Report a problem with this listing",
    intro: &[(
        "",
        "Tell us if something in this listing is wrong or out of date. The council’s directory team will check it with the provider. You do not need to sign in.",
    )],
    kinds_legend: "What is wrong?",
    details_hint: "For example, the new phone number, or the day it now runs. Do not include details about anyone’s health.",
    contact_label: "Your email or phone number (optional)",
    contact_hint: "Only if you would like us to reply. We use it only about this report.",
    send: "Send report",
    misuse: "To stop misuse, we keep a scrambled form of your device’s internet address for one hour, then delete it. ",
};

const EASY: Wording = Wording {
    title: "Tell us what is wrong with {name} – easy read – Dayfinder",
    heading: "Tell us what is wrong",
    intro: &[
        ("info", "Tell us if something about this place is wrong."),
        (
            "person",
            "The council team checks it with the people who run it.",
        ),
        ("person", "You do not need to sign in."),
    ],
    kinds_legend: "What is wrong?",
    details_hint: "For example, the new phone number. Do not tell us about anyone’s health.",
    contact_label: "Your email or phone number. You do not have to give it.",
    contact_hint: "Give it only if you want us to reply.",
    send: "Send",
    misuse: "We keep a mixed up code for your device for 1 hour. Then we delete it. ",
};

/// The report form for one listing.
#[component]
pub fn ReportProblemPage() -> impl IntoView {
    let params = use_params_map();
    let sheet = PageResource::new_with_options(
        move || (urls::path_id(params), None::<String>),
        |(id, near)| get_listing(id, near),
        false,
    );
    let typed = use_context::<ProblemForm>().unwrap_or_default();
    view! {
        <Transition fallback=|| view! { <p class="body">"Loading…"</p> }>
            {move || { let sheet = sheet.clone();
                let typed = typed.clone();
                Suspend::new(async move {
                    match sheet.clone().await {
                        Ok(sheet) => view! { <ReportForm id=sheet.id name=sheet.name typed /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn ReportForm(id: String, name: String, typed: ProblemForm) -> impl IntoView {
    let easy = crate::view_mode::ViewMode::get().is_easy();
    let words = if easy { &EASY } else { &STANDARD };
    let has_errors = !typed.errors.is_empty();
    let title = format!(
        "{}{}",
        if has_errors { "Error: " } else { "" },
        words.title.replace("{name}", &name)
    );
    let error_for = |field: &str| -> Option<String> {
        typed
            .errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
    };
    let group = |field: &str| {
        if error_for(field).is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let message = |field: &'static str| {
        error_for(field).map(|m| {
            view! {
                <p id=format!("{field}-error") class="error-message">
                    <span class="visually-hidden">"Error: "</span>{m}
                </p>
            }
        })
    };
    let described = |field: &str, hint: bool| {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{field}-hint"));
        }
        if error_for(field).is_some() {
            ids.push(format!("{field}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let summary = has_errors.then(|| {
        let items = typed
            .errors
            .iter()
            .map(|(field, m)| view! { <li><a href=format!("#{field}")>{m.clone()}</a></li> })
            .collect_view();
        view! {
            <div class="error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
                <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
                <ul class="list error-summary__list">{items}</ul>
            </div>
        }
    });
    let kinds = KINDS
        .iter()
        .enumerate()
        .map(|(i, (value, standard_label))| {
            let label = if easy { EASY_KINDS[i] } else { *standard_label };
            let input_id = if i == 0 { "kind".to_string() } else { format!("kind-{value}") };
            let checked = typed.kind == *value;
            view! {
                <div class="checkboxes__item">
                    <input class="checkboxes__input" id=input_id.clone() name="kind" type="radio" value=*value checked=checked />
                    <label class="label checkboxes__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    // The shared textarea escapes what was typed (see `form_textarea`).
    let field_errors: FieldErrors = typed
        .errors
        .iter()
        .map(|(f, m)| (f.clone(), m.clone()))
        .collect();
    let action = format!("/services/{id}/report-a-problem");
    let back = format!("/services/{id}");
    view! {
        <Title text=title />
        <a class="back-link" href=back.clone()>"Back to the listing"</a>
        {summary}
        <span class="caption-l">{name.clone()}</span>
        <h1 class="heading-l">{words.heading}</h1>
        {intro(words.intro)}
        <form method="post" action=action novalidate>
            <div class=group("kind")>
                <fieldset class="fieldset" aria-describedby=described("kind", false)>
                    <legend class="fieldset__legend">{words.kinds_legend}</legend>
                    {message("kind")}
                    {kinds}
                </fieldset>
            </div>
            <Textarea errors=field_errors.clone() name="details" label="Tell us more"
                hint=words.details_hint value=typed.details.clone() rows=5 />
            <div class=group("contact")>
                <label class="label" for="contact">{words.contact_label}</label>
                <div class="hint" id="contact-hint">{words.contact_hint}</div>
                {message("contact")}
                <input class="input" id="contact" name="contact" type="text" autocomplete="email" value=typed.contact.clone() aria-describedby=described("contact", true) />
            </div>
            // A field people never see or reach: software filling in every field gives itself away.
            <div class="visually-hidden" aria-hidden="true">
                <label for="website">"Leave this empty"</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
            </div>
            <button type="submit" class="button">{words.send}</button>
        </form>
        <p class="body-s">
            {words.misuse}
            <a class="link" href="/privacy">"Privacy notice"</a>
        </p>
        <FocusOnArrival />
    }
}

/// The words before the form: a paragraph, or in easy read a sentence beside each picture.
fn intro(lines: &'static [(&'static str, &'static str)]) -> AnyView {
    match lines {
        [("", text)] => view! { <p class="body">{*text}</p> }.into_any(),
        _ => view! {
            <ul class="points">
                {lines
                    .iter()
                    .map(|(picture, text)| view! {
                        <li class="point"><Picture name=*picture /><span class="point__words">{*text}</span></li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    }
}

/// Handles `/services/{id}/report-a-problem/sent`: the thank-you page.
#[component]
pub fn ProblemSentPage() -> impl IntoView {
    let params = use_params_map();
    let back = move || format!("/services/{}", urls::path_id(params));
    view! {
        <Title text="Thank you for your report – Dayfinder" />
        <div class="panel panel--confirmation">
            <h1 class="panel__title">"Thank you for your report"</h1>
        </div>
        <p class="body">"The council’s directory team will check the listing with the provider and put it right."</p>
        <p class="body">"If you left your email or phone number, they may contact you about it."</p>
        <p class="body"><a class="link" href=back>"Back to the listing"</a></p>
        <p class="body"><a class="link" href="/">"Search for something else"</a></p>
        <FocusOnArrival />
    }
}

/// The thank-you page in easy read.
#[component]
pub fn EasyProblemSentPage() -> impl IntoView {
    let params = use_params_map();
    let back = move || format!("/services/{}", urls::path_id(params));
    view! {
        <Title text="Thank you for telling us – easy read – Dayfinder" />
        <div class="panel panel--confirmation">
            <h1 class="panel__title">"Thank you for telling us"</h1>
        </div>
        {intro(&[
            ("person", "The council team checks it with the people who run it."),
            ("info", "Then they put it right."),
            ("phone", "If you gave your email or phone number, they may contact you."),
        ])}
        <p class="body"><a class="link" href=back>"Go back to the place"</a></p>
        <p class="body"><a class="link" href="/">"Find something else to do"</a></p>
        <FocusOnArrival />
    }
}
