//! A real SMTP server on 127.0.0.1 for tests and benchmarks: it speaks the
//! protocol over TCP (EHLO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP,
//! QUIT) and keeps what it received. Replies are scripted per recipient by
//! the address's local part:
//!
//! - `temp…@`  → 451 on RCPT (temporary)
//! - `perm…@`  → 550 on RCPT (permanent)
//! - `drop…@`  → the connection is closed during DATA, before the reply
//! - `flakyN…@` → 451 for the first N attempts, then accepted
//! - anything else → 250

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub data: Vec<u8>,
}

#[derive(Default)]
struct Shared {
    received: Mutex<Vec<Received>>,
    attempts: Mutex<HashMap<String, usize>>,
    connections: AtomicUsize,
}

pub struct SmtpServer {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
}

#[derive(Clone, Copy, Default)]
pub struct Options {
    /// Wait this long before answering the end of DATA (a slow server).
    pub delay_per_message: Duration,
    /// Keep only a count, not the messages (benchmarks).
    pub count_only: bool,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        SmtpServer::start_with(Options::default())
    }

    pub fn start_with(options: Options) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let shared = Arc::new(Shared::default());
        let accept_shared = shared.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let shared = accept_shared.clone();
                shared.connections.fetch_add(1, Ordering::SeqCst);
                std::thread::spawn(move || {
                    let _ = serve(stream, &shared, options);
                });
            }
        });
        SmtpServer { addr, shared }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    pub fn count(&self) -> usize {
        self.shared.received.lock().unwrap().len()
    }

    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Waits until `n` messages arrived or the timeout passes.
    pub fn wait_for(&self, n: usize, timeout: Duration) -> usize {
        let deadline = std::time::Instant::now() + timeout;
        while self.count() < n && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        self.count()
    }
}

fn local_part(address: &str) -> String {
    address.split('@').next().unwrap_or("").to_ascii_lowercase()
}

fn rcpt_reply(shared: &Shared, address: &str) -> &'static str {
    let local = local_part(address);
    let attempt = {
        let mut attempts = shared.attempts.lock().unwrap();
        let n = attempts.entry(address.to_string()).or_insert(0);
        *n += 1;
        *n
    };
    if local.starts_with("temp") {
        return "451 4.3.0 Temporary failure, try later\r\n";
    }
    if local.starts_with("perm") {
        return "550 5.1.1 No such user here\r\n";
    }
    if let Some(rest) = local.strip_prefix("flaky") {
        let failures: usize = rest
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or(1);
        if attempt <= failures {
            return "451 4.7.1 Greylisted, come back later\r\n";
        }
    }
    "250 2.1.5 Ok\r\n"
}

fn serve(stream: TcpStream, shared: &Shared, options: Options) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.set_nodelay(true)?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    writer.write_all(b"220 test.localhost ESMTP publik-test\r\n")?;
    let mut mail_from = String::new();
    let mut rcpt_to: Vec<String> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let upper = command.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            writer
                .write_all(b"250-test.localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n")?;
        } else if upper.starts_with("HELO") {
            writer.write_all(b"250 test.localhost\r\n")?;
        } else if upper.starts_with("MAIL FROM:") {
            mail_from = extract_address(&command[10..]);
            rcpt_to.clear();
            writer.write_all(b"250 2.1.0 Ok\r\n")?;
        } else if upper.starts_with("RCPT TO:") {
            let address = extract_address(&command[8..]);
            let reply = rcpt_reply(shared, &address);
            if reply.starts_with('2') {
                rcpt_to.push(address);
            }
            writer.write_all(reply.as_bytes())?;
        } else if upper == "DATA" {
            if rcpt_to.is_empty() {
                writer.write_all(b"554 5.5.1 No valid recipients\r\n")?;
                continue;
            }
            writer.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
            let mut data = Vec::new();
            loop {
                let mut raw = Vec::new();
                if reader.read_until(b'\n', &mut raw)? == 0 {
                    return Ok(());
                }
                if raw == b".\r\n" || raw == b".\n" {
                    break;
                }
                let unstuffed = if raw.starts_with(b"..") {
                    &raw[1..]
                } else {
                    &raw[..]
                };
                data.extend_from_slice(unstuffed);
            }
            if rcpt_to.iter().any(|r| local_part(r).starts_with("drop")) {
                // Hang up before answering: the client cannot know the outcome.
                return Ok(());
            }
            if !options.delay_per_message.is_zero() {
                std::thread::sleep(options.delay_per_message);
            }
            let message = Received {
                mail_from: mail_from.clone(),
                rcpt_to: std::mem::take(&mut rcpt_to),
                data: if options.count_only { Vec::new() } else { data },
            };
            shared.received.lock().unwrap().push(message);
            writer.write_all(b"250 2.0.0 Ok: queued as TEST\r\n")?;
        } else if upper == "RSET" {
            rcpt_to.clear();
            writer.write_all(b"250 2.0.0 Ok\r\n")?;
        } else if upper == "NOOP" {
            writer.write_all(b"250 2.0.0 Ok\r\n")?;
        } else if upper == "QUIT" {
            writer.write_all(b"221 2.0.0 Bye\r\n")?;
            return Ok(());
        } else {
            writer.write_all(b"502 5.5.2 Command not recognized\r\n")?;
        }
    }
}

fn extract_address(text: &str) -> String {
    let text = text.trim();
    let inner = match (text.find('<'), text.find('>')) {
        (Some(start), Some(end)) if end > start => &text[start + 1..end],
        _ => text.split_whitespace().next().unwrap_or(""),
    };
    inner.to_string()
}
