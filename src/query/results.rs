//! The answer to a search: one page of hits, counts for every filter, and what the
//! search made of the place it was given.

use serde::{Deserialize, Serialize};

use super::SearchQuery;
use crate::model::{AccessFeature, Kind, Need, Tier, VacancyStatus, Weekday};

/// One result, with what a results page shows about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub summary: String,
    /// The town it is in; "Online" or "At home" for services without a building.
    pub town: String,
    /// Distance from the place searched for, in miles.
    pub distance_miles: Option<f64>,
    pub days: Vec<Weekday>,
    /// "Free", "£12 a session", "Funded after a care assessment".
    pub cost: String,
    pub tier: Tier,
    pub needs: Vec<Need>,
    pub kinds: Vec<Kind>,
    pub vacancy: VacancyStatus,
    /// When the vacancy was last confirmed, and when the listing was last reviewed: for
    /// "Checked 3 days ago" and "may be out of date" on its card. (`None` only in cards of
    /// an index written before they were kept.)
    #[serde(default)]
    pub vacancy_confirmed: Option<jiff::civil::Date>,
    #[serde(default)]
    pub last_reviewed: Option<jiff::civil::Date>,
    pub access: Vec<AccessFeature>,
    pub score: f32,
    /// Found only because its own words mention what the question asked for ("Hearing
    /// loop installed"), not by its facts: it comes after every listing found by them.
    #[serde(default)]
    pub from_description: bool,
}

/// Listings found only by their own words, counted by what they mention: "3 more
/// mention a hearing loop in their description".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextMatch {
    /// What they mention, to fit that sentence: "a hearing loop", "Saturdays",
    /// "a Changing Places toilet and a hoist".
    pub mentions: String,
    pub count: usize,
}

/// One choice in a filter, with how many results it would give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The URL value: `dementia`, `saturday`, `Holmes Chapel`.
    pub value: String,
    pub label: String,
    /// Results if this choice were added to the others in force.
    pub count: usize,
    pub selected: bool,
}

/// One filter and its choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetGroup {
    /// The URL parameter: `need`, `day`...
    pub param: String,
    pub label: String,
    pub values: Vec<FacetValue>,
}

/// A place that was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceFound {
    /// How to name it back to the person: "CW11 1AA", "Crewe".
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// A place that could not be found, with close matches to offer instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceNotice {
    pub input: String,
    pub message: String,
    pub suggestions: Vec<String>,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchResults {
    /// How many services match, across all pages.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    pub facets: Vec<FacetGroup>,
    /// The place searched around, when one was given and found.
    pub place: Option<PlaceFound>,
    /// The place that was given but not found.
    pub place_notice: Option<PlaceNotice>,
    /// Words in the question the search took as filters ("Saturday", "near Crewe").
    pub understood: Vec<String>,
    /// The search as it was run, when reading the question changed it: its words moved to
    /// filters ("dementia", day=saturday, near=Crewe). Pages show this one, so each filter
    /// can be seen and removed, and a bookmark repeats exactly what was run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreted: Option<SearchQuery>,
    /// Of `total`, the listings found only by their own words, after the others: the
    /// question's words became a filter (an access feature, a day) their facts do not
    /// have, but their description says it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text_matches: Vec<TextMatch>,
}

impl SearchResults {
    pub fn total_pages(&self) -> usize {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}
