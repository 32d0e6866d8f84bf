//! `publik completions SHELL`: the shell completion script, from the clap definitions.

use clap::CommandFactory;
use clap_complete::Shell;

/// Print a shell completion script
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell
    pub shell: Shell,
}

pub fn exec(args: Args) -> anyhow::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut crate::cli::Cli::command(), "publik", &mut script);
    crate::render::out(&String::from_utf8_lossy(&script))?;
    Ok(())
}
