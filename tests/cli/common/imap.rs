//! An IMAP server of the tests' own, hostile or broken in one chosen way:
//! TLS from the first byte (the test certificate, trusted through
//! `ca_file`), a mailbox of one message (UID 7), the commands it got
//! recorded. Every misbehaviour stops by itself after a minute, and the
//! server with the value.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::Env;

/// How long any misbehaviour lasts at most (the tests' hang guard).
const AT_MOST: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misbehaviour {
    /// None: a plain, correct server.
    None,
    /// Answers UID SEARCH with `* SEARCH 1 2 3 …` lines, without end.
    FloodSearch,
    /// Answers UID FETCH with 4 000 000-octet literals, one after another.
    ChainedLiterals,
    /// Sends its greeting one byte a second.
    TrickleGreeting,
    /// Sends nothing at all.
    Silent,
    /// Sends `* 1 FETCH (FLAGS (\Seen))` before the message asked for.
    UnsolicitedFetch,
    /// Never answers UID MOVE.
    SilentOnMove,
    /// Greets with a FETCH of a BODYSTRUCTURE nested 2000 deep.
    NestedGreeting,
    /// Answers UID SEARCH with that nested FETCH first.
    NestedOnSearch,
    /// Answers UID FETCH with that nested FETCH first.
    NestedOnFetch,
}

/// A reply nested 2000 parentheses deep, never closed (a parser recursing
/// on each overflows its stack).
fn nested_fetch() -> Vec<u8> {
    let mut line = b"* 1 FETCH (BODYSTRUCTURE ".to_vec();
    line.extend(std::iter::repeat_n(b'(', 2000));
    line.extend(b"\r\n");
    line
}

struct Shared {
    misbehaviour: Misbehaviour,
    message: String,
    moved: AtomicBool,
    stop: AtomicBool,
    commands: Mutex<Vec<String>>,
}

pub struct HostileImap {
    pub port: u16,
    pub cert_pem: String,
    shared: Arc<Shared>,
}

impl HostileImap {
    /// A server holding `message` (line ends made CRLF).
    pub fn start(misbehaviour: Misbehaviour, message: &str) -> HostileImap {
        let cert = super::smtp::test_cert();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            misbehaviour,
            message: message.replace("\r\n", "\n").replace('\n', "\r\n"),
            moved: AtomicBool::new(false),
            stop: AtomicBool::new(false),
            commands: Mutex::new(Vec::new()),
        });
        let config = cert.config.clone();
        let accepting = shared.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            while !accepting.stop.load(Ordering::SeqCst) && started.elapsed() < AT_MOST * 2 {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (shared, config) = (accepting.clone(), config.clone());
                        std::thread::spawn(move || {
                            let _ = session(stream, &shared, config);
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        HostileImap {
            port,
            cert_pem: cert.pem,
            shared,
        }
    }

    /// The commands received, without their tags.
    pub fn commands(&self) -> Vec<String> {
        self.shared.commands.lock().unwrap().clone()
    }

    /// Points `env`'s config (one written by `Env::smtp_config`) at this
    /// server, each command given `timeout`.
    pub fn configure(&self, env: &Env, timeout: &str) {
        env.write("mailbox-ca.pem", &self.cert_pem);
        let config = std::fs::read_to_string(env.config()).unwrap();
        env.write(
            "publik.yaml",
            &config.replacen(
                "email:\n",
                &format!(
                    "email:\n  bounce_mailbox:\n    host: 127.0.0.1\n    port: {}\n    tls: implicit\n    \
                     user: bounces\n    password: secret\n    ca_file: mailbox-ca.pem\n    timeout: {timeout}\n",
                    self.port
                ),
                1,
            ),
        );
    }
}

impl Drop for HostileImap {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
    }
}

type Tls = rustls::StreamOwned<rustls::ServerConnection, TcpStream>;

/// Waits out a misbehaviour that sends nothing: until the server stops,
/// past any test's hang guard at most.
fn stall(shared: &Shared) {
    let started = Instant::now();
    while !shared.stop.load(Ordering::SeqCst) && started.elapsed() < AT_MOST * 2 {
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn session(stream: TcpStream, shared: &Shared, config: Arc<rustls::ServerConfig>) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    let connection = rustls::ServerConnection::new(config).map_err(std::io::Error::other)?;
    let mut reader = BufReader::new(Tls::new(connection, stream));
    let started = Instant::now();
    match shared.misbehaviour {
        Misbehaviour::Silent => {
            // The handshake, then nothing.
            let tls = reader.get_mut();
            tls.conn.complete_io(&mut tls.sock)?;
            stall(shared);
            return Ok(());
        }
        Misbehaviour::TrickleGreeting => {
            for byte in b"* OK ".iter().chain(std::iter::repeat(&b'.')) {
                if shared.stop.load(Ordering::SeqCst) || started.elapsed() > AT_MOST {
                    return Ok(());
                }
                reader.get_mut().write_all(&[*byte])?;
                reader.get_mut().flush()?;
                std::thread::sleep(Duration::from_secs(1));
            }
        }
        Misbehaviour::NestedGreeting => reader.get_mut().write_all(&nested_fetch())?,
        _ => reader.get_mut().write_all(b"* OK hostile IMAP ready\r\n")?,
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let line = line.trim_end();
        let Some((tag, command)) = line.split_once(' ') else {
            continue;
        };
        shared.commands.lock().unwrap().push(command.to_string());
        let verb = command
            .split(' ')
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_uppercase();
        let out = reader.get_mut();
        let ok = format!("{tag} OK done\r\n");
        match verb.as_str() {
            "CAPABILITY" => write!(out, "* CAPABILITY IMAP4rev1 MOVE UIDPLUS\r\n{ok}")?,
            v if v.starts_with("SELECT") => write!(out, "* 1 EXISTS\r\n* FLAGS (\\Seen)\r\n{ok}")?,
            "UID SEARCH" if shared.misbehaviour == Misbehaviour::FloodSearch => {
                let numbers: Vec<String> = (1..=2000).map(|n| n.to_string()).collect();
                let flood = format!("* SEARCH {}\r\n", numbers.join(" "));
                while started.elapsed() < AT_MOST && !shared.stop.load(Ordering::SeqCst) {
                    out.write_all(flood.as_bytes())?;
                }
                return Ok(());
            }
            "UID SEARCH" if shared.misbehaviour == Misbehaviour::NestedOnSearch => {
                out.write_all(&nested_fetch())?;
                write!(out, "* SEARCH 7\r\n{ok}")?;
            }
            "UID SEARCH" if shared.moved.load(Ordering::SeqCst) => write!(out, "* SEARCH\r\n{ok}")?,
            "UID SEARCH" => write!(out, "* SEARCH 7\r\n{ok}")?,
            "UID FETCH" if shared.misbehaviour == Misbehaviour::ChainedLiterals => {
                let literal = vec![b'x'; 4_000_000];
                out.write_all(b"* 1 FETCH (UID 7 BODY[]<0> {4000000}\r\n")?;
                while started.elapsed() < AT_MOST && !shared.stop.load(Ordering::SeqCst) {
                    out.write_all(&literal)?;
                    out.write_all(b" BODY[]<0> {4000000}\r\n")?;
                }
                return Ok(());
            }
            "UID FETCH" => {
                if shared.misbehaviour == Misbehaviour::UnsolicitedFetch {
                    out.write_all(b"* 1 FETCH (FLAGS (\\Seen))\r\n")?;
                }
                if shared.misbehaviour == Misbehaviour::NestedOnFetch {
                    out.write_all(&nested_fetch())?;
                }
                let message = &shared.message;
                write!(
                    out,
                    "* 1 FETCH (UID 7 BODY[]<0> {{{}}}\r\n{message})\r\n{ok}",
                    message.len()
                )?;
            }
            "UID MOVE" if shared.misbehaviour == Misbehaviour::SilentOnMove => {
                stall(shared);
                return Ok(());
            }
            "UID MOVE" => {
                shared.moved.store(true, Ordering::SeqCst);
                write!(out, "* 1 EXPUNGE\r\n{ok}")?;
            }
            "LOGOUT" => {
                write!(out, "* BYE bye\r\n{ok}")?;
                out.flush()?;
                return Ok(());
            }
            _ => out.write_all(ok.as_bytes())?,
        }
        out.flush()?;
    }
}
