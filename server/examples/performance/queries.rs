//! The questions every measure asks, the same in every form: a core search, a results
//! page URL, an API URL and (for the kind FTS5 can answer) an FTS5 query.

use dayfinder::model::{Need, Term, Weekday};
use dayfinder::query::SearchQuery;

/// Words people search for; all occur in the synthetic directory.
const TEXTS: &[&str] = &[
    "gardening",
    "arts and crafts",
    "music",
    "cooking club",
    "singing",
    "chair exercise",
    "memory cafe",
    "walks",
    "tea and chat",
    "reminiscence",
    "quizzes",
    "bingo and games",
];

/// How a question narrows the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Words, one need, one town, one day: what the FTS5 baseline also answers.
    Filtered,
    /// Words and one need: a full page of results and busy facets.
    Broad,
    /// Words, a day, and within 10 miles of a town.
    Place,
}

impl Shape {
    pub const ALL: [Shape; 3] = [Shape::Filtered, Shape::Broad, Shape::Place];

    pub fn label(self) -> &'static str {
        match self {
            Shape::Filtered => "text + need + town + day",
            Shape::Broad => "text + need",
            Shape::Place => "text + day + within 10 miles of a postcode district",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Question {
    pub shape: Shape,
    pub text: &'static str,
    pub need: Need,
    pub town: String,
    /// An outcode in the town, for searches near a place.
    pub near: String,
    pub day: Weekday,
}

impl Question {
    pub fn search(&self) -> SearchQuery {
        let mut q = SearchQuery::text(self.text);
        q.per_page = 20;
        match self.shape {
            Shape::Filtered => {
                q.needs = vec![self.need];
                q.towns = vec![self.town.clone()];
                q.days = vec![self.day];
            }
            Shape::Broad => q.needs = vec![self.need],
            Shape::Place => {
                q.days = vec![self.day];
                q.place = Some(self.near.clone());
                q.within_miles = Some(10.0);
            }
        }
        q
    }

    /// The results page's path and query.
    pub fn page(&self) -> String {
        let pairs = self.search().to_params();
        format!(
            "/search?{}",
            encode(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        )
    }

    /// The API's path and query for the same question, 20 to a page.
    pub fn api(&self) -> String {
        let need = self.need.slug();
        let day = self.day.slug();
        let mut pairs = vec![("search", self.text), ("per_page", "20")];
        let miles10 = "16093";
        let path = match self.shape {
            Shape::Filtered => {
                pairs.extend([("need", need), ("town", &self.town), ("day", day)]);
                "/api/v3/services"
            }
            Shape::Broad => {
                pairs.push(("need", need));
                "/api/v3/services"
            }
            Shape::Place => {
                pairs.extend([
                    ("day", day),
                    ("postcode", &self.near),
                    ("proximity", miles10),
                ]);
                "/api/v3/service_at_locations"
            }
        };
        format!("{path}?{}", encode(pairs))
    }
}

fn encode<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// `per_shape` questions of each shape, the same for a given directory: towns (with an
/// outcode in each) are taken from those the directory has.
pub fn questions(towns: &[(String, String)], per_shape: usize) -> Vec<Question> {
    let mut rng = 0x5eed_u64;
    let mut next = |n: usize| {
        // SplitMix64, as the synthetic directory uses: deterministic and good enough.
        rng = rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    };
    let mut out = Vec::new();
    for shape in Shape::ALL {
        for i in 0..per_shape {
            let (town, near) = towns[next(towns.len())].clone();
            out.push(Question {
                shape,
                text: TEXTS[i % TEXTS.len()],
                need: Need::all()[next(Need::all().len())],
                town,
                near,
                day: Weekday::all()[next(Weekday::all().len())],
            });
        }
    }
    out
}
