//! The search index: derived from the store, rebuilt whenever it is missing, from an
//! older schema, or behind the store's change log.

use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::query::{AllQuery, Query};
use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term, directory::MmapDirectory,
};

use super::bits::{Dim, day_bit, mask_of, mentions_of};
use super::collect::{FilterCollector, Found, Pass};
use super::schema::{Fields, SCHEMA_VERSION, TOKENIZER};
use super::text::text_query;
use crate::model::{
    AccessFeature, CostKind, DayPart, Kind, Listing, Need, Term as _, Tier, VacancyStatus, Weekday,
};
use crate::query::{FacetGroup, FacetValue, Hit, Order, SearchQuery, SearchResults, TextMatch};

/// Memory the writer may use before it flushes a segment.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

/// What the index records at each commit: which schema, and how far into the store's
/// change log it has got.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    seq: u64,
}

/// One writer, one reader for the program's life, a fresh searcher per search.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
}

impl SearchIndex {
    /// Opens the index in `dir`, or makes a new empty one if there is none or it was
    /// built with another schema. Returns the change-log position it is up to, if any.
    pub fn open(dir: &Path) -> tantivy::Result<(SearchIndex, Option<u64>)> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = Fields::schema();
        if let Ok(existing) = Index::open_in_dir(dir) {
            let payload: Option<Payload> = existing
                .load_metas()?
                .payload
                .and_then(|p| serde_json::from_str(&p).ok());
            if let Some(Payload {
                schema: SCHEMA_VERSION,
                seq,
            }) = payload
                && existing.schema() == schema
            {
                return Ok((SearchIndex::from_index(existing, fields)?, Some(seq)));
            }
            // An index from an older schema is of no use: start again (the store has everything).
            std::fs::remove_dir_all(dir)?;
            std::fs::create_dir_all(dir)?;
        }
        let index = Index::create(MmapDirectory::open(dir)?, schema, Default::default())?;
        Ok((SearchIndex::from_index(index, fields)?, None))
    }

    /// An index in memory, for tests and one-off searches.
    pub fn in_memory() -> tantivy::Result<SearchIndex> {
        let (schema, fields) = Fields::schema();
        SearchIndex::from_index(Index::create_in_ram(schema), fields)
    }

    fn from_index(index: Index, fields: Fields) -> tantivy::Result<SearchIndex> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let writer = index.writer(WRITER_MEMORY)?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
        })
    }

    fn commit(&self, writer: &mut IndexWriter, seq: u64) -> tantivy::Result<()> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(
            &serde_json::to_string(&Payload {
                schema: SCHEMA_VERSION,
                seq,
            })
            .unwrap_or_default(),
        );
        prepared.commit()?;
        // Reload now, so a change is searchable as soon as it is acknowledged.
        self.reader.reload()
    }

    /// Replaces the whole index with these listings, up to change `seq`.
    pub fn rebuild<'a>(
        &self,
        listings: impl IntoIterator<Item = &'a Listing>,
        seq: u64,
    ) -> tantivy::Result<usize> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.delete_all_documents()?;
        let mut n = 0;
        for listing in listings {
            writer.add_document(self.fields.document(listing))?;
            n += 1;
        }
        self.commit(&mut writer, seq)?;
        Ok(n)
    }

    /// Updates some listings and removes others, up to change `seq`: an update is a
    /// delete by id plus an add, in one commit.
    pub fn apply(&self, upserts: &[Listing], deletes: &[String], seq: u64) -> tantivy::Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        for id in deletes.iter().chain(upserts.iter().map(|l| &l.service.id)) {
            writer.delete_term(Term::from_field_text(self.fields.id, id));
        }
        for listing in upserts {
            writer.add_document(self.fields.document(listing))?;
        }
        self.commit(&mut writer, seq)
    }

    /// How many services the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a search whose place, if any, is already resolved to `centre` (lat, lon).
    pub fn search(
        &self,
        query: &SearchQuery,
        hints: &[String],
        centre: Option<(f64, f64)>,
        reviewed_since: Option<jiff::civil::Date>,
    ) -> tantivy::Result<SearchResults> {
        let searcher = self.reader.searcher();
        let mut analyzer = self.index.tokenizers().get(TOKENIZER).ok_or_else(|| {
            tantivy::TantivyError::SchemaError(format!(
                "the {TOKENIZER} tokenizer is not registered"
            ))
        })?;
        let text = text_query(&query.text, hints, &self.fields, &mut analyzer);
        let scoring = text.is_some();
        let text: Box<dyn Query> = text.unwrap_or_else(|| Box::new(AllQuery));

        let filter = super::collect::Filter {
            dims: [
                mask_of(Dim::Need, &query.needs),
                mask_of(Dim::Kind, &query.kinds),
                mask_of(Dim::Tier, &query.tiers),
                mask_of(Dim::Cost, &query.costs),
                mask_of(Dim::Access, &query.access),
                mask_of(Dim::Vacancy, &query.vacancy),
            ],
            towns: query.towns.clone(),
            days: query.days.clone(),
            parts: query.parts.clone(),
            age: query.age.map(u64::from),
            young_adults: query.young_adults,
            place: centre.map(|(lat, lon)| (lat, lon, query.radius_miles())),
            said: mentions_of(&query.said_access, &query.said_days),
            reviewed_since: reviewed_since.map(super::schema::day_number),
        };
        let mut pass = searcher.search(&*text, &FilterCollector { filter, scoring })?;
        if scoring && centre.is_some() {
            // Near means nearer is better: at the edge of the radius a match counts two thirds.
            let radius = query.radius_miles();
            for f in &mut pass.found {
                f.score /= 1.0 + 0.5 * (f.distance.unwrap_or(radius) / radius) as f32;
            }
        }

        order(
            &mut pass.found,
            effective_order(query, scoring, centre.is_some()),
        );
        // Listings found only by their own words come after every listing whose facts
        // match, in the same order among themselves: one list, so paging just works.
        pass.found.sort_by_key(|f| f.described != 0);
        let (page, per_page) = query.normalised_paging();
        let mut hits = Vec::with_capacity(per_page);
        for found in pass.found.iter().skip((page - 1) * per_page).take(per_page) {
            let doc: TantivyDocument = searcher.doc(found.address)?;
            let card = doc
                .get_first(self.fields.card)
                .and_then(|v| tantivy::schema::Value::as_str(&v));
            let Some(mut hit) = card.and_then(|c| serde_json::from_str::<Hit>(c).ok()) else {
                continue;
            };
            hit.distance_miles = found.distance.map(|d| (d * 10.0).round() / 10.0);
            hit.score = found.score;
            hit.from_description = found.described != 0;
            hits.push(hit);
        }
        Ok(SearchResults {
            total: pass.found.len(),
            page,
            per_page,
            hits,
            facets: facets(query, &pass),
            text_matches: text_matches(&pass.found),
            ..Default::default()
        })
    }
}

/// How many were found only by their own words, for each thing they were found by
/// ("a Changing Places toilet and a hoist"): access features first, then days.
fn text_matches(found: &[Found]) -> Vec<TextMatch> {
    let mut groups: Vec<(u64, usize)> = Vec::new();
    for f in found.iter().filter(|f| f.described != 0) {
        match groups.iter_mut().find(|(bits, _)| *bits == f.described) {
            Some((_, count)) => *count += 1,
            None => groups.push((f.described, 1)),
        }
    }
    groups.sort_by_key(|(bits, _)| *bits);
    groups
        .into_iter()
        .map(|(bits, count)| TextMatch {
            mentions: mentioned(bits),
            count,
        })
        .collect()
}

/// `mentions` bits in words: "a Changing Places toilet and a hoist", "Saturdays or Sundays".
fn mentioned(bits: u64) -> String {
    let mut parts: Vec<String> = AccessFeature::all()
        .iter()
        .filter(|f| bits & mask_of(Dim::Access, &[**f]) != 0)
        .map(|f| f.mention().to_string())
        .collect();
    let days: Vec<String> = Weekday::all()
        .iter()
        .filter(|d| bits & day_bit(**d) != 0)
        .map(|d| format!("{}s", d.label()))
        .collect();
    if !days.is_empty() {
        parts.push(days.join(" or "));
    }
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.concat(),
    }
}

/// Relevance needs words to mean anything; without them, nearest first, or A to Z.
fn effective_order(query: &SearchQuery, scoring: bool, has_place: bool) -> Order {
    match query.order {
        Order::Relevance if !scoring && has_place => Order::Distance,
        Order::Relevance if !scoring => Order::Name,
        Order::Distance if !has_place => Order::Relevance,
        other => other,
    }
}

fn order(found: &mut [Found], order: Order) {
    let distance = |f: &Found| f.distance.unwrap_or(f64::MAX);
    match order {
        Order::Relevance => found.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(distance(a).total_cmp(&distance(b)))
                .then(a.name_key.cmp(&b.name_key))
        }),
        Order::Distance => found.sort_by(|a, b| {
            distance(a)
                .total_cmp(&distance(b))
                .then(b.score.total_cmp(&a.score))
                .then(a.name_key.cmp(&b.name_key))
        }),
        Order::Name => {
            found.sort_by(|a, b| a.name_key.cmp(&b.name_key).then(a.address.cmp(&b.address)))
        }
    }
}

fn group<T: crate::model::Term>(
    param: &str,
    label: &str,
    counts: &[usize],
    chosen: &[T],
) -> FacetGroup {
    FacetGroup {
        param: param.into(),
        label: label.into(),
        values: T::all()
            .iter()
            .zip(counts)
            .map(|(t, &count)| FacetValue {
                value: t.slug().into(),
                label: t.label().into(),
                count,
                selected: chosen.contains(t),
            })
            .collect(),
    }
}

/// The filters and their counts, in the order people think of them.
fn facets(q: &SearchQuery, pass: &Pass) -> Vec<FacetGroup> {
    let dim = |d: Dim| &pass.dim_counts[Dim::ALL.iter().position(|x| *x == d).unwrap_or(0)];
    let mut towns: Vec<FacetValue> = pass
        .town_counts
        .iter()
        .map(|(name, &count)| FacetValue {
            value: name.clone(),
            label: name.clone(),
            count,
            selected: q.towns.iter().any(|t| t.eq_ignore_ascii_case(name)),
        })
        .collect();
    for t in &q.towns {
        if !towns.iter().any(|v| v.value.eq_ignore_ascii_case(t)) {
            towns.push(FacetValue {
                value: t.clone(),
                label: t.clone(),
                count: 0,
                selected: true,
            });
        }
    }
    towns.sort_by(|a, b| a.label.cmp(&b.label));
    vec![
        group::<Need>("need", Dim::Need.label(), dim(Dim::Need), &q.needs),
        FacetGroup {
            param: "age".into(),
            label: "Age".into(),
            values: vec![FacetValue {
                value: crate::query::events::young_adults_param(),
                label: "Young adults (16 to 25)".into(),
                count: pass.young_adult_count,
                selected: q.young_adults,
            }],
        },
        group::<Weekday>("day", "Days", &pass.day_counts, &q.days),
        group::<DayPart>("time", "Time of day", &pass.part_counts, &q.parts),
        group::<Kind>("kind", Dim::Kind.label(), dim(Dim::Kind), &q.kinds),
        group::<CostKind>("cost", Dim::Cost.label(), dim(Dim::Cost), &q.costs),
        FacetGroup {
            param: "town".into(),
            label: "Town".into(),
            values: towns,
        },
        group::<AccessFeature>("access", Dim::Access.label(), dim(Dim::Access), &q.access),
        group::<Tier>("tier", Dim::Tier.label(), dim(Dim::Tier), &q.tiers),
        group::<VacancyStatus>(
            "vacancy",
            Dim::Vacancy.label(),
            dim(Dim::Vacancy),
            &q.vacancy,
        ),
    ]
}
