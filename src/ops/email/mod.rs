//! The email channel: turning `enqueue email` input into a queued send (one
//! row per recipient, body and attachments stored once), composing each row's
//! MIME message at send time, and the transports (SMTP, sendmail, file).

use std::path::Path;

use anyhow::Context;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use serde::{Deserialize, Serialize};

use crate::address::parse_mailbox;
use crate::config::Config;
use crate::duration::Duration;
use crate::exit_codes::{bad_field, bad_input};
use crate::ops::queue::{RowOptions, body};
use crate::queue_row::Channel;
use crate::size::Size;
use crate::store::{NewAttachment, NewBody, NewRow, Store};

mod auto_reply;
mod bounce;
mod check;
mod compose;
mod dkim;
mod ehlo;
mod events;
mod fold;
mod imap;
mod mailbox;
mod pinned;
mod proof;
mod report;
mod sender;
mod show;
mod smtp;
mod sns;

pub(crate) use bounce::handle as bounce;
pub(crate) use check::EmailCheck;
pub(crate) use show::detail;

pub(crate) use compose::PreparedEmail;
pub(crate) use events::{Handled, handle_events};
pub(crate) use mailbox::{FetchOptions, fetch_bounces};
pub(crate) use sender::lanes;
pub(crate) use smtp::probe;

/// Headers publik writes itself; `header` may not set them.
const RESERVED_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "subject",
    "reply-to",
    "message-id",
    "date",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "auto-submitted",
];

/// The shared part of one email send, stored once as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct EmailContent {
    pub from: String,
    pub reply_to: Option<String>,
    /// Visible recipients (To: and Cc: headers); each row has its own envelope.
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub headers: Vec<(String, String)>,
    /// Makes Message-IDs unique across state files.
    pub nonce: String,
    /// A newsletter: subject, text and html are templates rendered per row
    /// with this context and the row's `vars` (recipient, unsubscribe token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newsletter: Option<NewsletterPart>,
    /// A calendar invitation (iMIP, RFC 6047) sent with the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation: Option<InvitationPart>,
    /// Placeholders of action links in subject, text and html, replaced by
    /// their tokens at send time (see `link_key`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_links: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(crate) enum InvitationPart {
    /// An iCalendar file: the same calendar for every recipient.
    File { ics: String, method: String },
    /// A booking: rendered per row with the recipient as ATTENDEE.
    Event {
        event: Box<crate::ops::ics::EventData>,
        use_tzid: bool,
        rsvp: bool,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct NewsletterPart {
    pub template: String,
    pub context: serde_json::Value,
}

/// What composing needs from the config for links in messages.
#[derive(Debug, Clone)]
pub(crate) struct LinkSettings {
    pub public_url: crate::config::ServeConfig,
    pub unsubscribe_mailto: Option<String>,
    /// `email.redirect_to`: where all mail goes on a test platform.
    pub redirect_to: Option<String>,
    /// `email.bounce_address`: the VERP return path, `{id}` to fill.
    pub bounce_address: Option<String>,
    /// The header a provider echoes in its events (`email.events`): each
    /// row's proof travels in it.
    pub events_header: Option<&'static str>,
}

impl LinkSettings {
    pub(crate) fn new(config: &Config) -> LinkSettings {
        LinkSettings {
            public_url: config.serve.clone(),
            unsubscribe_mailto: config.newsletter.unsubscribe_mailto.clone(),
            redirect_to: config.email.redirect_to.clone(),
            bounce_address: config.email.bounce_address.clone(),
            events_header: config
                .email
                .events
                .as_ref()
                .and_then(|e| events::custom_header(e.provider)),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Priority {
    High,
    #[default]
    Normal,
    Low,
}

impl Priority {
    pub fn value(self) -> i32 {
        match self {
            Priority::High => 1,
            Priority::Normal => 0,
            Priority::Low => -1,
        }
    }
}

/// One email to queue, as a user gives it (`enqueue email`). Errors name
/// these fields.
#[derive(Debug, Default)]
pub(crate) struct EmailRequest {
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub bcc: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub attach: Vec<Attachment>,
    pub from: Option<String>,
    pub reply_to: Option<String>,
    /// `NAME:VALUE`.
    pub header: Vec<String>,
    pub priority: Priority,
    pub not_before: Option<String>,
    pub expires_in: Option<Duration>,
    pub tag: Option<String>,
    /// An iCalendar file's text, sent as the invitation.
    pub invite: Option<String>,
    /// A booking's JSON text (as `gen-ics`), rendered per recipient.
    pub invite_booking: Option<String>,
    pub invite_uid: Option<String>,
    pub invite_method: crate::ops::ics::Method,
}

/// An attached file as read; the type is guessed from the name when not given.
#[derive(Debug)]
pub(crate) struct Attachment {
    pub filename: String,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// The METHOD of an iCalendar file, after unfolding; only REQUEST and CANCEL
/// make sense in an invitation.
fn ics_method(ics: &str) -> Option<String> {
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    unfolded
        .lines()
        .find_map(|line| line.trim_end().strip_prefix("METHOD:"))
        .map(|m| m.trim().to_ascii_uppercase())
}

/// Builds the invitation of an `enqueue email`, recording the appointment.
fn invitation(
    store: &mut Store,
    config: &Config,
    request: &EmailRequest,
) -> anyhow::Result<Option<InvitationPart>> {
    use crate::ops::ics::{self, IcsRequest, Method};
    if let Some(ics) = &request.invite {
        if !ics.trim_start().starts_with("BEGIN:VCALENDAR") || !ics.contains("BEGIN:VEVENT") {
            return Err(bad_field("invite", "not an iCalendar event"));
        }
        let method = match ics_method(ics).as_deref() {
            Some(m @ ("REQUEST" | "CANCEL")) => m.to_string(),
            other => {
                return Err(bad_field(
                    "invite",
                    format!(
                        "METHOD must be REQUEST or CANCEL for an invitation, not {}",
                        other.unwrap_or("missing")
                    ),
                ));
            }
        };
        return Ok(Some(InvitationPart::File {
            ics: ics.replace("\r\n", "\n").replace('\n', "\r\n"),
            method,
        }));
    }
    let Some(booking) = &request.invite_booking else {
        return Ok(None);
    };
    let method = match request.invite_method {
        Method::Publish => Method::Request,
        other => other,
    };
    let ics_request = IcsRequest {
        booking: Some(booking.clone()),
        uid: request.invite_uid.clone(),
        method,
        ..IcsRequest::default()
    };
    let (event, previous) = ics::prepare(store, config, ics_request).map_err(|e| {
        // Name this request's fields, not gen-ics's.
        match e.downcast_ref::<crate::exit_codes::BadInput>() {
            Some(bad) => match bad.field() {
                Some("uid") => bad_field("invite_uid", bad.message()),
                Some("method") => bad_field("invite_method", bad.message()),
                Some(_) => bad_field("invite_booking", bad.to_string()),
                None => bad_field("invite_booking", bad.message()),
            },
            None => e,
        }
    })?;
    ics::record(store, &event, previous)?;
    Ok(Some(InvitationPart::Event {
        event: Box::new(event),
        use_tzid: config.ics.use_tzid,
        rsvp: config.ics.rsvp,
    }))
}

/// A content type from the file name, for attachments given without `;type=`.
fn guess_content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "xml" => "application/xml",
        "zip" => "application/zip",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// Checks an attachment's type (or guesses it from the name) and size.
fn attachment(attachment: &Attachment, max_size: Size) -> anyhow::Result<NewAttachment> {
    let content_type = match &attachment.content_type {
        Some(mime) => {
            ContentType::parse(mime)
                .map_err(|_| bad_field("attach", format!("invalid content type \"{mime}\"")))?;
            mime.clone()
        }
        None => guess_content_type(Path::new(&attachment.filename)).to_string(),
    };
    fits(attachment.data.len() as u64, max_size)?;
    Ok(NewAttachment {
        filename: attachment.filename.clone(),
        content_type,
        data: attachment.data.clone(),
    })
}

/// Whether a file of `bytes` fits in `email.max_size` once encoded; checked
/// before a file is read, too.
pub(crate) fn fits(bytes: u64, max_size: Size) -> anyhow::Result<()> {
    if encoded_size(bytes) > max_size.bytes() {
        return Err(too_big(encoded_size(bytes), max_size));
    }
    Ok(())
}

/// Size of `bytes` in base64 with its line breaks (76 characters a line).
fn encoded_size(bytes: u64) -> u64 {
    let base64 = bytes.div_ceil(3) * 4;
    base64 + base64.div_ceil(76) * 2
}

fn too_big(size: u64, max_size: Size) -> anyhow::Error {
    bad_input(format!(
        "the message would be about {:.1} MB as sent, over email.max_size ({max_size})",
        size as f64 / 1e6
    ))
}

fn parse_header(spec: &str) -> anyhow::Result<(String, String)> {
    let (name, value) = spec
        .split_once(':')
        .ok_or_else(|| bad_field("header", format!("\"{spec}\" is not NAME:VALUE")))?;
    let name = name.trim();
    let value = value.trim();
    let valid_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
    if !valid_name {
        return Err(bad_field("header", format!("invalid header name \"{name}\"")));
    }
    if value.contains(['\r', '\n']) {
        return Err(bad_field(
            "header",
            format!("the value of {name} contains a line break"),
        ));
    }
    if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
        return Err(bad_field(
            "header",
            format!("{name} is set by publik (use the matching option)"),
        ));
    }
    Ok((name.to_string(), value.to_string()))
}

fn parse_list(field: &str, addresses: &[String]) -> anyhow::Result<Vec<Mailbox>> {
    addresses
        .iter()
        .map(|a| parse_mailbox(a).map_err(|e| bad_field(field, e.to_string())))
        .collect()
}

/// The rows of one email send: the content once, one row per distinct
/// recipient (addresses compared without case), each delivered with its own
/// envelope. Every producer (enqueue, workflows) builds its rows here.
pub(crate) fn build(
    content: &EmailContent,
    attachments: Vec<NewAttachment>,
    recipients: impl IntoIterator<Item = String>,
    options: &RowOptions,
) -> anyhow::Result<(NewBody, Vec<NewRow>)> {
    let mut seen = std::collections::HashSet::new();
    let rows = recipients
        .into_iter()
        .filter(|address| seen.insert(address.to_lowercase()))
        .map(|address| options.row(address, None))
        .collect();
    Ok((body(Channel::Email, content, attachments)?, rows))
}

/// Validates everything, then queues one row per distinct recipient in one
/// transaction. Nothing is written when any part is wrong.
pub(crate) fn enqueue(
    store: &mut Store,
    config: &Config,
    request: &EmailRequest,
    actor: &str,
) -> anyhow::Result<Vec<i64>> {
    let to = parse_list("to", &request.to)?;
    let cc = parse_list("cc", &request.cc)?;
    let bcc = parse_list("bcc", &request.bcc)?;
    if to.is_empty() && cc.is_empty() && bcc.is_empty() {
        return Err(bad_field("to", "at least one recipient is required"));
    }
    let from = match &request.from {
        Some(from) => parse_mailbox(from).map_err(|e| bad_field("from", e.to_string()))?,
        None => parse_mailbox(&config.email.from).map_err(|e| bad_input(format!("email.from: {e}")))?,
    };
    let reply_to = match request.reply_to.as_ref().or(config.email.reply_to.as_ref()) {
        Some(addr) => Some(parse_mailbox(addr).map_err(|e| bad_field("reply_to", e.to_string()))?),
        None => None,
    };
    if request.subject.contains(['\r', '\n']) {
        return Err(bad_field(
            "subject",
            format!("{:?} contains a line break", request.subject),
        ));
    }
    if request.subject.chars().any(|c| c.is_control() && c != '\t') {
        return Err(bad_field(
            "subject",
            format!("{:?} contains a control character", request.subject),
        ));
    }
    let headers = request
        .header
        .iter()
        .map(|h| parse_header(h))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let options = RowOptions::from_request(
        request.priority.value(),
        request.tag.as_deref(),
        request.not_before.as_deref(),
        request.expires_in,
    )?;
    let text = request.text.clone();
    let html = request.html.clone();
    let attachments = request
        .attach
        .iter()
        .map(|a| attachment(a, config.email.max_size))
        .collect::<anyhow::Result<Vec<_>>>()?;
    // Texts may go out in quoted-printable or base64: count them as base64.
    let size = encoded_size((text.len() + html.as_ref().map_or(0, String::len)) as u64)
        + attachments
            .iter()
            .map(|a| encoded_size(a.data.len() as u64) + 200)
            .sum::<u64>()
        + 4_000;
    if size > config.email.max_size.bytes() {
        return Err(too_big(size, config.email.max_size));
    }

    let invitation = invitation(store, config, request)?;
    let content = EmailContent {
        from: from.to_string(),
        reply_to: reply_to.map(|r| r.to_string()),
        to: to.iter().map(ToString::to_string).collect(),
        cc: cc.iter().map(ToString::to_string).collect(),
        subject: request.subject.clone(),
        text,
        html,
        headers,
        nonce: crate::token::random_hex(8)?,
        newsletter: None,
        invitation,
        action_links: Vec::new(),
    };
    let recipients = to.iter().chain(&cc).chain(&bcc).map(|m| m.email.to_string());
    let (body, rows) = build(&content, attachments, recipients, &options)?;
    let ids = store
        .enqueue(&body, &rows, actor)
        .context("cannot queue the message")?;
    Ok(ids)
}

/// The DNS TXT record (name, value) that publishes the DKIM key.
pub(crate) fn dkim_record(config: &crate::config::DkimConfig) -> anyhow::Result<(String, String)> {
    Ok(dkim::Signer::new(config)?.dns_record())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rules() {
        assert!(parse_header("X-Publik-Form: 42").is_ok());
        assert!(parse_header("Subject: nope").is_err());
        assert!(parse_header("X-Bad: a\nb").is_err());
        assert!(parse_header("no colon").is_err());
        assert!(parse_header("Bad Name: x").is_err());
    }

    #[test]
    fn content_type_guess() {
        assert_eq!(guess_content_type(Path::new("a.PDF")), "application/pdf");
        assert_eq!(guess_content_type(Path::new("noext")), "application/octet-stream");
    }
}
