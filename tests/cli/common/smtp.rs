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
//!
//! It advertises PIPELINING and CHUNKING (BDAT) as Postfix does, unless
//! `Options::no_pipelining` / `no_chunking`, and refuses pipelining where
//! RFC 2920 forbids it (commands sent ahead when it is not offered, or after
//! DATA before the 354), as Postfix's `reject_unauth_pipelining` does.
//! `Options::max_connections` answers 421 to connections over the limit.
//!
//! It is as strict as real servers about what it receives: a command line
//! over 512 octets, a DATA line over 998 octets (RFC 5321 §4.5.3.1.6), a bare
//! LF or CR, or a NUL is refused with a permanent error, as aiosmtpd, Exim
//! and Gmail do, and the message is not kept (`refused()` counts them).
//!
//! With `Options::tls` it speaks TLS (rustls, a self-signed certificate made
//! by rcgen): STARTTLS offered after EHLO and required before MAIL, or TLS
//! from the first byte. With `Options::auth` it requires AUTH PLAIN, offered
//! over TLS only.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub data: Vec<u8>,
    /// Whether the message came over TLS.
    pub tls: bool,
    /// The user who authenticated, if any.
    pub user: Option<String>,
}

#[derive(Default)]
struct Shared {
    received: Mutex<Vec<Received>>,
    attempts: Mutex<HashMap<String, usize>>,
    connections: AtomicUsize,
    refused: Mutex<Vec<String>>,
    /// Sessions open now, and the most open at once.
    open: AtomicUsize,
    peak: AtomicUsize,
    /// Messages whose final dot came with the next MAIL already behind it
    /// (RFC 2920 §3.1: one round trip a message without CHUNKING).
    pipelined_after_data: AtomicUsize,
    /// EHLO commands received, over all sessions.
    ehlos: AtomicUsize,
}

pub struct SmtpServer {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
}

#[derive(Clone, Default)]
pub struct Options {
    /// Wait this long before answering the end of DATA (a slow server).
    pub delay_per_message: Duration,
    /// Keep only a count, not the messages (benchmarks).
    pub count_only: bool,
    pub tls: Option<(TlsMode, Arc<rustls::ServerConfig>)>,
    /// AUTH PLAIN with this user and password is required.
    pub auth: Option<(String, String)>,
    /// Connections over this many at once get "421 Too many connections".
    pub max_connections: Option<usize>,
    pub no_pipelining: bool,
    pub no_chunking: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// Port 587 style: plain greeting, STARTTLS, then everything over TLS.
    Starttls,
    /// Port 465 style: TLS from the first byte.
    Implicit,
}

/// A self-signed certificate for `localhost` and 127.0.0.1: its PEM (what a
/// client trusts) and the server side.
pub struct TestCert {
    pub pem: String,
    pub config: Arc<rustls::ServerConfig>,
}

pub fn test_cert() -> TestCert {
    let certified =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .expect("certificate");
    let der = certified.cert.der().clone();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(certified.signing_key.serialize_der().into());
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("protocols")
        .with_no_client_auth()
        .with_single_cert(vec![der], key)
        .expect("server config");
    TestCert {
        pem: certified.cert.pem(),
        config: Arc::new(config),
    }
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
                let options = options.clone();
                std::thread::spawn(move || {
                    let open = shared.open.fetch_add(1, Ordering::SeqCst) + 1;
                    if options.max_connections.is_some_and(|max| open > max) {
                        let mut stream = stream;
                        let _ = stream.write_all(b"421 4.7.0 Too many connections, try again later\r\n");
                        shared.open.fetch_sub(1, Ordering::SeqCst);
                        return;
                    }
                    shared.connections.fetch_add(1, Ordering::SeqCst);
                    shared.peak.fetch_max(open, Ordering::SeqCst);
                    let _ = serve(stream, &shared, &options);
                    shared.open.fetch_sub(1, Ordering::SeqCst);
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

    /// The most sessions open at once.
    pub fn peak_connections(&self) -> usize {
        self.shared.peak.load(Ordering::SeqCst)
    }

    /// Why each refused message was refused (a line too long, a bare LF...).
    /// Messages whose end came with the next transaction's start.
    pub fn pipelined_after_data(&self) -> usize {
        self.shared.pipelined_after_data.load(Ordering::SeqCst)
    }

    /// EHLO commands received (one a session, two with STARTTLS).
    pub fn ehlos(&self) -> usize {
        self.shared.ehlos.load(Ordering::SeqCst)
    }

    pub fn refused(&self) -> Vec<String> {
        self.shared.refused.lock().unwrap().clone()
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

fn tls_stream(
    stream: TcpStream,
    options: &Options,
) -> std::io::Result<rustls::StreamOwned<rustls::ServerConnection, TcpStream>> {
    let Some((_, config)) = &options.tls else {
        return Err(std::io::Error::other("no TLS configured"));
    };
    let connection = rustls::ServerConnection::new(config.clone()).map_err(std::io::Error::other)?;
    Ok(rustls::StreamOwned::new(connection, stream))
}

fn serve(stream: TcpStream, shared: &Shared, options: &Options) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.set_nodelay(true)?;
    if matches!(&options.tls, Some((TlsMode::Implicit, _))) {
        let tls = tls_stream(stream, options)?;
        session(BufReader::new(tls), shared, options, true, true)?;
        return Ok(());
    }
    if let Some(plain) = session(BufReader::new(stream), shared, options, false, true)? {
        // STARTTLS: the same conversation goes on over TLS, without a greeting.
        let tls = tls_stream(plain, options)?;
        session(BufReader::new(tls), shared, options, true, false)?;
    }
    Ok(())
}

fn reply<S: Write>(stream: &mut S, text: &str) -> std::io::Result<()> {
    stream.write_all(text.as_bytes())?;
    stream.flush()
}

/// One SMTP conversation; returns the stream when the client asked for STARTTLS.
fn session<S: Read + Write>(
    mut reader: BufReader<S>,
    shared: &Shared,
    options: &Options,
    tls: bool,
    greet: bool,
) -> std::io::Result<Option<S>> {
    if greet {
        reply(reader.get_mut(), "220 test.localhost ESMTP publik-test\r\n")?;
    }
    let offers_starttls = matches!(&options.tls, Some((TlsMode::Starttls, _))) && !tls;
    let mut user: Option<String> = None;
    let mut mail_from = String::new();
    let mut rcpt_to: Vec<String> = Vec::new();
    let mut chunks: Vec<u8> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let command = line.trim_end().to_string();
        let upper = command.to_ascii_uppercase();
        let writer = reader.get_mut();
        if line.len() > 512 || !line.ends_with("\r\n") || command.contains(['\r', '\n', '\0']) {
            shared
                .refused
                .lock()
                .unwrap()
                .push(format!("command line: {command:?}"));
            reply(
                writer,
                "500 5.5.2 Syntax error, command line too long or not ended by CRLF\r\n",
            )?;
            continue;
        }
        // What the client sent before reading this command's reply: allowed
        // only when PIPELINING is offered, and never after a command that
        // ends a group (RFC 2920 §3.1).
        let ends_group = ["EHLO", "HELO", "DATA", "QUIT", "STARTTLS", "NOOP", "AUTH"]
            .iter()
            .any(|c| upper.starts_with(c));
        let sent_ahead = !reader.buffer().is_empty();
        if sent_ahead && !upper.starts_with("BDAT") && (options.no_pipelining || ends_group) {
            shared
                .refused
                .lock()
                .unwrap()
                .push(format!("improper pipelining after {command:?}"));
            reply(
                reader.get_mut(),
                "554 5.5.0 Error: improper use of SMTP command pipelining\r\n",
            )?;
            return Ok(None);
        }
        let writer = reader.get_mut();
        if upper.starts_with("EHLO") {
            shared.ehlos.fetch_add(1, Ordering::SeqCst);
            let mut text = String::from("250-test.localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n");
            if !options.no_pipelining {
                text.push_str("250-PIPELINING\r\n");
            }
            if !options.no_chunking {
                text.push_str("250-CHUNKING\r\n");
            }
            if offers_starttls {
                text.push_str("250-STARTTLS\r\n");
            }
            if options.auth.is_some() && tls {
                text.push_str("250-AUTH PLAIN\r\n");
            }
            text.push_str("250 SIZE 52428800\r\n");
            reply(writer, &text)?;
        } else if upper.starts_with("HELO") {
            reply(writer, "250 test.localhost\r\n")?;
        } else if upper == "STARTTLS" && offers_starttls {
            reply(writer, "220 2.0.0 Ready to start TLS\r\n")?;
            return Ok(Some(reader.into_inner()));
        } else if upper.starts_with("AUTH PLAIN ") && options.auth.is_some() && tls {
            use base64::Engine;
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(command[11..].trim())
                .unwrap_or_default();
            let parts: Vec<&[u8]> = decoded.split(|b| *b == 0).collect();
            let given = match parts.as_slice() {
                [_, user, password] => Some((
                    String::from_utf8_lossy(user).into_owned(),
                    String::from_utf8_lossy(password).into_owned(),
                )),
                _ => None,
            };
            if given.is_some() && given == options.auth {
                user = given.map(|g| g.0);
                reply(writer, "235 2.7.0 Authentication successful\r\n")?;
            } else {
                reply(writer, "535 5.7.8 Authentication credentials invalid\r\n")?;
            }
        } else if upper.starts_with("MAIL FROM:") {
            if offers_starttls {
                reply(writer, "530 5.7.0 Must issue a STARTTLS command first\r\n")?;
                continue;
            }
            if options.auth.is_some() && user.is_none() {
                reply(writer, "530 5.7.0 Authentication required\r\n")?;
                continue;
            }
            mail_from = extract_address(&command[10..]);
            rcpt_to.clear();
            reply(writer, "250 2.1.0 Ok\r\n")?;
        } else if upper.starts_with("RCPT TO:") {
            let address = extract_address(&command[8..]);
            let text = rcpt_reply(shared, &address);
            if text.starts_with('2') {
                rcpt_to.push(address);
            }
            reply(writer, text)?;
        } else if upper == "DATA" {
            if rcpt_to.is_empty() {
                reply(writer, "554 5.5.1 No valid recipients\r\n")?;
                continue;
            }
            if rcpt_to.iter().any(|r| local_part(r).starts_with("busydata")) {
                reply(writer, "451 4.3.0 Busy, try DATA later\r\n")?;
                continue;
            }
            reply(writer, "354 End data with <CR><LF>.<CR><LF>\r\n")?;
            let mut data = Vec::new();
            loop {
                let mut raw = Vec::new();
                if reader.read_until(b'\n', &mut raw)? == 0 {
                    return Ok(None);
                }
                if raw == b".\r\n" {
                    if !reader.buffer().is_empty() {
                        shared.pipelined_after_data.fetch_add(1, Ordering::SeqCst);
                    }
                    break;
                }
                let unstuffed = if raw.starts_with(b"..") {
                    &raw[1..]
                } else {
                    &raw[..]
                };
                data.extend_from_slice(unstuffed);
            }
            let envelope = (mail_from.clone(), std::mem::take(&mut rcpt_to), user.clone());
            let Some(text) = accept(shared, options, envelope, data, tls) else {
                return Ok(None);
            };
            reply(reader.get_mut(), &text)?;
        } else if upper.starts_with("BDAT ") {
            // RFC 3030: the chunk is read whatever happens, then answered.
            let mut words = command[5..].split_whitespace();
            let size: usize = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
            let last = words.next().is_some_and(|w| w.eq_ignore_ascii_case("LAST"));
            let mut chunk = vec![0u8; size];
            reader.read_exact(&mut chunk)?;
            if rcpt_to.is_empty() {
                chunks.clear();
                reply(reader.get_mut(), "554 5.5.1 No valid recipients\r\n")?;
                continue;
            }
            chunks.extend_from_slice(&chunk);
            if !last {
                reply(reader.get_mut(), &format!("250 2.0.0 {size} octets received\r\n"))?;
                continue;
            }
            let envelope = (mail_from.clone(), std::mem::take(&mut rcpt_to), user.clone());
            let Some(text) = accept(shared, options, envelope, std::mem::take(&mut chunks), tls) else {
                return Ok(None);
            };
            reply(reader.get_mut(), &text)?;
        } else if upper == "RSET" {
            rcpt_to.clear();
            chunks.clear();
            reply(writer, "250 2.0.0 Ok\r\n")?;
        } else if upper == "NOOP" {
            reply(writer, "250 2.0.0 Ok\r\n")?;
        } else if upper == "QUIT" {
            reply(writer, "221 2.0.0 Bye\r\n")?;
            return Ok(None);
        } else {
            reply(writer, "502 5.5.2 Command not recognized\r\n")?;
        }
    }
}

/// The first line of `data` a strict server refuses, and why.
fn fault(data: &[u8]) -> Option<String> {
    for (index, raw) in data.split_inclusive(|b| *b == b'\n').enumerate() {
        let problem = match raw.strip_suffix(b"\r\n") {
            None => "bare LF",
            Some(line) if line.contains(&b'\r') => "bare CR",
            Some(line) if line.contains(&0) => "NUL",
            Some(line) if line.len() > 998 => "line too long",
            Some(_) => continue,
        };
        return Some(format!("{problem} at line {} ({} octets)", index + 1, raw.len()));
    }
    None
}

/// A whole message received (DATA or the last BDAT): refused as a strict
/// server would, or kept; the reply, or None to hang up without one.
fn accept(
    shared: &Shared,
    options: &Options,
    (mail_from, rcpt_to, user): (String, Vec<String>, Option<String>),
    data: Vec<u8>,
    tls: bool,
) -> Option<String> {
    if let Some(fault) = fault(&data) {
        shared.refused.lock().unwrap().push(fault);
        return Some("550 5.6.0 Message refused: malformed lines\r\n".into());
    }
    if rcpt_to.iter().any(|r| local_part(r).starts_with("drop")) {
        // Hang up before answering: the client cannot know the outcome.
        return None;
    }
    if !options.delay_per_message.is_zero() {
        std::thread::sleep(options.delay_per_message);
    }
    let message = Received {
        mail_from,
        rcpt_to,
        data: if options.count_only { Vec::new() } else { data },
        tls,
        user,
    };
    // A queue id of its own, as Postfix gives: Q1, Q2… in arrival order.
    let mut received = shared.received.lock().unwrap();
    received.push(message);
    Some(format!("250 2.0.0 Ok: queued as Q{}\r\n", received.len()))
}

fn extract_address(text: &str) -> String {
    let text = text.trim();
    let inner = match (text.find('<'), text.find('>')) {
        (Some(start), Some(end)) if end > start => &text[start + 1..end],
        _ => text.split_whitespace().next().unwrap_or(""),
    };
    inner.to_string()
}
