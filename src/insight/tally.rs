//! A search as a tally key: what was asked for, in the directory's own words, and nothing
//! that could identify the person who asked.
//!
//! Kept: needs, kinds, the town or outward code ("CW11", never "CW11 1AA"), days, times
//! of day, ways of paying, whether it came from easy read, and the words typed only where
//! they are the directory's vocabulary (`need:dementia`, `kind:day-centre`); any other
//! word is counted as "other", never kept. The day is added by the recorder.

use std::collections::BTreeSet;

use crate::model::{CostKind, DayPart, Kind, Need, Term, Weekday};
use crate::places::{Gazetteer, PlaceKind};
use crate::query::SearchQuery;
use crate::search::words::{concept_at, is_filler, words};

/// At most this many results is "found few": too few to choose between.
pub const FEW: usize = 3;

/// What stands for any place, typed text or town that is not one the directory knows.
pub const OTHER: &str = "other";

/// The towns of services without a building, which people can filter by too.
const PLACELESS_TOWNS: [&str; 2] = ["Online", "At home"];

/// Whether a search found nothing, a few results, or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Nothing,
    /// From 1 to [`FEW`] results.
    Few,
    Some,
}

impl Outcome {
    /// The outcome of a search that found `total` results.
    pub fn of(total: usize) -> Outcome {
        match total {
            0 => Outcome::Nothing,
            n if n <= FEW => Outcome::Few,
            _ => Outcome::Some,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Outcome::Nothing => "nothing",
            Outcome::Few => "few",
            Outcome::Some => "some",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Outcome> {
        [Outcome::Nothing, Outcome::Few, Outcome::Some]
            .into_iter()
            .find(|o| o.slug() == slug)
    }
}

/// What a search asked for, reduced to what is safe to count. Every list is sorted and
/// without repeats, so the same search always makes the same key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TallyKey {
    /// Needs chosen, and needs named in the words ("memory" is dementia).
    pub needs: Vec<Need>,
    /// Kinds chosen, and kinds named in the words ("job" is supported employment).
    pub kinds: Vec<Kind>,
    /// Towns ("Crewe"), outward codes ("CW11"), or [`OTHER`] for a place we do not know.
    pub places: Vec<String>,
    pub days: Vec<Weekday>,
    pub times: Vec<DayPart>,
    pub costs: Vec<CostKind>,
    /// Whether the search was made in the easy read view.
    pub easy_read: bool,
    /// The vocabulary the words matched (`need:dementia`, `access:hoist`), and [`OTHER`]
    /// when any word matched none.
    pub words: Vec<String>,
}

/// A key as the text columns a store keeps it in: slugs joined by commas, "" for none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyColumns {
    pub needs: String,
    pub kinds: String,
    pub places: String,
    pub days: String,
    pub times: String,
    pub costs: String,
    pub words: String,
}

fn sorted<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    items
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn joined<T: Term>(terms: &[T]) -> String {
    terms.iter().map(|t| t.slug()).collect::<Vec<_>>().join(",")
}

/// Terms back from their column; slugs no longer known are dropped.
fn parsed<T: Term + Ord>(column: &str) -> Vec<T> {
    sorted(column.split(',').filter_map(T::from_slug))
}

fn split(column: &str) -> Vec<String> {
    column
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl TallyKey {
    /// The key of a search as it was run (after the engine read its words: pass
    /// `SearchResults::interpreted` when there is one), from the results page or easy read.
    pub fn of(query: &SearchQuery, easy_read: bool, places: &Gazetteer) -> TallyKey {
        let (mut needs, mut kinds, words) = vocabulary_of(&query.text);
        needs.extend(query.needs.iter().copied());
        kinds.extend(query.kinds.iter().copied());
        let mut found_places: Vec<String> =
            query.place.iter().map(|p| place_code(p, places)).collect();
        found_places.extend(query.towns.iter().map(|t| town_name(t, places)));
        TallyKey {
            needs: sorted(needs),
            kinds: sorted(kinds),
            places: sorted(found_places),
            days: sorted(query.days.iter().copied()),
            times: sorted(query.parts.iter().copied()),
            costs: sorted(query.costs.iter().copied()),
            easy_read,
            words,
        }
    }

    /// The key as text columns, for a store.
    pub fn columns(&self) -> KeyColumns {
        KeyColumns {
            needs: joined(&self.needs),
            kinds: joined(&self.kinds),
            places: self.places.join(","),
            days: joined(&self.days),
            times: joined(&self.times),
            costs: joined(&self.costs),
            words: self.words.join(","),
        }
    }

    /// A key back from a store's columns.
    pub fn from_columns(columns: &KeyColumns, easy_read: bool) -> TallyKey {
        TallyKey {
            needs: parsed(&columns.needs),
            kinds: parsed(&columns.kinds),
            places: split(&columns.places),
            days: parsed(&columns.days),
            times: parsed(&columns.times),
            costs: parsed(&columns.costs),
            easy_read,
            words: split(&columns.words),
        }
    }
}

/// The needs and kinds named in free words, and every vocabulary term they matched, plus
/// [`OTHER`] if any word (that says something) matched none. The words themselves are
/// never kept.
fn vocabulary_of(text: &str) -> (Vec<Need>, Vec<Kind>, Vec<String>) {
    let w = words(text);
    let (mut needs, mut kinds, mut found) = (Vec::new(), Vec::new(), BTreeSet::new());
    let mut other = false;
    let mut i = 0;
    while i < w.len() {
        if let Some((concepts, n)) = concept_at(&w[i..]) {
            for concept in concepts {
                if let Some(need) = concept.key.strip_prefix("need:").and_then(Need::from_slug) {
                    needs.push(need);
                }
                if let Some(kind) = concept.key.strip_prefix("kind:").and_then(Kind::from_slug) {
                    kinds.push(kind);
                }
                found.insert(concept.key);
            }
            i += n;
            continue;
        }
        if !is_filler(&w[i]) {
            other = true;
        }
        i += 1;
    }
    let mut found: Vec<String> = found.into_iter().collect();
    if other {
        found.push(OTHER.to_string());
    }
    (needs, kinds, found)
}

/// A searched place as a town or an outward code; never the full postcode, never what was
/// typed when it is not a place we know.
fn place_code(typed: &str, places: &Gazetteer) -> String {
    match places.resolve(typed) {
        Ok(place) => match place.kind {
            PlaceKind::Town => place.name,
            // "CW11 1AA": the outward code is the part before the space.
            PlaceKind::Postcode | PlaceKind::Outcode => place
                .name
                .split_whitespace()
                .next()
                .unwrap_or(OTHER)
                .to_string(),
        },
        Err(_) => OTHER.to_string(),
    }
}

/// A town filter (`town=...`, which anyone can type into a URL) as the directory writes
/// it, or [`OTHER`].
fn town_name(typed: &str, places: &Gazetteer) -> String {
    if let Some(placeless) = PLACELESS_TOWNS
        .iter()
        .find(|t| t.eq_ignore_ascii_case(typed))
    {
        return placeless.to_string();
    }
    places
        .town(typed)
        .map_or_else(|| OTHER.to_string(), |t| t.name.to_string())
}

/// The town an outward code is in ("CW1" → "Crewe"), for grouping reports by town; the
/// code itself when it covers none of the directory's towns, and a town as it is.
pub fn town_of_place(place: &str, places: &Gazetteer) -> String {
    places
        .towns()
        .iter()
        .find(|t| t.postcode_districts.contains(&place))
        .map_or_else(|| place.to_string(), |t| t.name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::understand;

    fn gazetteer() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    struct Places;
    impl crate::search::PlaceNames for Places {
        fn town(&self, words: &str) -> Option<String> {
            gazetteer().town(words).map(|t| t.name.to_string())
        }
        fn is_outcode(&self, code: &str) -> bool {
            gazetteer().outcode(code).is_some()
        }
    }

    /// The key of a question typed into the search box, read as the engine reads it.
    fn key_of_typed(text: &str) -> TallyKey {
        let mut query = SearchQuery::text(text);
        understand(&mut query, &Places);
        TallyKey::of(&query, false, gazetteer())
    }

    #[test]
    fn saturday_dementia_near_crewe_is_counted_as_need_day_and_town() {
        let key = key_of_typed("something on Saturdays near Crewe for my dad, he has dementia");
        assert_eq!(key.needs, [Need::Dementia]);
        assert_eq!(key.days, [Weekday::Saturday]);
        assert_eq!(key.places, ["Crewe"]);
        assert_eq!(key.words, ["need:dementia"]);
        assert!(!key.easy_read);
    }

    #[test]
    fn a_full_postcode_is_counted_as_its_outward_code() {
        let key = key_of_typed("day centre near CW11 1AA");
        assert_eq!(key.places, ["CW11"]);
        let (query, _) = SearchQuery::from_params([("near", "cw111aa"), ("need", "autism")]);
        let key = TallyKey::of(&query, true, gazetteer());
        assert_eq!(key.places, ["CW11"]);
        assert_eq!(key.needs, [Need::Autism]);
        assert!(key.easy_read);
        // A postcode we do not hold still only leaves its outward code.
        let (query, _) = SearchQuery::from_params([("near", "M1 1AE")]);
        assert_eq!(TallyKey::of(&query, false, gazetteer()).places, ["M1"]);
        let columns = format!("{:?}", TallyKey::of(&query, false, gazetteer()).columns());
        assert!(!columns.contains("1AE"), "{columns}");
    }

    #[test]
    fn words_outside_the_vocabulary_become_other() {
        let key = key_of_typed("my son Jamie Fitzgerald-Oduya has epilepsy and loves trains");
        assert_eq!(key.words, [OTHER]);
        assert!(key.needs.is_empty());
        let text = format!("{key:?}").to_lowercase();
        for private in ["jamie", "fitzgerald", "oduya", "epilepsy", "trains"] {
            assert!(!text.contains(private), "{private} in {text}");
        }
    }

    #[test]
    fn vocabulary_words_are_kept_even_misspelt_and_the_rest_is_other() {
        let key = key_of_typed("demenita gardening club");
        assert_eq!(key.needs, [Need::Dementia]);
        assert_eq!(key.kinds, [Kind::CommunityGroup]);
        assert_eq!(key.words, ["kind:community-group", "need:dementia", OTHER]);
        // Tiers and access features typed (and not read as filters) are vocabulary too.
        let query = SearchQuery::text("reablement hoists");
        assert_eq!(
            TallyKey::of(&query, false, gazetteer()).words,
            ["access:hoist", "tier:enablement"]
        );
    }

    #[test]
    fn a_place_or_town_we_do_not_know_is_other_not_what_was_typed() {
        let (query, _) =
            SearchQuery::from_params([("near", "12 Acacia Avenue"), ("town", "Narnia")]);
        assert_eq!(TallyKey::of(&query, false, gazetteer()).places, [OTHER]);
        let (query, _) = SearchQuery::from_params([("town", "holmes chapel"), ("town", "Online")]);
        assert_eq!(
            TallyKey::of(&query, false, gazetteer()).places,
            ["Holmes Chapel", "Online"]
        );
    }

    #[test]
    fn filler_words_alone_are_not_other() {
        assert!(key_of_typed("something for my mum please").words.is_empty());
        assert!(key_of_typed("").words.is_empty());
    }

    #[test]
    fn the_same_search_in_any_order_makes_the_same_key() {
        let (a, _) = SearchQuery::from_params([
            ("need", "autism"),
            ("need", "dementia"),
            ("day", "sunday"),
            ("day", "monday"),
        ]);
        let (b, _) = SearchQuery::from_params([
            ("day", "monday"),
            ("need", "dementia"),
            ("day", "sunday"),
            ("need", "autism"),
        ]);
        assert_eq!(
            TallyKey::of(&a, false, gazetteer()),
            TallyKey::of(&b, false, gazetteer())
        );
    }

    #[test]
    fn keys_read_back_from_their_columns() {
        let key = key_of_typed("free autism social group at weekends in Macclesfield evenings");
        assert_eq!(TallyKey::from_columns(&key.columns(), key.easy_read), key);
        assert_eq!(key.costs, [CostKind::Free]);
        assert_eq!(key.times, [DayPart::Evening]);
        assert_eq!(key.days, [Weekday::Saturday, Weekday::Sunday]);
    }

    #[test]
    fn outcomes_are_nothing_few_or_some() {
        assert_eq!(Outcome::of(0), Outcome::Nothing);
        assert_eq!(Outcome::of(1), Outcome::Few);
        assert_eq!(Outcome::of(FEW), Outcome::Few);
        assert_eq!(Outcome::of(FEW + 1), Outcome::Some);
    }

    #[test]
    fn outward_codes_are_grouped_under_their_town() {
        assert_eq!(town_of_place("CW1", gazetteer()), "Crewe");
        assert_eq!(town_of_place("Crewe", gazetteer()), "Crewe");
        assert_eq!(town_of_place("M1", gazetteer()), "M1");
    }
}
