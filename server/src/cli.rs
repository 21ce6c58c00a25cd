//! The command line: one clap struct is the whole configuration, with environment
//! variable fallbacks. The `///` comments are the `--help` text.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Dayfinder: a directory of day opportunities for adults in a council's area.
///
/// With no command, serves the site (this is how `cargo leptos serve` runs it).
#[derive(Debug, Parser)]
#[command(name = "dayfinder", version, about, long_about)]
pub struct Cli {
    /// Folder holding the directory's store and search index; created if missing.
    #[arg(
        long,
        global = true,
        env = "DAYFINDER_DATA",
        default_value = "./dayfinder-data"
    )]
    pub data_dir: PathBuf,

    /// A shared PostgreSQL database for the store (postgres://user:password@host/db), so
    /// that several site nodes serve one directory (docs/scaling.md); each keeps its own
    /// search index in --data-dir. Without it, the store is a SQLite file in --data-dir.
    #[arg(long, global = true, env = "DATABASE_URL", hide_env_values = true, value_parser = database_url)]
    pub database: Option<String>,

    /// The council profile: a TOML file naming the council, its area and its contact
    /// routes (docs/council-profile.md; copy data/sample/profile.toml). Read at start; a
    /// mistake in it stops the program with its line and field. [default: the sample]
    #[arg(long, global = true, env = "DAYFINDER_PROFILE")]
    pub profile: Option<PathBuf>,

    /// How the log is written to standard error: `text` for people, `json` for a log
    /// collector (one JSON object per line). Never personal data, either way.
    #[arg(long, global = true, env = "DAYFINDER_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the website. An empty store is first filled with the sample directory when the
    /// profile asks for it (the sample's does: `sample_directory = true`).
    ///
    /// Each option below is a flag, an environment variable, or a key of the profile's
    /// `[serve]` table (`addr`, `public_url`, `secure_cookies`, `trusted_proxies`,
    /// `smtp_url`, `metrics_addr`, `data_dir`, `database`, `log_format`), in that order of
    /// precedence (docs/deploy.md).
    Serve(ServeArgs),
    /// Rebuild the search index from the store.
    Reindex,
    /// Make a synthetic directory of any size, for tests and benchmarks.
    Generate(GenerateArgs),
    /// Import services from Open Referral UK 3.0 JSON, our CSV or a Dayfinder directory
    /// file, adding and updating by id (docs/import-export.md).
    Import(crate::transfer::ImportArgs),
    /// Export the whole directory as Open Referral UK 3.0 JSON or CSV.
    Export(crate::transfer::ExportArgs),
    /// Count services, providers and towns, and services by need.
    Stats(StatsArgs),
    /// Search the directory and print the results, best first.
    Search(SearchArgs),
    /// Add an editor's account (the first council editor is added this way). The password
    /// is read from standard input, or asked for when it is a terminal; the editor must
    /// change it when they first sign in, unless it is their own (--own-password).
    AddEditor(AddEditorArgs),
    /// Turn off an editor's code from an app (the second step of signing in), for an
    /// editor who lost their phone: they sign in with their password and set it up again.
    #[command(name = "reset-totp")]
    ResetTotp(ResetTotpArgs),
    /// Write a consistent copy of the store to a file, while the site runs (docs/backup.md).
    Backup(crate::backup::BackupArgs),
    /// Put back the directory from a backup file, while the site runs: the site shows it
    /// within a second. Editors' accounts are kept as they are (docs/backup.md).
    Restore(crate::backup::RestoreArgs),
    /// Follow another directory's Open Referral UK feed: pull it over HTTP(S) and import
    /// it, all or nothing (docs/feeds.md).
    Feeds(crate::feeds::FeedsArgs),
    /// The directory's postcodes and towns from ONS open data (docs/places.md).
    Places(crate::places::PlacesArgs),
    /// Send a test email through the outbox, or see how many are waiting (docs/email.md).
    Email(crate::email::EmailArgs),
    /// Enquiries people sent providers: erase one person's, when they ask.
    Enquiries(crate::enquiries::EnquiriesArgs),
}

/// How the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The default `--metrics-addr`: this machine only.
pub const METRICS_ADDR: &str = "127.0.0.1:9464";

#[derive(Debug, Clone, Default, Args)]
pub struct ServeArgs {
    /// Address to listen on [default: LEPTOS_SITE_ADDR, or 127.0.0.1:3000].
    #[arg(long, env = "DAYFINDER_ADDR")]
    pub addr: Option<SocketAddr>,
    /// The address people reach the site at, for share links
    /// (e.g. https://dayfinder.example.gov.uk) [default: the request's Host].
    #[arg(long, env = "DAYFINDER_PUBLIC_URL", value_parser = public_url)]
    pub public_url: Option<String>,
    /// The site is reached only over HTTPS: editors' cookies are Secure on every response
    /// and named with the __Host- prefix, and every response carries
    /// Strict-Transport-Security. Without it, cookies are Secure when the request says it
    /// came over TLS (X-Forwarded-Proto: https), for plain http on loopback in development.
    #[arg(long, env = "DAYFINDER_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// A load balancer or proxy in front of this node (an address, or a network such as
    /// 10.0.0.0/24), repeatable or comma separated: the client's address is then read from
    /// the X-Forwarded-For it adds, so that sign-in limits count each person rather than
    /// the balancer. A proxy on this machine (loopback) is always trusted.
    #[arg(long = "trusted-proxy", env = "DAYFINDER_TRUSTED_PROXIES", value_delimiter = ',', value_parser = proxy_network)]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The mail server that sends the site's email: smtp://user:password@host:587?tls=required
    /// (STARTTLS), smtps://user:password@host:465 (TLS), or smtp://host:25 (plain, for a
    /// relay on this machine). The sender is the profile's [email] from-address. Without
    /// it, email waits in the outbox and editors are told email is not set up (docs/email.md).
    #[arg(long, env = "DAYFINDER_SMTP_URL", hide_env_values = true, value_parser = crate::email::smtp_url)]
    pub smtp_url: Option<String>,
    /// Where `/metrics` (Prometheus text format) answers: an address of its own, so that it
    /// is never on the public site; `off` for nowhere. Port 0 picks a free one.
    #[arg(long, env = "DAYFINDER_METRICS_ADDR", default_value = METRICS_ADDR, value_parser = MetricsAddr::parse)]
    pub metrics_addr: MetricsAddr,
}

/// Where `/metrics` answers, if anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetricsAddr(pub Option<SocketAddr>);

impl MetricsAddr {
    /// `127.0.0.1:9464`, or `off`.
    pub fn parse(text: &str) -> Result<MetricsAddr, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(MetricsAddr(None));
        }
        text.parse().map(|a| MetricsAddr(Some(a))).map_err(|_| {
            format!("“{text}” is not an address and port such as {METRICS_ADDR} (or off)")
        })
    }
}

impl Default for MetricsAddr {
    fn default() -> Self {
        MetricsAddr::parse(METRICS_ADDR).expect("the default is an address")
    }
}

/// `10.0.0.5` or `10.0.0.0/24` (an address alone is a network of one).
fn proxy_network(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("“{text}” is not an IP address or a network such as 10.0.0.0/24"))
}

/// An editor's role, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
    /// Changes and moderates any listing, and manages accounts.
    Council,
    /// Changes only their own organisation's listings (needs --organisation).
    Provider,
}

#[derive(Debug, Args)]
pub struct AddEditorArgs {
    /// Their email address: what they sign in with.
    #[arg(long)]
    pub email: String,
    /// Their full name, as other editors see it.
    #[arg(long)]
    pub name: String,
    /// What they may do.
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// For a provider editor: their organisation's id in the directory.
    #[arg(long, required_if_eq("role", "provider"))]
    pub organisation: Option<String>,
    /// The password is the editor's own (they are typing it): do not ask them to change it
    /// when they first sign in.
    #[arg(long)]
    pub own_password: bool,
}

#[derive(Debug, Args)]
pub struct ResetTotpArgs {
    /// The editor's email address.
    #[arg(long)]
    pub email: String,
}

/// A PostgreSQL connection URL.
fn database_url(text: &str) -> Result<String, String> {
    if text.starts_with("postgres://") || text.starts_with("postgresql://") {
        Ok(text.to_string())
    } else {
        Err(
            "the database must be a PostgreSQL URL, like postgres://dayfinder@localhost/dayfinder"
                .into(),
        )
    }
}

/// An http(s) URL with a host and nothing after it but an optional slash.
fn public_url(text: &str) -> Result<String, String> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .ok_or("the public URL must start with https:// or http://")?;
    let host = rest.trim_end_matches('/');
    if host.is_empty() || host.contains(['/', '?', '#', ' ']) {
        return Err(
            "the public URL must be only the site's address, like https://dayfinder.example.gov.uk"
                .into(),
        );
    }
    Ok(text.trim_end_matches('/').to_string())
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many services to make.
    #[arg(long)]
    pub services: usize,
    /// Seed: the same seed always makes the same directory.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Write the directory to this JSON file instead of loading it into the store.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for, in any words: "saturday dementia", "autism friendly social group".
    #[arg(default_value = "")]
    pub text: String,
    /// A town, postcode or outward code to search around: Crewe, CW1, "CW11 1AA".
    #[arg(long)]
    pub near: Option<String>,
    /// Radius around --near, in miles.
    #[arg(long)]
    pub within: Option<f64>,
    /// Support need (repeatable): learning-disability, autism, physical-disability,
    /// sensory-impairment, mental-health, dementia, older-people, carers-break.
    #[arg(long = "need")]
    pub needs: Vec<String>,
    /// Kind (repeatable): day-centre, community-group, skills-learning,
    /// supported-employment, volunteering, befriending, shared-lives, outreach, online.
    #[arg(long = "kind")]
    pub kinds: Vec<String>,
    /// Day of the week (repeatable), as people write it: saturday, Sat, Saturdays ...;
    /// or weekend, weekdays.
    #[arg(long = "day")]
    pub days: Vec<String>,
    /// Order: relevance, distance or name.
    #[arg(long)]
    pub order: Option<String>,
    /// How many results to print.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve_args(args: &[&str]) -> Result<ServeArgs, clap::Error> {
        let cli = Cli::try_parse_from(["dayfinder", "serve"].iter().chain(args))?;
        match cli.command {
            Some(Command::Serve(serve)) => Ok(serve),
            other => panic!("expected serve, got {other:?}"),
        }
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks_repeated_or_comma_separated() {
        let serve = serve_args(&[
            "--trusted-proxy",
            "10.0.0.5,10.1.0.0/16",
            "--trusted-proxy",
            "2001:db8::/32",
        ])
        .unwrap();
        let shown: Vec<String> = serve
            .trusted_proxies
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(shown, ["10.0.0.5/32", "10.1.0.0/16", "2001:db8::/32"]);
    }

    #[test]
    fn a_trusted_proxy_that_is_not_an_address_is_refused_with_a_plain_message() {
        let error = serve_args(&["--trusted-proxy", "balancer.internal"]).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("is not an IP address or a network"),
            "{error}"
        );
    }
}
