//! `publik bounce`: one bounce from a mail server's pipe.

use std::path::PathBuf;

use crate::cli::{Context, input};
use crate::ops;

/// Read one bounce (a delivery status notification) and fail the message it is about
///
/// Meant for a pipe from the mail server (Postfix `pipe`, Exim or procmail):
/// the row is found by its VERP return path (email.bounce_address) or by the
/// original Message-ID. A permanent bounce (5.x.x) fails the row and marks a
/// newsletter member `bounced`; a transient one (4.x.x) goes in the history.
/// Exit 0 when handled and when the bounce is not about publik's mail (so
/// the mail server drops it), 65 only when the input is not a mail message.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The address the bounce was delivered to (Postfix: ${original_recipient})
    #[arg(long, value_name = "ADDR")]
    pub recipient: Option<String>,
    /// The bounce, - for standard input
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: PathBuf,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let raw = input::bytes_bounded("file", &args.file, config.email.bounce_max_size.bytes())?;
    let (site, mut store) = ctx.site_and_store()?;
    let report = ops::email::bounce(
        &mut store,
        config,
        &site.link_key,
        &raw,
        args.recipient.as_deref(),
        &ops::actor("bounce"),
    )?;
    ctx.output.record(&report)
}
