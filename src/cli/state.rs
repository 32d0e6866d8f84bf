use crate::cli::Context;
use crate::{ops, render};

/// Look at the state file
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: StateCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum StateCommand {
    /// Path, schema version, size and row counts per table
    Info,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    match args.command {
        StateCommand::Info => render::state_info(&ops::state::info(&ctx.store()?, ctx.config()?)?, ctx.json),
    }
}
