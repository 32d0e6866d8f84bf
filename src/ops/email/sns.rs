//! Amazon SNS messages, how SES events arrive: each is believed only when
//! its signature verifies against the certificate SNS signs with, fetched
//! from under `email.events.sns_url_prefix` only (so a forger cannot name a
//! certificate of their own), when it comes from the configured topic, and
//! when it is recent. SignatureVersion 2 (RSA with SHA-256) only: version
//! 1's SHA-1 is refused. A subscription is confirmed by visiting its
//! SubscribeURL, under the same prefix.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use serde_json::Value;

use crate::config::EmailEventsConfig;

/// How far a message's Timestamp may be from now: a replay after that is
/// refused (one within it changes nothing: events are idempotent).
const MAX_AGE: chrono::Duration = chrono::Duration::hours(1);
/// A certificate is a few kilobytes.
const MAX_CERTIFICATE: u64 = 64 * 1024;
const FETCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// What an SNS message came to.
pub(super) enum Opened {
    /// A notification: its Message (SES's JSON).
    Notification(String),
    /// A subscription confirmed (or an unsubscribe noted).
    Confirmed,
}

/// Why a message is not believed: said in the log, 403 to the sender.
#[derive(Debug)]
pub(super) struct Refused(pub(super) String);

fn field<'a>(message: &'a Value, name: &str) -> Option<&'a str> {
    message[name].as_str()
}

/// The text SNS signs: the message's fields in order, each `name\nvalue\n`.
fn string_to_sign(message: &Value, kind: &str) -> Result<String, Refused> {
    let names: &[&str] = match kind {
        "Notification" => &["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
        _ => &[
            "Message",
            "MessageId",
            "SubscribeURL",
            "Timestamp",
            "Token",
            "TopicArn",
            "Type",
        ],
    };
    let mut text = String::new();
    for name in names {
        match field(message, name) {
            Some(value) => {
                text.push_str(name);
                text.push('\n');
                text.push_str(value);
                text.push('\n');
            }
            // Only a notification's Subject is optional.
            None if *name == "Subject" => {}
            None => return Err(Refused(format!("no {name}"))),
        }
    }
    Ok(text)
}

/// The certificates fetched so far, by URL (DER).
fn cache() -> &'static Mutex<HashMap<String, Vec<u8>>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Vec<u8>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn under_prefix(url: &str, prefix: &str) -> bool {
    url.starts_with(prefix) && !url[prefix.len()..].contains(['@', '\\']) && !url.contains("..")
}

/// The signing certificate at `url` (DER), fetched once.
fn certificate(url: &str) -> Result<Vec<u8>, Refused> {
    if let Some(der) = cache().lock().unwrap_or_else(PoisonError::into_inner).get(url) {
        return Ok(der.clone());
    }
    let mut response = crate::ops::http_client::agent(FETCH_TIMEOUT)
        .get(url)
        .call()
        .map_err(|e| Refused(format!("cannot fetch the signing certificate {url}: {e}")))?;
    if response.status() != 200 {
        return Err(Refused(format!(
            "the signing certificate {url}: HTTP {}",
            response.status()
        )));
    }
    let pem = response
        .body_mut()
        .with_config()
        .limit(MAX_CERTIFICATE)
        .read_to_vec()
        .map_err(|e| Refused(format!("the signing certificate {url}: {e}")))?;
    use rustls_pki_types::pem::PemObject;
    let der = rustls_pki_types::CertificateDer::from_pem_slice(&pem)
        .map_err(|e| {
            Refused(format!(
                "the signing certificate {url}: not a PEM certificate ({e:?})"
            ))
        })?
        .to_vec();
    let mut cache = cache().lock().unwrap_or_else(PoisonError::into_inner);
    if cache.len() >= 16 {
        cache.clear();
    }
    cache.insert(url.to_string(), der.clone());
    Ok(der)
}

fn verify(message: &Value, kind: &str, prefix: &str) -> Result<(), Refused> {
    if field(message, "SignatureVersion") != Some("2") {
        return Err(Refused(
            "SignatureVersion 2 is required (set the topic's SignatureVersion attribute to 2)".into(),
        ));
    }
    let url = field(message, "SigningCertURL").unwrap_or_default();
    if !under_prefix(url, prefix) {
        return Err(Refused(format!(
            "signing certificate URL {url:?} is not under email.events.sns_url_prefix"
        )));
    }
    use base64::Engine;
    let signature = base64::engine::general_purpose::STANDARD
        .decode(field(message, "Signature").unwrap_or_default())
        .map_err(|_| Refused("Signature is not base64".into()))?;
    let signed = string_to_sign(message, kind)?;
    let der = certificate(url)?;
    let certificate = rustls_pki_types::CertificateDer::from(der.as_slice());
    let certificate = webpki::EndEntityCert::try_from(&certificate)
        .map_err(|e| Refused(format!("the signing certificate cannot be read: {e}")))?;
    certificate
        .verify_signature(
            webpki::ring::RSA_PKCS1_2048_8192_SHA256,
            signed.as_bytes(),
            &signature,
        )
        .map_err(|_| Refused("the signature does not verify".into()))
}

/// Checks an SNS message and, for a subscription, confirms it.
pub(super) fn open(config: &EmailEventsConfig, message: &Value) -> Result<Opened, Refused> {
    let prefix = config.sns_url_prefix.as_deref().unwrap_or_default();
    let kind = field(message, "Type").unwrap_or_default();
    if !matches!(
        kind,
        "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation"
    ) {
        return Err(Refused(format!("not an SNS message (Type {kind:?})")));
    }
    if let Some(topic) = &config.sns_topic_arn
        && field(message, "TopicArn") != Some(topic.as_str())
    {
        return Err(Refused(format!(
            "topic {:?} is not email.events.sns_topic_arn",
            field(message, "TopicArn").unwrap_or_default()
        )));
    }
    let at = field(message, "Timestamp")
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .ok_or_else(|| Refused("no valid Timestamp".into()))?;
    if (crate::clock::now() - at.with_timezone(&chrono::Utc)).abs() > MAX_AGE {
        return Err(Refused(format!("Timestamp {at} is more than an hour away")));
    }
    verify(message, kind, prefix)?;
    match kind {
        "Notification" => Ok(Opened::Notification(
            field(message, "Message").unwrap_or_default().to_string(),
        )),
        "SubscriptionConfirmation" => {
            let url = field(message, "SubscribeURL").unwrap_or_default();
            if !under_prefix(url, prefix) {
                return Err(Refused(format!(
                    "SubscribeURL {url:?} is not under email.events.sns_url_prefix"
                )));
            }
            let response = crate::ops::http_client::agent(FETCH_TIMEOUT)
                .get(url)
                .call()
                .map_err(|e| Refused(format!("cannot confirm the subscription: {e}")))?;
            if response.status() != 200 {
                return Err(Refused(format!(
                    "cannot confirm the subscription: HTTP {}",
                    response.status()
                )));
            }
            log::info!(
                "SNS subscription to {} confirmed",
                field(message, "TopicArn").unwrap_or_default()
            );
            Ok(Opened::Confirmed)
        }
        _ => {
            log::warn!(
                "SNS: unsubscribed from {}",
                field(message, "TopicArn").unwrap_or_default()
            );
            Ok(Opened::Confirmed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signed_text_is_built_as_sns_documents_it() {
        let message = serde_json::json!({
            "Type": "Notification", "MessageId": "m1", "TopicArn": "arn:t",
            "Message": "hello", "Timestamp": "2026-12-04T10:00:00.000Z",
        });
        assert_eq!(
            string_to_sign(&message, "Notification").unwrap(),
            "Message\nhello\nMessageId\nm1\nTimestamp\n2026-12-04T10:00:00.000Z\nTopicArn\narn:t\nType\nNotification\n"
        );
        assert!(string_to_sign(&message, "SubscriptionConfirmation").is_err());
    }

    #[test]
    fn certificates_come_from_under_the_prefix_only() {
        let prefix = "https://sns.eu-west-3.amazonaws.com/";
        assert!(under_prefix(
            "https://sns.eu-west-3.amazonaws.com/SimpleNotificationService-1.pem",
            prefix
        ));
        assert!(!under_prefix(
            "https://sns.eu-west-3.amazonaws.com.evil.org/x.pem",
            prefix
        ));
        assert!(!under_prefix(
            "https://sns.eu-west-3.amazonaws.com/../x.pem",
            prefix
        ));
        assert!(!under_prefix(
            "https://evil.org/https://sns.eu-west-3.amazonaws.com/",
            prefix
        ));
    }
}
