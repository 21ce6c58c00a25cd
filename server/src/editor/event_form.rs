//! The event form's fields and back: an open day, drop-in or taster session of a listing,
//! kept as typed when it comes back with mistakes (like the listing form, whose values and
//! checks it uses). The form itself is `dayfinder_app::editor::EventForm`.

use dayfinder::model::fields::{contact, event};
use dayfinder::model::{
    Audience, Booking, ClockTime, Event, EventKind, EventPlace, Need, Term, TextRule,
};
use dayfinder_app::editor::{DateFields, EventFields};
use jiff::civil::Date;

use super::listing_form::{
    FieldErrors, Values, looks_like_email, looks_like_phone, looks_like_website, price_field,
    text_field,
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
    let mut text =
        |field: &'static str, rule: TextRule| text_field(values, &mut errors, field, rule);
    let title = text("title", event::TITLE);
    let description = text("description", event::DESCRIPTION);
    let place_name = text("place_name", event::PLACE_NAME);
    let place_address = text("place_address", event::PLACE_ADDRESS);
    let place_town = text("place_town", event::PLACE_TOWN);
    let place_postcode = text("place_postcode", event::PLACE_POSTCODE);
    let audience_notes = text("audience_notes", event::AUDIENCE_NOTES);
    let cost_notes = text("cost_notes", event::COST_NOTES);
    let booking_phone = text("booking_phone", contact::PHONE);
    let booking_email = text("booking_email", contact::EMAIL);
    let booking_link = text("booking_link", contact::WEBSITE);
    let booking_notes = text("booking_notes", event::BOOKING_NOTES);

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
    let price_pence = price_field(
        values,
        &mut errors,
        "price",
        "Enter the price in pounds and pence, like 5.00, or leave it empty if it is free",
    )
    .unwrap_or(0);
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

/// What the form shows, field by field, from the values as typed (or as stored).
pub fn fields(values: &Values) -> EventFields {
    let text = |name: &str| values.get(name).to_string();
    let date = |name: &str| DateFields {
        day: text(&format!("{name}-day")),
        month: text(&format!("{name}-month")),
        year: text(&format!("{name}-year")),
    };
    EventFields {
        title: text("title"),
        kind: text("kind"),
        description: text("description"),
        date: date("date"),
        start: text("start"),
        end: text("end"),
        place: text("place"),
        place_name: text("place_name"),
        place_address: text("place_address"),
        place_town: text("place_town"),
        place_postcode: text("place_postcode"),
        needs: values
            .all("needs")
            .into_iter()
            .map(str::to_string)
            .collect(),
        min_age: text("min_age"),
        max_age: text("max_age"),
        audience_notes: text("audience_notes"),
        price: text("price"),
        cost_notes: text("cost_notes"),
        booking_required: text("booking_required"),
        booking_phone: text("booking_phone"),
        booking_email: text("booking_email"),
        booking_link: text("booking_link"),
        book_by: date("book_by"),
        booking_notes: text("booking_notes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dayfinder_app::editor::EventForm;

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
            let errors = parse(&v, None, None, today).unwrap_err();
            let (fields, errors) = (fields(&v), errors.into_iter().collect());
            let options = leptos::config::LeptosOptions::builder()
                .output_name("dayfinder")
                .build();
            let page = dayfinder_app::editor::render(&options, move || {
                leptos::prelude::view! {
                    <EventForm fields errors listing_place=None action="/x" csrf="t" submit="Save" />
                }
            });
            assert!(page.contains("There is a problem"));
        }
    }
}
