//! Reading the enquiry form: every field checked, every mistake named so the person can
//! put it right, nothing cut short without saying so.

use crate::accounts::Email;
use crate::model::enquiry::{EnquiryForm, MAX_NAME, MAX_NOTE, MAX_SERVICES, term};
use crate::model::{PhoneNumber, Weekday};

use super::{Asker, ReplyBy, Wish};

/// A request as sent: good in every field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub service_ids: Vec<String>,
    pub asker: Asker,
    pub name: String,
    pub reply_by: ReplyBy,
    pub email: Option<Email>,
    pub phone: Option<PhoneNumber>,
    pub wishes: Vec<Wish>,
    pub days: Vec<Weekday>,
    pub note: String,
    pub easy_read: bool,
}

/// What is wrong, as (field id, message) in the form's order.
pub type FormProblems = Vec<(String, String)>;

impl NewRequest {
    /// Checks the form; `easy_read` when it was sent from the easy-read view.
    pub fn parse(form: &EnquiryForm, easy_read: bool) -> Result<NewRequest, FormProblems> {
        let mut problems: FormProblems = Vec::new();
        let mut problem = |field: &str, message: String| problems.push((field.into(), message));

        let mut service_ids: Vec<String> = Vec::new();
        for id in &form.services {
            let id = id.trim();
            if !id.is_empty() && !service_ids.iter().any(|s| s == id) {
                service_ids.push(id.to_string());
            }
        }
        if service_ids.is_empty() {
            problem("service", "Choose at least one place to ask about".into());
        } else if service_ids.len() > MAX_SERVICES {
            problem(
                "service",
                format!("You can ask about up to {MAX_SERVICES} places at once"),
            );
        }
        let asker = term::<Asker>(&form.asker);
        if asker.is_none() {
            problem("asker", "Select who you are asking for".into());
        }
        let name = form.name.trim();
        if name.is_empty() {
            problem("name", "Enter your name".into());
        } else if name.chars().count() > MAX_NAME {
            problem(
                "name",
                format!("Your name must be {MAX_NAME} characters or fewer"),
            );
        } else if name.chars().any(char::is_control) {
            problem("name", "Your name must be on one line".into());
        }
        let reply_by = term::<ReplyBy>(&form.reply_by);
        if reply_by.is_none() {
            problem("reply-by", "Select how you would like a reply".into());
        }
        // Each is needed only for the way chosen; a mistake in the other is still named.
        let email_text = form.email.trim();
        let email = if email_text.is_empty() {
            if reply_by == Some(ReplyBy::Email) {
                problem("email", "Enter your email address".into());
            }
            None
        } else {
            match Email::parse(email_text) {
                Ok(email) => Some(email),
                Err(_) => {
                    problem(
                        "email",
                        "Enter an email address in the correct format, like name@example.com"
                            .into(),
                    );
                    None
                }
            }
        };
        let phone_text = form.phone.trim();
        let phone = if phone_text.is_empty() {
            if reply_by == Some(ReplyBy::Phone) {
                problem("phone", "Enter your phone number".into());
            }
            None
        } else {
            match PhoneNumber::parse(phone_text) {
                Ok(phone) => Some(phone),
                Err(_) => {
                    problem("phone", "Enter a phone number, like 01632 960 123".into());
                    None
                }
            }
        };
        let mut wishes = Vec::new();
        let mut bad_wish = false;
        for slug in &form.wishes {
            match term::<Wish>(slug) {
                Some(wish) if !wishes.contains(&wish) => wishes.push(wish),
                Some(_) => {}
                None => bad_wish = true,
            }
        }
        if wishes.is_empty() || bad_wish {
            problem("wishes", "Select what you would like".into());
        }
        let mut days = Vec::new();
        let mut bad_day = false;
        for slug in &form.days {
            match Weekday::parse(slug) {
                Some(day) if !days.contains(&day) => days.push(day),
                Some(_) => {}
                None => bad_day = true,
            }
        }
        if bad_day || days.len() > 7 {
            problem("days", "Select days from the list".into());
        }
        days.sort();
        let note = form.note.trim();
        if note.chars().count() > MAX_NOTE {
            problem(
                "note",
                format!(
                    "Your message must be {MAX_NOTE} characters or fewer (it has {})",
                    note.chars().count()
                ),
            );
        }
        if !form.consent {
            problem(
                "consent",
                "Tick the box to agree that we share your details with the provider".into(),
            );
        }
        match (asker, reply_by) {
            (Some(asker), Some(reply_by)) if problems.is_empty() => Ok(NewRequest {
                service_ids,
                asker,
                name: name.to_string(),
                reply_by,
                email,
                phone,
                wishes,
                days,
                note: note.replace("\r\n", "\n"),
                easy_read,
            }),
            _ => Err(problems),
        }
    }

    /// The email or phone the person is found by for erasure (the way they chose).
    pub fn contact(&self) -> String {
        match (self.reply_by, &self.email, &self.phone) {
            (ReplyBy::Email, Some(email), _) => email.as_str().to_string(),
            (_, _, Some(phone)) => phone.as_str().to_string(),
            (_, Some(email), None) => email.as_str().to_string(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> EnquiryForm {
        EnquiryForm {
            services: vec!["crewe-memory-club".into()],
            asker: "someone-i-care-for".into(),
            name: "Sam Jones".into(),
            reply_by: "email".into(),
            email: "Sam@Example.org".into(),
            wishes: vec!["visit".into()],
            days: vec!["saturday".into()],
            consent: true,
            ..Default::default()
        }
    }

    #[test]
    fn a_good_enquiry_reads_every_field() {
        let request = NewRequest::parse(&good(), false).unwrap();
        assert_eq!(request.asker, Asker::CareFor);
        assert_eq!(request.email.unwrap().as_str(), "sam@example.org");
        assert_eq!(request.days, vec![Weekday::Saturday]);
    }

    #[test]
    fn an_empty_form_names_every_field_to_put_right() {
        let problems = NewRequest::parse(&EnquiryForm::default(), false).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["service", "asker", "name", "reply-by", "wishes", "consent"]
        );
    }

    #[test]
    fn a_phone_reply_needs_a_phone_number_that_is_one() {
        let mut form = good();
        form.reply_by = "phone".into();
        let problems = NewRequest::parse(&form, false).unwrap_err();
        assert_eq!(problems[0].0, "phone");
        form.phone = "call me".into();
        assert!(
            NewRequest::parse(&form, false).unwrap_err()[0]
                .1
                .contains("01632")
        );
        form.phone = "01632 960 123".into();
        assert!(NewRequest::parse(&form, false).is_ok());
    }

    #[test]
    fn a_long_note_is_refused_not_cut_and_strange_values_are_named() {
        let mut form = good();
        form.note = "a".repeat(MAX_NOTE + 1);
        form.days = vec!["funday".into()];
        form.wishes = vec!["<script>".into()];
        let fields: Vec<String> = NewRequest::parse(&form, false)
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, ["wishes", "days", "note"]);
    }

    #[test]
    fn more_than_five_places_at_once_are_refused() {
        let mut form = good();
        form.services = (0..6).map(|i| format!("service-{i}")).collect();
        assert_eq!(NewRequest::parse(&form, false).unwrap_err()[0].0, "service");
    }
}
