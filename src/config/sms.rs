//! `sms:`: the HTTP gateway of an SMS provider.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Fail;
use super::secret::{Secret, resolve_secret};
use super::secret::{masked_fields, masked_headers, masked_url, secret_entries};
use crate::duration::Duration;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmsConfig {
    /// Sender name or number shown to the recipient (`{sender}` in fields).
    pub sender: String,
    /// Country of national numbers (`06 12 34 56 78` with FR → +33612345678).
    pub default_country: String,
    /// The provider's HTTP API; SMS cannot be queued without it.
    pub gateway: Option<GatewayConfig>,
    /// Delivery receipts the provider posts to `serve`'s `/sms/receipt/`.
    pub receipts: Option<ReceiptsConfig>,
    /// SMS sent at once (lanes, each with its connection to the gateway).
    pub concurrency: u32,
    /// At most this many SMS per window across lanes (`10/s`), as
    /// providers cap it.
    pub rate: Option<super::Rate>,
}

/// How a provider's delivery receipts read: which field holds the
/// message id and which the status, and what its statuses mean.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptsConfig {
    /// The shared secret: in the URL path (`/sms/receipt/SECRET/`) or in
    /// the `auth_header` header, as the provider allows.
    #[serde(default)]
    pub secret: Option<Secret>,
    #[serde(default)]
    pub secret_file: Option<PathBuf>,
    #[serde(default)]
    pub secret_env: Option<String>,
    #[serde(default = "default_auth_header")]
    pub auth_header: String,
    /// The field with the provider's message id (the gateway's reply gave it).
    pub id_field: String,
    pub status_field: String,
    /// Provider status → delivered, undelivered or expired; others are ignored.
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub statuses: std::collections::BTreeMap<String, String>,
    #[serde(skip)]
    pub resolved_secret: Option<Secret>,
}

fn default_auth_header() -> String {
    "X-Publik-Secret".into()
}

impl Default for SmsConfig {
    fn default() -> Self {
        SmsConfig {
            sender: "publik".into(),
            default_country: "FR".into(),
            gateway: None,
            receipts: None,
            concurrency: 4,
            rate: None,
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
    #[serde(serialize_with = "masked_url")]
    pub url: String,
    #[serde(default = "default_method")]
    pub method: HttpMethod,
    #[serde(default = "default_format")]
    pub format: GatewayFormat,
    #[serde(default)]
    pub auth: GatewayAuth,
    /// Provider field name → value; `{to}`, `{to_digits}`, `{text}`, `{sender}`, `{id}` are replaced.
    /// `NAME_file: PATH` / `NAME_env: VAR` give field NAME a secret value.
    #[serde(
        default,
        deserialize_with = "crate::yaml::null_as_default",
        serialize_with = "masked_fields"
    )]
    pub fields: std::collections::BTreeMap<String, String>,
    /// Extra constant HTTP headers; `NAME_file` / `NAME_env` as for fields.
    #[serde(
        default,
        deserialize_with = "crate::yaml::null_as_default",
        serialize_with = "masked_headers"
    )]
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
    /// Follow a redirect to the same origin over https (never elsewhere:
    /// the request carries the gateway's secrets). Off: a redirect fails
    /// the message.
    #[serde(default)]
    pub follow_redirects: bool,
}

impl GatewayConfig {
    /// Every secret the gateway's requests carry, as `masked_text` takes
    /// them: the URL's, masked fields and headers, secret files and
    /// variables, the auth password or token (and its Basic encoding).
    pub(crate) fn secret_values(&self) -> Vec<String> {
        let mut secrets = super::secret::url_secrets(&self.url);
        secrets.extend(super::secret::masked_values(&self.fields, &self.headers).map(str::to_string));
        let resolved = self.secret_fields.values().chain(self.secret_headers.values());
        let auth = [&self.auth.resolved_password, &self.auth.resolved_token];
        secrets.extend(
            resolved
                .chain(auth.into_iter().flatten())
                .map(|s| s.expose().to_string()),
        );
        if let Some(password) = &self.auth.resolved_password {
            use base64::Engine;
            let user = self.auth.username.as_deref().unwrap_or_default();
            secrets.push(
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{}", password.expose())),
            );
        }
        secrets
    }
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

impl SmsConfig {
    pub(super) fn validate(&mut self, base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        let sms = self;
        if let Some(receipts) = &mut sms.receipts {
            receipts.resolved_secret = Some(super::secret::required_shared_secret(
                "sms.receipts.secret",
                (
                    receipts.secret.as_ref(),
                    receipts.secret_file.as_deref(),
                    receipts.secret_env.as_deref(),
                ),
                base,
                fail,
            )?);
            for (provider, ours) in &receipts.statuses {
                if !matches!(ours.as_str(), "delivered" | "undelivered" | "expired") {
                    return Err(fail(
                        &format!("sms.receipts.statuses.{provider}"),
                        format!("\"{ours}\": delivered, undelivered or expired"),
                    ));
                }
            }
        }
        if !crate::phone::known_country(&sms.default_country) {
            return Err(fail(
                "sms.default_country",
                format!(
                    "unknown country \"{}\" (an ISO 3166 code: FR, BE, IT, RE…)",
                    sms.default_country
                ),
            ));
        }
        if sms.sender.trim().is_empty() {
            return Err(fail("sms.sender", "must not be empty".into()));
        }
        if sms.concurrency == 0 || sms.concurrency > 64 {
            return Err(fail(
                "sms.concurrency",
                format!("{} is not between 1 and 64", sms.concurrency),
            ));
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
            gateway.secret_fields =
                secret_entries("sms.gateway.fields", &gateway.fields, base).map_err(|e| fail(&e.0, e.1))?;
            gateway.secret_headers =
                secret_entries("sms.gateway.headers", &gateway.headers, base).map_err(|e| fail(&e.0, e.1))?;
            let auth = &mut gateway.auth;
            auth.resolved_password = resolve_secret(
                "sms.gateway.auth.password",
                auth.password.as_ref(),
                auth.password_file.as_deref(),
                auth.password_env.as_deref(),
                base,
            )
            .map_err(|e| fail(&e.0, e.1))?;
            auth.resolved_token = resolve_secret(
                "sms.gateway.auth.token",
                auth.token.as_ref(),
                auth.token_file.as_deref(),
                auth.token_env.as_deref(),
                base,
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
        Ok(())
    }
}
