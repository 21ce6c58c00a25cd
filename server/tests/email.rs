//! Email through a real SMTP server on loopback: aiosmtpd from PyPI
//! (`server/tests/support/smtp_sink.py`, installed by scripts/install-tools.sh), which
//! keeps every message it receives as a file. The real `dayfinder` binary sends to it.
//!
//! Without that Python (`DAYFINDER_TEST_SMTPD_PYTHON`) the tests say "skipped" and pass,
//! except under CI (`CI` set), where they fail: CI must prove email works.
//!
//! Waits are bounded by a count of checks, as a guard against a hang, never as a measure.

#[allow(dead_code)]
#[path = "support/process.rs"]
mod process;

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Duration;

use process::{Editor, Site, add_editor, dayfinder, succeeded};

/// The from-address the tests' council profile gives.
const FROM: &str = "dayfinder@council.example";

/// A running aiosmtpd, stopped when dropped.
struct Sink {
    child: Child,
    // Closing it tells the sink to stop.
    _stdin: ChildStdin,
    port: u16,
    folder: tempfile::TempDir,
}

impl Sink {
    /// Starts the SMTP server, or `None` (skipped) when its Python is not there.
    fn start() -> Option<Sink> {
        let Some(python) = std::env::var_os("DAYFINDER_TEST_SMTPD_PYTHON") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must run the email tests: set DAYFINDER_TEST_SMTPD_PYTHON (scripts/test.sh does)"
            );
            eprintln!(
                "email: skipped: DAYFINDER_TEST_SMTPD_PYTHON is unset (scripts/test.sh sets it)"
            );
            return None;
        };
        let folder = tempfile::tempdir().expect("a folder for the mail");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_sink.py");
        let mut child = Command::new(python)
            .arg(script)
            .arg(folder.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the SMTP server starts");
        let stdin = child.stdin.take().expect("its input");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("its output"))
            .read_line(&mut line)
            .expect("the SMTP server says its port");
        let port = line
            .trim()
            .strip_prefix("listening on ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the SMTP server said {line:?}"));
        Some(Sink {
            child,
            _stdin: stdin,
            port,
            folder,
        })
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, in order, as received.
    fn messages(&self) -> Vec<String> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.folder.path())
            .expect("the mail folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension() == Some(OsStr::new("eml")))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("a message"))
            .collect()
    }

    /// Waits until `count` messages have arrived (the worker looks every few seconds).
    fn wait_for(&self, count: usize) -> Vec<String> {
        for _ in 0..600 {
            let messages = self.messages();
            if messages.len() >= count {
                return messages;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!(
            "{count} email(s) did not arrive; got {}",
            self.messages().len()
        );
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The sample council's profile with an `[email]` sender, in `dir`.
fn profile_with_sender(dir: &Path) -> PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sample/profile.toml");
    let mut text = std::fs::read_to_string(sample).expect("the sample profile");
    text.push_str(&format!(
        "\n[email]\nfrom = \"{FROM}\"\nname = \"Dayfinder test\"\n"
    ));
    let path = dir.join("profile.toml");
    std::fs::write(&path, text).expect("the profile is written");
    path
}

/// The profile at `path` with a review cycle too long to fire (the sample's listings grow
/// older each day): for the tests of other email, whose counts it would change.
fn without_review_reminders(path: &Path) -> PathBuf {
    let mut text = std::fs::read_to_string(path).expect("the profile");
    for (from, to) in [
        ("first_reminder_months = 5", "first_reminder_months = 33"),
        ("second_reminder_months = 6", "second_reminder_months = 34"),
        ("tell_council_months = 9", "tell_council_months = 35"),
        ("overdue_months = 12", "overdue_months = 36"),
    ] {
        assert!(text.contains(from), "the sample profile has {from}");
        text = text.replace(from, to);
    }
    std::fs::write(path, text).expect("the profile is written");
    path.to_path_buf()
}

/// A temporary folder with the data folder's path and a profile with a sender and no
/// review reminders (the usual start of these tests).
fn quiet_setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let profile = without_review_reminders(&profile_with_sender(dir.path()));
    let data = dir.path().join("data");
    (dir, data, profile)
}

/// The site with the profile, sending through `sink`.
fn sending_site(data: &Path, profile: &Path, sink: &Sink) -> Site {
    let url = sink.url();
    let args = [
        OsStr::new("--smtp-url"),
        OsStr::new(&url),
        OsStr::new("--profile"),
        profile.as_os_str(),
    ];
    Site::start_with(data, &args)
}

/// `dayfinder email ...` with the profile.
fn email_command(data: &Path, profile: &Path, args: &[&str]) -> String {
    let mut all = vec!["--profile", profile.to_str().expect("a path")];
    all.extend(["email"]);
    all.extend(args);
    succeeded(&dayfinder(data, &all, ""))
}

/// The value of a header in a raw message (the first line of it).
fn header<'a>(message: &'a str, name: &str) -> Option<&'a str> {
    message.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// A raw message with quoted-printable's soft line breaks taken out, so links read whole.
fn unwrapped(message: &str) -> String {
    message.replace("=\r\n", "").replace("=\n", "")
}

/// The link path in a message that starts with `marker` (`/review/`), with its token.
fn link_in(message: &str, marker: &str) -> String {
    let from = message.find(marker).expect("a link") + marker.len();
    let token: String = message[from..].chars().take(64).collect();
    format!("{marker}{token}")
}

/// Asks the outbox how it stands until `sent` shows, for the counts line by line.
fn wait_until_sent(data: &Path, profile: &Path, sent: u64) -> String {
    for _ in 0..300 {
        let status = email_command(data, profile, &["status"]);
        if status.contains(&format!("Sent (last week): {sent}")) {
            return status;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("the outbox never showed {sent} sent");
}

#[test]
fn a_test_email_reaches_the_mail_server_once_from_the_council_address() {
    let Some(sink) = Sink::start() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (data, profile) = (dir.path().join("data"), profile_with_sender(dir.path()));
    let site = sending_site(&data, &profile, &sink);
    let out = email_command(&data, &profile, &["test", "--to", "it.team@example.org"]);
    assert!(out.contains("is in the outbox"), "{out}");

    let messages = sink.wait_for(1);
    let status = wait_until_sent(&data, &profile, 1);
    assert!(status.contains("Waiting: 0"), "{status}");
    let message = &messages[0];
    assert_eq!(header(message, "Subject"), Some("Dayfinder test email"));
    assert_eq!(header(message, "To"), Some("it.team@example.org"));
    let from = header(message, "From").expect("a From");
    assert!(
        from.contains(FROM) && from.contains("Dayfinder test"),
        "{from}"
    );
    let id = header(message, "Message-ID").expect("a Message-ID");
    assert!(
        id.starts_with("<dayfinder.") && id.ends_with("@council.example>"),
        "{id}"
    );
    assert!(message.contains("If you can read it, the site can send email."));
    // Sent once: a few more turns of the worker send nothing again.
    std::thread::sleep(Duration::from_secs(12));
    assert_eq!(sink.messages().len(), 1, "sent exactly once");
    drop(site);
}

#[test]
fn email_saved_before_a_kill_is_sent_once_after_the_restart() {
    let Some(sink) = Sink::start() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (data, profile) = (dir.path().join("data"), profile_with_sender(dir.path()));
    // A site with no mail server: the email is saved and waits.
    let site = Site::start_with(&data, &[OsStr::new("--profile"), profile.as_os_str()]);
    email_command(&data, &profile, &["test", "--to", "waiting@example.org"]);
    let status = email_command(&data, &profile, &["status"]);
    assert!(status.contains("Waiting: 1"), "{status}");
    site.kill();

    let site = sending_site(&data, &profile, &sink);
    let messages = sink.wait_for(1);
    assert_eq!(header(&messages[0], "To"), Some("waiting@example.org"));
    wait_until_sent(&data, &profile, 1);
    std::thread::sleep(Duration::from_secs(12));
    assert_eq!(sink.messages().len(), 1, "sent exactly once");
    drop(site);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_enquiry_saved_before_a_kill_sends_its_emails_once_after_the_restart() {
    let Some(sink) = Sink::start() else { return };
    let (_dir, data, profile) = quiet_setup();
    let service = "crewe-saturday-memory-club";
    // No mail server yet: the enquiry and its two emails are saved together, and wait.
    let site = Site::start_with(&data, &[OsStr::new("--profile"), profile.as_os_str()]);
    let organisation = dayfinder::sample::cheshire_east()
        .services
        .into_iter()
        .find(|s| s.id == service)
        .expect("the sample service")
        .organisation_id;
    add_editor(&data, "provider.kill@example.org", Some(&organisation));
    let sent = Editor::new()
        .post(
            &site.address,
            "/ask",
            &[
                ("service", service),
                ("asker", "myself"),
                ("name", "Kit Example"),
                ("reply-by", "email"),
                ("email", "kit.example@example.org"),
                ("wishes", "visit"),
                ("consent", "yes"),
            ],
        )
        .await
        .expect("the enquiry is answered");
    assert_eq!(sent.status().as_u16(), 303);
    let status = email_command(&data, &profile, &["status"]);
    assert!(status.contains("Waiting: 2"), "{status}");
    // Killed (SIGKILL) with both emails saved and neither sent.
    site.kill();

    let site = sending_site(&data, &profile, &sink);
    let messages = sink.wait_for(2);
    let mut to: Vec<&str> = messages.iter().filter_map(|m| header(m, "To")).collect();
    to.sort();
    assert_eq!(to, ["kit.example@example.org", "provider.kill@example.org"]);
    let ids: std::collections::BTreeSet<&str> = messages
        .iter()
        .filter_map(|m| header(m, "Message-ID"))
        .collect();
    assert_eq!(ids.len(), 2, "each email has its own stable Message-ID");
    wait_until_sent(&data, &profile, 2);
    // A few more turns of the worker send nothing again.
    std::thread::sleep(Duration::from_secs(12));
    assert_eq!(sink.messages().len(), 2, "each email is sent exactly once");
    drop(site);
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_mail_server_the_site_works_and_editors_are_told_email_is_not_set_up() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (data, profile) = (dir.path().join("data"), profile_with_sender(dir.path()));
    let site = Site::start_with(&data, &[OsStr::new("--profile"), profile.as_os_str()]);
    add_editor(&data, "council.email@example.org", None);
    email_command(&data, &profile, &["test", "--to", "someone@example.org"]);

    let search = reqwest::get(format!("{}/search?q=club", site.address))
        .await
        .expect("the search answers");
    assert_eq!(search.status().as_u16(), 200, "the site still works");

    let mut editor = Editor::new();
    editor
        .sign_in(&site.address, "council.email@example.org")
        .await;
    let (status, page) = editor.get(&site.address, "/editor").await;
    assert_eq!(status, 200);
    assert!(page.contains("Email is not set up."), "{page}");
    assert!(page.contains("1 email is waiting to be sent."));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_enquiry_reaches_the_provider_by_email_and_the_answer_reaches_the_asker() {
    let Some(sink) = Sink::start() else { return };
    let (_dir, data, profile) = quiet_setup();
    let service = dayfinder::sample::cheshire_east()
        .services
        .into_iter()
        .find(|s| s.id == "crewe-saturday-memory-club")
        .expect("the sample service");
    let site = sending_site(&data, &profile, &sink);
    add_editor(
        &data,
        "provider.enquiries@example.org",
        Some(&service.organisation_id),
    );

    // A resident sends an enquiry: a plain POST form, no JavaScript.
    let mut resident = Editor::new();
    let sent = resident
        .post(
            &site.address,
            "/ask",
            &[
                ("service", &service.id),
                ("asker", "someone-i-care-for"),
                ("name", "Pat Example"),
                ("reply-by", "email"),
                ("email", "pat.example@example.org"),
                ("wishes", "taster"),
                ("days", "saturday"),
                ("note", "My dad loves singing."),
                ("consent", "yes"),
            ],
        )
        .await
        .expect("the enquiry is answered");
    assert_eq!(sent.status().as_u16(), 303);
    let status_page = sent.headers()["location"].to_str().unwrap().to_string();
    let status_path = status_page.split('?').next().unwrap().to_string();

    // The provider and the resident each get one email; the provider's names no one.
    let messages = sink.wait_for(2);
    let to_provider = messages
        .iter()
        .find(|m| header(m, "To") == Some("provider.enquiries@example.org"))
        .expect("the provider's email");
    assert!(to_provider.contains("New enquiry about"));
    assert!(!to_provider.contains("Pat Example") && !to_provider.contains("pat.example@"));
    let to_resident = messages
        .iter()
        .find(|m| header(m, "To") == Some("pat.example@example.org"))
        .expect("the resident's email");
    assert_eq!(
        header(to_resident, "Subject"),
        Some("Your enquiry has been sent")
    );
    // Quoted-printable bodies break long lines with a soft `=`.
    assert!(
        unwrapped(to_resident).contains(&status_path),
        "the email links to the status page"
    );

    // The provider reads it in the editor and accepts it.
    let mut provider = Editor::new();
    provider
        .sign_in(&site.address, "provider.enquiries@example.org")
        .await;
    let (status, inbox) = provider.get(&site.address, "/editor/enquiries").await;
    assert_eq!(status, 200);
    let marker = "href=\"/editor/enquiries/";
    let from = inbox.find(marker).expect("an enquiry in the inbox") + marker.len();
    let id: String = inbox[from..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let (status, page) = provider
        .get(&site.address, &format!("/editor/enquiries/{id}"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Pat Example") && page.contains("My dad loves singing."));
    let csrf = process::csrf_of(&page);
    let answer = provider
        .post(
            &site.address,
            &format!("/editor/enquiries/{id}/answer"),
            &[
                ("csrf", &csrf),
                ("version", "0"),
                ("answer", "accepted"),
                ("message", "Come to a taster on Saturday at 10."),
            ],
        )
        .await
        .expect("the answer is answered");
    assert_eq!(answer.status().as_u16(), 303);

    // The resident is emailed the answer and sees it on the status page.
    let messages = sink.wait_for(3);
    let answer_email = &unwrapped(&messages[2]);
    assert_eq!(header(answer_email, "To"), Some("pat.example@example.org"));
    assert!(answer_email.contains("Come to a taster on Saturday at 10."));
    let (status, page) = resident.get(&site.address, &status_path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Accepted") && page.contains("Come to a taster on Saturday at 10."));

    // The council erases the person on request: the status page is gone.
    let out = succeeded(&dayfinder(
        &data,
        &[
            "--profile",
            profile.to_str().unwrap(),
            "enquiries",
            "erase",
            "--email",
            "Pat.Example@example.org",
        ],
        "",
    ));
    assert!(out.contains("Erased 1 enquiry."), "{out}");
    let (status, _) = resident.get(&site.address, &status_path).await;
    assert_eq!(status, 404);
    drop(site);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_provider_confirms_a_listing_from_the_five_month_reminder_without_signing_in() {
    use jiff::ToSpan;
    let Some(sink) = Sink::start() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (data, profile) = (dir.path().join("data"), profile_with_sender(dir.path()));
    // The clock moved forward, as the directory sees it: one listing was last confirmed
    // five months ago, every other one today.
    let today = dayfinder::engine::uk_today();
    let mut directory = dayfinder::sample::cheshire_east();
    let id = "crewe-saturday-memory-club";
    for service in &mut directory.services {
        service.last_reviewed = if service.id == id {
            today.checked_sub(5.months()).unwrap()
        } else {
            today
        };
    }
    let organisation = directory
        .services
        .iter()
        .find(|s| s.id == id)
        .expect("the sample service")
        .organisation_id
        .clone();
    let file = dir.path().join("directory.json");
    std::fs::write(&file, serde_json::to_vec(&directory).unwrap()).unwrap();
    succeeded(&dayfinder(&data, &["import", file.to_str().unwrap()], ""));
    add_editor(&data, "provider.review@example.org", Some(&organisation));
    add_editor(&data, "council.review@example.org", None);

    // The server's first pass, at start, sends the five-month reminder.
    let site = sending_site(&data, &profile, &sink);
    let messages = sink.wait_for(1);
    let reminder = unwrapped(&messages[0]);
    assert_eq!(header(&reminder, "To"), Some("provider.review@example.org"));
    assert_eq!(
        header(&reminder, "Subject"),
        Some("Please check your listings on Dayfinder are still right")
    );
    let link = link_in(&reminder, "/review/");

    // One click, no sign-in: the listing as the public sees it, and "Yes".
    let mut provider = Editor::new();
    let (status, page) = provider.get(&site.address, &link).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Yes, this is all correct"));
    assert!(page.contains("Saturday Memory Club") || page.contains("Memory"));
    let confirmed = provider
        .post(&site.address, &link, &[])
        .await
        .expect("the confirmation is answered");
    assert_eq!(confirmed.status().as_u16(), 303);
    let (status, page) = provider
        .get(&site.address, &format!("{link}?done=yes"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Thank you: the listing is confirmed"));
    let (status, page) = provider.get(&site.address, &link).await;
    assert_eq!(status, 410, "a link confirms once");
    assert!(page.contains("This link has been used"));

    // The public listing says it was checked today; the audit log says who checked it.
    let (_, listing) = Editor::new()
        .get(&site.address, &format!("/services/{id}"))
        .await;
    let today_words = today.strftime("%-d %B %Y").to_string();
    assert!(listing.contains(&today_words), "checked today");
    let mut council = Editor::new();
    council
        .sign_in(&site.address, "council.review@example.org")
        .await;
    let (status, audit) = council
        .get(&site.address, &format!("/editor/audit?service={id}"))
        .await;
    assert_eq!(status, 200);
    assert!(
        audit.contains("from the link in a review reminder"),
        "{audit}"
    );
    assert!(audit.contains("provider.review@example.org") || audit.contains("Test Editor"));

    // A restart sends nothing again.
    drop(site);
    let site = sending_site(&data, &profile, &sink);
    std::thread::sleep(Duration::from_secs(6));
    assert_eq!(sink.messages().len(), 1, "the reminder is sent once");
    drop(site);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_password_is_set_once_from_the_emailed_link() {
    let Some(sink) = Sink::start() else { return };
    let (_dir, data, profile) = quiet_setup();
    let site = sending_site(&data, &profile, &sink);
    add_editor(&data, "forgetful@example.org", None);

    // Any address gets the same answer; only an account's gets an email.
    let mut visitor = Editor::new();
    for email in ["nobody@example.org", "Forgetful@Example.org"] {
        let asked = visitor
            .post(
                &site.address,
                "/editor/forgot-password",
                &[("email", email)],
            )
            .await
            .expect("the form is answered");
        assert_eq!(asked.status().as_u16(), 303);
        assert_eq!(
            asked.headers()["location"],
            "/editor/forgot-password?sent=yes"
        );
    }
    let (status, empty) = visitor
        .post(&site.address, "/editor/forgot-password", &[("email", "")])
        .await
        .map(|r| (r.status().as_u16(), ()))
        .expect("the form is answered");
    assert_eq!((status, empty), (400, ()));

    let messages = sink.wait_for(1);
    let message = unwrapped(&messages[0]);
    assert_eq!(header(&message, "To"), Some("forgetful@example.org"));
    let marker = "/editor/reset-password/";
    let from = message.find(marker).expect("a link") + marker.len();
    let link = format!(
        "{marker}{}",
        message[from..].chars().take(64).collect::<String>()
    );

    let (status, page) = visitor.get(&site.address, &link).await;
    assert_eq!(status, 200);
    assert!(page.contains("Set a new password"));
    let different = visitor
        .post(
            &site.address,
            &link,
            &[
                ("password", "copper kettle morning walk"),
                ("confirm", "copper kettle"),
            ],
        )
        .await
        .expect("the form is answered");
    assert_eq!(different.status().as_u16(), 400);
    let set = visitor
        .post(
            &site.address,
            &link,
            &[
                ("new", "copper kettle morning walk"),
                ("again", "copper kettle morning walk"),
            ],
        )
        .await
        .expect("the form is answered");
    assert_eq!(set.status().as_u16(), 303);
    assert_eq!(set.headers()["location"], "/editor/sign-in?password-set");
    let (status, page) = visitor.get(&site.address, &link).await;
    assert_eq!(status, 410, "the link works once");
    assert!(page.contains("This link cannot be used"));

    Editor::new()
        .sign_in_with(
            &site.address,
            "forgetful@example.org",
            "copper kettle morning walk",
        )
        .await;
    assert_eq!(
        sink.messages().len(),
        1,
        "nothing was sent to the unknown address"
    );
    drop(site);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_provider_claims_a_listing_proves_their_email_and_edits_it_once_approved() {
    let Some(sink) = Sink::start() else { return };
    let (_dir, data, profile) = quiet_setup();
    let site = sending_site(&data, &profile, &sink);
    add_editor(&data, "council.claims@example.org", None);
    let id = "crewe-saturday-memory-club";

    // The listing offers to manage it; the form asks politely for what is missing.
    let mut provider = Editor::new();
    let (_, listing) = provider
        .get(&site.address, &format!("/services/{id}"))
        .await;
    assert!(listing.contains(&format!("href=\"/claim?service={id}\"")));
    let (status, form) = provider
        .get(&site.address, &format!("/claim?service={id}"))
        .await;
    assert_eq!(status, 200);
    assert!(form.contains("Send the request"));
    let empty = provider
        .post(&site.address, "/claim", &[("service", id)])
        .await
        .expect("answered");
    assert_eq!(empty.status().as_u16(), 400);
    let body = empty.text().await.unwrap();
    assert!(
        body.contains("Enter your full name") && body.contains("Enter your work email address")
    );
    let made = provider
        .post(
            &site.address,
            "/claim",
            &[
                ("service", id),
                ("name", "Robin Manager"),
                ("email", "robin.manager@example.org"),
                ("job", "Club coordinator"),
                ("consent", "yes"),
            ],
        )
        .await
        .expect("answered");
    assert_eq!(made.status().as_u16(), 303);

    // They prove their address with the emailed link (a button, not the GET).
    let proof = unwrapped(&sink.wait_for(1)[0]);
    assert_eq!(header(&proof, "To"), Some("robin.manager@example.org"));
    let link = link_in(&proof, "/claim/prove/");
    let (status, page) = provider.get(&site.address, &link).await;
    assert_eq!(status, 200);
    assert!(page.contains("Confirm my email address"));
    let proved = provider
        .post(&site.address, &link, &[])
        .await
        .expect("answered");
    assert_eq!(proved.status().as_u16(), 303);

    // The council editor is told, and approves.
    let messages = sink.wait_for(2);
    assert_eq!(
        header(&messages[1], "To"),
        Some("council.claims@example.org")
    );
    let mut council = Editor::new();
    council
        .sign_in(&site.address, "council.claims@example.org")
        .await;
    let (status, claims) = council.get(&site.address, "/editor/claims").await;
    assert_eq!(status, 200);
    assert!(claims.contains("Robin Manager") && claims.contains("Club coordinator"));
    let marker = "action=\"/editor/claims/";
    let from = claims.find(marker).expect("a claim") + marker.len();
    let claim: String = claims[from..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let csrf = process::csrf_of(&claims);
    let approved = council
        .post(
            &site.address,
            &format!("/editor/claims/{claim}/approve"),
            &[("csrf", &csrf)],
        )
        .await
        .expect("answered");
    assert_eq!(approved.status().as_u16(), 303);

    // They choose a password from the welcome email, sign in and edit the listing.
    let welcome = unwrapped(&sink.wait_for(3)[2]);
    assert_eq!(header(&welcome, "To"), Some("robin.manager@example.org"));
    let link = link_in(&welcome, "/editor/reset-password/");
    let set = provider
        .post(
            &site.address,
            &link,
            &[
                ("new", "lantern meadow copper bell"),
                ("again", "lantern meadow copper bell"),
            ],
        )
        .await
        .expect("answered");
    assert_eq!(set.status().as_u16(), 303);
    let mut editor = Editor::new();
    editor
        .sign_in_with(
            &site.address,
            "robin.manager@example.org",
            "lantern meadow copper bell",
        )
        .await;
    let (status, edit) = editor
        .get(&site.address, &format!("/editor/services/{id}/edit"))
        .await;
    assert_eq!(status, 200, "{edit}");
    editor
        .set_vacancy(
            &site.address,
            id,
            dayfinder::model::VacancyStatus::WaitingList,
        )
        .await
        .expect("the vacancy is saved");
    let (_, listing) = Editor::new()
        .get(&site.address, &format!("/services/{id}"))
        .await;
    assert!(listing.contains("Kept up to date by its provider on Dayfinder."));
    assert!(listing.contains("Waiting list"));
    drop(site);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_provider_invites_a_colleague_who_chooses_their_own_password() {
    let Some(sink) = Sink::start() else { return };
    let (_dir, data, profile) = quiet_setup();
    let site = sending_site(&data, &profile, &sink);
    let service = dayfinder::sample::cheshire_east()
        .services
        .into_iter()
        .find(|s| s.id == "crewe-saturday-memory-club")
        .expect("the sample service");
    add_editor(&data, "inviter@example.org", Some(&service.organisation_id));
    let mut inviter = Editor::new();
    inviter.sign_in(&site.address, "inviter@example.org").await;
    let (status, form) = inviter.get(&site.address, "/editor/account/invite").await;
    assert_eq!(status, 200);
    let csrf = process::csrf_of(&form);
    let taken = inviter
        .post(
            &site.address,
            "/editor/account/invite",
            &[
                ("csrf", &csrf),
                ("name", "Me Again"),
                ("email", "inviter@example.org"),
            ],
        )
        .await
        .expect("answered");
    assert_eq!(taken.status().as_u16(), 400);
    assert!(
        taken
            .text()
            .await
            .unwrap()
            .contains("There is already an account")
    );
    let sent = inviter
        .post(
            &site.address,
            "/editor/account/invite",
            &[
                ("csrf", &csrf),
                ("name", "Alex Colleague"),
                ("email", "alex@example.org"),
            ],
        )
        .await
        .expect("answered");
    assert_eq!(sent.status().as_u16(), 303);

    let welcome = unwrapped(&sink.wait_for(1)[0]);
    assert_eq!(header(&welcome, "To"), Some("alex@example.org"));
    assert!(welcome.contains("invited you to keep"));
    let link = link_in(&welcome, "/editor/reset-password/");
    let chosen = Editor::new()
        .post(
            &site.address,
            &link,
            &[
                ("new", "harbour willow ember clock"),
                ("again", "harbour willow ember clock"),
            ],
        )
        .await
        .expect("answered");
    assert_eq!(chosen.status().as_u16(), 303);
    let mut colleague = Editor::new();
    colleague
        .sign_in_with(
            &site.address,
            "alex@example.org",
            "harbour willow ember clock",
        )
        .await;
    let (status, services) = colleague.get(&site.address, "/editor").await;
    assert_eq!(status, 200);
    assert!(
        services.contains(&service.name),
        "the colleague keeps the same listings"
    );
    drop(site);
}
