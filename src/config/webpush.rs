//! `webpush:`: the VAPID key and subject, and sending settings.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Fail;
use crate::duration::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
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
    /// Push services subscriptions may name (`fcm.googleapis.com`,
    /// `*.push.services.mozilla.com`); empty: any host at a public address.
    /// A listed host may be private, and plain http if on loopback.
    #[serde(deserialize_with = "crate::yaml::null_as_default")]
    pub allowed_hosts: Vec<String>,
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
            allowed_hosts: Vec::new(),
        }
    }
}

/// A VAPID subject push services accept (Apple's refuses localhost).
pub(crate) fn check_vapid_subject(subject: &str) -> Result<(), String> {
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

impl WebpushConfig {
    pub(super) fn validate(&mut self, _base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        if let Some(subject) = &self.subject {
            check_vapid_subject(subject).map_err(|e| fail("webpush.subject", e))?;
        }
        if self.max_subscriptions_per_user == 0 {
            return Err(fail(
                "webpush.max_subscriptions_per_user",
                "must be at least 1".into(),
            ));
        }
        if self.concurrency == 0 || self.concurrency > 64 {
            return Err(fail(
                "webpush.concurrency",
                format!("{} is not between 1 and 64", self.concurrency),
            ));
        }
        for host in &self.allowed_hosts {
            let bare = host.strip_prefix("*.").unwrap_or(host);
            if bare.is_empty() || bare.contains(['/', ':', '@', '*', ' ']) && !bare.starts_with('[') {
                return Err(fail(
                    "webpush.allowed_hosts",
                    format!("\"{host}\" is not a host name (fcm.googleapis.com, *.push.apple.com)"),
                ));
            }
        }
        Ok(())
    }
}
