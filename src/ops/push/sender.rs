//! Sending push rows: the encrypted, VAPID-signed POST to each
//! subscription's endpoint, over lanes sharing one sender (key, signatures,
//! the agent's connections per push service), and what the push service's
//! answer means for the row.

use p256::elliptic_curve::sec1::ToEncodedPoint;
use serde_json::Value;

use super::{PushContent, crypto, endpoint, read_key};
use crate::config::{Config, Urgency};
use crate::exit_codes::bad_input;
use crate::ops::queue::{Delivery, Sender};
use crate::store::{Body, Message};

/// Sends push rows.
pub(crate) struct PushSender {
    /// The VAPID key, parsed once.
    vapid: crypto::VapidKey,
    /// Signed `Authorization` headers by push-service origin, with when
    /// they were signed.
    signatures: std::sync::Mutex<std::collections::HashMap<String, (String, std::time::Instant)>>,
    subject: String,
    agent: ureq::Agent,
    random: ring::rand::SystemRandom,
    allowed_hosts: Vec<String>,
    /// `queue.max_attempts`: a subscription whose push service cannot be
    /// reached that many times is removed, as a 404 or 410 would.
    max_attempts: u32,
    /// Push-service origins found unreachable in this run, and why: their
    /// other rows are not tried again until the next run.
    unreachable: std::sync::Mutex<std::collections::HashMap<String, String>>,
}

/// A VAPID JWT depends only on the push service's origin (and time): it is
/// signed once per origin and reused for an hour (it is valid for 12).
const SIGNATURE_REUSE: std::time::Duration = std::time::Duration::from_secs(3600);
const SIGNATURE_VALIDITY_SECS: i64 = 12 * 3600;

impl PushSender {
    fn authorization(&self, endpoint: &str) -> Result<String, Delivery> {
        // RFC 8292: `aud` is the push service's origin (port included).
        let origin = crate::ops::http_client::origin(endpoint).unwrap_or_default();
        let mut cache = self
            .signatures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((header, at)) = cache.get(&origin)
            && at.elapsed() < SIGNATURE_REUSE
        {
            return Ok(header.clone());
        }
        let expires = crate::clock::now().timestamp() + SIGNATURE_VALIDITY_SECS;
        let header = self
            .vapid
            .authorization(&origin, &self.subject, expires)
            .map_err(|reason| Delivery::Rejected { reason })?;
        cache.insert(origin, (header.clone(), std::time::Instant::now()));
        Ok(header)
    }

    pub(crate) fn new(config: &Config) -> anyhow::Result<PushSender> {
        let (_, secret) = read_key(config)?;
        let public = secret.public_key().to_encoded_point(false);
        let vapid = crypto::VapidKey::new(&secret.to_bytes(), public.as_bytes())
            .map_err(|e| bad_input(format!("webpush.private_key_file: {e}")))?;
        let subject = config.webpush.subject.clone().ok_or_else(|| {
            bad_input("webpush.subject: not set (mailto:admin@your-domain or an https URL)")
        })?;
        let allowed_hosts = config.webpush.allowed_hosts.clone();
        let agent = crate::ops::http_client::public_agent(
            std::time::Duration::from_secs(30),
            allowed_hosts.clone(),
            config.webpush.concurrency as usize,
        );
        Ok(PushSender {
            vapid,
            signatures: std::sync::Mutex::new(std::collections::HashMap::new()),
            subject,
            agent,
            random: ring::rand::SystemRandom::new(),
            allowed_hosts,
            max_attempts: config.queue.max_attempts,
            unreachable: std::sync::Mutex::new(std::collections::HashMap::new()),
        })
    }

    fn request(
        &self,
        message: &Message,
        content: &PushContent,
    ) -> Result<ureq::http::Response<ureq::Body>, Delivery> {
        use base64::Engine;
        let failed = |reason: String| Delivery::Failed { reason };
        let vars: Value = message
            .vars
            .as_deref()
            .and_then(|v| serde_json::from_str(v).ok())
            .ok_or_else(|| failed("the row has no subscription keys".into()))?;
        // Keys as browsers give them: base64url, with or without padding.
        let key = |name: &str| {
            let text = vars[name].as_str().unwrap_or_default().trim_end_matches('=');
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(text)
                .map_err(|e| failed(format!("subscription key {name}: {e}")))
        };
        let body = crypto::encrypt(
            &key("p256dh")?,
            &key("auth")?,
            content.payload.as_bytes(),
            &self.random,
        )
        .map_err(|e| failed(format!("cannot encrypt the notification: {e}")))?;
        let authorization = self.authorization(&message.recipient)?;
        let urgency = match content.urgency {
            Urgency::VeryLow => "very-low",
            Urgency::Low => "low",
            Urgency::Normal => "normal",
            Urgency::High => "high",
        };
        let mut http = self
            .agent
            .post(message.recipient.as_str())
            .header("TTL", content.ttl.to_string())
            .header("Urgency", urgency)
            .header("Content-Encoding", "aes128gcm")
            .header("Content-Type", "application/octet-stream")
            .header("Authorization", &authorization);
        if let Some(topic) = &content.topic {
            http = http.header("Topic", topic);
        }
        http.send(&body[..]).map_err(|e| self.unsent(message, e))
    }

    /// A request that got no answer. A push service that cannot be reached
    /// is about its origin, not the channel: this row's attempt counts, the
    /// origin's other rows wait for the next run, other origins go on.
    fn unsent(&self, message: &Message, error: ureq::Error) -> Delivery {
        use ureq::Timeout;
        let unreachable = match &error {
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
                return Delivery::RecipientGone {
                    reason: format!("endpoint refused: {io}"),
                };
            }
            ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => true,
            ureq::Error::Timeout(Timeout::Resolve | Timeout::Connect) => true,
            ureq::Error::Io(io) => matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionRefused
                    | std::io::ErrorKind::HostUnreachable
                    | std::io::ErrorKind::NetworkUnreachable
            ),
            _ => false,
        };
        if !unreachable {
            return Delivery::Retry {
                reason: format!("push service: {error}"),
                retry_after: None,
            };
        }
        let origin = crate::ops::http_client::origin(&message.recipient).unwrap_or_default();
        let reason = format!("cannot reach the push service {origin}: {error}");
        self.unreachable
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(origin, reason.clone());
        self.unreachable_outcome(message, reason)
    }

    fn unreachable_outcome(&self, message: &Message, reason: String) -> Delivery {
        if message.attempts >= self.max_attempts {
            return Delivery::RecipientGone {
                reason: format!("{reason} ({} attempts): subscription removed", message.attempts),
            };
        }
        Delivery::Retry {
            reason,
            retry_after: None,
        }
    }
}

/// The push lanes: `webpush.concurrency` workers sharing one sender (its
/// key, its signatures and its agent's connections).
pub(crate) fn lanes(config: &Config) -> anyhow::Result<crate::ops::queue::Lanes> {
    let sender = std::sync::Arc::new(PushSender::new(config)?);
    Ok((0..config.webpush.concurrency.max(1))
        .map(|_| Box::new(PushLane(sender.clone())) as Box<dyn Sender>)
        .collect())
}

struct PushLane(std::sync::Arc<PushSender>);

impl Sender for PushLane {
    fn deliver(&mut self, message: &Message, body: &Body) -> Delivery {
        self.0.deliver_one(message, body)
    }
}

impl PushSender {
    fn deliver_one(&self, message: &Message, body: &Body) -> Delivery {
        // Subscribed before the rules of `endpoint.rs`, or since outside them.
        if let Some(why) = endpoint::refusal(&message.recipient, &self.allowed_hosts, false) {
            return Delivery::RecipientGone {
                reason: format!("endpoint refused: {why}"),
            };
        }
        // Stored as given before endpoints were normalized: another
        // spelling of a device may be someone else's claim on it. Dropped;
        // its browser subscribes again in the one spelling.
        if endpoint::normalized(&message.recipient).as_deref() != Some(message.recipient.as_str()) {
            return Delivery::RecipientGone {
                reason: "endpoint refused: not in its normalized spelling (subscribe again)".into(),
            };
        }
        let origin = crate::ops::http_client::origin(&message.recipient).unwrap_or_default();
        let down = self
            .unreachable
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&origin)
            .cloned();
        if let Some(reason) = down {
            return self.unreachable_outcome(message, format!("not tried: {reason} (earlier in this run)"));
        }
        let content: PushContent = match serde_json::from_str(&body.content) {
            Ok(content) => content,
            Err(e) => {
                return Delivery::Failed {
                    reason: format!("stored notification is unreadable: {e}"),
                };
            }
        };
        let mut response = match self.request(message, &content) {
            Ok(response) => response,
            Err(delivery) => return delivery,
        };
        // The request carries the VAPID signature: no redirect is followed.
        if let Err(not_followed) = crate::ops::http_client::next_url(&message.recipient, &response, false) {
            return Delivery::Failed {
                reason: format!("push service: {not_followed}"),
            };
        }
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(crate::ops::http_client::parse_retry_after);
        let reply: String = response
            .body_mut()
            .read_to_string()
            .unwrap_or_default()
            .chars()
            .take(300)
            .collect();
        let reply = reply.trim().to_string();
        match status {
            200..=299 => Delivery::Sent {
                provider_id: None,
                reply: format!("HTTP {status}"),
            },
            404 | 410 => Delivery::RecipientGone {
                reason: format!("subscription expired or unsubscribed (HTTP {status})"),
            },
            401 | 403 => Delivery::Rejected {
                reason: format!("the push service refused our VAPID key or subject (HTTP {status}): {reply}"),
            },
            429 => Delivery::Retry {
                reason: format!("push service: too many requests (HTTP 429) {reply}"),
                retry_after,
            },
            500..=599 => Delivery::Retry {
                reason: format!("push service: HTTP {status} {reply}"),
                retry_after,
            },
            _ => Delivery::Failed {
                reason: format!("push service refused it (HTTP {status}): {reply}"),
            },
        }
    }
}
