//! What each command does. Each reads as its steps: open the engine, ask it, print.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, bail};
use dayfinder::profile::CouncilProfile;
use dayfinder::query::{Hit, SearchQuery};
use dayfinder::store::{PostgresStore, SqliteStore};
use dayfinder::{Engine, sample};
use serde::Serialize;

use crate::cli::{
    AddEditorArgs, Cli, Command, GenerateArgs, ResetTotpArgs, RoleArg, SearchArgs, ServeArgs,
    StatsArgs,
};
use crate::startup::{Application, Settings};

/// The shared database's URL (`--database`), set once from the command line by `run`.
/// Without one, the store is the embedded SQLite file in the data folder.
static DATABASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Runs the command the user asked for (`serve` when none).
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let data_dir = cli.data_dir;
    let profile = council_profile(cli.profile.as_deref())?;
    if let Some(url) = cli.database {
        let _ = DATABASE.set(url);
    }
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Backup(_) | Command::Restore(_) if DATABASE.get().is_some() => bail!(
            "backup and restore copy the embedded store; back up PostgreSQL with its own \
             tools (pg_dump, replicas): see docs/scaling.md"
        ),
        Command::Serve(args) => serve(&data_dir, args, profile).await,
        Command::Reindex => {
            let engine = open(&data_dir).await?;
            let count = blocking(move || {
                engine
                    .reindex()
                    .context("Failed to rebuild the search index")
            })
            .await?;
            println!("Indexed {count} services.");
            Ok(())
        }
        Command::Generate(args) => generate(&data_dir, args).await,
        Command::Import(args) => crate::transfer::import(&data_dir, args).await,
        Command::Export(args) => crate::transfer::export(&data_dir, args).await,
        Command::Stats(args) => stats(&data_dir, args, &profile).await,
        Command::Search(args) => search(&data_dir, args, &profile).await,
        Command::AddEditor(args) => add_editor(&data_dir, args).await,
        Command::ResetTotp(args) => reset_totp(&data_dir, args).await,
        Command::Backup(args) => crate::backup::backup(&data_dir, args).await,
        Command::Restore(args) => crate::backup::restore(&data_dir, args).await,
        Command::Feeds(args) => crate::feeds::run(&data_dir, args).await,
        Command::Places(args) => crate::places::run(&data_dir, args).await,
        Command::Email(args) => crate::email::run(&data_dir, args, &profile).await,
        Command::Enquiries(args) => crate::enquiries::run(&data_dir, args).await,
    }
}

/// The council profile named by `--profile` (`$DAYFINDER_PROFILE`), or the sample's. A
/// mistake in the file stops the program, naming its line and field.
pub fn council_profile(path: Option<&Path>) -> anyhow::Result<Arc<CouncilProfile>> {
    match path {
        Some(path) => Ok(Arc::new(CouncilProfile::from_file(path).context(
            "The council profile (--profile, or DAYFINDER_PROFILE) cannot be used",
        )?)),
        None => Ok(CouncilProfile::sample()),
    }
}

/// Runs blocking engine work off the async threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .context("A background task failed")?
}

/// Opens the store (in `data_dir`, or the `--database`) and the index in `data_dir`.
pub async fn open(data_dir: &Path) -> anyhow::Result<Arc<Engine>> {
    let dir = data_dir.to_path_buf();
    let database = DATABASE.get().cloned();
    blocking(move || {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("Failed to create the data folder {}", dir.display()))?;
        let engine = match database {
            Some(url) => Engine::open_with(connect(&url)?, &dir).with_context(|| {
                format!(
                    "Failed to open the index in {} on PostgreSQL",
                    dir.display()
                )
            })?,
            None => Engine::open(&dir)
                .with_context(|| format!("Failed to open the directory in {}", dir.display()))?,
        };
        Ok(Arc::new(engine))
    })
    .await
}

/// Connects to the shared PostgreSQL store (never printing the URL: it may hold a password).
fn connect(url: &str) -> anyhow::Result<PostgresStore> {
    PostgresStore::connect(url)
        .context("Failed to open the PostgreSQL database named by --database (DATABASE_URL)")
}

/// Opens only the store in `data_dir`, not the search index: for commands that must work
/// while the site runs (the site holds the index's one writer lock).
pub async fn open_store(data_dir: &Path) -> anyhow::Result<Arc<SqliteStore>> {
    let dir = data_dir.to_path_buf();
    blocking(move || {
        let store = SqliteStore::open_in(&dir)
            .with_context(|| format!("Failed to open the store in {}", dir.display()))?;
        Ok(Arc::new(store))
    })
    .await
}

/// The email outbox alone (the shared database's, or the embedded store's), for commands
/// that must work while the site runs.
pub async fn open_outbox(
    data_dir: &Path,
) -> anyhow::Result<Arc<dyn dayfinder::store::OutboxStore>> {
    Ok(match DATABASE.get().cloned() {
        Some(url) => blocking(move || Ok(Arc::new(connect(&url)?))).await?,
        None => open_store(data_dir).await?,
    })
}

/// The imported places alone (the shared database's, or the embedded store's), for
/// `places import` while the site runs (it follows the import by itself).
pub async fn open_places(
    data_dir: &Path,
) -> anyhow::Result<Arc<dyn dayfinder::store::PlacesStore>> {
    Ok(match DATABASE.get().cloned() {
        Some(url) => blocking(move || Ok(Arc::new(connect(&url)?))).await?,
        None => open_store(data_dir).await?,
    })
}

/// The enquiries alone (the shared database's, or the embedded store's), for commands that
/// must work while the site runs.
pub async fn open_enquiries(
    data_dir: &Path,
) -> anyhow::Result<Arc<dyn dayfinder::store::EnquiryStore>> {
    Ok(match DATABASE.get().cloned() {
        Some(url) => blocking(move || Ok(Arc::new(connect(&url)?))).await?,
        None => open_store(data_dir).await?,
    })
}

/// Opens the store, filling it with the sample directory if it is empty and the profile
/// asks for it (the sample's does). A council's own profile starts empty: its directory
/// comes from its import or feed (docs/new-council.md), never mixed with the sample's.
pub async fn open_with_sample(
    data_dir: &Path,
    profile: &CouncilProfile,
) -> anyhow::Result<Arc<Engine>> {
    let engine = open(data_dir).await?;
    let handle = engine.clone();
    let dir = data_dir.display().to_string();
    let is_sample = profile.site.sample_directory;
    blocking(move || {
        if !handle.is_empty().context("Failed to read the store")? {
            return Ok(());
        }
        if !is_sample {
            tracing::info!(data_dir = %dir, "the store is empty: import your directory (dayfinder import FILE) or follow its feed (dayfinder feeds add URL)");
        } else {
            let directory = sample::directory();
            handle.import(&directory).context("Failed to load the sample directory")?;
            tracing::info!(services = directory.services.len(), data_dir = %dir, "the store was empty, so it now holds the sample directory");
        }
        Ok(())
    })
    .await?;
    Ok(engine)
}

async fn serve(
    data_dir: &Path,
    args: ServeArgs,
    profile: Arc<CouncilProfile>,
) -> anyhow::Result<()> {
    let mailer = crate::email::Mailer::new(args.smtp_url.as_deref(), profile.email.as_ref())?;
    let engine = open_with_sample(data_dir, &profile).await?;
    tokio::spawn(crate::events::keep_sample_events_current(engine.clone()));
    let council = profile.council.name.to_string();
    let settings = Settings {
        public_url: args.public_url,
        mailer,
        profile,
        metrics_addr: args.metrics_addr.0,
        ..Settings::from_env(args.addr)
    };
    let editor = crate::editor::EditorOptions {
        secure_cookies: args.secure_cookies,
        trusted_proxies: args.trusted_proxies.into(),
    };
    let app = Application::build_with(settings, engine, editor).await?;
    // Tests and scripts read the address from this line: keep its words.
    if let Some(metrics) = app.metrics_address() {
        tracing::info!("Metrics are at http://{metrics}/metrics");
    }
    tracing::info!(%council, "Dayfinder is at http://{}", app.address());
    app.run_until_stopped()
        .await
        .context("The web server stopped with an error")
}

async fn generate(data_dir: &Path, args: GenerateArgs) -> anyhow::Result<()> {
    let directory = sample::synthetic(args.services, args.seed);
    match args.out {
        Some(path) => {
            let json = serde_json::to_string(&directory)
                .context("Failed to write the directory as JSON")?;
            std::fs::write(&path, json)
                .with_context(|| format!("Failed to write {}", path.display()))?;
            println!(
                "Wrote {} services to {}.",
                directory.services.len(),
                path.display()
            );
        }
        None => {
            let engine = open(data_dir).await?;
            let count = directory.services.len();
            blocking(move || {
                engine
                    .import(&directory)
                    .context("Failed to load the directory into the store")
            })
            .await?;
            println!(
                "Loaded {count} synthetic services into {}.",
                data_dir.display()
            );
        }
    }
    Ok(())
}

async fn stats(data_dir: &Path, args: StatsArgs, profile: &CouncilProfile) -> anyhow::Result<()> {
    let engine = open_with_sample(data_dir, profile).await?;
    let stats = blocking(move || engine.stats().context("Failed to count the directory")).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        println!(
            "Day opportunities in {} ({})",
            profile.area.name, profile.council.name
        );
        println!("Services:  {}", stats.services);
        println!("Providers: {}", stats.providers);
        println!("Towns:     {}", stats.towns);
        for (need, count) in &stats.by_need {
            println!("  {need}: {count}");
        }
    }
    Ok(())
}

/// The query a `search` command asks, read through the same parameters as the site's URLs.
pub fn search_query(args: &SearchArgs) -> anyhow::Result<SearchQuery> {
    let mut pairs: Vec<(&str, String)> = vec![("q", args.text.clone())];
    pairs.extend(args.near.iter().map(|p| ("near", p.clone())));
    pairs.extend(args.within.iter().map(|m| ("within", m.to_string())));
    pairs.extend(args.needs.iter().map(|n| ("need", n.clone())));
    pairs.extend(args.kinds.iter().map(|k| ("kind", k.clone())));
    pairs.extend(args.days.iter().map(|d| ("day", d.clone())));
    pairs.extend(args.order.iter().map(|o| ("order", o.clone())));
    let (mut query, problems) =
        SearchQuery::from_params(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    if let Some(problem) = problems.first() {
        bail!(
            "--{}: {} (see `dayfinder search --help` for the choices)",
            problem.param,
            problem.message
        );
    }
    query.per_page = args.limit.clamp(1, dayfinder::query::MAX_PER_PAGE);
    Ok(query)
}

/// One result as `search --json` prints it.
#[derive(Debug, Serialize)]
pub struct SearchLine {
    pub rank: usize,
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub town: String,
    pub distance_miles: Option<f64>,
    pub days: Vec<String>,
    pub cost: String,
    pub score: f32,
}

impl SearchLine {
    fn new(rank: usize, hit: Hit) -> Self {
        use dayfinder::model::Term;
        SearchLine {
            rank,
            id: hit.id,
            name: hit.name,
            organisation: hit.organisation,
            town: hit.town,
            distance_miles: hit.distance_miles.map(|d| (d * 100.0).round() / 100.0),
            days: hit.days.iter().map(|d| d.slug().to_string()).collect(),
            cost: hit.cost,
            score: hit.score,
        }
    }
}

async fn search(data_dir: &Path, args: SearchArgs, profile: &CouncilProfile) -> anyhow::Result<()> {
    let query = search_query(&args)?;
    let engine = open_with_sample(data_dir, profile).await?;
    let results = blocking(move || {
        engine
            .search(&query)
            .context("Failed to search the directory")
    })
    .await?;
    let lines: Vec<SearchLine> = results
        .hits
        .into_iter()
        .enumerate()
        .map(|(i, hit)| SearchLine::new(i + 1, hit))
        .collect();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&lines)?);
        return Ok(());
    }
    if let Some(notice) = &results.place_notice {
        println!(
            "{} Did you mean: {}?",
            notice.message,
            notice.suggestions.join(", ")
        );
    }
    println!(
        "{} found{}",
        results.total,
        results
            .place
            .as_ref()
            .map(|p| format!(" near {}", p.name))
            .unwrap_or_default()
    );
    for line in &lines {
        let distance = line
            .distance_miles
            .map(|d| format!(", {d:.1} miles"))
            .unwrap_or_default();
        println!("{:>3}. {} ({}{distance})", line.rank, line.name, line.town);
        println!(
            "     {} · {} · /services/{}",
            line.organisation, line.cost, line.id
        );
    }
    Ok(())
}

/// Adds an editor's account. The password comes from standard input (its first line), or
/// is asked for twice, without echo, when standard input is a terminal.
async fn add_editor(data_dir: &Path, args: AddEditorArgs) -> anyhow::Result<()> {
    use dayfinder::accounts::{AccountError, Accounts, NewAccount, Password, Role};
    use dayfinder::store::Store;
    use std::io::IsTerminal;

    let role = match (args.role, args.organisation) {
        (RoleArg::Council, None) => Role::Council,
        (RoleArg::Council, Some(_)) => {
            bail!("A council editor belongs to no organisation: leave out --organisation.")
        }
        (RoleArg::Provider, Some(organisation_id)) => Role::Provider { organisation_id },
        (RoleArg::Provider, None) => bail!("A provider editor needs --organisation <id>."),
    };
    let account = NewAccount::parse(&args.email, &args.name, role)?;
    // Someone else's password (the administrator's choice) is changed at first sign-in.
    let account = if args.own_password {
        account
    } else {
        account.set_by(None)
    };
    let typed = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!(
            "Password for {} (at least {} characters): ",
            account.email,
            Password::MIN
        ))
        .context("Failed to read the password")?;
        let again = rpassword::prompt_password("The same password again: ")
            .context("Failed to read the password")?;
        if first != again {
            bail!("The two passwords are not the same. Nothing was added.");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .context("Failed to read the password from standard input")?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    let password = Password::parse(&typed)?;
    fn add_to<S: Store + dayfinder::accounts::AccountStore>(
        store: &S,
        account: &NewAccount,
        password: &Password,
    ) -> anyhow::Result<dayfinder::accounts::Account> {
        if let Role::Provider { organisation_id } = &account.role {
            let directory = store.directory().context("Failed to read the directory")?;
            if !directory
                .organisations
                .iter()
                .any(|o| &o.id == organisation_id)
            {
                bail!(AccountError::UnknownOrganisation(organisation_id.clone()));
            }
        }
        Ok(Accounts::new(store).add(account, password, jiff::Timestamp::now())?)
    }
    // The store alone: the running site holds the search index, which this does not need.
    let added = match DATABASE.get().cloned() {
        Some(url) => blocking(move || add_to(&connect(&url)?, &account, &password)).await?,
        None => {
            let store = open_store(data_dir).await?;
            blocking(move || add_to(&*store, &account, &password)).await?
        }
    };
    println!(
        "Added {} <{}> as a {}.{}",
        added.name,
        added.email,
        added.role.label().to_lowercase(),
        if added.must_change_password {
            " They choose a new password when they first sign in."
        } else {
            ""
        }
    );
    Ok(())
}

/// Turns off an editor's second step of signing in, on the store alone (the site may run).
async fn reset_totp(data_dir: &Path, args: ResetTotpArgs) -> anyhow::Result<()> {
    use dayfinder::accounts::{AccountStore, Accounts, Email};

    let email = Email::parse(&args.email)?;
    fn reset(
        store: &dyn AccountStore,
        email: &Email,
    ) -> anyhow::Result<dayfinder::accounts::Account> {
        Accounts::new(store)
            .reset_two_step(email, jiff::Timestamp::now())
            .with_context(|| format!("Failed to turn off the code from an app for {email}"))
    }
    let account = match DATABASE.get().cloned() {
        Some(url) => blocking(move || reset(&connect(&url)?, &email)).await?,
        None => {
            let store = open_store(data_dir).await?;
            blocking(move || reset(&*store, &email)).await?
        }
    };
    println!(
        "{} <{}> now signs in with their password alone, and can set up a code from an app \
         again from their account page.",
        account.name, account.email
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use dayfinder::model::{Need, Weekday};

    use super::*;

    fn args(text: &str) -> SearchArgs {
        SearchArgs {
            text: text.into(),
            near: None,
            within: None,
            needs: vec![],
            kinds: vec![],
            days: vec![],
            order: None,
            limit: 10,
            json: false,
        }
    }

    #[test]
    fn search_flags_become_the_same_query_as_the_sites_url() {
        let mut a = args("memory cafe");
        a.near = Some("Crewe".into());
        a.within = Some(3.0);
        a.needs = vec!["dementia".into()];
        a.days = vec!["Weekend".into()];
        let q = search_query(&a).unwrap();
        assert_eq!(q.text, "memory cafe");
        assert_eq!(q.place.as_deref(), Some("Crewe"));
        assert_eq!(q.within_miles, Some(3.0));
        assert_eq!(q.needs, [Need::Dementia]);
        assert_eq!(q.days, [Weekday::Saturday, Weekday::Sunday]);
    }

    #[test]
    fn days_are_taken_as_people_type_them() {
        let mut a = args("");
        a.days = vec!["sat".into(), "Sundays".into(), "Tues".into()];
        let q = search_query(&a).unwrap();
        assert_eq!(
            q.days,
            [Weekday::Saturday, Weekday::Sunday, Weekday::Tuesday]
        );
        a.days = vec!["someday".into()];
        let err = search_query(&a).unwrap_err().to_string();
        assert!(err.starts_with("--day:"), "{err}");
    }

    #[test]
    fn a_need_the_directory_does_not_know_is_refused_by_name() {
        let mut a = args("");
        a.needs = vec!["gardening".into()];
        let err = search_query(&a).unwrap_err().to_string();
        assert!(err.starts_with("--need:"), "{err}");
    }
}
