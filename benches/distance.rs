//! Every channel across a real distance (issue #29). Run with
//! `cargo bench --bench distance`.
//!
//! Loopback servers behind a TCP proxy that delays each direction:
//! - a push service 50 ms away (RTT), 10 000 notifications: `webpush.concurrency`
//!   64 against 8 in the same run (ceilings: lanes × 20/s);
//! - an SMS gateway 50 ms away: `sms.concurrency` 16 against 1;
//! - an SMTP relay 10 ms away offering PIPELINING but not CHUNKING (as
//!   Postfix's smtp-sink, Amazon SES), 10 connections, 2 000 messages,
//!   against 10 raw sessions that wait for each reply (2 round trips a
//!   message once pipelined: 500/s; 1 round trip: 1 000/s).
//!
//! Every run checks the count at the far end: nothing lost, nothing doubled.

mod common;
use common::{body_text, expect, latency_proxy, smtp_session};

#[path = "../tests/cli/common/smtp.rs"]
mod smtp;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");
const SUBSCRIBERS: usize = 100;

fn publik(dir: &Path) -> Command {
    let mut cmd = Command::new(PUBLIK);
    cmd.current_dir(dir)
        .env("PUBLIK_STATE", dir.join("state.sqlite3"))
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .env_remove("PUBLIK_NOW");
    cmd
}

fn run(mut cmd: Command, stdin: Option<&str>) {
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null());
    let mut child = cmd.spawn().expect("spawn");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write");
    }
    drop(child.stdin.take());
    assert!(child.wait().expect("wait").success(), "{cmd:?}");
}

fn rate(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

/// An HTTP/1.1 server on loopback answering every request with `status`
/// and `body` (one write, keep-alive, a thread per connection, as a push
/// service or gateway would), counting them; returns its port and the count.
fn http_sink(status: u16, body: &'static str) -> (u16, Arc<AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let count = Arc::new(AtomicUsize::new(0));
    let counted = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let count = counted.clone();
            std::thread::spawn(move || {
                let _ = stream.set_nodelay(true);
                let mut writer = stream.try_clone().expect("clone");
                let mut reader = BufReader::new(stream);
                let answer = format!(
                    "HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                loop {
                    let mut length = 0usize;
                    let mut line = String::new();
                    loop {
                        line.clear();
                        match reader.read_line(&mut line) {
                            Ok(0) | Err(_) => return,
                            Ok(_) => {}
                        }
                        if line == "\r\n" {
                            break;
                        }
                        if let Some((name, value)) = line.split_once(':')
                            && name.eq_ignore_ascii_case("content-length")
                        {
                            length = value.trim().parse().unwrap_or(0);
                        }
                    }
                    let mut sink = vec![0u8; length];
                    if std::io::Read::read_exact(&mut reader, &mut sink).is_err() {
                        return;
                    }
                    count.fetch_add(1, Ordering::SeqCst);
                    if writer.write_all(answer.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, count)
}

fn b64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// `each` notifications to each of 100 subscribers at `port`, sent with
/// `concurrency` lanes; the time `send-webpush` took.
fn push_run(port: u16, concurrency: u32, each: usize) -> Duration {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    std::fs::write(
        dir.join("publik.yaml"),
        format!(
            "webpush:\n  private_key_file: vapid.pem\n  allowed_hosts: [127.0.0.1]\n  subject: \"mailto:admin@ville.example.org\"\n  max_subscriptions_per_user: {SUBSCRIBERS}\n  concurrency: {concurrency}\nqueue:\n  batch: 500\n"
        ),
    )
    .expect("config");
    let mut cmd = publik(dir);
    cmd.args(["vapid", "generate", "--out", "vapid.pem"]);
    run(cmd, None);
    for i in 0..SUBSCRIBERS {
        let (pair, auth) = ece::generate_keypair_and_auth_secret().expect("keys");
        let json = serde_json::json!({
            "endpoint": format!("http://127.0.0.1:{port}/push/{i}"),
            "keys": {"p256dh": b64url(&pair.pub_as_raw().expect("raw")), "auth": b64url(&auth)},
        });
        let mut cmd = publik(dir);
        cmd.args(["push", "subscribe", "--user", "bench"]);
        run(cmd, Some(&json.to_string()));
    }
    for i in 0..each {
        let mut cmd = publik(dir);
        cmd.args(["notify", "--user", "bench", "--title", &format!("Alerte {i}")]);
        run(cmd, None);
    }
    let started = Instant::now();
    let mut cmd = publik(dir);
    cmd.arg("send-webpush");
    run(cmd, None);
    started.elapsed()
}

/// `count` SMS through the gateway at `port` with `concurrency` lanes.
fn sms_run(port: u16, concurrency: u32, count: usize) -> Duration {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    std::fs::write(
        dir.join("publik.yaml"),
        format!(
            "sms:\n  sender: MAIRIE\n  concurrency: {concurrency}\n  gateway:\n    url: http://127.0.0.1:{port}/send\n    fields: {{ to: \"{{to}}\", text: \"{{text}}\" }}\n    id_path: /id\n    timeout: 10s\nqueue:\n  batch: 500\n"
        ),
    )
    .expect("config");
    let mut cmd = publik(dir);
    cmd.args(["enqueue", "sms", "--text", "Alerte crue : évitez les berges."]);
    for i in 0..count {
        cmd.args(["--to", &format!("06{:08}", i)]);
    }
    run(cmd, None);
    let started = Instant::now();
    let mut cmd = publik(dir);
    cmd.arg("send-queue");
    run(cmd, None);
    started.elapsed()
}

/// `messages` through the relay at `port` over `connections`.
fn email_run(port: u16, connections: usize, messages: usize) -> Duration {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    std::fs::write(
        dir.join("publik.yaml"),
        format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {port}\n    connections: {connections}\nqueue:\n  batch: 200\n"
        ),
    )
    .expect("config");
    std::fs::write(dir.join("body.txt"), body_text()).expect("body");
    common::enqueue_bulk(publik(dir), messages);
    let started = Instant::now();
    let mut cmd = publik(dir);
    cmd.arg("send-queue");
    run(cmd, None);
    started.elapsed()
}

/// `sessions` raw SMTP sessions sharing `messages`, each pipelining MAIL,
/// RCPT and DATA, then the message after 354: two round trips a message,
/// as a client that pipelines within a transaction only.
fn blaster(port: u16, sessions: usize, messages: usize) -> Duration {
    let message = format!(
        "From: noreply@example.org\r\nSubject: Rendez-vous\r\n\r\n{}\r\n.\r\n",
        body_text().replace('\n', "\r\n")
    );
    let started = Instant::now();
    std::thread::scope(|scope| {
        for session in 0..sessions {
            let message = message.as_bytes();
            scope.spawn(move || {
                let (mut writer, mut reader) = smtp_session(port);
                for i in (session..messages).step_by(sessions) {
                    writer
                        .write_all(
                            format!(
                                "MAIL FROM:<noreply@example.org>\r\nRCPT TO:<user{i}@example.org>\r\nDATA\r\n"
                            )
                            .as_bytes(),
                        )
                        .expect("write");
                    expect(&mut reader, "250");
                    expect(&mut reader, "250");
                    expect(&mut reader, "354");
                    writer.write_all(message).expect("write");
                    expect(&mut reader, "250");
                }
                writer.write_all(b"QUIT\r\n").expect("write");
            });
        }
    });
    started.elapsed()
}

fn main() {
    let half_rtt = |ms: u64| Duration::from_millis(ms / 2);

    // Push, 50 ms away.
    let (push_port, pushed) = http_sink(201, "");
    let push_far = latency_proxy(push_port, half_rtt(50));
    let each = 100;
    let total = SUBSCRIBERS * each;
    let eight = rate(total, push_run(push_far, 8, each));
    let sixty_four = rate(total, push_run(push_far, 64, each));
    assert_eq!(
        pushed.load(Ordering::SeqCst),
        2 * total,
        "every notification once"
    );
    let loop_eight = rate(total, push_run(push_port, 8, each));
    let loop_sixty_four = rate(total, push_run(push_port, 64, each));
    assert_eq!(
        pushed.load(Ordering::SeqCst),
        4 * total,
        "every notification once"
    );
    println!("push service 50 ms away (RTT), {total} notifications:");
    println!("  webpush.concurrency 8:  {eight:>6.0}/s (ceiling 160)");
    println!("  webpush.concurrency 64: {sixty_four:>6.0}/s (ceiling 1280; target >= 1000)");
    println!("  ratio 64 / 8: x{:.1}", sixty_four / eight);
    println!("  on loopback: concurrency 8 {loop_eight:.0}/s, 64 {loop_sixty_four:.0}/s");

    // SMS, 50 ms away.
    let (sms_port, texted) = http_sink(200, r#"{"id":"gw-1"}"#);
    let sms_far = latency_proxy(sms_port, half_rtt(50));
    let (few, many) = (200, 4_000);
    let one = rate(few, sms_run(sms_far, 1, few));
    let sixteen = rate(many, sms_run(sms_far, 16, many));
    assert_eq!(texted.load(Ordering::SeqCst), few + many, "every SMS once");
    println!("SMS gateway 50 ms away (RTT):");
    println!("  sms.concurrency 1 ({few} SMS):    {one:>6.0}/s (ceiling 20)");
    println!("  sms.concurrency 16 ({many} SMS): {sixteen:>6.0}/s (ceiling 320; target >= 250)");
    println!("  ratio 16 / 1: x{:.1}", sixteen / one);

    // Email, 10 ms away, PIPELINING without CHUNKING.
    let relay = smtp::SmtpServer::start_with(smtp::Options {
        count_only: true,
        no_chunking: true,
        ..Default::default()
    });
    let relay_far = latency_proxy(relay.port(), half_rtt(10));
    let messages = 2_000;
    let publik_rate = rate(messages, email_run(relay_far, 10, messages));
    assert_eq!(relay.count(), messages, "every message once");
    let baseline = rate(messages, blaster(relay_far, 10, messages));
    let loopback = rate(5_000, email_run(relay.port(), 4, 5_000));
    println!("relay 10 ms away (RTT), PIPELINING without CHUNKING, 10 connections, {messages} messages:");
    println!(
        "  publik:                                     {publik_rate:>6.0} msg/s (target >= 700; ceiling 1000)"
    );
    println!("  baseline, 10 sessions, 2 round trips a message: {baseline:>6.0} msg/s");
    println!("  ratio publik / baseline: x{:.2}", publik_rate / baseline);
    println!("  on loopback, 4 connections (5000 msgs): {loopback:.0} msg/s");
}
