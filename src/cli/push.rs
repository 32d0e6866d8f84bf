//! `publik push`: browsers' push subscriptions.

use std::path::PathBuf;

use crate::cli::{Context, input};
use crate::{ops, render};

/// Web Push subscriptions (one per user and device)
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: PushCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum PushCommand {
    /// Save a browser's PushSubscription.toJSON() for a user (the same endpoint is stored once)
    Subscribe {
        /// The user the subscription belongs to
        #[arg(long, value_name = "USER")]
        user: String,
        /// The subscription JSON file [default: stdin]
        #[arg(long, value_name = "FILE", default_value = "-")]
        subscription: PathBuf,
    },
    /// Remove a user's subscription (one endpoint, or all)
    Unsubscribe {
        /// The user whose subscriptions to remove
        #[arg(long, value_name = "USER")]
        user: String,
        /// Only the subscription of this endpoint
        #[arg(
            long,
            value_name = "URL",
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        endpoint: Option<String>,
        /// Every subscription of the user
        #[arg(long)]
        all: bool,
    },
    /// A token naming a user, for the site's page that subscribes the user's
    /// browser through publik serve's POST /push/subscribe/?token=TOKEN
    Token {
        /// The user the token names
        #[arg(long, value_name = "USER")]
        user: String,
        /// How long the page may use it
        #[arg(long, value_name = "DURATION", default_value = "1h")]
        ttl: crate::duration::Duration,
    },
    /// List subscriptions
    List {
        /// Only this user's subscriptions
        #[arg(long, value_name = "USER")]
        user: Option<String>,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
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
            let removed = ops::push::unsubscribe(&mut store, &user, endpoint.as_deref())?;
            log::info!("removed {removed} subscription(s)");
            ctx.output.record(&render::Removed { removed })
        }
        PushCommand::Token { user, ttl } => {
            let (token, expires) = ops::push::token(&ctx.site()?.link_key, &user, ttl)?;
            match ctx.output {
                render::Output::Json => {
                    render::json(&serde_json::json!({"token": token, "expires_at": expires}))
                }
                render::Output::Text => Ok(render::out(&token)?),
            }
        }
        PushCommand::List { user } => {
            render::subscriptions(&store.subscriptions(user.as_deref())?, ctx.output)
        }
    }
}
