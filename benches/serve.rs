//! `publik serve` benchmark (issue #7). Run with `cargo bench --bench serve`.
//!
//! GET of an action link's page (token hashed, looked up, form and workflow
//! read, page rendered) by 4 clients at once, one request per connection, as
//! the reverse proxy sends them. The baseline, in the same run: the same
//! requests against a loopback server that reads the request and writes a
//! fixed page of the same size from a thread per connection, with no state
//! (the floor of HTTP with a connection per request on this machine).

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

fn publik(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(PUBLIK)
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

fn start_serve(dir: &Path, port: u16) -> Child {
    let child = Command::new(PUBLIK)
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

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path();
    std::fs::write(
        path.join("publik.yaml"),
        "serve:\n  public_url: https://demarches.example.org\n",
    )
    .unwrap();
    std::fs::write(
        path.join("approval.yaml"),
        include_str!("../examples/workflows/approval.yaml"),
    )
    .unwrap();
    publik(path, &["workflow", "import", "approval.yaml"]);
    let created = publik(
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
    let issued = publik(
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
    let page = format!("/actions/{token}/");

    let port = free_port();
    let mut serve = start_serve(path, port);
    let size = get(port, &page);
    let mut answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n".to_vec();
    answer.resize(size, b'x');
    let floor_port = baseline_server(answer);

    // Warm up both, then alternate to share the machine's moods.
    rate(port, &page);
    rate(floor_port, "/");
    let (mut publik_rates, mut floor_rates) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        publik_rates.push(rate(port, &page));
        floor_rates.push(rate(floor_port, "/"));
    }
    let _ = serve.kill();
    let _ = serve.wait();
    let best = |rates: &[f64]| rates.iter().cloned().fold(0.0, f64::max);
    let (publik_rate, floor_rate) = (best(&publik_rates), best(&floor_rates));
    println!(
        "action page GET ({size} bytes, {CLIENTS} clients, connection per request): publik serve {publik_rate:.0} req/s; \
         fixed-answer loopback server {floor_rate:.0} req/s; ratio {:.0}%",
        100.0 * publik_rate / floor_rate
    );
}
