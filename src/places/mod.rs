//! Places: where a person is searching from, and how far things are from there.
//!
//! The [`Gazetteer`] turns a postcode ("CW11 1AA"), an outward code ("CW1") or a town
//! name ("Holmes Chapel") into a point, using tables built into the binary from ONS open
//! data (see `data/postcodes/README.md`). Every postcode in the districts covering
//! Cheshire East is known exactly; anywhere else in the UK is placed by its outward code.

mod gazetteer;
mod grid;
mod import;
mod names;
mod postcode;
mod towns;

use geo::{Distance, Haversine, Point};
use serde::{Deserialize, Serialize};

pub use gazetteer::Gazetteer;
pub use import::{
    PlacesFileError, PostcodeFile, PostcodePosition, outcode_centroids, read_postcodes,
};
pub use names::{PlaceName, PlaceNamesFile, read_place_names};
pub(crate) use postcode::normalise_outcode;
pub use postcode::normalise_postcode;
pub use towns::{AreaTown, Town};

/// The credit the Open Government Licence requires wherever postcode positions are shown.
pub const ATTRIBUTION: &str = "Contains OS data © Crown copyright and database right 2025. \
Contains Royal Mail data © Royal Mail copyright and database right 2025. \
Source: Office for National Statistics licensed under the Open Government Licence v.3.0.";

const METRES_PER_MILE: f64 = 1609.344;

/// What a search location was understood as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A full postcode we hold exactly.
    Postcode,
    /// An outward code ("CW1"), placed at the mean position of its postcodes.
    Outcode,
    /// A town, placed at its centre.
    Town,
}

/// A point people can search near, with the name to show back to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// How to show it: "CW11 1AA", "CW11" or "Crewe".
    pub name: String,
    /// Latitude in WGS84 degrees.
    pub latitude: f64,
    /// Longitude in WGS84 degrees (negative is west).
    pub longitude: f64,
    /// Whether it is a postcode, an outward code or a town.
    pub kind: PlaceKind,
}

impl Place {
    /// The point as (latitude, longitude), the order `distance_miles` takes.
    pub fn position(&self) -> (f64, f64) {
        (self.latitude, self.longitude)
    }

    fn from_town(town: &Town) -> Place {
        Place {
            name: town.name.to_string(),
            latitude: town.latitude,
            longitude: town.longitude,
            kind: PlaceKind::Town,
        }
    }
}

/// Why a search location could not be understood, worded to show to the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaceError {
    /// Nothing (or only spaces and punctuation) was typed.
    #[error("Please type a town or a postcode.")]
    Empty,
    /// Not a postcode, outward code or town we know; `input` is tidied for showing back.
    #[error("We could not find “{input}”. Check the spelling, or try a town or postcode.")]
    NotFound {
        input: String,
        suggestions: Vec<String>,
    },
}

impl PlaceError {
    /// Town names or outward codes the person may have meant, best first.
    pub fn suggestions(&self) -> &[String] {
        match self {
            PlaceError::Empty => &[],
            PlaceError::NotFound { suggestions, .. } => suggestions,
        }
    }
}

/// Straight-line (great-circle) distance in miles between two (latitude, longitude) points.
pub fn distance_miles(a: (f64, f64), b: (f64, f64)) -> f64 {
    let from = Point::new(a.1, a.0);
    let to = Point::new(b.1, b.0);
    Haversine.distance(from, to) / METRES_PER_MILE
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    fn resolve(s: &str) -> Place {
        g().resolve(s)
            .unwrap_or_else(|e| panic!("{s:?} did not resolve: {e}"))
    }

    fn not_found(s: &str) -> Vec<String> {
        match g().resolve(s) {
            Err(PlaceError::NotFound { suggestions, .. }) => suggestions,
            other => panic!("{s:?} should not be found, got {other:?}"),
        }
    }

    fn nearest(place: &Place) -> &'static str {
        g().nearest_town(place.latitude, place.longitude).name
    }

    #[test]
    fn cw11_1aa_resolves_to_sandbach() {
        let place = resolve("CW11 1AA");
        assert_eq!(place.kind, PlaceKind::Postcode);
        assert_eq!(place.name, "CW11 1AA");
        assert_eq!(place.position(), (53.14397, -2.36184));
        assert_eq!(nearest(&place), "Sandbach");
    }

    #[test]
    fn lower_case_postcode_without_space_is_found() {
        for s in ["cw111aa", "CW111AA", " Cw11  1AA ", "cw11 1aa"] {
            let place = resolve(s);
            assert_eq!(
                (place.name.as_str(), place.kind),
                ("CW11 1AA", PlaceKind::Postcode),
                "{s:?}"
            );
        }
    }

    #[test]
    fn four_character_and_three_character_outcodes_are_not_confused() {
        assert_eq!(resolve("cw11aa").name, "CW1 1AA");
        assert_eq!(nearest(&resolve("cw11aa")), "Crewe");
        assert_eq!(resolve("CW111AA").name, "CW11 1AA");
    }

    #[test]
    fn exact_lookup_gives_coordinates_of_held_postcodes_only() {
        assert_eq!(g().postcode("cw1 2bj"), Some((53.09846, -2.43945)));
        assert_eq!(g().postcode("CW11 9ZZ"), None);
        assert_eq!(
            g().postcode("M1 1AE"),
            None,
            "outside the Cheshire East districts"
        );
        assert_eq!(g().postcode("Crewe"), None);
    }

    #[test]
    fn outward_code_cw1_is_crewe() {
        let place = resolve("CW1");
        assert_eq!(
            (place.name.as_str(), place.kind),
            ("CW1", PlaceKind::Outcode)
        );
        assert_eq!(nearest(&place), "Crewe");
        assert_eq!(resolve("sk10").name, "SK10");
        assert_eq!(nearest(&resolve("sk10")), "Macclesfield");
    }

    #[test]
    fn outward_codes_anywhere_in_the_uk_are_placed() {
        let london = resolve("sw1a");
        assert_eq!(london.kind, PlaceKind::Outcode);
        assert!((51.4..51.6).contains(&london.latitude), "{london:?}");
        assert_eq!(g().outcode_count(), 3077);
    }

    #[test]
    fn unknown_but_well_formed_postcode_falls_back_to_its_outward_code() {
        let place = resolve("CW11 9ZZ");
        assert_eq!(
            (place.name.as_str(), place.kind),
            ("CW11", PlaceKind::Outcode)
        );
        assert_eq!(nearest(&place), "Sandbach");
        let manchester = resolve("m1 1ae");
        assert_eq!(
            (manchester.name.as_str(), manchester.kind),
            ("M1", PlaceKind::Outcode)
        );
    }

    #[test]
    fn start_of_a_postcode_is_placed_by_its_outward_code() {
        assert_eq!(resolve("CW11 1").name, "CW11");
        assert_eq!(resolve("cw11 1a").kind, PlaceKind::Outcode);
    }

    #[test]
    fn town_names_match_in_any_case_spacing_or_slug() {
        for s in ["crewe", "CREWE", "Crewe", " crewe "] {
            assert_eq!(resolve(s).name, "Crewe", "{s:?}");
        }
        for s in [
            "Holmes Chapel",
            "holmes-chapel",
            "holmes chapel",
            "HolmesChapel",
            "holmes_chapel",
        ] {
            let place = resolve(s);
            assert_eq!(
                (place.name.as_str(), place.kind),
                ("Holmes Chapel", PlaceKind::Town),
                "{s:?}"
            );
        }
    }

    #[test]
    fn county_and_country_after_a_town_are_ignored() {
        for s in [
            "Crewe, Cheshire",
            "Crewe Cheshire",
            "crewe, cheshire east",
            "Crewe, UK",
            "near Crewe",
        ] {
            assert_eq!(resolve(s).name, "Crewe", "{s:?}");
        }
    }

    #[test]
    fn addresses_are_placed_by_their_postcode_or_town() {
        assert_eq!(
            resolve("Municipal Buildings, Earle Street, Crewe CW1 2BJ").name,
            "CW1 2BJ"
        );
        assert_eq!(resolve("12 Earle Street Crewe cw12bj").name, "CW1 2BJ");
        assert_eq!(resolve("Crewe Road, Alsager").name, "Alsager");
        assert_eq!(resolve("Sandbach CW11").name, "Sandbach");
        assert_eq!(resolve("Macc").name, "Macclesfield");
    }

    #[test]
    fn unknown_town_suggests_close_names() {
        assert_eq!(not_found("Crue").first().map(String::as_str), Some("Crewe"));
        assert_eq!(
            not_found("Macclesfeild").first().map(String::as_str),
            Some("Macclesfield")
        );
        assert_eq!(
            not_found("nantwhich").first().map(String::as_str),
            Some("Nantwich")
        );
        assert!(not_found("Chapel").contains(&"Holmes Chapel".to_string()));
        assert!(not_found("Zanzibar").is_empty());
    }

    #[test]
    fn two_towns_in_one_input_are_offered_as_suggestions() {
        let suggestions = not_found("Crewe Road Alsager");
        assert!(
            suggestions.starts_with(&["Crewe".to_string(), "Alsager".to_string()]),
            "{suggestions:?}"
        );
    }

    #[test]
    fn mistyped_postcode_suggests_outward_codes_that_exist() {
        let suggestions = not_found("CW13 1AA");
        assert!(suggestions.contains(&"CW1".to_string()), "{suggestions:?}");
        assert!(
            suggestions.iter().all(|s| g().outcode(s).is_some()),
            "{suggestions:?}"
        );
        let suggestions = not_found("CQ1");
        assert!(suggestions.contains(&"CW1".to_string()), "{suggestions:?}");
    }

    #[test]
    fn not_found_message_is_polite_and_names_the_input() {
        let err = g().resolve("Crue").unwrap_err();
        assert_eq!(
            err.to_string(),
            "We could not find “Crue”. Check the spelling, or try a town or postcode."
        );
        assert_eq!(err.suggestions(), ["Crewe".to_string()]);
    }

    #[test]
    fn empty_or_punctuation_only_input_asks_for_a_place() {
        for s in ["", "   ", "\t\n", "!!!", "-- ,", "…"] {
            assert_eq!(g().resolve(s), Err(PlaceError::Empty), "{s:?}");
        }
        assert_eq!(
            PlaceError::Empty.to_string(),
            "Please type a town or a postcode."
        );
    }

    #[test]
    fn hostile_input_gets_a_short_clean_error() {
        let long = "a".repeat(10_000);
        let err = g().resolve(&long).unwrap_err();
        assert!(err.to_string().len() < 200);
        let err = g()
            .resolve("Cruwe\u{0}\u{7}\u{1b}[31m' OR 1=1; DROP TABLE services; --")
            .unwrap_err();
        assert!(!err.to_string().chars().any(char::is_control), "{err}");
        for s in [
            "🦀",
            "😀 CW1",
            "Ｃｒｅｗｅ",
            "\u{202e}ewerC",
            "'; DROP TABLE places; --",
            "%00",
            "CW1\u{0}1AA",
        ] {
            let _ = g().resolve(s);
        }
    }

    #[test]
    fn every_town_has_a_real_centre_postcode_in_its_district() {
        for town in g().towns() {
            assert_eq!(
                g().postcode(town.centre_postcode),
                Some(town.position()),
                "{}",
                town.name
            );
            let outward = town.centre_postcode.split(' ').next().unwrap();
            assert!(town.postcode_districts.contains(&outward), "{}", town.name);
            assert_eq!(
                g().nearest_town(town.latitude, town.longitude).name,
                town.name
            );
        }
    }

    #[test]
    fn the_required_towns_are_all_there() {
        for name in [
            "Crewe",
            "Macclesfield",
            "Congleton",
            "Nantwich",
            "Sandbach",
            "Wilmslow",
            "Knutsford",
            "Poynton",
            "Alsager",
            "Middlewich",
            "Holmes Chapel",
            "Handforth",
            "Bollington",
            "Disley",
            "Audlem",
        ] {
            assert_eq!(g().town(name).map(|t| t.name), Some(name));
        }
    }

    #[test]
    fn towns_are_found_by_name_or_slug_in_any_case() {
        for town in g().towns() {
            assert_eq!(g().town(town.slug).map(|t| t.name), Some(town.name));
            assert_eq!(
                g().town(&town.name.to_uppercase()).map(|t| t.name),
                Some(town.name)
            );
            assert_eq!(resolve(town.slug).name, town.name);
        }
        assert_eq!(
            g().town("ALDERLEY-EDGE").map(|t| t.slug),
            Some("alderley-edge")
        );
        assert_eq!(g().town("Chester"), None);
    }

    #[test]
    fn nearest_town_to_a_far_point_is_still_a_town() {
        // London is south-east of the borough, so its nearest town is on that edge.
        assert_eq!(g().nearest_town(51.5, -0.12).name, "Alsager");
        let odd = g().nearest_town(f64::NAN, f64::INFINITY);
        assert!(g().towns().contains(odd));
    }

    #[test]
    fn crewe_to_nantwich_is_about_four_miles() {
        let crewe = g().town("crewe").unwrap().position();
        let nantwich = g().town("nantwich").unwrap().position();
        let miles = distance_miles(crewe, nantwich);
        assert!((3.8..4.4).contains(&miles), "{miles}");
        assert_eq!(distance_miles(crewe, crewe), 0.0);
        assert!((distance_miles(crewe, nantwich) - distance_miles(nantwich, crewe)).abs() < 1e-9);
    }

    #[test]
    fn macclesfield_to_crewe_is_about_seventeen_miles_as_the_crow_flies() {
        let d = distance_miles(
            resolve("macclesfield").position(),
            resolve("crewe").position(),
        );
        assert!((16.5..18.0).contains(&d), "{d}");
    }

    #[test]
    fn embedded_tables_parse_completely_and_are_sorted() {
        let g = g();
        assert_eq!(
            g.postcode_count(),
            include_str!("../../data/postcodes/cheshire-east.csv")
                .lines()
                .count()
                - 1
        );
        assert!(g.postcode_count() > 20_000);
        for line in include_str!("../../data/postcodes/cheshire-east.csv")
            .lines()
            .skip(1)
            .step_by(97)
        {
            let (pc, rest) = line.split_once(',').unwrap();
            let display = normalise_postcode(pc).unwrap();
            let (lat, lon) = g.postcode(&display).unwrap();
            assert!(
                (52.8..53.6).contains(&lat) && (-2.8..-1.8).contains(&lon),
                "{line}"
            );
            assert_eq!(rest, format!("{lat:.5},{lon:.5}"));
            assert_eq!(g.resolve(&display).unwrap().kind, PlaceKind::Postcode);
        }
    }

    #[test]
    fn place_kind_serialises_in_lower_case() {
        assert_eq!(
            serde_json::to_string(&PlaceKind::Outcode).unwrap(),
            "\"outcode\""
        );
    }

    proptest! {
        #[test]
        fn any_input_is_ok_or_a_polite_error(s in ".*") {
            match g().resolve(&s) {
                Ok(place) => {
                    prop_assert!(!place.name.is_empty());
                    prop_assert!(place.latitude.is_finite() && place.longitude.is_finite());
                }
                Err(e) => {
                    let message = e.to_string();
                    prop_assert!(message.starts_with("We could not find") || message.starts_with("Please type"));
                    prop_assert!(message.chars().count() < 200);
                    prop_assert!(e.suggestions().len() <= 5);
                }
            }
        }

        #[test]
        fn postcode_like_input_never_panics(s in "[A-Za-z]{1,2}[0-9]{1,2}[A-Za-z0-9]? ?[0-9][A-Za-z]{2}") {
            let _ = g().resolve(&s);
            if let Some(display) = normalise_postcode(&s) {
                prop_assert_eq!(normalise_postcode(&display), Some(display.clone()));
            }
        }

        #[test]
        fn town_names_with_slips_never_panic(s in "(Crewe|Nantwich|Holmes Chapel)[ ,.a-z]{0,12}") {
            let _ = g().resolve(&s);
        }
    }
}
