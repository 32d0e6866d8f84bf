//! Web Push: VAPID keys (RFC 8292), subscriptions per user and device,
//! `notify` (one queued row per subscription) and the push sender: payloads
//! encrypted with aes128gcm (RFC 8291) and signed (VAPID) on ring in `crypto.rs`, requests sent
//! with ureq (keep-alive per push service, timeouts).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::pkcs8::{EncodePrivateKey, LineEnding};

pub(crate) mod crypto;
mod endpoint;
mod sender;

pub(crate) use sender::lanes;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::config::{Config, Urgency};
use crate::duration::Duration;
use crate::exit_codes::{bad_field, bad_input};
use crate::ops::channel::ChannelCheck;
use crate::ops::queue::RowOptions;
use crate::queue_row::Channel;
use crate::store::{NewBody, NewRow, Store, Subscribed, Subscription};
use crate::token::{base64url, decode_base64url};

/// Push services refuse bigger payloads once encrypted (4 KB records).
pub(crate) const MAX_PAYLOAD_BYTES: usize = 3000;

fn public_key_of(secret: &p256::SecretKey) -> String {
    base64url(secret.public_key().to_encoded_point(false).as_bytes())
}

/// `vapid generate`: a new P-256 key, written (PEM, mode 0600) to `out`.
/// Returns the public key as a page passes it to `applicationServerKey`.
pub(crate) fn generate_key(out: &Path) -> anyhow::Result<String> {
    let secret = loop {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("OS random source failed: {e}"))?;
        // Almost every 32-byte string is a valid scalar; retry the rare others.
        if let Ok(secret) = p256::SecretKey::from_slice(&bytes) {
            break secret;
        }
    };
    let pem = secret
        .to_pkcs8_pem(LineEnding::LF)
        .context("cannot encode the key")?;
    let mut file = crate::fs_private::create_new(out, crate::fs_private::PRIVATE)
        .with_context(|| format!("cannot create {} (it must not exist yet)", out.display()))?;
    file.write_all(pem.as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    Ok(public_key_of(&secret))
}

fn key_file(config: &Config) -> anyhow::Result<PathBuf> {
    let path = config.webpush.private_key_file.as_ref().ok_or_else(|| {
        bad_input("webpush.private_key_file: not set (create one with `publik vapid generate`)")
    })?;
    Ok(config.resolve_path(path))
}

/// The configured private key's PEM text; a missing or bad file is bad input.
fn read_key(config: &Config) -> anyhow::Result<(String, p256::SecretKey)> {
    let path = key_file(config)?;
    let pem = crate::capped::text_file(&path, crate::capped::MAX_KEY_FILE_BYTES).map_err(|e| {
        bad_input(format!(
            "webpush.private_key_file: cannot read {}: {e}",
            path.display()
        ))
    })?;
    let secret = p256::SecretKey::from_sec1_pem(&pem)
        .or_else(|_| p256::pkcs8::DecodePrivateKey::from_pkcs8_pem(&pem))
        .map_err(|_| {
            bad_input(format!(
                "webpush.private_key_file: {} is not a P-256 private key",
                path.display()
            ))
        })?;
    Ok((pem, secret))
}

/// `vapid show`.
pub(crate) fn public_key(config: &Config) -> anyhow::Result<String> {
    Ok(public_key_of(&read_key(config)?.1))
}

/// What `PushSubscription.toJSON()` gives in a browser.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SubscriptionJson {
    pub endpoint: String,
    pub keys: SubscriptionKeys,
    #[serde(default)]
    pub expiration_time: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SubscriptionKeys {
    pub p256dh: String,
    pub auth: String,
}

fn decode_key(field: &str, text: &str) -> anyhow::Result<Vec<u8>> {
    decode_base64url(text.trim_end_matches('='))
        .ok_or_else(|| bad_input(format!("{field}: \"{text}\" is not base64url")))
}

/// Validates a browser subscription: an endpoint publik may post to
/// (`endpoint.rs`), a valid uncompressed P-256 point, a 16-byte auth secret.
pub(crate) fn parse_subscription(text: &str, allowed_hosts: &[String]) -> anyhow::Result<SubscriptionJson> {
    let mut subscription: SubscriptionJson = serde_json::from_str(text)
        .map_err(|e| bad_input(format!("subscription: not a PushSubscription JSON: {e}")))?;
    let endpoint = &subscription.endpoint;
    // Checked and stored in its one spelling (`endpoint::normalized`).
    let normalized = endpoint::normalized(endpoint).unwrap_or_else(|| endpoint.clone());
    if let Some(why) = endpoint::refusal(&normalized, allowed_hosts, true) {
        return Err(bad_input(format!("endpoint: \"{endpoint}\" {why}")));
    }
    subscription.endpoint = normalized;
    let p256dh = decode_key("keys.p256dh", &subscription.keys.p256dh)?;
    if p256dh.len() != 65 || p256dh[0] != 4 || p256::PublicKey::from_sec1_bytes(&p256dh).is_err() {
        return Err(bad_input(
            "keys.p256dh: not an uncompressed P-256 public key (65 bytes)",
        ));
    }
    let auth = decode_key("keys.auth", &subscription.keys.auth)?;
    if auth.len() != 16 {
        return Err(bad_input(format!("keys.auth: {} bytes, expected 16", auth.len())));
    }
    Ok(subscription)
}

#[derive(Debug, Serialize)]
pub(crate) struct SubscribeReport {
    pub created: bool,
    /// The user's oldest subscriptions dropped beyond the limit.
    pub dropped: usize,
}

/// A token naming `user` for `ttl`, for the site's page that subscribes
/// the user's browser through `serve` (`publik push token`); and when it
/// expires.
pub(crate) fn token(
    link_key: &Path,
    user: &str,
    ttl: Duration,
) -> anyhow::Result<(String, crate::clock::Timestamp)> {
    if user.trim().is_empty() {
        return Err(bad_field("user", "must not be empty"));
    }
    let key = crate::link_key::LinkKey::load_or_create(link_key)?;
    let expires = crate::clock::now() + ttl.chrono();
    Ok((key.push_token(user, expires.timestamp()), expires))
}

/// The user a push token names, if it is genuine and not expired.
pub(crate) fn token_user(link_key: &Path, token: &str) -> Option<String> {
    let key = crate::link_key::LinkKey::load(link_key).ok()?;
    key.push_user(token, crate::clock::now().timestamp())
}

/// Removes `user`'s subscription of `endpoint`, or all of them; how many.
pub(crate) fn unsubscribe(store: &mut Store, user: &str, endpoint: Option<&str>) -> anyhow::Result<usize> {
    let normalized = endpoint.map(|e| endpoint::normalized(e).unwrap_or_else(|| e.to_string()));
    Ok(store.unsubscribe_push(user, normalized.as_deref())?)
}

pub(crate) fn subscribe(
    store: &mut Store,
    config: &Config,
    user: &str,
    text: &str,
) -> anyhow::Result<SubscribeReport> {
    if user.trim().is_empty() {
        return Err(bad_field("user", "must not be empty"));
    }
    let subscription = parse_subscription(text, &config.webpush.allowed_hosts)?;
    let saved = store.subscribe(
        user,
        &subscription.endpoint,
        subscription.keys.p256dh.trim_end_matches('='),
        subscription.keys.auth.trim_end_matches('='),
        subscription.expiration_time.map(|t| t as i64),
        config.webpush.max_subscriptions_per_user,
    )?;
    match saved {
        Subscribed::Saved { created, dropped } => Ok(SubscribeReport { created, dropped }),
        Subscribed::OtherUsers => Err(bad_field(
            "endpoint",
            "is another user's subscription; it is theirs until they unsubscribe",
        )),
    }
}

/// The shared part of one notification.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PushContent {
    /// The JSON the service worker receives.
    pub payload: String,
    pub ttl: u32,
    pub urgency: Urgency,
    pub topic: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct NotifyRequest {
    pub user: String,
    pub title: String,
    pub body: Option<String>,
    pub url: Option<String>,
    pub icon: Option<String>,
    pub tag: Option<String>,
    pub actions: Vec<String>,
    pub ttl: Option<Duration>,
    pub urgency: Option<Urgency>,
}

/// `Topic` header: at most 32 base64url characters, so a tag is hashed.
pub(crate) fn topic(tag: &str) -> String {
    base64url(&Sha256::digest(tag.as_bytes()))[..32].to_string()
}

/// Queues one push row per subscription of the user; the payload is checked
/// here (size, fields) so that sending never discovers it.
pub(crate) fn notify(
    store: &mut Store,
    config: &Config,
    request: &NotifyRequest,
    actor: &str,
) -> anyhow::Result<Vec<i64>> {
    if request.title.trim().is_empty() {
        return Err(bad_field("title", "must not be empty"));
    }
    let actions = request
        .actions
        .iter()
        .map(|a| {
            a.split_once(':')
                .filter(|(id, label)| !id.is_empty() && !label.is_empty())
                .map(|(id, label)| json!({"action": id, "title": label}))
                .ok_or_else(|| bad_field("actions", format!("\"{a}\" is not ID:LABEL")))
        })
        .collect::<anyhow::Result<Vec<Value>>>()?;
    for (field, url) in [("url", &request.url), ("icon", &request.icon)] {
        if let Some(url) = url
            && !(url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/'))
        {
            return Err(bad_field(field, format!("\"{url}\" is not a URL")));
        }
    }
    let mut payload = json!({"title": request.title});
    for (key, value) in [
        ("body", &request.body),
        ("url", &request.url),
        ("icon", &request.icon),
        ("tag", &request.tag),
    ] {
        if let Some(value) = value {
            payload[key] = Value::String(value.clone());
        }
    }
    if !actions.is_empty() {
        payload["actions"] = Value::Array(actions);
    }
    let payload = payload.to_string();
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(bad_field(
            "body",
            format!(
                "the payload is {} bytes, over the {MAX_PAYLOAD_BYTES} a push service accepts; shorten it",
                payload.len()
            ),
        ));
    }
    let ttl = request
        .ttl
        .unwrap_or(config.webpush.ttl)
        .as_secs()
        .min(u64::from(u32::MAX)) as u32;
    let content = PushContent {
        payload,
        ttl,
        urgency: request.urgency.unwrap_or(config.webpush.urgency),
        topic: request.tag.as_deref().map(topic),
    };
    let subscriptions = store.subscriptions(Some(&request.user))?;
    if subscriptions.is_empty() {
        return Ok(Vec::new());
    }
    let (body, rows) = send_to(&subscriptions, &content, 0, request.tag.as_deref())?;
    Ok(store.enqueue(&body, &rows, actor)?)
}

/// One notification's body and one row per subscription (its keys in the
/// row's vars), for `notify` and the workflow's notify action.
pub(crate) fn send_to(
    subscriptions: &[Subscription],
    content: &PushContent,
    priority: i32,
    tag: Option<&str>,
) -> anyhow::Result<(NewBody, Vec<NewRow>)> {
    let options = RowOptions {
        priority,
        tag: tag.map(str::to_string),
        ..RowOptions::default()
    };
    let rows = subscriptions
        .iter()
        .map(|s| {
            let keys = json!({"user": s.user, "p256dh": s.p256dh, "auth": s.auth}).to_string();
            options.row(s.endpoint.clone(), Some(keys))
        })
        .collect();
    let body = crate::ops::queue::body(Channel::Push, content, Vec::new())?;
    Ok((body, rows))
}

/// `config check` for Web Push: warnings, and loading the key.
pub(crate) struct PushCheck;

impl ChannelCheck for PushCheck {
    fn name(&self) -> &'static str {
        "webpush"
    }

    fn warnings(&self, config: &Config) -> Vec<String> {
        let mut warnings = Vec::new();
        match &config.webpush.private_key_file {
            None => warnings.push("webpush.private_key_file is not set: notifications cannot be sent".into()),
            Some(path) if !config.resolve_path(path).is_file() => warnings.push(format!(
                "webpush.private_key_file {} does not exist (see publik vapid generate)",
                config.resolve_path(path).display()
            )),
            Some(_) => {}
        }
        if config.webpush.subject.is_none() {
            warnings.push("webpush.subject is not set: notifications cannot be sent".into());
        }
        warnings
    }

    /// Push services are per browser vendor: nothing to probe; the key must load.
    fn connect(&self, config: &Config) -> anyhow::Result<String> {
        if config.webpush.private_key_file.is_none() {
            return Ok("not configured".into());
        }
        Ok(format!(
            "VAPID public key {}",
            crate::ops::push::public_key(config)?
        ))
    }
}

/// `queue show` for a notification row.
pub(crate) fn detail(body: &crate::store::Body) -> anyhow::Result<crate::ops::channel::ContentDetail> {
    let push: PushContent =
        serde_json::from_str(&body.content).context("stored notification is unreadable")?;
    Ok(crate::ops::channel::ContentDetail::Push {
        payload: serde_json::from_str(&push.payload).unwrap_or(serde_json::Value::Null),
        ttl: push.ttl,
        urgency: push.urgency,
        topic: push.topic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_32_url_safe_chars() {
        let t = topic("rendez-vous du 3 décembre");
        assert_eq!(t.len(), 32);
        assert!(crate::token::decode_base64url(&t).is_some());
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::testing::{config, json_from};

    const PIECES: &[&str] = &[
        "\"endpoint\"",
        "\"keys\"",
        "\"p256dh\"",
        "\"auth\"",
        "\"expirationTime\"",
        "\"https://push.example.org/x\"",
        "\"http://127.0.0.1:1/\"",
        "\"https://[::1\"",
        "\"BAAA\"",
        "\"AAAAAAAAAAAAAAAAAAAAAA\"",
        "null",
        "12",
        "\"\"",
        "\"https://\"",
        "\"https://a@b:99999/\"",
    ];

    proptest! {
        #![proptest_config(config())]

        /// Any subscription text is one or a clear error (65), never a panic.
        #[test]
        fn subscription_json_never_panics(text in json_from(PIECES)) {
            if let Err(e) = super::parse_subscription(&text, &[]) {
                prop_assert_eq!(crate::exit_codes::ExitCode::for_error(&e), crate::exit_codes::ExitCode::DataErr);
            }
        }
    }
}
