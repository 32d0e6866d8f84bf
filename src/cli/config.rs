//! `publik config check`: the effective settings, each channel's warnings, `--connect` probes.

use crate::cli::Context;
use crate::{ops, render};

/// Check the config file
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum ConfigCommand {
    /// Load and validate the config; print the effective settings (secrets masked)
    Check {
        /// Also connect to each configured server (SMTP, ...); exit 75 if one is down
        #[arg(long)]
        connect: bool,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    match args.command {
        ConfigCommand::Check { connect } => {
            // A site that does not resolve (a PostgreSQL state without its
            // key file) is said by the checks; the settings show what is written.
            let site = ctx.site().ok();
            let (report, error) = ops::config_check::check(ctx.config()?, site.as_ref(), connect);
            render::config_check(&report, ctx.output)?;
            error.map_or(Ok(()), Err)
        }
    }
}
