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

const SECRET: &str = "events-secret-0123456789";

/// A newsletter to bob (group nord) and a letter to alice, carol and dave,
/// sent through the relay with `email.events` set for `provider`.
fn sent(env: &Env, provider: &str) -> SmtpServer {
    let server = SmtpServer::start();
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@mairie.example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n  \
             events:\n    provider: {provider}\n    secret: {SECRET}\n",
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
fn sent_to(server: &SmtpServer, rcpt: &str, header: &str) -> (String, String) {
    let received = server.received();
    let index = received.iter().position(|r| r.rcpt_to[0] == rcpt).unwrap();
    let parsed = MessageParser::default().parse(&received[index].data).unwrap();
    let value = parsed.header_raw(header).unwrap().trim().to_string();
    (value, format!("Q{}", index + 1))
}

fn row(env: &Env, rcpt: &str) -> Value {
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

fn post(url: &str, header: Option<&str>, body: &str) -> (u16, Value) {
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
fn brevo_events_deliver_bounce_and_unsubscribe_once() {
    let env = Env::new();
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
}

#[test]
fn mailjet_grouped_events_are_applied_each() {
    let env = Env::new();
    let server = sent(&env, "mailjet");
    let served = env.serve();
    let (alice, _) = sent_to(&server, "alice@example.org", "X-MJ-CustomID");
    let (_, carol_queue_id) = sent_to(&server, "carol@example.org", "X-MJ-CustomID");
    let (bob, _) = sent_to(&server, "bob@example.org", "X-MJ-CustomID");
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
    let mut open = base("open", "alice@example.org", &alice, "g-open");
    open["ip"] = json!("127.0.0.1");
    let events = json!([
        base("sent", "alice@example.org", &alice, "g-alice"),
        bounce,
        base("unsub", "bob@example.org", &bob, "g-bob"),
        open,
    ]);
    let url = format!("{}/email/events/{SECRET}/", served.base);
    let (status, answer) = post(&url, None, &events.to_string());
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        (answer["applied"].clone(), answer["ignored"].clone()),
        (json!(3), json!(1))
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
    // Mailjet retries the whole batch: nothing more.
    let (_, answer) = post(&url, None, &events.to_string());
    assert_eq!(answer["applied"], 0, "{answer}");
}
