//! `publik send-webpush`: the Web Push cron job.

use crate::cli::Context;
use crate::cli::send_queue;
use crate::duration::Duration;
use crate::queue_row::{Channel, Source};

/// Send queued Web Push notifications (same as send-queue --channel push)
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Send at most this many notifications
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Do not send notifications older than this [default: webpush.max_age]
    #[arg(long, value_name = "DURATION")]
    pub max_age: Option<Duration>,
    /// Stop taking notifications after this long (those in hand are finished)
    #[arg(long, value_name = "DURATION")]
    pub time_limit: Option<Duration>,
    /// Show what would be sent; send nothing, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let mut options = send_queue::RunArgs {
        limit: args.limit,
        channel: vec![Channel::Push],
        time_limit: args.time_limit,
        dry_run: args.dry_run,
        ids: Vec::new(),
    }
    .options(Source::Pending, "send-webpush")?;
    options.max_age = Some(args.max_age.unwrap_or(config.webpush.max_age));
    send_queue::run(ctx, &options)
}
