use super::*;

/// The sample with one line replaced (`from` must be in it).
fn sample_with(from: &str, to: &str) -> String {
    assert!(SAMPLE.contains(from), "the sample has {from:?}");
    SAMPLE.replacen(from, to, 1)
}

/// The line of the sample that holds `text`, counting from 1.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("the text has the line")
        + 1
}

fn error_of(text: &str) -> String {
    CouncilProfile::parse(text, "profile.toml")
        .expect_err("the profile is refused")
        .to_string()
}

#[test]
fn the_sample_profile_is_valid_and_names_the_sample_council() {
    let profile = CouncilProfile::sample();
    assert_eq!(profile.council.name.as_str(), "Cheshire East Council");
    assert_eq!(profile.area.name.as_str(), "Cheshire East");
    assert_eq!(
        profile
            .area
            .local_authority_code
            .as_ref()
            .map(|c| c.as_str()),
        Some("E06000049")
    );
    assert!(
        profile
            .area
            .outward_codes
            .as_slice()
            .contains(&"CW1".to_string())
    );
    assert_eq!(
        profile.accessibility.audit_date.0,
        jiff::civil::date(2025, 5, 1)
    );
    assert_eq!(profile.contacts.care_assessment.phone.dial(), "03001235010");
    assert_eq!(profile.contacts.care_assessment.email, None);
}

#[test]
fn a_missing_field_is_named_with_the_line_of_its_table() {
    let text = sample_with("phone = \"0300 123 5010\"\nweb", "web");
    let line = line_of(&text, "[contacts.care_assessment]");
    assert_eq!(
        error_of(&text),
        format!("profile.toml line {line}: `contacts.care_assessment.phone`: missing")
    );
}

#[test]
fn a_missing_table_is_named() {
    let text = sample_with("[site]", "[unused]");
    let error = error_of(&text);
    assert!(
        error.contains("`unused`: is not a field of the profile"),
        "{error}"
    );
    let text: String = SAMPLE
        .lines()
        .filter(|l| {
            !l.starts_with("tagline")
                && !l.starts_with("description")
                && !l.starts_with("sample_directory")
        })
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .replace("[site]\n", "");
    assert!(
        error_of(&text).ends_with("`site`: missing"),
        "{}",
        error_of(&text)
    );
}

#[test]
fn a_phone_number_that_is_not_one_is_named_with_its_line() {
    let text = sample_with(
        "phone = \"0300 123 5500\"",
        "phone = \"ring the town hall\"",
    );
    let line = line_of(&text, "ring the town hall");
    assert_eq!(
        error_of(&text),
        format!(
            "profile.toml line {line}: `privacy.contact.phone`: is not a phone number (like 0300 123 5010)"
        )
    );
}

#[test]
fn a_misspelt_field_is_refused_rather_than_ignored() {
    let text = sample_with("tagline =", "tagilne =");
    let line = line_of(&text, "tagilne");
    let error = error_of(&text);
    assert!(
        error.starts_with(&format!(
            "profile.toml line {line}: `site.tagilne`: is not a field of the profile; expected"
        )),
        "{error}"
    );
}

#[test]
fn a_web_page_must_be_an_http_address() {
    for bad in [
        "javascript:alert(1)",
        "www.example.gov.uk",
        "https://",
        "https://a\"b.gov.uk",
    ] {
        let text = sample_with(
            "website = \"https://www.cheshireeast.gov.uk\"",
            &format!("website = {}", toml::Value::String(bad.into())),
        );
        let error = error_of(&text);
        assert!(
            error.ends_with("`council.website`: is not a web address starting with https://"),
            "{bad}: {error}"
        );
    }
}

#[test]
fn an_email_address_is_optional_but_checked() {
    let text = sample_with(
        "[contacts.adult_social_care]\n",
        "[contacts.adult_social_care]\nemail = \"Care@Example.gov.uk\"\n",
    );
    let profile = CouncilProfile::parse(&text, "profile.toml").expect("valid");
    assert_eq!(
        profile
            .contacts
            .adult_social_care
            .email
            .map(|e| e.to_string()),
        Some("care@example.gov.uk".to_string())
    );
    let text = sample_with(
        "[contacts.adult_social_care]\n",
        "[contacts.adult_social_care]\nemail = \"care at example\"\n",
    );
    assert!(
        error_of(&text).ends_with("`contacts.adult_social_care.email`: is not an email address"),
        "{}",
        error_of(&text)
    );
}

#[test]
fn the_audit_date_is_a_date_with_or_without_quotes() {
    let quoted = sample_with("audit_date = 2025-05-01", "audit_date = \"2025-05-01\"");
    let profile = CouncilProfile::parse(&quoted, "profile.toml").expect("valid");
    assert_eq!(
        profile.accessibility.audit_date.0,
        jiff::civil::date(2025, 5, 1)
    );
    for bad in ["\"May 2025\"", "2025-05-01T10:00:00", "2025"] {
        let text = sample_with("audit_date = 2025-05-01", &format!("audit_date = {bad}"));
        let line = line_of(&text, "audit_date =");
        assert_eq!(
            error_of(&text),
            format!(
                "profile.toml line {line}: `accessibility.audit_date`: is not a date (write it like 2025-05-01)"
            ),
            "{bad}"
        );
    }
}

#[test]
fn outward_codes_are_postcode_districts() {
    let text = sample_with("\"CW10\",", "\"CW10\", \"not a code\",");
    assert!(
        error_of(&text).ends_with(
            "`area.outward_codes`: “not a code” is not an outward code (the first half of a postcode, like CW1)"
        ),
        "{}",
        error_of(&text)
    );
    let none = SAMPLE
        .lines()
        .map(|l| {
            if l.starts_with("outward_codes") {
                "outward_codes = []"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(error_of(&none).contains("`area.outward_codes`: is empty"));
    let lower = sample_with("\"CW10\",", "\" cw10 \",");
    let profile = CouncilProfile::parse(&lower, "profile.toml").expect("valid");
    assert!(
        profile
            .area
            .outward_codes
            .as_slice()
            .contains(&"CW10".to_string())
    );
}

#[test]
fn a_local_authority_code_is_a_letter_and_eight_digits() {
    let text = sample_with("\"E06000049\"", "\"Cheshire\"");
    assert!(
        error_of(&text).ends_with(
            "`area.local_authority_code`: is not a local authority code (a letter and eight digits, like E06000049)"
        ),
        "{}",
        error_of(&text)
    );
}

#[test]
fn a_value_of_the_wrong_kind_is_named() {
    let text = sample_with("name = \"Cheshire East Council\"", "name = 42");
    let line = line_of(&text, "name = 42");
    assert_eq!(
        error_of(&text),
        format!("profile.toml line {line}: `council.name`: is integer `42`, not text")
    );
}

#[test]
fn empty_words_are_refused() {
    let text = sample_with("name = \"Cheshire East\"", "name = \"  \"");
    assert!(error_of(&text).ends_with("`area.name`: is empty"));
}

#[test]
fn a_file_that_is_not_toml_gets_its_line_and_no_field() {
    let text = sample_with("[privacy]", "[privacy");
    let line = line_of(&text, "[privacy");
    assert_eq!(
        error_of(&text),
        format!("profile.toml line {line}: unclosed table, expected `]`")
    );
}

#[test]
fn a_missing_file_is_a_plain_error() {
    let error = CouncilProfile::from_file(Path::new("/no/such/profile.toml"))
        .expect_err("no file")
        .to_string();
    assert!(
        error.starts_with("the council profile /no/such/profile.toml could not be read"),
        "{error}"
    );
}

#[test]
fn an_area_covers_its_own_postcodes_and_outward_codes_only() {
    let area = OutwardCodes::parse(&["WA1", "WA13"]).expect("valid codes");
    assert_eq!(area.covers("WA13 0AA"), Some(true));
    assert_eq!(area.covers("wa130aa"), Some(true));
    assert_eq!(area.covers("WA1"), Some(true));
    assert_eq!(area.covers("WA11 0DN"), Some(false));
    assert_eq!(area.covers("CW1"), Some(false));
    assert_eq!(area.covers("Lymm"), None);
}

#[test]
fn enquiry_rules_have_defaults_and_their_limits_are_checked() {
    let profile = CouncilProfile::sample();
    assert_eq!(profile.enquiries.settings().response_working_days, 10);
    let text = sample_with("response_working_days = 10", "response_working_days = 5")
        .replace("keep_months = 6", "keep_months = 3")
        .replace("closed_days = []", "closed_days = [2026-12-29]");
    let rules = CouncilProfile::parse(&text, "profile.toml")
        .expect("valid")
        .enquiries
        .settings();
    assert_eq!((rules.response_working_days, rules.keep_months), (5, 3));
    let closed = Date::new(2026, 12, 29).unwrap();
    assert!(!rules.working_days.is_working_day(closed));
    let text = sample_with("response_working_days = 10", "response_working_days = 0");
    assert!(
        error_of(&text).contains(
            "`enquiries.response_working_days`: must be a whole number of working days from 1 to 60"
        ),
        "{}",
        error_of(&text)
    );
}

#[test]
fn the_review_cycle_has_defaults_and_its_months_must_come_in_order() {
    use crate::reviews::WhenOverdue;
    let profile = CouncilProfile::sample();
    let rules = profile.reviews.settings();
    assert_eq!(
        (
            rules.first_reminder_months,
            rules.overdue_months,
            rules.when_overdue
        ),
        (5, 12, WhenOverdue::Warn)
    );
    let text = sample_with("when_overdue = \"warn\"", "when_overdue = \"hide\"");
    let rules = CouncilProfile::parse(&text, "profile.toml")
        .expect("valid")
        .reviews
        .settings();
    assert_eq!(rules.when_overdue, WhenOverdue::Hide);
    let text = sample_with("tell_council_months = 9", "tell_council_months = 4");
    let error = error_of(&text);
    assert!(
        error.contains(
            "`tell_council_months` (4) must be more months than `second_reminder_months` (6)"
        ),
        "{error}"
    );
    assert!(error.contains("line"), "names the line: {error}");
    let error = error_of(&sample_with(
        "when_overdue = \"warn\"",
        "when_overdue = \"delete\"",
    ));
    assert!(error.contains("must be \"warn\" or \"hide\""), "{error}");
    let error = error_of(&sample_with("link_days = 30", "link_days = 0"));
    assert!(error.contains("from 1 to 90"), "{error}");
}

#[test]
fn the_guided_search_towns_and_example_postcode_are_checked_where_they_are_written() {
    let thirteen = format!(
        "towns = [{}]",
        (1..=13)
            .map(|n| format!("\"Town {n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let text = sample_with(
        "towns = [\"Crewe\"",
        &format!("{thirteen}\nold = [\"Crewe\""),
    );
    let text = text.replacen("old = [", "# old = [", 1);
    let error = error_of(&text);
    assert!(
        error.contains("`area.towns`: names 13 towns: at most 12 fit"),
        "{error}"
    );

    let text = sample_with(
        "example_postcode = \"CW1 2BJ\"",
        "example_postcode = \"CW1\"",
    );
    let line = line_of(&text, "example_postcode");
    assert_eq!(
        error_of(&text),
        format!(
            "profile.toml line {line}: `area.example_postcode`: “CW1” is not a full postcode (like CW1 2BJ)"
        )
    );
}

#[test]
fn without_towns_or_an_example_the_first_outward_code_is_the_example() {
    let text = sample_with("example_postcode = \"CW1 2BJ\"", "");
    let profile = CouncilProfile::parse(&text, "profile.toml").unwrap();
    assert_eq!(profile.area.example_postcode(), "CW1");
    assert_eq!(CouncilProfile::sample().area.example_postcode(), "CW1 2BJ");
    assert!(CouncilProfile::sample().site.sample_directory);
    let own = sample_with("sample_directory = true", "");
    assert!(
        !CouncilProfile::parse(&own, "p.toml")
            .unwrap()
            .site
            .sample_directory
    );
}

#[test]
fn the_profiles_data_source_stands_before_the_directorys_own_note() {
    let note = "Sample data: the directory's own note.".to_string();
    assert_eq!(CouncilProfile::sample().data_source(note.clone()), note);
    let text = sample_with(
        "sample_directory = true",
        "data_source = \"Listings from the council's community directory.\"",
    );
    let profile = CouncilProfile::parse(&text, "p.toml").unwrap();
    assert_eq!(
        profile.data_source(note),
        "Listings from the council's community directory."
    );
}
