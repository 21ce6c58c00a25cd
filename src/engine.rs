//! The directory as the server uses it: the store (the truth), the search index derived
//! from it, and the gazetteer of places, behind one handle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use jiff::civil::{Date, DateTime};

use serde::{Deserialize, Serialize};

use crate::accounts::AccountStore;
use crate::error::{Error, Result};
use crate::model::{Directory, Event, EventListing, Listing, Organisation, Service, Term};
use crate::moderation::ModerationStore;
use crate::places::{Gazetteer, PlaceError};
use crate::query::{EventQuery, PlaceFound, PlaceNotice, SearchQuery, SearchResults};
use crate::search::{PlaceNames, SearchIndex, understand};
use crate::store::{
    ChangeKind, FeedsStore, MergeCounts, OutboxStore, PlacesStore, SqliteStore, Store,
};

mod health;
mod near;
mod places;

pub use health::IndexHealth;
pub use places::{NamesImported, PlacesImported, import_place_names, import_places};

/// Counts for `stats --json` and the about page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Stats {
    pub services: usize,
    pub providers: usize,
    pub towns: usize,
    /// Services per support need, by need slug.
    pub by_need: BTreeMap<String, usize>,
}

/// The open directory: store, index and places.
pub struct Engine {
    store: Arc<dyn Store>,
    /// Editors' accounts and sessions: in the same database, behind their own seam.
    accounts: Arc<dyn AccountStore>,
    /// Proposed changes, the audit log and problem reports: the same database again.
    pub(crate) moderation: Arc<dyn ModerationStore>,
    /// The keys of problem reporters' client hashes, in memory only.
    pub(crate) report_keys: crate::moderation::ClientKeys,
    /// Counts of searches for the commissioners' reports (see `crate::insight`).
    pub(crate) insight: crate::insight::Recorder,
    index: SearchIndex,
    /// The gazetteer, reloaded when a places import lands (see `engine/places.rs`).
    places: places::Places,
    /// Postcodes imported from open data (`places import`): the same database again.
    places_store: Arc<dyn PlacesStore>,
    /// The feeds the directory follows (`feeds add`): the same database again.
    feeds: Arc<dyn FeedsStore>,
    /// Email waiting to be sent (`crate::outbox`): the same database again.
    outbox: Arc<dyn OutboxStore>,
    /// Enquiries to providers (`crate::enquiries`): the same database again.
    enquiries: Arc<dyn crate::store::EnquiryStore>,
    reviews: Arc<dyn crate::store::ReviewStore>,
    password_links: Arc<dyn crate::store::PasswordLinkStore>,
    claims: Arc<dyn crate::store::ClaimStore>,
    /// The council's review cycle, once the server has read its profile: whether search
    /// hides overdue listings.
    review_rules: std::sync::OnceLock<crate::reviews::ReviewSettings>,
    /// How far into the store's change log the index is; held while catching up, so
    /// two catch-ups never interleave.
    indexed: Mutex<Option<u64>>,
    /// The same, readable while a catch-up holds the lock (readiness, metrics).
    progress: health::IndexProgress,
    data_dir: Option<PathBuf>,
    /// Every event with its place, service and provider resolved, soonest first. Built
    /// from the store on first use and dropped on every write through this engine.
    /// (Events are few, but resolving them reads the whole directory: see docs/events.md.)
    events: RwLock<Option<Arc<Vec<EventListing>>>>,
}

/// Beyond this many changes, rebuilding is quicker than replaying them one by one.
const REPLAY_LIMIT: usize = 5_000;

/// Everything an engine keeps in its store: the directory, accounts, moderation,
/// insight, places, followed feeds and the email outbox. Both backends are all of them.
pub trait EngineStore:
    Store
    + AccountStore
    + ModerationStore
    + crate::store::insight::InsightStore
    + PlacesStore
    + FeedsStore
    + OutboxStore
    + crate::store::EnquiryStore
    + crate::store::ReviewStore
    + crate::store::PasswordLinkStore
    + crate::store::ClaimStore
    + 'static
{
}

impl<S> EngineStore for S where
    S: Store
        + AccountStore
        + ModerationStore
        + crate::store::insight::InsightStore
        + PlacesStore
        + FeedsStore
        + OutboxStore
        + crate::store::EnquiryStore
        + crate::store::ReviewStore
        + crate::store::PasswordLinkStore
        + crate::store::ClaimStore
        + 'static
{
}

impl Engine {
    /// Opens (or creates) the embedded store and its index in `data_dir`, bringing the
    /// index up to date with the store.
    pub fn open(data_dir: &Path) -> Result<Engine> {
        std::fs::create_dir_all(data_dir)?;
        let store = SqliteStore::open(&data_dir.join("dayfinder.sqlite3"))?;
        Engine::open_with(store, data_dir)
    }

    /// An engine over any store, with its search index on disk in `data_dir/index`: how
    /// a site node runs on a shared PostgreSQL store (each node keeps its own index).
    pub fn open_with<S: EngineStore>(store: S, data_dir: &Path) -> Result<Engine> {
        std::fs::create_dir_all(data_dir)?;
        let store = Arc::new(store);
        let (index, indexed) = SearchIndex::open(&data_dir.join("index"))?;
        let engine = Engine {
            store: store.clone(),
            accounts: store.clone(),
            moderation: store.clone(),
            report_keys: Default::default(),
            insight: crate::insight::Recorder::new(store.clone()),
            index,
            places: places::Places::open(store.as_ref(), store.as_ref())?,
            places_store: store.clone(),
            feeds: store.clone(),
            outbox: store.clone(),
            enquiries: store.clone(),
            reviews: store.clone(),
            password_links: store.clone(),
            claims: store,
            review_rules: Default::default(),
            indexed: Mutex::new(indexed),
            progress: health::IndexProgress::new(indexed),
            data_dir: Some(data_dir.to_path_buf()),
            events: RwLock::new(None),
        };
        engine.catch_up()?;
        Ok(engine)
    }

    /// An engine over any store (of the directory and of accounts), with its index in
    /// memory (tests, other backends).
    pub fn with_store<S: EngineStore>(store: S) -> Result<Engine> {
        let store = Arc::new(store);
        let engine = Engine {
            store: store.clone(),
            accounts: store.clone(),
            moderation: store.clone(),
            report_keys: Default::default(),
            insight: crate::insight::Recorder::new(store.clone()),
            index: SearchIndex::in_memory()?,
            places: places::Places::open(store.as_ref(), store.as_ref())?,
            places_store: store.clone(),
            feeds: store.clone(),
            outbox: store.clone(),
            enquiries: store.clone(),
            reviews: store.clone(),
            password_links: store.clone(),
            claims: store,
            review_rules: Default::default(),
            indexed: Mutex::new(None),
            progress: health::IndexProgress::new(None),
            data_dir: None,
            events: RwLock::new(None),
        };
        engine.catch_up()?;
        Ok(engine)
    }

    /// An engine holding this directory, entirely in memory.
    pub fn in_memory(directory: &Directory) -> Result<Engine> {
        let engine = Engine::with_store(SqliteStore::in_memory()?)?;
        engine.import(directory)?;
        Ok(engine)
    }

    /// The feeds the directory follows, and when each is due (see `crate::feeds`).
    pub fn feeds(&self) -> &dyn FeedsStore {
        self.feeds.as_ref()
    }

    /// Email waiting to be sent, and how sending went (see `crate::outbox`).
    pub fn outbox(&self) -> &dyn OutboxStore {
        self.outbox.as_ref()
    }

    /// Enquiries as the store keeps them (the workflow is `Engine::enquiries`).
    pub(crate) fn enquiry_store(&self) -> &dyn crate::store::EnquiryStore {
        self.enquiries.as_ref()
    }

    /// Follows the council's review cycle in search (hiding overdue listings if it says
    /// so). Set once, when the server starts; later calls change nothing.
    pub fn follow_review_rules(&self, rules: crate::reviews::ReviewSettings) {
        let _ = self.review_rules.set(rules);
    }

    /// The oldest confirmation a listing in search may have today, when the council
    /// hides overdue listings.
    pub(crate) fn hidden_before(&self) -> Option<Date> {
        self.review_rules
            .get()
            .and_then(|rules| rules.oldest_shown(uk_today()))
    }

    /// Claims to keep a provider's listings (the workflow is `Engine::claims`).
    pub(crate) fn claim_store(&self) -> &dyn crate::store::ClaimStore {
        self.claims.as_ref()
    }

    /// Links to set a forgotten password (the workflow is `Engine::password_resets`).
    pub(crate) fn password_link_store(&self) -> &dyn crate::store::PasswordLinkStore {
        self.password_links.as_ref()
    }

    /// The review cycle as the store keeps it (the workflow is `Engine::reviews`).
    pub(crate) fn review_store(&self) -> &dyn crate::store::ReviewStore {
        self.reviews.as_ref()
    }

    /// The account store, for workflows that write to editors.
    pub fn account_store(&self) -> &dyn AccountStore {
        self.accounts.as_ref()
    }

    /// Editors' accounts, sessions and sign-ins (see `crate::accounts`).
    pub fn accounts(&self) -> crate::accounts::Accounts<'_> {
        crate::accounts::Accounts::new(self.accounts.as_ref())
    }

    /// Where the store and index live, for an engine opened on disk.
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// Where places are: the imported area's, or the built-in ones. A handle to the
    /// gazetteer of this moment; a places import made meanwhile swaps in a new one.
    pub fn places(&self) -> Arc<Gazetteer> {
        self.places.current()
    }

    /// Brings the index up to the store's latest change: replays the change log, or
    /// rebuilds from the store when the index is new, far behind, or the directory was
    /// replaced. Returns how many services were (re)indexed.
    pub fn catch_up(&self) -> Result<usize> {
        let mut indexed = self.indexed.lock().unwrap_or_else(|e| e.into_inner());
        // A places import (from the command line, or another node) is followed as the
        // directory's changes are: one read of its version, each time.
        self.follow_places()?;
        let head = self.store.head()?;
        if *indexed == Some(head) {
            return Ok(0);
        }
        let changes = match *indexed {
            Some(seq) if seq < head => self.store.changes_since(seq)?,
            _ => Vec::new(),
        };
        let replayable = indexed.is_some_and(|seq| seq < head)
            && changes.len() <= REPLAY_LIMIT
            && !changes.iter().any(|c| c.kind == ChangeKind::Replaced);
        let n = if replayable {
            let mut upserts = BTreeSet::new();
            let mut deletes = BTreeSet::new();
            for change in &changes {
                match &change.kind {
                    ChangeKind::Upserted(id) => {
                        deletes.remove(id);
                        upserts.insert(id.clone());
                    }
                    ChangeKind::Deleted(id) => {
                        upserts.remove(id);
                        deletes.insert(id.clone());
                    }
                    ChangeKind::Replaced => {}
                }
            }
            let ids: Vec<String> = upserts.into_iter().collect();
            let listings = self.store.listings(&ids)?;
            let deletes: Vec<String> = deletes.into_iter().collect();
            self.index.apply(&listings, &deletes, head)?;
            self.follow_towns(&listings)?;
            listings.len() + deletes.len()
        } else {
            let _rebuilding = self.progress.rebuilding();
            let directory = self.store.directory()?;
            let listings = listings_of(&directory);
            let n = self.index.rebuild(&listings, head)?;
            self.refresh_towns(&directory)?;
            n
        };
        // How a node caught up, for its log (a restarted node replays; it does not rebuild).
        tracing::debug!(
            from = ?*indexed,
            to = head,
            services = n,
            how = if replayable { "replayed" } else { "rebuilt" },
            "the index caught up with the store"
        );
        *indexed = Some(head);
        self.progress.set_indexed(*indexed);
        // The change may have come from another process (a restore, another node): the
        // resolved events may name what it changed.
        self.forget_events();
        Ok(n)
    }

    /// News of changes other processes write to the store, where the store can give it
    /// (PostgreSQL); `None`: poll `catch_up` (see `Store::change_feed`).
    pub fn change_feed(&self) -> Result<Option<Box<dyn crate::store::ChangeFeed>>> {
        Ok(self.store.change_feed()?)
    }

    /// Answers a search. Never fails on what a person typed: an unknown place comes back
    /// as a notice with suggestions, and the rest of the search still runs.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        let mut query = query.clone();
        let understood = understand(&mut query, self);
        let mut place = None;
        let mut place_notice = None;
        if let Some(typed) = query.place.clone() {
            match self.places().resolve(&typed) {
                Ok(found) => {
                    place = Some(PlaceFound {
                        name: found.name,
                        latitude: found.latitude,
                        longitude: found.longitude,
                    })
                }
                Err(PlaceError::Empty) => query.place = None,
                Err(e @ PlaceError::NotFound { .. }) => {
                    let suggestions = e.suggestions().to_vec();
                    place_notice = Some(PlaceNotice {
                        input: typed,
                        message: e.to_string(),
                        suggestions,
                    });
                    query.place = None;
                }
            }
        }
        let centre = place.as_ref().map(|p| (p.latitude, p.longitude));
        let mut results =
            self.index
                .search(&query, &name_hints(&query), centre, self.hidden_before())?;
        results.place = place;
        results.place_notice = place_notice;
        if !understood.said.is_empty() {
            results.interpreted = Some(query);
        }
        results.understood = understood.said;
        Ok(results)
    }

    /// One listing with its organisation and location.
    pub fn listing(&self, id: &str) -> Result<Option<Listing>> {
        Ok(self.store.listing(id)?)
    }

    /// Listings by id, in the order asked, leaving out ids with no service: one read of
    /// the store for them all (a page of the API), not one each.
    pub fn listings(&self, ids: &[String]) -> Result<Vec<Listing>> {
        Ok(self.store.listings(ids)?)
    }

    /// One organisation and its services, read without the rest of the directory.
    pub fn organisation_services(
        &self,
        organisation_id: &str,
    ) -> Result<Option<(Organisation, Vec<Service>)>> {
        Ok(self.store.organisation_services(organisation_id)?)
    }

    /// Replaces the whole directory in one transaction, then rebuilds the index.
    pub fn import(&self, directory: &Directory) -> Result<()> {
        if let Some(problem) = directory.problems().into_iter().next() {
            return Err(Error::Invalid(problem.to_string()));
        }
        self.store.replace_all(directory)?;
        self.forget_events();
        self.catch_up()?;
        Ok(())
    }

    /// Adds or updates the records of `directory` by id, in one transaction, keeping
    /// everything else (an import). References must resolve against the directory given
    /// plus what is stored; the index is brought up to date before this returns.
    pub fn merge(&self, directory: &Directory) -> Result<MergeCounts> {
        let mut combined = self.store.directory()?;
        merge_by_id(&mut combined.organisations, &directory.organisations, |o| {
            o.id.as_str()
        });
        merge_by_id(&mut combined.locations, &directory.locations, |l| {
            l.id.as_str()
        });
        merge_by_id(&mut combined.services, &directory.services, |s| {
            s.id.as_str()
        });
        merge_by_id(&mut combined.events, &directory.events, |e| e.id.as_str());
        if let Some(problem) = combined.problems().into_iter().next() {
            return Err(Error::Invalid(problem.to_string()));
        }
        let counts = self.store.merge(directory)?;
        self.forget_events();
        self.catch_up()?;
        Ok(counts)
    }

    /// Applies a good read of a feed (see [`FeedsStore::apply_feed_read`]): merged,
    /// withdrawn and restored in one transaction, and searchable when this returns.
    pub fn apply_feed_read(
        &self,
        delta: &Directory,
        read: &crate::feeds::FeedRead,
    ) -> Result<(MergeCounts, crate::feeds::FeedApplied)> {
        let applied = self.feeds.apply_feed_read(delta, read)?;
        self.forget_events();
        self.catch_up()?;
        Ok(applied)
    }

    /// Saves one service; it is searchable when this returns.
    pub fn save_service(&self, service: &Service) -> Result<()> {
        self.store.save_service(service)?;
        self.forget_events();
        self.catch_up()?;
        Ok(())
    }

    /// Removes one service from the store and from search.
    pub fn delete_service(&self, id: &str) -> Result<()> {
        self.store.delete_service(id)?;
        self.forget_events();
        self.catch_up()?;
        Ok(())
    }

    /// Whether the store holds no services yet.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.store.service_count()? == 0)
    }

    /// Rebuilds the search index from the store; returns how many services it indexed.
    pub fn reindex(&self) -> Result<usize> {
        *self.indexed.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.progress.set_indexed(None);
        self.catch_up()
    }

    /// How many services the index holds (equal to the store's count when in step).
    pub fn indexed_count(&self) -> u64 {
        self.index.len()
    }

    /// The whole directory, as stored.
    pub fn directory(&self) -> Result<Directory> {
        Ok(self.store.directory()?)
    }

    /// Counts of the whole directory, from the index (cheap at any size) and the store.
    pub fn stats(&self) -> Result<Stats> {
        let everything = self.index.search(&SearchQuery::text(""), &[], None, None)?;
        let facet = |param: &str| {
            everything
                .facets
                .iter()
                .find(|g| g.param == param)
                .map(|g| g.values.as_slice())
                .unwrap_or(&[])
        };
        let by_need = facet("need")
            .iter()
            .map(|v| (v.value.clone(), v.count))
            .collect();
        // Services without a building are counted under "Online" and "At home", not towns.
        let towns = facet("town")
            .iter()
            .filter(|v| v.count > 0 && v.value != "Online" && v.value != "At home")
            .count();
        Ok(Stats {
            services: everything.total,
            providers: self.store.provider_count()?,
            towns,
            by_need,
        })
    }

    /// Where the data comes from ("Sample data: ..."), for the site's notice.
    pub fn source(&self) -> Result<String> {
        Ok(self.store.source()?)
    }
}

/// Open days and events.
impl Engine {
    /// Every event, past and future, resolved, soonest first.
    pub fn all_events(&self) -> Result<Arc<Vec<EventListing>>> {
        if let Some(events) = self
            .events
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            return Ok(events.clone());
        }
        let resolved = Arc::new(resolve_events(&self.store.directory()?));
        *self.events.write().unwrap_or_else(|e| e.into_inner()) = Some(resolved.clone());
        Ok(resolved)
    }

    /// Events that match `query` and have not finished by `now` (UK local time),
    /// soonest first.
    pub fn events_after(&self, query: &EventQuery, now: DateTime) -> Result<Vec<EventListing>> {
        Ok(self
            .all_events()?
            .iter()
            .filter(|e| e.event.is_upcoming(now) && query.matches(e))
            .cloned()
            .collect())
    }

    /// Events that match `query` and are still to come.
    pub fn upcoming_events(&self, query: &EventQuery) -> Result<Vec<EventListing>> {
        self.events_after(query, uk_now())
    }

    /// One event by its id, past or future.
    pub fn event(&self, id: &str) -> Result<Option<EventListing>> {
        Ok(self
            .all_events()?
            .iter()
            .find(|e| e.event.id == id)
            .cloned())
    }

    /// The upcoming events a listing's page shows: the service's own, and its provider's
    /// that belong to no particular service.
    pub fn listing_events(&self, service_id: &str) -> Result<Vec<EventListing>> {
        let Some(listing) = self.store.listing(service_id)? else {
            return Ok(Vec::new());
        };
        let now = uk_now();
        Ok(self
            .all_events()?
            .iter()
            .filter(|e| e.event.is_upcoming(now))
            .filter(|e| match &e.event.service_id {
                Some(id) => id == service_id,
                None => e.organisation_id() == Some(listing.organisation.id.as_str()),
            })
            .cloned()
            .collect())
    }

    /// Re-dates the sample directory's events from `today` (see `sample::events`); does
    /// nothing to any other directory. Returns whether anything changed.
    pub fn refresh_sample_events(&self, today: Date) -> Result<bool> {
        let stored = self.store.directory()?;
        match crate::sample::events::refresh(&stored, today) {
            Some(events) => {
                self.merge(&events)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    fn forget_events(&self) {
        *self.events.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// After a write through another seam than `Store` (editors' changes): forget the
    /// resolved events and bring the index up to the store, so the change is searchable.
    pub(crate) fn after_write(&self) -> Result<()> {
        self.forget_events();
        self.catch_up()?;
        Ok(())
    }
}

/// The time zone the directory's local times are in.
pub(crate) fn uk_time_zone() -> jiff::tz::TimeZone {
    // The zone database is bundled (jiff's `tzdb-bundle-always`), so this is always found.
    jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC)
}

/// The time now in the UK, as the directory writes times.
pub fn uk_now() -> DateTime {
    jiff::Timestamp::now().to_zoned(uk_time_zone()).datetime()
}

/// Today's date in the UK.
pub fn uk_today() -> Date {
    uk_now().date()
}

/// The date in the UK at an instant.
pub fn uk_date(at: jiff::Timestamp) -> Date {
    at.to_zoned(uk_time_zone()).date()
}

/// A UK local time as an instant (for calendars). A time that falls in the hour the
/// clocks skip is moved forward, as people would.
pub fn uk_instant(local: DateTime) -> Result<jiff::Timestamp> {
    local
        .to_zoned(uk_time_zone())
        .map(|z| z.timestamp())
        .map_err(|e| Error::Invalid(format!("{local} is not a time in the UK: {e}")))
}

/// Events joined to what they refer to, soonest first.
pub fn resolve_events(directory: &Directory) -> Vec<EventListing> {
    let orgs: BTreeMap<&str, _> = directory
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let locations: BTreeMap<&str, _> = directory
        .locations
        .iter()
        .map(|l| (l.id.as_str(), l))
        .collect();
    let services: BTreeMap<&str, _> = directory
        .services
        .iter()
        .map(|s| (s.id.as_str(), s))
        .collect();
    let mut out: Vec<EventListing> = directory
        .events
        .iter()
        .map(|e: &Event| {
            let mut event = e.clone();
            if let Some(l) = event
                .place
                .location_id
                .as_deref()
                .and_then(|id| locations.get(id))
            {
                let place = &mut event.place;
                if place.name.is_empty() {
                    place.name = l.name.clone();
                }
                if place.address.is_empty() {
                    place.address = l.address.clone();
                }
                if place.postcode.is_empty() {
                    place.postcode = l.postcode.clone();
                }
                if place.town.is_empty() {
                    place.town = l.town.clone();
                }
            }
            let service = event.service_id.as_deref().and_then(|id| services.get(id));
            let organisation = event
                .organisation_id
                .as_deref()
                .or(service.map(|s| s.organisation_id.as_str()))
                .and_then(|id| orgs.get(id))
                .map(|o| (*o).clone());
            EventListing {
                service: service.map(|s| (s.id.clone(), s.name.clone())),
                organisation,
                event,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.event
            .start
            .cmp(&b.event.start)
            .then_with(|| a.event.id.cmp(&b.event.id))
    });
    out
}

impl PlaceNames for Engine {
    fn town(&self, words: &str) -> Option<String> {
        self.places().town(words).map(|t| t.name.to_string())
    }

    fn is_outcode(&self, code: &str) -> bool {
        self.places().outcode(code).is_some()
    }
}

/// Words that rank a listing higher when its name has them: the days, times and towns
/// asked for ("Crewe Saturday Memory Club" for Saturdays near Crewe). Taken from the
/// filters, so a search rerun from its URL ranks the same.
fn name_hints(query: &SearchQuery) -> Vec<String> {
    let mut hints: Vec<String> = query.days.iter().map(|d| d.slug().to_string()).collect();
    hints.extend(query.parts.iter().map(|p| p.slug().to_string()));
    hints.extend(query.towns.iter().cloned());
    hints.extend(
        query
            .place
            .iter()
            .filter(|p| !p.chars().any(|c| c.is_ascii_digit()))
            .cloned(),
    );
    hints
}

fn merge_by_id<T: Clone>(stored: &mut Vec<T>, incoming: &[T], id: impl Fn(&T) -> &str) {
    let mut at: BTreeMap<String, usize> = stored
        .iter()
        .enumerate()
        .map(|(i, t)| (id(t).to_string(), i))
        .collect();
    for t in incoming {
        match at.get(id(t)) {
            Some(&i) => stored[i] = t.clone(),
            None => {
                at.insert(id(t).to_string(), stored.len());
                stored.push(t.clone());
            }
        }
    }
}

/// Every service of a directory joined to its organisation and location.
pub fn listings_of(directory: &Directory) -> Vec<Listing> {
    let orgs: BTreeMap<&str, _> = directory
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let locations: BTreeMap<&str, _> = directory
        .locations
        .iter()
        .map(|l| (l.id.as_str(), l))
        .collect();
    directory
        .services
        .iter()
        .filter_map(|s| {
            let organisation = (*orgs.get(s.organisation_id.as_str())?).clone();
            let location = s
                .location_id
                .as_deref()
                .and_then(|id| locations.get(id))
                .map(|l| (*l).clone());
            Some(Listing {
                service: s.clone(),
                organisation,
                location,
            })
        })
        .collect()
}
