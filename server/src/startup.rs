//! Building the web app is separate from binding its port: `app` makes the router (tests
//! call it too), `Application::build` binds a listener (port 0 in tests).

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use axum::{Router, extract::FromRef, middleware, routing::get};
use dayfinder::Engine;
use dayfinder::places::Gazetteer;
use dayfinder::profile::CouncilProfile;
use dayfinder_app::profile::SiteProfile;
use dayfinder_app::{App, shell};
use leptos::config::{LeptosOptions, get_configuration};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tokio::net::{TcpListener, TcpStream};
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::{CompressionLevel, compression::CompressionLayer, trace::TraceLayer};

use crate::headers;

/// What every request can reach.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub engine: Arc<Engine>,
    /// The address people reach the site at, for share links; `None`: the request's Host.
    pub public_url: Option<String>,
    /// How the editors' pages set their cookies.
    pub editor: crate::editor::EditorOptions,
    /// The council the site is for (`--profile`).
    pub profile: Arc<CouncilProfile>,
    /// Whether email is sent (`--smtp-url` and the profile's sender); without it, email
    /// waits in the outbox and editors are told.
    pub email_set_up: bool,
    /// What links in emails start with: `--public-url`, or the address the server listens
    /// on (never a request's Host, which anyone can forge).
    pub site_url: String,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Where to listen and where the site's files are.
#[derive(Debug, Clone)]
pub struct Settings {
    pub addr: SocketAddr,
    pub leptos_options: LeptosOptions,
    /// See `AppState::public_url`.
    pub public_url: Option<String>,
    /// See `AppState::profile`.
    pub profile: Arc<CouncilProfile>,
    /// What sends the outbox's email (`--smtp-url`); `None`: email waits in the outbox.
    pub mailer: Option<crate::email::Mailer>,
    /// Where `/metrics` answers (`--metrics-addr`); `None`: nowhere.
    pub metrics_addr: Option<SocketAddr>,
}

impl Settings {
    /// The settings cargo-leptos passes in the environment (`LEPTOS_SITE_ROOT`,
    /// `LEPTOS_SITE_ADDR`...), with defaults when run on its own; `addr` overrides the address.
    pub fn from_env(addr: Option<SocketAddr>) -> Settings {
        let mut leptos_options = get_configuration(None)
            .map(|conf| conf.leptos_options)
            .unwrap_or_else(|_| LeptosOptions::builder().output_name("dayfinder").build());
        // Run directly (not by cargo-leptos), find out whether the build hashed file names
        // from the hash file it leaves beside the binary.
        let exe_dir = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(Path::to_path_buf));
        if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
            leptos_options.hash_files = exe_dir
                .as_ref()
                .is_some_and(|dir| dir.join(&*leptos_options.hash_file).exists());
        }
        // Run from an unpacked release (`bin/dayfinder` beside `site/`, see
        // scripts/release.sh), the site's files are that folder, wherever it is unpacked.
        if std::env::var_os("LEPTOS_SITE_ROOT").is_none()
            && let Some(site) = exe_dir
                .and_then(|dir| dir.parent().map(|release| release.join("site")))
                .filter(|site| site.join(&*leptos_options.site_pkg_dir).is_dir())
        {
            leptos_options.site_root = site.display().to_string().into();
        }
        Settings {
            addr: addr.unwrap_or(leptos_options.site_addr),
            leptos_options,
            public_url: None,
            profile: CouncilProfile::sample(),
            mailer: None,
            metrics_addr: None,
        }
    }
}

/// What every page's rendering is given: the engine, the site's options, the public
/// address, the council profile, and the request's CSP nonce.
pub(crate) fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let engine = state.engine.clone();
    let public_url = state.public_url.clone().map(dayfinder_app::ssr::PublicUrl);
    // The site's options: pages read the site root from them (which pictures exist).
    let site_options = state.leptos_options.clone();
    let profile = SiteProfile::from(&*state.profile);
    let council = state.profile.clone();
    // The profile with the area's towns, made again only when the gazetteer is swapped
    // (a places import, a new town), not on every page. Holding the gazetteer keeps its
    // address from being reused by another.
    let with_towns = Arc::new(std::sync::Mutex::new(None::<(Arc<Gazetteer>, SiteProfile)>));
    move || {
        provide_context(engine.clone());
        let places = engine.places();
        let mut held = with_towns.lock().unwrap_or_else(|e| e.into_inner());
        let page_profile = match &*held {
            Some((made_from, made)) if Arc::ptr_eq(made_from, &places) => made.clone(),
            _ => {
                let made = profile.clone().with_places(&council, &places);
                *held = Some((places, made.clone()));
                made
            }
        };
        drop(held);
        provide_context(page_profile);
        provide_context(council.clone());
        provide_context(site_options.clone());
        if let Some(url) = &public_url {
            provide_context(url.clone());
        }
        dayfinder_app::ssr::use_request_nonce();
    }
}

/// A page of the app rendered for a form's POST, as its GET at `path` (the form's own
/// address when `None`) would render it, with `form` (what was typed and what is wrong)
/// in context: a form with a mistake comes back with what was typed.
pub(crate) async fn page_again<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    parts: axum::http::request::Parts,
    form: T,
    status: axum::http::StatusCode,
    path: Option<axum::http::Uri>,
) -> axum::response::Response {
    let context = page_context(state);
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            context();
            provide_context(form.clone());
        },
        move || dayfinder_app::shell(options.clone()),
    );
    let mut parts = parts;
    parts.method = axum::http::Method::GET;
    if let Some(path) = path {
        parts.uri = path;
    }
    let request = axum::http::Request::from_parts(parts, axum::body::Body::empty());
    let mut response = render(request).await;
    *response.status_mut() = status;
    response
}

/// The app's page routes, worked out once per process. Leptos works them out by running
/// the app with resource loading switched off by a process-wide flag: a page that another
/// server in the same process (the tests run several) starts rendering meanwhile waits for
/// its data for ever (leptos-rs/leptos#4773).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES
        .get_or_init(|| {
            // Working out the routes renders the app outside any request: it reads a
            // profile, which cannot change which pages there are.
            generate_route_list(|| {
                provide_context(dayfinder_app::profile::SiteProfile::default());
                App()
            })
        })
        .clone()
}

/// The path of every page the app renders (`/services/:id` for a listing), as its router
/// has them: what tests walk to visit every page.
pub fn page_paths() -> Vec<String> {
    route_list().iter().map(|r| r.path().to_string()).collect()
}

/// The whole site as a router: pages, server functions, static files and the 404 page,
/// with security headers and compression on every response.
pub fn app(state: AppState) -> Router {
    let routes = route_list();
    let context = page_context(&state);
    let options = state.leptos_options.clone();
    let header_options = headers::HeaderOptions {
        hashed_assets: options.hash_files,
        https_only: state.editor.secure_cookies,
    };
    let router = Router::new()
        .route("/healthz", get(crate::monitoring::healthz))
        .route("/readyz", get(crate::monitoring::readyz))
        .merge(crate::oruk::routes())
        .merge(crate::downloads::routes())
        .merge(crate::shortlist::routes())
        .merge(crate::view_mode::routes())
        .merge(crate::editor::routes(&state))
        .merge(crate::report_problem::routes())
        .merge(crate::enquiries::routes())
        .merge(crate::reviews::routes())
        .merge(crate::claims::routes())
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        // `/events/{id}.ics` shares its path with the event pages, so it is answered first.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::events::calendar_files,
        ))
        .layer(middleware::from_fn(crate::view_mode::remember_choice))
        .layer(middleware::from_fn(crate::enquiries::keep_private))
        .layer(middleware::from_fn_with_state(
            header_options,
            headers::add_headers,
        ))
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Fastest)
                .compress_when(DefaultPredicate::new().and(NotMarkedUncompressed)),
        );
    crate::limits::bound(router)
        .layer(TraceLayer::new_for_http())
        // Outermost, so what the limits refuse is counted too.
        .layer(middleware::from_fn(crate::monitoring::count_requests))
        .with_state(state)
}

/// Marks a response that must go out uncompressed: the editors' pages carry a CSRF token
/// next to text the request put there, and compressing both lets a watcher of the
/// encrypted sizes guess the token (BREACH). Put in the response's extensions.
#[derive(Debug, Clone, Copy)]
pub struct Uncompressed;

/// The compression predicate that leaves [`Uncompressed`] responses alone.
#[derive(Debug, Clone, Copy)]
struct NotMarkedUncompressed;

impl Predicate for NotMarkedUncompressed {
    fn should_compress<B: axum::body::HttpBody>(&self, response: &axum::http::Response<B>) -> bool {
        response.extensions().get::<Uncompressed>().is_none()
    }
}

/// The app bound to its port, ready to run.
pub struct Application {
    listener: TcpListener,
    /// `/metrics`, on an address of its own.
    metrics: Option<TcpListener>,
    router: Router,
    engine: Arc<Engine>,
    mailer: Option<crate::email::Mailer>,
    /// The council's enquiry rules and what links in emails start with.
    enquiries: (dayfinder::enquiries::EnquirySettings, String),
    /// The council's review cycle.
    reviews: dayfinder::reviews::ReviewSettings,
}

impl Application {
    /// Binds the address (port 0 picks a free one) and builds the app around the engine.
    pub async fn build(settings: Settings, engine: Arc<Engine>) -> anyhow::Result<Application> {
        Self::build_with(settings, engine, crate::editor::EditorOptions::default()).await
    }

    /// As `build`, with the editors' pages set up for where the site is deployed.
    pub async fn build_with(
        settings: Settings,
        engine: Arc<Engine>,
        editor: crate::editor::EditorOptions,
    ) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(settings.addr)
            .await
            .with_context(|| format!("Failed to listen on {}", settings.addr))?;
        crate::monitoring::install();
        let metrics = match settings.metrics_addr {
            Some(addr) => Some(TcpListener::bind(addr).await.with_context(|| {
                format!("Failed to listen for metrics on {addr} (--metrics-addr)")
            })?),
            None => None,
        };
        let site_url = settings.public_url.clone().unwrap_or_else(|| {
            let addr = listener.local_addr().unwrap_or(settings.addr);
            format!("http://{addr}")
        });
        let enquiries = settings.profile.enquiries.settings();
        let reviews = settings.profile.reviews.settings();
        engine.follow_review_rules(reviews.clone());
        let router = app(AppState {
            site_url: site_url.clone(),
            leptos_options: settings.leptos_options,
            engine: engine.clone(),
            public_url: settings.public_url,
            editor,
            profile: settings.profile,
            email_set_up: settings.mailer.is_some(),
        });
        Ok(Application {
            listener,
            metrics,
            router,
            engine,
            mailer: settings.mailer,
            enquiries: (enquiries, site_url),
            reviews,
        })
    }

    /// The address `/metrics` answers on, when it does.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().and_then(|l| l.local_addr().ok())
    }

    /// The address actually bound.
    pub fn address(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // Other nodes' and commands' changes: see `crate::follow`.
        let following = crate::follow::follow_the_store(self.engine.clone());
        let counts = tokio::spawn(crate::editor::keep_counts_flushed(self.engine.clone()));
        let purges = tokio::spawn(crate::report_problem::keep_reports_purged(
            self.engine.clone(),
        ));
        // Reminders and escalations of unanswered enquiries, and erasure when they are due.
        let (enquiry_settings, site_url) = self.enquiries;
        let chases = tokio::spawn(crate::enquiries::keep_enquiries_chased(
            self.engine.clone(),
            enquiry_settings,
            site_url.clone(),
        ));
        // Review reminders, each stage once, caught up at start.
        let reviews = tokio::spawn(crate::reviews::keep_reviews_running(
            self.engine.clone(),
            self.reviews,
            site_url.clone(),
        ));
        let claims = tokio::spawn(crate::claims::keep_claims_forgotten(
            self.engine.clone(),
            site_url,
        ));
        // Feeds the directory follows (`feeds add`), each pulled when it is due.
        let feeds = tokio::spawn(crate::feeds::keep_feeds_followed(
            self.engine.clone(),
            crate::feeds::CHECK_EVERY,
        ));
        // The outbox's email, when a mail server is set up (`--smtp-url`).
        let email = self.mailer.map(|mailer| {
            tokio::spawn(crate::email::keep_sending(
                self.engine.clone(),
                mailer,
                crate::email::CHECK_EVERY,
            ))
        });
        let metrics = self.metrics.map(|listener| {
            let router = crate::monitoring::metrics_router(self.engine.clone());
            tokio::spawn(async move {
                if let Err(error) = axum::serve(accepting(listener), router).await {
                    tracing::error!(%error, "the metrics listener stopped");
                }
            })
        });
        // With each connection's address: the editors' sign-in limits count per client.
        let served = axum::serve(
            accepting(self.listener),
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await;
        drop(following);
        counts.abort();
        purges.abort();
        chases.abort();
        reviews.abort();
        claims.abort();
        feeds.abort();
        if let Some(metrics) = metrics {
            metrics.abort();
        }
        if let Some(email) = email {
            email.abort();
        }
        // The counts of searches made since the last flush (see `dayfinder::insight`).
        let engine = self.engine.clone();
        if let Ok(Err(error)) =
            tokio::task::spawn_blocking(move || engine.flush_search_counts()).await
        {
            tracing::warn!(?error, "the last counts of searches were not saved");
        }
        served
    }
}

/// Connections as the app accepts them: with Nagle's algorithm off. A response's head and
/// body go out as two small writes; with Nagle on, the second waits for the client's
/// delayed ACK, about 40 ms on every kept-alive request for a static file.
pub fn accepting(listener: TcpListener) -> axum::serve::TapIo<TcpListener, fn(&mut TcpStream)> {
    use axum::serve::ListenerExt;
    listener.tap_io(without_nagle)
}

fn without_nagle(tcp: &mut TcpStream) {
    if let Err(error) = tcp.set_nodelay(true) {
        tracing::warn!(%error, "could not turn off Nagle's algorithm on a connection");
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
