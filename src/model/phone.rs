//! A phone number as a listing shows it: UK or international digits, with the spaces,
//! brackets and dashes people write, and an optional extension. The editors' forms and
//! every importer use this one rule.

use std::fmt;

/// The longest number accepted, as typed.
pub const MAX_PHONE: usize = 40;

/// A phone number a person could dial, as written (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

/// Why text is not a phone number, said so a person can put it right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("must be a phone number, like 01632 960 123")]
    NotPhone,
    #[error("must be {MAX_PHONE} characters or fewer")]
    TooLong,
}

impl PhoneNumber {
    /// 7 to 15 digits (the international limit), written with digits, spaces, `+`, `(`, `)`
    /// and `-`, and after them an optional extension: "ext 23", "extension 23", "x23".
    pub fn parse(text: &str) -> Result<PhoneNumber, PhoneError> {
        let text = text.trim();
        if text.chars().count() > MAX_PHONE {
            return Err(PhoneError::TooLong);
        }
        let (number, extension) = split_extension(text);
        let digits = number.chars().filter(char::is_ascii_digit).count();
        let written = number
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-".contains(c));
        let extension_ok = extension
            .is_none_or(|e| (1..=6).contains(&e.len()) && e.bytes().all(|b| b.is_ascii_digit()));
        if (7..=15).contains(&digits) && written && extension_ok {
            Ok(PhoneNumber(text.to_string()))
        } else {
            Err(PhoneError::NotPhone)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// "01632 960123 ext 23" as ("01632 960123", Some("23")).
fn split_extension(text: &str) -> (&str, Option<&str>) {
    let lower = text.to_ascii_lowercase();
    for mark in ["extension", "ext.", "ext", "x"] {
        if let Some(at) = lower.rfind(mark) {
            let after = text[at + mark.len()..].trim();
            if !after.is_empty() && after.bytes().all(|b| b.is_ascii_digit()) {
                return (text[..at].trim_end(), Some(after));
            }
        }
    }
    (text, None)
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<PhoneNumber> for String {
    fn from(number: PhoneNumber) -> String {
        number.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_taken_as_people_write_them() {
        for number in [
            "01632 960123",
            "(01632) 960 123",
            "+44 1632 960123",
            "07700-900123",
            "0800 123 4567 ext 23",
            "01632 960123 extension 4",
            "01632 960123 x12",
        ] {
            assert_eq!(
                PhoneNumber::parse(number).map(|n| n.to_string()),
                Ok(number.to_string())
            );
        }
    }

    #[test]
    fn words_and_short_or_long_numbers_are_not_phone_numbers() {
        for text in [
            "",
            "ring us",
            "123456",
            "1234567890123456",
            "01632 960123 or 01632 960124",
            "01632 960123 (Mon-Fri)",
            "01632 960123 ext",
            "<script>",
        ] {
            assert_eq!(
                PhoneNumber::parse(text),
                Err(PhoneError::NotPhone),
                "{text:?}"
            );
        }
        assert_eq!(
            PhoneNumber::parse(&"1".repeat(41)),
            Err(PhoneError::TooLong)
        );
    }
}
