//! Starting the app for a test, and reading what it sends back.

use std::sync::{Arc, OnceLock};

use dayfinder::Engine;
use dayfinder::profile::CouncilProfile;
use dayfinder_server::startup::{Application, Settings};
use leptos::config::LeptosOptions;

/// One engine holding the sample directory, shared by all tests (they only read it).
fn sample_engine() -> Arc<Engine> {
    static ENGINE: OnceLock<(tempfile::TempDir, Arc<Engine>)> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let engine = Engine::open(dir.path()).expect("the engine opens in an empty folder");
            engine
                .import(&dayfinder::sample::cheshire_east())
                .expect("the sample directory loads");
            (dir, Arc::new(engine))
        })
        .1
        .clone()
}

/// A running app and a client that does not follow redirects.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
}

/// What a page request returned.
pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl TestApp {
    pub async fn get(&self, path: &str) -> Page {
        self.read(self.client.get(format!("{}{path}", self.address)))
            .await
    }

    /// A page asked for with a `Cookie` header (`view=easy`, `list=a.b`).
    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> Page {
        self.read(
            self.client
                .get(format!("{}{path}", self.address))
                .header("cookie", cookie),
        )
        .await
    }

    async fn read(&self, request: reqwest::RequestBuilder) -> Page {
        let response = request.send().await.expect("the request is answered");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        // Hydration markers (`<!>`) sit between text and tags; tests read the page without them.
        let body = response
            .text()
            .await
            .expect("a text body")
            .replace("<!>", "");
        Page {
            status,
            headers,
            body,
        }
    }
}

/// The one server most tests talk to, on its own multi-threaded runtime that lives as
/// long as the test process. Leptos keeps process-wide state (its task spawner among it),
/// so a server per test, each on a test's own short-lived runtime, can leave a later
/// request waiting on a runtime that is gone: the tests then hang at random.
fn shared_server() -> &'static str {
    static SERVER: OnceLock<(tokio::runtime::Runtime, String)> = OnceLock::new();
    // Called from a plain thread (see `connect`), so loading the engine may block.
    &SERVER
        .get_or_init(|| own_server(sample_engine(), Default::default()))
        .1
}

/// A server of a test module's own around `engine` for the sample council, set up as
/// `options` say, on a runtime of its own that must live as long as the test process
/// (see `shared_server`): keep the runtime. Gives the runtime and the server's address.
pub fn own_server(
    engine: Arc<Engine>,
    options: dayfinder_server::editor::EditorOptions,
) -> (tokio::runtime::Runtime, String) {
    council_server(engine, CouncilProfile::sample(), options)
}

/// As `own_server`, for the council `profile` describes.
pub fn council_server(
    engine: Arc<Engine>,
    profile: Arc<CouncilProfile>,
    options: dayfinder_server::editor::EditorOptions,
) -> (tokio::runtime::Runtime, String) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime for the server");
    let address = runtime.block_on(async {
        let settings = Settings {
            addr: "127.0.0.1:0".parse().expect("a socket address"),
            leptos_options: LeptosOptions::builder()
                .output_name("dayfinder")
                .site_root("target/site")
                .build(),
            public_url: None,
            profile,
            mailer: None,
            metrics_addr: None,
        };
        let app = Application::build_with(settings, engine, options)
            .await
            .expect("the app builds");
        let address = format!("http://{}", app.address());
        tokio::spawn(app.run_until_stopped());
        address
    });
    (runtime, address)
}

/// An invented second council, Mersey Vale Borough Council, in the Warrington postcode
/// districts (`data/another-council/profile.toml`).
pub const ANOTHER_COUNCIL: &str = include_str!("../../../data/another-council/profile.toml");

/// The second council's own feed (`data/another-council/services.json`), imported as a
/// council would import it.
fn borough_engine() -> Arc<Engine> {
    static ENGINE: OnceLock<(tempfile::TempDir, Arc<Engine>)> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let places = include_bytes!("../../../data/another-council/postcodes.csv");
            Engine::open(dir.path())
                .expect("the engine opens in an empty folder")
                .import_places(&places[..], None)
                .expect("the second council's postcodes import");
            // Opened again: an engine reads its places when it opens, as a site node does.
            let engine = Engine::open(dir.path()).expect("the engine opens again");
            let feed = include_bytes!("../../../data/another-council/services.json");
            dayfinder::oruk::import::import(
                &engine,
                feed,
                &dayfinder::oruk::import::Options::default(),
                &mut |_| {},
            )
            .expect("the second council's feed imports");
            drop(engine);
            // And again, as the site starts after the import: its towns are the ones the
            // feed's addresses name.
            let engine = Engine::open(dir.path()).expect("the engine opens once more");
            (dir, Arc::new(engine))
        })
        .1
        .clone()
}

/// The invented second council's site on its own feed, so that anything a page says of
/// the sample's council can only have come from code.
fn another_councils_server() -> &'static str {
    static SERVER: OnceLock<(tokio::runtime::Runtime, String)> = OnceLock::new();
    &SERVER
        .get_or_init(|| {
            let profile = CouncilProfile::parse(ANOTHER_COUNCIL, "profile.toml")
                .expect("the second council's profile is valid");
            council_server(borough_engine(), Arc::new(profile), Default::default())
        })
        .1
}

/// A client that does not follow redirects, talking to `server` (started if need be).
async fn connect(server: fn() -> &'static str) -> TestApp {
    // Started from a plain thread: a runtime cannot be started from inside another.
    let address = tokio::task::spawn_blocking(move || {
        std::thread::spawn(move || server().to_string())
            .join()
            .expect("the test server starts")
    })
    .await
    .expect("the test server starts");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client");
    TestApp { address, client }
}

/// The app on a free port with the sample directory, and a client that does not follow
/// redirects.
pub async fn spawn_app() -> TestApp {
    connect(shared_server).await
}

/// The app for another council (`ANOTHER_COUNCIL`) on its own feed.
pub async fn spawn_app_for_another_council() -> TestApp {
    connect(another_councils_server).await
}

impl Page {
    /// The text of the page's `<title>`.
    pub fn title(&self) -> &str {
        between(&self.body, "<title>", "</title>").unwrap_or("")
    }

    /// How many times an opening tag (`<h1`) appears.
    pub fn count(&self, needle: &str) -> usize {
        self.body.matches(needle).count()
    }

    /// The hrefs of the result cards' links.
    pub fn result_links(&self) -> Vec<String> {
        self.body
            .split("<h3 class=\"heading-m result__title\"><a href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(|href| href.replace("&amp;", "&"))
            .collect()
    }
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let to = s[from..].find(end)? + from;
    Some(&s[from..to])
}

/// Runs the `dayfinder` binary on `data_dir` with `args`, as a user would.
pub fn dayfinder(data_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dayfinder"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}
