//! The YAML config: typed settings with defaults, strict parsing (unknown keys
//! are errors), secrets resolved from inline values, files or environment
//! variables, and validation that names the key path of every bad value.
//!
//! Relative paths written in a config file are taken relative to that file's
//! directory, so a crontab line works from any working directory; built-in
//! defaults are relative to the working directory.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::Context;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::duration::Duration;
use crate::exit_codes::{BadInput, bad_input};
use crate::size::Size;

pub const DEFAULT_CONFIG_PATHS: [&str; 2] = ["./publik.yaml", "/etc/publik/config.yaml"];
pub const DEFAULT_STATE_PATH: &str = "./publik.sqlite3";

/// The commented template written by `publik init`; also `examples/publik.yaml`.
pub const TEMPLATE: &str = include_str!("publik.yaml");

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// State file; `--state` and `$PUBLIK_STATE` take precedence.
    pub state: Option<PathBuf>,
    pub email: EmailConfig,
    pub sms: SmsConfig,
    pub queue: QueueConfig,
    pub newsletter: NewsletterConfig,
    pub serve: ServeConfig,
    pub ics: IcsConfig,
    pub maarch: MaarchConfig,
    pub webpush: WebpushConfig,
    /// The file this was read from (None: built-in defaults).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

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
    pub smtp: SmtpConfig,
    pub sendmail: SendmailConfig,
    pub file: FileTransportConfig,
    /// Largest message accepted at enqueue, encoded (attachments in base64).
    pub max_size: Size,
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmsConfig {
    /// Sender name or number shown to the recipient (`{sender}` in fields).
    pub sender: String,
    /// Country of national numbers (`06 12 34 56 78` with FR → +33612345678).
    pub default_country: String,
    /// The provider's HTTP API; SMS cannot be queued without it.
    pub gateway: Option<GatewayConfig>,
}

impl Default for SmsConfig {
    fn default() -> Self {
        SmsConfig {
            sender: "publik".into(),
            default_country: "FR".into(),
            gateway: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    Get,
    Post,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GatewayFormat {
    /// JSON object body.
    Json,
    /// application/x-www-form-urlencoded body.
    Form,
    /// URL query parameters (usually with GET).
    Query,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GatewayConfig {
    pub url: String,
    #[serde(default = "default_method")]
    pub method: HttpMethod,
    #[serde(default = "default_format")]
    pub format: GatewayFormat,
    #[serde(default)]
    pub auth: GatewayAuth,
    /// Provider field name → value; `{to}`, `{to_digits}`, `{text}`, `{sender}`, `{id}` are replaced.
    /// `NAME_file: PATH` / `NAME_env: VAR` give field NAME a secret value.
    #[serde(serialize_with = "masked_map")]
    pub fields: std::collections::BTreeMap<String, String>,
    /// Extra constant HTTP headers; `NAME_file` / `NAME_env` as for fields.
    #[serde(default, serialize_with = "masked_map")]
    pub headers: std::collections::BTreeMap<String, String>,
    /// The values of the `_file` / `_env` fields, read when the config loads.
    #[serde(skip)]
    pub secret_fields: std::collections::BTreeMap<String, Secret>,
    #[serde(skip)]
    pub secret_headers: std::collections::BTreeMap<String, Secret>,
    /// JSON pointer to the provider's message id in its reply, e.g. `/id`.
    #[serde(default)]
    pub id_path: Option<String>,
    #[serde(default = "default_gateway_timeout")]
    pub timeout: Duration,
}

/// Shows a fields or headers map with the values of secret-looking names
/// (a password, a token, an API key, Authorization) masked; `_file` and
/// `_env` entries show where the secret comes from, which is no secret.
fn masked_map<S: Serializer>(
    map: &std::collections::BTreeMap<String, String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut out = serializer.serialize_map(Some(map.len()))?;
    for (name, value) in map {
        let lower = name.to_ascii_lowercase();
        let by_reference = lower.ends_with("_file") || lower.ends_with("_env");
        let secret = ["pass", "secret", "token", "key", "authorization", "auth"]
            .iter()
            .any(|word| lower.contains(word));
        if secret && !by_reference {
            out.serialize_entry(name, "********")?;
        } else {
            out.serialize_entry(name, value)?;
        }
    }
    out.end()
}

/// Resolves the `NAME_file` / `NAME_env` entries of a fields or headers map.
fn secret_entries(
    key: &str,
    map: &std::collections::BTreeMap<String, String>,
    base: Option<&Path>,
) -> Result<std::collections::BTreeMap<String, Secret>, (String, String)> {
    let mut secrets = std::collections::BTreeMap::new();
    for (name, value) in map {
        let (plain, file, env) = if let Some(plain) = name.strip_suffix("_file") {
            (plain, Some(Path::new(value.as_str())), None)
        } else if let Some(plain) = name.strip_suffix("_env") {
            (plain, None, Some(value.as_str()))
        } else {
            continue;
        };
        let path = format!("{key}.{plain}");
        if map.contains_key(plain) || secrets.contains_key(plain) {
            return Err((
                path.clone(),
                format!("give only one of {path}, {path}_file, {path}_env"),
            ));
        }
        if let Some(secret) = resolve_secret(&path, None, file, env, base)? {
            secrets.insert(plain.to_string(), secret);
        }
    }
    Ok(secrets)
}

fn default_method() -> HttpMethod {
    HttpMethod::Post
}

fn default_format() -> GatewayFormat {
    GatewayFormat::Json
}

fn default_gateway_timeout() -> Duration {
    Duration::from_secs(15)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GatewayAuthType {
    #[default]
    None,
    Basic,
    Bearer,
    /// A header of its own (`auth.header: X-Api-Key`) carrying the token.
    Header,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct GatewayAuth {
    #[serde(rename = "type")]
    pub kind: GatewayAuthType,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub password_file: Option<PathBuf>,
    pub password_env: Option<String>,
    pub token: Option<Secret>,
    pub token_file: Option<PathBuf>,
    pub token_env: Option<String>,
    /// Header name for `type: header`.
    pub header: Option<String>,
    #[serde(skip)]
    pub resolved_password: Option<Secret>,
    #[serde(skip)]
    pub resolved_token: Option<Secret>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    VeryLow,
    Low,
    Normal,
    High,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebpushConfig {
    /// VAPID private key (PEM), written by `publik vapid generate`.
    pub private_key_file: Option<PathBuf>,
    /// VAPID `sub`: `mailto:` with a real domain, or an `https:` URL.
    pub subject: Option<String>,
    /// How long the push service keeps an undelivered notification.
    pub ttl: Duration,
    pub urgency: Urgency,
    /// Notifications older than this are not sent (failed, "too old").
    pub max_age: Duration,
    pub max_subscriptions_per_user: u32,
    pub concurrency: u32,
}

impl Default for WebpushConfig {
    fn default() -> Self {
        WebpushConfig {
            private_key_file: None,
            subject: None,
            ttl: Duration::from_secs(86_400),
            urgency: Urgency::Normal,
            max_age: Duration::from_secs(86_400),
            max_subscriptions_per_user: 10,
            concurrency: 8,
        }
    }
}

/// A VAPID subject push services accept (Apple's refuses localhost).
pub fn check_vapid_subject(subject: &str) -> Result<(), String> {
    if let Some(address) = subject.strip_prefix("mailto:") {
        let domain = address.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
        let real = domain.contains('.') && !domain.ends_with("localhost") && !domain.ends_with('.');
        if crate::address::parse_mailbox(address).is_ok() && real {
            return Ok(());
        }
        return Err(format!(
            "\"{subject}\" is not a mailto: address with a real domain"
        ));
    }
    if let Some(rest) = subject.strip_prefix("https://") {
        let host = rest.split(['/', ':']).next().unwrap_or("");
        if host.contains('.') && !host.ends_with("localhost") {
            return Ok(());
        }
    }
    Err(format!(
        "\"{subject}\" must be mailto:admin@your-domain or an https: URL"
    ))
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MaarchConfig {
    pub enable: bool,
    /// REST API base; routes are under /rest.
    pub url: Option<String>,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub password_file: Option<PathBuf>,
    pub password_env: Option<String>,
    /// Mail to take.
    pub status_grc: String,
    /// Taken by the platform.
    pub status_received: String,
    /// A request was created for it.
    pub status_sent: String,
    /// Not for the platform.
    pub status_refused: String,
    /// The platform answered.
    pub status_response: String,
    /// Mails listed per run.
    pub batch: u32,
    pub timeout: Duration,
    #[serde(skip)]
    pub resolved_password: Option<Secret>,
}

impl Default for MaarchConfig {
    fn default() -> Self {
        MaarchConfig {
            enable: false,
            url: None,
            username: None,
            password: None,
            password_file: None,
            password_env: None,
            status_grc: "GRC".into(),
            status_received: "GRC_TRT".into(),
            status_sent: "GRC_SENT".into(),
            status_refused: "GRC_REFUSED".into(),
            status_response: "GRC_RESPONSE".into(),
            batch: 50,
            timeout: Duration::from_secs(60),
            resolved_password: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct IcsConfig {
    /// Zone of times given without an offset (`gen-ics --tz` overrides).
    pub timezone: String,
    /// false: DTSTART/DTEND in UTC; true: local time with TZID and a VTIMEZONE block.
    pub use_tzid: bool,
    /// Ask attendees of invitations to answer (RSVP=TRUE).
    pub rsvp: bool,
}

impl Default for IcsConfig {
    fn default() -> Self {
        IcsConfig {
            timezone: "Europe/Paris".into(),
            use_tzid: false,
            rsvp: false,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct NewsletterConfig {
    /// Address for the `mailto:` of List-Unsubscribe (besides the https link).
    pub unsubscribe_mailto: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServeConfig {
    /// Public base URL of the landing pages (unsubscribe and action links).
    pub public_url: String,
    /// Where `publik serve` listens (behind the site's reverse proxy).
    pub listen: String,
    /// Time for a request to arrive whole (headers and body).
    pub request_timeout: Duration,
    /// Connections `publik serve` handles at once.
    pub max_connections: u32,
    /// The key action links are made from; default `STATE.link-key`.
    pub link_key_file: Option<PathBuf>,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            public_url: "http://localhost:8080".into(),
            listen: "127.0.0.1:8080".into(),
            request_timeout: Duration::from_secs(10),
            max_connections: 32,
            link_key_file: None,
        }
    }
}

impl ServeConfig {
    /// `public_url` + `path`, with exactly one slash between them.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}/{}",
            self.public_url.trim_end_matches('/'),
            path.trim_start_matches('/')
        )
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct QueueConfig {
    /// After this many attempts a row is `failed`.
    pub max_attempts: u32,
    pub backoff: BackoffConfig,
    /// A row left in `sending` longer than this goes back to work.
    pub lease: Duration,
    /// Sliding-window throttle per run, e.g. `10/s` or `500/h`.
    pub rate: Option<Rate>,
    /// Rows claimed per transaction.
    pub batch: u32,
}

impl Default for QueueConfig {
    fn default() -> Self {
        QueueConfig {
            max_attempts: 5,
            backoff: BackoffConfig::default(),
            lease: Duration::from_secs(600),
            rate: None,
            batch: 20,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BackoffConfig {
    pub base: Duration,
    pub max: Duration,
}

impl Default for BackoffConfig {
    fn default() -> Self {
        BackoffConfig {
            base: Duration::from_secs(300),
            max: Duration::from_secs(4 * 3600),
        }
    }
}

/// `N/unit` or `N/duration`: at most N sends in any window of that length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: u32,
    pub per: Duration,
}

impl FromStr for Rate {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || format!("invalid rate \"{text}\": expected N/s, N/m, N/h or N/d (e.g. 10/s, 500/h)");
        let (count, per) = text.trim().split_once('/').ok_or_else(err)?;
        let count: u32 = count.trim().parse().map_err(|_| err())?;
        let per = per.trim();
        let per = if per.starts_with(|c: char| c.is_ascii_digit()) {
            per.parse::<Duration>().map_err(|_| err())?
        } else {
            format!("1{per}").parse::<Duration>().map_err(|_| err())?
        };
        if count == 0 || per.as_secs() == 0 {
            return Err(err());
        }
        Ok(Rate { count, per })
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = self.per.to_string();
        write!(
            f,
            "{}/{}",
            self.count,
            per.strip_prefix('1').filter(|u| u.len() == 1).unwrap_or(&per)
        )
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Errors must come from inside the visitor for serde_yaml to add the key path.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Rate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a rate such as 10/s or 500/h")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Rate, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A secret value; never shown by `Debug`, `Display` or serialization.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("********")
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("********")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

/// Where the config comes from, in the documented order: `--config`,
/// `$PUBLIK_CONFIG` (both given as `explicit`), `./publik.yaml`,
/// `/etc/publik/config.yaml`, else built-in defaults.
pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    DEFAULT_CONFIG_PATHS
        .iter()
        .map(PathBuf::from)
        .find(|path| path.is_file())
}

impl Config {
    /// Loads and validates the config; `None` gives the built-in defaults.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Config> {
        let Some(path) = path else {
            let mut config = Config::default();
            config.validate(None)?;
            return Ok(config);
        };
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read config file {}", path.display()))?;
        // Bad content is bad input (65), like a YAML error; an unreadable
        // file stays a runtime failure (1).
        let text = String::from_utf8(bytes).map_err(|e| {
            bad_input(format!(
                "config file {} is not UTF-8 text (invalid byte at offset {})",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        })?;
        Config::parse(&text, path)
    }

    /// Parses config text; `path` is used for messages and relative paths.
    pub fn parse(text: &str, path: &Path) -> anyhow::Result<Config> {
        let name = path.display().to_string();
        // An empty file (or only comments) means "all defaults".
        let mut config: Config = if text
            .trim()
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            Config::default()
        } else {
            serde_yaml::from_str(text).map_err(|err| yaml_error(&name, &err))?
        };
        config.source = Some(path.to_path_buf());
        config.validate(Some(&name))?;
        Ok(config)
    }

    /// Directory against which relative paths in the config are resolved.
    fn base_dir(&self) -> Option<PathBuf> {
        self.source.as_ref().map(|p| {
            p.parent()
                .filter(|dir| *dir != Path::new("."))
                .map(Path::to_path_buf)
                .unwrap_or_default()
        })
    }

    /// A path from the config, made relative to the config file.
    pub fn resolve_path(&self, path: &Path) -> PathBuf {
        match self.base_dir() {
            Some(dir) if path.is_relative() && !dir.as_os_str().is_empty() => dir.join(path),
            _ => path.to_path_buf(),
        }
    }

    fn validate(&mut self, name: Option<&str>) -> anyhow::Result<()> {
        let fail = |key: &str, message: String| -> anyhow::Error {
            match name {
                Some(name) => bad_input(format!("config {name}: {key}: {message}")),
                None => bad_input(format!("config: {key}: {message}")),
            }
        };
        let base = self.base_dir();
        // Email
        crate::address::parse_mailbox(&self.email.from).map_err(|e| fail("email.from", e))?;
        if self.email.max_size.bytes() < 1_000 {
            return Err(fail(
                "email.max_size",
                format!("{} is too small for any message", self.email.max_size),
            ));
        }
        if let Some(reply_to) = &self.email.reply_to {
            crate::address::parse_mailbox(reply_to).map_err(|e| fail("email.reply_to", e))?;
        }
        let smtp = &mut self.email.smtp;
        if self.email.transport == Some(TransportKind::Smtp) && smtp.host.is_none() {
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
        smtp.resolved_password = resolve_secret(
            "email.smtp.password",
            smtp.password.as_ref(),
            smtp.password_file.as_deref(),
            smtp.password_env.as_deref(),
            base.as_deref(),
        )
        .map_err(|e| fail(&e.0, e.1))?;
        if smtp.resolved_password.is_some() && smtp.username.is_none() {
            return Err(fail(
                "email.smtp.username",
                "required when a password is set".into(),
            ));
        }
        if let Some(file) = &smtp.ca_file {
            let path = match &base {
                Some(dir) if file.is_relative() => dir.join(file),
                _ => file.clone(),
            };
            let pem = std::fs::read_to_string(&path).map_err(|e| {
                fail(
                    "email.smtp.ca_file",
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
            if !pem.contains("-----BEGIN CERTIFICATE-----") {
                return Err(fail(
                    "email.smtp.ca_file",
                    format!("{} holds no PEM certificate", path.display()),
                ));
            }
            if smtp.tls == SmtpTls::None {
                return Err(fail(
                    "email.smtp.ca_file",
                    "needs email.smtp.tls: starttls or tls".into(),
                ));
            }
            smtp.ca_pem = Some(pem);
        }
        // SMS
        let sms = &mut self.sms;
        if crate::phone::calling_code(&sms.default_country).is_none() {
            return Err(fail(
                "sms.default_country",
                format!(
                    "unknown country \"{}\" (known: {})",
                    sms.default_country,
                    crate::phone::known_countries()
                ),
            ));
        }
        if sms.sender.trim().is_empty() {
            return Err(fail("sms.sender", "must not be empty".into()));
        }
        if let Some(gateway) = sms.gateway.as_mut() {
            if !(gateway.url.starts_with("https://") || gateway.url.starts_with("http://")) {
                return Err(fail(
                    "sms.gateway.url",
                    format!("\"{}\" is not an http(s) URL", gateway.url),
                ));
            }
            if gateway.method == HttpMethod::Get && gateway.format != GatewayFormat::Query {
                return Err(fail(
                    "sms.gateway.format",
                    "a GET request can only carry fields as query".into(),
                ));
            }
            if gateway.fields.is_empty() {
                return Err(fail(
                    "sms.gateway.fields",
                    "name at least the fields for {to} and {text}".into(),
                ));
            }
            if let Some(path) = &gateway.id_path
                && !path.starts_with('/')
            {
                return Err(fail(
                    "sms.gateway.id_path",
                    format!("\"{path}\" is not a JSON pointer (/id)"),
                ));
            }
            gateway.secret_fields = secret_entries("sms.gateway.fields", &gateway.fields, base.as_deref())
                .map_err(|e| fail(&e.0, e.1))?;
            gateway.secret_headers = secret_entries("sms.gateway.headers", &gateway.headers, base.as_deref())
                .map_err(|e| fail(&e.0, e.1))?;
            let auth = &mut gateway.auth;
            auth.resolved_password = resolve_secret(
                "sms.gateway.auth.password",
                auth.password.as_ref(),
                auth.password_file.as_deref(),
                auth.password_env.as_deref(),
                base.as_deref(),
            )
            .map_err(|e| fail(&e.0, e.1))?;
            auth.resolved_token = resolve_secret(
                "sms.gateway.auth.token",
                auth.token.as_ref(),
                auth.token_file.as_deref(),
                auth.token_env.as_deref(),
                base.as_deref(),
            )
            .map_err(|e| fail(&e.0, e.1))?;
            match auth.kind {
                GatewayAuthType::None => {}
                GatewayAuthType::Basic if auth.username.is_none() || auth.resolved_password.is_none() => {
                    return Err(fail(
                        "sms.gateway.auth",
                        "type basic needs username and password".into(),
                    ));
                }
                GatewayAuthType::Bearer if auth.resolved_token.is_none() => {
                    return Err(fail("sms.gateway.auth", "type bearer needs a token".into()));
                }
                GatewayAuthType::Header if auth.resolved_token.is_none() || auth.header.is_none() => {
                    return Err(fail(
                        "sms.gateway.auth",
                        "type header needs header and token".into(),
                    ));
                }
                _ => {}
            }
        }
        if let Some(organizer) = &self.email.organizer {
            crate::address::parse_mailbox(organizer).map_err(|e| fail("email.organizer", e))?;
        }
        if self.ics.timezone.parse::<chrono_tz::Tz>().is_err() {
            return Err(fail(
                "ics.timezone",
                format!("unknown time zone \"{}\"", self.ics.timezone),
            ));
        }
        // Web Push
        if let Some(subject) = &self.webpush.subject {
            check_vapid_subject(subject).map_err(|e| fail("webpush.subject", e))?;
        }
        if self.webpush.max_subscriptions_per_user == 0 {
            return Err(fail(
                "webpush.max_subscriptions_per_user",
                "must be at least 1".into(),
            ));
        }
        if self.webpush.concurrency == 0 || self.webpush.concurrency > 64 {
            return Err(fail(
                "webpush.concurrency",
                format!("{} is not between 1 and 64", self.webpush.concurrency),
            ));
        }
        // Maarch
        let maarch = &mut self.maarch;
        maarch.resolved_password = resolve_secret(
            "maarch.password",
            maarch.password.as_ref(),
            maarch.password_file.as_deref(),
            maarch.password_env.as_deref(),
            base.as_deref(),
        )
        .map_err(|e| fail(&e.0, e.1))?;
        if maarch.enable {
            match &maarch.url {
                Some(url) if url.starts_with("https://") || url.starts_with("http://") => {}
                Some(url) => return Err(fail("maarch.url", format!("\"{url}\" is not an http(s) URL"))),
                None => return Err(fail("maarch.url", "required when maarch.enable is true".into())),
            }
            if maarch.username.is_none() || maarch.resolved_password.is_none() {
                return Err(fail(
                    "maarch.username",
                    "username and password are required when maarch.enable is true".into(),
                ));
            }
        }
        for (key, value) in [
            ("maarch.status_grc", &maarch.status_grc),
            ("maarch.status_received", &maarch.status_received),
            ("maarch.status_sent", &maarch.status_sent),
            ("maarch.status_refused", &maarch.status_refused),
            ("maarch.status_response", &maarch.status_response),
        ] {
            if value.trim().is_empty() {
                return Err(fail(key, "must not be empty".into()));
            }
        }
        if maarch.batch == 0 {
            return Err(fail("maarch.batch", "must be at least 1".into()));
        }
        // Newsletters and landing pages
        if let Some(mailto) = &self.newsletter.unsubscribe_mailto {
            crate::address::parse_mailbox(mailto).map_err(|e| fail("newsletter.unsubscribe_mailto", e))?;
        }
        let public_url = &self.serve.public_url;
        if !(public_url.starts_with("https://") || public_url.starts_with("http://")) {
            return Err(fail(
                "serve.public_url",
                format!("\"{public_url}\" is not an http(s) URL"),
            ));
        }
        if self.serve.request_timeout.as_secs() == 0 {
            return Err(fail("serve.request_timeout", "must be at least 1s".into()));
        }
        if self.serve.max_connections == 0 || self.serve.max_connections > 1024 {
            return Err(fail(
                "serve.max_connections",
                format!("{} is not between 1 and 1024", self.serve.max_connections),
            ));
        }
        // Queue
        let queue = &self.queue;
        if queue.max_attempts == 0 {
            return Err(fail("queue.max_attempts", "must be at least 1".into()));
        }
        if queue.backoff.base.as_secs() == 0 {
            return Err(fail("queue.backoff.base", "must be at least 1s".into()));
        }
        if queue.backoff.max < queue.backoff.base {
            return Err(fail(
                "queue.backoff.max",
                format!(
                    "{} is shorter than queue.backoff.base ({})",
                    queue.backoff.max, queue.backoff.base
                ),
            ));
        }
        if queue.lease.as_secs() == 0 {
            return Err(fail("queue.lease", "must be at least 1s".into()));
        }
        if queue.batch == 0 || queue.batch > 1000 {
            return Err(fail(
                "queue.batch",
                format!("{} is not between 1 and 1000", queue.batch),
            ));
        }
        Ok(())
    }
}

/// Resolves one secret given inline, as `<key>_file` or as `<key>_env`.
/// Errors carry the key that is wrong and why.
fn resolve_secret(
    key: &str,
    inline: Option<&Secret>,
    file: Option<&Path>,
    env: Option<&str>,
    base: Option<&Path>,
) -> Result<Option<Secret>, (String, String)> {
    let given = [inline.is_some(), file.is_some(), env.is_some()]
        .iter()
        .filter(|g| **g)
        .count();
    if given > 1 {
        return Err((
            key.to_string(),
            format!("give only one of {key}, {key}_file, {key}_env"),
        ));
    }
    if let Some(value) = inline {
        return Ok(Some(value.clone()));
    }
    if let Some(file) = file {
        let path = match base {
            Some(dir) if file.is_relative() => dir.join(file),
            _ => file.to_path_buf(),
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            (
                format!("{key}_file"),
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        let value = text.trim_end_matches(['\r', '\n']).to_string();
        if value.is_empty() {
            return Err((format!("{key}_file"), format!("{} is empty", path.display())));
        }
        return Ok(Some(Secret(value)));
    }
    if let Some(var) = env {
        return match std::env::var(var) {
            Ok(value) if !value.is_empty() => Ok(Some(Secret(value))),
            _ => Err((
                format!("{key}_env"),
                format!("environment variable {var} is not set"),
            )),
        };
    }
    Ok(None)
}

/// `config FILE line N: key.path: message` from a serde_yaml error.
fn yaml_error(name: &str, err: &serde_yaml::Error) -> anyhow::Error {
    let text = err.to_string();
    // serde_yaml appends " at line L column C"; we put the line up front.
    let message = match text.rfind(" at line ") {
        Some(pos) => text[..pos].to_string(),
        None => text.clone(),
    };
    let err = match err.location() {
        Some(loc) => BadInput(format!("config {name} line {}: {message}", loc.line())),
        None => BadInput(format!("config {name}: {message}")),
    };
    anyhow::Error::new(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit_codes::ExitCode;

    fn parse(text: &str) -> anyhow::Result<Config> {
        Config::parse(text, Path::new("publik.yaml"))
    }

    #[test]
    fn template_is_the_defaults() {
        let parsed = parse(TEMPLATE).unwrap();
        let defaults = Config::default();
        assert_eq!(
            serde_yaml::to_string(&parsed).unwrap(),
            serde_yaml::to_string(&defaults).unwrap()
        );
    }

    #[test]
    fn wrong_type_names_key_and_line() {
        let err = parse("email:\n  smtp:\n    host: x\n    port: abc\n").unwrap_err();
        assert_eq!(ExitCode::for_error(&err), ExitCode::DataErr);
        let text = err.to_string();
        assert!(
            text.starts_with("config publik.yaml line 4: email.smtp.port: invalid type"),
            "{text}"
        );
    }

    #[test]
    fn unknown_key_is_refused() {
        let err = parse("queue:\n  max_attemps: 3\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("max_attemps"), "{err}");
    }

    #[test]
    fn bad_duration_and_rate() {
        let err = parse("queue:\n  lease: 10 minutes\n").unwrap_err().to_string();
        assert!(err.contains("queue.lease") && err.contains("10 minutes"), "{err}");
        let err = parse("queue:\n  rate: fast\n").unwrap_err().to_string();
        assert!(err.contains("queue.rate") && err.contains("fast"), "{err}");
        let ok = parse("queue:\n  rate: 500/h\n").unwrap();
        assert_eq!(
            ok.queue.rate,
            Some(Rate {
                count: 500,
                per: Duration::from_secs(3600)
            })
        );
        assert_eq!(ok.queue.rate.unwrap().to_string(), "500/h");
    }

    #[test]
    fn secret_sources() {
        let err =
            parse("email:\n  smtp:\n    host: x\n    username: u\n    password_file: /nonexistent/pw\n")
                .unwrap_err()
                .to_string();
        assert!(err.contains("email.smtp.password_file"), "{err}");
        let err =
            parse("email:\n  smtp:\n    host: x\n    username: u\n    password_env: PUBLIK_TEST_UNSET_VAR\n")
                .unwrap_err()
                .to_string();
        assert!(err.contains("PUBLIK_TEST_UNSET_VAR"), "{err}");
        let ok = parse("email:\n  smtp:\n    host: x\n    username: u\n    password: hunter2\n").unwrap();
        assert_eq!(
            ok.email.smtp.resolved_password.as_ref().unwrap().expose(),
            "hunter2"
        );
        let shown = serde_yaml::to_string(&ok).unwrap();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!format!("{ok:?}").contains("hunter2"));
    }

    #[test]
    fn transport_defaults_to_file_without_host() {
        assert_eq!(Config::default().email.effective_transport(), TransportKind::File);
        let with_host = parse("email:\n  smtp:\n    host: 127.0.0.1\n").unwrap();
        assert_eq!(with_host.email.effective_transport(), TransportKind::Smtp);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::Config;
    use crate::testing::{config, text_from};

    const PIECES: &[&str] = &[
        "\n",
        "  ",
        "    ",
        ": ",
        "- ",
        "queue:",
        "email:",
        "smtp:",
        "host: ",
        "port: ",
        "lease: ",
        "10m",
        "rate: ",
        "10/s",
        "sms:",
        "gateway:",
        "url: ",
        "https://x/",
        "fields:",
        "password_file: ",
        "password_env: ",
        "max_size: ",
        "25MB",
        "state: ",
        "\"",
        "'",
        "{",
        "}",
        "[",
        "]",
        "&a",
        "*a",
        "!!str",
        "null",
        "~",
        "#",
        "webpush:",
        "serve:",
        "public_url: ",
        "maarch:",
        "ics:",
        "timeout: ",
        "30",
        "-1",
        "1e309",
        "true",
    ];

    proptest! {
        #![proptest_config(config())]

        /// Any text is a config or a clear error, never a panic.
        #[test]
        fn config_text_never_panics(text in text_from(PIECES)) {
            let _ = Config::parse(&text, std::path::Path::new("/nonexistent/publik.yaml"));
        }
    }
}
