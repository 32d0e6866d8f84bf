//! `publik state info|upgrade|backup|restore|check|migrate`: the state itself.

use std::path::PathBuf;

use crate::cli::Context;
use crate::store::OlderSchema;
use crate::{ops, render};

/// Look at, back up, check and migrate the state
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
    /// Bring the state's schema up to this publik's (what any command that
    /// writes does first), keeping a copy of it as it was beside it
    /// (`STATE.schema-N`); prints what `state info` prints
    Upgrade,
    /// Put BACKUP in place of the state: refused while another publik has
    /// the state open; the backup must pass `state check`; the state it
    /// replaces is kept beside it, with its WAL, as STATE.replaced-TIME.
    /// (Copying the file by hand is no restore: SQLite would replay the
    /// live WAL over it.)
    Restore {
        /// The backup file (made by `publik state backup`)
        backup: PathBuf,
    },
    /// SQLite's integrity check and foreign key check (PostgreSQL: every
    /// table read through, the schema compared); exit 1 on a problem
    Check,
    /// Copy every row into another, empty state: a PostgreSQL database
    /// (postgresql://USER@HOST/DB) or a SQLite file, from one consistent
    /// snapshot, in one transaction; the row counts of both are compared
    /// before it commits. Stop the timers first: rows queued meanwhile stay
    /// in the old state only.
    Migrate {
        /// The target state (URL or file); refused unless empty
        #[arg(long, value_name = "STATE")]
        to: PathBuf,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    match args.command {
        StateCommand::Info => {
            let site = ctx.site()?;
            let store = ctx.store_to_read(OlderSchema::Read)?;
            render::state_info(&ops::state::info(&store, &site)?, ctx.output)
        }
        StateCommand::Upgrade => {
            let (site, store) = ctx.site_and_store()?;
            render::state_info(&ops::state::info(&store, &site)?, ctx.output)
        }
        StateCommand::Restore { backup } => {
            let restored = ops::state::restore(&ctx.site()?, &backup)?;
            render::state_restored(&restored, ctx.output)
        }
        StateCommand::Backup { file } => ops::state::backup(&ctx.store()?, &file),
        StateCommand::Migrate { to } => {
            let to = crate::site::written_by_user(ctx.config()?, &to);
            let report = ops::state::migrate(&ctx.store()?, &to)?;
            render::state_migrate(&report, ctx.output)
        }
        StateCommand::Check => {
            let report = ops::state::check(&ctx.store_to_read(OlderSchema::Read)?)?;
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
