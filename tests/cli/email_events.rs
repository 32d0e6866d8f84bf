//! A provider's email events posted to `serve` (`POST /email/events/`):
//! Brevo's and Mailjet's webhook payloads as their documentation shows
//! them, each finding its row by the proof publik sent in the provider's
//! custom header or by the relay's queue id, applied once however often
//! the provider retries; a forged event changes nothing.

use std::time::Duration;

use mail_parser::MessageParser;
use serde_json::{Value, json};

use crate::common::smtp::SmtpServer;
use crate::common::{self, Env};

pub(crate) const SECRET: &str = "events-secret-0123456789";

/// A newsletter to bob (group nord) and a letter to alice, carol and dave,
/// sent through the relay with `email.events` set for `provider`.
pub(crate) fn sent(env: &Env, provider: &str) -> SmtpServer {
    sent_with(env, provider, "")
}

/// `sent`, with more lines under `email.events`.
fn sent_with(env: &Env, provider: &str, events: &str) -> SmtpServer {
    let server = SmtpServer::start();
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@mairie.example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n  \
             events:\n    provider: {provider}\n    secret: {SECRET}\n{events}",
            server.port()
        ),
    );
    common::queue_newsletter(env, "Bonjour\n");
    env.write("letter.txt", "Madame, Monsieur,\n");
    env.publik()
        .args(["enqueue", "email", "--subject", "Lettre", "--text", "letter.txt"])
        .args([
            "--bcc",
            "alice@example.org",
            "--bcc",
            "carol@example.org",
            "--bcc",
            "dave@example.org",
        ])
        .assert()
        .success();
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(30))
        .assert()
        .success();
    assert_eq!(server.count(), 4);
    server
}

/// The value of `header` in the message sent to `rcpt`, and the relay's
/// queue id for it (Q1, Q2… in arrival order).
pub(crate) fn sent_to(server: &SmtpServer, rcpt: &str, header: &str) -> (String, String) {
    let received = server.received();
    let index = received.iter().position(|r| r.rcpt_to[0] == rcpt).unwrap();
    let parsed = MessageParser::default().parse(&received[index].data).unwrap();
    let value = parsed.header_raw(header).unwrap().trim().to_string();
    (value, format!("Q{}", index + 1))
}

pub(crate) fn row(env: &Env, rcpt: &str) -> Value {
    let list = env.json(&["queue", "list"]);
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["recipient"] == rcpt)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    env.json(&["queue", "show", &id.to_string()])
}

fn events_of(row: &Value) -> usize {
    row["events"].as_array().unwrap().len()
}

pub(crate) fn post(url: &str, header: Option<&str>, body: &str) -> (u16, Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.post(url).header("Content-Type", "application/json");
    if let Some(secret) = header {
        request = request.header("X-Publik-Secret", secret);
    }
    let mut response = request.send(body).unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_json().unwrap_or_default())
}

#[test]
fn brevo_events_deliver_bounce_and_unsubscribe_once_on_sqlite() {
    brevo_events_deliver_bounce_and_unsubscribe_once(common::Kind::Sqlite);
}

#[test]
fn brevo_events_deliver_bounce_and_unsubscribe_once_on_postgresql() {
    brevo_events_deliver_bounce_and_unsubscribe_once(common::Kind::Postgres);
}

fn brevo_events_deliver_bounce_and_unsubscribe_once(kind: common::Kind) {
    let env = Env::on(kind);
    let server = sent(&env, "brevo");
    let served = env.serve();
    let with_secret = format!("{}/email/events/{SECRET}/", served.base);
    let (alice, _) = sent_to(&server, "alice@example.org", "X-Mailin-custom");
    let (_, carol_queue_id) = sent_to(&server, "carol@example.org", "X-Mailin-custom");
    let (dave, _) = sent_to(&server, "dave@example.org", "X-Mailin-custom");
    let (bob, _) = sent_to(&server, "bob@example.org", "X-Mailin-custom");
    let event = |name: &str, proof: Option<&str>, message_id: &str, email: &str| {
        let mut event = json!({
            "event": name, "email": email, "id": 7, "date": "2026-12-04 10:00:00",
            "ts": 1_796_000_000, "message-id": message_id, "ts_event": 1_796_000_000,
            "subject": "Lettre", "sending_ip": "1.2.3.4", "ts_epoch": 1_796_000_000_000_i64,
        });
        if let Some(proof) = proof {
            event["X-Mailin-custom"] = json!(proof);
        }
        event
    };

    // A wrong secret, in the path or the header: 403, nothing changed.
    let delivered = event(
        "delivered",
        Some(&alice),
        "<other@smtp-relay.mailin.fr>",
        "alice@example.org",
    );
    let wrong = format!("{}/email/events/{}/", served.base, "x".repeat(SECRET.len()));
    assert_eq!(post(&wrong, None, &delivered.to_string()).0, 403);
    assert_eq!(
        post(
            &format!("{}/email/events/", served.base),
            Some("nope"),
            &delivered.to_string()
        )
        .0,
        403
    );
    assert_eq!(row(&env, "alice@example.org")["status"], "sent");

    // Delivered, by the proof in the custom header; a retry changes nothing.
    let (status, answer) = post(&with_secret, None, &delivered.to_string());
    assert_eq!((status, answer["applied"].clone()), (200, json!(1)), "{answer}");
    let alice_row = row(&env, "alice@example.org");
    assert_eq!(alice_row["status"], "delivered", "{alice_row}");
    let (_, answer) = post(&with_secret, None, &delivered.to_string());
    assert_eq!(answer["applied"], 0);
    assert_eq!(events_of(&row(&env, "alice@example.org")), events_of(&alice_row));

    // A hard bounce found by the relay's queue id, the secret in the header.
    let mut hard = event(
        "hard_bounce",
        None,
        &format!("<{carol_queue_id}>"),
        "carol@example.org",
    );
    hard["reason"] = json!("550 5.1.1 unknown user");
    let (status, answer) = post(
        &format!("{}/email/events/", served.base),
        Some(SECRET),
        &hard.to_string(),
    );
    assert_eq!((status, answer["applied"].clone()), (200, json!(1)), "{answer}");
    let carol = row(&env, "carol@example.org");
    assert_eq!(carol["status"], "failed");
    assert!(
        carol["last_error"]
            .as_str()
            .unwrap()
            .contains("550 5.1.1 unknown user"),
        "{carol}"
    );

    // A soft bounce is history only.
    let soft = event(
        "soft_bounce",
        Some(&dave),
        "<d@smtp-relay.mailin.fr>",
        "dave@example.org",
    );
    assert_eq!(post(&with_secret, None, &soft.to_string()).1["applied"], 1);
    // Another event about dave, then the first one retried: nothing more.
    let deferred = event(
        "deferred",
        Some(&dave),
        "<d@smtp-relay.mailin.fr>",
        "dave@example.org",
    );
    assert_eq!(post(&with_secret, None, &deferred.to_string()).1["applied"], 1);
    assert_eq!(post(&with_secret, None, &soft.to_string()).1["applied"], 0);
    let dave_row = row(&env, "dave@example.org");
    assert_eq!(dave_row["status"], "sent");
    assert!(
        dave_row["events"].to_string().contains("delivery delayed"),
        "{dave_row}"
    );

    // A spam complaint about the newsletter: bob leaves the group.
    let spam = event("spam", Some(&bob), "<b@smtp-relay.mailin.fr>", "bob@example.org");
    assert_eq!(post(&with_secret, None, &spam.to_string()).1["applied"], 1);
    let members = env.json(&["group", "members", "nord"]);
    assert_eq!(members[0]["status"], "unsubscribed", "{members}");
    assert_eq!(members[0]["unsubscribe_reason"], "complaint", "{members}");
    assert!(
        row(&env, "bob@example.org")["events"]
            .to_string()
            .contains("complaint")
    );

    // A row id guessed without its proof: nothing.
    let alice_id = alice.rsplit('.').next().unwrap();
    let guessed = event(
        "hard_bounce",
        Some(&format!(
            "publik.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.{alice_id}"
        )),
        "<guess@smtp-relay.mailin.fr>",
        "alice@example.org",
    );
    let (status, answer) = post(&with_secret, None, &guessed.to_string());
    assert_eq!((status, answer["applied"].clone()), (200, json!(0)));
    assert_eq!(row(&env, "alice@example.org")["status"], "delivered");

    // Not the provider's JSON.
    assert_eq!(post(&with_secret, None, "[{").0, 400);

    // What came back, counted per channel for monitoring.
    let stats = env.json(&["queue", "stats"]);
    assert_eq!(
        stats["returned"],
        json!([{"channel": "email", "bounced": 1, "delayed": 2, "complaints": 1}]),
        "{stats}"
    );
    let metrics = env
        .publik()
        .args(["queue", "stats", "--format", "openmetrics"])
        .output()
        .unwrap();
    let metrics = String::from_utf8(metrics.stdout).unwrap();
    for line in [
        "publik_bounced_total{channel=\"email\",kind=\"hard\"} 1",
        "publik_bounced_total{channel=\"email\",kind=\"soft\"} 2",
        "publik_complaints_total{channel=\"email\"} 1",
    ] {
        assert!(metrics.lines().any(|l| l == line), "{line} not in {metrics}");
    }
    let check = env.publik().args(["queue", "check"]).output().unwrap();
    let check = String::from_utf8(check.stdout).unwrap();
    assert!(check.trim_end().ends_with("bounced=1c complaints=1c"), "{check}");
}

#[test]
fn mailjet_grouped_events_are_applied_each() {
    let env = Env::new();
    let server = sent(&env, "mailjet");
    let served = env.serve();
    let (alice, _) = sent_to(&server, "alice@example.org", "X-MJ-CustomID");
    let (_, carol_queue_id) = sent_to(&server, "carol@example.org", "X-MJ-CustomID");
    let (bob, _) = sent_to(&server, "bob@example.org", "X-MJ-CustomID");
    let (dave, _) = sent_to(&server, "dave@example.org", "X-MJ-CustomID");
    let base = |name: &str, email: &str, custom: &str, guid: &str| {
        json!({
            "event": name, "time": 1_796_000_000, "MessageID": 19_421_777_835_146_490_i64,
            "Message_GUID": guid, "email": email, "mj_campaign_id": 0, "mj_contact_id": 0,
            "customcampaign": "", "CustomID": custom, "Payload": "",
        })
    };
    let mut bounce = base("bounce", "carol@example.org", "", &carol_queue_id);
    bounce["blocked"] = json!(false);
    bounce["hard_bounce"] = json!(true);
    bounce["error_related_to"] = json!("recipient");
    bounce["error"] = json!("user unknown");
    bounce["comment"] = json!("Host or domain name not found");
    let mut blocked = base("blocked", "dave@example.org", &dave, "g-dave");
    blocked["error_related_to"] = json!("recipient");
    blocked["error"] = json!("preblocked");
    let mut open = base("open", "alice@example.org", &alice, "g-open");
    open["ip"] = json!("127.0.0.1");
    let events = json!([
        base("sent", "alice@example.org", &alice, "g-alice"),
        bounce,
        base("unsub", "bob@example.org", &bob, "g-bob"),
        blocked,
        open,
    ]);
    let url = format!("{}/email/events/{SECRET}/", served.base);
    let (status, answer) = post(&url, None, &events.to_string());
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        (answer["applied"].clone(), answer["ignored"].clone()),
        (json!(4), json!(1))
    );
    let dave = row(&env, "dave@example.org");
    assert_eq!(dave["status"], "failed");
    assert!(
        dave["last_error"].as_str().unwrap().contains("preblocked"),
        "{dave}"
    );
    assert_eq!(row(&env, "alice@example.org")["status"], "delivered");
    let carol = row(&env, "carol@example.org");
    assert_eq!(carol["status"], "failed");
    assert!(
        carol["last_error"].as_str().unwrap().contains("user unknown"),
        "{carol}"
    );
    let members = env.json(&["group", "members", "nord"]);
    assert_eq!(members[0]["status"], "unsubscribed", "{members}");
    assert_eq!(members[0]["unsubscribe_reason"], "provider", "{members}");
    // Mailjet retries the whole batch: nothing more.
    let (_, answer) = post(&url, None, &events.to_string());
    assert_eq!(answer["applied"], 0, "{answer}");
}

const TOPIC: &str = "arn:aws:sns:eu-west-3:123456789012:publik-ses";

/// What SNS signs (its documentation's order), signed with `key`.
fn signed_by_sns(key: &ring::signature::RsaKeyPair, mut message: Value) -> Value {
    let names: &[&str] = if message["Type"] == "Notification" {
        &["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
    } else {
        &[
            "Message",
            "MessageId",
            "SubscribeURL",
            "Timestamp",
            "Token",
            "TopicArn",
            "Type",
        ]
    };
    let mut text = String::new();
    for name in names {
        if let Some(value) = message[*name].as_str() {
            text.push_str(&format!("{name}\n{value}\n"));
        }
    }
    let mut signature = vec![0; key.public().modulus_len()];
    key.sign(
        &ring::signature::RSA_PKCS1_SHA256,
        &ring::rand::SystemRandom::new(),
        text.as_bytes(),
        &mut signature,
    )
    .unwrap();
    use base64::Engine;
    message["Signature"] = json!(base64::engine::general_purpose::STANDARD.encode(signature));
    message
}

/// An SES notification in an SNS envelope, as SNS posts it.
fn sns_notification(cert_url: &str, notification: Value) -> Value {
    json!({
        "Type": "Notification",
        "MessageId": format!("sns-{}", notification["notificationType"]),
        "TopicArn": TOPIC,
        "Message": notification.to_string(),
        "Timestamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "SignatureVersion": "2",
        "SigningCertURL": cert_url,
        "UnsubscribeURL": "https://sns.example/unsubscribe",
    })
}

/// SES's notification of `kind` about the message sent to `rcpt`.
fn ses_notification(kind: &str, rcpt: &str, message_id: &str, ses_id: &str) -> Value {
    let mut notification = json!({
        "notificationType": kind,
        "mail": {
            "timestamp": "2026-12-04T10:00:00.000Z",
            "source": "noreply@mairie.example.org",
            "sourceArn": "arn:aws:ses:eu-west-3:123456789012:identity/mairie.example.org",
            "sendingAccountId": "123456789012",
            "messageId": ses_id,
            "destination": [rcpt],
            "headersTruncated": false,
            "headers": [{"name": "Message-ID", "value": message_id}],
            "commonHeaders": {"from": ["Mairie <noreply@mairie.example.org>"], "to": [rcpt], "messageId": message_id, "subject": "Lettre"},
        },
    });
    match kind {
        "Bounce" => {
            notification["bounce"] = json!({
                "bounceType": "Permanent", "bounceSubType": "General",
                "bouncedRecipients": [{"emailAddress": rcpt, "action": "failed", "status": "5.1.1",
                    "diagnosticCode": "smtp; 550 5.1.1 user unknown"}],
                "timestamp": "2026-12-04T10:00:01.000Z", "feedbackId": "0100018c-bounce",
            })
        }
        "Complaint" => {
            notification["complaint"] = json!({
                "complainedRecipients": [{"emailAddress": rcpt}], "timestamp": "2026-12-04T10:00:01.000Z",
                "feedbackId": "0100018c-complaint", "complaintFeedbackType": "abuse",
            })
        }
        _ => {
            notification["delivery"] = json!({
                "timestamp": "2026-12-04T10:00:01.000Z", "processingTimeMillis": 500,
                "recipients": [rcpt], "smtpResponse": "250 ok", "reportingMTA": "a8-70.smtp-out.amazonses.com",
            })
        }
    }
    notification
}

/// Amazon SES events through SNS: the subscription confirmed, then each
/// notification believed only with a signature that verifies against the
/// certificate fetched from under the configured prefix, from the topic
/// configured; a replay changes nothing; a forged one (another key, a
/// certificate elsewhere, another topic, SignatureVersion 1) is 403.
#[test]
fn ses_notifications_through_sns_are_verified_then_applied() {
    let env = Env::new();
    let key_file = env.path("sns-key.pem");
    let made = std::process::Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
        ])
        .arg(&key_file)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let key_pem = std::fs::read_to_string(&key_file).unwrap();
    let signing_key = rcgen::KeyPair::from_pem_and_sign_algo(&key_pem, &rcgen::PKCS_RSA_SHA256).unwrap();
    let cert = rcgen::CertificateParams::new(vec!["sns.eu-west-3.amazonaws.com".to_string()])
        .unwrap()
        .self_signed(&signing_key)
        .unwrap()
        .pem();
    let key = ring::signature::RsaKeyPair::from_pkcs8(&signing_key.serialize_der()).unwrap();
    let sns = common::http::HttpServer::start(move |request| common::http::Reply {
        status: 200,
        headers: Vec::new(),
        body: if request.url.ends_with(".pem") {
            cert.clone()
        } else {
            "<ConfirmSubscriptionResponse/>".into()
        },
        delay: Duration::ZERO,
    });
    let prefix = sns.url("/");
    let server = sent_with(
        &env,
        "ses",
        &format!("    sns_url_prefix: {prefix}\n    sns_topic_arn: {TOPIC}\n"),
    );
    let served = env.serve();
    let url = format!("{}/email/events/{SECRET}/", served.base);
    let cert_url = sns.url("/SimpleNotificationService-test.pem");
    let message_id = |rcpt: &str| {
        let received = server.received();
        let index = received.iter().position(|r| r.rcpt_to[0] == rcpt).unwrap();
        let parsed = MessageParser::default().parse(&received[index].data).unwrap();
        format!("<{}>", parsed.message_id().unwrap())
    };

    // The subscription, confirmed by visiting its SubscribeURL.
    let confirmation = signed_by_sns(
        &key,
        json!({
            "Type": "SubscriptionConfirmation", "MessageId": "sns-confirm", "Token": "tok",
            "TopicArn": TOPIC, "Message": "You have chosen to subscribe to the topic.",
            "SubscribeURL": format!("{prefix}?Action=ConfirmSubscription&TopicArn={TOPIC}&Token=tok"),
            "Timestamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "SignatureVersion": "2", "SigningCertURL": cert_url,
        }),
    );
    assert_eq!(post(&url, None, &confirmation.to_string()).0, 200);
    assert!(
        sns.requests()
            .iter()
            .any(|r| r.url.contains("Action=ConfirmSubscription"))
    );

    let bounce = signed_by_sns(
        &key,
        sns_notification(
            &cert_url,
            ses_notification(
                "Bounce",
                "carol@example.org",
                &message_id("carol@example.org"),
                "ses-carol",
            ),
        ),
    );
    let (status, answer) = post(&url, None, &bounce.to_string());
    assert_eq!((status, answer["applied"].clone()), (200, json!(1)), "{answer}");
    let carol = row(&env, "carol@example.org");
    assert_eq!(carol["status"], "failed");
    assert!(
        carol["last_error"]
            .as_str()
            .unwrap()
            .contains("550 5.1.1 user unknown"),
        "{carol}"
    );
    // SNS delivers at least once: the same message again changes nothing.
    assert_eq!(post(&url, None, &bounce.to_string()).1["applied"], 0);
    assert_eq!(events_of(&row(&env, "carol@example.org")), events_of(&carol));

    let delivery = signed_by_sns(
        &key,
        sns_notification(
            &cert_url,
            ses_notification(
                "Delivery",
                "alice@example.org",
                &message_id("alice@example.org"),
                "ses-alice",
            ),
        ),
    );
    assert_eq!(post(&url, None, &delivery.to_string()).1["applied"], 1);
    assert_eq!(row(&env, "alice@example.org")["status"], "delivered");
    let complaint = signed_by_sns(
        &key,
        sns_notification(
            &cert_url,
            ses_notification(
                "Complaint",
                "bob@example.org",
                &message_id("bob@example.org"),
                "ses-bob",
            ),
        ),
    );
    assert_eq!(post(&url, None, &complaint.to_string()).1["applied"], 1);
    assert_eq!(
        env.json(&["group", "members", "nord"])[0]["status"],
        "unsubscribed"
    );

    // Forged: each is 403 and dave's row stays as it was.
    let dave = ses_notification(
        "Bounce",
        "dave@example.org",
        &message_id("dave@example.org"),
        "ses-dave",
    );
    let other_key = {
        let pem = std::process::Command::new("openssl")
            .args(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])
            .output()
            .unwrap()
            .stdout;
        let pair =
            rcgen::KeyPair::from_pem_and_sign_algo(&String::from_utf8(pem).unwrap(), &rcgen::PKCS_RSA_SHA256)
                .unwrap();
        ring::signature::RsaKeyPair::from_pkcs8(&pair.serialize_der()).unwrap()
    };
    let mut elsewhere = sns_notification("https://evil.example/cert.pem", dave.clone());
    elsewhere = signed_by_sns(&key, elsewhere);
    let mut other_topic = sns_notification(&cert_url, dave.clone());
    other_topic["TopicArn"] = json!("arn:aws:sns:eu-west-3:999999999999:other");
    let mut version_1 = sns_notification(&cert_url, dave.clone());
    version_1["SignatureVersion"] = json!("1");
    let mut stale = sns_notification(&cert_url, dave.clone());
    stale["Timestamp"] = json!("2026-01-01T00:00:00.000Z");
    let mut tampered = signed_by_sns(
        &key,
        sns_notification(
            &cert_url,
            ses_notification(
                "Delivery",
                "dave@example.org",
                &message_id("dave@example.org"),
                "ses-dave",
            ),
        ),
    );
    tampered["Message"] = json!(dave.to_string());
    for (what, forged) in [
        (
            "another key",
            signed_by_sns(&other_key, sns_notification(&cert_url, dave.clone())),
        ),
        ("a certificate elsewhere", elsewhere),
        ("another topic", signed_by_sns(&key, other_topic)),
        ("SignatureVersion 1", signed_by_sns(&key, version_1)),
        ("an old message", signed_by_sns(&key, stale)),
        ("a message changed after signing", tampered),
    ] {
        assert_eq!(post(&url, None, &forged.to_string()).0, 403, "{what}");
    }
    assert!(!sns.requests().iter().any(|r| r.url.contains("evil")));
    assert_eq!(row(&env, "dave@example.org")["status"], "sent");
}
