//! `maarch:`: the Maarch Courrier server and its statuses.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Fail;
use super::secret::{Secret, resolve_secret};
use crate::duration::Duration;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MaarchConfig {
    pub enable: bool,
    /// REST API base; routes are under /rest.
    #[serde(serialize_with = "super::secret::masked_optional_url")]
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
    /// The deadline of each small call; for a document, the longest wait
    /// without a byte.
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

impl MaarchConfig {
    pub(super) fn validate(&mut self, base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        let maarch = self;
        maarch.resolved_password = resolve_secret(
            "maarch.password",
            maarch.password.as_ref(),
            maarch.password_file.as_deref(),
            maarch.password_env.as_deref(),
            base,
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
        Ok(())
    }
}
