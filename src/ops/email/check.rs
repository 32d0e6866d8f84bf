//! `config check` for email: warnings about the settings, and the SMTP probe.

use crate::config::{Config, TransportKind};
use crate::ops::channel::ChannelCheck;
use crate::ops::email;

pub(crate) struct EmailCheck;

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
        if let Some(redirect) = &config.email.redirect_to {
            warnings.push(format!(
                "EMAIL.REDIRECT_TO IS ON: every message goes to {redirect}, none to its recipient \
                 (a test platform's setting; remove it in production)"
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

    fn notes(&self, config: &Config) -> Vec<String> {
        let Some(dkim) = &config.email.dkim else {
            return Vec::new();
        };
        match email::dkim_record(dkim) {
            Ok((name, value)) => vec![format!("DKIM: publish in DNS: {name}. IN TXT \"{value}\"")],
            Err(e) => vec![format!("DKIM: {e:#}")],
        }
    }
}
