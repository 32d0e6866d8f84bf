//! `ics:`: calendar events and invitations.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Fail;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct IcsConfig {
    /// Zone of times given without an offset (`gen-ics --tz` overrides).
    pub timezone: String,
    /// false: DTSTART/DTEND in UTC; true: local time with TZID and a VTIMEZONE block.
    pub use_tzid: bool,
    /// Ask attendees of invitations to answer (RSVP=TRUE).
    pub rsvp: bool,
}

impl Default for IcsConfig {
    fn default() -> Self {
        IcsConfig {
            timezone: "Europe/Paris".into(),
            use_tzid: false,
            rsvp: false,
        }
    }
}

impl IcsConfig {
    pub(super) fn validate(&mut self, _base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        if self.timezone.parse::<chrono_tz::Tz>().is_err() {
            return Err(fail(
                "ics.timezone",
                format!("unknown time zone \"{}\"", self.timezone),
            ));
        }
        Ok(())
    }
}
