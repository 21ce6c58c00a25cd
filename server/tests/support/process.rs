//! The real `dayfinder` binary as tests run it: `serve` as a child process on a free port
//! with its own data folder, its commands, and an editor's browser that signs in.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use dayfinder::model::Term;

/// Every test editor's password.
pub const PASSWORD: &str = "plum tree river lantern";

/// A running `dayfinder serve`, killed when dropped.
pub struct Site {
    child: Child,
    pub address: String,
    /// Where `/metrics` answers (`--metrics-addr`, a free port here).
    pub metrics: Option<String>,
}

/// The address a log line gives after `words` ("Dayfinder is at http://..."), if it does.
pub fn address_after(line: &str, words: &str) -> Option<String> {
    let at = line.find(words)? + words.len();
    Some(
        line[at..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '\u{1b}' && *c != '"')
            .collect(),
    )
}

impl Site {
    /// Starts the server on a free port and waits for it to say where it listens (it says
    /// so once the store is open and the index caught up).
    pub fn start(data_dir: &Path) -> Site {
        Site::start_with(data_dir, &[])
    }

    /// The same, with more arguments for `serve` (`--smtp-url`, ...) or global ones.
    pub fn start_with(data_dir: &Path, more: &[&OsStr]) -> Site {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dayfinder"));
        command
            .arg("--data-dir")
            .arg(data_dir)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(more)
            .env("RUST_LOG", "info,tantivy=warn")
            // Any free port: tests run several servers at once.
            .env("DAYFINDER_METRICS_ADDR", "127.0.0.1:0")
            .env("NO_COLOR", "1");
        Site::spawn(command)
    }

    /// Starts `command` (a `dayfinder serve` made ready by the caller: another binary, its
    /// own environment) and waits for it to say where it listens.
    pub fn spawn(mut command: Command) -> Site {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let stderr = child.stderr.take().expect("the server's log");
        let (found, address) = mpsc::channel();
        // Reads the log to its end, so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut found = Some(found);
            let mut seen = Vec::new();
            let mut metrics = None;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = address_after(&line, "Metrics are at ") {
                    metrics = Some(url.trim_end_matches("/metrics").to_string());
                } else if let Some(url) = address_after(&line, "Dayfinder is at ") {
                    if let Some(tx) = found.take() {
                        let _ = tx.send(Ok((url, metrics.take())));
                    }
                } else if found.is_some() {
                    seen.push(line);
                }
            }
            if let Some(tx) = found {
                let _ = tx.send(Err(seen.join("\n")));
            }
        });
        // A guard against a hang, not a measure of speed.
        match address.recv_timeout(Duration::from_secs(300)) {
            Ok(Ok((address, metrics))) => Site {
                child,
                address,
                metrics,
            },
            Ok(Err(log)) => panic!("the server stopped before listening:\n{log}"),
            Err(_) => {
                let _ = child.kill();
                panic!("the server did not start listening");
            }
        }
    }

    /// SIGTERM, as `systemctl stop` sends: the server stops accepting and finishes what it
    /// was doing.
    pub fn terminate(&self) {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "SIGTERM was sent");
    }

    /// Waits for the server to stop by itself (after `terminate`); its exit status, or
    /// `None` if it is still running after `limit` (a guard against a hang).
    pub fn stopped_within(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let until = std::time::Instant::now() + limit;
        while std::time::Instant::now() < until {
            if let Some(status) = self.child.try_wait().expect("the server's status") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// SIGKILL: no shutdown, no flushing, nothing.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a command of the binary to its end, with `stdin` as its standard input.
pub fn dayfinder(data_dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command runs");
    child
        .stdin
        .take()
        .expect("its standard input")
        .write_all(stdin.as_bytes())
        .expect("the password is typed");
    child.wait_with_output().expect("the command finishes")
}

pub fn succeeded(output: &Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "the command failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Adds an editor with the command line (the site may be running).
pub fn add_editor(data_dir: &Path, email: &str, organisation: Option<&str>) {
    // Their own password: these tests go straight on to editing.
    let mut args = vec![
        "add-editor",
        "--email",
        email,
        "--name",
        "Test Editor",
        "--own-password",
    ];
    match organisation {
        Some(organisation) => args.extend(["--role", "provider", "--organisation", organisation]),
        None => args.extend(["--role", "council"]),
    }
    succeeded(&dayfinder(data_dir, &args, &format!("{PASSWORD}\n")));
}

/// An editor's browser: the session cookie and the form token survive restarts (they are
/// in the store), while the site's address changes with each start.
#[derive(Clone)]
pub struct Editor {
    client: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
    pub csrf: String,
}

impl Editor {
    pub fn new() -> Editor {
        Editor {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client"),
            cookies: BTreeMap::new(),
            csrf: String::new(),
        }
    }

    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn remember(&mut self, response: &reqwest::Response) {
        for value in response.headers().get_all("set-cookie") {
            let text = value.to_str().unwrap_or("");
            if let Some((name, value)) = text.split(';').next().and_then(|p| p.split_once('=')) {
                if value.is_empty() || text.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.into(), value.into());
                }
            }
        }
    }

    pub async fn get(&mut self, site: &str, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{site}{path}"))
            .header("cookie", self.cookie_header())
            .send()
            .await
            .expect("the page is answered");
        self.remember(&response);
        let status = response.status().as_u16();
        (status, response.text().await.expect("a body"))
    }

    pub async fn post(
        &mut self,
        site: &str,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Result<reqwest::Response> {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let response = self
            .client
            .post(format!("{site}{path}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", site)
            .header("cookie", self.cookie_header())
            .body(body)
            .send()
            .await?;
        self.remember(&response);
        Ok(response)
    }

    /// Signs in through the form, and keeps the session's form token.
    pub async fn sign_in(&mut self, site: &str, email: &str) {
        self.sign_in_with(site, email, PASSWORD).await;
    }

    /// Signs in with this password.
    pub async fn sign_in_with(&mut self, site: &str, email: &str, password: &str) {
        let (status, form) = self.get(site, "/editor/sign-in").await;
        assert_eq!(status, 200);
        let token = csrf_of(&form);
        let answer = self
            .post(
                site,
                "/editor/sign-in",
                &[("csrf", &token), ("email", email), ("password", password)],
            )
            .await
            .expect("the sign-in is answered");
        assert_eq!(answer.status().as_u16(), 303, "signed in");
        let (status, page) = self.get(site, "/editor").await;
        assert_eq!(status, 200);
        self.csrf = csrf_of(&page);
    }

    /// The one-click vacancy form; `Ok(())` when the save was acknowledged (303), an
    /// error when the node did not answer.
    pub async fn set_vacancy(
        &mut self,
        site: &str,
        service: &str,
        status: dayfinder::model::VacancyStatus,
    ) -> reqwest::Result<()> {
        let csrf = self.csrf.clone();
        let response = self
            .post(
                site,
                "/editor/vacancies",
                &[
                    ("csrf", &csrf),
                    ("service", service),
                    ("vacancy", status.slug()),
                ],
            )
            .await?;
        let code = response.status().as_u16();
        // Read to the end, so that a kill while it is sent counts as no answer.
        response.bytes().await?;
        assert_eq!(code, 303, "a vacancy save was answered {code}, not 303");
        Ok(())
    }
}

pub fn csrf_of(page: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let from = page.find(marker).expect("a form with a token") + marker.len();
    page[from..].split('"').next().unwrap_or("").to_string()
}
