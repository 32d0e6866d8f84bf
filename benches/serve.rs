//! `publik serve` benchmark (issues #7, #37). Run with `cargo bench --bench serve`.
//!
//! GET of an action link's page (token hashed, looked up, form and workflow
//! read, page rendered) by 4 clients at once, one request per connection, as
//! the reverse proxy sends them. The baseline, in the same run: the same
//! requests against a loopback server that reads the request and writes a
//! fixed page of the same size from a thread per connection, with no state
//! (the floor of HTTP with a connection per request on this machine).
//!
//! Then provider events (`POST /email/events/`): Mailjet `sent` events in
//! grouped calls of 1 000 (about 400 KB), events per second.
//!
//! `PUBLIK_BENCH_BEFORE=/path/to/an/older/publik` measures that binary too,
//! in alternation with this one, each on a state it made itself: no request
//! path may be slower than before. A binary that refuses a 1 000-event
//! call (the 16 KB body cap before #37) is given the largest call it takes.

mod common;
use common::free_port;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");
const CLIENTS: usize = 4;
const REQUESTS_PER_CLIENT: usize = 500;

fn publik_of(binary: &str, dir: &Path, args: &[&str]) -> String {
    let out = Command::new(binary)
        .current_dir(dir)
        .env("PUBLIK_STATE", dir.join("state.sqlite3"))
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .args(args)
        .output()
        .expect("run publik");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// One GET, one connection; returns the response's size.
fn get(port: u16, path: &str) -> usize {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .write_all(format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n").as_bytes())
        .expect("write");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read");
    assert!(
        answer.starts_with(b"HTTP/1.1 200 "),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    answer.len()
}

/// Requests per second of `CLIENTS` clients each sending `REQUESTS_PER_CLIENT` GETs.
fn rate(port: u16, path: &str) -> f64 {
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..CLIENTS {
            scope.spawn(|| {
                for _ in 0..REQUESTS_PER_CLIENT {
                    get(port, path);
                }
            });
        }
    });
    (CLIENTS * REQUESTS_PER_CLIENT) as f64 / started.elapsed().as_secs_f64()
}

/// The floor: read the request head, write a fixed answer, close.
fn baseline_server(answer: Vec<u8>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let answer = answer.clone();
            std::thread::spawn(move || {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.ends_with(b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let _ = stream.write_all(&answer);
            });
        }
    });
    port
}

fn start_serve_of(binary: &str, dir: &Path, port: u16) -> Child {
    let child = Command::new(binary)
        .current_dir(dir)
        .env("PUBLIK_STATE", dir.join("state.sqlite3"))
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .spawn()
        .expect("spawn serve");
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "serve did not start");
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

/// One publik binary's state and `serve`: its action page and its events URL.
struct Served {
    child: Child,
    port: u16,
    page: String,
    _dir: tempfile::TempDir,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const EVENTS_SECRET: &str = "bench-events-secret-0123456789";

fn serve_with(binary: &str) -> Served {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path();
    std::fs::write(
        path.join("publik.yaml"),
        format!(
            "serve:\n  public_url: https://demarches.example.org\nemail:\n  events:\n    provider: mailjet\n    secret: {EVENTS_SECRET}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        path.join("approval.yaml"),
        include_str!("../examples/workflows/approval.yaml"),
    )
    .unwrap();
    publik_of(binary, path, &["workflow", "import", "approval.yaml"]);
    let created = publik_of(
        binary,
        path,
        &[
            "--json",
            "form",
            "create",
            "--workflow",
            "approval",
            "--name",
            "Salle",
        ],
    );
    let number = serde_json::from_str::<serde_json::Value>(&created).unwrap()["number"]
        .as_str()
        .unwrap()
        .to_string();
    let issued = publik_of(
        binary,
        path,
        &[
            "--json",
            "issue-action-token",
            "--form",
            &number,
            "--action",
            "accept",
            "--ttl",
            "30d",
        ],
    );
    let token = serde_json::from_str::<serde_json::Value>(&issued).unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let port = free_port();
    let child = start_serve_of(binary, path, port);
    Served {
        child,
        port,
        page: format!("/actions/{token}/"),
        _dir: dir,
    }
}

/// `events` Mailjet events in one call: the status and the body's size.
fn post_events(port: u16, events: usize) -> (u16, usize) {
    let body = serde_json::Value::Array(
        (0..events)
            .map(|i| {
                serde_json::json!({
                    "event": "sent", "time": 1_796_000_000, "MessageID": 19_421_777_835_146_490_i64,
                    "Message_GUID": format!("g-{i:06}"), "email": format!("user{i}@example.org"),
                    "mj_campaign_id": 7257, "mj_contact_id": 4, "customcampaign": "",
                    "mj_message_id": "19421777835146490",
                    "smtp_reply": "sent (250 2.0.0 OK 1433333948 fa5si855896wjc.199 - gsmtp)",
                    "CustomID": "", "Payload": "",
                })
            })
            .collect(),
    )
    .to_string();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "POST /email/events/{EVENTS_SECRET}/ HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .expect("write");
    // A server that refuses the body early may close while it is written.
    let _ = stream.write_all(body.as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let status = std::str::from_utf8(&answer)
        .ok()
        .and_then(|a| a.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    (status, body.len())
}

/// The largest call of at most 1 000 events `port` takes, halving.
fn largest_call(port: u16) -> usize {
    let mut events = 1000;
    while events > 1 {
        if post_events(port, events).0 == 200 {
            return events;
        }
        events /= 2;
    }
    1
}

/// Events per second, in calls of `per_call`, about 4 000 events.
fn event_rate(port: u16, per_call: usize) -> f64 {
    let calls = (4000 / per_call).max(1);
    let started = Instant::now();
    for _ in 0..calls {
        let (status, _) = post_events(port, per_call);
        assert_eq!(status, 200, "{per_call} events a call");
    }
    (calls * per_call) as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let this = serve_with(PUBLIK);
    let size = get(this.port, &this.page);
    let mut answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n".to_vec();
    answer.resize(size, b'x');
    let floor_port = baseline_server(answer);
    let before = std::env::var("PUBLIK_BENCH_BEFORE")
        .ok()
        .filter(|b| !b.is_empty())
        .map(|binary| (serve_with(&binary), binary));
    let calls = (
        largest_call(this.port),
        before.as_ref().map(|(b, _)| largest_call(b.port)),
    );

    // Warm up, then alternate to share the machine's moods.
    rate(this.port, &this.page);
    rate(floor_port, "/");
    let (mut publik_rates, mut floor_rates, mut before_rates) = (Vec::new(), Vec::new(), Vec::new());
    let (mut event_rates, mut before_event_rates) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        publik_rates.push(rate(this.port, &this.page));
        floor_rates.push(rate(floor_port, "/"));
        event_rates.push(event_rate(this.port, calls.0));
        if let (Some((b, _)), Some(per_call)) = (&before, calls.1) {
            before_rates.push(rate(b.port, &b.page));
            before_event_rates.push(event_rate(b.port, per_call));
        }
    }
    let best = |rates: &[f64]| rates.iter().cloned().fold(0.0, f64::max);
    let (publik_rate, floor_rate) = (best(&publik_rates), best(&floor_rates));
    println!(
        "action page GET ({size} bytes, {CLIENTS} clients, connection per request): publik serve {publik_rate:.0} req/s; \
         fixed-answer loopback server {floor_rate:.0} req/s; ratio {:.0}%",
        100.0 * publik_rate / floor_rate
    );
    println!(
        "email events (Mailjet, {} a call): {:.0} events/s",
        calls.0,
        best(&event_rates)
    );
    if let (Some((_, binary)), Some(per_call)) = (&before, calls.1) {
        println!(
            "before ({binary}): action page {:.0} req/s, this one {:.0}% of it; events ({per_call} a call) {:.0} events/s, \
             this one {:.0}% of it",
            best(&before_rates),
            100.0 * publik_rate / best(&before_rates),
            best(&before_event_rates),
            100.0 * best(&event_rates) / best(&before_event_rates),
        );
    }
}
