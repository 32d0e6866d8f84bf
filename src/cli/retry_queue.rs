//! `publik retry-queue`: the send queue's run over the rows in error whose backoff passed.

use crate::cli::Context;
use crate::cli::send_queue::{self, RunArgs};
use crate::queue_row::Source;

/// Send again the messages in error whose backoff has passed
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub run: RunArgs,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    send_queue::run(ctx, &args.run.options(Source::Retry, "retry-queue")?)
}
