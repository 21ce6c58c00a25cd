//! Feeds the directory follows: another directory's Open Referral UK feed, pulled on a
//! schedule (`dayfinder feeds add URL --every 1h`, docs/feeds.md). The core knows what a
//! feed is and when it is due; the server fetches it over HTTP and imports it.

use std::time::Duration;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A followed feed's number in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FeedId(pub i64);

/// How often a feed is pulled: from 5 minutes to a week, so a typing slip can neither
/// hammer another council's server nor leave a feed unread for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Every(Duration);

/// A schedule that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EveryError {
    #[error("“{0}” is not a length of time: write it like 30m, 1h, 6h or 1d")]
    NotATime(String),
    #[error("a feed is pulled at most every 5 minutes (you asked for {0})")]
    TooOften(String),
    #[error("a feed is pulled at least once a week (you asked for {0})")]
    TooRarely(String),
}

impl Every {
    pub const MIN: Duration = Duration::from_secs(5 * 60);
    pub const MAX: Duration = Duration::from_secs(7 * 24 * 60 * 60);
    /// An hour: what `feeds add` uses when not told.
    pub const DEFAULT: Every = Every(Duration::from_secs(60 * 60));

    /// "30m", "1h", "6 hours", "1d", "90 minutes".
    pub fn parse(text: &str) -> Result<Every, EveryError> {
        let trimmed = text.trim();
        let span: jiff::Span = trimmed
            .parse()
            .map_err(|_| EveryError::NotATime(trimmed.to_string()))?;
        let seconds = span
            .total((jiff::Unit::Second, jiff::civil::date(2000, 1, 1)))
            .map_err(|_| EveryError::NotATime(trimmed.to_string()))?;
        if !seconds.is_finite() || seconds <= 0.0 {
            return Err(EveryError::NotATime(trimmed.to_string()));
        }
        Every::from_seconds(seconds.round() as u64).map_err(|e| match e {
            EveryError::TooOften(_) => EveryError::TooOften(trimmed.to_string()),
            EveryError::TooRarely(_) => EveryError::TooRarely(trimmed.to_string()),
            other => other,
        })
    }

    /// A schedule from a number of seconds (as the store keeps it).
    pub fn from_seconds(seconds: u64) -> Result<Every, EveryError> {
        let duration = Duration::from_secs(seconds);
        if duration < Every::MIN {
            Err(EveryError::TooOften(format!("{seconds} seconds")))
        } else if duration > Every::MAX {
            Err(EveryError::TooRarely(format!("{seconds} seconds")))
        } else {
            Ok(Every(duration))
        }
    }

    pub fn seconds(self) -> u64 {
        self.0.as_secs()
    }

    /// "every hour", "every 30 minutes", "every 2 days".
    pub fn words(self) -> String {
        let s = self.seconds();
        let (n, unit) = if s.is_multiple_of(86_400) {
            (s / 86_400, "day")
        } else if s.is_multiple_of(3_600) {
            (s / 3_600, "hour")
        } else {
            (s.div_ceil(60), "minute")
        };
        if n == 1 {
            format!("every {unit}")
        } else {
            format!("every {n} {unit}s")
        }
    }
}

/// How the last pull of a feed went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedRun {
    pub at: Timestamp,
    /// Whether it was imported; when not, nothing changed.
    pub ok: bool,
    /// The import's summary, or why nothing changed, in plain words.
    pub message: String,
}

/// A feed the directory follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub id: FeedId,
    /// The feed's services address (http or https), as the council gave it.
    pub url: String,
    pub every: Every,
    pub added_at: Timestamp,
    /// When a node last started pulling it (claimed it): the schedule counts from here.
    pub started_at: Option<Timestamp>,
    pub last_run: Option<FeedRun>,
}

impl Feed {
    /// Whether the feed should be pulled at `now`.
    pub fn due(&self, now: Timestamp) -> bool {
        match self.started_at {
            None => true,
            Some(started) => started.as_second() + self.every.seconds() as i64 <= now.as_second(),
        }
    }
}

/// One successful read of a feed, as the store applies it: every service the feed holds
/// now (by our id), so listings it no longer has can be withdrawn and those it has again
/// restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRead {
    /// The feed's address: a listing's source is the address it was read from, so a
    /// feed pulled once by `feeds run` and one followed on a schedule are the same source.
    pub url: String,
    pub at: Timestamp,
    pub present: Vec<String>,
}

/// What a feed's read did besides merging its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeedApplied {
    /// Listings the feed no longer has: taken off the site and kept aside.
    pub withdrawn: usize,
    /// Withdrawn listings the feed has again: back on the site, with their open days.
    pub restored: usize,
}

/// Where a listing came from: the feed it was last read from, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingSource {
    pub service_id: String,
    pub feed_url: String,
    /// The last read of the feed that held this listing.
    pub read_at: Timestamp,
    /// Set while the listing is withdrawn: when, and its name then (for the editors).
    pub withdrawn: Option<Withdrawal>,
}

/// A listing taken off the site because its feed stopped listing it. It is kept (with its
/// open days) and comes back if the feed lists it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub at: Timestamp,
    pub name: String,
}

/// A feed's address as people are shown it: its host ("directory.example.gov.uk"), or
/// the address itself when it has none.
pub fn feed_host(url: &str) -> &str {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    // Credentials are never shown.
    let host = host.rsplit('@').next().unwrap_or(host);
    if host.is_empty() { url } else { host }
}

/// Whether a text is an address a feed can be pulled from: http or https, with a host,
/// no spaces or control characters. (The server parses it fully before each pull.)
pub fn looks_like_feed_url(text: &str) -> bool {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
            && text.len() <= 2_000
            && !text.chars().any(|c| c.is_control() || c.is_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_are_read_as_people_write_them() {
        assert_eq!(Every::parse("1h").unwrap().seconds(), 3_600);
        assert_eq!(Every::parse("30m").unwrap().seconds(), 1_800);
        assert_eq!(Every::parse("90 minutes").unwrap().seconds(), 5_400);
        assert_eq!(Every::parse("1d").unwrap().seconds(), 86_400);
        assert_eq!(Every::parse(" 6 hours ").unwrap().words(), "every 6 hours");
        assert_eq!(Every::DEFAULT.words(), "every hour");
    }

    #[test]
    fn a_schedule_too_tight_too_loose_or_nonsense_is_refused_politely() {
        assert!(matches!(Every::parse("1s"), Err(EveryError::TooOften(_))));
        assert!(matches!(Every::parse("30d"), Err(EveryError::TooRarely(_))));
        assert!(matches!(
            Every::parse("often"),
            Err(EveryError::NotATime(_))
        ));
        assert!(matches!(Every::parse("-1h"), Err(EveryError::NotATime(_))));
        assert!(matches!(Every::parse(""), Err(EveryError::NotATime(_))));
    }

    #[test]
    fn a_feed_is_due_when_never_pulled_or_when_its_time_has_come() {
        let at = |s: i64| Timestamp::from_second(s).unwrap();
        let mut feed = Feed {
            id: FeedId(1),
            url: "https://directory.example/api/v3/services".into(),
            every: Every::DEFAULT,
            added_at: at(0),
            started_at: None,
            last_run: None,
        };
        assert!(feed.due(at(10)));
        feed.started_at = Some(at(100));
        assert!(!feed.due(at(100 + 3_599)));
        assert!(feed.due(at(100 + 3_600)));
    }

    #[test]
    fn a_feed_is_shown_by_its_host_without_credentials() {
        assert_eq!(
            feed_host("https://directory.example.gov.uk/api/v3/services?full=true"),
            "directory.example.gov.uk"
        );
        assert_eq!(
            feed_host("http://user:secret@127.0.0.1:8080/x"),
            "127.0.0.1:8080"
        );
        assert_eq!(feed_host("odd"), "odd");
    }

    #[test]
    fn only_http_addresses_with_a_host_are_feeds() {
        assert!(looks_like_feed_url(
            "https://directory.example/api/v3/services?full=true"
        ));
        assert!(looks_like_feed_url("http://127.0.0.1:8080/services"));
        for bad in [
            "ftp://x/",
            "https://",
            "javascript:alert(1)",
            "https://a b/",
            "file:///etc/passwd",
            "",
        ] {
            assert!(!looks_like_feed_url(bad), "{bad}");
        }
    }
}
