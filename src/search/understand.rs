//! Reading a question the way a person means it. "Something on Saturdays near Crewe for
//! my dad, he has dementia" is a day (Saturday), a place (near Crewe) and words
//! (dementia). Days, times, places, distances, ages, "free" and access features become
//! filters; what is left is searched as words.

use crate::model::{AccessFeature, CostKind, DayPart, Term, Weekday};
use crate::query::{SearchQuery, push};

use super::words::{concept_at, is_filler, words};

/// What the search needs to know about places to read a question.
pub trait PlaceNames {
    /// The directory's name for a town ("holmes chapel" → "Holmes Chapel"), if it is one.
    fn town(&self, words: &str) -> Option<String>;
    /// Whether this is a real outward code ("CW1"), so "mp3" or "a1" typed alone are
    /// not mistaken for places.
    fn is_outcode(&self, code: &str) -> bool;
}

/// Whether these words look like a postcode or outward code ("cw11 1aa", "cw1").
fn postcode_at(w: &[String]) -> Option<(String, usize)> {
    let outward = |s: &str| {
        let b = s.as_bytes();
        (2..=4).contains(&b.len())
            && b[0].is_ascii_alphabetic()
            && b.iter().any(|c| c.is_ascii_digit())
            && b.iter().all(|c| c.is_ascii_alphanumeric())
            && b.iter()
                .position(|c| c.is_ascii_digit())
                .is_some_and(|i| (1..=2).contains(&i))
    };
    let inward = |s: &str| {
        let b = s.as_bytes();
        b.len() == 3
            && b[0].is_ascii_digit()
            && b[1].is_ascii_alphabetic()
            && b[2].is_ascii_alphabetic()
    };
    let first = w.first()?;
    if first.len() >= 5 && first.len() <= 7 && first.is_ascii() {
        let (o, i) = first.split_at(first.len() - 3);
        if outward(o) && inward(i) {
            return Some((format!("{} {}", o.to_uppercase(), i.to_uppercase()), 1));
        }
    }
    if !outward(first) {
        return None;
    }
    match w.get(1) {
        Some(next) if inward(next) => Some((
            format!("{} {}", first.to_uppercase(), next.to_uppercase()),
            2,
        )),
        _ => Some((first.to_uppercase(), 1)),
    }
}

fn town_at(w: &[String], places: &dyn PlaceNames) -> Option<(String, usize)> {
    (1..=w.len().min(3))
        .rev()
        .find_map(|n| places.town(&w[..n].join(" ")).map(|t| (t, n)))
}

/// What was taken from a question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Understood {
    /// What became filters, in words for people: "on Saturdays", "near Crewe".
    pub said: Vec<String>,
}

/// Moves what the question says about days, times, places, ages, cost and access into
/// the query's filters, leaving the rest as words. Filters already set are kept; a place
/// already given is not replaced.
pub fn understand(query: &mut SearchQuery, places: &dyn PlaceNames) -> Understood {
    let w = words(&query.text);
    let mut said = Vec::new();
    let mut left: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let rest = &w[i..];
        let word = rest[0].as_str();
        let next = rest.get(1).map(String::as_str);

        // Places: "near X", "around X", "close to X", "within 5 miles of X", "in X", bare X.
        let (prep, skip) = match (word, next) {
            ("near" | "around" | "nearby", _) => (Some("near"), 1),
            ("close", Some("to")) => (Some("near"), 2),
            ("of", _) if said.iter().any(|s: &String| s.starts_with("within")) => (Some("near"), 1),
            ("in" | "at", _) => (Some("in"), 1),
            _ => (None, 0),
        };
        let after = &rest[skip..];
        let bare_ok = |pc: &str| pc.contains(' ') || places.is_outcode(pc);
        if let Some((pc, n)) = postcode_at(after).filter(|(pc, _)| prep.is_some() || bare_ok(pc)) {
            if query.place.is_none() {
                said.push(format!("near {pc}"));
                query.place = Some(pc);
            }
            i += skip + n;
            continue;
        }
        if let Some((town, n)) = town_at(after, places) {
            if prep == Some("near") && query.place.is_none() {
                said.push(format!("near {town}"));
                query.place = Some(town);
            } else if (prep != Some("near") || query.place.is_some())
                && !query.towns.contains(&town)
                && query.place.is_none()
            {
                said.push(format!("in {town}"));
                query.towns.push(town);
            }
            i += skip + n;
            continue;
        }

        // "within 5 miles", "5 miles", "within 10 mile"
        let num_at = |k: usize| {
            rest.get(k)
                .and_then(|s| s.parse::<f64>().ok())
                .filter(|m| m.is_finite() && *m > 0.0)
        };
        let miles_word = |k: usize| {
            rest.get(k)
                .is_some_and(|s| s == "miles" || s == "mile" || s == "mi")
        };
        let within = if word == "within" && num_at(1).is_some() && miles_word(2) {
            Some((num_at(1), 3))
        } else if num_at(0).is_some() && miles_word(1) {
            Some((num_at(0), 2))
        } else {
            None
        };
        if let Some((Some(m), n)) = within {
            let m = m.min(crate::query::MAX_RADIUS_MILES);
            query.within_miles.get_or_insert(m);
            said.push(format!("within {} miles", crate::query::format_miles(m)));
            i += n;
            continue;
        }

        // Ages: "19 year old", "19 years old", "aged 19", "19yo".
        let age = match (word.parse::<u8>().ok(), next) {
            (Some(a), Some("year" | "years" | "yr" | "yrs" | "yo")) => Some((
                a,
                if rest.get(2).is_some_and(|s| s == "old") {
                    3
                } else {
                    2
                },
            )),
            _ if word == "aged" => rest
                .get(1)
                .and_then(|s| s.parse::<u8>().ok())
                .map(|a| (a, 2)),
            _ => word
                .strip_suffix("yo")
                .and_then(|n| n.parse::<u8>().ok())
                .map(|a| (a, 1)),
        };
        if let Some((a, n)) = age.filter(|(a, _)| (1..=120).contains(a)) {
            if query.age.is_none() {
                query.age = Some(a);
                said.push(format!("age {a}"));
            }
            i += n;
            continue;
        }

        // Days and times. Days read from words are marked as such (`said_days`), so a
        // listing whose own words name the day is found too; a day chosen stays strict.
        if let Some(days) = Weekday::days_of(word) {
            for d in days {
                if !query.days.contains(d) {
                    query.days.push(*d);
                    query.said_days.push(*d);
                }
            }
            said.push(match days {
                [day] => format!("on {}s", day.label()),
                [_, _] => "at weekends".into(),
                _ => "on weekdays".into(),
            });
            i += 1;
            continue;
        }
        if let Some(part) = DayPart::all()
            .iter()
            .find(|p| p.slug() == word || (p.aliases().contains(&word) && word.len() > 2))
        {
            push(&mut query.parts, *part);
            said.push(format!("{}s", part.label().to_lowercase()));
            i += 1;
            continue;
        }
        if word == "free" && next != Some("parking") {
            push(&mut query.costs, CostKind::Free);
            said.push("free".into());
            i += 1;
            continue;
        }

        // Access features: "hoist", "changing places toilet", "hearing loop".
        if let Some((concepts, n)) = concept_at(rest) {
            if let Some(slug) = concepts.iter().find_map(|c| c.key.strip_prefix("access:"))
                && let Some(feature) = AccessFeature::from_slug(slug)
            {
                if !query.access.contains(&feature) {
                    query.access.push(feature);
                    query.said_access.push(feature);
                }
                said.push(feature.label().to_lowercase());
                i += n + (rest.get(n).is_some_and(|s| s == "toilet" || s == "toilets") as usize);
                continue;
            }
            left.extend(rest[..n].iter().map(String::as_str));
            i += n;
            continue;
        }

        // Filler ("something", "for my dad") says nothing the search can use.
        if !is_filler(word) {
            left.push(word);
        }
        i += 1;
    }
    query.text = left.join(" ");
    Understood { said }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Towns;
    impl PlaceNames for Towns {
        fn town(&self, words: &str) -> Option<String> {
            [
                "Crewe",
                "Macclesfield",
                "Holmes Chapel",
                "Nantwich",
                "Congleton",
            ]
            .into_iter()
            .find(|t| t.eq_ignore_ascii_case(words))
            .map(String::from)
        }
        fn is_outcode(&self, code: &str) -> bool {
            ["CW1", "CW11", "SK10"].contains(&code)
        }
    }

    fn read(text: &str) -> (SearchQuery, Vec<String>) {
        let mut q = SearchQuery::text(text);
        let understood = understand(&mut q, &Towns);
        (q, understood.said)
    }

    #[test]
    fn saturday_dementia_near_crewe_becomes_a_day_a_place_and_a_word() {
        let (q, said) = read("something on Saturdays near Crewe for my dad, he has dementia");
        assert_eq!(q.days, [Weekday::Saturday]);
        assert_eq!(q.place.as_deref(), Some("Crewe"));
        assert_eq!(q.text, "dementia");
        assert_eq!(said, ["on Saturdays", "near Crewe"]);
    }

    #[test]
    fn within_five_miles_of_a_postcode_sets_place_and_radius() {
        let (q, _) =
            read("day centre with a hoist and a Changing Places toilet within 5 miles of CW11 1AA");
        assert_eq!(q.place.as_deref(), Some("CW11 1AA"));
        assert_eq!(q.within_miles, Some(5.0));
        assert_eq!(
            q.access,
            [AccessFeature::Hoist, AccessFeature::ChangingPlaces]
        );
        assert!(q.text.contains("day centre"));
        assert!(!q.text.contains("toilet"));
    }

    #[test]
    fn free_weekday_mornings_in_nantwich() {
        let (q, _) = read("free activities for older people in Nantwich on weekday mornings");
        assert_eq!(q.costs, [CostKind::Free]);
        assert_eq!(q.towns, ["Nantwich"]);
        assert_eq!(q.days.len(), 5);
        assert_eq!(q.parts, [DayPart::Morning]);
    }

    #[test]
    fn a_nineteen_year_old_is_an_age() {
        let (q, _) = read(
            "supported employment for my 19 year old son, learning disability, near Congleton",
        );
        assert_eq!(q.age, Some(19));
        assert_eq!(q.place.as_deref(), Some("Congleton"));
    }

    #[test]
    fn two_word_towns_and_joined_postcodes_are_found() {
        let (q, _) = read("lunch club holmes chapel");
        assert_eq!(q.towns, ["Holmes Chapel"]);
        let (q, _) = read("cw111aa");
        assert_eq!(q.place.as_deref(), Some("CW11 1AA"));
    }

    #[test]
    fn things_shaped_like_outward_codes_are_not_places() {
        let (q, _) = read("mp3 player a1 club");
        assert_eq!(q.place, None);
        let (q, _) = read("sk10 groups");
        assert_eq!(q.place.as_deref(), Some("SK10"));
    }

    #[test]
    fn filters_read_from_words_are_marked_and_chosen_ones_are_not() {
        let (q, _) = read("hearing loop on sat");
        assert_eq!(q.said_access, [AccessFeature::HearingLoop]);
        assert_eq!(q.said_days, [Weekday::Saturday]);
        let mut chosen = SearchQuery::text("hearing loop");
        chosen.access = vec![AccessFeature::HearingLoop];
        understand(&mut chosen, &Towns);
        assert!(chosen.said_access.is_empty());
    }

    #[test]
    fn plain_words_are_left_alone() {
        let (q, said) = read("gardening club");
        assert_eq!(q.text, "gardening club");
        assert!(said.is_empty());
    }
}
