//! Sending through a relay with latency (issue #14). Run with
//! `cargo bench --bench relay`.
//!
//! A loopback SMTP sink sits behind a TCP proxy that delays each direction
//! by 5 ms (10 ms round trip, a provider's relay or a city's mail server
//! some distance away). Measured in the same run:
//! - publik with one connection on a server offering no PIPELINING (the
//!   one-command-at-a-time dialogue publik had before #14);
//! - publik with `connections: 10` on a server offering PIPELINING and
//!   CHUNKING (as Postfix does);
//! - a baseline blaster: 10 raw SMTP sessions, one command at a time, no
//!   queue at all (what the parallelism alone buys);
//! - on the plain loopback sink (no proxy): publik as configured by default
//!   against publik with one connection and no pipelining, for regressions.

mod common;
use common::{body_text, expect, latency_proxy, smtp_session};

#[path = "../tests/cli/common/smtp.rs"]
mod smtp;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");
const ONE_WAY: Duration = Duration::from_millis(5);

fn publik(dir: &Path) -> Command {
    let mut cmd = Command::new(PUBLIK);
    cmd.current_dir(dir)
        .env("PUBLIK_STATE", dir.join("state.sqlite3"))
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .env_remove("PUBLIK_NOW");
    cmd
}

/// `messages` queued for publik sending to `port` over `connections`;
/// the time `send-queue` took.
fn publik_run(port: u16, connections: usize, messages: usize) -> Duration {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("publik.yaml"),
        format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {port}\n    connections: {connections}\nqueue:\n  batch: 200\n"
        ),
    )
    .expect("config");
    std::fs::write(dir.path().join("body.txt"), body_text()).expect("body");
    common::enqueue_bulk(publik(dir.path()), messages);
    let started = Instant::now();
    let out = publik(dir.path()).arg("send-queue").output().expect("send-queue");
    let elapsed = started.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stats = publik(dir.path())
        .args(["--json", "queue", "stats"])
        .output()
        .expect("stats");
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("stats json");
    assert_eq!(
        stats["counts"],
        serde_json::json!([{"channel": "email", "status": "sent", "count": messages}]),
        "every message sent"
    );
    elapsed
}

/// `sessions` raw SMTP sessions, one command at a time, sharing `messages`.
fn blaster(port: u16, sessions: usize, messages: usize) -> Duration {
    let message = format!(
        "From: noreply@example.org\r\nSubject: Rendez-vous\r\n\r\n{}\r\n",
        body_text().replace('\n', "\r\n")
    );
    let started = Instant::now();
    std::thread::scope(|scope| {
        for session in 0..sessions {
            let message = message.as_bytes();
            scope.spawn(move || {
                let (mut writer, mut reader) = smtp_session(port);
                for i in (session..messages).step_by(sessions) {
                    writer.write_all(b"MAIL FROM:<noreply@example.org>\r\n").unwrap();
                    expect(&mut reader, "250");
                    writer
                        .write_all(format!("RCPT TO:<user{i}@example.org>\r\n").as_bytes())
                        .unwrap();
                    expect(&mut reader, "250");
                    writer.write_all(b"DATA\r\n").unwrap();
                    expect(&mut reader, "354");
                    writer.write_all(message).unwrap();
                    writer.write_all(b".\r\n").unwrap();
                    expect(&mut reader, "250");
                }
                writer.write_all(b"QUIT\r\n").unwrap();
            });
        }
    });
    started.elapsed()
}

fn rate(messages: usize, elapsed: Duration) -> f64 {
    messages as f64 / elapsed.as_secs_f64()
}

fn main() {
    let sink = |pipelining: bool| {
        smtp::SmtpServer::start_with(smtp::Options {
            count_only: true,
            no_pipelining: !pipelining,
            no_chunking: !pipelining,
            ..Default::default()
        })
    };
    let modern = sink(true);
    let old_style = sink(false);
    let modern_far = latency_proxy(modern.port(), ONE_WAY);
    let old_style_far = latency_proxy(old_style.port(), ONE_WAY);

    let (few, many) = (200, 2_000);
    let before = rate(few, publik_run(old_style_far, 1, few));
    let now = rate(many, publik_run(modern_far, 10, many));
    let baseline = rate(many, blaster(old_style_far, 10, many));
    println!("through a relay 10 ms away (RTT), ~1 KB messages:");
    println!("  publik, 1 connection, no pipelining ({few} msgs):   {before:>7.0} msg/s");
    println!("  publik, 10 connections, pipelining ({many} msgs): {now:>7.0} msg/s");
    println!("  baseline: 10 raw sessions, no pipelining:        {baseline:>7.0} msg/s");
    println!("  ratio publik 10 conn. / publik 1 conn.:  {:.1}x", now / before);
    println!(
        "  ratio publik 10 conn. / baseline:        {:.2}x",
        now / baseline
    );

    let loopback = 5_000;
    let single = rate(loopback, publik_run(old_style.port(), 1, loopback));
    let default = rate(loopback, publik_run(modern.port(), 4, loopback));
    println!("plain loopback sink ({loopback} msgs):");
    println!("  publik, 1 connection, no pipelining: {single:>7.0} msg/s");
    println!("  publik, default (4 connections, pipelining): {default:>7.0} msg/s");
    println!("  ratio default / 1 connection: {:.2}x", default / single);
}
