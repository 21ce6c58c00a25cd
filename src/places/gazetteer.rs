//! The gazetteer: turns what a person typed ("cw11 1aa", "SK10", "holmes chapel",
//! "Crewe, Cheshire") into a point on the map, or a polite refusal with suggestions.

use std::fmt;
use std::sync::{Arc, OnceLock};

use super::import::{PostcodePosition, outcode_centroids};
use super::postcode::{
    compact_key, is_partial_inward, normalise_outcode, normalise_postcode, outward_of,
};
use super::towns::{ALIASES, TOWNS, Town};
use super::{Place, PlaceError, PlaceKind, distance_miles};

/// Every postcode in the outward codes that cover Cheshire East: `CW111AA,53.14397,-2.36184`.
static POSTCODES_CSV: &str = include_str!("../../data/postcodes/cheshire-east.csv");
/// Every UK outward code with the mean position of its postcodes.
static OUTCODES_CSV: &str = include_str!("../../data/postcodes/outcodes.csv");

/// Longest input we try to understand; anything longer is refused without suggestions.
const MAX_INPUT_BYTES: usize = 200;
/// How much of the input we echo back in an error message.
const MAX_SHOWN_CHARS: usize = 60;
/// How many suggestions an error carries at most.
const MAX_SUGGESTIONS: usize = 5;

/// Words around a place name that say nothing about where: "near Crewe", "Crewe, UK".
const LEADING_FILLER: &[&str] = &["near", "nr", "in", "around", "central"];
const TRAILING_FILLER: &[&str] = &[
    "cheshire", "uk", "england", "gb", "town", "centre", "center", "village", "area",
];
const TRAILING_FILLER_PAIRS: &[(&str, &str)] = &[("cheshire", "east"), ("united", "kingdom")];

/// One row of an embedded table: a key ("CW111AA" or "CW11") borrowed from the table text.
#[derive(Debug, Clone, Copy)]
struct Entry {
    key: &'static str,
    latitude: f64,
    longitude: f64,
}

/// Postcodes, outward codes and towns: the tables built into the binary, or an imported
/// area's. Cloning shares the tables (a new set of towns is a new gazetteer).
#[derive(Clone)]
pub struct Gazetteer {
    /// Sorted by key (the postcode without its space).
    postcodes: Arc<Vec<Entry>>,
    /// Sorted by key (the outward code).
    outcodes: Arc<Vec<Entry>>,
    /// Postcodes imported by `dayfinder places import`, sorted by key; when there are
    /// any they replace the built-in `postcodes` (see docs/places.md).
    imported: Arc<Vec<PostcodePosition>>,
    /// The imported postcodes' outward codes at the mean of their postcodes, sorted;
    /// looked up before the built-in UK table.
    imported_outcodes: Arc<Vec<(String, f64, f64)>>,
    /// The towns people can search by name: the built-in ones, or for an imported area
    /// those of the directory's own addresses.
    towns: &'static [Town],
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("postcodes", &self.postcodes.len())
            .field("outcodes", &self.outcodes.len())
            .field("imported", &self.imported.len())
            .field("towns", &self.towns.len())
            .finish()
    }
}

impl Default for Gazetteer {
    fn default() -> Self {
        Self::new()
    }
}

impl Gazetteer {
    /// The shared gazetteer, parsed on first use and kept for the life of the process.
    pub fn embedded() -> &'static Gazetteer {
        Gazetteer::shared_embedded()
    }

    /// The built-in gazetteer as a handle, for where an imported area's may stand instead.
    pub fn shared() -> Arc<Gazetteer> {
        Arc::clone(Gazetteer::shared_embedded())
    }

    fn shared_embedded() -> &'static Arc<Gazetteer> {
        static GAZETTEER: OnceLock<Arc<Gazetteer>> = OnceLock::new();
        GAZETTEER.get_or_init(|| Arc::new(Gazetteer::new()))
    }

    /// Parses the embedded tables (a few milliseconds); prefer `embedded()` to share one.
    pub fn new() -> Gazetteer {
        Gazetteer {
            postcodes: Arc::new(parse_table(POSTCODES_CSV)),
            outcodes: Arc::new(parse_table(OUTCODES_CSV)),
            imported: Arc::default(),
            imported_outcodes: Arc::default(),
            towns: TOWNS,
        }
    }

    /// A gazetteer whose exact postcodes are these imported ones instead of the built-in
    /// table (which it keeps, as the default, when `imported` is empty); outward codes
    /// are placed from them first and from the built-in UK table elsewhere.
    /// `towns` are the area's towns (see [`AreaTown::of_area`]); none keeps the built-in.
    ///
    /// [`AreaTown::of_area`]: super::AreaTown::of_area
    pub fn with_imported(mut imported: Vec<PostcodePosition>, towns: &'static [Town]) -> Gazetteer {
        if imported.is_empty() {
            return Gazetteer::new();
        }
        imported.sort_by(|a, b| a.key().cmp(b.key()));
        imported.dedup_by(|a, b| a.key() == b.key());
        Gazetteer {
            postcodes: Arc::default(),
            outcodes: Arc::new(parse_table(OUTCODES_CSV)),
            imported_outcodes: Arc::new(outcode_centroids(&imported)),
            imported: Arc::new(imported),
            towns: if towns.is_empty() { TOWNS } else { towns },
        }
    }

    /// The same places with other towns (an imported area's, when they change); none
    /// keeps these.
    pub fn with_towns(&self, towns: &'static [Town]) -> Gazetteer {
        Gazetteer {
            towns: if towns.is_empty() { self.towns } else { towns },
            ..self.clone()
        }
    }

    /// Whether the exact postcodes come from an import rather than the built-in table.
    pub fn is_imported(&self) -> bool {
        !self.imported.is_empty()
    }

    /// Position of a postcode by its key ("CW111AA"), from the table in use.
    fn exact(&self, key: &str) -> Option<(f64, f64)> {
        if self.imported.is_empty() {
            return lookup(&self.postcodes, key).map(|e| (e.latitude, e.longitude));
        }
        self.imported
            .binary_search_by(|p| p.key().cmp(key))
            .ok()
            .map(|i| {
                let p = self.imported[i];
                (f64::from(p.latitude), f64::from(p.longitude))
            })
    }

    /// Position of an upper-case outward code: imported first, then the UK table.
    fn outward(&self, oc: &str) -> Option<(f64, f64)> {
        self.imported_outcodes
            .binary_search_by(|(key, ..)| key.as_str().cmp(oc))
            .ok()
            .map(|i| (self.imported_outcodes[i].1, self.imported_outcodes[i].2))
            .or_else(|| lookup(&self.outcodes, oc).map(|e| (e.latitude, e.longitude)))
    }

    /// How many full postcodes the gazetteer knows exactly (the Cheshire East districts).
    pub fn postcode_count(&self) -> usize {
        if self.imported.is_empty() {
            self.postcodes.len()
        } else {
            self.imported.len()
        }
    }

    /// How many UK outward codes the gazetteer knows.
    pub fn outcode_count(&self) -> usize {
        self.outcodes.len()
    }

    /// The (latitude, longitude) of a full postcode in any case or spacing, if we hold it.
    pub fn postcode(&self, pc: &str) -> Option<(f64, f64)> {
        let display = normalise_postcode(pc)?;
        self.exact(&compact_key(&display))
    }

    /// The mean (latitude, longitude) of a UK outward code ("CW1", "sk10"), if it exists.
    pub fn outcode(&self, oc: &str) -> Option<(f64, f64)> {
        let oc = normalise_outcode(oc)?;
        self.outward(&oc)
    }

    /// The towns people can search by name, largest first.
    pub fn towns(&self) -> &[Town] {
        self.towns
    }

    /// A town by name or slug, ignoring case, spaces and hyphens ("holmes-chapel").
    pub fn town(&self, name_or_slug: &str) -> Option<&Town> {
        if name_or_slug.len() > MAX_INPUT_BYTES {
            return None;
        }
        town_by_key(self.towns, &words(name_or_slug).concat())
    }

    /// The town whose centre is closest to a point (always one, however far away).
    pub fn nearest_town(&self, latitude: f64, longitude: f64) -> &Town {
        let here = (latitude, longitude);
        self.towns
            .iter()
            .min_by(|a, b| {
                distance_miles(here, a.position()).total_cmp(&distance_miles(here, b.position()))
            })
            .unwrap_or(&self.towns[0])
    }

    /// Understands a postcode, an outward code or a town name, in any case or spacing.
    ///
    /// A well-formed postcode we do not hold falls back to its outward code. Never panics,
    /// whatever the input.
    pub fn resolve(&self, input: &str) -> Result<Place, PlaceError> {
        let input = input.trim();
        if !input.chars().any(char::is_alphanumeric) {
            return Err(PlaceError::Empty);
        }
        let not_found = |suggestions| PlaceError::NotFound {
            input: shown(input),
            suggestions,
        };
        if input.len() > MAX_INPUT_BYTES {
            return Err(not_found(Vec::new()));
        }
        if let Some(place) = self.resolve_part(input) {
            return Ok(place);
        }
        // "CW1 2BJ, Crewe", "Crewe Road, Alsager": try each part on its own.
        let segments: Vec<&str> = input
            .split([',', ';', '/', '|', '(', ')'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if segments.len() > 1
            && let Some(place) = segments.iter().find_map(|s| self.resolve_part(s))
        {
            return Ok(place);
        }
        let words = words(input);
        // "12 Earle Street Crewe CW1 2BJ": a postcode anywhere among the words.
        if let Some(place) = self.postcode_among(&words) {
            return Ok(place);
        }
        // "Sandbach CW11", "Crewe station": exactly one town named among the words.
        let named = towns_named_in(self.towns, &words);
        if let [only] = named.as_slice() {
            return Ok(Place::from_town(only));
        }
        Err(not_found(self.suggestions(&words, &named)))
    }

    /// The whole of `s` as a postcode, an outward code, a partial postcode or a town.
    fn resolve_part(&self, s: &str) -> Option<Place> {
        let words = words(s);
        if words.is_empty() {
            return None;
        }
        let joined = words.join(" ");
        if let Some(display) = normalise_postcode(&joined) {
            return self.postcode_place(&display);
        }
        if let Some(place) = normalise_outcode(&joined).and_then(|oc| self.outcode_place(&oc)) {
            return Some(place);
        }
        // "CW11 1" or "CW11 1A": someone who knows only the start of the postcode.
        if let [first, second] = words.as_slice()
            && is_partial_inward(second)
            && let Some(place) = normalise_outcode(first).and_then(|oc| self.outcode_place(&oc))
        {
            return Some(place);
        }
        town_by_key(self.towns, &words.concat()).map(Place::from_town)
    }

    /// A display-form postcode as a place, or its outward code if we do not hold it.
    fn postcode_place(&self, display: &str) -> Option<Place> {
        match self.exact(&compact_key(display)) {
            Some((latitude, longitude)) => Some(Place {
                name: display.to_string(),
                latitude,
                longitude,
                kind: PlaceKind::Postcode,
            }),
            None => self.outcode_place(outward_of(display)),
        }
    }

    /// An upper-case outward code as a place, if it exists.
    fn outcode_place(&self, oc: &str) -> Option<Place> {
        self.outward(oc).map(|(latitude, longitude)| Place {
            name: oc.to_string(),
            latitude,
            longitude,
            kind: PlaceKind::Outcode,
        })
    }

    /// The first known postcode written as one word or two among `words`.
    fn postcode_among(&self, words: &[String]) -> Option<Place> {
        (0..words.len()).find_map(|i| {
            let one = normalise_postcode(&words[i]);
            let two = words
                .get(i + 1)
                .and_then(|next| normalise_postcode(&format!("{} {next}", words[i])));
            one.into_iter().chain(two).find_map(|display| {
                self.exact(&compact_key(&display))?;
                self.postcode_place(&display)
            })
        })
    }

    /// Town names and outward codes close to what was typed, best first.
    fn suggestions(&self, words: &[String], named: &[&Town]) -> Vec<String> {
        let mut out: Vec<String> = named.iter().map(|t| t.name.to_string()).collect();
        out.extend(
            close_towns(self.towns, &words.concat())
                .into_iter()
                .map(|t| t.name.to_string()),
        );
        out.extend(self.close_outcodes(words));
        let mut seen = std::collections::HashSet::new();
        out.retain(|s| seen.insert(s.clone()));
        out.truncate(MAX_SUGGESTIONS);
        out
    }

    /// Outward codes one typing slip away from the outward code in a mistyped postcode.
    fn close_outcodes(&self, words: &[String]) -> Vec<String> {
        let joined = words.join(" ");
        let candidate = match normalise_postcode(&joined) {
            Some(display) => outward_of(&display).to_string(),
            // Only a lone word: in "M6 junction 16" the M6 is a road, not Salford.
            None => match words {
                [w] if (2..=4).contains(&w.len())
                    && w.bytes().all(|b| b.is_ascii_alphanumeric()) =>
                {
                    w.to_ascii_uppercase()
                }
                _ => return Vec::new(),
            },
        };
        if !candidate.bytes().any(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let area: String = candidate
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        let mut close: Vec<(usize, bool, bool, &'static str)> = self
            .outcodes
            .iter()
            .filter_map(|e| {
                let d = strsim::osa_distance(&candidate, e.key);
                let same_area = e
                    .key
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .eq(area.chars());
                (d <= 1).then_some((d, !is_our_district(self.towns, e.key), !same_area, e.key))
            })
            .collect();
        close.sort_by_key(|&(d, far, other_area, key)| (d, far, other_area, key.len(), key));
        close
            .into_iter()
            .take(3)
            .map(|(.., key)| key.to_string())
            .collect()
    }
}

/// Parses a `key,lat,lon[,...]` table, skipping the header and any malformed row.
fn parse_table(csv: &'static str) -> Vec<Entry> {
    let mut rows: Vec<Entry> = csv
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split(',');
            let key = fields.next()?.trim();
            let latitude = fields.next()?.trim().parse::<f64>().ok()?;
            let longitude = fields.next()?.trim().parse::<f64>().ok()?;
            (!key.is_empty() && latitude.is_finite() && longitude.is_finite()).then_some(Entry {
                key,
                latitude,
                longitude,
            })
        })
        .collect();
    if !rows.is_sorted_by(|a, b| a.key < b.key) {
        rows.sort_by(|a, b| a.key.cmp(b.key));
        rows.dedup_by(|a, b| a.key == b.key);
    }
    rows
}

/// Binary search of a sorted table by exact key.
fn lookup(table: &[Entry], key: &str) -> Option<Entry> {
    table
        .binary_search_by(|e| e.key.cmp(key))
        .ok()
        .map(|i| table[i])
}

/// Lower-case words of `s`, without filler such as "near" or ", Cheshire".
fn words(s: &str) -> Vec<String> {
    let mut words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let leading = words
        .iter()
        .take_while(|w| LEADING_FILLER.contains(&w.as_str()))
        .count();
    words.drain(..leading);
    loop {
        let n = words.len();
        if n >= 2 && TRAILING_FILLER_PAIRS.contains(&(words[n - 2].as_str(), words[n - 1].as_str()))
        {
            words.truncate(n - 2);
        } else if n >= 1 && TRAILING_FILLER.contains(&words[n - 1].as_str()) {
            words.truncate(n - 1);
        } else {
            break;
        }
    }
    words
}

/// A town's match key: its name in lower-case letters and digits ("holmeschapel").
fn town_key(town: &Town) -> String {
    words(town.name).concat()
}

/// The town whose key (or alias) is exactly `key`.
fn town_by_key(towns: &'static [Town], key: &str) -> Option<&'static Town> {
    if key.is_empty() {
        return None;
    }
    let key = ALIASES
        .iter()
        .find(|(alias, _)| *alias == key)
        .map_or(key, |(_, to)| *to);
    towns.iter().find(|t| town_key(t) == key)
}

/// Towns whose whole name (or alias) appears among `words`, in table order.
fn towns_named_in(towns: &'static [Town], words: &[String]) -> Vec<&'static Town> {
    towns
        .iter()
        .filter(|town| {
            let name = words_of_name(town);
            let key = town_key(town);
            words.windows(name.len()).any(|w| w == name.as_slice())
                || words.contains(&key)
                || ALIASES
                    .iter()
                    .any(|(alias, to)| *to == key && words.iter().any(|w| w == alias))
        })
        .collect()
}

fn words_of_name(town: &Town) -> Vec<String> {
    town.name
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect()
}

/// Towns spelt nearly like `key` ("crue" → Crewe, "macclesfeild" → Macclesfield).
fn close_towns(towns: &'static [Town], key: &str) -> Vec<&'static Town> {
    let len = key.chars().count();
    if len < 3 {
        return Vec::new();
    }
    let allowed = match len {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    let mut scored: Vec<(usize, usize, &'static Town)> = towns
        .iter()
        .enumerate()
        .filter_map(|(order, town)| {
            let name = town_key(town);
            let d = strsim::osa_distance(key, &name);
            let prefix = name.starts_with(key) || (len >= 5 && name.contains(key));
            let near = d <= allowed || strsim::jaro_winkler(key, &name) >= 0.9;
            (prefix || near).then_some((if prefix { 0 } else { d }, order, town))
        })
        .collect();
    scored.sort_by_key(|&(d, order, _)| (d, order));
    scored.into_iter().take(3).map(|(.., town)| town).collect()
}

/// Whether an outward code is one of the districts our towns lie in.
fn is_our_district(towns: &[Town], oc: &str) -> bool {
    towns.iter().any(|t| t.postcode_districts.contains(&oc))
}

/// The input as we show it back: control characters gone, spaces collapsed, shortened.
fn shown(input: &str) -> String {
    let cleaned = input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if cleaned.chars().count() <= MAX_SHOWN_CHARS {
        cleaned
    } else {
        let mut short: String = cleaned.chars().take(MAX_SHOWN_CHARS).collect();
        short.push('…');
        short
    }
}
