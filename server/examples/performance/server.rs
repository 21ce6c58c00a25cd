//! The release server as a separate process on loopback: started, asked, measured
//! (memory from /proc), stopped.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;

/// A running server; dropping it stops it.
pub struct Server {
    child: Child,
    pub base: String,
    /// From starting the process to the first results page answered.
    pub cold_start: Duration,
}

impl Server {
    /// Starts `bin serve` on a free loopback port and waits for a results page.
    pub fn start(bin: &Path, data: &Path, site: &Path, log: &Path) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let base = format!("http://127.0.0.1:{port}");
        let log = std::fs::File::create(log)?;
        let started = Instant::now();
        let child = Command::new(bin)
            .arg("--data-dir")
            .arg(data)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .args(["--metrics-addr", "off"])
            .env("LEPTOS_SITE_ROOT", site)
            .env("LEPTOS_ENV", "PROD")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .with_context(|| format!("Failed to start {}", bin.display()))?;
        let mut server = Server {
            child,
            base,
            cold_start: Duration::ZERO,
        };
        let first = format!("{}/search?q=club", server.base);
        loop {
            if let Ok((200, _)) = get(&first, "identity") {
                break;
            }
            if let Some(status) = server.child.try_wait()? {
                anyhow::bail!("the server stopped ({status}); see its log");
            }
            anyhow::ensure!(
                started.elapsed() < Duration::from_secs(600),
                "the server did not answer within 10 minutes"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        server.cold_start = started.elapsed();
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A figure from /proc/PID/status, in KiB (VmHWM: peak resident; VmRSS: resident now).
    pub fn memory_kib(&self, field: &str) -> anyhow::Result<u64> {
        memory_kib(self.pid(), field)
    }
}

impl Drop for Server {
    /// Stops the server politely (SIGTERM), then firmly.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status();
        for _ in 0..100 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn memory_kib(pid: u32, field: &str) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .with_context(|| format!("no {field} in /proc/{pid}/status"))
}

/// The status and the bytes of a response as sent (still compressed).
pub fn get(url: &str, encoding: &str) -> anyhow::Result<(u16, Vec<u8>)> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let response = reqwest::Client::new()
            .get(url)
            .header("accept-encoding", encoding)
            .send()
            .await?;
        let status = response.status().as_u16();
        Ok((status, response.bytes().await?.to_vec()))
    })
}

/// Sizes of files and folders, in bytes.
pub fn size_of(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if meta.is_dir() {
        std::fs::read_dir(path)
            .map(|entries| entries.flatten().map(|e| size_of(&e.path())).sum())
            .unwrap_or(0)
    } else {
        meta.len()
    }
}

/// The store's files: the database and its write-ahead log.
pub fn store_files(data: &Path) -> Vec<PathBuf> {
    [
        "dayfinder.sqlite3",
        "dayfinder.sqlite3-wal",
        "dayfinder.sqlite3-shm",
    ]
    .iter()
    .map(|f| data.join(f))
    .collect()
}
