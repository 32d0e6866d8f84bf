//! `publik fetch-bounces`: the bounce mailbox read (cron).

use crate::cli::Context;
use crate::duration::Duration;
use crate::ops;

/// Read the bounce mailbox (email.bounce_mailbox, IMAP) and handle each bounce
///
/// Each message goes through what `publik bounce` does (DSNs, feedback
/// reports), then is moved to email.bounce_mailbox.move_to or deleted.
/// A message that is not a mail message is left, marked, and said once.
/// Handling a message twice changes nothing. Exit 75 when the mailbox
/// cannot be reached, does not answer within email.bounce_mailbox.timeout,
/// or is still talking when --time-limit passes.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Read at most N messages this run
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub limit: usize,
    /// The run's deadline, e.g. 2m: no message is read after it, and a
    /// command still under way then is cut (exit 75)
    #[arg(long, value_name = "DURATION", default_value = "5m")]
    pub time_limit: Duration,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let (site, mut store) = ctx.site_and_store()?;
    let options = ops::email::FetchOptions {
        limit: args.limit,
        time_limit: args.time_limit,
        actor: ops::actor("fetch-bounces"),
    };
    let report = ops::email::fetch_bounces(&mut store, config, &site.link_key, &options)?;
    log::info!(
        "bounce mailbox: {} read, {} bounce(s), {} complaint(s), {} ignored, {} unreadable, {} left",
        report.read,
        report.bounces,
        report.complaints,
        report.ignored,
        report.unreadable,
        report.left
    );
    ctx.output.record(&report)
}
