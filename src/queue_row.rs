//! The queue's own words: which channel a row goes through, where it is in
//! its life, which rows a run works on. A leaf, so that the store that keeps
//! them, the queue that moves them and the CLI that filters by them all
//! depend on it and on nothing else.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pending,
    Sending,
    Sent,
    Error,
    Failed,
    Delivered,
    Cancelled,
    /// Held by the operator (`queue hold`): never sent until released.
    Held,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Pending,
        Status::Sending,
        Status::Sent,
        Status::Error,
        Status::Failed,
        Status::Delivered,
        Status::Cancelled,
        Status::Held,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Sending => "sending",
            Status::Sent => "sent",
            Status::Error => "error",
            Status::Failed => "failed",
            Status::Delivered => "delivered",
            Status::Cancelled => "cancelled",
            Status::Held => "held",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| format!("unknown status \"{text}\""))
    }
}

/// A delivery channel. Every channel goes through the same queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Email,
    Sms,
    /// Reports back to Maarch Courrier (status changes, external ids).
    Maarch,
    /// Web Push notifications.
    Push,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Email, Channel::Sms, Channel::Maarch, Channel::Push];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
            Channel::Maarch => "maarch",
            Channel::Push => "push",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| format!("unknown channel \"{text}\""))
    }
}

/// Which rows a run works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `pending` rows whose `not_before` has passed (send-queue).
    Pending,
    /// `error` rows whose `next_attempt_at` has passed (retry-queue).
    Retry,
}

impl Source {
    /// The status of the rows a run from this source takes, and gives back
    /// when it does not try them.
    pub fn status(self) -> Status {
        match self {
            Source::Pending => Status::Pending,
            Source::Retry => Status::Error,
        }
    }
}
