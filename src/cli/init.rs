//! `publik init`: a commented config, the state and the link key, each said on stderr.

use std::path::PathBuf;

use crate::cli::Context;
use crate::store::StateLocation;
use crate::{logger, ops};

/// Write a commented publik.yaml (every key with its default), create the state file and the link key
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Directory for publik.yaml (and publik.sqlite3 unless --state is given)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    // init makes a SQLite state; a server's database is named in a config.
    let state = match &ctx.state_arg {
        Some(written) => match crate::site::written_by_user(&crate::config::Config::default(), written) {
            StateLocation::Sqlite(file) => Some(file),
            database => {
                return Err(crate::exit_codes::bad_field(
                    "state",
                    format!(
                        "init makes a SQLite state, not {}: for PostgreSQL write `state:`, state_password_file and \
                         serve.link_key_file in the config (publik.yaml(5)), then run any command",
                        database.shown().display()
                    ),
                ));
            }
        },
        None => None,
    };
    let report = ops::init::init(&args.dir, state.as_deref())?;
    if let Some(dir) = &report.created_dir {
        logger::tell(&format!("created the directory {}", dir.display()));
    }
    logger::tell(&format!("wrote the config {}", report.config.display()));
    logger::tell(&format!("created the state {}", report.state.display()));
    logger::tell(&format!("created the link key {}", report.link_key.display()));
    ctx.output.record(&report)
}
