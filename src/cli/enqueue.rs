//! `publik enqueue email|sms`: one queued row per recipient.

use std::path::{Path, PathBuf};

use crate::cli::{Context, input};
use crate::duration::Duration;
use crate::exit_codes::bad_field;
use crate::ops::email::{Attachment, EmailRequest, Priority};
use crate::size::Size;
use crate::{ops, render};

/// Queue a message: one row per recipient; prints the new row ids
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: EnqueueCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum EnqueueCommand {
    /// Queue an email (body and attachments stored once, one row per recipient)
    Email(Box<EmailArgs>),
    /// Queue an SMS: numbers normalized to E.164, one row per number
    Sms(SmsArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct SmsArgs {
    /// Phone number (06 12 34 56 78, +33612345678, ...); repeatable
    #[arg(long, value_name = "NUMBER", required = true)]
    pub to: Vec<String>,
    /// Message text
    #[arg(
        long,
        value_name = "TEXT",
        required_unless_present = "text_file",
        conflicts_with = "text_file"
    )]
    pub text: Option<String>,
    /// Message text from a file
    #[arg(long, value_name = "FILE")]
    pub text_file: Option<PathBuf>,
    /// Do not send before this time
    #[arg(long, value_name = "TIME")]
    pub not_before: Option<String>,
    /// Give up if not sent within this long
    #[arg(long, value_name = "DURATION")]
    pub expires_in: Option<Duration>,
    /// A label to find the messages by (queue list --tag)
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct EmailArgs {
    /// Recipient (To:), `addr@example.org` or `Name <addr@example.org>`; repeatable
    #[arg(long, value_name = "ADDR")]
    pub to: Vec<String>,
    /// Copy recipient (Cc:); repeatable
    #[arg(long, value_name = "ADDR")]
    pub cc: Vec<String>,
    /// Hidden recipient; repeatable
    #[arg(long, value_name = "ADDR")]
    pub bcc: Vec<String>,
    /// Subject line
    #[arg(long, value_name = "TEXT")]
    pub subject: String,
    /// Plain-text body file, or - for standard input
    #[arg(long, value_name = "FILE")]
    pub text: PathBuf,
    /// HTML body file (sent as multipart/alternative with the text)
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Attachment, FILE or FILE;type=MIME; repeatable
    #[arg(long, value_name = "FILE[;type=MIME]")]
    pub attach: Vec<String>,
    /// From: [default: the config's email.from]
    #[arg(long, value_name = "ADDR")]
    pub from: Option<String>,
    /// Reply-To: address
    #[arg(long, value_name = "ADDR")]
    pub reply_to: Option<String>,
    /// Extra header NAME:VALUE; repeatable
    #[arg(long, value_name = "NAME:VALUE")]
    pub header: Vec<String>,
    /// Order in the queue: high is sent before normal, normal before low
    #[arg(long, value_enum, default_value = "normal")]
    pub priority: Priority,
    /// Do not send before this time (RFC 3339 or local "YYYY-MM-DD HH:MM")
    #[arg(long, value_name = "TIME")]
    pub not_before: Option<String>,
    /// Give up (status failed) if not sent within this long, e.g. 24h
    #[arg(long, value_name = "DURATION")]
    pub expires_in: Option<Duration>,
    /// Free label for `queue list --tag`
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Send this calendar (METHOD:REQUEST or CANCEL) as an invitation (iMIP)
    #[arg(long, value_name = "FILE.ics", conflicts_with = "invite_booking")]
    pub invite: Option<PathBuf>,
    /// Build the invitation from an agenda booking JSON (as gen-ics --booking);
    /// each recipient is the ATTENDEE, email.organizer the ORGANIZER
    #[arg(long, value_name = "FILE.json")]
    pub invite_booking: Option<PathBuf>,
    /// UID of the appointment, to reschedule or cancel one sent before
    #[arg(long, value_name = "UID", requires = "invite_booking")]
    pub invite_uid: Option<String>,
    /// request (new or moved appointment) or cancel
    #[arg(long, value_enum, default_value = "request")]
    pub invite_method: crate::ops::ics::Method,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    match args.command {
        EnqueueCommand::Email(email) => {
            let config = ctx.config()?;
            let request = EmailRequest {
                to: email.to,
                cc: email.cc,
                bcc: email.bcc,
                subject: email.subject,
                text: input::text("text", &email.text)?,
                html: input::optional_text("html", email.html.as_deref())?,
                attach: email
                    .attach
                    .iter()
                    .map(|spec| attachment(spec, config.email.max_size))
                    .collect::<anyhow::Result<_>>()?,
                from: email.from,
                reply_to: email.reply_to,
                header: email.header,
                priority: email.priority,
                not_before: email.not_before,
                expires_in: email.expires_in,
                tag: email.tag,
                invite: input::optional_text("invite", email.invite.as_deref())?,
                invite_booking: input::optional_text("invite_booking", email.invite_booking.as_deref())?,
                invite_uid: email.invite_uid,
                invite_method: email.invite_method,
            };
            let ids = ops::email::enqueue(&mut ctx.store()?, config, &request, &ops::actor("enqueue"))?;
            render::ids(&ids, ctx.output)
        }
        EnqueueCommand::Sms(sms) => {
            let request = ops::sms::SmsRequest {
                to: sms.to,
                text: match (sms.text, sms.text_file) {
                    (Some(text), _) => text,
                    (None, path) => input::text("text_file", path.as_deref().unwrap_or(Path::new("-")))?,
                },
                not_before: sms.not_before,
                expires_in: sms.expires_in,
                tag: sms.tag,
            };
            let config = ctx.config()?;
            let ids = ops::sms::enqueue(&mut ctx.store()?, config, &request, &ops::actor("enqueue"))?;
            render::ids(&ids, ctx.output)
        }
    }
}

/// `FILE` or `FILE;type=MIME`, read once its size is known to fit.
fn attachment(spec: &str, max_size: Size) -> anyhow::Result<Attachment> {
    let (path, content_type) = match spec.rsplit_once(";type=") {
        Some((path, mime)) => (Path::new(path), Some(mime.trim().to_string())),
        None => (Path::new(spec), None),
    };
    let data = input::regular_file("attach", path, |len| ops::email::fits(len, max_size))?;
    let filename = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| bad_field("attach", format!("{} has no usable file name", path.display())))?
        .to_string();
    Ok(Attachment {
        filename,
        content_type,
        data,
    })
}
