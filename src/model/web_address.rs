//! A website's address, as listings may link to it: absolute `http` or `https` with a
//! host, no user name or password, of a bounded length. Import, the editors' forms and
//! every page that links to a website use this one rule, so a stored `javascript:` or
//! `data:` address never becomes a link.

use std::fmt;

/// The longest address accepted (browsers and servers take about this much).
pub const MAX_WEB_ADDRESS: usize = 2_000;

/// An address that is safe to put in a link's `href`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebAddress(String);

/// Why text is not a website's address, said so a person can put it right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WebAddressError {
    #[error("must be a full web address starting with https:// or http://")]
    NotHttp,
    #[error("must name the website after https://")]
    NoHost,
    #[error("must not hold a user name or password")]
    Credentials,
    #[error("must not contain spaces or characters like < > \" \\")]
    BadCharacter,
    #[error("must be {MAX_WEB_ADDRESS} characters or fewer")]
    TooLong,
}

impl WebAddress {
    /// Checks an address (trimmed first).
    pub fn parse(text: &str) -> Result<WebAddress, WebAddressError> {
        let text = text.trim();
        if text.len() > MAX_WEB_ADDRESS {
            return Err(WebAddressError::TooLong);
        }
        let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            &text[8..]
        } else if lower.starts_with("http://") {
            &text[7..]
        } else {
            return Err(WebAddressError::NotHttp);
        };
        if text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"`\\{}|^".contains(c))
        {
            return Err(WebAddressError::BadCharacter);
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        if authority.contains('@') {
            return Err(WebAddressError::Credentials);
        }
        let host = match authority.strip_prefix('[') {
            // An IPv6 address: "[2001:db8::1]:8080".
            Some(v6) => v6.split(']').next().unwrap_or(""),
            None => authority.split(':').next().unwrap_or(""),
        };
        let port = match authority.strip_prefix('[') {
            Some(_) => authority.split(']').nth(1).unwrap_or(""),
            None => authority.get(host.len()..).unwrap_or(""),
        };
        let port_ok = port.is_empty()
            || port.strip_prefix(':').is_some_and(|p| {
                !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit())
            });
        let host_ok = !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || "-.:".contains(c))
            && (authority.starts_with('[') || !host.contains(':'));
        if !host_ok || !port_ok {
            return Err(WebAddressError::NoHost);
        }
        Ok(WebAddress(text.to_string()))
    }

    /// The address to link to, when stored text is one (anything else is not linked).
    pub fn link(stored: Option<&String>) -> Option<WebAddress> {
        stored.and_then(|text| WebAddress::parse(text).ok())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WebAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_and_https_addresses_with_a_host_are_accepted() {
        for good in [
            "https://example.org",
            "http://example.org/clubs?day=monday#times",
            "HTTPS://Example.org/",
            "https://example.org:8443/path",
            "https://[2001:db8::1]:8080/",
            "https://bücher.example/",
            "  https://example.org/padded  ",
        ] {
            assert!(WebAddress::parse(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn script_data_and_other_schemes_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "//example.org",
            "example.org",
            "ftp://example.org",
            " javascript:alert(1)",
        ] {
            assert_eq!(
                WebAddress::parse(bad),
                Err(WebAddressError::NotHttp),
                "{bad}"
            );
        }
    }

    #[test]
    fn addresses_without_a_host_or_with_credentials_or_odd_characters_are_refused() {
        assert_eq!(WebAddress::parse("https://"), Err(WebAddressError::NoHost));
        assert_eq!(
            WebAddress::parse("https:///path"),
            Err(WebAddressError::NoHost)
        );
        assert_eq!(
            WebAddress::parse("https://example.org:port/"),
            Err(WebAddressError::NoHost)
        );
        assert_eq!(
            WebAddress::parse("https://user:pass@example.org/"),
            Err(WebAddressError::Credentials)
        );
        assert_eq!(
            WebAddress::parse("https://example.org/\"onmouseover=\"x"),
            Err(WebAddressError::BadCharacter)
        );
        assert_eq!(
            WebAddress::parse("https://exa mple.org"),
            Err(WebAddressError::BadCharacter)
        );
        let long = format!("https://example.org/{}", "a".repeat(MAX_WEB_ADDRESS));
        assert_eq!(WebAddress::parse(&long), Err(WebAddressError::TooLong));
    }

    #[test]
    fn only_a_good_stored_address_becomes_a_link() {
        assert!(WebAddress::link(Some(&"javascript:alert(1)".to_string())).is_none());
        assert_eq!(
            WebAddress::link(Some(&"https://example.org".to_string()))
                .map(|w| w.to_string())
                .as_deref(),
            Some("https://example.org")
        );
        assert!(WebAddress::link(None).is_none());
    }
}
