//! `publik group …`: newsletter subscriber groups and their members.

use std::path::PathBuf;

use crate::cli::{Context, input, progress};
use crate::store::MemberStatus;
use crate::{ops, render};

/// Subscriber groups for newsletters
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: GroupCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum GroupCommand {
    /// Create a group
    Create {
        /// Short name: lowercase letters, digits, - and _
        slug: String,
        /// The group's name, as shown to subscribers
        #[arg(long, value_name = "TEXT")]
        label: String,
    },
    /// List groups with their member counts
    List,
    /// Add members by address (already present: ignored)
    Add {
        /// The group's short name
        slug: String,
        /// Addresses to add
        #[arg(required = true, value_name = "ADDR")]
        addresses: Vec<String>,
    },
    /// Import members from a CSV with an `email` column (other columns become
    /// template attributes) or from a plain list, one address per line
    Import {
        /// The group's short name
        slug: String,
        /// The CSV or plain list; `-` reads standard input
        file: PathBuf,
        /// Import the good lines and report the bad ones (default: a bad line imports nothing)
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Remove members
    Remove {
        /// The group's short name
        slug: String,
        /// Addresses to remove
        #[arg(required = true, value_name = "ADDR")]
        addresses: Vec<String>,
    },
    /// List a group's members
    Members {
        /// The group's short name
        slug: String,
        /// Only members in this status
        #[arg(long, value_enum)]
        status: Option<MemberStatus>,
    },
    /// Unsubscribe the member an unsubscribe link was sent to
    Unsubscribe {
        /// The token of the link (it may start with "-")
        #[arg(long, value_name = "TOKEN", allow_hyphen_values = true)]
        token: String,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    match args.command {
        GroupCommand::Create { slug, label } => ops::newsletter::create_group(&mut store, &slug, &label),
        GroupCommand::List => render::groups(&ops::newsletter::list_groups(&store)?, ctx.output),
        GroupCommand::Add { slug, addresses } => render::add_report(
            &ops::newsletter::add_members(&mut store, &slug, &addresses)?,
            ctx.output,
        ),
        GroupCommand::Import {
            slug,
            file,
            skip_invalid,
        } => {
            let file = input::reader("file", &file)?;
            let bar = progress::bar(ctx, "importing");
            let report = ops::newsletter::import(&mut store, &slug, file, skip_invalid, &bar)?;
            drop(bar);
            render::add_report(&report, ctx.output)
        }
        GroupCommand::Remove { slug, addresses } => {
            let removed = ops::newsletter::remove_members(&mut store, &slug, &addresses)?;
            log::info!("removed {removed} member(s)");
            ctx.output.record(&render::Removed { removed })
        }
        GroupCommand::Members { slug, status } => {
            render::members(&ops::newsletter::members(&store, &slug, status)?, ctx.output)
        }
        GroupCommand::Unsubscribe { token } => {
            let done = ops::newsletter::unsubscribe(&mut store, &token)?;
            log::info!("{} unsubscribed from {}", done.email, done.group);
            ctx.output.record(&done)
        }
    }
}
