//! A provider's email events (`POST /email/events/` in `serve`): Brevo's
//! and Mailjet's webhooks, read into delivered, bounce, complaint and
//! unsubscribe, each applied to the row it proves. A row is found only by
//! what publik gave the provider: the row's proof (`publik.TAG.ID`, a MAC of
//! the id under the link key) echoed in the provider's custom header or
//! Message-ID, or the queue id the relay gave at send. An id guessed
//! without them finds nothing. A provider retries: an event applied twice
//! changes nothing the second time.

use serde::Serialize;
use serde_json::Value;

use crate::config::{EmailEventsConfig, EventsProvider};
use crate::link_key::LinkKey;
use crate::queue_row::{Channel, Status};
use crate::store::{Message, Store};

/// Events read from one request, at most: a provider batches a few.
const MAX_EVENTS: usize = 1000;

/// The header a provider echoes in its events, each row's proof in it.
pub(crate) fn custom_header(provider: EventsProvider) -> Option<&'static str> {
    match provider {
        EventsProvider::Brevo => Some("X-Mailin-custom"),
        EventsProvider::Mailjet => Some("X-MJ-CustomID"),
        // SES's notifications quote the Message-ID.
        EventsProvider::Ses => None,
    }
}

/// What an event says happened to a message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Happened {
    Delivered,
    Bounced {
        permanent: bool,
    },
    Complaint,
    Unsubscribed,
    /// Opens, clicks, a message accepted for sending: nothing to record.
    Other,
}

#[derive(Debug)]
struct ProviderEvent {
    happened: Happened,
    /// The event's name as the provider says it.
    name: String,
    /// The row's proof, if the provider echoed it.
    proof: Option<String>,
    /// The provider's ids of the message (matched against the relay's
    /// queue id recorded at send).
    provider_ids: Vec<String>,
    /// The addresses the event is about: a queue id is believed for its
    /// own recipient only.
    recipients: Vec<String>,
    reason: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct EventsReport {
    /// Events that changed a row (or its history, or a membership).
    pub applied: usize,
    /// Events about no row publik can prove, or already applied.
    pub ignored: usize,
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One Brevo event (one per request).
fn brevo(event: &Value) -> ProviderEvent {
    let name = text(&event["event"]).unwrap_or_default();
    let happened = match name.as_str() {
        "delivered" => Happened::Delivered,
        "hard_bounce" | "invalid_email" | "blocked" => Happened::Bounced { permanent: true },
        "soft_bounce" | "deferred" => Happened::Bounced { permanent: false },
        "spam" => Happened::Complaint,
        "unsubscribed" => Happened::Unsubscribed,
        _ => Happened::Other,
    };
    ProviderEvent {
        happened,
        name,
        proof: text(&event["X-Mailin-custom"]).or_else(|| text(&event["message-id"])),
        provider_ids: text(&event["message-id"]).into_iter().collect(),
        recipients: text(&event["email"]).into_iter().collect(),
        reason: text(&event["reason"]),
    }
}

/// One Mailjet event (a request holds one, or an array when grouped).
fn mailjet(event: &Value) -> ProviderEvent {
    let name = text(&event["event"]).unwrap_or_default();
    let happened = match name.as_str() {
        "sent" => Happened::Delivered,
        "bounce" => Happened::Bounced {
            permanent: event["hard_bounce"].as_bool().unwrap_or(false),
        },
        "blocked" => Happened::Bounced { permanent: true },
        "spam" => Happened::Complaint,
        "unsub" => Happened::Unsubscribed,
        _ => Happened::Other,
    };
    let reason = [text(&event["error"]), text(&event["comment"])]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(": ");
    ProviderEvent {
        happened,
        name,
        proof: text(&event["CustomID"]),
        provider_ids: [text(&event["Message_GUID"]), text(&event["MessageID"])]
            .into_iter()
            .flatten()
            .collect(),
        recipients: text(&event["email"]).into_iter().collect(),
        reason: (!reason.is_empty()).then_some(reason),
    }
}

/// One SES notification (an SNS message's Message): a delivery, a bounce
/// or a complaint, about the message its `mail` part names.
fn ses(notification: &Value) -> ProviderEvent {
    let name = text(&notification["notificationType"])
        .or_else(|| text(&notification["eventType"]))
        .unwrap_or_default();
    let mail = &notification["mail"];
    let quoted_id = mail["headers"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|h| {
            h["name"]
                .as_str()
                .is_some_and(|n| n.eq_ignore_ascii_case("message-id"))
        })
        .and_then(|h| text(&h["value"]));
    let bounce = &notification["bounce"];
    let (happened, reason) = match name.as_str() {
        "Delivery" => (Happened::Delivered, None),
        "Bounce" => (
            Happened::Bounced {
                permanent: bounce["bounceType"].as_str() == Some("Permanent"),
            },
            text(&bounce["bouncedRecipients"][0]["diagnosticCode"]).or_else(|| {
                text(&bounce["bounceSubType"])
                    .map(|s| format!("{} ({s})", bounce["bounceType"].as_str().unwrap_or("")))
            }),
        ),
        "Complaint" => (
            Happened::Complaint,
            text(&notification["complaint"]["complaintFeedbackType"]),
        ),
        _ => (Happened::Other, None),
    };
    ProviderEvent {
        happened,
        name,
        proof: text(&mail["commonHeaders"]["messageId"]).or(quoted_id),
        provider_ids: text(&mail["messageId"]).into_iter().collect(),
        recipients: ses_recipients(notification),
        reason,
    }
}

/// The addresses an SES notification is about: those its bounce,
/// complaint or delivery names, else the message's destination.
fn ses_recipients(notification: &Value) -> Vec<String> {
    let listed = |list: &Value, field: Option<&str>| -> Vec<String> {
        list.as_array()
            .into_iter()
            .flatten()
            .filter_map(|item| text(field.map_or(item, |f| &item[f])))
            .collect()
    };
    [
        listed(&notification["bounce"]["bouncedRecipients"], Some("emailAddress")),
        listed(
            &notification["complaint"]["complainedRecipients"],
            Some("emailAddress"),
        ),
        listed(&notification["delivery"]["recipients"], None),
    ]
    .into_iter()
    .find(|found| !found.is_empty())
    .unwrap_or_else(|| listed(&notification["mail"]["destination"], None))
}

/// The events of one request body; Err (400) when it is not the
/// provider's JSON.
fn parse(provider: EventsProvider, body: &[u8]) -> Result<Vec<ProviderEvent>, String> {
    let value: Value = serde_json::from_slice(body).map_err(|e| format!("not JSON: {e}"))?;
    if provider == EventsProvider::Ses {
        return Ok(vec![ses(&value)]);
    }
    let events = match value {
        Value::Array(events) => events,
        event @ Value::Object(_) => vec![event],
        _ => return Err("a JSON object or array of objects was expected".into()),
    };
    if events.len() > MAX_EVENTS {
        return Err(format!(
            "{} events in one request; at most {MAX_EVENTS}",
            events.len()
        ));
    }
    Ok(events
        .iter()
        .filter(|e| e.is_object())
        .map(|event| match provider {
            EventsProvider::Brevo => brevo(event),
            EventsProvider::Mailjet => mailjet(event),
            EventsProvider::Ses => ses(event),
        })
        .collect())
}

/// The email row an event is about: by the proof it echoes, else by the
/// relay's queue id recorded at send, for the recipient it was recorded for.
fn find_row(store: &Store, key: Option<&LinkKey>, event: &ProviderEvent) -> anyhow::Result<Option<Message>> {
    if let (Some(proof), Some(key)) = (&event.proof, key)
        && let Some(id) = super::proof::message_id_row(key, proof)
        && let Some(message) = store.message(id)?
        && message.channel == Channel::Email
    {
        return Ok(Some(message));
    }
    for provider_id in &event.provider_ids {
        let bare = provider_id.trim().trim_start_matches('<').trim_end_matches('>');
        if let Some(message) = store.message_by_provider_id(Channel::Email, bare)?
            && event
                .recipients
                .iter()
                .any(|address| address.trim().eq_ignore_ascii_case(&message.recipient))
        {
            return Ok(Some(message));
        }
    }
    Ok(None)
}

/// What a request came to.
pub(crate) enum Handled {
    Applied(EventsReport),
    /// Not the provider's JSON (400).
    Unreadable(String),
    /// An SNS message not believed (403).
    Refused(String),
}

/// Applies every event of a request; the report says how many counted.
pub(crate) fn handle_events(
    store: &mut Store,
    config: &EmailEventsConfig,
    key: Option<&LinkKey>,
    body: &[u8],
    actor: &str,
) -> anyhow::Result<Handled> {
    let body = if config.provider == EventsProvider::Ses {
        let Ok(envelope) = serde_json::from_slice::<Value>(body) else {
            return Ok(Handled::Unreadable("not JSON".into()));
        };
        match super::sns::open(config, &envelope) {
            Ok(super::sns::Opened::Notification(message)) => message.into_bytes(),
            Ok(super::sns::Opened::Confirmed) => return Ok(Handled::Applied(EventsReport::default())),
            Err(super::sns::Refused(why)) => return Ok(Handled::Refused(why)),
        }
    } else {
        body.to_vec()
    };
    let events = match parse(config.provider, &body) {
        Ok(events) => events,
        Err(why) => return Ok(Handled::Unreadable(why)),
    };
    let mut report = EventsReport::default();
    for event in events {
        let applied = match find_row(store, key, &event)? {
            Some(message) => apply(store, &message, &event, actor)?,
            None => {
                if event.happened != Happened::Other {
                    log::info!(
                        "email event {}: about no message publik can prove; ignored",
                        event.name
                    );
                }
                false
            }
        };
        if applied {
            report.applied += 1;
        } else {
            report.ignored += 1;
        }
    }
    Ok(Handled::Applied(report))
}

/// One event on its row; false when it changes nothing (a retry, an
/// event with nothing to record).
fn apply(store: &mut Store, message: &Message, event: &ProviderEvent, actor: &str) -> anyhow::Result<bool> {
    let id = message.id;
    let detail = event
        .reason
        .as_deref()
        .map(|r| format!(": {r}"))
        .unwrap_or_default();
    let reason = match &event.happened {
        Happened::Other => return Ok(false),
        Happened::Delivered => "delivered (provider event)".to_string(),
        Happened::Bounced { permanent: true } => format!("bounced (provider event {}){detail}", event.name),
        Happened::Bounced { permanent: false } => {
            format!("delivery delayed (provider event {}){detail}", event.name)
        }
        Happened::Complaint => "complaint: marked as spam by the recipient (provider event)".into(),
        Happened::Unsubscribed => "unsubscribed at the provider (provider event)".into(),
    };
    if store.has_event(id, &reason)? {
        return Ok(false);
    }
    match &event.happened {
        Happened::Delivered => {
            if message.status != Status::Sent {
                return Ok(false);
            }
            Ok(store.apply_receipt(id, Status::Delivered, crate::clock::now(), &reason, actor)?)
        }
        Happened::Bounced { permanent } => {
            if *permanent && message.status == Status::Failed {
                return Ok(false);
            }
            Ok(store
                .apply_bounce(id, *permanent, &reason, None, actor)?
                .is_some())
        }
        Happened::Complaint | Happened::Unsubscribed => {
            let complaint = event.happened == Happened::Complaint;
            Ok(store
                .unsubscribe_reported(id, &reason, complaint, actor)?
                .is_some())
        }
        Happened::Other => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brevo_and_mailjet_events_read_as_documented() {
        let brevo = parse(
            EventsProvider::Brevo,
            br#"{"event":"hard_bounce","email":"a@example.org","id":1,"message-id":"<x@smtp-relay.mailin.fr>","reason":"550 unknown user","X-Mailin-custom":"publik.t.7"}"#,
        )
        .unwrap();
        assert_eq!(brevo[0].happened, Happened::Bounced { permanent: true });
        assert_eq!(brevo[0].proof.as_deref(), Some("publik.t.7"));
        assert_eq!(brevo[0].provider_ids, ["<x@smtp-relay.mailin.fr>"]);
        let mailjet = parse(
            EventsProvider::Mailjet,
            br#"[{"event":"bounce","hard_bounce":false,"MessageID":19421777835146490,"Message_GUID":"1ab23cd4","CustomID":"publik.t.8","error":"mailbox full"},{"event":"open"}]"#,
        )
        .unwrap();
        assert_eq!(mailjet[0].happened, Happened::Bounced { permanent: false });
        assert_eq!(mailjet[0].provider_ids, ["1ab23cd4", "19421777835146490"]);
        assert_eq!(mailjet[1].happened, Happened::Other);
        assert!(parse(EventsProvider::Brevo, b"[1, 2").is_err());
        assert!(parse(EventsProvider::Brevo, b"\"text\"").is_err());
    }
}
