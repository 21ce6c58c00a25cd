//! Reading postcode positions from the open data a council downloads: the ONS Postcode
//! Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL), and the simple
//! `Postcode,lat,long` form of `data/postcodes/`. See `docs/places.md`.
//!
//! The file is streamed row by row (the full ONSPD has 2.7 million rows) and each postcode
//! kept in 15 bytes ([`PostcodePosition`]), so memory stays bounded by the postcodes kept.

use std::io::Read;

use super::postcode::normalise_postcode;

/// Column names that hold the postcode, best first (ONSPD/NSPL `pcds`, `pcd`, `pcd7`,
/// `pcd8`; our own tables `Postcode`).
const POSTCODE_COLUMNS: &[&str] = &["pcds", "pcd", "pcd7", "pcd8", "postcode"];
const LATITUDE_COLUMNS: &[&str] = &["lat", "latitude"];
const LONGITUDE_COLUMNS: &[&str] = &["long", "lon", "lng", "longitude"];
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
    #[error(
        "this looks like Code-Point Open (no header, eastings and northings): Dayfinder \
         reads the ONS Postcode Directory instead, which gives latitude and longitude \
         (see docs/places.md)"
    )]
    CodePoint,
    #[error("the file has no usable postcodes, so nothing was replaced")]
    NoRows,
}

/// What a postcode file gave: the live postcodes with a position, sorted by key with no
/// repeats, and how many rows were passed over (terminated or with no position).
#[derive(Debug, Default)]
pub struct PostcodeFile {
    pub postcodes: Vec<PostcodePosition>,
    pub skipped: usize,
}

/// Reads ONSPD, NSPL or `Postcode,lat,long` CSV: columns in any order, found by their
/// header names in any case. Terminated postcodes and postcodes with no position are
/// skipped; a row that is not a postcode or not a number is refused with its line.
pub fn read_postcodes(input: impl Read) -> Result<PostcodeFile, PlacesFileError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut record = csv::StringRecord::new();
    let read = |reader: &mut csv::Reader<_>, record: &mut csv::StringRecord| {
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
    };
    if !read(&mut reader, &mut record)? {
        return Err(PlacesFileError::NoRows);
    }
    let header: Vec<String> = record
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| header.iter().position(|h| h == n))
    };
    let Some(postcode_at) = find(POSTCODE_COLUMNS) else {
        if record.len() >= 4 && normalise_postcode(&record[0]).is_some() {
            return Err(PlacesFileError::CodePoint);
        }
        return Err(PlacesFileError::MissingColumn("postcode (pcds)"));
    };
    let latitude_at = find(LATITUDE_COLUMNS).ok_or(PlacesFileError::MissingColumn("lat"))?;
    let longitude_at = find(LONGITUDE_COLUMNS).ok_or(PlacesFileError::MissingColumn("long"))?;
    let terminated_at = find(&[TERMINATED_COLUMN]);

    let mut out = PostcodeFile::default();
    while read(&mut reader, &mut record)? {
        let line = record.position().map_or(0, |p| p.line());
        let field = |at: usize| record.get(at).unwrap_or("").trim();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if terminated_at.is_some_and(|at| !field(at).is_empty()) {
            out.skipped += 1;
            continue;
        }
        let (lat, lon) = (field(latitude_at), field(longitude_at));
        if lat.is_empty() || lon.is_empty() {
            out.skipped += 1;
            continue;
        }
        let bad = |message: String| PlacesFileError::Line { line, message };
        let number = |s: &str, what: &str| {
            s.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| bad(format!("the {what} “{}” is not a number", shorten(s))))
        };
        let latitude = number(lat, "latitude")?;
        let longitude = number(lon, "longitude")?;
        if (latitude - NO_POSITION_LATITUDE).abs() < 1e-6 {
            out.skipped += 1;
            continue;
        }
        if !(49.0..=61.0).contains(&latitude) || !(-9.0..=2.0).contains(&longitude) {
            return Err(bad(format!(
                "{latitude}, {longitude} is not in Great Britain (latitude and longitude \
                 in degrees, in that order)"
            )));
        }
        let postcode = field(postcode_at);
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

fn shorten(s: &str) -> String {
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
        assert!(matches!(
            read("\"CW1 1AA\",10,370000,355000,E92000001\n"),
            Err(PlacesFileError::CodePoint)
        ));
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
