//! The listing form: every field of a service an editor may change, as form fields and
//! back. What was typed is kept as typed, so a form with a mistake comes back with
//! everything still in it and a GOV.UK error summary on top. The form itself is
//! `dayfinder_app::editor::ListingForm`.

use dayfinder::model::fields::{contact, service};
use dayfinder::model::{
    ClockTime, Contact, Cost, CostKind, Eligibility, JoinRoute, Kind, MoneyError, Need, Pence,
    Service, Session, Term, TextRule, Tier, Weekday,
};
use dayfinder_app::editor::{MAX_SESSION_ROWS, session_rows};

/// A blank session row at the end of the form, to add sessions without JavaScript.
const BLANK_SESSION_ROWS: usize = 2;

/// The form's fields by name, as typed (or as stored, for a fresh form). Named `Values`
/// here, as the event form (event_form.rs, events.rs) knows it.
pub use dayfinder_app::editor::FormValues as Values;

/// One mistake: the field's id (for the summary's link) and what to do.
pub type FieldErrors = Vec<(&'static str, String)>;

/// The mistakes as the pages' components take them.
pub(super) fn shown(
    errors: &[(&'static str, String)],
) -> dayfinder_app::components::form::FieldErrors {
    errors
        .iter()
        .map(|(field, message)| (*field, message.clone()))
        .collect()
}

/// The form filled in from a stored service, with blank session rows to add more.
pub fn values_of(service: &Service) -> Values {
    let mut v = Values::default();
    v.push("name", &service.name);
    v.push("location", service.location_id.clone().unwrap_or_default());
    v.push("summary", &service.summary);
    v.push("description", &service.description);
    v.push("activities", service.activities.join("\n"));
    v.push("easy_read", &service.easy_read);
    v.push("tier", service.tier.slug());
    for k in &service.kinds {
        v.push("kinds", k.slug());
    }
    for n in &service.needs {
        v.push("needs", n.slug());
    }
    for (i, s) in service.sessions.iter().enumerate() {
        v.push(format!("session-{i}-day"), s.day.slug());
        v.push(format!("session-{i}-start"), s.start.to_string());
        v.push(format!("session-{i}-end"), s.end.to_string());
    }
    for i in service.sessions.len()..service.sessions.len() + BLANK_SESSION_ROWS {
        v.push(format!("session-{i}-day"), "");
    }
    v.push("schedule_notes", &service.schedule_notes);
    v.push(
        "duration_weeks",
        service
            .duration_weeks
            .map(|w| w.to_string())
            .unwrap_or_default(),
    );
    v.push("min_age", service.eligibility.minimum_age.to_string());
    v.push(
        "max_age",
        service
            .eligibility
            .maximum_age
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    v.push("eligibility_notes", &service.eligibility.notes);
    for k in &service.cost.kinds {
        v.push("cost_kinds", k.slug());
    }
    v.push(
        "price",
        service
            .cost
            .price_per_session_pence
            .map(|p| format!("{}.{:02}", p / 100, p % 100))
            .unwrap_or_default(),
    );
    v.push("cost_notes", &service.cost.notes);
    for j in &service.join {
        v.push("join", j.slug());
    }
    v.push("transport", if service.transport { "yes" } else { "no" });
    let c = &service.contact;
    v.push("contact_name", c.name.clone().unwrap_or_default());
    v.push("contact_phone", c.phone.clone().unwrap_or_default());
    v.push("contact_email", c.email.clone().unwrap_or_default());
    v.push("contact_website", c.website.clone().unwrap_or_default());
    v
}

fn terms<T: Term>(values: &Values, name: &str) -> Vec<T> {
    T::all()
        .iter()
        .copied()
        .filter(|t| values.has(name, t.slug()))
        .collect()
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A field checked against its core rule (`dayfinder::model::fields`): the text trimmed,
/// and a message in `errors` when it breaks the rule.
pub(super) fn text_field(
    values: &Values,
    errors: &mut FieldErrors,
    field: &'static str,
    rule: TextRule,
) -> String {
    let value = values.get(field);
    match rule.check(value) {
        Ok(text) => text,
        Err(error) => {
            errors.push((field, rule.message(error)));
            value.trim().to_string()
        }
    }
}

/// A price field read by the core's one money rule; `None` when left empty or wrong (then
/// `wrong` is the message, or the rule's own when the amount is too large).
pub(super) fn price_field(
    values: &Values,
    errors: &mut FieldErrors,
    field: &'static str,
    wrong: &str,
) -> Option<u32> {
    let text = values.get(field).trim();
    if text.is_empty() {
        return None;
    }
    match Pence::parse_pounds(text) {
        Ok(pence) => Some(pence.get()),
        Err(MoneyError::TooMuch) => {
            errors.push((field, format!("The price {}", MoneyError::TooMuch)));
            None
        }
        Err(MoneyError::NotMoney) => {
            errors.push((field, wrong.to_string()));
            None
        }
    }
}

pub(super) fn looks_like_email(text: &str) -> bool {
    dayfinder::accounts::Email::parse(text).is_ok()
}

/// A phone number people could dial: the core's one rule ([`PhoneNumber`]).
///
/// [`PhoneNumber`]: dayfinder::model::PhoneNumber
pub(super) fn looks_like_phone(text: &str) -> bool {
    dayfinder::model::PhoneNumber::parse(text).is_ok()
}

/// A website's address a listing may link to: the core's one rule ([`WebAddress`]).
///
/// [`WebAddress`]: dayfinder::model::WebAddress
pub(super) fn looks_like_website(text: &str) -> bool {
    dayfinder::model::WebAddress::parse(text).is_ok()
}

/// The service as the form says it should be, starting from `base` for what the form
/// does not hold; or every mistake, each said so it can be put right.
pub fn parse(
    values: &Values,
    base: &Service,
    locations: &[(String, String)],
) -> Result<Service, FieldErrors> {
    let mut errors: FieldErrors = Vec::new();
    let mut s = base.clone();
    let mut text =
        |field: &'static str, rule: TextRule| text_field(values, &mut errors, field, rule);
    s.name = text("name", service::NAME);
    s.summary = text("summary", service::SUMMARY);
    s.description = text("description", service::DESCRIPTION);
    let activities = text("activities", service::ACTIVITIES);
    s.easy_read = text("easy_read", service::EASY_READ);
    s.schedule_notes = text("schedule_notes", service::SCHEDULE_NOTES);
    let eligibility_notes = text("eligibility_notes", service::ELIGIBILITY_NOTES);
    let cost_notes = text("cost_notes", service::COST_NOTES);
    let contact_name = text("contact_name", service::CONTACT_NAME);
    let contact_phone = text("contact_phone", contact::PHONE);
    let contact_email = text("contact_email", contact::EMAIL);
    let contact_website = text("contact_website", contact::WEBSITE);
    s.activities = activities
        .lines()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    if s.activities.len() > service::MAX_ACTIVITIES {
        errors.push((
            "activities",
            format!("List {} activities or fewer", service::MAX_ACTIVITIES),
        ));
    }

    let location = values.get("location");
    s.location_id = if location.is_empty() {
        None
    } else if locations.iter().any(|(id, _)| id == location) {
        Some(location.to_string())
    } else {
        errors.push(("location", "Select a place from the list".into()));
        base.location_id.clone()
    };

    match Tier::from_slug(values.get("tier")) {
        Some(tier) => s.tier = tier,
        None => errors.push(("tier", "Select the tier the service is in".into())),
    }
    s.kinds = terms::<Kind>(values, "kinds");
    if s.kinds.is_empty() {
        errors.push(("kinds", "Select at least one kind of service".into()));
    }
    s.needs = terms::<Need>(values, "needs");
    if s.needs.is_empty() {
        errors.push(("needs", "Select who the service is for".into()));
    }

    s.sessions = Vec::new();
    for i in 0..session_rows(values) {
        let day = values.get(&format!("session-{i}-day"));
        let start = values.get(&format!("session-{i}-start")).trim();
        let end = values.get(&format!("session-{i}-end")).trim();
        let n = i + 1;
        if !values.get(&format!("session-{i}-remove")).is_empty()
            || (day.is_empty() && start.is_empty() && end.is_empty())
        {
            continue;
        }
        let field = |part: &str| -> &'static str {
            // Field ids are static strings for the summary; leak-free: one per row kind.
            session_field(i, part)
        };
        let Some(day) = Weekday::from_slug(day) else {
            errors.push((field("day"), format!("Select the day of session {n}")));
            continue;
        };
        let start = start.parse::<ClockTime>();
        let end = end.parse::<ClockTime>();
        match (start, end) {
            (Ok(start), Ok(end)) if end > start => s.sessions.push(Session { day, start, end }),
            (Ok(_), Ok(_)) => errors.push((
                field("end"),
                format!("Session {n} must end after it starts"),
            )),
            (Err(_), _) => errors.push((
                field("start"),
                format!("Enter the start time of session {n} as 24 hour HH:MM, like 09:30"),
            )),
            (_, Err(_)) => errors.push((
                field("end"),
                format!("Enter the end time of session {n} as 24 hour HH:MM, like 15:00"),
            )),
        }
    }
    s.sessions.sort_by_key(|x| (x.day.index(), x.start));

    let weeks = values.get("duration_weeks").trim();
    s.duration_weeks = if weeks.is_empty() {
        None
    } else {
        match weeks.parse::<u8>() {
            Ok(w) if (1..=52).contains(&w) => Some(w),
            _ => {
                errors.push((
                    "duration_weeks",
                    "Enter the length of the course in weeks, from 1 to 52, or leave it empty"
                        .into(),
                ));
                None
            }
        }
    };

    let min_age = match values.get("min_age").trim().parse::<u8>() {
        Ok(a) if (16..=120).contains(&a) => a,
        _ => {
            errors.push((
                "min_age",
                "Enter the youngest age as a whole number from 16, like 18".into(),
            ));
            base.eligibility.minimum_age
        }
    };
    let max_text = values.get("max_age").trim();
    let max_age = if max_text.is_empty() {
        None
    } else {
        match max_text.parse::<u8>() {
            Ok(a) if a >= min_age && a <= 120 => Some(a),
            Ok(_) => {
                errors.push((
                    "max_age",
                    "The oldest age must be the same as or more than the youngest age".into(),
                ));
                None
            }
            Err(_) => {
                errors.push((
                    "max_age",
                    "Enter the oldest age as a whole number, like 25, or leave it empty".into(),
                ));
                None
            }
        }
    };
    s.eligibility = Eligibility {
        minimum_age: min_age,
        maximum_age: max_age,
        notes: eligibility_notes,
    };

    let cost_kinds = terms::<CostKind>(values, "cost_kinds");
    if cost_kinds.is_empty() {
        errors.push(("cost_kinds", "Select at least one way to pay".into()));
    }
    let price = price_field(
        values,
        &mut errors,
        "price",
        "Enter the price per session in pounds and pence, like 12.50, or leave it empty",
    );
    s.cost = Cost {
        kinds: cost_kinds,
        price_per_session_pence: price,
        notes: cost_notes,
    };

    s.join = terms::<JoinRoute>(values, "join");
    if s.join.is_empty() {
        errors.push(("join", "Select how people can join".into()));
    }
    s.transport = match values.get("transport") {
        "yes" => true,
        "no" => false,
        _ => {
            errors.push((
                "transport",
                "Select whether the service offers transport".into(),
            ));
            base.transport
        }
    };

    if !contact_phone.is_empty() && !looks_like_phone(&contact_phone) {
        errors.push((
            "contact_phone",
            "Enter a telephone number, like 01270 371234 or 07700 900982".into(),
        ));
    }
    if !contact_email.is_empty() && !looks_like_email(&contact_email) {
        errors.push((
            "contact_email",
            "Enter an email address in the correct format, like name@example.com".into(),
        ));
    }
    if !contact_website.is_empty() && !looks_like_website(&contact_website) {
        errors.push((
            "contact_website",
            "Enter the website’s full address, starting with https://".into(),
        ));
    }
    s.contact = Contact {
        name: optional(&contact_name),
        phone: optional(&contact_phone),
        email: optional(&contact_email),
        website: optional(&contact_website),
    };
    if errors.is_empty() {
        Ok(s)
    } else {
        Err(errors)
    }
}

/// The id of a session row's field ("session-2-start"), as a static string for the error
/// list. Rows are few (at most `MAX_SESSION_ROWS`), so each id is made once and kept.
fn session_field(row: usize, part: &str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    static IDS: LazyLock<Mutex<HashMap<String, &'static str>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let id = format!("session-{}-{part}", row.min(MAX_SESSION_ROWS));
    let mut ids = IDS.lock().unwrap_or_else(|e| e.into_inner());
    ids.entry(id.clone())
        .or_insert_with(|| Box::leak(id.into_boxed_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dayfinder_app::editor::ListingForm;
    use leptos::prelude::*;

    /// The form as the page shows it.
    fn render(values: &Values, errors: &[(&'static str, String)], s: &Service) -> String {
        let (values, errors, locations) = (values.clone(), shown(errors), locations(s));
        Owner::new().with(|| {
            view! { <ListingForm values errors locations action="/x" csrf="t" submit="Save" /> }
                .to_html()
        })
    }

    fn a_service() -> Service {
        dayfinder::sample::directory()
            .services
            .into_iter()
            .find(|s| !s.sessions.is_empty() && s.location_id.is_some())
            .unwrap()
    }

    fn locations(s: &Service) -> Vec<(String, String)> {
        vec![(s.location_id.clone().unwrap(), "The hall".into())]
    }

    #[test]
    fn a_form_filled_from_a_service_reads_back_as_the_same_service() {
        let s = a_service();
        let back = parse(&values_of(&s), &s, &locations(&s)).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn a_bad_time_is_reported_against_its_field_and_kept_as_typed() {
        let s = a_service();
        let mut values = values_of(&s);
        values.set("session-0-start", "half nine");
        let errors = parse(&values, &s, &locations(&s)).unwrap_err();
        assert_eq!(errors[0].0, "session-0-start");
        let html = render(&values, &errors, &s);
        assert!(html.contains("value=\"half nine\""));
        assert!(html.contains("href=\"#session-0-start\""));
    }

    #[test]
    fn a_website_that_is_not_http_gets_a_message_in_the_error_summary() {
        let s = a_service();
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://user:pw@example.org",
        ] {
            let mut values = values_of(&s);
            values.set("contact_website", bad);
            let errors = parse(&values, &s, &locations(&s)).unwrap_err();
            assert_eq!(errors[0].0, "contact_website", "{bad}");
            let html = render(&values, &errors, &s);
            assert!(html.contains("href=\"#contact_website\""), "{bad}");
        }
    }

    #[test]
    fn a_blank_row_adds_nothing_and_a_filled_one_adds_a_session() {
        let s = a_service();
        let mut values = values_of(&s);
        let row = s.sessions.len();
        values.set(&format!("session-{row}-day"), "sunday");
        values.push(format!("session-{row}-start"), "10:00");
        values.push(format!("session-{row}-end"), "12:30");
        let back = parse(&values, &s, &locations(&s)).unwrap();
        assert_eq!(back.sessions.len(), s.sessions.len() + 1);
    }

    #[test]
    fn prices_are_read_in_pounds_and_pence_as_importers_read_them() {
        let price = |text: &str| {
            let mut values = Values::default();
            values.push("price", text.to_string());
            let mut errors = Vec::new();
            (
                price_field(&values, &mut errors, "price", "wrong"),
                errors.len(),
            )
        };
        assert_eq!(price("12.50"), (Some(1250), 0));
        assert_eq!(price("£12"), (Some(1200), 0));
        assert_eq!(price("12.5"), (Some(1250), 0));
        assert_eq!(price("twelve"), (None, 1));
        assert_eq!(price(""), (None, 0));
        assert_eq!(price("£100,000"), (None, 1));
    }

    #[test]
    fn malformed_forms_give_messages_not_panics() {
        let s = a_service();
        for pairs in [
            vec![],
            vec![(
                "session-99999999999999999999-day".to_string(),
                "x".to_string(),
            )],
            vec![
                ("tier".into(), "\u{0}".into()),
                ("min_age".into(), "-1".into()),
            ],
            vec![
                ("max_age".into(), "300".into()),
                ("price".into(), "99999999.99".into()),
            ],
        ] {
            let values = Values::from_pairs(&pairs);
            assert!(parse(&values, &s, &locations(&s)).is_err());
            render(&values, &[], &s);
        }
    }
}
