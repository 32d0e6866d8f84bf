//! `publik newsletter send`: a template queued to every active member of a group.

use crate::cli::{Context, progress};
use crate::ops;

/// Send a template to every active member of a group
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: NewsletterCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum NewsletterCommand {
    /// Queue one email per active member (one transaction), each with its own unsubscribe link
    Send {
        /// The template to send (its name)
        #[arg(long, value_name = "NAME")]
        template: String,
        /// The group whose active members get it (its short name)
        #[arg(long, value_name = "SLUG")]
        group: String,
        /// Template variable KEY=VALUE; repeatable
        #[arg(long, value_name = "KEY=VALUE")]
        var: Vec<String>,
        /// Do not send before this time
        #[arg(long, value_name = "TIME")]
        not_before: Option<String>,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    match args.command {
        NewsletterCommand::Send {
            template,
            group,
            var,
            not_before,
        } => {
            let config = ctx.config()?;
            let (site, mut store) = ctx.site_and_store()?;
            let actor = ops::actor("newsletter");
            let bar = progress::bar(ctx, "queuing");
            let report = ops::newsletter::send(
                &mut store,
                config,
                &site.link_key,
                &ops::newsletter::SendRequest {
                    template: &template,
                    group: &group,
                    vars: &var,
                    not_before: not_before.as_deref(),
                },
                &actor,
                &bar,
            )?;
            drop(bar);
            log::info!("queued {} message(s) to {}", report.queued, report.group);
            ctx.output.record(&report)
        }
    }
}
