//! `wcs:`: remote w.c.s. services whose forms action links may act on, with
//! the shared key of Publik's signed URLs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Fail;
use super::secret::{Secret, resolve_secret};
use crate::duration::Duration;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WcsConfig {
    /// By name: `services: {demarches: {url, orig, key_file}}`.
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub services: BTreeMap<String, WcsService>,
}

fn default_timeout() -> Duration {
    Duration::from_secs(15)
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WcsService {
    /// The w.c.s. site, `https://demarches.example.org/`: form URLs under it
    /// belong to this service.
    #[serde(serialize_with = "super::secret::masked_url")]
    pub url: String,
    /// Who publik is to that service (the `orig` of its signed URLs).
    pub orig: String,
    /// The key shared with the service (Publik's `secret`).
    #[serde(default)]
    pub key: Option<Secret>,
    #[serde(default)]
    pub key_file: Option<PathBuf>,
    #[serde(default)]
    pub key_env: Option<String>,
    #[serde(default = "default_timeout")]
    pub timeout: Duration,
    /// The key, from whichever of the three keys gave it.
    #[serde(skip)]
    pub resolved_key: Option<Secret>,
}

/// A Publik service allowed to call publik's API (`/api/mail/response/`)
/// with signed URLs: its key, by its `orig`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ApiCaller {
    #[serde(default)]
    pub key: Option<Secret>,
    #[serde(default)]
    pub key_file: Option<PathBuf>,
    #[serde(default)]
    pub key_env: Option<String>,
    #[serde(skip)]
    pub resolved_key: Option<Secret>,
}

impl ApiCaller {
    pub(super) fn validate(&mut self, at: &str, base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        let given = (
            self.key.as_ref(),
            self.key_file.as_deref(),
            self.key_env.as_deref(),
        );
        let key = required_key(at, given, base, fail)?;
        // A short key is a signature anyone can forge by trying keys.
        let length = key.expose().trim().len();
        if length < MIN_CALLER_KEY_BYTES {
            return Err(fail(
                at,
                format!(
                    "{length} bytes; a caller's key needs at least {MIN_CALLER_KEY_BYTES} bytes \
                     (e.g. `openssl rand -base64 32`)"
                ),
            ));
        }
        self.resolved_key = Some(key);
        Ok(())
    }
}

/// The shortest key a caller of the signed API may have.
const MIN_CALLER_KEY_BYTES: usize = 16;

/// A shared key given inline, as `key_file` or as `key_env`: required.
fn required_key(
    at: &str,
    (inline, file, env): (Option<&Secret>, Option<&Path>, Option<&str>),
    base: Option<&Path>,
    fail: &Fail<'_>,
) -> anyhow::Result<Secret> {
    resolve_secret(at, inline, file, env, base)
        .map_err(|e| fail(&e.0, e.1))?
        .ok_or_else(|| fail(at, "required (or key_file, key_env)".into()))
}

impl WcsConfig {
    pub(super) fn validate(&mut self, base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        for (name, service) in &mut self.services {
            let at = |key: &str| format!("wcs.services.{name}.{key}");
            if !(service.url.starts_with("https://") || service.url.starts_with("http://")) {
                return Err(fail(
                    &at("url"),
                    format!("\"{}\" is not an http(s) URL", service.url),
                ));
            }
            if !service.url.ends_with('/') {
                service.url.push('/');
            }
            if service.orig.trim().is_empty() {
                return Err(fail(&at("orig"), "must not be empty".into()));
            }
            if service.timeout.as_secs() == 0 {
                return Err(fail(&at("timeout"), "must be at least 1s".into()));
            }
            let given = (
                service.key.as_ref(),
                service.key_file.as_deref(),
                service.key_env.as_deref(),
            );
            service.resolved_key = Some(required_key(&at("key"), given, base, fail)?);
        }
        Ok(())
    }

    /// The service a form URL belongs to (the longest matching `url`).
    pub fn service_for(&self, form_url: &str) -> Option<(&str, &WcsService)> {
        self.services
            .iter()
            .filter(|(_, s)| form_url.starts_with(&s.url))
            .max_by_key(|(_, s)| s.url.len())
            .map(|(name, s)| (name.as_str(), s))
    }
}
