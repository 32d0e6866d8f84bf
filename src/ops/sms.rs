//! The SMS channel: numbers normalized to E.164 at enqueue, one row per
//! number, sent through the provider's HTTP gateway (JSON, form or query
//! fields, as configured), and delivery receipts.

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::clock;
use crate::config::{Config, GatewayAuthType, GatewayConfig, GatewayFormat, HttpMethod};
use crate::duration::Duration;
use crate::exit_codes::{bad_field, bad_input};
use crate::ops::channel::ChannelCheck;
use crate::ops::queue::RowOptions;
use crate::ops::queue::{Delivery, Sender};
use crate::phone;
use crate::queue_row::{Channel, Status};
use crate::store::{Body, Message, NewBody, NewRow, Store};

/// The shared part of one SMS send.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SmsContent {
    pub text: String,
    pub sender: String,
    /// Placeholders of action links in the text, replaced by their tokens
    /// at send time (see `link_key`): the state never holds a token.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_links: Vec<String>,
}

#[derive(Debug, Default)]
pub(crate) struct SmsRequest {
    pub to: Vec<String>,
    pub text: String,
    pub not_before: Option<String>,
    pub expires_in: Option<Duration>,
    pub tag: Option<String>,
}

/// Longest text accepted: 10 concatenated UCS-2 segments.
const MAX_TEXT_CHARS: usize = 670;

pub(crate) fn enqueue(
    store: &mut Store,
    config: &Config,
    request: &SmsRequest,
    actor: &str,
) -> anyhow::Result<Vec<i64>> {
    if config.sms.gateway.is_none() {
        return Err(bad_input(
            "sms.gateway: no SMS gateway is configured; SMS cannot be queued",
        ));
    }
    if request.to.is_empty() {
        return Err(bad_field("to", "at least one number is required"));
    }
    let mut numbers = Vec::with_capacity(request.to.len());
    for number in &request.to {
        let normalized = phone::normalize(number, &config.sms.default_country)
            .map_err(|e| bad_field("to", e.to_string()))?;
        if !numbers.contains(&normalized) {
            numbers.push(normalized);
        }
    }
    let text = request.text.replace("\r\n", "\n").trim_end().to_string();
    if text.is_empty() {
        return Err(bad_field("text", "the message is empty"));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(bad_field(
            "text",
            format!(
                "{} characters is too long (at most {MAX_TEXT_CHARS})",
                text.chars().count()
            ),
        ));
    }
    let options = RowOptions::from_request(
        0,
        request.tag.as_deref(),
        request.not_before.as_deref(),
        request.expires_in,
    )?;
    let content = SmsContent {
        action_links: Vec::new(),
        text,
        sender: config.sms.sender.clone(),
    };
    let (body, rows) = build(&content, numbers, &options)?;
    store.enqueue(&body, &rows, actor).context("cannot queue the SMS")
}

/// The rows of one SMS send: the text once, one row per number (E.164,
/// already normalized). Every producer (enqueue, workflows) builds here.
pub(crate) fn build(
    content: &SmsContent,
    numbers: impl IntoIterator<Item = String>,
    options: &RowOptions,
) -> anyhow::Result<(NewBody, Vec<NewRow>)> {
    let rows = numbers
        .into_iter()
        .map(|number| options.row(number, None))
        .collect();
    Ok((crate::ops::queue::body(Channel::Sms, content, Vec::new())?, rows))
}

/// `{to}`, `{to_digits}`, `{text}`, `{sender}`, `{id}` in a field template.
fn fill(template: &str, message: &Message, content: &SmsContent) -> String {
    template
        .replace("{to_digits}", message.recipient.trim_start_matches('+'))
        .replace("{to}", &message.recipient)
        .replace("{text}", &content.text)
        .replace("{sender}", &content.sender)
        .replace("{id}", &message.id.to_string())
}

/// The SMS lanes: `sms.concurrency` senders sharing one gateway (its
/// agent's connections, a pause the gateway asked for).
pub(crate) fn lanes(config: &Config, link_key: &std::path::Path) -> anyhow::Result<crate::ops::queue::Lanes> {
    let gateway = config
        .sms
        .gateway
        .clone()
        .context("sms.gateway is not configured")?;
    let lanes = config.sms.concurrency.max(1) as usize;
    let shared = std::sync::Arc::new(Gateway {
        agent: crate::ops::http_client::lanes_agent(gateway.timeout.std(), lanes),
        secrets: gateway.secret_values(),
        config: gateway,
        paused_until: std::sync::Mutex::new(None),
    });
    Ok((0..lanes)
        .map(|_| {
            Box::new(SmsSender {
                gateway: shared.clone(),
                link_key_path: link_key.to_path_buf(),
                link_key: None,
            }) as Box<dyn Sender>
        })
        .collect())
}

/// What the lanes share (`sms.rate` is held by the queue's lanes, with
/// `queue.rate`).
struct Gateway {
    config: GatewayConfig,
    agent: ureq::Agent,
    /// What its requests carry that no reply may show (`reply_excerpt`).
    secrets: Vec<String>,
    /// The gateway said to wait (429, Retry-After): no lane sends before.
    paused_until: std::sync::Mutex<Option<std::time::Instant>>,
}

/// A pause the gateway asks for that lanes wait out; longer, the run stops
/// SMS (its rows untouched) and the next run goes on.
const LONGEST_PAUSE: std::time::Duration = std::time::Duration::from_secs(10);
/// A 429 without Retry-After still pauses every lane this long.
const PAUSE_ON_429: std::time::Duration = std::time::Duration::from_secs(1);

impl Gateway {
    /// Waits for the gateway's pause; Err when it is too long to wait out in
    /// this run.
    fn wait_for_turn(&self) -> Result<(), String> {
        let until = *self.paused_until.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(left) = until.and_then(|u| u.checked_duration_since(std::time::Instant::now())) {
            if left > LONGEST_PAUSE {
                return Err(format!(
                    "the SMS gateway asked to wait {}s (Retry-After)",
                    left.as_secs()
                ));
            }
            std::thread::sleep(left);
        }
        Ok(())
    }

    /// Every lane waits `pause` from now (the longest pause asked wins).
    fn pause(&self, pause: std::time::Duration) {
        let until = std::time::Instant::now() + pause;
        let mut paused = self.paused_until.lock().unwrap_or_else(|p| p.into_inner());
        if paused.is_none_or(|current| current < until) {
            *paused = Some(until);
        }
    }
}

/// Sends SMS rows through the configured HTTP gateway: one lane.
pub(crate) struct SmsSender {
    gateway: std::sync::Arc<Gateway>,
    link_key_path: std::path::PathBuf,
    /// Read on the first message with action links.
    link_key: Option<crate::link_key::LinkKey>,
}

impl SmsSender {
    /// The request sent to the gateway's URL, and again to where it
    /// redirects when `follow_redirects` allows (same https origin).
    fn request(
        &self,
        message: &Message,
        content: &SmsContent,
    ) -> Result<ureq::http::Response<ureq::Body>, Refusal> {
        let mut url = self.gateway.config.url.clone();
        for _ in 0..=crate::ops::http_client::MAX_REDIRECTS {
            let response = self.request_to(&url, message, content).map_err(Refusal::Http)?;
            match crate::ops::http_client::next_url(&url, &response, self.gateway.config.follow_redirects) {
                Ok(None) => return Ok(response),
                Ok(Some(next)) => url = next,
                Err(not_followed) => return Err(Refusal::Redirect(not_followed)),
            }
        }
        Err(Refusal::Redirect(format!(
            "more than {} redirects",
            crate::ops::http_client::MAX_REDIRECTS
        )))
    }

    fn request_to(
        &self,
        url: &str,
        message: &Message,
        content: &SmsContent,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let by_reference = |name: &str| name.ends_with("_file") || name.ends_with("_env");
        let fields: Vec<(String, String)> = self
            .gateway
            .config
            .fields
            .iter()
            .filter(|(name, _)| !by_reference(name))
            .map(|(name, template)| (name.clone(), fill(template, message, content)))
            .chain(
                self.gateway
                    .config
                    .secret_fields
                    .iter()
                    .map(|(name, secret)| (name.clone(), secret.expose().to_string())),
            )
            .collect();
        let auth = &self.gateway.config.auth;
        let mut headers: Vec<(String, String)> = self
            .gateway
            .config
            .headers
            .iter()
            .filter(|(name, _)| !by_reference(name))
            .map(|(name, value)| (name.clone(), value.clone()))
            .chain(
                self.gateway
                    .config
                    .secret_headers
                    .iter()
                    .map(|(name, secret)| (name.clone(), secret.expose().to_string())),
            )
            .collect();
        match auth.kind {
            GatewayAuthType::None => {}
            GatewayAuthType::Basic => {
                let user = auth.username.clone().unwrap_or_default();
                let password = auth
                    .resolved_password
                    .as_ref()
                    .map(|s| s.expose())
                    .unwrap_or_default();
                headers.push((
                    "Authorization".into(),
                    format!("Basic {}", base64_encode(&format!("{user}:{password}"))),
                ));
            }
            GatewayAuthType::Bearer => {
                let token = auth
                    .resolved_token
                    .as_ref()
                    .map(|s| s.expose())
                    .unwrap_or_default();
                headers.push(("Authorization".into(), format!("Bearer {token}")));
            }
            GatewayAuthType::Header => {
                let token = auth
                    .resolved_token
                    .as_ref()
                    .map(|s| s.expose())
                    .unwrap_or_default();
                headers.push((auth.header.clone().unwrap_or_default(), token.to_string()));
            }
        }
        match (self.gateway.config.method, self.gateway.config.format) {
            (HttpMethod::Get, _) => {
                let mut request = self
                    .gateway
                    .agent
                    .get(url)
                    .query_pairs(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                for (name, value) in &headers {
                    request = request.header(name, value);
                }
                request.call()
            }
            (HttpMethod::Post, format) => {
                let mut request = self.gateway.agent.post(url);
                for (name, value) in &headers {
                    request = request.header(name, value);
                }
                match format {
                    GatewayFormat::Json => {
                        let object: serde_json::Map<String, serde_json::Value> = fields
                            .into_iter()
                            .map(|(k, v)| (k, serde_json::Value::String(v)))
                            .collect();
                        request.send_json(object)
                    }
                    GatewayFormat::Form => {
                        request.send_form(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                    }
                    GatewayFormat::Query => request
                        .query_pairs(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                        .send_empty(),
                }
            }
        }
    }
}

/// Why a request got no reply to read.
enum Refusal {
    Http(ureq::Error),
    /// A redirect not followed (`follow_redirects`).
    Redirect(String),
}

/// Standard base64 for the Basic auth header.
fn base64_encode(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// The interesting part of a reply, kept short for the history, with
/// every secret the request carried masked (a gateway may echo it).
fn reply_excerpt(body: &str, secrets: &[String]) -> String {
    let text = match serde_json::from_str::<serde_json::Value>(body) {
        Ok(json) => ["/message", "/error/message", "/error", "/errors", "/detail"]
            .iter()
            .find_map(|p| {
                json.pointer(p)
                    .map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string()))
            })
            .unwrap_or_else(|| body.to_string()),
        Err(_) => body.to_string(),
    };
    let text = crate::config::masked_text(text.trim(), secrets).replace(['\r', '\n'], " ");
    match text.char_indices().nth(300) {
        Some((cut, _)) => format!("{}… ({} bytes)", &text[..cut], body.len()),
        None => text,
    }
}

impl Sender for SmsSender {
    fn deliver(&mut self, message: &Message, body: &Body) -> Delivery {
        let mut content: SmsContent = match serde_json::from_str(&body.content) {
            Ok(content) => content,
            Err(e) => {
                return Delivery::Failed {
                    reason: format!("stored SMS content is unreadable: {e}"),
                };
            }
        };
        if !content.action_links.is_empty() {
            if self.link_key.is_none() {
                match crate::link_key::LinkKey::load(&self.link_key_path) {
                    Ok(key) => self.link_key = Some(key),
                    Err(e) => {
                        return Delivery::Failed {
                            reason: format!("{e:#}; its action links cannot be made"),
                        };
                    }
                }
            }
            if let Some(key) = &self.link_key {
                match key.expand(&content.text, &content.action_links) {
                    Ok(text) => content.text = text,
                    Err(reason) => return Delivery::Failed { reason },
                }
            }
        }
        if let Err(reason) = self.gateway.wait_for_turn() {
            return Delivery::PeerDown { reason };
        }
        let gateway = crate::config::shown_url(&self.gateway.config.url);
        let response = match self.request(message, &content) {
            Ok(response) => Ok(response),
            // The gateway's own answer, as a refusal is: retrying would
            // only be redirected again.
            Err(Refusal::Redirect(not_followed)) => {
                return Delivery::Failed {
                    reason: format!("SMS gateway {gateway}: {not_followed}"),
                };
            }
            Err(Refusal::Http(e)) => Err(e),
        };
        let mut response = match response {
            Ok(response) => response,
            Err(ureq::Error::Timeout(_)) => {
                return Delivery::Retry {
                    reason: format!("SMS gateway {gateway}: timed out"),
                    retry_after: None,
                };
            }
            Err(e @ (ureq::Error::ConnectionFailed | ureq::Error::HostNotFound)) => {
                return Delivery::PeerDown {
                    reason: format!("cannot reach SMS gateway {gateway}: {e}"),
                };
            }
            Err(ureq::Error::Io(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                return Delivery::PeerDown {
                    reason: format!("cannot reach SMS gateway {gateway}: {e}"),
                };
            }
            Err(e) => {
                return Delivery::Retry {
                    reason: format!("SMS gateway {gateway}: {e}"),
                    retry_after: None,
                };
            }
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(crate::ops::http_client::parse_retry_after);
        let reply = response
            .body_mut()
            .with_config()
            .limit(1 << 20)
            .read_to_string()
            .unwrap_or_default();
        match status {
            200..=299 => {
                let provider_id = self.gateway.config.id_path.as_deref().and_then(|path| {
                    let json: serde_json::Value = serde_json::from_str(&reply).ok()?;
                    let value = json.pointer(path)?;
                    Some(
                        value
                            .as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| value.to_string()),
                    )
                });
                Delivery::Sent {
                    provider_id,
                    reply: format!("HTTP {status} {}", reply_excerpt(&reply, &self.gateway.secrets)),
                }
            }
            429 | 500..=599 => {
                // Said to one lane, meant for all of them.
                match (status, retry_after) {
                    (_, Some(wait)) => self.gateway.pause(wait.std()),
                    (429, None) => self.gateway.pause(PAUSE_ON_429),
                    _ => {}
                }
                Delivery::Retry {
                    reason: format!(
                        "SMS gateway answered HTTP {status}: {}",
                        reply_excerpt(&reply, &self.gateway.secrets)
                    ),
                    retry_after,
                }
            }
            _ => Delivery::Failed {
                reason: format!(
                    "SMS gateway refused it: HTTP {status}: {}",
                    reply_excerpt(&reply, &self.gateway.secrets)
                ),
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptStatus {
    Delivered,
    Undelivered,
    Expired,
}

#[derive(Debug, Serialize)]
pub(crate) struct ReceiptReport {
    pub id: i64,
    pub status: Status,
    /// False when the row already had this status (a repeated receipt).
    pub changed: bool,
}

/// A provider's delivery receipt: `delivered` (the only way to it) or
/// `failed` for undelivered/expired, never retried.
pub(crate) fn receipt(
    store: &mut Store,
    provider_id: &str,
    status: ReceiptStatus,
    at: Option<&str>,
    actor: &str,
) -> anyhow::Result<ReceiptReport> {
    let at = at
        .map(|t| clock::parse_time("at", t))
        .transpose()?
        .unwrap_or_else(clock::now);
    let message = store
        .message_by_provider_id(Channel::Sms, provider_id)?
        .ok_or_else(|| {
            bad_field(
                "provider_id",
                format!("no SMS with provider id \"{provider_id}\""),
            )
        })?;
    let (to, reason) = match status {
        ReceiptStatus::Delivered => (Status::Delivered, "delivery receipt: delivered"),
        ReceiptStatus::Undelivered => (Status::Failed, "delivery receipt: undelivered"),
        ReceiptStatus::Expired => (Status::Failed, "delivery receipt: expired before delivery"),
    };
    if message.status == to {
        return Ok(ReceiptReport {
            id: message.id,
            status: to,
            changed: false,
        });
    }
    if message.status != Status::Sent || !store.apply_receipt(message.id, to, at, reason, actor)? {
        return Err(bad_field(
            "provider_id",
            format!(
                "SMS {} is {}; a receipt applies to sent messages",
                message.id, message.status
            ),
        ));
    }
    Ok(ReceiptReport {
        id: message.id,
        status: to,
        changed: true,
    })
}

/// `config check` for SMS: warnings, and a TCP connection to the gateway.
pub(crate) struct SmsCheck;

impl ChannelCheck for SmsCheck {
    fn name(&self) -> &'static str {
        "sms"
    }

    fn warnings(&self, config: &Config) -> Vec<String> {
        match &config.sms.gateway {
            None => vec!["sms.gateway is not set: SMS cannot be queued".into()],
            Some(gateway) if !gateway.url.starts_with("https://") => {
                vec![format!(
                    "sms.gateway.url {} is not https",
                    crate::config::shown_url(&gateway.url)
                )]
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

/// `queue show` for an SMS row: its text, encoding and segment count.
pub(crate) fn detail(body: &crate::store::Body) -> anyhow::Result<crate::ops::channel::ContentDetail> {
    let sms: SmsContent = serde_json::from_str(&body.content).context("stored SMS content is unreadable")?;
    let (encoding, segments) = crate::phone::segments(&sms.text);
    Ok(crate::ops::channel::ContentDetail::Sms {
        sender: sms.sender,
        text: sms.text,
        encoding,
        segments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(base64_encode(""), "");
        assert_eq!(base64_encode("f"), "Zg==");
        assert_eq!(base64_encode("fo"), "Zm8=");
        assert_eq!(base64_encode("foo"), "Zm9v");
        assert_eq!(base64_encode("user:pass"), "dXNlcjpwYXNz");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::testing::{config, json_from};

    const PIECES: &[&str] = &[
        "\"message\"",
        "\"error\"",
        "\"id\"",
        "\"x\"",
        "null",
        "12",
        "<html>",
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "120",
        "-1",
        "99999999999999999999",
        " ",
    ];

    proptest! {
        #![proptest_config(config())]

        /// A gateway's reply and Retry-After header, whatever they hold, never panic.
        #[test]
        fn gateway_replies_never_panic(text in json_from(PIECES)) {
            let _ = super::reply_excerpt(&text, &["k".to_string()]);
            let _ = crate::ops::http_client::parse_retry_after(&text);
        }
    }
}
