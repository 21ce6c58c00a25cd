//! The taxonomy mapping: how another directory's taxonomy terms, and the words in a CSV
//! file's vocabulary columns, become Dayfinder's needs, kinds, tiers and so on.
//!
//! The mapping is a TOML file people edit (`data/oruk/taxonomy-mapping.toml`, built in as
//! the default; `dayfinder import --mapping FILE` replaces it). Each of our vocabularies is
//! a table from our slug to the foreign words that mean it. Words are compared ignoring
//! case, spacing and punctuation.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{AccessFeature, CostKind, JoinRoute, Kind, Need, Term, Tier, VacancyStatus};

use super::vocab::Vocabulary;

/// The built-in mapping file.
pub const DEFAULT_MAPPING: &str = include_str!("../../data/oruk/taxonomy-mapping.toml");

/// One of our terms, in whichever vocabulary it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Need(Need),
    Kind(Kind),
    Tier(Tier),
    Vacancy(VacancyStatus),
    Cost(CostKind),
    Join(JoinRoute),
    Access(AccessFeature),
}

impl Target {
    /// Our term with this slug in this vocabulary.
    pub fn find(vocabulary: Vocabulary, slug: &str) -> Option<Target> {
        Some(match vocabulary {
            Vocabulary::Need => Target::Need(Need::from_slug(slug)?),
            Vocabulary::Kind => Target::Kind(Kind::from_slug(slug)?),
            Vocabulary::Tier => Target::Tier(Tier::from_slug(slug)?),
            Vocabulary::Vacancy => Target::Vacancy(VacancyStatus::from_slug(slug)?),
            Vocabulary::Cost => Target::Cost(CostKind::from_slug(slug)?),
            Vocabulary::Join => Target::Join(JoinRoute::from_slug(slug)?),
            Vocabulary::Access => Target::Access(AccessFeature::from_slug(slug)?),
        })
    }

    pub fn vocabulary(self) -> Vocabulary {
        match self {
            Target::Need(_) => Vocabulary::Need,
            Target::Kind(_) => Vocabulary::Kind,
            Target::Tier(_) => Vocabulary::Tier,
            Target::Vacancy(_) => Vocabulary::Vacancy,
            Target::Cost(_) => Vocabulary::Cost,
            Target::Join(_) => Vocabulary::Join,
            Target::Access(_) => Vocabulary::Access,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Target::Need(t) => t.label(),
            Target::Kind(t) => t.label(),
            Target::Tier(t) => t.label(),
            Target::Vacancy(t) => t.label(),
            Target::Cost(t) => t.label(),
            Target::Join(t) => t.label(),
            Target::Access(t) => t.label(),
        }
    }

    /// Every term of a vocabulary, with its slug, label and everyday words.
    fn all_of(vocabulary: Vocabulary) -> Vec<(Target, Vec<&'static str>)> {
        fn words<T: Term>(wrap: fn(T) -> Target) -> Vec<(Target, Vec<&'static str>)> {
            T::all()
                .iter()
                .map(|&t| {
                    let mut words = vec![t.slug(), t.label()];
                    words.extend_from_slice(t.aliases());
                    (wrap(t), words)
                })
                .collect()
        }
        match vocabulary {
            Vocabulary::Need => words(Target::Need),
            Vocabulary::Kind => words(Target::Kind),
            Vocabulary::Tier => words(Target::Tier),
            Vocabulary::Vacancy => words(Target::Vacancy),
            Vocabulary::Cost => words(Target::Cost),
            Vocabulary::Join => words(Target::Join),
            Vocabulary::Access => words(Target::Access),
        }
    }
}

/// What a foreign term turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// One or more of our terms.
    Mapped(Vec<Target>),
    /// Listed under `[ignore]`: deliberately nothing.
    Ignored,
    /// Not in the mapping.
    Unmapped,
}

/// Why a mapping file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("the mapping file {path} could not be read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("the mapping file is not valid: {0}")]
    Invalid(String),
}

/// The mapping, read and checked, ready to look terms up.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub guess_from_words: bool,
    /// Whether a service with an unmapped term is invalid (otherwise it is only reported).
    pub refuse_unmapped: bool,
    pub defaults: Defaults,
    /// Normalised foreign word to our terms, from the file's tables.
    listed: HashMap<String, Vec<Target>>,
    /// Normalised slugs, labels and aliases of our needs, kinds and access features.
    ours: HashMap<String, Vec<Target>>,
    /// Every vocabulary's own words, for reading CSV columns.
    own_words: HashMap<(Vocabulary, String), Target>,
    ignored: HashSet<String>,
    /// Phrases looked for in a service's words when its terms give no need or kind, and
    /// in a place's access notes when they link no access feature.
    phrases: Vec<(String, Target)>,
}

/// What a service gets when its terms give nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defaults {
    pub tier: Tier,
    pub kinds: Vec<Kind>,
    pub needs: Vec<Need>,
    pub vacancy: VacancyStatus,
    pub join: Vec<JoinRoute>,
    pub minimum_age: u8,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    #[serde(default)]
    settings: SettingsFile,
    #[serde(default)]
    defaults: DefaultsFile,
    #[serde(default)]
    need: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    kind: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    tier: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    vacancy: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    cost: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    join: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    access: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    ignore: IgnoreFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    #[serde(default = "yes")]
    guess_from_words: bool,
    #[serde(default = "report")]
    unmapped_terms: String,
}

impl Default for SettingsFile {
    fn default() -> Self {
        SettingsFile {
            guess_from_words: true,
            unmapped_terms: report(),
        }
    }
}

fn yes() -> bool {
    true
}

fn report() -> String {
    "report".into()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultsFile {
    tier: Option<String>,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    needs: Vec<String>,
    vacancy: Option<String>,
    #[serde(default)]
    join: Vec<String>,
    minimum_age: Option<u8>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreFile {
    #[serde(default)]
    terms: Vec<String>,
}

/// A word as the mapping compares it: lower case, letters and digits, one space between
/// words, apostrophes dropped ("Alzheimer's" and "alzheimers" are the same).
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

impl Mapping {
    /// The built-in mapping, read once.
    pub fn embedded() -> &'static Mapping {
        static MAPPING: OnceLock<Mapping> = OnceLock::new();
        MAPPING.get_or_init(|| {
            Mapping::parse(DEFAULT_MAPPING).expect("the built-in mapping file is valid (tested)")
        })
    }

    /// A mapping file from disk.
    pub fn from_file(path: &Path) -> Result<Mapping, MappingError> {
        let text = std::fs::read_to_string(path).map_err(|e| MappingError::Unreadable {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Mapping::parse(text.trim_start_matches('\u{feff}'))
    }

    /// Reads and checks a mapping file's text: every key must be one of our slugs.
    pub fn parse(text: &str) -> Result<Mapping, MappingError> {
        let file: MappingFile =
            toml::from_str(text).map_err(|e| MappingError::Invalid(e.to_string()))?;
        let refuse_unmapped = match file.settings.unmapped_terms.as_str() {
            "report" => false,
            "refuse" => true,
            other => {
                return Err(MappingError::Invalid(format!(
                    "[settings] unmapped_terms is “{other}”; write \"report\" or \"refuse\""
                )));
            }
        };
        let defaults = Defaults::read(&file.defaults)?;

        let mut listed: HashMap<String, Vec<Target>> = HashMap::new();
        let tables = [
            (Vocabulary::Need, &file.need),
            (Vocabulary::Kind, &file.kind),
            (Vocabulary::Tier, &file.tier),
            (Vocabulary::Vacancy, &file.vacancy),
            (Vocabulary::Cost, &file.cost),
            (Vocabulary::Join, &file.join),
            (Vocabulary::Access, &file.access),
        ];
        for (vocabulary, table) in tables {
            for (slug, words) in table {
                let target = Target::find(vocabulary, slug).ok_or_else(|| {
                    MappingError::Invalid(format!(
                        "[{}] “{slug}” is not one of our terms; use one of: {}",
                        vocabulary.slug(),
                        slugs(vocabulary)
                    ))
                })?;
                for word in words {
                    let key = normalise(word);
                    if key.is_empty() {
                        continue;
                    }
                    let targets = listed.entry(key).or_default();
                    if !targets.contains(&target) {
                        targets.push(target);
                    }
                }
            }
        }

        let mut ours: HashMap<String, Vec<Target>> = HashMap::new();
        let mut own_words = HashMap::new();
        let mut phrases = Vec::new();
        for vocabulary in Vocabulary::ALL {
            for (target, words) in Target::all_of(vocabulary) {
                for word in words {
                    let key = normalise(word);
                    own_words.entry((vocabulary, key.clone())).or_insert(target);
                    if matches!(
                        vocabulary,
                        Vocabulary::Need | Vocabulary::Kind | Vocabulary::Access
                    ) {
                        let targets = ours.entry(key.clone()).or_default();
                        if !targets.contains(&target) {
                            targets.push(target);
                        }
                    }
                    if matches!(
                        vocabulary,
                        Vocabulary::Need | Vocabulary::Kind | Vocabulary::Access
                    ) {
                        phrases.push((key, target));
                    }
                }
            }
        }
        for (word, targets) in &listed {
            for &target in targets {
                if matches!(
                    target,
                    Target::Need(_) | Target::Kind(_) | Target::Access(_)
                ) {
                    phrases.push((word.clone(), target));
                }
            }
        }
        phrases.sort();
        phrases.dedup();

        Ok(Mapping {
            guess_from_words: file.settings.guess_from_words,
            refuse_unmapped,
            defaults,
            listed,
            ours,
            own_words,
            ignored: file.ignore.terms.iter().map(|t| normalise(t)).collect(),
            phrases,
        })
    }

    /// A foreign term, known by any of these words (its id, code, name): the file's
    /// tables first, then our own words for needs, kinds and access features, then `[ignore]`.
    pub fn term(&self, words: &[&str]) -> Lookup {
        let keys: Vec<String> = words
            .iter()
            .map(|w| normalise(w))
            .filter(|k| !k.is_empty())
            .collect();
        for key in &keys {
            if let Some(targets) = self.listed.get(key) {
                return Lookup::Mapped(targets.clone());
            }
        }
        for key in &keys {
            if let Some(targets) = self.ours.get(key) {
                return Lookup::Mapped(targets.clone());
            }
        }
        if keys.iter().any(|k| self.ignored.contains(k)) {
            return Lookup::Ignored;
        }
        Lookup::Unmapped
    }

    /// A word written in a column of one vocabulary (`needs`: "Learning disabilities"):
    /// our slug, label or everyday word for it, or a word the file lists for it.
    pub fn value(&self, vocabulary: Vocabulary, word: &str) -> Option<Target> {
        let key = normalise(word);
        if let Some(&target) = self.own_words.get(&(vocabulary, key.clone())) {
            return Some(target);
        }
        self.listed
            .get(&key)?
            .iter()
            .copied()
            .find(|t| t.vocabulary() == vocabulary)
    }

    /// The needs, kinds and access features whose words appear in this text, as whole words.
    pub fn guess(&self, text: &str) -> Vec<Target> {
        let text = format!(" {} ", normalise(text));
        let mut found: Vec<Target> = Vec::new();
        for (phrase, target) in &self.phrases {
            if !found.contains(target) && text.contains(&format!(" {phrase} ")) {
                found.push(*target);
            }
        }
        found.sort();
        found
    }
}

impl Defaults {
    fn read(file: &DefaultsFile) -> Result<Defaults, MappingError> {
        fn one<T: Term>(vocabulary: Vocabulary, slug: &str) -> Result<T, MappingError> {
            T::from_slug(slug).ok_or_else(|| {
                MappingError::Invalid(format!(
                    "[defaults] {} “{slug}” is not one of our terms; use one of: {}",
                    vocabulary.slug(),
                    slugs(vocabulary)
                ))
            })
        }
        fn many<T: Term>(vocabulary: Vocabulary, slugs: &[String]) -> Result<Vec<T>, MappingError> {
            slugs.iter().map(|s| one(vocabulary, s)).collect()
        }
        Ok(Defaults {
            tier: match &file.tier {
                Some(s) => one(Vocabulary::Tier, s)?,
                None => Tier::Community,
            },
            kinds: many(Vocabulary::Kind, &file.kinds)?,
            needs: many(Vocabulary::Need, &file.needs)?,
            vacancy: match &file.vacancy {
                Some(s) => one(Vocabulary::Vacancy, s)?,
                None => VacancyStatus::Spaces,
            },
            join: many(Vocabulary::Join, &file.join)?,
            minimum_age: file.minimum_age.unwrap_or(18),
        })
    }
}

/// "specialist, community, enablement".
pub fn slugs(vocabulary: Vocabulary) -> String {
    vocabulary
        .terms()
        .iter()
        .map(|t| t.slug)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_mapping_file_is_valid() {
        let m = Mapping::parse(DEFAULT_MAPPING).unwrap();
        assert_eq!(m.defaults.tier, Tier::Community);
        assert_eq!(m.defaults.kinds, [Kind::CommunityGroup]);
        assert!(m.defaults.needs.is_empty());
        assert!(!m.refuse_unmapped);
    }

    #[test]
    fn terms_match_whatever_their_case_and_punctuation() {
        let m = Mapping::embedded();
        assert_eq!(
            m.term(&["LEARNING-disabilities"]),
            Lookup::Mapped(vec![Target::Need(Need::LearningDisability)])
        );
        assert_eq!(
            m.term(&["Alzheimers Disease"]),
            Lookup::Mapped(vec![Target::Need(Need::Dementia)])
        );
        assert_eq!(
            m.term(&["memory"]),
            Lookup::Mapped(vec![Target::Need(Need::Dementia)])
        );
        assert_eq!(m.term(&["Adults"]), Lookup::Ignored);
        assert_eq!(m.term(&["Counselling"]), Lookup::Unmapped);
    }

    #[test]
    fn a_column_value_is_read_in_its_own_vocabulary() {
        let m = Mapping::embedded();
        assert_eq!(
            m.value(Vocabulary::Join, "carer"),
            Some(Target::Join(JoinRoute::Carer))
        );
        assert_eq!(
            m.value(Vocabulary::Need, "Carers"),
            Some(Target::Need(Need::CarersBreak))
        );
        assert_eq!(
            m.value(Vocabulary::Tier, "Enablement (time limited)"),
            Some(Target::Tier(Tier::Enablement))
        );
        assert_eq!(m.value(Vocabulary::Need, "gardening"), None);
    }

    #[test]
    fn needs_are_guessed_from_whole_words_only() {
        let m = Mapping::embedded();
        let found = m.guess("Suitable for people with mental health conditions and anxiety.");
        assert_eq!(found, [Target::Need(Need::MentalHealth)]);
        assert!(m.guess("Metalwork for beginners").is_empty());
    }

    #[test]
    fn a_mapping_to_a_term_we_do_not_have_is_refused_by_name() {
        let err = Mapping::parse("[need]\ngardening = [\"Allotments\"]\n").unwrap_err();
        assert!(err.to_string().contains("“gardening”"), "{err}");
        let err = Mapping::parse("[neds]\n").unwrap_err();
        assert!(err.to_string().contains("neds"), "{err}");
        let err = Mapping::parse("[settings]\nunmapped_terms = \"maybe\"\n").unwrap_err();
        assert!(err.to_string().contains("maybe"), "{err}");
    }
}
