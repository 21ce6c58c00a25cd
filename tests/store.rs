//! The store is the truth: writes are transactional and the index always follows it.

use dayfinder::Engine;
use dayfinder::model::VacancyStatus;
use dayfinder::query::SearchQuery;
use dayfinder::store::{ChangeKind, SqliteStore, Store};

fn sample() -> dayfinder::model::Directory {
    dayfinder::sample::cheshire_east()
}

#[test]
fn a_directory_stored_reads_back_the_same() {
    let store = SqliteStore::in_memory().unwrap();
    let dir = sample();
    store.replace_all(&dir).unwrap();
    let back = store.directory().unwrap();
    assert_eq!(back.services.len(), dir.services.len());
    let id = &dir.services[0].id;
    assert_eq!(store.listing(id).unwrap().unwrap().service, dir.services[0]);
}

#[test]
fn a_directory_with_a_broken_reference_is_refused_and_nothing_changes() {
    let store = SqliteStore::in_memory().unwrap();
    store.replace_all(&sample()).unwrap();
    let before = store.head().unwrap();
    let mut broken = sample();
    broken.services[0].organisation_id = "nobody".into();
    assert!(store.replace_all(&broken).is_err());
    assert_eq!(store.head().unwrap(), before);
    assert_eq!(store.service_count().unwrap(), sample().services.len());
}

#[test]
fn every_write_is_logged_in_order() {
    let store = SqliteStore::in_memory().unwrap();
    store.replace_all(&sample()).unwrap();
    let start = store.head().unwrap();
    let mut s = sample().services[0].clone();
    s.name = "Renamed".into();
    store.save_service(&s).unwrap();
    store.delete_service(&s.id).unwrap();
    let changes = store.changes_since(start).unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0].kind, ChangeKind::Upserted(s.id.clone()));
    assert_eq!(changes[1].kind, ChangeKind::Deleted(s.id.clone()));
    assert!(changes[0].seq < changes[1].seq);
}

#[test]
fn a_saved_change_is_searchable_at_once() {
    let engine = Engine::in_memory(&sample()).unwrap();
    let mut s = engine.directory().unwrap().services[3].clone();
    s.name = "Zebra Crossing Lunch Club".into();
    s.vacancy.status = VacancyStatus::Full;
    engine.save_service(&s).unwrap();
    let r = engine.search(&SearchQuery::text("zebra crossing")).unwrap();
    assert_eq!(r.hits[0].id, s.id);
    assert_eq!(r.hits[0].vacancy, VacancyStatus::Full);
    engine.delete_service(&s.id).unwrap();
    assert!(
        engine
            .search(&SearchQuery::text("zebra crossing"))
            .unwrap()
            .hits
            .iter()
            .all(|h| h.id != s.id)
    );
}

#[test]
fn the_index_is_rebuilt_from_the_store_when_it_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let count = {
        let engine = Engine::open(dir.path()).unwrap();
        engine.import(&sample()).unwrap();
        engine.indexed_count()
    };
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let engine = Engine::open(dir.path()).unwrap();
    assert_eq!(engine.indexed_count(), count);
    assert_eq!(count as usize, sample().services.len());
}

#[test]
fn an_index_left_behind_catches_up_from_the_change_log() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let engine = Engine::open(dir.path()).unwrap();
        engine.import(&sample()).unwrap();
        sample().services[5].id.clone()
    };
    // Another process (or node) changes the store while this engine is closed.
    {
        let store = SqliteStore::open(&dir.path().join("dayfinder.sqlite3")).unwrap();
        let mut s = store.listing(&id).unwrap().unwrap().service;
        s.name = "Quokka Friendship Group".into();
        store.save_service(&s).unwrap();
    }
    let engine = Engine::open(dir.path()).unwrap();
    assert_eq!(
        engine.search(&SearchQuery::text("quokka")).unwrap().hits[0].id,
        id
    );
}

#[test]
fn importing_the_same_data_twice_changes_nothing() {
    let engine = Engine::in_memory(&sample()).unwrap();
    let mut update = sample();
    update.services.truncate(3);
    update.services[0].name = "Kingfisher Walking Group".into();
    let first = engine.merge(&update).unwrap();
    assert_eq!((first.added, first.changed, first.unchanged), (0, 1, 2));
    let again = engine.merge(&update).unwrap();
    assert_eq!((again.added, again.changed, again.unchanged), (0, 0, 3));
    assert_eq!(
        engine
            .search(&SearchQuery::text("kingfisher"))
            .unwrap()
            .hits[0]
            .id,
        update.services[0].id
    );
    assert_eq!(
        engine.directory().unwrap().services.len(),
        sample().services.len(),
        "nothing else was touched"
    );
}

#[test]
fn a_merge_with_a_broken_reference_writes_nothing() {
    let engine = Engine::in_memory(&sample()).unwrap();
    let mut update = sample();
    update.services.truncate(2);
    update.services[0].name = "Should Not Appear".into();
    update.services[1].organisation_id = "no-such-provider".into();
    assert!(engine.merge(&update).is_err());
    assert!(
        engine
            .search(&SearchQuery::text("should not appear"))
            .unwrap()
            .hits
            .iter()
            .all(|h| h.name != "Should Not Appear")
    );
}

#[test]
fn stats_count_the_sample_directory() {
    let dir = sample();
    let engine = Engine::in_memory(&dir).unwrap();
    let stats = engine.stats().unwrap();
    assert_eq!(stats.services, dir.services.len());
    let providers: std::collections::BTreeSet<_> =
        dir.services.iter().map(|s| &s.organisation_id).collect();
    assert_eq!(stats.providers, providers.len());
    let towns: std::collections::BTreeSet<_> = dir.locations.iter().map(|l| &l.town).collect();
    assert_eq!(stats.towns, towns.len());
    let dementia = dir
        .services
        .iter()
        .filter(|s| s.needs.contains(&dayfinder::model::Need::Dementia))
        .count();
    assert_eq!(stats.by_need["dementia"], dementia);
}
