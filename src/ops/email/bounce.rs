//! `publik bounce`: one delivery status notification read from a pipe (a
//! Postfix `pipe` transport, an Exim or procmail pipe) and its effect on the
//! row it belongs to. The row is found by its VERP return path
//! (`email.bounce_address`, its id signed with the link key) or else by the
//! original Message-ID (publik's carry the row id and a MAC of it under the
//! link key, which a forger cannot make for another row). RFC 3464 reports (Postfix, Exchange,
//! Exim) are read field by field; the plain-text bounces of older MTAs by
//! their status codes and wording.

use std::path::Path;

use mail_parser::{MessageParser, MimeHeaders, PartType};
use serde::Serialize;

use crate::config::Config;
use crate::exit_codes::bad_input;
use crate::link_key::LinkKey;
use crate::store::Store;

/// What one recipient's delivery came to, as the report says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RecipientStatus {
    recipient: Option<String>,
    action: Option<String>,
    /// Enhanced status code, `5.1.1`.
    status: Option<String>,
    diagnostic: Option<String>,
}

/// What a bounce says, whatever its format.
#[derive(Debug, Default)]
struct Notification {
    /// Addresses the bounce was sent to (a VERP return path among them).
    addressed_to: Vec<String>,
    /// Message-IDs of the original message found in the report.
    original_ids: Vec<String>,
    recipients: Vec<RecipientStatus>,
    /// The human-readable text, for reports without a delivery-status part.
    text: String,
    /// An abuse report (RFC 5965 ARF, as feedback loops send): its
    /// Feedback-Type.
    complaint: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct BounceReport {
    /// The row the bounce belongs to; None when it is not ours.
    pub message_id: Option<i64>,
    /// How it was found: `return-path` (VERP) or `message-id`.
    pub found_by: Option<&'static str>,
    /// Permanent (5.x.x) or transient (4.x.x).
    pub permanent: bool,
    pub status: String,
    pub diagnostic: Option<String>,
    /// The row went to failed.
    pub failed: bool,
    /// Newsletter memberships of the address now bounced.
    pub members_bounced: usize,
    /// A complaint (an abuse report: `status` is its feedback type) rather
    /// than a bounce.
    pub complaint: bool,
    /// The complaint took the member out of the newsletter's group.
    pub unsubscribed: bool,
}

/// Handles one bounce. `envelope_to` is the address the MTA delivered it to
/// (`${original_recipient}` of a Postfix pipe), when given.
pub(crate) fn handle(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    raw: &[u8],
    envelope_to: Option<&str>,
    actor: &str,
) -> anyhow::Result<BounceReport> {
    let mut notification = parse(raw)?;
    notification.addressed_to.extend(envelope_to.map(str::to_string));
    let Outcome {
        status,
        diagnostic,
        permanent,
    } = outcome(&notification);
    let mut report = BounceReport {
        message_id: None,
        found_by: None,
        permanent,
        status: status.clone(),
        diagnostic: diagnostic.clone(),
        failed: false,
        members_bounced: 0,
        complaint: notification.complaint.is_some(),
        unsubscribed: false,
    };
    if let Some(feedback_type) = &notification.complaint {
        return complaint(
            store,
            config,
            link_key,
            &notification,
            feedback_type,
            actor,
            report,
        );
    }
    if status.starts_with('2') {
        log::warn!("bounce: a success notification ({status}), nothing to do");
        return Ok(report);
    }
    let Some((id, found_by)) = find_row(store, config, link_key, &notification)? else {
        log::warn!("bounce: not about a message publik sent; ignored");
        return Ok(report);
    };
    let kind = if permanent {
        "bounced"
    } else {
        "delivery delayed (transient bounce)"
    };
    let reason = match &diagnostic {
        Some(diagnostic) => format!("{kind}: {status} {diagnostic}"),
        None => format!("{kind}: {status}"),
    };
    // The same report again (a pipe retried, a mailbox read twice).
    if store.has_event(id, &reason)? {
        log::info!("bounce: message {id}: already recorded");
        report.message_id = Some(id);
        report.found_by = Some(found_by);
        return Ok(report);
    }
    let Some(effect) = store.apply_bounce(id, permanent, &reason, None, actor)? else {
        log::warn!("bounce: message {id} is no longer in the state; ignored");
        return Ok(report);
    };
    log::info!("bounce: message {id} ({}): {reason}", effect.before);
    report.message_id = Some(id);
    report.found_by = Some(found_by);
    report.failed = effect.failed;
    report.members_bounced = effect.members_bounced;
    Ok(report)
}

/// An abuse report about a message: a newsletter's member leaves its
/// group, and the row's history says so; nothing else changes.
fn complaint(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    notification: &Notification,
    feedback_type: &str,
    actor: &str,
    mut report: BounceReport,
) -> anyhow::Result<BounceReport> {
    report.permanent = false;
    report.status = feedback_type.to_string();
    report.diagnostic = None;
    let Some((id, found_by)) = find_row(store, config, link_key, notification)? else {
        log::warn!("complaint: not about a message publik sent; ignored");
        return Ok(report);
    };
    let reason = format!("complaint: feedback report ({feedback_type})");
    if store.has_event(id, &reason)? {
        log::info!("complaint: message {id}: already recorded");
    } else if let Some(unsubscribed) = store.unsubscribe_reported(id, &reason, true, actor)? {
        log::info!("complaint: message {id}: {reason}");
        report.unsubscribed = unsubscribed;
    }
    report.message_id = Some(id);
    report.found_by = Some(found_by);
    Ok(report)
}

/// The row a bounce is about: by its VERP return path when the site has
/// one (nothing else is believed then), else by the original's Message-ID,
/// whose tag is a MAC of the row id.
fn find_row(
    store: &Store,
    config: &Config,
    link_key: &Path,
    notification: &Notification,
) -> anyhow::Result<Option<(i64, &'static str)>> {
    let Ok(key) = LinkKey::load(link_key) else {
        log::warn!(
            "bounce: no link key at {}: no row can be proved",
            link_key.display()
        );
        return Ok(None);
    };
    proved_row(&key, config.email.bounce_address.as_deref(), notification, |id| {
        Ok(store.message(id)?.is_some())
    })
}

/// The row whose MAC the notification carries (`exists` says whether a
/// Message-ID's row is still in the state), and how it was found.
fn proved_row(
    key: &LinkKey,
    bounce_address: Option<&str>,
    notification: &Notification,
    exists: impl Fn(i64) -> anyhow::Result<bool>,
) -> anyhow::Result<Option<(i64, &'static str)>> {
    if let Some(pattern) = bounce_address {
        let Some((prefix, suffix)) = pattern.split_once("{id}") else {
            return Ok(None);
        };
        let (prefix, suffix) = (prefix.to_ascii_lowercase(), suffix.to_ascii_lowercase());
        for address in &notification.addressed_to {
            let address = address.trim().trim_start_matches('<').trim_end_matches('>');
            let lower = address.to_ascii_lowercase();
            if lower.len() > prefix.len() + suffix.len()
                && lower.starts_with(&prefix)
                && lower.ends_with(&suffix)
                && address.is_char_boundary(prefix.len())
                && address.is_char_boundary(address.len() - suffix.len())
            {
                let tag = &address[prefix.len()..address.len() - suffix.len()];
                if let Some(id) = key.bounce_id(tag) {
                    return Ok(Some((id, "return-path")));
                }
                log::warn!("bounce: return path {address} does not carry a valid tag");
            }
        }
        return Ok(None);
    }
    for message_id in &notification.original_ids {
        let Some((tag, id)) = publik_message_id(message_id) else {
            continue;
        };
        // Compared in full; the tag is no secret once a bounce shows it.
        if key.message_id_tag(id).eq_ignore_ascii_case(tag) && exists(id)? {
            return Ok(Some((id, "message-id")));
        }
        log::warn!("bounce: Message-ID {message_id} does not carry message {id}'s tag");
    }
    Ok(None)
}

/// `<publik.TAG.ID@domain>` (or `publik.TAG.ID`, as a provider's custom
/// header carries it) → (TAG, ID).
pub(super) fn publik_message_id(text: &str) -> Option<(&str, i64)> {
    let inner = text.trim().trim_start_matches('<').trim_end_matches('>');
    let local = inner.rsplit_once('@').map_or(inner, |(local, _)| local);
    let rest = local.strip_prefix("publik.")?;
    let (nonce, id) = rest.rsplit_once('.')?;
    Some((nonce, id.parse().ok()?))
}

/// Message-IDs of the original a bounce is looked up by, at most.
const MAX_ORIGINAL_IDS: usize = 16;

/// Reads a bounce: 65 when it is not a mail message at all.
fn parse(raw: &[u8]) -> anyhow::Result<Notification> {
    let looks_like_mail = raw
        .split(|b| *b == b'\n')
        .next()
        .is_some_and(|first| first.contains(&b':') || first.starts_with(b"From "));
    let message = MessageParser::default()
        .parse(raw)
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
    Ok(notification)
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
struct Outcome {
    status: String,
    diagnostic: Option<String>,
    /// The mail will not be delivered: a report's `Action: failed` (RFC
    /// 3464: final whatever its status class; Postfix gives up on a
    /// deferred message with a 4.x.x), else a 5.x.x status.
    permanent: bool,
}

/// The status code and diagnostic a bounce comes to, and whether it is final.
fn outcome(notification: &Notification) -> Outcome {
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
    fn publik_message_ids_name_their_row() {
        assert_eq!(
            publik_message_id("<publik.AbC-d_9.42@example.org>"),
            Some(("AbC-d_9", 42))
        );
        assert_eq!(publik_message_id("<other.42@example.org>"), None);
    }

    #[test]
    fn a_non_ascii_return_path_is_no_panic() {
        let key = LinkKey::for_tests([7; 32]);
        let notification = Notification {
            addressed_to: vec!["bounces+é@example.org".into(), "bounces+é".into()],
            ..Notification::default()
        };
        let proved = proved_row(&key, Some("bounces+{id}@example.org"), &notification, |_| {
            Ok(true)
        });
        assert!(proved.unwrap().is_none());
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

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A DSN as Postfix writes it, quoting `message_ids` in its headers
    /// part and delivered to `return_path`.
    fn dsn(return_path: &str, message_ids: &[String]) -> String {
        let quoted: String = message_ids
            .iter()
            .map(|id| format!("Message-ID: {id}\r\n"))
            .collect();
        format!(
            "Return-Path: <>\r\nTo: {return_path}\r\nFrom: MAILER-DAEMON@relay.example.org\r\n\
             Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
             --b\r\nContent-Type: text/plain\r\n\r\nundeliverable\r\n\
             --b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; relay.example.org\r\n\r\n\
             Final-Recipient: rfc822; someone@example.net\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n\
             --b\r\nContent-Type: text/rfc822-headers\r\n\r\n{quoted}Subject: x\r\n\r\n--b--\r\n"
        )
    }

    /// What a forger may put where a tag goes: another row's genuine tag,
    /// a tag under another key, random hex, or the real one altered.
    fn forged_tag(key: &LinkKey, other: &LinkKey, id: i64, kind: u8, noise: &str) -> String {
        match kind % 4 {
            0 => key.message_id_tag(id + 1),
            1 => other.message_id_tag(id),
            2 => noise.to_string(),
            _ => {
                let mut tag = key.message_id_tag(id);
                let flipped = if tag.ends_with('0') { '1' } else { '0' };
                tag.pop();
                tag.push(flipped);
                tag
            }
        }
    }

    proptest! {
        #![proptest_config(crate::testing::config())]

        /// Whatever ids and tags a bounce quotes, the row it proves is one
        /// whose genuine tag it carries, and with VERP configured only a
        /// verified return path proves anything.
        #[test]
        fn only_a_genuine_tag_proves_a_row(
            ids in proptest::collection::vec(1i64..1_000_000, 1..5),
            kinds in proptest::collection::vec(0u8..4, 5),
            genuine in proptest::option::of(0usize..5),
            noise in "[0-9a-f]{0,30}",
            verp in any::<bool>(),
        ) {
            let key = LinkKey::for_tests([1; 32]);
            let other = LinkKey::for_tests([2; 32]);
            let genuine = genuine.filter(|at| *at < ids.len());
            let quoted: Vec<String> = ids
                .iter()
                .enumerate()
                .map(|(at, id)| {
                    let tag = if Some(at) == genuine {
                        key.message_id_tag(*id)
                    } else {
                        forged_tag(&key, &other, *id, kinds[at], &noise)
                    };
                    format!("<publik.{tag}.{id}@example.org>")
                })
                .collect();
            let first = ids[0];
            let return_path = match (verp, genuine) {
                (true, Some(at)) => format!("bounces+{}@example.org", key.bounce_tag(ids[at])),
                (true, None) => format!("bounces+{}@example.org", other.bounce_tag(first)),
                (false, _) => "postmaster@example.org".to_string(),
            };
            let notification = parse(dsn(&return_path, &quoted).as_bytes()).unwrap();
            let pattern = verp.then_some("bounces+{id}@example.org");
            let proved = proved_row(&key, pattern, &notification, |_| Ok(true)).unwrap();
            match genuine {
                Some(at) => {
                    let how = if verp { "return-path" } else { "message-id" };
                    prop_assert_eq!(proved, Some((ids[at], how)));
                }
                None => prop_assert_eq!(proved, None),
            }
            // With VERP, the Message-IDs alone prove nothing, even genuine ones.
            if verp {
                let genuine_ids: Vec<String> = ids
                    .iter()
                    .map(|id| format!("<publik.{}.{id}@example.org>", key.message_id_tag(*id)))
                    .collect();
                let unsigned = parse(dsn("postmaster@example.org", &genuine_ids).as_bytes()).unwrap();
                prop_assert_eq!(proved_row(&key, pattern, &unsigned, |_| Ok(true)).unwrap(), None);
            }
        }
    }
}
