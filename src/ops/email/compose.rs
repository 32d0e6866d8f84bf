//! MIME composition of one row: the parts of a send parsed once, a row's
//! message built by lettre at send time.

use std::time::SystemTime;

use lettre::address::Envelope;
use lettre::message::header::{self, ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment as MimeAttachment, Mailbox, Mailboxes, MultiPart, SinglePart};

use crate::address::parse_mailbox;
use crate::clock;
use crate::link_key::LinkKey;
use crate::store::{Body, Message};

use super::{EmailContent, InvitationPart, LinkSettings};

/// The parts of a send shared by its rows, parsed once per run (a send to
/// thousands of recipients must not re-parse its headers for each of them).
pub(crate) struct PreparedEmail {
    pub(super) body_id: i64,
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
    /// A newsletter's `List-Id` value (RFC 2919).
    list_id: Option<String>,
    invitation: Option<InvitationPart>,
    links: LinkSettings,
    action_links: Vec<String>,
    /// Set when sending: makes the unsubscribe links of newsletter rows.
    link_key: Option<LinkKey>,
    /// Why the key could not be read, when sending without it.
    pub(super) link_key_error: Option<String>,
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
    pub(crate) fn new(body: &Body, links: &LinkSettings) -> Result<PreparedEmail, String> {
        let content: EmailContent = serde_json::from_str(&body.content)
            .map_err(|e| format!("stored email content is unreadable: {e}"))?;
        let name = |n: &str| HeaderName::new_from_ascii(n.to_string()).map_err(|e| e.to_string());
        let from = parse_mailbox(&content.from)?;
        let list_id = content
            .newsletter
            .as_ref()
            .map(|part| list_id(&part.context, from.email.domain()));
        // RFC 3834 for transactional mail; list mail says it is bulk instead,
        // so that vacation responders keep quiet either way.
        let mut headers = match &list_id {
            None => vec![HeaderValue::new(name("Auto-Submitted")?, "auto-generated".into())],
            Some(list_id) => vec![
                HeaderValue::new(name("Precedence")?, "bulk".into()),
                HeaderValue::new(name("List-Id")?, list_id.clone()),
            ],
        };
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
            from,
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
            list_id,
            invitation: content.invitation,
            links: links.clone(),
            action_links: content.action_links,
            link_key: None,
            link_key_error: None,
        })
    }

    pub(super) fn has_action_links(&self) -> bool {
        !self.action_links.is_empty()
    }

    /// Puts the action links' tokens in place of their placeholders; only
    /// this in-memory copy ever holds them.
    /// Also keeps the key for the rows' unsubscribe links.
    pub(crate) fn expand_links(&mut self, key: &LinkKey) -> Result<(), String> {
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
    pub(crate) fn parts(
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
        let rendered = templates.render(&context).map_err(|e| e.to_string())?;
        Ok((rendered.subject, rendered.text, rendered.html, headers))
    }

    /// Row `id`'s Message-ID: a MAC of the id under the link key, so that a
    /// bounce quoting it proves the row and knowing one row's gives no
    /// other's; random (unmatchable) when the key cannot be had.
    fn message_id(&self, id: i64, domain: &str) -> String {
        format!("<{}@{domain}>", self.row_proof(id))
    }

    /// `publik.TAG.ID`: the Message-ID's local part, which proves row `id`
    /// (also sent in a provider's custom header for its events).
    fn row_proof(&self, id: i64) -> String {
        let tag = match &self.link_key {
            Some(key) => key.message_id_tag(id),
            None => format!(
                "{}x{}",
                self.nonce,
                crate::token::random_hex(8).unwrap_or_default()
            ),
        };
        format!("publik.{tag}.{id}")
    }

    /// The MIME message of one row and its envelope (just this row's recipient).
    pub(crate) fn compose(&self, message: &Message) -> Result<(Envelope, Vec<u8>), String> {
        let recipient = parse_mailbox(&message.recipient)?;
        // A test platform sends everything to one address; the row's own
        // recipient is said in a header.
        let redirect = self.links.redirect_to.as_deref().map(parse_mailbox).transpose()?;
        let envelope_to = redirect.as_ref().unwrap_or(&recipient).email.clone();
        // VERP: the return path names the row (see `publik bounce`).
        let return_path = match (&self.links.bounce_address, &self.link_key) {
            (Some(pattern), Some(key)) => {
                parse_mailbox(&pattern.replace("{id}", &key.bounce_tag(message.id)))?.email
            }
            (Some(_), None) => {
                return Err(self
                    .link_key_error
                    .clone()
                    .unwrap_or_else(|| "the link key is needed for the bounce address".into()));
            }
            (None, _) => self.from.email.clone(),
        };
        let envelope = Envelope::new(Some(return_path), vec![envelope_to])
            .map_err(|e| format!("invalid envelope: {e}"))?;
        let domain = self.from.email.domain();
        let (subject, text, html, row_headers) = self.parts(message)?;
        let mut builder = lettre::Message::builder()
            .from(self.from.clone())
            .subject(subject)
            .message_id(Some(self.message_id(message.id, domain)))
            .date(SystemTime::from(clock::now()))
            .envelope(envelope.clone());
        match &self.to {
            Some(to) => builder = builder.header(header::To::from(to.clone())),
            // A newsletter row goes to its member, who is its To:.
            None if self.list_id.is_some() => builder = builder.to(recipient.clone()),
            None => {}
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
        if let Some(header) = self.links.events_header {
            let name = HeaderName::new_from_ascii(header.into()).map_err(|e| e.to_string())?;
            builder = builder.raw_header(HeaderValue::new(name, self.row_proof(message.id)));
        }
        if redirect.is_some() {
            let name =
                HeaderName::new_from_ascii("X-Publik-Original-To".into()).map_err(|e| e.to_string())?;
            builder = builder.raw_header(HeaderValue::new(name, recipient.email.to_string()));
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
                // Always base64: lettre sends text-like files as 7bit with
                // their bare LFs, which strict servers refuse.
                let body = lettre::message::Body::new_with_encoding(
                    data.clone(),
                    lettre::message::header::ContentTransferEncoding::Base64,
                )
                .map_err(|_| format!("attachment {filename}: cannot encode it"))?;
                mixed =
                    mixed.singlepart(MimeAttachment::new(filename.clone()).body(body, content_type.clone()));
            }
            builder.multipart(mixed)
        }
        .map_err(|e| format!("cannot build the message: {e}"))?;
        Ok((envelope, super::fold::fold_headers(email.formatted())))
    }
}

/// `"Label" <slug.domain>` for a newsletter's group (the context's `group`);
/// a label beyond plain ASCII as an RFC 2047 encoded word.
fn list_id(context: &serde_json::Value, domain: &str) -> String {
    use base64::Engine;
    let group = &context["group"];
    let slug = group["slug"].as_str().unwrap_or("newsletter");
    let label = group["label"].as_str().unwrap_or(slug);
    let phrase = if label.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        format!("\"{}\"", label.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        let encoded = base64::engine::general_purpose::STANDARD.encode(label);
        format!("=?utf-8?b?{encoded}?=")
    };
    format!("{phrase} <{slug}.{domain}>")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_ids_quote_or_encode_the_label() {
        let context = serde_json::json!({"group": {"slug": "nord", "label": "Quartier \"Nord\""}});
        assert_eq!(
            list_id(&context, "example.org"),
            r#""Quartier \"Nord\"" <nord.example.org>"#
        );
        let context = serde_json::json!({"group": {"slug": "est", "label": "Quartier Est – été"}});
        assert_eq!(
            list_id(&context, "example.org"),
            "=?utf-8?b?UXVhcnRpZXIgRXN0IOKAkyDDqXTDqQ==?= <est.example.org>"
        );
    }

    #[test]
    fn crlf_endings_in_one_pass() {
        assert_eq!(crlf("a\nb\r\nc\n".into()), "a\r\nb\r\nc\r\n");
        assert_eq!(crlf("\n\n".into()), "\r\n\r\n");
        assert_eq!(crlf("déjà\nvu".into()), "déjà\r\nvu");
        assert_eq!(crlf("as is\r\n".into()), "as is\r\n");
    }
}
