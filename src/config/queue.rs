//! `queue:`: attempts, backoff, lease, rate and batch of every run.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Fail;
use crate::duration::Duration;
use serde::{Deserializer, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct QueueConfig {
    /// After this many attempts a row is `failed`.
    pub max_attempts: u32,
    #[serde(default, deserialize_with = "crate::yaml::null_as_default")]
    pub backoff: BackoffConfig,
    /// A row left in `sending` longer than this goes back to work.
    pub lease: Duration,
    /// Sliding-window throttle per run, e.g. `10/s` or `500/h`.
    pub rate: Option<Rate>,
    /// Rows claimed per transaction.
    pub batch: u32,
}

impl Default for QueueConfig {
    fn default() -> Self {
        QueueConfig {
            max_attempts: 5,
            backoff: BackoffConfig::default(),
            lease: Duration::from_secs(600),
            rate: None,
            batch: 20,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BackoffConfig {
    pub base: Duration,
    pub max: Duration,
}

impl Default for BackoffConfig {
    fn default() -> Self {
        BackoffConfig {
            base: Duration::from_secs(300),
            max: Duration::from_secs(4 * 3600),
        }
    }
}

/// `N/unit` or `N/duration`: at most N sends in any window of that length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: u32,
    pub per: Duration,
}

impl FromStr for Rate {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || format!("invalid rate \"{text}\": expected N/s, N/m, N/h or N/d (e.g. 10/s, 500/h)");
        let (count, per) = text.trim().split_once('/').ok_or_else(err)?;
        let count: u32 = count.trim().parse().map_err(|_| err())?;
        let per = per.trim();
        let per = if per.starts_with(|c: char| c.is_ascii_digit()) {
            per.parse::<Duration>().map_err(|_| err())?
        } else {
            format!("1{per}").parse::<Duration>().map_err(|_| err())?
        };
        if count == 0 || per.as_secs() == 0 {
            return Err(err());
        }
        Ok(Rate { count, per })
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = self.per.to_string();
        write!(
            f,
            "{}/{}",
            self.count,
            per.strip_prefix('1').filter(|u| u.len() == 1).unwrap_or(&per)
        )
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Errors must come from inside the visitor for the YAML reader to add the key path.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Rate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a rate such as 10/s or 500/h")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Rate, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl QueueConfig {
    pub(super) fn validate(&mut self, _base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        let queue = self;
        if queue.max_attempts == 0 {
            return Err(fail("queue.max_attempts", "must be at least 1".into()));
        }
        if queue.backoff.base.as_secs() == 0 {
            return Err(fail("queue.backoff.base", "must be at least 1s".into()));
        }
        if queue.backoff.max < queue.backoff.base {
            return Err(fail(
                "queue.backoff.max",
                format!(
                    "{} is shorter than queue.backoff.base ({})",
                    queue.backoff.max, queue.backoff.base
                ),
            ));
        }
        if queue.lease.as_secs() == 0 {
            return Err(fail("queue.lease", "must be at least 1s".into()));
        }
        if queue.batch == 0 || queue.batch > 1000 {
            return Err(fail(
                "queue.batch",
                format!("{} is not between 1 and 1000", queue.batch),
            ));
        }
        Ok(())
    }
}
