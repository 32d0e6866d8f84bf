//! The queue on PostgreSQL against SQLite (issue #19), same run, same sink.
//! Run with `cargo bench --bench postgres` (needs Debian's `postgresql`,
//! which scripts/test installs).
//!
//! - throughput: 6 000 queued ~1 KB messages sent to a loopback SMTP sink
//!   by one `send-queue` on SQLite (the baseline), then by 1, 2 and 4
//!   `send-queue` at once on PostgreSQL (a fresh database each time);
//!   Each drain also prints its CPU per message for the whole machine
//!   (/proc/stat: workers, server, sink, kernel) and the rate every core
//!   would reach at that cost, which is what bounds the figures on a small
//!   machine where the server shares the workers' cores;
//! - cron start: `send-queue` on an empty queue, median of 20, both stores.
//!
//! With `PUBLIK_BASELINE_BIN=/path/to/older/publik`, the SQLite drain is
//! also timed for that binary and this one in alternation (three rounds):
//! the store's layer over both databases must not slow SQLite down.
//!
//! The server syncs its WAL but commits without waiting for the sync
//! (`synchronous_commit = off`), as SQLite's `synchronous = NORMAL` does.

mod common;
#[path = "../tests/cli/common/postgres.rs"]
mod postgres;
#[path = "../tests/cli/common/smtp.rs"]
mod smtp;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const MESSAGES: usize = 6_000;
const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");

// What the test helpers reach as `super::free_port`.
use common::free_port;

fn publik(dir: &Path, state: &Path) -> Command {
    publik_bin(PUBLIK, dir, state)
}

fn publik_bin(bin: &str, dir: &Path, state: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.current_dir(dir)
        .env("PUBLIK_STATE", state)
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .env_remove("PUBLIK_NOW");
    cmd
}

fn enqueue(dir: &Path, state: &Path) {
    common::enqueue_bulk(publik(dir, state), MESSAGES);
}

/// A drain's rate and what each message cost the machine.
struct Drained {
    per_second: f64,
    /// Microseconds of CPU per message, every process counted: the workers,
    /// the database server, the sink, the kernel.
    cpu_us: f64,
}

impl Drained {
    /// The rate this machine could reach if its every core were busy at
    /// this cost per message.
    fn ceiling(&self) -> f64 {
        common::cores() as f64 * 1e6 / self.cpu_us
    }
}

/// `workers` send-queue runs at once until all are done.
fn drain(dir: &Path, state: &Path, workers: usize) -> Drained {
    let busy = common::busy_core_seconds();
    let started = Instant::now();
    let children: Vec<_> = (0..workers)
        .map(|_| publik(dir, state).arg("send-queue").spawn().expect("spawn"))
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    Drained {
        per_second: MESSAGES as f64 / started.elapsed().as_secs_f64(),
        cpu_us: (common::busy_core_seconds() - busy) * 1e6 / MESSAGES as f64,
    }
}

fn empty_start(dir: &Path, state: &Path) -> Duration {
    publik(dir, state).arg("send-queue").output().expect("first run");
    common::median(
        (0..20)
            .map(|_| {
                let started = Instant::now();
                let out = publik(dir, state).arg("send-queue").output().expect("run");
                assert!(out.status.success());
                started.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sink = smtp::SmtpServer::start_with(smtp::Options {
        count_only: true,
        ..Default::default()
    });
    std::fs::write(
        dir.path().join("publik.yaml"),
        format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n\
             serve:\n  link_key_file: {}\n",
            sink.port(),
            dir.path().join("link.key").display()
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("body.txt"), common::body_text()).unwrap();

    if let Ok(older) = std::env::var("PUBLIK_BASELINE_BIN") {
        for round in 0..3 {
            for (name, bin) in [("older", older.as_str()), ("this", PUBLIK)] {
                let state = dir.path().join(format!("{name}-{round}.sqlite3"));
                publik_bin(bin, dir.path(), &state)
                    .args(["state", "info"])
                    .output()
                    .expect("create");
                enqueue(dir.path(), &state);
                let started = Instant::now();
                let out = publik_bin(bin, dir.path(), &state)
                    .arg("send-queue")
                    .output()
                    .expect("run");
                assert!(out.status.success());
                let rate = MESSAGES as f64 / started.elapsed().as_secs_f64();
                println!("SQLite drain, {name} binary, round {round}: {rate:.0} msg/s");
            }
        }
    }
    let sqlite = dir.path().join("state.sqlite3");
    let sqlite_start = empty_start(dir.path(), &sqlite);
    enqueue(dir.path(), &sqlite);
    let baseline = drain(dir.path(), &sqlite, 1);

    let server = postgres::Postgres::start_durable();
    let mut database = 0;
    let mut fresh = || -> PathBuf {
        database += 1;
        let name = format!("bench{database}");
        server.create(&name);
        PathBuf::from(server.url(&name))
    };
    let state = fresh();
    let postgres_start = empty_start(dir.path(), &state);
    let cores = common::cores();
    println!("send-queue throughput, {MESSAGES} × ~1 KB to a loopback SMTP sink, {cores} cores:");
    println!(
        "  SQLite, 1 worker (baseline): {:.0} msg/s, {:.0} µs CPU/message (all processes), \
         all {cores} cores at that cost: {:.0} msg/s",
        baseline.per_second,
        baseline.cpu_us,
        baseline.ceiling()
    );
    for workers in [1, 2, 4] {
        let state = fresh();
        enqueue(dir.path(), &state);
        let drained = drain(dir.path(), &state, workers);
        println!(
            "  PostgreSQL, {workers} worker(s): {:.0} msg/s ({:.2}× SQLite's one worker), \
             {:.0} µs CPU/message, all {cores} cores at that cost: {:.0} msg/s",
            drained.per_second,
            drained.per_second / baseline.per_second,
            drained.cpu_us,
            drained.ceiling()
        );
    }
    println!("send-queue on an empty queue, median of 20:");
    println!("  SQLite: {:.1} ms", sqlite_start.as_secs_f64() * 1e3);
    println!(
        "  PostgreSQL: {:.1} ms ({:.1}× SQLite's; connecting over TCP and checking the schema)",
        postgres_start.as_secs_f64() * 1e3,
        postgres_start.as_secs_f64() / sqlite_start.as_secs_f64()
    );
}
