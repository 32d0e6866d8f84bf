use std::path::PathBuf;

use crate::cli::Context;
use crate::{ops, render};

/// Look at, back up and check the state file
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: StateCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum StateCommand {
    /// Path, schema version, size and row counts per table
    Info,
    /// Copy the state into FILE with SQLite's online backup: consistent, and
    /// safe while cron runs and `publik serve` write. FILE is replaced only
    /// once the copy is complete.
    Backup {
        /// The backup file (one self-contained SQLite file, mode 0600)
        file: PathBuf,
    },
    /// SQLite's integrity check and foreign key check; exit 1 on a problem
    Check,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    match args.command {
        StateCommand::Info => {
            render::state_info(&ops::state::info(&ctx.store()?, ctx.config()?)?, ctx.output)
        }
        StateCommand::Backup { file } => ops::state::backup(&ctx.store()?, &file),
        StateCommand::Check => {
            let report = ops::state::check(&ctx.store()?)?;
            render::state_check(&report, ctx.output)?;
            if report.ok {
                Ok(())
            } else {
                anyhow::bail!(
                    "state {} has {} problem(s)",
                    report.path.display(),
                    report.problems.len()
                )
            }
        }
    }
}
