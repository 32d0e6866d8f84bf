//! Sending email rows: each lane composes a row's message (its body
//! prepared once per send, links made with the site's key, DKIM-signed)
//! and hands it to the configured transport (SMTP, sendmail, the outbox).

use std::path::{Path, PathBuf};

use anyhow::Context;
use lettre::address::Envelope;
use lettre::{SendmailTransport, Transport};

use super::compose::PreparedEmail;
use super::smtp::SmtpClient;
use super::{LinkSettings, dkim};
use crate::config::{Config, TransportKind};
use crate::link_key::LinkKey;
use crate::ops::queue::{Delivery, Sender};
use crate::store::{Body, Message};

/// The email lanes: `email.smtp.connections` SMTP connections, each its own
/// sender; one lane for sendmail and the outbox.
pub(crate) fn lanes(config: &Config, link_key: &Path) -> anyhow::Result<crate::ops::queue::Lanes> {
    let count = match config.email.effective_transport() {
        TransportKind::Smtp => config.email.smtp.connections.max(1),
        TransportKind::Sendmail | TransportKind::File => 1,
    };
    (0..count)
        .map(|_| Ok(Box::new(EmailSender::new(config, link_key)?) as Box<dyn Sender>))
        .collect()
}

/// Sends email rows through the configured transport.
pub(crate) struct EmailSender {
    transport: EmailTransport,
    /// The last body prepared: rows of one send are claimed one after the other.
    prepared: Option<PreparedEmail>,
    links: LinkSettings,
    link_key_path: PathBuf,
    /// Read on the first message with action links.
    link_key: Option<LinkKey>,
    dkim: Option<dkim::Signer>,
    /// The next row, composed when its transaction was begun.
    next_composed: Option<(i64, (Envelope, Vec<u8>))>,
}

enum EmailTransport {
    Smtp(Box<SmtpClient>),
    Sendmail(SendmailTransport),
    /// One `.eml` file per message, mode 0600: they carry live links.
    File {
        dir: PathBuf,
    },
}

impl EmailSender {
    pub(crate) fn new(config: &Config, link_key: &Path) -> anyhow::Result<EmailSender> {
        let email = &config.email;
        let transport = match email.effective_transport() {
            TransportKind::Smtp => EmailTransport::Smtp(Box::new(SmtpClient::new(&email.smtp)?)),
            TransportKind::Sendmail => EmailTransport::Sendmail(SendmailTransport::new_with_command(
                config.resolve_path(&email.sendmail.command),
            )),
            TransportKind::File => {
                let dir = config.resolve_path(&email.file.dir);
                // The outbox holds live links: its owner's (and group's) only.
                crate::fs_private::create_dir_all(&dir)
                    .with_context(|| format!("cannot create the outbox directory {}", dir.display()))?;
                EmailTransport::File { dir }
            }
        };
        Ok(EmailSender {
            transport,
            prepared: None,
            links: LinkSettings::new(config),
            link_key_path: link_key.to_path_buf(),
            link_key: None,
            dkim: config.email.dkim.as_ref().map(dkim::Signer::new).transpose()?,
            next_composed: None,
        })
    }

    /// `body` parsed once for all its rows, its action links made.
    fn prepare(&mut self, body: &Body) -> Result<&PreparedEmail, String> {
        if self.prepared.as_ref().is_none_or(|p| p.body_id != body.id) {
            self.prepared = None;
            let mut prepared = PreparedEmail::new(body, &self.links)?;
            if self.link_key.is_none() {
                // Message-ID and VERP tags, and a newsletter's unsubscribe
                // links (made at send time, checked by `serve` against the
                // key there is then), only need some key: made if none is
                // there, as `init` does. Action links need the one their
                // tokens were made from.
                let key = if prepared.has_action_links() {
                    LinkKey::load(&self.link_key_path)
                } else {
                    LinkKey::load_or_create(&self.link_key_path)
                };
                match key {
                    Ok(key) => self.link_key = Some(key),
                    Err(e) => {
                        if prepared.has_action_links() {
                            return Err(format!("{e:#}; its action links cannot be made"));
                        }
                        let reason = format!("{e:#}; its unsubscribe links cannot be made");
                        // A newsletter queued before unsubscribe links had
                        // placeholders still carries its tokens: only the
                        // rows with a placeholder fail.
                        prepared.link_key_error = Some(reason);
                    }
                }
            }
            if let Some(key) = &self.link_key {
                prepared.expand_links(key)?;
            }
            self.prepared = Some(prepared);
        }
        self.prepared
            .as_ref()
            .ok_or_else(|| "email body unavailable".to_string())
    }

    /// Row `message` as it goes out: envelope and signed bytes.
    fn composed(&mut self, message: &Message, body: &Body) -> Result<(Envelope, Vec<u8>), String> {
        if let Some((id, composed)) = self.next_composed.take()
            && id == message.id
        {
            return Ok(composed);
        }
        let (envelope, bytes) = self
            .prepare(body)
            .and_then(|prepared| prepared.compose(message))?;
        match &self.dkim {
            Some(signer) => Ok((envelope, signer.sign(bytes, crate::clock::now().timestamp())?)),
            None => Ok((envelope, bytes)),
        }
    }
}

impl Sender for EmailSender {
    fn deliver(&mut self, message: &Message, body: &Body) -> Delivery {
        self.deliver_then(message, body, None)
    }

    fn wants_next(&self) -> bool {
        matches!(self.transport, EmailTransport::Smtp(_))
    }

    fn abandon(&mut self) {
        self.next_composed = None;
        if let EmailTransport::Smtp(client) = &mut self.transport {
            client.abandon();
        }
    }

    fn deliver_then(&mut self, message: &Message, body: &Body, next: Option<(&Message, &Body)>) -> Delivery {
        let (envelope, bytes) = match self.composed(message, body) {
            Ok(composed) => composed,
            Err(reason) => return Delivery::Failed { reason },
        };
        // The next row's envelope, composed now and kept for its turn (a
        // row that cannot be composed is not begun).
        let next = next.and_then(|(next, next_body)| {
            let composed = self.composed(next, next_body).ok()?;
            let envelope = composed.0.clone();
            self.next_composed = Some((next.id, composed));
            Some((next.id, envelope))
        });
        match &mut self.transport {
            EmailTransport::Smtp(client) => client.send(
                message.id,
                &envelope,
                &bytes,
                next.as_ref().map(|(id, envelope)| (*id, envelope)),
            ),
            EmailTransport::Sendmail(sendmail) => match sendmail.send_raw(&envelope, &bytes) {
                Ok(()) => Delivery::Sent {
                    provider_id: None,
                    reply: "handed to sendmail".into(),
                },
                Err(e) => Delivery::Retry {
                    reason: format!("sendmail: {e}"),
                    retry_after: None,
                },
            },
            EmailTransport::File { dir } => match write_eml(dir, &bytes) {
                Ok(id) => Delivery::Sent {
                    reply: format!("written to {}", dir.join(format!("{id}.eml")).display()),
                    provider_id: Some(id),
                },
                Err(e) => Delivery::Retry {
                    reason: format!("cannot write to {}: {e}", dir.display()),
                    retry_after: None,
                },
            },
        }
    }
}

/// Writes one message as `DIR/ID.eml`, readable by its owner only (its
/// action and unsubscribe links work for whoever reads it). Returns the id.
fn write_eml(dir: &Path, bytes: &[u8]) -> std::io::Result<String> {
    use std::io::Write;
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).map_err(std::io::Error::other)?;
    let id: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let mut file = crate::fs_private::create_new(&dir.join(format!("{id}.eml")), crate::fs_private::PRIVATE)?;
    file.write_all(bytes)?;
    Ok(id)
}
