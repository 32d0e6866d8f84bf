//! The every-minute cron tick of a multi-site installation (issue #15). Run
//! with `cargo bench --bench tenants`.
//!
//! 100 tenants, each with its state and an empty queue: one
//! `publik --all-tenants send-queue`, against 100 separate
//! `publik --tenant X send-queue` processes in the same run (what a crontab
//! with a line per site does). Median of 5 each, alternated.

mod common;
use common::median;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");
const TENANTS: usize = 100;

fn publik(dir: &Path) -> Command {
    let mut cmd = Command::new(PUBLIK);
    cmd.current_dir(dir)
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .env("PUBLIK_TENANTS_DIR", dir.join("tenants"))
        .env_remove("PUBLIK_STATE")
        .env_remove("PUBLIK_NOW");
    cmd
}

fn run(mut cmd: Command) {
    let out = cmd.output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("publik.yaml"),
        "email:\n  from: \"Plateforme <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: 25\n",
    )
    .expect("config");
    let domains: Vec<String> = (0..TENANTS).map(|i| format!("site{i:03}.example.org")).collect();
    for domain in &domains {
        let mut add = publik(dir.path());
        add.args(["tenant", "add", domain]);
        run(add);
    }
    // A first tick of each, as in production (states exist and are warm).
    let mut warm = publik(dir.path());
    warm.args(["--all-tenants", "send-queue"]);
    run(warm);

    let mut one_process = Vec::new();
    let mut separate = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let mut all = publik(dir.path());
        all.args(["--all-tenants", "send-queue"]);
        run(all);
        one_process.push(started.elapsed());

        let started = Instant::now();
        for domain in &domains {
            let mut one = publik(dir.path());
            one.args(["--tenant", domain, "send-queue"]);
            run(one);
        }
        separate.push(started.elapsed());
    }
    let (all, each) = (median(one_process), median(separate));
    let per = |d: Duration| d.as_secs_f64() * 1000.0 / TENANTS as f64;
    println!("{TENANTS} tenants, empty queues (the every-minute cron tick), median of 5:");
    println!(
        "  publik --all-tenants send-queue:        {:>8.1} ms total, {:.2} ms per tenant (target <= 2 ms)",
        all.as_secs_f64() * 1000.0,
        per(all)
    );
    println!(
        "  100 x publik --tenant X send-queue:     {:>8.1} ms total, {:.2} ms per tenant",
        each.as_secs_f64() * 1000.0,
        per(each)
    );
    println!(
        "  ratio separate / one process: x{:.1}",
        each.as_secs_f64() / all.as_secs_f64()
    );
}
