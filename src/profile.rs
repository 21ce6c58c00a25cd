//! The council profile: which council runs the site, for which area, and how people reach
//! the council. One TOML file, read once when the server starts (`--profile FILE`); the
//! Cheshire East sample (`data/sample/profile.toml`) is the default. Every value is
//! checked into a type that holds only valid values, and a mistake is reported with its
//! file, line and field ("profile.toml line 7: `contacts.care_assessment.phone`: missing"),
//! never a panic. `docs/council-profile.md` describes each field.

use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, de::Error as _};

/// The sample profile, shipped with Dayfinder (see the module's note).
pub const SAMPLE: &str = include_str!("../data/sample/profile.toml");

/// A council's profile, every value checked.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilProfile {
    pub council: Council,
    pub area: Area,
    pub site: Site,
    pub contacts: Contacts,
    pub privacy: Privacy,
    pub accessibility: Accessibility,
    /// Optional: how the site's email is signed. Without it no email is sent (it waits in
    /// the outbox), whatever `--smtp-url` says.
    #[serde(default)]
    pub email: Option<EmailSender>,
    /// Optional: how enquiries to providers are answered and kept (defaults below).
    #[serde(default)]
    pub enquiries: EnquiryRules,
    /// Optional: when providers are asked to confirm their listings (defaults below).
    #[serde(default)]
    pub reviews: ReviewRules,
    /// Optional: the server's own options (`dayfinder serve`'s, docs/deploy.md), read and
    /// checked by the server, where a flag or the environment does not give them.
    #[serde(default)]
    pub serve: Option<serde::de::IgnoredAny>,
}

/// When the server asks providers to confirm their listings are still right, counted in
/// months from the day a person last confirmed each one. Each must come after the one
/// before it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(try_from = "ReviewMonths")]
pub struct ReviewRules(crate::reviews::ReviewSettings);

impl ReviewRules {
    /// The rules as the review cycle takes them.
    pub fn settings(&self) -> crate::reviews::ReviewSettings {
        self.0.clone()
    }
}

/// `[reviews]` as written, checked into [`ReviewRules`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewMonths {
    /// The provider's editors get the first reminder. [default: 5]
    #[serde(default = "ReviewMonths::first", deserialize_with = "review_months")]
    first_reminder_months: u32,
    /// The second reminder, and the public "may be out of date". [default: 6]
    #[serde(default = "ReviewMonths::second", deserialize_with = "review_months")]
    second_reminder_months: u32,
    /// The council's editors are told. [default: 9]
    #[serde(default = "ReviewMonths::council", deserialize_with = "review_months")]
    tell_council_months: u32,
    /// What `when_overdue` says applies. [default: 12]
    #[serde(default = "ReviewMonths::overdue", deserialize_with = "review_months")]
    overdue_months: u32,
    /// "warn" (the listing stays, with a warning) or "hide" (out of search until
    /// confirmed). [default: "warn"]
    #[serde(default)]
    when_overdue: Option<String>,
    /// Days a one-click link works. [default: 30]
    #[serde(default = "ReviewMonths::link_days", deserialize_with = "link_days")]
    link_days: u32,
}

impl ReviewMonths {
    fn first() -> u32 {
        5
    }
    fn second() -> u32 {
        6
    }
    fn council() -> u32 {
        9
    }
    fn overdue() -> u32 {
        12
    }
    fn link_days() -> u32 {
        30
    }
}

impl TryFrom<ReviewMonths> for ReviewRules {
    type Error = String;

    fn try_from(m: ReviewMonths) -> Result<Self, String> {
        let months = [
            ("first_reminder_months", m.first_reminder_months),
            ("second_reminder_months", m.second_reminder_months),
            ("tell_council_months", m.tell_council_months),
            ("overdue_months", m.overdue_months),
        ];
        for pair in months.windows(2) {
            if pair[1].1 <= pair[0].1 {
                return Err(format!(
                    "`{}` ({}) must be more months than `{}` ({})",
                    pair[1].0, pair[1].1, pair[0].0, pair[0].1
                ));
            }
        }
        let when_overdue = match m.when_overdue.as_deref().map(str::trim) {
            None | Some("warn") => crate::reviews::WhenOverdue::Warn,
            Some("hide") => crate::reviews::WhenOverdue::Hide,
            Some(other) => {
                return Err(format!(
                    "`when_overdue` must be \"warn\" or \"hide\", not {other:?}"
                ));
            }
        };
        Ok(ReviewRules(crate::reviews::ReviewSettings {
            first_reminder_months: m.first_reminder_months,
            second_reminder_months: m.second_reminder_months,
            tell_council_months: m.tell_council_months,
            overdue_months: m.overdue_months,
            when_overdue,
            link_days: m.link_days,
        }))
    }
}

fn review_months<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    whole_number_in(deserializer, 1..=36, "months")
}

fn link_days<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    whole_number_in(deserializer, 1..=90, "days")
}

/// The council's rules for enquiries ("Ask about a place").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnquiryRules {
    /// Working days a provider has to answer; reminded half-way, the council told after.
    /// [default: 10]
    #[serde(default = "EnquiryRules::ten", deserialize_with = "response_days")]
    pub response_working_days: u32,
    /// Months after an enquiry's last step that the asker's details are erased.
    /// [default: 6]
    #[serde(default = "EnquiryRules::six", deserialize_with = "keep_months")]
    pub keep_months: u32,
    /// Days besides England's bank holidays that are not working days (a council's own
    /// closure days, or a new one-off bank holiday). [default: none]
    #[serde(default)]
    pub closed_days: Vec<AuditDate>,
}

impl EnquiryRules {
    fn ten() -> u32 {
        10
    }

    fn six() -> u32 {
        crate::retention::ENQUIRY_MONTHS_AFTER_LAST_STEP
    }

    /// The rules as the enquiry workflow takes them.
    pub fn settings(&self) -> crate::enquiries::EnquirySettings {
        crate::enquiries::EnquirySettings {
            response_working_days: self.response_working_days,
            keep_months: self.keep_months,
            working_days: crate::enquiries::WorkingDays::new(
                self.closed_days.iter().map(|d| d.0).collect(),
            ),
        }
    }
}

impl Default for EnquiryRules {
    fn default() -> Self {
        EnquiryRules {
            response_working_days: Self::ten(),
            keep_months: Self::six(),
            closed_days: Vec::new(),
        }
    }
}

fn whole_number_in<'de, D: Deserializer<'de>>(
    deserializer: D,
    range: std::ops::RangeInclusive<i64>,
    what: &str,
) -> Result<u32, D::Error> {
    let n = i64::deserialize(deserializer)?;
    if range.contains(&n) {
        Ok(n as u32)
    } else {
        Err(D::Error::custom(format!(
            "must be a whole number of {what} from {} to {}",
            range.start(),
            range.end()
        )))
    }
}

fn response_days<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    whole_number_in(deserializer, 1..=60, "working days")
}

fn keep_months<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    whole_number_in(deserializer, 1..=36, "months")
}

/// Who the site's email comes from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailSender {
    /// The from-address: "dayfinder@council.example". Its domain names each Message-ID.
    pub from: ContactEmail,
    /// The name beside it in a mail program: "Dayfinder". [default: "Dayfinder"]
    #[serde(default)]
    pub name: Option<Text>,
}

/// The council itself.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// "Cheshire East Council".
    pub name: Text,
    pub website: WebAddress,
}

/// The area the directory covers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// "Cheshire East".
    pub name: Text,
    #[serde(default)]
    pub local_authority_code: Option<LocalAuthorityCode>,
    pub outward_codes: OutwardCodes,
    /// The towns offered as buttons in the easy-read guided search, in that order; unset,
    /// the area's towns with the most listings.
    #[serde(default)]
    pub towns: Option<GuideTowns>,
    /// The postcode the forms' hints give as an example ("Crewe or CW1 2BJ"); unset, the
    /// area's first outward code.
    #[serde(default)]
    pub example_postcode: Option<ExamplePostcode>,
}

impl Area {
    /// The postcode the forms' hints give as an example: the profile's, else the area's
    /// first outward code.
    pub fn example_postcode(&self) -> String {
        self.example_postcode
            .as_ref()
            .map_or_else(|| self.outward_codes.as_slice()[0].clone(), |p| p.0.clone())
    }
}

/// The guided search's town buttons: 1 to 12 names, each one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideTowns(Vec<String>);

impl GuideTowns {
    /// At most this many buttons: more is a list no one reads in easy read.
    pub const MOST: usize = 12;

    pub fn parse<S: AsRef<str>>(towns: &[S]) -> Result<GuideTowns, String> {
        if towns.is_empty() {
            return Err("is empty: name at least one town, or leave it out".into());
        }
        if towns.len() > Self::MOST {
            return Err(format!(
                "names {} towns: at most {} fit",
                towns.len(),
                Self::MOST
            ));
        }
        towns
            .iter()
            .map(|t| Text::parse(t.as_ref()).map(|t| t.0))
            .collect::<Result<Vec<_>, _>>()
            .map(GuideTowns)
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

impl<'de> Deserialize<'de> for GuideTowns {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let towns = Vec::<String>::deserialize(deserializer)?;
        GuideTowns::parse(&towns).map_err(D::Error::custom)
    }
}

/// A full postcode, in its display form ("CW1 2BJ").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamplePostcode(String);

impl ExamplePostcode {
    pub fn parse(text: &str) -> Result<ExamplePostcode, String> {
        crate::places::normalise_postcode(text)
            .map(ExamplePostcode)
            .ok_or_else(|| format!("“{text}” is not a full postcode (like CW1 2BJ)"))
    }
}

/// What the site says about itself.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Under the site's name on every page.
    pub tagline: Text,
    /// Every page's description for search engines.
    pub description: Text,
    /// Where the listings come from, on every page's banner and footer and the about
    /// page ("Sample data: ..." shows the sample tag). Unset, the directory's own note
    /// stands (the bundled sample's says it is sample data).
    #[serde(default)]
    pub data_source: Option<Text>,
    /// Whether an empty store is filled with the bundled sample directory at start: the
    /// sample's profile says so; a council's own never should.
    #[serde(default)]
    pub sample_directory: bool,
}

/// The routes into the council that people are told about.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    pub care_assessment: ContactRoute,
    pub carers_assessment: ContactRoute,
    pub adult_social_care: ContactRoute,
}

/// One way in: a phone number and a web page, perhaps an email address.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRoute {
    pub phone: Phone,
    #[serde(default)]
    pub email: Option<ContactEmail>,
    pub web: WebAddress,
}

/// Who controls the data the site keeps, and how to ask them about it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    pub data_controller: Text,
    pub contact: ContactRoute,
}

/// The accessibility statement's facts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    pub audit_date: AuditDate,
    pub contact: ContactRoute,
}

/// Why a profile could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    #[error("the council profile {file} could not be read: {reason}")]
    Unreadable { file: String, reason: String },
    /// A mistake in the file: where it is, which field (when one is to blame) and what is wrong.
    #[error("{file} line {line}: {}{problem}", field.as_ref().map(|f| format!("`{f}`: ")).unwrap_or_default())]
    Invalid {
        file: String,
        line: usize,
        field: Option<String>,
        problem: String,
    },
}

impl CouncilProfile {
    /// Where the listings come from, as the site says it: the profile's `site.data_source`,
    /// else the directory's own note (`directory_note`).
    pub fn data_source(&self, directory_note: String) -> String {
        self.site
            .data_source
            .as_ref()
            .map_or(directory_note, ToString::to_string)
    }

    /// The sample profile (Cheshire East), read once.
    pub fn sample() -> Arc<CouncilProfile> {
        static SAMPLE_PROFILE: OnceLock<Arc<CouncilProfile>> = OnceLock::new();
        SAMPLE_PROFILE
            .get_or_init(|| {
                Arc::new(
                    CouncilProfile::parse(SAMPLE, "the sample profile")
                        .expect("the sample profile is valid (tested)"),
                )
            })
            .clone()
    }

    /// The profile in a file.
    pub fn from_file(path: &Path) -> Result<CouncilProfile, ProfileError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ProfileError::Unreadable {
            file: file.clone(),
            reason: e.to_string(),
        })?;
        CouncilProfile::parse(text.trim_start_matches('\u{feff}'), &file)
    }

    /// Reads and checks a profile's text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<CouncilProfile, ProfileError> {
        let invalid = |span: Option<std::ops::Range<usize>>, field, problem| {
            let at = span.map_or(0, |s| s.start.min(text.len()));
            ProfileError::Invalid {
                file: file.to_string(),
                line: text[..at].matches('\n').count() + 1,
                field,
                problem,
            }
        };
        let deserializer = toml::Deserializer::parse(text)
            .map_err(|e| invalid(e.span(), None, e.message().trim().to_string()))?;
        serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let (field, problem) = explain(&path, inner.message());
            invalid(inner.span(), Some(field), problem)
        })
    }
}

/// The field to blame and the problem in plain words, from serde's path and message.
fn explain(path: &str, message: &str) -> (String, String) {
    let within = |key: &str| match path {
        "." | "" => key.to_string(),
        parent => format!("{parent}.{key}"),
    };
    let quoted = |rest: &str| rest.split('`').nth(1).unwrap_or_default().to_string();
    if let Some(rest) = message.strip_prefix("missing field ") {
        return (within(&quoted(rest)), "missing".to_string());
    }
    if message.starts_with("unknown field ") {
        let expected = message
            .split_once(", expected ")
            .map(|(_, e)| format!("; expected {e}"))
            .unwrap_or_default();
        return (
            path.to_string(),
            format!("is not a field of the profile{expected}"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let found = rest.split(", expected").next().unwrap_or(rest);
        return (path.to_string(), format!("is {found}, not text"));
    }
    (path.to_string(), message.to_string())
}

/// Reads a string and checks it with `parse`, whose error is the problem in plain words.
fn checked<'de, D, T>(deserializer: D, parse: fn(&str) -> Result<T, String>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(D::Error::custom)
}

/// Newtypes over a string, read through their own `parse`.
macro_rules! checked_text {
    ($($name:ident),*) => {$(
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                checked(deserializer, $name::parse)
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

checked_text!(
    Text,
    Phone,
    WebAddress,
    ContactEmail,
    LocalAuthorityCode,
    ExamplePostcode
);

/// Words to show: one line, not empty, at most 300 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    pub fn parse(text: &str) -> Result<Text, String> {
        let text = text.trim();
        if text.is_empty() {
            Err("is empty".into())
        } else if text.chars().any(char::is_control) {
            Err("must be one line".into())
        } else if text.chars().count() > 300 {
            Err("is longer than 300 characters".into())
        } else {
            Ok(Text(text.to_string()))
        }
    }
}

/// A UK phone number as people dial it: 7 to 15 digits, spaces, brackets, `+` or `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(text: &str) -> Result<Phone, String> {
        let text = text.trim();
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let shaped = (7..=15).contains(&digits)
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || " +()-".contains(c));
        if shaped {
            Ok(Phone(text.to_string()))
        } else {
            Err("is not a phone number (like 0300 123 5010)".into())
        }
    }

    /// The number for a `tel:` link: digits and a leading `+` only.
    pub fn dial(&self) -> String {
        self.0
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }
}

/// A web page's address: `https://` or `http://`, a host, nothing that could break out of
/// an attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebAddress(String);

impl WebAddress {
    pub fn parse(text: &str) -> Result<WebAddress, String> {
        let text = text.trim();
        let host = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
        let safe = !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`".contains(c));
        match host {
            Some(host) if !host.is_empty() && host.contains('.') && safe && text.len() <= 2000 => {
                Ok(WebAddress(text.to_string()))
            }
            _ => Err("is not a web address starting with https://".into()),
        }
    }
}

/// An email address people may write to (the accounts' rule for what looks like one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactEmail(String);

impl ContactEmail {
    pub fn parse(text: &str) -> Result<ContactEmail, String> {
        crate::accounts::Email::parse(text)
            .map(|email| ContactEmail(email.as_str().to_string()))
            .map_err(|_| "is not an email address".into())
    }
}

/// A local authority's ONS (GSS) code: a letter for the nation and eight digits (E06000049).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalAuthorityCode(String);

impl LocalAuthorityCode {
    pub fn parse(text: &str) -> Result<LocalAuthorityCode, String> {
        let code = text.trim().to_ascii_uppercase();
        let b = code.as_bytes();
        let shaped = b.len() == 9
            && matches!(b[0], b'E' | b'W' | b'S' | b'N')
            && b[1..].iter().all(u8::is_ascii_digit);
        if shaped {
            Ok(LocalAuthorityCode(code))
        } else {
            Err("is not a local authority code (a letter and eight digits, like E06000049)".into())
        }
    }
}

/// The outward codes the area covers, at least one, each in its display form ("CW1").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutwardCodes(Vec<String>);

impl OutwardCodes {
    pub fn parse<S: AsRef<str>>(codes: &[S]) -> Result<OutwardCodes, String> {
        if codes.is_empty() {
            return Err("is empty: name at least one outward code, like \"CW1\"".into());
        }
        codes
            .iter()
            .map(|code| {
                crate::places::normalise_outcode(code.as_ref()).ok_or_else(|| {
                    format!(
                        "“{}” is not an outward code (the first half of a postcode, like CW1)",
                        code.as_ref()
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(OutwardCodes)
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// Whether a postcode or outward code ("WA13 0AA", "wa13") is in the area: `None`
    /// when it is neither (a town's name, which is ours by definition).
    pub fn covers(&self, place: &str) -> Option<bool> {
        let outward = match crate::places::normalise_postcode(place) {
            Some(postcode) => postcode.split(' ').next()?.to_string(),
            None => crate::places::normalise_outcode(place)?,
        };
        Some(self.0.contains(&outward))
    }
}

impl<'de> Deserialize<'de> for OutwardCodes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let codes = Vec::<String>::deserialize(deserializer)?;
        OutwardCodes::parse(&codes).map_err(D::Error::custom)
    }
}

/// The day of the last accessibility audit: a TOML date (`2025-05-01`) or the same in quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditDate(pub Date);

impl<'de> Deserialize<'de> for AuditDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const PROBLEM: &str = "is not a date (write it like 2025-05-01)";
        let text = match toml::Value::deserialize(deserializer)? {
            toml::Value::Datetime(datetime) if datetime.time.is_none() => datetime.to_string(),
            toml::Value::String(text) => text,
            _ => return Err(D::Error::custom(PROBLEM)),
        };
        text.trim()
            .parse::<Date>()
            .map(AuditDate)
            .map_err(|_| D::Error::custom(PROBLEM))
    }
}

#[cfg(test)]
mod tests;
