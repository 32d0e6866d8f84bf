//! `queue show` for email rows: the headers and the text as sent (a
//! newsletter row rendered for its recipient, its links as placeholders).

use anyhow::Context;

use super::{EmailContent, LinkSettings, PreparedEmail};
use crate::config::Config;
use crate::ops::channel::{ContentDetail, preview};
use crate::store::{Body, Message};

pub(crate) fn detail(config: &Config, body: &Body, message: &Message) -> anyhow::Result<ContentDetail> {
    let email: EmailContent =
        serde_json::from_str(&body.content).context("stored email content is unreadable")?;
    let (subject, text) = if email.newsletter.is_some() {
        let links = LinkSettings::new(config);
        let rendered = PreparedEmail::new(body, &links)
            .and_then(|prepared| prepared.parts(message))
            .map_err(|e| anyhow::anyhow!("cannot render message {}: {e}", message.id))?;
        (rendered.0, rendered.1)
    } else {
        (email.subject, email.text)
    };
    Ok(ContentDetail::Email {
        from: email.from,
        reply_to: email.reply_to,
        to: email.to,
        cc: email.cc,
        subject,
        headers: email.headers,
        text_preview: preview(&text),
        has_html: email.html.is_some(),
    })
}
