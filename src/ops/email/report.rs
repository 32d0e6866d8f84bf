//! Reading a report about a message publik sent, whatever its format: RFC
//! 3464 delivery status notifications (Postfix, Exchange, Exim) field by
//! field, the plain-text bounces of older MTAs by their status codes and
//! wording, and RFC 5965 feedback reports (complaints). What the report
//! does to the row is `bounce.rs`'s.

use mail_parser::{MessageParser, MimeHeaders, PartType};

use crate::exit_codes::bad_input;

/// What one recipient's delivery came to, as the report says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct RecipientStatus {
    recipient: Option<String>,
    action: Option<String>,
    /// Enhanced status code, `5.1.1`.
    status: Option<String>,
    diagnostic: Option<String>,
}

/// What a bounce says, whatever its format.
#[derive(Debug, Default)]
pub(super) struct Notification {
    /// Addresses the bounce was sent to (a VERP return path among them).
    pub(super) addressed_to: Vec<String>,
    /// Message-IDs of the original message found in the report.
    pub(super) original_ids: Vec<String>,
    pub(super) recipients: Vec<RecipientStatus>,
    /// The human-readable text, for reports without a delivery-status part.
    pub(super) text: String,
    /// An abuse report (RFC 5965 ARF, as feedback loops send): its
    /// Feedback-Type.
    pub(super) complaint: Option<String>,
    /// Why a message without a report part is no bounce (an automatic
    /// reply, a letter): it may not fail a row.
    pub(super) not_a_bounce: Option<String>,
}

/// Message-IDs of the original a bounce is looked up by, at most.
const MAX_ORIGINAL_IDS: usize = 16;

/// Reads a bounce: 65 when it is not a mail message at all.
pub(super) fn parse(raw: &[u8]) -> anyhow::Result<Notification> {
    let looks_like_mail = raw
        .split(|b| *b == b'\n')
        .next()
        .is_some_and(|first| first.contains(&b':') || first.starts_with(b"From "));
    let trimmed = without_field_floods(raw);
    let message = MessageParser::default()
        .parse(trimmed.as_ref())
        .filter(|_| looks_like_mail)
        .ok_or_else(|| {
            bad_input("standard input: not a mail message (a delivery status notification was expected)")
        })?;
    let mut notification = Notification::default();
    for header in ["X-Original-To", "Delivered-To", "Envelope-To", "To"] {
        if let Some(value) = message.header_raw(header) {
            notification.addressed_to.extend(
                value
                    .split(',')
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty()),
            );
        }
    }
    let own_id = message.message_id().map(str::to_string);
    for part in &message.parts {
        let (c_type, subtype) = part
            .content_type()
            .map(|ct| {
                (
                    ct.c_type.to_ascii_lowercase(),
                    ct.subtype().unwrap_or("").to_ascii_lowercase(),
                )
            })
            .unwrap_or_default();
        match (&part.body, c_type.as_str(), subtype.as_str()) {
            (PartType::Message(original), _, _) => {
                notification
                    .original_ids
                    .extend(original.message_id().map(str::to_string));
                // The original's return path as the receiver kept it: a
                // feedback loop's report is not sent to it.
                notification
                    .addressed_to
                    .extend(original.header_raw("Return-Path").map(|p| p.trim().to_string()));
            }
            (_, "message", "feedback-report") => {
                let fields = String::from_utf8_lossy(part.contents()).to_string();
                let feedback_type = fields
                    .lines()
                    .find_map(|line| {
                        let (name, value) = line.split_once(':')?;
                        name.trim()
                            .eq_ignore_ascii_case("feedback-type")
                            .then(|| value.trim().to_ascii_lowercase())
                    })
                    .filter(|t| {
                        !t.is_empty()
                            && t.len() <= 32
                            && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                    .unwrap_or_else(|| "abuse".into());
                notification.complaint = Some(feedback_type);
            }
            (_, "message", "delivery-status" | "global-delivery-status") => {
                notification
                    .recipients
                    .extend(delivery_status(&String::from_utf8_lossy(part.contents())));
            }
            (PartType::Text(text), _, _) => {
                notification.text.push_str(text);
                notification.text.push('\n');
            }
            _ => {}
        }
    }
    // Headers quoted in a text/rfc822-headers part or in the text of a
    // plain bounce ("This is a copy of the message, including all the headers").
    // A real bounce quotes one or two; a flood of them (one look-up in the
    // state each) is cut, and the lines are read once, in linear time.
    let whole = String::from_utf8_lossy(raw);
    let mut seen: std::collections::HashSet<String> = notification.original_ids.iter().cloned().collect();
    for line in whole.lines() {
        if notification.original_ids.len() >= MAX_ORIGINAL_IDS {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("return-path")
            && notification.complaint.is_some()
            && notification.addressed_to.len() < MAX_ORIGINAL_IDS
        {
            // Quoted headers of a feedback report's original.
            notification.addressed_to.push(value.trim().to_string());
        } else if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("message-id")
        {
            let value = value.trim().to_string();
            if Some(value.trim_start_matches('<').trim_end_matches('>')) != own_id.as_deref()
                && seen.insert(value.clone())
            {
                notification.original_ids.push(value);
            }
        }
    }
    notification.original_ids.truncate(MAX_ORIGINAL_IDS);
    if notification.recipients.is_empty() && notification.complaint.is_none() {
        notification.not_a_bounce = super::auto_reply::not_a_bounce(&message);
    }
    Ok(notification)
}

/// Header fields in a row kept for the mail parser, at most. A real
/// bounce's blocks have a few dozen (Postfix refuses more than 50 hops);
/// the parser keeps a hundred-odd bytes for each field, so 4 MB of
/// `To: a@b` lines would take hundreds of MB.
const MAX_FIELDS_IN_A_ROW: usize = 1_000;

/// Lines that may open a MIME part (`--boundary`) kept, at most: a real
/// bounce has three or four parts, and each costs the parser hundreds of
/// bytes.
const MAX_BOUNDARY_LINES: usize = 1_000;

/// `raw` with every run of header-looking lines (`Name: value` and their
/// folded continuations) cut after `MAX_FIELDS_IN_A_ROW` fields (a
/// header block of a flood keeps its first fields, and its end), and the
/// lines opening parts past `MAX_BOUNDARY_LINES` left out.
fn without_field_floods(raw: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let mut kept: Option<Vec<u8>> = None;
    let mut boundary_lines = 0usize;
    let mut fields_in_a_row = 0usize;
    let mut cutting = false;
    let mut offset = 0;
    for line in raw.split_inclusive(|b| *b == b'\n') {
        let continuation = matches!(line.first(), Some(b' ' | b'\t'));
        let is_field = !continuation
            && line
                .iter()
                .position(|b| *b == b':')
                .is_some_and(|colon| colon > 0 && !line[..colon].iter().any(u8::is_ascii_whitespace));
        if is_field {
            fields_in_a_row += 1;
            cutting = fields_in_a_row > MAX_FIELDS_IN_A_ROW;
        } else if !continuation {
            fields_in_a_row = 0;
            cutting = false;
        }
        if line.starts_with(b"--") {
            boundary_lines += 1;
        }
        if cutting || (line.starts_with(b"--") && boundary_lines > MAX_BOUNDARY_LINES) {
            kept.get_or_insert_with(|| raw[..offset].to_vec());
        } else if let Some(kept) = kept.as_mut() {
            kept.extend_from_slice(line);
        }
        offset += line.len();
    }
    match kept {
        Some(kept) => std::borrow::Cow::Owned(kept),
        None => std::borrow::Cow::Borrowed(raw),
    }
}

/// The per-recipient blocks of a `message/delivery-status` part (RFC 3464).
fn delivery_status(text: &str) -> Vec<RecipientStatus> {
    let mut statuses = Vec::new();
    let unfolded = text
        .replace("\r\n", "\n")
        .replace("\n ", " ")
        .replace("\n\t", " ");
    for block in unfolded.split("\n\n") {
        let mut status = RecipientStatus::default();
        for line in block.lines() {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            // Folded lines come back as runs of spaces.
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            let value = value.as_str();
            // `rfc822; addr` and `smtp; 550 ...`: the type before the semicolon.
            let typed = || value.split_once(';').map_or(value, |(_, v)| v.trim()).to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "final-recipient" | "original-recipient" if status.recipient.is_none() => {
                    status.recipient = Some(typed())
                }
                "action" => status.action = Some(value.to_ascii_lowercase()),
                "status" => status.status = Some(value.split_whitespace().next().unwrap_or("").to_string()),
                "diagnostic-code" => status.diagnostic = Some(typed()),
                _ => {}
            }
        }
        if status.status.is_some() || status.action.is_some() {
            statuses.push(status);
        }
    }
    statuses
}

/// What a bounce comes to.
pub(super) struct Outcome {
    pub(super) status: String,
    pub(super) diagnostic: Option<String>,
    /// The mail will not be delivered: a report's `Action: failed` (RFC
    /// 3464: final whatever its status class; Postfix gives up on a
    /// deferred message with a 4.x.x), else a 5.x.x status.
    pub(super) permanent: bool,
}

/// The status code and diagnostic a bounce comes to, and whether it is final.
pub(super) fn outcome(notification: &Notification) -> Outcome {
    // A report: the failed recipient first, then a delayed one.
    let reported = ["failed", "delayed"].iter().find_map(|action| {
        notification
            .recipients
            .iter()
            .find(|r| r.action.as_deref() == Some(*action))
    });
    if let Some(recipient) = reported.or(notification.recipients.first()) {
        let status = recipient
            .status
            .clone()
            .filter(|s| enhanced_code(s).is_some())
            .unwrap_or_else(|| match recipient.action.as_deref() {
                Some("delayed") => "4.0.0".into(),
                Some("delivered" | "relayed" | "expanded") => "2.0.0".into(),
                _ => "5.0.0".into(),
            });
        let permanent = match recipient.action.as_deref() {
            Some("failed") => true,
            Some("delayed" | "delivered" | "relayed" | "expanded") => false,
            _ => status.starts_with('5'),
        };
        return Outcome {
            status,
            diagnostic: recipient.diagnostic.clone(),
            permanent,
        };
    }
    // A plain-text bounce: its first status code, else its wording.
    let text = &notification.text;
    let line_with = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .map(|l| l.trim().to_string())
    };
    if let Some(code) = enhanced_code(text) {
        return Outcome {
            permanent: code.starts_with('5'),
            diagnostic: line_with(&code),
            status: code,
        };
    }
    let lower = text.to_ascii_lowercase();
    let transient = [
        "not yet been delivered",
        "delayed",
        "will keep trying",
        "will retry",
        "temporary",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let status = if transient { "4.0.0" } else { "5.0.0" };
    let diagnostic = text
        .lines()
        .map(str::trim)
        .find(|l| {
            l.starts_with("550") || l.starts_with("554") || l.to_ascii_lowercase().contains("smtp error")
        })
        .map(str::to_string);
    Outcome {
        status: status.into(),
        diagnostic,
        permanent: !transient,
    }
}

/// The first enhanced status code (`5.1.1`, RFC 3463) in `text`.
fn enhanced_code(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find_map(|start| {
        let boundary = start == 0 || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'.');
        if !boundary || !matches!(bytes[start], b'2' | b'4' | b'5') || bytes.get(start + 1) != Some(&b'.') {
            return None;
        }
        let mut at = start + 2;
        for part in 0..2 {
            let digits = bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 || digits > 3 {
                return None;
            }
            at += digits;
            if part == 0 {
                if bytes.get(at) != Some(&b'.') {
                    return None;
                }
                at += 1;
            }
        }
        let after = bytes.get(at);
        if after.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.') {
            return None;
        }
        Some(text[start..at].to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_fields_keeps_its_first_ones_and_what_follows() {
        let mut raw = String::from("Subject: x\n");
        for _ in 0..MAX_FIELDS_IN_A_ROW + 10 {
            raw.push_str("To: a@example.org\n  folded\n");
        }
        raw.push_str("\nbody: with a colon\n");
        let kept = String::from_utf8(without_field_floods(raw.as_bytes()).into_owned()).unwrap();
        assert_eq!(kept.matches("To: ").count(), MAX_FIELDS_IN_A_ROW - 1);
        assert_eq!(kept.matches("folded").count(), MAX_FIELDS_IN_A_ROW - 1);
        assert!(kept.ends_with("\n\nbody: with a colon\n"), "{kept}");
        let parts = "--b\n\n".repeat(MAX_BOUNDARY_LINES + 5);
        let kept = without_field_floods(parts.as_bytes());
        assert_eq!(kept.len(), parts.len() - 5 * 4);
        let small = "Subject: x\nTo: a@b\n\nbody\n";
        assert!(matches!(
            without_field_floods(small.as_bytes()),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// A bounce quoting 100 000 Message-ID lines keeps a few, read once:
    /// each kept one costs a look-up in the state (and the old dedupe was
    /// quadratic: 70 s of CPU for 100 000 lines).
    #[test]
    fn a_flood_of_message_ids_is_cut() {
        let mut raw = String::from("From: MAILER-DAEMON@relay.example.org\r\nSubject: Undelivered\r\n\r\n");
        for i in 0..100_000 {
            raw.push_str(&format!("Message-ID: <publik.x.{i}@example.org>\r\n"));
        }
        let notification = parse(raw.as_bytes()).unwrap();
        assert_eq!(notification.original_ids.len(), MAX_ORIGINAL_IDS);
        assert_eq!(notification.original_ids[0], "<publik.x.0@example.org>");
    }

    #[test]
    fn enhanced_codes_are_found_alone() {
        assert_eq!(
            enhanced_code("550 5.1.1 <a@b>: unknown").as_deref(),
            Some("5.1.1")
        );
        assert_eq!(enhanced_code("451 4.7.1 greylisted").as_deref(), Some("4.7.1"));
        assert_eq!(enhanced_code("version 10.5.1.2 and 1.2.3"), None);
        assert_eq!(enhanced_code("Postfix 3.5.25"), None);
    }

    #[test]
    fn delivery_status_blocks_are_read() {
        let text = "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; perm@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <perm@example.org>:\n Recipient address rejected\n";
        let statuses = delivery_status(text);
        assert_eq!(statuses.len(), 1);
        assert_eq!(statuses[0].recipient.as_deref(), Some("perm@example.org"));
        assert_eq!(statuses[0].status.as_deref(), Some("5.1.1"));
        assert_eq!(
            statuses[0].diagnostic.as_deref(),
            Some("550 5.1.1 <perm@example.org>: Recipient address rejected")
        );
    }
}
