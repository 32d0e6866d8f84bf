//! `publik config check`: every channel contributes its own checks (warnings
//! about the settings) and, when asked, a probe of its server.

use serde::Serialize;

use crate::config::Config;
use crate::ops::channel::ChannelCheck;

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
pub(crate) fn channel_checks() -> Vec<Box<dyn ChannelCheck>> {
    vec![
        Box::new(crate::ops::email::EmailCheck),
        Box::new(crate::ops::sms::SmsCheck),
        Box::new(crate::ops::push::PushCheck),
        Box::new(crate::ops::maarch::MaarchCheck),
        Box::new(ServeCheck),
    ]
}

#[derive(Debug, Serialize)]
pub(crate) struct CheckResult {
    pub channel: &'static str,
    pub warnings: Vec<String>,
    /// What to do elsewhere, e.g. the DKIM record to publish in DNS.
    pub notes: Vec<String>,
    /// What the probe of the server found (None when not asked).
    pub connect: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ConfigCheckReport {
    pub config_file: Option<std::path::PathBuf>,
    pub settings: Config,
    pub checks: Vec<CheckResult>,
}

/// Runs every channel's checks. Returns the report and, if a probe failed,
/// the first error (the caller prints the report, then fails with it).
pub(crate) fn check(
    config: &Config,
    site: Option<&crate::site::Site>,
    connect: bool,
) -> (ConfigCheckReport, Option<anyhow::Error>) {
    let mut first_error = None;
    // A state URL every other command would refuse (a password in it).
    if let Some(state) = &config.state
        && let crate::store::StateLocation::Postgres { url, .. } =
            crate::site::written_in_config(config, state)
        && let Err(e) = crate::store::check_postgres_url(&url)
    {
        first_error = Some(e);
    }
    let checks = channel_checks()
        .iter()
        .map(|check| {
            let mut result = CheckResult {
                channel: check.name(),
                warnings: check.warnings(config),
                notes: check.notes(config),
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
    let report = ConfigCheckReport {
        config_file: config.source.clone(),
        settings: effective(config, site),
        checks,
    };
    (report, first_error)
}

/// The settings as the commands will use them: the transport chosen when
/// none is named, the outbox where the file transport writes, the state and
/// link key the site resolves to (a tenant's are in its directory even when
/// its config names neither).
fn effective(config: &Config, site: Option<&crate::site::Site>) -> Config {
    let mut settings = config.clone();
    if let Some(site) = site {
        settings.state = Some(match &site.state {
            crate::store::StateLocation::Sqlite(path) => path.clone(),
            // Masked again when shown, as a URL written in the config is.
            crate::store::StateLocation::Postgres { url, .. } => url.into(),
        });
        settings.serve.link_key_file = Some(site.link_key.clone());
    }
    settings.email.transport = Some(config.email.effective_transport());
    settings.email.file.dir = config.resolve_path(&config.email.file.dir);
    settings
}
