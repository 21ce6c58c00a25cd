//! One pass over the documents that match the words and the place: test every filter,
//! keep the ones that pass them all, and count, for each filter, what each choice would
//! give with the other filters in force (the counts beside the checkboxes).

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::bits::{Dim, day_bit, day_bits, slot};
use crate::model::{DayPart, Term, Weekday};

/// Miles in one degree of latitude (and of longitude at the equator).
const MILES_PER_DEGREE: f64 = 69.05;

/// Everything the pass tests, as bits and numbers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Per mask dimension, the bits of the chosen terms (0 = no choice). Access is "all of".
    pub dims: [u64; 6],
    /// Chosen towns, any case (empty = any).
    pub towns: Vec<String>,
    pub days: Vec<Weekday>,
    pub parts: Vec<DayPart>,
    pub age: Option<u64>,
    /// Only services that admit every age of the young-adult range (16 to 25).
    pub young_adults: bool,
    /// Centre (lat, lon) and radius in miles.
    pub place: Option<(f64, f64, f64)>,
    /// Of the chosen access features (their `Dim::Access` bits) and days (`day_bits`),
    /// those read from the words of the question: a listing whose own words mention them
    /// passes those filters too, marked as found by its description.
    pub said: u64,
    /// Only listings last confirmed on or after this day ([`super::schema::day_number`]):
    /// a council that hides overdue listings from search.
    pub reviewed_since: Option<u64>,
}

/// A document that passed every filter.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub address: DocAddress,
    pub score: Score,
    pub distance: Option<f64>,
    pub name_key: u64,
    /// What it passed only by its own words (`mentions` bits); 0 when its facts passed.
    pub described: u64,
}

/// What one pass gives back.
#[derive(Debug, Default)]
pub struct Pass {
    pub found: Vec<Found>,
    /// For each mask dimension, a count per term.
    pub dim_counts: [Vec<usize>; 6],
    pub town_counts: HashMap<String, usize>,
    pub day_counts: [usize; 7],
    pub part_counts: [usize; 3],
    /// How many would pass with the young-adult filter on (the others as they are).
    pub young_adult_count: usize,
}

impl Pass {
    fn new() -> Self {
        Pass {
            dim_counts: Dim::ALL.map(|d| vec![0; d.terms()]),
            ..Default::default()
        }
    }

    fn absorb(&mut self, other: Pass) {
        self.found.extend(other.found);
        for (mine, theirs) in self.dim_counts.iter_mut().zip(other.dim_counts) {
            mine.iter_mut().zip(theirs).for_each(|(a, b)| *a += b);
        }
        for (k, v) in other.town_counts {
            *self.town_counts.entry(k).or_default() += v;
        }
        self.day_counts
            .iter_mut()
            .zip(other.day_counts)
            .for_each(|(a, b)| *a += b);
        self.part_counts
            .iter_mut()
            .zip(other.part_counts)
            .for_each(|(a, b)| *a += b);
        self.young_adult_count += other.young_adult_count;
    }
}

/// The collector: give it to `searcher.search` with the text query.
pub struct FilterCollector {
    pub filter: Filter,
    pub scoring: bool,
}

struct Columns {
    mask: Column<u64>,
    mentions: Column<u64>,
    slots: Column<u64>,
    town: StrColumn,
    has_place: Column<u64>,
    lat: Column<f64>,
    lon: Column<f64>,
    min_age: Column<u64>,
    max_age: Column<u64>,
    name_key: Column<u64>,
    reviewed: Column<u64>,
}

pub struct SegmentPass {
    segment: SegmentOrdinal,
    columns: Columns,
    filter: Filter,
    /// Slots allowed by the chosen days and parts together.
    allowed: u64,
    /// The `mentions` bits of the days read from the question.
    said_days: u64,
    /// Per day, the slots that count for it given the chosen parts; per part, likewise.
    day_slots: [u64; 7],
    part_slots: [u64; 3],
    /// The chosen towns' ordinals in this segment's dictionary.
    town_ords: Vec<u64>,
    /// Counts per town ordinal, named when the segment is harvested.
    town_counts: Vec<usize>,
    pass: Pass,
}

impl Collector for FilterCollector {
    type Fruit = Pass;
    type Child = SegmentPass;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPass> {
        let ff = reader.fast_fields();
        let columns = Columns {
            mask: ff.u64("mask")?,
            mentions: ff.u64("mentions")?,
            slots: ff.u64("slots")?,
            town: ff.str("town_name")?.ok_or_else(|| {
                tantivy::TantivyError::SchemaError("town_name is not a fast field".into())
            })?,
            has_place: ff.u64("has_place")?,
            lat: ff.f64("lat")?,
            lon: ff.f64("lon")?,
            min_age: ff.u64("min_age")?,
            max_age: ff.u64("max_age")?,
            name_key: ff.u64("name_key")?,
            reviewed: ff.u64("reviewed")?,
        };
        let f = &self.filter;
        let chosen_days: &[Weekday] = if f.days.is_empty() {
            Weekday::all()
        } else {
            &f.days
        };
        let chosen_parts: &[DayPart] = if f.parts.is_empty() {
            DayPart::all()
        } else {
            &f.parts
        };
        let day_slots = std::array::from_fn(|d| {
            chosen_parts
                .iter()
                .fold(0, |m, p| m | slot(Weekday::all()[d], *p))
        });
        let part_slots = std::array::from_fn(|p| {
            chosen_days
                .iter()
                .fold(0, |m, d| m | slot(*d, DayPart::all()[p]))
        });
        let allowed = super::bits::allowed_slots(&f.days, &f.parts);
        let mut town_ords = Vec::new();
        let mut terms = columns.town.dictionary().stream()?;
        while terms.advance() {
            let name = String::from_utf8_lossy(terms.key());
            if f.towns.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
                town_ords.push(terms.term_ord());
            }
        }
        let town_counts = vec![0; columns.town.num_terms()];
        Ok(SegmentPass {
            segment,
            columns,
            filter: f.clone(),
            allowed,
            said_days: f.said & day_bits(Weekday::all()),
            day_slots,
            part_slots,
            town_ords,
            town_counts,
            pass: Pass::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<Pass>) -> tantivy::Result<Pass> {
        let mut all = Pass::new();
        for f in fruits {
            all.absorb(f);
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentPass {
    type Fruit = Pass;

    fn collect(&mut self, doc: DocId, score: Score) {
        let c = &self.columns;
        let f = &self.filter;
        // Overdue listings a council hides are not there at all.
        if let Some(since) = f.reviewed_since
            && c.reviewed.first(doc).unwrap_or(0) < since
        {
            return;
        }
        // Age and place are hard limits, not choices with counts.
        if let Some(age) = f.age {
            let (min, max) = (
                c.min_age.first(doc).unwrap_or(0),
                c.max_age.first(doc).unwrap_or(u64::MAX),
            );
            if age < min || age > max {
                return;
            }
        }
        let mut distance = None;
        if let Some((lat, lon, radius)) = f.place {
            if c.has_place.first(doc).unwrap_or(0) == 0 {
                return;
            }
            let here = (
                c.lat.first(doc).unwrap_or(0.0),
                c.lon.first(doc).unwrap_or(0.0),
            );
            // A cheap box test first: most of a national directory is nowhere near.
            // (Measured at the most poleward latitude in reach, so the box never cuts the circle.)
            let poleward = (lat.abs() + radius / MILES_PER_DEGREE).min(89.0);
            let miles_per_degree_lon = MILES_PER_DEGREE * poleward.to_radians().cos();
            if (here.0 - lat).abs() * MILES_PER_DEGREE > radius * 1.01
                || (here.1 - lon).abs() * miles_per_degree_lon > radius * 1.01
            {
                return;
            }
            let d = crate::places::distance_miles((lat, lon), here);
            if d > radius {
                return;
            }
            distance = Some(d);
        }

        let mask = c.mask.first(doc).unwrap_or(0);
        let slots = c.slots.first(doc).unwrap_or(0);
        let town = c.town.ords().first(doc).unwrap_or(u64::MAX);
        // What was read from the question and this listing's own words mention.
        let said_here = f.said & c.mentions.first(doc).unwrap_or(0);
        let mut described = 0;

        // Which filters this document passes.
        let mut dim_ok = [true; 6];
        for (i, dim) in Dim::ALL.iter().enumerate() {
            let chosen = f.dims[i];
            dim_ok[i] = chosen == 0
                || if *dim == Dim::Access {
                    // Every feature the facts lack must be one the words were read for
                    // and the listing's own words mention.
                    let missing = chosen & !mask;
                    if missing != 0 && missing & !said_here == 0 {
                        described |= missing;
                    }
                    missing & !said_here == 0
                } else {
                    mask & chosen != 0
                };
        }
        let town_ok = f.towns.is_empty() || self.town_ords.contains(&town);
        let (from, to) = crate::model::event::YOUNG_ADULT_AGES;
        let admits_young_adults = c.min_age.first(doc).unwrap_or(0) <= u64::from(from)
            && c.max_age.first(doc).unwrap_or(u64::MAX) >= u64::from(to);
        let young_ok = !f.young_adults || admits_young_adults;
        let mut when_ok = slots & self.allowed != 0 || (f.days.is_empty() && f.parts.is_empty());
        if !when_ok && said_here & self.said_days != 0 && f.parts.is_empty() {
            // A day read from the question that the timetable lacks but the words mention
            // (with a time of day too, only the timetable can say).
            when_ok = true;
            described |= said_here & self.said_days;
        }
        let fails = dim_ok.iter().filter(|ok| !**ok).count()
            + !town_ok as usize
            + !when_ok as usize
            + !young_ok as usize;
        if fails > 1 {
            return;
        }

        let p = &mut self.pass;
        for (i, dim) in Dim::ALL.iter().enumerate() {
            // Count this dimension's terms if every other filter passes (for access, all of them).
            let others_pass = if *dim == Dim::Access {
                fails == 0
            } else {
                fails == 0 || !dim_ok[i]
            };
            if others_pass {
                // Features read from the question count where the words mention them.
                let has = if *dim == Dim::Access {
                    mask | said_here
                } else {
                    mask
                };
                let bits = (has & dim.full()) >> dim.bit(0).trailing_zeros();
                for (t, count) in p.dim_counts[i].iter_mut().enumerate() {
                    *count += (bits >> t & 1) as usize;
                }
            }
        }
        if (fails == 0 || !town_ok)
            && let Some(count) = self.town_counts.get_mut(town as usize)
        {
            *count += 1;
        }
        if fails == 0 || !when_ok {
            for (d, count) in p.day_counts.iter_mut().enumerate() {
                let by_words = said_here & day_bit(Weekday::all()[d]) != 0;
                *count += (slots & self.day_slots[d] != 0 || by_words) as usize;
            }
            for (part, count) in p.part_counts.iter_mut().enumerate() {
                *count += (slots & self.part_slots[part] != 0) as usize;
            }
        }
        if admits_young_adults && (fails == 0 || !young_ok) {
            p.young_adult_count += 1;
        }
        if fails == 0 {
            let address = DocAddress::new(self.segment, doc);
            p.found.push(Found {
                address,
                score,
                distance,
                name_key: c.name_key.first(doc).unwrap_or(0),
                described,
            });
        }
    }

    fn harvest(mut self) -> Pass {
        let mut name = String::new();
        for (ord, count) in self.town_counts.iter().enumerate().filter(|(_, c)| **c > 0) {
            if self
                .columns
                .town
                .ord_to_str(ord as u64, &mut name)
                .unwrap_or(false)
            {
                *self.pass.town_counts.entry(name.clone()).or_default() += count;
            }
        }
        self.pass
    }
}
