//! Server functions: short adapters that take the engine from context, call it off the
//! async threads, and hand back what a page shows. The browser calls them over HTTP after
//! hydration; on the server, pages call them directly while rendering.

use dayfinder::query::FacetValue;
#[cfg(feature = "ssr")]
use dayfinder::query::SearchQuery;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::codec::Postcard;
use crate::error::AppError;
pub use crate::view_models::{ListingSheet, SearchPage};

/// What the home and about pages say about the directory as a whole.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Overview {
    /// Where the data comes from ("Sample data: ...").
    pub source: String,
    pub services: usize,
    pub providers: usize,
    /// Choices to browse by, with how many services each has.
    pub needs: Vec<FacetValue>,
    pub kinds: Vec<FacetValue>,
    pub towns: Vec<FacetValue>,
}

/// Runs the search written in a results page's query string (`q=memory&need=dementia`).
#[server(endpoint = "search", input = Postcard, output = Postcard)]
pub async fn search_services(query_string: String) -> Result<SearchPage, AppError> {
    let engine = crate::ssr::engine()?;
    // Read before the search is awaited, while the request's context is current.
    let council = use_context::<std::sync::Arc<dayfinder::profile::CouncilProfile>>();
    let (query, problems) = crate::urls::parse_search(&query_string);
    let asked = query.clone();
    // Counted for the commissioners' reports (privacy-safe: see dayfinder::insight).
    let results = crate::ssr::blocking("search the directory", move || {
        engine.search_and_count(&asked, dayfinder::insight::SearchedFrom::Results)
    })
    .await?;
    // Show the search as it was run: words the engine read as days, places or ages come
    // back as ticked filters the person can see and remove one by one.
    let query = results.interpreted.clone().unwrap_or(query);
    let problems = problems.into_iter().map(|p| p.message).collect();
    let outside = results
        .place
        .as_ref()
        .and_then(|place| outside_the_area(council.as_deref(), &place.name));
    let mut page = SearchPage::new(&query, problems, results);
    page.outside_area = outside;
    Ok(page)
}

/// "CH1 is outside <the area> ...", for a postcode or outward code that the
/// council's area (its profile's outward codes) does not cover.
#[cfg(feature = "ssr")]
fn outside_the_area(
    profile: Option<&dayfinder::profile::CouncilProfile>,
    place: &str,
) -> Option<String> {
    let profile = profile?;
    let outside = !profile.area.outward_codes.covers(place)?;
    outside.then(|| {
        format!(
            "{place} is outside {}. We only list places in {}, so the nearest of them may still be a long way from {place}.",
            profile.area.name, profile.area.name
        )
    })
}

/// One listing by its id, placed relative to `near` (a town or postcode) when given;
/// `AppError::NotFound` when there is no such listing.
#[server(endpoint = "listing", input = Postcard, output = Postcard)]
pub async fn get_listing(id: String, near: Option<String>) -> Result<ListingSheet, AppError> {
    let engine = crate::ssr::engine()?;
    let (listing, from, managed) = crate::ssr::blocking("read a listing", move || {
        let (listing, from) = match crate::ssr::read_listing(&engine, &id)? {
            Ok(found) => found,
            Err(why) => return Ok(Err(why)),
        };
        let managed = engine.has_provider_editors(&listing.service.organisation_id)?;
        Ok::<_, dayfinder::Error>(Ok((listing, from, managed)))
    })
    .await??;
    let (nearest_town, distance) = crate::ssr::place_listing(&listing, near.as_deref());
    let mut sheet = ListingSheet::new(&listing, nearest_town, distance);
    sheet.managed = managed;
    sheet.from_feed = from.map(|f| {
        format!(
            "This listing comes from the directory at {}. We last read it on {}.",
            f.host, f.read_on
        )
    });
    sheet.share_url = format!("{}/services/{}", crate::ssr::public_origin(), sheet.id);
    Ok(sheet)
}

/// The directory's source line, for the banner and footer of every page.
#[server(endpoint = "source", input = Postcard, output = Postcard)]
pub async fn data_source() -> Result<String, AppError> {
    let engine = crate::ssr::engine()?;
    let council = crate::ssr::council()?;
    crate::ssr::blocking("read the data source", move || {
        Ok(council.data_source(engine.source()?))
    })
    .await
}

/// Counts and browse lists for the home and about pages.
#[server(endpoint = "overview", input = Postcard, output = Postcard)]
pub async fn directory_overview() -> Result<Overview, AppError> {
    let engine = crate::ssr::engine()?;
    let council = crate::ssr::council()?;
    crate::ssr::blocking("summarise the directory", move || {
        let stats = engine.stats()?;
        let everything = engine.search(&SearchQuery::text(""))?;
        let facet = |param: &str| {
            everything
                .facets
                .iter()
                .find(|g| g.param == param)
                .map(|g| g.values.clone())
                .unwrap_or_default()
        };
        Ok(Overview {
            source: council.data_source(engine.source()?),
            services: stats.services,
            providers: stats.providers,
            needs: facet("need"),
            kinds: facet("kind"),
            towns: facet("town"),
        })
    })
    .await
}

/// How up to date the listings are, for the data quality page.
#[server(endpoint = "freshness", input = Postcard, output = Postcard)]
pub async fn directory_freshness() -> Result<crate::view_models::FreshnessSheet, AppError> {
    use crate::view_models::{FreshnessLine, FreshnessSheet};
    let engine = crate::ssr::engine()?;
    let today = dayfinder::engine::uk_today();
    let report = crate::ssr::blocking("count how up to date listings are", move || {
        engine.freshness(today)
    })
    .await?;
    let line = |r: &dayfinder::quality::FreshnessRow| FreshnessLine {
        group: r.group.clone(),
        listings: r.listings,
        within_6_months: r.within_6_months,
        within_12_months: r.within_12_months,
        never_by_provider: r.never_by_provider,
    };
    Ok(FreshnessSheet {
        today: crate::components::format::long_date(today),
        all: line(&report.all),
        by_town: report.by_town.iter().map(line).collect(),
        by_kind: report.by_kind.iter().map(line).collect(),
    })
}
