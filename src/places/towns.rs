//! The towns and larger villages of Cheshire East that people search by name.
//!
//! Each centre is the position of one real postcode in the middle of the town, taken from
//! `data/postcodes/cheshire-east.csv` and named in `centre_postcode` (a test checks that
//! the two agree).

use serde::Serialize;

use super::PlaceName;

/// A town people can search by name, with the point distances are measured from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Town {
    /// How the town is written: "Holmes Chapel".
    pub name: &'static str,
    /// The name for URLs and filters: "holmes-chapel".
    pub slug: &'static str,
    /// Latitude of the town centre (WGS84 degrees).
    pub latitude: f64,
    /// Longitude of the town centre (WGS84 degrees, negative is west).
    pub longitude: f64,
    /// The postcode whose position is used as the centre.
    pub centre_postcode: &'static str,
    /// The outward codes that cover the town.
    pub postcode_districts: &'static [&'static str],
}

/// A town of an imported area before it is made a [`Town`]: owned, so a node can tell
/// whether the towns changed before it makes (and keeps) new ones.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaTown {
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub postcode_districts: Vec<String>,
}

impl AreaTown {
    /// The towns of an area: those its listings' addresses name (town, postcode,
    /// latitude, longitude), each at the mean position of the places there, covering
    /// their outward codes, most places first; then the place names imported from the
    /// ONS index (`places import --names`), built-up areas first. A name in both is put
    /// where the index puts it, covering the outward codes of both.
    pub fn of_area<'a>(
        addresses: impl IntoIterator<Item = (&'a str, &'a str, f64, f64)>,
        names: &[PlaceName],
    ) -> Vec<AreaTown> {
        use std::collections::BTreeMap;
        /// A town's name as first written, its places' points and its outward codes.
        type Gathered = (String, Vec<(f64, f64)>, Vec<String>);
        // Keyed by the name's words in lower case, so "Lymm" and "LYMM" are one town.
        let mut by_key: BTreeMap<String, Gathered> = BTreeMap::new();
        for (name, postcode, latitude, longitude) in addresses {
            let name = tidy(name);
            let key = name.to_lowercase();
            if key.is_empty() || key.chars().any(|c| c.is_ascii_digit()) || key.len() > 60 {
                continue;
            }
            let entry = by_key
                .entry(key)
                .or_insert_with(|| (name, Vec::new(), Vec::new()));
            entry.1.push((latitude, longitude));
            if let Some(outward) = postcode
                .split_whitespace()
                .next()
                .and_then(super::normalise_outcode)
                && !entry.2.contains(&outward)
            {
                entry.2.push(outward);
            }
        }
        let mut towns: Vec<(usize, AreaTown)> = by_key
            .into_values()
            .map(|(name, points, postcode_districts)| {
                let n = points.len() as f64;
                let town = AreaTown {
                    name,
                    latitude: points.iter().map(|p| p.0).sum::<f64>() / n,
                    longitude: points.iter().map(|p| p.1).sum::<f64>() / n,
                    postcode_districts,
                };
                (points.len(), town)
            })
            .collect();
        towns.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
        let mut towns: Vec<AreaTown> = towns.into_iter().map(|(_, t)| t).collect();
        let mut names: Vec<&PlaceName> = names.iter().collect();
        names.sort_by(|a, b| {
            super::names::kind_rank(&a.kind)
                .cmp(&super::names::kind_rank(&b.kind))
                .then_with(|| a.name.cmp(&b.name))
        });
        for place in names {
            let key = tidy(&place.name).to_lowercase();
            match towns.iter_mut().find(|t| t.name.to_lowercase() == key) {
                Some(town) => {
                    town.latitude = place.latitude;
                    town.longitude = place.longitude;
                    for code in &place.outward_codes {
                        if !town.postcode_districts.contains(code) {
                            town.postcode_districts.push(code.clone());
                        }
                    }
                }
                None => towns.push(AreaTown {
                    name: tidy(&place.name),
                    latitude: place.latitude,
                    longitude: place.longitude,
                    postcode_districts: place.outward_codes.clone(),
                }),
            }
        }
        towns
    }

    /// Whether this is `town` as it was made.
    pub fn is(&self, town: &Town) -> bool {
        self.name == town.name
            && self.latitude == town.latitude
            && self.longitude == town.longitude
            && self.postcode_districts.iter().eq(town.postcode_districts)
    }

    /// The towns as the gazetteer holds them. They live as long as the process, as the
    /// built-in towns do: made when an engine opens on an imported area, and again only
    /// when a places import or a new town name changes them (rare, and each a few KB).
    pub fn leak_all(towns: Vec<AreaTown>) -> &'static [Town] {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let towns: Vec<Town> = towns
            .into_iter()
            .map(|t| {
                let slug = t
                    .name
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join("-");
                let districts: Vec<&'static str> =
                    t.postcode_districts.into_iter().map(leak).collect();
                Town {
                    name: leak(t.name),
                    slug: leak(slug),
                    latitude: t.latitude,
                    longitude: t.longitude,
                    centre_postcode: "",
                    postcode_districts: Box::leak(districts.into_boxed_slice()),
                }
            })
            .collect();
        Box::leak(towns.into_boxed_slice())
    }
}

/// A name with its spaces collapsed: "Great  Sankey " → "Great Sankey".
fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Town {
    /// The centre as (latitude, longitude), the order `distance_miles` takes.
    pub fn position(&self) -> (f64, f64) {
        (self.latitude, self.longitude)
    }
}

macro_rules! town {
    ($name:literal, $slug:literal, $pc:literal, $lat:literal, $lon:literal, [$($d:literal),+]) => {
        Town {
            name: $name,
            slug: $slug,
            latitude: $lat,
            longitude: $lon,
            centre_postcode: $pc,
            postcode_districts: &[$($d),+],
        }
    };
}

/// Every town, largest first (so ties in suggestions favour the better known).
pub(crate) static TOWNS: &[Town] = &[
    // CW1 2BJ: Municipal Buildings, Earle Street.
    town!(
        "Crewe",
        "crewe",
        "CW1 2BJ",
        53.09846,
        -2.43945,
        ["CW1", "CW2"]
    ),
    // SK10 1EA: Town Hall, Market Place.
    town!(
        "Macclesfield",
        "macclesfield",
        "SK10 1EA",
        53.26070,
        -2.12513,
        ["SK10", "SK11"]
    ),
    // CW12 1BN: Town Hall, High Street.
    town!(
        "Congleton",
        "congleton",
        "CW12 1BN",
        53.16296,
        -2.21068,
        ["CW12"]
    ),
    // CW11 1AX: High Street, by the Town Hall.
    town!(
        "Sandbach",
        "sandbach",
        "CW11 1AX",
        53.14436,
        -2.36298,
        ["CW11"]
    ),
    // SK9 1LG: the town centre shopping streets.
    town!(
        "Wilmslow",
        "wilmslow",
        "SK9 1LG",
        53.32624,
        -2.23072,
        ["SK9"]
    ),
    // CW5 5AD: beside the town square.
    town!(
        "Nantwich",
        "nantwich",
        "CW5 5AD",
        53.06707,
        -2.52265,
        ["CW5"]
    ),
    // SK12 1QY: the Park Lane shops.
    town!(
        "Poynton",
        "poynton",
        "SK12 1QY",
        53.34955,
        -2.11928,
        ["SK12"]
    ),
    // WA16 6DT: the King Street end of the town centre.
    town!(
        "Knutsford",
        "knutsford",
        "WA16 6DT",
        53.30387,
        -2.37275,
        ["WA16"]
    ),
    // ST7 2EW: the town centre.
    town!("Alsager", "alsager", "ST7 2EW", 53.09609, -2.30566, ["ST7"]),
    // CW10 9BH: the town centre.
    town!(
        "Middlewich",
        "middlewich",
        "CW10 9BH",
        53.19231,
        -2.44398,
        ["CW10"]
    ),
    // SK9 3AA: the village centre.
    town!(
        "Handforth",
        "handforth",
        "SK9 3AA",
        53.34680,
        -2.21420,
        ["SK9"]
    ),
    // CW4 7AY: the village centre.
    town!(
        "Holmes Chapel",
        "holmes-chapel",
        "CW4 7AY",
        53.19891,
        -2.35317,
        ["CW4"]
    ),
    // SK10 5PW: Palmerston Street.
    town!(
        "Bollington",
        "bollington",
        "SK10 5PW",
        53.29801,
        -2.09698,
        ["SK10"]
    ),
    // SK9 7QA: the village centre.
    town!(
        "Alderley Edge",
        "alderley-edge",
        "SK9 7QA",
        53.30374,
        -2.23684,
        ["SK9"]
    ),
    // SK12 2AE: the village centre.
    town!("Disley", "disley", "SK12 2AE", 53.35869, -2.04351, ["SK12"]),
    // CW2 5ED: the village centre.
    town!(
        "Shavington",
        "shavington",
        "CW2 5ED",
        53.05721,
        -2.44790,
        ["CW2"]
    ),
    // SK10 4DG: the village street.
    town!(
        "Prestbury",
        "prestbury",
        "SK10 4DG",
        53.28926,
        -2.15157,
        ["SK10"]
    ),
    // CW3 0AW: the village centre.
    town!("Audlem", "audlem", "CW3 0AW", 52.98947, -2.50746, ["CW3"]),
    // CW5 7NA: the village centre.
    town!(
        "Wybunbury",
        "wybunbury",
        "CW5 7NA",
        53.04539,
        -2.45044,
        ["CW5"]
    ),
    // CW5 8FX: the village centre.
    town!(
        "Wrenbury",
        "wrenbury",
        "CW5 8FX",
        53.02513,
        -2.60440,
        ["CW5"]
    ),
];

/// Other names people use for a town, as match keys (lower-case letters and digits).
pub(crate) static ALIASES: &[(&str, &str)] = &[("macc", "macclesfield")];
