//! The release tarball (scripts/release.sh) unpacked in a temporary folder, away from the
//! repository and with none of the build's environment, serves the sample with one
//! command. scripts/test.sh packs it (`--debug`) and names it in DAYFINDER_TEST_RELEASE.

use std::path::Path;
use std::process::Command;

#[allow(dead_code)]
#[path = "support/process.rs"]
mod process;

/// The tarball, or `None` (and why) when it was not packed; under CI it must be.
fn tarball() -> Option<String> {
    match std::env::var("DAYFINDER_TEST_RELEASE") {
        Ok(path) => Some(path),
        Err(_) if std::env::var_os("CI").is_some() => {
            panic!("DAYFINDER_TEST_RELEASE is not set: scripts/test.sh packs the release")
        }
        Err(_) => {
            eprintln!("skipped: DAYFINDER_TEST_RELEASE names no tarball (scripts/test.sh sets it)");
            None
        }
    }
}

async fn get(url: &str) -> (u16, String, String) {
    let response = reqwest::get(url).await.expect("the release answers");
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, kind, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn the_unpacked_release_serves_the_sample_with_one_command() {
    let Some(tarball) = tarball() else { return };
    let tarball = std::fs::canonicalize(&tarball).expect("the tarball exists");
    let folder = tempfile::tempdir().unwrap();
    let unpacked = Command::new("tar")
        .arg("-xzf")
        .arg(&tarball)
        .current_dir(folder.path())
        .status()
        .expect("tar runs");
    assert!(unpacked.success());
    let release = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .expect("the tarball holds one folder");
    for file in [
        "bin/dayfinder",
        "site/pkg",
        "profile.example.toml",
        "LICENSE",
        "ATTRIBUTION",
    ] {
        assert!(release.join(file).exists(), "the release has {file}");
    }
    for file in [
        "deploy/dayfinder.service",
        "deploy/Containerfile",
        "docs/deploy.md",
    ] {
        assert!(release.join(file).exists(), "the release has {file}");
    }

    // One command, run from elsewhere, with nothing of the build's environment.
    let mut command = Command::new(release.join("bin/dayfinder"));
    command
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--metrics-addr",
            "127.0.0.1:0",
        ])
        .current_dir(folder.path())
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("NO_COLOR", "1");
    let site = process::Site::spawn(command);
    let address = site.address.clone();

    let (status, _, home) = get(&address).await;
    assert_eq!(status, 200, "{home}");
    assert!(home.contains("Sample data"), "it serves the sample: {home}");
    let stylesheet = home
        .split(r#"<link rel="stylesheet" href=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page links its stylesheet");
    let (status, kind, _) = get(&format!("{address}{stylesheet}")).await;
    assert_eq!(status, 200, "{stylesheet}");
    assert!(kind.starts_with("text/css"), "{stylesheet}: {kind}");
    assert_eq!(get(&format!("{address}/readyz")).await.0, 200);
    let (status, _, results) = get(&format!("{address}/search?q=memory")).await;
    assert_eq!(status, 200);
    assert!(results.contains("result__link"), "{results}");
    assert!(
        Path::new(&folder.path().join("dayfinder-data")).is_dir(),
        "its store is here"
    );
}
