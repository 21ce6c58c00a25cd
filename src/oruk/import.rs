//! Import: another directory's listings into ours, from Open Referral UK 3.0 JSON (full
//! services, saved pages of a feed's `/services?full=true`) or from our CSV columns
//! (`super::csv`). `docs/import-export.md` is the guide for people.
//!
//! Every record is read and checked first; each invalid one is reported with its position
//! (service number or CSV line), field and reason. Unless `skip_invalid` is set, one
//! invalid record means nothing is written. The valid records are then merged by id in one
//! transaction ([`Engine::merge`]), and only records that differ from what is stored are
//! written, so importing the same file twice changes nothing.
//!
//! Foreign ids are UUIDs; ours are readable slugs. A foreign record gets the slug of its
//! name plus a short hash of its id (`community-counselling-1a2b3c4d`), the same on every
//! re-import, and kept if the record is renamed. The foreign id itself is not stored: an
//! export of imported data carries our own ids (UUIDs made from the slugs, see
//! [`super::ids`]). Dayfinder's own exports carry our slugs in `x_dayfinder`, so they
//! come back under the same ids.

mod batch;
mod json;
pub mod report;

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;

use jiff::civil::Date;

use crate::Engine;
use crate::model::Directory;

use super::mapping::{Mapping, MappingError};
pub use report::{Issue, Position, Report, UnmappedTerm};

pub(crate) use batch::{Batch, Built, Cx, Terms};
pub(crate) use batch::{clean, locate, our_id, parse_date, summarise, town_of, website};

/// The largest file an import reads: 25 MB. A larger one is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;

/// A file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Open Referral UK 3.0 JSON (or Dayfinder's own directory file).
    Json,
    /// Dayfinder's CSV columns.
    Csv,
}

impl Format {
    /// The format a file name says: `.csv` is CSV, `.json` and `.ndjson` are JSON.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" | "ndjson" | "jsonl" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format the content looks like: JSON starts with `{` or `[`.
    pub fn sniff(bytes: &[u8]) -> Format {
        match strip_bom(bytes).iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{' | b'[') => Format::Json,
            _ => Format::Csv,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The file's format; `None` reads it from the file name, then the content.
    pub format: Option<Format>,
    /// Import the valid records even if some are invalid (they are reported).
    pub skip_invalid: bool,
    /// Replace the whole directory with the file's, instead of merging by id.
    pub replace: bool,
    pub mapping: Mapping,
    /// Where postcodes are; [`import`] uses the engine's (its imported places, if any).
    pub places: std::sync::Arc<crate::places::Gazetteer>,
    /// The date for records that give none (no `assured_date` or `last_modified`).
    pub today: Date,
    /// Where the data comes from, shown on the site; `None` leaves it as it is.
    pub source: Option<String>,
    /// A feed's address and when it was read: each listing keeps it as its source, and
    /// the feed's listings it no longer has are withdrawn (see `crate::feeds`).
    pub from_feed: Option<(String, jiff::Timestamp)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: None,
            skip_invalid: false,
            replace: false,
            mapping: Mapping::embedded().clone(),
            places: crate::places::Gazetteer::shared(),
            today: jiff::Timestamp::now()
                .to_zoned(jiff::tz::TimeZone::UTC)
                .date(),
            source: None,
            from_feed: None,
        }
    }
}

/// Where an import has got to, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// `done` of about `total` records read and checked.
    Reading { done: usize, total: usize },
    /// Writing to the store and bringing search up to date.
    Saving,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "{path} is {} MB, more than the {} MB Dayfinder imports at once: split it (for example into pages of the feed) and import each part",
        mb(*.size),
        mb(*.limit)
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path} could not be read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("the file is not valid JSON: {reason}, at line {line}, column {column}")]
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("the file is not Open Referral UK JSON: {0}")]
    NotServices(String),
    #[error("the CSV file cannot be read: {0}")]
    NotCsv(String),
    #[error("the file holds no services")]
    Empty,
    /// Some records are invalid (the report says which and why); nothing was written.
    #[error("{}", .0.summary())]
    Invalid(Box<Report>),
    #[error("the directory already stored does not hold together ({0}); nothing was written")]
    Stored(String),
    #[error(transparent)]
    Mapping(#[from] MappingError),
    #[error("the directory could not be saved")]
    Engine(#[from] crate::Error),
}

fn mb(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb.fract() == 0.0 {
        format!("{mb:.0}")
    } else {
        format!("{mb:.1}")
    }
}

/// Reads a file to import, refusing one over [`MAX_FILE_BYTES`] before reading it.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| ImportError::Unreadable {
        path: shown.clone(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(ImportError::Unreadable {
            path: shown,
            reason: "it is a folder, not a file".into(),
        });
    }
    let too_large = |size| ImportError::TooLarge {
        path: shown.clone(),
        size,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A file's bytes without a UTF-8 byte order mark.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// What a file holds, read and checked against the mapping: the valid records as a
/// directory, and the report of everything else. Nothing is written.
pub struct Parsed {
    pub directory: Directory,
    pub report: Report,
    /// Where each service came from (its position and name), by our id.
    positions: HashMap<String, (Position, String)>,
}

/// Reads a file's bytes. `existing` is what is stored (derived ids stay as they were
/// stored when a record is renamed); `progress` hears after each record.
pub fn parse(
    bytes: &[u8],
    options: &Options,
    existing: &Directory,
    progress: &mut dyn FnMut(Progress),
) -> Result<Parsed, ImportError> {
    let bytes = strip_bom(bytes);
    let format = options.format.unwrap_or_else(|| Format::sniff(bytes));
    let mut batch = Batch::new(
        &options.mapping,
        &options.places,
        options.today,
        existing,
        format.name(),
    );
    let mut tell = |done, total| progress(Progress::Reading { done, total });
    match format {
        Format::Json => match json::shape(bytes)? {
            json::Shape::Services(services) => {
                json::read_services(&services, &mut batch, &mut tell)
            }
            json::Shape::Dayfinder(directory) => return Ok(dayfinder(*directory)),
        },
        Format::Csv => super::csv::read(bytes, &mut batch, &mut tell)?,
    }
    let (directory, report, positions) = batch.finish();
    Ok(Parsed {
        directory,
        report,
        positions,
    })
}

/// Dayfinder's own directory file: already our model; checked as a whole later.
fn dayfinder(directory: Directory) -> Parsed {
    let positions = directory
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), (Position::Service(i + 1), s.name.clone())))
        .collect();
    let report = Report {
        format: "dayfinder".into(),
        records: directory.services.len(),
        valid: directory.services.len(),
        ..Report::default()
    };
    Parsed {
        directory,
        report,
        positions,
    }
}

/// Imports a file: reads it (refusing one over the size limit), checks every record, and
/// writes the valid ones in one transaction, or nothing if any is invalid and
/// `skip_invalid` is not set.
pub fn import_file(
    engine: &Engine,
    path: &Path,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, ImportError> {
    let bytes = read_file(path)?;
    let mut options = options.clone();
    options.format = options.format.or_else(|| Format::of_path(path));
    import(engine, &bytes, &options, progress)
}

/// Imports a file's bytes (see [`import_file`]).
pub fn import(
    engine: &Engine,
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, ImportError> {
    let existing = engine.directory()?;
    let options = &Options {
        places: engine.places(),
        ..options.clone()
    };
    let parsed = parse(bytes, options, &existing, progress)?;
    save(engine, &existing, parsed, options, progress)
}

/// Checks the records against what is stored, then writes what changed.
fn save(
    engine: &Engine,
    existing: &Directory,
    parsed: Parsed,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, ImportError> {
    let Parsed {
        directory: mut incoming,
        mut report,
        positions,
    } = parsed;
    if report.records == 0 {
        return Err(ImportError::Empty);
    }
    let refuse = |mut report: Report| {
        report.refused = true;
        Err(ImportError::Invalid(Box::new(report)))
    };
    if !report.invalid.is_empty() && !options.skip_invalid {
        return refuse(report);
    }
    // The records hold together on their own; check them with what is stored, and
    // place any problem on the records it comes from.
    loop {
        let combined = if options.replace {
            incoming.clone()
        } else {
            merged(existing, &incoming)
        };
        let problems = combined.problems();
        if problems.is_empty() {
            break;
        }
        let mut bad = BTreeSet::new();
        for p in &problems {
            let services = services_behind(&p.subject, &incoming);
            if services.is_empty() {
                return Err(ImportError::Stored(p.to_string()));
            }
            for id in services {
                let (position, name) = positions
                    .get(&id)
                    .cloned()
                    .unwrap_or((Position::Service(0), id.clone()));
                report.invalid.push(Issue {
                    position,
                    name: Some(name).filter(|n| !n.is_empty()),
                    field: p.subject.clone(),
                    reason: p.problem.clone(),
                });
                bad.insert(id);
            }
        }
        if !options.skip_invalid {
            return refuse(report);
        }
        incoming.services.retain(|s| !bad.contains(&s.id));
        report.valid -= bad.len().min(report.valid);
        let orgs: BTreeSet<&str> = incoming
            .services
            .iter()
            .map(|s| s.organisation_id.as_str())
            .collect();
        let places: BTreeSet<&str> = incoming
            .services
            .iter()
            .filter_map(|s| s.location_id.as_deref())
            .collect();
        incoming
            .organisations
            .retain(|o| orgs.contains(o.id.as_str()));
        incoming
            .locations
            .retain(|l| places.contains(l.id.as_str()));
    }
    report.invalid.sort_by_key(|i| i.position);

    let stored: HashMap<&str, &crate::model::Service> = existing
        .services
        .iter()
        .map(|s| (s.id.as_str(), s))
        .collect();
    for s in &incoming.services {
        match stored.get(s.id.as_str()) {
            None => report.added += 1,
            Some(old) if *old == s => report.unchanged += 1,
            Some(_) => report.changed += 1,
        }
    }
    progress(Progress::Saving);
    if options.replace {
        let kept: BTreeSet<&str> = incoming.services.iter().map(|s| s.id.as_str()).collect();
        report.removed = existing
            .services
            .iter()
            .filter(|s| !kept.contains(s.id.as_str()))
            .count();
        incoming.source = options
            .source
            .clone()
            .unwrap_or_else(|| existing.source.clone());
        // Open Referral UK has no events: keep the stored ones whose service and
        // provider are still there.
        if incoming.events.is_empty() {
            incoming.events = kept_events(existing, &incoming);
        }
        let same = report.added + report.changed + report.removed == 0
            && incoming.source == existing.source
            && incoming.organisations.len() == existing.organisations.len()
            && incoming.locations.len() == existing.locations.len()
            && changes(existing, incoming.clone(), None) == Directory::default();
        if !same {
            engine.import(&incoming)?;
            report.written = true;
        }
        return Ok(report);
    }
    if let Some((url, at)) = &options.from_feed {
        let read = crate::feeds::FeedRead {
            url: url.clone(),
            at: *at,
            present: incoming.services.iter().map(|s| s.id.clone()).collect(),
        };
        let delta = changes(existing, incoming, options.source.clone());
        // Always applied, changed or not: the read time is what each listing's page shows.
        let (_, applied) = engine.apply_feed_read(&delta, &read)?;
        // A restored listing was not in the directory, so it was counted as new.
        report.added -= applied.restored.min(report.added);
        report.restored = applied.restored;
        report.withdrawn = applied.withdrawn;
        report.written = true;
        return Ok(report);
    }
    let delta = changes(existing, incoming, options.source.clone());
    if !delta.services.is_empty()
        || !delta.organisations.is_empty()
        || !delta.locations.is_empty()
        || !delta.events.is_empty()
        || !delta.source.is_empty()
    {
        engine.merge(&delta)?;
        report.written = true;
    }
    Ok(report)
}

/// The stored events that still refer to records of `incoming`.
fn kept_events(existing: &Directory, incoming: &Directory) -> Vec<crate::model::Event> {
    let services: BTreeSet<&str> = incoming.services.iter().map(|s| s.id.as_str()).collect();
    let orgs: BTreeSet<&str> = incoming
        .organisations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    let places: BTreeSet<&str> = incoming.locations.iter().map(|l| l.id.as_str()).collect();
    existing
        .events
        .iter()
        .filter(|e| {
            e.service_id
                .as_deref()
                .is_none_or(|id| services.contains(id))
                && e.organisation_id
                    .as_deref()
                    .is_none_or(|id| orgs.contains(id))
                && e.place
                    .location_id
                    .as_deref()
                    .is_none_or(|id| places.contains(id))
        })
        .cloned()
        .collect()
}

/// What is stored with the incoming records laid over it by id.
fn merged(existing: &Directory, incoming: &Directory) -> Directory {
    fn over<T: Clone>(stored: &[T], new: &[T], id: impl Fn(&T) -> &str) -> Vec<T> {
        let mut out: Vec<T> = stored.to_vec();
        let mut at: HashMap<String, usize> = out
            .iter()
            .enumerate()
            .map(|(i, t)| (id(t).to_string(), i))
            .collect();
        for t in new {
            match at.get(id(t)) {
                Some(&i) => out[i] = t.clone(),
                None => {
                    at.insert(id(t).to_string(), out.len());
                    out.push(t.clone());
                }
            }
        }
        out
    }
    Directory {
        source: existing.source.clone(),
        organisations: over(&existing.organisations, &incoming.organisations, |o| &o.id),
        locations: over(&existing.locations, &incoming.locations, |l| &l.id),
        services: over(&existing.services, &incoming.services, |s| &s.id),
        events: over(&existing.events, &incoming.events, |e| &e.id),
    }
}

/// The incoming services a problem is about: "service x" is x; "organisation y" and
/// "location z" are the incoming services that use them.
fn services_behind(subject: &str, incoming: &Directory) -> Vec<String> {
    let (kind, id) = subject.split_once(' ').unwrap_or((subject, ""));
    let uses = |s: &&crate::model::Service| match kind {
        "service" => s.id == id,
        "organisation" => s.organisation_id == id,
        "location" => s.location_id.as_deref() == Some(id),
        _ => false,
    };
    incoming
        .services
        .iter()
        .filter(uses)
        .map(|s| s.id.clone())
        .collect()
}

/// Only the records that differ from what is stored, so a merge touches nothing else.
fn changes(existing: &Directory, incoming: Directory, source: Option<String>) -> Directory {
    fn new_or_changed<T: PartialEq>(stored: &[T], new: Vec<T>, id: impl Fn(&T) -> &str) -> Vec<T> {
        let by_id: HashMap<&str, &T> = stored.iter().map(|t| (id(t), t)).collect();
        new.into_iter()
            .filter(|t| by_id.get(id(t)) != Some(&t))
            .collect()
    }
    let source = source.filter(|s| *s != existing.source).unwrap_or_default();
    Directory {
        source,
        organisations: new_or_changed(&existing.organisations, incoming.organisations, |o| &o.id),
        locations: new_or_changed(&existing.locations, incoming.locations, |l| &l.id),
        services: new_or_changed(&existing.services, incoming.services, |s| &s.id),
        events: new_or_changed(&existing.events, incoming.events, |e| &e.id),
    }
}
