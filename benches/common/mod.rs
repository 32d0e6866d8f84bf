//! What the benches share: the message they queue, how they queue it, and
//! the small measuring helpers. Each bench uses a part of it.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// ~1 KB of French text: the body every queue bench sends.
pub fn body_text() -> String {
    "Votre demande de rendez-vous a bien été enregistrée par les services de la mairie.\n".repeat(12)
}

/// `publik enqueue email` of `body.txt` to `user0@example.org`… in Bcc:
/// one send, one row per address. `cmd` is a publik command set up for
/// its state and config.
pub fn enqueue_bulk(mut cmd: Command, count: usize) {
    cmd.args([
        "enqueue",
        "email",
        "--subject",
        "Rendez-vous confirmé",
        "--text",
        "body.txt",
    ]);
    for i in 0..count {
        cmd.arg("--bcc").arg(format!("user{i}@example.org"));
    }
    let out = cmd.output().expect("enqueue");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// A free port on 127.0.0.1 (bound, then released for a server to take).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// Core-seconds the whole machine spent busy so far (every process and the
/// kernel: the workers, the database server, the sink), from /proc/stat.
pub fn busy_core_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").expect("/proc/stat");
    let ticks: Vec<f64> = stat
        .lines()
        .next()
        .expect("cpu line")
        .split_whitespace()
        .skip(1)
        .map(|n| n.parse().expect("ticks"))
        .collect();
    // user nice system idle iowait irq softirq steal: all but idle and iowait.
    let busy: f64 = ticks
        .iter()
        .take(8)
        .enumerate()
        .filter(|(i, _)| *i != 3 && *i != 4)
        .map(|(_, t)| t)
        .sum();
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    busy / per_second
}

/// The machine's cores.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A TCP proxy to `upstream` adding `delay` to each direction; returns its port.
pub fn latency_proxy(upstream: u16, delay: Duration) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { continue };
            let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else {
                continue;
            };
            for stream in [&client, &server] {
                stream.set_nodelay(true).expect("nodelay");
            }
            pump(
                client.try_clone().expect("clone"),
                server.try_clone().expect("clone"),
                delay,
            );
            pump(server, client, delay);
        }
    });
    port
}

/// Copies `from` to `to`, each chunk delivered `delay` after it was read.
fn pump(mut from: TcpStream, mut to: TcpStream, delay: Duration) {
    let (sender, receiver) = mpsc::channel::<(Instant, Vec<u8>)>();
    std::thread::spawn(move || {
        let mut buffer = vec![0u8; 64 * 1024];
        while let Ok(n) = from.read(&mut buffer) {
            if n == 0
                || sender
                    .send((Instant::now() + delay, buffer[..n].to_vec()))
                    .is_err()
            {
                break;
            }
        }
    });
    std::thread::spawn(move || {
        for (due, bytes) in receiver {
            let now = Instant::now();
            if due > now {
                std::thread::sleep(due - now);
            }
            if to.write_all(&bytes).is_err() {
                break;
            }
        }
        let _ = to.shutdown(std::net::Shutdown::Write);
    });
}

/// A raw SMTP session with the server on `port`, greeted and past EHLO:
/// its writer and its reader.
pub fn smtp_session(port: u16) -> (TcpStream, BufReader<TcpStream>) {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let mut writer = stream.try_clone().expect("clone");
    let mut reader = BufReader::new(stream);
    expect(&mut reader, "220");
    writer.write_all(b"EHLO bench\r\n").expect("write");
    expect(&mut reader, "250");
    (writer, reader)
}

/// Reads one SMTP reply (all its lines), which must have `code`.
pub fn expect(reader: &mut BufReader<TcpStream>, code: &str) {
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
