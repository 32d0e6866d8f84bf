//! `publik queue list|show|stats|check` and the OpenMetrics text: looking
//! at the queue (changing it by hand is `queue_admin.rs`).

use anyhow::Context;
use serde::Serialize;

use crate::clock::{self, Timestamp};
use crate::duration::Duration;
use crate::exit_codes::bad_input;
use crate::ops::channel::ContentDetail;
use crate::queue_row::Channel;
use crate::store::{Attachment, Event, ListFilter, Message, StatusCount, Store};

/// The rows `filter` selects, handed to `each` as they are read; then how
/// many more there were past the limit.
pub(crate) fn list(
    store: &Store,
    filter: &ListFilter,
    mut each: impl FnMut(Message) -> anyhow::Result<()>,
) -> anyhow::Result<i64> {
    store.for_scans().context("cannot read the state")?;
    let mut listed = 0u32;
    store
        .list_each(filter, |message| {
            listed += 1;
            each(message)
        })
        .context("cannot list the queue")?;
    let Some(limit) = filter.limit.filter(|limit| listed >= *limit) else {
        return Ok(0);
    };
    let total = store.count(filter).context("cannot count the queue")?;
    Ok((total - i64::from(limit)).max(0))
}

/// Everything about one row, for `queue show`.
#[derive(Debug, Serialize)]
pub(crate) struct MessageDetail {
    #[serde(flatten)]
    pub message: Message,
    pub content: ContentDetail,
    pub attachments: Vec<Attachment>,
    pub events: Vec<Event>,
}

/// One row as it is (or was) sent: a newsletter row shows the subject and
/// text rendered for its recipient, not the template.
pub(crate) fn show(store: &Store, config: &crate::config::Config, id: i64) -> anyhow::Result<MessageDetail> {
    let message = store
        .message(id)?
        .ok_or_else(|| bad_input(format!("no message with id {id}")))?;
    let body = store.body(message.body_id)?;
    // Each channel reads its own bodies.
    let content = match message.channel {
        Channel::Email => crate::ops::email::detail(config, &body, &message)?,
        Channel::Push => crate::ops::push::detail(&body)?,
        Channel::Maarch => crate::ops::maarch::detail(&body)?,
        Channel::Sms => crate::ops::sms::detail(&body)?,
    };
    Ok(MessageDetail {
        events: store.events(id)?,
        attachments: body.attachments,
        content,
        message,
    })
}

#[derive(Debug, Serialize)]
pub(crate) struct Stats {
    pub counts: Vec<StatusCount>,
    pub oldest_pending: Option<Timestamp>,
    /// Age of the oldest pending row, in seconds.
    pub oldest_pending_age_secs: Option<i64>,
    /// What came back, per channel, since the state began (kept across
    /// purges): only channels with something.
    pub returned: Vec<Returned>,
}

/// A channel's bounces and complaints so far.
#[derive(Debug, Serialize)]
pub(crate) struct Returned {
    pub channel: Channel,
    /// Bounces for good (the rows failed).
    pub bounced: i64,
    /// Transient bounces (delays), in the rows' history only.
    pub delayed: i64,
    pub complaints: i64,
}

/// Per channel, its bounce and complaint counters.
fn returned(store: &Store) -> anyhow::Result<Vec<Returned>> {
    use crate::store::{BOUNCED_HARD, BOUNCED_SOFT, COMPLAINT};
    let mut returned: Vec<Returned> = Vec::new();
    for (channel, outcome, count) in store.totals()? {
        if ![BOUNCED_HARD, BOUNCED_SOFT, COMPLAINT].contains(&outcome.as_str()) {
            continue;
        }
        let at = match returned.iter().position(|r| r.channel == channel) {
            Some(at) => at,
            None => {
                returned.push(Returned {
                    channel,
                    bounced: 0,
                    delayed: 0,
                    complaints: 0,
                });
                returned.len() - 1
            }
        };
        let entry = &mut returned[at];
        match outcome.as_str() {
            BOUNCED_HARD => entry.bounced += count,
            BOUNCED_SOFT => entry.delayed += count,
            _ => entry.complaints += count,
        }
    }
    Ok(returned)
}

pub(crate) fn stats(store: &Store) -> anyhow::Result<Stats> {
    let oldest_pending = store.oldest_pending()?;
    Ok(Stats {
        counts: store.status_counts()?,
        oldest_pending_age_secs: oldest_pending.map(|t| (clock::now() - t).num_seconds().max(0)),
        oldest_pending,
        returned: returned(store)?,
    })
}

/// `queue check`: thresholds, as a Nagios/Icinga plugin takes them.
#[derive(Debug, Clone)]
pub(crate) struct CheckLimits {
    pub channel: Option<Channel>,
    pub warn_age: Duration,
    pub crit_age: Duration,
    pub warn_failed: i64,
    pub crit_failed: i64,
}

/// Nagios states, in the plugin convention's exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub(crate) enum CheckState {
    Ok = 0,
    Warning = 1,
    Critical = 2,
}

#[derive(Debug, Serialize)]
pub(crate) struct QueueCheck {
    pub state: CheckState,
    pub pending: i64,
    /// How long the longest-waiting due message has waited.
    pub oldest_pending_s: i64,
    pub failed_24h: i64,
    /// Bounces for good and complaints so far (counters, for graphs).
    pub bounced: i64,
    pub complaints: i64,
    #[serde(skip)]
    pub limits: CheckLimits,
}

impl QueueCheck {
    /// The plugin's one line: state, summary, perfdata.
    pub(crate) fn line(&self) -> String {
        let l = &self.limits;
        format!(
            "PUBLIK QUEUE {} - {} pending, oldest due {}s, {} failed in 24h | pending={} oldest_pending_s={}s;{};{};0 failed_24h={};{};{};0 bounced={}c complaints={}c",
            match self.state {
                CheckState::Ok => "OK",
                CheckState::Warning => "WARNING",
                CheckState::Critical => "CRITICAL",
            },
            self.pending,
            self.oldest_pending_s,
            self.failed_24h,
            self.pending,
            self.oldest_pending_s,
            l.warn_age.as_secs(),
            l.crit_age.as_secs(),
            self.failed_24h,
            l.warn_failed,
            l.crit_failed,
            self.bounced,
            self.complaints
        )
    }
}

pub(crate) fn check(store: &Store, limits: CheckLimits) -> anyhow::Result<QueueCheck> {
    let now = clock::now();
    let (pending, oldest, failed_24h) =
        store.health(limits.channel, now, now - chrono::Duration::hours(24))?;
    let oldest_pending_s = oldest.map_or(0, |t| (now - t).num_seconds().max(0));
    let age = |limit: Duration| oldest_pending_s >= limit.as_secs() as i64 && oldest.is_some();
    let state = if age(limits.crit_age) || failed_24h >= limits.crit_failed {
        CheckState::Critical
    } else if age(limits.warn_age) || failed_24h >= limits.warn_failed {
        CheckState::Warning
    } else {
        CheckState::Ok
    };
    let returned = returned(store)?;
    let of_channel = |r: &&Returned| limits.channel.is_none_or(|c| c == r.channel);
    Ok(QueueCheck {
        state,
        pending,
        oldest_pending_s,
        failed_24h,
        bounced: returned.iter().filter(of_channel).map(|r| r.bounced).sum(),
        complaints: returned.iter().filter(of_channel).map(|r| r.complaints).sum(),
        limits,
    })
}

/// The queue as OpenMetrics text (`queue stats --format openmetrics`,
/// `serve`'s `/metrics`): messages per channel and status, how long the
/// longest-waiting due message has waited, and the sent / delivered /
/// failed counters.
pub(crate) fn openmetrics(store: &Store) -> anyhow::Result<String> {
    use std::fmt::Write;
    let now = clock::now();
    let mut text = String::new();
    let _ = writeln!(text, "# TYPE publik_messages gauge");
    let _ = writeln!(
        text,
        "# HELP publik_messages Messages in the state, by channel and status."
    );
    for count in store.status_counts()? {
        let _ = writeln!(
            text,
            "publik_messages{{channel=\"{}\",status=\"{}\"}} {}",
            count.channel, count.status, count.count
        );
    }
    let _ = writeln!(text, "# TYPE publik_oldest_pending_seconds gauge");
    let _ = writeln!(text, "# UNIT publik_oldest_pending_seconds seconds");
    let _ = writeln!(
        text,
        "# HELP publik_oldest_pending_seconds How long the longest-waiting due message has waited."
    );
    for (channel, since) in store.oldest_due(now)? {
        let _ = writeln!(
            text,
            "publik_oldest_pending_seconds{{channel=\"{channel}\"}} {}",
            (now - since).num_seconds().max(0)
        );
    }
    let returned = returned(store)?;
    let _ = writeln!(text, "# TYPE publik_bounced counter");
    let _ = writeln!(
        text,
        "# HELP publik_bounced Bounces reported: hard (the message failed) or soft (a delay)."
    );
    for r in &returned {
        let _ = writeln!(
            text,
            "publik_bounced_total{{channel=\"{}\",kind=\"hard\"}} {}",
            r.channel, r.bounced
        );
        let _ = writeln!(
            text,
            "publik_bounced_total{{channel=\"{}\",kind=\"soft\"}} {}",
            r.channel, r.delayed
        );
    }
    let _ = writeln!(text, "# TYPE publik_complaints counter");
    let _ = writeln!(
        text,
        "# HELP publik_complaints Spam complaints reported by recipients."
    );
    for r in &returned {
        let _ = writeln!(
            text,
            "publik_complaints_total{{channel=\"{}\"}} {}",
            r.channel, r.complaints
        );
    }
    let totals = store.totals()?;
    for (outcome, help) in [
        ("sent", "Messages accepted by their peer."),
        ("delivered", "Messages a delivery receipt said delivered."),
        ("failed", "Messages that failed for good."),
    ] {
        let _ = writeln!(text, "# TYPE publik_{outcome} counter");
        let _ = writeln!(text, "# HELP publik_{outcome} {help}");
        for (channel, _, count) in totals.iter().filter(|(_, o, _)| o == outcome) {
            let _ = writeln!(text, "publik_{outcome}_total{{channel=\"{channel}\"}} {count}");
        }
    }
    text.push_str("# EOF\n");
    Ok(text)
}
