//! `/taxonomies` and `/taxonomy_terms`: our vocabularies, which are part of the program,
//! so these need no store.

use axum::Json;
use axum::extract::Path;
use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::response::Response;
use dayfinder::oruk::objects::{Taxonomy, TaxonomyTerm};
use dayfinder::oruk::{TermRef, Vocabulary, ids, map};

use super::error::ApiError;
use super::params::{Format, Paging, Pairs};

type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Whether every word of `search` is in one of these texts.
fn matches(search: &str, texts: &[&str]) -> bool {
    let text = texts.join(" ").to_lowercase();
    search
        .to_lowercase()
        .split_whitespace()
        .all(|w| text.contains(w))
}

/// Handles `GET /api/v3/taxonomies`.
#[tracing::instrument(skip_all)]
pub async fn list(query: RawQuery) -> Result<Response, ApiError> {
    let pairs = Pairs::from(query?.0);
    let format = Format::parse(&pairs)?;
    let paging = format.paging(Paging::parse(&pairs)?);
    let search = pairs.search();
    let found: Vec<Taxonomy> = Vocabulary::ALL
        .into_iter()
        .filter(|v| matches(&search, &[v.name(), v.description(), v.slug()]))
        .map(|v| map::taxonomy(v, false))
        .collect();
    Ok(format.respond(paging.slice(found)))
}

/// Handles `GET /api/v3/taxonomies/{id}`: with its terms.
#[tracing::instrument(skip_all)]
pub async fn one(Path(id): Path<String>) -> Result<Json<Taxonomy>, ApiError> {
    Vocabulary::find(&id)
        .map(|v| Json(map::taxonomy(v, true)))
        .ok_or_else(|| ApiError::NotFound("There is no taxonomy with that id.".into()))
}

/// Handles `GET /api/v3/taxonomy_terms`: `search`, `taxonomy_id`; all our terms are
/// top-level, so `top_only` changes nothing and any `parent_id` finds none.
#[tracing::instrument(skip_all)]
pub async fn terms(query: RawQuery) -> Result<Response, ApiError> {
    let pairs = Pairs::from(query?.0);
    let format = Format::parse(&pairs)?;
    let paging = format.paging(Paging::parse(&pairs)?);
    pairs.flag("top_only")?;
    let search = pairs.search();
    let taxonomy = match pairs.one("taxonomy_id") {
        None => None,
        Some(id) => match Vocabulary::find(id) {
            Some(v) => Some(Some(v)),
            None if ids::parse(id).is_some() => Some(None),
            None => {
                return Err(ApiError::bad(
                    "taxonomy_id",
                    "must be a taxonomy id from /taxonomies (a UUID)",
                ));
            }
        },
    };
    let has_parent = pairs.one("parent_id").is_some();
    let found: Vec<TaxonomyTerm> = TermRef::all()
        .into_iter()
        .filter(|t| taxonomy.is_none_or(|wanted| wanted == Some(t.vocabulary)))
        .filter(|_| !has_parent)
        .filter(|t| matches(&search, &[t.label, t.slug, &t.aliases.join(" ")]))
        .map(map::taxonomy_term)
        .collect();
    Ok(format.respond(paging.slice(found)))
}

/// Handles `GET /api/v3/taxonomy_terms/{id}`.
#[tracing::instrument(skip_all)]
pub async fn term(Path(id): Path<String>) -> Result<Json<TaxonomyTerm>, ApiError> {
    TermRef::find(&id)
        .map(|t| Json(map::taxonomy_term(t)))
        .ok_or_else(|| ApiError::NotFound("There is no taxonomy term with that id.".into()))
}
