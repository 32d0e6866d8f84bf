//! `publik purge-tokens`: the nightly clean-up of action links.

use crate::cli::Context;
use crate::duration::Duration;
use crate::{ops, render};

/// Delete the action links that can no longer act (the nightly cron job)
///
/// Expired links, and used links once the grace period has passed (until
/// then, a second click says "already used" rather than "not valid").
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Keep used links this long after their use
    #[arg(long, value_name = "DURATION", default_value = "7d")]
    pub used_before: Duration,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let deleted = ops::workflow::purge_tokens(&mut ctx.store()?, args.used_before)?;
    log::info!("{deleted} action link(s) deleted");
    ctx.output.record(&render::Deleted { deleted })
}
