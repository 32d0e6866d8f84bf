//! The cost model of several hosts (issue #30): CPU per message on each
//! side, the database server and the worker pinned to different cores
//! (`taskset`), ~1.5 KB messages to a loopback SMTP sink. Run with
//! `cargo bench --bench cost` (needs Debian's `postgresql`, which
//! scripts/test installs, and two cores).
//!
//! - SQLite: the worker's CPU per message (its process only), the baseline;
//! - PostgreSQL: the worker's CPU per message, the server's (postmaster,
//!   backends and background processes, from /proc), and the server's
//!   transactions per message (`pg_stat_database.xact_commit`);
//! - from these, the projected ceiling of one database host of C cores and
//!   the worker hosts it takes to reach it.

mod common;
#[path = "../tests/cli/common/postgres.rs"]
mod postgres;
#[path = "../tests/cli/common/smtp.rs"]
mod smtp;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use common::free_port;

const MESSAGES: usize = 6_000;
const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");
const WORKER_CORE: &str = "0";
const SERVER_CORE: &str = "1";

fn publik(dir: &Path, state: &str) -> Command {
    let mut cmd = Command::new(PUBLIK);
    cmd.current_dir(dir)
        .env("PUBLIK_STATE", state)
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .env_remove("PUBLIK_NOW");
    cmd
}

fn clock_ticks() -> f64 {
    // SAFETY: sysconf has no preconditions.
    unsafe { libc::sysconf(libc::_SC_CLK_TCK) as f64 }
}

/// CPU seconds of this process's waited-for children so far.
fn children_cpu() -> f64 {
    // SAFETY: getrusage writes into the struct given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// (ppid, utime + stime, cutime + cstime) of a process, in ticks.
fn stat_of(pid: u32) -> Option<(u32, f64, f64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command name's closing parenthesis: state is field 3.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let number = |i: usize| fields.get(i - 3).and_then(|f| f.parse::<f64>().ok());
    Some((
        number(4)? as u32,
        number(14)? + number(15)?,
        number(16)? + number(17)?,
    ))
}

/// The postmaster's children now.
fn children_of(postmaster: u32) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| stat_of(*pid).is_some_and(|(ppid, _, _)| ppid == postmaster))
        .collect()
}

/// CPU seconds the server has spent so far: the postmaster, its children
/// alive, and those gone (reaped into the postmaster's children's times).
fn server_cpu(postmaster: u32) -> f64 {
    let (_, own, reaped) = stat_of(postmaster).expect("postmaster");
    let alive: f64 = children_of(postmaster)
        .iter()
        .filter_map(|pid| stat_of(*pid).map(|(_, t, _)| t))
        .sum();
    (own + reaped + alive) / clock_ticks()
}

fn pin(pid: u32, core: &str) {
    let out = Command::new("taskset")
        .args(["-a", "-p", "-c", core, &pid.to_string()])
        .output()
        .expect("taskset");
    assert!(out.status.success(), "taskset {pid}: {out:?}");
}

/// One `send-queue` pinned to the worker's core: its CPU per message (µs)
/// and its rate.
fn drain(dir: &Path, state: &str) -> (f64, f64) {
    let cpu = children_cpu();
    let started = Instant::now();
    let status = Command::new("taskset")
        .args(["-c", WORKER_CORE, PUBLIK, "send-queue"])
        .current_dir(dir)
        .env("PUBLIK_STATE", state)
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .status()
        .expect("send-queue");
    assert!(status.success());
    let rate = MESSAGES as f64 / started.elapsed().as_secs_f64();
    ((children_cpu() - cpu) * 1e6 / MESSAGES as f64, rate)
}

fn commits(client: &mut ::postgres::Client, db: &str) -> i64 {
    // Counters are flushed when a backend ends; ask for fresh ones.
    client.batch_execute("SELECT pg_stat_clear_snapshot()").unwrap();
    client
        .query_one(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = $1",
            &[&db],
        )
        .unwrap()
        .get(0)
}

fn main() {
    assert!(
        common::cores() >= 2,
        "two cores: one for the worker, one for the server"
    );
    // The sink's threads share the worker's core, not the server's.
    pin(std::process::id(), WORKER_CORE);
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
    // ~1.5 KB with its headers.
    std::fs::write(
        dir.path().join("body.txt"),
        common::body_text() + &common::body_text()[..400],
    )
    .unwrap();

    let sqlite = dir.path().join("state.sqlite3").display().to_string();
    common::enqueue_bulk(publik(dir.path(), &sqlite), MESSAGES);
    let (sqlite_worker, sqlite_rate) = drain(dir.path(), &sqlite);

    let server = postgres::Postgres::start_durable();
    let postmaster = server.pid();
    pin(postmaster, SERVER_CORE);
    for child in children_of(postmaster) {
        pin(child, SERVER_CORE);
    }
    server.create("cost");
    let state = server.url("cost");
    common::enqueue_bulk(publik(dir.path(), &state), MESSAGES);
    let mut stats = ::postgres::Client::connect(&server.url("postgres"), ::postgres::NoTls).unwrap();
    let commits_before = commits(&mut stats, "cost");
    let server_before = server_cpu(postmaster);
    let (pg_worker, pg_rate) = drain(dir.path(), &state);
    // The backend's exit reaped, its counters flushed.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let pg_server = (server_cpu(postmaster) - server_before) * 1e6 / MESSAGES as f64;
    let per_message = (commits(&mut stats, "cost") - commits_before) as f64 / MESSAGES as f64;

    println!(
        "CPU per message, {MESSAGES} × ~1.5 KB to a loopback SMTP sink, worker on core {WORKER_CORE}, server on core {SERVER_CORE}:"
    );
    println!("  SQLite (baseline): worker {sqlite_worker:.0} µs ({sqlite_rate:.0} msg/s)");
    println!(
        "  PostgreSQL: worker {pg_worker:.0} µs ({:.2}× SQLite's), server {pg_server:.0} µs, \
         {per_message:.2} transactions a message ({pg_rate:.0} msg/s)",
        pg_worker / sqlite_worker
    );
    println!("Projected (CPU-bound; add your round trips, see BENCHMARKS.md):");
    println!("  one worker core: {:.0} msg/s", 1e6 / pg_worker);
    for cores in [2, 4, 8, 16] {
        let ceiling = cores as f64 * 1e6 / pg_server;
        println!(
            "  database host of {cores:>2} cores: ceiling {ceiling:.0} msg/s, reached by {:.1} worker cores",
            ceiling / (1e6 / pg_worker)
        );
    }
}
