//! What a relay offers, read from the EHLO reply lettre itself received.
//!
//! lettre's `ServerInfo` keeps only the keywords it knows (no PIPELINING, no
//! CHUNKING) and its connection cannot be built from a greeting of our own,
//! so asking again costs one round trip per connection. lettre does report
//! each line it writes and reads through `tracing`; a subscriber set for
//! this thread while the connection opens keeps the last EHLO's reply. If
//! nothing was seen (lettre's reports changed), the caller asks again.

use std::sync::{Arc, Mutex, PoisonError};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata, Subscriber};

/// What the server offers that saves round trips.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Features {
    pub pipelining: bool,
    pub chunking: bool,
}

impl Features {
    /// From the lines of an EHLO reply, without their codes ("PIPELINING",
    /// "SIZE 1000"…).
    pub(super) fn from_keywords<'a>(lines: impl Iterator<Item = &'a str>) -> Features {
        let mut features = Features::default();
        for line in lines {
            match line.split_whitespace().next() {
                Some(k) if k.eq_ignore_ascii_case("PIPELINING") => features.pipelining = true,
                Some(k) if k.eq_ignore_ascii_case("CHUNKING") => features.chunking = true,
                _ => {}
            }
        }
        features
    }

    /// From an EHLO reply as lettre reports it: "250-host<CRLF>250 SIZE<CRLF>".
    fn from_reported(reply: &str) -> Features {
        Features::from_keywords(
            reply.split("<CRLF>").filter_map(|line| line.get(4..)).skip(1), // the server's name
        )
    }
}

/// Runs `open` (connect, STARTTLS, AUTH) and returns what the last EHLO
/// reply seen during it offered, if one was seen.
pub(super) fn watching<T>(open: impl FnOnce() -> T) -> (T, Option<Features>) {
    let seen = Arc::new(Mutex::new(Seen::default()));
    let watcher = Watcher { seen: seen.clone() };
    let result = tracing::subscriber::with_default(watcher, open);
    let reply = seen
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .ehlo_reply
        .take();
    (result, reply.as_deref().map(Features::from_reported))
}

#[derive(Default)]
struct Seen {
    /// The last command written was EHLO.
    after_ehlo: bool,
    /// That EHLO's reply so far (lettre reports the lines read until now).
    ehlo_reply: Option<String>,
}

impl Seen {
    fn report(&mut self, message: &str) {
        if let Some(written) = message.strip_prefix("Wrote: ") {
            // Only the command's name is looked at: AUTH lines carry secrets.
            self.after_ehlo = written.get(..5).is_some_and(|c| c.eq_ignore_ascii_case("EHLO "));
            if self.after_ehlo {
                self.ehlo_reply = None;
            }
        } else if let Some(read) = message.strip_prefix("<< ")
            && self.after_ehlo
        {
            self.ehlo_reply = Some(read.to_string());
        }
    }
}

struct Watcher {
    seen: Arc<Mutex<Seen>>,
}

/// lettre's SMTP client, where the lines are reported.
const LETTRE_CLIENT: &str = "lettre::transport::smtp::client";

impl Subscriber for Watcher {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if metadata.target().starts_with(LETTRE_CLIENT) {
            // Asked again on each event: other threads have no watcher.
            Interest::sometimes()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target().starts_with(LETTRE_CLIENT) && metadata.is_event()
    }

    fn event(&self, event: &Event<'_>) {
        let mut message = Message(None);
        event.record(&mut message);
        if let Some(text) = message.0 {
            self.seen
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .report(&text);
        }
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// An event's `message` field as text.
struct Message(Option<String>);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = Some(format!("{value:?}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_ehlo_reply_is_read_and_nothing_else() {
        let mut seen = Seen::default();
        for line in [
            "<< 220 relay ESMTP<CRLF>",
            "Wrote: EHLO me<CRLF>",
            "<< 250-relay<CRLF>",
            "<< 250-relay<CRLF>250-STARTTLS<CRLF>250 CHUNKING<CRLF>",
            "Wrote: STARTTLS<CRLF>",
            "<< 220 go ahead<CRLF>",
            "Wrote: EHLO me<CRLF>",
            "<< 250-relay<CRLF>250-PIPELINING<CRLF>250 SIZE 1000<CRLF>",
            "Wrote: AUTH PLAIN c2VjcmV0<CRLF>",
            "<< 235 ok<CRLF>",
        ] {
            seen.report(line);
        }
        let reply = seen.ehlo_reply.unwrap();
        assert!(!reply.contains("235"));
        assert_eq!(
            Features::from_reported(&reply),
            Features {
                pipelining: true,
                chunking: false
            }
        );
    }

    #[test]
    fn the_server_name_is_not_a_keyword() {
        assert_eq!(
            Features::from_reported("250-PIPELINING<CRLF>250 SIZE<CRLF>"),
            Features::default()
        );
    }
}
