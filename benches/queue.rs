//! Send-queue benchmarks (issue #3). Run with `cargo bench --bench queue`.
//!
//! Each figure is printed with a baseline measured in the same run:
//! - throughput: publik sending 10 000 queued ~1 KB messages to a loopback SMTP
//!   sink, against one raw SMTP connection pushing the same messages (the
//!   sink's limit with the same one-command-at-a-time dialogue);
//! - cron start: `send-queue` on an empty queue (median of 20), against
//!   spawning `true` and a Python interpreter that imports sqlite3 and smtplib;
//! - peak RSS of the `send-queue` process while sending the 10 000.

mod common;
#[path = "../tests/cli/common/smtp.rs"]
mod smtp;

use common::{body_text, median};

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const MESSAGES: usize = 10_000;
const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");

fn publik(dir: &Path) -> Command {
    let mut cmd = Command::new(PUBLIK);
    cmd.current_dir(dir)
        .env("PUBLIK_STATE", dir.join("state.sqlite3"))
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .env_remove("PUBLIK_NOW");
    cmd
}

fn expect(reader: &mut BufReader<TcpStream>, code: &str) {
    let mut line = String::new();
    loop {
        line.clear();
        reader.read_line(&mut line).expect("read reply");
        assert!(line.starts_with(code), "expected {code}, got {line:?}");
        if line.as_bytes().get(3) != Some(&b'-') {
            return;
        }
    }
}

/// The sink's limit: one connection, the same messages, no queue at all.
fn raw_smtp(port: u16, message: &[u8], count: usize) -> Duration {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let mut writer = stream.try_clone().expect("clone");
    let mut reader = BufReader::new(stream);
    expect(&mut reader, "220");
    writer.write_all(b"EHLO bench\r\n").unwrap();
    expect(&mut reader, "250");
    let started = Instant::now();
    for i in 0..count {
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
    let elapsed = started.elapsed();
    writer.write_all(b"QUIT\r\n").unwrap();
    elapsed
}

/// Runs a child to completion; returns its wall time and peak RSS in KiB.
// The child is reaped by wait4 (which also gives its rusage), not Child::wait.
#[allow(clippy::zombie_processes)]
fn run_measured(mut cmd: Command) -> (Duration, i64) {
    let started = Instant::now();
    let child = cmd.spawn().expect("spawn");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: plain FFI call with valid pointers to locals; the rusage is
    // zero-initialised and filled by the kernel.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert_eq!(waited, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "child failed: {status}"
    );
    (elapsed, usage.ru_maxrss)
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
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n",
            sink.port()
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("body.txt"), body_text()).unwrap();

    // Cron start on an empty queue (the state exists already, as in production).
    publik(dir.path())
        .args(["state", "info"])
        .output()
        .expect("init state");
    let cron = median(
        (0..20)
            .map(|_| {
                let started = Instant::now();
                let out = publik(dir.path()).arg("send-queue").output().expect("run");
                assert!(out.status.success());
                started.elapsed()
            })
            .collect(),
    );
    let spawn_floor = median(
        (0..20)
            .map(|_| {
                let started = Instant::now();
                Command::new("true").output().expect("true");
                started.elapsed()
            })
            .collect(),
    );
    let python = median(
        (0..5)
            .map(|_| {
                let started = Instant::now();
                Command::new("python3")
                    .args(["-c", "import sqlite3, smtplib, email.mime.text, yaml"])
                    .output()
                    .ok();
                started.elapsed()
            })
            .collect(),
    );

    // Queue 10 000 messages (one send, every address in Bcc).
    let queued_at = Instant::now();
    common::enqueue_bulk(publik(dir.path()), MESSAGES);
    let enqueue_time = queued_at.elapsed();

    // One message as publik composes it, for the baseline.
    let sample_dir = tempfile::tempdir().expect("tempdir");
    let sample = {
        std::fs::write(sample_dir.path().join("body.txt"), body_text()).unwrap();
        let mut cmd = Command::new(PUBLIK);
        cmd.current_dir(sample_dir.path())
            .env("PUBLIK_STATE", sample_dir.path().join("s.sqlite3"))
            .env_remove("PUBLIK_CONFIG");
        cmd.args([
            "enqueue",
            "email",
            "--subject",
            "Rendez-vous confirmé",
            "--text",
            "body.txt",
            "--bcc",
            "a@example.org",
        ])
        .output()
        .unwrap();
        let mut send = Command::new(PUBLIK);
        send.current_dir(sample_dir.path())
            .env("PUBLIK_STATE", sample_dir.path().join("s.sqlite3"))
            .env_remove("PUBLIK_CONFIG")
            .arg("send-queue")
            .output()
            .unwrap();
        let outbox = sample_dir.path().join("outbox");
        let file = std::fs::read_dir(&outbox)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let mut raw = std::fs::read(file).unwrap();
        if !raw.ends_with(b"\r\n") {
            raw.extend_from_slice(b"\r\n");
        }
        raw
    };

    let (publik_time, rss_kib) = run_measured({
        let mut cmd = publik(dir.path());
        cmd.arg("send-queue");
        cmd
    });
    assert_eq!(sink.count(), MESSAGES, "every message reached the sink");
    let raw_time = raw_smtp(sink.port(), &sample, MESSAGES);

    let rate = |d: Duration| MESSAGES as f64 / d.as_secs_f64();
    println!("messages: {MESSAGES} x {} bytes", sample.len());
    println!(
        "throughput: publik {:.0} msg/s, raw SMTP baseline {:.0} msg/s, ratio {:.0}% (target >= 50%)",
        rate(publik_time),
        rate(raw_time),
        100.0 * raw_time.as_secs_f64() / publik_time.as_secs_f64()
    );
    println!(
        "cron start (send-queue, empty queue, median of 20): {:.2} ms (target <= 5 ms); spawn floor `true` {:.2} ms; python3 importing sqlite3+smtplib {:.0} ms, ratio x{:.0}",
        cron.as_secs_f64() * 1e3,
        spawn_floor.as_secs_f64() * 1e3,
        python.as_secs_f64() * 1e3,
        python.as_secs_f64() / cron.as_secs_f64()
    );
    println!(
        "peak RSS of send-queue over {MESSAGES}: {:.1} MB (target <= 50 MB)",
        rss_kib as f64 / 1024.0
    );
    println!(
        "enqueue of {MESSAGES} recipients (one command): {:.0} ms",
        enqueue_time.as_secs_f64() * 1e3
    );
}
