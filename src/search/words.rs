//! Words: how a question is split, which words carry no meaning, and the directory's own
//! vocabulary (labels, aliases and plain words for every need, kind, tier and access
//! feature), matched with tolerance for typos.

use std::sync::OnceLock;

use crate::model::{AccessFeature, Kind, Need, Term, Tier};

/// Most words of a question that are looked at; the rest are dropped.
pub const MAX_WORDS: usize = 16;
/// Longer "words" are noise (pasted URLs, keyboard mashing).
const MAX_WORD_LEN: usize = 30;

/// Lower-case words of the text, without punctuation: "Carers' breaks?" → ["carers", "breaks"].
pub fn words(text: &str) -> Vec<String> {
    all_words(text).take(MAX_WORDS * 4).collect()
}

/// Every word of a text, split as [`words`] splits a question (for listings' own text,
/// which is longer than any question).
pub fn all_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            w.trim_matches(['\'', '’'])
                .replace(['\'', '’'], "")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && w.chars().count() <= MAX_WORD_LEN)
}

/// Words that say nothing about what someone is looking for.
pub fn is_filler(word: &str) -> bool {
    const FILLER: &[&str] = &[
        "a",
        "about",
        "activities",
        "activity",
        "adult",
        "adults",
        "aged",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "anything",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "could",
        "dad",
        "daughter",
        "do",
        "does",
        "father",
        "find",
        "for",
        "friendly",
        "from",
        "get",
        "going",
        "has",
        "have",
        "he",
        "help",
        "her",
        "him",
        "his",
        "husband",
        "i",
        "im",
        "in",
        "is",
        "it",
        "its",
        "just",
        "like",
        "local",
        "looking",
        "me",
        "mother",
        "mum",
        "my",
        "near",
        "nearby",
        "need",
        "needs",
        "of",
        "old",
        "on",
        "or",
        "our",
        "partner",
        "people",
        "person",
        "place",
        "places",
        "please",
        "service",
        "services",
        "she",
        "so",
        "some",
        "somebody",
        "someone",
        "something",
        "somewhere",
        "son",
        "suitable",
        "support",
        "that",
        "the",
        "their",
        "them",
        "there",
        "they",
        "things",
        "this",
        "to",
        "want",
        "wants",
        "we",
        "what",
        "where",
        "which",
        "who",
        "who's",
        "whos",
        "wife",
        "with",
        "would",
        "year",
        "years",
        "you",
        "your",
    ];
    FILLER.binary_search(&word).is_ok() || word.chars().all(|c| c.is_ascii_digit())
}

/// A vocabulary term a phrase stands for, as the key indexed in the `terms` field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// `need:dementia`
    pub key: String,
    /// "Memory and dementia"
    pub label: &'static str,
}

struct Entry {
    phrase: Vec<String>,
    concept: Concept,
}

fn lexicon() -> &'static [Entry] {
    static LEXICON: OnceLock<Vec<Entry>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut out = Vec::new();
        fn add<T: Term>(out: &mut Vec<Entry>, prefix: &str) {
            for &t in T::all() {
                let concept = Concept {
                    key: format!("{prefix}:{}", t.slug()),
                    label: t.label(),
                };
                let phrases = [t.label(), t.slug()]
                    .into_iter()
                    .chain(t.aliases().iter().copied());
                for p in phrases {
                    let phrase = words(&p.replace('-', " "));
                    if !phrase.is_empty()
                        && !out
                            .iter()
                            .any(|e: &Entry| e.phrase == phrase && e.concept == concept)
                    {
                        out.push(Entry {
                            phrase,
                            concept: concept.clone(),
                        });
                    }
                }
            }
        }
        add::<Need>(&mut out, "need");
        add::<Kind>(&mut out, "kind");
        add::<Tier>(&mut out, "tier");
        add::<AccessFeature>(&mut out, "access");
        // Longest phrases first, so "day centre" wins over "day".
        out.sort_by_key(|e| std::cmp::Reverse(e.phrase.len()));
        out
    })
}

/// Every one-word name of a concept (`need:dementia` → "dementia", "memory", ...).
pub fn names_of(key: &str) -> impl Iterator<Item = &'static str> {
    lexicon()
        .iter()
        .filter(move |e| e.concept.key == key && e.phrase.len() == 1)
        .map(|e| e.phrase[0].as_str())
}

/// How far a word may be from a vocabulary word and still be taken for it.
pub fn typo_allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

fn close(typed: &str, known: &str) -> bool {
    typed == known || {
        let allowance = typo_allowance(known).min(typo_allowance(typed));
        allowance > 0 && strsim::damerau_levenshtein(typed, known) <= allowance
    }
}

/// The concepts a phrase starting at `words[0]` stands for, and how many words it took.
/// Tolerates typos ("demenita", "autisim") in words of five letters or more.
pub fn concept_at(words: &[String]) -> Option<(Vec<Concept>, usize)> {
    for len in (1..=words.len().min(4)).rev() {
        let window = &words[..len];
        let found: Vec<Concept> = lexicon()
            .iter()
            .filter(|e| {
                e.phrase.len() == len && e.phrase.iter().zip(window).all(|(k, w)| close(w, k))
            })
            .map(|e| e.concept.clone())
            .fold(Vec::new(), |mut acc, c| {
                if !acc.contains(&c) {
                    acc.push(c);
                }
                acc
            });
        if !found.is_empty() {
            return Some((found, len));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        concept_at(&words(text))
            .map(|(c, _)| c.into_iter().map(|c| c.key).collect())
            .unwrap_or_default()
    }

    #[test]
    fn filler_list_is_sorted_for_binary_search() {
        // is_filler uses binary_search; an unsorted list would silently miss words.
        for w in ["a", "activities", "son", "with", "whos", "adults"] {
            assert!(is_filler(w), "{w}");
        }
    }

    #[test]
    fn misspelt_dementia_and_autism_are_understood() {
        assert_eq!(keys("demenita"), ["need:dementia"]);
        assert_eq!(keys("autisim"), ["need:autism"]);
    }

    #[test]
    fn day_service_and_day_centre_are_the_same_thing() {
        assert_eq!(keys("day service"), ["kind:day-centre"]);
        assert_eq!(keys("day centre"), ["kind:day-centre"]);
    }

    #[test]
    fn job_work_and_employment_mean_supported_employment() {
        for w in ["job", "work", "employment", "supported employment"] {
            assert_eq!(keys(w), ["kind:supported-employment"], "{w}");
        }
    }

    #[test]
    fn ld_and_memory_are_plain_words_for_needs() {
        assert_eq!(keys("LD"), ["need:learning-disability"]);
        assert_eq!(keys("memory"), ["need:dementia"]);
    }

    #[test]
    fn short_words_are_not_stretched_to_fit() {
        assert!(keys("dog").is_empty());
    }
}
