//! What the JSON and CSV readers share: one record's findings ([`Cx`]), the batch of
//! records read so far ([`Batch`]), readable ids for foreign records ([`Slugs`]), and the
//! small readers of dates, ages and prices both formats need.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::model::{
    AccessFeature, CostKind, Directory, JoinRoute, Kind, Location, Need, Organisation, Service,
    Tier, VacancyStatus, validate::valid_id,
};
use crate::oruk::ids;
use crate::oruk::mapping::{Lookup, Mapping, Target};
use crate::places::{Gazetteer, distance_miles};

use super::report::{Issue, Position, Report, Unmapped};

/// One record's findings while it is read: what is wrong with it, what is worth a
/// warning, and the terms it uses that map to nothing.
pub(crate) struct Cx<'m> {
    pub position: Position,
    pub name: Option<String>,
    pub mapping: &'m Mapping,
    /// Where postcodes are: the directory's imported places, or the built-in ones.
    pub places: &'m Gazetteer,
    pub issues: Vec<(String, String)>,
    pub warnings: Vec<(String, String)>,
    pub unmapped: Vec<(Option<String>, String, Option<String>)>,
}

impl<'m> Cx<'m> {
    pub fn new(position: Position, mapping: &'m Mapping, places: &'m Gazetteer) -> Cx<'m> {
        Cx {
            position,
            name: None,
            mapping,
            places,
            issues: Vec::new(),
            warnings: Vec::new(),
            unmapped: Vec::new(),
        }
    }

    /// The record is invalid: `field` is wrong for `reason`.
    pub fn bad(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.issues.push((field.into(), reason.into()));
    }

    /// The record is imported, but someone should look at `field`.
    pub fn warn(&mut self, field: impl Into<String>, reason: impl Into<String>) {
        self.warnings.push((field.into(), reason.into()));
    }

    pub fn is_valid(&self) -> bool {
        self.issues.is_empty()
    }

    /// A foreign term, looked up in the mapping; an unmapped one is noted (and makes the
    /// record invalid if the mapping says to refuse them).
    pub fn term(
        &mut self,
        field: &str,
        words: &[&str],
        taxonomy: Option<&str>,
        shown: &str,
        id: Option<&str>,
    ) -> Vec<Target> {
        match self.mapping.term(words) {
            Lookup::Mapped(targets) => targets,
            Lookup::Ignored => Vec::new(),
            Lookup::Unmapped => {
                if self.mapping.refuse_unmapped {
                    self.bad(
                        field,
                        format!(
                            "the taxonomy term “{shown}” is not in the mapping file (and the mapping refuses unmapped terms)"
                        ),
                    );
                }
                self.unmapped.push((
                    taxonomy.map(str::to_string),
                    shown.to_string(),
                    id.map(str::to_string),
                ));
                Vec::new()
            }
        }
    }
}

/// One record, read: the service with its organisation and place (none when the record
/// refers to ones already stored).
pub(crate) struct Built {
    pub service: Service,
    pub organisation: Option<Organisation>,
    pub location: Option<Location>,
}

/// The records read so far: the valid ones as a directory, and the report of the rest.
pub(crate) struct Batch<'m> {
    pub mapping: &'m Mapping,
    pub places: &'m Gazetteer,
    pub today: Date,
    pub slugs: Slugs,
    pub directory: Directory,
    pub report: Report,
    unmapped: Unmapped,
    organisations: HashMap<String, (usize, Position)>,
    locations: HashMap<String, (usize, Position)>,
    services: HashMap<String, Position>,
    foreign_ids: HashMap<String, Position>,
    /// Where each service came from, to place problems found later.
    pub positions: HashMap<String, (Position, String)>,
}

impl<'m> Batch<'m> {
    pub fn new(
        mapping: &'m Mapping,
        places: &'m Gazetteer,
        today: Date,
        existing: &Directory,
        format: &str,
    ) -> Self {
        Batch {
            mapping,
            places,
            today,
            slugs: Slugs::new(existing),
            directory: Directory::default(),
            report: Report {
                format: format.to_string(),
                ..Report::default()
            },
            unmapped: Unmapped::default(),
            organisations: HashMap::new(),
            locations: HashMap::new(),
            services: HashMap::new(),
            foreign_ids: HashMap::new(),
            positions: HashMap::new(),
        }
    }

    /// Adds one record: its findings to the report and, if it is valid, its service,
    /// organisation and place to the directory. `foreign_id` is the id the file gave it.
    pub fn add(&mut self, mut cx: Cx<'_>, foreign_id: Option<&str>, mut built: Option<Built>) {
        self.report.records += 1;
        if let Some(built) = &mut built {
            fit_to_rules(&mut cx, built);
        }
        if let Some(id) = foreign_id.map(str::trim).filter(|id| !id.is_empty()) {
            let key = ids::parse(id).unwrap_or_else(|| id.to_string());
            match self.foreign_ids.get(&key) {
                Some(first) => cx.bad(
                    "id",
                    format!(
                        "“{id}” is the id of {} too: ids must be unique",
                        lower(*first)
                    ),
                ),
                None => {
                    self.foreign_ids.insert(key, cx.position);
                }
            }
        }
        if let Some(b) = &built
            && let Some(first) = self.services.get(&b.service.id)
        {
            cx.bad(
                "id",
                format!(
                    "gives the same Dayfinder id, “{}”, as {}",
                    b.service.id,
                    lower(*first)
                ),
            );
        }
        for (taxonomy, term, id) in &cx.unmapped {
            self.unmapped
                .add(cx.position, taxonomy.as_deref(), term, id.as_deref());
        }
        let valid = cx.issues.is_empty() && built.is_some();
        if !valid && cx.issues.is_empty() {
            cx.bad("", "could not be read");
        }
        let mut seen = std::collections::HashSet::new();
        cx.issues.retain(|i| seen.insert(i.clone()));
        let (position, name) = (cx.position, cx.name.clone());
        let issue = |(field, reason): (String, String)| Issue {
            position,
            name: name.clone(),
            field,
            reason,
        };
        self.report
            .warnings
            .extend(cx.warnings.drain(..).map(issue));
        if !valid {
            self.report.invalid.extend(cx.issues.drain(..).map(issue));
            return;
        }
        let Some(Built {
            service,
            organisation,
            location,
        }) = built
        else {
            return;
        };
        self.report.valid += 1;
        if let Some(organisation) = organisation {
            self.add_organisation(organisation, cx.position, &cx.name);
        }
        if let Some(location) = location {
            self.add_location(location, cx.position, &cx.name);
        }
        self.services.insert(service.id.clone(), cx.position);
        self.positions.insert(
            service.id.clone(),
            (cx.position, cx.name.clone().unwrap_or_default()),
        );
        self.directory.services.push(service);
    }

    /// A record read but deliberately not imported (an inactive service): a warning says why.
    pub fn skip(&mut self, cx: Cx<'_>, field: &str, reason: String) {
        self.report.records += 1;
        self.report.warnings.push(Issue {
            position: cx.position,
            name: cx.name,
            field: field.to_string(),
            reason,
        });
    }

    /// The first description of an organisation wins; a different one later is reported.
    fn add_organisation(&mut self, o: Organisation, at: Position, name: &Option<String>) {
        match self.organisations.get(&o.id) {
            Some(&(i, first)) => {
                if self.directory.organisations[i] != o {
                    self.report.warnings.push(Issue {
                        position: at,
                        name: name.clone(),
                        field: "organization".into(),
                        reason: format!(
                            "describes the organisation “{}” differently from {}; the first description was kept",
                            o.name,
                            lower(first)
                        ),
                    });
                }
            }
            None => {
                self.organisations
                    .insert(o.id.clone(), (self.directory.organisations.len(), at));
                self.directory.organisations.push(o);
            }
        }
    }

    fn add_location(&mut self, l: Location, at: Position, name: &Option<String>) {
        match self.locations.get(&l.id) {
            Some(&(i, first)) => {
                if self.directory.locations[i] != l {
                    self.report.warnings.push(Issue {
                        position: at,
                        name: name.clone(),
                        field: "location".into(),
                        reason: format!(
                            "describes the place “{}” differently from {}; the first description was kept",
                            if l.name.is_empty() { &l.address } else { &l.name },
                            lower(first)
                        ),
                    });
                }
            }
            None => {
                self.locations
                    .insert(l.id.clone(), (self.directory.locations.len(), at));
                self.directory.locations.push(l);
            }
        }
    }

    /// The directory read and the report so far.
    pub fn finish(mut self) -> (Directory, Report, HashMap<String, (Position, String)>) {
        self.report.unmapped_terms = self.unmapped.into_list();
        (self.directory, self.report, self.positions)
    }
}

/// "service 3", "line 7": a position inside a sentence.
pub(crate) fn lower(p: Position) -> String {
    let s = p.to_string();
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => s,
    }
}

/// Readable ids for foreign records: `community-counselling-1a2b3c4d`, the name plus a
/// short hash of the foreign id. The hash keeps it stable across re-imports, and a
/// record renamed in the other directory keeps the id it was first given, found by its
/// hash among the ids already stored.
pub(crate) struct Slugs {
    stored: HashMap<(&'static str, String), String>,
}

/// How many hex digits of hash end a derived id.
const HASH_LEN: usize = 8;

impl Slugs {
    pub fn new(existing: &Directory) -> Slugs {
        let mut stored = HashMap::new();
        let mut note = |kind: &'static str, slug: &str| {
            if let Some(hash) = hash_of(slug) {
                stored.insert((kind, hash.to_string()), slug.to_string());
            }
        };
        for o in &existing.organisations {
            note("organisation", &o.id);
        }
        for l in &existing.locations {
            note("location", &l.id);
        }
        for s in &existing.services {
            note("service", &s.id);
        }
        Slugs { stored }
    }

    /// Our id for a foreign record of this kind (`service`, `organisation`, `location`).
    pub fn derive(&self, kind: &'static str, name: &str, foreign_id: &str) -> String {
        let hash = short_hash(kind, foreign_id);
        if let Some(slug) = self.stored.get(&(kind, hash.clone())) {
            return slug.clone();
        }
        let mut base = slugify(name);
        if base.is_empty() {
            base = kind.to_string();
        }
        format!("{base}-{hash}")
    }

    /// The id a record with this foreign id was stored under before, if any.
    pub fn stored(&self, kind: &'static str, foreign_id: &str) -> Option<String> {
        self.stored
            .get(&(kind, short_hash(kind, foreign_id)))
            .cloned()
    }
}

/// The hash ending a derived id, if `slug` has one.
fn hash_of(slug: &str) -> Option<&str> {
    let (_, hash) = slug.rsplit_once('-')?;
    (hash.len() == HASH_LEN
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    .then_some(hash)
}

fn short_hash(kind: &str, foreign_id: &str) -> String {
    let id = ids::parse(foreign_id).unwrap_or_else(|| foreign_id.trim().to_string());
    let uuid = uuid::Uuid::new_v5(&ids::NAMESPACE, format!("import/{kind}/{id}").as_bytes());
    uuid.simple().to_string()[..HASH_LEN].to_string()
}

/// "Crewe Carers' Café" → "crewe-carers-caf": lower-case ASCII letters and digits joined
/// by hyphens, at most 50 characters, cut at a hyphen.
pub(crate) fn slugify(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    if out.len() > 50 {
        let cut = out[..50].rfind('-').unwrap_or(50);
        out.truncate(cut);
    }
    out
}

/// Our id as given in a file, if it is a valid one.
pub(crate) fn our_id(s: &str) -> Option<String> {
    let s = s.trim();
    valid_id(s).then(|| s.to_string())
}

/// A date as `YYYY-MM-DD`, or as UK spreadsheets write it, `DD/MM/YYYY`; an RFC 3339
/// date-time gives its date.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    if let Some((day, rest)) = s.split_once('/')
        && let Some((month, year)) = rest.split_once('/')
    {
        let (d, m, y) = (
            day.parse::<i8>().ok()?,
            month.parse::<i8>().ok()?,
            year.parse::<i16>().ok()?,
        );
        return Date::new(y, m, d).ok();
    }
    if s.len() > 10 && s.is_char_boundary(10) && s[10..].starts_with('T') {
        return s[..10].parse::<Date>().ok();
    }
    None
}

/// What a feed sent, fitted to the rules the editors' forms keep (`model::fields`,
/// `PhoneNumber`), so an imported listing can be saved again unchanged: over-long text is
/// cut and a number no one could dial left out, each with a warning to look at.
fn fit_to_rules(cx: &mut Cx<'_>, built: &mut Built) {
    const CUT: &str = "was longer than Dayfinder keeps, so its end was cut: check the listing";
    for field in built.service.fit_to_rules() {
        cx.warn(field, CUT);
    }
    if let Some(organisation) = &mut built.organisation {
        for field in organisation.fit_to_rules() {
            cx.warn(format!("organisation {field}"), CUT);
        }
        keep_only_a_phone_number(cx, "organisation phone", &mut organisation.phone);
    }
    if let Some(location) = &mut built.location {
        for field in location.fit_to_rules() {
            cx.warn(format!("location {field}"), CUT);
        }
    }
    keep_only_a_phone_number(cx, "phone", &mut built.service.contact.phone);
}

fn keep_only_a_phone_number(cx: &mut Cx<'_>, field: &str, phone: &mut Option<String>) {
    if let Some(number) = phone.as_deref()
        && let Err(why) = crate::model::PhoneNumber::parse(number)
    {
        cx.warn(field, format!("“{number}” {why}, so it was left out"));
        *phone = None;
    }
}

/// A website's address when it is one a listing may link to ([`WebAddress`]); anything
/// else is an issue with `field` (a `javascript:` address, a name without https://).
///
/// [`WebAddress`]: crate::model::WebAddress
pub(crate) fn website(cx: &mut Cx<'_>, field: String, text: Option<String>) -> Option<String> {
    let text = text?;
    match crate::model::WebAddress::parse(&text) {
        Ok(address) => Some(address.to_string()),
        Err(why) => {
            cx.bad(field, why.to_string());
            None
        }
    }
}

/// Text with Windows line endings made plain, trimmed.
pub(crate) fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

/// The first sentence or two of a description, for results (at most about 250 characters).
pub(crate) fn summarise(description: &str) -> String {
    let first = description.split("\n\n").next().unwrap_or("").trim();
    if first.chars().count() <= 250 {
        return first.to_string();
    }
    let mut out = String::new();
    for sentence in first.split_inclusive(". ") {
        if out.chars().count() + sentence.chars().count() > 250 {
            break;
        }
        out.push_str(sentence);
    }
    if out.is_empty() {
        let cut: String = first.chars().take(240).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
        return format!("{cut}…");
    }
    out.trim().to_string()
}

/// Our terms found for one record, each list in the order found, without repeats.
#[derive(Debug, Default)]
pub(crate) struct Terms {
    pub needs: Vec<Need>,
    pub kinds: Vec<Kind>,
    pub tiers: Vec<Tier>,
    pub vacancies: Vec<VacancyStatus>,
    pub costs: Vec<CostKind>,
    pub joins: Vec<JoinRoute>,
    pub access: Vec<AccessFeature>,
}

impl Terms {
    pub fn add(&mut self, target: Target) {
        fn push<T: PartialEq>(list: &mut Vec<T>, t: T) {
            if !list.contains(&t) {
                list.push(t);
            }
        }
        match target {
            Target::Need(t) => push(&mut self.needs, t),
            Target::Kind(t) => push(&mut self.kinds, t),
            Target::Tier(t) => push(&mut self.tiers, t),
            Target::Vacancy(t) => push(&mut self.vacancies, t),
            Target::Cost(t) => push(&mut self.costs, t),
            Target::Join(t) => push(&mut self.joins, t),
            Target::Access(t) => push(&mut self.access, t),
        }
    }

    pub fn extend(&mut self, targets: impl IntoIterator<Item = Target>) {
        for t in targets {
            self.add(t);
        }
    }

    /// A service needs at least one support need and one kind. When its terms give none,
    /// they are read from its words (if the mapping allows, with a warning to check them),
    /// then taken from the mapping's defaults; no need at all makes the record invalid.
    pub fn settle_needs_and_kinds(&mut self, cx: &mut Cx<'_>, words: &str) {
        let guesses =
            if cx.mapping.guess_from_words && (self.needs.is_empty() || self.kinds.is_empty()) {
                cx.mapping.guess(words)
            } else {
                Vec::new()
            };
        if self.needs.is_empty() {
            let found: Vec<Target> = guesses
                .iter()
                .copied()
                .filter(|t| matches!(t, Target::Need(_)))
                .collect();
            if !found.is_empty() {
                cx.warn(
                    "needs",
                    format!(
                        "no taxonomy term gives a support need, so {} was read from its description: please check",
                        labels(&found)
                    ),
                );
                self.extend(found);
            }
        }
        if self.needs.is_empty() {
            self.needs = cx.mapping.defaults.needs.clone();
        }
        let said = |cx: &Cx<'_>, field: &str| cx.issues.iter().any(|(f, _)| f == field);
        if self.needs.is_empty() && !said(cx, "needs") {
            cx.bad(
                "needs",
                "no support need: none of its taxonomy terms maps to one and none is named in its description; add its terms to a mapping file, or set [defaults] needs",
            );
        }
        if self.kinds.is_empty() {
            let found: Vec<Target> = guesses
                .iter()
                .copied()
                .filter(|t| matches!(t, Target::Kind(_)))
                .collect();
            if !found.is_empty() {
                cx.warn(
                    "kinds",
                    format!(
                        "no taxonomy term gives a kind of day opportunity, so {} was read from its description: please check",
                        labels(&found)
                    ),
                );
                self.extend(found);
            }
        }
        if self.kinds.is_empty() {
            self.kinds = cx.mapping.defaults.kinds.clone();
        }
        if self.kinds.is_empty() && !said(cx, "kinds") {
            cx.bad(
                "kinds",
                "no kind of day opportunity: none of its taxonomy terms maps to one; add its terms to a mapping file, or set [defaults] kinds",
            );
        }
    }

    /// Access features the service's description or its place's access notes say are
    /// there ("Hearing loop installed") and its terms and place do not give are read from
    /// those words (if the mapping allows), with a warning to check them: the same
    /// reading search uses (`search::mentions`). Without a place, only transport is kept.
    pub fn settle_access(&mut self, cx: &mut Cx<'_>, place: Option<&Location>, description: &str) {
        if !cx.mapping.guess_from_words {
            return;
        }
        let notes = place.map_or("", |p| p.access_notes.as_str());
        let found: Vec<Target> =
            crate::search::mentions::access_in(&format!("{description}. {notes}"))
                .into_iter()
                .filter(|f| !self.access.contains(f))
                .filter(|f| match place {
                    Some(p) => !p.accessibility.contains(f),
                    None => *f == AccessFeature::Transport,
                })
                .map(Target::Access)
                .collect();
        if found.is_empty() {
            return;
        }
        cx.warn(
            "accessibility",
            format!(
                "no access fact gives {}, so {} read from its description: please check",
                labels(&found),
                if found.len() == 1 {
                    "it was"
                } else {
                    "they were"
                }
            ),
        );
        self.extend(found);
    }
}

/// Our terms for a sentence: "“Autism”, “Hoist”".
fn labels(targets: &[Target]) -> String {
    targets
        .iter()
        .map(|t| format!("“{}”", t.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a point is in Great Britain, as the directory requires.
pub(crate) fn in_great_britain(latitude: f64, longitude: f64) -> bool {
    (49.0..61.0).contains(&latitude) && (-9.0..2.5).contains(&longitude)
}

/// Where a place is: its own coordinates if they are in Great Britain, or else its
/// postcode's (exact in Cheshire East, the middle of its postcode area elsewhere).
/// `None`, with a warning, when neither places it.
pub(crate) fn locate(
    cx: &mut Cx<'_>,
    field: &str,
    coordinates: Option<(f64, f64)>,
    postcode: &str,
) -> Option<(f64, f64)> {
    if let Some((lat, lon)) = coordinates
        && in_great_britain(lat, lon)
    {
        return Some((lat, lon));
    }
    let gazetteer = cx.places;
    let why = match coordinates {
        Some((lat, lon)) => {
            format!("its latitude and longitude ({lat}, {lon}) are not in Great Britain")
        }
        None => "it has no latitude and longitude".to_string(),
    };
    if let Some(point) = gazetteer.postcode(postcode) {
        cx.warn(
            field,
            format!("{why}, so it was placed by its postcode, {postcode}"),
        );
        return Some(point);
    }
    let outward = postcode.split_whitespace().next().unwrap_or("");
    if let Some(point) = gazetteer.outcode(outward) {
        cx.warn(
            field,
            format!(
                "{why}, so it was placed in the middle of its postcode area, {}",
                outward.to_uppercase()
            ),
        );
        return Some(point);
    }
    let postcode_said = if postcode.trim().is_empty() {
        "it has no postcode".to_string()
    } else {
        format!("its postcode “{}” is not one we know", postcode.trim())
    };
    cx.warn(
        field,
        format!("{why} and {postcode_said}, so the service was imported without its place"),
    );
    None
}

/// The town a place is in: the one its address says, or the nearest we know within five miles.
pub(crate) fn town_of(cx: &Cx<'_>, city: &str, latitude: f64, longitude: f64) -> String {
    if !city.trim().is_empty() {
        return city.trim().to_string();
    }
    let town = cx.places.nearest_town(latitude, longitude);
    if distance_miles((latitude, longitude), town.position()) <= 5.0 {
        town.name.to_string()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_ids_become_readable_and_stable() {
        let slugs = Slugs::new(&Directory::default());
        let a = slugs.derive(
            "service",
            "Crewe Carers' Café",
            "AC148810-D857-441C-9679-408F346DE14B",
        );
        let b = slugs.derive(
            "service",
            "Crewe Carers' Café",
            "ac148810-d857-441c-9679-408f346de14b",
        );
        assert_eq!(a, b);
        assert!(a.starts_with("crewe-carers-caf-"), "{a}");
        assert!(valid_id(&a));
        assert_eq!(slugify("!!!"), "");
        assert!(valid_id(&slugs.derive("service", "!!!", "x")));
    }

    #[test]
    fn a_renamed_record_keeps_the_id_it_was_stored_under() {
        let slugs = Slugs::new(&Directory::default());
        let first = slugs.derive("service", "Old Name", "id-1");
        let mut stored = Directory::default();
        stored.services.push(Service {
            id: first.clone(),
            ..crate::sample::cheshire_east().services[0].clone()
        });
        let slugs = Slugs::new(&stored);
        assert_eq!(slugs.derive("service", "New Name", "id-1"), first);
        assert_ne!(slugs.derive("service", "New Name", "id-2"), first);
    }

    #[test]
    fn dates_are_read_as_people_write_them() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(parse_date("2026-11-21"), Some(d(2026, 11, 21)));
        assert_eq!(parse_date("21/11/2026"), Some(d(2026, 11, 21)));
        assert_eq!(parse_date("2023-03-15T10:30:45.123Z"), Some(d(2023, 3, 15)));
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn a_long_description_is_summarised_by_whole_sentences() {
        let long = "This sentence is about forty characters. ".repeat(10);
        let s = summarise(&long);
        assert!(s.chars().count() <= 250, "{s}");
        assert!(s.ends_with("characters."), "{s}");
        assert_eq!(summarise("Short. Two."), "Short. Two.");
    }
}
