//! `publik fetch-bounces`: the bounce mailbox (IMAP) read, each message
//! handled as `publik bounce` handles one from a pipe, then moved or
//! deleted. Idempotent: a message handled but not moved (a cut
//! connection) is handled again next time and changes nothing. One that is
//! not a mail message is left, marked, and reported once.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::imap::{Imap, ImapError};
use crate::config::{Config, MailboxAfter};
use crate::store::Store;

/// The keyword on a message that could not be read (left in the mailbox,
/// said once).
const UNREADABLE: &str = "$PublikUnreadable";

#[derive(Debug, Default, Serialize)]
pub(crate) struct FetchReport {
    /// Messages read from the mailbox.
    pub read: usize,
    /// Bounces about a row publik sent.
    pub bounces: usize,
    pub complaints: usize,
    /// About no row publik can prove (an auto-reply, another sender's bounce).
    pub ignored: usize,
    /// Not mail messages: left in the mailbox, marked.
    pub unreadable: usize,
    /// Still in the mailbox when the limit or the time limit came.
    pub left: usize,
}

pub(crate) struct FetchOptions {
    pub limit: usize,
    pub time_limit: crate::duration::Duration,
    pub actor: String,
}

fn mailbox_error(config: &Config, options: &FetchOptions, error: ImapError) -> anyhow::Error {
    let host = config
        .email
        .bounce_mailbox
        .as_ref()
        .map(|m| format!("{}:{}", m.host, m.port()))
        .unwrap_or_default();
    match error {
        ImapError::Unreachable(why) => crate::exit_codes::peer_down(format!("bounce mailbox {host}: {why}")),
        ImapError::Refused(why) => anyhow::anyhow!("bounce mailbox {host}: {why}"),
        // Dropped wherever it was: what was applied stays applied, and a
        // message applied but not moved is read again, changing nothing.
        ImapError::OutOfTime(doing) => crate::exit_codes::peer_down(format!(
            "bounce mailbox {host}: --time-limit {} passed during {doing}: connection dropped, the rest is read next run",
            options.time_limit
        )),
    }
}

pub(crate) fn fetch_bounces(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    options: &FetchOptions,
) -> anyhow::Result<FetchReport> {
    let run_ends = Instant::now() + options.time_limit.std();
    // Not an error: the shipped timer, or `--all-tenants` over sites of
    // which only some have a bounce mailbox, runs this with nothing to read.
    let Some(mailbox) = config.email.bounce_mailbox.as_ref() else {
        log::info!("email.bounce_mailbox is not set: no mailbox to read");
        return Ok(FetchReport::default());
    };
    let fail = |e| mailbox_error(config, options, e);
    let max = config.email.bounce_max_size.bytes();
    let mut imap = Imap::open(mailbox, max, run_ends).map_err(fail)?;
    imap.select(&mailbox.folder).map_err(fail)?;
    if mailbox.after == MailboxAfter::Move {
        imap.create(&mailbox.move_to).map_err(fail)?;
    }
    let uids = imap.search_without(UNREADABLE).map_err(fail)?;
    let mut report = FetchReport::default();
    for (done, uid) in uids.iter().enumerate() {
        if done >= options.limit || Instant::now() >= run_ends {
            report.left = uids.len() - done;
            break;
        }
        let Some(raw) = imap.fetch(*uid).map_err(fail)? else {
            continue;
        };
        report.read += 1;
        match super::bounce(store, config, link_key, &raw, None, &options.actor) {
            Ok(handled) => {
                if handled.message_id.is_none() {
                    report.ignored += 1;
                } else if handled.complaint {
                    report.complaints += 1;
                } else {
                    report.bounces += 1;
                }
            }
            Err(e) if e.is::<crate::exit_codes::BadInput>() => {
                // Said without -v, once: it is marked and not read again.
                crate::logger::notice(&format!(
                    "bounce mailbox: message {uid} of {} is not a mail message; left there, marked {UNREADABLE} ({e:#})",
                    mailbox.folder
                ));
                report.unreadable += 1;
                imap.add_keyword(*uid, UNREADABLE).map_err(fail)?;
                continue;
            }
            Err(e) => return Err(e),
        }
        match mailbox.after {
            MailboxAfter::Move => imap.move_to(*uid, &mailbox.move_to),
            MailboxAfter::Delete => imap.delete(*uid),
        }
        .map_err(fail)?;
    }
    imap.logout();
    Ok(report)
}
