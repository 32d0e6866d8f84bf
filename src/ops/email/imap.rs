//! The few IMAP commands `fetch-bounces` needs (RFC 9051, RFC 3501): TLS
//! from the first byte or after STARTTLS, LOGIN, SELECT, UID SEARCH, UID
//! FETCH of a message's first bytes, UID MOVE (or COPY, STORE \Deleted and
//! EXPUNGE), a keyword, LOGOUT. Each command ends within the timeout from
//! when it was sent and within the run's time limit; its replies are
//! bounded in count and bytes (`wire.rs`), then parsed by imap-proto.

mod wire;

use std::cell::Cell;
use std::io::{BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use imap_proto::{AttributeValue, Capability, MailboxDatum, Response, Status};

use crate::config::{BounceMailboxConfig, MailboxTls};
use crate::duration::Duration;
use wire::{Budget, FrameError, Timed};

trait Stream: Read + Write {}
impl<T: Read + Write> Stream for T {}

#[derive(Debug)]
pub(super) enum ImapError {
    /// The server cannot be reached, failed, or broke a bound: try later.
    Unreachable(String),
    /// The server said NO or BAD.
    Refused(String),
    /// The run's time limit passed while this was under way.
    OutOfTime(String),
}

impl std::fmt::Display for ImapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImapError::Unreachable(why) | ImapError::Refused(why) => f.write_str(why),
            ImapError::OutOfTime(doing) => write!(f, "the time limit passed during {doing}"),
        }
    }
}

type Result<T> = std::result::Result<T, ImapError>;

pub(super) struct Imap {
    reader: BufReader<Box<dyn Stream>>,
    /// The deadline the socket is held to: the command's under way.
    deadline: Rc<Cell<Instant>>,
    /// What a command may take (email.bounce_mailbox.timeout).
    timeout: Duration,
    /// No command goes on past it (--time-limit).
    run_ends: Instant,
    next_tag: u32,
    capabilities: Vec<String>,
    /// The largest literal accepted (a message's first bytes).
    max_literal: u64,
}

/// `"text"` as an IMAP quoted string (the config refuses line breaks).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn tls_config(ca_pem: Option<&str>) -> Result<Arc<rustls::ClientConfig>> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ImapError::Refused(format!("TLS: {e}")))?;
    let config = match ca_pem {
        // The file's certificates as anchors, and each trusted as itself
        // when the server presents it (`pinned.rs`: `openssl req -x509`).
        Some(pem) => {
            let verifier = super::pinned::verifier(pem)
                .map_err(|e| ImapError::Refused(format!("email.bounce_mailbox.ca_file: {e}")))?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(verifier))
        }
        None => {
            let mut roots = rustls::RootCertStore::empty();
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            builder.with_root_certificates(roots)
        }
    };
    Ok(Arc::new(config.with_no_client_auth()))
}

fn tls(stream: Timed, host: &str, ca_pem: Option<&str>) -> Result<Box<dyn Stream>> {
    let name = rustls_pki_types::ServerName::try_from(host.to_string())
        .map_err(|e| ImapError::Refused(format!("{host}: {e}")))?;
    let connection = rustls::ClientConnection::new(tls_config(ca_pem)?, name)
        .map_err(|e| ImapError::Refused(format!("TLS: {e}")))?;
    Ok(Box::new(rustls::StreamOwned::new(connection, stream)))
}

impl Imap {
    /// Connects and logs in; every command after it ends by `run_ends`.
    pub(super) fn open(config: &BounceMailboxConfig, max_literal: u64, run_ends: Instant) -> Result<Imap> {
        let peer = format!("{}:{}", config.host, config.port());
        let deadline = Rc::new(Cell::new(run_ends));
        let mut imap = Imap {
            reader: BufReader::new(Box::new(std::io::empty())),
            deadline: deadline.clone(),
            timeout: config.timeout,
            run_ends,
            next_tag: 1,
            capabilities: Vec::new(),
            max_literal,
        };
        // The connection and the greeting: one deadline from now.
        let left = imap.start("connecting")?;
        let addresses = (config.host.as_str(), config.port())
            .to_socket_addrs()
            .map_err(|e| ImapError::Unreachable(format!("cannot resolve {peer}: {e}")))?;
        let mut last = None;
        let mut tcp = None;
        for address in addresses {
            match TcpStream::connect_timeout(&address, left) {
                Ok(stream) => {
                    tcp = Some(stream);
                    break;
                }
                Err(e) => last = Some(e),
            }
        }
        let tcp = tcp.ok_or_else(|| match last {
            Some(e) if wire::timed_out(&e) => imap.failed(e, "connecting"),
            _ => ImapError::Unreachable(format!(
                "cannot connect to {peer}: {}",
                last.map_or("no address".into(), |e| e.to_string())
            )),
        })?;
        let ca_pem = config.ca_pem.as_deref();
        let timed = |tcp| Timed {
            tcp,
            deadline: deadline.clone(),
        };
        // STARTTLS: the same socket, in clear first, then under TLS.
        let later = match config.tls {
            MailboxTls::Starttls => Some(tcp.try_clone().map_err(|e| imap.failed(e, "connecting"))?),
            MailboxTls::Implicit => None,
        };
        imap.reader = BufReader::new(match config.tls {
            MailboxTls::Implicit => tls(timed(tcp), &config.host, ca_pem)?,
            MailboxTls::Starttls => Box::new(timed(tcp)),
        });
        let greeting = imap.greeting().map_err(|e| with_hint(e, &peer))?;
        if let Some(greeting) = greeting {
            return Err(ImapError::Refused(format!("{peer} greeted with {greeting:?}")));
        }
        if config.tls == MailboxTls::Starttls {
            imap.command("STARTTLS", |_| ())?;
            // Anything after the reply was sent in clear: a man in the middle.
            if !imap.reader.buffer().is_empty() {
                return Err(ImapError::Refused(format!("{peer} sent data after STARTTLS")));
            }
            if let Some(tcp) = later {
                imap.reader = BufReader::new(tls(timed(tcp), &config.host, ca_pem)?);
            }
        }
        let password = config
            .resolved_password
            .as_ref()
            .map(|p| p.expose().to_string())
            .unwrap_or_default();
        imap.command(
            &format!("LOGIN {} {}", quoted(&config.user), quoted(&password)),
            |_| (),
        )
        .map_err(|e| match e {
            ImapError::Refused(why) => {
                ImapError::Refused(format!("{peer} refused the login of {}: {why}", config.user))
            }
            other => with_hint(other, &peer),
        })?;
        let mut capabilities = Vec::new();
        imap.command("CAPABILITY", |reply| {
            if let Response::Capabilities(list) = reply {
                capabilities.extend(list.iter().map(|c| match c {
                    Capability::Imap4rev1 => "IMAP4REV1".to_string(),
                    Capability::Auth(name) => format!("AUTH={}", name.to_ascii_uppercase()),
                    Capability::Atom(name) => name.to_ascii_uppercase(),
                }));
            }
        })?;
        imap.capabilities = capabilities;
        Ok(imap)
    }

    pub(super) fn has(&self, capability: &str) -> bool {
        self.capabilities.iter().any(|c| c == capability)
    }

    /// Starts the clock of what is to be `doing`: the socket is held to
    /// the timeout from now, or to the run's end if sooner. What is left.
    fn start(&mut self, doing: &str) -> Result<std::time::Duration> {
        let now = Instant::now();
        let ends = (now + self.timeout.std()).min(self.run_ends);
        if ends <= now {
            return Err(ImapError::OutOfTime(doing.to_string()));
        }
        self.deadline.set(ends);
        Ok(ends - now)
    }

    /// An I/O error while `doing`: a deadline passed is said as the
    /// setting that set it.
    fn failed(&self, error: std::io::Error, doing: &str) -> ImapError {
        if !wire::timed_out(&error) {
            return ImapError::Unreachable(format!("{doing}: {error}"));
        }
        if self.deadline.get() >= self.run_ends {
            ImapError::OutOfTime(doing.to_string())
        } else {
            ImapError::Unreachable(format!(
                "no answer in {} (email.bounce_mailbox.timeout) to {doing}",
                self.timeout
            ))
        }
    }

    /// One reply whole into `raw`, within `budget`.
    fn read_reply(&mut self, budget: &mut Budget, raw: &mut Vec<u8>, doing: &str) -> Result<()> {
        wire::read_reply(&mut self.reader, budget, raw).map_err(|e| match e {
            FrameError::Io(e) => self.failed(e, doing),
            FrameError::Broken(why) => ImapError::Unreachable(format!("{why}, during {doing}")),
        })
    }

    /// The server's greeting: None if it is OK, else what it said.
    fn greeting(&mut self) -> Result<Option<String>> {
        let mut raw = Vec::new();
        self.read_reply(&mut Budget::new(0), &mut raw, "the greeting")?;
        Ok(match Response::parse(&raw) {
            Ok((
                _,
                Response::Data {
                    status: Status::Ok, ..
                },
            )) => None,
            _ => Some(wire::said(&raw)),
        })
    }

    /// Sends a command and reads up to its tagged reply, each untagged one
    /// given to `on_reply`; Refused on NO or BAD.
    fn command(&mut self, command: &str, mut on_reply: impl FnMut(Response<'_>)) -> Result<()> {
        // Named in errors by its verb (and UID): never LOGIN's password.
        let words = if command.starts_with("UID ") { 3 } else { 1 };
        let mut doing: Vec<&str> = command.split(' ').take(words).collect();
        if doing.len() == 3 && !doing[2].bytes().all(|b| b.is_ascii_digit()) {
            doing.pop();
        }
        let doing = doing.join(" ");
        let tag = format!("p{}", self.next_tag);
        self.next_tag += 1;
        self.start(&doing)?;
        let stream = self.reader.get_mut();
        stream
            .write_all(format!("{tag} {command}\r\n").as_bytes())
            .and_then(|()| stream.flush())
            .map_err(|e| self.failed(e, &doing))?;
        let mut budget = Budget::new(self.max_literal);
        let mut raw = Vec::new();
        loop {
            self.read_reply(&mut budget, &mut raw, &doing)?;
            match Response::parse(&raw) {
                Ok((
                    _,
                    Response::Done {
                        tag: done, status, ..
                    },
                )) if done.0 == tag => {
                    return match status {
                        Status::Ok => Ok(()),
                        _ => Err(ImapError::Refused(wire::said(&raw[tag.len() + 1..]))),
                    };
                }
                Ok((
                    _,
                    Response::Data {
                        status: Status::Bye, ..
                    },
                )) if doing != "LOGOUT" => {
                    return Err(ImapError::Unreachable(format!(
                        "the mailbox ended the session: {}",
                        wire::said(&raw)
                    )));
                }
                Ok((_, reply)) => on_reply(reply),
                // A reply imap-proto does not know: only our completion
                // matters (some servers' are terser than the grammar).
                Err(_) => {
                    if let Some(rest) = raw.strip_prefix(format!("{tag} ").as_bytes()) {
                        return match rest.get(..2) {
                            Some(ok) if ok.eq_ignore_ascii_case(b"OK") => Ok(()),
                            _ => Err(ImapError::Refused(wire::said(rest))),
                        };
                    }
                    log::debug!("bounce mailbox: a reply not understood: {}", wire::said(&raw));
                }
            }
        }
    }

    pub(super) fn select(&mut self, folder: &str) -> Result<()> {
        self.command(&format!("SELECT {}", quoted(folder)), |_| ())
    }

    /// Creates `folder`; one already there is fine, and another refusal
    /// shows at the first move into it.
    pub(super) fn create(&mut self, folder: &str) -> Result<()> {
        match self.command(&format!("CREATE {}", quoted(folder)), |_| ()) {
            Err(ImapError::Refused(_)) => Ok(()),
            other => other,
        }
    }

    /// UIDs of the messages in the selected folder without `keyword`.
    pub(super) fn search_without(&mut self, keyword: &str) -> Result<Vec<u32>> {
        let mut uids = Vec::new();
        self.command(&format!("UID SEARCH UNKEYWORD {keyword}"), |reply| {
            if let Response::MailboxData(MailboxDatum::Search(found)) = reply {
                uids.extend(found);
            }
        })?;
        uids.sort_unstable();
        uids.dedup();
        Ok(uids)
    }

    /// The first `max_literal` octets of message `uid`, without marking it
    /// seen; None if it is gone. Only a FETCH naming `uid` counts: the
    /// server may send others' (flags changed) unasked.
    pub(super) fn fetch(&mut self, uid: u32) -> Result<Option<Vec<u8>>> {
        let max = self.max_literal;
        let mut body = None;
        self.command(&format!("UID FETCH {uid} (UID BODY.PEEK[]<0.{max}>)"), |reply| {
            let Response::Fetch(_, attributes) = reply else {
                return;
            };
            if body.is_some() || !attributes.contains(&AttributeValue::Uid(uid)) {
                return;
            }
            body = attributes.into_iter().find_map(|a| match a {
                AttributeValue::BodySection { data: Some(data), .. } => {
                    let mut data = data.into_owned();
                    data.truncate(max as usize);
                    Some(data)
                }
                _ => None,
            });
        })?;
        Ok(body)
    }

    /// Moves message `uid` to `folder` (MOVE, or COPY then delete).
    pub(super) fn move_to(&mut self, uid: u32, folder: &str) -> Result<()> {
        if self.has("MOVE") {
            return self.command(&format!("UID MOVE {uid} {}", quoted(folder)), |_| ());
        }
        self.command(&format!("UID COPY {uid} {}", quoted(folder)), |_| ())?;
        self.delete(uid)
    }

    pub(super) fn delete(&mut self, uid: u32) -> Result<()> {
        self.command(&format!("UID STORE {uid} +FLAGS.SILENT (\\Deleted)"), |_| ())?;
        if self.has("UIDPLUS") {
            self.command(&format!("UID EXPUNGE {uid}"), |_| ())
        } else {
            self.command("EXPUNGE", |_| ())
        }
    }

    pub(super) fn add_keyword(&mut self, uid: u32, keyword: &str) -> Result<()> {
        self.command(&format!("UID STORE {uid} +FLAGS.SILENT ({keyword})"), |_| ())
    }

    /// Says goodbye, unless the run's time is up.
    pub(super) fn logout(mut self) {
        let _ = self.command("LOGOUT", |_| ());
    }
}

/// A certificate refused: say how to trust a private one.
fn with_hint(error: ImapError, peer: &str) -> ImapError {
    match error {
        ImapError::Unreachable(why) if why.contains("certificate") || why.contains("Certificate") => {
            ImapError::Refused(format!(
                "{peer}: {why} (a private CA or a self-signed server: trust it with email.bounce_mailbox.ca_file)"
            ))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted() {
        assert_eq!(quoted(r#"a"b\c"#), r#""a\"b\\c""#);
    }

    /// A server's replies, whatever was sent to it.
    struct Replies(std::io::Cursor<Vec<u8>>);

    impl Read for Replies {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.0.read(buf)
        }
    }

    impl Write for Replies {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// An Imap reading `replies`, its deadline far.
    fn replying(replies: &[u8]) -> Imap {
        let far = Instant::now() + std::time::Duration::from_secs(3600);
        Imap {
            reader: BufReader::new(Box::new(Replies(std::io::Cursor::new(replies.to_vec())))),
            deadline: Rc::new(Cell::new(far)),
            timeout: Duration::from_secs(30),
            run_ends: far,
            next_tag: 1,
            capabilities: Vec::new(),
            max_literal: 100,
        }
    }

    #[test]
    fn a_fetch_is_matched_by_its_uid() {
        let mut imap = replying(
            b"* 3 FETCH (FLAGS (\\Seen))\r\n* 4 FETCH (UID 8 BODY[]<0> {3}\r\nBye)\r\n\
              * 3 FETCH (UID 7 BODY[]<0> {5}\r\nHello)\r\np1 OK done\r\n",
        );
        assert_eq!(imap.fetch(7).unwrap(), Some(b"Hello".to_vec()));
    }

    #[test]
    fn a_fetch_without_the_message_is_none() {
        let mut imap = replying(b"* 3 FETCH (FLAGS (\\Seen))\r\np1 OK done\r\n");
        assert_eq!(imap.fetch(7).unwrap(), None);
    }

    #[test]
    fn search_results_are_read_and_a_refusal_said() {
        let mut imap =
            replying(b"* SEARCH 9 2\r\n* SEARCH 4\r\np1 OK done\r\np2 NO [TRYCREATE] no such folder\r\n");
        assert_eq!(imap.search_without("$X").unwrap(), [2, 4, 9]);
        let refused = imap.select("Nope").unwrap_err();
        assert!(
            matches!(&refused, ImapError::Refused(why) if why == "NO [TRYCREATE] no such folder"),
            "{refused:?}"
        );
    }
}
