//! Calendar invitations (RFC 5545 events, RFC 5546 methods): built from
//! flags or an agenda booking JSON, remembered by UID in the state so that a
//! reschedule or a cancel raises SEQUENCE.

use chrono::{Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};
use icalendar::{Calendar, Component, EventLike, Property};
use lettre::message::Mailbox;
use serde_json::Value;

use crate::address::parse_mailbox;
use crate::clock::{self, Timestamp};
use crate::config::Config;
use crate::duration::Duration;
use crate::exit_codes::{bad_field, bad_input};
use crate::store::{Appointment, Store};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// A plain calendar file (no scheduling).
    #[default]
    Publish,
    /// An invitation (iMIP): needs an organizer.
    Request,
    /// Cancels an appointment generated before (same UID).
    Cancel,
}

impl Method {
    pub fn as_ical(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// `gen-ics` as given on the command line; flags override the booking.
#[derive(Debug, Default, Clone)]
pub(crate) struct IcsRequest {
    /// The booking's JSON text (an agenda's booking object).
    pub booking: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub duration: Option<Duration>,
    pub tz: Option<String>,
    pub label: Option<String>,
    pub user_display_label: Option<String>,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub comment: Option<String>,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub organizer: Option<String>,
    pub uid: Option<String>,
    pub method: Method,
}

/// A validated event, ready to be written.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct EventData {
    pub uid: String,
    pub sequence: u32,
    pub method: Method,
    pub start: Timestamp,
    pub end: Timestamp,
    pub tz: String,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub comment: Option<String>,
    pub attendee_name: Option<String>,
    pub attendee_email: Option<String>,
    pub organizer: Option<String>,
}

/// Texts keep their line breaks as LF: a raw CR would be written as is.
fn clean(text: Option<String>) -> Option<String> {
    text.map(|t| t.replace("\r\n", "\n").replace('\r', "\n"))
        .filter(|t| !t.trim().is_empty())
}

/// A time with an offset, or a local time in `tz` (see `clock::parse_time_in`).
fn parse_in_zone(field: &str, text: &str, tz: Tz) -> anyhow::Result<Timestamp> {
    clock::parse_time_in(field, text, &tz, tz.name())
}

fn text_field(value: &Value, key: &str) -> Option<String> {
    match value.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// Merges the booking JSON under the request's own fields.
fn with_booking(mut request: IcsRequest) -> anyhow::Result<IcsRequest> {
    match request.booking.take() {
        Some(text) => merge_booking(request, &text),
        None => Ok(request),
    }
}

/// The booking JSON `text` under the fields given in `request`.
fn merge_booking(mut request: IcsRequest, text: &str) -> anyhow::Result<IcsRequest> {
    let booking: Value =
        serde_json::from_str(text).map_err(|e| bad_field("booking", format!("not valid JSON: {e}")))?;
    if !booking.is_object() {
        return Err(bad_field("booking", "expected a JSON object"));
    }
    let extra = booking.get("extra_data").cloned().unwrap_or(Value::Null);
    let name = text_field(&booking, "user_name").or_else(|| {
        let first = text_field(&booking, "user_first_name").unwrap_or_default();
        let last = text_field(&booking, "user_last_name").unwrap_or_default();
        let full = format!("{first} {last}").trim().to_string();
        (!full.is_empty()).then_some(full)
    });
    let or = |flag: Option<String>, value: Option<String>| flag.or(value);
    request.label = or(request.label, text_field(&booking, "label"));
    request.user_display_label = or(
        request.user_display_label,
        text_field(&booking, "user_display_label"),
    );
    request.user_name = or(request.user_name, name);
    request.user_email = or(request.user_email, text_field(&booking, "user_email"));
    request.start = or(request.start, text_field(&booking, "datetime"));
    if request.duration.is_none() {
        request.end = or(request.end, text_field(&booking, "end_datetime"));
    }
    request.description = or(request.description, text_field(&extra, "description"));
    request.location = or(request.location, text_field(&extra, "location"));
    request.url = or(request.url, text_field(&extra, "url"));
    request.comment = or(request.comment, text_field(&extra, "comment"));
    Ok(request)
}

fn parse_organizer(text: &str, field: &str) -> anyhow::Result<Mailbox> {
    parse_mailbox(text).map_err(|e| bad_field(field, e.to_string()))
}

/// Validates the request and works out UID and SEQUENCE against the state.
/// Nothing is written: `record` does that once the output is written.
pub(crate) fn prepare(
    store: &Store,
    config: &Config,
    request: IcsRequest,
) -> anyhow::Result<(EventData, Option<u32>)> {
    let request = with_booking(request)?;
    let tz_name = request.tz.clone().unwrap_or_else(|| config.ics.timezone.clone());
    let tz: Tz = tz_name
        .parse()
        .map_err(|_| bad_field("tz", format!("unknown time zone \"{tz_name}\"")))?;
    let previous = match &request.uid {
        Some(uid) if uid.trim().is_empty() || uid.contains(['\r', '\n']) => {
            return Err(bad_field("uid", format!("invalid UID {uid:?}")));
        }
        Some(uid) => store.appointment(uid)?,
        None => None,
    };
    let method = request.method;
    if method == Method::Cancel && previous.is_none() {
        return Err(match &request.uid {
            None => bad_field("uid", "cancelling needs the UID of the appointment"),
            Some(uid) => bad_field(
                "uid",
                format!("no appointment \"{uid}\" was generated by publik; nothing to cancel"),
            ),
        });
    }
    // A cancel may give only the UID: the rest is what was sent last.
    let start = match (&request.start, &previous) {
        (Some(text), _) => parse_in_zone("start", text, tz)?,
        (None, Some(p)) if method == Method::Cancel => p.start,
        (None, _) => return Err(bad_field("start", "the appointment's start time is required")),
    };
    let end = match (&request.end, request.duration, &previous) {
        (_, Some(duration), _) => start + duration.chrono(),
        (Some(text), None, _) => parse_in_zone("end", text, tz)?,
        (None, None, Some(p)) if method == Method::Cancel => p.end,
        (None, None, _) => return Err(bad_field("end", "give `end` or `duration`")),
    };
    if end <= start {
        return Err(bad_field(
            "end",
            format!(
                "{} is not after the start {}",
                clock::to_db(end),
                clock::to_db(start)
            ),
        ));
    }
    let summary = clean(request.user_display_label.clone())
        .or_else(|| clean(request.label.clone()))
        .or_else(|| {
            previous
                .as_ref()
                .filter(|_| method == Method::Cancel)
                .map(|p| p.summary.clone())
        })
        .ok_or_else(|| bad_field("label", "a label or a user display label is required"))?;
    let location = clean(request.location.clone()).or_else(|| {
        previous
            .as_ref()
            .filter(|_| method == Method::Cancel)
            .and_then(|p| p.location.clone())
    });
    if let Some(url) = &request.url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return Err(bad_field("url", format!("\"{url}\" is not an http(s) URL")));
    }
    let attendee_email = match &request.user_email {
        Some(email) => Some(
            parse_mailbox(email)
                .map_err(|e| bad_field("user_email", e.to_string()))?
                .email
                .to_string(),
        ),
        None => None,
    };
    let organizer = match (&request.organizer, &config.email.organizer) {
        (Some(text), _) => Some(parse_organizer(text, "organizer")?),
        (None, Some(text)) => Some(parse_organizer(text, "email.organizer")?),
        (None, None) => None,
    };
    if method != Method::Publish && organizer.is_none() {
        return Err(bad_field(
            "organizer",
            format!(
                "method {} needs an organizer (or set email.organizer)",
                method.as_ical().to_lowercase()
            ),
        ));
    }
    let uid = match &request.uid {
        Some(uid) => uid.clone(),
        None => {
            let from =
                parse_mailbox(&config.email.from).map_err(|e| bad_input(format!("email.from: {e}")))?;
            format!("publik-{}@{}", crate::token::random_hex(12)?, from.email.domain())
        }
    };
    let sequence = match (&previous, method) {
        (None, _) => 0,
        (Some(p), Method::Cancel) => p.sequence + u32::from(!p.cancelled),
        (Some(p), _) => {
            let changed = p.start != start
                || p.end != end
                || p.summary != summary
                || p.location != location
                || p.cancelled;
            p.sequence + u32::from(changed)
        }
    };
    let event = EventData {
        uid,
        sequence,
        method,
        start,
        end,
        tz: tz_name,
        summary,
        description: clean(request.description),
        location,
        url: request.url,
        comment: clean(request.comment),
        attendee_name: clean(request.user_name),
        attendee_email,
        organizer: organizer.map(|o| o.to_string()),
    };
    Ok((event, previous.map(|p| p.sequence)))
}

/// Remembers the appointment as generated; refuses if another process
/// changed it in between (its SEQUENCE would be wrong).
pub(crate) fn record(
    store: &mut Store,
    event: &EventData,
    previous_sequence: Option<u32>,
) -> anyhow::Result<()> {
    let appointment = Appointment {
        uid: event.uid.clone(),
        sequence: event.sequence,
        start: event.start,
        end: event.end,
        summary: event.summary.clone(),
        location: event.location.clone(),
        cancelled: event.method == Method::Cancel,
    };
    if !store.save_appointment(&appointment, previous_sequence)? {
        anyhow::bail!(
            "appointment {} was changed by another process meanwhile; run again",
            event.uid
        );
    }
    Ok(())
}

fn utc_stamp(t: Timestamp) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Who the invitation is for: from the booking, or (iMIP) the row's recipient.
pub struct Attendee<'a> {
    pub name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub rsvp: bool,
}

/// Writes the calendar. DTSTAMP is the generation time (pinned by `PUBLIK_NOW`).
pub fn render(event: &EventData, use_tzid: bool, attendee: &Attendee) -> anyhow::Result<String> {
    let tz: Tz = event
        .tz
        .parse()
        .map_err(|_| bad_input(format!("unknown time zone {}", event.tz)))?;
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new(
        "PRODID",
        concat!("-//Publik//publik ", env!("CARGO_PKG_VERSION"), "//FR"),
    ));
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", event.method.as_ical()));
    let mut vevent = icalendar::Event::new();
    vevent
        .uid(&event.uid)
        .timestamp(clock::now())
        .sequence(event.sequence)
        .summary(&event.summary);
    let when = |key: &str, t: Timestamp| {
        if use_tzid {
            let local = t.with_timezone(&tz).format("%Y%m%dT%H%M%S").to_string();
            let mut property = Property::new(key, local);
            property.add_parameter("TZID", tz.name());
            property.done()
        } else {
            Property::new(key, utc_stamp(t))
        }
    };
    vevent.append_property(when("DTSTART", event.start));
    vevent.append_property(when("DTEND", event.end));
    vevent.append_property(Property::new(
        "STATUS",
        if event.method == Method::Cancel {
            "CANCELLED"
        } else {
            "CONFIRMED"
        },
    ));
    if let Some(description) = &event.description {
        vevent.description(description);
    }
    if let Some(location) = &event.location {
        vevent.location(location);
    }
    if let Some(url) = &event.url {
        vevent.url(url);
    }
    if let Some(comment) = &event.comment {
        vevent.add_property("COMMENT", comment.as_str());
    }
    if let Some(organizer) = &event.organizer {
        let mailbox = parse_mailbox(organizer).map_err(|e| bad_input(format!("organizer: {e}")))?;
        let mut property = Property::new("ORGANIZER", format!("mailto:{}", mailbox.email));
        if let Some(name) = mailbox.name.as_deref().and_then(param_value) {
            property.add_parameter("CN", &name);
        }
        vevent.append_property(property.done());
    }
    if attendee.name.is_some() || attendee.email.is_some() {
        // RFC 5545 wants a URI; Google Calendar's convention for "no address".
        let value = attendee
            .email
            .map(|e| format!("mailto:{e}"))
            .unwrap_or_else(|| "invalid:nomail".into());
        let mut property = Property::new("ATTENDEE", value);
        if let Some(name) = attendee.name.and_then(param_value) {
            property.add_parameter("CN", &name);
        }
        if event.method != Method::Publish {
            property.add_parameter("ROLE", "REQ-PARTICIPANT");
            property.add_parameter("PARTSTAT", "NEEDS-ACTION");
            property.add_parameter("RSVP", if attendee.rsvp { "TRUE" } else { "FALSE" });
        }
        vevent.append_multi_property(property.done());
    }
    calendar.push(vevent.done());
    let mut text = calendar.done().to_string();
    if use_tzid {
        // icalendar writes TZID= but never the VTIMEZONE it refers to.
        if let Some(at) = text.find("BEGIN:VEVENT") {
            text.insert_str(at, &vtimezone(tz, event.start, event.end));
        }
    }
    Ok(text)
}

/// A parameter value (a CN) as RFC 5545 3.2 allows it: a DQUOTE cannot
/// appear in one, quoted or not, and neither can a control character, so a
/// name typed by a citizen (`J";DELEGATED-TO="mailto:…`, or one with a line
/// break) can never become another parameter or another line. DQUOTEs are
/// dropped, controls become spaces; icalendar then quotes the value if it
/// holds `:`, `;` or `,`. None when nothing is left.
fn param_value(text: &str) -> Option<String> {
    let cleaned: String = text
        .chars()
        .filter(|c| *c != '"')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

/// A VTIMEZONE with the zone's actual transitions around the event (from a
/// year before to a year after), one observance per transition.
pub(crate) fn vtimezone(tz: Tz, start: Timestamp, end: Timestamp) -> String {
    use chrono::Datelike;
    let offset_at = |t: Timestamp| tz.offset_from_utc_datetime(&t.naive_utc());
    let from = Utc
        .with_ymd_and_hms(start.year() - 1, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(start);
    let until = Utc
        .with_ymd_and_hms(end.year() + 1, 12, 31, 23, 0, 0)
        .single()
        .unwrap_or(end);
    let fmt_offset = |secs: i32| {
        let sign = if secs < 0 { '-' } else { '+' };
        let secs = secs.abs();
        format!("{sign}{:02}{:02}", secs / 3600, (secs % 3600) / 60)
    };
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    let mut previous = offset_at(from);
    let mut t = from;
    let mut transitions = 0;
    while t < until {
        let next = t + chrono::Duration::hours(1);
        let offset = offset_at(next);
        if offset.fix() != previous.fix() {
            // Narrow down to the minute of the change.
            let mut low = t;
            let mut high = next;
            while high - low > chrono::Duration::minutes(1) {
                let mid = low + (high - low) / 2;
                if offset_at(mid).fix() == previous.fix() {
                    low = mid
                } else {
                    high = mid
                }
            }
            let before = previous.fix().local_minus_utc();
            let after = offset.fix().local_minus_utc();
            let kind = if offset.dst_offset().num_seconds() != 0 {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            let local_start = (high + chrono::Duration::seconds(i64::from(before))).format("%Y%m%dT%H%M%S");
            out.push_str(&format!(
                "BEGIN:{kind}\r\nDTSTART:{local_start}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{offset}\r\nEND:{kind}\r\n",
                fmt_offset(before),
                fmt_offset(after),
            ));
            transitions += 1;
        }
        previous = offset;
        t = next;
    }
    if transitions == 0 {
        let fixed = fmt_offset(previous.fix().local_minus_utc());
        out.push_str(&format!(
            "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:{fixed}\r\nTZOFFSETTO:{fixed}\r\nTZNAME:{previous}\r\nEND:STANDARD\r\n"
        ));
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

/// `gen-ics -o FILE`.
/// Writes the calendar beside `path` and calls `commit`; the file takes its
/// name only once `commit` succeeded, and a file that cannot be written
/// commits nothing: the state and the file never disagree on a SEQUENCE.
pub(crate) fn write_file_then(
    path: &std::path::Path,
    text: &str,
    commit: impl FnOnce() -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let mut name = path.as_os_str().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    let temporary = std::path::PathBuf::from(name);
    // 0600: an appointment says who goes where, when.
    crate::fs_private::write(&temporary, text, crate::fs_private::PRIVATE)
        .with_context(|| format!("cannot write {}", path.display()))?;
    let done = commit().and_then(|()| {
        std::fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))
    });
    if done.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_local_times_around_dst() {
        let tz: Tz = "Europe/Paris".parse().unwrap();
        // Spring forward: 2026-03-29 02:00 → 03:00 local.
        assert_eq!(
            clock::to_db(parse_in_zone("start", "2026-03-29 01:30", tz).unwrap()),
            "2026-03-29T00:30:00.000Z"
        );
        assert_eq!(
            clock::to_db(parse_in_zone("start", "2026-03-29 03:30", tz).unwrap()),
            "2026-03-29T01:30:00.000Z"
        );
        assert!(parse_in_zone("start", "2026-03-29 02:30", tz).is_err());
        // Fall back: 2026-10-25 03:00 → 02:00; 02:30 happens twice, the first is taken.
        assert_eq!(
            clock::to_db(parse_in_zone("start", "2026-10-25 02:30", tz).unwrap()),
            "2026-10-25T00:30:00.000Z"
        );
        assert_eq!(
            clock::to_db(parse_in_zone("start", "2026-10-25 03:30", tz).unwrap()),
            "2026-10-25T02:30:00.000Z"
        );
        assert_eq!(
            clock::to_db(parse_in_zone("start", "2026-07-14 10:00", tz).unwrap()),
            "2026-07-14T08:00:00.000Z"
        );
        assert_eq!(
            clock::to_db(parse_in_zone("start", "2026-12-24 10:00", tz).unwrap()),
            "2026-12-24T09:00:00.000Z"
        );
    }

    #[test]
    fn vtimezone_has_the_paris_transitions() {
        let tz: Tz = "Europe/Paris".parse().unwrap();
        let t = Utc.with_ymd_and_hms(2026, 6, 1, 8, 0, 0).unwrap();
        let block = vtimezone(tz, t, t);
        assert!(block.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST"), "{block}");
        assert!(block.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET"), "{block}");
        let utc = vtimezone("UTC".parse().unwrap(), t, t);
        assert!(utc.contains("TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000"), "{utc}");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::testing::{config, json_from};

    const PIECES: &[&str] = &[
        "\"label\"",
        "\"user_name\"",
        "\"user_email\"",
        "\"datetime\"",
        "\"end_datetime\"",
        "\"extra_data\"",
        "\"location\"",
        "\"2026-12-03 09:30:00\"",
        "\"x\"",
        "null",
        "12",
        "-1e999",
        "true",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"a@b.c\"",
        "\"user_first_name\"",
        "\"user_last_name\"",
    ];

    proptest! {
        #![proptest_config(config())]

        /// Any booking text merges or is refused (65), never a panic.
        #[test]
        fn booking_json_never_panics(text in json_from(PIECES)) {
            if let Err(e) = super::merge_booking(super::IcsRequest::default(), &text) {
                prop_assert_eq!(crate::exit_codes::ExitCode::for_error(&e), crate::exit_codes::ExitCode::DataErr);
            }
        }
    }
}
