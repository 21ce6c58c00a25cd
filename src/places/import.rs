//! Reading postcode positions from the open data a council downloads: the ONS Postcode
//! Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL), Ordnance Survey's
//! Code-Point Open (grid references), and the simple `Postcode,lat,long` form of
//! `data/postcodes/`. See `docs/places.md`.
//!
//! The file is streamed row by row (the full ONSPD has 2.7 million rows) and each postcode
//! kept in 15 bytes ([`PostcodePosition`]), so memory stays bounded by the postcodes kept.

use std::io::Read;

use super::grid::BritishNationalGrid;
use super::postcode::normalise_postcode;

/// Column names that hold the postcode, best first (ONSPD/NSPL `pcds`, `pcd`, `pcd7`,
/// `pcd8`; our own tables `Postcode`).
const POSTCODE_COLUMNS: &[&str] = &["pcds", "pcd", "pcd7", "pcd8", "postcode"];
pub(super) const LATITUDE_COLUMNS: &[&str] = &["lat", "latitude"];
pub(super) const LONGITUDE_COLUMNS: &[&str] = &["long", "lon", "lng", "longitude"];
/// ONSPD/NSPL: the month a postcode was terminated; empty while it is live.
const TERMINATED_COLUMN: &str = "doterm";
/// ONSPD writes this latitude for postcodes with no grid reference.
const NO_POSITION_LATITUDE: f64 = 99.999_999;

/// One live postcode and its position, compactly: the postcode without its space, padded
/// with spaces to 7 bytes, and WGS84 degrees as `f32` (well under a metre apart).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PostcodePosition {
    key: [u8; 7],
    pub latitude: f32,
    pub longitude: f32,
}

impl PostcodePosition {
    /// From any spelling of a postcode; `None` if it does not have a postcode's shape.
    pub fn new(postcode: &str, latitude: f64, longitude: f64) -> Option<PostcodePosition> {
        let display = normalise_postcode(postcode)?;
        let mut key = [b' '; 7];
        for (slot, b) in key.iter_mut().zip(display.bytes().filter(|b| *b != b' ')) {
            *slot = b;
        }
        Some(PostcodePosition {
            key,
            latitude: latitude as f32,
            longitude: longitude as f32,
        })
    }

    /// The postcode without its space ("CW111AA"), as the gazetteer keys it.
    pub fn key(&self) -> &str {
        std::str::from_utf8(&self.key).unwrap_or("").trim_end()
    }

    /// The outward code ("CW11").
    pub fn outward(&self) -> &str {
        let key = self.key();
        &key[..key.len().saturating_sub(3)]
    }

    /// The postcode as shown ("CW11 1AA").
    pub fn display(&self) -> String {
        let key = self.key();
        let (outward, inward) = key.split_at(key.len().saturating_sub(3));
        format!("{outward} {inward}")
    }
}

/// Why a postcode file could not be read, with the line at fault where there is one.
#[derive(Debug, thiserror::Error)]
pub enum PlacesFileError {
    #[error("could not read the file: {0}")]
    Read(String),
    #[error("line {line}: {message}")]
    Line { line: u64, message: String },
    #[error(
        "the file has no {0} column (its first line should name the columns, such as \
         pcds, lat and long in the ONS Postcode Directory)"
    )]
    MissingColumn(&'static str),
    #[error("the file has no usable postcodes, so nothing was replaced")]
    NoRows,
    #[error(
        "none of the {outside} places in the file is inside the imported area, so \
         nothing was replaced"
    )]
    NoneInArea { outside: usize },
}

/// What a postcode file gave: the live postcodes with a position, sorted by key with no
/// repeats, and how many rows were passed over (terminated or with no position).
#[derive(Debug, Default)]
pub struct PostcodeFile {
    pub postcodes: Vec<PostcodePosition>,
    pub skipped: usize,
}

/// Code-Point Open's column headings (`Doc/Code-Point_Open_Column_Headers.csv`), for a
/// file that has them as its first line.
const EASTINGS_COLUMN: &str = "eastings";
const NORTHINGS_COLUMN: &str = "northings";
const QUALITY_COLUMN: &str = "positional_quality_indicator";
/// Code-Point Open's positional quality for a postcode with no coordinates.
const NO_COORDINATES_QUALITY: &str = "90";

/// Where a file keeps each row's position.
enum Layout {
    /// ONSPD, NSPL and `Postcode,lat,long`: WGS84 degrees.
    Degrees {
        postcode: usize,
        latitude: usize,
        longitude: usize,
        terminated: Option<usize>,
    },
    /// Code-Point Open: British National Grid eastings and northings in metres.
    Grid {
        postcode: usize,
        quality: Option<usize>,
        eastings: usize,
        northings: usize,
        grid: Box<BritishNationalGrid>,
    },
}

/// What one row gave.
enum Row {
    Placed(f64, f64),
    /// Terminated, or with no position.
    Skipped,
}

impl Layout {
    /// The layout a file's first record shows, and whether that record is a row of
    /// data (Code-Point Open as Ordnance Survey ships it has no header).
    fn of_first(record: &csv::StringRecord) -> Result<(Layout, bool), PlacesFileError> {
        let header = Header::of(record);
        let find = |names: &[&str]| header.find(names);
        let postcode = find(POSTCODE_COLUMNS);
        if let (Some(postcode), Some(eastings), Some(northings)) = (
            postcode,
            find(&[EASTINGS_COLUMN]),
            find(&[NORTHINGS_COLUMN]),
        ) {
            let quality = find(&[QUALITY_COLUMN]);
            return Ok((Layout::grid(postcode, quality, eastings, northings), false));
        }
        let Some(postcode) = postcode else {
            if looks_like_code_point(record) {
                return Ok((Layout::grid(0, Some(1), 2, 3), true));
            }
            return Err(PlacesFileError::MissingColumn("postcode (pcds)"));
        };
        let latitude = find(LATITUDE_COLUMNS).ok_or(PlacesFileError::MissingColumn("lat"))?;
        let longitude = find(LONGITUDE_COLUMNS).ok_or(PlacesFileError::MissingColumn("long"))?;
        let terminated = find(&[TERMINATED_COLUMN]);
        let layout = Layout::Degrees {
            postcode,
            latitude,
            longitude,
            terminated,
        };
        Ok((layout, false))
    }

    fn grid(postcode: usize, quality: Option<usize>, eastings: usize, northings: usize) -> Layout {
        Layout::Grid {
            postcode,
            quality,
            eastings,
            northings,
            grid: Box::new(BritishNationalGrid::new()),
        }
    }

    fn postcode_at(&self) -> usize {
        match self {
            Layout::Degrees { postcode, .. } | Layout::Grid { postcode, .. } => *postcode,
        }
    }

    /// The row's WGS84 position, or why it is passed over; a message for a bad row.
    fn position(&self, record: &csv::StringRecord) -> Result<Row, String> {
        let field = |at: usize| record.get(at).unwrap_or("").trim();
        match self {
            Layout::Degrees {
                latitude,
                longitude,
                terminated,
                ..
            } => {
                if terminated.is_some_and(|at| !field(at).is_empty()) {
                    return Ok(Row::Skipped);
                }
                let (lat, lon) = (field(*latitude), field(*longitude));
                if lat.is_empty() || lon.is_empty() {
                    return Ok(Row::Skipped);
                }
                let latitude = number(lat, "latitude")?;
                let longitude = number(lon, "longitude")?;
                if (latitude - NO_POSITION_LATITUDE).abs() < 1e-6 {
                    return Ok(Row::Skipped);
                }
                Ok(Row::Placed(latitude, longitude))
            }
            Layout::Grid {
                quality,
                eastings,
                northings,
                grid,
                ..
            } => {
                if quality.is_some_and(|at| field(at) == NO_COORDINATES_QUALITY) {
                    return Ok(Row::Skipped);
                }
                let (e, n) = (field(*eastings), field(*northings));
                if e.is_empty() || n.is_empty() {
                    return Ok(Row::Skipped);
                }
                let easting = number(e, "easting")?;
                let northing = number(n, "northing")?;
                if easting == 0.0 && northing == 0.0 {
                    return Ok(Row::Skipped);
                }
                if !(0.0..=700_000.0).contains(&easting) || !(0.0..=1_300_000.0).contains(&northing)
                {
                    return Err(format!(
                        "{e}, {n} is not a British National Grid reference (eastings and \
                         northings in metres, in that order)"
                    ));
                }
                let (latitude, longitude) = grid
                    .to_wgs84(easting, northing)
                    .ok_or_else(|| format!("{e}, {n} could not be converted to a position"))?;
                Ok(Row::Placed(latitude, longitude))
            }
        }
    }
}

/// A headerless first line as Code-Point Open writes it: a postcode, then its positional
/// quality, easting and northing as numbers.
fn looks_like_code_point(record: &csv::StringRecord) -> bool {
    let numeric = |at: usize| {
        record
            .get(at)
            .is_some_and(|f| f.trim().is_empty() || f.trim().parse::<f64>().is_ok())
    };
    record.len() >= 4
        && normalise_postcode(&record[0]).is_some()
        && numeric(1)
        && numeric(2)
        && numeric(3)
}

fn number(s: &str, what: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| format!("the {what} “{}” is not a number", shorten(s)))
}

/// Reads ONSPD, NSPL or `Postcode,lat,long` CSV (columns in any order, found by their
/// header names in any case), or Code-Point Open (with or without its header line).
/// Terminated postcodes and postcodes with no position are skipped; a row that is not a
/// postcode or not a number is refused with its line.
pub fn read_postcodes(input: impl Read) -> Result<PostcodeFile, PlacesFileError> {
    let (mut reader, mut record) = open_csv(input)?;
    let (layout, first_is_data) = Layout::of_first(&record)?;

    let mut out = PostcodeFile::default();
    let mut pending = first_is_data;
    while std::mem::take(&mut pending) || read_record(&mut reader, &mut record)? {
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let bad = |message: String| PlacesFileError::Line { line, message };
        let (latitude, longitude) = match layout.position(&record).map_err(bad)? {
            Row::Placed(latitude, longitude) => (latitude, longitude),
            Row::Skipped => {
                out.skipped += 1;
                continue;
            }
        };
        if !(49.0..=61.0).contains(&latitude) || !(-9.0..=2.0).contains(&longitude) {
            return Err(bad(format!(
                "{latitude}, {longitude} is not in Great Britain (latitude and longitude \
                 in degrees, in that order)"
            )));
        }
        let postcode = record.get(layout.postcode_at()).unwrap_or("").trim();
        let position = PostcodePosition::new(postcode, latitude, longitude)
            .ok_or_else(|| bad(format!("“{}” is not a postcode", shorten(postcode))))?;
        out.postcodes.push(position);
    }
    out.postcodes.sort_by_key(|p| p.key);
    out.postcodes.dedup_by(|a, b| a.key == b.key);
    out.postcodes.shrink_to_fit();
    if out.postcodes.is_empty() {
        return Err(PlacesFileError::NoRows);
    }
    Ok(out)
}

/// A CSV file read record by record, and its first record; an empty file is refused.
pub(super) fn open_csv<R: Read>(
    input: R,
) -> Result<(csv::Reader<R>, csv::StringRecord), PlacesFileError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut record = csv::StringRecord::new();
    if !read_record(&mut reader, &mut record)? {
        return Err(PlacesFileError::NoRows);
    }
    Ok((reader, record))
}

/// A header line's column names, trimmed and in lower case (and without a byte-order mark).
pub(super) struct Header(pub(super) Vec<String>);

impl Header {
    pub(super) fn of(record: &csv::StringRecord) -> Header {
        Header(
            record
                .iter()
                .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
                .collect(),
        )
    }

    /// The first of `names` that is a column, by its position.
    pub(super) fn find(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.0.iter().position(|h| h == n))
    }
}

/// The next record, or `false` at the end; unreadable CSV is refused with its line.
pub(super) fn read_record<R: Read>(
    reader: &mut csv::Reader<R>,
    record: &mut csv::StringRecord,
) -> Result<bool, PlacesFileError> {
    reader.read_record(record).map_err(|e| {
        let line = e.position().map_or(0, |p| p.line());
        match e.kind() {
            csv::ErrorKind::Io(io) => PlacesFileError::Read(io.to_string()),
            _ => PlacesFileError::Line {
                line,
                message: "this line is not readable CSV (is it UTF-8 text?)".to_string(),
            },
        }
    })
}

/// Outward codes of these postcodes, each at the mean position of its postcodes, sorted.
pub fn outcode_centroids(postcodes: &[PostcodePosition]) -> Vec<(String, f64, f64)> {
    let mut out: Vec<(String, f64, f64, usize)> = Vec::new();
    for p in postcodes {
        match out.last_mut() {
            Some((oc, lat, lon, n)) if oc == p.outward() => {
                *lat += f64::from(p.latitude);
                *lon += f64::from(p.longitude);
                *n += 1;
            }
            _ => out.push((
                p.outward().to_string(),
                f64::from(p.latitude),
                f64::from(p.longitude),
                1,
            )),
        }
    }
    // Sorted by whole key, "CW1..." and "CW11..." interleave: merge repeats.
    out.sort_by(|a, b| a.0.cmp(&b.0));
    let mut merged: Vec<(String, f64, f64, usize)> = Vec::new();
    for row in out {
        match merged.last_mut() {
            Some(last) if last.0 == row.0 => {
                last.1 += row.1;
                last.2 += row.2;
                last.3 += row.3;
            }
            _ => merged.push(row),
        }
    }
    merged
        .into_iter()
        .map(|(oc, lat, lon, n)| {
            let n = n as f64;
            (oc, round5(lat / n), round5(lon / n))
        })
        .collect()
}

fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

pub(super) fn shorten(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(csv: &str) -> Result<PostcodeFile, PlacesFileError> {
        read_postcodes(csv.as_bytes())
    }

    fn keys(file: &PostcodeFile) -> Vec<String> {
        file.postcodes
            .iter()
            .map(PostcodePosition::display)
            .collect()
    }

    #[test]
    fn the_simple_form_of_the_shared_tables_is_read() {
        let file =
            read("Postcode,lat,long\nWA1 1AA,53.38735,-2.59836\nWA1 1AB,53.38735,-2.59836\n")
                .unwrap();
        assert_eq!(keys(&file), ["WA1 1AA", "WA1 1AB"]);
        assert_eq!(file.postcodes[0].latitude, 53.38735_f32);
        assert_eq!(file.postcodes[0].longitude, -2.59836_f32);
    }

    #[test]
    fn onspd_columns_in_any_order_and_case_are_found_and_terminated_rows_skipped() {
        let csv = "\u{feff}PCD,PCD2,PCDS,DOINTR,DOTERM,OSEAST1M,LONG,LAT\n\
                   CW111AA,CW11  1AA,CW11 1AA,198001,,376000,-2.36184,53.14397\n\
                   CW1 1AA,CW1  1AA,CW1 1AA,198001,200012,370000,-2.44,53.09\n\
                   CW1 2BJ,CW1  2BJ,CW1 2BJ,198001,,370000,-2.43945,53.09846\n";
        let file = read(csv).unwrap();
        // Sorted as the gazetteer keys them, without the space.
        assert_eq!(keys(&file), ["CW11 1AA", "CW1 2BJ"]);
        assert_eq!(file.skipped, 1);
        assert_eq!(file.postcodes[0].key(), "CW111AA");
        assert_eq!(file.postcodes[0].outward(), "CW11");
    }

    #[test]
    fn seven_character_pcd_form_is_read_when_pcds_is_absent() {
        let file = read("lat,long,pcd\n53.14397,-2.36184,CW111AA\n53.1,-2.4,CW1 1AB\n").unwrap();
        assert_eq!(keys(&file), ["CW11 1AA", "CW1 1AB"]);
    }

    #[test]
    fn postcodes_with_no_position_or_empty_coordinates_are_skipped() {
        let csv =
            "pcds,lat,long,doterm\nCW1 1AA,99.999999,0.000000,\nCW1 1AB,,,\nCW1 1AD,53.1,-2.4,\n";
        let file = read(csv).unwrap();
        assert_eq!(keys(&file), ["CW1 1AD"]);
        assert_eq!(file.skipped, 2);
    }

    #[test]
    fn a_bad_row_is_refused_with_its_line_number() {
        let err = read("pcds,lat,long\nCW1 1AA,53.1,-2.4\nCW1 1AB,north,-2.4\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3: the latitude “north” is not a number"
        );
        let err = read("pcds,lat,long\nCrewe,53.1,-2.4\n").unwrap_err();
        assert_eq!(err.to_string(), "line 2: “Crewe” is not a postcode");
        let err = read("pcds,lat,long\nCW1 1AA,-2.4,53.1\n").unwrap_err();
        assert!(err.to_string().starts_with("line 2: "), "{err}");
    }

    #[test]
    fn a_file_with_no_usable_rows_is_refused() {
        for csv in [
            "",
            "pcds,lat,long\n",
            "pcds,lat,long,doterm\nCW1 1AA,53.1,-2.4,199001\n",
        ] {
            assert!(matches!(read(csv), Err(PlacesFileError::NoRows)), "{csv:?}");
        }
        assert!(matches!(
            read("name,lat,long\nx,1,2\n"),
            Err(PlacesFileError::MissingColumn(_))
        ));
    }

    /// BR8 7RE: Code-Point Open E 551626, N 170342; ONSPD 51.411831, 0.178871.
    const BR8_7RE: (f64, f64) = (51.411831, 0.178871);

    fn metres_from(p: &PostcodePosition, at: (f64, f64)) -> f64 {
        crate::places::distance_miles((f64::from(p.latitude), f64::from(p.longitude)), at)
            * 1609.344
    }

    #[test]
    fn a_code_point_open_file_places_its_postcodes() {
        // As Ordnance Survey ships it: no header, quoted postcodes, the codes after.
        let csv = "\"BR8 7RE\",10,551626,170342,\"E92000001\",\"E19000003\",\"E18000007\",\"\",\"E09000004\",\"E05000084\"\n\
                   \"BR8 7RF\",90,0,0,\"E92000001\",\"\",\"\",\"\",\"E09000004\",\"\"\n\
                   \"BR8 7RG\",10,,,\"E92000001\",\"\",\"\",\"\",\"E09000004\",\"\"\n\
                   \"WA130AA\",10,368243,387270,\"E92000001\",\"\",\"\",\"\",\"E06000007\",\"\"\n";
        let file = read(csv).unwrap();
        assert_eq!(keys(&file), ["BR8 7RE", "WA13 0AA"]);
        assert_eq!(
            file.skipped, 2,
            "quality 90 and empty coordinates are passed over"
        );
        let off = metres_from(&file.postcodes[0], BR8_7RE);
        assert!(off < 10.0, "BR8 7RE is {off:.1} m from its ONSPD position");
        // WA13 0AA's ONSPD position is 53.38132, -2.47887.
        assert!(metres_from(&file.postcodes[1], (53.38132, -2.47887)) < 10.0);
    }

    #[test]
    fn code_point_open_with_its_column_headings_is_read_too() {
        let csv = "Postcode,Positional_quality_indicator,Eastings,Northings,Country_code,\
                   NHS_regional_HA_code,NHS_HA_code,Admin_county_code,Admin_district_code,\
                   Admin_ward_code\n\
                   BR8 7RE,10,551626,170342,E92000001,E19000003,E18000007,,E09000004,E05000084\n\
                   BR8 7RF,90,,,E92000001,,,,E09000004,\n";
        let file = read(csv).unwrap();
        assert_eq!(keys(&file), ["BR8 7RE"]);
        assert_eq!(file.skipped, 1);
        assert!(metres_from(&file.postcodes[0], BR8_7RE) < 10.0);
    }

    #[test]
    fn the_shared_warrington_positions_survive_a_trip_through_the_grid() {
        // Code-Point rows made from ONSPD positions of data/another-council/postcodes.csv
        // come back within a metre of them.
        let grid = BritishNationalGrid::new();
        let table = include_str!("../../data/another-council/postcodes.csv");
        let mut csv = String::new();
        let mut expected = Vec::new();
        for line in table.lines().skip(1).step_by(25) {
            let mut f = line.split(',');
            let (pc, lat, lon) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
            let (lat, lon): (f64, f64) = (lat.parse().unwrap(), lon.parse().unwrap());
            let (e, n) = grid.grid_reference_of(lat, lon).unwrap();
            csv.push_str(&format!("\"{pc}\",10,{e:.0},{n:.0},\"E92000001\"\n"));
            expected.push((normalise_postcode(pc).unwrap(), (lat, lon)));
        }
        let file = read(&csv).unwrap();
        assert_eq!(file.postcodes.len(), expected.len());
        for (pc, at) in expected {
            let p = file.postcodes.iter().find(|p| p.display() == pc).unwrap();
            assert!(metres_from(p, at) < 1.5, "{pc}");
        }
    }

    #[test]
    fn a_bad_code_point_row_is_refused_with_its_line_number() {
        let err = read("\"BR8 7RE\",10,551626,170342,\"E92000001\"\n\"BR8 7RF\",10,east,170342,\"E92000001\"\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2: the easting “east” is not a number"
        );
        let err = read("\"BR8 7RE\",10,551626,170342\n\"Bromley\",10,551626,170342\n").unwrap_err();
        assert_eq!(err.to_string(), "line 2: “Bromley” is not a postcode");
        let err = read("\"BR8 7RE\",10,-5,99999999\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("line 1: -5, 99999999 is not a British National Grid"),
            "{err}"
        );
    }

    #[test]
    fn repeated_postcodes_are_kept_once_and_garbage_bytes_never_panic() {
        let file = read("pcds,lat,long\nCW1 1AA,53.1,-2.4\ncw11aa,53.1,-2.4\n").unwrap();
        assert_eq!(keys(&file), ["CW1 1AA"]);
        let _ = read_postcodes(&b"pcds,lat,long\n\xff\xfe,1,2\n"[..]);
    }

    #[test]
    fn outward_codes_are_placed_at_the_mean_of_their_postcodes() {
        let file =
            read("pcds,lat,long\nCW1 1AA,53.0,-2.0\nCW1 1AB,53.2,-2.2\nCW11 1AA,53.1,-2.3\n")
                .unwrap();
        let centroids = outcode_centroids(&file.postcodes);
        assert_eq!(centroids.len(), 2);
        assert_eq!(centroids[0].0, "CW1");
        assert!((centroids[0].1 - 53.1).abs() < 1e-4 && (centroids[0].2 + 2.1).abs() < 1e-4);
        assert_eq!(centroids[1].0, "CW11");
    }
}
