//! `serve:`: the landing pages, where they listen and the links that lead to them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Fail;
use crate::duration::Duration;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServeConfig {
    /// Public base URL of the landing pages (unsubscribe and action links).
    pub public_url: String,
    /// Where `publik serve` listens (behind the site's reverse proxy).
    pub listen: String,
    /// Time for a request to arrive whole (headers and body), from accept.
    pub request_timeout: Duration,
    /// Connections `publik serve` handles at once.
    pub max_connections: u32,
    /// The key action links are made from; default `STATE.link-key`.
    pub link_key_file: Option<PathBuf>,
    /// `GET /metrics` (OpenMetrics) for clients on this machine only.
    pub metrics: bool,
    /// `POST /push/subscribe/` and `/push/unsubscribe/` for the site's pages,
    /// the user named by a token from `publik push token`.
    pub push_subscriptions: bool,
    /// Services allowed to call `POST /api/mail/response/` with Publik's
    /// signed URLs, by their `orig`; none: the API is off.
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub api_callers: std::collections::BTreeMap<String, super::ApiCaller>,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            public_url: "http://localhost:8080".into(),
            listen: "127.0.0.1:8080".into(),
            request_timeout: Duration::from_secs(10),
            max_connections: 32,
            link_key_file: None,
            metrics: false,
            push_subscriptions: false,
            api_callers: Default::default(),
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

impl ServeConfig {
    pub(super) fn validate(&mut self, base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        for (orig, caller) in &mut self.api_callers {
            caller.validate(&format!("serve.api_callers.{orig}.key"), base, fail)?;
        }
        let public_url = &self.public_url;
        if !(public_url.starts_with("https://") || public_url.starts_with("http://")) {
            return Err(fail(
                "serve.public_url",
                format!("\"{public_url}\" is not an http(s) URL"),
            ));
        }
        if self.request_timeout.as_secs() == 0 {
            return Err(fail("serve.request_timeout", "must be at least 1s".into()));
        }
        if self.max_connections == 0 || self.max_connections > 1024 {
            return Err(fail(
                "serve.max_connections",
                format!("{} is not between 1 and 1024", self.max_connections),
            ));
        }
        Ok(())
    }
}
