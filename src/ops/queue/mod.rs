//! The queue mechanism shared by every channel: recover expired leases, claim
//! ready rows in small atomic batches, hand each to its channel's sender, and
//! record the outcome (sent / error with backoff / failed) with its history.

mod lanes;
mod lease;
mod run;

use std::collections::VecDeque;
use std::time::Instant;

use serde::Serialize;

use crate::clock::{self, Timestamp};
use crate::config::{QueueConfig, Rate};
use crate::duration::Duration;
use crate::queue_row::{Channel, Source, Status};
use crate::store::{Body, Message, NewAttachment, NewBody, NewRow, Transition};
use lease::RunStore;

pub(crate) use run::run;

/// What the rows of one send share, whatever the channel.
#[derive(Debug, Clone, Default)]
pub(crate) struct RowOptions {
    pub priority: i32,
    pub tag: Option<String>,
    pub not_before: Option<Timestamp>,
    pub expires_at: Option<Timestamp>,
}

impl RowOptions {
    /// The options of a send as a user gives them (`--tag`, `--not-before`,
    /// `--expires-in`), checked the same way for every channel.
    pub(crate) fn from_request(
        priority: i32,
        tag: Option<&str>,
        not_before: Option<&str>,
        expires_in: Option<Duration>,
    ) -> anyhow::Result<RowOptions> {
        if let Some(tag) = tag
            && (tag.is_empty() || tag.contains(|c: char| c.is_control()))
        {
            return Err(crate::exit_codes::bad_field(
                "tag",
                format!("invalid tag {tag:?}"),
            ));
        }
        Ok(RowOptions {
            priority,
            tag: tag.map(str::to_string),
            not_before: not_before
                .map(|t| clock::parse_time("not_before", t))
                .transpose()?,
            expires_at: expires_in.map(|d| clock::now() + d.chrono()),
        })
    }

    /// The row of one recipient, with its own variables if any.
    pub(crate) fn row(&self, recipient: String, vars: Option<String>) -> NewRow {
        NewRow {
            recipient,
            vars,
            priority: self.priority,
            tag: self.tag.clone(),
            not_before: self.not_before,
            expires_at: self.expires_at,
        }
    }
}

/// A channel's content, stored once as JSON for all the rows of a send.
pub(crate) fn body<T: Serialize>(
    channel: Channel,
    content: &T,
    attachments: Vec<NewAttachment>,
) -> anyhow::Result<NewBody> {
    Ok(NewBody {
        channel,
        content: serde_json::to_string(content)?,
        attachments,
    })
}

/// What a channel's sender says about one delivery attempt.
#[derive(Debug, Clone)]
pub(crate) enum Delivery {
    /// Accepted by the peer.
    Sent {
        provider_id: Option<String>,
        reply: String,
    },
    /// Temporary failure: try again later (after `retry_after` if the peer said so).
    Retry {
        reason: String,
        retry_after: Option<Duration>,
    },
    /// Permanent failure: never retried.
    Failed { reason: String },
    /// The peer cannot be reached at all; nothing was sent for this row.
    /// The run stops for this channel and leaves its rows untouched.
    PeerDown { reason: String },
    /// The recipient no longer exists (a push subscription the service
    /// forgot): failed, and the recipient is removed.
    RecipientGone { reason: String },
    /// Refused because of how we send, not what (a VAPID key or subject the
    /// push service rejects): failed, and the run reports it once, loudly.
    Rejected { reason: String },
}

/// One lane of a channel: delivers one row at a time, keeping its
/// connection between calls and reopening it after a failure.
pub(crate) trait Sender: Send {
    fn deliver(&mut self, message: &Message, body: &Body) -> Delivery;

    /// Whether `deliver_then` can use the lane's next row (an SMTP relay
    /// that pipelines: the next transaction starts with this one's end).
    fn wants_next(&self) -> bool {
        false
    }

    /// Delivers `message`, and may begin `next` in the same round trip; the
    /// lane's next call is then for `next` (or `abandon`). This message's
    /// outcome is known before `next`'s content goes.
    fn deliver_then(&mut self, message: &Message, body: &Body, next: Option<(&Message, &Body)>) -> Delivery {
        let _ = next;
        self.deliver(message, body)
    }

    /// The row begun by `deliver_then` will not be sent by this lane.
    fn abandon(&mut self) {}
}

/// A channel's lanes, each delivering in its own thread (SMTP connections,
/// push workers); one for a channel that sends in sequence. A kill may lose
/// the outcomes of as many rows as there are lanes (each is sent again
/// once its lease runs out).
pub(crate) type Lanes = Vec<Box<dyn Sender>>;

/// Gives the lanes of a channel, created on first use (so a run with no
/// email rows never connects to SMTP).
pub(crate) trait Senders {
    fn lanes(&mut self, channel: Channel) -> anyhow::Result<&mut Lanes>;

    /// A channel's own rate across its lanes (`sms.rate`, as providers cap
    /// it), held with `queue.rate` by the lanes before each send.
    fn rate(&self, channel: Channel) -> Option<Rate> {
        let _ = channel;
        None
    }
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub source: Source,
    pub channels: Vec<Channel>,
    pub limit: Option<u32>,
    pub time_limit: Option<Duration>,
    pub dry_run: bool,
    /// Rows created longer ago than this are not sent (failed, "too old").
    pub max_age: Option<Duration>,
    /// Who the history names, e.g. `send-queue[1234]`.
    pub actor: String,
    /// Only these rows (`--id`), pending or error, whatever their schedule.
    pub only: Vec<i64>,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct RunReport {
    pub sent: u32,
    pub retry: u32,
    pub failed: u32,
    pub expired: u32,
    /// Rows found in `sending` with an expired lease, put back to work.
    pub recovered: u32,
    /// Rows claimed and given back untouched (peer down, time limit, stop).
    pub released: u32,
    /// The signal that stopped the run before the queue was empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped_by: Option<&'static str>,
    /// Channels whose peer could not be reached, with the reason.
    pub peers_down: Vec<PeerFailure>,
    /// The run stopped sending because it could not renew its leases (the
    /// database out of reach): why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lease_lost: Option<String>,
    /// Problems with our own credentials or settings, said once per run.
    pub rejected: Vec<String>,
    /// Channels that cannot send at all (not configured, key missing):
    /// their rows were left pending, the other channels went on.
    pub unavailable: Vec<PeerFailure>,
    /// Recipients removed because the peer said they are gone.
    pub recipients_removed: u32,
    /// A dry run: the rows that would be sent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub would_send: Vec<Message>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PeerFailure {
    pub channel: Channel,
    pub reason: String,
}

/// Delay before attempt `attempts + 1`: base·2^(attempts−1), capped at max,
/// with "equal jitter" (between half and all of it) so that a burst of
/// failures does not come back all at once.
pub(crate) fn backoff(config: &QueueConfig, attempts: u32, jitter: f64) -> Duration {
    let base = config.backoff.base.as_secs();
    let exponent = attempts.saturating_sub(1).min(40);
    let full = base
        .saturating_mul(1u64 << exponent)
        .min(config.backoff.max.as_secs());
    let jitter = jitter.clamp(0.0, 1.0);
    let secs = full as f64 / 2.0 + jitter * full as f64 / 2.0;
    Duration::from_secs(secs.round().max(1.0) as u64)
}

fn random_unit() -> f64 {
    let mut bytes = [0u8; 8];
    // A jitter is no secret: if the OS source fails, no jitter is fine.
    if getrandom::fill(&mut bytes).is_err() {
        return 1.0;
    }
    (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64
}

/// Turns a delivery outcome into the row's next status.
pub(crate) fn transition(
    config: &QueueConfig,
    message: &Message,
    delivery: Delivery,
    now: Timestamp,
) -> Transition {
    match delivery {
        Delivery::Sent { provider_id, reply } => Transition {
            status: Status::Sent,
            reason: "sent".into(),
            detail: Some(reply),
            next_attempt_at: None,
            provider_id,
        },
        Delivery::Failed { reason } | Delivery::RecipientGone { reason } | Delivery::Rejected { reason } => {
            Transition {
                status: Status::Failed,
                reason,
                detail: None,
                next_attempt_at: None,
                provider_id: None,
            }
        }
        Delivery::Retry { reason, retry_after } => {
            if message.attempts >= config.max_attempts {
                return Transition {
                    status: Status::Failed,
                    reason: format!("gave up after {} attempts: {reason}", message.attempts),
                    detail: None,
                    next_attempt_at: None,
                    provider_id: None,
                };
            }
            let delay = retry_after.unwrap_or_else(|| backoff(config, message.attempts, random_unit()));
            Transition {
                status: Status::Error,
                reason,
                detail: None,
                next_attempt_at: Some(now + delay.chrono()),
                provider_id: None,
            }
        }
        // The run loop releases such rows; if one gets here, it is a retry.
        Delivery::PeerDown { reason } => transition(
            config,
            message,
            Delivery::Retry {
                reason,
                retry_after: None,
            },
            now,
        ),
    }
}

/// Sliding-window throttle: at most `count` sends in any window of `per`.
pub(super) struct Throttle {
    rate: Rate,
    recent: VecDeque<Instant>,
}

impl Throttle {
    pub(super) fn new(rate: Rate) -> Throttle {
        Throttle {
            rate,
            recent: VecDeque::new(),
        }
    }

    /// How long to wait before the next send is allowed.
    pub(super) fn wait_needed(&mut self, now: Instant) -> std::time::Duration {
        let window = self.rate.per.std();
        while self
            .recent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= window)
        {
            self.recent.pop_front();
        }
        if self.recent.len() < self.rate.count as usize {
            return std::time::Duration::ZERO;
        }
        self.recent
            .front()
            .map(|oldest| window.saturating_sub(now.duration_since(*oldest)))
            .unwrap_or_default()
    }

    pub(super) fn record(&mut self, at: Instant) {
        self.recent.push_back(at);
    }
}

/// Why a run ends before the queue is empty, its untried rows given back.
#[derive(Debug, Clone, Copy)]
pub(super) enum Halt {
    TimeLimit,
    Signal(&'static str),
    /// The leases of the rows in hand could not be renewed in time
    /// (`RunStore::lease_lost`).
    LeaseLost,
}

impl Halt {
    fn reason(self) -> String {
        match self {
            Halt::TimeLimit => "time limit reached before sending".into(),
            Halt::Signal(signal) => format!("stopped by {signal} before sending"),
            Halt::LeaseLost => "lease not renewed: not attempted".into(),
        }
    }
}

/// Records one delivery's outcome (and its side effects) on the row.
fn record_delivery(
    store: &RunStore,
    config: &QueueConfig,
    report: &mut RunReport,
    message: Message,
    delivery: Delivery,
    actor: &str,
) -> anyhow::Result<()> {
    match &delivery {
        Delivery::RecipientGone { .. } => {
            store
                .lock()
                .forget_recipient(message.channel, &message.recipient)?;
            report.recipients_removed += 1;
        }
        Delivery::Rejected { reason } if !report.rejected.contains(reason) => {
            report.rejected.push(reason.clone());
        }
        _ => {}
    }
    let now = clock::now();
    let change = transition(config, &message, delivery, now);
    match change.status {
        Status::Sent => report.sent += 1,
        Status::Error => report.retry += 1,
        _ => report.failed += 1,
    }
    // The reason only when it says more than the status (`sent (sent)`).
    if change.reason == change.status.to_string() {
        log::info!(
            "message {} to {}: {}",
            message.id,
            message.recipient,
            change.status
        );
    } else {
        log::info!(
            "message {} to {}: {} ({})",
            message.id,
            message.recipient,
            change.status,
            change.reason
        );
    }
    if !store.record(message.id, &change, now, actor)? {
        log::warn!(
            "message {}: lease lost before its outcome was recorded",
            message.id
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        let config = QueueConfig::default(); // 5m base, 4h max
        assert_eq!(backoff(&config, 1, 1.0).as_secs(), 300);
        assert_eq!(backoff(&config, 1, 0.0).as_secs(), 150);
        assert_eq!(backoff(&config, 2, 1.0).as_secs(), 600);
        assert_eq!(backoff(&config, 3, 1.0).as_secs(), 1200);
        assert_eq!(backoff(&config, 30, 1.0).as_secs(), 4 * 3600);
        assert_eq!(backoff(&config, 30, 0.0).as_secs(), 2 * 3600);
    }

    #[test]
    fn throttle_allows_count_per_window() {
        let rate: Rate = "2/s".parse().unwrap();
        let mut throttle = Throttle {
            rate,
            recent: VecDeque::new(),
        };
        let t0 = Instant::now();
        assert!(throttle.wait_needed(t0).is_zero());
        throttle.record(t0);
        assert!(throttle.wait_needed(t0).is_zero());
        throttle.record(t0);
        let wait = throttle.wait_needed(t0 + std::time::Duration::from_millis(100));
        assert_eq!(wait, std::time::Duration::from_millis(900));
        assert!(
            throttle
                .wait_needed(t0 + std::time::Duration::from_secs(1))
                .is_zero()
        );
    }
}
