//! From an ORUK id back to our slug. An ORUK id is a function of the slug (see
//! `dayfinder::oruk::ids`), so a remembered pair is never wrong, only perhaps about a
//! listing since deleted (the store then finds nothing). On a miss the pairs are read
//! again from the directory, so new listings are found too. Our slugs are accepted as ids.

use std::collections::HashMap;
use std::sync::RwLock;

use dayfinder::Engine;
use dayfinder::oruk::ids;

use super::error::ApiError;

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Named {
    Service,
    ServiceAtLocation,
    Organization,
}

/// Remembered ORUK ids of services, services at locations and organisations.
#[derive(Default)]
pub struct Ids {
    slugs: RwLock<HashMap<(Named, String), String>>,
}

impl Ids {
    /// Our slug for an ORUK id (or a slug given as one); blocking.
    pub fn slug(
        &self,
        engine: &Engine,
        named: Named,
        id: &str,
    ) -> Result<Option<String>, ApiError> {
        let Some(uuid) = ids::parse(id) else {
            let slug = id.trim();
            return Ok(dayfinder::model::validate::valid_id(slug).then(|| slug.to_string()));
        };
        let key = (named, uuid);
        if let Some(slug) = self.read().get(&key) {
            return Ok(Some(slug.clone()));
        }
        self.refresh(engine)?;
        Ok(self.read().get(&key).cloned())
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<(Named, String), String>> {
        self.slugs.read().unwrap_or_else(|e| e.into_inner())
    }

    fn refresh(&self, engine: &Engine) -> Result<(), ApiError> {
        let directory = engine.directory()?;
        let mut pairs = HashMap::new();
        for s in &directory.services {
            pairs.insert((Named::Service, ids::service(&s.id)), s.id.clone());
            pairs.insert(
                (Named::ServiceAtLocation, ids::service_at_location(&s.id)),
                s.id.clone(),
            );
        }
        for o in &directory.organisations {
            pairs.insert(
                (Named::Organization, ids::organization(&o.id)),
                o.id.clone(),
            );
        }
        *self.slugs.write().unwrap_or_else(|e| e.into_inner()) = pairs;
        Ok(())
    }
}
