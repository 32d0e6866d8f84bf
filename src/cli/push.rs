//! `publik push`: browsers' push subscriptions.

use std::path::PathBuf;

use crate::cli::{Context, input};
use crate::{ops, render};

/// Web Push subscriptions (one per user and device)
#[derive(Debug, Clone, clap::Args)]
pub struct PushArgs {
    #[command(subcommand)]
    pub command: PushCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum PushCommand {
    /// Save a browser's PushSubscription.toJSON() for a user (the same endpoint is stored once)
    Subscribe {
        #[arg(long, value_name = "USER")]
        user: String,
        /// The subscription JSON file [default: stdin]
        #[arg(long, value_name = "FILE", default_value = "-")]
        subscription: PathBuf,
    },
    /// Remove a user's subscription (one endpoint, or all)
    Unsubscribe {
        #[arg(long, value_name = "USER")]
        user: String,
        #[arg(
            long,
            value_name = "URL",
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        endpoint: Option<String>,
        #[arg(long)]
        all: bool,
    },
    /// List subscriptions
    List {
        #[arg(long, value_name = "USER")]
        user: Option<String>,
    },
}

pub fn push(ctx: &Context, args: PushArgs) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    match args.command {
        PushCommand::Subscribe { user, subscription } => {
            let text = input::text("subscription", &subscription)?;
            let report = ops::push::subscribe(&mut store, ctx.config()?, &user, &text)?;
            ctx.output.record(&report)
        }
        PushCommand::Unsubscribe {
            user,
            endpoint,
            all: _,
        } => {
            let removed = store.unsubscribe_push(&user, endpoint.as_deref())?;
            log::info!("removed {removed} subscription(s)");
            ctx.output.record(&render::Removed { removed })
        }
        PushCommand::List { user } => {
            render::subscriptions(&store.subscriptions(user.as_deref())?, ctx.output)
        }
    }
}
