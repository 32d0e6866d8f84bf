use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::CommandFactory;

/// Write man pages, one per command (publik.1, publik-send-queue.1, ...)
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Output directory
    #[arg(long, value_name = "DIR", default_value = "man")]
    pub dir: PathBuf,
}

pub fn exec(args: Args) -> anyhow::Result<()> {
    std::fs::create_dir_all(&args.dir).with_context(|| format!("cannot create {}", args.dir.display()))?;
    write_pages(&crate::cli::Cli::command(), "publik", &args.dir)
}

fn write_pages(command: &clap::Command, name: &str, dir: &Path) -> anyhow::Result<()> {
    let command = command
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
