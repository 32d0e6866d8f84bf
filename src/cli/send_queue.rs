use crate::cli::Context;
use crate::duration::Duration;
use crate::store::{Channel, Source};
use crate::{ops, render};

/// Send pending messages whose time has come (the cron job)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Send at most N messages
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Only this channel [default: all]
    #[arg(long, value_enum)]
    pub channel: Vec<Channel>,
    /// Stop claiming new messages after this long, e.g. 50s
    #[arg(long, value_name = "DURATION")]
    pub time_limit: Option<Duration>,
    /// Show what would be sent; change nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let options = ops::queue::RunOptions {
        source: Source::Pending,
        channels: if args.channel.is_empty() {
            Channel::ALL.to_vec()
        } else {
            args.channel
        },
        limit: args.limit,
        time_limit: args.time_limit,
        dry_run: args.dry_run,
        actor: ops::actor("send-queue"),
    };
    run(ctx, &options)
}

/// Shared by send-queue and retry-queue.
pub fn run(ctx: &Context, options: &ops::queue::RunOptions) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let mut store = ctx.store()?;
    let mut senders = ops::ChannelSenders::new(config);
    let report = ops::queue::run(&mut store, &config.queue, &mut senders, options)?;
    if !options.dry_run {
        log::info!("{}", render::run_summary(&report));
    }
    render::run_report(&report, options.dry_run, ctx.json)?;
    match report.peers_down.first() {
        Some(down) => Err(crate::exit_codes::peer_down(format!(
            "{}: {}",
            down.channel, down.reason
        ))),
        None => Ok(()),
    }
}
