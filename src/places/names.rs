//! Town and village names from the ONS "Index of Place Names in Great Britain" (IPN), kept
//! for the imported area only: `dayfinder places import FILE --names IPN.csv` (or `places
//! names IPN.csv`), docs/places.md. So "near Appleton Thorn" is understood even where no
//! listing's address names it.
//!
//! The file (about 100,000 rows for Great Britain) is streamed; what is kept is bounded by
//! the places inside the area.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use super::distance_miles;
use super::import::{
    Header, LATITUDE_COLUMNS, LONGITUDE_COLUMNS, PlacesFileError, PostcodePosition, open_csv,
    read_record, shorten,
};

/// A named place inside the imported area, as the store keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceName {
    /// As the index writes it: "Appleton Thorn".
    pub name: String,
    /// The index's type of place (`descnm`): "BUA" (built-up area), "LOC" (locality),
    /// "PAR" (parish), ...; empty when the file has no such column.
    pub kind: String,
    pub latitude: f64,
    pub longitude: f64,
    /// The outward codes around it, the nearest postcode's first ("WA4").
    pub outward_codes: Vec<String>,
}

/// What a place-names file gave for the area.
#[derive(Debug, Default)]
pub struct PlaceNamesFile {
    /// One per name, sorted by name.
    pub names: Vec<PlaceName>,
    /// Places further than [`AREA_REACH_MILES`] from every imported postcode.
    pub outside: usize,
    /// Rows with no position or no name.
    pub skipped: usize,
}

/// A place belongs to the area when an imported postcode is this close (about 2 km).
pub const AREA_REACH_MILES: f64 = 1.25;
/// Other outward codes with a postcode this close (about 1 km) cover the place too.
const COVER_MILES: f64 = 0.6;
const MAX_OUTWARD_CODES: usize = 4;
const MAX_NAME_CHARS: usize = 60;

/// Kinds of place that are administrative areas, not somewhere people say they live
/// near: their centre is nowhere in particular (counties, districts, wards, regions).
const AREAS_NOT_PLACES: &[&str] = &[
    "CTRY", "RGN", "CTY", "LAD", "UA", "MD", "NMD", "LONB", "WD", "CED", "NPARK",
];

/// Kinds in the order a name's repeats are preferred: a built-up area, then its
/// subdivision, a locality, a parish; anything else after.
const KIND_ORDER: &[&str] = &["BUA", "BUASD", "LOC", "PAR"];

/// The rank by which a kind of place is preferred (lower is better).
pub(crate) fn kind_rank(kind: &str) -> usize {
    KIND_ORDER
        .iter()
        .position(|k| k.eq_ignore_ascii_case(kind))
        .unwrap_or(KIND_ORDER.len())
}

/// Reads the ONS Index of Place Names CSV as downloaded (a header row; columns in any
/// order and case: the name `placeNNnm`, `lat`, `long`, and `descnm`) and keeps the places
/// within reach of `area`'s postcodes, each with the outward codes around it. A row whose
/// position is not a number is refused with its line; rows with no position are skipped.
pub fn read_place_names(
    input: impl Read,
    area: &[PostcodePosition],
) -> Result<PlaceNamesFile, PlacesFileError> {
    let (mut reader, mut record) = open_csv(input)?;
    let header = Header::of(&record);
    let find = |names: &[&str]| header.find(names);
    let name_at = header
        .0
        .iter()
        .position(|h| is_place_name_column(h))
        .ok_or(PlacesFileError::MissingColumn("place name (place23nm)"))?;
    let latitude_at = find(LATITUDE_COLUMNS).ok_or(PlacesFileError::MissingColumn("lat"))?;
    let longitude_at = find(LONGITUDE_COLUMNS).ok_or(PlacesFileError::MissingColumn("long"))?;
    let kind_at = find(&["descnm"]);

    let near = Nearby::new(area);
    let mut out = PlaceNamesFile::default();
    // Keyed by the name's words in lower case: the index repeats a name once per kind.
    let mut kept: BTreeMap<String, PlaceName> = BTreeMap::new();
    while read_record(&mut reader, &mut record)? {
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let field = |at: usize| record.get(at).unwrap_or("").trim();
        let bad = |message: String| PlacesFileError::Line { line, message };
        let kind = kind_at.map_or("", field).to_ascii_uppercase();
        let name = field(name_at)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let (lat, lon) = (field(latitude_at), field(longitude_at));
        if name.is_empty() || lat.is_empty() || lon.is_empty() {
            out.skipped += 1;
            continue;
        }
        if AREAS_NOT_PLACES.contains(&kind.as_str()) {
            continue;
        }
        let number = |s: &str, what: &str| {
            s.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| bad(format!("the {what} “{}” is not a number", shorten(s))))
        };
        let latitude = number(lat, "latitude")?;
        let longitude = number(lon, "longitude")?;
        if !(49.0..=61.0).contains(&latitude) || !(-9.0..=2.0).contains(&longitude) {
            return Err(bad(format!(
                "{latitude}, {longitude} is not in Great Britain (latitude and longitude \
                 in degrees, in that order)"
            )));
        }
        if name.chars().count() > MAX_NAME_CHARS || !name.chars().any(char::is_alphabetic) {
            return Err(bad(format!("“{}” is not a place name", shorten(&name))));
        }
        let Some(outward_codes) = near.outward_codes((latitude, longitude)) else {
            out.outside += 1;
            continue;
        };
        let place = PlaceName {
            name,
            kind,
            latitude,
            longitude,
            outward_codes,
        };
        let key = place.name.to_lowercase();
        match kept.get(&key) {
            Some(held) if kind_rank(&held.kind) <= kind_rank(&place.kind) => {}
            _ => {
                kept.insert(key, place);
            }
        }
    }
    out.names = kept.into_values().collect();
    Ok(out)
}

/// `place23nm`, `PLACE22NM`: the index names its name column after its year.
fn is_place_name_column(header: &str) -> bool {
    let Some(year) = header
        .strip_prefix("place")
        .and_then(|rest| rest.strip_suffix("nm"))
    else {
        return false;
    };
    year.len() == 2 && year.bytes().all(|b| b.is_ascii_digit())
}

/// The area's postcodes in cells about 2 km across, so each place looks at a few hundred
/// postcodes, not all of them.
struct Nearby<'a> {
    cells: HashMap<(i32, i32), Vec<&'a PostcodePosition>>,
}

/// A cell's size in degrees: about 2.2 km north to south, 2 km east to west at 53°N.
const CELL_LATITUDE: f64 = 0.02;
const CELL_LONGITUDE: f64 = 0.03;

impl<'a> Nearby<'a> {
    fn new(area: &'a [PostcodePosition]) -> Nearby<'a> {
        let mut cells: HashMap<(i32, i32), Vec<&PostcodePosition>> = HashMap::new();
        for p in area {
            let at = (f64::from(p.latitude), f64::from(p.longitude));
            cells.entry(cell(at)).or_default().push(p);
        }
        Nearby { cells }
    }

    /// The outward codes around `at`, nearest first; `None` when no postcode is within
    /// reach (the place is outside the area).
    fn outward_codes(&self, at: (f64, f64)) -> Option<Vec<String>> {
        let (row, column) = cell(at);
        // Nearest postcode of each outward code within reach.
        let mut nearest: BTreeMap<&str, f64> = BTreeMap::new();
        for dr in -1..=1 {
            for dc in -1..=1 {
                for p in self
                    .cells
                    .get(&(row + dr, column + dc))
                    .into_iter()
                    .flatten()
                {
                    let d = distance_miles(at, (f64::from(p.latitude), f64::from(p.longitude)));
                    if d <= AREA_REACH_MILES {
                        let held = nearest.entry(p.outward()).or_insert(d);
                        *held = held.min(d);
                    }
                }
            }
        }
        let mut codes: Vec<(&str, f64)> = nearest.into_iter().collect();
        codes.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)));
        let first = codes.first()?.0.to_string();
        let mut out = vec![first];
        out.extend(
            codes
                .iter()
                .skip(1)
                .filter(|(_, d)| *d <= COVER_MILES)
                .take(MAX_OUTWARD_CODES - 1)
                .map(|(oc, _)| oc.to_string()),
        );
        Some(out)
    }
}

fn cell((latitude, longitude): (f64, f64)) -> (i32, i32) {
    (
        (latitude / CELL_LATITUDE).floor() as i32,
        (longitude / CELL_LONGITUDE).floor() as i32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::read_postcodes;

    fn warrington() -> Vec<PostcodePosition> {
        read_postcodes(&include_bytes!("../../data/another-council/postcodes.csv")[..])
            .unwrap()
            .postcodes
    }

    const NAMES: &[u8] = include_bytes!("../../data/another-council/place-names.csv");

    fn names_of(file: &PlaceNamesFile) -> Vec<&str> {
        file.names.iter().map(|n| n.name.as_str()).collect()
    }

    #[test]
    fn places_inside_the_imported_area_are_kept_with_their_outward_codes() {
        let file = read_place_names(NAMES, &warrington()).unwrap();
        let names = names_of(&file);
        for name in [
            "Appleton Thorn",
            "Lymm",
            "Great Sankey",
            "Culcheth",
            "Hollins Green",
        ] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        let thorn = file
            .names
            .iter()
            .find(|n| n.name == "Appleton Thorn")
            .unwrap();
        assert_eq!(thorn.outward_codes.first().map(String::as_str), Some("WA4"));
        assert_eq!(thorn.kind, "LOC");
        let lymm = file.names.iter().find(|n| n.name == "Lymm").unwrap();
        assert_eq!(lymm.outward_codes[0], "WA13");
    }

    #[test]
    fn places_far_from_the_area_are_left_out() {
        let file = read_place_names(NAMES, &warrington()).unwrap();
        let names = names_of(&file);
        for far in ["Crewe", "Penrith"] {
            assert!(!names.contains(&far), "{far} in {names:?}");
        }
        assert_eq!(file.outside, 2);
    }

    #[test]
    fn a_repeated_name_is_kept_once_and_areas_that_are_not_places_are_left_out() {
        let file = read_place_names(NAMES, &warrington()).unwrap();
        let names = names_of(&file);
        assert_eq!(names.iter().filter(|n| **n == "Lymm").count(), 1);
        assert_eq!(
            file.names.iter().find(|n| n.name == "Lymm").unwrap().kind,
            "BUA",
            "the built-up area is preferred to the parish of the same name"
        );
        assert!(
            !names.contains(&"Warrington"),
            "the district is not a place: {names:?}"
        );
        assert!(!names.contains(&"Nowhere Without Position"), "{names:?}");
        assert_eq!(file.skipped, 1);
    }

    #[test]
    fn columns_are_found_in_any_order_and_case_with_any_year() {
        let csv = "LONG,DESCNM,PLACE22NM,LAT\n-2.5297,LOC,Appleton Thorn,53.3516\n";
        let file = read_place_names(csv.as_bytes(), &warrington()).unwrap();
        assert_eq!(names_of(&file), ["Appleton Thorn"]);
        assert!(matches!(
            read_place_names("name,lat,long\nx,53.3,-2.5\n".as_bytes(), &warrington()),
            Err(PlacesFileError::MissingColumn(_))
        ));
    }

    #[test]
    fn a_bad_row_is_refused_with_its_line_number() {
        let csv = "place23nm,descnm,lat,long\nLymm,BUA,53.38,-2.47\nThelwall,LOC,north,-2.53\n";
        let err = read_place_names(csv.as_bytes(), &warrington()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3: the latitude “north” is not a number"
        );
        let _ = read_place_names(&b"place23nm,lat,long\n\xff\xfe,1,2\n"[..], &warrington());
    }
}
