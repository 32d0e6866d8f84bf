//! `publik vapid`: the Web Push key pair.

use std::path::PathBuf;

use crate::cli::Context;
use crate::exit_codes::bad_input;
use crate::{ops, render};

/// VAPID keys for Web Push (RFC 8292)
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: VapidCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum VapidCommand {
    /// Create a P-256 key pair: the private key to a file (mode 0600), the
    /// public key (applicationServerKey, base64url) on stdout
    Generate {
        /// Private key file [default: the config's webpush.private_key_file]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print the public key of the configured private key
    Show,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let public = match args.command {
        VapidCommand::Generate { out } => {
            let out = match out {
                Some(path) => path,
                None => config
                    .webpush
                    .private_key_file
                    .as_ref()
                    .map(|p| config.resolve_path(p))
                    .ok_or_else(|| bad_input("--out: give a file (or set webpush.private_key_file)"))?,
            };
            ops::push::generate_key(&out)?
        }
        VapidCommand::Show => ops::push::public_key(config)?,
    };
    render::public_key(&public, ctx.output)
}
