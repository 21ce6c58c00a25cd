//! British National Grid eastings and northings (OSGB36, as Code-Point Open gives them) to
//! WGS84 latitude and longitude, through `proj4rs` (a pure Rust PROJ).
//!
//! The datum shift is PROJ's 7-parameter Helmert for OSGB36 (EPSG's "OSGB 1936 to WGS 84
//! (6)"), good to a few metres across Great Britain: a postcode's position is the middle of
//! a few dozen addresses, so OSTN15's centimetres (and its 15 MB grid) would buy nothing.

use proj4rs::proj::Proj;

/// EPSG:27700 as PROJ writes it, with the datum shift to WGS84.
const BRITISH_NATIONAL_GRID: &str = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 \
     +x_0=400000 +y_0=-100000 +ellps=airy \
     +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";
const WGS84: &str = "+proj=longlat +datum=WGS84 +no_defs";

/// Converts grid references; made once per file read.
pub(crate) struct BritishNationalGrid {
    grid: Proj,
    wgs84: Proj,
}

impl BritishNationalGrid {
    pub(crate) fn new() -> BritishNationalGrid {
        BritishNationalGrid {
            // Both strings are constants that parse (a test holds it).
            grid: Proj::from_proj_string(BRITISH_NATIONAL_GRID)
                .expect("the British National Grid's definition parses"),
            wgs84: Proj::from_proj_string(WGS84).expect("WGS84's definition parses"),
        }
    }

    /// (latitude, longitude) in WGS84 degrees of an easting and northing in metres;
    /// `None` if the conversion fails or gives no finite point.
    pub(crate) fn to_wgs84(&self, easting: f64, northing: f64) -> Option<(f64, f64)> {
        let mut point = (easting, northing, 0.0);
        proj4rs::transform::transform(&self.grid, &self.wgs84, &mut point).ok()?;
        let (latitude, longitude) = (point.1.to_degrees(), point.0.to_degrees());
        (latitude.is_finite() && longitude.is_finite()).then_some((latitude, longitude))
    }

    /// The easting and northing of a WGS84 point (for making test files).
    #[cfg(test)]
    pub(crate) fn grid_reference_of(&self, latitude: f64, longitude: f64) -> Option<(f64, f64)> {
        let mut point = (longitude.to_radians(), latitude.to_radians(), 0.0);
        proj4rs::transform::transform(&self.wgs84, &self.grid, &mut point).ok()?;
        Some((point.0, point.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::distance_miles;

    const METRES_PER_MILE: f64 = 1609.344;

    fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
        distance_miles(a, b) * METRES_PER_MILE
    }

    fn dms(degrees: f64, minutes: f64, seconds: f64) -> f64 {
        degrees + minutes / 60.0 + seconds / 3600.0
    }

    #[test]
    fn the_os_worked_example_caister_water_tower_is_projected_to_the_millimetre() {
        // "A guide to coordinate systems in Great Britain" (Ordnance Survey), annexe C:
        // 52°39′27.2531″N 1°43′4.5177″E on the Airy 1830 ellipsoid (OSGB36, before any
        // datum shift) is E 651409.903, N 313177.270. The projection half of ours, alone:
        let grid = Proj::from_proj_string(BRITISH_NATIONAL_GRID).unwrap();
        let osgb36 = Proj::from_proj_string(
            "+proj=longlat +ellps=airy \
             +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +no_defs",
        )
        .unwrap();
        let mut point = (651_409.903, 313_177.270, 0.0);
        proj4rs::transform::transform(&grid, &osgb36, &mut point).unwrap();
        let placed = (point.1.to_degrees(), point.0.to_degrees());
        let documented = (dms(52.0, 39.0, 27.2531), dms(1.0, 43.0, 4.5177));
        let off = metres(placed, documented);
        assert!(off < 0.01, "{placed:?} is {off:.3} m from {documented:?}");
        // And the datum shift to WGS84 moves it by the ~100 m expected in East Anglia.
        let shifted = BritishNationalGrid::new()
            .to_wgs84(651_409.903, 313_177.270)
            .unwrap();
        assert!((80.0..200.0).contains(&metres(shifted, placed)));
    }

    #[test]
    fn a_postcode_s_code_point_grid_reference_lands_on_its_onspd_position() {
        // BR8 7RE: Code-Point Open E 551626, N 170342; ONSPD 51.411831, 0.178871 (WGS84):
        // the datum shift's half, checked against the ONS's own conversion.
        let grid = BritishNationalGrid::new();
        let placed = grid.to_wgs84(551_626.0, 170_342.0).unwrap();
        let off = metres(placed, (51.411831, 0.178871));
        assert!(off < 10.0, "{placed:?} is {off:.1} m off");
    }

    #[test]
    fn converting_there_and_back_keeps_the_point() {
        let grid = BritishNationalGrid::new();
        let (e, n) = grid.grid_reference_of(53.38735, -2.59836).unwrap();
        let back = grid.to_wgs84(e, n).unwrap();
        assert!(metres(back, (53.38735, -2.59836)) < 0.01, "{back:?}");
    }
}
