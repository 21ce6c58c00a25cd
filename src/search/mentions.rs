//! What a listing's own words say it offers: "Hearing loop installed", "the venue has a
//! hoist", "visits arranged with you, including some Saturdays". A council's structured
//! facts are patchy; descriptions say the rest. Search finds these listings after the
//! ones whose facts say so, and the importer reads them as facts to check.
//!
//! Only whole phrases count (`AccessFeature::described_as`, and days by their full
//! names), and not when the words around them deny it: "there is no hoist", "the nearest
//! accessible toilet is in the library", "closed on Saturdays", "book by the Monday before".

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{AccessFeature, Listing, Term, Weekday};

use super::words::all_words;

/// Words just before a mention that take it back.
const DENIED_BEFORE: &[&str] = &[
    "arent", "cannot", "cant", "closed", "doesnt", "dont", "except", "hasnt", "havent", "isnt",
    "lack", "lacks", "nearest", "no", "not", "without",
];
/// Words just after a mention that take it back ("hoist is not available").
const DENIED_AFTER: &[&str] = &["broken", "not", "unavailable"];
/// Words just before a day that make it a deadline, not a day it runs ("by the Monday before").
const DEADLINE_BEFORE: &[&str] = &["by", "until"];

/// How far around a mention those words are looked for.
const BEFORE: usize = 3;
const AFTER: usize = 2;

/// Phrases of `AccessFeature::described_as` as words, by their first word (one look-up
/// per word of a listing, however many phrases there are).
type Phrases = HashMap<String, Vec<(Vec<String>, AccessFeature)>>;

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut by_first = Phrases::new();
        for &f in AccessFeature::all() {
            for p in f.described_as() {
                let words: Vec<String> = all_words(p).collect();
                if let Some(first) = words.first() {
                    by_first.entry(first.clone()).or_default().push((words, f));
                }
            }
        }
        by_first
    })
}

/// The words of each clause of a text: what denies a mention is looked for in its own
/// clause only ("No booking needed. Hearing loop installed." has a hearing loop).
fn clauses(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.split(['.', ';', ':', '!', '?', '\n'])
        .map(|clause| all_words(clause).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
}

/// Whether the words around `w[at..at + len]` deny it.
fn denied(w: &[String], at: usize, len: usize, before: &[&[&str]]) -> bool {
    let near_before = &w[at.saturating_sub(BEFORE)..at];
    let near_after = &w[(at + len).min(w.len())..(at + len + AFTER).min(w.len())];
    near_before
        .iter()
        .any(|x| before.iter().any(|list| list.contains(&x.as_str())))
        || near_after
            .iter()
            .any(|x| DENIED_AFTER.contains(&x.as_str()))
}

/// The access features a text says are there.
pub fn access_in(text: &str) -> Vec<AccessFeature> {
    let mut found = Vec::new();
    for w in clauses(text) {
        for (at, word) in w.iter().enumerate() {
            for (phrase, feature) in phrases().get(word).into_iter().flatten() {
                let fits = w.get(at..at + phrase.len()) == Some(phrase.as_slice());
                if fits
                    && !found.contains(feature)
                    && !denied(&w, at, phrase.len(), &[DENIED_BEFORE])
                {
                    found.push(*feature);
                }
            }
        }
    }
    found.sort();
    found
}

/// The days a text says something happens on, by their full names ("Saturday",
/// "Saturdays") or "weekend(s)"; never short names, which are everyday words ("sat", "sun").
pub fn days_in(text: &str) -> Vec<Weekday> {
    let mut found = Vec::new();
    for w in clauses(text) {
        for (at, word) in w.iter().enumerate() {
            let days: &[Weekday] = match word.as_str() {
                "weekend" | "weekends" => &Weekday::all()[5..],
                _ => match Weekday::all()
                    .iter()
                    .find(|d| word.strip_suffix('s').unwrap_or(word) == d.slug())
                {
                    Some(d) => std::slice::from_ref(d),
                    None => continue,
                },
            };
            if denied(&w, at, 1, &[DENIED_BEFORE, DEADLINE_BEFORE]) {
                continue;
            }
            for d in days {
                if !found.contains(d) {
                    found.push(*d);
                }
            }
        }
    }
    found.sort();
    found
}

/// What a listing's words say about its access (its summary, description, activities
/// and its place's access notes) and its days (summary, description, timetable notes).
pub fn of_listing(listing: &Listing) -> (Vec<AccessFeature>, Vec<Weekday>) {
    let s = &listing.service;
    let notes = listing
        .location
        .as_ref()
        .map(|l| l.access_notes.as_str())
        .unwrap_or("");
    let mut access_text = vec![s.summary.as_str(), &s.description, notes];
    access_text.extend(s.activities.iter().map(String::as_str));
    let days_text = [s.summary.as_str(), &s.description, &s.schedule_notes];
    (
        access_in(&access_text.join(". ")),
        days_in(&days_text.join(". ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hearing_loop_installed_is_a_hearing_loop() {
        assert_eq!(
            access_in("Hearing loop installed."),
            [AccessFeature::HearingLoop]
        );
        assert_eq!(
            access_in("We have an induction loop and a sensory room."),
            [AccessFeature::HearingLoop, AccessFeature::QuietSpace]
        );
    }

    #[test]
    fn what_the_words_deny_is_not_there() {
        assert!(access_in("There is no hoist, so people need to transfer.").is_empty());
        assert!(access_in("No Changing Places toilet; the nearest is in town.").is_empty());
        assert!(access_in("The nearest accessible toilet is in the community centre.").is_empty());
        assert!(access_in("The hoist is not working at the moment.").is_empty());
        assert!(access_in("A loop walk along the canal. Public transport nearby.").is_empty());
        assert_eq!(
            access_in("No booking needed. Hearing loop installed."),
            [AccessFeature::HearingLoop]
        );
    }

    #[test]
    fn days_are_mentioned_by_their_full_names_not_as_deadlines() {
        assert_eq!(
            days_in("Visits arranged with you, including some Saturdays."),
            [Weekday::Saturday]
        );
        assert_eq!(
            days_in("Open most weekends."),
            [Weekday::Saturday, Weekday::Sunday]
        );
        assert!(days_in("Please book by the Monday before. We sat in the sun.").is_empty());
        assert!(days_in("Closed on Sundays.").is_empty());
    }
}
