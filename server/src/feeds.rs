//! Other directories' Open Referral UK feeds: `dayfinder feeds run URL` pulls one now;
//! `feeds add URL --every 1h` follows one, and the server pulls each followed feed when it
//! is due (one node of several: see `FeedsStore::claim_due_feed`). Each pull reads every
//! page over HTTP(S), then runs the same all-or-nothing import as `dayfinder import` with
//! the same report (docs/feeds.md).
//!
//! A feed is never unbounded work: each request has a timeout, each page a size limit,
//! and the whole pull a page limit. Every page is read before anything is imported, so a
//! feed that is down, slow, invalid, or fails on a later page changes nothing.

use std::sync::Arc;
use std::time::Duration;

use anyhow::bail;
use clap::{Args, Subcommand};
use dayfinder::Engine;
use dayfinder::feeds::{Every, Feed, FeedId, FeedRun};
use dayfinder::oruk::import::{self, ImportError, MAX_FILE_BYTES, Options, Report};
use jiff::Timestamp;
use reqwest::Url;
use serde_json::Value;

/// What a pull may cost at most.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// For each request, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// Pages read in one pull; a feed with more is refused, not cut short.
    pub max_pages: usize,
    /// The body of one page, and of all pages together.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(30),
            max_pages: 500,
            max_bytes: MAX_FILE_BYTES,
        }
    }
}

/// Why a feed could not be read (nothing was imported).
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("“{0}” is not an http:// or https:// address")]
    BadUrl(String),
    #[error("page {page} could not be fetched: {reason}")]
    Unreachable { page: usize, reason: String },
    #[error("page {page} did not arrive within {} seconds", .timeout.as_secs())]
    TimedOut { page: usize, timeout: Duration },
    #[error("page {page} was refused by the feed: HTTP {status}")]
    Status { page: usize, status: u16 },
    #[error("page {page} is larger than the {} MB a feed may send", .limit / (1024 * 1024))]
    TooLarge { page: usize, limit: u64 },
    #[error("page {page} is not valid JSON: {reason}")]
    NotJson { page: usize, reason: String },
    #[error("the feed has more than {0} pages; Dayfinder reads at most that many at once")]
    TooManyPages(usize),
}

/// An http(s) feed address.
pub fn feed_url(text: &str) -> Result<Url, FeedError> {
    if !dayfinder::feeds::looks_like_feed_url(text) {
        return Err(FeedError::BadUrl(text.to_string()));
    }
    match Url::parse(text.trim()) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => Ok(url),
        _ => Err(FeedError::BadUrl(text.to_string())),
    }
}

/// The HTTP client for feeds: timeouts on connecting and on each whole request.
pub fn client(limits: &Limits) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .connect_timeout(limits.timeout.min(Duration::from_secs(10)))
        .timeout(limits.timeout)
        .user_agent(concat!(
            "Dayfinder/",
            env!("CARGO_PKG_VERSION"),
            " (feed reader)"
        ))
        .build()
}

/// Reads every page of the feed at `url` (its own query kept, `page=N` set), and returns
/// them as one JSON array of pages, which the importer reads as it reads saved pages.
pub async fn fetch(
    client: &reqwest::Client,
    url: &Url,
    limits: &Limits,
) -> Result<Vec<u8>, FeedError> {
    let mut pages = Vec::new();
    let mut total_bytes = 0u64;
    for number in 1.. {
        if number > limits.max_pages {
            return Err(FeedError::TooManyPages(limits.max_pages));
        }
        let body = page(client, &page_url(url, number), number, limits).await?;
        total_bytes += body.len() as u64;
        if total_bytes > limits.max_bytes {
            return Err(FeedError::TooLarge {
                page: number,
                limit: limits.max_bytes,
            });
        }
        let value: Value = serde_json::from_slice(&body).map_err(|e| FeedError::NotJson {
            page: number,
            reason: e.to_string(),
        })?;
        let more = has_more(&value, number);
        pages.push(value);
        if !more {
            break;
        }
    }
    Ok(serde_json::to_vec(&Value::Array(pages)).expect("JSON values serialise"))
}

/// The feed's address for page `number`.
fn page_url(url: &Url, number: usize) -> Url {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != "page")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut out = url.clone();
    out.query_pairs_mut()
        .clear()
        .extend_pairs(kept)
        .append_pair("page", &number.to_string());
    out
}

/// Whether a page says another follows: an ORUK page with `last_page` false, or fewer
/// pages read than its `total_pages`. Anything else (a plain list of services) is all.
fn has_more(page: &Value, number: usize) -> bool {
    let Some(map) = page.as_object() else {
        return false;
    };
    if map
        .get("contents")
        .and_then(Value::as_array)
        .is_some_and(|c| c.is_empty())
    {
        return false;
    }
    if let Some(last) = map.get("last_page").and_then(Value::as_bool) {
        return !last;
    }
    map.get("total_pages")
        .and_then(Value::as_u64)
        .is_some_and(|total| (number as u64) < total)
}

/// One page's body, refused past the size limit while it streams in.
async fn page(
    client: &reqwest::Client,
    url: &Url,
    number: usize,
    limits: &Limits,
) -> Result<Vec<u8>, FeedError> {
    let failed = |e: reqwest::Error| {
        if e.is_timeout() {
            FeedError::TimedOut {
                page: number,
                timeout: limits.timeout,
            }
        } else {
            FeedError::Unreachable {
                page: number,
                reason: plain(&e),
            }
        }
    };
    let mut response = client
        .get(url.clone())
        .header("accept", "application/json")
        .send()
        .await
        .map_err(failed)?;
    if !response.status().is_success() {
        return Err(FeedError::Status {
            page: number,
            status: response.status().as_u16(),
        });
    }
    let too_large = FeedError::TooLarge {
        page: number,
        limit: limits.max_bytes,
    };
    if response
        .content_length()
        .is_some_and(|n| n > limits.max_bytes)
    {
        return Err(too_large);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(failed)? {
        if (body.len() + chunk.len()) as u64 > limits.max_bytes {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// An HTTP error with its causes, in one line.
fn plain(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[derive(Debug, Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub command: FeedsCommand,
}

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Pull a feed now and import it, all or nothing, adding and updating by id.
    Run(RunArgs),
    /// Follow a feed: the server pulls it on a schedule (the first pull within a minute).
    Add(AddArgs),
    /// The feeds followed, when each was last pulled and how it went.
    List,
    /// Stop following a feed (its listings stay).
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The feed's services address, e.g. https://directory.example.gov.uk/api/v3/services?full=true
    pub url: String,
    /// How often to pull it: 30m, 1h, 6h, 1d (5 minutes to a week).
    #[arg(long, default_value = "1h")]
    pub every: String,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The feed's number, as `feeds list` shows it.
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The feed's services address, e.g. https://directory.example.gov.uk/api/v3/services?full=true
    pub url: String,
    /// Seconds to wait for each page before giving up (nothing is then imported).
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// The most pages read in one pull.
    #[arg(long, default_value_t = 500)]
    pub max_pages: usize,
}

/// Runs `dayfinder feeds …`.
pub async fn run(data_dir: &std::path::Path, args: FeedsArgs) -> anyhow::Result<()> {
    match args.command {
        FeedsCommand::Run(args) => run_once(data_dir, args).await,
        FeedsCommand::Add(args) => add(data_dir, args).await,
        FeedsCommand::List => list(data_dir).await,
        FeedsCommand::Remove(args) => remove(data_dir, args).await,
    }
}

async fn add(data_dir: &std::path::Path, args: AddArgs) -> anyhow::Result<()> {
    let url = feed_url(&args.url)?;
    let every = Every::parse(&args.every)?;
    let engine = crate::commands::open(data_dir).await?;
    let text = url.to_string();
    let feed = tokio::task::spawn_blocking(move || {
        engine.feeds().add_feed(&text, every, Timestamp::now())
    })
    .await??;
    println!(
        "Following feed {} ({}): {}. The server pulls it within a minute of starting, then {}.",
        feed.id.0,
        feed.url,
        feed.every.words(),
        feed.every.words()
    );
    Ok(())
}

async fn list(data_dir: &std::path::Path) -> anyhow::Result<()> {
    let engine = crate::commands::open(data_dir).await?;
    let feeds = tokio::task::spawn_blocking(move || engine.feeds().feeds()).await??;
    if feeds.is_empty() {
        println!("No feeds are followed. Add one with: dayfinder feeds add URL --every 1h");
    }
    for feed in feeds {
        println!("{}", described(&feed));
    }
    Ok(())
}

/// One feed in a line: "1  https://…  every hour  last pulled …: Imported …".
pub fn described(feed: &Feed) -> String {
    let last = match &feed.last_run {
        None => "not pulled yet".to_string(),
        Some(run) if run.ok => format!("last pulled {}: {}", run.at, run.message),
        Some(run) => format!(
            "last pull failed {}, nothing changed: {}",
            run.at, run.message
        ),
    };
    format!(
        "{}  {}  {}  {last}",
        feed.id.0,
        feed.url,
        feed.every.words()
    )
}

async fn remove(data_dir: &std::path::Path, args: RemoveArgs) -> anyhow::Result<()> {
    let engine = crate::commands::open(data_dir).await?;
    let id = FeedId(args.id);
    let removed = tokio::task::spawn_blocking(move || engine.feeds().remove_feed(id)).await??;
    if !removed {
        bail!(
            "No feed {} is followed: `dayfinder feeds list` shows them.",
            args.id
        );
    }
    println!(
        "Stopped following feed {}. Its listings stay in the directory.",
        args.id
    );
    Ok(())
}

/// How often the server looks for feeds that are due.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Pulls each followed feed when it is due, checking every `check`, for as long as the
/// server runs (abort the task to stop it).
pub async fn keep_feeds_followed(engine: Arc<Engine>, check: Duration) {
    let mut ticks = tokio::time::interval(check);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        run_due(&engine, &Limits::default()).await;
    }
}

/// Pulls every feed due now, one after another, and records how each went; gives them.
/// A feed another node has claimed is left to it.
pub async fn run_due(engine: &Arc<Engine>, limits: &Limits) -> Vec<(FeedId, FeedRun)> {
    let mut done = Vec::new();
    loop {
        let claiming = engine.clone();
        let claimed =
            tokio::task::spawn_blocking(move || claiming.feeds().claim_due_feed(Timestamp::now()))
                .await;
        let feed = match claimed {
            Ok(Ok(Some(feed))) => feed,
            Ok(Ok(None)) => break,
            Ok(Err(error)) => {
                tracing::warn!(?error, "could not look for feeds that are due");
                break;
            }
            Err(error) => {
                tracing::warn!(?error, "the task looking for due feeds failed");
                break;
            }
        };
        let run = pull_followed(engine, &feed, limits).await;
        if run.ok {
            tracing::info!(feed = feed.id.0, "pulled a followed feed");
        } else {
            tracing::warn!(feed = feed.id.0, reason = %run.message, "a followed feed changed nothing");
        }
        let recording = engine.clone();
        let (id, saved) = (feed.id, run.clone());
        match tokio::task::spawn_blocking(move || recording.feeds().record_feed_run(id, &saved))
            .await
        {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::warn!(?error, "could not record a feed's pull"),
            Err(error) => tracing::warn!(?error, "the task recording a feed's pull failed"),
        }
        done.push((feed.id, run));
    }
    done
}

/// One pull of a followed feed, as the editors and `feeds list` see it.
async fn pull_followed(engine: &Arc<Engine>, feed: &Feed, limits: &Limits) -> FeedRun {
    let outcome = match feed_url(&feed.url) {
        Ok(url) => pull(engine, &url, limits).await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    FeedRun {
        at: Timestamp::now(),
        ok: outcome.is_ok(),
        message: match outcome {
            Ok(report) => report.summary(),
            Err(why) => why,
        },
    }
}

async fn run_once(data_dir: &std::path::Path, args: RunArgs) -> anyhow::Result<()> {
    let url = feed_url(&args.url)?;
    let limits = Limits {
        timeout: Duration::from_secs(args.timeout.max(1)),
        max_pages: args.max_pages.max(1),
        ..Limits::default()
    };
    let engine = crate::commands::open(data_dir).await?;
    match pull(&engine, &url, &limits).await {
        Ok(report) => {
            println!("{}", report.summary());
            Ok(())
        }
        Err(e) => bail!("Nothing changed: the feed {url} could not be imported: {e}"),
    }
}

/// Why a pull changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum PullError {
    #[error(transparent)]
    Feed(#[from] FeedError),
    #[error("{0}")]
    Import(#[from] ImportError),
    #[error("the HTTP client could not be made: {0}")]
    Client(String),
    #[error("the import stopped unexpectedly")]
    Task,
}

/// Pulls the feed and imports it: every page, then one all-or-nothing import.
pub async fn pull(
    engine: &std::sync::Arc<dayfinder::Engine>,
    url: &Url,
    limits: &Limits,
) -> Result<Report, PullError> {
    let client = client(limits).map_err(|e| PullError::Client(plain(&e)))?;
    let bytes = fetch(&client, url, limits).await?;
    let engine = engine.clone();
    // The directory's source line is left as it is: the feed's listings join the others,
    // each keeping the feed as its own source.
    let options = Options {
        format: Some(import::Format::Json),
        from_feed: Some((url.as_str().to_string(), Timestamp::now())),
        ..Options::default()
    };
    tokio::task::spawn_blocking(move || import::import(&engine, &bytes, &options, &mut |_| {}))
        .await
        .map_err(|_| PullError::Task)?
        .map_err(PullError::from)
}
