//! The listing form: every field of a service an editor may change, filled with what was
//! typed (or what is stored), with a GOV.UK error summary on top when it has mistakes.
//! Reading it back into a service is the server's (`dayfinder_server::editor::listing_form`).

use dayfinder::easyread;
use dayfinder::model::{CostKind, JoinRoute, Kind, Need, Term, Tier, Weekday};
use leptos::prelude::*;

use super::FormValues;
use crate::components::form::{ErrorSummary, FieldError, FieldErrors, TextInput};
use crate::components::form_choices::{Choice, Choices};
use crate::components::form_select::Select;
use crate::components::form_textarea::Textarea;

/// The most session rows a form may carry (a week of several sessions a day).
pub const MAX_SESSION_ROWS: usize = 30;

/// How many session rows the form has (the highest row number plus one).
pub fn session_rows(values: &FormValues) -> usize {
    values
        .names()
        .filter_map(|k| k.strip_prefix("session-")?.split('-').next()?.parse().ok())
        .map(|n: usize| n + 1)
        .max()
        .unwrap_or(0)
        .min(MAX_SESSION_ROWS)
}

/// A box for each term of a vocabulary, ticked when the form has it.
pub fn term_choices<T: Term>(values: &FormValues, name: &str) -> Vec<Choice> {
    T::all()
        .iter()
        .map(|t| Choice::new(t.slug(), t.label(), values.has(name, t.slug())))
        .collect()
}

/// The whole form (without the page around it), posting to `action`. `locations` are
/// the places to choose from, as (id, name).
#[component]
pub fn ListingForm(
    values: FormValues,
    errors: FieldErrors,
    locations: Vec<(String, String)>,
    #[prop(into)] action: String,
    #[prop(into)] csrf: String,
    #[prop(into)] submit: String,
) -> impl IntoView {
    let v = |name: &str| values.get(name).to_string();
    let e = || errors.clone();
    let places: Vec<(String, String)> = std::iter::once((
        String::new(),
        "No fixed place (at home, online or out and about)".to_string(),
    ))
    .chain(locations)
    .collect();
    let transport = ["yes", "no"]
        .into_iter()
        .zip(["Yes", "No"])
        .map(|(value, label)| Choice::new(value, label, values.get("transport") == value))
        .collect();
    let all = "Select all that apply.";
    view! {
        <ErrorSummary errors=e() />
        <form method="post" action=action novalidate>
            <input type="hidden" name="csrf" value=csrf />
            <h2 class="heading-m">"About the service"</h2>
            <TextInput errors=e() name="name" label="Name of the service" value=v("name") />
            <Select errors=e() name="location" label="Where it happens" options=places
                selected=v("location") />
            <Textarea errors=e() name="summary" label="Summary" value=v("summary")
                hint="One or two sentences, shown in search results." rows=3 />
            <Textarea errors=e() name="description" label="Description" value=v("description")
                hint="Leave a blank line between paragraphs." rows=8 />
            <Textarea errors=e() name="activities" label="Activities (optional)"
                value=v("activities") hint="One on each line, like gardening or chair yoga."
                rows=4 />
            <div class="easy-read-edit">
                <Textarea errors=e() name="easy_read" label="Easy read summary"
                    value=v("easy_read")
                    hint="Short sentences in everyday words. Up to 15 words in each sentence."
                    rows=5 />
                <EasyReadAdvice text=v("easy_read") />
            </div>
            <Choices errors=e() name="tier" legend="Tier"
                choices={term_choices::<Tier>(&values, "tier")} radio=true />
            <Choices errors=e() name="kinds" legend="Kind of service" hint=all
                choices={term_choices::<Kind>(&values, "kinds")} />
            <Choices errors=e() name="needs" legend="Who it is for" hint=all
                choices={term_choices::<Need>(&values, "needs")} />
            <Sessions values=values.clone() errors=e() />
            <TextInput errors=e() name="schedule_notes" label="Timetable notes (optional)"
                value=v("schedule_notes")
                hint="For example: Arranged with you, or Closed on bank holidays." />
            <TextInput errors=e() name="duration_weeks"
                label="Length of course in weeks (optional)" value=v("duration_weeks")
                hint="Only for courses that end, like enablement. Up to 52."
                inputmode="numeric" width="input--short" />
            <h2 class="heading-m">"Who can go"</h2>
            <TextInput errors=e() name="min_age" label="Youngest age" value=v("min_age")
                inputmode="numeric" width="input--short" />
            <TextInput errors=e() name="max_age" label="Oldest age (optional)"
                value=v("max_age") hint="Leave empty if there is no upper age."
                inputmode="numeric" width="input--short" />
            <Textarea errors=e() name="eligibility_notes" label="Who can go: notes (optional)"
                value=v("eligibility_notes") rows=2 />
            <h2 class="heading-m">"Cost and joining"</h2>
            <Choices errors=e() name="cost_kinds" legend="Ways to pay" hint=all
                choices={term_choices::<CostKind>(&values, "cost_kinds")} />
            <TextInput errors=e() name="price" label="Price per session in pounds (optional)"
                value=v("price") hint="For people paying for themselves, like 12.50."
                inputmode="decimal" />
            <TextInput errors=e() name="cost_notes" label="Cost notes (optional)"
                value=v("cost_notes") hint="For example: Lunch £3.50 extra." />
            <Choices errors=e() name="join" legend="How people can join" hint=all
                choices={term_choices::<JoinRoute>(&values, "join")} />
            <Choices errors=e() name="transport"
                legend="Does the service offer transport to and from it?" choices=transport
                radio=true />
            <h2 class="heading-m">"Contact"</h2>
            <TextInput errors=e() name="contact_name" label="Contact name (optional)"
                value=v("contact_name") autocomplete="off" />
            <TextInput errors=e() name="contact_phone" label="Phone (optional)"
                value=v("contact_phone") kind="tel" autocomplete="off" />
            <TextInput errors=e() name="contact_email" label="Email (optional)"
                value=v("contact_email") kind="email" autocomplete="off" spellcheck=false />
            <TextInput errors=e() name="contact_website" label="Website (optional)"
                value=v("contact_website") kind="url" autocomplete="off" spellcheck=false />
            <button type="submit" class="button">{submit}</button>
        </form>
    }
}

/// What the easy read checker makes of the easy read summary as last saved or sent.
#[component]
fn EasyReadAdvice(text: String) -> impl IntoView {
    let report = easyread::check(&text);
    let verdict = if report.passes() {
        view! { <p class="body">"The easy read checker found nothing to change."</p> }.into_any()
    } else {
        let items = report
            .advice
            .into_iter()
            .map(|a| view! { <li>{a.message}</li> })
            .collect_view();
        view! {
            <p class="body">"The easy read checker suggests:"</p>
            <ul class="list list--bullet">{items}</ul>
        }
        .into_any()
    };
    view! {
        <aside class="advice" aria-labelledby="easy-read-advice-title">
            <h3 class="heading-s" id="easy-read-advice-title">"Easy read advice"</h3>
            {verdict}
            <p class="body-s">
                "The advice is for what was last saved or sent. See "
                <a class="link" href="/words">"the glossary"</a>
                " for everyday words."
            </p>
        </aside>
    }
}

/// "When it runs": a row for each session, and at least one.
#[component]
fn Sessions(values: FormValues, errors: FieldErrors) -> impl IntoView {
    let rows = (0..session_rows(&values).max(1))
        .map(|row| view! { <SessionRow row values=values.clone() errors=errors.clone() /> })
        .collect_view();
    view! {
        <h2 class="heading-m">"When it runs"</h2>
        <div class="hint" id="sessions-hint">
            "Times on the 24 hour clock, like 09:30 or 14:00. "
            "To add a session, fill in an empty row. To add more rows, save and come back."
        </div>
        {rows}
    }
}

/// One session: its day, start and end, and (once it has a day) a box to remove it. The
/// fields are `session-{row}-day`, `-start`, `-end` and `-remove`.
#[component]
fn SessionRow(row: usize, values: FormValues, errors: FieldErrors) -> impl IntoView {
    let n = row + 1;
    let id = |part: &str| format!("session-{row}-{part}");
    let day_id = id("day");
    let day = values.get(&day_id).to_string();
    let options = std::iter::once(("", "No session"))
        .chain(Weekday::all().iter().map(|d| (d.slug(), d.label())))
        .map(|(slug, label)| view! { <option value=slug selected=slug == day>{label}</option> })
        .collect_view();
    let time = |part: &str, label: &'static str| {
        let id = id(part);
        let described = match errors.about(&id) {
            Some(_) => format!("sessions-hint {id}-error"),
            None => "sessions-hint".to_string(),
        };
        view! {
            <div class=errors.group_class(&id)>
                <label class="label" for=id.clone()>{label}</label>
                <FieldError errors=errors.clone() field=id.clone() />
                <input class="input input--short" id=id.clone() name=id.clone() type="text"
                    inputmode="numeric" autocomplete="off" value=values.get(&id).to_string()
                    aria-describedby=described />
            </div>
        }
    };
    let remove = (!day.is_empty()).then(|| {
        let remove_id = id("remove");
        let checked = !values.get(&remove_id).is_empty();
        view! {
            <div class="checkboxes__item">
                <input class="checkboxes__input" id=remove_id.clone() name=remove_id.clone()
                    type="checkbox" value="yes" checked=checked />
                <label class="label checkboxes__label" for=remove_id>
                    {format!("Remove session {n}")}
                </label>
            </div>
        }
    });
    view! {
        <fieldset class="fieldset session-row">
            <legend class="fieldset__legend">{format!("Session {n}")}</legend>
            <div class="session-row__fields">
                <div class=errors.group_class(&day_id)>
                    <label class="label" for=day_id.clone()>"Day"</label>
                    <FieldError errors=errors.clone() field=day_id.clone() />
                    <select class="select" id=day_id.clone() name=day_id.clone()>{options}</select>
                </div>
                {time("start", "Starts")}
                {time("end", "Ends")}
            </div>
            {remove}
        </fieldset>
    }
}
