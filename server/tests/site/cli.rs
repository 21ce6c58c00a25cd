//! The command line, run as a user would run it.

use crate::helpers::dayfinder;
use std::process::Command;

#[test]
fn search_json_lists_ranked_results_with_their_distance_from_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = dayfinder(
        dir.path(),
        &["search", "saturday dementia", "--near", "Crewe", "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("stdout is a JSON array");
    assert!(!hits.is_empty());
    for key in ["id", "name", "town", "distance_miles"] {
        assert!(hits[0].get(key).is_some(), "{key} in {}", hits[0]);
    }
    assert!(hits[0]["distance_miles"].is_number());
}

#[test]
fn an_unknown_need_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let out = dayfinder(dir.path(), &["search", "club", "--need", "gardening"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--need"));
}

#[test]
fn day_words_are_taken_as_people_type_them() {
    let dir = tempfile::tempdir().unwrap();
    let ids = |day: &str| {
        let out = dayfinder(dir.path(), &["search", "", "--day", day, "--json"]);
        assert!(
            out.status.success(),
            "--day {day}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!hits.is_empty(), "--day {day} found nothing");
        for hit in &hits {
            assert!(
                hit["days"].as_array().unwrap().contains(&"saturday".into()),
                "{hit}"
            );
        }
        hits.iter().map(|h| h["id"].to_string()).collect::<Vec<_>>()
    };
    let saturday = ids("saturday");
    assert_eq!(ids("sat"), saturday);
    assert_eq!(ids("Saturdays"), saturday);
    let out = dayfinder(dir.path(), &["search", "", "--day", "someday"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--day"));
}

#[test]
fn stats_json_counts_the_sample_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = dayfinder(dir.path(), &["stats", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(stats["services"].as_u64().unwrap() >= 200);
    assert!(stats["providers"].as_u64().unwrap() >= 50);
    assert!(stats["by_need"]["dementia"].as_u64().unwrap() > 0);
}

#[test]
fn generate_fills_the_store_with_a_synthetic_directory_of_the_size_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dayfinder(
        dir.path(),
        &["generate", "--services", "300", "--seed", "7"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stats = dayfinder(dir.path(), &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["services"], 300);
}

#[test]
fn generate_can_write_the_directory_to_a_file_instead() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("synthetic.json");
    let out = dayfinder(
        dir.path(),
        &[
            "generate",
            "--services",
            "50",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let directory: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(directory["services"].as_array().unwrap().len(), 50);
}

/// Runs the binary with `stdin` as its standard input.
fn dayfinder_with_input(
    data_dir: &std::path::Path,
    args: &[&str],
    stdin: &str,
) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("RUST_LOG", "warn")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("its standard input")
        .write_all(stdin.as_bytes())
        .expect("the input is written");
    child.wait_with_output().expect("the binary ends")
}

#[test]
fn an_added_editor_changes_their_password_first_and_reset_totp_turns_their_code_off() {
    use dayfinder::accounts::{AccountStore, Accounts, Email, TwoStepSecret};

    let dir = tempfile::tempdir().unwrap();
    let email = "only.editor@example.org";
    let added = dayfinder_with_input(
        dir.path(),
        &[
            "add-editor",
            "--email",
            email,
            "--name",
            "Only Editor",
            "--role",
            "council",
        ],
        "plum tree river lantern\n",
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(String::from_utf8_lossy(&added.stdout).contains("They choose a new password"));
    let common = dayfinder_with_input(
        dir.path(),
        &[
            "add-editor",
            "--email",
            "second@example.org",
            "--name",
            "Second",
            "--role",
            "council",
        ],
        "qwertyuiopasdfghjkl\n",
    );
    assert!(!common.status.success());
    assert!(String::from_utf8_lossy(&common.stderr).contains("one of the most common"));

    // They set up a code from an app, then lose their phone.
    let store = dayfinder::store::SqliteStore::open_in(dir.path()).unwrap();
    let address = Email::parse(email).unwrap();
    let (account, _) = store.account_by_email(&address).unwrap().unwrap();
    assert!(account.must_change_password);
    let secret = TwoStepSecret::generate().unwrap();
    let now = jiff::Timestamp::now();
    Accounts::new(&store)
        .set_up_two_step(&account, &secret, &secret.code_at(now), now)
        .unwrap();
    assert!(store.account(account.id).unwrap().unwrap().two_step);

    let reset = dayfinder(dir.path(), &["reset-totp", "--email", email]);
    assert!(
        reset.status.success(),
        "{}",
        String::from_utf8_lossy(&reset.stderr)
    );
    assert!(String::from_utf8_lossy(&reset.stdout).contains("password alone"));
    assert!(!store.account(account.id).unwrap().unwrap().two_step);

    let unknown = dayfinder(dir.path(), &["reset-totp", "--email", "nobody@example.org"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("There is no such account"));
}
