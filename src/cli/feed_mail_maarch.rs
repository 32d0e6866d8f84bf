//! `publik feed-mail-maarch`: the harvest cron job.

use crate::cli::{Context, progress};
use crate::exit_codes::bad_input;
use crate::{ops, render, shutdown};
use anyhow::Context as _;

/// Harvest the scanned mail Maarch Courrier holds in maarch.status_grc
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Take at most N mails [default: maarch.batch]
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// List what would be harvested; change nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let mut store = ctx.store()?;
    shutdown::listen().context("cannot handle SIGTERM")?;
    let bar = progress::bar(ctx, "harvesting");
    let report = ops::maarch::feed(&mut store, config, args.limit, args.dry_run, &bar)?;
    drop(bar);
    if let Some(signal) = report.stopped_by {
        crate::logger::notice(&format!(
            "stopped by {signal}: {} stored, the rest left in Maarch for the next run",
            report.stored.len()
        ));
    }
    log::info!(
        "listed {}, stored {}, repaired {}, skipped {}",
        report.listed,
        report.stored.len(),
        report.repaired.len(),
        report.skipped.len()
    );
    render::feed_report(&report, args.dry_run, ctx.output)?;
    if report.skipped.is_empty() {
        return Ok(());
    }
    let skipped: Vec<String> = report
        .skipped
        .iter()
        .map(|s| format!("document {}: {}", s.res_id, s.error))
        .collect();
    Err(bad_input(format!(
        "{} mail(s) skipped, the others were harvested: {}",
        skipped.len(),
        skipped.join("; ")
    )))
}
