//! The email channel: turning `enqueue email` input into a queued send (one
//! row per recipient, body and attachments stored once), composing each row's
//! MIME message at send time, and the transports (SMTP, sendmail, file).

use std::io::Read;
use std::net::ToSocketAddrs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;
use lettre::address::Envelope;
use lettre::message::header::{self, ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment as MimeAttachment, Mailbox, Mailboxes, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;
use lettre::{SendmailTransport, Transport};
use serde::{Deserialize, Serialize};

use crate::address::parse_mailbox;
use crate::clock;
use crate::config::{Config, SmtpConfig, SmtpTls, TransportKind};
use crate::duration::Duration;
use crate::exit_codes::bad_input;
use crate::link_key::LinkKey;
use crate::ops::queue::{Delivery, Sender};
use crate::size::Size;
use crate::store::{Body, Channel, Message, NewAttachment, NewBody, NewRow, Store};

/// Headers publik writes itself; `--header` may not set them.
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
pub struct EmailContent {
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
pub enum InvitationPart {
    /// `--invite FILE.ics`: the same calendar for every recipient.
    File { ics: String, method: String },
    /// `--invite-booking`: rendered per row with the recipient as ATTENDEE.
    Event {
        event: Box<crate::ops::ics::EventData>,
        use_tzid: bool,
        rsvp: bool,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewsletterPart {
    pub template: String,
    pub context: serde_json::Value,
}

/// What composing needs from the config for links in messages.
#[derive(Debug, Clone)]
pub struct LinkSettings {
    pub public_url: crate::config::ServeConfig,
    pub unsubscribe_mailto: Option<String>,
}

impl LinkSettings {
    pub fn new(config: &Config) -> LinkSettings {
        LinkSettings {
            public_url: config.serve.clone(),
            unsubscribe_mailto: config.newsletter.unsubscribe_mailto.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
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

/// `enqueue email` as given on the command line.
#[derive(Debug, Default)]
pub struct EmailRequest {
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub bcc: Vec<String>,
    pub subject: String,
    /// Path of the text body, or `-` for standard input.
    pub text: PathBuf,
    pub html: Option<PathBuf>,
    /// `FILE` or `FILE;type=MIME`.
    pub attach: Vec<String>,
    pub from: Option<String>,
    pub reply_to: Option<String>,
    /// `NAME:VALUE`.
    pub headers: Vec<String>,
    pub priority: Priority,
    pub not_before: Option<String>,
    pub expires_in: Option<Duration>,
    pub tag: Option<String>,
    /// `--invite FILE.ics`
    pub invite: Option<PathBuf>,
    /// `--invite-booking FILE.json`
    pub invite_booking: Option<PathBuf>,
    pub invite_uid: Option<String>,
    pub invite_method: crate::ops::ics::Method,
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
    if let Some(path) = &request.invite {
        let ics = std::fs::read_to_string(path)
            .map_err(|e| bad_input(format!("--invite: cannot read {}: {e}", path.display())))?;
        if !ics.trim_start().starts_with("BEGIN:VCALENDAR") || !ics.contains("BEGIN:VEVENT") {
            return Err(bad_input(format!(
                "--invite: {} is not an iCalendar event",
                path.display()
            )));
        }
        let method = match ics_method(&ics).as_deref() {
            Some(m @ ("REQUEST" | "CANCEL")) => m.to_string(),
            other => {
                return Err(bad_input(format!(
                    "--invite: METHOD must be REQUEST or CANCEL for an invitation, not {}",
                    other.unwrap_or("missing")
                )));
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
        // Name the option the user gave, not gen-ics's.
        match e.downcast_ref::<crate::exit_codes::BadInput>() {
            Some(bad) => bad_input(format!("--invite-booking: {}", bad.0)),
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

fn read_text(field: &str, path: &Path) -> anyhow::Result<String> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(path).map_err(|e| bad_input(format!("{field}: cannot read {}: {e}", path.display())))?
    };
    String::from_utf8(bytes).map_err(|_| bad_input(format!("{field}: {} is not UTF-8 text", path.display())))
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

fn read_attachment(spec: &str, max_size: Size) -> anyhow::Result<NewAttachment> {
    let (path, content_type) = match spec.rsplit_once(";type=") {
        Some((path, mime)) => (Path::new(path), Some(mime.trim())),
        None => (Path::new(spec), None),
    };
    let content_type = match content_type {
        Some(mime) => {
            ContentType::parse(mime)
                .map_err(|_| bad_input(format!("--attach: invalid content type \"{mime}\"")))?;
            mime.to_string()
        }
        None => guess_content_type(path).to_string(),
    };
    let metadata = std::fs::metadata(path)
        .map_err(|e| bad_input(format!("--attach: cannot read {}: {e}", path.display())))?;
    // A device or a FIFO would be read until it ends, if ever.
    if !metadata.is_file() {
        return Err(bad_input(format!(
            "--attach: {} is not a regular file",
            path.display()
        )));
    }
    if encoded_size(metadata.len()) > max_size.bytes() {
        return Err(too_big(encoded_size(metadata.len()), max_size));
    }
    let data = std::fs::read(path)
        .map_err(|e| bad_input(format!("--attach: cannot read {}: {e}", path.display())))?;
    let filename = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| bad_input(format!("--attach: {} has no usable file name", path.display())))?
        .to_string();
    Ok(NewAttachment {
        filename,
        content_type,
        data,
    })
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
        .ok_or_else(|| bad_input(format!("--header: \"{spec}\" is not NAME:VALUE")))?;
    let name = name.trim();
    let value = value.trim();
    let valid_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
    if !valid_name {
        return Err(bad_input(format!("--header: invalid header name \"{name}\"")));
    }
    if value.contains(['\r', '\n']) {
        return Err(bad_input(format!(
            "--header: the value of {name} contains a line break"
        )));
    }
    if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
        return Err(bad_input(format!(
            "--header: {name} is set by publik (use the matching option)"
        )));
    }
    Ok((name.to_string(), value.to_string()))
}

fn parse_list(field: &str, addresses: &[String]) -> anyhow::Result<Vec<Mailbox>> {
    addresses
        .iter()
        .map(|a| parse_mailbox(a).map_err(|e| bad_input(format!("{field}: {e}"))))
        .collect()
}

/// Validates everything, then queues one row per distinct recipient in one
/// transaction. Nothing is written when any part is wrong.
pub fn enqueue(
    store: &mut Store,
    config: &Config,
    request: &EmailRequest,
    actor: &str,
) -> anyhow::Result<Vec<i64>> {
    let to = parse_list("--to", &request.to)?;
    let cc = parse_list("--cc", &request.cc)?;
    let bcc = parse_list("--bcc", &request.bcc)?;
    if to.is_empty() && cc.is_empty() && bcc.is_empty() {
        return Err(bad_input("--to: at least one recipient is required"));
    }
    let from = match &request.from {
        Some(from) => parse_mailbox(from).map_err(|e| bad_input(format!("--from: {e}")))?,
        None => parse_mailbox(&config.email.from).map_err(|e| bad_input(format!("email.from: {e}")))?,
    };
    let reply_to = match request.reply_to.as_ref().or(config.email.reply_to.as_ref()) {
        Some(addr) => Some(parse_mailbox(addr).map_err(|e| bad_input(format!("--reply-to: {e}")))?),
        None => None,
    };
    if request.subject.contains(['\r', '\n']) {
        return Err(bad_input(format!(
            "--subject: {:?} contains a line break",
            request.subject
        )));
    }
    if request.subject.chars().any(|c| c.is_control() && c != '\t') {
        return Err(bad_input(format!(
            "--subject: {:?} contains a control character",
            request.subject
        )));
    }
    let headers = request
        .headers
        .iter()
        .map(|h| parse_header(h))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let not_before = request
        .not_before
        .as_deref()
        .map(|t| clock::parse_time("--not-before", t))
        .transpose()?;
    let expires_at = request.expires_in.map(|d| clock::now() + d.chrono());
    if let Some(tag) = &request.tag
        && (tag.is_empty() || tag.contains(['\r', '\n']))
    {
        return Err(bad_input(format!("--tag: invalid tag {tag:?}")));
    }
    let text = read_text("--text", &request.text)?;
    let html = request
        .html
        .as_deref()
        .map(|p| read_text("--html", p))
        .transpose()?;
    let attachments = request
        .attach
        .iter()
        .map(|spec| read_attachment(spec, config.email.max_size))
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
    let mut seen = std::collections::HashSet::new();
    let rows: Vec<NewRow> = to
        .iter()
        .chain(&cc)
        .chain(&bcc)
        .filter(|mailbox| seen.insert(mailbox.email.to_string().to_lowercase()))
        .map(|mailbox| NewRow {
            recipient: mailbox.email.to_string(),
            vars: None,
            priority: request.priority.value(),
            tag: request.tag.clone(),
            not_before,
            expires_at,
        })
        .collect();
    let body = NewBody {
        channel: Channel::Email,
        content: serde_json::to_string(&content)?,
        attachments,
    };
    let ids = store
        .enqueue(&body, &rows, actor)
        .context("cannot queue the message")?;
    Ok(ids)
}

/// The parts of a send shared by its rows, parsed once per run (a send to
/// thousands of recipients must not re-parse its headers for each of them).
pub struct PreparedEmail {
    body_id: i64,
    from: Mailbox,
    to: Option<Mailboxes>,
    cc: Option<Mailboxes>,
    reply_to: Option<Mailbox>,
    subject: String,
    headers: Vec<HeaderValue>,
    text: String,
    html: Option<String>,
    attachments: Vec<(String, ContentType, Vec<u8>)>,
    nonce: String,
    /// Newsletter templates and their shared context.
    templates: Option<(crate::ops::template::Templates, serde_json::Value)>,
    invitation: Option<InvitationPart>,
    links: LinkSettings,
    action_links: Vec<String>,
    /// Set when sending: makes the unsubscribe links of newsletter rows.
    link_key: Option<LinkKey>,
    /// Why the key could not be read, when sending without it.
    link_key_error: Option<String>,
}

fn mailboxes(list: &[String]) -> Result<Option<Mailboxes>, String> {
    if list.is_empty() {
        return Ok(None);
    }
    let mut mailboxes = Mailboxes::new();
    for text in list {
        mailboxes.push(parse_mailbox(text)?);
    }
    Ok(Some(mailboxes))
}

impl PreparedEmail {
    pub fn new(body: &Body, links: &LinkSettings) -> Result<PreparedEmail, String> {
        let content: EmailContent = serde_json::from_str(&body.content)
            .map_err(|e| format!("stored email content is unreadable: {e}"))?;
        let auto_submitted =
            HeaderName::new_from_ascii("Auto-Submitted".into()).map_err(|e| e.to_string())?;
        let mut headers = vec![HeaderValue::new(auto_submitted, "auto-generated".into())];
        for (name, value) in &content.headers {
            let name = HeaderName::new_from_ascii(name.clone()).map_err(|e| format!("header {name}: {e}"))?;
            headers.push(HeaderValue::new(name, value.clone()));
        }
        let attachments = body
            .attachments
            .iter()
            .map(|a| {
                ContentType::parse(&a.content_type)
                    .map(|ct| (a.filename.clone(), ct, a.data.clone()))
                    .map_err(|e| format!("attachment {}: {e}", a.filename))
            })
            .collect::<Result<_, _>>()?;
        let templates = match &content.newsletter {
            Some(part) => Some((
                crate::ops::template::Templates::new(
                    &content.subject,
                    &content.text,
                    content.html.as_deref(),
                )
                .map_err(|e| format!("template {}: {e}", part.template))?,
                part.context.clone(),
            )),
            None => None,
        };
        Ok(PreparedEmail {
            body_id: body.id,
            from: parse_mailbox(&content.from)?,
            to: mailboxes(&content.to)?,
            cc: mailboxes(&content.cc)?,
            reply_to: content.reply_to.as_deref().map(parse_mailbox).transpose()?,
            subject: content.subject,
            headers,
            text: content.text,
            html: content.html,
            attachments,
            nonce: content.nonce,
            templates,
            invitation: content.invitation,
            links: links.clone(),
            action_links: content.action_links,
            link_key: None,
            link_key_error: None,
        })
    }

    fn has_action_links(&self) -> bool {
        !self.action_links.is_empty()
    }

    /// Whether sending it needs the link key: action links, or a
    /// newsletter's unsubscribe links.
    pub fn needs_link_key(&self) -> bool {
        !self.action_links.is_empty() || self.templates.is_some()
    }

    /// Puts the action links' tokens in place of their placeholders; only
    /// this in-memory copy ever holds them.
    /// Also keeps the key for the rows' unsubscribe links.
    pub fn expand_links(&mut self, key: &LinkKey) -> Result<(), String> {
        self.subject = key.expand(&self.subject, &self.action_links)?;
        self.text = key.expand(&self.text, &self.action_links)?;
        if let Some(html) = &self.html {
            self.html = Some(key.expand(html, &self.action_links)?);
        }
        self.action_links.clear();
        self.link_key = Some(key.clone());
        Ok(())
    }

    /// The invitation of one row and its METHOD: the row's recipient is the
    /// ATTENDEE of a booking invitation.
    fn calendar(&self, message: &Message) -> Result<Option<(String, String)>, String> {
        use crate::ops::ics::{Attendee, render};
        match &self.invitation {
            None => Ok(None),
            Some(InvitationPart::File { ics, method }) => Ok(Some((ics.clone(), method.clone()))),
            Some(InvitationPart::Event {
                event,
                use_tzid,
                rsvp,
            }) => {
                let recipient = parse_mailbox(&message.recipient)?.email.to_string();
                let name = event.attendee_name.as_deref().filter(|_| {
                    event
                        .attendee_email
                        .as_deref()
                        .is_some_and(|e| e.eq_ignore_ascii_case(&recipient))
                });
                let attendee = Attendee {
                    name,
                    email: Some(&recipient),
                    rsvp: *rsvp,
                };
                let ics = render(event, *use_tzid, &attendee).map_err(|e| format!("invitation: {e}"))?;
                Ok(Some((ics, event.method.as_ical().to_string())))
            }
        }
    }

    /// Subject, text, html and extra headers of one row: as stored, or
    /// rendered from the newsletter templates with the row's variables.
    pub fn parts(
        &self,
        message: &Message,
    ) -> Result<(String, String, Option<String>, Vec<HeaderValue>), String> {
        let Some((templates, shared)) = &self.templates else {
            return Ok((
                self.subject.clone(),
                self.text.clone(),
                self.html.clone(),
                Vec::new(),
            ));
        };
        let vars: serde_json::Value = match &message.vars {
            Some(vars) => {
                serde_json::from_str(vars).map_err(|e| format!("row variables are unreadable: {e}"))?
            }
            None => serde_json::Value::Null,
        };
        let mut context = shared.clone();
        let mut headers = Vec::new();
        if let Some(object) = context.as_object_mut() {
            if let Some(recipient) = vars.get("recipient") {
                object.insert("recipient".into(), recipient.clone());
            }
            // The token is made here from the row's placeholder, in memory
            // only; without the key (`queue show`) the placeholder shows.
            // Rows queued before placeholders carry the token itself.
            let token = match (
                vars.get("unsubscribe_link").and_then(|l| l.as_str()),
                &self.link_key,
            ) {
                (Some(link), Some(key)) => Some(key.unsubscribe_token(link)?),
                (Some(_), None) if self.link_key_error.is_some() => {
                    return Err(self.link_key_error.clone().unwrap_or_default());
                }
                (Some(link), None) => Some(link.to_string()),
                (None, _) => vars
                    .get("unsubscribe_token")
                    .and_then(|t| t.as_str())
                    .map(str::to_string),
            };
            if let Some(token) = token {
                let url = self.links.public_url.url(&format!("unsubscribe/{token}"));
                object.insert("unsubscribe_url".into(), serde_json::Value::String(url.clone()));
                // RFC 2369 and RFC 8058 one-click unsubscribe.
                let mut list = format!("<{url}>");
                if let Some(mailto) = &self.links.unsubscribe_mailto {
                    let address = parse_mailbox(mailto)
                        .map(|m| m.email.to_string())
                        .unwrap_or_default();
                    list.push_str(&format!(", <mailto:{address}?subject=unsubscribe%20{token}>"));
                }
                let name = |n: &str| HeaderName::new_from_ascii(n.to_string()).map_err(|e| e.to_string());
                headers.push(HeaderValue::new(name("List-Unsubscribe")?, list));
                headers.push(HeaderValue::new(
                    name("List-Unsubscribe-Post")?,
                    "List-Unsubscribe=One-Click".into(),
                ));
            }
        }
        let rendered = templates.render(&context)?;
        Ok((rendered.subject, rendered.text, rendered.html, headers))
    }

    /// The MIME message of one row and its envelope (just this row's recipient).
    pub fn compose(&self, message: &Message) -> Result<(Envelope, Vec<u8>), String> {
        let recipient = parse_mailbox(&message.recipient)?;
        let envelope = Envelope::new(Some(self.from.email.clone()), vec![recipient.email])
            .map_err(|e| format!("invalid envelope: {e}"))?;
        let domain = self.from.email.domain();
        let (subject, text, html, row_headers) = self.parts(message)?;
        let mut builder = lettre::Message::builder()
            .from(self.from.clone())
            .subject(subject)
            .message_id(Some(format!("<publik.{}.{}@{domain}>", self.nonce, message.id)))
            .date(SystemTime::from(clock::now()))
            .envelope(envelope.clone());
        if let Some(to) = &self.to {
            builder = builder.header(header::To::from(to.clone()));
        }
        if let Some(cc) = &self.cc {
            builder = builder.header(header::Cc::from(cc.clone()));
        }
        if let Some(reply_to) = &self.reply_to {
            builder = builder.reply_to(reply_to.clone());
        }
        for value in self.headers.iter().chain(&row_headers) {
            builder = builder.raw_header(value.clone());
        }
        let text_part = SinglePart::plain(crlf(text));
        let calendar = self.calendar(message)?;
        let alternative = match (html, &calendar) {
            (None, None) => None,
            (html, calendar) => {
                let mut alternative = MultiPart::alternative().singlepart(text_part.clone());
                if let Some(html) = html {
                    alternative = alternative.singlepart(SinglePart::html(crlf(html)));
                }
                // RFC 6047: the calendar is the last alternative, its method in the content type.
                if let Some((ics, method)) = calendar {
                    let content_type =
                        ContentType::parse(&format!("text/calendar; method={method}; charset=UTF-8"))
                            .map_err(|e| e.to_string())?;
                    alternative = alternative
                        .singlepart(SinglePart::builder().header(content_type).body(crlf(ics.clone())));
                }
                Some(alternative)
            }
        };
        let email = if self.attachments.is_empty() && calendar.is_none() {
            match alternative {
                Some(alt) => builder.multipart(alt),
                None => builder.singlepart(text_part),
            }
        } else {
            let mut mixed = match alternative {
                Some(alt) => MultiPart::mixed().multipart(alt),
                None => MultiPart::mixed().singlepart(text_part),
            };
            if let Some((ics, _)) = &calendar {
                let content_type = ContentType::parse("application/ics").map_err(|e| e.to_string())?;
                mixed = mixed
                    .singlepart(MimeAttachment::new("invitation.ics".into()).body(ics.clone(), content_type));
            }
            for (filename, content_type, data) in &self.attachments {
                mixed = mixed.singlepart(
                    MimeAttachment::new(filename.clone()).body(data.clone(), content_type.clone()),
                );
            }
            builder.multipart(mixed)
        }
        .map_err(|e| format!("cannot build the message: {e}"))?;
        Ok((envelope, email.formatted()))
    }
}

/// `text` with CRLF line endings, in one pass. lettre makes them itself with
/// one `String::insert` per bare LF: quadratic, 60 s for a 16 MB body (long
/// enough for a second run to take the row over and send it twice).
fn crlf(text: String) -> String {
    let bare = text
        .bytes()
        .enumerate()
        .filter(|&(i, b)| b == b'\n' && (i == 0 || text.as_bytes()[i - 1] != b'\r'))
        .count();
    if bare == 0 {
        return text;
    }
    let mut out = String::with_capacity(text.len() + bare);
    let mut previous = '\0';
    for c in text.chars() {
        if c == '\n' && previous != '\r' {
            out.push('\r');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// Sends email rows through the configured transport.
pub struct EmailSender {
    transport: EmailTransport,
    /// The last body prepared: rows of one send are claimed one after the other.
    prepared: Option<PreparedEmail>,
    links: LinkSettings,
    link_key_path: PathBuf,
    /// Read on the first message with action links.
    link_key: Option<LinkKey>,
}

enum EmailTransport {
    Smtp(Box<SmtpClient>),
    Sendmail(SendmailTransport),
    /// One `.eml` file per message, mode 0600: they carry live links.
    File {
        dir: PathBuf,
    },
}

impl EmailSender {
    pub fn new(config: &Config, state: &Path) -> anyhow::Result<EmailSender> {
        let email = &config.email;
        let transport = match email.effective_transport() {
            TransportKind::Smtp => EmailTransport::Smtp(Box::new(SmtpClient::new(&email.smtp)?)),
            TransportKind::Sendmail => EmailTransport::Sendmail(SendmailTransport::new_with_command(
                config.resolve_path(&email.sendmail.command),
            )),
            TransportKind::File => {
                let dir = config.resolve_path(&email.file.dir);
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create the outbox directory {}", dir.display()))?;
                EmailTransport::File { dir }
            }
        };
        Ok(EmailSender {
            transport,
            prepared: None,
            links: LinkSettings::new(config),
            link_key_path: crate::link_key::path_for(config, state),
            link_key: None,
        })
    }
}

impl EmailSender {
    /// `body` parsed once for all its rows, its action links made.
    fn prepare(&mut self, body: &Body) -> Result<&PreparedEmail, String> {
        if self.prepared.as_ref().is_none_or(|p| p.body_id != body.id) {
            self.prepared = None;
            let mut prepared = PreparedEmail::new(body, &self.links)?;
            if prepared.needs_link_key() {
                if self.link_key.is_none() {
                    match LinkKey::load(&self.link_key_path) {
                        Ok(key) => self.link_key = Some(key),
                        Err(e) => {
                            if prepared.has_action_links() {
                                return Err(format!("{e:#}; its action links cannot be made"));
                            }
                            let reason = format!("{e:#}; its unsubscribe links cannot be made");
                            // A newsletter queued before unsubscribe links had
                            // placeholders still carries its tokens: only the
                            // rows with a placeholder fail.
                            prepared.link_key_error = Some(reason);
                        }
                    }
                }
                if let Some(key) = &self.link_key {
                    prepared.expand_links(key)?;
                }
            }
            self.prepared = Some(prepared);
        }
        self.prepared
            .as_ref()
            .ok_or_else(|| "email body unavailable".to_string())
    }
}

impl Sender for EmailSender {
    fn deliver(&mut self, message: &Message, body: &Body) -> Delivery {
        let (envelope, bytes) = match self.prepare(body).and_then(|prepared| prepared.compose(message)) {
            Ok(composed) => composed,
            Err(reason) => return Delivery::Failed { reason },
        };
        match &mut self.transport {
            EmailTransport::Smtp(client) => client.send(&envelope, &bytes),
            EmailTransport::Sendmail(sendmail) => match sendmail.send_raw(&envelope, &bytes) {
                Ok(()) => Delivery::Sent {
                    provider_id: None,
                    reply: "handed to sendmail".into(),
                },
                Err(e) => Delivery::Retry {
                    reason: format!("sendmail: {e}"),
                    retry_after: None,
                },
            },
            EmailTransport::File { dir } => match write_eml(dir, &bytes) {
                Ok(id) => Delivery::Sent {
                    reply: format!("written to {}", dir.join(format!("{id}.eml")).display()),
                    provider_id: Some(id),
                },
                Err(e) => Delivery::Retry {
                    reason: format!("cannot write to {}: {e}", dir.display()),
                    retry_after: None,
                },
            },
        }
    }
}

/// Writes one message as `DIR/ID.eml`, readable by its owner only (its
/// action and unsubscribe links work for whoever reads it). Returns the id.
fn write_eml(dir: &Path, bytes: &[u8]) -> std::io::Result<String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).map_err(std::io::Error::other)?;
    let id: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(dir.join(format!("{id}.eml")))?;
    file.write_all(bytes)?;
    Ok(id)
}

/// What to do about a certificate the system does not trust.
fn certificate_hint(error: &lettre::transport::smtp::Error) -> &'static str {
    if error.to_string().contains("certificate") {
        " (a private CA or a self-signed relay: trust it with email.smtp.ca_file)"
    } else {
        ""
    }
}

/// One SMTP connection kept for the whole run, reopened after a failure.
pub struct SmtpClient {
    host: String,
    port: u16,
    tls: SmtpTls,
    tls_parameters: Option<TlsParameters>,
    hello: ClientId,
    credentials: Option<Credentials>,
    timeout: std::time::Duration,
    connection: Option<SmtpConnection>,
    last_used: std::time::Instant,
}

/// A connection idle for longer than this is checked with NOOP before use:
/// servers close idle sessions, and a message must not pay for that.
const IDLE_CHECK: std::time::Duration = std::time::Duration::from_secs(5);

impl SmtpClient {
    pub fn new(smtp: &SmtpConfig) -> anyhow::Result<SmtpClient> {
        let host = smtp.host.clone().context("email.smtp.host is not set")?;
        let tls_parameters = match smtp.tls {
            SmtpTls::None => None,
            SmtpTls::Starttls | SmtpTls::Tls => {
                let mut builder = TlsParameters::builder(host.clone());
                if let Some(pem) = &smtp.ca_pem {
                    let certificate = Certificate::from_pem(pem.as_bytes())
                        .context("email.smtp.ca_file: unreadable certificates")?;
                    builder = builder.add_root_certificate(certificate);
                }
                Some(
                    builder
                        .build_rustls()
                        .with_context(|| format!("cannot set up TLS for {host}"))?,
                )
            }
        };
        let hello = match &smtp.hello_name {
            Some(name) => ClientId::Domain(name.clone()),
            None => ClientId::default(),
        };
        let credentials = match (&smtp.username, &smtp.resolved_password) {
            (Some(user), Some(password)) => {
                Some(Credentials::new(user.clone(), password.expose().to_string()))
            }
            _ => None,
        };
        Ok(SmtpClient {
            host,
            port: smtp.port,
            tls: smtp.tls,
            tls_parameters,
            hello,
            credentials,
            timeout: smtp.timeout.std(),
            connection: None,
            last_used: std::time::Instant::now(),
        })
    }

    fn peer(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    /// Connects, upgrades to TLS and authenticates as configured.
    pub fn connect(&self) -> Result<SmtpConnection, String> {
        let peer = self.peer();
        let addresses: Vec<_> = (self.host.as_str(), self.port)
            .to_socket_addrs()
            .map_err(|e| format!("cannot resolve {peer}: {e}"))?
            .collect();
        let wrapper = match self.tls {
            SmtpTls::Tls => self.tls_parameters.as_ref(),
            _ => None,
        };
        let mut connection =
            SmtpConnection::connect(&addresses[..], Some(self.timeout), &self.hello, wrapper, None).map_err(
                |e| {
                    format!(
                        "cannot connect to SMTP server {peer}: {e}{}",
                        certificate_hint(&e)
                    )
                },
            )?;
        if let (SmtpTls::Starttls, Some(parameters)) = (self.tls, self.tls_parameters.as_ref()) {
            connection
                .starttls(parameters, &self.hello)
                .map_err(|e| format!("STARTTLS with {peer} failed: {e}{}", certificate_hint(&e)))?;
        }
        if let Some(credentials) = &self.credentials {
            connection
                .auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .map_err(|e| format!("SMTP authentication with {peer} failed: {e}"))?;
        }
        Ok(connection)
    }

    /// Sends one message; connection problems before anything is sent mean
    /// the peer is down, everything after is classified per message.
    pub fn send(&mut self, envelope: &Envelope, bytes: &[u8]) -> Delivery {
        let idle = self.last_used.elapsed() > IDLE_CHECK;
        let reusable = self
            .connection
            .take()
            .filter(|c| !c.has_broken())
            .and_then(|mut c| (!idle || c.test_connected()).then_some(c));
        let mut connection = match reusable {
            Some(connection) => connection,
            None => match self.connect() {
                Ok(connection) => connection,
                Err(reason) => return Delivery::PeerDown { reason },
            },
        };
        let result = transact(&mut connection, envelope, bytes);
        self.last_used = std::time::Instant::now();
        match result {
            Ok(response) => {
                let reply = format!(
                    "{} {}",
                    response.code(),
                    response.message().collect::<Vec<_>>().join(" ")
                );
                self.connection = Some(connection);
                Delivery::Sent {
                    provider_id: None,
                    reply,
                }
            }
            Err(err) => {
                // lettre aborts the connection after any error: reopen next time.
                connection.abort();
                let reason = format!("SMTP {}: {err}", self.peer());
                if err.is_permanent() || err.is_client() {
                    Delivery::Failed { reason }
                } else {
                    Delivery::Retry {
                        reason,
                        retry_after: None,
                    }
                }
            }
        }
    }

    /// Closes the connection politely (QUIT).
    pub fn close(&mut self) {
        if let Some(mut connection) = self.connection.take() {
            let _ = connection.quit();
        }
    }
}

impl Drop for SmtpClient {
    fn drop(&mut self) {
        self.close();
    }
}

/// The message with its terminating dot, dot-stuffed, to be written in one
/// piece as if it were a command.
struct DataBlock<'a>(&'a str);

impl std::fmt::Display for DataBlock<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for line in self.0.split_inclusive('\n') {
            if line.starts_with('.') {
                f.write_str(".")?;
            }
            f.write_str(line)?;
        }
        f.write_str("\r\n.\r\n")
    }
}

/// One SMTP transaction: the dialogue of lettre's `SmtpConnection::send`, but
/// with the message and its final dot in a single write. lettre writes them
/// separately and does not set TCP_NODELAY, so the dot waited for the peer's
/// delayed ACK (~40 ms per message on Linux). Messages lettre composed are
/// 7-bit ASCII; anything else goes through lettre's own `send`.
fn transact(
    connection: &mut SmtpConnection,
    envelope: &Envelope,
    email: &[u8],
) -> Result<lettre::transport::smtp::response::Response, lettre::transport::smtp::Error> {
    let ascii_addresses = envelope
        .from()
        .into_iter()
        .chain(envelope.to())
        .all(|a: &lettre::Address| AsRef::<str>::as_ref(a).is_ascii());
    let text = match std::str::from_utf8(email) {
        Ok(text) if text.is_ascii() && ascii_addresses => text,
        _ => return connection.send(envelope, email),
    };
    connection.command(Mail::new(envelope.from().cloned(), vec![]))?;
    for recipient in envelope.to() {
        connection.command(Rcpt::new(recipient.clone(), vec![]))?;
    }
    connection.command(Data)?;
    connection.command(DataBlock(text))
}

/// `config check --connect`: opens a connection, says hello, quits.
pub fn probe(config: &Config) -> anyhow::Result<String> {
    match config.email.effective_transport() {
        TransportKind::Smtp => {
            let client = SmtpClient::new(&config.email.smtp)?;
            let mut connection = client.connect().map_err(crate::exit_codes::peer_down)?;
            let banner = connection.server_info().to_string();
            let _ = connection.quit();
            Ok(format!("connected to {} ({banner})", client.peer()))
        }
        TransportKind::Sendmail => {
            let command = config.resolve_path(&config.email.sendmail.command);
            if command.is_file() {
                Ok(format!("{} exists", command.display()))
            } else {
                Err(crate::exit_codes::peer_down(format!(
                    "{} does not exist",
                    command.display()
                )))
            }
        }
        TransportKind::File => {
            let dir = config.resolve_path(&config.email.file.dir);
            std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            Ok(format!("outbox {} is writable", dir.display()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_endings_in_one_pass() {
        assert_eq!(crlf("a\nb\r\nc\n".into()), "a\r\nb\r\nc\r\n");
        assert_eq!(crlf("\n\n".into()), "\r\n\r\n");
        assert_eq!(crlf("déjà\nvu".into()), "déjà\r\nvu");
        assert_eq!(crlf("as is\r\n".into()), "as is\r\n");
    }

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
