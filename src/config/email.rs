//! `email:`: sender, transport (SMTP, sendmail, file), size limit.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Fail;
use super::secret::{Secret, read_ca_file, required_shared_secret, resolve_secret};
use crate::duration::Duration;
use crate::size::Size;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmailConfig {
    /// Default From: of queued mail.
    pub from: String,
    pub reply_to: Option<String>,
    /// ORGANIZER of calendar invitations, e.g. "Mairie <rdv@example.org>".
    pub organizer: Option<String>,
    /// smtp | sendmail | file; unset: smtp when `smtp.host` is set, else file.
    pub transport: Option<TransportKind>,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub smtp: SmtpConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub sendmail: SendmailConfig,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub file: FileTransportConfig,
    /// Largest message accepted at enqueue, encoded (attachments in base64).
    pub max_size: Size,
    /// A test platform's catch-all: every message goes to this address
    /// instead, its own recipient kept in `X-Publik-Original-To`.
    pub redirect_to: Option<String>,
    /// DKIM signing of every message sent.
    pub dkim: Option<super::DkimConfig>,
    /// VERP return path, `bounces+{id}@example.org`: each row's envelope
    /// sender names the row, so `publik bounce` finds it.
    pub bounce_address: Option<String>,
    /// `publik bounce` reads this much of a bounce; the rest is skipped
    /// (a DSN says what it has to in its first kilobytes).
    pub bounce_max_size: Size,
    /// A provider's event webhooks (`POST /email/events/` in `serve`).
    pub events: Option<EmailEventsConfig>,
    /// An IMAP mailbox where bounces arrive (`publik fetch-bounces`).
    pub bounce_mailbox: Option<BounceMailboxConfig>,
}

/// The IMAP mailbox `fetch-bounces` reads.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BounceMailboxConfig {
    pub host: String,
    #[serde(default)]
    pub port: Option<u16>,
    /// implicit (port 993) or starttls (port 143).
    #[serde(default = "default_mailbox_tls")]
    pub tls: MailboxTls,
    pub user: String,
    #[serde(default)]
    pub password: Option<Secret>,
    #[serde(default)]
    pub password_file: Option<PathBuf>,
    #[serde(default)]
    pub password_env: Option<String>,
    #[serde(default = "default_mailbox_folder")]
    pub folder: String,
    /// What becomes of a message read: moved to `move_to`, or deleted.
    #[serde(default = "default_mailbox_after")]
    pub after: MailboxAfter,
    #[serde(default = "default_mailbox_move_to")]
    pub move_to: String,
    /// PEM certificates to trust besides the public roots.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
    #[serde(default = "default_mailbox_timeout")]
    pub timeout: Duration,
    #[serde(skip)]
    pub resolved_password: Option<Secret>,
    #[serde(skip)]
    pub ca_pem: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailboxTls {
    Implicit,
    Starttls,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailboxAfter {
    Move,
    Delete,
}

fn default_mailbox_tls() -> MailboxTls {
    MailboxTls::Implicit
}

fn default_mailbox_folder() -> String {
    "INBOX".into()
}

fn default_mailbox_after() -> MailboxAfter {
    MailboxAfter::Move
}

fn default_mailbox_move_to() -> String {
    "publik-done".into()
}

fn default_mailbox_timeout() -> Duration {
    Duration::from_secs(30)
}

impl BounceMailboxConfig {
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.tls {
            MailboxTls::Implicit => 993,
            MailboxTls::Starttls => 143,
        })
    }

    fn validate(&mut self, base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        self.resolved_password = resolve_secret(
            "email.bounce_mailbox.password",
            self.password.as_ref(),
            self.password_file.as_deref(),
            self.password_env.as_deref(),
            base,
        )
        .map_err(|e| fail(&e.0, e.1))?;
        if self.resolved_password.is_none() {
            return Err(fail(
                "email.bounce_mailbox.password",
                "required (or password_file, password_env)".into(),
            ));
        }
        // Quoted in IMAP commands: no line breaks, no NUL.
        for (field, value) in [
            ("email.bounce_mailbox.user", self.user.as_str()),
            ("email.bounce_mailbox.folder", self.folder.as_str()),
            ("email.bounce_mailbox.move_to", self.move_to.as_str()),
            ("email.bounce_mailbox.host", self.host.as_str()),
        ] {
            if value.is_empty() || value.contains(['\r', '\n', '\0']) {
                return Err(fail(field, format!("{value:?} is not usable")));
            }
        }
        if self
            .resolved_password
            .as_ref()
            .is_some_and(|p| p.expose().contains(['\r', '\n', '\0']))
        {
            return Err(fail("email.bounce_mailbox.password", "holds a line break".into()));
        }
        if let Some(file) = &self.ca_file {
            self.ca_pem = Some(read_ca_file("email.bounce_mailbox.ca_file", file, base, fail)?);
        }
        Ok(())
    }
}

/// Which provider posts email events, and the secret it posts them with.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EmailEventsConfig {
    pub provider: EventsProvider,
    /// In the URL path (`/email/events/SECRET/`) or in `auth_header`.
    #[serde(default)]
    pub secret: Option<Secret>,
    #[serde(default)]
    pub secret_file: Option<PathBuf>,
    #[serde(default)]
    pub secret_env: Option<String>,
    #[serde(default = "default_events_header")]
    pub auth_header: String,
    /// Amazon SES through SNS: where SNS's signing certificates and
    /// subscription links must be, e.g. `https://sns.eu-west-3.amazonaws.com/`.
    #[serde(default)]
    pub sns_url_prefix: Option<String>,
    /// Only this SNS topic's messages are believed.
    #[serde(default)]
    pub sns_topic_arn: Option<String>,
    #[serde(skip)]
    pub resolved_secret: Option<Secret>,
}

fn default_events_header() -> String {
    "X-Publik-Secret".into()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventsProvider {
    Brevo,
    Mailjet,
    /// Amazon SES notifications, delivered by SNS.
    Ses,
}

impl Default for EmailConfig {
    fn default() -> Self {
        EmailConfig {
            from: "publik <noreply@localhost>".into(),
            reply_to: None,
            organizer: None,
            transport: None,
            smtp: SmtpConfig::default(),
            sendmail: SendmailConfig::default(),
            file: FileTransportConfig::default(),
            // What common relays accept (Gmail, Microsoft 365 take 25 MB).
            max_size: Size::from_bytes(25_000_000),
            redirect_to: None,
            dkim: None,
            bounce_max_size: Size::from_bytes(4_000_000),
            bounce_address: None,
            events: None,
            bounce_mailbox: None,
        }
    }
}

impl EmailConfig {
    pub fn effective_transport(&self) -> TransportKind {
        match self.transport {
            Some(kind) => kind,
            None if self.smtp.host.is_some() => TransportKind::Smtp,
            None => TransportKind::File,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TransportKind {
    Smtp,
    Sendmail,
    File,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain SMTP (a local relay).
    None,
    /// STARTTLS upgrade (usually port 587).
    Starttls,
    /// Implicit TLS (usually port 465).
    Tls,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpConfig {
    pub host: Option<String>,
    pub port: u16,
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub password_file: Option<PathBuf>,
    pub password_env: Option<String>,
    pub timeout: Duration,
    /// SMTP connections a run delivers over in parallel (a relay some
    /// milliseconds away is latency-bound, not busy).
    pub connections: u32,
    /// EHLO name; default: this machine's hostname.
    pub hello_name: Option<String>,
    /// PEM certificates trusted besides the public roots (a relay with an
    /// internal CA or a self-signed certificate).
    pub ca_file: Option<PathBuf>,
    /// The password, from whichever of the three keys gave it.
    #[serde(skip)]
    pub resolved_password: Option<Secret>,
    /// The text of `ca_file`, read and checked when the config is loaded.
    #[serde(skip)]
    pub ca_pem: Option<String>,
}

impl Default for SmtpConfig {
    fn default() -> Self {
        SmtpConfig {
            host: None,
            port: 25,
            tls: SmtpTls::None,
            username: None,
            password: None,
            password_file: None,
            password_env: None,
            timeout: Duration::from_secs(30),
            connections: 4,
            hello_name: None,
            ca_file: None,
            resolved_password: None,
            ca_pem: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SendmailConfig {
    pub command: PathBuf,
}

impl Default for SendmailConfig {
    fn default() -> Self {
        SendmailConfig {
            command: PathBuf::from("/usr/sbin/sendmail"),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct FileTransportConfig {
    /// One `.eml` file per message is written here.
    pub dir: PathBuf,
}

impl Default for FileTransportConfig {
    fn default() -> Self {
        FileTransportConfig {
            dir: PathBuf::from("./outbox"),
        }
    }
}

impl EmailConfig {
    pub(super) fn validate(&mut self, base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        crate::address::parse_mailbox(&self.from).map_err(|e| fail("email.from", e))?;
        if self.max_size.bytes() < 1_000 {
            return Err(fail(
                "email.max_size",
                format!("{} is too small for any message", self.max_size),
            ));
        }
        if let Some(reply_to) = &self.reply_to {
            crate::address::parse_mailbox(reply_to).map_err(|e| fail("email.reply_to", e))?;
        }
        let smtp = &mut self.smtp;
        if self.transport == Some(TransportKind::Smtp) && smtp.host.is_none() {
            return Err(fail(
                "email.smtp.host",
                "required when email.transport is smtp".into(),
            ));
        }
        if smtp.host.as_deref().is_some_and(|h| h.trim().is_empty()) {
            return Err(fail("email.smtp.host", "must not be empty".into()));
        }
        if smtp.timeout.as_secs() == 0 {
            return Err(fail("email.smtp.timeout", "must be at least 1s".into()));
        }
        if smtp.connections == 0 || smtp.connections > 64 {
            return Err(fail(
                "email.smtp.connections",
                format!("{} is not between 1 and 64", smtp.connections),
            ));
        }
        smtp.resolved_password = resolve_secret(
            "email.smtp.password",
            smtp.password.as_ref(),
            smtp.password_file.as_deref(),
            smtp.password_env.as_deref(),
            base,
        )
        .map_err(|e| fail(&e.0, e.1))?;
        if smtp.resolved_password.is_some() && smtp.username.is_none() {
            return Err(fail(
                "email.smtp.username",
                "required when a password is set".into(),
            ));
        }
        if let Some(file) = &smtp.ca_file {
            let pem = read_ca_file("email.smtp.ca_file", file, base, fail)?;
            if smtp.tls == SmtpTls::None {
                return Err(fail(
                    "email.smtp.ca_file",
                    "needs email.smtp.tls: starttls or tls".into(),
                ));
            }
            smtp.ca_pem = Some(pem);
        }
        if let Some(organizer) = &self.organizer {
            crate::address::parse_mailbox(organizer).map_err(|e| fail("email.organizer", e))?;
        }
        if let Some(address) = &self.bounce_address {
            let field = "email.bounce_address";
            let local = address
                .rsplit_once('@')
                .map(|(local, _)| local)
                .unwrap_or_default();
            if address.matches("{id}").count() != 1 || !local.contains("{id}") {
                return Err(fail(
                    field,
                    format!(
                        "\"{address}\" must hold {{id}} once in its local part, e.g. bounces+{{id}}@example.org"
                    ),
                ));
            }
            crate::address::parse_mailbox(&address.replace("{id}", "1-0123456789ab"))
                .map_err(|e| fail(field, e))?;
        }
        if let Some(dkim) = &mut self.dkim {
            dkim.validate(base, fail)?;
        }
        if let Some(mailbox) = &mut self.bounce_mailbox {
            mailbox.validate(base, fail)?;
        }
        if let Some(events) = &mut self.events {
            events.resolved_secret = Some(required_shared_secret(
                "email.events.secret",
                (
                    events.secret.as_ref(),
                    events.secret_file.as_deref(),
                    events.secret_env.as_deref(),
                ),
                base,
                fail,
            )?);
            match (&events.provider, &events.sns_url_prefix) {
                (EventsProvider::Ses, None) => {
                    return Err(fail(
                        "email.events.sns_url_prefix",
                        "required with provider ses, e.g. https://sns.eu-west-3.amazonaws.com/".into(),
                    ));
                }
                (EventsProvider::Ses, Some(prefix)) => {
                    // A loopback prefix is for tests: plain http is fine there.
                    let loopback =
                        prefix.starts_with("http://127.0.0.1:") || prefix.starts_with("http://localhost:");
                    if !(prefix.starts_with("https://") || loopback)
                        || !prefix.ends_with('/')
                        || prefix.matches('/').count() < 3
                    {
                        return Err(fail(
                            "email.events.sns_url_prefix",
                            format!("\"{prefix}\" must be an https:// URL ending with / after its host"),
                        ));
                    }
                }
                (_, Some(_)) => {
                    return Err(fail(
                        "email.events.sns_url_prefix",
                        "only for provider ses".into(),
                    ));
                }
                (_, None) => {}
            }
        }
        if let Some(redirect) = &self.redirect_to {
            crate::address::parse_mailbox(redirect).map_err(|e| fail("email.redirect_to", e))?;
        }
        Ok(())
    }
}
