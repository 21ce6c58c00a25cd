//! What operators watch, on the real binary: `/metrics` on its own address, `/readyz`
//! and `/healthz`, the log as JSON lines, and a mistaken option stopping the server with
//! one clear line.

use std::ffi::OsStr;
use std::process::{Command, Stdio};

// Shared by the tests that run the binary; each uses part of it.
#[allow(dead_code)]
#[path = "support/process.rs"]
mod process;
use process::Site;

async fn get(url: &str) -> (u16, String) {
    let response = reqwest::get(url).await.expect("the server answers");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn metrics_answer_on_their_own_address_with_requests_by_route_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let site = Site::start(dir.path());
    let metrics = site
        .metrics
        .clone()
        .expect("the server says where its metrics are");
    assert_ne!(
        metrics, site.address,
        "metrics are not on the site's address"
    );

    let (status, results) = get(&format!("{}/search?q=memory", site.address)).await;
    assert_eq!(status, 200);
    let listing = results
        .split("href=\"/services/")
        .nth(1)
        .and_then(|rest| rest.split(['"', '?']).next())
        .expect("a result links to its listing")
        .to_string();
    assert_eq!(
        get(&format!("{}/services/{listing}", site.address)).await.0,
        200
    );
    assert_eq!(
        get(&format!("{}/services/no-such-place", site.address))
            .await
            .0,
        404
    );
    assert_eq!(
        get(&format!("{}/healthz", site.address)).await,
        (200, "ok".into())
    );
    assert_eq!(
        get(&format!("{}/readyz", site.address)).await,
        (200, "ready".into())
    );

    let (status, figures) = get(&format!("{metrics}/metrics")).await;
    assert_eq!(status, 200);
    for figure in [
        r#"dayfinder_http_requests_total{route="/search",method="GET",status="200"} 1"#,
        r#"dayfinder_http_requests_total{route="/services/{id}",method="GET",status="200"} 1"#,
        r#"dayfinder_http_requests_total{route="/services/{id}",method="GET",status="404"} 1"#,
        r#"dayfinder_http_request_duration_seconds_bucket{route="/search",le="#,
        r#"dayfinder_engine_call_seconds_count{call="search the directory"}"#,
        "dayfinder_index_ready 1",
        "dayfinder_index_changes_behind 0",
        "dayfinder_store_up 1",
        "dayfinder_outbox_waiting ",
        "# TYPE dayfinder_http_request_duration_seconds histogram",
    ] {
        assert!(figures.contains(figure), "{figure} is not in:\n{figures}");
    }
    // A route is its pattern: no listing's id, and nothing anyone typed.
    assert!(!figures.contains(&listing), "{figures}");
    assert!(!figures.contains("memory"), "{figures}");
    // And the public site has no /metrics.
    assert_eq!(get(&format!("{}/metrics", site.address)).await.0, 404);
}

#[tokio::test]
async fn the_log_is_json_lines_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    let site = Site::start_with(
        dir.path(),
        &[OsStr::new("--log-format"), OsStr::new("json")],
    );
    assert_eq!(get(&format!("{}/healthz", site.address)).await.0, 200);
    drop(site);
    // A command on a new store, which says what it did (made the store, filled it), its
    // log kept whole.
    let fresh = dir.path().join("fresh");
    let out = Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(&fresh)
        .args(["--log-format", "json", "stats"])
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .status()
        .expect("the binary runs");
    assert!(out.success());
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(
        lines.iter().any(|l| l.contains("the store was empty")),
        "the command logged what it did: {text}"
    );
    for line in lines {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?} is not JSON: {e}"));
        assert!(
            value.get("level").is_some() && value.get("timestamp").is_some(),
            "{line}"
        );
    }
}

#[test]
fn a_mistaken_option_stops_the_server_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["serve", "--metrics-addr", "everywhere"])
        .output()
        .expect("the binary runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("invalid value 'everywhere' for '--metrics-addr <METRICS_ADDR>'")
            && stderr.contains("is not an address and port such as 127.0.0.1:9464 (or off)"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The sample's profile with `more` at its end, in `dir`.
fn profile_with(dir: &std::path::Path, more: &str) -> std::path::PathBuf {
    let sample = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/profile.toml"),
    )
    .unwrap();
    let path = dir.join("profile.toml");
    std::fs::write(&path, format!("{sample}\n{more}")).unwrap();
    path
}

#[tokio::test]
async fn serves_options_can_be_written_in_the_profile_and_a_flag_still_wins() {
    let dir = tempfile::tempdir().unwrap();
    let profile = profile_with(
        dir.path(),
        "[serve]\npublic_url = \"https://dayfinder.example.gov.uk\"\nlog_format = \"json\"\n",
    );
    let site = Site::start_with(dir.path(), &[OsStr::new("--profile"), profile.as_os_str()]);
    let (_, results) = get(&format!("{}/search?q=memory", site.address)).await;
    let listing = results
        .split("href=\"/services/")
        .nth(1)
        .and_then(|rest| rest.split(['"', '?']).next())
        .unwrap()
        .to_string();
    let (_, page) = get(&format!("{}/services/{listing}", site.address)).await;
    assert!(
        page.contains(&format!(
            "https://dayfinder.example.gov.uk/services/{listing}"
        )),
        "the share link uses the profile's public_url: {page}"
    );
    drop(site);

    let flagged = Site::start_with(
        dir.path(),
        &[
            OsStr::new("--profile"),
            profile.as_os_str(),
            OsStr::new("--public-url"),
            OsStr::new("https://other.example.gov.uk"),
        ],
    );
    let (_, page) = get(&format!("{}/services/{listing}", flagged.address)).await;
    assert!(
        page.contains("https://other.example.gov.uk/services/"),
        "{page}"
    );
}

#[test]
fn a_wrong_option_in_the_profile_stops_the_server_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let profile = profile_with(dir.path(), "[serve]\nmetrics_addr = \"everywhere\"\n");
    let line = std::fs::read_to_string(&profile)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("metrics_addr"))
        .unwrap()
        + 1;
    let out = Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--profile")
        .arg(&profile)
        .arg("serve")
        .env_remove("DAYFINDER_METRICS_ADDR")
        .output()
        .expect("the binary runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "profile.toml line {line}: `serve.metrics_addr`: invalid value 'everywhere'"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_profiles_data_folder_holds_for_every_command_given_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("from-the-profile");
    let profile = profile_with(
        dir.path(),
        &format!("[serve]\ndata_dir = {:?}\n", data.display().to_string()),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--profile")
        .arg(&profile)
        .arg("stats")
        .current_dir(dir.path())
        .env_remove("DAYFINDER_DATA")
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        data.join("index").is_dir(),
        "the store is in the profile's data folder"
    );
    assert!(!dir.path().join("dayfinder-data").exists());
}

#[test]
fn sigterm_finishes_the_request_in_flight_then_stops() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let mut site = Site::start(dir.path());
    let host = site.address.trim_start_matches("http://").to_string();
    let body = "kind=closed&details=It+closed+in+May&contact=&website=";
    let mut stream = std::net::TcpStream::connect(&host).unwrap();
    // First a whole request on the same connection: the server has taken it up.
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    let mut reader = std::io::BufReader::new(stream.try_clone().unwrap());
    let mut length = 0;
    loop {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut reader, &mut line).unwrap();
        if let Some(n) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = n.trim().parse().unwrap();
        }
        if line == "\r\n" {
            break;
        }
    }
    let mut ok = vec![0; length];
    reader.read_exact(&mut ok).unwrap();
    assert_eq!(ok, b"ok");
    write!(
        stream,
        "POST /services/no-such-service/report-a-problem HTTP/1.1\r\nHost: {host}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{}",
        body.len(),
        &body[..10]
    )
    .unwrap();
    stream.flush().unwrap();
    // The server now waits for the rest of the form: the request is in flight.
    std::thread::sleep(std::time::Duration::from_millis(300));
    site.terminate();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        site.stopped_within(std::time::Duration::ZERO).is_none(),
        "the server waits for the request in flight"
    );
    stream.write_all(&body.as_bytes()[10..]).unwrap();
    let mut response = String::new();
    reader.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.1 "),
        "the request was answered: {response:?}"
    );
    let status = site
        .stopped_within(std::time::Duration::from_secs(60))
        .expect("the server stops once the request is answered");
    assert!(status.success(), "{status:?}");
}
