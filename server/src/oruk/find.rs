//! Finding the services a request asks for. The filters the search index knows (words,
//! needs, kinds, tiers, towns, days, an age...) go to `Engine::search`, which also pages;
//! the rest (organisation, modified since, opening hours, age ranges, taxonomy terms,
//! distance) are checks on the listings the search found. With no such checks a request
//! reads one page of the index and loads only that page's listings.

use std::collections::HashMap;

use dayfinder::Engine;
use dayfinder::engine::listings_of;
use dayfinder::model::{Listing, Term};
use dayfinder::oruk::vocab::{self, TermRef, Vocabulary};
use dayfinder::oruk::{AgeRange, ModifiedSince, SessionWindow, ids};
use dayfinder::places::distance_miles;
use dayfinder::query::{Order, SearchQuery, SearchResults};

use super::error::ApiError;
use super::params::{Paging, SEARCH_BATCH, ServiceFilters};

const METRES_PER_MILE: f64 = 1609.344;
/// The search engine reads at most this many pages of `SEARCH_BATCH`.
const SEARCH_PAGES: usize = 10_000;

/// A point to measure from, and how far from it counts (metres), if limited.
#[derive(Debug, Clone, Copy)]
pub struct Near {
    pub latitude: f64,
    pub longitude: f64,
    pub within_metres: Option<f64>,
}

/// One check the index cannot make.
#[derive(Debug, Clone)]
enum Check {
    AnyTerm(Vec<TermRef>),
    Taxonomy(Option<Vocabulary>),
    Organization(String),
    Modified(ModifiedSince),
    Window(SessionWindow),
    Ages(AgeRange),
    HasLocation,
    Within(Near),
}

impl Check {
    fn admits(&self, l: &Listing) -> bool {
        match self {
            Check::AnyTerm(terms) => terms.iter().any(|&t| vocab::has_term(l, t)),
            Check::Taxonomy(None) => false,
            Check::Taxonomy(Some(v)) => vocab::service_terms(l)
                .iter()
                .chain(&vocab::access_terms(l))
                .any(|t| t.vocabulary == *v),
            Check::Organization(id) => {
                let slug = &l.service.organisation_id;
                slug == id.trim()
                    || ids::parse(id).is_some_and(|uuid| ids::organization(slug) == uuid)
            }
            Check::Modified(since) => since.admits(&l.service),
            Check::Window(window) => window.admits(&l.service),
            Check::Ages(ages) => ages.admits(&l.service.eligibility),
            Check::HasLocation => l.location.is_some(),
            Check::Within(near) => match (near.within_metres, metres_from(near, l)) {
                (Some(limit), Some(d)) => d <= limit,
                (None, _) => true,
                (Some(_), None) => false,
            },
        }
    }
}

fn metres_from(near: &Near, l: &Listing) -> Option<f64> {
    let place = l.location.as_ref()?;
    Some(
        distance_miles(
            (near.latitude, near.longitude),
            (place.latitude, place.longitude),
        ) * METRES_PER_MILE,
    )
}

/// Splits filters into the search the index runs and the checks left for afterwards.
fn plan(
    filters: &ServiceFilters,
    places: &dayfinder::places::Gazetteer,
) -> (SearchQuery, Vec<Check>) {
    let mut query = SearchQuery::text(filters.text.clone());
    let mut checks = Vec::new();
    query.needs = filters.needs.clone();
    query.kinds = filters.kinds.clone();
    query.tiers = filters.tiers.clone();
    query.vacancy = filters.vacancy.clone();
    query.costs = filters.costs.clone();
    query.access = filters.access.clone();
    query.towns = filters
        .towns
        .iter()
        .map(|t| {
            places
                .town(t)
                .map_or_else(|| t.clone(), |town| town.name.to_string())
        })
        .collect();
    // Days alone are the index's day filter; with hours, the same session must match both.
    query.days = filters.window.days.clone();
    if filters.window.start.is_some() || filters.window.end.is_some() {
        checks.push(Check::Window(filters.window.clone()));
    }
    match filters.ages.single_age() {
        Some(age) => query.age = Some(age),
        None if !filters.ages.is_open() => checks.push(Check::Ages(filters.ages)),
        None => {}
    }
    if let Some(terms) = &filters.terms {
        push_terms(&mut query, &mut checks, terms);
    }
    if let Some(taxonomy) = filters.taxonomy {
        checks.push(Check::Taxonomy(taxonomy));
    }
    if let Some(org) = &filters.organization {
        checks.push(Check::Organization(org.clone()));
    }
    if let Some(since) = filters.modified {
        checks.push(Check::Modified(since));
    }
    (query, checks)
}

/// Terms of one vocabulary the index filters on, not already filtered, go to the index
/// (any of them); anything else is a check.
fn push_terms(query: &mut SearchQuery, checks: &mut Vec<Check>, terms: &[TermRef]) {
    fn slugs<T: Term>(terms: &[TermRef]) -> Vec<T> {
        terms.iter().filter_map(|t| T::from_slug(t.slug)).collect()
    }
    let one_vocabulary = terms
        .first()
        .map(|t| t.vocabulary)
        .filter(|v| terms.iter().all(|t| t.vocabulary == *v));
    let pushed = match one_vocabulary {
        Some(Vocabulary::Need) if query.needs.is_empty() => {
            query.needs = slugs(terms);
            true
        }
        Some(Vocabulary::Kind) if query.kinds.is_empty() => {
            query.kinds = slugs(terms);
            true
        }
        Some(Vocabulary::Tier) if query.tiers.is_empty() => {
            query.tiers = slugs(terms);
            true
        }
        Some(Vocabulary::Vacancy) if query.vacancy.is_empty() => {
            query.vacancy = slugs(terms);
            true
        }
        Some(Vocabulary::Cost) if query.costs.is_empty() => {
            query.costs = slugs(terms);
            true
        }
        // Access features must all be present in the index, so only one can go there.
        Some(Vocabulary::Access) if terms.len() == 1 && query.access.is_empty() => {
            query.access = slugs(terms);
            true
        }
        _ => false,
    };
    if !pushed {
        checks.push(Check::AnyTerm(terms.to_vec()));
    }
}

/// One page of the services matching `filters`, and how many match in all. With `near`,
/// only services with a location, nearest first.
pub fn services(
    engine: &Engine,
    filters: &ServiceFilters,
    paging: Paging,
    near: Option<Near>,
    with_location: bool,
) -> Result<(usize, Vec<Listing>), ApiError> {
    let (query, mut checks) = plan(filters, &engine.places());
    // Within a distance of a point: the index measures it in its pass, nearest first.
    if let Some(Near {
        latitude,
        longitude,
        within_metres: Some(limit),
    }) = near
        && checks.is_empty()
    {
        let mut around = query.clone();
        around.order = Order::Distance;
        let centre = (latitude, longitude);
        let radius = limit / METRES_PER_MILE;
        let search = |q: &SearchQuery| Ok(engine.search_around(q, centre, radius)?);
        if let Some((total, ids)) =
            ids_in_range_by(search, &around, paging.offset(), paging.per_page)?
        {
            return Ok((total, listings_of_ids(engine, ids)?));
        }
    }
    if with_location {
        checks.push(Check::HasLocation);
    }
    if let Some(near) = near {
        checks.push(Check::Within(near));
    }
    if checks.is_empty() && near.is_none() {
        let (total, ids) = ids_in_range(engine, &query, paging.offset(), paging.per_page)?;
        return Ok((total, listings_of_ids(engine, ids)?));
    }

    let (_, ids) = ids_in_range(engine, &query, 0, usize::MAX)?;
    let directory = engine.directory()?;
    let mut by_id: HashMap<String, Listing> = listings_of(&directory)
        .into_iter()
        .map(|l| (l.service.id.clone(), l))
        .collect();
    let mut matched: Vec<Listing> = ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .filter(|l| checks.iter().all(|c| c.admits(l)))
        .collect();
    if let Some(near) = near {
        let far = |l: &Listing| metres_from(&near, l).unwrap_or(f64::MAX);
        matched.sort_by(|a, b| far(a).total_cmp(&far(b)));
    }
    let total = matched.len();
    let page = matched
        .into_iter()
        .skip(paging.offset())
        .take(paging.per_page)
        .collect();
    Ok((total, page))
}

fn listings_of_ids(engine: &Engine, ids: Vec<String>) -> Result<Vec<Listing>, ApiError> {
    Ok(engine.listings(&ids)?)
}

/// The ids of results `offset..offset + count` of a search, in its order, and the total.
fn ids_in_range(
    engine: &Engine,
    query: &SearchQuery,
    offset: usize,
    count: usize,
) -> Result<(usize, Vec<String>), ApiError> {
    let search = |q: &SearchQuery| Ok(Some(engine.search(q)?));
    Ok(ids_in_range_by(search, query, offset, count)?.unwrap_or_default())
}

/// As `ids_in_range`, with any search; `None` if the search declines.
fn ids_in_range_by(
    search: impl Fn(&SearchQuery) -> Result<Option<SearchResults>, ApiError>,
    query: &SearchQuery,
    offset: usize,
    count: usize,
) -> Result<Option<(usize, Vec<String>)>, ApiError> {
    let mut query = query.clone();
    query.per_page = SEARCH_BATCH;
    let mut page = offset / SEARCH_BATCH + 1;
    let mut skip = offset % SEARCH_BATCH;
    if page > SEARCH_PAGES {
        query.page = 1;
        return Ok(search(&query)?.map(|r| (r.total, Vec::new())));
    }
    let mut ids = Vec::new();
    loop {
        query.page = page;
        let Some(results) = search(&query)? else {
            return Ok(None);
        };
        let read = results.hits.len();
        let wanted = count - ids.len();
        ids.extend(
            results
                .hits
                .into_iter()
                .skip(skip)
                .take(wanted)
                .map(|h| h.id),
        );
        skip = 0;
        if ids.len() >= count
            || read < SEARCH_BATCH
            || page * SEARCH_BATCH >= results.total
            || page >= SEARCH_PAGES
        {
            return Ok(Some((results.total, ids)));
        }
        page += 1;
    }
}
