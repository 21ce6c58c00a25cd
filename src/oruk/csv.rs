//! Dayfinder's CSV: one row per service, with its organisation and place on the same row,
//! in the columns of [`COLUMNS`] (described for people in `docs/import-export.md`). The
//! same columns are written by export and read by import, so a CSV round trip gives back
//! the same directory.
//!
//! Reading: the first line names the columns, in any order; only `id`, `name`,
//! `organisation_id` and `organisation_name` must be there. Lists are separated by `;`.
//! Vocabulary columns take our slugs, labels, everyday words, or the words the mapping
//! file lists. A UTF-8 byte order mark and Windows line endings are fine.
//!
//! Text that a spreadsheet would run as a formula is written with an apostrophe before
//! it ([`spreadsheet_safe`]), and read back without it, so the round trip still holds.

use std::collections::HashMap;

use crate::model::{
    ClockTime, Contact, Cost, Directory, Eligibility, Location, Organisation, Service, Session,
    Term, Vacancy, Weekday,
};
use crate::oruk::filter::parse_day;
use crate::oruk::import::{
    Batch, Built, Cx, ImportError, Position, Terms, clean, locate, our_id, parse_date, summarise,
    town_of, website,
};
use crate::oruk::mapping::{self, Target};
use crate::oruk::vocab::Vocabulary;
use crate::places::normalise_postcode;

/// Every column, in the order export writes them.
pub const COLUMNS: [&str; 42] = [
    "id",
    "name",
    "summary",
    "description",
    "easy_read",
    "activities",
    "tier",
    "kinds",
    "needs",
    "sessions",
    "schedule_notes",
    "duration_weeks",
    "minimum_age",
    "maximum_age",
    "eligibility_notes",
    "cost_kinds",
    "price_per_session",
    "cost_notes",
    "join",
    "vacancy",
    "vacancy_confirmed",
    "transport",
    "contact_name",
    "contact_phone",
    "contact_email",
    "contact_website",
    "last_reviewed",
    "organisation_id",
    "organisation_name",
    "organisation_description",
    "organisation_website",
    "organisation_email",
    "organisation_phone",
    "location_id",
    "location_name",
    "address",
    "town",
    "postcode",
    "latitude",
    "longitude",
    "access_features",
    "access_notes",
];

/// The columns a file must have.
pub const REQUIRED: [&str; 4] = ["id", "name", "organisation_id", "organisation_name"];

/// The columns we write from numbers (a longitude starts with "-"), left as they are.
const NUMBERS: [&str; 6] = [
    "duration_weeks",
    "minimum_age",
    "maximum_age",
    "price_per_session",
    "latitude",
    "longitude",
];

/// What a spreadsheet takes as the start of a formula (OWASP's "CSV injection" list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet will not run as a formula: text that starts like one (`=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading apostrophe (people type these
/// fields, and the council opens the files in a spreadsheet). Text that already starts
/// with apostrophes before such a character gets one more, so that reading the file back
/// ([`from_spreadsheet_safe`]) gives exactly what was written.
pub fn spreadsheet_safe(text: &str) -> String {
    if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A cell as it was before [`spreadsheet_safe`].
fn from_spreadsheet_safe(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// What separates the items of a list column.
const LIST: &str = "; ";

/// The directory as CSV, one row per service (sorted by id), with a header row.
pub fn write(directory: &Directory) -> Result<Vec<u8>, csv::Error> {
    let orgs: HashMap<&str, &Organisation> = directory
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let places: HashMap<&str, &Location> = directory
        .locations
        .iter()
        .map(|l| (l.id.as_str(), l))
        .collect();
    let mut services: Vec<&Service> = directory.services.iter().collect();
    services.sort_by(|a, b| a.id.cmp(&b.id));

    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(COLUMNS)?;
    for s in services {
        let org = orgs.get(s.organisation_id.as_str());
        let place = s.location_id.as_deref().and_then(|id| places.get(id));
        let row = row(s, org.copied(), place.copied());
        out.write_record(row.iter().zip(COLUMNS).map(|(cell, column)| {
            if NUMBERS.contains(&column) {
                cell.clone()
            } else {
                spreadsheet_safe(cell)
            }
        }))?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

fn row(s: &Service, org: Option<&Organisation>, place: Option<&Location>) -> Vec<String> {
    fn list<T: Term>(terms: &[T]) -> String {
        terms
            .iter()
            .map(|t| t.slug())
            .collect::<Vec<_>>()
            .join(LIST)
    }
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let sessions = s
        .sessions
        .iter()
        .map(|x| format!("{} {}-{}", x.day.label(), x.start, x.end))
        .collect::<Vec<_>>()
        .join(LIST);
    let price = s
        .cost
        .price_per_session_pence
        .map(|p| format!("{}.{:02}", p / 100, p % 100))
        .unwrap_or_default();
    let mut row = vec![
        s.id.clone(),
        s.name.clone(),
        s.summary.clone(),
        s.description.clone(),
        s.easy_read.clone(),
        s.activities.join(LIST),
        s.tier.slug().to_string(),
        list(&s.kinds),
        list(&s.needs),
        sessions,
        s.schedule_notes.clone(),
        s.duration_weeks.map(|w| w.to_string()).unwrap_or_default(),
        s.eligibility.minimum_age.to_string(),
        s.eligibility
            .maximum_age
            .map(|a| a.to_string())
            .unwrap_or_default(),
        s.eligibility.notes.clone(),
        list(&s.cost.kinds),
        price,
        s.cost.notes.clone(),
        list(&s.join),
        s.vacancy.status.slug().to_string(),
        s.vacancy.confirmed.to_string(),
        if s.transport { "yes" } else { "no" }.to_string(),
        opt(&s.contact.name),
        opt(&s.contact.phone),
        opt(&s.contact.email),
        opt(&s.contact.website),
        s.last_reviewed.to_string(),
        s.organisation_id.clone(),
    ];
    match org {
        Some(o) => row.extend([
            o.name.clone(),
            o.description.clone(),
            opt(&o.website),
            opt(&o.email),
            opt(&o.phone),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 5)),
    }
    match place {
        Some(l) => row.extend([
            l.id.clone(),
            l.name.clone(),
            l.address.clone(),
            l.town.clone(),
            l.postcode.clone(),
            l.latitude.to_string(),
            l.longitude.to_string(),
            list(&l.accessibility),
            l.access_notes.clone(),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 9)),
    }
    row
}

/// Reads every row into the batch; `progress` hears after each one.
pub(crate) fn read(
    bytes: &[u8],
    batch: &mut Batch<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = reader.byte_records();
    let header = match rows.next() {
        None => return Err(ImportError::Empty),
        Some(Err(e)) => return Err(ImportError::NotCsv(e.to_string())),
        Some(Ok(header)) => header,
    };
    let columns = Columns::read(&header, batch)?;
    let total = bytes.iter().filter(|&&b| b == b'\n').count().max(1);
    let mut done = 0;
    for record in rows {
        let record = record.map_err(|e| ImportError::NotCsv(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let mut cx = Cx::new(Position::Line(line), batch.mapping, batch.places);
        let row = Row {
            record: &record,
            columns: &columns,
        };
        let id = row.get(&mut cx, "id");
        if record.len() != columns.count {
            cx.name = row.get(&mut cx, "name");
            cx.bad(
                "",
                format!(
                    "has {} fields, but the first line names {} columns: a value with a comma in it must be in double quotes",
                    record.len(),
                    columns.count
                ),
            );
            batch.add(cx, id.as_deref(), None);
        } else {
            let built = service(&mut cx, &row, batch);
            batch.add(cx, id.as_deref(), built);
        }
        done += 1;
        progress(done, total);
    }
    Ok(())
}

/// Which column is where.
struct Columns {
    at: HashMap<&'static str, usize>,
    count: usize,
}

impl Columns {
    fn read(header: &csv::ByteRecord, batch: &mut Batch<'_>) -> Result<Columns, ImportError> {
        let mut at = HashMap::new();
        for (i, raw) in header.iter().enumerate() {
            let name = std::str::from_utf8(raw)
                .map_err(|_| {
                    ImportError::NotCsv(
                        "the first line is not UTF-8 text: save the file as “CSV UTF-8”".into(),
                    )
                })?
                .trim()
                .to_lowercase()
                .replace([' ', '-'], "_");
            match COLUMNS.iter().find(|&&c| c == name) {
                Some(&known) => {
                    if at.insert(known, i).is_some() {
                        return Err(ImportError::NotCsv(format!(
                            "the first line names the column “{known}” twice"
                        )));
                    }
                }
                None if name.is_empty() => {}
                None => batch.report.warnings.push(crate::oruk::import::Issue {
                    position: Position::Line(1),
                    name: None,
                    field: name,
                    reason: "is not a column Dayfinder reads, so it was left out".into(),
                }),
            }
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|c| !at.contains_key(c))
            .collect();
        if !missing.is_empty() && header.len() == 1 && header.as_slice().contains(&b';') {
            return Err(ImportError::NotCsv(
                "its columns are separated by semicolons: save it with commas (in Excel: Save As, CSV UTF-8)".into(),
            ));
        }
        if !missing.is_empty() {
            return Err(ImportError::NotCsv(format!(
                "the first line must name the columns, and it has no {} column (see docs/import-export.md for the columns)",
                missing
                    .iter()
                    .map(|c| format!("“{c}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        Ok(Columns {
            at,
            count: header.len(),
        })
    }
}

/// One row, read by column name.
struct Row<'r> {
    record: &'r csv::ByteRecord,
    columns: &'r Columns,
}

impl Row<'_> {
    /// A column's text, trimmed; `None` when the column is absent or the value empty.
    fn get(&self, cx: &mut Cx<'_>, column: &str) -> Option<String> {
        let raw = self.record.get(*self.columns.at.get(column)?)?;
        match std::str::from_utf8(raw) {
            Ok(text) => Some(clean(from_spreadsheet_safe(text))).filter(|t| !t.is_empty()),
            Err(_) => {
                cx.bad(
                    column,
                    "is not UTF-8 text: save the file as “CSV UTF-8” (in Excel: Save As, CSV UTF-8)",
                );
                None
            }
        }
    }

    /// A website's address (see `import::website`).
    fn website(&self, cx: &mut Cx<'_>, column: &str) -> Option<String> {
        let text = self.get(cx, column);
        website(cx, column.to_string(), text)
    }

    fn text(&self, cx: &mut Cx<'_>, column: &str) -> String {
        self.get(cx, column).unwrap_or_default()
    }

    fn list(&self, cx: &mut Cx<'_>, column: &str) -> Vec<String> {
        self.text(cx, column)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// A list of words of one vocabulary, as our terms; unknown words make the row invalid.
    fn terms(&self, cx: &mut Cx<'_>, column: &str, vocabulary: Vocabulary) -> Vec<Target> {
        let mut out = Vec::new();
        for word in self.list(cx, column) {
            match cx.mapping.value(vocabulary, &word) {
                Some(t) if !out.contains(&t) => out.push(t),
                Some(_) => {}
                None => cx.bad(
                    column,
                    format!(
                        "“{word}” is not one of our {}: use {}, or add it to a mapping file",
                        vocabulary.name().trim_start_matches("Dayfinder "),
                        mapping::slugs(vocabulary)
                    ),
                ),
            }
        }
        out
    }

    fn number<T: std::str::FromStr>(&self, cx: &mut Cx<'_>, column: &str, what: &str) -> Option<T> {
        let text = self.get(cx, column)?;
        let n = text.parse::<T>().ok();
        if n.is_none() {
            cx.bad(column, format!("“{text}” is not {what}"));
        }
        n
    }

    fn date(&self, cx: &mut Cx<'_>, column: &str) -> Option<jiff::civil::Date> {
        let text = self.get(cx, column)?;
        let d = parse_date(&text);
        if d.is_none() {
            cx.bad(
                column,
                format!("“{text}” is not a date: write it as YYYY-MM-DD, for example 2026-11-21"),
            );
        }
        d
    }
}

fn service(cx: &mut Cx<'_>, row: &Row<'_>, batch: &Batch<'_>) -> Option<Built> {
    let id = row.get(cx, "id");
    let name = row.get(cx, "name");
    cx.name = name.clone();
    if id.is_none() {
        cx.bad("id", "is empty: every row needs an id");
    }
    if name.is_none() {
        cx.bad("name", "is empty: every row needs a name");
    }
    let organisation = organisation(cx, row, batch);
    let location = location(cx, row, batch);

    let description = row.text(cx, "description");
    let eligibility_notes = row.text(cx, "eligibility_notes");
    let mut terms = Terms::default();
    terms.extend(row.terms(cx, "needs", Vocabulary::Need));
    terms.extend(row.terms(cx, "kinds", Vocabulary::Kind));
    terms.extend(row.terms(cx, "tier", Vocabulary::Tier));
    terms.extend(row.terms(cx, "cost_kinds", Vocabulary::Cost));
    terms.extend(row.terms(cx, "join", Vocabulary::Join));
    terms.extend(row.terms(cx, "vacancy", Vocabulary::Vacancy));
    let words = [
        name.as_deref().unwrap_or(""),
        &description,
        &eligibility_notes,
    ]
    .join(". ");
    terms.settle_needs_and_kinds(cx, &words);

    let sessions = sessions(cx, row);
    let minimum_age = row
        .number::<u8>(cx, "minimum_age", "an age")
        .unwrap_or(cx.mapping.defaults.minimum_age);
    let maximum_age = row.number::<u8>(cx, "maximum_age", "an age");
    if let Some(max) = maximum_age
        && max < minimum_age
    {
        cx.bad(
            "maximum_age",
            format!("{max} is below the minimum age, {minimum_age}"),
        );
    }
    let price = row.get(cx, "price_per_session").and_then(|p| {
        match crate::model::Pence::parse_pounds(&p) {
            Ok(pence) => Some(pence.get()),
            Err(why) => {
                cx.bad("price_per_session", format!("“{p}” {why}"));
                None
            }
        }
    });
    let transport = match row
        .get(cx, "transport")
        .map(|t| t.to_lowercase())
        .as_deref()
    {
        None | Some("no" | "n" | "false" | "0") => false,
        Some("yes" | "y" | "true" | "1") => true,
        Some(other) => {
            cx.bad("transport", format!("“{other}” is not yes or no"));
            false
        }
    };
    let last_reviewed = row.date(cx, "last_reviewed").unwrap_or(batch.today);
    let confirmed = row.date(cx, "vacancy_confirmed").unwrap_or(last_reviewed);
    let duration_weeks = row.number::<u8>(cx, "duration_weeks", "a number of weeks");
    let summary = row
        .get(cx, "summary")
        .unwrap_or_else(|| summarise(&description));
    let contact = Contact {
        name: row.get(cx, "contact_name"),
        phone: row.get(cx, "contact_phone"),
        email: row.get(cx, "contact_email"),
        website: row.website(cx, "contact_website"),
    };
    let activities = row.list(cx, "activities");
    let schedule_notes = row.text(cx, "schedule_notes");
    let easy_read = row.text(cx, "easy_read");
    let cost_notes = row.text(cx, "cost_notes");

    let (id, name, organisation) = (id?, name?, organisation?);
    if !cx.is_valid() {
        return None;
    }
    let slug = our_id(&id).unwrap_or_else(|| batch.slugs.derive("service", &name, &id));
    let service = Service {
        id: slug,
        organisation_id: organisation.id.clone(),
        location_id: location.as_ref().map(|l| l.id.clone()),
        name,
        summary,
        description,
        activities,
        easy_read,
        tier: terms
            .tiers
            .first()
            .copied()
            .unwrap_or(batch.mapping.defaults.tier),
        kinds: terms.kinds,
        needs: terms.needs,
        sessions,
        schedule_notes,
        duration_weeks,
        eligibility: Eligibility {
            minimum_age,
            maximum_age,
            notes: eligibility_notes,
        },
        cost: Cost {
            kinds: terms.costs,
            price_per_session_pence: price,
            notes: cost_notes,
        },
        join: if row.columns.at.contains_key("join") {
            terms.joins
        } else {
            batch.mapping.defaults.join.clone()
        },
        vacancy: Vacancy {
            status: terms
                .vacancies
                .first()
                .copied()
                .unwrap_or(batch.mapping.defaults.vacancy),
            confirmed,
        },
        transport,
        contact,
        last_reviewed,
    };
    Some(Built {
        service,
        organisation: Some(organisation),
        location,
    })
}

fn organisation(cx: &mut Cx<'_>, row: &Row<'_>, batch: &Batch<'_>) -> Option<Organisation> {
    let given = row.get(cx, "organisation_id");
    let name = row.get(cx, "organisation_name");
    if given.is_none() {
        cx.bad(
            "organisation_id",
            "is empty: every row needs its organisation's id",
        );
    }
    if name.is_none() {
        cx.bad(
            "organisation_name",
            "is empty: every row needs its organisation's name",
        );
    }
    let (given, name) = (given?, name?);
    Some(Organisation {
        id: our_id(&given).unwrap_or_else(|| batch.slugs.derive("organisation", &name, &given)),
        description: row.text(cx, "organisation_description"),
        website: row.website(cx, "organisation_website"),
        email: row.get(cx, "organisation_email"),
        phone: row.get(cx, "organisation_phone"),
        name,
    })
}

/// The row's place, if it names one (a `location_id`, or an address or postcode).
fn location(cx: &mut Cx<'_>, row: &Row<'_>, batch: &Batch<'_>) -> Option<Location> {
    let given = row.get(cx, "location_id");
    let name = row.text(cx, "location_name");
    let address = row.text(cx, "address");
    let written = row.text(cx, "postcode");
    if given.is_none() && address.is_empty() && written.is_empty() {
        return None;
    }
    let postcode = normalise_postcode(&written).unwrap_or(written);
    let latitude = row.number::<f64>(cx, "latitude", "a latitude (a number such as 53.0987)");
    let longitude = row.number::<f64>(cx, "longitude", "a longitude (a number such as -2.4416)");
    let accessibility = row
        .terms(cx, "access_features", Vocabulary::Access)
        .into_iter()
        .filter_map(|t| match t {
            Target::Access(f) => Some(f),
            _ => None,
        })
        .collect();
    let access_notes = row.text(cx, "access_notes");
    let town = row.text(cx, "town");
    let (latitude, longitude) = locate(cx, "latitude", latitude.zip(longitude), &postcode)?;
    let shown = [&name, &address, &postcode]
        .into_iter()
        .find(|s| !s.is_empty())
        .cloned()
        .unwrap_or_default();
    let foreign = given
        .clone()
        .unwrap_or_else(|| format!("{address} {postcode}"));
    let id = given
        .as_deref()
        .and_then(our_id)
        .unwrap_or_else(|| batch.slugs.derive("location", &shown, &foreign));
    Some(Location {
        id,
        name,
        address,
        town: town_of(cx, &town, latitude, longitude),
        postcode,
        latitude,
        longitude,
        accessibility,
        access_notes,
    })
}

/// `Monday 10:00-12:30; Wednesday 10:00-15:00` (days as names, short names or `MO`).
fn sessions(cx: &mut Cx<'_>, row: &Row<'_>) -> Vec<Session> {
    let mut out: Vec<Session> = Vec::new();
    for item in row.list(cx, "sessions") {
        match session(&item) {
            Some(s) if s.end <= s.start => cx.bad(
                "sessions",
                format!("“{item}” ends before it starts"),
            ),
            Some(s) => {
                if !out.contains(&s) {
                    out.push(s);
                }
            }
            None => cx.bad(
                "sessions",
                format!(
                    "“{item}” is not a session: write a day and its hours, for example “Monday 10:00-15:00”, and separate sessions with ;"
                ),
            ),
        }
    }
    out
}

fn session(item: &str) -> Option<Session> {
    let (day, hours) = item.trim().split_once(char::is_whitespace)?;
    let day: Weekday = parse_day(day)?;
    let hours = hours.replace(['–', '—'], "-").replace(" to ", "-");
    let (start, end) = hours.split_once('-')?;
    Some(Session {
        day,
        start: start.trim().parse::<ClockTime>().ok()?,
        end: end.trim().parse::<ClockTime>().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_read_as_people_write_them() {
        let s = session("Monday 10:00-12:30").unwrap();
        assert_eq!(
            (s.day, s.start.to_string(), s.end.to_string()),
            (Weekday::Monday, "10:00".into(), "12:30".into())
        );
        assert_eq!(session("SA 9:30 – 12:00").unwrap().day, Weekday::Saturday);
        assert_eq!(
            session("wed 18:00 to 20:00").unwrap().end.to_string(),
            "20:00"
        );
        assert!(session("Someday 10:00-11:00").is_none());
        assert!(session("Monday 25:00-26:00").is_none());
        assert!(session("Monday").is_none());
    }

    #[test]
    fn a_cell_that_looks_like_a_formula_is_not_run_by_a_spreadsheet() {
        assert_eq!(
            spreadsheet_safe("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        for start in ["+", "-", "@", "\t", "\r"] {
            assert_eq!(spreadsheet_safe(&format!("{start}1")), format!("'{start}1"));
        }
        assert_eq!(spreadsheet_safe("01270 555 123"), "01270 555 123");
        assert_eq!(spreadsheet_safe("'Tis the season"), "'Tis the season");
    }

    #[test]
    fn reading_a_neutralised_cell_gives_back_exactly_what_was_written() {
        for text in ["=1+1", "'=1+1", "''@x", "'Tis", "plain", "-", "'", ""] {
            assert_eq!(
                from_spreadsheet_safe(&spreadsheet_safe(text)),
                text,
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_columns_are_named_once_each() {
        let mut names = COLUMNS.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len());
        assert!(REQUIRED.iter().all(|r| COLUMNS.contains(r)));
    }
}
