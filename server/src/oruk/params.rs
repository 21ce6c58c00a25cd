//! Query parameters, parsed into typed values at the edge: anything malformed is a 400
//! that names the parameter, never a guess. Unknown parameters are ignored, as the
//! standard expects; list parameters may repeat or be comma separated.

use axum::Json;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use dayfinder::model::{AccessFeature, ClockTime, CostKind, Kind, Need, Term, Tier, VacancyStatus};
use dayfinder::oruk::filter::parse_day;
use dayfinder::oruk::{AgeRange, ModifiedSince, SessionWindow, TermRef, Vocabulary};
use dayfinder::query::{MAX_PER_PAGE, clean_text};

use super::error::ApiError;

/// Results on a page unless asked otherwise (the ORUK convention).
pub const DEFAULT_PER_PAGE: usize = 50;
/// The largest page anyone may ask for (`minimal=true` lists aim to fit in one).
pub const MAX_PAGE_SIZE: usize = 1000;
/// The longest `search` kept; the rest is cut, not refused.
const MAX_TEXT_CHARS: usize = 200;
/// The furthest page number we read.
pub const MAX_PAGE: usize = 1_000_000;

/// The raw pairs of a query string.
pub struct Pairs(Vec<(String, String)>);

impl From<Vec<(String, String)>> for Pairs {
    fn from(pairs: Vec<(String, String)>) -> Self {
        Pairs(pairs)
    }
}

impl Pairs {
    /// The last non-empty value of a parameter.
    pub fn one(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    /// Every value of a parameter, repeated or comma separated.
    pub fn many(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// `true`/`false` (or `1`/`0`); absent is false.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.one(name).map(str::to_ascii_lowercase).as_deref() {
            None | Some("false" | "0") => Ok(false),
            Some("true" | "1") => Ok(true),
            Some(_) => Err(ApiError::bad(name, "must be true or false")),
        }
    }

    /// A whole number within `range`, if given.
    pub fn number(
        &self,
        name: &str,
        range: std::ops::RangeInclusive<usize>,
    ) -> Result<Option<usize>, ApiError> {
        self.one(name)
            .map(|v| {
                v.parse::<usize>()
                    .ok()
                    .filter(|n| range.contains(n))
                    .ok_or_else(|| {
                        ApiError::bad(
                            name,
                            format!(
                                "must be a whole number from {} to {}",
                                range.start(),
                                range.end()
                            ),
                        )
                    })
            })
            .transpose()
    }

    /// The `search` words, tidied.
    pub fn search(&self) -> String {
        self.one("search")
            .map(|s| clean_text(s, MAX_TEXT_CHARS))
            .unwrap_or_default()
    }
}

/// Which page, how big.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// From 1.
    pub page: usize,
    pub per_page: usize,
}

impl Paging {
    pub fn parse(p: &Pairs) -> Result<Paging, ApiError> {
        Ok(Paging {
            page: p.number("page", 1..=MAX_PAGE)?.unwrap_or(1),
            per_page: p
                .number("per_page", 1..=MAX_PAGE_SIZE)?
                .unwrap_or(DEFAULT_PER_PAGE),
        })
    }

    /// How many items come before this page.
    pub fn offset(&self) -> usize {
        (self.page - 1).saturating_mul(self.per_page)
    }

    /// This page of a list already in memory, with the envelope.
    pub fn slice<T>(&self, items: Vec<T>) -> dayfinder::oruk::Page<T> {
        let total = items.len();
        let contents = items
            .into_iter()
            .skip(self.offset())
            .take(self.per_page)
            .collect();
        dayfinder::oruk::Page::new(contents, total, self.page, self.per_page)
    }
}

/// `format`: a page of JSON, or every result as newline-delimited JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Ndjson,
}

impl Format {
    pub fn parse(p: &Pairs) -> Result<Format, ApiError> {
        match p.one("format").map(str::to_ascii_lowercase).as_deref() {
            None | Some("json") => Ok(Format::Json),
            Some("ndjson") => Ok(Format::Ndjson),
            Some(_) => Err(ApiError::bad("format", "must be json or ndjson")),
        }
    }

    /// A page as the caller asked: the envelope in JSON, or its items one per line.
    pub fn respond<T: serde::Serialize>(self, page: dayfinder::oruk::Page<T>) -> Response {
        match self {
            Format::Json => Json(page).into_response(),
            Format::Ndjson => {
                let mut body = String::new();
                for item in &page.contents {
                    match serde_json::to_string(item) {
                        Ok(line) => {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        Err(e) => return ApiError::internal(e).into_response(),
                    }
                }
                ([(header::CONTENT_TYPE, "application/x-ndjson")], body).into_response()
            }
        }
    }

    /// The paging to use: ndjson is every result at once.
    pub fn paging(self, paging: Paging) -> Paging {
        match self {
            Format::Json => paging,
            Format::Ndjson => Paging {
                page: 1,
                per_page: usize::MAX,
            },
        }
    }
}

/// `taxonomy_term_id`: ORUK term ids (or `vocabulary:slug`); a service must have one.
/// A well-formed id of a term we do not have matches nothing.
fn terms(p: &Pairs) -> Result<Option<Vec<TermRef>>, ApiError> {
    let given = p.many("taxonomy_term_id");
    if given.is_empty() {
        return Ok(None);
    }
    let mut found = Vec::new();
    for id in given {
        match TermRef::find(id) {
            Some(t) => found.push(t),
            None if dayfinder::oruk::ids::parse(id).is_some() => {}
            None => {
                return Err(ApiError::bad(
                    "taxonomy_term_id",
                    "must be a taxonomy term id from /taxonomy_terms (a UUID)",
                ));
            }
        }
    }
    Ok(Some(found))
}

/// `taxonomy_id`: a service must have a term from this taxonomy. `Some(None)` is a
/// well-formed id of a taxonomy we do not have, which matches nothing.
fn taxonomy(p: &Pairs) -> Result<Option<Option<Vocabulary>>, ApiError> {
    let Some(id) = p.one("taxonomy_id") else {
        return Ok(None);
    };
    match Vocabulary::find(id) {
        Some(v) => Ok(Some(Some(v))),
        None if dayfinder::oruk::ids::parse(id).is_some() => Ok(Some(None)),
        None => Err(ApiError::bad(
            "taxonomy_id",
            "must be a taxonomy id from /taxonomies (a UUID)",
        )),
    }
}

/// A list of our vocabulary's slugs (`need=dementia,autism`).
fn slugs<T: Term>(p: &Pairs, name: &str) -> Result<Vec<T>, ApiError> {
    let mut out = Vec::new();
    for value in p.many(name) {
        let term = T::from_slug(value).ok_or_else(|| {
            let choices: Vec<_> = T::all().iter().map(|t| t.slug()).collect();
            ApiError::bad(name, format!("must be one of: {}", choices.join(", ")))
        })?;
        if !out.contains(&term) {
            out.push(term);
        }
    }
    Ok(out)
}

fn clock(p: &Pairs, name: &str) -> Result<Option<ClockTime>, ApiError> {
    p.one(name)
        .map(|v| {
            v.parse::<ClockTime>().map_err(|_| {
                ApiError::bad(
                    name,
                    "must be a time of day written HH:MM, for example 09:30",
                )
            })
        })
        .transpose()
}

fn age(p: &Pairs, name: &str) -> Result<Option<u8>, ApiError> {
    Ok(p.number(name, 0..=120)?.and_then(|n| u8::try_from(n).ok()))
}

/// What `/services` and `/service_at_locations` filter on.
#[derive(Debug, Clone, Default)]
pub struct ServiceFilters {
    pub text: String,
    /// Any of these terms (`None`: no term filter).
    pub terms: Option<Vec<TermRef>>,
    pub taxonomy: Option<Option<Vocabulary>>,
    /// An ORUK organisation id or our slug.
    pub organization: Option<String>,
    pub modified: Option<ModifiedSince>,
    pub window: SessionWindow,
    pub ages: AgeRange,
    pub needs: Vec<Need>,
    pub kinds: Vec<Kind>,
    pub tiers: Vec<Tier>,
    pub vacancy: Vec<VacancyStatus>,
    pub costs: Vec<CostKind>,
    pub access: Vec<AccessFeature>,
    /// Town names or slugs.
    pub towns: Vec<String>,
}

impl ServiceFilters {
    pub fn parse(p: &Pairs) -> Result<ServiceFilters, ApiError> {
        let mut days = Vec::new();
        for value in p.many("day") {
            let day = parse_day(value).ok_or_else(|| {
                ApiError::bad(
                    "day",
                    "must be a day: MO, TU, WE, TH, FR, SA, SU, or its name",
                )
            })?;
            if !days.contains(&day) {
                days.push(day);
            }
        }
        let window = SessionWindow {
            days,
            start: clock(p, "start_time")?,
            end: clock(p, "end_time")?,
        };
        if let (Some(start), Some(end)) = (window.start, window.end)
            && end <= start
        {
            return Err(ApiError::bad("end_time", "must be after start_time"));
        }
        let ages = AgeRange {
            minimum: age(p, "minimum_age")?,
            maximum: age(p, "maximum_age")?,
        };
        if let (Some(min), Some(max)) = (ages.minimum, ages.maximum)
            && max < min
        {
            return Err(ApiError::bad(
                "maximum_age",
                "must not be below minimum_age",
            ));
        }
        let modified = p
            .one("modified_after")
            .map(|v| ModifiedSince::parse(v).map_err(|e| ApiError::bad("modified_after", e)))
            .transpose()?;
        let towns = p
            .many("town")
            .into_iter()
            .map(|t| clean_text(t, 60))
            .collect();
        Ok(ServiceFilters {
            text: p.search(),
            terms: terms(p)?,
            taxonomy: taxonomy(p)?,
            organization: p.one("organization_id").map(str::to_string),
            modified,
            window,
            ages,
            needs: slugs(p, "need")?,
            kinds: slugs(p, "kind")?,
            tiers: slugs(p, "tier")?,
            vacancy: slugs(p, "vacancy")?,
            costs: slugs(p, "cost")?,
            access: slugs(p, "access")?,
            towns,
        })
    }
}

/// How much of each service to give: `minimal=true` wins over `full=true`.
pub fn detail(p: &Pairs) -> Result<dayfinder::oruk::Detail, ApiError> {
    use dayfinder::oruk::Detail;
    Ok(match (p.flag("minimal")?, p.flag("full")?) {
        (true, _) => Detail::Minimal,
        (false, true) => Detail::Full,
        (false, false) => Detail::Summary,
    })
}

/// The page size the search engine serves at most, used to walk its pages.
pub const SEARCH_BATCH: usize = MAX_PER_PAGE;

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Pairs {
        Pairs(
            list.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn paging_refuses_what_is_not_a_page() {
        for (k, v) in [
            ("page", "abc"),
            ("page", "0"),
            ("per_page", "-1"),
            ("per_page", "5000"),
        ] {
            assert!(Paging::parse(&pairs(&[(k, v)])).is_err(), "{k}={v}");
        }
        let p = Paging::parse(&pairs(&[("page", "3"), ("per_page", "10")])).unwrap();
        assert_eq!((p.page, p.per_page, p.offset()), (3, 10, 20));
        assert_eq!(
            Paging::parse(&pairs(&[])).unwrap().per_page,
            DEFAULT_PER_PAGE
        );
    }

    #[test]
    fn lists_may_repeat_or_use_commas() {
        let f = ServiceFilters::parse(&pairs(&[
            ("need", "dementia,autism"),
            ("need", "dementia"),
            ("day", "SA"),
        ]))
        .unwrap();
        assert_eq!(f.needs, [Need::Dementia, Need::Autism]);
        assert_eq!(f.window.days.len(), 1);
    }

    #[test]
    fn unknown_choices_and_bad_values_are_refused() {
        for (k, v) in [
            ("need", "nonsense"),
            ("day", "someday"),
            ("start_time", "25:00"),
            ("minimum_age", "old"),
            ("modified_after", "notadate"),
            ("taxonomy_term_id", "not-a-term"),
            ("taxonomy_id", "not-a-taxonomy"),
        ] {
            assert!(ServiceFilters::parse(&pairs(&[(k, v)])).is_err(), "{k}={v}");
        }
    }

    #[test]
    fn a_well_formed_but_unknown_term_matches_nothing_rather_than_failing() {
        let f = ServiceFilters::parse(&pairs(&[(
            "taxonomy_term_id",
            "00000000-0000-0000-0000-000000000000",
        )]))
        .unwrap();
        assert_eq!(f.terms, Some(Vec::new()));
    }
}
