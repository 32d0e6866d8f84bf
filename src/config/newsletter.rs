//! `newsletter:`: what newsletters offer besides their unsubscribe link.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Fail;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct NewsletterConfig {
    /// Address for the `mailto:` of List-Unsubscribe (besides the https link).
    pub unsubscribe_mailto: Option<String>,
}

impl NewsletterConfig {
    pub(super) fn validate(&mut self, _base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        if let Some(mailto) = &self.unsubscribe_mailto {
            crate::address::parse_mailbox(mailto).map_err(|e| fail("newsletter.unsubscribe_mailto", e))?;
        }
        Ok(())
    }
}
