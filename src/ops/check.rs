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

/// The checks of every channel, in display order.
pub fn channel_checks() -> Vec<Box<dyn ChannelCheck>> {
    vec![Box::new(EmailCheck)]
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
