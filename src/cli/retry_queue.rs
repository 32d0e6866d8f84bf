use crate::cli::Context;
use crate::duration::Duration;
use crate::ops;
use crate::store::{Channel, Source};

/// Send again the messages in error whose backoff has passed
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Retry at most N messages
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Only this channel [default: all]
    #[arg(long, value_enum)]
    pub channel: Vec<Channel>,
    /// Stop claiming new messages after this long
    #[arg(long, value_name = "DURATION")]
    pub time_limit: Option<Duration>,
    /// Show what would be retried; change nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let options = ops::queue::RunOptions {
        source: Source::Retry,
        channels: if args.channel.is_empty() {
            Channel::ALL.to_vec()
        } else {
            args.channel
        },
        limit: args.limit,
        time_limit: args.time_limit,
        dry_run: args.dry_run,
        actor: ops::actor("retry-queue"),
    };
    crate::cli::send_queue::run(ctx, &options)
}
