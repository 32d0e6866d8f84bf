//! `publik bounce`: one delivery status notification read from a pipe (a
//! Postfix `pipe` transport, an Exim or procmail pipe) and its effect on the
//! row it belongs to. The row is found by its VERP return path
//! (`email.bounce_address`, its id signed with the link key) or else by the
//! original Message-ID (publik's carry the row id and a MAC of it under the
//! link key, which a forger cannot make for another row, see `proof.rs`).
//! Reading the report is `report.rs`'s; a feedback report is a complaint.

use std::path::Path;

use serde::Serialize;

use super::report::{Notification, Outcome, outcome, parse};
use crate::config::Config;
use crate::link_key::LinkKey;
use crate::store::Store;

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
    /// Why the message was no report and changed nothing (an automatic
    /// reply, a letter); None for a report.
    pub ignored: Option<String>,
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
        ignored: None,
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
    if let Some(why) = notification.not_a_bounce {
        log::warn!("bounce: {why}; ignored");
        report.permanent = false;
        report.ignored = Some(why);
        return Ok(report);
    }
    if status.starts_with('2') {
        log::warn!("bounce: a success notification ({status}), nothing to do");
        return Ok(report);
    }
    let Some((id, found_by)) = find_row(store, config, link_key, &notification)? else {
        match notification
            .original_ids
            .iter()
            .find(|id| super::proof::publik_message_id(id).is_some())
        {
            // Mail sent before Message-IDs carried a MAC (publik 0.1): its
            // IDs are guessable, so they prove nothing; said, not silent.
            Some(unproved) => log::warn!(
                "bounce for {unproved}: mail sent before this publik (or a forgery): its Message-ID \
                 carries no proof and is not believed without VERP (email.bounce_address); ignored"
            ),
            None => log::warn!("bounce: not about a message publik sent; ignored"),
        }
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
        if let Some(id) = super::proof::message_id_row(key, message_id)
            && exists(id)?
        {
            return Ok(Some((id, "message-id")));
        }
        if let Some((_, id)) = super::proof::publik_message_id(message_id) {
            log::warn!("bounce: Message-ID {message_id} does not carry message {id}'s tag");
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

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
