//! No lost work: the real server binary, killed with SIGKILL at varied moments while a
//! provider saves vacancies, keeps every save it acknowledged, and after a restart its
//! search index agrees with its store. And the commands that must work beside a running
//! site (`add-editor`, `backup`, `restore`) do.
//!
//! Each test runs `dayfinder serve` as a child process on a free port, with its own data
//! folder; rounds are bounded by count, never by time.

use std::collections::BTreeMap;

use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use dayfinder::model::{Term, VacancyStatus};
use dayfinder::store::{SqliteStore, Store};

#[allow(dead_code)]
#[path = "support/process.rs"]
mod process;
use process::{Editor, PASSWORD, Site, add_editor, dayfinder, succeeded};

fn next(status: VacancyStatus) -> VacancyStatus {
    match status {
        VacancyStatus::Spaces => VacancyStatus::WaitingList,
        VacancyStatus::WaitingList => VacancyStatus::Full,
        VacancyStatus::Full => VacancyStatus::Spaces,
    }
}

/// The provider with the most services in the sample, and those services' ids and names.
fn busiest_provider() -> (String, Vec<(String, String)>) {
    let sample = dayfinder::sample::cheshire_east();
    let count = |org: &str| {
        sample
            .services
            .iter()
            .filter(|s| s.organisation_id == org)
            .count()
    };
    let organisation = sample
        .organisations
        .iter()
        .map(|o| o.id.clone())
        .max_by_key(|o| count(o))
        .expect("providers");
    let services = sample
        .services
        .iter()
        .filter(|s| s.organisation_id == organisation)
        .map(|s| (s.id.clone(), s.name.clone()))
        .collect();
    (organisation, services)
}

/// Each service's vacancy as the store holds it (read from the file, as a new process would).
fn stored_vacancies(data_dir: &Path, ids: &[String]) -> BTreeMap<String, VacancyStatus> {
    let store = SqliteStore::open_in(data_dir).expect("the store opens");
    ids.iter()
        .map(|id| {
            let listing = store
                .listing(id)
                .expect("the store reads")
                .expect("the service is there");
            (id.clone(), listing.service.vacancy.status)
        })
        .collect()
}

/// Whether the site's search (the index) finds the service under this vacancy filter.
async fn search_finds(site: &str, name: &str, id: &str, status: VacancyStatus) -> bool {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", name)
        .append_pair("vacancy", status.slug())
        .append_pair("per_page", "100")
        .finish();
    let body = reqwest::get(format!("{site}/search?{query}"))
        .await
        .expect("the search is answered")
        .text()
        .await
        .expect("a results page");
    body.contains(&format!("\"/services/{id}\"")) || body.contains(&format!("\"/services/{id}?"))
}

/// The index agrees with the store: each service is found under its stored vacancy, and
/// not under another.
async fn assert_index_agrees(
    site: &str,
    services: &[(String, String)],
    stored: &BTreeMap<String, VacancyStatus>,
) {
    for (id, name) in services {
        let status = stored[id];
        assert!(
            search_finds(site, name, id, status).await,
            "search finds {id} as {status:?}, as the store has it"
        );
        assert!(
            !search_finds(site, name, id, next(status)).await,
            "search does not find {id} as {:?}",
            next(status)
        );
    }
}

/// What a service's vacancy may be: the last acknowledged save, or a save that was under
/// way when the server died (either outcome is right for that one).
#[derive(Debug, Clone, Copy)]
struct Expected {
    acknowledged: VacancyStatus,
    in_flight: Option<VacancyStatus>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_server_mid_save_never_loses_an_acknowledged_vacancy() {
    const ROUNDS: usize = 20;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().to_path_buf();
    let (organisation, services) = busiest_provider();
    assert!(
        services.len() >= 3,
        "the busiest provider has several services"
    );
    let services: Vec<(String, String)> = services.into_iter().take(4).collect();
    let ids: Vec<String> = services.iter().map(|(id, _)| id.clone()).collect();

    let mut site = Site::start(&data);
    // Added while the site runs: the command opens only the store.
    add_editor(&data, "kill.test@example.org", Some(&organisation));
    let mut editor = Editor::new();
    editor.sign_in(&site.address, "kill.test@example.org").await;

    let expected: Arc<Mutex<BTreeMap<String, Expected>>> = Arc::new(Mutex::new(
        stored_vacancies(&data, &ids)
            .into_iter()
            .map(|(id, status)| {
                (
                    id,
                    Expected {
                        acknowledged: status,
                        in_flight: None,
                    },
                )
            })
            .collect(),
    ));
    let mut total_acknowledged = 0;
    let session = (editor.cookies.clone(), editor.csrf.clone());

    for round in 0..ROUNDS {
        // Two writers, each with its own services, saving one after another until the
        // server stops answering.
        let acknowledged = Arc::new(AtomicUsize::new(0));
        let writers: Vec<_> = [ids[..].iter().step_by(2), ids[1..].iter().step_by(2)]
            .into_iter()
            .map(|mine| {
                let mine: Vec<String> = mine.cloned().collect::<Vec<String>>();
                let address = site.address.clone();
                let expected = expected.clone();
                let acknowledged = acknowledged.clone();
                // Each writer has its own client, with the same session.
                let (cookies, csrf) = session.clone();
                tokio::spawn(async move {
                    let mut me = Editor::new();
                    me.cookies = cookies;
                    me.csrf = csrf;
                    for turn in 0.. {
                        let id = &mine[turn % mine.len()];
                        let status = {
                            let mut expected = expected.lock().unwrap();
                            let e = expected.get_mut(id).expect("a tracked service");
                            let status = next(e.acknowledged);
                            e.in_flight = Some(status);
                            status
                        };
                        match me.set_vacancy(&address, id, status).await {
                            Ok(_) => {
                                let mut expected = expected.lock().unwrap();
                                let e = expected.get_mut(id).expect("a tracked service");
                                e.acknowledged = status;
                                e.in_flight = None;
                                acknowledged.fetch_add(1, Ordering::SeqCst);
                            }
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();

        // Kill after a few saves (0 to 3) and a varied pause: before, during and between
        // saves, and while the index catches up.
        let wanted = round % 4;
        for _ in 0..30_000 {
            if acknowledged.load(Ordering::SeqCst) >= wanted {
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        tokio::time::sleep(Duration::from_millis(((round * 37) % 120) as u64)).await;
        site.kill();
        for writer in writers {
            writer.await.expect("the writer ends when the server dies");
        }
        total_acknowledged += acknowledged.load(Ordering::SeqCst);

        // Every acknowledged save is in the store.
        let stored = stored_vacancies(&data, &ids);
        {
            let mut expected = expected.lock().unwrap();
            for (id, status) in &stored {
                let e = expected[id];
                assert!(
                    *status == e.acknowledged || Some(*status) == e.in_flight,
                    "round {round}: {id} is {status:?} in the store, but {:?} was acknowledged (and {:?} under way)",
                    e.acknowledged,
                    e.in_flight
                );
                expected.insert(
                    id.clone(),
                    Expected {
                        acknowledged: *status,
                        in_flight: None,
                    },
                );
            }
        }

        // Restarted, the index agrees with the store.
        site = Site::start(&data);
        assert_index_agrees(&site.address, &services, &stored).await;
    }
    assert!(
        total_acknowledged >= (0..ROUNDS).map(|r| r % 4).sum::<usize>(),
        "saves were acknowledged between kills"
    );
    // The session outlived every kill: the provider is still signed in.
    let (status, _) = editor.get(&site.address, "/editor").await;
    assert_eq!(status, 200);
    site.kill();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restored_while_the_site_runs_puts_back_the_directory_and_search() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("data");
    let backup: PathBuf = dir.path().join("backups").join("monday.sqlite3");
    let site = Site::start(&data);
    add_editor(&data, "council.backup@example.org", None);
    let mut editor = Editor::new();
    editor
        .sign_in(&site.address, "council.backup@example.org")
        .await;

    let (_, services) = busiest_provider();
    let (id, name) = services[0].clone();
    let before = stored_vacancies(&data, std::slice::from_ref(&id))[&id];

    let out = succeeded(&dayfinder(&data, &["backup", backup.to_str().unwrap()], ""));
    assert!(out.contains("Backed up"), "{out}");
    assert!(backup.is_file());
    // A second backup to the same file is refused without --force.
    let again = dayfinder(&data, &["backup", backup.to_str().unwrap()], "");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));

    // A change after the backup...
    editor
        .set_vacancy(&site.address, &id, next(before))
        .await
        .expect("the save is answered");
    assert!(search_finds(&site.address, &name, &id, next(before)).await);

    // ...is undone by restoring it, while the site runs.
    let out = succeeded(&dayfinder(
        &data,
        &["restore", backup.to_str().unwrap()],
        "",
    ));
    assert!(out.contains("Restored"), "{out}");
    assert_eq!(
        stored_vacancies(&data, std::slice::from_ref(&id))[&id],
        before
    );
    // The site follows the store once a second; this waits for it, with a bound.
    let mut found = false;
    for _ in 0..300 {
        if search_finds(&site.address, &name, &id, before).await {
            found = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(found, "search shows the restored vacancy");
    assert!(!search_finds(&site.address, &name, &id, next(before)).await);

    // Accounts and sessions are kept: the editor is still signed in.
    let (status, _) = editor.get(&site.address, "/editor").await;
    assert_eq!(status, 200);
    // What was replaced is kept, so the restore can be undone.
    let kept = std::fs::read_dir(data.join("backups"))
        .expect("the folder of copies")
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        });
    assert!(kept, "a copy of the directory before the restore is kept");

    // A file that is not a backup changes nothing.
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a backup").unwrap();
    let refused = dayfinder(&data, &["restore", notes.to_str().unwrap()], "");
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("not a Dayfinder backup"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    site.kill();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_added_while_the_site_runs_can_sign_in_at_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let site = Site::start(dir.path());
    let (organisation, _) = busiest_provider();
    add_editor(dir.path(), "new.provider@example.org", Some(&organisation));
    let mut editor = Editor::new();
    editor
        .sign_in(&site.address, "new.provider@example.org")
        .await;

    // An unknown organisation is refused by name, and adds nobody.
    let refused = dayfinder(
        dir.path(),
        &[
            "add-editor",
            "--email",
            "nobody@example.org",
            "--name",
            "No Body",
            "--role",
            "provider",
            "--organisation",
            "no-such-organisation",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no-such-organisation"));
    site.kill();
}
