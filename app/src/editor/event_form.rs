//! The event form: an open day, drop-in or taster session of a listing, every field, kept
//! as typed when it comes back with mistakes. Also the field kinds the shared form pieces
//! do not have yet: a text area, checkboxes or radios, and a GOV.UK date.

use dayfinder::model::{EventKind, Need, Term};
use leptos::prelude::*;

pub use crate::components::form_choices::{Choice, Choices};
pub use crate::components::form_textarea::Textarea;

use crate::components::form::{ErrorSummary, FieldErrors, TextInput};

/// A GOV.UK date's three fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateFields {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// The event form's fields, as typed (or as stored, for a fresh form). Each is named in
/// the form as here (`place_name`), the dates as `date-day`, `book_by-month` and so on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFields {
    pub title: String,
    /// An [`EventKind`] slug.
    pub kind: String,
    pub description: String,
    pub date: DateFields,
    pub start: String,
    pub end: String,
    /// `listing` or `elsewhere`.
    pub place: String,
    pub place_name: String,
    pub place_address: String,
    pub place_town: String,
    pub place_postcode: String,
    /// [`Need`] slugs.
    pub needs: Vec<String>,
    pub min_age: String,
    pub max_age: String,
    pub audience_notes: String,
    pub price: String,
    pub cost_notes: String,
    /// `yes` or `no`.
    pub booking_required: String,
    pub booking_phone: String,
    pub booking_email: String,
    pub booking_link: String,
    pub book_by: DateFields,
    pub booking_notes: String,
}

/// The whole form (without the page around it). `listing_place` names the listing's
/// place, when it has one; `action` is where it posts.
#[component]
pub fn EventForm(
    fields: EventFields,
    errors: FieldErrors,
    listing_place: Option<String>,
    #[prop(into)] action: String,
    #[prop(into)] csrf: String,
    submit: &'static str,
) -> impl IntoView {
    let f = fields;
    let mut places = Vec::new();
    if let Some(place) = listing_place {
        places.push(("listing", format!("At the listing’s place: {place}")));
    }
    places.push(("elsewhere", "Somewhere else".to_string()));
    let kinds: Vec<(&'static str, String)> = EventKind::all()
        .iter()
        .map(|k| (k.slug(), k.label().to_string()))
        .collect();
    let needs: Vec<(&'static str, String)> = Need::all()
        .iter()
        .map(|n| (n.slug(), n.label().to_string()))
        .collect();
    let booking = vec![
        ("yes", "Yes".to_string()),
        ("no", "No, they can just come".to_string()),
    ];
    let e = || errors.clone();
    view! {
        <ErrorSummary errors=e() />
        <form method="post" action=action novalidate>
            <input type="hidden" name="csrf" value=csrf />
            <TextInput errors=e() name="title" label="Title" value=f.title
                hint="For example: Open day, or Come and try canoeing." />
            <Choices errors=e() name="kind" legend="Kind of event" radio=true choices=ticked(kinds, &[f.kind]) />
            <Textarea errors=e() name="description" label="What happens" rows=5 value=f.description
                hint="What people will see and do, and what to bring." />
            <h2 class="heading-m">"When"</h2>
            <DateInput errors=e() name="date" legend="Date" hint="For example, 27 3 2027" value=f.date />
            <TextInput errors=e() name="start" label="Starts" value=f.start
                hint="24 hour clock, like 10:00." inputmode="numeric" width="input--short" />
            <TextInput errors=e() name="end" label="Ends" value=f.end
                hint="24 hour clock, like 12:30." inputmode="numeric" width="input--short" />
            <h2 class="heading-m">"Where"</h2>
            <Choices errors=e() name="place" legend="Where is it?" radio=true choices=ticked(places, &[f.place]) />
            <TextInput errors=e() name="place_name" label="Name of the place (if somewhere else)"
                value=f.place_name />
            <TextInput errors=e() name="place_address" label="Address (if somewhere else)"
                value=f.place_address />
            <TextInput errors=e() name="place_town" label="Town (if somewhere else)"
                value=f.place_town />
            <TextInput errors=e() name="place_postcode" label="Postcode (if somewhere else)"
                value=f.place_postcode autocomplete="off" />
            <h2 class="heading-m">"Who it is for"</h2>
            <Choices errors=e() name="needs" legend="Who is it for?" radio=false choices=ticked(needs, &f.needs) hint="Leave all empty if everyone is welcome." />
            <TextInput errors=e() name="min_age" label="Youngest age (optional)" value=f.min_age
                inputmode="numeric" width="input--short" />
            <TextInput errors=e() name="max_age" label="Oldest age (optional)" value=f.max_age
                inputmode="numeric" width="input--short" />
            <TextInput errors=e() name="audience_notes" label="Notes on who it is for (optional)"
                value=f.audience_notes hint="For example: Families and carers welcome." />
            <h2 class="heading-m">"Cost and booking"</h2>
            <TextInput errors=e() name="price" label="Price per person in pounds (optional)"
                value=f.price hint="Leave empty if it is free." inputmode="decimal" />
            <TextInput errors=e() name="cost_notes" label="Cost notes (optional)" value=f.cost_notes
                hint="For example: Carers go free." />
            <Choices errors=e() name="booking_required" legend="Do people need to book?" radio=true
                choices=ticked(booking, &[f.booking_required]) />
            <TextInput errors=e() name="booking_phone" label="Phone to book (optional)"
                value=f.booking_phone kind="tel" autocomplete="off" />
            <TextInput errors=e() name="booking_email" label="Email to book (optional)"
                value=f.booking_email kind="email" autocomplete="off" spellcheck=false />
            <TextInput errors=e() name="booking_link" label="Website to book (optional)"
                value=f.booking_link kind="url" autocomplete="off" spellcheck=false />
            <DateInput errors=e() name="book_by" legend="Book by (optional)" value=f.book_by
                hint="For example, 20 3 2027. Leave empty if there is no closing date." />
            <TextInput errors=e() name="booking_notes" label="Booking notes (optional)"
                value=f.booking_notes />
            <button type="submit" class="button">{submit}</button>
        </form>
    }
}

/// The choices as the shared [`Choices`] takes them, those in `checked` ticked.
fn ticked(choices: Vec<(&'static str, String)>, checked: &[String]) -> Vec<Choice> {
    choices
        .into_iter()
        .map(|(value, label)| Choice::new(value, label, checked.iter().any(|c| c == value)))
        .collect()
}

/// A GOV.UK date: day, month and year (`{name}-day` and so on), with a hint. Its message
/// is the one about `{name}-day`, where the error summary links.
#[component]
pub fn DateInput(
    errors: FieldErrors,
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    #[prop(into)] hint: String,
    value: DateFields,
) -> impl IntoView {
    let message = errors.about(&format!("{name}-day")).map(str::to_string);
    let group = if message.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    let described = match message {
        Some(_) => format!("{name}-hint {name}-error"),
        None => format!("{name}-hint"),
    };
    let error = message.map(|message| {
        view! {
            <p id=format!("{name}-error") class="error-message">
                <span class="visually-hidden">"Error:"</span>" "{message}
            </p>
        }
    });
    let part = |part: &str, label: &'static str, width: &str, value: String| {
        let id = format!("{name}-{part}");
        view! {
            <div class="date-input__item">
                <label class="label" for=id.clone()>{label}</label>
                <input class=format!("input {width}") id=id.clone() name=id type="text"
                    inputmode="numeric" value=value />
            </div>
        }
    };
    view! {
        <div class=group>
            <fieldset class="fieldset" role="group" aria-describedby=described>
                <legend class="fieldset__legend">{legend}</legend>
                <div class="hint" id=format!("{name}-hint")>{hint}</div>
                {error}
                <div class="date-input">
                    {part("day", "Day", "input--width-2", value.day)}
                    {part("month", "Month", "input--width-2", value.month)}
                    {part("year", "Year", "input--width-4", value.year)}
                </div>
            </fieldset>
        </div>
    }
}
