//! `publik gen-ics`: an RFC 5545 event for an appointment, to stdout or a file.

use std::path::PathBuf;

use crate::cli::{Context, input};
use crate::duration::Duration;
use crate::ops::ics::{Attendee, IcsRequest, Method};
use crate::{ops, render};

/// Write an RFC 5545 calendar event for an appointment (stdout or -o FILE)
///
/// The appointment is remembered by UID: generating it again with other
/// times raises SEQUENCE, and --method cancel emits the cancellation.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The agenda's booking JSON (label, user_display_label, user_name or
    /// user_first_name + user_last_name, user_email, datetime, end_datetime,
    /// extra_data.{description,location,url,comment}); - for stdin. Flags override it.
    #[arg(long, value_name = "FILE")]
    pub booking: Option<PathBuf>,
    /// Start, "YYYY-MM-DD HH:MM" in --tz, or RFC 3339
    #[arg(long, value_name = "TIME")]
    pub start: Option<String>,
    /// End, like --start
    #[arg(long, value_name = "TIME", conflicts_with = "duration")]
    pub end: Option<String>,
    /// Length instead of --end, e.g. 30m
    #[arg(long, value_name = "DURATION")]
    pub duration: Option<Duration>,
    /// Zone of times given without an offset [default: the config's ics.timezone]
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// The event's title (SUMMARY)
    #[arg(long, value_name = "TEXT")]
    pub label: Option<String>,
    /// Summary shown to the user (preferred over --label)
    #[arg(long, value_name = "TEXT")]
    pub user_display_label: Option<String>,
    /// The event's text (DESCRIPTION)
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Where it happens (LOCATION)
    #[arg(long, value_name = "TEXT")]
    pub location: Option<String>,
    /// A page about the appointment (URL)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// A note for the attendee (COMMENT)
    #[arg(long, value_name = "TEXT")]
    pub comment: Option<String>,
    /// Attendee's name (CN)
    #[arg(long, value_name = "TEXT")]
    pub user_name: Option<String>,
    /// The attendee's address (ATTENDEE)
    #[arg(long, value_name = "ADDR")]
    pub user_email: Option<String>,
    /// "Name <addr>" [default: the config's email.organizer]
    #[arg(long, value_name = "MAILBOX")]
    pub organizer: Option<String>,
    /// The appointment's UID (to reschedule or cancel it) [default: a new one]
    #[arg(long, value_name = "UID")]
    pub uid: Option<String>,
    /// publish: an event to add; request: an invitation; cancel: the event is called off
    #[arg(long, value_enum, default_value = "publish")]
    pub method: Method,
    /// Output file [default: stdout]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let request = IcsRequest {
        booking: input::optional_text("booking", args.booking.as_deref())?,
        start: args.start,
        end: args.end,
        duration: args.duration,
        tz: args.tz,
        label: args.label,
        user_display_label: args.user_display_label,
        description: args.description,
        location: args.location,
        url: args.url,
        comment: args.comment,
        user_name: args.user_name,
        user_email: args.user_email,
        organizer: args.organizer,
        uid: args.uid,
        method: args.method,
    };
    let config = ctx.config()?;
    let mut store = ctx.store()?;
    let (event, previous) = ops::ics::prepare(&store, config, request)?;
    let attendee = Attendee {
        name: event.attendee_name.as_deref(),
        email: event.attendee_email.as_deref(),
        rsvp: config.ics.rsvp,
    };
    let text = ops::ics::render(&event, config.ics.use_tzid, &attendee)?;
    match args.output {
        Some(path) => {
            ops::ics::write_file_then(&path, &text, || ops::ics::record(&mut store, &event, previous))?
        }
        None => {
            ops::ics::record(&mut store, &event, previous)?;
            render::out(&text)?;
        }
    }
    log::info!("appointment {} sequence {}", event.uid, event.sequence);
    Ok(())
}
