//! Open Referral UK 3.0 JSON into our model: full services as an array, a saved page of
//! `/services?full=true`, several pages (in an array, or one after another in the file),
//! or one service on its own. Dayfinder's own exports carry `x_dayfinder`, read back
//! exactly; anyone else's services go through the taxonomy mapping.
//!
//! The JSON is walked by hand rather than through serde types, so that a wrong type is
//! reported by field (`schedules[0].opens_at should be text, not the number 10`) and the
//! rest of the record, and of the file, is still read.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::model::{
    AccessFeature, ClockTime, Contact, Cost, CostKind, Directory, Eligibility, JoinRoute, Kind,
    Location, Need, Organisation, Service, Session, Term, Tier, Vacancy, VacancyStatus, Weekday,
};
use crate::oruk::filter::parse_day;
use crate::oruk::ids;
use crate::oruk::mapping::{self, Target};
use crate::oruk::vocab::{TermRef, Vocabulary};
use crate::places::normalise_postcode;

use super::ImportError;
use super::batch::{
    Batch, Built, Cx, Terms, clean, locate, our_id, parse_date, summarise, town_of,
};
use super::report::Position;

/// What a JSON file holds.
pub(crate) enum Shape {
    /// ORUK services, in file order.
    Services(Vec<Value>),
    /// Dayfinder's own directory file (`generate --out`, the bundled sample).
    Dayfinder(Box<Directory>),
}

/// Reads every JSON document in the file and finds the services in them.
pub(crate) fn shape(bytes: &[u8]) -> Result<Shape, ImportError> {
    let mut services = Vec::new();
    let mut documents = 0;
    for document in serde_json::Deserializer::from_slice(bytes).into_iter::<Value>() {
        let document = document.map_err(|e| ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            reason: without_position(&e),
        })?;
        documents += 1;
        match document {
            Value::Object(map)
                if map.contains_key("organisations") && map.contains_key("services") =>
            {
                if documents > 1 {
                    return Err(ImportError::NotServices(
                        "a Dayfinder directory file must be the only thing in the file".into(),
                    ));
                }
                let directory: Directory =
                    serde_json::from_value(Value::Object(map)).map_err(|e| {
                        ImportError::NotServices(format!(
                            "it looks like a Dayfinder directory file, but {e}"
                        ))
                    })?;
                return Ok(Shape::Dayfinder(Box::new(directory)));
            }
            Value::Object(map) if map.contains_key("contents") => page(map, &mut services)?,
            Value::Object(map) => services.push(Value::Object(map)),
            Value::Array(items) => {
                for item in items {
                    match item {
                        Value::Object(map) if map.contains_key("contents") => {
                            page(map, &mut services)?
                        }
                        other => services.push(other),
                    }
                }
            }
            other => {
                return Err(ImportError::NotServices(format!(
                    "the file holds {} where Open Referral UK services were expected (a list of services, or pages of them)",
                    describe(&other)
                )));
            }
        }
    }
    Ok(Shape::Services(services))
}

/// A page's `contents`, added to the services.
fn page(mut map: Map<String, Value>, services: &mut Vec<Value>) -> Result<(), ImportError> {
    match map.remove("contents") {
        Some(Value::Array(items)) => {
            services.extend(items);
            Ok(())
        }
        Some(Value::Null) | None => Ok(()),
        Some(other) => Err(ImportError::NotServices(format!(
            "a page's “contents” should be a list of services, not {}",
            describe(&other)
        ))),
    }
}

/// serde_json's message without its " at line 1 column 2" (we say where separately).
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Reads each service into the batch; `progress` hears after each one.
pub(crate) fn read_services(
    services: &[Value],
    batch: &mut Batch<'_>,
    progress: &mut dyn FnMut(usize, usize),
) {
    let known = Known::gather(services);
    for (i, value) in services.iter().enumerate() {
        let mut cx = Cx::new(Position::Service(i + 1), batch.mapping, batch.places);
        match value {
            Value::Object(map) => {
                let s = Obj {
                    map,
                    path: String::new(),
                };
                let foreign_id = s.map.get("id").and_then(Value::as_str).map(str::to_string);
                match service(&mut cx, &s, &known, batch) {
                    Outcome::Built(built) => batch.add(cx, foreign_id.as_deref(), Some(*built)),
                    Outcome::Skipped(field, reason) => batch.skip(cx, field, reason),
                    Outcome::Invalid => batch.add(cx, foreign_id.as_deref(), None),
                }
            }
            other => {
                cx.bad(
                    "",
                    format!(
                        "is {}, where a service object was expected",
                        describe(other)
                    ),
                );
                batch.add(cx, None, None);
            }
        }
        progress(i + 1, services.len());
    }
}

enum Outcome {
    Built(Box<Built>),
    Skipped(&'static str, String),
    Invalid,
}

/// Organisations and places described anywhere in the file, by their ids, so a service
/// that only names one (`organization_id`) finds it.
struct Known<'v> {
    organisations: HashMap<String, &'v Map<String, Value>>,
    locations: HashMap<String, &'v Map<String, Value>>,
}

impl<'v> Known<'v> {
    fn gather(services: &'v [Value]) -> Known<'v> {
        let mut known = Known {
            organisations: HashMap::new(),
            locations: HashMap::new(),
        };
        for s in services.iter().filter_map(Value::as_object) {
            if let Some(o) = s.get("organization").and_then(Value::as_object)
                && let Some(id) = o.get("id").and_then(Value::as_str)
            {
                known.organisations.entry(key(id)).or_insert(o);
            }
            for sal in s
                .get("service_at_locations")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(l) = sal.get("location").and_then(Value::as_object)
                    && let Some(id) = l.get("id").and_then(Value::as_str)
                {
                    known.locations.entry(key(id)).or_insert(l);
                }
            }
        }
        known
    }
}

/// A foreign id as compared: a UUID in its canonical form, anything else trimmed.
fn key(id: &str) -> String {
    ids::parse(id).unwrap_or_else(|| id.trim().to_string())
}

/// One JSON object and where it is in the record (`service_at_locations[0].location`).
struct Obj<'v> {
    map: &'v Map<String, Value>,
    path: String,
}

impl<'v> Obj<'v> {
    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A field's value; `None` when it is missing or `null`.
    fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A website's address (see `batch::website`).
    fn website(&self, cx: &mut Cx<'_>, key: &str) -> Option<String> {
        let text = self.text(cx, key);
        super::website(cx, self.at(key), text)
    }

    /// A text field, trimmed; `None` when missing or empty, and when not text (noted).
    fn text(&self, cx: &mut Cx<'_>, key: &str) -> Option<String> {
        match self.get(key)? {
            Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
            other => {
                cx.bad(
                    self.at(key),
                    format!("should be text, not {}", describe(other)),
                );
                None
            }
        }
    }

    /// A whole number of 0 or more.
    fn whole(&self, cx: &mut Cx<'_>, key: &str) -> Option<u64> {
        let value = self.get(key)?;
        let whole = value.as_u64().or_else(|| {
            value
                .as_f64()
                .filter(|f| f.fract() == 0.0 && (0.0..1e15).contains(f))
                .map(|f| f as u64)
        });
        if whole.is_none() {
            cx.bad(
                self.at(key),
                format!(
                    "should be a whole number of 0 or more, not {}",
                    describe(value)
                ),
            );
        }
        whole
    }

    fn number(&self, cx: &mut Cx<'_>, key: &str) -> Option<f64> {
        let value = self.get(key)?;
        let number = value.as_f64().filter(|f| f.is_finite());
        if number.is_none() {
            cx.bad(
                self.at(key),
                format!("should be a number, not {}", describe(value)),
            );
        }
        number
    }

    fn boolean(&self, cx: &mut Cx<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        if value.as_bool().is_none() {
            cx.bad(
                self.at(key),
                format!("should be true or false, not {}", describe(value)),
            );
        }
        value.as_bool()
    }

    fn object(&self, cx: &mut Cx<'_>, key: &str) -> Option<Obj<'v>> {
        match self.get(key)? {
            Value::Object(map) => Some(Obj {
                map,
                path: self.at(key),
            }),
            other => {
                cx.bad(
                    self.at(key),
                    format!("should be an object, not {}", describe(other)),
                );
                None
            }
        }
    }

    /// A list of objects (each element that is not one is noted).
    fn objects(&self, cx: &mut Cx<'_>, key: &str) -> Vec<Obj<'v>> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let path = format!("{}[{i}]", self.at(key));
                    match item {
                        Value::Object(map) => Some(Obj { map, path }),
                        Value::Null => None,
                        other => {
                            cx.bad(
                                path,
                                format!("should be an object, not {}", describe(other)),
                            );
                            None
                        }
                    }
                })
                .collect(),
            Some(other) => {
                cx.bad(
                    self.at(key),
                    format!("should be a list, not {}", describe(other)),
                );
                Vec::new()
            }
        }
    }

    /// A list of text.
    fn texts(&self, cx: &mut Cx<'_>, key: &str) -> Option<Vec<String>> {
        match self.get(key)? {
            Value::Array(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| match item {
                        Value::String(s) => Some(clean(s)),
                        other => {
                            cx.bad(
                                format!("{}[{i}]", self.at(key)),
                                format!("should be text, not {}", describe(other)),
                            );
                            None
                        }
                    })
                    .collect(),
            ),
            other => {
                cx.bad(
                    self.at(key),
                    format!("should be a list, not {}", describe(other)),
                );
                None
            }
        }
    }
}

/// A JSON value in words: "the number 12", "the text “twelve”", "a list".
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            format!("the text “{shown}{more}”")
        }
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Our facts, from the `x_dayfinder` of a Dayfinder export.
#[derive(Default)]
struct Ours {
    slug: Option<String>,
    summary: Option<String>,
    easy_read: Option<String>,
    tier: Option<Tier>,
    needs: Option<Vec<Need>>,
    kinds: Option<Vec<Kind>>,
    vacancy: Option<VacancyStatus>,
    confirmed: Option<jiff::civil::Date>,
    join: Option<Vec<JoinRoute>>,
    activities: Vec<String>,
    transport: Option<bool>,
    duration_weeks: Option<u8>,
    price_per_session_pence: Option<u32>,
    cost_notes: Option<String>,
}

fn ours(cx: &mut Cx<'_>, x: &Obj<'_>) -> Ours {
    fn one<T: Term>(
        cx: &mut Cx<'_>,
        field: String,
        vocabulary: Vocabulary,
        slug: &str,
    ) -> Option<T> {
        let found = T::from_slug(slug);
        if found.is_none() {
            cx.bad(
                field,
                format!(
                    "“{slug}” is not one of our {}: use {}",
                    vocabulary.name().trim_start_matches("Dayfinder "),
                    mapping::slugs(vocabulary)
                ),
            );
        }
        found
    }
    fn many<T: Term>(
        cx: &mut Cx<'_>,
        x: &Obj<'_>,
        key: &str,
        vocabulary: Vocabulary,
    ) -> Option<Vec<T>> {
        let slugs = x.texts(cx, key)?;
        Some(
            slugs
                .iter()
                .enumerate()
                .filter_map(|(i, s)| one(cx, format!("{}[{i}]", x.at(key)), vocabulary, s))
                .collect(),
        )
    }
    let mut out = Ours {
        slug: x.text(cx, "slug"),
        summary: x.text(cx, "summary"),
        easy_read: x.text(cx, "easy_read"),
        needs: many(cx, x, "needs", Vocabulary::Need),
        kinds: many(cx, x, "kinds", Vocabulary::Kind),
        join: many(cx, x, "join", Vocabulary::Join),
        activities: x.texts(cx, "activities").unwrap_or_default(),
        transport: x.boolean(cx, "transport"),
        price_per_session_pence: x
            .whole(cx, "price_per_session_pence")
            .and_then(|p| u32::try_from(p).ok()),
        cost_notes: x.text(cx, "cost_notes"),
        ..Ours::default()
    };
    if let Some(tier) = x.text(cx, "tier") {
        out.tier = one(cx, x.at("tier"), Vocabulary::Tier, &tier);
    }
    if let Some(weeks) = x.whole(cx, "duration_weeks") {
        out.duration_weeks = u8::try_from(weeks).ok();
        if out.duration_weeks.is_none() {
            cx.bad(
                x.at("duration_weeks"),
                format!("{weeks} weeks is longer than a course can be"),
            );
        }
    }
    if let Some(v) = x.object(cx, "vacancy") {
        if let Some(status) = v.text(cx, "status") {
            out.vacancy = one(cx, v.at("status"), Vocabulary::Vacancy, &status);
        }
        out.confirmed = date(cx, &v, "confirmed");
    }
    out
}

/// A date field (`YYYY-MM-DD`; a date-time gives its date).
fn date(cx: &mut Cx<'_>, o: &Obj<'_>, key: &str) -> Option<jiff::civil::Date> {
    let text = o.text(cx, key)?;
    let d = parse_date(&text);
    if d.is_none() {
        cx.bad(
            o.at(key),
            format!("“{text}” is not a date: write it as YYYY-MM-DD, for example 2026-11-21"),
        );
    }
    d
}

fn service(cx: &mut Cx<'_>, s: &Obj<'_>, known: &Known<'_>, batch: &Batch<'_>) -> Outcome {
    let id = s.text(cx, "id");
    if id.is_none() && s.get("id").is_none_or(Value::is_string) {
        cx.bad("id", "is missing: every service needs an id (a UUID)");
    }
    let name = s.text(cx, "name");
    match &name {
        Some(n) => cx.name = Some(n.clone()),
        None if s.get("name").is_none_or(Value::is_string) => {
            cx.bad("name", "is missing: every service needs a name")
        }
        None => {}
    }
    match s.text(cx, "status").map(|t| t.to_lowercase()).as_deref() {
        None | Some("active" | "temporarily closed") => {}
        Some(status @ ("inactive" | "defunct")) => {
            return Outcome::Skipped(
                "status",
                format!(
                    "not imported: its status is {status}, and Dayfinder lists only services that run (one imported before stays until removed)"
                ),
            );
        }
        Some(other) => cx.bad(
            "status",
            format!(
                "“{other}” is not a status: write active, inactive, defunct or temporarily closed"
            ),
        ),
    }
    let x = s.object(cx, "x_dayfinder").map(|x| ours(cx, &x));
    let is_ours = x.is_some();
    let x = x.unwrap_or_default();

    let description = s.text(cx, "description").unwrap_or_default();
    let eligibility_notes = s.text(cx, "eligibility_description").unwrap_or_default();

    let mut terms = Terms::default();
    for a in s.objects(cx, "attributes") {
        let found = attribute(cx, &a);
        terms.extend(found);
    }

    let organisation = organisation(cx, s, known, batch);
    let mut location = place(cx, s, known, batch, is_ours);

    let (sessions, schedule_notes) = schedules(cx, s, is_ours, x.duration_weeks);
    let eligibility = eligibility(cx, s, eligibility_notes.clone());
    let cost = cost(cx, s, &terms, &x, is_ours);
    let contact = contact(cx, s);

    let assured = date(cx, s, "assured_date");
    let modified = date(cx, s, "last_modified");
    let last_reviewed = assured.or(modified).unwrap_or(batch.today);

    if let Some(n) = x.needs.clone() {
        terms.needs = n;
    }
    if let Some(k) = x.kinds.clone() {
        terms.kinds = k;
    }
    let words = [
        name.as_deref().unwrap_or(""),
        &description,
        &eligibility_notes,
    ]
    .join(". ");
    terms.settle_needs_and_kinds(cx, &words);
    // Our own exports say exactly what a listing has; another directory's facts are patchy.
    if !is_ours {
        terms.settle_access(cx, location.as_ref(), &description);
    }

    if let Some(place) = location.as_mut() {
        for &feature in &terms.access {
            if !place.accessibility.contains(&feature) {
                place.accessibility.push(feature);
            }
        }
    }

    let (Some(id), Some(name), Some(organisation_id)) = (id, name, organisation.id()) else {
        return Outcome::Invalid;
    };
    if !cx.is_valid() {
        return Outcome::Invalid;
    }
    let slug = match x.slug.as_deref().map(our_id) {
        Some(Some(slug)) => slug,
        Some(None) => {
            cx.warn(
                "x_dayfinder.slug",
                "is not a valid Dayfinder id, so one was made from the name",
            );
            batch.slugs.derive("service", &name, &id)
        }
        None => batch.slugs.derive("service", &name, &id),
    };
    let tier = x
        .tier
        .or(terms.tiers.first().copied())
        .unwrap_or(batch.mapping.defaults.tier);
    let vacancy = Vacancy {
        status: x
            .vacancy
            .or(terms.vacancies.first().copied())
            .unwrap_or(batch.mapping.defaults.vacancy),
        confirmed: x.confirmed.unwrap_or(last_reviewed),
    };
    let join = x.join.clone().unwrap_or_else(|| {
        if terms.joins.is_empty() {
            batch.mapping.defaults.join.clone()
        } else {
            terms.joins.clone()
        }
    });
    let transport = x
        .transport
        .unwrap_or(terms.access.contains(&AccessFeature::Transport));
    let service = Service {
        id: slug,
        organisation_id,
        location_id: location.as_ref().map(|l| l.id.clone()),
        summary: match &x.summary {
            Some(summary) => summary.clone(),
            None if is_ours => String::new(),
            None => summarise(&description),
        },
        name,
        description,
        activities: x.activities.clone(),
        easy_read: x.easy_read.clone().unwrap_or_default(),
        tier,
        kinds: terms.kinds,
        needs: terms.needs,
        sessions,
        schedule_notes,
        duration_weeks: x.duration_weeks,
        eligibility,
        cost,
        join,
        vacancy,
        transport,
        contact,
        last_reviewed,
    };
    Outcome::Built(Box::new(Built {
        service,
        organisation: organisation.into_new(),
        location,
    }))
}

/// The organisation a service belongs to: described in the record (or elsewhere in the
/// file), or only named, and stored by an earlier import.
enum Org {
    New(Organisation),
    Stored(String),
    Missing,
}

impl Org {
    fn id(&self) -> Option<String> {
        match self {
            Org::New(o) => Some(o.id.clone()),
            Org::Stored(id) => Some(id.clone()),
            Org::Missing => None,
        }
    }

    fn into_new(self) -> Option<Organisation> {
        match self {
            Org::New(o) => Some(o),
            _ => None,
        }
    }
}

fn organisation(cx: &mut Cx<'_>, s: &Obj<'_>, known: &Known<'_>, batch: &Batch<'_>) -> Org {
    let named = s.text(cx, "organization_id");
    let o = match s.object(cx, "organization") {
        Some(o) => o,
        None => match named
            .as_deref()
            .and_then(|id| known.organisations.get(&key(id)))
        {
            Some(map) => Obj {
                map,
                path: "organization".into(),
            },
            None => {
                if let Some(id) = &named
                    && let Some(slug) = batch.slugs.stored("organisation", id)
                {
                    return Org::Stored(slug);
                }
                match named {
                    Some(id) => cx.bad(
                        "organization_id",
                        format!("“{id}” names an organisation the file does not describe: include its organization object (a feed's services?full=true has it)"),
                    ),
                    None => cx.bad("organization", "is missing: every service needs its organization"),
                }
                return Org::Missing;
            }
        },
    };
    let Some(name) = o.text(cx, "name") else {
        if o.get("name").is_none() {
            cx.bad(o.at("name"), "is missing: every organisation needs a name");
        }
        return Org::Missing;
    };
    let foreign_id = o.text(cx, "id").or(named).unwrap_or_else(|| name.clone());
    let x_slug = o.object(cx, "x_dayfinder").and_then(|x| x.text(cx, "slug"));
    let id = x_slug
        .as_deref()
        .and_then(our_id)
        .unwrap_or_else(|| batch.slugs.derive("organisation", &name, &foreign_id));
    let phone = o
        .objects(cx, "phones")
        .iter()
        .find_map(|p| p.text(cx, "number"));
    Org::New(Organisation {
        id,
        description: o.text(cx, "description").unwrap_or_default(),
        website: o.website(cx, "website").or_else(|| o.website(cx, "url")),
        email: o.text(cx, "email"),
        phone,
        name,
    })
}

/// The service's place: the first physical location of its `service_at_locations`.
fn place(
    cx: &mut Cx<'_>,
    s: &Obj<'_>,
    known: &Known<'_>,
    batch: &Batch<'_>,
    is_ours: bool,
) -> Option<Location> {
    let mut found = Vec::new();
    for sal in s.objects(cx, "service_at_locations") {
        let named = sal.text(cx, "location_id");
        let l = match sal.object(cx, "location") {
            Some(l) => l,
            None => match named
                .as_deref()
                .and_then(|id| known.locations.get(&key(id)))
            {
                Some(map) => Obj {
                    map,
                    path: format!("{}.location", sal.path),
                },
                None => continue,
            },
        };
        let virtual_place = l
            .get("location_type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.eq_ignore_ascii_case("virtual"));
        if !virtual_place {
            let fallback_id = named.or_else(|| sal.text(cx, "id"));
            found.push((l, fallback_id));
        }
    }
    let mut found = found.into_iter();
    let (l, fallback_id) = found.next()?;
    let others = found.count();
    let location = location(cx, &l, fallback_id, batch, is_ours);
    if others > 0
        && let Some(kept) = &location
    {
        cx.warn(
            "service_at_locations",
            format!(
                "lists {} places; Dayfinder keeps one place for each service, so only the first, “{}”, was imported",
                others + 1,
                if kept.name.is_empty() { &kept.address } else { &kept.name }
            ),
        );
    }
    location
}

fn location(
    cx: &mut Cx<'_>,
    l: &Obj<'_>,
    fallback_id: Option<String>,
    batch: &Batch<'_>,
    is_ours: bool,
) -> Option<Location> {
    let name = l.text(cx, "name").unwrap_or_default();
    let addresses = l.objects(cx, "addresses");
    let address = addresses
        .iter()
        .find(|a| a.get("address_type").and_then(Value::as_str) == Some("physical"))
        .or(addresses.first());
    let (mut street, mut city, mut postcode) = (String::new(), String::new(), String::new());
    if let Some(a) = address {
        street = [a.text(cx, "address_1"), a.text(cx, "address_2")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        city = a.text(cx, "city").unwrap_or_default();
        let given = a.text(cx, "postal_code").unwrap_or_default();
        postcode = normalise_postcode(&given).unwrap_or(given);
    }
    let latitude = l.number(cx, "latitude");
    let longitude = l.number(cx, "longitude");
    let coordinates = latitude.zip(longitude);

    let field = if l.path.is_empty() {
        "location".to_string()
    } else {
        l.path.clone()
    };
    let placed = locate(cx, &field, coordinates, &postcode);
    let mut accessibility = Vec::new();
    let mut notes = Vec::new();
    for a in l.objects(cx, "accessibility") {
        let mut features = Vec::new();
        for attr in a.objects(cx, "attributes") {
            for target in attribute(cx, &attr) {
                if let Target::Access(f) = target {
                    features.push(f);
                }
            }
        }
        let words: Vec<String> = [a.text(cx, "description"), a.text(cx, "details")]
            .into_iter()
            .flatten()
            .collect();
        let is_label = words.len() == 1 && features.iter().any(|f| f.label() == words[0]);
        if !words.is_empty() && !is_label {
            if !is_ours && placed.is_some() && features.is_empty() && cx.mapping.guess_from_words {
                let guessed = guess_access(cx, &words.join(". "));
                if !guessed.is_empty() {
                    cx.warn(
                        a.at("description"),
                        format!(
                            "access features read from its words: {}; please check",
                            guessed
                                .iter()
                                .map(|f| format!("“{}”", f.label()))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
                features.extend(guessed);
            }
            notes.push(words.join(" "));
        }
        for f in features {
            if !accessibility.contains(&f) {
                accessibility.push(f);
            }
        }
    }

    let (latitude, longitude) = placed?;
    let foreign_id = l.text(cx, "id").or(fallback_id);
    let x_slug = l.object(cx, "x_dayfinder").and_then(|x| x.text(cx, "slug"));
    let shown = [&name, &street, &postcode]
        .into_iter()
        .find(|s| !s.is_empty())
        .cloned()
        .unwrap_or_default();
    let id = match x_slug.as_deref().and_then(our_id) {
        Some(slug) => slug,
        None => batch
            .slugs
            .derive("location", &shown, foreign_id.as_deref().unwrap_or(&shown)),
    };
    Some(Location {
        id,
        name,
        address: street,
        town: town_of(cx, &city, latitude, longitude),
        postcode,
        latitude,
        longitude,
        accessibility,
        access_notes: notes.join(" "),
    })
}

/// Access features named in words ("an induction loop and level access").
fn guess_access(cx: &Cx<'_>, words: &str) -> Vec<AccessFeature> {
    cx.mapping
        .guess(words)
        .into_iter()
        .filter_map(|t| match t {
            Target::Access(f) => Some(f),
            _ => None,
        })
        .collect()
}

/// One `attribute`: the term it links to, as our terms.
fn attribute(cx: &mut Cx<'_>, a: &Obj<'_>) -> Vec<Target> {
    let term = a.object(cx, "taxonomy_term");
    let mut id = a.text(cx, "taxonomy_term_id");
    let (mut name, mut code, mut taxonomy, mut taxonomy_id) = (None, None, None, None);
    if let Some(t) = &term {
        id = id.or_else(|| t.text(cx, "id"));
        name = t.text(cx, "name");
        code = t.text(cx, "term").or_else(|| t.text(cx, "code"));
        taxonomy = t.text(cx, "taxonomy");
        taxonomy_id = t.text(cx, "taxonomy_id");
    }
    let field = a.at("taxonomy_term");
    let Some(shown) = name.clone().or(code.clone()).or(id.clone()) else {
        cx.warn(a.path.clone(), "links to no taxonomy term (it has no taxonomy_term or taxonomy_term_id), so it was left out");
        return Vec::new();
    };
    if let Some(ours) = id
        .as_deref()
        .filter(|i| ids::parse(i).is_some())
        .and_then(TermRef::find)
    {
        return Target::find(ours.vocabulary, ours.slug)
            .into_iter()
            .collect();
    }
    let our_taxonomy = taxonomy_id
        .as_deref()
        .and_then(|t| ids::parse(t).and_then(|_| Vocabulary::find(t)))
        .or_else(|| {
            let named = taxonomy.as_deref()?;
            Vocabulary::ALL.into_iter().find(|v| v.name() == named)
        });
    if let Some(vocabulary) = our_taxonomy {
        let found = code
            .as_deref()
            .and_then(|c| Target::find(vocabulary, c))
            .or_else(|| {
                name.as_deref()
                    .and_then(|n| cx.mapping.value(vocabulary, n))
            });
        if found.is_none() {
            cx.bad(
                field,
                format!(
                    "“{shown}” is not a term of our taxonomy “{}”: use {}",
                    vocabulary.name(),
                    mapping::slugs(vocabulary)
                ),
            );
        }
        return found.into_iter().collect();
    }
    let words: Vec<&str> = [id.as_deref(), code.as_deref(), name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let taxonomy_shown = taxonomy.or(taxonomy_id);
    cx.term(
        &field,
        &words,
        taxonomy_shown.as_deref(),
        &shown,
        id.as_deref(),
    )
}

/// The weekly sessions a service's schedules describe, and the words of those that are
/// not a weekly timetable (kept as schedule notes).
fn schedules(
    cx: &mut Cx<'_>,
    s: &Obj<'_>,
    is_ours: bool,
    duration_weeks: Option<u8>,
) -> (Vec<Session>, String) {
    fn note(text: Option<String>, notes: &mut Vec<String>) {
        if let Some(t) = text
            && !notes.contains(&t)
        {
            notes.push(t);
        }
    }
    let mut sessions: Vec<Session> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for sch in s.objects(cx, "schedules") {
        let freq = sch.text(cx, "freq").map(|f| f.to_uppercase());
        let interval = sch.whole(cx, "interval");
        let description = sch.text(cx, "description");
        let extra = sch.text(cx, "notes");
        let opens = time(cx, &sch, "opens_at");
        let closes = time(cx, &sch, "closes_at");
        let mut days: Vec<Weekday> = Vec::new();
        let mut by_position = false;
        if let Some(byday) = sch.text(cx, "byday") {
            for code in byday.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                let day =
                    code.trim_start_matches(|c: char| c == '+' || c == '-' || c.is_ascii_digit());
                by_position |= day.len() != code.len();
                match parse_day(day) {
                    Some(d) if !days.contains(&d) => days.push(d),
                    Some(_) => {}
                    None => cx.bad(
                        sch.at("byday"),
                        format!("“{code}” is not a day: write MO, TU, WE, TH, FR, SA or SU, separated by commas"),
                    ),
                }
            }
        }
        if freq.as_deref() == Some("DAILY") && days.is_empty() {
            days = Weekday::all().to_vec();
        }
        let weekly = matches!(freq.as_deref(), None | Some("WEEKLY" | "DAILY")) && !by_position;
        match (opens, closes) {
            (Some(open), Some(close)) if weekly && !days.is_empty() => {
                if close <= open {
                    cx.bad(
                        sch.at("closes_at"),
                        format!("{close} is not after opens_at {open}"),
                    );
                    continue;
                }
                for &day in &days {
                    let session = Session {
                        day,
                        start: open,
                        end: close,
                    };
                    if !sessions.contains(&session) {
                        sessions.push(session);
                    }
                }
                if let Some(n) = interval.filter(|&n| n > 1) {
                    note(Some(format!("Every {n} weeks.")), &mut notes);
                    cx.warn(
                        sch.at("interval"),
                        format!("runs every {n} weeks; it is shown as weekly sessions with a note"),
                    );
                }
                if !is_ours {
                    note(description, &mut notes);
                }
                note(extra, &mut notes);
            }
            (open, close) => {
                let has_times = open.is_some() || close.is_some() || !days.is_empty();
                if has_times {
                    let why = if !weekly {
                        format!(
                            "is a {} schedule",
                            freq.as_deref().unwrap_or("monthly").to_lowercase()
                        )
                    } else if days.is_empty() {
                        "has no byday".to_string()
                    } else {
                        "lacks opens_at or closes_at".to_string()
                    };
                    cx.warn(
                        sch.path.clone(),
                        format!("{why}, so it is not a weekly session; its words were kept as schedule notes"),
                    );
                }
                let words = description.or_else(|| {
                    has_times.then(|| {
                        let hours = match (open, close) {
                            (Some(o), Some(c)) => format!(", {} to {}", o.friendly(), c.friendly()),
                            _ => String::new(),
                        };
                        let when = sch.get("byday").and_then(Value::as_str).unwrap_or("");
                        format!(
                            "{} {when}{hours}.",
                            freq.as_deref().unwrap_or("").to_lowercase()
                        )
                        .trim()
                        .to_string()
                    })
                });
                note(words, &mut notes);
                note(extra, &mut notes);
            }
        }
    }
    let mut text = notes.join(" ");
    if let Some(weeks) = duration_weeks {
        let course = format!("A course of {weeks} weeks.");
        if text == course {
            text.clear();
        } else if let Some(rest) = text.strip_suffix(&format!(" {course}")) {
            text = rest.to_string();
        }
    }
    (sessions, text)
}

fn time(cx: &mut Cx<'_>, o: &Obj<'_>, key: &str) -> Option<ClockTime> {
    let text = o.text(cx, key)?;
    match text.parse::<ClockTime>() {
        Ok(t) => Some(t),
        Err(_) => {
            cx.bad(
                o.at(key),
                format!(
                    "“{text}” is not a time of day: write it as HH:MM, for example 09:30 or 14:00"
                ),
            );
            None
        }
    }
}

fn eligibility(cx: &mut Cx<'_>, s: &Obj<'_>, notes: String) -> Eligibility {
    let mut age = |key: &str| {
        let n = s.whole(cx, key)?;
        match u8::try_from(n) {
            Ok(a) if a <= 150 => Some(a),
            _ => {
                cx.bad(key, format!("{n} is not an age"));
                None
            }
        }
    };
    let minimum = age("minimum_age");
    let maximum = age("maximum_age");
    let minimum_age = minimum.unwrap_or(cx.mapping.defaults.minimum_age);
    if let Some(max) = maximum
        && max < minimum_age
    {
        cx.bad(
            "maximum_age",
            format!("{max} is below the minimum age, {minimum_age}"),
        );
    }
    Eligibility {
        minimum_age,
        maximum_age: maximum,
        notes,
    }
}

fn cost(cx: &mut Cx<'_>, s: &Obj<'_>, terms: &Terms, x: &Ours, is_ours: bool) -> Cost {
    let fees = s.text(cx, "fees").unwrap_or_default();
    let mut kinds = terms.costs.clone();
    let mut price = x.price_per_session_pence;
    let mut described = Vec::new();
    for o in s.objects(cx, "cost_options") {
        let option = o.text(cx, "option");
        let amount = o.number(cx, "amount");
        let amount_description = o.text(cx, "amount_description");
        if is_ours {
            continue;
        }
        let mut add = |k: CostKind| {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        };
        match amount {
            Some(a) if a <= 0.0 => add(CostKind::Free),
            Some(a) => {
                add(CostKind::PaySession);
                if price.is_none() {
                    price = crate::model::Pence::from_pounds(a)
                        .ok()
                        .map(crate::model::Pence::get);
                }
            }
            None => {}
        }
        if let Some(Target::Cost(k)) = option
            .as_deref()
            .and_then(|t| cx.mapping.value(Vocabulary::Cost, t))
        {
            add(k);
        }
        let amount_words = amount.map(|a| format!("£{a:.2}").replace(".00", ""));
        let line = [option, amount_words, amount_description]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if !line.is_empty() {
            described.push(line);
        }
    }
    if !is_ours
        && kinds.is_empty()
        && let Some(Target::Cost(k)) = cx.mapping.value(Vocabulary::Cost, &fees)
    {
        kinds.push(k);
    }
    let mut cost = Cost {
        kinds,
        price_per_session_pence: price,
        notes: String::new(),
    };
    let summary = cost.summary();
    let mut notes = match &x.cost_notes {
        Some(notes) if is_ours => notes.clone(),
        _ if fees == summary => String::new(),
        _ => fees,
    };
    if !described.is_empty() {
        let options = format!("{}.", described.join("; "));
        notes = if notes.is_empty() {
            options
        } else {
            format!("{notes} {options}")
        };
    }
    cost.notes = notes;
    cost
}

fn contact(cx: &mut Cx<'_>, s: &Obj<'_>) -> Contact {
    let contacts = s.objects(cx, "contacts");
    let first = contacts.first();
    let name = first.and_then(|c| c.text(cx, "name"));
    let contact_email = first.and_then(|c| c.text(cx, "email"));
    let contact_phone = first.and_then(|c| {
        c.objects(cx, "phones")
            .iter()
            .find_map(|p| p.text(cx, "number"))
    });
    let service_phone = s
        .objects(cx, "phones")
        .iter()
        .find_map(|p| p.text(cx, "number"));
    let service_email = s.text(cx, "email");
    Contact {
        name,
        phone: contact_phone.or(service_phone),
        email: contact_email.or(service_email),
        website: s.website(cx, "url"),
    }
}
