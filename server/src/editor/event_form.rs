//! The event form: an open day, drop-in or taster session of a listing, every field, kept
//! as typed when it comes back with mistakes (like the listing form, whose pieces it uses).

use dayfinder::model::{Audience, Booking, ClockTime, Event, EventKind, EventPlace, Need, Term};
use jiff::civil::Date;

use super::layout::{error_summary, escape};
use super::listing_form::{
    FieldErrors, Form, Values, looks_like_email, looks_like_phone, looks_like_website, pence,
};

/// The form filled in from an event (or blank, for a new one).
pub fn values_of(event: Option<&Event>, listing_location: Option<&str>) -> Values {
    let mut v = Values::default();
    let Some(e) = event else {
        v.push(
            "place",
            if listing_location.is_some() {
                "listing"
            } else {
                "elsewhere"
            },
        );
        v.push("booking_required", "no");
        return v;
    };
    v.push("title", &e.title);
    v.push("kind", e.kind.slug());
    v.push("description", &e.description);
    let date = e.start.date();
    v.push("date-day", date.day().to_string());
    v.push("date-month", date.month().to_string());
    v.push("date-year", date.year().to_string());
    v.push("start", e.start.time().strftime("%H:%M").to_string());
    v.push("end", e.end.time().strftime("%H:%M").to_string());
    let at_listing =
        listing_location.is_some() && e.place.location_id.as_deref() == listing_location;
    v.push("place", if at_listing { "listing" } else { "elsewhere" });
    if !at_listing {
        v.push("place_name", &e.place.name);
        v.push("place_address", &e.place.address);
        v.push("place_town", &e.place.town);
        v.push("place_postcode", &e.place.postcode);
    }
    for n in &e.audience.needs {
        v.push("needs", n.slug());
    }
    v.push(
        "min_age",
        e.audience
            .minimum_age
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    v.push(
        "max_age",
        e.audience
            .maximum_age
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    v.push("audience_notes", &e.audience.notes);
    v.push(
        "price",
        if e.price_pence == 0 {
            String::new()
        } else {
            format!("{}.{:02}", e.price_pence / 100, e.price_pence % 100)
        },
    );
    v.push("cost_notes", &e.cost_notes);
    let b = &e.booking;
    v.push("booking_required", if b.required { "yes" } else { "no" });
    v.push("booking_phone", b.phone.clone().unwrap_or_default());
    v.push("booking_email", b.email.clone().unwrap_or_default());
    v.push("booking_link", b.link.clone().unwrap_or_default());
    if let Some(by) = b.by {
        v.push("book_by-day", by.day().to_string());
        v.push("book_by-month", by.month().to_string());
        v.push("book_by-year", by.year().to_string());
    }
    v.push("booking_notes", &b.notes);
    v
}

/// A GOV.UK date from its three fields; None (with the field's message) when not a date.
fn date(values: &Values, field: &str) -> Result<Option<Date>, String> {
    let part = |p: &str| values.get(&format!("{field}-{p}")).trim().to_string();
    let (d, m, y) = (part("day"), part("month"), part("year"));
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Ok(None);
    }
    let number = |s: &str| s.parse::<i16>().ok();
    match (number(&d), number(&m), number(&y)) {
        (Some(d), Some(m), Some(y))
            if (2000..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) =>
        {
            Date::new(y, m as i8, d as i8)
                .map(Some)
                .map_err(|_| "must be a real date".to_string())
        }
        _ => Err("must be a real date, like 27 3 2027".to_string()),
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The event as the form says, or every mistake. `base` gives what the form does not
/// hold (its id); `listing_location` is where "at the listing's place" is.
pub fn parse(
    values: &Values,
    base: Option<&Event>,
    listing_location: Option<&str>,
    today: Date,
) -> Result<Event, FieldErrors> {
    let mut errors: FieldErrors = Vec::new();
    let mut text = |field: &'static str, label: &str, max: usize, required: bool| -> String {
        let value = values.get(field).trim().to_string();
        if required && value.is_empty() {
            errors.push((field, format!("Enter {label}")));
        } else if value.chars().count() > max {
            errors.push((
                field,
                format!("The {label} must be {max} characters or fewer"),
            ));
        }
        value
    };
    let title = text("title", "the event’s title", 120, true);
    let description = text("description", "what happens at the event", 3_000, true);
    let place_name = text("place_name", "name of the place", 120, false);
    let place_address = text("place_address", "address", 200, false);
    let place_town = text("place_town", "town", 60, false);
    let place_postcode = text("place_postcode", "postcode", 10, false);
    let audience_notes = text("audience_notes", "notes on who it is for", 300, false);
    let cost_notes = text("cost_notes", "cost notes", 300, false);
    let booking_phone = text("booking_phone", "phone number", 40, false);
    let booking_email = text("booking_email", "email address", 200, false);
    let booking_link = text("booking_link", "booking website", 300, false);
    let booking_notes = text("booking_notes", "booking notes", 300, false);

    let kind = EventKind::from_slug(values.get("kind"));
    if kind.is_none() {
        errors.push(("kind", "Select what kind of event it is".into()));
    }
    let day = match date(values, "date") {
        Ok(Some(d)) if base.is_none() && d < today => {
            errors.push((
                "date-day",
                "The date of a new event must be today or in the future".into(),
            ));
            None
        }
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            errors.push(("date-day", "Enter the date of the event".into()));
            None
        }
        Err(problem) => {
            errors.push(("date-day", format!("The date of the event {problem}")));
            None
        }
    };
    let start = values.get("start").parse::<ClockTime>();
    let end = values.get("end").parse::<ClockTime>();
    let times = match (start, end) {
        (Ok(s), Ok(e)) if e > s => Some((s, e)),
        (Ok(_), Ok(_)) => {
            errors.push(("end", "The event must end after it starts".into()));
            None
        }
        (Err(_), _) => {
            errors.push((
                "start",
                "Enter the start time as 24 hour HH:MM, like 10:00".into(),
            ));
            None
        }
        (_, Err(_)) => {
            errors.push((
                "end",
                "Enter the end time as 24 hour HH:MM, like 12:30".into(),
            ));
            None
        }
    };
    let place = match (values.get("place"), listing_location) {
        ("listing", Some(location)) => EventPlace {
            location_id: Some(location.to_string()),
            ..EventPlace::default()
        },
        ("elsewhere", _) => {
            if place_name.is_empty() && place_address.is_empty() {
                errors.push((
                    "place_name",
                    "Enter the name or address of the place".into(),
                ));
            }
            if place_town.is_empty() {
                errors.push(("place_town", "Enter the town the event is in".into()));
            }
            EventPlace {
                location_id: None,
                name: place_name,
                address: place_address,
                town: place_town,
                postcode: place_postcode.to_uppercase(),
            }
        }
        _ => {
            errors.push(("place", "Select where the event is".into()));
            EventPlace::default()
        }
    };
    let age = |field: &'static str, errors: &mut FieldErrors| -> Option<u8> {
        let text = values.get(field).trim();
        if text.is_empty() {
            return None;
        }
        match text.parse::<u8>() {
            Ok(a) if a <= 120 => Some(a),
            _ => {
                errors.push((
                    field,
                    "Enter an age as a whole number, like 16, or leave it empty".into(),
                ));
                None
            }
        }
    };
    let minimum_age = age("min_age", &mut errors);
    let maximum_age = age("max_age", &mut errors);
    if let (Some(min), Some(max)) = (minimum_age, maximum_age)
        && max < min
    {
        errors.push((
            "max_age",
            "The oldest age must be the same as or more than the youngest age".into(),
        ));
    }
    let price_text = values.get("price").trim();
    let price_pence = if price_text.is_empty() {
        0
    } else {
        match pence(price_text) {
            Some(p) if p <= 100_000 => p,
            _ => {
                errors.push(("price", "Enter the price in pounds and pence, like 5.00, or leave it empty if it is free".into()));
                0
            }
        }
    };
    let required = match values.get("booking_required") {
        "yes" => true,
        "no" => false,
        _ => {
            errors.push((
                "booking_required",
                "Select whether people need to book".into(),
            ));
            false
        }
    };
    if !booking_phone.is_empty() && !looks_like_phone(&booking_phone) {
        errors.push((
            "booking_phone",
            "Enter a telephone number, like 01270 371234".into(),
        ));
    }
    if !booking_email.is_empty() && !looks_like_email(&booking_email) {
        errors.push((
            "booking_email",
            "Enter an email address in the correct format, like name@example.com".into(),
        ));
    }
    if !booking_link.is_empty() && !looks_like_website(&booking_link) {
        errors.push((
            "booking_link",
            "Enter the booking website’s full address, starting with https://".into(),
        ));
    }
    let by = match date(values, "book_by") {
        Ok(by) => by,
        Err(problem) => {
            errors.push(("book_by-day", format!("The date to book by {problem}")));
            None
        }
    };
    if let (Some(by), Some(day)) = (by, day)
        && by > day
    {
        errors.push((
            "book_by-day",
            "The date to book by must be on or before the event".into(),
        ));
    }
    let needs: Vec<Need> = Need::all()
        .iter()
        .copied()
        .filter(|n| values.has("needs", n.slug()))
        .collect();
    match (errors.is_empty(), kind, day, times) {
        (true, Some(kind), Some(day), Some((start, end))) => {
            let at = |t: ClockTime| day.at(t.hour() as i8, t.minute() as i8, 0, 0);
            Ok(Event {
                id: base.map(|b| b.id.clone()).unwrap_or_default(),
                title,
                kind,
                description,
                start: at(start),
                end: at(end),
                service_id: base.and_then(|b| b.service_id.clone()),
                organisation_id: base.and_then(|b| b.organisation_id.clone()),
                place,
                audience: Audience {
                    needs,
                    minimum_age,
                    maximum_age,
                    notes: audience_notes,
                },
                price_pence,
                cost_notes,
                booking: Booking {
                    required,
                    phone: optional(&booking_phone),
                    email: optional(&booking_email),
                    link: optional(&booking_link),
                    by,
                    notes: booking_notes,
                },
            })
        }
        _ => Err(errors),
    }
}

fn date_input(f: &Form, field: &'static str, legend: &str, hint: &str) -> String {
    let part = |p: &str, label: &str, width: &str| {
        let id = format!("{field}-{p}");
        format!(
            "<div class=\"date-input__item\"><label class=\"label\" for=\"{id}\">{label}</label>\
             <input class=\"input {width}\" id=\"{id}\" name=\"{id}\" type=\"text\" inputmode=\"numeric\" value=\"{}\"></div>",
            escape(f.values.get(&id))
        )
    };
    let error_field = format!("{field}-day");
    let error = f.errors.iter().find(|(k, _)| *k == error_field).map(|(_, m)| {
        format!(
            "<p id=\"{field}-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> {}</p>",
            escape(m)
        )
    });
    format!(
        "<div class=\"{group}\"><fieldset class=\"fieldset\" role=\"group\" aria-describedby=\"{field}-hint{err}\">\
         <legend class=\"fieldset__legend\">{legend}</legend><div class=\"hint\" id=\"{field}-hint\">{hint}</div>{error}\
         <div class=\"date-input\">{d}{m}{y}</div></fieldset></div>",
        group = if error.is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        },
        err = if error.is_some() {
            format!(" {field}-error")
        } else {
            String::new()
        },
        error = error.unwrap_or_default(),
        legend = escape(legend),
        hint = escape(hint),
        d = part("day", "Day", "input--width-2"),
        m = part("month", "Month", "input--width-2"),
        y = part("year", "Year", "input--width-4"),
    )
}

fn radios(f: &Form, field: &str, legend: &str, choices: &[(&str, &str)]) -> String {
    let items: String = choices
        .iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let id = if i == 0 { field.to_string() } else { format!("{field}-{value}") };
            format!(
                "<div class=\"checkboxes__item\"><input class=\"checkboxes__input\" id=\"{id}\" name=\"{field}\" type=\"radio\" value=\"{value}\"{}>\
                 <label class=\"label checkboxes__label\" for=\"{id}\">{}</label></div>",
                if f.values.get(field) == *value { " checked" } else { "" },
                escape(label)
            )
        })
        .collect();
    f.fieldset(field, legend, None, &items)
}

/// The whole form. `listing_place` names the listing's place, when it has one.
pub fn render(
    values: &Values,
    errors: &[(&'static str, String)],
    listing_place: Option<&str>,
    action: &str,
    csrf: &str,
    submit: &str,
) -> String {
    let f = Form { values, errors };
    let mut places = Vec::new();
    let at_listing = listing_place.map(|p| format!("At the listing’s place: {p}"));
    if let Some(label) = &at_listing {
        places.push(("listing", label.as_str()));
    }
    places.push(("elsewhere", "Somewhere else"));
    format!(
        "{summary}<form method=\"post\" action=\"{action}\" novalidate>\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         {title}{kind}{description}\
         <h2 class=\"heading-m\">When</h2>{date}{start}{end}\
         <h2 class=\"heading-m\">Where</h2>{place}{place_name}{place_address}{place_town}{place_postcode}\
         <h2 class=\"heading-m\">Who it is for</h2>{needs}{min_age}{max_age}{audience_notes}\
         <h2 class=\"heading-m\">Cost and booking</h2>{price}{cost_notes}{booking}{phone}{email}{link}{by}{booking_notes}\
         <button type=\"submit\" class=\"button\">{submit}</button></form>",
        summary = error_summary(errors),
        action = escape(action),
        csrf = escape(csrf),
        title = f.input(
            "title",
            "Title",
            Some("For example: Open day, or Come and try canoeing."),
            "text",
            ""
        ),
        kind = f.choices::<EventKind>("kind", "Kind of event", None, true),
        description = f.textarea(
            "description",
            "What happens",
            Some("What people will see and do, and what to bring."),
            5
        ),
        date = date_input(&f, "date", "Date", "For example, 27 3 2027"),
        start = f.input(
            "start",
            "Starts",
            Some("24 hour clock, like 10:00."),
            "text",
            " inputmode=\"numeric\""
        ),
        end = f.input(
            "end",
            "Ends",
            Some("24 hour clock, like 12:30."),
            "text",
            " inputmode=\"numeric\""
        ),
        place = radios(&f, "place", "Where is it?", &places),
        place_name = f.input(
            "place_name",
            "Name of the place (if somewhere else)",
            None,
            "text",
            ""
        ),
        place_address = f.input(
            "place_address",
            "Address (if somewhere else)",
            None,
            "text",
            ""
        ),
        place_town = f.input("place_town", "Town (if somewhere else)", None, "text", ""),
        place_postcode = f.input(
            "place_postcode",
            "Postcode (if somewhere else)",
            None,
            "text",
            " autocomplete=\"off\""
        ),
        needs = f.choices::<Need>(
            "needs",
            "Who is it for?",
            Some("Leave all empty if everyone is welcome."),
            false
        ),
        min_age = f.input(
            "min_age",
            "Youngest age (optional)",
            None,
            "text",
            " inputmode=\"numeric\""
        ),
        max_age = f.input(
            "max_age",
            "Oldest age (optional)",
            None,
            "text",
            " inputmode=\"numeric\""
        ),
        audience_notes = f.input(
            "audience_notes",
            "Notes on who it is for (optional)",
            Some("For example: Families and carers welcome."),
            "text",
            ""
        ),
        price = f.input(
            "price",
            "Price per person in pounds (optional)",
            Some("Leave empty if it is free."),
            "text",
            " inputmode=\"decimal\""
        ),
        cost_notes = f.input(
            "cost_notes",
            "Cost notes (optional)",
            Some("For example: Carers go free."),
            "text",
            ""
        ),
        booking = radios(
            &f,
            "booking_required",
            "Do people need to book?",
            &[("yes", "Yes"), ("no", "No, they can just come")]
        ),
        phone = f.input(
            "booking_phone",
            "Phone to book (optional)",
            None,
            "tel",
            " autocomplete=\"off\""
        ),
        email = f.input(
            "booking_email",
            "Email to book (optional)",
            None,
            "email",
            " autocomplete=\"off\" spellcheck=\"false\""
        ),
        link = f.input(
            "booking_link",
            "Website to book (optional)",
            None,
            "url",
            " autocomplete=\"off\" spellcheck=\"false\""
        ),
        by = date_input(
            &f,
            "book_by",
            "Book by (optional)",
            "For example, 20 3 2027. Leave empty if there is no closing date."
        ),
        booking_notes = f.input(
            "booking_notes",
            "Booking notes (optional)",
            None,
            "text",
            ""
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn an_event() -> Event {
        dayfinder::sample::directory()
            .events
            .into_iter()
            .find(|e| e.service_id.is_some() && e.place.location_id.is_some())
            .expect("a sample event at its listing's place")
    }

    #[test]
    fn a_form_filled_from_an_event_reads_back_as_the_same_event() {
        let e = an_event();
        let at = e.place.location_id.clone();
        let back = parse(
            &values_of(Some(&e), at.as_deref()),
            Some(&e),
            at.as_deref(),
            e.start.date(),
        )
        .unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn an_event_somewhere_else_reads_back_with_its_address() {
        let mut e = an_event();
        e.place = EventPlace {
            location_id: None,
            name: "Crewe Library".into(),
            address: "Prince Albert Street".into(),
            town: "Crewe".into(),
            postcode: "CW1 2DH".into(),
        };
        let back = parse(
            &values_of(Some(&e), Some("hall")),
            Some(&e),
            Some("hall"),
            e.start.date(),
        )
        .unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn a_new_event_needs_a_real_date_that_is_not_past() {
        let today = jiff::civil::date(2026, 11, 24);
        let mut v = values_of(None, Some("hall"));
        for (k, val) in [
            ("title", "Open day"),
            ("kind", "open-day"),
            ("description", "Come and see"),
            ("start", "10:00"),
            ("end", "12:00"),
        ] {
            v.push(k, val);
        }
        v.push("date-day", "31");
        v.push("date-month", "2");
        v.push("date-year", "2027");
        let errors = parse(&v, None, Some("hall"), today).unwrap_err();
        assert_eq!(errors[0].0, "date-day");
        let mut v2 = Values::from_pairs(&[]);
        for (k, val) in [
            ("title", "Open day"),
            ("kind", "open-day"),
            ("description", "Come and see"),
            ("start", "10:00"),
            ("end", "12:00"),
            ("place", "listing"),
            ("booking_required", "no"),
            ("date-day", "1"),
            ("date-month", "12"),
            ("date-year", "2026"),
        ] {
            v2.push(k, val);
        }
        let event = parse(&v2, None, Some("hall"), today).unwrap();
        assert_eq!(event.place.location_id.as_deref(), Some("hall"));
        assert_eq!(event.start.to_string(), "2026-12-01T10:00:00");
    }

    #[test]
    fn malformed_event_forms_give_messages_not_panics() {
        let today = jiff::civil::date(2026, 11, 24);
        for pairs in [
            vec![],
            vec![
                ("date-day".to_string(), "99999999999".to_string()),
                ("date-year".into(), "-5".into()),
            ],
            vec![
                ("start".into(), "25:99".into()),
                ("price".into(), "£££".into()),
                ("place".into(), "listing".into()),
            ],
        ] {
            let v = Values::from_pairs(&pairs);
            assert!(parse(&v, None, None, today).is_err());
            render(&v, &[], None, "/x", "t", "Save");
        }
    }
}
