//! The few IMAP commands `fetch-bounces` needs (RFC 9051, RFC 3501): TLS
//! from the first byte or after STARTTLS, LOGIN, SELECT, UID SEARCH, UID
//! FETCH of a message's first bytes, UID MOVE (or COPY, STORE \Deleted and
//! EXPUNGE), a keyword, LOGOUT. Every wait is bounded by the timeout, every
//! line and literal by a size.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;

use crate::config::{BounceMailboxConfig, MailboxTls};

/// A reply line, literals aside, is short.
const MAX_LINE: u64 = 64 * 1024;

trait Stream: Read + Write + Send {}
impl<T: Read + Write + Send> Stream for T {}

#[derive(Debug)]
pub(super) enum ImapError {
    /// The server cannot be reached, or the connection failed.
    Unreachable(String),
    /// The server said NO or BAD.
    Refused(String),
}

impl std::fmt::Display for ImapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImapError::Unreachable(why) | ImapError::Refused(why) => f.write_str(why),
        }
    }
}

type Result<T> = std::result::Result<T, ImapError>;

fn io(what: &str) -> impl Fn(std::io::Error) -> ImapError + '_ {
    move |e| ImapError::Unreachable(format!("{what}: {e}"))
}

/// One untagged reply (`* …`) and the literals it carried.
#[derive(Debug, Default)]
struct Untagged {
    text: String,
    literals: Vec<Vec<u8>>,
}

pub(super) struct Imap {
    reader: BufReader<Box<dyn Stream>>,
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

fn tls(stream: TcpStream, host: &str, ca_pem: Option<&str>) -> Result<Box<dyn Stream>> {
    let name = rustls_pki_types::ServerName::try_from(host.to_string())
        .map_err(|e| ImapError::Refused(format!("{host}: {e}")))?;
    let connection = rustls::ClientConnection::new(tls_config(ca_pem)?, name)
        .map_err(|e| ImapError::Refused(format!("TLS: {e}")))?;
    Ok(Box::new(rustls::StreamOwned::new(connection, stream)))
}

impl Imap {
    /// Connects and logs in.
    pub(super) fn open(config: &BounceMailboxConfig, max_literal: u64) -> Result<Imap> {
        let peer = format!("{}:{}", config.host, config.port());
        let timeout = config.timeout.std();
        let addresses = (config.host.as_str(), config.port())
            .to_socket_addrs()
            .map_err(io(&format!("cannot resolve {peer}")))?;
        let mut last = None;
        let mut tcp = None;
        for address in addresses {
            match TcpStream::connect_timeout(&address, timeout) {
                Ok(stream) => {
                    tcp = Some(stream);
                    break;
                }
                Err(e) => last = Some(e),
            }
        }
        let tcp = tcp.ok_or_else(|| {
            ImapError::Unreachable(format!(
                "cannot connect to {peer}: {}",
                last.map_or("no address".into(), |e| e.to_string())
            ))
        })?;
        tcp.set_read_timeout(Some(timeout)).map_err(io(&peer))?;
        tcp.set_write_timeout(Some(timeout)).map_err(io(&peer))?;
        let ca_pem = config.ca_pem.as_deref();
        // STARTTLS: the same socket, in clear first, then under TLS.
        let later = match config.tls {
            MailboxTls::Starttls => Some(tcp.try_clone().map_err(io(&peer))?),
            MailboxTls::Implicit => None,
        };
        let stream: Box<dyn Stream> = match config.tls {
            MailboxTls::Implicit => tls(tcp, &config.host, ca_pem)?,
            MailboxTls::Starttls => Box::new(tcp),
        };
        let mut imap = Imap {
            reader: BufReader::new(stream),
            next_tag: 1,
            capabilities: Vec::new(),
            max_literal,
        };
        let (greeting, _) = imap.read_line().map_err(|e| with_hint(e, &peer))?;
        if !greeting.starts_with("* OK") {
            return Err(ImapError::Refused(format!("{peer} greeted with {greeting:?}")));
        }
        if config.tls == MailboxTls::Starttls {
            imap.command("STARTTLS")?;
            // Anything after the reply was sent in clear: a man in the middle.
            if !imap.reader.buffer().is_empty() {
                return Err(ImapError::Refused(format!("{peer} sent data after STARTTLS")));
            }
            if let Some(tcp) = later {
                imap.reader = BufReader::new(tls(tcp, &config.host, ca_pem)?);
            }
        }
        let password = config
            .resolved_password
            .as_ref()
            .map(|p| p.expose().to_string())
            .unwrap_or_default();
        imap.command(&format!("LOGIN {} {}", quoted(&config.user), quoted(&password)))
            .map_err(|e| match e {
                ImapError::Refused(why) => {
                    ImapError::Refused(format!("{peer} refused the login of {}: {why}", config.user))
                }
                other => with_hint(other, &peer),
            })?;
        let capabilities = imap.command("CAPABILITY")?;
        imap.capabilities = capabilities
            .iter()
            .filter_map(|u| u.text.strip_prefix("CAPABILITY "))
            .flat_map(|c| c.split_whitespace().map(|w| w.to_ascii_uppercase()))
            .collect();
        Ok(imap)
    }

    pub(super) fn has(&self, capability: &str) -> bool {
        self.capabilities.iter().any(|c| c == capability)
    }

    /// One reply line, with the literals it announces (`{n}`) read whole.
    fn read_line(&mut self) -> Result<(String, Vec<Vec<u8>>)> {
        let mut text = String::new();
        let mut literals = Vec::new();
        loop {
            let mut line = Vec::new();
            (&mut self.reader)
                .take(MAX_LINE)
                .read_until(b'\n', &mut line)
                .map_err(io("reading the mailbox's reply"))?;
            if !line.ends_with(b"\n") {
                return Err(ImapError::Unreachable(if line.is_empty() {
                    "the mailbox closed the connection".into()
                } else {
                    "a reply line too long".into()
                }));
            }
            let piece = String::from_utf8_lossy(&line);
            let piece = piece.trim_end_matches(['\r', '\n']);
            // `… {123}`: 123 octets follow, then the line goes on.
            let literal = piece
                .strip_suffix('}')
                .and_then(|p| p.rsplit_once('{'))
                .and_then(|(_, n)| n.trim_end_matches('+').parse::<u64>().ok());
            text.push_str(piece);
            let Some(size) = literal else {
                return Ok((text, literals));
            };
            if size > self.max_literal {
                return Err(ImapError::Refused(format!(
                    "the mailbox sent {size} octets where at most {} were asked",
                    self.max_literal
                )));
            }
            let mut bytes = vec![0; size as usize];
            self.reader
                .read_exact(&mut bytes)
                .map_err(io("reading a message"))?;
            literals.push(bytes);
        }
    }

    /// Sends a command and reads up to its tagged reply: the untagged
    /// replies on OK, Refused on NO or BAD.
    fn command(&mut self, command: &str) -> Result<Vec<Untagged>> {
        let tag = format!("p{}", self.next_tag);
        self.next_tag += 1;
        let stream = self.reader.get_mut();
        stream
            .write_all(format!("{tag} {command}\r\n").as_bytes())
            .and_then(|()| stream.flush())
            .map_err(io("writing to the mailbox"))?;
        let mut untagged = Vec::new();
        loop {
            let (text, literals) = self.read_line()?;
            if let Some(rest) = text.strip_prefix(&format!("{tag} ")) {
                return match rest.split_whitespace().next() {
                    Some(status) if status.eq_ignore_ascii_case("OK") => Ok(untagged),
                    _ => Err(ImapError::Refused(rest.to_string())),
                };
            }
            if let Some(rest) = text.strip_prefix("* ") {
                if rest.starts_with("BYE") && !command.eq_ignore_ascii_case("LOGOUT") {
                    return Err(ImapError::Unreachable(format!(
                        "the mailbox ended the session: {rest}"
                    )));
                }
                untagged.push(Untagged {
                    text: rest.to_string(),
                    literals,
                });
            }
        }
    }

    pub(super) fn select(&mut self, folder: &str) -> Result<()> {
        self.command(&format!("SELECT {}", quoted(folder)))?;
        Ok(())
    }

    /// Creates `folder`; one already there is fine, and another refusal
    /// shows at the first move into it.
    pub(super) fn create(&mut self, folder: &str) {
        let _ = self.command(&format!("CREATE {}", quoted(folder)));
    }

    /// UIDs of the messages in the selected folder without `keyword`.
    pub(super) fn search_without(&mut self, keyword: &str) -> Result<Vec<u32>> {
        let replies = self.command(&format!("UID SEARCH UNKEYWORD {keyword}"))?;
        let mut uids: Vec<u32> = replies
            .iter()
            .filter_map(|u| u.text.strip_prefix("SEARCH"))
            .flat_map(|ids| ids.split_whitespace().filter_map(|n| n.parse().ok()))
            .collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// The first `max_literal` octets of message `uid`, without marking it
    /// seen; None if it is gone.
    pub(super) fn fetch(&mut self, uid: u32) -> Result<Option<Vec<u8>>> {
        let replies = self.command(&format!(
            "UID FETCH {uid} (UID BODY.PEEK[]<0.{}>)",
            self.max_literal
        ))?;
        Ok(replies
            .into_iter()
            .find(|u| u.text.contains("FETCH"))
            .and_then(|u| u.literals.into_iter().next()))
    }

    /// Moves message `uid` to `folder` (MOVE, or COPY then delete).
    pub(super) fn move_to(&mut self, uid: u32, folder: &str) -> Result<()> {
        if self.has("MOVE") {
            self.command(&format!("UID MOVE {uid} {}", quoted(folder)))?;
            return Ok(());
        }
        self.command(&format!("UID COPY {uid} {}", quoted(folder)))?;
        self.delete(uid)
    }

    pub(super) fn delete(&mut self, uid: u32) -> Result<()> {
        self.command(&format!("UID STORE {uid} +FLAGS.SILENT (\\Deleted)"))?;
        if self.has("UIDPLUS") {
            self.command(&format!("UID EXPUNGE {uid}"))?;
        } else {
            self.command("EXPUNGE")?;
        }
        Ok(())
    }

    pub(super) fn add_keyword(&mut self, uid: u32, keyword: &str) -> Result<()> {
        self.command(&format!("UID STORE {uid} +FLAGS.SILENT ({keyword})"))?;
        Ok(())
    }

    pub(super) fn logout(mut self) {
        let _ = self.command("LOGOUT");
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

    #[test]
    fn a_reply_with_a_literal_is_read_whole() {
        let reply = b"* 1 FETCH (UID 7 BODY[]<0> {5}\r\nHello)\r\np1 OK done\r\n".to_vec();
        let stream: Box<dyn Stream> = Box::new(std::io::Cursor::new(reply));
        let mut imap = Imap {
            reader: BufReader::new(stream),
            next_tag: 1,
            capabilities: Vec::new(),
            max_literal: 100,
        };
        let (text, literals) = imap.read_line().unwrap();
        assert_eq!(text, "* 1 FETCH (UID 7 BODY[]<0> {5})");
        assert_eq!(literals, [b"Hello".to_vec()]);
        let (text, _) = imap.read_line().unwrap();
        assert_eq!(text, "p1 OK done");
        assert!(imap.read_line().is_err(), "the end");
    }

    #[test]
    fn a_literal_larger_than_asked_is_refused() {
        let stream: Box<dyn Stream> = Box::new(std::io::Cursor::new(b"* 1 FETCH (BODY[] {500}\r\n".to_vec()));
        let mut imap = Imap {
            reader: BufReader::new(stream),
            next_tag: 1,
            capabilities: Vec::new(),
            max_literal: 100,
        };
        assert!(matches!(imap.read_line(), Err(ImapError::Refused(_))));
    }
}
