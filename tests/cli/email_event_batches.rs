//! A provider's batches of email events at their documented size (1 000
//! events a request), and a relay queue id believed only with the
//! recipient it was recorded for.

use std::io::{Read, Write};

use serde_json::{Value, json};

use crate::common::Env;
use crate::email_events::{SECRET, post, row, sent, sent_to};

/// A Mailjet `sent` event as its documentation shows one (~400 bytes).
fn mailjet_sent(email: &str, custom: &str, guid: &str) -> Value {
    json!({
        "event": "sent", "time": 1_796_000_000, "MessageID": 19_421_777_835_146_490_i64,
        "Message_GUID": guid, "email": email, "mj_campaign_id": 7257, "mj_contact_id": 4,
        "customcampaign": "", "mj_message_id": "19421777835146490",
        "smtp_reply": "sent (250 2.0.0 OK 1433333948 fa5si855896wjc.199 - gsmtp)",
        "CustomID": custom, "Payload": "",
    })
}

/// A grouped Mailjet call of 1 000 events (~400 KB) and 50 Brevo events
/// (~17 KB) are taken whole, each event counted.
#[test]
fn a_batch_of_a_thousand_events_is_taken() {
    let env = Env::new();
    let server = sent(&env, "mailjet");
    let served = env.serve();
    let url = format!("{}/email/events/{SECRET}/", served.base);
    let (alice, _) = sent_to(&server, "alice@example.org", "X-MJ-CustomID");
    let mut events = vec![mailjet_sent("alice@example.org", &alice, "g-alice")];
    events.extend((1..1000).map(|i| mailjet_sent(&format!("user{i}@example.org"), "", &format!("g-{i:06}"))));
    let body = Value::Array(events).to_string();
    assert!(body.len() > 300_000, "{}", body.len());
    let (status, answer) = post(&url, None, &body);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        (answer["applied"].clone(), answer["ignored"].clone()),
        (json!(1), json!(999))
    );
    assert_eq!(row(&env, "alice@example.org")["status"], "delivered");
}

#[test]
fn fifty_brevo_sized_events_are_taken() {
    let env = Env::new();
    let server = sent(&env, "brevo");
    let served = env.serve();
    let url = format!("{}/email/events/{SECRET}/", served.base);
    let (carol, _) = sent_to(&server, "carol@example.org", "X-Mailin-custom");
    let events: Vec<Value> = (0..50)
        .map(|i| {
            let (email, custom) = if i == 0 {
                ("carol@example.org".to_string(), carol.clone())
            } else {
                (format!("user{i}@example.org"), String::new())
            };
            json!({
                "event": "delivered", "email": email, "id": 1_234_567, "date": "2026-12-04 10:00:00",
                "ts": 1_796_000_000, "message-id": format!("<202612041000.{i:08}@smtp-relay.mailin.fr>"),
                "ts_event": 1_796_000_000, "subject": "Votre démarche a été enregistrée",
                "tag": "[\"publik\"]", "sending_ip": "185.41.28.109", "ts_epoch": 1_796_000_000_000_i64,
                "tags": ["publik"], "X-Mailin-custom": custom,
                "template_id": 12, "sender_email": "noreply@mairie.example.org",
            })
        })
        .collect();
    let body = Value::Array(events).to_string();
    assert!(body.len() > 16 * 1024, "{}", body.len());
    let (status, answer) = post(&url, None, &body);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        (answer["applied"].clone(), answer["ignored"].clone()),
        (json!(1), json!(49))
    );
    assert_eq!(row(&env, "carol@example.org")["status"], "delivered");

    // Over the bound: refused before the body is read, in JSON as the
    // provider reads every answer of this path.
    let mut raw = std::net::TcpStream::connect(served.base.trim_start_matches("http://")).unwrap();
    raw.write_all(
        format!(
            "POST /email/events/{SECRET}/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n",
            64 * 1024 * 1024
        )
        .as_bytes(),
    )
    .unwrap();
    let mut answer = String::new();
    raw.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
    assert!(answer.contains("Content-Type: application/json"), "{answer}");
    let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(body["err"], 1, "{body}");
}

/// The relay's queue id of a message is small and guessable: an event
/// naming it about another address changes nothing.
#[test]
fn a_guessed_queue_id_with_another_recipient_changes_nothing() {
    let env = Env::new();
    let server = sent(&env, "brevo");
    let served = env.serve();
    let url = format!("{}/email/events/{SECRET}/", served.base);
    let (_, carol_queue_id) = sent_to(&server, "carol@example.org", "X-Mailin-custom");
    let forged = json!({
        "event": "hard_bounce", "email": "mallory@example.org", "id": 7,
        "message-id": format!("<{carol_queue_id}>"), "reason": "550 unknown user",
    });
    let (status, answer) = post(&url, None, &forged.to_string());
    assert_eq!((status, answer["applied"].clone()), (200, json!(0)), "{answer}");
    let carol = row(&env, "carol@example.org");
    assert_eq!(carol["status"], "sent", "{carol}");
    // Named with its own recipient (any case), it is believed.
    let genuine = json!({
        "event": "hard_bounce", "email": "Carol@Example.org", "id": 7,
        "message-id": format!("<{carol_queue_id}>"), "reason": "550 unknown user",
    });
    assert_eq!(post(&url, None, &genuine.to_string()).1["applied"], 1);
    assert_eq!(row(&env, "carol@example.org")["status"], "failed");
}
