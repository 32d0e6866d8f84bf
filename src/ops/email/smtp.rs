//! The SMTP wire: one connection kept for a run (per lane), one transaction
//! per message in as few round trips as the server allows (PIPELINING,
//! RFC 2920; CHUNKING, RFC 3030), and the probe of `config check`.

use std::net::ToSocketAddrs;

use anyhow::Context;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;

use super::ehlo::Features;
use crate::config::{Config, SmtpConfig, SmtpTls, TransportKind};
use crate::ops::queue::Delivery;

/// What to do about a certificate the system does not trust.
fn certificate_hint(error: &lettre::transport::smtp::Error) -> &'static str {
    if error.to_string().contains("certificate") {
        " (a private CA or a self-signed relay: trust it with email.smtp.ca_file)"
    } else {
        ""
    }
}

/// One SMTP connection kept for the whole run, reopened after a failure.
pub(crate) struct SmtpClient {
    host: String,
    port: u16,
    tls: SmtpTls,
    tls_parameters: Option<TlsParameters>,
    /// With `ca_file`: lettre takes no verifier of ours, so it checks only
    /// the name and the handshake, and this checks the certificate before
    /// anything is sent but EHLO (`verify_peer`).
    verifier: Option<std::sync::Arc<super::pinned::PinnedOrWebpki>>,
    hello: ClientId,
    credentials: Option<Credentials>,
    timeout: std::time::Duration,
    connection: Option<(SmtpConnection, Features)>,
    last_used: std::time::Instant,
    /// A transaction begun on the connection for the next row.
    begun: Option<Begun>,
    /// A pipelined transaction failed before its message: RSET first.
    reset_first: bool,
}

/// MAIL, RCPT… and DATA of row `id`, written after the previous message's
/// final dot (RFC 2920 §3.1); their replies are read by the next call.
#[derive(Debug, Clone, Copy)]
struct Begun {
    id: i64,
    rcpts: usize,
}

/// Asks the server again (EHLO): lettre's own reply was not seen.
fn ask_features(
    connection: &mut SmtpConnection,
    hello: &ClientId,
) -> Result<Features, lettre::transport::smtp::Error> {
    let reply = connection.command(lettre::transport::smtp::commands::Ehlo::new(hello.clone()))?;
    Ok(Features::from_keywords(reply.message()))
}

/// A connection idle for longer than this is checked with NOOP before use:
/// servers close idle sessions, and a message must not pay for that.
const IDLE_CHECK: std::time::Duration = std::time::Duration::from_secs(5);

impl SmtpClient {
    pub(crate) fn new(smtp: &SmtpConfig) -> anyhow::Result<SmtpClient> {
        let host = smtp.host.clone().context("email.smtp.host is not set")?;
        let mut verifier = None;
        let tls_parameters = match smtp.tls {
            SmtpTls::None => None,
            SmtpTls::Starttls | SmtpTls::Tls => {
                let mut builder = TlsParameters::builder(host.clone());
                if let Some(pem) = &smtp.ca_pem {
                    let certificate = Certificate::from_pem(pem.as_bytes())
                        .context("email.smtp.ca_file: unreadable certificates")?;
                    builder = builder
                        .add_root_certificate(certificate)
                        .dangerous_accept_invalid_certs(true);
                    verifier = Some(std::sync::Arc::new(
                        super::pinned::verifier(pem)
                            .map_err(|e| anyhow::anyhow!("email.smtp.ca_file: {e}"))?,
                    ));
                }
                Some(
                    builder
                        .build_rustls()
                        .with_context(|| format!("cannot set up TLS for {host}"))?,
                )
            }
        };
        let hello = match &smtp.hello_name {
            Some(name) => ClientId::Domain(name.clone()),
            None => ClientId::default(),
        };
        let credentials = match (&smtp.username, &smtp.resolved_password) {
            (Some(user), Some(password)) => {
                Some(Credentials::new(user.clone(), password.expose().to_string()))
            }
            _ => None,
        };
        Ok(SmtpClient {
            host,
            port: smtp.port,
            tls: smtp.tls,
            tls_parameters,
            verifier,
            hello,
            credentials,
            timeout: smtp.timeout.std(),
            connection: None,
            last_used: std::time::Instant::now(),
            begun: None,
            reset_first: false,
        })
    }

    fn peer(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    /// The relay's certificate checked against `ca_file` (a pinned
    /// certificate as itself, else webpki's path), right after the TLS
    /// handshake: nothing is sent before but EHLO.
    fn verify_peer(&self, connection: &SmtpConnection) -> Result<(), String> {
        use rustls::client::danger::ServerCertVerifier;
        let Some(verifier) = &self.verifier else {
            return Ok(());
        };
        let refused = |why: String| format!("TLS with {} failed: {why} (email.smtp.ca_file)", self.peer());
        let chain = connection
            .certificate_chain()
            .map_err(|e| refused(e.to_string()))?;
        let mut chain = chain.into_iter().map(rustls_pki_types::CertificateDer::from);
        let end_entity = chain.next().ok_or_else(|| refused("none given".into()))?;
        let intermediates: Vec<_> = chain.collect();
        let name =
            rustls_pki_types::ServerName::try_from(self.host.as_str()).map_err(|e| refused(e.to_string()))?;
        verifier
            .verify_server_cert(
                &end_entity,
                &intermediates,
                &name,
                &[],
                rustls_pki_types::UnixTime::now(),
            )
            .map(|_| ())
            .map_err(|e| refused(e.to_string()))
    }

    /// Connects, upgrades to TLS and authenticates as configured.
    pub(crate) fn connect(&self) -> Result<SmtpConnection, String> {
        self.open().map(|(connection, _)| connection)
    }

    /// Connects as `connect` does, and learns what the server offers.
    fn open(&self) -> Result<(SmtpConnection, Features), String> {
        let peer = self.peer();
        let addresses: Vec<_> = (self.host.as_str(), self.port)
            .to_socket_addrs()
            .map_err(|e| format!("cannot resolve {peer}: {e}"))?
            .collect();
        let wrapper = match self.tls {
            SmtpTls::Tls => self.tls_parameters.as_ref(),
            _ => None,
        };
        let (connection, seen) = super::ehlo::watching(|| {
            let mut connection =
                SmtpConnection::connect(&addresses[..], Some(self.timeout), &self.hello, wrapper, None)
                    .map_err(|e| {
                        format!(
                            "cannot connect to SMTP server {peer}: {e}{}",
                            certificate_hint(&e)
                        )
                    })?;
            if let (SmtpTls::Starttls, Some(parameters)) = (self.tls, self.tls_parameters.as_ref()) {
                connection
                    .starttls(parameters, &self.hello)
                    .map_err(|e| format!("STARTTLS with {peer} failed: {e}{}", certificate_hint(&e)))?;
            }
            if self.tls != SmtpTls::None {
                self.verify_peer(&connection)?;
            }
            if let Some(credentials) = &self.credentials {
                connection
                    .auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                    .map_err(|e| format!("SMTP authentication with {peer} failed: {e}"))?;
            }
            Ok::<_, String>(connection)
        });
        let mut connection = connection?;
        let features = match seen {
            Some(features) => features,
            None => ask_features(&mut connection, &self.hello)
                .map_err(|e| format!("EHLO to {peer} failed: {e}"))?,
        };
        Ok((connection, features))
    }

    /// Sends row `id`'s message; connection problems before anything is sent
    /// mean the peer is down, everything after is classified per message.
    /// With `next` (the lane's next row) and a relay that pipelines but has
    /// no CHUNKING, the next transaction's MAIL, RCPT and DATA leave with this
    /// message's final dot: one round trip a message. This message's outcome
    /// is known (and recorded by the lane) before the next one's data goes.
    pub(crate) fn send(
        &mut self,
        id: i64,
        envelope: &Envelope,
        bytes: &[u8],
        next: Option<(i64, &Envelope)>,
    ) -> Delivery {
        let begun = self.begun.take();
        let idle = self.last_used.elapsed() > IDLE_CHECK;
        let reusable = self.connection.take().filter(|(c, _)| !c.has_broken());
        let reusable = match (reusable, begun) {
            // This row's transaction is under way: its replies are waiting.
            (Some(open), Some(begun)) if begun.id == id => Some((open, Some(begun))),
            // Another row's (abandoned): that connection is in the middle of it.
            (Some((mut c, _)), Some(_)) => {
                c.abort();
                None
            }
            (Some((mut c, f)), None) => (!idle || c.test_connected()).then_some(((c, f), None)),
            (None, _) => None,
        };
        let ((mut connection, features), begun) = match reusable {
            Some(open) => open,
            None => match self.open() {
                Ok(open) => {
                    self.reset_first = false;
                    (open, None)
                }
                Err(reason) => return Delivery::PeerDown { reason },
            },
        };
        let across = features.pipelining && !features.chunking;
        let result = match text_of(envelope, bytes) {
            Some(text) if across || begun.is_some() => {
                let next = next.filter(|(_, e)| text_of(e, b"").is_some());
                self.across(&mut connection, id, envelope, text, begun, next)
            }
            Some(text) => transact(&mut connection, features, envelope, text)
                .map(|r| (r, None))
                .map_err(Refused::from),
            // Not as commands are written: lettre's own dialogue.
            None => connection
                .send(envelope, bytes)
                .map(|r| (r, None))
                .map_err(Refused::from),
        };
        self.last_used = std::time::Instant::now();
        match result {
            Ok((response, begun)) => {
                self.begun = begun;
                self.connection = Some((connection, features));
                let reply = reply_text(&response);
                Delivery::Sent {
                    provider_id: queue_id(&reply),
                    reply,
                }
            }
            // A reply refused this message; the connection is fine.
            Err(Refused {
                error,
                begun,
                keep: true,
            }) => {
                self.begun = begun;
                self.connection = Some((connection, features));
                outcome_of(self.peer(), &error)
            }
            Err(Refused { error, .. }) => {
                // Lost, or lettre gave up on it: reopen next time.
                connection.abort();
                outcome_of(self.peer(), &error)
            }
        }
    }

    /// One message over a relay that pipelines without CHUNKING: its
    /// MAIL/RCPT/DATA (begun by the previous call, or now), then its text
    /// with `next`'s MAIL/RCPT/DATA in the same write. Returns this
    /// message's final reply and the transaction begun for `next`.
    fn across(
        &mut self,
        connection: &mut SmtpConnection,
        id: i64,
        envelope: &Envelope,
        text: &str,
        begun: Option<Begun>,
        next: Option<(i64, &Envelope)>,
    ) -> Result<(lettre::transport::smtp::response::Response, Option<Begun>), Refused> {
        let refused = Refused::from;
        let mut first_refusal = None;
        let mut note = |result: Result<_, lettre::transport::smtp::Error>| match result {
            Ok(_) => Ok(()),
            Err(error) if is_reply(&error) => {
                first_refusal.get_or_insert(error);
                Ok(())
            }
            Err(error) => Err(refused(error)),
        };
        // Replies still to read: MAIL's, each RCPT's, DATA's.
        let mut waiting = match begun {
            // Begun by the previous call: they are already here.
            Some(begun) if begun.id == id => begun.rcpts + 2,
            _ => {
                let reset = std::mem::take(&mut self.reset_first);
                let mut commands = if reset {
                    vec!["RSET\r\n".to_string()]
                } else {
                    Vec::new()
                };
                commands.extend(start(envelope));
                // lettre reads one reply per write: RSET's, or MAIL's.
                let first = connection.command(commands.concat());
                if reset {
                    first.map_err(refused)?;
                    envelope.to().len() + 2
                } else {
                    note(first)?;
                    envelope.to().len() + 1
                }
            }
        };
        while waiting > 0 {
            note(connection.read_response())?;
            waiting -= 1;
        }
        if let Some(error) = first_refusal {
            // MAIL may stand: the next transaction starts with RSET.
            self.reset_first = true;
            return Err(Refused {
                error,
                begun: None,
                keep: true,
            });
        }
        let mut out = DataBlock(text).to_string();
        let next_begun = next.map(|(next_id, next_envelope)| {
            out.extend(start(next_envelope));
            Begun {
                id: next_id,
                rcpts: next_envelope.to().len(),
            }
        });
        // This message's final reply: read before the next's data goes.
        match connection.command(out) {
            Ok(response) => Ok((response, next_begun)),
            Err(error) if is_reply(&error) => Err(Refused {
                error,
                begun: next_begun,
                keep: true,
            }),
            Err(error) => Err(refused(error)),
        }
    }

    /// The lane will not send the row begun for it: the connection, in the
    /// middle of that transaction, is dropped (the relay discards it).
    pub(crate) fn abandon(&mut self) {
        if self.begun.take().is_some()
            && let Some((mut connection, _)) = self.connection.take()
        {
            connection.abort();
        }
    }

    /// Closes the connection politely (QUIT).
    pub(crate) fn close(&mut self) {
        self.abandon();
        if let Some((mut connection, _)) = self.connection.take() {
            let _ = connection.quit();
        }
    }
}

/// Why a message was not sent, and a transaction begun for the next row
/// that still stands (a refusal after the dot leaves it in place).
struct Refused {
    error: lettre::transport::smtp::Error,
    begun: Option<Begun>,
    /// The connection can carry the next message (it is between
    /// transactions, or an RSET will put it there).
    keep: bool,
}

/// Refused with the connection to be dropped (lettre's own dialogue leaves
/// a refused transaction where it stopped).
impl From<lettre::transport::smtp::Error> for Refused {
    fn from(error: lettre::transport::smtp::Error) -> Refused {
        Refused {
            error,
            begun: None,
            keep: false,
        }
    }
}

/// A reply the server gave (4xx, 5xx), not a lost connection.
fn is_reply(error: &lettre::transport::smtp::Error) -> bool {
    error.is_transient() || error.is_permanent()
}

fn outcome_of(peer: String, error: &lettre::transport::smtp::Error) -> Delivery {
    let reason = format!("SMTP {peer}: {error}");
    if error.is_permanent() || error.is_client() {
        Delivery::Failed { reason }
    } else {
        Delivery::Retry {
            reason,
            retry_after: None,
        }
    }
}

fn reply_text(response: &lettre::transport::smtp::response::Response) -> String {
    format!(
        "{} {}",
        response.code(),
        response.message().collect::<Vec<_>>().join(" ")
    )
}

/// The message as text when it can be written as commands are: 7-bit ASCII
/// with ASCII addresses (anything else goes through lettre's own `send`).
fn text_of<'b>(envelope: &Envelope, bytes: &'b [u8]) -> Option<&'b str> {
    let ascii_addresses = envelope
        .from()
        .into_iter()
        .chain(envelope.to())
        .all(|a: &lettre::Address| AsRef::<str>::as_ref(a).is_ascii());
    std::str::from_utf8(bytes)
        .ok()
        .filter(|text| text.is_ascii() && ascii_addresses)
}

/// MAIL, each RCPT and DATA of `envelope`.
fn start(envelope: &Envelope) -> Vec<String> {
    let mut commands = vec![Mail::new(envelope.from().cloned(), vec![]).to_string()];
    commands.extend(
        envelope
            .to()
            .iter()
            .map(|r| Rcpt::new(r.clone(), vec![]).to_string()),
    );
    commands.push(Data.to_string());
    commands
}

impl Drop for SmtpClient {
    fn drop(&mut self) {
        self.close();
    }
}

/// The message with its terminating dot, dot-stuffed, to be written in one
/// piece as if it were a command. The CRLF before the dot ends the last line
/// (RFC 5321 §4.1.1.4): one more would add an empty line to the message.
struct DataBlock<'a>(&'a str);

impl std::fmt::Display for DataBlock<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for line in self.0.split_inclusive('\n') {
            if line.starts_with('.') {
                f.write_str(".")?;
            }
            f.write_str(line)?;
        }
        if self.0.ends_with("\r\n") {
            f.write_str(".\r\n")
        } else {
            f.write_str("\r\n.\r\n")
        }
    }
}

/// MAIL and RCPT written together (RFC 2920), with the message itself
/// after a `BDAT n LAST` (RFC 3030): a whole transaction in one write.
struct Chunked<'a> {
    commands: &'a [String],
    chunk: &'a str,
}

impl std::fmt::Display for Chunked<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for command in self.commands {
            f.write_str(command)?;
        }
        write!(f, "BDAT {} LAST\r\n", self.chunk.len())?;
        f.write_str(self.chunk)
    }
}

/// One transaction of `text` (see `text_of`) where the next cannot begin
/// with it: MAIL, RCPT and `BDAT n LAST` with the message in one write when
/// the server offers PIPELINING and CHUNKING (one round trip), else one
/// command at a time (PIPELINING alone is `SmtpClient::across`). The message
/// and its final dot go in a single write: lettre writes them apart and the
/// dot waited for the peer's delayed ACK (~40 ms per message on Linux).
/// Replies are read in order, each one checked: a refused RCPT fails this
/// row only (each row has its own envelope).
fn transact(
    connection: &mut SmtpConnection,
    features: Features,
    envelope: &Envelope,
    text: &str,
) -> Result<lettre::transport::smtp::response::Response, lettre::transport::smtp::Error> {
    let mut commands = start(envelope);
    if !(features.pipelining && features.chunking) {
        for command in commands {
            connection.command(command)?;
        }
        return connection.command(DataBlock(text));
    }
    // MAIL and RCPT here, BDAT's chunk instead of DATA.
    commands.pop();
    // MAIL's reply, then each RCPT's, then BDAT's.
    connection.command(Chunked {
        commands: &commands,
        chunk: text,
    })?;
    for _ in 0..commands.len() - 1 {
        connection.read_response()?;
    }
    connection.read_response()
}

/// The probe of `config check`: opens a connection, says hello, quits.
pub(crate) fn probe(config: &Config) -> anyhow::Result<String> {
    match config.email.effective_transport() {
        TransportKind::Smtp => {
            let client = SmtpClient::new(&config.email.smtp)?;
            let mut connection = client.connect().map_err(crate::exit_codes::peer_down)?;
            let banner = connection.server_info().to_string();
            let _ = connection.quit();
            Ok(format!("connected to {} ({banner})", client.peer()))
        }
        TransportKind::Sendmail => {
            let command = config.resolve_path(&config.email.sendmail.command);
            if command.is_file() {
                Ok(format!("{} exists", command.display()))
            } else {
                Err(crate::exit_codes::peer_down(format!(
                    "{} does not exist",
                    command.display()
                )))
            }
        }
        TransportKind::File => {
            let dir = config.resolve_path(&config.email.file.dir);
            crate::fs_private::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            Ok(format!("outbox {} is writable", dir.display()))
        }
    }
}

/// The relay's id of an accepted message, from "250 2.0.0 Ok: queued as
/// 4F3Z1X2" (Postfix, and providers' relays): what their events name it by.
fn queue_id(reply: &str) -> Option<String> {
    let lower = reply.to_ascii_lowercase();
    // Amazon SES: "250 Ok 0100018c3f...-000000", its message id.
    let mut words = reply.split_whitespace();
    if let (Some("250"), Some(ok), Some(id), None) = (words.next(), words.next(), words.next(), words.next())
        && ok.eq_ignore_ascii_case("ok")
        && id.len() >= 40
        && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
    {
        return Some(id.to_string());
    }
    let at = lower.find("queued as ")? + "queued as ".len();
    let id = reply[at..]
        .split_whitespace()
        .next()?
        .trim_start_matches('<')
        .trim_end_matches(['>', '.', ',', ';']);
    (!id.is_empty() && id.len() <= 200).then(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_id_is_read_from_the_relays_reply() {
        assert_eq!(
            queue_id("250 2.0.0 Ok: queued as 4F3Z1X2abc").as_deref(),
            Some("4F3Z1X2abc")
        );
        assert_eq!(
            queue_id("250 2.0.0 OK: queued as <202612041000.123@smtp-relay.mailin.fr>").as_deref(),
            Some("202612041000.123@smtp-relay.mailin.fr")
        );
        assert_eq!(
            queue_id("250 OK queued as 1ab23cd4-e567."),
            Some("1ab23cd4-e567".into())
        );
        assert_eq!(queue_id("250 2.0.0 Ok"), None);
        let ses = "0100018c3f8a1b2c-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000";
        assert_eq!(queue_id(&format!("250 Ok {ses}")).as_deref(), Some(ses));
        assert_eq!(queue_id("250 queued as "), None);
    }
}
