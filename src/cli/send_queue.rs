//! `publik send-queue`: one run of the queue, its report and exit code.

use crate::cli::{Context, input, progress};
use crate::duration::Duration;
use crate::queue_row::{Channel, Source};
use crate::{ops, render, shutdown};
use anyhow::Context as _;

/// Send pending messages whose time has come (the cron job)
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub run: RunArgs,
}

/// The options of a queue run, shared by send-queue and retry-queue.
#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// Handle at most N messages
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Only this channel; repeatable [default: all]
    #[arg(long, value_enum)]
    pub channel: Vec<Channel>,
    /// Stop claiming new messages after this long, e.g. 50s
    #[arg(long, value_name = "DURATION")]
    pub time_limit: Option<Duration>,
    /// Show what would be sent; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Only these messages (pending or error), now whatever their schedule
    /// (postqueue -i); repeatable, `-` reads ids from standard input
    #[arg(long = "id", value_name = "ID")]
    pub ids: Vec<String>,
}

impl RunArgs {
    pub fn options(self, source: Source, command: &str) -> anyhow::Result<ops::queue::RunOptions> {
        let only = if self.ids.is_empty() {
            Vec::new()
        } else {
            input::ids(Some("ids"), &self.ids)?
        };
        Ok(ops::queue::RunOptions {
            source,
            channels: if self.channel.is_empty() {
                Channel::ALL.to_vec()
            } else {
                self.channel
            },
            limit: self.limit,
            time_limit: self.time_limit,
            dry_run: self.dry_run,
            max_age: None,
            actor: ops::actor(command),
            only,
        })
    }
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    run(ctx, &args.run.options(Source::Pending, "send-queue")?)
}

/// Runs the queue and reports; a channel whose peer was down means exit 75.
pub fn run(ctx: &Context, options: &ops::queue::RunOptions) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let (site, mut store) = ctx.site_and_store()?;
    let mut senders = ops::ChannelSenders::new(config, &site.link_key);
    shutdown::listen().context("cannot handle SIGTERM")?;
    let bar = progress::bar(ctx, "sending");
    let report = ops::queue::run(&mut store, &config.queue, &mut senders, options, &bar)?;
    drop(bar);
    if !options.dry_run {
        log::info!("{}", render::run_summary(&report));
    }
    if let Some(signal) = report.stopped_by {
        crate::logger::notice(&format!(
            "stopped by {signal}: {} sent, {} given back to the queue untried",
            report.sent, report.released
        ));
    }
    render::run_report(&report, options.dry_run, ctx.output)?;
    // A channel that cannot send is our own settings' fault: exit 1, before
    // a peer being down (75), which the next run may well not see.
    if !report.unavailable.is_empty() {
        let said: Vec<String> = report
            .unavailable
            .iter()
            .map(|u| format!("{}: {}", u.channel, u.reason))
            .collect();
        anyhow::bail!("{}", said.join("; "));
    }
    if let Some(reason) = &report.lease_lost {
        return Err(crate::exit_codes::peer_down(reason.clone()));
    }
    if let Some(down) = report.peers_down.first() {
        return Err(crate::exit_codes::peer_down(format!(
            "{}: {}",
            down.channel, down.reason
        )));
    }
    // Our own key or settings refused: said once for the run, exit 1.
    match report.rejected.first() {
        Some(reason) => Err(anyhow::anyhow!("{reason}")),
        None => Ok(()),
    }
}
