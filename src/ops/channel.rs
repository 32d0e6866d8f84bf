//! What every channel provides to the commands that look at all of them
//! (`config check`, `queue show`): a leaf, so that the channels depend on
//! it and those commands on the channels, never round.

use serde::Serialize;

use crate::config::Config;

/// One channel's checks.
pub(crate) trait ChannelCheck {
    fn name(&self) -> &'static str;
    /// Settings that load but are probably not what the admin wants.
    fn warnings(&self, config: &Config) -> Vec<String>;
    /// Reaches the channel's server; a peer-down error means exit 75.
    fn connect(&self, config: &Config) -> anyhow::Result<String>;
    /// What the admin has to do elsewhere (a DNS record to publish).
    fn notes(&self, _config: &Config) -> Vec<String> {
        Vec::new()
    }
}

/// The channel-specific part of `queue show`.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(crate) enum ContentDetail {
    Email {
        from: String,
        reply_to: Option<String>,
        to: Vec<String>,
        cc: Vec<String>,
        subject: String,
        headers: Vec<(String, String)>,
        text_preview: String,
        has_html: bool,
    },
    Maarch {
        /// The report as stored (its shape is the Maarch channel's).
        report: serde_json::Value,
    },
    Push {
        payload: serde_json::Value,
        ttl: u32,
        urgency: crate::config::Urgency,
        topic: Option<String>,
    },
    Sms {
        sender: String,
        text: String,
        encoding: crate::phone::SmsEncoding,
        segments: usize,
    },
}

const PREVIEW_CHARS: usize = 500;

/// The first characters of a text, for `queue show`.
pub(crate) fn preview(text: &str) -> String {
    match text.char_indices().nth(PREVIEW_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
