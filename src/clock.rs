//! Wall-clock time, stored as UTC RFC 3339 text with a fixed width so that
//! SQLite compares timestamps as strings in time order.
//!
//! `PUBLIK_NOW` (an RFC 3339 time) pins "now" for tests and demos of
//! backoff and expiry; it is read once per process.

use std::sync::OnceLock;

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Utc};

use crate::exit_codes::bad_field;

pub(crate) type Timestamp = DateTime<Utc>;

pub(crate) fn now() -> Timestamp {
    static PINNED: OnceLock<Option<Timestamp>> = OnceLock::new();
    let pinned = PINNED.get_or_init(|| {
        std::env::var("PUBLIK_NOW")
            .ok()
            .and_then(|text| DateTime::parse_from_rfc3339(&text).ok())
            .map(|t| t.with_timezone(&Utc))
    });
    pinned.unwrap_or_else(Utc::now)
}

/// Storage form: `2026-11-22T03:00:00.000Z` (always the same width).
pub(crate) fn to_db(time: Timestamp) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn from_db(text: &str) -> Option<Timestamp> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Display form for people: local time, to the second.
pub(crate) fn to_local(time: Timestamp) -> String {
    time.with_timezone(&Local).format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Parses a time given on the command line: RFC 3339 (`2026-11-23T08:00:00+01:00`),
/// or local `YYYY-MM-DD HH:MM[:SS]`, or local `YYYY-MM-DD` (midnight).
/// `field` names the option in the error message.
pub(crate) fn parse_time(field: &str, text: &str) -> anyhow::Result<Timestamp> {
    parse_time_in(field, text, &Local, "local time")
}

/// Like `parse_time`, with times without an offset in `zone`. A local time
/// that does not exist there (the spring-forward gap) is refused; an
/// ambiguous one (the fall-back hour) is its first instance.
pub(crate) fn parse_time_in<Z: TimeZone>(
    field: &str,
    text: &str,
    zone: &Z,
    zone_name: &str,
) -> anyhow::Result<Timestamp> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|fmt| NaiveDateTime::parse_from_str(text, fmt).ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)))
        .ok_or_else(|| {
            bad_field(
                field,
                format!(
                    "invalid time \"{text}\": expected RFC 3339 (2026-11-23T08:00:00+01:00) or \"YYYY-MM-DD HH:MM\" ({zone_name})"
                ),
            )
        })?;
    match zone.from_local_datetime(&naive).earliest() {
        Some(t) => Ok(t.with_timezone(&Utc)),
        None => Err(bad_field(
            field,
            format!("{text} does not exist in {zone_name} (clocks jump forward then)"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_form_is_fixed_width_and_round_trips() {
        let t = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        assert_eq!(to_db(t), "2026-01-02T03:04:05.000Z");
        assert_eq!(from_db(&to_db(t)), Some(t));
    }

    #[test]
    fn parses_rfc3339_and_rejects_garbage() {
        let t = parse_time("not_before", "2026-11-23T08:00:00+01:00").unwrap();
        assert_eq!(to_db(t), "2026-11-23T07:00:00.000Z");
        assert!(parse_time("not_before", "2026-11-23 08:00").is_ok());
        let err = parse_time("not_before", "tomorrow").unwrap_err();
        assert!(err.to_string().contains("not_before"));
        assert!(err.to_string().contains("tomorrow"));
    }
}
