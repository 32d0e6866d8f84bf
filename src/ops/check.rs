//! `publik config check`: every channel contributes its own checks (warnings
//! about the settings) and a probe of its server for `--connect`.

use serde::Serialize;

use crate::config::{Config, TransportKind};
use crate::ops::email;

/// One channel's checks.
pub trait ChannelCheck {
    fn name(&self) -> &'static str;
    /// Settings that load but are probably not what the admin wants.
    fn warnings(&self, config: &Config) -> Vec<String>;
    /// Reaches the channel's server; a peer-down error means exit 75.
    fn connect(&self, config: &Config) -> anyhow::Result<String>;
}

struct EmailCheck;

impl ChannelCheck for EmailCheck {
    fn name(&self) -> &'static str {
        "email"
    }

    fn warnings(&self, config: &Config) -> Vec<String> {
        let mut warnings = Vec::new();
        if config.email.effective_transport() == TransportKind::File {
            warnings.push(format!(
                "email.transport is file: mail is written to {}, not sent",
                config.resolve_path(&config.email.file.dir).display()
            ));
        }
        if config.email.from.contains("@localhost") {
            warnings.push(format!(
                "email.from \"{}\" is the built-in default",
                config.email.from
            ));
        }
        warnings
    }

    fn connect(&self, config: &Config) -> anyhow::Result<String> {
        email::probe(config)
    }
}

struct SmsCheck;

impl ChannelCheck for SmsCheck {
    fn name(&self) -> &'static str {
        "sms"
    }

    fn warnings(&self, config: &Config) -> Vec<String> {
        match &config.sms.gateway {
            None => vec!["sms.gateway is not set: SMS cannot be queued".into()],
            Some(gateway) if !gateway.url.starts_with("https://") => {
                vec![format!("sms.gateway.url {} is not https", gateway.url)]
            }
            Some(_) => Vec::new(),
        }
    }

    /// Opens a connection to the gateway's host without sending an SMS.
    fn connect(&self, config: &Config) -> anyhow::Result<String> {
        let Some(gateway) = &config.sms.gateway else {
            return Ok("no gateway configured".into());
        };
        let origin = crate::ops::http_client::origin(&gateway.url).unwrap_or_default();
        let authority = origin.split_once("://").map(|(_, a)| a).unwrap_or_default();
        let default_port = if gateway.url.starts_with("https://") {
            443
        } else {
            80
        };
        let address = if authority.contains(':') {
            authority.to_string()
        } else {
            format!("{authority}:{default_port}")
        };
        let addresses: Vec<_> = std::net::ToSocketAddrs::to_socket_addrs(&address)
            .map_err(|e| crate::exit_codes::peer_down(format!("cannot resolve {address}: {e}")))?
            .collect();
        let first = addresses
            .first()
            .ok_or_else(|| crate::exit_codes::peer_down(format!("{address} has no address")))?;
        std::net::TcpStream::connect_timeout(first, gateway.timeout.std())
            .map_err(|e| crate::exit_codes::peer_down(format!("cannot connect to {address}: {e}")))?;
        Ok(format!("{address} accepts connections"))
    }
}

struct PushCheck;

impl ChannelCheck for PushCheck {
    fn name(&self) -> &'static str {
        "webpush"
    }

    fn warnings(&self, config: &Config) -> Vec<String> {
        let mut warnings = Vec::new();
        match &config.webpush.private_key_file {
            None => warnings.push("webpush.private_key_file is not set: notifications cannot be sent".into()),
            Some(path) if !config.resolve_path(path).is_file() => warnings.push(format!(
                "webpush.private_key_file {} does not exist (publik vapid generate --out FILE)",
                config.resolve_path(path).display()
            )),
            Some(_) => {}
        }
        if config.webpush.subject.is_none() {
            warnings.push("webpush.subject is not set: notifications cannot be sent".into());
        }
        warnings
    }

    /// Push services are per browser vendor: nothing to probe; the key must load.
    fn connect(&self, config: &Config) -> anyhow::Result<String> {
        if config.webpush.private_key_file.is_none() {
            return Ok("not configured".into());
        }
        Ok(format!(
            "VAPID public key {}",
            crate::ops::push::public_key(config)?
        ))
    }
}

struct MaarchCheck;

impl ChannelCheck for MaarchCheck {
    fn name(&self) -> &'static str {
        "maarch"
    }

    fn warnings(&self, config: &Config) -> Vec<String> {
        match &config.maarch.url {
            Some(url) if config.maarch.enable && !url.starts_with("https://") => {
                vec![format!(
                    "maarch.url {url} is not https: the password travels in clear"
                )]
            }
            _ => Vec::new(),
        }
    }

    /// Lists one mail in status_grc: proves the URL, the credentials and the status.
    fn connect(&self, config: &Config) -> anyhow::Result<String> {
        if !config.maarch.enable {
            return Ok("disabled".into());
        }
        let client = crate::ops::maarch::MaarchClient::new(&config.maarch)?;
        match client.list(&config.maarch.status_grc, 1) {
            Ok(ids) => Ok(format!(
                "authenticated; {} in {}",
                if ids.is_empty() {
                    "no mail waiting"
                } else {
                    "mail waiting"
                },
                config.maarch.status_grc
            )),
            Err(crate::ops::maarch::MaarchError::Down(why)) => Err(crate::exit_codes::peer_down(why)),
            Err(err) => Err(anyhow::anyhow!("{err}")),
        }
    }
}

/// The landing pages: the links mail carries point at them.
struct ServeCheck;

impl ChannelCheck for ServeCheck {
    fn name(&self) -> &'static str {
        "serve"
    }

    fn warnings(&self, config: &Config) -> Vec<String> {
        let mut warnings = Vec::new();
        let public_url = &config.serve.public_url;
        if public_url == &crate::config::ServeConfig::default().public_url {
            warnings.push(format!(
                "serve.public_url is the built-in default {public_url}: links in mail point at localhost, which recipients cannot reach"
            ));
        } else if !public_url.starts_with("https://") {
            warnings.push(format!(
                "serve.public_url {public_url} is not https: action and unsubscribe tokens travel in clear"
            ));
        }
        if let Some(path) = &config.serve.link_key_file {
            let path = config.resolve_path(path);
            if !path.exists() {
                warnings.push(format!(
                    "serve.link_key_file {} does not exist yet: it is created on the first action link",
                    path.display()
                ));
            } else if let Err(err) = crate::link_key::LinkKey::load(&path) {
                warnings.push(format!("serve.link_key_file: {err:#}"));
            }
        }
        warnings
    }

    /// publik serve is the server: there is nothing to reach.
    fn connect(&self, _config: &Config) -> anyhow::Result<String> {
        Ok("nothing to reach (publik serve is the server)".into())
    }
}

/// The checks of every channel, in display order.
pub fn channel_checks() -> Vec<Box<dyn ChannelCheck>> {
    vec![
        Box::new(EmailCheck),
        Box::new(SmsCheck),
        Box::new(PushCheck),
        Box::new(MaarchCheck),
        Box::new(ServeCheck),
    ]
}

#[derive(Debug, Serialize)]
pub struct CheckResult {
    pub channel: &'static str,
    pub warnings: Vec<String>,
    /// `--connect`: what the probe found (None when not asked).
    pub connect: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub config_file: Option<std::path::PathBuf>,
    pub settings: Config,
    pub checks: Vec<CheckResult>,
}

/// Runs every channel's checks. Returns the report and, if a probe failed,
/// the first error (the caller prints the report, then fails with it).
pub fn check(config: &Config, connect: bool) -> (CheckReport, Option<anyhow::Error>) {
    let mut first_error = None;
    let checks = channel_checks()
        .iter()
        .map(|check| {
            let mut result = CheckResult {
                channel: check.name(),
                warnings: check.warnings(config),
                connect: None,
                error: None,
            };
            if connect {
                match check.connect(config) {
                    Ok(found) => result.connect = Some(found),
                    Err(err) => {
                        result.error = Some(format!("{err:#}"));
                        first_error
                            .get_or_insert(err.context(format!("{}: connection check failed", check.name())));
                    }
                }
            }
            result
        })
        .collect();
    let report = CheckReport {
        config_file: config.source.clone(),
        settings: config.clone(),
        checks,
    };
    (report, first_error)
}
