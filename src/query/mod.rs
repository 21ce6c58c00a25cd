//! What a person asks for and what they get back. These types are shared with the
//! browser build, so they hold no engine code.

pub mod events;
mod params;
mod results;

pub use events::EventQuery;
pub use params::{MAX_PROBLEMS, MAX_TEXT_CHARS, MAX_TOWNS, ParamProblem, clean_text, format_miles};
pub use results::{FacetGroup, FacetValue, Hit, PlaceFound, PlaceNotice, SearchResults, TextMatch};

use serde::{Deserialize, Serialize};

use crate::model::{AccessFeature, CostKind, DayPart, Kind, Need, Tier, VacancyStatus, Weekday};

/// The most results on one page.
pub const MAX_PER_PAGE: usize = 100;
/// Results on a page unless asked otherwise.
pub const DEFAULT_PER_PAGE: usize = 20;
/// The radius used when a place is given without one.
pub const DEFAULT_RADIUS_MILES: f64 = 5.0;
/// The furthest radius anyone may ask for.
pub const MAX_RADIUS_MILES: f64 = 100.0;

/// Adds `t` to a list of choices unless it is there already.
pub(crate) fn push<T: PartialEq>(list: &mut Vec<T>, t: T) {
    if !list.contains(&t) {
        list.push(t);
    }
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// Best match first.
    #[default]
    Relevance,
    /// Nearest first (needs a place).
    Distance,
    /// A to Z by name.
    Name,
}

impl Order {
    pub fn slug(self) -> &'static str {
        match self {
            Order::Relevance => "relevance",
            Order::Distance => "distance",
            Order::Name => "name",
        }
    }
}

/// A search: free words, a place and radius, and filters that combine.
///
/// Within one filter the choices are alternatives (dementia *or* older people); different
/// filters must all hold (dementia *and* Saturday). Access features must all be present.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Free words: "memory cafe", "autisim friendly".
    pub text: String,
    /// A postcode, outward code or town, as typed.
    pub place: Option<String>,
    /// Radius around the place in miles.
    pub within_miles: Option<f64>,
    pub needs: Vec<Need>,
    pub kinds: Vec<Kind>,
    pub tiers: Vec<Tier>,
    /// Town names as the directory writes them ("Holmes Chapel").
    pub towns: Vec<String>,
    pub days: Vec<Weekday>,
    pub parts: Vec<DayPart>,
    pub costs: Vec<CostKind>,
    /// All of these must be offered.
    pub access: Vec<AccessFeature>,
    pub vacancy: Vec<VacancyStatus>,
    /// The person's age: only services that admit it.
    pub age: Option<u8>,
    /// Young adults (`age=16-25`): only services that admit every age from 16 to 25,
    /// for people preparing for adulthood.
    #[serde(default)]
    pub young_adults: bool,
    /// Of `access` and `days`, those read from the words of the question, not chosen in
    /// the filter boxes (`said=hearing-loop`): listings whose own words mention them are
    /// found too, after those whose facts have them. Chosen filters stay strict.
    #[serde(default)]
    pub said_access: Vec<AccessFeature>,
    #[serde(default)]
    pub said_days: Vec<Weekday>,
    pub order: Order,
    /// Page number, from 1.
    pub page: usize,
    pub per_page: usize,
}

impl SearchQuery {
    /// A query for these words, with the defaults for everything else.
    pub fn text(words: impl Into<String>) -> Self {
        SearchQuery {
            text: words.into(),
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            ..Default::default()
        }
    }

    /// The radius that applies when a place is given.
    pub fn radius_miles(&self) -> f64 {
        self.within_miles
            .unwrap_or(DEFAULT_RADIUS_MILES)
            .clamp(0.1, MAX_RADIUS_MILES)
    }

    /// Whether any filter or words narrow the search.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.place.is_none()
            && self.needs.is_empty()
            && self.kinds.is_empty()
            && self.tiers.is_empty()
            && self.towns.is_empty()
            && self.days.is_empty()
            && self.parts.is_empty()
            && self.costs.is_empty()
            && self.access.is_empty()
            && self.vacancy.is_empty()
            && self.age.is_none()
            && !self.young_adults
    }

    /// Page and size within their limits.
    pub fn normalised_paging(&self) -> (usize, usize) {
        let per_page = if self.per_page == 0 {
            DEFAULT_PER_PAGE
        } else {
            self.per_page.min(MAX_PER_PAGE)
        };
        (self.page.clamp(1, 10_000), per_page)
    }
}
